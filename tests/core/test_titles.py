"""The first line read by hand gives what the form's regular expression gives, for lines made
of the characters that matter to it: quotation marks, dashes, spaces and line breaks."""

from __future__ import annotations

import random
import re

from player.core.titles import split_guest_title

FORM = re.compile(
    r"^(?P<guest>[^\"“”„«»]+?)\s*[-–—]\s*[\"“”„«](?P<title>.*\S.*?)[\"”“»]\s*$", re.DOTALL
)


def by_form(line: str) -> tuple[str | None, str]:
    m = FORM.match(line.strip())
    if m is None:
        return None, line
    return m.group("guest").strip(), m.group("title").strip()


def test_lines_read_by_hand_split_as_the_form_says() -> None:
    pieces = [
        "a",
        "Jean",
        "Luc",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "-",
        "–",
        "—",
        '"',
        "“",
        "”",
        "„",
        "«",
        "»",
        "x y",
    ]
    rng = random.Random(20261202)
    lines = ["", "Andrej Karpathy — “We’re summoning ghosts”", 'Guest - "Title"']
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(40_000)]
    split = sum(1 for line in lines if by_form(line)[0] is not None)
    assert split > 300  # the form is met often enough to be compared
    for line in lines:
        assert split_guest_title(line) == by_form(line), repr(line)
