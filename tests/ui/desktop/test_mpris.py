"""Media keys and desktop controls: a real bus, a real client process, a real player."""

from __future__ import annotations

import subprocess
import sys
from xml.etree import ElementTree

from tests.ui.dbus_bus import DEST, PATH, bus_address, call, client, gdbus, get

__all__ = ["bus_address"]
PLAYER = "org.mpris.MediaPlayer2.Player"
ROOT = "org.mpris.MediaPlayer2"


def _serve(window, address: str):
    from player.ui.desktop.mpris import start_mpris

    service = start_mpris(window, address)
    assert service is not None
    return service


def _dbus_send(qtbot, address: str, *args: str) -> str:
    """``dbus-send --print-reply``, which prints every value with its D-Bus type."""
    cmd = ["dbus-send", f"--bus={address}", "--print-reply", f"--dest={DEST}", PATH, *args]
    done = client(qtbot, *cmd)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_play_pause_status_title_and_seek_over_the_bus(qtbot, window, bus_address) -> None:
    _serve(window, bus_address)
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

    _serve(window, bus_address)
    call(qtbot, bus_address, f"{PLAYER}.SetPosition", "/stale/track", "4000000")
    assert window.playback.now_ms() < 1_000
    call(qtbot, bus_address, f"{PLAYER}.SetPosition", track_id(window.episode.id), "4000000")
    assert window.playback.now_ms() == 4_000
    call(qtbot, bus_address, f"{PLAYER}.Next")
    assert window.playback.now_ms() == 5_000
    call(qtbot, bus_address, f"{PLAYER}.Previous")
    assert window.playback.now_ms() == 3_000


def test_rate_and_volume_can_be_set_and_changes_are_announced(qtbot, window, bus_address) -> None:
    _serve(window, bus_address)
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
        window.playback.seek(2_000)
        qtbot.wait(300)
    finally:
        monitor.terminate()
    out = monitor.communicate(timeout=5)[0]
    assert "PropertiesChanged" in out
    assert "'Rate': <1.5>" in out
    assert "'Volume': <0.25" in out
    assert "Seeked (int64 2000000,)" in out
    assert get(qtbot, bus_address, PLAYER, "MaximumRate").strip() == "(<3.0>,)"
    assert get(qtbot, bus_address, PLAYER, "MinimumRate").strip() == "(<0.5>,)"


def test_without_a_bus_the_window_runs_without_mpris(qtbot, window) -> None:
    from player.ui.desktop.mpris import start_mpris

    assert start_mpris(window, "unix:path=/nonexistent/bus") is None
    window.playback.play()
    qtbot.waitUntil(window.playback.is_playing, timeout=3000)


def test_introspection_lists_both_interfaces(qtbot, window, bus_address) -> None:
    _serve(window, bus_address)
    out = gdbus(qtbot, bus_address, "introspect", "--dest", DEST, "--object-path", PATH)
    assert "interface org.mpris.MediaPlayer2 {" in out
    assert "interface org.mpris.MediaPlayer2.Player {" in out
    assert "Seeked(x" in out
    assert "readonly x Position" in out
    assert "SetPosition(in  o TrackId,\n" in out

    raw = _dbus_send(qtbot, bus_address, "org.freedesktop.DBus.Introspectable.Introspect")
    xml = raw.split('string "', 1)[1].rsplit('"', 1)[0]
    node = ElementTree.fromstring(xml)
    player = node.find(f"interface[@name='{PLAYER}']")
    assert player is not None
    types = {p.get("name"): p.get("type") for p in player.iter("property")}
    assert types["Position"] == "x" and types["Metadata"] == "a{sv}"
    seek = [a.get("type") for a in player.find("method[@name='SetPosition']").iter("arg")]
    assert seek == ["o", "x"]
    # A client walking the tree from the root finds the player.
    top = gdbus(qtbot, bus_address, "introspect", "--dest", DEST, "--object-path", "/", "-r")
    assert "node /org/mpris/MediaPlayer2 {" in top


def test_wrong_calls_get_d_bus_errors_and_the_player_keeps_serving(
    qtbot, window, bus_address
) -> None:
    _serve(window, bus_address)
    props = "org.freedesktop.DBus.Properties"
    for args, error in (
        ((f"{props}.Set", PLAYER, "Position", "<int64 5>"), "PropertyReadOnly"),
        ((f"{props}.Set", PLAYER, "Rate", "<'fast'>"), "InvalidArgs"),
        ((f"{props}.Get", PLAYER, "Shuffle"), "UnknownProperty"),
        ((f"{PLAYER}.Shuffle",), "UnknownMethod"),
    ):
        cmd = ["gdbus", "call", "--address", bus_address, "--dest", DEST, "--object-path", PATH]
        done = client(qtbot, *cmd, "--method", *args)
        assert f"org.freedesktop.DBus.Error.{error}" in done.stderr
    assert call(qtbot, bus_address, "org.freedesktop.DBus.Peer.Ping").strip() == "()"
    window.playback.set_volume(0.3)
    call(qtbot, bus_address, f"{props}.Set", PLAYER, "Volume", "<1>")  # an integer volume is fine
    assert window.playback.volume() == 1.0
    assert window.playback.rate() == 1.0


def test_a_ten_minute_episode_sends_its_length_as_int64(
    qtbot, brief_file, tmp_path, bus_address
) -> None:
    from tests.media import write_wav
    from tests.ui.conftest import bare_window

    audio = write_wav(tmp_path / "ten.wav", bytes(2 * 8000 * 600), 8000)  # 10:00 of silence
    w = bare_window(qtbot, brief_file, audio)
    assert w.playback.duration_ms() == 600_000
    _serve(w, bus_address)
    props = "org.freedesktop.DBus.Properties"
    meta = _dbus_send(qtbot, bus_address, f"{props}.Get", f"string:{PLAYER}", "string:Metadata")
    after_length = meta.split('string "mpris:length"')[1]
    assert after_length.split("\n")[1].strip() == "variant                int64 600000000"
    everything = _dbus_send(qtbot, bus_address, f"{props}.GetAll", f"string:{PLAYER}")
    assert 'string "mpris:length"' in everything and "int64 600000000" in everything
    assert "int64" in everything.split('string "Position"')[1].split("\n")[1]


def test_the_bus_is_joined_after_the_first_paint_not_before(
    tmp_path, brief_file, audio_file, bus_address
) -> None:
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from player.ui.app_data import AppData\n"
        "from player.ui.session import open_app\n"
        "app = QApplication([])\n"
        f"a = open_app(Path({str(brief_file)!r}), audio=Path({str(audio_file)!r}),\n"
        "             data=AppData(memory=True), features='after-paint')\n"
        "print('jeepney' in sys.modules, 'player.ui.desktop.mpris' in sys.modules)\n"
        "a.window.show()\n"
        "deadline = time.monotonic() + 20\n"
        "while not a.ready() and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "print(a.desktop.mpris.service_name)\n"
        "a.window.close()\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "DBUS_SESSION_BUS_ADDRESS": bus_address,
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False", DEST]
