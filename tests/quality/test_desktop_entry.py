"""The desktop entry and icons: what a desktop's menu reads when Brief Player is installed."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
DESKTOP = RESOURCES / "brief-player.desktop"
INSTALL = REPO / "scripts" / "install-desktop.sh"
SIZES = (16, 32, 48, 64, 128, 256)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_desktop_entry_launches_the_player_for_audio_files() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Brief Player"
    assert entry["Exec"] == "brief-player %u"  # one file or link per window, as a URI
    assert entry["Icon"] == "brief-player"
    assert entry["Terminal"] == "false"
    assert set(entry["Categories"].rstrip(";").split(";")) >= {"AudioVideo", "Audio", "Player"}
    mimes = [m for m in entry["MimeType"].split(";") if m]
    assert mimes
    assert "x-scheme-handler/brief-player" in mimes  # brief-player:// links open the app
    files = [m for m in mimes if not m.startswith("x-scheme-handler/")]
    assert all(m.startswith("audio/") for m in files), mimes
    assert "audio/ogg" in mimes


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_its_size(size: int) -> None:
    path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "brief-player.png"
    assert _png_size(path) == (size, size)


def test_icon_svg_is_square_and_titled() -> None:
    text = (RESOURCES / "icons" / "brief-player.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 64 64"' in text
    assert "<title>Brief Player</title>" in text


def _run_install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        ["bash", str(INSTALL), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_install_script_installs_into_xdg_data_home_and_uninstalls(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    result = _run_install(data_home)
    assert result.returncode == 0, result.stdout + result.stderr

    installed = data_home / "applications" / "brief-player.desktop"
    assert installed.is_file()
    assert "Icon=brief-player" in installed.read_text(encoding="utf-8")
    for size in SIZES:
        png = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "brief-player.png"
        assert _png_size(png) == (size, size)
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / "brief-player.svg").is_file()

    result = _run_install(data_home, "--uninstall")
    assert result.returncode == 0, result.stdout + result.stderr
    left = sorted(p.name for p in data_home.rglob("brief-player*") if p.is_file())
    assert left == []


@pytest.mark.skipif(shutil.which("gio") is None, reason="no gio (libglib2.0-bin)")
def test_installed_entry_handles_brief_player_links(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    assert _run_install(data_home).returncode == 0
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_DATA_DIRS": str(data_home)}
    env.pop("XDG_CONFIG_HOME", None)
    result = subprocess.run(
        ["gio", "mime", "x-scheme-handler/brief-player"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert "brief-player.desktop" in result.stdout, result.stdout + result.stderr


def test_install_script_rejects_unknown_options(tmp_path: Path) -> None:
    result = _run_install(tmp_path / "share", "--bogus")
    assert result.returncode == 2
    assert not (tmp_path / "share" / "applications" / "brief-player.desktop").exists()
