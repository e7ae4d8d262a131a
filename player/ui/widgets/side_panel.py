"""The side panel: takeaways, search and the episode's summary, one tab each.

Search runs as the listener types, through whatever ``search`` function the window gives it (the
brief, notes and transcripts together), and every hit is one click from its moment.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from player.core.brief.models import Brief
from player.core.timefmt import format_ms
from player.ui.delegates.search_hit import NO_MOMENT, SearchHitDelegate
from player.ui.delegates.takeaway_card import TakeawayCardDelegate
from player.ui.models.search_model import HIT_ROLE, SearchModel, SearchRow
from player.ui.models.takeaway_model import TakeawayModel
from player.ui.widgets.card_list import card_list

SearchFn = Callable[[str], Sequence[SearchRow]]
SEARCH_BATCH = 16  # search hits measured per pass of the event loop (a screenful and more)


def summary_html(brief: Brief, meta_lines: Sequence[str] = ()) -> str:
    """The summary and overview as simple HTML, every piece of brief text escaped."""
    parts = []
    if brief.title:
        parts.append(f"<h3>{html.escape(brief.title)}</h3>")
    if meta_lines:
        parts.append(
            "<p style='color:gray'>" + "<br>".join(html.escape(m) for m in meta_lines) + "</p>"
        )
    if brief.summary:
        parts.append("<h4>Summary</h4>")
        parts += [f"<p>{html.escape(p)}</p>" for p in brief.summary]
    if brief.overview:
        parts.append("<h4>Episode overview</h4><ul>")
        parts += [f"<li>{html.escape(p)}</li>" for p in brief.overview]
        parts.append("</ul>")
    if brief.concepts:
        # Every concept, also one no quote speaks of: otherwise it would appear nowhere.
        parts.append("<h4>Key concepts</h4>")
        for c in brief.concepts:
            moments = " ".join(
                f"<a href='moment:{round(at * 1000)}'>▶&nbsp;{format_ms(round(at * 1000))}</a>"
                for at in c.at
            )
            where = moments or f"<i style='color:gray'>{NO_MOMENT}</i>"
            parts.append(
                f"<p><b>{html.escape(c.name)}</b>: {html.escape(c.description)}<br>{where}</p>"
            )
    return "\n".join(parts)


class SidePanel(QTabWidget):
    moment_requested = Signal("qlonglong")  # ms: play from here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._search_fn: SearchFn = lambda _q: ()

        # takeaways
        self.takeaway_model = TakeawayModel(parent=self)
        self.takeaway_view = card_list(self, "Takeaways")
        self.takeaway_view.setModel(self.takeaway_model)
        self._takeaway_delegate = TakeawayCardDelegate(self.takeaway_view)
        self.takeaway_view.setItemDelegate(self._takeaway_delegate)
        self._takeaway_delegate.moment_clicked.connect(self.moment_requested)
        self.takeaway_view.activated.connect(self._takeaway_activated)
        self.addTab(self.takeaway_view, "Takeaways")

        # search
        search_page = QWidget(self)
        self.search_edit = QLineEdit(search_page)
        self.search_edit.setPlaceholderText("Search quotes, concepts, takeaways, notes…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search")
        self.search_status = QLabel("", search_page)
        self.search_status.setAccessibleName("Search results count")
        self.search_model = SearchModel(self)
        self.search_view = card_list(search_page, "Search results")
        self.search_view.setModel(self.search_model)
        self.search_view.setItemDelegate(SearchHitDelegate(self.search_view))
        # Each hit is measured by laying out its text: the first screenful is measured with the
        # keystroke, the rest of the 200 between the next events, so typing stays quick.
        self.search_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.search_view.setBatchSize(SEARCH_BATCH)
        self.search_view.clicked.connect(self._hit_activated)
        self.search_view.activated.connect(self._hit_activated)
        layout = QVBoxLayout(search_page)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.search_status)
        layout.addWidget(self.search_view, 1)
        self.search_page = search_page
        self.addTab(search_page, "Search")
        # Coalesce fast typing into one query per event-loop turn, not one per key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._first_hit)

        # summary
        self.summary_view = QTextBrowser(self)
        self.summary_view.setAccessibleName("Summary and overview")
        self.summary_view.setOpenExternalLinks(False)
        self.summary_view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.summary_view.setOpenLinks(False)  # a concept's moment plays; nothing navigates
        self.summary_view.anchorClicked.connect(self._summary_link)
        self.addTab(self.summary_view, "Summary")

    def set_brief(self, brief: Brief, meta_lines: Sequence[str] = ()) -> None:
        self.takeaway_model.set_takeaways(brief.takeaways)
        self.summary_view.setHtml(summary_html(brief, meta_lines))
        self.run_search()

    def set_search(self, fn: SearchFn) -> None:
        self._search_fn = fn
        self.run_search()

    def focus_search(self) -> None:
        self.setCurrentWidget(self.search_page)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def run_search(self) -> None:
        query = self.search_edit.text().strip()
        rows = list(self._search_fn(query)) if query else []
        self.search_model.set_rows(rows)
        if not query:
            self.search_status.setText("")
        elif rows:
            self.search_status.setText(f"{len(rows)} match{'es' if len(rows) != 1 else ''}")
        else:
            self.search_status.setText("No matches")

    def _summary_link(self, url) -> None:
        kind, _, ms = url.toString().partition(":")
        if kind == "moment" and ms.isdigit():
            self.moment_requested.emit(int(ms))

    def _takeaway_activated(self, index) -> None:
        times = self.takeaway_model.data(index, Qt.ItemDataRole.UserRole + 1) or []
        if times:
            self.moment_requested.emit(times[0])

    def _hit_activated(self, index) -> None:
        row: SearchRow = index.data(HIT_ROLE)
        if row is not None and row.at_ms is not None:
            self.moment_requested.emit(row.at_ms)

    def _first_hit(self) -> None:
        if self.search_model.rowCount():
            self._hit_activated(self.search_model.index(0))
