"""Brief time versus the listener's copy of the audio.

A brief is written against one release of an episode. The copy a listener has may start with a
different intro, or carry ad breaks the brief's copy did not (or the other way round). The
listener fixes this by marking a few moments: "this brief time is heard at that audio time".

Definition
----------
Points ``(b_0, a_0) .. (b_n, a_n)`` are kept sorted; both coordinates strictly increase (a
later brief moment cannot be heard earlier). Each point has an offset ``d_i = a_i - b_i``.

* Brief segment ``i`` is ``[b_i, b_{i+1})``; the first one also reaches back to minus infinity
  and the last one forward to infinity.
* ``to_audio(b) = min(b + d_i, a_{i+1})`` for ``b`` in brief segment ``i``.
* ``to_brief(a) = min(a - d_i, b_{i+1})`` for ``a`` in audio segment ``[a_i, a_{i+1})``.
* Both are clamped at 0: nothing is heard before the file starts.

Why a point's offset applies from that point onward, rather than interpolating between points:
an inserted ad break moves everything after it by its length and nothing before it. Stretching
between two marks would smear the ad's length across minutes of speech that are in fact in
step, so quotes between the marks would light up early or late.

Why the ``min``: when the offsets grow at a point, the audio between the two offsets is material
the brief does not know (an ad); ``to_brief`` holds it at the point's brief time, so the brief
waits on the next quote while the ad plays. When the offsets shrink, the brief describes material
the copy lacks; ``to_audio`` sends all of it to the point's audio time. Either way both functions
never run backwards, and ``to_brief(to_audio(b)) == b`` wherever ``b`` is heard in the copy.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise


class SyncError(ValueError):
    """Marks that contradict each other (a later brief time heard earlier)."""


class SyncMap:
    """An immutable mapping between brief milliseconds and audio milliseconds."""

    __slots__ = ("_a", "_b")

    def __init__(self, points: Sequence[tuple[int, int]] = ()) -> None:
        ordered = sorted((int(b), int(a)) for b, a in points)
        for (b0, a0), (b1, a1) in pairwise(ordered):
            if b0 == b1:
                raise SyncError(f"two marks at the same brief time {b0} ms")
            if a1 <= a0:
                raise SyncError(
                    f"marks cross: brief {b0} ms is heard at {a0} ms but the later brief "
                    f"{b1} ms at {a1} ms"
                )
        self._b: tuple[int, ...] = tuple(b for b, _ in ordered)
        self._a: tuple[int, ...] = tuple(a for _, a in ordered)

    # -- reading -------------------------------------------------------------------------------

    @property
    def points(self) -> tuple[tuple[int, int], ...]:
        return tuple(zip(self._b, self._a, strict=True))

    def __len__(self) -> int:
        return len(self._b)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.points)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SyncMap) and self.points == other.points

    def __hash__(self) -> int:
        return hash(self.points)

    def __repr__(self) -> str:
        return f"SyncMap({list(self.points)!r})"

    @property
    def is_identity(self) -> bool:
        return all(a == b for b, a in self.points)

    # -- mapping -------------------------------------------------------------------------------

    def to_audio(self, brief_ms: int) -> int:
        """Where a brief moment is heard in the listener's copy."""
        return max(0, self._raw_to_audio(brief_ms))

    def to_brief(self, audio_ms: int) -> int:
        """Which brief moment is playing; inside an inserted ad, the moment the ad precedes."""
        return max(0, self._raw_to_brief(audio_ms))

    def to_brief_heard(self, audio_ms: int) -> int:
        """``to_brief`` for what lights up: inside an inserted ad, just before the moment the ad
        precedes, so a quote starting at that moment lights when it is said, not when the ad
        starts. (Found quotes make points exactly at quotes' starts, so this is the usual case.)
        """
        b = self.to_brief(audio_ms)
        if b > 0 and not self.brief_has(audio_ms):
            i = bisect_right(self._b, b) - 1
            if i >= 0 and self._b[i] == b:
                return b - 1
        return b

    def audio_has(self, brief_ms: int) -> bool:
        """Whether this brief moment is heard in the copy at all (not cut, not before its start)."""
        if brief_ms < 0:
            return False
        a = self._raw_to_audio(brief_ms)
        return a >= 0 and self._raw_to_brief(a) == brief_ms

    def brief_has(self, audio_ms: int) -> bool:
        """Whether this moment of the copy is material the brief describes (not an inserted ad)."""
        if audio_ms < 0:
            return False
        b = self._raw_to_brief(audio_ms)
        return b >= 0 and self._raw_to_audio(b) == audio_ms

    def _raw_to_audio(self, b: int) -> int:
        if not self._b:
            return b
        i = max(0, bisect_right(self._b, b) - 1)
        out = b + self._a[i] - self._b[i]
        if i + 1 < len(self._a):
            out = min(out, self._a[i + 1])
        return out

    def _raw_to_brief(self, a: int) -> int:
        if not self._a:
            return a
        i = max(0, bisect_right(self._a, a) - 1)
        out = a - self._a[i] + self._b[i]
        if i + 1 < len(self._b):
            out = min(out, self._b[i + 1])
        return out

    # -- editing -------------------------------------------------------------------------------

    def with_point(self, brief_ms: int, audio_ms: int) -> SyncMap:
        """A copy with this mark added, replacing any mark at the same brief time.

        Older marks that would cross the new one are dropped: the listener has just heard this
        moment, so it is the most trustworthy mark there is.
        """
        b, a = int(brief_ms), int(audio_ms)
        kept = [(pb, pa) for pb, pa in self.points if (pb < b and pa < a) or (pb > b and pa > a)]
        return SyncMap([*kept, (b, a)])

    def without_point(self, brief_ms: int) -> SyncMap:
        """A copy without the mark at this brief time (unchanged when there is none)."""
        return SyncMap([(pb, pa) for pb, pa in self.points if pb != int(brief_ms)])

    def nearest_point(self, brief_ms: int) -> tuple[int, int] | None:
        """The mark closest in brief time, for a "remove the mark here" action."""
        if not self._b:
            return None
        return min(self.points, key=lambda p: abs(p[0] - brief_ms))
