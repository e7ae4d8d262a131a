"""The brief as immutable records.

Immutable because one parsed brief is shared by the timeline, search, the window and exports;
nobody should be able to change it under the others. Times are seconds (floats), as the brief's
JSON contract says; the timeline turns them into integer milliseconds for Qt.

Plain ``Record``s (``player.core.record``), not pydantic models nor dataclasses: the window
builds them before its first frame, importing pydantic and building its model classes cost
more than the whole brief, and a frozen dataclass compiles its methods while the module is
imported. Untrusted JSON is validated at the boundary by the pydantic twins in ``schema``
(which also give the JSON Schema); here each record's ``__init__`` checks only what the readers
could get wrong (a time out of range, a negative index), with the same errors as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Literal, Self

from player.core.record import Record, init
from player.core.timefmt import checked


class BriefError(Exception):
    """A file that cannot be read as a brief at all (not one bad line: see ``Problem``)."""


class _Record(Record):
    """What the readers and writers use of pydantic's model API, on a record."""

    __slots__ = ()
    not_exported: ClassVar[tuple[str, ...]] = ()  # fields the JSON form leaves out

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        return self.replace(**(update or {}))

    def model_dump(self) -> dict[str, Any]:
        """What the JSON form holds: fields in order, nested records as dicts, tuples as lists;
        fields marked not exported (source lines) are left out."""
        return {
            name: _dumped(value)
            for name, value in zip(self.fields, self.values(), strict=True)
            if name not in self.not_exported
        }


def _dumped(value: object) -> object:
    if isinstance(value, _Record):
        return value.model_dump()
    if isinstance(value, tuple):
        return [_dumped(v) for v in value]
    return value


def _times(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(checked(v) for v in values)


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple kept as it is; a list (or any iterable) copied, so changing it later changes
    nothing here."""
    return values if isinstance(values, tuple) else tuple(values)


class Problem(_Record):
    """One line that could not be read; the rest of the file still loads."""

    __slots__ = ("file", "line", "message")
    file: str
    line: int
    message: str

    def __init__(self, *, file: str, line: int, message: str) -> None:
        init(self, "file", file)
        init(self, "line", line)
        init(self, "message", message)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class Quote(_Record):
    __slots__ = ("at", "text", "note", "context", "line")
    not_exported = ("line",)
    at: float  # seconds from the start of the episode
    text: str  # the spoken words, without the bracketed stage note
    note: str | None  # bracketed stage note, e.g. 'On LLMs'
    context: str | None  # what the brief says after the quote
    line: int | None  # source line

    def __init__(
        self,
        *,
        at: float,
        text: str,
        note: str | None = None,
        context: str | None = None,
        line: int | None = None,
    ) -> None:
        init(self, "at", checked(at))
        init(self, "text", text)
        init(self, "note", note)
        init(self, "context", context)
        init(self, "line", line)


class Concept(_Record):
    __slots__ = ("name", "description", "at", "line")
    not_exported = ("line",)
    name: str
    description: str
    at: tuple[float, ...]  # times of the quotes that speak of it
    line: int | None

    def __init__(
        self, *, name: str, description: str, at: Iterable[float] = (), line: int | None = None
    ) -> None:
        init(self, "name", name)
        init(self, "description", description)
        init(self, "at", _times(at))
        init(self, "line", line)


class Takeaway(_Record):
    __slots__ = ("text", "at", "line")
    not_exported = ("line",)
    text: str
    at: tuple[float, ...]  # times of the quotes that speak of it
    line: int | None

    def __init__(self, *, text: str, at: Iterable[float] = (), line: int | None = None) -> None:
        init(self, "text", text)
        init(self, "at", _times(at))
        init(self, "line", line)


class Link(_Record):
    """A concept or takeaway tied to a quote, with how sure the linker is (0..1).

    ``pinned`` links come from the episode's content folder and beat the automatic ones.
    ``index`` is the position in ``Brief.concepts`` or ``Brief.takeaways``, ``quote`` the
    position in ``Brief.quotes`` (time order).
    """

    __slots__ = ("kind", "index", "quote", "score", "pinned")
    kind: Literal["concept", "takeaway"]
    index: int
    quote: int
    score: float
    pinned: bool

    def __init__(
        self,
        *,
        kind: Literal["concept", "takeaway"],
        index: int,
        quote: int,
        score: float,
        pinned: bool = False,
    ) -> None:
        if kind not in ("concept", "takeaway"):
            raise ValueError(f"link kind must be 'concept' or 'takeaway', not {kind!r}")
        if index < 0 or quote < 0 or not score >= 0:
            raise ValueError("a link's index, quote and score must not be negative")
        init(self, "kind", kind)
        init(self, "index", index)
        init(self, "quote", quote)
        init(self, "score", score)
        init(self, "pinned", pinned)


class Source(_Record):
    __slots__ = ("path", "format")
    path: str | None
    format: Literal["audio-brief-text", "json"]

    def __init__(
        self,
        *,
        path: str | None = None,
        format: Literal["audio-brief-text", "json"] = "audio-brief-text",
    ) -> None:
        init(self, "path", path)
        init(self, "format", format)


class Brief(_Record):
    __slots__ = (
        "title",
        "guest",
        "summary",
        "overview",
        "concepts",
        "quotes",
        "takeaways",
        "links",
        "source",
    )
    title: str
    guest: str | None
    summary: tuple[str, ...]
    overview: tuple[str, ...]
    concepts: tuple[Concept, ...]
    quotes: tuple[Quote, ...]  # in time order
    takeaways: tuple[Takeaway, ...]
    links: tuple[Link, ...]
    source: Source | None

    def __init__(
        self,
        *,
        title: str = "",
        guest: str | None = None,
        summary: Iterable[str] = (),
        overview: Iterable[str] = (),
        concepts: Iterable[Concept] = (),
        quotes: Iterable[Quote] = (),
        takeaways: Iterable[Takeaway] = (),
        links: Iterable[Link] = (),
        source: Source | None = None,
    ) -> None:
        init(self, "title", title)
        init(self, "guest", guest)
        init(self, "summary", _tuple(summary))
        init(self, "overview", _tuple(overview))
        init(self, "concepts", _tuple(concepts))
        init(self, "quotes", _tuple(quotes))
        init(self, "takeaways", _tuple(takeaways))
        init(self, "links", _tuple(links))
        init(self, "source", source)


class ParseResult(_Record):
    __slots__ = ("brief", "problems", "encoding")
    brief: Brief
    problems: tuple[Problem, ...]
    encoding: str  # text encoding assumed when read

    def __init__(
        self, *, brief: Brief, problems: Iterable[Problem] = (), encoding: str = "UTF-8"
    ) -> None:
        init(self, "brief", brief)
        init(self, "problems", _tuple(problems))
        init(self, "encoding", encoding)
