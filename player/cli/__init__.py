"""The ``brief-player`` command.

With no sub-command it opens the window (on the first bundled episode, or on ``BRIEF``). Each
sub-command lives in its own module and is imported only when used, so ``brief-player import``
never pays for loading Qt.
"""

from __future__ import annotations

import importlib
import sys

WINDOW = "player.cli.window"

# sub-command -> module exposing ``run(command: str, argv: list[str]) -> int``
COMMANDS: dict[str, str] = {
    "import": "player.cli.brief",
    "cue": "player.cli.brief",
    "schema": "player.cli.brief",
    "notes": "player.cli.notes",
    "export": "player.cli.formats",
    "tags": "player.cli.formats",
    "screenshot": WINDOW,
    "align": "player.cli.align",
    "fetch": "player.cli.fetch",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command, rest = (args[0], args[1:]) if args and args[0] in COMMANDS else ("open", args)
    name = COMMANDS.get(command, WINDOW)
    if name != WINDOW:
        return int(importlib.import_module(name).run(command, rest))
    from player.cli.startup import window_start

    with window_start():
        return int(importlib.import_module(WINDOW).run(command, rest))
