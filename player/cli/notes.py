"""``brief-player notes``: list, search, export and import the listener's notes.

Reads the same database the window writes (``notes.db`` in the data folder), without loading a
window. Errors are one line on stderr; listing and exporting still work from a folder the app
may not write to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from player.appdirs import notes_path
from player.cli.errors import Parser as _Parser
from player.cli.errors import exit_code
from player.core.storage.database import Database, StorageError, open_database, open_or_fallback
from player.core.storage.export import export_csv, export_json, export_markdown, import_json
from player.core.storage.library import LibraryStore
from player.core.storage.notes import Note, NoteStore
from player.core.timefmt import format_ms


def database_path() -> Path:
    path, moved = notes_path()
    if moved:
        print(f"brief-player notes: {moved}", file=sys.stderr)
    return path


def run(command: str, argv: list[str]) -> int:
    parser = _Parser(prog="brief-player notes", description="Your notes, from the command line.")
    sub = parser.add_subparsers(dest="action", required=True, parser_class=_Parser)
    ls = sub.add_parser("list", help="notes, newest first, or those matching a search")
    ls.add_argument("--episode", help="only this episode's notes (in time order)")
    ls.add_argument("--search", help="words to find; the last may be unfinished")
    ls.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    ex = sub.add_parser("export", help="one episode's notes and stars as Markdown, JSON or CSV")
    ex.add_argument("--episode", required=True)
    ex.add_argument("--format", choices=("md", "json", "csv"), default="md")
    ex.add_argument("-o", "--output", help="write here instead of standard output")
    im = sub.add_parser("import", help="merge notes from a JSON export")
    im.add_argument("file")

    def run() -> int:
        args = parser.parse_args(argv)
        return {"list": _list, "export": _export, "import": _import}[args.action](args)

    return exit_code("brief-player notes", run, [(StorageError, 1)])


def _open_for_reading() -> Database:
    db, message = open_or_fallback(database_path())
    if message:
        print(f"brief-player notes: {message}", file=sys.stderr)
    return db


def _line(note: Note, with_episode: bool) -> str:
    when = format_ms(note.start_ms)
    if note.end_ms is not None:
        when += f"–{format_ms(note.end_ms)}"
    text = " ".join(note.text.split())
    if len(text) > 100:
        text = text[:99] + "…"
    tags = "".join(f" #{t}" for t in note.tags)
    episode = f"{note.episode_id}  " if with_episode else ""
    return f"{episode}[{when}]  {text}{tags}  ({note.id[:8]})"


def _list(args: argparse.Namespace) -> int:
    with _open_for_reading() as db:
        store = NoteStore(db)
        if args.search is not None:
            notes = [h.note for h in store.search(args.search, args.episode, args.limit)]
        elif args.episode is not None:
            notes = store.for_episode(args.episode)[: args.limit]
        else:
            notes = store.all_recent(args.limit)
        for note in notes:
            print(_line(note, with_episode=args.episode is None))
    if not notes:
        print("no notes" + (f" match {args.search!r}" if args.search else ""), file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open_for_reading() as db:
        store = NoteStore(db)
        if store.count(args.episode) == 0 and not store.stars(args.episode):
            print(
                f"brief-player notes: no notes or stars for episode {args.episode!r}",
                file=sys.stderr,
            )
            return 1
        if args.format == "md":
            entry = LibraryStore(db).get(args.episode)
            text = export_markdown(store, args.episode, title=entry.title if entry else None)
        elif args.format == "json":
            text = export_json(store, args.episode)
        else:
            text = export_csv(store, args.episode)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    except OSError as e:
        print(f"brief-player notes: cannot write {args.output}: {e.strerror}", file=sys.stderr)
        return 1
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_database(database_path()) as db:
        report = import_json(NoteStore(db), args.file)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(report.summary())
    return 1 if report.problems else 0
