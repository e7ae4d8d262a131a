"""A list that follows playback until the listener looks away, and a button to come back.

Following stops the moment the listener scrolls (wheel, scroll bar, keys that move the view) and
a "Back to now" button appears; pressing it scrolls back and follows again, and so does playing
a row (click or Enter), since what plays is then in sight. The button sits in a strip kept free
below the rows, never over a card's words. The synced pane and the transcript behave alike
because both take ``Following``; each says only which rows are lit and how to bring them into
sight. ``Following`` goes before a Qt item view in the bases (``class V(Following,
QListView)``) and the class declares ``following_changed = Signal(bool)``: Qt signals belong
to the Qt class.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QListView, QPushButton, QWidget

from player.ui.widgets.card_view import give_known_viewport

PILL_GAP = 4


class Following:
    following_changed: Signal  # declared by each view: Signal(bool)

    def __init__(self, parent: QWidget | None, back_to_now_name: str) -> None:
        super().__init__(parent)
        self._following = True
        self._follow_enabled = True
        self.scroll_count = 0  # programmatic scrolls, for tests and the benchmark
        self.back_to_now = QPushButton("↓ Back to now", self)
        self.back_to_now.setAccessibleName(back_to_now_name)
        self.back_to_now.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_to_now.setToolTip("Scroll to what is playing and follow it again")
        self.back_to_now.clicked.connect(self.resume_following)
        self.back_to_now.hide()
        self.clicked.connect(self._row_played)
        self.activated.connect(self._row_played)
        self.verticalScrollBar().actionTriggered.connect(lambda _a: self._user_scrolled())

    # what a subclass says ---------------------------------------------------------------------

    def lit_rows(self) -> list[int]:
        raise NotImplementedError

    def reveal_active(self, force: bool = False) -> None:
        raise NotImplementedError

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

    def _row_played(self, _index: object) -> None:
        self._set_following(True)

    def _user_scrolled(self) -> None:
        if self.lit_rows():
            self._set_following(False)

    # events -----------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        before = self.verticalScrollBar().value()
        super().wheelEvent(event)
        if self.verticalScrollBar().value() != before:
            self._user_scrolled()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        before = self.verticalScrollBar().value()
        super().keyPressEvent(event)
        if self.verticalScrollBar().value() != before:
            self._user_scrolled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.reveal_active(force=self._following))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()

    def _place_button(self) -> None:
        show = self._follow_enabled and not self._following
        self.back_to_now.setVisible(show)
        strip = 0
        if show:
            self.back_to_now.adjustSize()
            strip = self.back_to_now.height() + 2 * PILL_GAP
        if self.viewportMargins().bottom() != strip:
            self.setViewportMargins(0, 0, 0, strip)
        if show:
            vp = self.viewport().geometry()
            self.back_to_now.move(
                vp.center().x() - self.back_to_now.width() // 2, vp.bottom() + 1 + PILL_GAP
            )
            self.back_to_now.raise_()


class FollowingListView(Following, QListView):
    following_changed = Signal(bool)

    def __init__(self, parent: QWidget | None, back_to_now_name: str) -> None:
        super().__init__(parent, back_to_now_name)
        give_known_viewport(self)
