"""The quote finder's answer, for the listener to check before anything changes.

Nothing is written until the listener accepts: they can untick (reject) a quote, and hear a few
seconds around where it was found first. The dialog does not block the window, so playback and
the brief stay usable while it is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player.core.align import Status
from player.ui.align.result_model import QUOTE, QuoteResultsModel

PlayAround = Callable[[int], None]  # audio ms to hear around


class ResultDialog(QDialog):
    def __init__(
        self,
        model: QuoteResultsModel,
        *,
        intro: str,
        play_around: PlayAround,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quotes Found in This Audio")
        self.model = model
        self._play_around = play_around
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableView(self)
        self.table.setObjectName("align_table")
        self.table.setAccessibleName("Quotes found in this audio")
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col in range(QUOTE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.play_row(index.row()))

        self.play_button = QPushButton("&Play Around It", self)
        self.play_button.setAccessibleName("Play a few seconds around where the quote was found")
        self.reject_button = QPushButton("&Reject", self)
        self.reject_button.setAccessibleName("Leave the selected quote where it is")
        self.accept_button = QPushButton("&Accept All", self)
        self.accept_button.setObjectName("align_accept")
        self.accept_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.play_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.accept_button.clicked.connect(self.accept)
        self.play_button.clicked.connect(lambda: self.play_row(self.selected_row()))
        self.reject_button.clicked.connect(self.reject_selected)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        model.ticks_changed.connect(self._enable)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)
        self._enable()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def play_row(self, row: int | None) -> None:
        if row is None:
            return
        q = self.model.quotes[row]
        self._play_around(q.found_ms if q.found_ms is not None else q.placed_ms)

    def reject_selected(self) -> None:
        """Untick the selected quote, or tick it again when it was already rejected."""
        row = self.selected_row()
        if row is not None:
            self.model.set_ticked(row, not self.model.ticked[row])

    def _enable(self, *_args: object) -> None:
        ticked, tickable = self.model.counts()
        self.accept_button.setEnabled(ticked > 0)
        self.accept_button.setText(
            "&Accept All" if ticked == tickable else f"&Accept {ticked} of {tickable}"
        )
        row = self.selected_row()
        q = self.model.quotes[row] if row is not None else None
        self.play_button.setEnabled(q is not None)
        self.reject_button.setEnabled(q is not None and q.status is Status.FOUND)
        if q is not None and q.status is Status.FOUND:
            self.reject_button.setText("&Reject" if self.model.ticked[row] else "&Keep")
