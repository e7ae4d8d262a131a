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
    from PySide6.QtCore import Q_ARG, QEventLoop, QMetaObject, Qt, QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    # Called straight from Python, stop() can deadlock with Qt's audio thread, which needs
    # Python's lock to destroy the Python-made output (see player/ui/playback.py): run both
    # calls from Qt's event loop, as the app does.
    loop = QEventLoop()
    queued = Qt.ConnectionType.QueuedConnection
    QMetaObject.invokeMethod(player, "stop", queued)
    QMetaObject.invokeMethod(player, "setSource", queued, Q_ARG(QUrl, QUrl()))
    QMetaObject.invokeMethod(loop, "quit", queued)
    loop.exec()
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


def _script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_standin", REPO / "scripts/make_standin.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_standin_script_reads_every_time_form_and_reports_bad_lines(tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(
        "Title\n"
        "Quotes\n"
        '- At 113:31 - "Bits are easier." - context\n'
        "- At 1:03:12 - \"[On LLMs] 'They are savant kids.'\" - context\n"
        '- At 0:17 - "Ghosts, not animals."\n'
        '- At soon - "No time here."\n',
        encoding="utf-8",
    )
    quotes, problems = _script().read_quotes(brief)
    assert [(q.at, q.text, q.line) for q in quotes] == [
        (17, "Ghosts, not animals.", 5),
        (3792, "They are savant kids.", 4),
        (6811, "Bits are easier.", 3),
    ]
    assert problems == [f"{brief}:6: quote line not understood, skipped"]


def test_standin_script_takes_the_length_from_episode_json(tmp_path: Path) -> None:
    script = _script()
    assert script.episode_length(tmp_path) == EPISODE_MS // 1000
    (tmp_path / "episode.json").write_text('{"length_s": 1234.4}', encoding="utf-8")
    assert script.episode_length(tmp_path) == 1234
    (tmp_path / "episode.json").write_text("{not json", encoding="utf-8")
    assert script.episode_length(tmp_path) == EPISODE_MS // 1000


def test_the_bundled_episode_shows_the_stand_in_transcript(qtbot) -> None:
    """standin.vtt (written by make_standin.py) is found beside the audio and lines up with
    the brief: every quote has a transcript line starting on the quote's second."""
    from player.core.timeline import CueKind
    from tests.ui.apps import open_main_window

    w = open_main_window(None, remember=False)
    qtbot.addWidget(w)
    starts = {c.start_ms for c in w.timeline.of_kind(CueKind.TRANSCRIPT)}
    quotes = {c.start_ms for c in w.timeline.of_kind(CueKind.QUOTE)}
    assert len(starts) == 21  # the spoken intro and twenty quotes
    assert quotes <= starts
    w.playback.release()
