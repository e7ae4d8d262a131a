"""Play/pause, skips, cue steps, the seek bar with elapsed and remaining time, speed and volume.

The seek bar follows the player but never fights the listener: while the handle is held, position
reports do not move it, and dragging scrubs (the brief follows the handle even when paused).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.core.navigation.clock_text import right_time_text
from player.core.timefmt import format_ms
from player.ui.icons import themed_icon
from player.ui.playback import RATE_STEPS, Playback
from player.ui.widgets.seek_slider import SeekSlider
from player.ui.widgets.timeline_strip import TimelineStrip


class _TimeLabel(QLabel):
    """The right-hand time; a click switches between time left and the episode's length."""

    clicked = Signal()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)


def _button(parent: QWidget, text: str, tip: str, name: str) -> QToolButton:
    b = QToolButton(parent)
    b.setText(text)
    b.setToolTip(tip)
    b.setAccessibleName(name)
    b.setAutoRaise(True)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return b


class TransportBar(QWidget):
    previous_cue_requested = Signal()
    next_cue_requested = Signal()
    time_mode_clicked = Signal()  # the right-hand time was clicked: total <-> left

    def __init__(self, playback: Playback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._playback = playback
        self.back_ms = 15_000
        self.forward_ms = 30_000
        self._scrubbing = False
        self._scrub_from_ms = 0
        self.show_total = False  # the right-hand time shows the length, not the time left

        self.play_button = _button(self, "", "Play / pause (Space)", "Play")
        self.play_button.setIconSize(self.play_button.iconSize() * 1.5)
        self.back_button = _button(self, "−15", "Back 15 seconds (J, Shift+←)", "Back 15 seconds")
        self.forward_button = _button(
            self, "+30", "Forward 30 seconds (L, Shift+→)", "Forward 30 seconds"
        )
        self.prev_cue_button = _button(self, "", "Previous quote (Ctrl+←)", "Previous quote")
        self.prev_cue_button.setIcon(themed_icon(self, QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.next_cue_button = _button(self, "", "Next quote (Ctrl+→)", "Next quote")
        self.next_cue_button.setIcon(themed_icon(self, QStyle.StandardPixmap.SP_MediaSkipForward))

        self.seek_slider = SeekSlider(self)
        self.seek_slider.setAccessibleName("Position")
        self.seek_slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.elapsed_label = QLabel("0:00", self)
        self.remaining_label = _TimeLabel("-0:00", self)
        self.remaining_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remaining_label.setToolTip("Time left at this speed; click for the total")
        self.remaining_label.clicked.connect(self.time_mode_clicked)
        for label in (self.elapsed_label, self.remaining_label):
            label.setMinimumWidth(self.fontMetrics().horizontalAdvance("-00:00:00") + 4)
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.elapsed_label.setAccessibleName("Elapsed time")
        self.remaining_label.setAccessibleName("Remaining time")

        self.speed_button = _button(self, "1.0×", "Playback speed ([ slower, ] faster)", "Speed")
        self.speed_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._speed_menu = QMenu(self.speed_button)
        self._speed_group = QActionGroup(self)
        for rate in RATE_STEPS:
            act = QAction(f"{rate:g}×", self._speed_menu, checkable=True)
            act.setData(rate)
            act.setChecked(rate == 1.0)
            self._speed_group.addAction(act)
            self._speed_menu.addAction(act)
        self._speed_group.triggered.connect(lambda a: playback.set_rate(float(a.data())))
        self.speed_button.setMenu(self._speed_menu)

        self.mute_button = _button(self, "", "Mute (M)", "Mute")
        self.mute_button.setCheckable(True)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setAccessibleName("Volume")
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setFixedWidth(90)
        self.volume_slider.setValue(round(playback.volume() * 100))

        # The timeline strip sits in the grid's middle column, under the slider, so its markers
        # line up with the positions the slider shows.
        self.strip = TimelineStrip(self)
        self.strip.inset_px = (
            self.seek_slider.style().pixelMetric(QStyle.PixelMetric.PM_SliderLength) // 2
        )
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setHorizontalSpacing(8)
        top.setVerticalSpacing(2)
        top.addWidget(self.elapsed_label, 0, 0)
        top.addWidget(self.seek_slider, 0, 1)
        top.addWidget(self.remaining_label, 0, 2)
        top.addWidget(self.strip, 1, 1)
        top.setColumnStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.prev_cue_button,
            self.back_button,
            self.play_button,
            self.forward_button,
            self.next_cue_button,
        ):
            bottom.addWidget(w)
        self._extras_at = bottom.count()  # features add their widgets after the buttons
        bottom.addStretch(1)
        bottom.addWidget(self.speed_button)
        bottom.addSpacing(8)
        bottom.addWidget(self.mute_button)
        bottom.addWidget(self.volume_slider)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.setSpacing(2)
        outer.addLayout(top)
        outer.addLayout(bottom)
        self._bottom = bottom

        self.play_button.clicked.connect(playback.toggle)
        self.back_button.clicked.connect(lambda: playback.skip(-self.back_ms))
        self.forward_button.clicked.connect(lambda: playback.skip(self.forward_ms))
        self.prev_cue_button.clicked.connect(self.previous_cue_requested)
        self.next_cue_button.clicked.connect(self.next_cue_requested)
        self.seek_slider.sliderPressed.connect(self._scrub_start)
        self.seek_slider.sliderReleased.connect(self._scrub_end)
        self.seek_slider.sliderMoved.connect(self._scrub_to)
        self.seek_slider.actionTriggered.connect(self._slider_action)
        self.seek_slider.jumped.connect(self._jump_to)
        self.mute_button.toggled.connect(playback.set_muted)
        self.volume_slider.valueChanged.connect(lambda v: playback.set_volume(v / 100))

        playback.position_changed.connect(self._show_position)
        playback.seeked.connect(self._show_position)
        playback.duration_changed.connect(self._show_duration)
        playback.state_changed.connect(self._show_state)
        playback.rate_changed.connect(self._show_rate)
        playback.volume_changed.connect(self._show_volume)
        playback.muted_changed.connect(self._show_muted)
        self._show_state()
        self._show_muted(playback.is_muted())
        self._duration_ms = 0

    def add_widget(self, widget: QWidget) -> None:
        """Put a feature's widget (the chapter, the sleep timer) in the row of buttons."""
        self._bottom.insertWidget(self._extras_at, widget)
        self._extras_at += 1

    def set_show_total(self, total: bool) -> None:
        self.show_total = total
        self.remaining_label.setAccessibleName("Total time" if total else "Remaining time")
        self.remaining_label.setToolTip(
            "The episode's length; click for the time left"
            if total
            else "Time left at this speed; click for the total"
        )
        self._show_times(self.seek_slider.position_ms())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # icons follow a theme switch
            skip = QStyle.StandardPixmap
            self.prev_cue_button.setIcon(themed_icon(self, skip.SP_MediaSkipBackward))
            self.next_cue_button.setIcon(themed_icon(self, skip.SP_MediaSkipForward))
            self._show_state()
            self._show_muted(self._playback.is_muted())

    # listener -> player ------------------------------------------------------------------------

    def _scrub_start(self) -> None:
        self._scrubbing = True
        self._scrub_from_ms = self.seek_slider.position_ms()

    def _scrub_to(self, value: int) -> None:
        ms = self.seek_slider.ms_for_value(value)
        self._playback.seek(ms)
        self._show_times(ms)

    def _scrub_end(self) -> None:
        self._scrubbing = False
        if self.seek_slider.position_ms() != self._scrub_from_ms:  # a click alone seeked already
            self._playback.seek(self.seek_slider.position_ms())

    def _jump_to(self, ms: int) -> None:
        self._playback.seek(ms)
        self._show_times(ms)

    def _slider_action(self, action: int) -> None:
        # Clicks on the groove and keyboard steps on the focused slider seek too.
        if action in (
            QSlider.SliderAction.SliderSingleStepAdd,
            QSlider.SliderAction.SliderSingleStepSub,
            QSlider.SliderAction.SliderPageStepAdd,
            QSlider.SliderAction.SliderPageStepSub,
            QSlider.SliderAction.SliderToMinimum,
            QSlider.SliderAction.SliderToMaximum,
        ):
            self._playback.seek(self.seek_slider.position_ms())

    # player -> listener ------------------------------------------------------------------------

    def set_duration_hint(self, duration_ms: int) -> None:
        """Without audio the bar still spans the episode, so the brief can be scrubbed."""
        if self._playback.duration_ms() <= 0:
            self._show_duration(duration_ms)

    def _show_position(self, position_ms: int) -> None:
        if self._scrubbing:
            return
        self.seek_slider.blockSignals(True)
        self.seek_slider.set_position_ms(position_ms)
        self.seek_slider.blockSignals(False)
        self._show_times(position_ms)

    def _show_times(self, position_ms: int) -> None:
        self.elapsed_label.setText(format_ms(position_ms))
        self.remaining_label.setText(
            right_time_text(
                self._duration_ms, position_ms, self._playback.rate(), total=self.show_total
            )
        )

    def _show_duration(self, duration_ms: int) -> None:
        if duration_ms <= 0:
            return
        self._duration_ms = duration_ms
        self.seek_slider.blockSignals(True)
        self.seek_slider.set_duration_ms(duration_ms)
        self.seek_slider.blockSignals(False)
        self._show_times(self.seek_slider.position_ms())

    def _show_state(self, *_: object) -> None:
        playing = self._playback.is_playing()
        pix = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(themed_icon(self, pix, self.play_button.iconSize().width()))
        self.play_button.setAccessibleName("Pause" if playing else "Play")

    def _show_rate(self, rate: float) -> None:
        self._show_times(self.seek_slider.position_ms())
        self.speed_button.setText(f"{rate:g}×" if rate != 1.0 else "1.0×")
        for act in self._speed_group.actions():
            act.setChecked(abs(float(act.data()) - rate) < 1e-6)

    def _show_volume(self, volume: float) -> None:
        self.volume_slider.blockSignals(True)
        self.volume_slider.setValue(round(volume * 100))
        self.volume_slider.blockSignals(False)

    def _show_muted(self, muted: bool) -> None:
        pix = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self.mute_button.setIcon(themed_icon(self, pix))
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
