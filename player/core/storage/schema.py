"""The numbered migrations, oldest first.

A migration, once released, is never edited: databases in the field are at every version, and
``PRAGMA user_version`` says how many of these steps a file has had. New needs get a new step at
the end. Each step is a list of statements run in one transaction with the version bump.
"""

from __future__ import annotations

# 1: notes and stars, the first things the listener could save.
_V1 = [
    """CREATE TABLE notes (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        episode_id TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER,
        text TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        attached_kind TEXT,
        attached_ref INTEGER,
        attached_label TEXT,
        audio_key TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX notes_by_episode ON notes(episode_id, start_ms)",
    "CREATE INDEX notes_by_update ON notes(updated_at)",
    """CREATE TABLE stars (
        episode_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        ref INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (episode_id, kind, ref)
    ) WITHOUT ROWID""",
]

# 2: full-text search over notes, kept in step by triggers so no code path can forget it.
# ``n`` (an INTEGER PRIMARY KEY) is the rowid, so VACUUM cannot renumber it under the index.
# Short prefixes are indexed because search runs on every keystroke.
_V2 = [
    """CREATE VIRTUAL TABLE notes_fts USING fts5(
        text, tags, attached_label,
        content='notes', content_rowid='n',
        tokenize='unicode61 remove_diacritics 2',
        prefix='1 2 3'
    )""",
    """CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts(rowid, text, tags, attached_label)
        VALUES (new.n, new.text, new.tags, new.attached_label);
    END""",
    """CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, text, tags, attached_label)
        VALUES ('delete', old.n, old.text, old.tags, old.attached_label);
    END""",
    """CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, text, tags, attached_label)
        VALUES ('delete', old.n, old.text, old.tags, old.attached_label);
        INSERT INTO notes_fts(rowid, text, tags, attached_label)
        VALUES (new.n, new.text, new.tags, new.attached_label);
    END""",
    "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')",
]

# 3: where the listener was, which briefs they opened, and how their audio lines up.
_V3 = [
    """CREATE TABLE playstate (
        episode_id TEXT PRIMARY KEY,
        position_ms INTEGER NOT NULL DEFAULT 0,
        speed REAL NOT NULL DEFAULT 1.0,
        volume REAL NOT NULL DEFAULT 1.0,
        muted INTEGER NOT NULL DEFAULT 0,
        audio_path TEXT,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE library (
        episode_id TEXT PRIMARY KEY,
        brief_path TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        show TEXT,
        length_s REAL,
        cover_path TEXT,
        last_opened TEXT NOT NULL
    )""",
    "CREATE INDEX library_by_opened ON library(last_opened)",
    """CREATE TABLE syncpoints (
        audio_key TEXT NOT NULL,
        brief_ms INTEGER NOT NULL,
        audio_ms INTEGER NOT NULL,
        PRIMARY KEY (audio_key, brief_ms)
    ) WITHOUT ROWID""",
]

# 4: quote searches in the listener's audio, kept so one file is never decoded twice.
_V4 = [
    """CREATE TABLE alignments (
        audio_key TEXT NOT NULL,
        brief_key TEXT NOT NULL,
        source TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (audio_key, brief_key, source)
    ) WITHOUT ROWID""",
]

# 5: the length of the listener's own audio, once the player has read it, so the library shows
# the file's length rather than the brief's.
_V5 = ["ALTER TABLE playstate ADD COLUMN audio_length_ms INTEGER"]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5]


# The tables FTS5 keeps the index in (with content='notes' it keeps no copy of the text).
_INDEX_PARTS = ("data", "idx", "docsize", "config")


def repair_search_index(conn) -> str | None:  # sqlite3.Connection, inside a write transaction
    """Check the notes' full-text index and rebuild it when it is missing or damaged.

    Its triggers run on every note written, so a dropped or damaged index makes every add fail
    while ``PRAGMA integrity_check`` still says ok; the notes table is the truth, and the index
    can always be made again from it. Returns a sentence when something was repaired.
    """
    import sqlite3

    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name GLOB 'notes*'")}
    if "notes_fts" not in names:
        if "notes" not in names:
            return None  # not migrated this far yet
        _recreate_index(conn)
        return "The notes search index was missing and has been rebuilt."
    # FTS5's own check passes with its docsize table gone, yet every note added then fails.
    if all(f"notes_fts_{part}" in names for part in _INDEX_PARTS):
        try:
            conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
            return None
        except sqlite3.DatabaseError as e:
            if getattr(e, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise
    # Made anew, not rebuilt in place: one way that works whichever of its tables is damaged.
    try:
        conn.execute("DROP TABLE notes_fts")
    except sqlite3.DatabaseError:
        # FTS5 loads an index to drop it and cannot load one whose data or config table is
        # gone; taken out of the schema by hand, what is left of it are plain tables.
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("DELETE FROM sqlite_master WHERE type = 'table' AND name = 'notes_fts'")
        conn.execute("PRAGMA writable_schema = RESET")  # off, and the schema read anew
    _recreate_index(conn)
    return "The notes search index was damaged and has been rebuilt."


def _recreate_index(conn) -> None:
    for part in _INDEX_PARTS:
        conn.execute(f"DROP TABLE IF EXISTS notes_fts_{part}")
    for trigger in ("insert", "delete", "update"):
        conn.execute(f"DROP TRIGGER IF EXISTS notes_fts_{trigger}")
    for sql in _V2:
        conn.execute(sql)
