"""The bundled stand-in track: as long as the episode, seekable through Qt, and speaking each
quote of the brief on its second, so the brief lights up where it would on the real audio."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mutagen.oggopus import OggOpus

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "content" / "karpathy-ghosts-not-animals"
STANDIN = FOLDER / "standin.opus"
EPISODE_MS = 8_760_000
SEEK_MS = 3_901_000  # 1:05:01, the "demo-to-product gap" quote


def test_standin_is_small_mono_opus_of_episode_length() -> None:
    audio = OggOpus(STANDIN)
    assert audio.info.channels == 1
    assert abs(audio.info.length - EPISODE_MS / 1000) < 0.1
    assert STANDIN.stat().st_size <= 3 * 1024 * 1024
    assert audio.tags is not None
    assert "Stand-in" in audio.tags["title"][0]


def test_qt_loads_the_standin_and_plays_from_a_seek(qtbot) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

    player = QMediaPlayer()
    output = QAudioOutput()
    player.setAudioOutput(output)
    errors: list[str] = []
    player.errorOccurred.connect(lambda _error, text: errors.append(text))

    player.setSource(QUrl.fromLocalFile(str(STANDIN)))
    qtbot.waitUntil(
        lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.LoadedMedia or bool(errors),
        timeout=10_000,
    )
    assert errors == []
    assert abs(player.duration() - EPISODE_MS) <= 100
    assert player.isSeekable()

    positions: list[int] = []
    player.positionChanged.connect(positions.append)
    player.setPosition(SEEK_MS)
    player.play()
    qtbot.waitUntil(
        lambda: (
            player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
            and player.position() >= SEEK_MS + 500
        ),
        timeout=10_000,
    )
    player.positionChanged.disconnect(positions.append)
    _release(qtbot, player)
    assert errors == []
    assert positions, "the player never reported a position after the seek"
    assert all(SEEK_MS - 250 <= p <= SEEK_MS + 5_000 for p in positions), positions[:5]


def _release(qtbot, player) -> None:
    """Let the player's decoding threads wind down before Python frees it and its output.

    Dropping a playing ``QMediaPlayer`` straight away can crash in its FFmpeg worker threads.
    """
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    player.stop()
    player.setSource(QUrl())
    qtbot.waitUntil(lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.NoMedia)


_TOOLS = ("espeak-ng", "sox", "soxi", "opusenc", "opusdec")


@pytest.mark.skipif(
    any(shutil.which(t) is None for t in _TOOLS),
    reason="needs espeak-ng, sox and opus-tools (apt-get install espeak-ng sox opus-tools)",
)
def test_every_quote_starts_on_its_second_after_silence() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_standin.py"), "--check", str(FOLDER)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    quotes = sum(1 for line in (FOLDER / "brief.txt").open(encoding="utf-8") if "- At " in line)
    summary = re.search(r"onsets: (\d+)/(\d+) ok, max deviation ([\d.]+) ms", result.stdout)
    assert summary is not None, result.stdout
    assert int(summary[1]) == int(summary[2]) == quotes
    assert float(summary[3]) <= 100
