"""Every note of every episode, newest first, with a filter; a click goes to its moment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from player.core.storage.database import StorageError
from player.core.storage.notes import NoteStore
from player.ui.notes.note_card import NoteCardDelegate
from player.ui.notes.notes_model import NOTE_ROLE, NotesModel
from player.ui.widgets.card_list import card_list

SHOWN = 2_000  # newest notes listed; the filter reaches every note in the database


class AllNotesDialog(QDialog):
    note_chosen = Signal(object)  # Note

    def __init__(
        self,
        store: NoteStore,
        episode_id: str,
        parent: QWidget | None = None,
        *,
        title_of: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("All Notes")
        self.store = store
        self.episode_id = episode_id
        self.model = NotesModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter notes in every episode…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter notes")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.view: QListView = card_list(self, "All notes")
        self.view.setModel(self.model)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.delegate = NoteCardDelegate(self.view, show_episode=title_of)
        self.view.setItemDelegate(self.delegate)
        self.model.modelReset.connect(self.delegate.clear_cache)
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())
        self.resize(560, 640)
        self.refresh()

    def refresh(self) -> None:
        query = self.filter_edit.text().strip()
        try:
            if query:
                notes = [h.note for h in self.store.search(query, limit=SHOWN)]
                notes.sort(key=lambda n: n.updated_at, reverse=True)
            else:
                notes = self.store.all_recent(SHOWN)
            total = self.store.count()
        except StorageError as e:
            self.status.setText(str(e))
            return
        self.model.set_notes(notes, keep_order=True)
        if query:
            self.status.setText(f"{len(notes)} matching notes")
        elif total > len(notes):
            self.status.setText(f"The newest {len(notes)} of {total} notes; filter to find others")
        else:
            self.status.setText(f"{total} note{'s' if total != 1 else ''}")

    def _chosen(self, index) -> None:
        note = index.data(NOTE_ROLE)
        if note is not None:
            self.note_chosen.emit(note)
