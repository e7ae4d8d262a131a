"""A brief's first line names the guest and the episode: ``Guest — “Title”``.

Shown as it is, the guest appears twice (in the title and in the line under it), so the window,
the library and the exports take the two apart here. A first line of any other form is the
title as it stands.

The form, as a regular expression (``tests/core/test_titles.py`` holds the two to each other):
``^(?P<guest>[^"“”„«»]+?)\\s*[-–—]\\s*["“”„«](?P<title>.*\\S.*?)["”“»]\\s*$``, with ``.``
matching line breaks too. It is read by hand: compiling that pattern (its classes hold
characters past Latin-1) took 0.9 ms of every start, for one line.
"""

from __future__ import annotations

QUOTES = '"“”„«»'  # none of them may be in the guest's name
OPENING = '"“”„«'
CLOSING = '"”“»'
DASHES = "-–—"


def split_guest_title(line: str) -> tuple[str | None, str]:
    """(guest, title) of ``Guest — “Title”``; (None, line) for anything else."""
    text = line.strip()
    # The guest holds no quotation mark, so the title's opening mark is the line's first one.
    opening = next((i for i, c in enumerate(text) if c in QUOTES), -1)
    if opening < 0 or text[opening] not in OPENING:
        return None, line
    before = text[:opening].rstrip()
    if len(before) < 2 or before[-1] not in DASHES:  # at least one character of the guest's
        return None, line
    after = text[opening + 1 :]  # the line is stripped: its last character is its end
    if not after or after[-1] not in CLOSING:
        return None, line
    title = after[:-1].strip()
    if not title:
        return None, line
    return before[:-1].strip(), title
