"""A saved note survives the process dying at any instant, and two windows can share the file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from player.core.storage import NoteStore, PlayStateStore, open_database

REPO = Path(__file__).resolve().parents[3]
WRITER = Path(__file__).with_name("writer.py")


def _spawn(db: Path, count: int, prefix: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(count), prefix],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_every_note_reported_saved_survives_sigkill(tmp_path: Path) -> None:
    db_path = tmp_path / "notes.db"
    rng = random.Random(20240611)
    printed: set[str] = set()
    killed_while_writing = 0
    deadline = time.monotonic() + 60  # a busy machine starts children slowly
    for i in range(30):
        if time.monotonic() > deadline:
            break
        child = _spawn(db_path, 0, f"run{i}")
        # Half the kills land anywhere (start-up, opening, migrating); half mid-stream.
        if i % 2:
            child.stdout.readline()  # type: ignore[union-attr]
            time.sleep(rng.uniform(0.0, 0.15))
        else:
            time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        ids = {line.strip() for line in out.splitlines() if len(line.strip()) == 36}
        killed_while_writing += bool(ids)
        printed |= ids
    assert killed_while_writing >= 10
    with open_database(db_path) as db:
        assert db.integrity_check() == "ok"
        assert db.query("PRAGMA journal_mode")[0][0] == "wal"
        stored = {row[0] for row in db.query("SELECT id FROM notes")}
        # The search index was kept in step through every kill.
        assert db.query("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')") == []
    assert printed, "no child lived long enough to write"
    assert printed <= stored


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "notes.db"
    children = [_spawn(db_path, 150, name) for name in ("left", "right")]
    outputs = [c.communicate(timeout=60) for c in children]
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    with open_database(db_path) as db:
        notes = NoteStore(db)
        assert notes.count("ep-left") == 150
        assert notes.count("ep-right") == 150
        ids = {row[0] for row in db.query("SELECT id FROM notes")}
        for out, _ in outputs:
            assert set(out.split()) <= ids
        assert PlayStateStore(db).get("ep-left").position_ms == 140_000  # type: ignore[union-attr]
        assert len(notes.stars("ep-right")) == 15
        assert db.integrity_check() == "ok"
