"""The Sync Points dialog: the audio file's points as a table, to remove one, clear or undo.

Everything it changes goes through the ``SyncController`` (``sync_points``), so each edit is
one undo step in the window's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player.core.timefmt import format_ms

if TYPE_CHECKING:
    from player.ui.tracks.sync_points import SyncController


def offset_text(brief_ms: int, audio_ms: int) -> str:
    """``+2.0 s``: how much later (or earlier) the copy says it than the brief's release."""
    d = (audio_ms - brief_ms) / 1000
    return f"{'+' if d >= 0 else '−'}{abs(d):.1f} s"


class SyncPointsDialog(QDialog):
    """The audio file's sync points as a table: brief time, audio time, offset, the quote."""

    def __init__(self, ctl: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.setWindowTitle("Sync Points")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("sync_table")
        self.table.setAccessibleName("Sync points")
        self.table.setHorizontalHeaderLabels(["Brief", "Audio", "Offset", "Quote"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.setAccessibleName("Remove the selected sync point")
        self.clear_button = QPushButton("C&lear All", self)
        self.clear_button.setAccessibleName("Remove every sync point of this audio file")
        self.undo_button = QPushButton("&Undo", self)
        self.undo_button.setAccessibleName("Undo")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for b in (self.remove_button, self.clear_button, self.undo_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(ctl.clear)
        self.undo_button.clicked.connect(ctl.undo_stack.undo)
        self.table.itemSelectionChanged.connect(self._enable)
        stack = ctl.undo_stack
        for text, keys, slot in (
            ("Undo", QKeySequence.StandardKey.Undo, stack.undo),
            ("Redo", QKeySequence.StandardKey.Redo, stack.redo),
            ("Remove", QKeySequence.StandardKey.Delete, self.remove_selected),
        ):
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        # Straight to the button: the stack may outlive this dialog or die first at exit.
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def refresh(self) -> None:
        points = self.ctl.map.points
        if self.ctl.key is None:
            self.intro.setText("No audio file is attached, so there is nothing to sync.")
        elif not points:
            self.intro.setText(
                "No sync points: the audio is taken to match the brief's times. Select a quote, "
                "play to where it is said and press Ctrl+J."
            )
        else:
            self.intro.setText(
                "From each point on, the audio is this much later than the brief. "
                "Select a quote, play to where it is said and press Ctrl+J to add one."
            )
        self.table.setRowCount(len(points))
        for row, (b, a) in enumerate(points):
            cells = (format_ms(b), format_ms(a), offset_text(b, a), self.ctl.label_at(b))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b)
                self.table.setItem(row, col, item)
        self.undo_button.setEnabled(self.ctl.undo_stack.canUndo())
        self._enable()

    def selected_brief_ms(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def remove_selected(self) -> None:
        b = self.selected_brief_ms()
        if b is not None:
            self.ctl.remove(b)

    def _enable(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected_brief_ms() is not None)
        self.clear_button.setEnabled(self.table.rowCount() > 0)
