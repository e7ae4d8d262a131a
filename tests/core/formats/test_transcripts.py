from __future__ import annotations

from pathlib import Path

import pytest

from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.formats.subrip import parse_srt
from player.core.formats.track import TrackKind
from player.core.formats.transcript_json import parse_transcript_json
from player.core.formats.vtt import parse_vtt

DATA = Path(__file__).resolve().parents[2] / "data"


def test_vtt_keeps_good_cues_and_reports_the_broken_one_by_line() -> None:
    track, problems = load_track(DATA / "sample.vtt")
    assert track.kind is TrackKind.TRANSCRIPT
    assert [item.start_s for item in track.items] == [0.0, 2.5, 7.0, 60.0]
    assert [str(p) for p in problems] == [
        f"{DATA / 'sample.vtt'}:14: cue timing not understood: "
        "'00:00:05.000 --> 00:0x:07.000'; cue skipped"
    ]


def test_vtt_voice_tags_become_speakers_and_entities_are_decoded() -> None:
    track, _ = load_track(DATA / "sample.vtt")
    first, second, third, fourth = track.items
    assert first.speaker == "Dwarkesh Patel"
    assert second.text == "It's the decade of agents & not the year."
    assert third.speaker == "Andrej Karpathy"  # <v.loud Name> still names the speaker
    assert third.text == "We're building ghosts, not animals."
    assert fourth.speaker is None
    assert fourth.text == "A cue without an identifier <still> counts."


def test_vtt_without_header_is_not_vtt() -> None:
    with pytest.raises(FormatError, match="must start with 'WEBVTT'"):
        parse_vtt("00:00.000 --> 00:01.000\nhello\n", "x.vtt")


def test_vtt_cue_missing_its_blank_line_costs_only_itself() -> None:
    text = (
        "WEBVTT\n\n00:00.000 --> 00:01.000\none\n00:01.000 --> 00:02.000\ntwo\n\n"
        "00:02.000 --> 00:01.000\nbackwards\n"
    )
    track, problems = parse_vtt(text, "x.vtt")
    assert [item.text for item in track.items] == ["one", "two", "backwards"]
    assert track.items[2].end_s is None
    assert [p.where for p in problems] == ["8"]


def test_srt_recovers_after_a_bad_block() -> None:
    track, problems = load_track(DATA / "sample.srt")
    assert [item.text for item in track.items] == [
        "Today I'm speaking with Andrej Karpathy.",
        "It's the decade of agents.",
        "We're building ghosts, not animals.",
    ]
    assert len(problems) == 1
    assert problems[0].where == "10"
    assert "00:00:05,000 -> 00:00:07,000" in problems[0].message


def test_clean_srt_reads_in_one_go() -> None:
    track, problems = parse_srt("1\n00:00:01,000 --> 00:00:02,000\n<b>Hi</b> &amp; bye\n")
    assert problems == []
    assert track.items[0].text == "Hi & bye"
    assert (track.items[0].start_s, track.items[0].end_s) == (1.0, 2.0)


def test_srt_that_is_not_srt_at_all() -> None:
    with pytest.raises(FormatError, match="no SRT cues"):
        parse_srt("just some words\n", "x.srt")


def test_transcript_json_speakers_and_json_paths() -> None:
    track, problems = load_track(DATA / "transcript.json")
    assert [(i.speaker, i.start_s, i.end_s) for i in track.items] == [
        ("Dwarkesh Patel", 0.0, 2.5),
        ("Andrej Karpathy", 2.5, 5.0),
        ("Andrej Karpathy", 7.0, 9.25),
    ]
    assert [p.where for p in problems] == ["$.segments[2].startTime"]
    assert str(problems[0]).startswith(f"{DATA / 'transcript.json'}:$.segments[2].startTime: ")


def test_transcript_json_that_is_not_json() -> None:
    with pytest.raises(FormatError, match=r"x.json:1: not valid JSON"):
        parse_transcript_json("{segments: 1", "x.json")


def test_transcript_json_rejects_nan_times() -> None:
    track, problems = parse_transcript_json(
        '{"segments": [{"startTime": NaN, "body": "x"}]}', "x.json"
    )
    assert track.items == ()
    assert [p.where for p in problems] == ["$.segments[0].startTime", "$.segments"]
    assert problems[-1].message == "no cues: no segment could be read (see above)"


def test_registry_sniffs_files_with_a_misleading_extension(tmp_path: Path) -> None:
    for src in ("sample.vtt", "sample.srt", "transcript.json", "chapters.json"):
        dst = tmp_path / (src.replace(".", "_") + ".txt")
        dst.write_bytes((DATA / src).read_bytes())
        track, _ = load_track(dst)
        assert track.items, src
    assert load_track(tmp_path / "chapters_json.txt")[0].kind is TrackKind.CHAPTERS


def test_registry_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    song = tmp_path / "song.mp3"
    song.write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb")
    with pytest.raises(FormatError, match="binary data, not a text file"):
        load_track(song)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear listener,\n")
    with pytest.raises(FormatError, match="not a chapters or transcript file"):
        load_track(letter)
    with pytest.raises(FormatError, match="cannot be read"):
        load_track(tmp_path / "missing.json")


def test_vtt_short_timestamps_and_settings_read_like_canonical_ones() -> None:
    """Hours may be one digit or omitted; minutes, seconds and fractions have fixed widths, as
    browsers read them (a cue a browser drops is reported here)."""
    text = (
        "WEBVTT\n\n"
        "00:01:02.500 --> 00:01:03.000 align:start line:0\ncanonical\n\n"
        "1:2:4.5 --> 1:2:5.25\nshort fields\n\n"
        "1:02:04.500 --> 1:02:05.250\none-digit hours\n\n"
        "01:02.000 --> 01:02.400\nno hours\n"
    )
    track, problems = parse_vtt(text, "x.vtt")
    assert [str(p) for p in problems] == [
        "x.vtt:6: cue timing not understood: '1:2:4.5 --> 1:2:5.25'; cue skipped"
    ]
    assert [(i.text, i.start_s, i.end_s) for i in track.items] == [
        ("no hours", 62.0, 62.4),
        ("canonical", 62.5, 63.0),
        ("one-digit hours", 3724.5, 3725.25),
    ]


def test_a_segment_shorter_than_a_millisecond_still_lights_up_at_its_moment() -> None:
    from player.core.formats.track import track_cues
    from player.core.timeline import Timeline

    doc = '{"segments": [{"startTime": 1.0, "endTime": 1.0004, "body": "Blink."}]}'
    track, problems = parse_transcript_json(doc, "t.json")
    assert problems == []
    assert [c.text for c in Timeline(track_cues(track)).active_at(1000)] == ["Blink."]
