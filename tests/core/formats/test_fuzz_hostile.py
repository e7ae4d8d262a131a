"""Hostile values in every reader: out-of-range times, huge numbers, deep nesting, odd Unicode.

Structure-aware: each case starts from a real sample and replaces one number or timestamp, so the
reader is driven past its syntax checks into the time handling. A reader may raise only its
declared error, and each input is read within a generous time bound (measured here as a guard
against backtracking, not as a benchmark: ``bench/fuzz.py`` measures).
"""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.core.brief.models import BriefError
from player.core.brief.parser import parse_brief_json, parse_brief_text
from player.core.formats.chapters_json import parse_chapters_json
from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.formats.subrip import parse_srt
from player.core.formats.transcript_json import parse_transcript_json
from player.core.formats.vtt import parse_vtt
from player.core.timefmt import MAX_SECONDS, TimeFormatError, parse_time

DATA = Path(__file__).resolve().parents[2] / "data"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BOUND_S = 2.0
HOSTILE = st.sampled_from(
    ["9" * 400, "1e308", "-1", "inf", "NaN", "0" * 300 + "1", "3600001", "1" * 4400, "1e-400"]
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
READERS = {
    parse_srt: ("sample.srt", FormatError),
    parse_vtt: ("sample.vtt", FormatError),
    parse_chapters_json: ("chapters.json", FormatError),
    parse_transcript_json: ("transcript.json", FormatError),
}


def _replace_one(text: str, data: st.DataObject, value: str) -> str:
    numbers = list(_NUMBER.finditer(text))
    m = numbers[data.draw(st.integers(0, len(numbers) - 1))]
    return text[: m.start()] + value + text[m.end() :]


def _read(parse, text: str, error: type[Exception]):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        result = parse(text, "fuzz")
    except error:
        result = None
    assert time.perf_counter() - started < BOUND_S
    return result


@FUZZ
@given(st.sampled_from(list(READERS)), HOSTILE, st.data())
def test_hostile_number_in_a_real_file(parse, value: str, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    name, error = READERS[parse]
    text = _replace_one((DATA / name).read_text(encoding="utf-8"), data, value)
    result = _read(parse, text, error)
    if result is not None:
        track, _ = result
        for item in track.items:
            assert 0 <= item.start_s <= MAX_SECONDS


@FUZZ
@given(HOSTILE, st.data())
def test_hostile_number_in_a_json_brief(value: str, data: st.DataObject) -> None:
    text = (
        '{"title": "t", "quotes": [{"at": 12, "text": "a"}, {"at": 30.5, "text": "b"}],\n'
        ' "concepts": [{"name": "c", "description": "d"}],\n'
        ' "links": [{"kind": "concept", "index": 0, "quote": 1, "score": 0.5}]}'
    )
    result = _read(parse_brief_json, _replace_one(text, data, value), BriefError)
    if result is not None:
        for quote in result.brief.quotes:
            assert 0 <= quote.at <= MAX_SECONDS


@FUZZ
@given(st.text(alphabet="0123456789:.,", max_size=3000))
def test_any_run_of_time_characters_is_a_time_or_a_time_error(text: str) -> None:
    started = time.perf_counter()
    with contextlib.suppress(TimeFormatError):
        assert 0 <= parse_time(text) <= MAX_SECONDS
    assert time.perf_counter() - started < BOUND_S


@pytest.mark.parametrize(
    ("parse", "text", "error"),
    [
        (parse_brief_text, 'T\nQuotes\n- At 1001:00:00 - "late"\n- At 0:05 - "ok"\n', None),
        (parse_vtt, "WEBVTT\n\n" + "9" * 300 + ":00:00.000 --> 00:00:01.000\nx\n", None),
        (parse_srt, "1\n" + "9" * 300 + ":00:00,000 --> 00:00:01,000\nx\n", None),
        (parse_chapters_json, '{"chapters": [{"startTime": 1e308}, {"startTime": 1}]}', None),
        (parse_transcript_json, '{"segments": [{"startTime": "999999:00:00", "body": "x"}]}', None),
    ],
)
def test_time_out_of_range_is_a_problem_line(parse, text: str, error) -> None:  # type: ignore[no-untyped-def]
    _, problems = (
        (r.brief, r.problems) if hasattr(r := parse(text, "f"), "brief") else r  # type: ignore[union-attr]
    )
    assert any("time out of range" in str(p) for p in problems), [str(p) for p in problems]


def test_json_brief_link_past_the_last_quote_is_a_problem() -> None:
    text = (
        '{"title": "t", "quotes": [{"at": 1, "text": "a"}],\n'
        ' "concepts": [{"name": "c", "description": "d"}],\n'
        ' "links": [{"kind": "concept", "index": 0, "quote": 5, "score": 0.5}]}'
    )
    result = parse_brief_json(text, "b.json")
    assert result.brief.links == ()
    assert [str(p) for p in result.problems] == [
        "b.json:3: links[0].quote: there is no quote 5; link dropped"
    ]


def test_number_of_4400_digits_is_the_json_parsers_own_error() -> None:
    with pytest.raises(BriefError, match="too long"):
        parse_brief_json('{"title": "t", "quotes": [{"at": ' + "1" * 4400 + "}]}", "b.json")


def test_srt_digit_runs_and_blank_lines_read_in_linear_time() -> None:
    sizes = (20_000, 80_000)
    took = []
    for n in sizes:
        text = "1\n" + "1" * n + ":00:00,000 --> 0:00:01,000\nx\n" + "\n" * n
        started = time.perf_counter()
        parse_srt(text, "x.srt")
        took.append(time.perf_counter() - started)
    assert took[1] < BOUND_S


def _sniff_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "track.txt"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(FormatError):
        load_track(path)


@pytest.mark.parametrize(
    ("read", "text"),
    [
        # a long run of spaces inside a quote, its context and the title (was 4 s at 20,000)
        (
            lambda _, t: parse_brief_text(t, "b.txt"),
            "A" + " " * 60_000 + 'B\nQuotes\n- At 0:05 - "a' + " " * 60_000 + 'b" x\n',
        ),
        # a number, then 60,000 blank lines at the head of a file being sniffed
        (_sniff_file, "1" + "\n" * 60_000),
        # 150,000 '<' with no '>' in one SRT cue (was 175 ms at 20,000, growing as the square)
        (lambda _, t: parse_srt(t, "x.srt"), "1\n00:00:01,000 --> 00:00:02,000\n" + "<" * 150_000),
    ],
    ids=["brief-spaces", "sniff-blank-lines", "srt-open-tags"],
)
def test_long_runs_read_in_linear_time(tmp_path: Path, read, text: str) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    with contextlib.suppress(BriefError):
        read(tmp_path, text)
    assert time.perf_counter() - started < BOUND_S


def test_a_pin_at_a_400_digit_time_is_a_problem_line() -> None:
    from player.core.brief.links import parse_pins
    from player.core.jsonpos import loads_with_lines

    raw, lines = loads_with_lines('{"pin": [\n{"concept": "x", "at": ' + "9" * 400 + "}]}")
    pins, problems = parse_pins(raw, lines, "links.json")
    assert pins.pin == ()
    assert [str(p) for p in problems] == ["links.json:2: pin[0]: time out of range"]
