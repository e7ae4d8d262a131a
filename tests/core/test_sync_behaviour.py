"""The listener's sync marks as they use them: "remove the mark here" takes the nearest one,
and what the app tells them about a moment (heard in this copy or not) matches the marks."""

from __future__ import annotations

import pytest

from player.core.sync import SyncError, SyncMap


def test_remove_the_mark_here_takes_the_mark_nearest_in_brief_time() -> None:
    m = SyncMap([(10_000, 12_000), (60_000, 95_000), (120_000, 150_000)])
    assert m.nearest_point(0) == (10_000, 12_000)
    assert m.nearest_point(34_000) == (10_000, 12_000)
    assert m.nearest_point(36_000) == (60_000, 95_000)
    assert m.nearest_point(89_000) == (60_000, 95_000)
    assert m.nearest_point(500_000) == (120_000, 150_000)
    assert m.without_point(m.nearest_point(100_000)[0]).points == (
        (10_000, 12_000),
        (60_000, 95_000),
    )
    assert SyncMap().nearest_point(5_000) is None


def test_an_inserted_ad_is_not_brief_material_and_what_surrounds_it_is() -> None:
    # The listener's copy has a 30 s ad at brief 60 s: brief 60 s is heard at 90 s.
    m = SyncMap([(0, 0), (60_000, 90_000)])
    assert m.brief_has(59_999) and m.brief_has(90_000) and m.brief_has(0)
    assert not m.brief_has(60_000) and not m.brief_has(89_999)
    assert not m.brief_has(-1)
    assert m.to_brief(75_000) == 60_000  # the brief waits on the next quote while the ad plays
    assert all(m.audio_has(b) for b in (0, 59_999, 60_000, 200_000))
    assert not m.audio_has(-1)


def test_a_cut_in_the_copy_is_brief_the_listener_cannot_hear() -> None:
    # The copy lacks brief 60 s to 90 s: brief 90 s is heard at 60 s.
    m = SyncMap([(0, 0), (90_000, 60_000)])
    assert m.audio_has(59_999) and m.audio_has(90_000)
    assert not m.audio_has(60_000) and not m.audio_has(89_999)
    assert m.to_audio(75_000) == 60_000
    assert all(m.brief_has(a) for a in (0, 59_999, 60_000, 100_000))


def test_a_later_intro_means_the_start_of_the_brief_is_not_in_the_copy() -> None:
    m = SyncMap([(20_000, 5_000)])  # the copy starts 15 s into the brief
    assert not m.audio_has(14_999)
    assert m.audio_has(15_000)
    assert m.to_audio(10_000) == 0


def test_marks_compare_by_their_points_and_say_what_they_are() -> None:
    a = SyncMap([(60_000, 90_000), (0, 1_000)])
    b = SyncMap([(0, 1_000), (60_000, 90_000)])
    assert a == b and hash(a) == hash(b) and len(a) == 2
    assert a != SyncMap([(0, 1_000)]) and a != a.points
    assert list(a) == [(0, 1_000), (60_000, 90_000)]
    assert repr(a) == "SyncMap([(0, 1000), (60000, 90000)])"
    assert SyncMap([(5, 5)]).is_identity and not a.is_identity


def test_two_marks_at_one_brief_time_are_refused() -> None:
    with pytest.raises(SyncError, match="two marks at the same brief time 5000 ms"):
        SyncMap([(5_000, 6_000), (5_000, 7_000)])
    with pytest.raises(SyncError, match="marks cross: brief 0 ms is heard at 9000 ms"):
        SyncMap([(0, 9_000), (5_000, 9_000)])
