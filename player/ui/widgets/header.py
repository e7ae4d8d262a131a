"""The episode's header: cover, title, show line, and a banner for what the listener must know.

The banner says when the audio is a stand-in, or why it cannot be played, and offers the one
action that fixes it (attach audio). All text is set as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

COVER_PX = 64

_BANNER_STYLE = {
    "info": "QFrame#banner { background: rgba(37, 99, 235, 0.10); border-radius: 6px; }",
    "error": "QFrame#banner { background: rgba(220, 38, 38, 0.14); border-radius: 6px; }",
}


class Banner(QFrame):
    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Notice")
        self.button = QPushButton("Attach audio…", self)
        self.button.setAccessibleName("Attach audio")
        self.button.clicked.connect(self.action_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str, action: str | None = "Attach audio…") -> None:
        self.kind = kind
        self.setStyleSheet(_BANNER_STYLE[kind])
        self.message.setText(text)
        self.button.setVisible(action is not None)
        if action:
            self.button.setText(action)
            self.button.setAccessibleName(action.rstrip("…"))
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.hide()


class EpisodeHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cover = QLabel(self)
        self.cover.setFixedSize(COVER_PX, COVER_PX)
        self.cover.setAccessibleName("Cover art")
        self.cover.hide()
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        self.title.setFont(f)
        self.subtitle = QLabel(self)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        pal = self.subtitle.palette()
        muted = pal.color(self.subtitle.foregroundRole())
        muted.setAlpha(170)
        pal.setColor(self.subtitle.foregroundRole(), muted)
        self.subtitle.setPalette(pal)
        self.banner = Banner(self)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        row = QHBoxLayout()
        row.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.addLayout(row)
        outer.addWidget(self.banner)

    def set_episode(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))

    def set_cover(self, data: bytes | None) -> None:
        pix = QPixmap()
        if data and pix.loadFromData(data):
            dpr = self.devicePixelRatioF()
            scaled = pix.scaled(
                int(COVER_PX * dpr),
                int(COVER_PX * dpr),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(dpr)
            self.cover.setPixmap(scaled)
            self.cover.show()
        else:
            self.cover.clear()
            self.cover.hide()
