"""Volume Boost in the window: Playback ▸ Volume Boost (Shift+V), its level, and a sign by the
buttons while it is on.

The player cannot play louder than a file, so while the boost is on it is handed a louder file:
``Playback.set_filter`` gives it each audio file as a ``BoostedDevice``, a WAV whose samples are
boosted and limited as the player reads them. The player still does everything else (timing,
seeking, speed with the pitch kept, the sound device), so the highlight keeps to the audio as it
does without the boost. Turning it on or off, or changing the level, loads the file again at
the same moment. Streams from the web play as they are; the sign says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QIODevice, QObject, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QMenu, QStyle, QToolButton

from player.core.audio.decode import AudioError
from player.ui.icons import themed_icon
from player.ui.settings import BOOST, BOOST_DB, BOOST_LEVELS_DB, read, write

if TYPE_CHECKING:
    from player.ui.shell import Shell


class BoostController(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self.problem: str | None = None  # why the audio playing is not boosted
        self._made_db: int | None = None  # the level of the boost the player reads now
        self.action = shell.action("boost")
        self._levels = {db: shell.action(f"boost_{db}") for db in BOOST_LEVELS_DB}
        group = QActionGroup(self)
        group.setExclusive(True)
        for action in self._levels.values():
            group.addAction(action)
        self._levels[read(shell.settings, BOOST_DB)].setChecked(True)
        for db, action in self._levels.items():
            action.toggled.connect(lambda on, db=db: self._level_chosen(db) if on else None)

        menu = QMenu("Volume Boost", shell.as_widget())
        menu.addActions(list(self._levels.values()))
        menu.addSeparator()
        menu.addAction(self.action)
        self.button = _Sign(shell.transport)
        self.button.setObjectName("volume_boost")
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.setAccessibleName("Volume boost")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(menu)
        self.button.hide()
        shell.transport.add_widget(self.button)

        self.action.toggled.connect(self._toggled)
        shell.audio_changed.connect(lambda _path: self._show())
        shell.playback.media_ready.connect(self._show)  # a file loaded after the first frame
        if self.on:
            shell.playback.set_filter(self._boosted)
        self._show()

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    @property
    def level_db(self) -> int:
        return next((db for db, a in self._levels.items() if a.isChecked()), BOOST_DB.default)

    @property
    def boosting(self) -> bool:
        """Whether what is heard now is boosted."""
        return self.on and self._shell.playback.filtered

    # choosing ---------------------------------------------------------------------------------

    def _toggled(self, on: bool) -> None:
        write(self._shell.settings, BOOST, on)
        self.problem = None
        self._shell.playback.set_filter(self._boosted if on else None)
        self._show()
        if not on:
            self._shell.show_status("Volume Boost off: the audio plays at its own level.")
        elif self.boosting:
            self._shell.show_status(self._describe() + _no_device_note(), 10_000)

    def _level_chosen(self, db: int) -> None:
        write(self._shell.settings, BOOST_DB, db)
        if self.boosting and self._made_db == db:
            return
        if not self.on:
            self.action.setChecked(True)  # choosing a level is asking for the boost
            return
        self._shell.playback.set_filter(self._boosted)
        self._show()
        if self.boosting:
            self._shell.show_status(self._describe())

    def _boosted(self, path: Path) -> QIODevice | None:
        """The filter the player reads files through while the boost is on."""
        from player.ui.boost.device import BoostedDevice

        try:
            device = BoostedDevice(path, self.level_db, self)
        except AudioError as e:
            self.problem = f"Volume Boost cannot read this file, so it plays at its own level: {e}"
            self._shell.show_status(self.problem, 10_000)
            return None
        self.problem, self._made_db = None, self.level_db
        return device

    # the sign ---------------------------------------------------------------------------------

    def _describe(self) -> str:
        return (
            f"Volume Boost on: quiet voices {self.level_db} dB louder; loud moments are turned "
            "down smoothly, never clipped."
        )

    def _show(self) -> None:
        playback = self._shell.playback
        self.button.setVisible(self.on)
        if not self.on:
            return
        if self.boosting:
            self.button.setText(f"Boost +{self.level_db} dB")
            tip = self._describe()
        else:
            self.button.setText("Boost off here")
            if playback.streaming is not None:
                tip = "Volume Boost works on files: this audio plays from the web as it is."
            elif self.problem:
                tip = self.problem
            else:
                tip = "Volume Boost starts when audio is attached."
        self.button.setToolTip(tip + " Click to change the level or turn it off (Shift+V).")


class _Sign(QToolButton):
    """The loudspeaker and the level, redrawn in the text colour when the theme changes."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._paint_icon()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icon()

    def _paint_icon(self) -> None:
        self.setIcon(themed_icon(self, QStyle.StandardPixmap.SP_MediaVolume))


def _no_device_note() -> str:
    if QMediaDevices.audioOutputs():
        return ""
    return " No sound output is connected: you will hear it once one is."
