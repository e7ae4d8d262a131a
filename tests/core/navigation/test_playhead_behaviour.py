"""The highlight never steps back for the jitter of the player's reports but follows a real
jump back, and the clock wakes exactly when the audio reaches the next quote, at any speed."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from player.core.navigation.playhead import MAX_BACKSTEP_MS, SLOWEST_RATE, shown_ms, wait_ms

_MS = st.integers(0, 10 * 3600 * 1000)


@given(_MS, st.integers(1, MAX_BACKSTEP_MS - 1))
def test_a_report_a_little_behind_while_playing_keeps_the_time_shown(floor: int, back: int) -> None:
    assert shown_ms(floor - back, floor, playing=True) == floor


@given(_MS, st.integers(MAX_BACKSTEP_MS, 3600 * 1000))
def test_a_report_a_second_or_more_behind_is_a_real_jump_back(floor: int, back: int) -> None:
    assert shown_ms(floor - back, floor, playing=True) == floor - back


@given(_MS, st.integers(0, 3600 * 1000))
def test_time_moving_forward_is_shown_as_reported(floor: int, ahead: int) -> None:
    assert shown_ms(floor + ahead, floor, playing=True) == floor + ahead


@given(_MS, st.integers(-MAX_BACKSTEP_MS, MAX_BACKSTEP_MS))
def test_paused_or_after_a_seek_the_report_is_the_time(floor: int, delta: int) -> None:
    assert shown_ms(floor + delta, floor, playing=False) == floor + delta
    assert shown_ms(floor + delta, None, playing=True) == floor + delta


@given(_MS, st.integers(1, 600_000), st.sampled_from([0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0]))
def test_the_clock_wakes_when_the_audio_reaches_the_boundary_not_a_ms_early_or_late(
    heard: int, gap: int, rate: float
) -> None:
    wait = wait_ms(heard + gap, heard, rate)
    assert wait * rate >= gap - 1e-6  # the audio has reached the boundary when it wakes
    assert (wait - 1) * rate < gap  # and not a millisecond later than needed


@given(_MS, st.integers(0, 600_000), st.floats(0.25, 4.0))
def test_a_boundary_already_passed_wakes_at_once(heard: int, past: int, rate: float) -> None:
    assert wait_ms(heard - past, heard, rate) == 0


def test_before_the_player_reports_a_rate_the_wait_is_long_not_infinite() -> None:
    assert wait_ms(1_000, 0, 0.0) == math.ceil(1_000 / SLOWEST_RATE) == 100_000
