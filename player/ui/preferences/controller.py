"""Preferences as the window uses them: applied when a window opens, and File ▸ Preferences….

The dialog's module (and the Qt classes only it uses) is imported when the listener first asks
for it, not before the window's first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from player.ui.settings import Preferences, load_preferences
from player.ui.theme import apply_theme

if TYPE_CHECKING:
    from player.ui.preferences.dialog import SettingsDialog
    from player.ui.shell import Shell


def apply_settings(window: Shell, *, new_episode: bool = False, theme: bool = True) -> Preferences:
    """Make the window match the stored preferences.

    ``new_episode`` also sets the default speed; it is only for a window about to restore an
    episode, whose own saved speed (if any) then wins. ``theme=False`` leaves the palette alone,
    for renderings that chose their theme on the command line.
    """
    prefs = load_preferences(window.settings)
    window.apply_preferences(prefs, new_episode=new_episode)
    if theme:
        apply_theme(prefs.theme)
    return prefs


class PreferencesController(QObject):
    """File ▸ Preferences…: one non-modal dialog per window, made when first asked for."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self.dialog: SettingsDialog | None = None
        shell.action("preferences").triggered.connect(lambda _=False: self.show())

    def show(self) -> SettingsDialog:
        from player.ui.preferences.dialog import SettingsDialog  # when asked: not before

        if self.dialog is None:
            self.dialog = SettingsDialog(self._shell)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
