"""Every timed thing as a cue on one ordered timeline.

The player asks three questions many times a second: what is active at ``t``, when does that
next change, and what comes before or after ``t``. Each is a ``bisect`` over sorted arrays, so a
word-level transcript of a three-hour episode (30,000 cues) costs the same as a brief of twenty.
All times are integer milliseconds, the unit Qt's media clock speaks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum

from player.core.record import Record, init

FOREVER_MS = 2**62


class CueKind(StrEnum):
    QUOTE = "quote"
    CONCEPT = "concept"
    TAKEAWAY = "takeaway"
    NOTE = "note"
    CHAPTER = "chapter"
    TRANSCRIPT = "transcript"


class Cue(Record):
    """A span ``[start_ms, end_ms)`` of one kind; ``ref`` points back into its source list."""

    __slots__ = ("kind", "start_ms", "end_ms", "text", "ref")
    kind: CueKind
    start_ms: int
    end_ms: int
    text: str
    ref: int

    def __init__(self, kind: CueKind, start_ms: int, end_ms: int, text: str, ref: int = 0) -> None:
        init(self, "kind", kind)
        init(self, "start_ms", start_ms)
        init(self, "end_ms", end_ms)
        init(self, "text", text)
        init(self, "ref", ref)

    # Written out, not the generic ones: a timeline of 100,000 notes hashes and compares cues on
    # every edit, and reading the fields directly is twice as fast.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            o: Cue = other  # type: ignore[assignment]
            return (self.start_ms, self.end_ms, self.kind, self.text, self.ref) == (
                o.start_ms,
                o.end_ms,
                o.kind,
                o.text,
                o.ref,
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.kind, self.start_ms, self.end_ms, self.text, self.ref))


def point_cues(
    kind: CueKind, starts_ms: Sequence[tuple[int, str, int]], end_ms: int = FOREVER_MS
) -> list[Cue]:
    """Cues that last until the next one of their kind starts.

    Brief quotes carry only a start; a quote stays "now" until the next quote begins. Cues at the
    same instant share their end so both light up together.
    """
    ordered = sorted(starts_ms, key=lambda item: item[0])
    out: list[Cue] = []
    # From the last cue back: each ends where the next later start begins (one pass, no search).
    after, later = end_ms, None
    for start, text, ref in reversed(ordered):
        if later is not None and start != later:
            after = later
        later = start
        out.append(Cue(kind, start, max(after, start + 1), text, ref))
    out.reverse()
    return out


class _Track:
    """Cues of one kind. Kept apart so that one long chapter does not make every query scan
    back over thousands of short transcript words."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.starts = [c.start_ms for c in cues]
        self.longest = max((c.end_ms - c.start_ms for c in cues), default=0)
        self._lengths: Counter[int] | None = None  # how many cues last each length

    def insert(self, cue: Cue) -> None:
        i = bisect_right(self.cues, _order(cue), key=_order)
        self.cues.insert(i, cue)
        self.starts.insert(i, cue.start_ms)
        self.longest = max(self.longest, cue.end_ms - cue.start_ms)
        if self._lengths is not None:
            self._lengths[cue.end_ms - cue.start_ms] += 1

    def remove(self, cue: Cue) -> None:
        """When notes all glow equally long, each is one of the longest: counting lengths
        (at the first removal) keeps a removal from scanning every cue for the next longest."""
        i = _find(self.cues, cue)
        del self.cues[i], self.starts[i]
        if self._lengths is None:
            self._lengths = Counter(c.end_ms - c.start_ms for c in self.cues)
        else:
            length = cue.end_ms - cue.start_ms
            self._lengths[length] -= 1
            if not self._lengths[length]:
                del self._lengths[length]
        if cue.end_ms - cue.start_ms >= self.longest:
            self.longest = max(self._lengths, default=0)

    def active(self, t_ms: int) -> list[Cue]:
        out: list[Cue] = []
        i = bisect_right(self.starts, t_ms) - 1
        while i >= 0 and t_ms - self.starts[i] < self.longest:
            c = self.cues[i]
            if c.end_ms > t_ms:
                out.append(c)
            i -= 1
        out.reverse()
        return out


class Timeline:
    """Cues ordered by start; each query is O(log n) plus the cues it returns.

    ``active_at`` scans back only as far as the longest cue of each kind can reach, so its cost
    depends on how many cues overlap ``t``, not on how many there are.
    """

    def __init__(self, cues: Iterable[Cue] = ()) -> None:
        self._cues: list[Cue] = sorted(cues, key=_order)
        self._starts = [c.start_ms for c in self._cues]
        self._boundaries = sorted({c.start_ms for c in self._cues} | {c.end_ms for c in self._cues})
        by_kind: dict[CueKind, list[Cue]] = {}
        for c in self._cues:
            by_kind.setdefault(c.kind, []).append(c)
        self._tracks = {kind: _Track(cs) for kind, cs in by_kind.items()}
        self._uses: dict[int, int] | None = None  # how many cues start or end at each boundary

    def copy(self) -> Timeline:
        return Timeline(self._cues)

    def insert(self, cue: Cue) -> int:
        """Add one cue in place and return its position: a note added among 100,000 moves
        memory, it does not sort again. Shared timelines (an episode's own) are copied first."""
        uses = self._boundary_uses()
        i = bisect_right(self._cues, _order(cue), key=_order)
        self._cues.insert(i, cue)
        self._starts.insert(i, cue.start_ms)
        for t in (cue.start_ms, cue.end_ms):
            if not uses.get(t):
                insort(self._boundaries, t)
            uses[t] = uses.get(t, 0) + 1
        track = self._tracks.get(cue.kind)
        if track is None:
            self._tracks[cue.kind] = _Track([cue])
        else:
            track.insert(cue)
        return i

    def remove(self, cue: Cue) -> int:
        """Take one cue out in place; its former position. ``ValueError`` when it is not here."""
        i = _find(self._cues, cue)
        uses = self._boundary_uses()
        del self._cues[i], self._starts[i]
        for t in (cue.start_ms, cue.end_ms):
            uses[t] -= 1
            if not uses[t]:
                del uses[t]
                del self._boundaries[bisect_left(self._boundaries, t)]
        track = self._tracks[cue.kind]
        track.remove(cue)
        if not track.cues:
            del self._tracks[cue.kind]
        return i

    def replace(self, old: Cue, new: Cue) -> int:
        """Put ``new`` where ``old`` is, when it belongs in the same place (same start, end, kind
        and ref: an edited note's new words). Nothing moves, so nothing is counted again.
        ``ValueError`` when ``old`` is not here, or ``new`` belongs elsewhere."""
        if _order(new) != _order(old):
            raise ValueError("a cue that moves is removed and inserted, not replaced")
        i = _find(self._cues, old)
        track = self._tracks[old.kind]
        track.cues[_find(track.cues, old)] = new
        self._cues[i] = new
        return i

    def _boundary_uses(self) -> dict[int, int]:
        if self._uses is None:  # counted at the first change: opening a timeline pays nothing
            uses = Counter(self._starts)
            uses.update(c.end_ms for c in self._cues)
            self._uses = dict(uses)
        return self._uses

    def __len__(self) -> int:
        return len(self._cues)

    def __iter__(self) -> Iterator[Cue]:
        return iter(self._cues)

    def __getitem__(self, i: int) -> Cue:
        return self._cues[i]

    @property
    def cues(self) -> Sequence[Cue]:
        return self._cues

    def kinds(self) -> frozenset[CueKind]:
        return frozenset(self._tracks)

    def of_kind(self, kind: CueKind) -> Sequence[Cue]:
        track = self._tracks.get(kind)
        return track.cues if track else ()

    def index_of(self, cue: Cue) -> int:
        """Position of ``cue`` in timeline order (for list models that mirror the timeline)."""
        return _find(self._cues, cue)

    def active_at(self, t_ms: int, kinds: frozenset[CueKind] | None = None) -> list[Cue]:
        """Cues with ``start_ms <= t_ms < end_ms``, in timeline order."""
        out: list[Cue] = []
        for kind, track in self._tracks.items():
            if kinds is None or kind in kinds:
                out.extend(track.active(t_ms))
        out.sort(key=_order)
        return out

    def next_boundary_after(self, t_ms: int) -> int | None:
        """The first time after ``t_ms`` at which the active set may change.

        The player schedules one timer for this instant instead of polling.
        """
        i = bisect_right(self._boundaries, t_ms)
        if i < len(self._boundaries) and self._boundaries[i] < FOREVER_MS:
            return self._boundaries[i]
        return None

    def next_start_after(self, t_ms: int, kinds: frozenset[CueKind] | None = None) -> Cue | None:
        if kinds is not None and len(kinds) == 1:
            track = self._tracks.get(next(iter(kinds)))
            if track is None:
                return None
            i = bisect_right(track.starts, t_ms)
            return track.cues[i] if i < len(track.cues) else None
        i = bisect_right(self._starts, t_ms)
        while i < len(self._cues):
            c = self._cues[i]
            if kinds is None or c.kind in kinds:
                return c
            i += 1
        return None

    def previous_start_before(
        self, t_ms: int, kinds: frozenset[CueKind] | None = None
    ) -> Cue | None:
        if kinds is not None and len(kinds) == 1:
            track = self._tracks.get(next(iter(kinds)))
            if track is None:
                return None
            i = bisect_left(track.starts, t_ms) - 1
            return track.cues[i] if i >= 0 else None
        i = bisect_left(self._starts, t_ms) - 1
        while i >= 0:
            c = self._cues[i]
            if kinds is None or c.kind in kinds:
                return c
            i -= 1
        return None


def _order(c: Cue) -> tuple[int, int, int, int]:
    return (c.start_ms, _KIND_ORDER[c.kind], c.end_ms, c.ref)


cue_order = _order  # the order of a timeline, for lists kept in step with one


def _find(cues: Sequence[Cue], cue: Cue) -> int:
    """Position of ``cue`` in a list in timeline order; ``ValueError`` when it is not there."""
    i = bisect_left(cues, _order(cue), key=_order)
    while i < len(cues) and _order(cues[i]) == _order(cue):
        if cues[i] == cue:
            return i
        i += 1
    raise ValueError("cue not on this timeline")


_KIND_ORDER = {k: i for i, k in enumerate(CueKind)}
