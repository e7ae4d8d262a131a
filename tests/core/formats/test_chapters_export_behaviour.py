"""The brief as a chapters file another podcast app reads: the exact document, titles cut to a
readable length at a word, and a file that cannot be read named with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.brief.models import Brief, Concept, Quote
from player.core.formats.chapters_json import (
    brief_to_chapters,
    dump_chapters,
    load_chapters_json,
    shorten,
)
from player.core.formats.problems import FormatError


def test_the_chapters_document_as_written() -> None:
    brief = Brief(
        title="Ghosts — «not» animals",
        quotes=(Quote(at=60, text="Same time as the concept."), Quote(at=12.3456, text="Early.")),
        concepts=(Concept(name="Ghosts", description="d", at=(60, 90)),),
    )
    notes = [(60.0, 60.0, "mine, a point"), (61.5, 70.0, "a clip"), (5.0, None, "first")]
    assert dump_chapters(brief_to_chapters(brief, notes)) == (
        "{\n"
        '  "version": "1.2.0",\n'
        '  "title": "Ghosts — «not» animals",\n'
        '  "chapters": [\n'
        "    {\n"
        '      "startTime": 5,\n'
        '      "title": "first",\n'
        '      "toc": false\n'
        "    },\n"
        "    {\n"
        '      "startTime": 12.346,\n'
        '      "title": "Early."\n'
        "    },\n"
        "    {\n"
        '      "startTime": 60,\n'
        '      "title": "Same time as the concept."\n'
        "    },\n"
        "    {\n"
        '      "startTime": 60,\n'
        '      "title": "Ghosts",\n'
        '      "toc": false\n'
        "    },\n"
        "    {\n"
        '      "startTime": 60,\n'
        '      "title": "mine, a point",\n'
        '      "toc": false\n'
        "    },\n"
        "    {\n"
        '      "startTime": 61.5,\n'
        '      "title": "a clip",\n'
        '      "toc": false,\n'
        '      "endTime": 70\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("exactly ten", 11, "exactly ten"),
        ("one two three four", 10, "one two…"),
        ("one two, three four", 10, "one two…"),
        ("wordwordwordword", 10, "wordwordw…"),
        ("  spaced \n out  ", 100, "spaced out"),
        ("a " * 60, 100, ("a " * 49).strip() + "…"),
        ("abc def ghi jkl", 12, "abc def…"),
        ("Launch day at SpaceX today", 24, "Launch day at SpaceX…"),
    ],
)
def test_a_long_title_is_cut_at_a_word(text: str, limit: int, shown: str) -> None:
    assert shorten(text, limit) == shown
    assert len(shorten(text, limit)) <= limit


def test_a_chapter_title_is_at_most_a_hundred_characters() -> None:
    assert shorten("x" * 101) == "x" * 99 + "…"
    assert shorten("x" * 100) == "x" * 100


def test_a_chapters_file_is_named_after_its_file_and_unreadable_ones_say_why(
    tmp_path: Path,
) -> None:
    path = tmp_path / "Episode 12.json"
    path.write_bytes(b'\xef\xbb\xbf{"chapters": [{"startTime": 0, "title": "Intro"}]}')
    track, problems = load_chapters_json(path)
    assert (track.name, [i.text for i in track.items], problems) == ("Episode 12", ["Intro"], [])
    path.write_bytes(b'{"chapters": [{"startTime": 0, "title": "Caf\xe9 \x93talk\x94"}]}')
    track, problems = load_chapters_json(path)
    assert (track.encoding, [i.text for i in track.items]) == ("Windows-1252", ["Café “talk”"])
    with pytest.raises(FormatError) as e:
        load_chapters_json(tmp_path / "gone.json")
    assert str(e.value) == f"{tmp_path / 'gone.json'}: cannot be read: No such file or directory"


def test_quotes_and_notes_at_the_same_second_are_all_chapters_in_the_briefs_order() -> None:
    from player.core.brief.models import Brief, Concept, Quote
    from player.core.formats.chapters_json import brief_to_chapters

    brief = Brief(
        quotes=(Quote(at=5, text="First."), Quote(at=5, text="Second.")),
        concepts=(Concept(name="Ghosts", description="", at=(5,)),),
    )
    doc = brief_to_chapters(brief, notes=[(5.0, None, "mine"), (5.0, None, "again")])
    assert [c["title"] for c in doc["chapters"]] == ["First.", "Second.", "Ghosts", "mine", "again"]
