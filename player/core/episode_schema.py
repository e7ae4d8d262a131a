"""``episode.json`` checked by pydantic, for a file the quick reader in ``episodes`` does not
take as it is (a wrong type, a date in another form): the fields kept and the messages for the
rest are pydantic's, as they always were. Imported only then, so a well-formed folder opens
without loading pydantic.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict


class EpisodeMetaModel(BaseModel):
    """The fields of ``episodes.EpisodeMeta``, with the same defaults."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    title: str | None = None
    show: str | None = None
    host: str | None = None
    guest: str | None = None
    published: date | None = None
    length_s: float | None = None
    page_url: str | None = None
    feed_url: str | None = None
    guid: str | None = None
    enclosure_url: str | None = None
    audio: str | None = None
    audio_is_standin: bool = False
    standin_note: str | None = None
