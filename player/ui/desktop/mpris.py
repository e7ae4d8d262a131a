"""Media keys, lock-screen controls and desktop widgets, through MPRIS2 on the session bus.

Desktops find players by the bus name ``org.mpris.MediaPlayer2.*`` and drive them through two
interfaces on ``/org/mpris/MediaPlayer2``. Each property, method and signal is declared below
with its D-Bus type, and values go out with exactly that type: lengths and positions are ``x``
(int64 microseconds) as the spec asks, for a one-minute episode as for a three-hour one.

Without a session bus (a console, a container, a test run) the player simply has no MPRIS: it
says so once in the log and everything else works the same.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from jeepney import Message
from jeepney.io.blocking import DBusConnection
from PySide6.QtCore import QObject

from player.ui.desktop.bus_link import BusLink, NoBus, open_bus
from player.ui.desktop.bus_object import BusObject, Emits, Interface, Method, Prop
from player.ui.playback import MAX_RATE, MIN_RATE, PlayState

if TYPE_CHECKING:
    from player.ui.shell import Shell

log = logging.getLogger(__name__)

SERVICE = "org.mpris.MediaPlayer2.brief_player"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_IFACE = "org.mpris.MediaPlayer2"
PLAYER_IFACE = "org.mpris.MediaPlayer2.Player"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
COVER_NAMES = ("cover.jpg", "cover.jpeg", "cover.png", "cover.webp", "folder.jpg", "folder.png")
MIME_TYPES = ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/opus", "audio/flac", "audio/x-wav"]

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


def _constant(value: object) -> Prop:
    signature = {bool: "b", str: "s", float: "d", list: "as"}[type(value)]
    return Prop(signature, lambda: value, emits="const")


def _root_interface(window: Shell) -> Interface:
    def raise_window() -> None:
        w = window.as_widget()
        w.showNormal()
        w.raise_()
        w.activateWindow()

    return Interface(
        ROOT_IFACE,
        methods={
            "Raise": Method(raise_window),
            "Quit": Method(lambda: window.as_widget().close()),
        },
        props={
            "CanQuit": _constant(True),
            "CanRaise": _constant(True),
            "HasTrackList": _constant(False),
            "Identity": _constant("Brief Player"),
            "DesktopEntry": _constant("brief-player"),
            "SupportedUriSchemes": _constant([]),
            "SupportedMimeTypes": _constant(MIME_TYPES),
        },
    )


class MprisService(QObject):
    """The window's presence on the bus; lives as long as the window."""

    def __init__(self, window: Shell, conn: DBusConnection, service_name: str) -> None:
        super().__init__(window.as_widget())
        self.window = window
        self.service_name = service_name
        self._playback = pb = window.playback
        self.link = BusLink(conn, self._receive, self)
        self.bus_object = BusObject(
            OBJECT_PATH, (_root_interface(window), self._player_interface()), self.link.send
        )
        pb.state_changed.connect(lambda _s: self._changed("PlaybackStatus", "CanPlay", "CanSeek"))
        pb.rate_changed.connect(lambda _r: self._changed("Rate"))
        pb.volume_changed.connect(lambda _v: self._changed("Volume"))
        pb.duration_changed.connect(lambda _d: self._changed("Metadata"))
        pb.media_ready.connect(lambda: self._changed("Metadata", "CanPlay", "CanPause", "CanSeek"))
        pb.seeked.connect(self._seeked)
        window.episode_changed.connect(lambda: self._changed("Metadata", "CanGoNext"))

    def _player_interface(self) -> Interface:
        pb = self._playback
        has_media = Prop("b", pb.has_media)
        has_episode = Prop("b", lambda: self.window.episode is not None)
        return Interface(
            PLAYER_IFACE,
            methods={
                "Play": Method(pb.play),
                "Pause": Method(pb.pause),
                "PlayPause": Method(pb.toggle),
                "Stop": Method(pb.stop),
                "Next": Method(self.window.next_cue),
                "Previous": Method(self.window.previous_cue),
                "Seek": Method(lambda offset_us: pb.skip(offset_us // 1000), "x", ("Offset",)),
                "SetPosition": Method(self._set_position, "ox", ("TrackId", "Position")),
                "OpenUri": Method(lambda _uri: None, "s", ("Uri",)),  # briefs open in the window
            },
            props={
                "PlaybackStatus": Prop("s", lambda: _STATUS[pb.state()]),
                "LoopStatus": Prop("s", lambda: "None"),
                "Rate": Prop("d", lambda: float(pb.rate()), self._set_rate),
                "MinimumRate": _constant(float(MIN_RATE)),
                "MaximumRate": _constant(float(MAX_RATE)),
                "Volume": Prop("d", lambda: float(pb.volume()), self._set_volume),
                "Position": Prop("x", lambda: int(pb.now_ms()) * 1000, emits="false"),
                "Metadata": Prop("a{sv}", self.metadata),
                "CanGoNext": has_episode,
                "CanGoPrevious": has_episode,
                "CanPlay": has_media,
                "CanPause": has_media,
                "CanSeek": has_media,
                "CanControl": _constant(True),
            },
            signals={"Seeked": Emits("x", ("Position",))},
        )

    def _set_position(self, track: str, position_us: int) -> None:
        # The spec: a stale track id or a position past the end is ignored, not clamped.
        if track != self.current_track_id() or position_us < 0:
            return
        duration = self._playback.duration_ms()
        if duration > 0 and position_us // 1000 > duration:
            return
        self._playback.seek(position_us // 1000)

    def _set_rate(self, rate: object) -> None:
        if float(rate) > 0:  # type: ignore[arg-type]  # 0 means pause in MPRIS, not a stop
            self._playback.set_rate(float(rate))  # type: ignore[arg-type]
        else:
            self._playback.pause()

    def _set_volume(self, volume: object) -> None:
        self._playback.set_volume(float(volume))  # type: ignore[arg-type]

    def current_track_id(self) -> str:
        ep = self.window.episode
        return track_id(ep.id) if ep is not None else NO_TRACK

    def metadata(self) -> dict[str, tuple[str, object]]:
        """The episode as MPRIS reads it: each value paired with its D-Bus type."""
        ep = self.window.episode
        if ep is None:
            return {"mpris:trackid": ("o", NO_TRACK)}
        data: dict[str, tuple[str, object]] = {
            "mpris:trackid": ("o", track_id(ep.id)),
            "xesam:title": ("s", ep.display_title()),
        }
        if ep.show:
            data["xesam:album"] = ("s", ep.show)
        guest = ep.guest or ep.brief.guest or ""
        if guest:
            data["xesam:artist"] = ("as", [guest])
        length_ms = self._playback.duration_ms() or ep.end_ms()
        if length_ms > 0:
            data["mpris:length"] = ("x", int(length_ms) * 1000)
        cover = cover_file(ep.brief_path)
        if cover is not None:
            data["mpris:artUrl"] = ("s", cover.resolve().as_uri())
        return data

    def _receive(self, msg: Message) -> None:
        self.bus_object.handle(msg)

    def _seeked(self, position_ms: int) -> None:
        if not self.link.closed:
            self.bus_object.emit(PLAYER_IFACE, "Seeked", int(position_ms) * 1000)

    def _changed(self, *names: str) -> None:
        if not self.link.closed:
            self.bus_object.properties_changed(PLAYER_IFACE, names)


def _no_bus(reason: str) -> None:
    global _warned_no_bus
    if not _warned_no_bus:
        log.info("MPRIS: media keys and desktop controls are off: %s", reason)
        _warned_no_bus = True


def start_mpris(window: Shell, address: str | None = None) -> MprisService | None:
    """Put ``window`` on the session bus (or the bus at ``address``); ``None`` without one."""
    if address is None:
        address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if not address:
        _no_bus("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
        return None
    try:
        conn, name = open_bus(address, (SERVICE, f"{SERVICE}.instance{os.getpid()}"))
    except NoBus as e:
        _no_bus(str(e))
        return None
    service = MprisService(window, conn, name)
    link = service.link
    # The connection goes with the window; the bus then drops the name by itself.
    window.as_widget().destroyed.connect(lambda *_: link.close())
    return service
