"""A notes file crafted to break the importer: checked whole before the first write, the first
bad entry named by its JSON path, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.cli import main
from player.core.storage import Note, NoteStore, open_database
from player.core.storage.export import import_json

GOOD = {"episode_id": "ep", "start_ms": 1000, "text": "a good note"}


def _doc(notes: str, stars: str = "[]") -> str:
    return f'{{"format": "brief-player-notes", "version": 1, "notes": {notes}, "stars": {stars}}}'


CASES = [
    ("nested 1,000 deep", _doc("[" * 1000 + "]" * 1000), ":1: nested more than 20 levels"),
    (
        "a 5,000-digit start",
        _doc(f'[{json.dumps(GOOD)}, {{"episode_id": "ep", "start_ms": {"9" * 5000}}}]'),
        "$.notes[1].start_ms: Input should be a finite number",
    ),
    (
        "start_ms of 2^63",
        _doc(f'[{json.dumps(GOOD)}, {{"episode_id": "ep", "start_ms": {2**63}}}]'),
        "$.notes[1].start_ms: Input should be less than or equal to",
    ),
    (
        "a star's ref of 2^63",
        _doc(f"[{json.dumps(GOOD)}]", f'[{{"episode_id": "ep", "kind": "quote", "ref": {2**63}}}]'),
        "$.stars[0].ref: Input should be less than or equal to",
    ),
    (
        "an attachment's ref of 2^64",
        _doc(
            f'[{json.dumps(GOOD)}, {{"episode_id": "ep", "start_ms": 1, '
            f'"attached": {{"kind": "quote", "ref": {2**64}}}}}]'
        ),
        "$.notes[1].attached.ref: Input should be less than or equal to",
    ),
    (
        "a lone surrogate",
        _doc(f'[{json.dumps(GOOD)}, {{"episode_id": "ep", "start_ms": 1, "text": "a\\ud800b"}}]'),
        "$.notes[1].text: Value error, holds '\\ud800' at character 1, which is not text",
    ),
    (
        "a lone surrogate in a tag",
        _doc(f'[{json.dumps(GOOD)}, {{"episode_id": "ep", "start_ms": 1, "tags": ["\\udfff"]}}]'),
        "$.notes[1].tags[0]: Value error",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_reported_at_its_place_and_the_good_notes_kept(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    with open_database(tmp_path / "notes.db") as db:
        store = NoteStore(db)
        store.add(Note(episode_id="ep", start_ms=0, text="already here"))
        report = import_json(store, path)
        assert report.problems and expected in report.problems[0], report.problems
        assert report.problems[0].startswith(str(path))
        texts = [n.text for n in store.for_episode("ep")]
        assert "already here" in texts
        if "nested" not in name:
            assert "a good note" in texts  # the rest of the file still loads
        assert db.integrity_check() == "ok"


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cli_import_of_a_hostile_file_is_one_line_per_problem(
    tmp_path: Path, capsys, name: str, content: str, expected: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    assert main(["notes", "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "Traceback" not in captured.err


def test_import_into_a_database_that_is_a_folder_says_so(tmp_path: Path, capsys) -> None:
    from player.cli.notes import database_path

    database_path().mkdir(parents=True)
    path = tmp_path / "n.json"
    path.write_text(_doc(f"[{json.dumps(GOOD)}]"), encoding="utf-8")
    for argv in (["notes", "import", str(path)], ["notes", "list"]):
        main(argv)
        err = capsys.readouterr().err
        assert "is a folder" in err and "Traceback" not in err
