"""The brief as immutable records.

Immutable because one parsed brief is shared by the timeline, search, the window and exports;
nobody should be able to change it under the others. Times are seconds (floats), as the brief's
JSON contract says; the timeline turns them into integer milliseconds for Qt.

Plain slotted dataclasses, not pydantic models: the window builds them before its first frame,
and importing pydantic and building its model classes cost more than the whole brief. Untrusted
JSON is validated at the boundary by the pydantic twins in ``schema`` (which also give the JSON
Schema); here each record checks only what the readers could get wrong (a time out of range, a
negative index), with the same errors as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from player.core.timefmt import checked

_NOT_EXPORTED = {"exclude": True}


class BriefError(Exception):
    """A file that cannot be read as a brief at all (not one bad line: see ``Problem``)."""


class _Record:
    """What the readers and writers use of pydantic's model API, on a frozen dataclass."""

    __slots__ = ()

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as the class and its values (the brief cache holds 50,000 quotes): the
        dataclass way looks the fields up again for every record it loads."""
        return _restore, (type(self), tuple(getattr(self, n) for n in self.__slots__))

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        return replace(self, **(update or {}))  # type: ignore[type-var]

    def model_dump(self) -> dict[str, Any]:
        """What the JSON form holds: fields in order, nested records as dicts, tuples as lists;
        fields marked not exported (source lines) are left out."""
        return {
            f.name: _dumped(getattr(self, f.name))
            for f in fields(self)  # type: ignore[arg-type]
            if not f.metadata.get("exclude")
        }


def _restore(cls: type[_Record], values: tuple[object, ...]) -> _Record:
    """A record from the cache, as it was checked when it was first made."""
    record = object.__new__(cls)
    for name, value in zip(cls.__slots__, values, strict=True):
        object.__setattr__(record, name, value)
    return record


def _dumped(value: object) -> object:
    if isinstance(value, _Record):
        return value.model_dump()
    if isinstance(value, tuple):
        return [_dumped(v) for v in value]
    return value


def _set(record: object, name: str, value: object) -> None:
    object.__setattr__(record, name, value)


def _times(values: tuple[float, ...] | list[float]) -> tuple[float, ...]:
    return tuple(checked(v) for v in values)


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem(_Record):
    """One line that could not be read; the rest of the file still loads."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(_Record):
    at: float  # seconds from the start of the episode
    text: str  # the spoken words, without the bracketed stage note
    note: str | None = None  # bracketed stage note, e.g. 'On LLMs'
    context: str | None = None  # what the brief says after the quote
    line: int | None = field(default=None, metadata=_NOT_EXPORTED)  # source line

    def __post_init__(self) -> None:
        _set(self, "at", checked(self.at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Concept(_Record):
    name: str
    description: str
    at: tuple[float, ...] = ()  # times of the quotes that speak of it
    line: int | None = field(default=None, metadata=_NOT_EXPORTED)

    def __post_init__(self) -> None:
        _set(self, "at", _times(self.at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Takeaway(_Record):
    text: str
    at: tuple[float, ...] = ()  # times of the quotes that speak of it
    line: int | None = field(default=None, metadata=_NOT_EXPORTED)

    def __post_init__(self) -> None:
        _set(self, "at", _times(self.at))


@dataclass(frozen=True, slots=True, kw_only=True)
class Link(_Record):
    """A concept or takeaway tied to a quote, with how sure the linker is (0..1).

    ``pinned`` links come from the episode's content folder and beat the automatic ones.
    ``index`` is the position in ``Brief.concepts`` or ``Brief.takeaways``, ``quote`` the
    position in ``Brief.quotes`` (time order).
    """

    kind: Literal["concept", "takeaway"]
    index: int
    quote: int
    score: float
    pinned: bool = False

    def __post_init__(self) -> None:
        if self.kind not in ("concept", "takeaway"):
            raise ValueError(f"link kind must be 'concept' or 'takeaway', not {self.kind!r}")
        if self.index < 0 or self.quote < 0 or not self.score >= 0:
            raise ValueError("a link's index, quote and score must not be negative")


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(_Record):
    path: str | None = None
    format: Literal["audio-brief-text", "json"] = "audio-brief-text"


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief(_Record):
    title: str = ""
    guest: str | None = None
    summary: tuple[str, ...] = ()
    overview: tuple[str, ...] = ()
    concepts: tuple[Concept, ...] = ()
    quotes: tuple[Quote, ...] = ()  # in time order
    takeaways: tuple[Takeaway, ...] = ()
    links: tuple[Link, ...] = ()
    source: Source | None = None

    def __post_init__(self) -> None:
        for name in ("summary", "overview", "concepts", "quotes", "takeaways", "links"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                _set(self, name, tuple(value))


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseResult(_Record):
    brief: Brief
    problems: tuple[Problem, ...] = ()
    encoding: str = "UTF-8"  # text encoding assumed when read

    def __post_init__(self) -> None:
        if not isinstance(self.problems, tuple):
            _set(self, "problems", tuple(self.problems))
