"""Search hits for the side panel: what matched, where in the text, and its moment."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.record import Record, init
from player.ui.models.rows_model import RowsModel

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchRow(Record):
    """One hit, whatever it came from: the brief, a note, a transcript line."""

    __slots__ = ("kind", "text", "spans", "at_ms", "ref")
    kind: str  # quote, concept, takeaway, summary, overview, note, transcript, chapter
    text: str
    spans: tuple[tuple[int, int], ...]
    at_ms: int | None
    ref: object

    def __init__(
        self,
        kind: str,
        text: str,
        spans: tuple[tuple[int, int], ...],
        at_ms: int | None,
        ref: object = None,
    ) -> None:
        init(self, "kind", kind)
        init(self, "text", text)
        init(self, "spans", spans)
        init(self, "at_ms", at_ms)
        init(self, "ref", ref)


def _label(_model: object, r: SearchRow) -> str:
    return f"{r.kind}: {r.text}"


class SearchModel(RowsModel[SearchRow]):
    roles = {  # noqa: RUF012 - read only; RowsModel turns the keys into ints once
        Qt.ItemDataRole.DisplayRole: _label,
        Qt.ItemDataRole.AccessibleTextRole: _label,
        HIT_ROLE: lambda _m, r: r,
    }
