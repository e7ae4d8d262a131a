"""What a screen reader needs beyond names: a tab order that follows the eye, and the quote.

The active quote changes every few seconds, and faster while the listener seeks; reading each one
out would drown the speech. ``QuoteAnnouncer`` speaks at most once per ``interval_ms`` and, when
quotes arrive faster than that, says only the latest once the interval is over.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from player.core.timeline import Cue, CueKind

if TYPE_CHECKING:
    from player.ui.shell import Shell

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: the live label and description still work
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

ANNOUNCE_INTERVAL_MS = 2_000


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def quote_text(cue: Cue) -> str:
    return f"Quote: {cue.text}" if cue.text else ""


class QuoteAnnouncer(QObject):
    """Announces the active quote on ``target``, rate-limited; ``announced`` keeps what was said."""

    def __init__(
        self,
        target: QWidget,
        *,
        interval_ms: int = ANNOUNCE_INTERVAL_MS,
        clock: Callable[[], float] = _monotonic_ms,
    ) -> None:
        super().__init__(target)
        self._target = target
        self._interval_ms = interval_ms
        self._clock = clock
        self._last_ms: float | None = None
        self._pending: str | None = None
        self._last_text = ""
        self.announced: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def on_active(self, cues: list[Cue]) -> None:
        quotes = [c for c in cues if c.kind == CueKind.QUOTE]
        if quotes:
            self.offer(quote_text(quotes[-1]))

    def offer(self, text: str) -> None:
        if not text or text == (self._pending or self._last_text):
            return
        now = self._clock()
        if self._last_ms is None or now - self._last_ms >= self._interval_ms:
            self._pending = None
            self._timer.stop()
            self._say(text, now)
        else:
            self._pending = text  # the latest wins
            if not self._timer.isActive():
                self._timer.start(max(0, int(self._interval_ms - (now - self._last_ms))))

    def _flush(self) -> None:
        if self._pending is None:
            return
        now = self._clock()
        if self._last_ms is not None and now - self._last_ms < self._interval_ms:
            self._timer.start(max(1, int(self._interval_ms - (now - self._last_ms))))
            return
        text, self._pending = self._pending, None
        self._say(text, now)

    def _say(self, text: str, now: float) -> None:
        self._last_ms = now
        self._last_text = text
        self.announced.append(text)
        self._target.setAccessibleDescription(text)
        if QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._target, text))


def tab_chain(window: Shell) -> list[QWidget]:
    """Reading order: the brief, the side panel, then the transport left to right."""
    t, side = window.transport, window.side
    return [
        window.pane,
        side.tabBar(),
        side.takeaway_view,
        side.search_edit,
        side.search_view,
        side.summary_view,
        t.prev_cue_button,
        t.back_button,
        t.play_button,
        t.forward_button,
        t.next_cue_button,
        t.seek_slider,
        t.speed_button,
        t.mute_button,
        t.volume_slider,
    ]


def install_accessibility(window: Shell) -> QuoteAnnouncer:
    chain = tab_chain(window)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
    announcer = QuoteAnnouncer(window.pane)
    window.clock.active_changed.connect(announcer.on_active)
    return announcer
