"""The side panel: takeaways, search and the episode's summary, one tab each.

Search runs as the listener types, through whatever ``search`` function the window gives it (the
brief, notes and transcripts together), and every hit is one click from its moment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
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
from player.ui.models.takeaway_model import TIMES_ROLE, TakeawayModel
from player.ui.rich_text import escape
from player.ui.widgets.card_list import card_list
from player.ui.widgets.side_tabs import SideTabBar
from player.ui.widgets.takeaway_view import TakeawayView

SearchFn = Callable[[str], Sequence[SearchRow]]
SEARCH_BATCH = 16  # search hits measured per pass of the event loop (a screenful and more)


def summary_html(brief: Brief, meta_lines: Sequence[str] = ()) -> str:
    """The summary and overview as simple HTML, every piece of brief text escaped."""
    parts = []
    if brief.title:
        parts.append(f"<h3>{escape(brief.title)}</h3>")
    if meta_lines:
        parts.append("<p style='color:gray'>" + "<br>".join(escape(m) for m in meta_lines) + "</p>")
    if brief.summary:
        parts.append("<h4>Summary</h4>")
        parts += [f"<p>{escape(p)}</p>" for p in brief.summary]
    if brief.overview:
        parts.append("<h4>Episode overview</h4><ul>")
        parts += [f"<li>{escape(p)}</li>" for p in brief.overview]
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
            parts.append(f"<p><b>{escape(c.name)}</b>: {escape(c.description)}<br>{where}</p>")
    return "\n".join(parts)


class SidePanel(QTabWidget):
    moment_requested = Signal("qlonglong")  # ms: play from here
    keys_returned = Signal()  # the search box is done: the keyboard goes back to the player

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(SideTabBar(self))
        self.setDocumentMode(True)
        # Tab goes to the tab bar and the page, not to the panel itself: as the last stop of
        # the window's chain it handed Tab straight back to its bar and the cycle never again
        # reached the main list.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._search_fn: SearchFn = lambda _q: ()

        # takeaways
        self.takeaway_model = TakeawayModel(parent=self)
        self.takeaway_view = TakeawayView(self.takeaway_model, self)
        self._takeaway_delegate = TakeawayCardDelegate(self.takeaway_view)
        self.takeaway_view.setItemDelegate(self._takeaway_delegate)
        self._takeaway_delegate.moment_clicked.connect(self.moment_requested)
        self.takeaway_view.activated.connect(self._takeaway_activated)
        self.takeaway_view.installEventFilter(self)
        self.takeaway_view.selectionModel().currentChanged.connect(
            lambda *_: self._takeaway_delegate.focus_chip(0)
        )
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
        search_page.setFocusProxy(self.search_edit)
        self.addTab(search_page, "Search")
        # Coalesce fast typing into one query per event-loop turn, not one per key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._first_hit)
        self.search_edit.installEventFilter(self)

        # summary
        self.summary_view = QTextBrowser(self)
        self.summary_view.setAccessibleName("Summary and overview")
        self.summary_view.setOpenExternalLinks(False)
        self.summary_view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.summary_view.setOpenLinks(False)  # a concept's moment plays; nothing navigates
        self.summary_view.anchorClicked.connect(self._summary_link)
        self.addTab(self.summary_view, "Summary")

    def tabBar(self) -> SideTabBar:
        bar = super().tabBar()
        assert isinstance(bar, SideTabBar)
        return bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.tabBar().fit(event.size().width())  # before the tab bar is placed in the new width
        super().resizeEvent(event)

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
        times = self.takeaway_model.data(index, TIMES_ROLE) or []
        if times:
            chip = min(self._takeaway_delegate.focused_chip, len(times) - 1)
            self.moment_requested.emit(times[chip])

    def _hit_activated(self, index) -> None:
        row: SearchRow = index.data(HIT_ROLE)
        if row is not None and row.at_ms is not None:
            self.moment_requested.emit(row.at_ms)

    def show_tab(self, index: int) -> None:
        """Show tab ``index`` (wrapping round) and give it the keyboard, so the arrows move in
        its list at once."""
        if self.count() == 0:
            return
        self.setCurrentIndex(index % self.count())
        page = self.currentWidget()
        target = _first_focusable(page) if page is not None else None
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the search box clears it; Esc in an empty box leaves it. Left and Right in
        the takeaways move between a takeaway's ▶ moments."""
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if event.type() == QEvent.Type.ShortcutOverride:
            # Left and Right seek everywhere else; on a takeaway with several moments they
            # move between them instead.
            if watched is self.takeaway_view and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                times = self.takeaway_view.currentIndex().data(TIMES_ROLE) or []
                if len(times) > 1 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                    event.accept()
                    return True
            return super().eventFilter(watched, event)
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if watched is self.search_edit and key == Qt.Key.Key_Escape:
            if self.search_edit.text():
                self.search_edit.clear()
            else:
                self.keys_returned.emit()
            return True
        if watched is self.takeaway_view and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            times = self.takeaway_view.currentIndex().data(TIMES_ROLE) or []
            step = 1 if key == Qt.Key.Key_Right else -1
            chip = self._takeaway_delegate.focused_chip + step
            if times and 0 <= chip < len(times):
                self._takeaway_delegate.focus_chip(chip)
                self.takeaway_view.viewport().update()
            return True
        return super().eventFilter(watched, event)

    def _first_hit(self) -> None:
        """Enter plays the hit chosen in the list, else the first one with a moment, and
        hands the keyboard back so Space, N and the arrows act on playback again."""
        model = self.search_model
        current = self.search_view.currentIndex()
        rows = [current.row()] if current.isValid() else range(model.rowCount())
        for r in rows:
            row: SearchRow = model.index(r).data(HIT_ROLE)
            if row is not None and row.at_ms is not None:
                self.moment_requested.emit(row.at_ms)
                self.keys_returned.emit()
                return


def _first_focusable(page: QWidget) -> QWidget | None:
    """The page itself, its focus proxy, or the first widget inside it that Tab would reach."""
    if page.focusPolicy() & Qt.FocusPolicy.TabFocus or page.focusProxy() is not None:
        return page
    widget = page.nextInFocusChain()
    while widget is not page and page.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page):
            return widget
        widget = widget.nextInFocusChain()
    return None
