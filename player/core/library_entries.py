"""One list of everything the listener can open: bundled episodes and the briefs they opened.

A bundled episode is also recorded as "recently opened" once played, so the two sources overlap;
they are merged by episode id, because that id is what notes and resume positions hang on. The
list is built from the database and the disk each time it is shown, never cached, so a brief
moved away since the last look is shown as missing rather than failing when it is opened.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from player.core.episodes import Episode
from player.core.storage.database import StorageError
from player.core.storage.library import LibraryEntry
from player.core.storage.notes import NoteStore
from player.core.storage.playstate import PlayStateStore
from player.core.titles import split_guest_title

COVER_NAMES = ("cover.jpg", "cover.jpeg", "cover.png", "cover.webp", "cover.gif", "cover.bmp")


@dataclass(frozen=True)
class LibraryItem:
    """One row of the library as the listener sees it."""

    episode_id: str
    title: str
    show: str = ""
    length_s: float | None = None
    position_ms: int = 0
    notes: int = 0
    brief_path: Path | None = None
    bundled: bool = False
    missing: bool = False
    cover_path: Path | None = None
    last_opened: str | None = None
    audio_path: Path | None = None  # the audio it plays, whose embedded cover art is shown

    @property
    def removable(self) -> bool:
        """Bundled episodes come back on every start, so only opened briefs can be forgotten."""
        return not self.bundled

    @property
    def progress(self) -> float | None:
        """How far through (0..1), or None when the length is not known."""
        if not self.length_s or self.length_s <= 0:
            return None
        return max(0.0, min(1.0, self.position_ms / (self.length_s * 1000)))


def find_cover(folder: Path | None) -> Path | None:
    """An image named ``cover.*`` beside the brief, checked by name only (no image decoding)."""
    if folder is None:
        return None
    for name in COVER_NAMES:
        path = folder / name
        if path.is_file():
            return path
    return None


def library_items(
    episodes: Sequence[Episode],
    recent: Iterable[LibraryEntry],
    playstate: PlayStateStore | None = None,
    notes: NoteStore | None = None,
) -> list[LibraryItem]:
    """Opened items first (most recent first), then bundled episodes never opened, by title.

    ``playstate`` and ``notes`` are optional so a library can be listed even when the database
    is unreadable; a store that fails leaves progress and counts at zero instead of raising.
    """
    bundled = {e.id: e for e in episodes}
    items: list[LibraryItem] = []
    seen: set[str] = set()
    for entry in recent:
        if entry.episode_id in seen:
            continue
        seen.add(entry.episode_id)
        episode = bundled.get(entry.episode_id)
        if episode is not None:
            items.append(_from_episode(episode, entry.last_opened))
        else:
            items.append(_from_entry(entry))
    rest = sorted((e for e in episodes if e.id not in seen), key=lambda e: e.title.casefold())
    items.extend(_from_episode(e, None) for e in rest)
    return [_with_state(item, playstate, notes) for item in items]


def _from_episode(episode: Episode, last_opened: str | None) -> LibraryItem:
    meta = episode.meta
    return LibraryItem(
        episode_id=episode.id,
        title=split_guest_title(episode.title)[1],
        show=meta.show or "",
        length_s=meta.length_s,
        brief_path=episode.brief_path,
        bundled=True,
        missing=not episode.brief_path.is_file(),
        cover_path=find_cover(episode.folder),
        last_opened=last_opened,
        audio_path=episode.audio_path if episode.has_audio else None,
    )


def _from_entry(entry: LibraryEntry) -> LibraryItem:
    path = Path(entry.brief_path) if entry.brief_path else None
    cover = Path(entry.cover_path) if entry.cover_path else None
    if cover is not None and not cover.is_file():
        cover = None
    return LibraryItem(
        episode_id=entry.episode_id,
        title=split_guest_title(entry.title)[1] or (path.stem if path else entry.episode_id),
        show=entry.show or "",
        length_s=entry.length_s,
        brief_path=path,
        missing=path is None or not path.exists(),
        cover_path=cover or find_cover(path.parent if path else None),
        last_opened=entry.last_opened,
    )


def _with_state(
    item: LibraryItem, playstate: PlayStateStore | None, notes: NoteStore | None
) -> LibraryItem:
    """The place reached, the notes, and the length of the listener's own audio when they
    attached a file: progress is measured against what plays, not the brief's nominal length."""
    position = count = 0
    length_s = item.length_s
    audio = item.audio_path
    try:
        state = playstate.get(item.episode_id) if playstate is not None else None
        if state is not None:
            position = state.position_ms
            if state.audio_path and state.audio_length_ms:
                length_s = state.audio_length_ms / 1000
            if state.audio_path and Path(state.audio_path).is_file():
                audio = Path(state.audio_path)
        count = notes.count(item.episode_id) if notes is not None else 0
    except StorageError:
        pass
    if not position and not count and length_s == item.length_s and audio == item.audio_path:
        return item
    return replace(item, position_ms=position, notes=count, length_s=length_s, audio_path=audio)
