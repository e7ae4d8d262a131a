"""A feed's episodes as a list, best match for the brief first.

A show's feed can list a thousand episodes, so this is a list model the view asks for the rows
it paints, never a widget per episode. Each row is two lines: the title, then its date, length
and why it matches (or not), so the listener can tell two similar titles apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from player.core.feed.match import LEAST_SCORE
from player.core.timefmt import format_ms

if TYPE_CHECKING:
    from player.core.feed import Candidate, FeedEpisode

Index = QModelIndex | QPersistentModelIndex


class CandidatesModel(QAbstractListModel):
    EpisodeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []

    def set_candidates(self, candidates: tuple[Candidate, ...] | list[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(candidates)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def episode(self, row: int) -> FeedEpisode | None:
        return self._rows[row].episode if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        candidate = self._rows[index.row()]
        episode = candidate.episode
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{episode.title or '(untitled)'}\n{facts(candidate)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            audio = episode.enclosure.url if episode.enclosure else "no audio file"
            return f"GUID {episode.guid}\n{audio}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{episode.title}. {facts(candidate)}"
        if role == self.EpisodeRole:
            return episode
        return None


def facts(candidate: Candidate) -> str:
    """``2025-10-17 · 2:25:36 · 139 MB · match 96%: title 0.97, guest named``."""
    episode = candidate.episode
    parts = []
    if episode.published:
        parts.append(episode.published.isoformat())
    if episode.duration_s:
        parts.append(format_ms(round(episode.duration_s * 1000)))
    if episode.enclosure is None:
        parts.append("no audio")
    elif episode.enclosure.length:
        parts.append(f"{episode.enclosure.length / 1e6:.0f} MB")
    if candidate.score >= 1.0 and candidate.why in ("GUID", "enclosure"):
        parts.append(f"this brief's episode (by its {candidate.why})")
    elif candidate.score >= LEAST_SCORE:
        parts.append(f"match {candidate.score:.0%}: {candidate.why}")
    return " · ".join(parts)
