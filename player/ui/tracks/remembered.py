"""Transcript and chapters files the listener opened by hand, remembered per episode.

Kept in the settings (one JSON object: episode id → track kind → path), like the window's
layout: it is the listener's arrangement of files on this machine, not data to export.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from player.core.formats.track import TrackKind
from player.ui.settings import OPENED_TRACKS, read, write


def _all(settings: QSettings) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(read(settings, OPENED_TRACKS))
    except ValueError:
        return {}  # hand-edited into something else: nothing remembered
    return data if isinstance(data, dict) else {}


def remembered(settings: QSettings, episode_id: str) -> dict[TrackKind, Path]:
    kinds = {k.value: k for k in TrackKind}
    entry = _all(settings).get(episode_id)
    if not isinstance(entry, dict):
        return {}
    return {kinds[k]: Path(p) for k, p in entry.items() if k in kinds and isinstance(p, str)}


def remember(settings: QSettings, episode_id: str, kind: TrackKind, path: Path | None) -> None:
    """Remember ``path`` for the episode's ``kind`` of track; ``None`` forgets it."""
    data = _all(settings)
    entry = data.get(episode_id) if isinstance(data.get(episode_id), dict) else {}
    if path is None:
        entry.pop(kind.value, None)
    else:
        entry[kind.value] = str(path)
    if entry:
        data[episode_id] = entry
    else:
        data.pop(episode_id, None)
    write(settings, OPENED_TRACKS, json.dumps(data))
