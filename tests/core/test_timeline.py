"""The timeline answers what is active at t, and what comes next, the same as a full scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.timeline import FOREVER_MS, Cue, CueKind, Timeline, point_cues


def _quotes(*starts: int) -> Timeline:
    return Timeline(point_cues(CueKind.QUOTE, [(s, f"q{i}", i) for i, s in enumerate(starts)]))


def test_boundaries_are_half_open() -> None:
    tl = _quotes(1000, 5000)
    assert tl.active_at(999) == []
    assert [c.ref for c in tl.active_at(1000)] == [0]
    assert [c.ref for c in tl.active_at(4999)] == [0]
    assert [c.ref for c in tl.active_at(5000)] == [1]
    assert tl[1].end_ms == FOREVER_MS


def test_same_second_cues_are_both_active() -> None:
    tl = _quotes(7000, 7000, 9000)
    assert [c.ref for c in tl.active_at(7000)] == [0, 1]
    assert tl[0].end_ms == tl[1].end_ms == 9000


def test_out_of_order_input_is_ordered() -> None:
    tl = _quotes(5308_000, 3792_000, 17_000)
    assert [c.start_ms for c in tl] == [17_000, 3792_000, 5308_000]
    assert [c.ref for c in tl.active_at(4000_000)] == [1]


def test_next_and_previous() -> None:
    tl = Timeline(
        [
            *point_cues(CueKind.QUOTE, [(1000, "a", 0), (5000, "b", 1)], end_ms=9000),
            Cue(CueKind.CONCEPT, 1000, 5000, "c", 0),
        ]
    )
    assert tl.next_boundary_after(0) == 1000
    assert tl.next_boundary_after(1000) == 5000
    assert tl.next_boundary_after(5000) == 9000
    assert tl.next_boundary_after(9000) is None
    assert tl.next_start_after(1000).ref == 1
    assert tl.next_start_after(5000) is None
    assert tl.previous_start_before(5000).start_ms == 1000
    assert tl.previous_start_before(1000) is None
    assert tl.previous_start_before(6000, frozenset({CueKind.CONCEPT})).text == "c"
    assert tl.index_of(tl.active_at(5000)[0]) == 2


def _brute_active(cues: list[Cue], t: int) -> list[Cue]:
    return sorted(
        (c for c in cues if c.start_ms <= t < c.end_ms),
        key=lambda c: (c.start_ms, list(CueKind).index(c.kind), c.end_ms, c.ref),
    )


def _big_timeline(seed: int) -> tuple[list[Cue], Timeline]:
    import random

    rng = random.Random(seed)
    cues: list[Cue] = []
    t = 0
    for i in range(29_950):  # word-level transcript, about 3 hours
        length = rng.randint(80, 700)
        cues.append(Cue(CueKind.TRANSCRIPT, t, t + length, "w", i))
        t += length + rng.randint(0, 60)
    quotes = [(rng.randint(0, t), "q", i) for i in range(30)]
    cues += point_cues(CueKind.QUOTE, quotes, end_ms=t)
    for i in range(20):
        start = rng.randint(0, t)
        cues.append(Cue(CueKind.CHAPTER, start, start + rng.randint(1, 600_000), "c", i))
    return cues, Timeline(cues)


_CUES, _TIMELINE = _big_timeline(7)
_END = max(c.end_ms for c in _CUES)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-10, max_value=_END + 10))
def test_thirty_thousand_cues_agree_with_a_full_scan(t: int) -> None:
    assert len(_TIMELINE) == 30_000
    assert _TIMELINE.active_at(t) == _brute_active(_CUES, t)
    later = [b for c in _CUES for b in (c.start_ms, c.end_ms) if b > t]
    assert _TIMELINE.next_boundary_after(t) == (min(later) if later else None)
    starts_after = [c for c in _TIMELINE if c.start_ms > t]
    assert _TIMELINE.next_start_after(t) == (starts_after[0] if starts_after else None)
