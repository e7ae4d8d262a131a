"""A dialog asking for a time, taken the way people type it (Go to Time, a note's new time)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from player.core.navigation.goto import parse_go_to
from player.core.timefmt import TimeFormatError, format_ms


class TimeDialog(QDialog):
    """Accepts only a time it can read; a wrong one is named under the box, not a beep."""

    def __init__(
        self,
        parent: QWidget,
        now_ms: int,
        length_ms: int,
        *,
        title: str = "Go to Time",
        prompt: str = "Go to:",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.length_ms = length_ms
        self.target_ms: int | None = None
        self.edit = QLineEdit(format_ms(now_ms), self)
        self.edit.setObjectName("go_to_time")
        self.edit.setAccessibleName("Time to go to")
        self.edit.selectAll()
        hint = QLabel(f"1:05:10, 65m or 3910 (seconds); the episode is {format_ms(length_ms)}")
        hint.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setObjectName("go_to_error")
        self.error.setStyleSheet("color: #b91c1c")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            seconds = parse_go_to(self.edit.text())
        except TimeFormatError as e:
            self.error.setText(str(e).capitalize())
            self.error.show()
            self.edit.setFocus()
            return
        ms = round(seconds * 1000)
        if self.length_ms > 0 and ms > self.length_ms:
            self.error.setText(f"The episode ends at {format_ms(self.length_ms)}.")
            self.error.show()
            return
        self.target_ms = ms
        super().accept()
