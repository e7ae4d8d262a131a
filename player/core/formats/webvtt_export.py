"""The brief and the listener's notes as a WebVTT file.

Any player that shows subtitles (VLC, mpv, a browser's ``<track>``) can then show the quotes,
concepts and notes over the episode, with no Brief Player around. A cue stays up long enough to
read, and gives way when the next one starts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from player.core.brief.models import Brief
from player.core.formats.chapters_json import Note, shorten
from player.core.titles import split_guest_title

MIN_CUE_S = 1.5
MAX_CUE_S = 12.0
WORDS_PER_S = 3.0  # comfortable reading speed for subtitles


def escape(text: str) -> str:
    """Cue text as VTT wants it: one line, ``&``, ``<`` and ``>`` as character references.

    Escaping ``>`` also keeps a ``-->`` in a quote from being read as a cue timing.
    """
    flat = " ".join(text.split())
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def timestamp(seconds: float) -> str:
    ms = max(0, round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def brief_to_webvtt(brief: Brief, notes: Iterable[Note] = ()) -> str:
    rows: list[tuple[float, int, str, str, float | None]] = []  # start, order, id, text, end
    for i, quote in enumerate(brief.quotes):
        text = escape(quote.text)
        if quote.note:
            text = f"[{escape(quote.note)}] {text}"
        if brief.guest:
            text = f"<v {escape(brief.guest)}>{text}"
        rows.append((quote.at, 0, f"quote-{i + 1}", text, None))
    for i, concept in enumerate(brief.concepts):
        if concept.at:
            text = f"<b>{escape(concept.name)}</b>"
            if concept.description:
                text += f" — {escape(shorten(concept.description, 140))}"
            rows.append((min(concept.at), 1, f"concept-{i + 1}", text, None))
    for i, (start, end, body) in enumerate(notes):
        rows.append((start, 2, f"note-{i + 1}", f"<i>Note:</i> {escape(body)}", end))
    rows.sort(key=lambda row: (row[0], row[1]))
    starts = sorted({row[0] for row in rows})

    out = ["WEBVTT"]
    if brief.title:
        title = split_guest_title(brief.title)[1]
        out[0] += " - " + " ".join(title.split()).replace("-->", "->")
    out.append("")
    for start, _, ident, text, end in rows:
        if end is None or end <= start:
            words = len(text.split())
            reading = min(MAX_CUE_S, max(MIN_CUE_S, words / WORDS_PER_S))
            j = bisect_right(starts, start)
            nxt = starts[j] if j < len(starts) else start + reading
            end = max(start + MIN_CUE_S, min(start + reading, nxt))
        out += [ident, f"{timestamp(start)} --> {timestamp(end)}", text, ""]
    return "\n".join(out)
