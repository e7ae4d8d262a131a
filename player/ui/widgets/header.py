"""The episode's header: cover, title, show line, and a banner for what the listener must know.

The banner says when the audio is a stand-in, or why it cannot be played, and offers the one
action that fixes it (attach audio). All text is set as plain text.

Colours come from the palette in effect when painting, never from a style sheet or a palette
copied at construction: both keep the colours of the theme the window was built in, and after a
live switch to dark the show line was drawn near-black on the dark window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

COVER_PX = 64

# The banner's tint over the window: a light wash, so the window's own text colour reads on it.
_BANNER_TINT = {"info": ("#2563eb", 0.10, 0.16), "error": ("#dc2626", 0.14, 0.22)}


def _mix(a: QColor, b: QColor, share_a: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() * share_a + b.redF() * (1 - share_a),
        a.greenF() * share_a + b.greenF() * (1 - share_a),
        a.blueF() * share_a + b.blueF() * (1 - share_a),
    )


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
        # Information can be put away (it takes room a small window needs); an error cannot.
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this notice")
        self.close_button.setAccessibleName("Hide this notice")
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.hide()

    def tint(self) -> QColor:
        color, light, dark = _BANNER_TINT.get(self.kind, _BANNER_TINT["info"])
        window = self.palette().color(QPalette.ColorRole.Window)
        return _mix(QColor(color), window, dark if window.lightness() < 128 else light)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.tint())
        p.drawRoundedRect(QRectF(self.rect()), 6, 6)
        p.end()
        super().paintEvent(event)

    def show_message(self, kind: str, text: str, action: str | None = "Attach audio…") -> None:
        self.kind = kind
        self.update()
        self.message.setText(text)
        self.button.setVisible(action is not None)
        if action:
            self.button.setText(action)
            self.button.setAccessibleName(action.rstrip("…"))
        self.close_button.setVisible(kind != "error")
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
        self._tint_subtitle()
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

    def _tint_subtitle(self) -> None:
        """The show line a step quieter than the title: 3 parts text to 2 parts window, which
        keeps WCAG AA contrast in both themes."""
        pal = self.palette()
        muted = _mix(
            pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window), 0.6
        )
        sub = self.subtitle.palette()
        sub.setColor(QPalette.ColorRole.WindowText, muted)
        self.subtitle.setPalette(sub)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a live theme switch
            self._tint_subtitle()

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
