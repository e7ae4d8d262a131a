"""Media keys, lock-screen controls and desktop widgets, through MPRIS2 on the session bus.

Desktops find players by the bus name ``org.mpris.MediaPlayer2.*`` and drive them through two
interfaces on ``/org/mpris/MediaPlayer2``. Each interface is a ``QDBusAbstractAdaptor`` whose
slots, signals and properties QtDBus exports as they are declared, so the wire types come from
the declarations (``qlonglong`` is D-Bus ``x``, microseconds as the spec asks).

Without a session bus (a console, a container, a test run) the player simply has no MPRIS: it
says so once in the log and everything else works the same.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject, QUrl, Signal, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from player.ui.playback import MAX_RATE, MIN_RATE, PlayState

if TYPE_CHECKING:
    from player.ui.shell import Shell

log = logging.getLogger(__name__)

SERVICE = "org.mpris.MediaPlayer2.brief_player"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_IFACE = "org.mpris.MediaPlayer2"
PLAYER_IFACE = "org.mpris.MediaPlayer2.Player"
PROPS_IFACE = "org.freedesktop.DBus.Properties"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
COVER_NAMES = ("cover.jpg", "cover.jpeg", "cover.png", "cover.webp", "folder.jpg", "folder.png")

_STATUS = {
    PlayState.PLAYING: "Playing",
    PlayState.PAUSED: "Paused",
    PlayState.STOPPED: "Stopped",
}
_warned_no_bus = False


def track_id(episode_id: str) -> str:
    """A D-Bus object path naming the episode: only ``[A-Za-z0-9_]`` may appear in a segment."""
    segment = re.sub(r"[^A-Za-z0-9_]", "_", episode_id) or "episode"
    return f"/org/brief_player/episode/{segment}"


def cover_file(brief_path: Path | None) -> Path | None:
    """The episode's cover art, when the folder holding its brief has one."""
    if brief_path is None:
        return None
    for name in COVER_NAMES:
        candidate = brief_path.parent / name
        if candidate.is_file():
            return candidate
    return None


def _string_list() -> QDBusArgument:
    """An empty ``as``: a bare Python list would go out as ``av``, which strict clients reject."""
    arg = QDBusArgument()
    arg.beginArray(QMetaType(QMetaType.Type.QString))
    arg.endArray()
    return arg


@ClassInfo({"D-Bus Interface": ROOT_IFACE})
class RootAdaptor(QDBusAbstractAdaptor):
    def __init__(self, parent: MprisService) -> None:
        super().__init__(parent)
        self._service = parent

    @Slot()
    def Raise(self) -> None:
        w = self._service.window.as_widget()
        w.showNormal()
        w.raise_()
        w.activateWindow()

    @Slot()
    def Quit(self) -> None:
        self._service.window.as_widget().close()

    def _true(self) -> bool:
        return True

    def _false(self) -> bool:
        return False

    def _identity(self) -> str:
        return "Brief Player"

    def _desktop_entry(self) -> str:
        return "brief-player"

    def _empty(self) -> list[str]:
        return []

    def _mime_types(self) -> list[str]:
        return ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/opus", "audio/flac", "audio/x-wav"]

    CanQuit = Property(bool, _true)
    CanRaise = Property(bool, _true)
    HasTrackList = Property(bool, _false)
    Identity = Property(str, _identity)
    DesktopEntry = Property(str, _desktop_entry)
    SupportedUriSchemes = Property("QStringList", _empty)
    SupportedMimeTypes = Property("QStringList", _mime_types)


@ClassInfo({"D-Bus Interface": PLAYER_IFACE})
class PlayerAdaptor(QDBusAbstractAdaptor):
    Seeked = Signal("qlonglong")

    def __init__(self, parent: MprisService) -> None:
        super().__init__(parent)
        self.setAutoRelaySignals(False)
        self._service = parent
        self._playback = parent.window.playback

    # methods ----------------------------------------------------------------------------------

    @Slot()
    def Play(self) -> None:
        self._playback.play()

    @Slot()
    def Pause(self) -> None:
        self._playback.pause()

    @Slot()
    def PlayPause(self) -> None:
        self._playback.toggle()

    @Slot()
    def Stop(self) -> None:
        self._playback.stop()

    @Slot()
    def Next(self) -> None:
        self._service.window.next_cue()

    @Slot()
    def Previous(self) -> None:
        self._service.window.previous_cue()

    @Slot("qlonglong")
    def Seek(self, offset_us: int) -> None:
        self._playback.skip(int(offset_us) // 1000)

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position_us: int) -> None:
        # The spec: a stale track id or a position past the end is ignored, not clamped.
        if track.path() != self._service.current_track_id() or position_us < 0:
            return
        duration = self._playback.duration_ms()
        if duration > 0 and position_us // 1000 > duration:
            return
        self._playback.seek(int(position_us) // 1000)

    @Slot(str)
    def OpenUri(self, _uri: str) -> None:
        """Not supported: briefs and audio are opened in the window."""

    # properties -------------------------------------------------------------------------------

    def _status(self) -> str:
        return _STATUS[self._playback.state()]

    def _rate(self) -> float:
        return float(self._playback.rate())

    def _set_rate(self, rate: float) -> None:
        if rate > 0:  # a rate of 0 means pause in MPRIS; setting it must not stop the clock
            self._playback.set_rate(rate)
        else:
            self._playback.pause()

    def _min_rate(self) -> float:
        return MIN_RATE

    def _max_rate(self) -> float:
        return MAX_RATE

    def _volume(self) -> float:
        return float(self._playback.volume())

    def _set_volume(self, volume: float) -> None:
        self._playback.set_volume(volume)

    def _position(self) -> int:
        return self._playback.now_ms() * 1000

    def _metadata(self) -> dict[str, Any]:
        return self._service.metadata()

    def _has_media(self) -> bool:
        return self._playback.has_media()

    def _has_episode(self) -> bool:
        return self._service.window.episode is not None

    def _true(self) -> bool:
        return True

    def _loop(self) -> str:
        return "None"

    PlaybackStatus = Property(str, _status)
    LoopStatus = Property(str, _loop)
    Rate = Property(float, _rate, _set_rate)
    MinimumRate = Property(float, _min_rate)
    MaximumRate = Property(float, _max_rate)
    Volume = Property(float, _volume, _set_volume)
    Position = Property("qlonglong", _position)
    Metadata = Property("QVariantMap", _metadata)
    CanGoNext = Property(bool, _has_episode)
    CanGoPrevious = Property(bool, _has_episode)
    CanPlay = Property(bool, _has_media)
    CanPause = Property(bool, _has_media)
    CanSeek = Property(bool, _has_media)
    CanControl = Property(bool, _true)


class MprisService(QObject):
    """The window's presence on the bus; lives as long as the window."""

    def __init__(self, window: Shell, connection: QDBusConnection) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.connection = connection
        self.service_name = ""
        self.root = RootAdaptor(self)
        self.player = PlayerAdaptor(self)
        pb = window.playback
        pb.state_changed.connect(lambda _s: self._changed("PlaybackStatus", "CanPlay", "CanSeek"))
        pb.rate_changed.connect(lambda _r: self._changed("Rate"))
        pb.volume_changed.connect(lambda _v: self._changed("Volume"))
        pb.duration_changed.connect(lambda _d: self._changed("Metadata"))
        pb.media_ready.connect(lambda: self._changed("Metadata", "CanPlay", "CanPause", "CanSeek"))
        pb.seeked.connect(lambda ms: self.player.Seeked.emit(int(ms) * 1000))
        window.episode_changed.connect(lambda: self._changed("Metadata", "CanGoNext"))

    def register(self) -> bool:
        opts = QDBusConnection.RegisterOption.ExportAdaptors
        if not self.connection.registerObject(OBJECT_PATH, self, opts):
            log.info("MPRIS: %s is already taken on this bus connection", OBJECT_PATH)
            return False
        for name in (SERVICE, f"{SERVICE}.instance{os.getpid()}"):
            if self.connection.registerService(name):
                self.service_name = name
                return True
        self.connection.unregisterObject(OBJECT_PATH)
        log.info("MPRIS: could not claim a bus name: %s", self.connection.lastError().message())
        return False

    def unregister(self) -> None:
        if self.service_name:
            self.connection.unregisterService(self.service_name)
            self.connection.unregisterObject(OBJECT_PATH)
            self.service_name = ""

    def current_track_id(self) -> str:
        ep = self.window.episode
        return track_id(ep.id) if ep is not None else NO_TRACK

    def metadata(self) -> dict[str, Any]:
        ep = self.window.episode
        if ep is None:
            return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
        data: dict[str, Any] = {
            "mpris:trackid": QDBusObjectPath(track_id(ep.id)),
            "xesam:title": ep.display_title(),
        }
        if ep.show:
            data["xesam:album"] = ep.show
        guest = ep.guest or ep.brief.guest or ""
        if guest:
            data["xesam:artist"] = [guest]
        length_ms = self.window.playback.duration_ms() or ep.end_ms()
        if length_ms > 0:
            data["mpris:length"] = length_ms * 1000
        cover = cover_file(ep.brief_path)
        if cover is not None:
            data["mpris:artUrl"] = QUrl.fromLocalFile(str(cover)).toString()
        return data

    def _changed(self, *names: str) -> None:
        if not self.service_name:
            return
        changed = {}
        for name in names:
            changed[name] = getattr(self.player, name)
        msg = QDBusMessage.createSignal(OBJECT_PATH, PROPS_IFACE, "PropertiesChanged")
        msg.setArguments([PLAYER_IFACE, changed, _string_list()])
        self.connection.send(msg)


def start_mpris(window: Shell, connection: QDBusConnection | None = None):
    """Put ``window`` on the session bus; ``None`` (logged once) when there is no bus."""
    global _warned_no_bus
    conn = connection if connection is not None else QDBusConnection.sessionBus()
    if not conn.isConnected():
        if not _warned_no_bus:
            log.info("MPRIS: no D-Bus session bus, media keys and desktop controls are off")
            _warned_no_bus = True
        return None
    service = MprisService(window, conn)
    if not service.register():
        service.deleteLater()
        return None
    conn_, name = service.connection, service.service_name

    def release(*_: object) -> None:  # the service object may already be gone with the window
        conn_.unregisterService(name)
        conn_.unregisterObject(OBJECT_PATH)

    window.as_widget().destroyed.connect(release)
    return service
