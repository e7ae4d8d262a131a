"""From files on disk to an ``OpenEpisode``: a bundled episode folder or any brief file.

A brief read for the first time is kept in the brief cache only after the window has painted it
(``App`` calls ``brief.cache.write_pending``), so the first open does not wait for the write.

A brief opened on its own gets an id from its content (title and first quote), not its path, so
the listener's notes and resume position follow the brief when the file is moved or renamed.
"""

from __future__ import annotations

from pathlib import Path

from player.core.brief.cache import read_linked
from player.core.brief.cues import brief_timeline
from player.core.episodes import Episode, episode_folder_of, episode_id_for, open_episode
from player.core.titles import split_guest_title
from player.ui.open_episode import OpenEpisode


def from_episode(episode: Episode) -> OpenEpisode:
    """Raises ``BriefError`` when the brief cannot be read at all."""
    loaded = episode.load(write_later=True)
    meta = loaded.meta
    guest, title = split_guest_title(meta.title or loaded.brief.title)
    return OpenEpisode(
        id=episode.id,
        brief=loaded.brief,
        timeline=loaded.timeline,
        problems=loaded.problems,
        title=title,
        show=meta.show or "",
        guest=meta.guest or guest or loaded.brief.guest or "",
        published=meta.published.isoformat() if meta.published else "",
        length_s=meta.length_s,
        page_url=meta.page_url or "",
        feed_url=meta.feed_url or "",
        guid=meta.guid or "",
        enclosure_url=meta.enclosure_url or "",
        audio_path=episode.audio_path if episode.has_audio else None,
        audio_is_standin=meta.audio_is_standin,
        standin_note=meta.standin_note or "",
        brief_path=episode.brief_path,
        encoding=loaded.encoding,
    )


def episode_from_brief_file(path: Path) -> OpenEpisode:
    """Any brief (text or JSON); a brief inside an episode folder opens as that episode."""
    path = Path(path)
    folder = episode_folder_of(path)
    if folder is not None:
        return from_episode(open_episode(folder))
    linked = read_linked(path, path.parent / "links.json", write_later=True)
    brief = linked.brief
    guest, title = split_guest_title(brief.title)
    return OpenEpisode(
        id=episode_id_for(brief),
        brief=brief,
        timeline=brief_timeline(brief),
        problems=linked.problems,
        title=title,
        guest=guest or brief.guest or "",
        brief_path=path,
        encoding=linked.result.encoding,
    )
