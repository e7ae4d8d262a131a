"""Typed times, time left at a speed, skip names and the chapter list, without a window."""

from __future__ import annotations

import pytest

from player.core.brief.models import Brief, Concept
from player.core.navigation.chapters import chapter_list
from player.core.navigation.clock_text import remaining_ms, right_time_text, skip_text
from player.core.navigation.goto import parse_go_to
from player.core.timefmt import TimeFormatError
from player.core.timeline import Cue, CueKind, Timeline


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:05:10", 3910),
        ("65:10", 3910),
        ("3910", 3910),
        ("65m", 3900),
        ("1h 5m 10s", 3910),
        ("1h5m", 3900),
        ("90s", 90),
        (" 2 min ", 120),
        ("12.5", 12.5),
    ],
)
def test_go_to_reads_the_ways_people_type_a_time(text: str, seconds: float) -> None:
    assert parse_go_to(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "1:75", "5 m later", "1::2"])
def test_go_to_names_what_it_cannot_read(text: str) -> None:
    with pytest.raises(TimeFormatError, match="1:05:10"):
        parse_go_to(text)


def test_an_empty_go_to_box_asks_for_a_time() -> None:
    with pytest.raises(TimeFormatError) as e:
        parse_go_to("   ")
    assert str(e.value) == "type a time, such as 1:05:10, 65m or 3910"


def test_time_left_counts_at_the_playing_speed() -> None:
    hour = 3_600_000
    assert remaining_ms(2 * hour, hour, 1.0) == hour
    assert remaining_ms(2 * hour, hour, 2.0) == hour // 2
    assert remaining_ms(hour, 2 * hour, 1.5) == 0
    assert right_time_text(2 * hour, hour, 1.5, total=False) == "-40:00"
    assert right_time_text(2 * hour, hour, 1.5, total=True) == "2:00:00"


def test_time_left_at_a_slow_speed_is_longer_and_a_stopped_player_shows_the_audio_left() -> None:
    hour = 3_600_000
    assert right_time_text(2 * hour, hour, 0.5, total=False) == "-2:00:00"
    assert right_time_text(2 * hour, hour, 0.0, total=False) == "-1:00:00"


def test_skips_say_how_far_they_go() -> None:
    assert skip_text("Back", 15) == "Back 15 s"
    assert skip_text("Forward", 90) == "Forward 1 min 30 s"
    assert skip_text("Forward", 120) == "Forward 2 min"


def _chapters() -> Timeline:
    return Timeline(
        [
            Cue(CueKind.CHAPTER, 0, 10_000, "Intro"),
            Cue(CueKind.CHAPTER, 10_000, 50_000, "Middle"),
            Cue(CueKind.CHAPTER, 50_000, 90_000, "End"),
            Cue(CueKind.QUOTE, 12_000, 13_000, "a quote"),
        ]
    )


def test_the_current_next_and_previous_chapter() -> None:
    chapters = chapter_list(_chapters(), Brief(), 90_000)
    assert not chapters.from_brief
    assert [c.title for c in chapters.chapters] == ["Intro", "Middle", "End"]
    assert chapters.chapters[-1].end_ms == 90_000
    assert chapters.index_at(12_000) == 1
    assert chapters.next_start(12_000) == 50_000
    assert chapters.next_start(60_000) is None
    assert chapters.previous_start(30_000) == 10_000  # well into a chapter: its own start
    assert chapters.previous_start(11_000) == 0  # just after its start: the one before
    assert chapters.end_of(12_000) == 50_000


def test_the_first_chapter_is_current_from_its_start_and_next_leaves_a_chapter_start() -> None:
    """Pressing "next chapter" twice goes two chapters on: from a chapter's very start, the
    next is the one after it."""
    chapters = chapter_list(_chapters(), Brief(), 90_000)
    assert chapters.index_at(0) == chapters.index_at(5_000) == 0
    assert chapters.end_of(5_000) == 10_000
    assert chapters.next_start(0) == 10_000
    assert chapters.next_start(10_000) == 50_000


def test_before_the_first_chapter_there_is_no_chapter_to_end() -> None:
    timeline = Timeline([Cue(CueKind.CHAPTER, 30_000, 60_000, "Late start")])
    chapters = chapter_list(timeline, Brief(), 60_000)
    assert chapters.index_at(10_000) is None
    assert chapters.end_of(10_000) is None
    assert chapters.previous_start(10_000) is None
    assert chapters.next_start(10_000) == 30_000


def test_a_chapter_without_a_title_is_named_and_one_past_the_end_still_lasts() -> None:
    timeline = Timeline(
        [Cue(CueKind.CHAPTER, 0, 10_000, "  "), Cue(CueKind.CHAPTER, 95_000, 96_000, "Bonus")]
    )
    chapters = chapter_list(timeline, Brief(), 90_000)
    assert [(c.start_ms, c.end_ms, c.title) for c in chapters.chapters] == [
        (0, 95_000, "Untitled chapter"),
        (95_000, 95_001, "Bonus"),
    ]


def test_without_chapters_the_concepts_make_the_outline() -> None:
    brief = Brief(
        concepts=(
            Concept(name="Later", description="", at=(300.0, 20.0)),
            Concept(name="Unplaced", description=""),
            Concept(name="First", description="", at=(5.0,)),
        )
    )
    chapters = chapter_list(Timeline(), brief, 600_000)
    assert chapters.from_brief
    assert [(c.start_ms, c.title) for c in chapters.chapters] == [
        (5_000, "First"),
        (20_000, "Later"),
    ]
    assert chapters.index_at(1_000) is None
