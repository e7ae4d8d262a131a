"""The notes JSON import as a fuzz target: mutations of a real export, read into a real
SQLite file.

The mutations follow the export's structure: a number becomes huge, negative, 2^63, a float or
4,400 digits long; a value is wrapped 1,000 deep; a string gains a lone surrogate, a NUL or
right-to-left marks; keys go missing or appear. Only ``StorageError`` may escape the import (the
disk, not the file); a refused file must leave every row as it was, and an accepted one may add
no more rows than the report says.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from player.core.storage import Attachment, Note, NoteStore, open_database
from player.core.storage.errors import StorageError
from player.core.storage.export import export_json, import_json

NUMBERS = [
    *("9" * 4400, str(2**63), str(2**64), "-" + str(2**63), "10000001", "1e400", "1e-400"),
    *("-1", "-0", "0", "1.5", "NaN", "Infinity", "true", "null", '"12"'),
]
ODD = ["\ud800", "\udfff", "\x00", "\u202e", "\u200f", "\u2066", "\ufeff", "é", "\U0001f600"]
_EXTRA = ("id", "episode_id", "start_ms", "end_ms", "text", "tags", "attached", "kind", "ref")
_EXTRA += ("label", "version", "stars", "x")
_RAW = "\u0001raw{}\u0001"  # a placeholder for a number text json.dumps cannot write


def seed_export(folder: Path) -> str:
    """A real export: notes with text, times, tags, clips and attachments, and stars."""
    with open_database(folder / "seed.db") as db:
        store = NoteStore(db)
        store.add(
            Note(
                episode_id="ep-1",
                start_ms=61_500,
                text="A point\nover two lines",
                tags=("ai", "later"),
            )
        )
        store.add(
            Note(
                episode_id="ep-1",
                start_ms=120_000,
                end_ms=135_250,
                text="a clip",
                attached=Attachment(kind="quote", ref=3, label="“Quoted” words"),
            )
        )
        store.add(
            Note(
                episode_id="ep-2",
                start_ms=0,
                text="",
                audio_key="abc",
                attached=Attachment(kind="concept", ref=0, label="A concept"),
            )
        )
        store.star("ep-1", "quote", 3)
        store.star("ep-1", "takeaway", 1)
        store.star("ep-2", "concept", 0)
        return export_json(store)


def _slots(node: object, path: tuple = ()) -> list[tuple]:
    """Every place in the tree, as the path of keys and indexes that reaches it."""
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _slots(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _slots(v, (*path, i))
    return out


def _get(node: object, path: tuple) -> object:
    for p in path:
        node = node[p]  # type: ignore[index]
    return node


def _set(root: object, path: tuple, value: object) -> object:
    if not path:
        return value
    _get(root, path[:-1])[path[-1]] = value  # type: ignore[index]
    return root


def mutate_export(text: str, rng: random.Random) -> str:
    """One to four structure-aware changes to an export's JSON text."""
    root = json.loads(text)
    raws: list[str] = []
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(_slots(root))
        value = _get(root, path)
        op = rng.randrange(6)
        if op == 0 or (op == 1 and isinstance(value, int | float)):
            raws.append(rng.choice(NUMBERS))
            root = _set(root, path, _RAW.format(len(raws) - 1))
        elif op == 1 and isinstance(value, str):
            i = rng.randrange(len(value) + 1)
            odd = rng.choice(ODD) * rng.choice([1, 1, 3, 200])
            root = _set(root, path, value[:i] + odd + value[i:])
        elif op == 2:  # written as text: json.dumps itself recurses once per level
            depth = rng.choice([2, 21, 1000])
            opening, closing = rng.choice([("[", "]"), ('{"notes": ', "}")])
            raws.append(opening * depth + json.dumps(value) + closing * depth)
            root = _set(root, path, _RAW.format(len(raws) - 1))
        elif op == 3 and isinstance(value, dict) and value:
            del value[rng.choice(list(value))]
        elif op == 4 and isinstance(value, dict):
            value[rng.choice(_EXTRA)] = rng.choice([None, 1, "x", [], {}])
        elif isinstance(value, list) and value:
            value.append(rng.choice(value))  # a duplicate entry
    out = json.dumps(root, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
    for i, raw in reversed(list(enumerate(raws))):  # a later one may hold an earlier one
        out = out.replace(json.dumps(_RAW.format(i), ensure_ascii=False), raw)
        out = out.replace(json.dumps(_RAW.format(i)), raw)
    return out


def _rows(store: NoteStore) -> tuple[int, int]:
    notes = store.db.query("SELECT count(*) FROM notes")[0][0]
    return notes, store.db.query("SELECT count(*) FROM stars")[0][0]


def notes_import_target(folder: Path) -> Callable[[str], None]:
    """Import each text as a file into one real database in ``folder``; raises AssertionError
    when a refused file changed a row or an import added more than it reported."""
    db = open_database(folder / "notes.db")
    store = NoteStore(db)
    file = folder / "import.json"

    def run(text: str) -> None:
        file.write_bytes(text.encode("utf-8", "surrogatepass"))
        before = _rows(store)
        with contextlib.suppress(StorageError):
            report = import_json(store, file)
            notes, stars = _rows(store)
            if report.added == report.updated == report.stars == 0:
                assert (notes, stars) == before, f"rows changed by a refused file: {report}"
            assert notes - before[0] == report.added, f"{notes - before[0]} rows, {report}"
            assert stars - before[1] <= report.stars, f"{stars - before[1]} stars, {report}"

    return run


def notes_target() -> tuple[Callable[[str], None], list[str], Callable[[str, random.Random], str]]:
    """The target, its seed and its mutator, with the database on a RAM disk when there is one
    (the import is measured, not the disk's flush)."""
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="fuzz-notes-", dir=shm if shm.is_dir() else None))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return notes_import_target(folder), [seed_export(folder)], mutate_export
