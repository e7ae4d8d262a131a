"""Episodes as folders: what the app can play, found by looking at ``content/``.

An episode is a folder holding its brief (``brief.txt`` or ``brief.json``), its ``episode.json``
and, optionally, ``links.json`` and the audio. The folder's name is the episode's id, so notes
and resume positions stay attached to an episode however its title is later edited.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, get_type_hints

from player.core.brief.cache import read_linked
from player.core.brief.cues import brief_timeline
from player.core.brief.models import Brief, BriefError, Problem
from player.core.digest import sha1
from player.core.jsonpos import JsonSyntaxError, line_for, loads_with_lines, path_text
from player.core.record import Record, init
from player.core.timeline import FOREVER_MS, Timeline

if TYPE_CHECKING:
    from pydantic import BaseModel

BRIEF_NAMES = ("brief.txt", "brief.json")


class EpisodeMeta(Record):
    """What ``episode.json`` says; all optional, so a folder with only a brief still works.

    A plain record read by ``_plain_meta``; pydantic (``meta_schema``) only checks a file that
    is not plainly right, to name what is wrong with it.
    """

    __slots__ = (
        "title",
        "show",
        "host",
        "guest",
        "published",
        "length_s",
        "page_url",
        "feed_url",
        "guid",
        "enclosure_url",
        "audio",
        "audio_is_standin",
        "standin_note",
    )
    title: str | None
    show: str | None
    host: str | None
    guest: str | None
    published: date | None
    length_s: float | None
    page_url: str | None
    # Where the publisher offers the real recording: the show's feed, and the episode's GUID
    # and enclosure in it (either identifies the episode; a title match is the fallback).
    feed_url: str | None
    guid: str | None
    enclosure_url: str | None
    audio: str | None
    audio_is_standin: bool
    standin_note: str | None

    def __init__(
        self,
        *,
        title: str | None = None,
        show: str | None = None,
        host: str | None = None,
        guest: str | None = None,
        published: date | None = None,
        length_s: float | None = None,
        page_url: str | None = None,
        feed_url: str | None = None,
        guid: str | None = None,
        enclosure_url: str | None = None,
        audio: str | None = None,
        audio_is_standin: bool = False,
        standin_note: str | None = None,
    ) -> None:
        init(self, "title", title)
        init(self, "show", show)
        init(self, "host", host)
        init(self, "guest", guest)
        init(self, "published", published)
        init(self, "length_s", length_s)
        init(self, "page_url", page_url)
        init(self, "feed_url", feed_url)
        init(self, "guid", guid)
        init(self, "enclosure_url", enclosure_url)
        init(self, "audio", audio)
        init(self, "audio_is_standin", audio_is_standin)
        init(self, "standin_note", standin_note)


_NO_META = EpisodeMeta()  # immutable, so every episode without an episode.json can share it


class LoadedEpisode(Record):
    __slots__ = ("episode", "brief", "problems", "meta", "timeline", "encoding")
    episode: Episode
    brief: Brief
    problems: tuple[Problem, ...]
    meta: EpisodeMeta
    timeline: Timeline
    encoding: str  # the brief's, as read

    def __init__(
        self,
        episode: Episode,
        brief: Brief,
        problems: tuple[Problem, ...],
        meta: EpisodeMeta,
        timeline: Timeline,
        encoding: str = "UTF-8",
    ) -> None:
        init(self, "episode", episode)
        init(self, "brief", brief)
        init(self, "problems", problems)
        init(self, "meta", meta)
        init(self, "timeline", timeline)
        init(self, "encoding", encoding)


class Episode(Record):
    __slots__ = ("id", "folder", "brief_path", "meta", "meta_problems")
    id: str
    folder: Path
    brief_path: Path
    meta: EpisodeMeta
    meta_problems: tuple[Problem, ...]

    def __init__(
        self,
        id: str,
        folder: Path,
        brief_path: Path,
        meta: EpisodeMeta = _NO_META,
        meta_problems: tuple[Problem, ...] = (),
    ) -> None:
        init(self, "id", id)
        init(self, "folder", folder)
        init(self, "brief_path", brief_path)
        init(self, "meta", meta)
        init(self, "meta_problems", meta_problems)

    @property
    def links_path(self) -> Path:
        return self.folder / "links.json"

    @property
    def audio_path(self) -> Path | None:
        """Where the audio should be; it may not exist yet (check ``has_audio``)."""
        return self.folder / self.meta.audio if self.meta.audio else None

    @property
    def has_audio(self) -> bool:
        path = self.audio_path
        return path is not None and path.is_file()

    @property
    def title(self) -> str:
        return self.meta.title or self.id

    def load(self, *, write_later: bool = False) -> LoadedEpisode:
        """The brief with links applied, and everything worth telling the user about it.

        Raises ``BriefError`` only when the brief cannot be read at all. ``write_later``: see
        ``brief.cache.read_linked``.
        """
        linked = read_linked(self.brief_path, self.links_path, write_later=write_later)
        end_ms = round(self.meta.length_s * 1000) if self.meta.length_s else FOREVER_MS
        problems = (*self.meta_problems, *linked.problems)
        timeline = brief_timeline(linked.brief, end_ms)
        return LoadedEpisode(
            self, linked.brief, problems, self.meta, timeline, linked.result.encoding
        )


def find_brief(folder: Path) -> Path | None:
    for name in BRIEF_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def episode_folder_of(path: Path) -> Path | None:
    """The episode folder ``path`` opens as: a folder holding a brief, or the folder of a
    ``brief.txt``/``brief.json`` beside an ``episode.json``. None for a brief on its own, even
    one kept in an episode's folder under another name: it is a brief of its own."""
    if path.is_dir() or (path.name in BRIEF_NAMES and (path.parent / "episode.json").is_file()):
        folder = path if path.is_dir() else path.parent
        if find_brief(folder):
            return folder
    return None


def read_meta(path: Path) -> tuple[EpisodeMeta, tuple[Problem, ...]]:
    """``episode.json``, with bad fields reported and left at their defaults."""
    file = str(path)
    if not path.is_file():
        return EpisodeMeta(), ()
    try:
        raw, lines = loads_with_lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        return EpisodeMeta(), (Problem(file=file, line=1, message=f"cannot be read: {e}"),)
    except JsonSyntaxError as e:
        return EpisodeMeta(), (Problem(file=file, line=e.line, message=f"not valid JSON: {e}"),)
    if not isinstance(raw, dict):
        return EpisodeMeta(), (Problem(file=file, line=1, message="expected a JSON object"),)
    plain = _plain_meta(raw)
    if plain is not None:
        return plain, ()
    # pydantic names what is wrong, as it always did; imported only for such a file.
    from pydantic import ValidationError

    schema = meta_schema()
    try:
        return _meta(schema.model_validate(raw)), ()
    except ValidationError as e:
        problems = []
        bad = set()
        for err in e.errors():
            loc = tuple(err["loc"])
            bad.add(loc[0])
            message = f"{path_text(loc)}: {err['msg']}"
            problems.append(Problem(file=file, line=line_for(lines, loc), message=message))
        kept = {k: v for k, v in raw.items() if k not in bad}
        return _meta(schema.model_validate(kept)), tuple(problems)


@cache
def meta_schema() -> type[BaseModel]:
    """``EpisodeMeta`` as a pydantic model, field for field (types and defaults): what an
    ``episode.json`` that is not plainly right is checked against. Made on first use, so a
    plainly right file never imports pydantic."""
    from pydantic import FiniteFloat, create_model

    hints = get_type_hints(EpisodeMeta)
    # A length of NaN or infinity (which JSON readers and pydantic take) would end the seek
    # bar nowhere: it is refused, and the episode opens without a length.
    hints["length_s"] = FiniteFloat | None
    return create_model(  # type: ignore[call-overload, no-any-return]
        "EpisodeMeta",
        **{name: (hints[name], getattr(_NO_META, name)) for name in EpisodeMeta.fields},
    )


def _meta(checked: BaseModel) -> EpisodeMeta:
    return EpisodeMeta(**{name: getattr(checked, name) for name in EpisodeMeta.fields})


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plain_meta(raw: dict[str, object]) -> EpisodeMeta | None:
    """The meta when every known field already has its type (a date as ``YYYY-MM-DD``), as a
    file the app wrote or a person copied from another folder does; None for anything else."""
    values: dict[str, object] = {}
    for name in EpisodeMeta.fields:
        if name not in raw:
            continue
        value = raw[name]
        if name == "audio_is_standin":
            if not isinstance(value, bool):
                return None
        elif name == "length_s":
            if value is not None and (
                type(value) not in (int, float) or abs(value) > 2**53 or not math.isfinite(value)
            ):
                return None  # JSON's NaN and Infinity are no length: the schema says so
            value = None if value is None else float(value)  # type: ignore[arg-type]
        elif name == "published":
            if value is not None:
                if not (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
                    return None
                try:
                    value = date.fromisoformat(value)
                except ValueError:
                    return None
        elif value is not None and not isinstance(value, str):
            return None
        values[name] = value
    return EpisodeMeta(**values)  # type: ignore[arg-type]


def open_episode(folder: str | Path) -> Episode:
    """The episode in ``folder``; ``BriefError`` when it holds no brief."""
    path = Path(folder)
    brief = find_brief(path)
    if brief is None:
        raise BriefError(f"{path}: holds no brief.txt or brief.json.")
    meta, problems = read_meta(path / "episode.json")
    return Episode(path.name, path, brief, meta, problems)


def discover_episodes(content_dir: str | Path) -> list[Episode]:
    """Every folder under ``content_dir`` that holds a brief, sorted by id."""
    root = Path(content_dir)
    if not root.is_dir():
        return []
    found = [open_episode(p) for p in sorted(root.iterdir()) if p.is_dir() and find_brief(p)]
    return sorted(found, key=lambda e: e.id)


def episode_id_for(brief: Brief) -> str:
    """The id of a brief opened on its own: from its content (title and first quote), not its
    path, so notes, resume state and downloaded audio follow the brief when the file moves."""
    first = brief.quotes[0].text if brief.quotes else ""
    digest = sha1(f"{brief.title}\n{first}".encode()).hexdigest()[:10]
    slug = re.sub(r"[^a-z0-9]+", "-", brief.title.lower()).strip("-")[:40] or "brief"
    return f"{slug}-{digest}"
