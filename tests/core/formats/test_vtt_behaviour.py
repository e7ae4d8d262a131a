"""Where the transcript of a long episode puts each line: past the first hour too, and after
a stray line of text in the file."""

from __future__ import annotations

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
