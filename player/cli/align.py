"""``brief-player align``: find every quote of a brief in a copy of the audio.

Prints one line per quote (``written<TAB>found<TAB>confidence<TAB>first words``, found ``-``
when not trusted) or, with ``--json``, a list of objects; progress goes to stderr. Without
``--dry-run`` the trusted finds become the audio file's sync points, replacing the old ones,
the same as accepting the result in the window. Exit 0 when it ran (even if some quotes were
not found), 2 for input that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from player.core.timefmt import format_clock


def run(command: str, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="brief-player align",
        description="Find where each quote of a brief is spoken in your copy of the audio.",
    )
    parser.add_argument("brief", type=Path, help="the brief (text or JSON)")
    parser.add_argument("--audio", type=Path, required=True, help="your copy of the episode")
    parser.add_argument("--transcript", type=Path, help="a WebVTT, SRT or JSON transcript of it")
    parser.add_argument("--json", action="store_true", help="print JSON instead of lines")
    parser.add_argument("--dry-run", action="store_true", help="print only; save nothing")
    args = parser.parse_args(argv)

    from player.cli.progress import StderrProgress
    from player.core.align import AlignError, find_quotes
    from player.core.brief.models import BriefError
    from player.core.brief.parser import load_any
    from player.core.jobs import Cancelled, run_blocking
    from player.core.storage.database import StorageError

    try:
        brief = load_any(args.brief).brief
    except BriefError as e:
        print(f"brief-player align: {e}", file=sys.stderr)
        return 2
    printer = StderrProgress()
    try:
        with _stores() as (alignments, syncpoints):
            alignment = run_blocking(
                lambda p: find_quotes(brief, args.audio, args.transcript, p, store=alignments),
                printer,
            )
            printer.finish()
            _print(alignment, args.json)
            if alignment.message:
                print(f"brief-player align: {alignment.message}", file=sys.stderr)
            if not args.dry_run and alignment.found:
                from player.core.storage.syncpoints import audio_key_for

                syncpoints.set_all(audio_key_for(args.audio), alignment.to_sync_points())
                n = len(alignment.found)
                print(f"saved {n} sync point{'s' * (n != 1)} for {args.audio}", file=sys.stderr)
    except AlignError as e:
        printer.finish()
        print(f"brief-player align: {e}", file=sys.stderr)
        return 2
    except Cancelled:
        printer.finish()
        print("brief-player align: stopped; sync points unchanged", file=sys.stderr)
        return 130
    except StorageError as e:
        print(f"brief-player align: {e}", file=sys.stderr)
        return 1
    return 0


class _stores:
    """The data folder's alignment cache and sync points, closed on leaving."""

    def __enter__(self):
        from player.cli.notes import database_path
        from player.core.storage.alignments import AlignmentStore
        from player.core.storage.database import open_database
        from player.core.storage.syncpoints import SyncPointStore

        self.db = open_database(database_path())
        return AlignmentStore(self.db), SyncPointStore(self.db)

    def __exit__(self, *exc: object) -> None:
        self.db.close()


def _print(alignment, as_json: bool) -> None:
    if as_json:
        rows = [
            {
                "at": q.written_ms / 1000,
                "found": q.found_ms / 1000
                if q.status == "found" and q.found_ms is not None
                else None,
                "confidence": q.confidence,
                "status": str(q.status),
                "text": q.text,
            }
            for q in alignment.quotes
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for q in alignment.quotes:
        found = format_clock(q.found_ms / 1000) if q.status == "found" and q.found_ms else "-"
        words = " ".join(q.text.split()[:8])
        print(f"{format_clock(q.written_ms / 1000)}\t{found}\t{q.confidence:.2f}\t{words}")
