"""``brief-player align`` as a person runs it: lines or JSON out, sync points saved or not."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from player.cli import main
from player.core.storage.database import open_database
from player.core.storage.syncpoints import SyncPointStore, audio_key_for
from tests.conftest import REPO
from tests.core.align.test_transcript_align import _shifted_vtt

EPISODE = REPO / "content" / "karpathy-ghosts-not-animals"


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def _run(capsys: pytest.CaptureFixture, *args: str) -> Ran:
    code = main(["align", *args])
    out = capsys.readouterr()
    return Ran(code, out.out, out.err)


def _saved(home: Path, audio: Path) -> list[tuple[int, int]]:
    with open_database(home / "data" / "notes.db") as db:
        return [tuple(p) for p in SyncPointStore(db).get(audio_key_for(audio))]


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the audio of its own (sync points are per file) and its shifted transcript."""
    audio = tmp_path / "copy.opus"
    audio.write_bytes((EPISODE / "standin.opus").read_bytes())
    return audio, _shifted_vtt(tmp_path)


def test_lines_then_saved_as_the_copy_s_sync_points(
    copy: tuple[Path, Path], isolated_home: Path, capsys: pytest.CaptureFixture
) -> None:
    audio, vtt = copy
    done = _run(capsys, str(EPISODE / "brief.txt"), "--audio", str(audio), "--transcript", str(vtt))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 20
    written, found, confidence, words = lines[6].split("\t")
    assert (written, found, words.split()[0]) == ("26:45", "28:00", "No")
    assert float(confidence) > 0.9
    assert "Traceback" not in done.stderr and "saved 20 sync points" in done.stderr
    assert len(_saved(isolated_home, audio)) == 20


def test_json_and_dry_run_save_nothing(
    copy: tuple[Path, Path], isolated_home: Path, capsys: pytest.CaptureFixture
) -> None:
    audio, vtt = copy
    done = _run(
        capsys, str(EPISODE / "brief.txt"), "--audio", str(audio), "--transcript", str(vtt),
        "--json", "--dry-run",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows[0] == {
        "at": 17.0,
        "found": 17.0,
        "confidence": 1.0,
        "status": "found",
        "text": rows[0]["text"],
    }
    assert rows[-1]["found"] == rows[-1]["at"] + 75.0
    assert not (isolated_home / "data" / "notes.db").exists() or _saved(isolated_home, audio) == []


def test_unreadable_audio_exits_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    done = _run(capsys, str(EPISODE / "brief.txt"), "--audio", str(empty))
    assert done.returncode == 2
    assert "empty.mp3: the file is empty" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
