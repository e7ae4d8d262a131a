"""What the chapter list shows for a chapters JSON: each chapter it could read, and for each it
could not, a line naming its JSON path and why."""

from __future__ import annotations

import json

import pytest

from player.core.formats.chapters_json import parse_chapters_json
from player.core.formats.problems import FormatError


def _read(doc: object) -> tuple[list[tuple], list[str]]:
    track, problems = parse_chapters_json(json.dumps(doc), "ep.json", name="Episode")
    rows = [(i.start_s, i.end_s, i.text, i.hidden) for i in track.items]
    return rows, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        ({"chapters": []}, "ep.json:$.chapters: no chapters: the list is empty"),
        ([], "ep.json:$: no chapters: the list is empty"),
        (
            {"chapters": [{"title": "x"}]},
            "ep.json:$.chapters: no chapters: no chapter could be read (see above)",
        ),
        ([{"title": "x"}], "ep.json:$: no chapters: no chapter could be read (see above)"),
    ],
)
def test_a_chapter_list_with_nothing_to_show_says_why(doc: object, problem: str) -> None:
    rows, problems = _read(doc)
    assert rows == [] and problems[-1] == problem


@pytest.mark.parametrize(
    ("chapter", "row", "problem"),
    [
        ("Intro", None, "ep.json:$.chapters[1]: a chapter must be an object, not str; skipped"),
        (
            {"startTime": 5, "endTime": "soon", "title": "B"},
            (5.0, None, "B", False),
            "ep.json:$.chapters[1].endTime: not a time: 'soon' "
            "(expected M:SS, MM:SS, MMM:SS or H:MM:SS); ignored",
        ),
        (
            {"startTime": 5, "endTime": 4, "title": "B"},
            (5.0, None, "B", False),
            "ep.json:$.chapters[1].endTime: ends before it starts; ignored",
        ),
        (
            {"startTime": 5, "endTime": 5, "title": "B"},
            (5.0, None, "B", False),
            "ep.json:$.chapters[1].endTime: ends before it starts; ignored",
        ),
        (
            {"startTime": 5, "title": 12},
            (5.0, None, "", False),
            "ep.json:$.chapters[1].title: must be text, not int; ignored",
        ),
        (
            {"startTime": 5, "toc": "no", "title": "B"},
            (5.0, None, "B", False),
            "ep.json:$.chapters[1].toc: must be true or false; read as true",
        ),
        ({"startTime": 5, "toc": False, "title": "B"}, (5.0, None, "B", True), None),
    ],
)
def test_each_chapter_field_that_cannot_be_used_is_named(chapter, row, problem) -> None:
    rows, problems = _read({"chapters": [{"startTime": 0, "title": "A"}, chapter]})
    assert rows == [(0.0, None, "A", False)] + ([row] if row else [])
    if problem is None:
        assert problems == []
    else:
        assert problems == [problem]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"chapters": [\n  {"startTime": 0,}\n]}', "ep.json:2: not valid JSON: Expecting"),
        ("[" * 100_000, "ep.json: not valid JSON: maximum recursion depth"),
        ('{"chapters": [{"startTime": ' + "9" * 5000 + "}]}", "ep.json: not valid JSON: Exceeds"),
    ],
)
def test_a_file_that_is_not_json_names_the_file_and_why(text: str, problem: str) -> None:
    with pytest.raises(FormatError) as e:
        parse_chapters_json(text, "ep.json")
    assert str(e.value).startswith(problem)
