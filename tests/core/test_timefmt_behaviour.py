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


def _said(read, value: object) -> str:
    """The message a file's problem line shows for a time ``read`` refuses."""
    from player.core.timefmt import TimeFormatError

    try:
        read(value)
    except TimeFormatError as e:
        return str(e)
    raise AssertionError(f"{value!r} was read")


def test_a_long_bad_time_is_quoted_short_enough_for_one_problem_line() -> None:
    long = "1:07x" + "y" * 60
    assert _said(parse_clock, long) == (
        f"not a time: {long[:40]!r} (expected M:SS, MM:SS, MMM:SS or H:MM:SS)"
    )
    assert _said(parse_clock, "1:" + "6" * 50) == (
        f"seconds out of range in '1:{'6' * 38}': must be 00 to 59"
    )
    assert _said(parse_clock, "0" * 40 + "1:61:00") == (
        f"minutes out of range in '{'0' * 40}': must be 00 to 59 after hours"
    )


def test_what_a_json_time_that_is_no_time_says() -> None:
    from player.core.timefmt import seconds_value

    assert _said(seconds_value, True) == "must be a number of seconds, not true/false"
    assert _said(seconds_value, [65]) == "must be a number of seconds, not list"
    assert _said(seconds_value, None) == "must be a number of seconds, not NoneType"
    for endless in (float("inf"), float("nan"), -1, 10**400):
        assert _said(seconds_value, endless) == "time out of range"


@given(st.integers(3_599_000, 3_601_000) | st.integers())
def test_a_whole_number_of_seconds_is_read_exactly_when_the_same_float_is(n: int) -> None:
    """A thousand hours, the longest time the app plays to, is read whichever way it is written."""
    from player.core.timefmt import MAX_SECONDS, seconds_value

    if 0 <= n <= MAX_SECONDS:
        assert seconds_value(n) == seconds_value(float(n)) == n
    else:
        assert _said(seconds_value, n) == "time out of range"


def test_leading_zeros_do_not_make_a_time_too_long() -> None:
    assert parse_clock("0000000000000001:05") == 65
    assert parse_clock("00000000000000001:00:05") == 3605
