"""The Starred tab: every starred quote, concept and takeaway of the episode, in time order."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from player.core.brief.models import Brief
from player.core.moments import Moment
from player.core.timefmt import format_ms

EMPTY = "Nothing starred yet. S stars the quote playing; a right-click stars any item."


def starred_moments(brief: Brief, stars: Iterable[tuple[str, int]]) -> list[Moment]:
    out: list[Moment] = []
    for kind, ref in stars:
        if kind == "quote" and ref < len(brief.quotes):
            q = brief.quotes[ref]
            out.append(Moment("quote", round(q.at * 1000), q.text, ref))
        elif kind == "concept" and ref < len(brief.concepts):
            c = brief.concepts[ref]
            at = round(min(c.at) * 1000) if c.at else None
            out.append(Moment("concept", at, c.name, ref))
        elif kind == "takeaway" and ref < len(brief.takeaways):
            t = brief.takeaways[ref]
            at = round(min(t.at) * 1000) if t.at else None
            out.append(Moment("takeaway", at, t.text, ref))
    big = 2**62
    return sorted(out, key=lambda m: (m.start_ms if m.start_ms is not None else big, m.kind))


class StarredTab(QWidget):
    moment_chosen = Signal(object)  # Moment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = QLabel(EMPTY, self)
        self.empty.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("starred_list")
        self.list.setAccessibleName("Starred items")
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget::item { padding: 4px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.moments: list[Moment] = []

    def set_moments(self, moments: list[Moment]) -> None:
        if moments == self.moments:
            return
        self.moments = moments
        self.list.clear()
        for m in moments:
            at = format_ms(m.start_ms) if m.start_ms is not None else "—"
            words = m.text if len(m.text) <= 160 else m.text[:159] + "…"
            item = QListWidgetItem(f"★ {at}  {m.kind.upper()}\n{words}")
            item.setData(Qt.ItemDataRole.UserRole, m)
            item.setToolTip(m.text)
            self.list.addItem(item)
        self.empty.setVisible(not moments)

    def moment_at(self, row: int) -> Moment | None:
        return self.moments[row] if 0 <= row < len(self.moments) else None

    def _chosen(self, item: QListWidgetItem) -> None:
        self.moment_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
