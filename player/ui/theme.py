"""Light and dark appearance.

"system" follows the desktop's colour scheme (Qt 6 ``styleHints().colorScheme()``) and keeps
following it when it changes; "light" and "dark" force one. The Fusion style is used everywhere so
the palette is honoured the same way on every desktop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#1f2125"), QColor("#17181b"), QColor("#e6e6e6")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#24262b"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#2a2d32"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#2a2d32"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#8b8f97"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3b82f6"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#60a5fa"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#3a3d44"))
    disabled = QColor("#6b6f77")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f5f5f4"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2563eb"))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


_chosen = "system"


def apply_theme(theme: str = "system") -> str:
    """Apply ``theme`` (light, dark or system); returns the scheme in effect.

    The desktop's scheme is followed only while the listener's choice is "system": a scheme
    change must not undo an explicit light or dark.
    """
    global _chosen
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "light"
    _chosen = theme
    app.setStyle("Fusion")
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else light_palette())
    if not getattr(app, "_brief_player_follows_scheme", False):
        QGuiApplication.styleHints().colorSchemeChanged.connect(_scheme_changed)
        app._brief_player_follows_scheme = True  # type: ignore[attr-defined]
    return "dark" if dark else "light"


def _scheme_changed(_scheme: object) -> None:
    if _chosen == "system":
        apply_theme("system")
