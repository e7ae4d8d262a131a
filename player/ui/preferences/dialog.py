"""The Preferences dialog: skip lengths, speed for new episodes, following, text size, theme and
boost.

Every choice is stored under ``settings/`` in ``QSettings`` the moment it changes and applied at
once (``apply_settings``), so there is no Apply button to forget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from player.ui.playback import RATE_STEPS
from player.ui.preferences.controller import apply_settings
from player.ui.settings import (
    BOOST_LEVELS_DB,
    FONT_RANGE,
    SKIP_RANGE_S,
    THEMES,
    Preferences,
    load_preferences,
    save_preferences,
)

if TYPE_CHECKING:
    from player.ui.shell import Shell


class SettingsDialog(QDialog):
    def __init__(self, window: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.as_widget())
        self.setWindowTitle("Preferences")
        self._window = window
        prefs = load_preferences(window.settings)

        self.back_spin = self._seconds(prefs.back_s, "Skip back length")
        self.forward_spin = self._seconds(prefs.forward_s, "Skip forward length")
        self.rate_combo = QComboBox(self)
        self.rate_combo.setAccessibleName("Default speed for new episodes")
        for rate in RATE_STEPS:
            self.rate_combo.addItem(f"{rate:g}×", rate)
        self.rate_combo.setCurrentIndex(
            min(range(len(RATE_STEPS)), key=lambda i: abs(RATE_STEPS[i] - prefs.default_rate))
        )
        self.follow_check = QCheckBox("Scroll the brief to follow playback", self)
        self.follow_check.setAccessibleName("Follow playback")
        self.follow_check.setChecked(prefs.follow)
        self.font_spin = QSpinBox(self)
        self.font_spin.setAccessibleName("Text size of the brief")
        self.font_spin.setRange(FONT_RANGE[0] - 1, FONT_RANGE[1])
        self.font_spin.setSpecialValueText("Default")  # shown at the minimum, stored as 0
        self.font_spin.setSuffix(" pt")
        self.font_spin.setValue(prefs.font_pt or FONT_RANGE[0] - 1)
        self.theme_combo = QComboBox(self)
        self.theme_combo.setAccessibleName("Theme")
        for name, label in zip(THEMES, ("Follow the system", "Light", "Dark"), strict=True):
            self.theme_combo.addItem(label, name)
        self.theme_combo.setCurrentIndex(THEMES.index(prefs.theme))
        self.boost_check = QCheckBox("Boost quiet voices (Shift+V)", self)
        self.boost_check.setAccessibleName("Volume boost")
        self.boost_check.setChecked(prefs.boost)
        self.boost_combo = QComboBox(self)
        self.boost_combo.setAccessibleName("Boost level")
        for db in BOOST_LEVELS_DB:
            self.boost_combo.addItem(f"+{db} dB", db)
        self.boost_combo.setCurrentIndex(BOOST_LEVELS_DB.index(prefs.boost_db))
        self._follow_boost_actions(window)

        form = QFormLayout()
        form.addRow("Skip &back:", self.back_spin)
        form.addRow("Skip &forward:", self.forward_spin)
        form.addRow("Default &speed:", self.rate_combo)
        form.addRow("", self.follow_check)
        form.addRow("&Text size:", self.font_spin)
        form.addRow("T&heme:", self.theme_combo)
        form.addRow("", self.boost_check)
        form.addRow("Boost &level:", self.boost_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        for spin in (self.back_spin, self.forward_spin, self.font_spin):
            spin.valueChanged.connect(self._store)
        for combo in (self.rate_combo, self.theme_combo, self.boost_combo):
            combo.currentIndexChanged.connect(self._store)
        self.follow_check.toggled.connect(self._store)
        self.boost_check.toggled.connect(self._store)

    def _follow_boost_actions(self, window: Shell) -> None:
        """The boost is also switched from the Playback menu while this dialog is open: show
        that, or the next change here would store the old choice back."""

        def show(_: object = None) -> None:
            levels = [window.action(f"boost_{db}").isChecked() for db in BOOST_LEVELS_DB]
            with QSignalBlocker(self.boost_check), QSignalBlocker(self.boost_combo):
                self.boost_check.setChecked(window.action("boost").isChecked())
                if any(levels):
                    self.boost_combo.setCurrentIndex(levels.index(True))

        for name in ("boost", *(f"boost_{db}" for db in BOOST_LEVELS_DB)):
            window.action(name).toggled.connect(show)

    def _seconds(self, value: int, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(*SKIP_RANGE_S)
        spin.setSuffix(" s")
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def preferences(self) -> Preferences:
        font = self.font_spin.value()
        return Preferences(
            back_s=self.back_spin.value(),
            forward_s=self.forward_spin.value(),
            default_rate=float(self.rate_combo.currentData()),
            follow=self.follow_check.isChecked(),
            font_pt=0 if font < FONT_RANGE[0] else font,
            theme=str(self.theme_combo.currentData()),
            boost=self.boost_check.isChecked(),
            boost_db=int(self.boost_combo.currentData()),
        )

    def _store(self, *_: object) -> None:
        save_preferences(self._window.settings, self.preferences())
        apply_settings(self._window)
