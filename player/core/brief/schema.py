"""The brief's JSON contract as pydantic models: what ``brief-player import`` writes, what a
JSON brief is checked against item by item, and what ``brief-player schema`` prints.

They mirror the records in ``models`` field for field (names, defaults, descriptions), so the
schema and the validation messages are the ones the JSON form always had; ``to_record`` turns a
validated brief into the plain records the rest of the app uses. Only the JSON reader and the
schema command import this module, so a text brief never loads pydantic.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from player.core.brief import models
from player.core.timefmt import checked

# A time in seconds inside the one range every reader accepts (see ``timefmt.MAX_SECONDS``).
Seconds = Annotated[float, AfterValidator(checked)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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


def to_record(brief: Brief) -> models.Brief:
    """The validated brief as the plain records of ``models``, without a source: the reader
    sets that to the file it read, whatever the JSON says."""
    return models.Brief(
        title=brief.title,
        guest=brief.guest,
        summary=brief.summary,
        overview=brief.overview,
        concepts=tuple(models.Concept(**dict(c)) for c in brief.concepts),
        quotes=tuple(models.Quote(**dict(q)) for q in brief.quotes),
        takeaways=tuple(models.Takeaway(**dict(t)) for t in brief.takeaways),
        links=tuple(models.Link(**dict(lk)) for lk in brief.links),
    )
