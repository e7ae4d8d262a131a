"""Which finds of a quote search are trusted: sure enough, in the brief's order, and not a lone
jump away from neighbours that agree. What the listener is offered as sync points, and where a
quote that was not trusted lights up."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.align.result import (
    FOUND_MIN,
    JUMP_MS,
    SURE,
    UNCERTAIN_MIN,
    Alignment,
    QuoteResult,
    Status,
    settle,
)
from player.core.sync import SyncMap


def _settled(*finds: tuple[int, int | None, float]) -> list[QuoteResult]:
    """(written ms, found ms, confidence) of each quote, in brief order."""
    return settle([QuoteResult(n, w, f"q{n}", f, c) for n, (w, f, c) in enumerate(finds)])


def _statuses(out: list[QuoteResult]) -> list[str]:
    return [q.status.value for q in out]


def test_sureness_decides_between_found_uncertain_and_not_found() -> None:
    out = _settled(
        (10_000, 12_000, FOUND_MIN),
        (20_000, 22_000, FOUND_MIN - 0.01),
        (30_000, 32_000, UNCERTAIN_MIN),
        (40_000, 42_000, UNCERTAIN_MIN - 0.01),
        (50_000, None, 0.9),
        (60_000, 62_000, 1.0),
    )
    assert _statuses(out) == [
        "found", "uncertain", "uncertain", "not found", "not found", "found"
    ]  # fmt: skip


def test_a_quote_not_trusted_lights_up_where_the_trusted_ones_put_it() -> None:
    out = _settled((10_000, 12_000, 0.9), (20_000, 99_000, 0.3), (30_000, None, 0.0))
    assert [q.placed_ms for q in out] == [12_000, 22_000, 32_000]
    assert [q.shift_ms for q in out] == [2_000, 2_000, 2_000]
    assert out[1].found_ms == 99_000  # still shown where it was heard


def test_with_nothing_trusted_every_quote_stays_at_its_written_time() -> None:
    out = _settled((10_000, 50_000, 0.3), (20_000, None, 0.0))
    assert [q.placed_ms for q in out] == [10_000, 20_000]
    assert [q.shift_ms for q in out] == [0, 0]
    assert Alignment(tuple(out), "audio").to_sync_points() == []


def test_the_finds_that_agree_on_an_order_win_over_a_surer_one_that_contradicts_them() -> None:
    # two in order (0.5 + 0.5) against one heard before both of them (0.9)
    out = _settled((10_000, 12_000, 0.5), (20_000, 22_000, 0.5), (30_000, 5_000, 0.9))
    assert _statuses(out) == ["found", "found", "uncertain"]
    # but one sure find outweighs a weak one it contradicts
    out = _settled((10_000, 12_000, 0.45), (20_000, 5_000, 0.9))
    assert _statuses(out) == ["uncertain", "found"]
    # the first of two equally sure contradicting finds is kept
    out = _settled((10_000, 30_000, 0.6), (20_000, 15_000, 0.6))
    assert _statuses(out) == ["found", "uncertain"]


def test_a_chain_is_followed_back_through_every_link() -> None:
    finds = [(k * 10_000, k * 10_000 + 1_000, 0.9) for k in range(5)]
    finds.insert(2, (15_000, 1_000, 0.95))  # one wrong find heard near the start
    out = _settled(*finds)
    assert _statuses(out) == ["found", "found", "uncertain", "found", "found", "found"]


def test_two_quotes_at_one_moment_or_heard_at_one_moment_are_not_both_trusted() -> None:
    out = _settled((10_000, 12_000, 0.9), (10_000, 13_000, 0.8), (20_000, 22_000, 0.9))
    assert _statuses(out) == ["found", "uncertain", "found"]
    out = _settled((10_000, 12_000, 0.9), (11_000, 12_000, 0.8), (20_000, 22_000, 0.9))
    assert _statuses(out) == ["found", "uncertain", "found"]
    # the points made from them are a valid map
    assert Alignment(tuple(out), "audio").to_sync_map() == SyncMap(
        [(10_000, 12_000), (20_000, 22_000)]
    )


def test_a_lone_jump_between_agreeing_neighbours_is_not_trusted_unless_sure() -> None:
    jump = JUMP_MS + 1
    out = _settled((10_000, 12_000, 0.9), (20_000, 22_000 + jump, 0.7), (30_000, 32_000, 0.9))
    assert _statuses(out) == ["found", "uncertain", "found"]
    assert out[1].placed_ms == 22_000
    out = _settled((10_000, 12_000, 0.9), (20_000, 22_000 - jump, 0.7), (30_000, 32_000, 0.9))
    assert _statuses(out) == ["found", "uncertain", "found"]
    out = _settled((10_000, 12_000, 0.9), (20_000, 22_000 + jump, SURE), (30_000, 32_000, 0.9))
    assert _statuses(out) == ["found"] * 3


def test_an_offset_within_the_jump_limit_is_an_ad_not_a_wrong_find() -> None:
    out = _settled((10_000, 12_000, 0.9), (20_000, 22_000 + JUMP_MS, 0.5), (30_000, 32_000, 0.9))
    assert _statuses(out) == ["found"] * 3
    # close to one neighbour only: the ad came before it
    out = _settled(
        (10_000, 12_000, 0.9),
        (20_000, 22_000 + 2 * JUMP_MS, 0.5),
        (30_000, 32_000 + 2 * JUMP_MS, 0.9),
    )
    assert _statuses(out) == ["found"] * 3


def test_a_find_just_at_the_jump_limit_from_one_neighbour_is_not_a_lone_jump() -> None:
    out = _settled((10_000, 10_000, 0.9), (20_000, 20_000 + JUMP_MS, 0.5), (30_000, 29_999, 0.9))
    assert _statuses(out) == ["found"] * 3
    out = _settled((10_000, 9_999, 0.9), (20_000, 20_000 + JUMP_MS, 0.5), (30_000, 30_000, 0.9))
    assert _statuses(out) == ["found"] * 3


def test_a_barely_usable_find_still_counts_as_a_neighbour() -> None:
    jump = JUMP_MS + 1
    out = _settled(
        (10_000, 12_000, 0.9), (20_000, 22_000 + jump, 0.5), (30_000, 32_000, UNCERTAIN_MIN)
    )
    assert _statuses(out) == ["found", "uncertain", "uncertain"]


def test_neighbours_that_disagree_cannot_make_a_find_a_lone_jump() -> None:
    out = _settled(
        (10_000, 12_000, 0.9),
        (20_000, 22_000 + 2 * JUMP_MS, 0.5),
        (30_000, 32_000 + 4 * JUMP_MS + 2, 0.9),
    )
    assert _statuses(out) == ["found"] * 3
    out = _settled(
        (10_000, 12_000, 0.9),
        (20_000, 22_000 - JUMP_MS - 1, 0.5),
        (30_000, 32_000 + JUMP_MS, 0.9),  # agrees with the first, just
    )
    assert _statuses(out) == ["found", "uncertain", "found"]


def test_a_first_find_far_from_two_that_agree_is_kept() -> None:
    out = _settled((10_000, 30_000, 0.5), (20_000, 32_000, 0.9), (30_000, 42_000, 0.9))
    assert _statuses(out) == ["found"] * 3


def test_the_first_and_last_finds_are_kept_whatever_their_offset() -> None:
    far = 10 * JUMP_MS
    out = _settled(
        (10_000, 12_000 + far, 0.5),
        (20_000, 22_000 + far * 2, 0.9),
        (30_000, 32_000 + far * 2, 0.9),
        (40_000, 42_000 + far * 3, 0.5),
    )
    assert _statuses(out) == ["found"] * 4


def test_what_the_listener_is_offered() -> None:
    out = _settled((10_000, 12_000, 0.9), (20_000, 30_000, 0.3), (30_000, None, 0.0))
    alignment = Alignment(tuple(out), "transcript")
    assert [q.index for q in alignment.found] == [0]
    assert alignment.to_sync_points() == [(10_000, 12_000)]
    assert alignment.to_sync_map().to_audio(30_000) == 32_000
    assert alignment.counts() == {"found": 1, "uncertain": 1, "not found": 1}


_find = st.tuples(
    st.integers(0, 40).map(lambda k: k * 1_000),
    st.one_of(st.none(), st.integers(0, 60).map(lambda k: k * 1_000)),
    st.sampled_from([0.0, 0.2, 0.25, 0.3, 0.4, 0.5, 0.79, 0.8, 1.0]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_find, max_size=8).map(lambda xs: sorted(xs, key=lambda x: x[0])))
def test_trusted_finds_always_make_a_valid_map_and_every_quote_has_a_place(finds) -> None:
    out = _settled(*finds)
    trusted = [q for q in out if q.status is Status.FOUND]
    assert all(q.confidence >= FOUND_MIN and q.placed_ms == q.found_ms for q in trusted)
    for a, b in itertools.pairwise(trusted):
        assert a.written_ms < b.written_ms and a.found_ms < b.found_ms
    mapping = SyncMap([(q.written_ms, q.found_ms) for q in trusted])
    for q in out:
        if q.status is not Status.FOUND:
            assert q.placed_ms == mapping.to_audio(q.written_ms)
        if q.status is Status.UNCERTAIN:
            assert q.found_ms is not None and q.confidence >= UNCERTAIN_MIN
