"""An episode folder as the library shows it: its details, what is wrong with its files named
by file and line, and the pins of its links.json applied to what lights up."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.brief.cache import write_pending
from player.core.brief.models import Brief, BriefError, Quote
from player.core.episodes import (
    EpisodeMeta,
    episode_id_for,
    meta_schema,
    open_episode,
    read_meta,
)

BRIEF = (
    'Guest - Ep\n\nKey Concepts\n- Ghosts: not animals\n\nQuotes\n- At 0:05 - "Hi."\n'
    '- At 1:00 - "Bye."\n'
)


def _folder(tmp_path: Path, **files: str | bytes) -> Path:
    folder = tmp_path / "ep-1"
    folder.mkdir(parents=True)
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
    from pydantic import ValidationError

    schema = meta_schema()
    path = tmp_path / "episode.json"
    path.write_text(json.dumps(fields), encoding="utf-8")
    meta, problems = read_meta(path)
    kept = dict(fields)
    try:
        expected = schema.model_validate(fields)
    except ValidationError as e:
        assert problems
        for err in e.errors():
            kept.pop(err["loc"][0], None)
        expected = schema.model_validate(kept)
    else:
        assert problems == ()
    assert meta == EpisodeMeta(**dict(expected))


@pytest.mark.parametrize(
    "fields",
    [
        {"audio_is_standin": "no"},
        {"audio_is_standin": "yes", "title": "Ep"},
        {"length_s": None, "title": "Ep"},
        {"published": "20251017"},
        {"published": "2025-10-17T00:00"},
        {"title": 5},
        {"guid": 12345, "show": "S"},
        {"length_s": 2**60},
        {"length_s": 10**400},
        {"length_s": True},
    ],
)
def test_an_odd_episode_json_reads_as_its_schema_says(tmp_path: Path, fields: dict) -> None:
    """A file a person typed: "no" is not a stand-in, a number is no title, and a date must
    be a day; the quick reader must not take what the schema would refuse or turn around."""
    test_episode_json_reads_as_its_schema_says(tmp_path, fields)


_JSON_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),  # JSON has none (see below for its text)
    st.text(max_size=12),
    st.dates().map(date.isoformat),
    st.sampled_from(["20251017", "2025-02-30", "yes", "no", "1", "0", "12.5", "NaN", "-inf"]),
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(EpisodeMeta.fields), _JSON_VALUE))
def test_any_episode_json_reads_as_its_schema_says(fields: dict) -> None:
    with TemporaryDirectory() as folder:
        test_episode_json_reads_as_its_schema_says(Path(folder), fields)


def test_a_brief_in_a_windows_encoding_says_which_it_was_read_as(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, brief_txt='Café talk\n\nQuotes\n- At 0:01 - "Déjà vu."\n'.encode("cp1252")
    )
    loaded = open_episode(folder).load()
    assert loaded.brief.title == "Café talk"
    assert loaded.encoding == "Windows-1252"


def test_a_loaded_brief_is_cached_for_the_next_start_unless_the_write_is_put_off(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The command line caches a brief as it reads it; the window puts the write off until its
    first frame is up, and then writes it."""
    cached = isolated_home / ".cache" / "brief-player" / "briefs"
    open_episode(_folder(tmp_path / "a")).load()
    assert len(list(cached.glob("*.pickle"))) == 1
    open_episode(_folder(tmp_path / "b")).load(write_later=True)
    assert len(list(cached.glob("*.pickle"))) == 1
    write_pending()
    assert len(list(cached.glob("*.pickle"))) == 2


def test_an_opened_briefs_id_is_the_same_in_every_version() -> None:
    """Notes, the resume place and downloaded audio are stored under the id of a brief opened
    on its own: an id computed differently would lose them all at the next update."""
    title = "Andrej Karpathy — “We’re summoning ghosts, not building animals”"
    quotes = (Quote(at=5.0, text="Hi."), Quote(at=9.0, text="Bye."))
    assert episode_id_for(Brief(title=title, quotes=quotes)) == (
        "andrej-karpathy-we-re-summoning-ghosts-n-a82b0e7440"
    )
    assert (
        episode_id_for(Brief(title=title)) == "andrej-karpathy-we-re-summoning-ghosts-n-6c6d8cb0f7"
    )
    assert episode_id_for(Brief(title="Ωμέγα")) == "brief-bdb7f4d82a"
    assert episode_id_for(Brief(title="Malcolm X", quotes=quotes)).startswith("malcolm-x-")
    assert episode_id_for(Brief(title="“Ghosts” — K.", quotes=quotes)).startswith("ghosts-k-")


def test_two_briefs_with_one_title_keep_their_notes_apart() -> None:
    one = Brief(title="Weekly", quotes=(Quote(at=1.0, text="Monday news."),))
    other = Brief(title="Weekly", quotes=(Quote(at=1.0, text="Tuesday news."),))
    assert episode_id_for(one) != episode_id_for(other)
    assert episode_id_for(one).startswith("weekly-")


@pytest.mark.parametrize("length", ['"NaN"', '"nan"', '"inf"', '"-Infinity"', "1e400"])
def test_an_episode_whose_length_is_not_a_number_opens_and_says_so(
    tmp_path: Path, length: str
) -> None:
    """A length of NaN or infinity (pydantic reads them from text) would have stopped the
    episode from opening at all."""
    folder = _folder(tmp_path, episode_json=f'{{"title": "Ep", "length_s": {length}}}')
    episode = open_episode(folder)
    assert episode.meta.length_s is None and episode.meta.title == "Ep"
    assert [p.message.split(":")[0] for p in episode.meta_problems] == ["length_s"]
    assert list(episode.load().timeline)  # the brief's quotes are all there, with an open end


def test_json_that_writes_nan_bare_is_not_json_and_the_episode_still_opens(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path, episode_json='{"title": "Ep", "length_s": NaN}')
    episode = open_episode(folder)
    assert episode.meta.length_s is None
    assert "not valid JSON" in episode.meta_problems[0].message
    assert list(episode.load().timeline)
