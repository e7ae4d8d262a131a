"""The synced pane: the brief's timed items, following playback until the listener looks away.

Following stops the moment the listener scrolls (wheel, scroll bar, keys) and a "Back to now"
button appears; pressing it scrolls back and follows again. While the active card is already
fully visible the view does not move at all, so reading is never disturbed by the highlight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QListView, QPushButton, QWidget

from player.ui.delegates.cue_card import CueCardDelegate
from player.ui.models.pane_model import PaneModel
from player.ui.widgets.card_list import configure_card_list

# Where a newly active card lands when the view must scroll: a quarter down, so what led up to it
# stays in sight above.
ANCHOR_FRACTION = 0.25


class PaneView(QListView):
    following_changed = Signal(bool)

    def __init__(self, model: PaneModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.card_delegate = CueCardDelegate(self)
        self.setItemDelegate(self.card_delegate)
        configure_card_list(self, "Brief: quotes and concepts in time order")
        # A scroll bar that comes and goes changes the wrap width, and every card would be
        # measured again; a long episode always scrolls anyway.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._following = True
        self._follow_enabled = True
        self.scroll_count = 0  # programmatic scrolls, for tests and the benchmark
        self.back_to_now = QPushButton("↓ Back to now", self)
        self.back_to_now.setAccessibleName("Back to now: follow playback again")
        self.back_to_now.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_to_now.setToolTip("Scroll to what is playing and follow it again")
        self.back_to_now.clicked.connect(self.resume_following)
        self.back_to_now.hide()
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(lambda _a: self._user_scrolled())
        model.modelReset.connect(self.card_delegate.clear_cache)

    # following --------------------------------------------------------------------------------

    def is_following(self) -> bool:
        return self._following and self._follow_enabled

    def set_follow_enabled(self, enabled: bool) -> None:
        """The setting "follow playback"; off means the view never scrolls by itself."""
        self._follow_enabled = enabled
        self._place_button()

    def resume_following(self) -> None:
        self._set_following(True)
        self.reveal_active(force=True)

    def _set_following(self, following: bool) -> None:
        if following != self._following:
            self._following = following
            self.following_changed.emit(following)
        self._place_button()

    def _user_scrolled(self) -> None:
        if self.pane_model().active_rows():
            self._set_following(False)

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

    def wheelEvent(self, event: QWheelEvent) -> None:
        before = self.verticalScrollBar().value()
        super().wheelEvent(event)
        if self.verticalScrollBar().value() != before:
            self._user_scrolled()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.verticalScrollBar().value()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
        if self.verticalScrollBar().value() != before:
            self._user_scrolled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.reveal_active(force=self._following))

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self.card_delegate.clear_cache()  # heights depend on the wrap width only
        super().resizeEvent(event)
        self._place_button()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self.viewport().update()
        return super().event(event)

    def _place_button(self) -> None:
        show = self._follow_enabled and not self._following
        self.back_to_now.setVisible(show)
        if show:
            self.back_to_now.adjustSize()
            vp = self.viewport().geometry()
            self.back_to_now.move(
                vp.center().x() - self.back_to_now.width() // 2,
                vp.bottom() - self.back_to_now.height() - 12,
            )
            self.back_to_now.raise_()

    def index_at_row(self, row: int) -> QModelIndex:
        return self.pane_model().index(row)
