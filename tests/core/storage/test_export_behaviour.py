"""The listener's notes as files they open elsewhere: the whole Markdown page, the CSV rows and
the JSON document, exactly as written, and what an import says about what it did."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.storage import Attachment, Note, NoteStore, open_database
from player.core.storage.export import export_csv, export_json, export_markdown, import_json

T0 = "2026-01-02T03:04:05+00:00"


@pytest.fixture
def store(tmp_path: Path):
    db = open_database(tmp_path / "notes.db")
    yield NoteStore(db)
    db.close()


def _note(**fields) -> Note:
    return Note(**{"episode_id": "ep", "created_at": T0, "updated_at": T0, **fields})


BRIEF = Brief(
    title="Ghosts, not animals",
    quotes=(Quote(at=65, text="We summon ghosts."), Quote(at=70, text="Later.")),
    concepts=(Concept(name="Ghosts", description="imitations"),),
    takeaways=(Takeaway(text="Build agents."),),
)


def test_the_markdown_page_reads_as_written(store: NoteStore) -> None:
    store.add(
        _note(
            id="a",
            start_ms=65_000,
            end_ms=75_000,
            text="Worth rereading.\nTwice.",
            tags=("ai", "ghosts"),
            attached=Attachment(kind="quote", ref=0, label="We summon\nghosts."),
        )
    )
    store.add(_note(id="b", start_ms=5_000, text="   ", tags=("intro",)))
    store.add(_note(id="c", start_ms=3_600_000, text="An hour in."))
    for kind, ref in (("takeaway", 0), ("quote", 1), ("concept", 0), ("quote", 0), ("concept", 5)):
        store.star("ep", kind, ref)
    today = datetime.now(UTC).date().isoformat()
    assert export_markdown(store, "ep", brief=BRIEF) == (
        "# Ghosts, not animals\n\n"
        f"Notes exported from Brief Player on {today}.\n\n"
        "## Starred\n\n"
        "- ★ Quote 1 [1:05]: We summon ghosts.\n"
        "- ★ Quote 2 [1:10]: Later.\n"
        "- ★ Concept 1: Ghosts: imitations\n"
        "- ★ Concept 6\n"
        "- ★ Takeaway 1: Build agents.\n\n"
        "## Notes\n\n"
        "### [0:05]\n\n"
        "#intro\n\n"
        "### [1:05–1:15]\n\n"
        "> *Quote:* We summon\n"
        "> ghosts.\n\n"
        "Worth rereading.  \nTwice.\n\n"
        "#ai #ghosts\n\n"
        "### [1:00:00]\n\n"
        "An hour in.\n"
    )


def test_without_the_brief_a_star_shows_the_label_its_note_kept(store: NoteStore) -> None:
    store.add(_note(start_ms=0, attached=Attachment(kind="takeaway", ref=2, label="Keep going.")))
    store.star("ep", "takeaway", 2)
    store.star("ep", "quote", 0)
    page = export_markdown(store, "ep")
    assert page.startswith("# ep\n\n")
    assert "- ★ Quote 1\n- ★ Takeaway 3: Keep going.\n" in page
    assert export_markdown(store, "ep", title="Own title").startswith("# Own title\n\n")
    short = Brief(title="", quotes=())
    assert "- ★ Quote 1\n" in export_markdown(store, "ep", brief=short)
    assert export_markdown(store, "ep", brief=short).startswith("# ep\n")


def test_an_episode_with_nothing_is_a_page_with_only_its_heading(store: NoteStore) -> None:
    today = datetime.now(UTC).date().isoformat()
    assert export_markdown(store, "ep") == (
        f"# ep\n\nNotes exported from Brief Player on {today}.\n"
    )


def test_the_csv_has_one_row_per_note_with_empty_cells_for_what_it_lacks(
    store: NoteStore,
) -> None:
    store.add(_note(id="a", start_ms=65_000, text="plain"))
    store.add(
        _note(
            id="b",
            start_ms=70_000,
            end_ms=80_000,
            text='say "hi",\nthen go',
            tags=("x", "y"),
            attached=Attachment(kind="concept", ref=0, label="Ghosts"),
            audio_key="sha256:1:2",
        )
    )
    text = export_csv(store, "ep")
    assert text.count("\r\n") == 3 and text.endswith("\r\n")  # header and two rows
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0] == {
        "id": "a",
        "episode_id": "ep",
        "start": "1:05",
        "end": "",
        "start_ms": "65000",
        "end_ms": "",
        "text": "plain",
        "tags": "",
        "attached_kind": "",
        "attached_ref": "",
        "attached_label": "",
        "audio_key": "",
        "created_at": T0,
        "updated_at": T0,
    }
    assert (rows[1]["end"], rows[1]["end_ms"], rows[1]["text"], rows[1]["tags"]) == (
        "1:20",
        "80000",
        'say "hi",\nthen go',
        "x y",
    )
    assert (rows[1]["attached_kind"], rows[1]["attached_ref"], rows[1]["attached_label"]) == (
        "concept",
        "0",
        "Ghosts",
    )
    assert rows[1]["audio_key"] == "sha256:1:2"


def test_the_json_backup_holds_every_episode_and_every_star(store: NoteStore) -> None:
    store.add(_note(id="a", episode_id="ep", start_ms=1, text="Café ☕"))
    store.add(_note(id="b", episode_id="other", start_ms=2))
    store.star("only-stars", "quote", 3)
    store.star("ep", "takeaway", 0)
    store.star("ep", "quote", 2)
    store.star("ep", "quote", 10)
    text = export_json(store)
    assert '"text": "Café ☕"' in text and text.endswith("}\n")
    assert text.startswith('{\n  "format": "brief-player-notes",\n  "version": 1,\n')
    doc = json.loads(text)
    exported = datetime.fromisoformat(doc["exported_at"])
    assert exported.tzinfo is not None and abs((datetime.now(UTC) - exported).total_seconds()) < 60
    assert [n["id"] for n in doc["notes"]] == ["a", "b"]
    assert doc["notes"][0]["tags"] == []
    assert doc["stars"] == [
        {"episode_id": "ep", "kind": "quote", "ref": 2},
        {"episode_id": "ep", "kind": "quote", "ref": 10},
        {"episode_id": "ep", "kind": "takeaway", "ref": 0},
        {"episode_id": "only-stars", "kind": "quote", "ref": 3},
    ]
    one = json.loads(export_json(store, "ep"))
    assert [n["id"] for n in one["notes"]] == ["a"]
    assert [s["episode_id"] for s in one["stars"]] == ["ep", "ep", "ep"]


def test_importing_a_backup_twice_adds_then_changes_nothing(store: NoteStore, tmp_path) -> None:
    store.add(_note(id="a", start_ms=1, text="one"))
    store.add(_note(id="b", start_ms=2, text="two"))
    store.star("ep", "quote", 0)
    backup = tmp_path / "backup.json"
    backup.write_text(export_json(store), encoding="utf-8")
    other = NoteStore(open_database(tmp_path / "other.db"))
    first = import_json(other, backup)
    assert first.summary() == "2 added, 0 updated, 0 already up to date, 1 stars; 0 problems"
    second = import_json(other, backup)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)


def test_an_import_takes_only_newer_edits(store: NoteStore, tmp_path) -> None:
    store.add(_note(id="a", start_ms=1, text="old"))
    store.add(_note(id="b", start_ms=2, text="mine"))
    doc = {
        "format": "brief-player-notes",
        "version": 1,
        "notes": [
            _note(id="a", start_ms=1, text="newer", updated_at="2027-01-01T00:00:00Z").model_dump(),
            _note(id="b", start_ms=2, text="naive", updated_at="2027-01-01T00:00:00").model_dump(),
            _note(id="c", start_ms=3, text="bad", updated_at="yesterday").model_dump(),
            {"id": "d", "episode_id": "ep", "start_ms": -5, "tags": [1]},
        ],
        "stars": [{"episode_id": "ep", "kind": "chapter", "ref": 0}, "junk"],
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = import_json(store, path)
    assert (report.added, report.updated, report.unchanged, report.stars) == (1, 2, 0, 0)
    assert store.get("a").text == "newer" and store.get("b").text == "naive"
    assert report.problems[:2] == [
        f"{path}: $.notes[3].start_ms: Input should be greater than or equal to 0",
        f"{path}: $.notes[3].tags[0]: Input should be a valid string",
    ]
    assert report.problems[2] == (
        f"{path}: $.stars[0].kind: Input should be 'quote', 'concept' or 'takeaway'"
    )
    assert report.problems[3].startswith(f"{path}: $.stars[1]: ")
    # An edit with an unreadable time never overwrites one with a readable time.
    store.put(_note(id="c", start_ms=3, text="kept", updated_at="2020-01-01T00:00:00Z"))
    path.write_text(json.dumps({**doc, "notes": doc["notes"][2:3]}), encoding="utf-8")
    assert import_json(store, path).unchanged == 1 and store.get("c").text == "kept"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xff\xfe", "1: not a UTF-8 text file (a bad byte, 0xff)"),
        (b'{"format": "brief-player-notes", "version": 2}', "$.version: 2 is not a version"),
        (
            b'{"format": "brief-player-notes", "version": 1, "notes": {}}',
            "$.notes: expected a list",
        ),
        (b'{"format": "brief-player-notes", "version": 1, "stars": 5}', "$.stars: expected a list"),
        (b"[]", "$.format: not a brief-player-notes document"),
    ],
)
def test_an_import_of_a_file_that_is_no_backup_says_why(
    store: NoteStore, tmp_path, data: bytes, problem: str
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(data)
    report = import_json(store, path)
    assert report.problems[0].startswith((f"{path}: {problem}", f"{path}:{problem}"))
    assert report.added == 0
