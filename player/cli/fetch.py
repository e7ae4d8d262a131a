"""``brief-player fetch``: the brief's real episode from the podcast's own feed.

Reads the feed (from ``episode.json`` or ``--feed``), finds the brief's episode in it, downloads
the audio with what the feed carries beside it into the data folder, and attaches it so the
window opens the episode with it. Progress goes to stderr, the audio's path to stdout. A second
run after an interruption resumes the download; Ctrl+C stops it with the part kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from player.cli.progress import StderrProgress
from player.core.jobs import Cancelled, Progress, run_blocking

EXIT_FAILED = 2
EXIT_CANCELLED = 130


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")


def _parser() -> _Parser:
    parser = _Parser(
        prog="brief-player fetch",
        description="Find the brief's episode in the podcast's feed, download it and attach it.",
    )
    parser.add_argument(
        "brief", nargs="?", type=Path, help="episode folder or brief (default: the bundled one)"
    )
    parser.add_argument("--feed", default="", help="the show's feed address (or a saved file)")
    parser.add_argument("-o", "--output", type=Path, help="folder for the audio (default: data)")
    parser.add_argument("--list", action="store_true", help="list the feed's episodes, best first")
    parser.add_argument("--guid", default="", help="take the feed's episode with this GUID")
    parser.add_argument("--no-attach", action="store_true", help="download only")
    return parser


def run(command: str, argv: list[str]) -> int:
    from player.core.brief.models import BriefError
    from player.core.feed import FeedError, brief_source

    try:
        args = _parser().parse_args(argv)
    except _UsageError as e:
        print(e, file=sys.stderr)
        return EXIT_FAILED
    printer = StderrProgress(unit="B")
    try:
        source = brief_source(args.brief)
        if args.list:
            return run_blocking(lambda p: _list(source, args, p), printer)
        return run_blocking(lambda p: _fetch(source, args, p, printer), printer)
    except (BriefError, OSError, ValueError) as e:
        _say(f"{e}")
        return EXIT_FAILED
    except FeedError as e:
        printer.finish()
        _say(str(e))
        return EXIT_FAILED
    except Cancelled:
        printer.finish()
        _say("stopped; what was downloaded is kept, run the same command again to resume.")
        return EXIT_CANCELLED
    finally:
        printer.finish()


def _list(source, args: argparse.Namespace, progress: Progress) -> int:
    from player.core.feed import FeedError, match_episode, read_feed

    url = args.feed or source.feed_url
    if not url:
        raise FeedError(f"{source.title}: no feed is known for this brief; give one with --feed.")
    feed = read_feed(url, progress)
    result = match_episode(source.clue, feed)
    print(f"# {feed.title} ({len(feed.episodes)} episodes), best match for: {source.title}")
    for c in result.candidates:
        when = c.episode.published.isoformat() if c.episode.published else "----------"
        print(f"{c.score:.2f}\t{when}\t{c.episode.title}\t{c.episode.guid}")
    return 0


def _fetch(source, args: argparse.Namespace, progress: Progress, printer: StderrProgress) -> int:
    from player.core.feed import downloads_dir, fetch_episode, find_in_feed

    found = find_in_feed(source, progress.scaled(0, 0.02), feed_url=args.feed, guid=args.guid)
    episode = found.episode
    best = found.match.best
    why = f" (matched by {best.why})" if best and best.episode is episode else ""
    printer.finish()
    _say(f"found: {episode.title}{why}")
    folder = args.output or downloads_dir(source.episode_id)
    fetched = fetch_episode(episode, folder, progress.scaled(0.02, 0.98))
    printer.finish()
    if fetched.download is None:
        _say(f"already downloaded: {fetched.audio}")
    else:
        d = fetched.download
        resumed = f", resumed at {d.resumed_from:,} bytes" if d.resumed_from else ""
        _say(f"downloaded {d.size:,} bytes in {d.seconds:.1f} s{resumed}")
    for path in fetched.extras.files:
        _say(f"saved {path.name}")
    for note in fetched.notes:
        _say(note)
    if not args.no_attach:
        _attach(source.episode_id, fetched.audio)
    print(fetched.audio)
    return 0


def _attach(episode_id: str, audio: Path) -> None:
    from player.appdirs import data_dir
    from player.core.feed import FeedError, attach
    from player.core.storage.database import StorageError, open_database
    from player.core.storage.playstate import PlayStateStore

    try:
        with open_database(data_dir() / "notes.db") as db:
            attach(PlayStateStore(db), episode_id, audio)
    except StorageError as e:
        raise FeedError(f"{audio} is downloaded but could not be attached: {e}") from None
    _say(f"attached to {episode_id}: the window opens the episode with it")


def _say(text: str) -> None:
    print(f"brief-player fetch: {text}", file=sys.stderr)
