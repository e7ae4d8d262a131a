"""The colours that carry meaning: one per kind of cue, readable in light and dark themes.

Each colour is also drawn as text (a card's time and kind label) on its own tinted fill, so each
is dark (or light) enough for WCAG AA contrast there; ``tests/ui/test_theme_contrast.py`` checks.

Widgets ask here instead of hard-coding colours, so the timeline strip, the pane and the side
panel always agree on what "a concept" looks like, and a dark palette changes them all at once.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from player.core.timeline import CueKind

_LIGHT = {
    CueKind.QUOTE: "#1d4ed8",
    CueKind.CONCEPT: "#a14c06",
    CueKind.TAKEAWAY: "#0d6b64",
    CueKind.NOTE: "#166534",
    CueKind.CHAPTER: "#6d28d9",
    CueKind.TRANSCRIPT: "#475569",
}
_DARK = {
    CueKind.QUOTE: "#93c5fd",
    CueKind.CONCEPT: "#fbbf24",
    CueKind.TAKEAWAY: "#2dd4bf",
    CueKind.NOTE: "#4ade80",
    CueKind.CHAPTER: "#c4b5fd",
    CueKind.TRANSCRIPT: "#cbd5e1",
}


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def kind_color(kind: CueKind) -> QColor:
    return QColor((_DARK if is_dark() else _LIGHT)[kind])


def active_fill(kind: CueKind) -> QColor:
    """The background of a lit card: the kind's colour, thin enough to keep text legible."""
    c = kind_color(kind)
    c.setAlpha(70 if is_dark() else 40)
    return c


def muted_text() -> QColor:
    pal = QGuiApplication.palette()
    text = pal.color(QPalette.ColorRole.Text)
    base = pal.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def search_highlight() -> QColor:
    return QColor("#a16207") if is_dark() else QColor("#fde68a")
