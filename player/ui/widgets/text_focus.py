"""A text field keeps the keyboard only while the listener is typing in it.

Space, N, S, `.` and `,` are the player's keys, but a focused text field types them instead. A
click anywhere in the window that is not on a text field hands the keyboard back to the player,
as clicking outside a search field does in a browser.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def is_text_field(widget: QWidget | None) -> bool:
    """An editable text field, or a part of one (its viewport, its clear button)."""
    while widget is not None:
        if isinstance(widget, TEXT_FIELDS):
            return not getattr(widget, "isReadOnly", lambda: False)()
        widget = widget.parentWidget()
    return False


class ClickReleasesTextField(QObject):
    """Installed on the application, it watches presses in ``window`` only.

    It goes on the application once the window has painted: nobody clicks before that, and
    until then every event of the first frame would pass through Python for nothing, and PySide
    would look up the Python class of each object Qt made (all of Qt's classes, made at once).
    """

    def __init__(self, window: QWidget, player_widget: QWidget) -> None:
        super().__init__(window)
        self._window, self._player = window, player_widget
        self._on_app = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._on_app:
            if event.type() == QEvent.Type.Paint:
                self._on_app = True
                self._window.removeEventFilter(self)
                app = QApplication.instance()
                if app is not None:
                    app.installEventFilter(self)
            return False
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and is_text_field(QApplication.focusWidget())
            and not is_text_field(watched)
        ):
            # A widget that takes focus on click (a button, a list) still takes it after this.
            self._player.setFocus()
        return False
