"""What the transcript pane shows for an SRT file: each cue at its time with its words as a
player shows them, and every block it cannot use named by its line, the rest still loaded."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.formats.problems import FormatError
from player.core.formats.subrip import parse_srt


def _cues(text: str) -> list[tuple[float, float | None, str]]:
    track, _ = parse_srt(text, "ep.srt")
    return [(i.start_s, i.end_s, i.text) for i in track.items]


def _problems(text: str) -> list[str]:
    return [str(p) for p in parse_srt(text, "ep.srt")[1]]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 999),
    st.integers(0, 59),
    st.integers(0, 59),
    st.integers(0, 999),
    st.sampled_from(",.:"),
)
def test_every_cue_is_placed_at_its_hours_minutes_seconds_and_milliseconds(
    h: int, m: int, s: int, ms: int, sep: str
) -> None:
    start = f"{h:02}:{m:02}:{s:02}{sep}{ms:03}"
    text = f"1\n{start} --> {h + 1:02}:00:00,000\nWords\n"
    assert _cues(text) == [(h * 3600 + m * 60 + s + ms / 1000, (h + 1) * 3600.0, "Words")]


def test_short_fractions_are_tenths_and_hundredths_and_no_fraction_is_whole_seconds() -> None:
    text = "00:00:01,5 --> 00:00:02,25\nA\n\n00:00:03 --> 00:00:04\nB\n"
    assert _cues(text) == [(1.5, 2.25, "A"), (3.0, 4.0, "B")]


def test_a_cue_without_its_number_and_with_spaces_and_position_after_the_timing_loads() -> None:
    text = (
        " 00:00:01,000\t-->  00:00:02,000  X1:40 X2:600\nWords\n\n"
        " 7 \n00:00:03,000 --> 00:00:04,000\nMore\n"
    )
    assert _cues(text) == [(1.0, 2.0, "Words"), (3.0, 4.0, "More")]


def test_the_words_show_without_tags_position_codes_or_entities_on_one_line() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n"
        "{\\an8}<i>Fish &amp; chips</i>\n<font color='red'>are   good</font> 3 < 4\n"
    )
    assert _cues(text) == [(1.0, 2.0, "Fish & chips are good 3 < 4")]


def test_a_file_with_a_byte_order_mark_reads_its_first_cue() -> None:
    assert _cues("\ufeff1\n00:00:01,000 --> 00:00:02,000\nHi\n") == [(1.0, 2.0, "Hi")]


def test_a_cue_that_ends_before_it_starts_keeps_its_start_and_says_so() -> None:
    text = (
        "1\n00:00:05,000 --> 00:00:05,000\nSame\n\n"
        "2\n00:00:09,000 --> 00:00:08,000\nBackwards\n\n"
        "3\n00:00:10,000 --> 00:00:10,001\nFine\n"
    )
    assert _cues(text) == [(5.0, None, "Same"), (9.0, None, "Backwards"), (10.0, 10.001, "Fine")]
    assert _problems(text) == [
        "ep.srt:2: cue ends before it starts; end ignored",
        "ep.srt:6: cue ends before it starts; end ignored",
    ]


@pytest.mark.parametrize(
    ("timing", "message"),
    [
        ("-1:00:00,000 --> 00:00:02,000", "cue starts before 0; cue skipped"),
        ("1234567:00:00,000 --> 1234567:00:01,000", "time out of range; cue skipped"),
        ("1000:00:00,001 --> 1000:00:02,000", "time out of range; cue skipped"),
        ("00:00:01,000 --> -1:00:00,000", "cue starts before 0; cue skipped"),
    ],
)
def test_a_time_the_player_cannot_use_skips_only_that_cue(timing: str, message: str) -> None:
    text = (
        f"1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n{timing}\nBad\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nC\n"
    )
    assert [c[2] for c in _cues(text)] == ["A", "C"]
    assert _problems(text) == [f"ep.srt:6: {message}"]


def test_the_last_hour_the_player_can_reach_still_loads() -> None:
    assert _cues("0001000:00:00,000 --> 1000:00:00,000\nEnd\n") == [(3_600_000.0, None, "End")]


def test_a_numbered_block_with_only_a_bad_timing_names_that_line() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03 - 00:00:04\n"
    assert _problems(text) == [
        "ep.srt:6: expected a timing like '00:01:02,500 --> 00:01:04,000', "
        "found '00:00:03 - 00:00:04'; cue skipped"
    ]


def test_a_block_whose_timing_is_wrong_names_the_timing_line_and_what_it_found() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n\n12\n" + "0:01 to 0:02 " * 10 + "\nB\n"
    found = ("0:01 to 0:02 " * 10).strip()[:60]
    assert _problems(text) == [
        "ep.srt:7: expected a timing like '00:01:02,500 --> 00:01:04,000', "
        f"found {found!r}; cue skipped"
    ]


@pytest.mark.parametrize(
    "block",
    [
        "just some words\nand more",
        "12",
        "00:00:01,000 --> 00:00:02,000garbage\nB",
        "00:00:01,000 --> 00:00:02,000 " + "x" * 400 + "\nB",
    ],
)
def test_a_block_that_is_no_cue_is_skipped_on_its_first_line(block: str) -> None:
    text = (
        f"1\n00:00:01,000 --> 00:00:02,000\nA\n\n{block}\n\n3\n00:00:05,000 --> 00:00:06,000\nC\n"
    )
    assert [c[2] for c in _cues(text)] == ["A", "C"]
    assert _problems(text) == ["ep.srt:5: not an SRT cue (number, timing, text); skipped"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Dear listener,\nhello\n",
            "ep.srt:1: no SRT cues found (no 'start --> end' timing anywhere)",
        ),
        (" \n\t\n", "ep.srt:1: no SRT cues found (it is blank)"),
        ("", "ep.srt:1: no SRT cues found (it is blank)"),
    ],
)
def test_a_file_with_no_cue_at_all_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(FormatError) as e:
        parse_srt(text, "ep.srt")
    assert str(e.value) == message


def test_a_file_whose_every_cue_is_bad_opens_empty_and_says_why() -> None:
    text = "1\n00:00:0x,000 --> 00:00:02,000\nA\n"
    track, problems = parse_srt(text, "ep.srt", name="Episode")
    assert (track.name, track.items) == ("Episode", ())
    assert [str(p) for p in problems][-1] == "ep.srt:1: no cues could be read (see above)"
    assert len(problems) == 2
