"""Random and damaged files: each importer either reads what it can or raises ``FormatError``."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.core.formats.chapters_json import parse_chapters_json
from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.formats.subrip import parse_srt
from player.core.formats.transcript_json import parse_transcript_json
from player.core.formats.vtt import parse_vtt

DATA = Path(__file__).resolve().parents[2] / "data"
PARSERS = (parse_vtt, parse_srt, parse_chapters_json, parse_transcript_json)
SAMPLES = {
    parse_vtt: (DATA / "sample.vtt").read_text(encoding="utf-8"),
    parse_srt: (DATA / "sample.srt").read_text(encoding="utf-8"),
    parse_chapters_json: (DATA / "chapters.json").read_text(encoding="utf-8"),
    parse_transcript_json: (DATA / "transcript.json").read_text(encoding="utf-8"),
}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_format_errors(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        track, problems = parse(text, "fuzz")
    except FormatError:
        return
    for item in track.items:
        assert item.start_s >= 0
        assert item.end_s is None or item.end_s > item.start_s
    for problem in problems:
        assert str(problem).startswith("fuzz:")


@FUZZ
@given(st.sampled_from(PARSERS), st.text(max_size=400))
def test_random_text(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    _only_format_errors(parse, text)


@FUZZ
@given(st.sampled_from(PARSERS), st.data())
def test_mutated_samples(parse, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    text = SAMPLES[parse]
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 8))
        insert = data.draw(st.text(alphabet='0123456789:.,->{}[]"\n <v&', max_size=6))
        text = text[:at] + insert + text[at + cut :]
    _only_format_errors(parse, text)


@FUZZ
@given(st.binary(max_size=300), st.sampled_from([".vtt", ".srt", ".json", ".txt", ""]))
def test_registry_on_random_bytes(tmp_path_factory, raw: bytes, ext: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("fuzz") / f"file{ext}"
    path.write_bytes(raw)
    with contextlib.suppress(FormatError):
        load_track(path)


_cue_text = st.text(alphabet="abcdefghij &<>", min_size=1, max_size=12).filter(str.strip)


def _ts(ms: int, sep: str) -> str:
    return (
        f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"
    )


@FUZZ
@given(st.lists(_cue_text, min_size=2, max_size=20), st.data())
def test_one_broken_vtt_cue_costs_only_that_cue(texts: list[str], data: st.DataObject) -> None:
    bad = data.draw(st.integers(0, len(texts) - 1))
    blocks = ["WEBVTT", ""]
    for i, _text in enumerate(texts):
        timing = f"{_ts(i * 1000, '.')} --> {_ts(i * 1000 + 900, '.')}"
        if i == bad:
            timing = timing.replace(":", "x", 1)
        blocks += [timing, f"cue{i}", ""]
    track, problems = parse_vtt("\n".join(blocks), "f.vtt")
    assert [item.text for item in track.items] == [f"cue{i}" for i in range(len(texts)) if i != bad]
    assert [p.where for p in problems] == [str(3 + 3 * bad)]


@FUZZ
@given(st.lists(_cue_text, min_size=2, max_size=20), st.data())
def test_one_broken_srt_cue_costs_only_that_cue(texts: list[str], data: st.DataObject) -> None:
    bad = data.draw(st.integers(0, len(texts) - 1))
    blocks = []
    for i, _text in enumerate(texts):
        timing = f"{_ts(i * 1000, ',')} --> {_ts(i * 1000 + 900, ',')}"
        if i == bad:
            timing = timing.replace("-->", "=>")
        blocks += [str(i + 1), timing, f"cue{i}", ""]
    track, problems = parse_srt("\n".join(blocks), "f.srt")
    assert [item.text for item in track.items] == [f"cue{i}" for i in range(len(texts)) if i != bad]
    assert [p.where for p in problems] == [str(2 + 4 * bad)]


_junk = st.one_of(
    st.none(), st.booleans(), st.text(max_size=5), st.floats(), st.lists(st.integers(), max_size=2)
)


@FUZZ
@given(st.integers(2, 15), st.data())
def test_one_broken_json_item_costs_only_that_item(n: int, data: st.DataObject) -> None:
    bad = data.draw(st.integers(0, n - 1))
    junk = data.draw(_junk.filter(lambda v: not _reads_as_time(v)))
    chapters = [{"startTime": i * 10, "title": f"c{i}"} for i in range(n)]
    chapters[bad]["startTime"] = junk
    segments = [{"startTime": i * 10, "body": f"c{i}"} for i in range(n)]
    segments[bad]["startTime"] = junk
    want = [f"c{i}" for i in range(n) if i != bad]
    track, problems = parse_chapters_json(json.dumps({"chapters": chapters}), "c.json")
    assert [item.text for item in track.items] == want
    assert [p.where for p in problems] == [f"$.chapters[{bad}].startTime"]
    track, problems = parse_transcript_json(json.dumps({"segments": segments}), "t.json")
    assert [item.text for item in track.items] == want
    assert [p.where for p in problems] == [f"$.segments[{bad}].startTime"]


def _reads_as_time(value: object) -> bool:
    from player.core.formats.chapters_json import seconds

    try:
        seconds(value)
    except ValueError:
        return False
    return True
