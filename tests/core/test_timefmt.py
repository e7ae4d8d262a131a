"""Times as briefs write them and as people type them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from player.core.timefmt import TimeFormatError, format_clock, parse_clock, parse_time


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0:17", 17),
        ("2:13", 133),
        ("23:24", 1404),
        ("113:31", 6811),
        ("1:03:12", 3792),
        ("2:16:18", 8178),
        (" 0:05 ", 5),
        ("1:00.250", 60.25),
    ],
)
def test_clock_forms(text: str, seconds: float) -> None:
    assert parse_clock(text) == seconds


@pytest.mark.parametrize("bad", ["4:61", "1:7x", "1:7", "1:60:00", "", "abc", "-1:00", "1::00"])
def test_bad_clock_times_say_why(bad: str) -> None:
    with pytest.raises(TimeFormatError) as err:
        parse_clock(bad)
    assert repr(bad.strip()) in str(err.value) or repr(bad) in str(err.value)


def test_plain_seconds_and_clock_agree() -> None:
    assert parse_time("95") == parse_time("1:35") == 95
    assert parse_time("95.5") == 95.5
    with pytest.raises(TimeFormatError):
        parse_time("soon")


def test_format_clock() -> None:
    assert format_clock(17) == "0:17"
    assert format_clock(3792) == "1:03:12"
    assert format_clock(6811) == "1:53:31"
    assert format_clock(-5) == "-0:05"
    assert format_clock(5, always_hours=True) == "0:00:05"


@given(st.integers(min_value=0, max_value=100 * 3600))
def test_format_then_parse_round_trips(seconds: int) -> None:
    assert parse_clock(format_clock(seconds)) == seconds
