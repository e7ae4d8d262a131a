"""Find This Episode in a Feed: paste the show's feed address, pick the episode, download it.

The dialog only asks and shows. Reading the feed and downloading are the controller's jobs (the
window's job bar shows them, with Cancel), so the dialog never waits on the network and can be
closed at any moment. It also serves Get the Real Episode when the feed has two episodes alike:
it opens on the feed already read, the candidates best first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.ui.feed.candidates_model import CandidatesModel

if TYPE_CHECKING:
    from player.core.feed import Feed, FeedEpisode, MatchResult

INTRO = (
    "Paste the address of the show's feed (RSS). Its episodes are listed with the best match "
    "for this brief first; pick one to download it and attach it as the episode's audio."
)


class FeedDialog(QDialog):
    list_requested = Signal(str)  # the feed address typed
    download_requested = Signal(object, bool)  # FeedEpisode, play while it downloads

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find This Episode in a Feed")
        self.setObjectName("feed_dialog")
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.url = QLineEdit(self)
        self.url.setObjectName("feed_url")
        self.url.setPlaceholderText("https://example.org/podcast/feed.rss")
        self.url.setAccessibleName("Feed address")
        self.url.setClearButtonEnabled(True)
        self.list_button = QPushButton("&List Episodes", self)
        self.list_button.setObjectName("feed_list")
        self.message = QLabel(self)
        self.message.setObjectName("feed_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # feed titles are not ours
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Feed status")
        self.model = CandidatesModel(self)
        self.view = QListView(self)
        self.view.setObjectName("feed_episodes")
        self.view.setAccessibleName("Episodes of the feed, best match first")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)  # every row is two lines: a long feed lays out fast
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(3)  # two-line rows read apart
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stream = QCheckBox("&Play while it downloads", self)
        self.stream.setObjectName("feed_stream")
        self.stream.setToolTip(
            "Start listening from the feed at once; the player switches to the downloaded file "
            "at the same moment when it is complete."
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.download_button = buttons.addButton(
            "&Download", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.download_button.setObjectName("feed_download")
        for button in (self.list_button, self.download_button):
            button.setAutoDefault(False)  # Enter in the address lists; it never downloads
        buttons.rejected.connect(self.reject)
        self.download_button.clicked.connect(self._download)

        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.stream)
        layout.addWidget(buttons)
        self.resize(640, 460)

        self.url.returnPressed.connect(self._list)
        self.list_button.clicked.connect(self._list)
        self.view.doubleClicked.connect(lambda _i: self._download())
        self.view.activated.connect(lambda _i: self._download())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()

    # what the controller tells it -------------------------------------------------------------

    def present(self, url: str = "", message: str = "") -> None:
        if url:
            self.url.setText(url)
        self.message.setText(message)
        self.show()
        self.raise_()
        self.activateWindow()
        (self.view if self.model.rowCount() else self.url).setFocus()

    def show_reading(self, url: str) -> None:
        self.url.setText(url)
        self.model.set_candidates(())
        self.message.setText("Reading the feed…")
        self.list_button.setEnabled(False)
        self._enable()

    def show_feed(self, feed: Feed, result: MatchResult, message: str = "") -> None:
        self.list_button.setEnabled(True)
        self.model.set_candidates(result.candidates)
        n = len(feed.episodes)
        self.message.setText(
            message or f"{feed.title or feed.url}: {n} episode{'s' if n != 1 else ''}."
        )
        if self.model.rowCount():
            first = self.model.index(0)
            self.view.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollToTop()
            self.view.setFocus()
        self._enable()

    def show_error(self, message: str) -> None:
        self.list_button.setEnabled(True)
        self.message.setText(message)
        self._enable()

    def chosen(self) -> FeedEpisode | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.episode(rows[0].row()) if rows else None

    # what the listener does -------------------------------------------------------------------

    def _list(self) -> None:
        url = self.url.text().strip()
        if not url:
            self.message.setText("Type or paste the feed's address first.")
            self.url.setFocus()
            return
        self.list_requested.emit(url)

    def _download(self) -> None:
        episode = self.chosen()
        if episode is None:
            return
        if episode.enclosure is None:
            self.message.setText(f"{episode.title}: the feed gives no audio file for it.")
            return
        self.accept()
        self.download_requested.emit(episode, self.stream.isChecked())

    def _enable(self) -> None:
        self.download_button.setEnabled(self.chosen() is not None)
