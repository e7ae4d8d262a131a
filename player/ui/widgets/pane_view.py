"""The synced pane: the brief's timed items, following playback until the listener looks away.

Following and "Back to now" come from ``Following``. While the active card is already fully
visible the view does not move at all, so reading is never disturbed by the highlight. The
cards are a ``CardListView``: a note added among 100,000 is one row measured and put in place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from player.ui.delegates.cue_card import CueCardDelegate
from player.ui.models.pane_model import PaneModel
from player.ui.widgets.card_list import configure_card_list
from player.ui.widgets.card_view import CardListView
from player.ui.widgets.following_view import Following

# Where a newly active card lands when the view must scroll: a quarter down, so what led up to it
# stays in sight above.
ANCHOR_FRACTION = 0.25


class PaneView(Following, CardListView):
    following_changed = Signal(bool)

    def __init__(self, model: PaneModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Back to now: follow playback again")
        self.setModel(model)
        self.card_delegate = CueCardDelegate(self)
        self.card_delegate.model = model
        self.setItemDelegate(self.card_delegate)
        configure_card_list(self, "Brief: quotes and concepts in time order")
        # A scroll bar that comes and goes changes the wrap width, and every card would be
        # measured again; a long episode always scrolls anyway.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        model.modelReset.connect(self.card_delegate.clear_cache)

    def lit_rows(self) -> list[int]:
        return self.pane_model().active_rows()

    def pane_model(self) -> PaneModel:
        model = self.model()
        assert isinstance(model, PaneModel)
        return model

    def reveal_active(self, force: bool = False) -> None:
        """Bring the active cards into view, unless they are already fully visible."""
        if not (self.is_following() or force):
            return
        rows = self.pane_model().active_rows()
        if not rows or not self.isVisible():
            return  # showEvent reveals it once there is a layout to scroll
        first = self.visualRect(self.pane_model().index(rows[0]))
        last = self.visualRect(self.pane_model().index(rows[-1]))
        viewport = self.viewport().rect()
        if viewport.contains(first) and viewport.contains(last):
            return
        bar = self.verticalScrollBar()
        target = bar.value() + first.top() - int(viewport.height() * ANCHOR_FRACTION)
        target = max(bar.minimum(), min(bar.maximum(), target))
        if target != bar.value():
            bar.setValue(target)
            self.scroll_count += 1

    def row_visible(self, row: int) -> bool:
        rect = self.visualRect(self.pane_model().index(row))
        return rect.isValid() and self.viewport().rect().contains(rect)

    # events -----------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self.card_delegate.clear_cache()  # heights depend on the wrap width only
        super().resizeEvent(event)
        self._place_button()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self.viewport().update()
        return super().event(event)

    def index_at_row(self, row: int) -> QModelIndex:
        return self.pane_model().index(row)
