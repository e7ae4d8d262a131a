"""Search hits for the side panel: what matched, where in the text, and its moment."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from player.ui.models.rows_model import RowsModel

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class SearchRow:
    """One hit, whatever it came from: the brief, a note, a transcript line."""

    kind: str  # quote, concept, takeaway, summary, overview, note, transcript, chapter
    text: str
    spans: tuple[tuple[int, int], ...]
    at_ms: int | None
    ref: object = None


def _label(_model: object, r: SearchRow) -> str:
    return f"{r.kind}: {r.text}"


class SearchModel(RowsModel[SearchRow]):
    roles = {  # noqa: RUF012 - read only; RowsModel turns the keys into ints once
        Qt.ItemDataRole.DisplayRole: _label,
        Qt.ItemDataRole.AccessibleTextRole: _label,
        HIT_ROLE: lambda _m, r: r,
    }
