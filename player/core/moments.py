"""One item of the episode a listener points at: a quote, a concept, a note, a transcript line.

Menus on each list offer the same things (play from here, copy with the time, star, note), so
they work on this one description instead of on each list's own rows. Copying writes what a
person pastes into notes: the time, the words, and where they come from.
"""

from __future__ import annotations

from dataclasses import dataclass

from player.core.timefmt import format_ms

STARRABLE = frozenset({"quote", "concept", "takeaway"})
QUOTED = frozenset({"quote", "transcript"})


@dataclass(frozen=True)
class Moment:
    kind: str  # quote, concept, takeaway, note, chapter, transcript
    start_ms: int | None  # None: an item with no time (a takeaway no quote speaks of)
    text: str
    ref: int = -1  # position in the brief's list of its kind (for stars)
    note_id: str | None = None  # for a note: which one

    @property
    def starrable(self) -> bool:
        return self.kind in STARRABLE and self.ref >= 0

    @property
    def is_note(self) -> bool:
        return self.note_id is not None


def copy_text(moment: Moment, source: str) -> str:
    """``1:05:01 “There's a very large demo-to-product gap…” (Episode title)``."""
    words = " ".join(moment.text.split())
    if moment.kind in QUOTED:
        words = f"“{words}”"
    at = f"{format_ms(moment.start_ms)} " if moment.start_ms is not None else ""
    where = f" ({source})" if source else ""
    return f"{at}{words}{where}"
