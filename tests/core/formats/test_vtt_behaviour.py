"""Where the transcript of a long episode puts each line: past the first hour too, and after
a stray line of text in the file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.formats.track import to_ms
from player.core.formats.vtt import parse_vtt


def test_a_cue_after_the_first_hour_is_placed_after_the_first_hour() -> None:
    text = (
        "WEBVTT\n\n01:00:05.000 --> 01:00:07.250\nAn hour in.\n\n"
        "2:03:04.500 --> 2:03:06.000\nLater.\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert problems == []
    assert [(item.start_s, item.end_s) for item in track.items] == [
        (3605.0, 3607.25),
        (7384.5, 7386.0),
    ]


def test_stray_text_between_cues_is_reported_and_the_rest_of_the_transcript_stays() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n"
        "stray words\n\n"
        "00:00:03.000 --> 00:00:04.000\nTwo\n\n00:00:05.000 --> 00:00:06.000\nThree\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["One", "Two", "Three"]
    assert [str(p) for p in problems] == ["ep.vtt:6: text outside any cue; ignored"]


def test_notes_and_styles_are_not_cues_and_not_problems() -> None:
    text = (
        "WEBVTT\n\nNOTE written by hand\n\nSTYLE\n::cue { color: red }\n\n"
        "00:00:01.000 --> 00:00:02.000\nOne\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["One"]
    assert problems == []


def test_a_cue_that_ends_before_it_starts_keeps_its_start() -> None:
    text = (
        "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nBackwards\n\n00:00:09.000 --> 00:00:10.000\nB\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [(item.start_s, item.end_s) for item in track.items] == [(5.0, None), (9.0, 10.0)]
    assert [str(p) for p in problems] == ["ep.vtt:3: cue ends before it starts; end ignored"]


def _stamp(ms: int, short_hours: bool) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, frac = divmod(rem, 1000)
    hours = f"{h}" if short_hours else f"{h:02d}"
    return f"{hours}:{m:02d}:{s:02d}.{frac:03d}"


@st.composite
def cues(draw: st.DrawFn) -> list[tuple[int, int]]:
    starts = draw(st.lists(st.integers(0, 30 * 3_600_000), min_size=1, max_size=10, unique=True))
    return sorted((s, s + draw(st.integers(1, 60_000))) for s in starts)


@settings(max_examples=150, deadline=None)
@given(cues(), st.booleans(), st.booleans())
def test_every_cue_lands_at_its_hours_minutes_and_seconds(spans, short_hours, settings_) -> None:
    tail = " align:start position:10%" if settings_ else ""
    blocks = [
        f"{_stamp(start, short_hours)} --> {_stamp(end, short_hours)}{tail}\nline {i}"
        for i, (start, end) in enumerate(spans)
    ]
    track, problems = parse_vtt("WEBVTT\n\n" + "\n\n".join(blocks) + "\n", "ep.vtt")
    assert problems == []
    assert [(to_ms(item.start_s), to_ms(item.end_s)) for item in track.items] == spans


def test_the_header_may_carry_a_title_but_must_be_webvtt(tmp_path) -> None:
    import pytest

    from player.core.formats.problems import FormatError
    from player.core.formats.vtt import load_vtt

    for header in ("WEBVTT", "WEBVTT - Ghosts", "WEBVTT\tGhosts"):
        track, _ = parse_vtt(f"{header}\n\n00:01.000 --> 00:02.000\nHi\n", "ep.vtt")
        assert [item.text for item in track.items] == ["Hi"]
    track, _ = parse_vtt("WEBVTT", "ep.vtt")
    assert track.items == ()
    for bad in ("WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n", "webvtt\n"):
        with pytest.raises(FormatError, match=r"^ep\.vtt:1: not a WebVTT file"):
            parse_vtt(bad, "ep.vtt")
    path = tmp_path / "Episode 12.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", encoding="utf-8")
    track, _ = load_vtt(path)
    assert track.name == "Episode 12"
    with pytest.raises(FormatError, match=r"gone\.vtt: .*cannot be read"):
        load_vtt(tmp_path / "gone.vtt")


def test_a_cue_with_an_identifier_and_one_without_both_count() -> None:
    text = (
        "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000\nOne\n\n"
        "00:00:03.000 --> 00:00:04.000\nTwo\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [(item.start_s, item.text) for item in track.items] == [(1.0, "One"), (3.0, "Two")]
    assert problems == []


def test_an_identifier_with_no_timing_after_it_is_reported() -> None:
    text = "WEBVTT\n\n7\nno timing here\n\n00:00:03.000 --> 00:00:04.000\nTwo\n"
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["Two"]
    assert [str(p) for p in problems] == ["ep.vtt:3: text outside any cue; ignored"]


def test_a_cue_whose_timing_cannot_be_read_is_named_and_skipped() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\n"
        "cue-2\n00:00:0x.000 --> 00:00:04.000\nBroken\n\n"
        "00:00:05.000 --> 00:00:06.000\nThree\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["One", "Three"]
    assert [str(p) for p in problems] == [
        "ep.vtt:7: cue timing not understood: '00:00:0x.000 --> 00:00:04.000'; cue skipped"
    ]


def test_cue_text_is_shown_without_markup_and_with_its_speaker() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v.loud Ann &amp; Bo>Fish <b>&amp;</b>\nchips\n\n"
        "00:00:03.000 --> 00:00:04.000\nNo <i>voice</i> here\n\n"
        "00:00:05.000 --> 00:00:06.000\n<v   >Nameless\n"
    )
    track, _ = parse_vtt(text, "ep.vtt")
    assert [(item.text, item.speaker) for item in track.items] == [
        ("Fish & chips", "Ann & Bo"),
        ("No voice here", None),
        ("Nameless", None),
    ]


def test_a_cue_with_no_text_is_kept_as_a_silent_line() -> None:
    track, problems = parse_vtt(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nHi\n"
    )
    assert [(item.start_s, item.text, item.speaker) for item in track.items] == [
        (1.0, "", None),
        (3.0, "Hi", None),
    ]
    assert problems == []


_PAD = " line:0 position:10% align:start size:80%"  # cue settings make timing lines long


@pytest.mark.parametrize(
    ("timing", "why"),
    [
        (
            "00:01.000 to --> 00:02.000",
            "expected '-->' after the start time in '00:01.000 to --> 00:02.000'",
        ),
        ("00:01.000 -->", "cue timing not understood: '00:01.000 -->'"),
        ("00:01.000 -->   ", "cue timing not understood: '00:01.000 -->   '"),
        ("0:01.000 --> 00:02.000", "cue timing not understood: '0:01.000 --> 00:02.000'"),
        ("00:01.000 --> 00:02.000x", "cue timing not understood: '00:01.000 --> 00:02.000x'"),
        (
            "00:60.000 --> 01:00.000",
            "minutes and seconds must be 00 to 59: '00:60.000 --> 01:00.000'",
        ),
        (
            "00:60:00.000 --> 01:00:00.000",
            "minutes and seconds must be 00 to 59: '00:60:00.000 --> 01:00:00.000'",
        ),
        ("1000:00:00.001 --> 1000:00:02.000", "time out of range"),
        ("0001234567:00:00.000 --> 1:00:00.000", "time out of range"),
        (
            "00:01.000 to --> 00:02.000" + _PAD,
            "expected '-->' after the start time in "
            f"{('00:01.000 to --> 00:02.000' + _PAD)[:60]!r}",
        ),
        (
            "00:01.000 --> 00:02.000x" + _PAD,
            f"cue timing not understood: {('00:01.000 --> 00:02.000x' + _PAD)[:60]!r}",
        ),
        (
            "0:01.000 --> 00:02.000" + _PAD,
            f"cue timing not understood: {('0:01.000 --> 00:02.000' + _PAD)[:60]!r}",
        ),
        (
            "x0:01.000 --> 00:02.000" + _PAD,
            f"cue timing not understood: {('x0:01.000 --> 00:02.000' + _PAD)[:60]!r}",
        ),
        (
            "00:60.000 --> 01:00.000" + _PAD,
            f"minutes and seconds must be 00 to 59: {('00:60.000 --> 01:00.000' + _PAD)[:60]!r}",
        ),
    ],
)
def test_each_unreadable_timing_says_what_is_wrong_with_it(timing: str, why: str) -> None:
    """The problem names the line as it starts, at most sixty characters of it."""
    text = f"WEBVTT\n\n{timing}\nLost\n\n00:00:05.000 --> 00:00:06.000\nKept\n"
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["Kept"]
    assert [str(p) for p in problems] == [f"ep.vtt:3: {why}; cue skipped"]


def test_the_last_moment_of_a_thousand_hours_and_a_timing_without_spaces_are_read() -> None:
    text = "WEBVTT\n\n00:01.000-->00:02.000\nTight\n\n999:59:59.000 --> 1000:00:00.000\nEnd\n"
    track, problems = parse_vtt(text, "ep.vtt")
    assert problems == []
    assert [(i.start_s, i.end_s) for i in track.items] == [(1.0, 2.0), (3599999.0, 3600000.0)]


def test_a_cue_that_ends_as_it_starts_has_no_end() -> None:
    track, problems = parse_vtt("WEBVTT\n\n00:05.000 --> 00:05.000\nBlink\n", "ep.vtt")
    assert [(i.start_s, i.end_s) for i in track.items] == [(5.0, None)]
    assert [str(p) for p in problems] == ["ep.vtt:3: cue ends before it starts; end ignored"]


def test_a_header_with_metadata_and_regions_before_the_cues_are_no_problem() -> None:
    text = (
        "WEBVTT\nKind: captions\nLanguage: en\n\nREGION\nid:fred\nwidth:40%\n\n"
        "00:00:01.000 --> 00:00:02.000\nOne\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["One"]
    assert problems == []


def test_a_style_after_the_cues_began_or_a_noteless_word_is_text_outside_any_cue() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne\n\nSTYLE\n::cue { color: red }\n\n"
        "NOTEXT here\n\n00:00:03.000 --> 00:00:04.000\nTwo\n"
    )
    track, problems = parse_vtt(text, "ep.vtt")
    assert [item.text for item in track.items] == ["One", "Two"]
    assert [str(p) for p in problems] == [
        "ep.vtt:6: text outside any cue; ignored",
        "ep.vtt:9: text outside any cue; ignored",
    ]


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_a_file_with_windows_or_old_mac_line_ends_reads_like_one_with_unix_ones(end: str) -> None:
    text = (
        "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000\nOne\nline two\n\n"
        "00:03.000 --> 00:04.000\nTwo\n"
    )
    track, problems = parse_vtt(text.replace("\n", end), "ep.vtt")
    assert [(item.start_s, item.text) for item in track.items] == [
        (1.0, "One line two"),
        (3.0, "Two"),
    ]
    assert problems == []


def test_a_file_saved_with_a_second_byte_order_mark_still_opens(tmp_path) -> None:
    from player.core.formats.vtt import load_vtt

    path = tmp_path / "ep.vtt"
    path.write_bytes(b"\xef\xbb\xbf" + "\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nHi\n".encode())
    track, problems = load_vtt(path)
    assert ([item.text for item in track.items], problems) == (["Hi"], [])


def test_a_stray_zero_byte_deep_in_a_file_shows_as_a_replacement_mark(tmp_path) -> None:
    """Only the first 4 KB are checked for binary data; a NUL further on is shown, not kept."""
    from player.core.formats.vtt import load_vtt

    path = tmp_path / "ep.vtt"
    cues = "".join(
        f"{i // 60:02d}:{i % 60:02d}.000 --> 59:00.000\nline {i}\n\n" for i in range(200)
    )
    path.write_bytes(f"WEBVTT\n\n{cues}59:01.000 --> 59:02.000\nbad\x00byte\n".encode())
    track, problems = load_vtt(path)
    assert (track.items[-1].text, problems) == ("bad\ufffdbyte", [])


def test_a_file_of_only_a_word_starting_with_webvtt_is_not_webvtt() -> None:
    from player.core.formats.problems import FormatError

    with pytest.raises(FormatError, match=r"^ep\.vtt:1: not a WebVTT file"):
        parse_vtt("WEBVTTS", "ep.vtt")


def test_a_file_with_no_cue_says_whether_it_had_none_or_none_could_be_read() -> None:
    _, problems = parse_vtt("WEBVTT - Ghosts\n\n", "ep.vtt")
    assert [str(p) for p in problems] == [
        "ep.vtt:1: no cues: the file has a header and nothing after it"
    ]
    _, problems = parse_vtt("WEBVTT\n\n00:01.000 -> 00:02.000\nLost\n", "ep.vtt")
    assert [str(p) for p in problems] == [
        "ep.vtt:3: text outside any cue; ignored",
        "ep.vtt:1: no cues could be read (see the lines above)",
    ]
