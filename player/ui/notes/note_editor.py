"""The small editor that opens on N: the note's words and its tags.

Enter (or Ctrl+Enter) saves, Shift+Enter starts a new line, Esc closes. The note already exists
when the editor opens, so Esc on a fresh note leaves a bookmark at the moment of the key press,
and a crash while typing loses the words, never the moment.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from player.core.storage.notes import Note
from player.ui.notes.notes_model import moment


class NoteEditor(QDialog):
    def __init__(self, note: Note, parent: QWidget | None = None, *, fresh: bool = True) -> None:
        super().__init__(parent)
        self.note = note
        self.setWindowTitle("New Note" if fresh else "Edit Note")
        self.setAccessibleName(self.windowTitle())
        head = QLabel(self)
        head.setTextFormat(Qt.TextFormat.PlainText)  # an attached quote is text, not markup
        head.setWordWrap(True)
        where = ("Clip " if note.is_clip else "Note at ") + moment(note)
        if note.attached is not None:
            where += f" on the {note.attached.kind}: {note.attached.label}"
        head.setText(where)
        self.head = head
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName("Note text")
        self.text_edit.setPlaceholderText("What struck you here? (Esc keeps a bare bookmark)")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlainText(note.text)
        self.text_edit.installEventFilter(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setPlaceholderText("tags, separated by spaces")
        self.tags_edit.setText(" ".join(note.tags))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.tags_edit)
        layout.addWidget(buttons)
        self.resize(420, 220)
        self.text_edit.setFocus()

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def tags(self) -> list[str]:
        return self.tags_edit.text().replace(",", " ").split()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.accept()
                return True
        return super().eventFilter(watched, event)
