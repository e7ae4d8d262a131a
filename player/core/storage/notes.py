"""The listener's notes and stars.

A note is pinned to a moment of the episode (or a clip of it) and may belong to a quote, concept
or takeaway of the brief. ``label`` keeps that item's text with the note, so an export still
reads well after the brief is edited or gone.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from player.core.storage.database import Database, NotFound, StorageError, utc_now

ItemKind = Literal["quote", "concept", "takeaway"]
ITEM_KINDS: tuple[str, ...] = ("quote", "concept", "takeaway")
# A note's time: the same bound as the brief's times (1,000 hours), far inside SQLite's 64 bits.
MAX_MS = 1_000 * 3_600_000
# An index into a brief's quotes, concepts or takeaways.
MAX_REF = 10_000_000


def _whole_text(value: str) -> str:
    """Refuse lone surrogates (``"\\ud800"`` in JSON): they are not text, and SQLite could
    only fail on them half-way through an import."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(
            f"holds {value[e.start]!a} at character {e.start}, which is not text"
        ) from None
    return value


Text = Annotated[str, AfterValidator(_whole_text)]


class Attachment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ItemKind
    ref: int = Field(
        ge=0, le=MAX_REF, description="index into the brief's quotes, concepts or takeaways"
    )
    label: Text = Field(default="", description="the item's text, kept for exports")


class Note(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Text = Field(default_factory=lambda: str(uuid.uuid4()), min_length=1)
    episode_id: Text = Field(min_length=1)
    start_ms: int = Field(ge=0, le=MAX_MS)
    end_ms: int | None = Field(default=None, le=MAX_MS, description="set for a clip")
    text: Text = ""
    tags: tuple[Text, ...] = ()
    attached: Attachment | None = None
    audio_key: Text | None = None
    created_at: Text = Field(default_factory=utc_now)
    updated_at: Text = Field(default_factory=utc_now)

    @field_validator("tags", mode="before")
    @classmethod
    def _clean_tags(cls, value: object) -> object:
        """``#AI`` and ``ai`` typed in a hurry are the same tag, and a tag has no spaces, so it
        survives as an Obsidian ``#tag``."""
        if isinstance(value, str):
            value = value.replace(",", " ").split()
        if not isinstance(value, list | tuple):
            return value
        out: list[str] = []
        for tag in value:
            if not isinstance(tag, str):
                return value  # let pydantic report the wrong type
            clean = re.sub(r"\s+", "-", tag.strip().lstrip("#").strip())
            if clean and clean.lower() not in (t.lower() for t in out):
                out.append(clean)
        return tuple(out)

    @model_validator(mode="after")
    def _clip_ends_after_start(self) -> Note:
        if self.end_ms is not None and self.end_ms < self.start_ms:
            raise ValueError("end_ms must not be before start_ms")
        return self

    @property
    def is_clip(self) -> bool:
        return self.end_ms is not None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A found note with where the words matched, for highlighting.

    ``spans`` are ``(start, end)`` character offsets into ``note.text``; ``snippet`` is a short
    excerpt around the first match and ``snippet_spans`` index into it. A note found only by a
    tag or by its quote's text has no spans.
    """

    note: Note
    spans: tuple[tuple[int, int], ...]
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]


_COLUMNS = (
    "id, episode_id, start_ms, end_ms, text, tags, attached_kind, attached_ref, "
    "attached_label, audio_key, created_at, updated_at"
)
_LINE_COLUMNS = "start_ms, created_at, id, end_ms, text"
_TIME_ORDER = "ORDER BY start_ms, created_at, id"
# One note as the window lists it: (start_ms, created_at, id, end_ms, text). Tuples compare in
# the notes' time order, and a (start_ms, created_at, id) key finds one by bisection.
NoteLine = tuple[int, str, str, int | None, str]
_OPEN, _CLOSE = "\ue000", "\ue001"
# Above this many matches a query is too broad to rank on every keystroke (see ``search``).
RANK_AT_MOST = 2000
_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str | None:
    """A MATCH expression for what a person typed, or None if it holds no words.

    Every word is quoted, so ``AND``, ``NEAR(``, ``"``, ``*`` and ``-`` are plain text, never
    FTS syntax. The last word is a prefix, so results follow typing.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class NoteStore:
    """Notes and stars; each method is one transaction, committed when it returns."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- notes -------------------------------------------------------------------------------

    def add(self, note: Note) -> Note:
        try:
            with self.db.transaction() as conn:
                conn.execute(f"INSERT INTO notes ({_COLUMNS}) VALUES ({_marks()})", _row(note))
        except sqlite3.IntegrityError as e:
            raise StorageError(f"a note with id {note.id} already exists") from e
        return note

    def update(self, note: Note) -> Note:
        """Save an edited note; its ``updated_at`` becomes now."""
        saved = note.model_copy(update={"updated_at": utc_now()})
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE notes SET episode_id=?, start_ms=?, end_ms=?, text=?, tags=?, "
                "attached_kind=?, attached_ref=?, attached_label=?, audio_key=?, created_at=?, "
                "updated_at=? WHERE id=?",
                (*_row(saved)[1:], saved.id),
            )
            if cur.rowcount == 0:
                raise NotFound(f"no note with id {note.id}")
        return saved

    def delete(self, note_id: str) -> Note:
        """Remove a note and hand it back, so the window can offer Undo via ``restore``."""
        with self.db.transaction() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id=?", (note_id,)).fetchone()
            if row is None:
                raise NotFound(f"no note with id {note_id}")
            conn.execute("DELETE FROM notes WHERE id=?", (note_id,))
        return _note(row)

    def restore(self, note: Note) -> Note:
        """Put a note back exactly as it was (same id and times)."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE id=?", (note.id,))
            conn.execute(f"INSERT INTO notes ({_COLUMNS}) VALUES ({_marks()})", _row(note))
        return note

    def put(self, note: Note) -> None:
        """Insert or replace as given, keeping ``updated_at`` (for imports and sync)."""
        self.restore(note)

    def get(self, note_id: str) -> Note | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM notes WHERE id=?", (note_id,))
        return _note(rows[0]) if rows else None

    def for_episode(self, episode_id: str) -> list[Note]:
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM notes WHERE episode_id=? {_TIME_ORDER}",
            (episode_id,),
        )
        return [_note(r) for r in rows]

    def outline(self, episode_id: str) -> list[NoteLine]:
        """The episode's notes as ``NoteLine`` tuples, in ``for_episode``'s order.

        What a window needs of every note at once (its place, its moment and its words), read
        without building a ``Note`` for each: opening an episode with 100,000 notes was mostly
        that. The whole note is read by id when one is shown (``get``).
        """
        return self.db.query(
            f"SELECT {_LINE_COLUMNS} FROM notes WHERE episode_id=? {_TIME_ORDER}", (episode_id,)
        )

    def all_recent(self, limit: int = 100) -> list[Note]:
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM notes ORDER BY updated_at DESC, n DESC LIMIT ?", (limit,)
        )
        return [_note(r) for r in rows]

    def count(self, episode_id: str | None = None) -> int:
        if episode_id is None:
            return int(self.db.query("SELECT count(*) FROM notes")[0][0])
        rows = self.db.query("SELECT count(*) FROM notes WHERE episode_id=?", (episode_id,))
        return int(rows[0][0])

    def episodes(self) -> list[str]:
        return [r[0] for r in self.db.query("SELECT DISTINCT episode_id FROM notes ORDER BY 1")]

    def search(
        self, query: str, episode_id: str | None = None, limit: int = 200
    ) -> list[SearchHit]:
        """Notes matching every word typed (the last as a prefix), best matches first.

        Text counts more than the quote a note belongs to; a tag counts most, since tagging
        is how a listener files a note to find it again. While the query is still too broad
        to rank (the first letter or two typed, matching thousands of notes), the newest notes
        come first instead: ranking them all would cost a whole index scan per keystroke, and
        the order changes on the next key anyway.
        """
        match = fts_query(query)
        if match is None:
            return []
        broad = (
            self.db.query(
                "SELECT count(*) FROM (SELECT 1 FROM notes_fts WHERE notes_fts MATCH ? LIMIT ?)",
                (match, RANK_AT_MOST + 1),
            )[0][0]
            > RANK_AT_MOST
        )
        sql = (
            f"SELECT {', '.join('notes.' + c.strip() for c in _COLUMNS.split(','))}, "
            f"highlight(notes_fts, 0, '{_OPEN}', '{_CLOSE}'), "
            f"snippet(notes_fts, 0, '{_OPEN}', '{_CLOSE}', '…', 16) "
            "FROM notes_fts JOIN notes ON notes.n = notes_fts.rowid "
            "WHERE notes_fts MATCH ?"
        )
        params: list[object] = [match]
        if episode_id is not None:
            sql += " AND notes.episode_id = ?"
            params.append(episode_id)
        if broad:
            sql += " ORDER BY notes_fts.rowid DESC LIMIT ?"
        else:
            sql += " ORDER BY bm25(notes_fts, 1.0, 4.0, 0.5), notes_fts.rowid DESC LIMIT ?"
        params.append(limit)
        hits = []
        for row in self.db.query(sql, params):
            note = _note(row[:12])
            text, spans = _unmark(row[12] or "")
            snippet, snippet_spans = _unmark(row[13] or "")
            if text != note.text:
                spans = ()
            hits.append(SearchHit(note, spans, snippet, snippet_spans))
        return hits

    # -- stars -------------------------------------------------------------------------------

    def star(self, episode_id: str, kind: str, ref: int) -> None:
        check_item(kind, ref)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO stars (episode_id, kind, ref, created_at) VALUES (?,?,?,?)",
                (episode_id, kind, ref, utc_now()),
            )

    def unstar(self, episode_id: str, kind: str, ref: int) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "DELETE FROM stars WHERE episode_id=? AND kind=? AND ref=?", (episode_id, kind, ref)
            )

    def stars(self, episode_id: str) -> set[tuple[str, int]]:
        rows = self.db.query("SELECT kind, ref FROM stars WHERE episode_id=?", (episode_id,))
        return {(k, int(r)) for k, r in rows}


def check_item(kind: str, ref: int) -> None:
    if kind not in ITEM_KINDS:
        raise ValueError(f"cannot star a {kind!r}: expected one of {', '.join(ITEM_KINDS)}")
    if not isinstance(ref, int) or isinstance(ref, bool) or not 0 <= ref <= MAX_REF:
        raise ValueError(f"item index must be a whole number from 0 to {MAX_REF}, not {ref!r}")


def line_of(note: Note) -> NoteLine:
    return (note.start_ms, note.created_at, note.id, note.end_ms, note.text)


def _marks() -> str:
    return ", ".join("?" * 12)


def _row(note: Note) -> tuple[object, ...]:
    a = note.attached
    return (
        note.id,
        note.episode_id,
        note.start_ms,
        note.end_ms,
        note.text,
        json.dumps(list(note.tags), ensure_ascii=False),
        a.kind if a else None,
        a.ref if a else None,
        a.label if a else None,
        note.audio_key,
        note.created_at,
        note.updated_at,
    )


_NOTE_FIELDS = tuple(Note.model_fields)
_set_attribute = object.__setattr__


def _note(row: tuple | sqlite3.Row) -> Note:
    """A note from a row the store wrote itself, so already valid.

    What ``Note.model_construct`` does, without its per-field alias and default lookups: an
    episode with 100,000 notes builds them all when it opens, and those lookups were most of
    the time. Most notes have no tags, so ``[]`` skips the JSON parser.
    """
    (nid, episode, start, end, text, tags, a_kind, a_ref, a_label, audio, created, updated) = row
    attached = None
    if a_kind is not None:
        attached = Attachment.model_construct(kind=a_kind, ref=a_ref or 0, label=a_label or "")
    note = Note.__new__(Note)
    _set_attribute(
        note,
        "__dict__",
        {
            "id": nid,
            "episode_id": episode,
            "start_ms": start,
            "end_ms": end,
            "text": text,
            "tags": () if not tags or tags == "[]" else tuple(json.loads(tags)),
            "attached": attached,
            "audio_key": audio,
            "created_at": created,
            "updated_at": updated,
        },
    )
    _set_attribute(note, "__pydantic_fields_set__", set(_NOTE_FIELDS))
    _set_attribute(note, "__pydantic_extra__", None)
    _set_attribute(note, "__pydantic_private__", None)
    return note


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and match spans from FTS output with private-use markers around matches."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = -1
    for part in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if part == _OPEN:
            start = length
        elif part == _CLOSE:
            if start >= 0:
                spans.append((start, length))
            start = -1
        else:
            out.append(part)
            length += len(part)
    return "".join(out), tuple(spans)
