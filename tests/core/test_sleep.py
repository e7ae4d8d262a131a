"""The sleep timer's countdown and fade, without a window."""

from __future__ import annotations

from player.core.sleep import FADE_MS, SleepCountdown


def test_minutes_count_only_the_time_played_and_fade_at_the_end() -> None:
    c = SleepCountdown.for_minutes(15)
    assert c.text() == "☾ 15:00"
    c.played(60_000)
    assert c.left_ms() == 14 * 60_000
    assert c.gain() == 1.0
    c.played(14 * 60_000 - FADE_MS // 2)
    assert c.gain() == 0.5
    assert not c.done()
    c.played(FADE_MS)
    assert c.done()
    assert c.gain() == 0.0


def test_an_end_of_chapter_counts_in_the_episode_at_the_playing_speed() -> None:
    c = SleepCountdown.until("chapter", end_ms=600_000, now_ms=0, rate=1.0)
    assert c.left_ms(0, 2.0) == 300_000
    assert c.left_ms(540_000, 1.5) == 40_000
    assert c.gain(600_000 - FADE_MS // 2, 1.0) == 0.5
    assert c.done(600_000, 1.0)
    assert c.choice.label() == "end of chapter"


def test_a_short_end_fades_over_what_is_left() -> None:
    c = SleepCountdown.until("quote", end_ms=5_000, now_ms=3_000, rate=1.0)
    assert c.gain(3_000) == 1.0
    assert c.gain(4_000) == 0.5
