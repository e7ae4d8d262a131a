"""Hostile values in a real notes export, imported into a real SQLite file.

Each case takes an export made by the store and changes one field of one note or star: a number
made huge, negative, 2^63, a float or 4,400 digits long; a value nested 1,000 deep; a string with
a lone surrogate, a NUL or right-to-left marks; the field dropped, or one the format lacks. The
import never raises, says what it skipped, and writes nothing it does not report. ``bench/
fuzz.py`` runs the same at volume.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.core.storage import Attachment, Database, Note, NoteStore, open_database
from player.core.storage.export import export_json, import_json

BOUND_S = 2.0
RAW_NUMBER = st.sampled_from(
    ["9" * 4400, "-1", str(2**63), str(2**64), "-" + str(2**63), "1.5", "1e400", "NaN", "-0"]
)
ODD_TEXT = st.sampled_from(["a\ud800b", "\udfff", "a\x00b", "\u202eevil\u202c", "\u200f", "é"])
NESTED = st.sampled_from([21, 1000]).map(lambda depth: "[" * depth + "1" + "]" * depth)
NOTE_FIELDS = ["id", "episode_id", "start_ms", "end_ms", "text", "tags", "attached", "updated_at"]
STAR_FIELDS = ["episode_id", "kind", "ref"]
_HOLE = "\u0001hole\u0001"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with open_database(tmp_path_factory.mktemp("fuzz") / "notes.db") as db:
        yield db


@pytest.fixture(scope="module")
def export(db: Database) -> dict:
    store = NoteStore(db)
    store.add(Note(episode_id="ep", start_ms=61_500, text="two\nlines", tags=("ai",)))
    quote = Attachment(kind="quote", ref=3, label="“Quoted”")
    store.add(Note(episode_id="ep", start_ms=120_000, end_ms=135_250, text="clip", attached=quote))
    store.star("ep", "quote", 3)
    return json.loads(export_json(store))


def _rows(db: Database) -> tuple[int, ...]:
    return tuple(db.query(f"SELECT count(*) FROM {table}")[0][0] for table in ("notes", "stars"))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_hostile_field_in_a_real_export_is_reported_and_nothing_unreported_is_written(
    db: Database, export: dict, tmp_path: Path, data: st.DataObject
) -> None:
    doc = json.loads(json.dumps(export))
    where = data.draw(st.sampled_from(["notes", "stars"]))
    entry = doc[where][data.draw(st.integers(0, len(doc[where]) - 1))]
    name = data.draw(st.sampled_from([*(NOTE_FIELDS if where == "notes" else STAR_FIELDS), "x"]))
    value = data.draw(st.one_of(RAW_NUMBER, ODD_TEXT.map(json.dumps), NESTED, st.just(None)))
    if value is None:
        entry.pop(name, None)
    else:
        entry[name] = _HOLE
    text = json.dumps(doc, ensure_ascii=data.draw(st.booleans()))
    text = text.replace(json.dumps(_HOLE), value or "")
    path = tmp_path / "hostile.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    store = NoteStore(db)
    before = _rows(db)

    started = time.perf_counter()
    report = import_json(store, path)
    assert time.perf_counter() - started < BOUND_S

    notes, stars = _rows(db)
    assert notes - before[0] == report.added
    if report.added == report.updated == report.stars == 0:
        assert (notes, stars) == before
    if report.problems:
        assert report.problems[0].startswith(f"{path}:")
    assert db.integrity_check() == "ok"


def test_a_lone_surrogate_written_unescaped_is_reported_at_its_line(
    db: Database, export: dict, tmp_path: Path
) -> None:
    export["notes"][1]["text"] = "a\ud800b"
    path = tmp_path / "raw.json"
    text = json.dumps(export, ensure_ascii=False, indent=2)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    before = _rows(db)
    report = import_json(NoteStore(db), path)
    line = text[: text.index("\ud800")].count("\n") + 1
    assert report.problems == [f"{path}:{line}: not a UTF-8 text file (a bad byte, 0xed)"]
    assert _rows(db) == before
