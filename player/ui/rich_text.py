"""Escaping for Qt's rich text: the one way brief, note and track text enters a label or page.

Any text from a file or the listener is escaped before it is put into HTML, so a quote that
says ``<b>`` shows those three characters. It is the standard library's ``html.escape``, with
quotes escaped too; that module is not imported here because it loads its table of 2,231 named
characters (a millisecond and a half) for a function that needs five.
"""

from __future__ import annotations

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` as rich text shows it literally."""
    return text.translate(_ESCAPES)
