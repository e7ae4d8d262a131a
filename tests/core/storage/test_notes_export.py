"""Exports a listener can read or move elsewhere, and imports that never duplicate a note."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.storage import Attachment, Note, NoteStore, open_database
from player.core.storage.export import (
    CSV_FIELDS,
    export_csv,
    export_json,
    export_markdown,
    import_json,
    md_escape,
)

HOSTILE = "<b>x</b> <script>alert(1)</script> &amp; R&D"


@pytest.fixture
def store(tmp_path: Path):
    db = open_database(tmp_path / "notes.db")
    s = NoteStore(db)
    s.add(
        Note(
            episode_id="ghosts",
            start_ms=3_792_000,
            end_ms=3_840_000,
            text="Clip of the\nbest part",
            tags=("ai", "rl"),
            attached=Attachment(kind="quote", ref=1, label="We're summoning ghosts"),
            audio_key="sha256:x:1",
        )
    )
    s.add(Note(episode_id="ghosts", start_ms=65_000, text=HOSTILE))
    s.add(Note(episode_id="ghosts", start_ms=70_000, text="# not a heading\n> not a quote\n---"))
    s.add(Note(episode_id="other", start_ms=0, text="elsewhere"))
    s.star("ghosts", "quote", 0)
    s.star("ghosts", "concept", 0)
    yield s
    db.close()


BRIEF = Brief(
    title="Karpathy — Ghosts, not animals",
    quotes=(Quote(at=12.0, text="AGI is a decade away"), Quote(at=3792.0, text="ghosts")),
    concepts=(Concept(name="Model collapse", description="outputs lose diversity"),),
    takeaways=(Takeaway(text="Build the agent slowly"),),
)


def test_markdown_reads_as_an_obsidian_page(store: NoteStore) -> None:
    md = export_markdown(store, "ghosts", brief=BRIEF)
    assert md.startswith("# Karpathy — Ghosts, not animals\n")
    assert "### [1:03:12–1:04:00]" in md
    assert "### [1:05]" in md
    assert "> *Quote:* We're summoning ghosts" in md
    assert "#ai #rl" in md
    assert "- ★ Quote 1 [0:12]: AGI is a decade away" in md
    assert "- ★ Concept 1: Model collapse: outputs lose diversity" in md
    assert "elsewhere" not in md
    assert md.index("[1:05]") < md.index("[1:03:12")  # time order


def test_markdown_shows_markup_as_text_when_rendered(store: NoteStore, qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setMarkdown(export_markdown(store, "ghosts"))
    shown = doc.toPlainText()
    assert HOSTILE in shown
    assert "# not a heading\n> not a quote\n---" in shown


@pytest.mark.parametrize(
    "text",
    ["<b>x</b>", "a\\<b>", "&amp;", "&#60;", "# h", "## h", "> q", "- item", "1. one", "===", "-"],
)
def test_md_escape_round_trips_through_a_renderer(text: str, qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setMarkdown(md_escape(text))
    assert doc.toPlainText() == text


def test_markdown_heads_the_page_with_the_title_and_names_the_guest_once(
    store: NoteStore,
) -> None:
    brief = BRIEF.model_copy(
        update={"title": "Andrej Karpathy — “We’re summoning ghosts”", "guest": "Andrej Karpathy"}
    )
    md = export_markdown(store, "ghosts", brief=brief)
    assert md.startswith("# We’re summoning ghosts\n\nGuest: Andrej Karpathy\n")
    assert md.count("Andrej Karpathy") == 1
    # The library's title (as the command line passes it) is taken apart the same way.
    md = export_markdown(store, "ghosts", title="Jane Doe — “On Bees”")
    assert md.startswith("# On Bees\n\nGuest: Jane Doe\n")


def test_markdown_without_brief_labels_stars_by_number(store: NoteStore) -> None:
    md = export_markdown(store, "ghosts", title="My title")
    assert md.startswith("# My title\n")
    assert "- ★ Quote 1\n" in md and "- ★ Concept 1\n" in md


def test_json_is_versioned_and_holds_markup_verbatim(store: NoteStore) -> None:
    doc = json.loads(export_json(store, "ghosts"))
    assert (doc["format"], doc["version"]) == ("brief-player-notes", 1)
    assert [n["start_ms"] for n in doc["notes"]] == [65_000, 70_000, 3_792_000]
    assert doc["notes"][0]["text"] == HOSTILE
    assert {(s["kind"], s["ref"]) for s in doc["stars"]} == {("quote", 0), ("concept", 0)}


def test_json_round_trip_into_another_database_then_again_adds_nothing(
    store: NoteStore, tmp_path: Path
) -> None:
    exported = tmp_path / "all.json"
    exported.write_text(export_json(store), encoding="utf-8")
    with open_database(tmp_path / "other.db") as db:
        other = NoteStore(db)
        first = import_json(other, exported)
        assert (first.added, first.updated, first.problems) == (4, 0, [])
        second = import_json(other, exported)
        assert (second.added, second.updated, second.unchanged) == (0, 0, 4)
        assert other.count() == 4
        assert other.for_episode("ghosts") == store.for_episode("ghosts")
        assert other.stars("ghosts") == {("quote", 0), ("concept", 0)}


def test_import_keeps_whichever_edit_is_newer(store: NoteStore, tmp_path: Path) -> None:
    exported = tmp_path / "notes.json"
    exported.write_text(export_json(store, "ghosts"), encoding="utf-8")
    doc = json.loads(exported.read_text())
    original = store.for_episode("ghosts")[0]
    edited_here = store.update(original.model_copy(update={"text": "edited here, later"}))
    report = import_json(store, exported)
    assert report.updated == 0 and store.get(original.id) == edited_here

    doc["notes"][0]["text"] = "edited on the laptop, even later"
    doc["notes"][0]["updated_at"] = "2999-01-01T00:00:00Z"
    exported.write_text(json.dumps(doc), encoding="utf-8")
    report = import_json(store, exported)
    assert report.updated == 1
    assert store.get(original.id).text == "edited on the laptop, even later"  # type: ignore[union-attr]
    assert store.count("ghosts") == 3


def test_import_reports_bad_entries_by_json_path_and_keeps_the_rest(
    store: NoteStore, tmp_path: Path
) -> None:
    good = {"episode_id": "new", "start_ms": 1000, "text": "fine"}
    doc = {
        "format": "brief-player-notes",
        "version": 1,
        "notes": [good, {"episode_id": "new", "start_ms": "soon"}, "nonsense"],
        "stars": [{"episode_id": "new", "kind": "chapter", "ref": 1}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = import_json(store, path)
    assert report.added == 1 and store.count("new") == 1
    assert any("$.notes[1].start_ms" in p for p in report.problems)
    assert any("$.notes[2]" in p for p in report.problems)
    assert any("$.stars[0].kind" in p and "takeaway" in p for p in report.problems)
    assert all(p.startswith(str(path)) for p in report.problems)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{\n  nope", ":2: not valid JSON"),
        ('{"format": "something-else"}', "$.format"),
        ('{"format": "brief-player-notes", "version": 9}', "$.version"),
        ('{"format": "brief-player-notes", "version": 1, "notes": {}}', "$.notes"),
    ],
)
def test_import_of_a_wrong_file_changes_nothing(
    store: NoteStore, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "wrong.json"
    path.write_text(content, encoding="utf-8")
    before = store.count()
    report = import_json(store, path)
    assert report.added == 0 and store.count() == before
    assert any(expected in p for p in report.problems), report.problems


def test_csv_reads_back_with_the_same_fields(store: NoteStore) -> None:
    text = export_csv(store, "ghosts")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0].keys()) == CSV_FIELDS
    notes = store.for_episode("ghosts")
    assert [r["id"] for r in rows] == [n.id for n in notes]
    for row, note in zip(rows, notes, strict=True):
        assert row["text"] == note.text
        assert int(row["start_ms"]) == note.start_ms
        assert row["tags"].split() == list(note.tags)
        assert row["updated_at"] == note.updated_at
    clip = rows[2]
    assert (clip["start"], clip["end"], clip["end_ms"]) == ("1:03:12", "1:04:00", "3840000")
    assert (clip["attached_kind"], clip["attached_ref"]) == ("quote", "1")
