"""An episode folder as the library shows it: its details, what is wrong with its files named
by file and line, and the pins of its links.json applied to what lights up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.core.brief.models import BriefError
from player.core.episodes import EpisodeMeta, open_episode, read_meta

BRIEF = (
    'Guest - Ep\n\nKey Concepts\n- Ghosts: not animals\n\nQuotes\n- At 0:05 - "Hi."\n'
    '- At 1:00 - "Bye."\n'
)


def _folder(tmp_path: Path, **files: str | bytes) -> Path:
    folder = tmp_path / "ep-1"
    folder.mkdir()
    for name, data in {"brief.txt": BRIEF, **files}.items():
        path = folder / name.replace("_", ".")
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"\xff\xfe", 1, "cannot be read: 'utf-8' codec can't decode byte 0xff"),
        ('{\n  "title": "x",\n  oops\n}', 3, "not valid JSON: "),
        ("[1, 2]", 1, "expected a JSON object"),
        (
            '{\n  "title": "Ep",\n  "length_s": "long"\n}',
            3,
            "length_s: Input should be a valid number",
        ),
    ],
)
def test_a_bad_episode_json_is_named_by_file_and_line(
    tmp_path: Path, data: str | bytes, line: int, message: str
) -> None:
    path = tmp_path / "episode.json"
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    _, problems = read_meta(path)
    [problem] = problems
    assert (problem.file, problem.line) == (str(path), line)
    assert problem.message.startswith(message)


def test_a_bad_field_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "episode.json"
    path.write_text('\ufeff{"title": "Ep", "length_s": "long"}', encoding="utf-8")
    meta, _ = read_meta(path)
    assert meta.title == "Ep" and meta.length_s is None


def test_a_folder_without_a_brief_says_so(tmp_path: Path) -> None:
    with pytest.raises(BriefError) as e:
        open_episode(tmp_path)
    assert str(e.value) == f"{tmp_path}: holds no brief.txt or brief.json."


def test_an_episode_loads_with_its_details_pins_and_problems(tmp_path: Path) -> None:
    pins = {"pin": [{"concept": "Ghosts", "at": "1:00"}]}
    folder = _folder(
        tmp_path,
        episode_json=json.dumps({"title": "Ghosts", "length_s": 90, "colour": 1}),
        links_json=json.dumps(pins),
    )
    loaded = open_episode(folder).load()
    assert loaded.episode.id == "ep-1" and loaded.meta.title == "Ghosts"
    assert [(link.kind, link.index, link.quote, link.pinned) for link in loaded.brief.links] == [
        ("concept", 0, 1, True)
    ]
    assert loaded.timeline.cues[-1].end_ms == 90_000  # the last quote lasts to the episode's end
    lit = [c.text for c in loaded.timeline.active_at(61_000)]
    assert lit == ["Bye.", "Ghosts"]


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Ep", "published": "2025-10-17", "length_s": 8760, "audio_is_standin": True},
        {"title": None, "guid": "g-1", "length_s": 12.5, "unknown": [1, 2]},
        {"published": "20251017", "length_s": "12"},  # read as pydantic reads them
        {"published": "2025-02-30"},
        {"length_s": 10**400, "audio_is_standin": "yes"},
    ],
)
def test_episode_json_reads_as_its_schema_says(tmp_path: Path, fields: dict) -> None:
    """The quick reader and pydantic agree on every file, plainly right or not."""
    from dataclasses import asdict

    from pydantic import TypeAdapter, ValidationError

    schema = TypeAdapter(EpisodeMeta)
    path = tmp_path / "episode.json"
    path.write_text(json.dumps(fields), encoding="utf-8")
    meta, problems = read_meta(path)
    kept = dict(fields)
    try:
        expected = schema.validate_python(fields)
    except ValidationError as e:
        assert problems
        for err in e.errors():
            kept.pop(err["loc"][0], None)
        expected = schema.validate_python(kept)
    else:
        assert problems == ()
    assert asdict(meta) == asdict(expected)
