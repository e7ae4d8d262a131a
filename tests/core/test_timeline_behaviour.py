""" "Previous" and "next" as the listener presses them: they stop at the ends, never wrap."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.timeline import Cue, CueKind, Timeline, point_cues

QUOTES = frozenset({CueKind.QUOTE})
BRIEF = frozenset({CueKind.QUOTE, CueKind.CONCEPT})


def _timeline(quotes: list[int], concepts: list[int] = ()) -> Timeline:
    cues = point_cues(CueKind.QUOTE, [(s, f"q{i}", i) for i, s in enumerate(quotes)])
    cues += [Cue(CueKind.CONCEPT, s, s + 500, f"c{i}", i) for i, s in enumerate(concepts)]
    return Timeline(cues)


def test_previous_quote_before_the_first_quote_stays_put() -> None:
    tl = _timeline([1000, 5000, 9000], [3000])
    for kinds in (QUOTES, BRIEF, None):
        assert tl.previous_start_before(1000, kinds) is None
        assert tl.previous_start_before(0, kinds) is None
    assert tl.previous_start_before(1001, QUOTES).ref == 0


def test_next_quote_after_the_last_quote_stays_put() -> None:
    tl = _timeline([1000, 5000, 9000], [3000])
    for kinds in (QUOTES, BRIEF, None):
        assert tl.next_start_after(9000, kinds) is None
    assert tl.next_start_after(8999, QUOTES).ref == 2
    assert tl.next_start_after(1000, QUOTES).ref == 1
    assert tl.next_start_after(1000, BRIEF).kind is CueKind.CONCEPT


def test_previous_and_next_of_a_kind_the_episode_lacks_is_nothing() -> None:
    tl = _timeline([1000])
    chapters = frozenset({CueKind.CHAPTER})
    assert tl.next_start_after(0, chapters) is None
    assert tl.previous_start_before(5000, chapters) is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 100_000), min_size=1, max_size=20),
    st.lists(st.integers(0, 100_000), max_size=5),
    st.integers(-10, 110_000),
    st.sampled_from([QUOTES, BRIEF, None]),
)
def test_previous_and_next_never_wrap(quotes, concepts, t, kinds) -> None:
    tl = _timeline(quotes, concepts)
    starts = [c.start_ms for c in tl if kinds is None or c.kind in kinds]
    before = tl.previous_start_before(t, kinds)
    after = tl.next_start_after(t, kinds)
    earlier = [s for s in starts if s < t]
    later = [s for s in starts if s > t]
    assert (before.start_ms if before else None) == (max(earlier) if earlier else None)
    assert (after.start_ms if after else None) == (min(later) if later else None)


def test_a_list_finds_each_cue_even_among_cues_at_the_same_instant() -> None:
    cues = [
        Cue(CueKind.QUOTE, 1000, 2000, "a", 0),
        Cue(CueKind.QUOTE, 1000, 2000, "b", 1),
        Cue(CueKind.CONCEPT, 1000, 1500, "c", 0),
        Cue(CueKind.QUOTE, 3000, 4000, "d", 2),
    ]
    tl = Timeline(cues)
    assert [tl.index_of(c) for c in tl] == [0, 1, 2, 3]
    assert tl[tl.index_of(cues[2])] == cues[2]
    for stranger in (Cue(CueKind.QUOTE, 1000, 2000, "z", 9), Cue(CueKind.QUOTE, 9000, 9001, "y")):
        with pytest.raises(ValueError, match=r"^cue not on this timeline$"):
            tl.index_of(stranger)
    assert tl.kinds() == frozenset({CueKind.QUOTE, CueKind.CONCEPT})
    assert Timeline().kinds() == frozenset()


def test_quotes_at_the_same_instant_keep_the_briefs_order() -> None:
    cues = point_cues(CueKind.QUOTE, [(1000, "zeta", 0), (1000, "alpha", 1), (500, "first", 2)])
    assert [c.ref for c in cues] == [2, 0, 1]


def test_a_quote_at_the_last_millisecond_is_still_shown_there() -> None:
    [cue] = point_cues(CueKind.QUOTE, [(5000, "last", 0)], end_ms=5000)
    tl = Timeline([cue])
    assert [c.text for c in tl.active_at(5000)] == ["last"]
    assert tl.active_at(5001) == []


def test_a_kind_the_episode_lacks_has_no_cues() -> None:
    tl = _timeline([1000])
    assert tl.of_kind(CueKind.CHAPTER) == ()
    assert [c.ref for c in tl.of_kind(CueKind.QUOTE)] == [0]


_CUE = Cue(CueKind.NOTE, 1_000, 2_000, "call mum", 3)
_CHANGED = {
    "kind": CueKind.QUOTE,
    "start_ms": 1_001,
    "end_ms": 2_001,
    "text": "call dad",
    "ref": 4,
}


@pytest.mark.parametrize("field", sorted(_CHANGED))
def test_two_notes_that_differ_in_anything_are_two_cues(field: str) -> None:
    """Two notes at one moment are two markers: removing one must leave the other, so cues are
    equal only when every field is."""
    twin = _CUE.replace(**{field: _CHANGED[field]})
    assert twin != _CUE
    assert len({_CUE, twin}) == 2
    timeline = Timeline([_CUE, twin])
    timeline.remove(twin)
    assert list(timeline) == [_CUE]


def test_the_same_note_made_twice_is_one_cue() -> None:
    again = Cue(CueKind.NOTE, 1_000, 2_000, "call mum", 3)
    assert again == _CUE and hash(again) == hash(_CUE)
    assert {_CUE: "marker"}[again] == "marker"
    assert _CUE != (CueKind.NOTE, 1_000, 2_000, "call mum", 3)  # a cue, not a bare tuple


def test_cues_spread_over_a_hash_table_so_a_long_timeline_stays_quick() -> None:
    """100,000 note markers live in dicts keyed by cue: cues that differ must hash apart."""
    cues = [Cue(CueKind.NOTE, i * 1_000, i * 1_000 + 5_000, "note", i) for i in range(1_000)]
    assert len({hash(c) for c in cues}) > 990
