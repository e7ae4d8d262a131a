"""The sleep timer's countdown and fade, without a window."""

from __future__ import annotations

from player.core.sleep import FADE_MS, SleepCountdown


def test_minutes_count_only_the_time_played_and_fade_at_the_end() -> None:
    c = SleepCountdown.for_minutes(15)
    assert c.choice.label() == "15 min"
    assert c.text(0, 1.0) == "☾ 15:00"
    c.played(60_000)
    assert c.left_ms(0, 1.0) == 14 * 60_000
    assert c.gain(0, 1.0) == 1.0
    c.played(14 * 60_000 - FADE_MS // 2)
    assert c.gain(0, 1.0) == 0.5
    assert not c.done(0, 1.0)
    c.played(FADE_MS)
    assert c.done(0, 1.0)
    assert c.gain(0, 1.0) == 0.0


def test_minutes_are_the_listeners_whatever_the_place_or_speed() -> None:
    """Half an hour of sleep is half an hour of listening, at 2x as at 1x, anywhere in it."""
    c = SleepCountdown.for_minutes(30)
    c.played(60_000)
    assert c.left_ms(0, 1.0) == c.left_ms(1_200_000, 2.0) == 29 * 60_000
    assert c.text(1_200_000, 2.0) == "☾ 29:00"


def test_an_end_of_chapter_counts_in_the_episode_at_the_playing_speed() -> None:
    c = SleepCountdown.until("chapter", end_ms=600_000, now_ms=0, rate=1.0)
    assert c.left_ms(0, 2.0) == 300_000
    assert c.left_ms(540_000, 1.5) == 40_000
    assert c.gain(600_000 - FADE_MS // 2, 1.0) == 0.5
    assert c.done(600_000, 1.0)
    assert c.choice.label() == "end of chapter"


def test_the_button_and_the_fade_follow_the_playing_speed() -> None:
    """A minute of episode before the chapter ends is half a minute away at 2x: the button
    says so, the fade starts half as far from the end, and the stop comes at the end."""
    c = SleepCountdown.until("chapter", end_ms=600_000, now_ms=0, rate=1.0)
    assert c.text(540_000, 2.0) == "☾ 0:30"
    assert c.gain(600_000 - FADE_MS, 2.0) == 0.5
    assert not c.done(599_000, 2.0)
    assert c.done(600_000, 2.0)


def test_a_short_end_fades_over_what_is_left() -> None:
    c = SleepCountdown.until("quote", end_ms=5_000, now_ms=3_000, rate=1.0)
    assert c.gain(3_000, 1.0) == 1.0
    assert c.gain(4_000, 1.0) == 0.5


def test_a_short_end_at_double_speed_fades_over_the_time_left_to_hear() -> None:
    """Two seconds of quote at 2x is one second away: the fade spans that second from full."""
    c = SleepCountdown.until("quote", end_ms=5_000, now_ms=3_000, rate=2.0)
    assert c.gain(3_000, 2.0) == 1.0
    assert c.gain(4_000, 2.0) == 0.5
