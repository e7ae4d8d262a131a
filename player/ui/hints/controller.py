"""Telling a new listener the four things that make the window work, once, where they look.

The hint sits just above the play button, the first place a new listener looks, and goes away
for good at the first play or when dismissed. A listener who turned Follow off (or scrolled it
off with F) sees a sign by the buttons that the pane no longer follows, which one click undoes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QToolButton, QWidget

from player.ui.settings import HINT_SEEN, read, write
from player.ui.widgets.header import Banner

if TYPE_CHECKING:
    from player.ui.shell import Shell

SIGN_LIGHT, SIGN_DARK = "#9a3412", "#fdba74"  # amber with at least 4.5:1 on either window colour
HINT = "Space plays · click any quote to jump · N takes a note · F1 lists every key"


class HintsController(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self.hint = Banner(shell.transport)
        self.hint.setObjectName("first_start_hint")
        self.hint.message.setAccessibleName("Getting started")
        self.hint.button.setToolTip("Hide this hint for good")
        shell.transport.layout().insertWidget(0, self.hint)
        self.hint.action_clicked.connect(self.dismiss)
        if not read(shell.settings, HINT_SEEN):
            self.hint.show_message("info", HINT, "Got it")
            shell.playback.state_changed.connect(self._on_state)

        self.follow_off = _Sign(shell.transport)
        self.follow_off.setObjectName("follow_off")
        self.follow_off.setText("Follow is off")
        self.follow_off.setToolTip("The text no longer scrolls with the audio; click or press F")
        self.follow_off.setAccessibleName("Follow is off: turn it on")
        self.follow_off.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        shell.transport.add_widget(self.follow_off)
        follow = shell.action("follow")
        self.follow_off.clicked.connect(lambda: follow.setChecked(True))
        follow.toggled.connect(lambda on: self.follow_off.setVisible(not on))
        self.follow_off.setVisible(not follow.isChecked())

    def _on_state(self, _state: str) -> None:
        if self._shell.playback.is_playing():
            self.dismiss()

    def dismiss(self) -> None:
        if self.hint.isVisible():
            write(self._shell.settings, HINT_SEEN, True)
            self.hint.clear()


class _Sign(QToolButton):
    """A rounded amber outline, recoloured when the theme changes so it stays readable."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._dark: bool | None = None
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        if dark == self._dark:
            return
        self._dark = dark
        c = SIGN_DARK if dark else SIGN_LIGHT
        self.setStyleSheet(
            f"QToolButton {{ border: 1px solid {c}; border-radius: 9px; padding: 1px 8px;"
            f" color: {c}; font-weight: bold; }}"
        )
