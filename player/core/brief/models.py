"""The brief as immutable pydantic records.

Immutable because one parsed brief is shared by the timeline, search, the window and exports;
nobody should be able to change it under the others. Times are seconds (floats), as the brief's
JSON contract says; the timeline turns them into integer milliseconds for Qt.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from player.core.timefmt import checked

# A time in seconds inside the one range every reader accepts (see ``timefmt.MAX_SECONDS``).
Seconds = Annotated[float, AfterValidator(checked)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BriefError(Exception):
    """A file that cannot be read as a brief at all (not one bad line: see ``Problem``)."""


class Problem(_Frozen):
    """One line that could not be read; the rest of the file still loads."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class Quote(_Frozen):
    at: Seconds = Field(description="seconds from the start of the episode")
    text: str = Field(description="the spoken words, without the bracketed stage note")
    note: str | None = Field(default=None, description="bracketed stage note, e.g. 'On LLMs'")
    context: str | None = Field(default=None, description="what the brief says after the quote")
    line: int | None = Field(default=None, exclude=True, description="source line, not exported")


class Concept(_Frozen):
    name: str
    description: str
    at: tuple[Seconds, ...] = Field(default=(), description="times of the quotes that speak of it")
    line: int | None = Field(default=None, exclude=True)


class Takeaway(_Frozen):
    text: str
    at: tuple[Seconds, ...] = Field(default=(), description="times of the quotes that speak of it")
    line: int | None = Field(default=None, exclude=True)


class Link(_Frozen):
    """A concept or takeaway tied to a quote, with how sure the linker is (0..1).

    ``pinned`` links come from the episode's content folder and beat the automatic ones.
    """

    kind: Literal["concept", "takeaway"]
    index: int = Field(ge=0, description="position in Brief.concepts or Brief.takeaways")
    quote: int = Field(ge=0, description="position in Brief.quotes (time order)")
    score: float = Field(ge=0)
    pinned: bool = False


class Source(_Frozen):
    path: str | None = None
    format: Literal["audio-brief-text", "json"] = "audio-brief-text"


class Brief(_Frozen):
    title: str = ""
    guest: str | None = None
    summary: tuple[str, ...] = ()
    overview: tuple[str, ...] = ()
    concepts: tuple[Concept, ...] = ()
    quotes: tuple[Quote, ...] = Field(default=(), description="in time order")
    takeaways: tuple[Takeaway, ...] = ()
    links: tuple[Link, ...] = ()
    source: Source | None = None


class ParseResult(_Frozen):
    brief: Brief
    problems: tuple[Problem, ...] = ()
    encoding: str = Field(default="UTF-8", description="text encoding assumed when read")
