from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from player.core.sync import SyncError, SyncMap


def test_no_marks_is_identity() -> None:
    m = SyncMap()
    assert m.is_identity
    assert m.to_audio(12_345) == 12_345
    assert m.to_brief(12_345) == 12_345


def test_one_mark_is_a_constant_offset_everywhere() -> None:
    # The listener's copy has a 30 s longer intro.
    m = SyncMap([(60_000, 90_000)])
    assert m.to_audio(0) == 30_000
    assert m.to_audio(600_000) == 630_000
    assert m.to_brief(630_000) == 600_000
    assert m.to_brief(10_000) == 0  # the extra intro is before the brief starts


def test_shorter_intro_clamps_at_the_start_of_the_file() -> None:
    m = SyncMap([(20_000, 5_000)])
    assert m.to_audio(10_000) == 0
    assert not m.audio_has(10_000)
    assert m.audio_has(15_000)


def test_ad_break_shifts_only_what_follows_it() -> None:
    # In step until 10 min; a 45 s ad was inserted there.
    m = SyncMap([(0, 0), (600_000, 645_000)])
    assert m.to_audio(300_000) == 300_000
    assert m.to_audio(599_999) == 599_999
    assert m.to_audio(600_000) == 645_000
    assert m.to_audio(900_000) == 945_000
    # While the ad plays, the brief waits at the moment after it.
    assert m.to_brief(620_000) == 600_000
    assert not m.brief_has(620_000)
    assert m.brief_has(500_000)
    assert m.to_brief(945_000) == 900_000


def test_material_missing_from_the_copy_collapses_to_the_mark() -> None:
    # The brief's copy had a 60 s ad at 5 min that this copy lacks.
    m = SyncMap([(0, 0), (360_000, 300_000)])
    assert m.to_audio(299_000) == 299_000
    assert m.to_audio(320_000) == 300_000
    assert not m.audio_has(320_000)
    assert m.to_audio(400_000) == 340_000


def test_with_point_replaces_the_mark_at_the_same_brief_time() -> None:
    m = SyncMap([(1_000, 2_000)]).with_point(1_000, 5_000)
    assert m.points == ((1_000, 5_000),)


def test_with_point_drops_marks_it_contradicts() -> None:
    m = SyncMap([(0, 0), (10_000, 50_000), (20_000, 60_000)]).with_point(15_000, 40_000)
    assert m.points == ((0, 0), (15_000, 40_000), (20_000, 60_000))


def test_without_point() -> None:
    m = SyncMap([(0, 0), (10_000, 12_000)])
    assert m.without_point(10_000).points == ((0, 0),)
    assert m.without_point(99).points == m.points


def test_crossing_marks_are_refused_with_a_reason() -> None:
    with pytest.raises(SyncError, match="cross"):
        SyncMap([(0, 5_000), (10_000, 4_000)])
    with pytest.raises(SyncError, match="same brief time"):
        SyncMap([(0, 5_000), (0, 6_000)])


_points = st.lists(
    st.tuples(st.integers(0, 10_000_000), st.integers(0, 10_000_000)), max_size=8
).map(lambda ps: _consistent(ps))


def _consistent(ps: list[tuple[int, int]]) -> SyncMap:
    m = SyncMap()
    for b, a in ps:
        m = m.with_point(b, a)
    return m


@given(_points, st.integers(-1_000, 12_000_000))
def test_round_trip_where_heard(m: SyncMap, b: int) -> None:
    if m.audio_has(b):
        assert m.to_brief(m.to_audio(b)) == b


@given(_points, st.integers(0, 12_000_000))
def test_inverse_round_trip_outside_ads(m: SyncMap, a: int) -> None:
    if m.brief_has(a):
        assert m.to_audio(m.to_brief(a)) == a


@given(_points, st.integers(-1_000, 12_000_000), st.integers(0, 1_000_000))
def test_both_directions_never_run_backwards(m: SyncMap, x: int, step: int) -> None:
    assert m.to_audio(x) <= m.to_audio(x + step)
    assert m.to_brief(x) <= m.to_brief(x + step)


@given(_points)
def test_every_mark_is_hit_exactly(m: SyncMap) -> None:
    for b, a in m.points:
        assert m.to_audio(b) == a
        assert m.to_brief(a) == b


def test_inside_an_ad_what_lights_waits_just_before_the_quote_after_it() -> None:
    # A found quote at 14 s is heard at 23 s: 9 s of ad play before it.
    m = SyncMap([(2_000, 2_000), (14_000, 23_000)])
    assert m.to_brief(20_000) == 14_000  # the strip and seeks wait at the quote...
    assert m.to_brief_heard(20_000) == 13_999  # ...but the quote is not lit until it is said
    assert m.to_brief_heard(23_000) == 14_000
    assert m.to_brief_heard(10_000) == 10_000  # in step before the ad
    assert SyncMap([(0, 5_000)]).to_brief_heard(1_000) == 0  # an intro holds at the start
