from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.core.brief.models import Brief, Concept, Quote
from player.core.formats.chapters_json import (
    brief_to_chapters,
    dump_chapters,
    load_chapters_json,
    parse_chapters_json,
)
from player.core.formats.problems import FormatError
from player.core.formats.track import Track, TrackItem, TrackKind, track_cues
from player.core.timeline import CueKind, Timeline

DATA = Path(__file__).resolve().parents[2] / "data"


def test_lenient_chapters_read_in_time_order() -> None:
    track, problems = load_chapters_json(DATA / "chapters.json")
    assert track.name == "Ghosts, not animals"
    assert [(c.start_s, c.text) for c in track.items] == [
        (0.0, "Intro"),
        (300.0, "Sponsor"),
        (754.5, "Agents"),
        (3723.0, "Late in the show"),
    ]
    sponsor, agents, late = track.items[1:]
    assert sponsor.hidden
    assert agents.end_s == 900.0
    assert (late.url, late.img) == ("https://example.org/late", "late.png")
    assert [str(p) for p in problems] == [
        f"{DATA / 'chapters.json'}:$.chapters[3].startTime: time out of range; chapter skipped",
        f"{DATA / 'chapters.json'}:$.chapters[5]: chapter has no startTime; skipped",
    ]


def test_bad_fields_are_dropped_but_the_chapter_kept() -> None:
    text = json.dumps(
        {
            "version": "1.2.0",
            "chapters": [{"startTime": 5, "title": 7, "endTime": 2, "toc": "no", "img": None}],
        }
    )
    track, problems = parse_chapters_json(text, "c.json")
    assert track.items == (TrackItem(start_s=5.0),)
    assert [p.where for p in problems] == [
        "$.chapters[0].endTime",
        "$.chapters[0].title",
        "$.chapters[0].toc",
    ]


def test_bare_list_of_chapters_from_older_tools() -> None:
    track, problems = parse_chapters_json('[{"startTime": "12.5", "title": "A"}]')
    assert track.items[0].start_s == 12.5
    assert problems == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON"),
        ('{"version": "1.2.0"}', "no 'chapters' list"),
        ('{"chapters": {"0": 1}}', "must be a list"),
    ],
)
def test_not_a_chapters_file(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        parse_chapters_json(text, "c.json")


def test_chapters_without_ends_run_to_the_next_start_on_the_timeline() -> None:
    track = Track(
        kind=TrackKind.CHAPTERS,
        items=(
            TrackItem(start_s=0, text="Intro"),
            TrackItem(start_s=60, text="Ads", end_s=75),
            TrackItem(start_s=120, text="Talk"),
        ),
    )
    cues = track_cues(track, end_ms=300_000)
    assert [(c.kind, c.start_ms, c.end_ms, c.ref) for c in cues] == [
        (CueKind.CHAPTER, 0, 60_000, 0),
        (CueKind.CHAPTER, 60_000, 75_000, 1),
        (CueKind.CHAPTER, 120_000, 300_000, 2),
    ]
    timeline = Timeline(cues)
    assert [c.text for c in timeline.active_at(100_000)] == []
    assert [c.text for c in timeline.active_at(130_000)] == ["Talk"]


def test_transcript_items_become_transcript_cues() -> None:
    track = Track(kind=TrackKind.TRANSCRIPT, items=(TrackItem(start_s=1.5, end_s=2.0, text="hi"),))
    assert [(c.kind, c.start_ms, c.end_ms) for c in track_cues(track)] == [
        (CueKind.TRANSCRIPT, 1500, 2000)
    ]


def _brief() -> Brief:
    return Brief(
        title="Ghosts, not animals",
        guest="Andrej Karpathy",
        quotes=(
            Quote(at=30, text="It's the decade of agents.", note="On agents"),
            Quote(at=754.5, text="We're building ghosts, not animals."),
        ),
        concepts=(
            Concept(name="Ghosts", description="Models as imitations of people.", at=(754.5, 900)),
            Concept(name="Unplaced", description="No quote speaks of it."),
        ),
    )


def test_brief_exports_as_chapters_that_read_back() -> None:
    doc = brief_to_chapters(_brief(), notes=[(40.0, 50.0, "Look this up"), (800.0, None, "Nice")])
    assert doc["version"] == "1.2.0"
    assert [c["startTime"] for c in doc["chapters"]] == [30, 40, 754.5, 754.5, 800]
    assert doc["chapters"][0] == {"startTime": 30, "title": "On agents: It's the decade of agents."}
    assert doc["chapters"][1] == {
        "startTime": 40,
        "title": "Look this up",
        "toc": False,
        "endTime": 50,
    }
    assert doc["chapters"][3] == {"startTime": 754.5, "title": "Ghosts", "toc": False}
    track, problems = parse_chapters_json(dump_chapters(doc))
    assert problems == []
    assert [c.text for c in track.items if not c.hidden] == [
        "On agents: It's the decade of agents.",
        "We're building ghosts, not animals.",
    ]
    assert track.name == "Ghosts, not animals"


def test_long_quotes_make_short_chapter_titles() -> None:
    brief = Brief(quotes=(Quote(at=0, text="word " * 100),))
    title = brief_to_chapters(brief)["chapters"][0]["title"]
    assert len(title) <= 100
    assert title.endswith("…")
