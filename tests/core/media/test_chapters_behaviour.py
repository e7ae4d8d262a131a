"""Chapters embedded in the audio, as the chapter list shows them: in the file's table of
contents order, nested ones one level down, unlisted ones hidden, and each bad entry a sentence."""

from __future__ import annotations

from mutagen.id3 import CHAP, CTOC, TIT2, WXXX, CTOCFlags
from mutagen.mp4 import Chapter as Mp4Chapter

from player.core.media.chapters import (
    Chapter,
    chapters_track,
    id3_chapters,
    mp4_chapters,
    vorbis_chapters,
)

NONE = 0xFFFFFFFF


def _chap(eid: str, start: int, end: int = NONE, title: str = "", url: str = "") -> CHAP:
    subs = [TIT2(encoding=3, text=[title])] if title else []
    if url:
        subs.append(WXXX(encoding=3, desc="", url=url))
    return CHAP(element_id=eid, start_time=start, end_time=end, sub_frames=subs)


def _toc(eid: str, children: list[str], flags: int) -> CTOC:
    return CTOC(element_id=eid, flags=flags, child_element_ids=children, sub_frames=[])


def _show(chapters) -> list[tuple]:
    return [(c.start_s, c.end_s, c.title, c.url, c.level, c.hidden) for c in chapters]


def test_the_table_of_contents_decides_the_order_and_nesting() -> None:
    top = CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    frames = [
        _chap("intro", 0, 60_000, "Intro", "https://example.org/intro"),
        _chap("late", 600_000, NONE, "  Late   talk "),
        _chap("mid", 300_000, 300_000, "Middle"),
        _chap("spare", 900_000, 950_000, "Not listed"),
        _chap("early-spare", 100_000, NONE, "Also not listed"),
        _toc("top", ["late", "sub", "intro", "late"], top),
        _toc("sub", ["mid"], CTOCFlags.ORDERED),
    ]
    problems: list[str] = []
    assert _show(id3_chapters(frames, problems)) == [
        (600.0, None, "Late talk", None, 0, False),
        (300.0, None, "Middle", None, 1, False),
        (0.0, 60.0, "Intro", "https://example.org/intro", 0, False),
        (100.0, None, "Also not listed", None, 0, True),
        (900.0, 950.0, "Not listed", None, 0, True),
    ]
    assert problems == []


def test_an_unordered_table_is_read_in_time_order() -> None:
    frames = [
        _chap("b", 5_000, NONE, "B"),
        _chap("a", 1_000, NONE, "A"),
        _toc("top", ["b", "missing", "a"], CTOCFlags.TOP_LEVEL),
    ]
    problems: list[str] = []
    assert [c.title for c in id3_chapters(frames, problems)] == ["A", "B"]
    assert problems == ["chapter table 'top' lists missing entry 'missing'"]


def test_broken_tables_are_reported_and_the_chapters_still_shown() -> None:
    problems: list[str] = []
    frames = [
        _chap("a", 2_000, NONE, "A"),
        _chap("b", 1_000, NONE, "B"),
        _chap("bad", NONE, NONE, "Bad"),
        _toc("t1", ["a", "t1"], CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED),
        _toc("t2", ["b"], CTOCFlags.TOP_LEVEL),
    ]
    chapters = id3_chapters(frames, problems)
    assert [(c.title, c.hidden) for c in chapters] == [("A", False), ("B", True)]
    assert problems == [
        "more than one top-level chapter table; using the first",
        "chapter table 't1' contains itself; loop cut",
        "chapter 'bad' has no usable start time; skipped",
    ]
    problems = []
    untopped = [_chap("b", 2_000, NONE, "B"), _chap("a", 1_000), _toc("t", ["b"], 0)]
    assert [(c.title, c.hidden) for c in id3_chapters(untopped, problems)] == [
        ("", False),
        ("B", False),
    ]
    assert problems == ["chapter tables exist but none is marked top-level; using time order"]
    assert id3_chapters([_toc("t", [], CTOCFlags.TOP_LEVEL)], problems) == ()


def test_vorbis_chapters_in_time_order_with_names_and_links() -> None:
    problems: list[str] = []
    comments = [
        ("CHAPTER002", "00:10:00.5"),
        ("chapter002name", " Second   part "),
        ("CHAPTER001", "0:00:00"),
        ("CHAPTER001NAME", "Intro"),
        ("CHAPTER001URL", "https://example.org"),
        ("CHAPTER003", "1:02:03,123456"),
        ("CHAPTER004", "00:61:00.000"),
        ("CHAPTER005", "soon"),
        ("CHAPTER007NAME", "Orphan"),
        ("TITLE", "Not a chapter"),
    ]
    assert _show(vorbis_chapters(comments, problems)) == [
        (0.0, None, "Intro", "https://example.org", 0, False),
        (600.5, None, "Second part", None, 0, False),
        (3723.123, None, "", None, 0, False),
    ]
    assert problems == [
        "CHAPTER004: not a time '00:61:00.000' (expected HH:MM:SS.mmm); skipped",
        "CHAPTER005: not a time 'soon' (expected HH:MM:SS.mmm); skipped",
        "CHAPTER007NAME has no CHAPTER007 time; skipped",
    ]


def test_mp4_chapters_in_time_order() -> None:
    chapters = [Mp4Chapter(30.0, "  Later  "), Mp4Chapter(0.0, None), Mp4Chapter(-1.0, "Bad")]
    assert [(c.start_s, c.title) for c in mp4_chapters(chapters)] == [(0.0, ""), (30.0, "Later")]
    assert mp4_chapters(None) == ()


def test_embedded_chapters_become_a_chapters_track_in_time_order() -> None:
    problems: list[str] = []
    chapters = vorbis_chapters([("CHAPTER002", "00:00:09"), ("CHAPTER001", "00:00:10")], problems)
    track = chapters_track(tuple(reversed(chapters)), name="ep")
    assert track.name == "ep" and [i.start_s for i in track.items] == [9.0, 10.0]


def test_a_chapter_track_keeps_each_chapters_end_link_and_hiding() -> None:
    chapters = (
        Chapter(start_s=0.0, end_s=60.0, title="Intro", url="https://example.org/intro"),
        Chapter(start_s=60.0, title="Unlisted", hidden=True),
    )
    track = chapters_track(chapters, name="ep")
    assert [(i.start_s, i.end_s, i.text, i.url, i.hidden) for i in track.items] == [
        (0.0, 60.0, "Intro", "https://example.org/intro", False),
        (60.0, None, "Unlisted", None, True),
    ]


def test_vorbis_times_up_to_the_longest_episode_and_no_further() -> None:
    """Minutes and seconds stop at 59; hours have at most four digits; 1000 h is the limit."""
    problems: list[str] = []
    comments = [
        ("CHAPTER001", "0:59:59"),
        ("CHAPTER002", "0:60:00"),
        ("CHAPTER003", "1000:00:00"),
        ("CHAPTER004", "1000:00:01"),
        ("CHAPTER005", "10000:00:00"),
        ("CHAPTER006", "0:00:60"),
        ("chapter007", "0:00:30"),
    ]
    assert [c.start_s for c in vorbis_chapters(comments, problems)] == [30.0, 3599.0, 3_600_000.0]
    assert problems == [
        "CHAPTER002: not a time '0:60:00' (expected HH:MM:SS.mmm); skipped",
        "CHAPTER004: time out of range; skipped",
        "CHAPTER005: not a time '10000:00:00' (expected HH:MM:SS.mmm); skipped",
        "CHAPTER006: not a time '0:00:60' (expected HH:MM:SS.mmm); skipped",
    ]


def test_id3_times_up_to_the_longest_episode_and_no_further() -> None:
    limit = 3_600_000_000  # 1000 hours in ms
    frames = [
        _chap("last", limit, limit, "At the limit"),
        _chap("ends-late", 1_000, limit + 5, "Ends past it"),
        _chap("ends-at", 2_000, limit, "Ends at it"),
        _chap("past", limit + 1, NONE, "Past it"),
    ]
    problems: list[str] = []
    assert _show(id3_chapters(frames, problems)) == [
        (1.0, None, "Ends past it", None, 0, False),
        (2.0, 3_600_000.0, "Ends at it", None, 0, False),
        (3_600_000.0, None, "At the limit", None, 0, False),
    ]
    assert problems == ["chapter 'past': time out of range; skipped"]


def test_an_unordered_table_sorts_by_time_not_by_name_and_lists_a_chapter_once() -> None:
    frames = [
        _chap("a", 5_000, NONE, "Later"),
        _chap("b", 1_000, NONE, "Sooner"),
        _chap("c", 9_000, NONE, "Last"),
        _chap("bad", NONE, NONE, "Bad"),
        _toc("top", ["a", "a", "bad", "c", "b"], CTOCFlags.TOP_LEVEL),
    ]
    problems: list[str] = []
    assert [c.title for c in id3_chapters(frames, problems)] == ["Sooner", "Later", "Last"]
    assert problems == ["chapter 'bad' has no usable start time; skipped"]


def test_tables_nest_three_deep() -> None:
    frames = [
        _chap("deep", 3_000, NONE, "Deep"),
        _chap("gone-too", 1, NONE, "x"),
        _toc("top", ["mid"], CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED),
        _toc("mid", ["low"], CTOCFlags.ORDERED),
        _toc("low", ["deep", "nowhere"], CTOCFlags.ORDERED),
    ]
    problems: list[str] = []
    assert [(c.title, c.level, c.hidden) for c in id3_chapters(frames, problems)] == [
        ("Deep", 2, False),
        ("x", 0, True),
    ]
    assert problems == ["chapter table 'low' lists missing entry 'nowhere'"]


def test_an_mp4_chapter_at_the_limit_is_kept() -> None:
    chapters = [Mp4Chapter(3_600_000.0, "End"), Mp4Chapter(3_600_001.0, "Past")]
    assert [c.title for c in mp4_chapters(chapters)] == ["End"]
