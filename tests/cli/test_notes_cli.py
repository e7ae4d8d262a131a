"""``brief-player notes`` as a listener runs it: list, search, export, import."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.appdirs import data_dir
from player.cli import main
from player.core.storage import Attachment, LibraryStore, Note, NoteStore, open_database

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved() -> list[Note]:
    with open_database(data_dir() / "notes.db") as db:
        store = NoteStore(db)
        notes = [
            store.add(Note(episode_id="ghosts", start_ms=65_000, text="<b>decade</b> of agents")),
            store.add(
                Note(
                    episode_id="ghosts",
                    start_ms=3_792_000,
                    end_ms=3_840_000,
                    text="summoning ghosts",
                    tags=("ai",),
                    attached=Attachment(kind="quote", ref=3, label="ghosts, not animals"),
                )
            ),
            store.add(Note(episode_id="other", start_ms=1_000, text="unrelated")),
        ]
        store.star("ghosts", "quote", 3)
        LibraryStore(db).touch("ghosts", "/b/ghosts.txt", title="Ghosts, not animals")
    return notes


def test_list_shows_recent_notes_and_one_episode_in_time_order(saved, capsys) -> None:
    assert main(["notes", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[0].startswith("other  [0:01]  unrelated")
    assert main(["notes", "list", "--episode", "ghosts"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("[1:05]  <b>decade</b> of agents")
    assert out[1].startswith("[1:03:12–1:04:00]  summoning ghosts #ai")


def test_list_search_by_prefix_and_tag(saved, capsys) -> None:
    assert main(["notes", "list", "--search", "summ"]) == 0
    assert "summoning ghosts" in capsys.readouterr().out
    assert main(["notes", "list", "--search", 'NEAR( "ai']) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no notes match" in captured.err
    assert main(["notes", "list", "--search", "ai"]) == 0
    assert "summoning ghosts" in capsys.readouterr().out


def test_export_each_format_to_a_file(saved, tmp_path: Path, capsys) -> None:
    md, js, cs = tmp_path / "n.md", tmp_path / "n.json", tmp_path / "n.csv"
    assert main(["notes", "export", "--episode", "ghosts", "--format", "md", "-o", str(md)]) == 0
    assert main(["notes", "export", "--episode", "ghosts", "--format", "json", "-o", str(js)]) == 0
    assert main(["notes", "export", "--episode", "ghosts", "--format", "csv", "-o", str(cs)]) == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Ghosts, not animals\n") and "\\<b>decade\\</b>" in text
    assert "### [1:03:12–1:04:00]" in text and "> *Quote:* ghosts, not animals" in text
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert [n["id"] for n in doc["notes"]] == [saved[0].id, saved[1].id]
    rows = list(csv.DictReader(io.StringIO(cs.read_text(encoding="utf-8"), newline="")))
    assert [r["text"] for r in rows] == ["<b>decade</b> of agents", "summoning ghosts"]


def test_export_of_unknown_episode_says_so(saved, capsys) -> None:
    assert main(["notes", "export", "--episode", "nope"]) == 1
    assert "no notes or stars for episode 'nope'" in capsys.readouterr().err


def test_import_merges_without_duplicates(saved, tmp_path: Path, capsys) -> None:
    exported = tmp_path / "n.json"
    assert (
        main(["notes", "export", "--episode", "ghosts", "--format", "json", "-o", str(exported)])
        == 0
    )
    assert main(["notes", "import", str(exported)]) == 0
    assert "0 added, 0 updated, 2 already up to date" in capsys.readouterr().out
    with open_database(data_dir() / "notes.db") as db:
        assert NoteStore(db).count() == 3


def test_import_of_a_bad_file_reports_where(saved, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "brief-player-notes", "version": 1,\n "notes": [{"x": 1}]}')
    assert main(["notes", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: $.notes[0].episode_id: Field required" in err
    assert main(["notes", "import", str(tmp_path / "missing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_usage_errors_are_one_line_not_a_traceback(capsys) -> None:
    assert main(["notes", "export", "--format", "md"]) == 2
    assert "required: --episode" in capsys.readouterr().err
    assert main(["notes", "frobnicate"]) == 2


def test_damaged_database_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "notes.db").write_bytes(b"definitely not sqlite" * 100)
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEF_PLAYER_DATA": str(data)}
    run = [sys.executable, "-m", "player", "notes"]
    listed = subprocess.run([*run, "list"], capture_output=True, text=True, env=env)
    assert listed.returncode == 0
    assert "not a notes database" in listed.stderr and "Traceback" not in listed.stderr
    imported = subprocess.run(
        [*run, "import", str(tmp_path / "x.json")], capture_output=True, text=True, env=env
    )
    assert imported.returncode == 1
    assert imported.stderr.startswith("brief-player notes: ")
    assert "Traceback" not in imported.stderr
    assert (data / "notes.db").read_bytes() == b"definitely not sqlite" * 100
