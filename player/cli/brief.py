"""``brief-player import``, ``cue`` and ``schema``: the brief from the command line.

These never load Qt, so they are quick to run from scripts and on machines without a display.
Problems go to stderr as ``FILE:LINE: message`` so editors can jump to them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from player.cli.errors import Parser as _Parser
from player.cli.errors import exit_code
from player.core.brief.cues import brief_timeline
from player.core.brief.links import link_brief, load_pins
from player.core.brief.models import Brief, BriefError, Problem
from player.core.brief.parser import dump_brief_json, load_any
from player.core.episodes import find_brief, read_meta
from player.core.timefmt import TimeFormatError, format_clock, parse_time
from player.core.timeline import FOREVER_MS


def run(command: str, argv: list[str]) -> int:
    handler = {"import": _import, "cue": _cue, "schema": _schema}[command]
    return exit_code(f"brief-player {command}", lambda: handler(argv), [(BriefError, 2)])


def _load(path_text: str) -> tuple[Brief, list[Problem], float | None]:
    """A brief file, or an episode folder; links pinned beside it are applied."""
    path = Path(path_text)
    length_s = None
    if path.is_dir():
        found = find_brief(path)
        if found is None:
            raise BriefError(f"{path}: holds no brief.txt or brief.json.")
        meta, _ = read_meta(path / "episode.json")
        length_s = meta.length_s
        path = found
    elif not path.exists():
        raise BriefError(f"{path}: no such file.")
    result = load_any(path)
    pins, pin_problems = load_pins(path.parent / "links.json")
    brief, link_problems = link_brief(result.brief, pins)
    return brief, [*result.problems, *pin_problems, *link_problems], length_s


def _report(problems: list[Problem]) -> None:
    for p in problems:
        print(p, file=sys.stderr)


def _import(argv: list[str]) -> int:
    parser = _Parser(prog="brief-player import", description="Convert a brief to JSON.")
    parser.add_argument("brief", help="brief.txt (or brief.json)")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any line was reported")
    args = parser.parse_args(argv)
    brief, problems, _ = _load(args.brief)
    _report(problems)
    text = dump_brief_json(brief)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as e:
            print(f"brief-player import: cannot write {args.output}: {e.strerror}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 1 if args.strict and problems else 0


def _cue(argv: list[str]) -> int:
    parser = _Parser(prog="brief-player cue", description="What the brief shows at a moment.")
    parser.add_argument("brief", help="brief.txt, brief.json or an episode folder")
    parser.add_argument("--at", required=True, help="seconds, M:SS, MMM:SS or H:MM:SS")
    args = parser.parse_args(argv)
    try:
        at = parse_time(args.at)
    except TimeFormatError as e:
        print(f"brief-player cue: --at: {e}", file=sys.stderr)
        return 2
    brief, problems, length_s = _load(args.brief)
    _report(problems)
    end_ms = round(length_s * 1000) if length_s else FOREVER_MS
    for cue in brief_timeline(brief, end_ms).active_at(round(at * 1000)):
        text = " ".join(cue.text.split())
        print(f"{cue.kind.value}\t{format_clock(cue.start_ms / 1000)}\t{text}")
    return 0


def _schema(argv: list[str]) -> int:
    parser = _Parser(prog="brief-player schema", description="JSON Schema of a brief.")
    parser.parse_args(argv)
    from player.core.brief.schema import Brief as BriefModel

    print(json.dumps(BriefModel.model_json_schema(), ensure_ascii=False, indent=2))
    return 0
