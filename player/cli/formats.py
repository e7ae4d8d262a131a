"""``brief-player export`` and ``brief-player tags``.

``export`` writes the brief where other podcast apps can use it: as Podcasting 2.0 chapters or
as WebVTT subtitles. ``tags`` shows what an audio file says about itself, which is the first
thing to look at when the player picks the wrong brief or shows no chapters.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from player.core.brief.models import Brief
from player.core.timefmt import format_clock

if TYPE_CHECKING:
    from player.core.media.tags import MediaInfo

EXPORT_FORMATS = ("chapters", "vtt")


def run(command: str, argv: list[str]) -> int:
    if command == "export":
        return _export(argv)
    if command == "tags":
        return _tags(argv)
    print(f"brief-player: unknown command {command!r}", file=sys.stderr)
    return 2


def export_text(brief: Brief, fmt: str) -> str:
    """The brief in ``fmt`` (``chapters`` or ``vtt``), ready to write to a file."""
    if fmt == "chapters":
        from player.core.formats.chapters_json import brief_to_chapters, dump_chapters

        return dump_chapters(brief_to_chapters(brief))
    if fmt == "vtt":
        from player.core.formats.webvtt_export import brief_to_webvtt

        return brief_to_webvtt(brief)
    raise ValueError(f"unknown export format {fmt!r}")


def _export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="brief-player export",
        description="Write a brief as Podcasting 2.0 chapters JSON or WebVTT subtitles.",
    )
    parser.add_argument("brief", type=Path, help="the brief (text or JSON)")
    parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: print it)")
    args = parser.parse_args(argv)

    from player.core.brief.models import BriefError
    from player.core.brief.parser import load_any

    try:
        result = load_any(args.brief)
    except BriefError as exc:
        print(f"brief-player: {exc}", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(problem, file=sys.stderr)
    text = export_text(result.brief, args.format)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"brief-player: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _tags(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="brief-player tags",
        description="Show an audio file's title, show, cover art and chapters.",
    )
    parser.add_argument("audio", type=Path)
    args = parser.parse_args(argv)

    from player.core.media.tags import MediaInfoError, read_media_info

    try:
        info = read_media_info(args.audio)
    except MediaInfoError as exc:
        print(f"brief-player: {exc}", file=sys.stderr)
        print("The file may still play; its tags and chapters are just not available.")
        return 1
    print_info(info, sys.stdout)
    for problem in info.problems:
        print(f"{info.path}: {problem}", file=sys.stderr)
    return 0


def print_info(info: MediaInfo, out: TextIO) -> None:
    rows = [
        ("File", info.path),
        ("Format", info.format),
        ("Title", info.title or "-"),
        ("Show", info.album or "-"),
        ("Artist", info.artist or "-"),
        ("Date", info.date or "-"),
        ("Length", format_clock(info.duration_s) if info.duration_s else "-"),
        (
            "Cover",
            f"{info.cover.mime}, {len(info.cover.data):,} bytes" if info.cover else "none",
        ),
        ("Chapters", str(len(info.chapters)) if info.chapters else "none"),
    ]
    for label, value in rows:
        out.write(f"{label + ':':<10} {value}\n")
    for chapter in info.chapters:
        indent = "  " * (chapter.level + 1)
        stamp = _stamp(chapter.start_s)
        hidden = "  (not in the table of contents)" if chapter.hidden else ""
        out.write(f"{indent}{stamp}  {chapter.title or '(untitled)'}{hidden}\n")


def _stamp(seconds: float) -> str:
    whole = format_clock(seconds, always_hours=True)
    return f"{whole}.{round((seconds % 1) * 1000) % 1000:03d}"
