"""From a brief on disk to what is needed to find its episode in a feed.

A bundled episode folder says most in its ``episode.json`` (feed, GUID, date); a brief opened
from a text file gives only its title and guest, which is still enough for the matcher to rank
a feed's episodes. The id is the one the window uses for the same brief, so audio attached from
the command line is the audio the window opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from player.appdirs import content_dir
from player.core.brief.models import BriefError
from player.core.brief.parser import load_any
from player.core.episodes import (
    discover_episodes,
    episode_folder_of,
    episode_id_for,
    open_episode,
)
from player.core.feed.match import EpisodeClue


@dataclass(frozen=True)
class BriefSource:
    episode_id: str
    title: str
    clue: EpisodeClue
    feed_url: str = ""
    brief_path: Path | None = None


def brief_source(path: str | Path | None = None) -> BriefSource:
    """The episode of ``path`` (a folder, its brief, or any brief file), or the first bundled
    episode; ``BriefError`` when there is no brief to read."""
    if path is None:
        episodes = discover_episodes(content_dir())
        if not episodes:
            raise BriefError(f"no episodes found in {content_dir()}; name a brief file")
        path = episodes[0].folder
    p = Path(path)
    folder = episode_folder_of(p)
    if folder is not None:
        episode = open_episode(folder)
        brief = load_any(episode.brief_path).brief
        meta = episode.meta
        clue = EpisodeClue(
            title=meta.title or brief.title,
            guest=meta.guest or brief.guest or "",
            published=meta.published,
            length_s=meta.length_s,
            guid=meta.guid or "",
            enclosure_url=meta.enclosure_url or "",
        )
        return BriefSource(episode.id, clue.title, clue, meta.feed_url or "", episode.brief_path)
    if p.is_dir():
        raise BriefError(f"{p}: holds no brief.txt or brief.json.")
    brief = load_any(p).brief
    clue = EpisodeClue(title=brief.title, guest=brief.guest or "")
    return BriefSource(episode_id_for(brief), brief.title, clue, "", p)
