"""The Library window: every bundled episode and every brief the listener opened, one key away.

It does not block the player: audio keeps playing while the listener browses, and opening an
item hands it to the main window, which resumes it exactly as a fresh start would. Nothing here
raises at the listener; a brief that cannot be opened says why in the window's own message line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.appdirs import content_dir
from player.core.brief.models import BriefError
from player.core.episodes import Episode, discover_episodes, open_episode
from player.core.library_entries import LibraryItem, library_items
from player.core.storage.database import StorageError
from player.ui.library.library_model import LibraryDelegate, LibraryModel
from player.ui.loading import episode_from_brief_file, from_episode
from player.ui.open_episode import OpenEpisode

if TYPE_CHECKING:
    from player.ui.app_data import AppData
    from player.ui.shell import Shell

DropHook = Callable[[QWidget], object]  # makes a widget take dropped files like the window
LOAD_ERRORS = (BriefError, OSError, ValueError)  # ValueError covers bad encodings and fields


def load_item(item: LibraryItem) -> OpenEpisode:
    """The episode behind a row; a bundled one opens as its folder so its id stays the folder's."""
    if item.brief_path is None:
        raise BriefError("no file is recorded for it")
    if item.bundled:
        return from_episode(open_episode(item.brief_path.parent))
    return episode_from_brief_file(item.brief_path)


def missing_message(item: LibraryItem) -> str:
    return (
        f"“{item.title}” cannot be opened: its brief file {item.brief_path} is no longer there. "
        "If you moved it, open it from its new place with Open Brief…, or remove it from the "
        "library. Its notes are kept either way."
    )


class LibraryDialog(QDialog):
    opened = Signal(str)  # the episode id, once the main window shows it

    def __init__(
        self,
        window: Shell,
        data: AppData | None,
        *,
        accept_drops: DropHook | None = None,
    ) -> None:
        """``accept_drops`` makes the dialog take dropped files like the window does."""
        super().__init__(window.as_widget())
        self.main = window
        self._data = data
        self.setObjectName("library_dialog")
        self.setWindowTitle("Library — Brief Player")
        self.setAccessibleName("Library")

        self.model = LibraryModel(self)
        self.view = QListView(self)
        self.view.setObjectName("library_list")
        self.view.setAccessibleName("Episodes and briefs")
        self.view.setModel(self.model)
        self.delegate = LibraryDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.delegate.art.arrived.connect(self._cover_arrived)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.activated.connect(self._activated)  # Enter, and double-click
        self.view.selectionModel().currentChanged.connect(self._update_buttons)

        self.message = QLabel(self)
        self.message.setObjectName("library_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.problems_button = self._button("Show &Problems…", window.show_problems)
        self.problems_button.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.problems_button, 0, Qt.AlignmentFlag.AlignTop)

        self.open_button = self._button("&Open", self.open_selected)
        self.remove_button = self._button("&Remove from Library…", self.remove_selected)
        self.open_brief_button = self._button("Open &Brief…", self.choose_brief)
        close_button = self._button("Close", self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_brief_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(message_row)
        layout.addLayout(buttons)
        self.setTabOrder(self.view, self.open_button)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.remove_selected)
        if accept_drops is not None:
            accept_drops(self)
        window.episode_changed.connect(self._episode_changed)
        self.resize(640, 520)

    def _cover_arrived(self, _audio: str) -> None:
        self.view.viewport().update()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        # Enter belongs to the list (it opens the current row); no button may take it as well.
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(slot)
        return button

    # showing ----------------------------------------------------------------------------------

    def present(self) -> None:
        """Show the list fresh from disk, with the open episode selected."""
        self.say("")
        self.refresh()
        current = self.main.episode.id if self.main.episode else None
        row = self.model.row_of(current) if current else None
        self.select_row(row if row is not None else 0)
        self.show()
        self.raise_()
        self.activateWindow()
        self.view.setFocus()

    def refresh(self) -> None:
        selected = self.selected_item()
        data = self._data
        recent = []
        try:
            recent = data.library.list_recent() if data is not None else []
        except StorageError as e:
            self.say(f"The list of opened briefs cannot be read: {e}")
        self.model.set_items(
            library_items(
                _bundled(),
                recent,
                data.playstate if data is not None else None,
                data.notes if data is not None else None,
            )
        )
        if selected is not None:
            row = self.model.row_of(selected.episode_id)
            if row is not None:
                self.select_row(row)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def selected_item(self) -> LibraryItem | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def say(self, text: str) -> None:
        self.problems_button.hide()
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_buttons(self, *_args) -> None:
        item = self.selected_item()
        self.open_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None and item.removable)

    def _episode_changed(self) -> None:
        """A brief opened while the library is up (Open Brief…, a drop) joins the list at the
        top, with its unreadable lines counted, so the listener sees what came in."""
        episode = self.main.episode
        if not self.isVisible() or episode is None:
            return
        self.refresh()
        row = self.model.row_of(episode.id)
        if row is not None:
            self.select_row(row)
        n = len(episode.problems)
        if n:
            self.say(
                f"Opened “{episode.display_title()}”. {n} line{'s' if n != 1 else ''} could not "
                f"be read; the rest is shown. First: {episode.problems[0]}"
            )
        else:
            self.say(f"Opened “{episode.display_title()}”.")
        self.problems_button.setVisible(bool(n))

    # opening ----------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_item(self.model.item(index.row()))

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: LibraryItem) -> bool:
        """Open ``item`` in the main window and step aside; or say why it cannot be opened."""
        if item.missing or item.brief_path is None or not item.brief_path.exists():
            self.say(missing_message(item))
            self.refresh()  # it may have gone missing since the list was drawn
            return False
        try:
            episode = load_item(item)
        except LOAD_ERRORS as e:
            self.say(f"“{item.title}” cannot be opened: {e}")
            return False
        self.main.open_and_resume(episode)
        self.say("")
        self.hide()
        self.opened.emit(episode.id)
        return True

    def choose_brief(self) -> None:
        self.main.choose_brief()

    def open_brief(self, path: Path) -> None:
        """A brief chosen or dropped here opens like one dropped on the main window."""
        self.main.open_brief_file(path)

    # removing ---------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if not item.removable:
            self.say(f"“{item.title}” comes with the app, so it stays in the library.")
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove from Library",
            f"Remove “{item.title}” from the library?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirm_remove")
        box.setInformativeText(
            "The brief file is not deleted, and your notes and place in it are kept: "
            "open the file again to bring it back."
        )
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.remove(item) if button is remove else None)
        box.open()  # window-modal and not blocking: playback and tests carry on

    def remove(self, item: LibraryItem) -> None:
        data = self._data
        if data is None:
            return
        try:
            data.library.remove(item.episode_id)
        except StorageError as e:
            self.say(f"“{item.title}” could not be removed: {e}")
            return
        row = self.model.row_of(item.episode_id) or 0
        self.refresh()
        self.select_row(min(row, self.model.rowCount() - 1))
        self.say(f"Removed “{item.title}” from the library.")


def _bundled() -> list[Episode]:
    try:
        return discover_episodes(content_dir())
    except OSError:
        return []
