"""Every time the app shows or writes can be typed back (or read back) to the same moment."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from player.core.formats.webvtt_export import timestamp
from player.core.timefmt import format_clock, format_ms, parse_clock, parse_time


def test_a_short_fraction_is_tenths_and_hundredths_not_thousandths() -> None:
    assert parse_clock("1:02.5") == 62.5
    assert parse_clock("1:02,25") == 62.25
    assert parse_clock("1:02.005") == 62.005
    assert parse_time("0:59.9") == 59.9


@given(st.integers(0, 200 * 3_600_000), st.booleans())
def test_every_clock_the_app_prints_reads_back_to_the_same_second(ms: int, hours: bool) -> None:
    shown = format_clock(ms / 1000, always_hours=hours)
    assert round(parse_clock(shown) * 1000) == ms - ms % 1000
    assert round(parse_time(format_ms(ms)) * 1000) == ms - ms % 1000


@given(st.integers(0, 99 * 3_600_000))
def test_every_timestamp_written_to_a_file_reads_back_to_the_same_millisecond(ms: int) -> None:
    assert round(parse_clock(timestamp(ms / 1000)) * 1000) == ms


def test_sixty_seconds_is_not_a_time() -> None:
    import pytest

    from player.core.timefmt import TimeFormatError

    with pytest.raises(TimeFormatError, match="seconds out of range"):
        parse_clock("1:60")
