"""What the transcript pane shows for a Podcasting 2.0 transcript JSON: each segment at its time
with its speaker and words, and each segment it cannot use named by its JSON path."""

from __future__ import annotations

import json

import pytest

from player.core.formats.problems import FormatError
from player.core.formats.transcript_json import parse_transcript_json


def _read(segments: object, **extra: object) -> tuple[list[tuple], list[str]]:
    text = json.dumps({"version": "1.0.0", **extra, "segments": segments})
    track, problems = parse_transcript_json(text, "ep.json", name="Episode")
    assert track.name == "Episode" and track.kind == "transcript"
    rows = [(i.start_s, i.end_s, i.speaker, i.text) for i in track.items]
    return rows, [str(p) for p in problems]


def test_segments_show_in_time_order_with_speaker_and_words_on_one_line() -> None:
    rows, problems = _read(
        [
            {"speaker": " Jane ", "startTime": "12.5", "endTime": 14, "body": " Later\n words. "},
            {"speaker": "Host", "startTime": 1, "endTime": 2.25, "body": "First."},
            {"speaker": "", "startTime": 3, "body": "No speaker."},
            {"speaker": None, "startTime": 4, "body": "Also none."},
        ]
    )
    assert rows == [
        (1.0, 2.25, "Host", "First."),
        (3.0, None, None, "No speaker."),
        (4.0, None, None, "Also none."),
        (12.5, 14.0, "Jane", "Later words."),
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("segment", "problem"),
    [
        ("just text", "ep.json:$.segments[1]: a segment must be an object, not str; skipped"),
        ([1, 2], "ep.json:$.segments[1]: a segment must be an object, not list; skipped"),
        ({"startTime": 5}, "ep.json:$.segments[1].body: segment has no text body; skipped"),
        (
            {"startTime": 5, "body": 7},
            "ep.json:$.segments[1].body: segment has no text body; skipped",
        ),
        ({"body": "No time."}, "ep.json:$.segments[1]: segment has no startTime; skipped"),
    ],
)
def test_a_segment_that_cannot_be_shown_is_skipped_by_its_path(segment, problem: str) -> None:
    good = {"startTime": 1, "body": "Kept."}
    rows, problems = _read([good, segment, {"startTime": 9, "body": "Also kept."}])
    assert [r[3] for r in rows] == ["Kept.", "Also kept."]
    assert problems == [problem]


def test_a_speaker_that_is_not_text_is_ignored_and_the_words_kept() -> None:
    rows, problems = _read([{"speaker": 42, "startTime": 1, "body": "Words."}])
    assert rows == [(1.0, None, None, "Words.")]
    assert problems == ["ep.json:$.segments[0].speaker: must be text, not int; ignored"]


def test_an_empty_body_is_an_empty_line_not_a_skipped_segment() -> None:
    rows, problems = _read([{"startTime": 1, "body": ""}])
    assert rows == [(1.0, None, None, "")]
    assert problems == []


@pytest.mark.parametrize(
    ("segments", "problem"),
    [
        ([], "ep.json:$.segments: no cues: the list is empty"),
        ([{"startTime": 1}], "ep.json:$.segments: no cues: no segment could be read (see above)"),
    ],
)
def test_a_transcript_with_nothing_to_show_says_why(segments: list, problem: str) -> None:
    rows, problems = _read(segments)
    assert rows == []
    assert problems[-1] == problem


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"chapters": []}', "ep.json: not a transcript: no 'segments' list at the top level"),
        ("[1, 2]", "ep.json: not a transcript: no 'segments' list at the top level"),
        ('{"segments": {"a": 1}}', "ep.json:$.segments: 'segments' must be a list"),
        ('{"segments": [\n  1,\n}', "ep.json:3: not valid JSON: Expecting value"),
    ],
)
def test_a_file_that_is_no_transcript_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(FormatError) as e:
        parse_transcript_json(text, "ep.json")
    assert str(e.value) == message
