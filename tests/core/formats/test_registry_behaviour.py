"""A JSON file opened as chapters or as a transcript, whatever it is called: the listener sees
chapter titles for a chapters file and spoken lines for a transcript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.formats.track import TrackKind

SEGMENTS = [{"startTime": 1, "endTime": 2, "body": "Spoken words."}]
CHAPTERS = [{"startTime": 0, "title": "Intro"}, {"startTime": 60, "title": "Agents"}]


def _opened(tmp_path: Path, text: str) -> tuple[TrackKind, list[str]]:
    path = tmp_path / "download"
    path.write_text(text, encoding="utf-8")
    track, _ = load_track(path)
    return track.kind, [item.text for item in track.items]


@pytest.mark.parametrize(
    ("doc", "kind"),
    [
        ({"segments": SEGMENTS}, TrackKind.TRANSCRIPT),
        ({"segments": SEGMENTS, "chapters": CHAPTERS}, TrackKind.TRANSCRIPT),
        ({"chapters": CHAPTERS, "segments": SEGMENTS}, TrackKind.CHAPTERS),
        ({"chapters": CHAPTERS}, TrackKind.CHAPTERS),
    ],
)
def test_the_key_that_comes_first_decides(tmp_path: Path, doc: dict, kind: TrackKind) -> None:
    assert _opened(tmp_path, json.dumps(doc))[0] is kind


def test_a_key_right_at_the_start_of_the_file_counts(tmp_path: Path) -> None:
    # No whitespace before the key: it sits at the first position the head is searched from.
    assert _opened(tmp_path, '{"segments":' + json.dumps(SEGMENTS) + "}") == (
        TrackKind.TRANSCRIPT,
        ["Spoken words."],
    )


def test_keys_far_into_a_long_file_are_found_by_reading_it_whole(tmp_path: Path) -> None:
    padding = "x" * (70 * 1024)
    transcript = json.dumps({"note": padding, "segments": SEGMENTS})
    assert _opened(tmp_path, transcript) == (TrackKind.TRANSCRIPT, ["Spoken words."])
    chapters = json.dumps({"note": padding, "chapters": CHAPTERS})
    assert _opened(tmp_path, chapters) == (TrackKind.CHAPTERS, ["Intro", "Agents"])
    # A bare list of chapters (some apps write only that)
    bare = json.dumps([{"note": padding, "startTime": 0, "title": "Intro"}])
    assert _opened(tmp_path, bare) == (TrackKind.CHAPTERS, ["Intro"])


def test_json_that_is_neither_says_so(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(json.dumps({"title": "x" * (70 * 1024)}), encoding="utf-8")
    with pytest.raises(FormatError) as e:
        load_track(path)
    assert str(e.value) == (
        f"{path}: JSON, but neither 'chapters' nor 'segments' is at its top level"
    )


def test_a_long_file_with_a_byte_order_mark_opens(tmp_path: Path) -> None:
    path = tmp_path / "download"
    doc = json.dumps({"note": "x" * (70 * 1024), "segments": SEGMENTS})
    path.write_bytes(b"\xef\xbb\xbf" + doc.encode())
    track, _ = load_track(path)
    assert [item.text for item in track.items] == ["Spoken words."]


def test_a_long_file_in_windows_1252_past_its_start_opens_with_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "download"
    segment = b'{"startTime": 1, "endTime": 2, "body": "Caf\xe9 \x93talk\x94"}'
    path.write_bytes(b'{"note": "' + b"x" * (70 * 1024) + b'", "segments": [' + segment + b"]}")
    track, problems = load_track(path)
    assert (track.encoding, [i.text for i in track.items], problems) == (
        "Windows-1252",
        ["Café “talk”"],
        [],
    )


def test_a_key_repeated_deeper_in_the_file_does_not_change_the_decision(tmp_path: Path) -> None:
    transcript = {"segments": SEGMENTS, "chapters": CHAPTERS, "x": {"segments": 1}}
    assert _opened(tmp_path, json.dumps(transcript))[0] is TrackKind.TRANSCRIPT
    (tmp_path / "download").unlink()
    chapters = {"chapters": CHAPTERS, "segments": SEGMENTS, "x": {"chapters": 1}}
    assert _opened(tmp_path, json.dumps(chapters))[0] is TrackKind.CHAPTERS


def test_json_after_blank_lines_is_still_json(tmp_path: Path) -> None:
    assert _opened(tmp_path, "\n\n  " + json.dumps({"chapters": CHAPTERS}))[0] is TrackKind.CHAPTERS


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ep.vtt", "not a WebVTT file: it must start with 'WEBVTT'"),
        ("EP.VTT", "not a WebVTT file: it must start with 'WEBVTT'"),
        ("ep.srt", "no SRT cues"),
        ("EP.SRT", "no SRT cues"),
        (
            "ep.txt",
            "not a chapters or transcript file (expected WebVTT, SRT, chapters JSON or "
            "transcript JSON)",
        ),
    ],
)
def test_the_file_name_says_which_reader_explains_what_is_wrong(
    tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text("Dear listener,\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        load_track(path)
    assert message in str(e.value)


def test_a_missing_file_or_a_broken_long_json_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as e:
        load_track(tmp_path / "gone.json")
    assert str(e.value) == f"{tmp_path / 'gone.json'}: cannot be read: No such file or directory"
    path = tmp_path / "long.json"
    path.write_text('{"note": "' + "x" * (70 * 1024) + '", ]', encoding="utf-8")
    with pytest.raises(FormatError) as e:
        load_track(path)
    assert str(e.value).startswith(f"{path}:")


@pytest.mark.parametrize(
    "text",
    [
        "WEBVTT\n\n00:01.000 --> 00:02.000\nSpoken words.\n",
        "1\n00:00:01,000 --> 00:00:02,000\nSpoken words.\n",
    ],
)
def test_a_transcript_saved_with_a_second_byte_order_mark_opens_whatever_its_name(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "download"
    path.write_bytes(b"\xef\xbb\xbf" + ("\ufeff" + text).encode())
    assert load_track(path)[0].items[0].text == "Spoken words."
