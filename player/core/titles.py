"""A brief's first line names the guest and the episode: ``Guest — “Title”``.

Shown as it is, the guest appears twice (in the title and in the line under it), so the window,
the library and the exports take the two apart here. A first line of any other form is the
title as it stands.
"""

from __future__ import annotations

import re

_GUEST_TITLE = re.compile(
    r"^(?P<guest>[^\"“”„«»]+?)\s*[-–—]\s*[\"“”„«](?P<title>.*\S.*?)[\"”“»]\s*$", re.DOTALL
)


def split_guest_title(line: str) -> tuple[str | None, str]:
    """(guest, title) of ``Guest — “Title”``; (None, line) for anything else."""
    m = _GUEST_TITLE.match(line.strip())
    if m is None:
        return None, line
    return m.group("guest").strip(), m.group("title").strip()
