"""The seek bar: a click anywhere jumps there, the handle still drags, hover names the time.

Positions are Python ints in milliseconds, but ``QSlider`` holds a 32-bit int: at one unit per
millisecond it overflows past 596 hours. The slider therefore counts in units of ``unit_ms``
milliseconds, 1 for any real episode and coarser only when the duration would not fit, so
callers always speak milliseconds and never see the scale.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QToolTip, QWidget

from player.core.timefmt import format_ms

MAX_UNITS = 2**31 - 1


class SeekSlider(QSlider):
    jumped = Signal("qlonglong")  # ms: a click on the groove moved the handle there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.unit_ms = 1
        self._duration_ms = 0
        self.setMouseTracking(True)
        self.setRange(0, 0)

    # milliseconds in, milliseconds out ---------------------------------------------------------

    def set_duration_ms(self, duration_ms: int) -> None:
        position = self.position_ms()
        self._duration_ms = max(0, int(duration_ms))
        self.unit_ms = max(1, -(-self._duration_ms // MAX_UNITS))
        self.setRange(0, self._duration_ms // self.unit_ms)
        self.setSingleStep(max(1, 5_000 // self.unit_ms))
        self.setPageStep(max(1, 60_000 // self.unit_ms))
        self.set_position_ms(position)

    def duration_ms(self) -> int:
        return self._duration_ms

    def set_position_ms(self, position_ms: int) -> None:
        self.setValue(int(position_ms) // self.unit_ms)

    def position_ms(self) -> int:
        """Where the handle is (while dragging too)."""
        return self.ms_for_value(self.sliderPosition())

    def ms_for_value(self, value: int) -> int:
        return min(self._duration_ms, value * self.unit_ms)

    # pixels ------------------------------------------------------------------------------------

    def _geometry(self):
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
        )
        return opt, groove, handle

    def value_at(self, x: float) -> int:
        """The slider value whose handle centre sits at ``x``, as a drag would put it."""
        opt, groove, handle = self._geometry()
        span = groove.width() - handle.width()
        pos = round(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), max(0, min(span, pos)), max(1, span), opt.upsideDown
        )

    def ms_at(self, x: float) -> int:
        return self.ms_for_value(self.value_at(x))

    # listener ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            _opt, _groove, handle = self._geometry()
            if not handle.contains(event.position().toPoint()):
                # Put the handle under the pointer, then let the press grab it: the click
                # seeks, and a drag that follows carries on from there.
                value = self.value_at(event.position().x())
                self.setSliderPosition(value)
                self.jumped.emit(self.ms_for_value(value))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self.maximum() > self.minimum():
            x = event.position().x()
            shown = self.position_ms() if self.isSliderDown() else self.ms_at(x)
            QToolTip.showText(event.globalPosition().toPoint(), format_ms(shown), self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            # The time under the pointer now, never a tooltip left from an earlier position.
            if self.maximum() > self.minimum():
                at: QPoint = event.pos()
                QToolTip.showText(event.globalPos(), format_ms(self.ms_at(at.x())), self)
            return True
        return super().event(event)
