"""Plugs the desktop parts into a ``Shell``: the tab order and quote announcer for screen
readers, drops on the window, and (when asked and a session bus is there) MPRIS."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from player.ui.desktop.accessibility import QuoteAnnouncer, install_accessibility
from player.ui.desktop.drop import DropTarget
from player.ui.desktop.mpris import MprisService, start_mpris

if TYPE_CHECKING:
    from player.ui.shell import Shell


class DesktopIntegration(QObject):
    def __init__(self, shell: Shell, *, bus: bool = False) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self.announcer: QuoteAnnouncer = install_accessibility(shell)
        self.drop: DropTarget = DropTarget(shell)
        self.mpris: MprisService | None = start_mpris(shell) if bus else None

    def accept_drops(self, widget: QWidget) -> DropTarget:
        """Let ``widget`` (a dialog of another feature) take drops like the window."""
        return DropTarget(self._shell, on=widget)
