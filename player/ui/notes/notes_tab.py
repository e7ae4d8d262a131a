"""The Notes tab: this episode's notes in time order, each one Enter away from its moment.

The list is a ``CardListView``: with 100,000 notes, one added or deleted is one card measured,
not the whole list laid out again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from player.core.storage.notes import Note
from player.ui.notes.note_card import NoteCardDelegate
from player.ui.notes.notes_model import NOTE_ROLE, NotesModel
from player.ui.widgets.card_list import configure_card_list
from player.ui.widgets.card_view import CardListView


class NotesTab(QWidget):
    play_requested = Signal(object)  # Note
    edit_requested = Signal(object)  # Note
    delete_requested = Signal(object)  # Note
    current_changed = Signal(object)  # Note | None

    def __init__(self, model: NotesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view: CardListView = configure_card_list(CardListView(self), "Notes")
        self.view.setModel(model)
        self.delegate = NoteCardDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        model.modelReset.connect(self.delegate.clear_cache)
        self.view.activated.connect(lambda idx: self._emit(self.play_requested, idx))
        self.view.selectionModel().currentChanged.connect(
            lambda cur, _prev: self.current_changed.emit(cur.data(NOTE_ROLE))
        )
        self.empty = QLabel(
            "No notes yet. Press N while listening to note the moment, A and B to mark a clip.",
            self,
        )
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName("No notes")

        self.play_button = QPushButton("Play", self)
        self.edit_button = QPushButton("Edit", self)
        self.delete_button = QPushButton("Delete", self)
        self.play_button.setToolTip("Play from this note (Enter)")
        self.edit_button.setToolTip("Edit the note's text and tags (F2)")
        self.delete_button.setToolTip("Delete the note (Delete; Ctrl+Z brings it back)")
        self.play_button.setAccessibleName("Play from the selected note")
        self.edit_button.setAccessibleName("Edit the selected note")
        self.delete_button.setAccessibleName("Delete the selected note")
        self.play_button.clicked.connect(lambda: self._emit_current(self.play_requested))
        self.edit_button.clicked.connect(lambda: self._emit_current(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.delete_requested))
        for key, signal in (("F2", self.edit_requested), ("Delete", self.delete_requested)):
            action = QAction(self.view)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=signal: self._emit_current(s))
            self.view.addAction(action)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 4, 6, 6)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        model.modelReset.connect(self._update_state)
        model.rowsInserted.connect(lambda *_: self._update_state())
        model.rowsRemoved.connect(lambda *_: self._update_state())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_state())
        self._update_state()

    def current_note(self) -> Note | None:
        index = self.view.currentIndex()
        return index.data(NOTE_ROLE) if index.isValid() else None

    def select(self, note_id: str) -> None:
        row = self.model.row_of(note_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def _emit(self, signal: Signal, index) -> None:
        note = index.data(NOTE_ROLE)
        if note is not None:
            signal.emit(note)  # type: ignore[attr-defined]

    def _emit_current(self, signal: Signal) -> None:
        self._emit(signal, self.view.currentIndex())

    def _update_state(self) -> None:
        has_notes = self.model.rowCount() > 0
        self.empty.setVisible(not has_notes)
        has_current = self.view.currentIndex().isValid()
        for button in (self.play_button, self.edit_button, self.delete_button):
            button.setEnabled(has_current)
