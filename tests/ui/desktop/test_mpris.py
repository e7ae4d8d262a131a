"""Media keys and desktop controls: a real bus, a real client process, a real player."""

from __future__ import annotations

import subprocess

from PySide6.QtDBus import QDBusConnection

from tests.ui.dbus_bus import DEST, PATH, bus_address, call, gdbus, get

__all__ = ["bus_address"]
PLAYER = "org.mpris.MediaPlayer2.Player"
ROOT = "org.mpris.MediaPlayer2"


def _serve(window, address: str, name: str):
    from player.ui.desktop.mpris import start_mpris

    conn = QDBusConnection.connectToBus(address, name)
    assert conn.isConnected()
    service = start_mpris(window, conn)
    assert service is not None
    return service


def test_play_pause_status_title_and_seek_over_the_bus(qtbot, window, bus_address) -> None:
    _serve(window, bus_address, "mpris-basic")
    assert "'Brief Player'" in get(qtbot, bus_address, ROOT, "Identity")
    assert "'brief-player'" in get(qtbot, bus_address, ROOT, "DesktopEntry")
    assert get(qtbot, bus_address, PLAYER, "PlaybackStatus").strip() in (
        "(<'Paused'>,)",
        "(<'Stopped'>,)",
    )

    call(qtbot, bus_address, f"{PLAYER}.PlayPause")
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)
    assert "'Playing'" in get(qtbot, bus_address, PLAYER, "PlaybackStatus")

    meta = get(qtbot, bus_address, PLAYER, "Metadata")
    assert f"'xesam:title': <'{window.episode.display_title()}'>" in meta
    assert "'xesam:artist': <['Test Guest']>" in meta
    assert "mpris:trackid" in meta and "mpris:length" in meta

    call(qtbot, bus_address, f"{PLAYER}.Pause")
    qtbot.waitUntil(lambda: not window.playback.is_playing(), timeout=3000)
    window.playback.seek(1_000)
    call(qtbot, bus_address, f"{PLAYER}.Seek", "2500000")
    assert abs(window.playback.now_ms() - 3_500) < 50
    position = get(qtbot, bus_address, PLAYER, "Position")
    assert "int64" in position
    assert abs(int(position.split("int64 ")[1].split(">")[0]) - 3_500_000) < 50_000


def test_set_position_needs_the_current_track_and_next_goes_to_the_next_quote(
    qtbot, window, bus_address
) -> None:
    from player.ui.desktop.mpris import track_id

    _serve(window, bus_address, "mpris-setpos")
    call(qtbot, bus_address, f"{PLAYER}.SetPosition", "/stale/track", "4000000")
    assert window.playback.now_ms() < 1_000
    call(qtbot, bus_address, f"{PLAYER}.SetPosition", track_id(window.episode.id), "4000000")
    assert window.playback.now_ms() == 4_000
    call(qtbot, bus_address, f"{PLAYER}.Next")
    assert window.playback.now_ms() == 5_000
    call(qtbot, bus_address, f"{PLAYER}.Previous")
    assert window.playback.now_ms() == 3_000


def test_rate_and_volume_can_be_set_and_changes_are_announced(qtbot, window, bus_address) -> None:
    _serve(window, bus_address, "mpris-props")
    monitor = subprocess.Popen(
        ["gdbus", "monitor", "--address", bus_address, "--dest", DEST, "--object-path", PATH],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        qtbot.wait(300)  # let the monitor subscribe
        call(qtbot, bus_address, "org.freedesktop.DBus.Properties.Set", PLAYER, "Rate", "<1.5>")
        assert window.playback.rate() == 1.5
        window.playback.set_volume(0.25)
        qtbot.wait(300)
    finally:
        monitor.terminate()
    out = monitor.communicate(timeout=5)[0]
    assert "PropertiesChanged" in out
    assert "'Rate': <1.5>" in out
    assert "'Volume': <0.25" in out
    assert get(qtbot, bus_address, PLAYER, "MaximumRate").strip() == "(<3.0>,)"
    assert get(qtbot, bus_address, PLAYER, "MinimumRate").strip() == "(<0.5>,)"


def test_without_a_bus_the_window_runs_without_mpris(qtbot, window) -> None:
    from player.ui.desktop.mpris import start_mpris

    dead = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "no-bus")
    assert start_mpris(window, dead) is None
    window.playback.play()
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)


def test_introspection_lists_both_interfaces(qtbot, window, bus_address) -> None:
    _serve(window, bus_address, "mpris-intro")
    out = gdbus(qtbot, bus_address, "introspect", "--dest", DEST, "--object-path", PATH)
    assert "interface org.mpris.MediaPlayer2 {" in out
    assert "interface org.mpris.MediaPlayer2.Player {" in out
    assert "Seeked(x" in out
    assert "readonly x Position" in out
