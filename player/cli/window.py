"""Opening the window, and rendering it to a PNG (``brief-player screenshot``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from player.core.brief.models import BriefError
from player.core.timefmt import TimeFormatError, parse_time

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap


def _time_ms(text: str) -> int:
    try:
        return int(parse_time(text) * 1000)
    except TimeFormatError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _open_parser(prog: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Play an episode with its brief in step.")
    p.add_argument(
        "brief",
        nargs="?",
        help="a brief (.txt or .json), an episode folder, or a brief-player://open?… link",
    )
    p.add_argument("--audio", type=Path, help="the episode's audio file")
    p.add_argument("--at", type=_time_ms, default=None, help="start at TIME (seconds or H:MM:SS)")
    return p


def _screenshot_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="brief-player screenshot", description="Render the window at a moment to a PNG."
    )
    p.add_argument("brief", nargs="?", type=Path)
    p.add_argument("--audio", type=Path)
    p.add_argument("--at", type=_time_ms, required=True)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT (default 1280x800)")
    p.add_argument("--theme", choices=("light", "dark", "system"), default="system")
    p.add_argument(
        "--first-frame",
        action="store_true",
        help="render the window's first frame, before notes, transcript and library arrive",
    )
    return p


def run(command: str, argv: list[str]) -> int:
    if command == "screenshot":
        return _screenshot(_screenshot_parser().parse_args(argv))
    args = _open_parser("brief-player").parse_args(argv)
    from player.appdirs import content_dir
    from player.core.open_target import open_target
    from player.ui.app import application, close_on_terminate, dispose
    from player.ui.session import AppData, open_app

    app = application()
    data = AppData()
    try:
        target = open_target(args.brief, content_dir(), lambda i: _library_brief(data, i))
        at_ms = args.at if args.at is not None else target.at_ms
        opened = open_app(
            target.brief, audio=args.audio, at_ms=at_ms, data=data, features="after-paint"
        )
    except (BriefError, ValueError) as e:
        print(f"brief-player: {e}", file=sys.stderr)
        data.close()
        return 2
    opened.window.show()
    close_on_terminate(opened.window)
    code = app.exec()
    dispose(opened.window)
    said = opened.data.close()  # saves what is still waiting, or keeps it for the next start
    if said:
        print(f"brief-player: {said}", file=sys.stderr)
    return code


def _library_brief(data, episode_id: str) -> str | None:
    """Where the library last saw ``episode_id``'s brief (None when unknown or unreadable)."""
    from player.core.storage.database import StorageError

    try:
        entry = data.library.get(episode_id)
    except StorageError:
        return None
    return entry.brief_path if entry is not None else None


def _screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from player.ui.app import application
    from player.ui.session import open_app, wait_for_first_paint
    from player.ui.theme import apply_theme
    from player.ui.window_layout import settle

    application()
    apply_theme(args.theme)
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print("brief-player: --size must look like 1280x800", file=sys.stderr)
        return 2
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"brief-player: cannot create {args.output.parent}: {e.strerror}", file=sys.stderr)
        return 1
    try:
        window = open_app(
            args.brief,
            audio=args.audio,
            at_ms=args.at,
            remember=False,
            features="never" if args.first_frame else "now",
        ).window
    except BriefError as e:
        print(f"brief-player: {e}", file=sys.stderr)
        return 2
    window.resize(width, height)
    window.show()
    if args.first_frame:
        wait_for_first_paint(window)  # as the listener first sees it: nothing settles after
        picture = _painted(window)
    else:
        settle(window, args.at)
        picture = window.grab()
    ok = picture.save(str(args.output))
    if not ok:
        print(f"brief-player: could not write {args.output}", file=sys.stderr)
    else:
        print(args.output)
    _leave_at_once(0 if ok else 1)
    return 0 if ok else 1


def _painted(window) -> QPixmap:
    """The frame the window painted. Offscreen it is read from the window's own buffer, as the
    screen would show it; ``grab()`` would paint the whole window a second time to make it.
    On a real display another window may cover this one, so there it is painted again."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() == "offscreen":
        return window.screen().grabWindow(window.winId())
    return window.grab()


def _leave_at_once(code: int) -> None:
    """End the screenshot without closing its window: closing is the listener quitting, which
    saves the window's size and split into their settings (a picture at 800x600 would open the
    app at that size next time), and taking a thousand widgets apart costs more than painting
    them. Nothing is left to save: the screenshot's database lives in memory."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
