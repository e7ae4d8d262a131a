"""Preferences: skip lengths, speed for new episodes, following, text size and theme.

Every choice is stored under ``settings/`` in ``QSettings`` the moment it changes and applied at
once, so there is no Apply button to forget; ``apply_settings`` applies the same values when a
window opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
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
from player.ui.theme import apply_theme

FOLLOW_KEY = "settings/follow"  # also written by View ▸ Follow Playback

if TYPE_CHECKING:
    from player.ui.main_window import MainWindow

THEMES = ("system", "light", "dark")
FONT_DEFAULT = 0  # "use the desktop's size"
FONT_RANGE = (8, 32)
SKIP_RANGE_S = (1, 300)


@dataclass
class Preferences:
    back_s: int = 15
    forward_s: int = 30
    default_rate: float = 1.0
    follow: bool = True
    font_pt: int = FONT_DEFAULT
    theme: str = "system"


def _int(value: object, default: int, lo: int, hi: int) -> int:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(hi, max(lo, number))


def _bool(value: object, default: bool) -> bool:
    # QSettings' INI backend hands booleans back as the strings "true" and "false".
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return default if value is None else bool(value)


def load_preferences(settings: QSettings) -> Preferences:
    """Read what is stored, falling back to defaults for anything missing or hand-mangled."""
    d = Preferences()
    rate = settings.value("settings/default_rate", d.default_rate)
    try:
        rate = float(rate)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        rate = d.default_rate
    theme = str(settings.value("settings/theme", d.theme))
    font = _int(settings.value("settings/font_pt", d.font_pt), d.font_pt, 0, FONT_RANGE[1])
    return Preferences(
        back_s=_int(settings.value("settings/back_s", d.back_s), d.back_s, *SKIP_RANGE_S),
        forward_s=_int(
            settings.value("settings/forward_s", d.forward_s), d.forward_s, *SKIP_RANGE_S
        ),
        default_rate=rate if min(RATE_STEPS) <= rate <= max(RATE_STEPS) else d.default_rate,
        follow=_bool(settings.value(FOLLOW_KEY), d.follow),
        font_pt=font if font == 0 or font >= FONT_RANGE[0] else FONT_DEFAULT,
        theme=theme if theme in THEMES else d.theme,
    )


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    settings.setValue("settings/back_s", prefs.back_s)
    settings.setValue("settings/forward_s", prefs.forward_s)
    settings.setValue("settings/default_rate", prefs.default_rate)
    settings.setValue(FOLLOW_KEY, prefs.follow)
    settings.setValue("settings/font_pt", prefs.font_pt)
    settings.setValue("settings/theme", prefs.theme)
    settings.sync()


def apply_settings(
    window: MainWindow, *, new_episode: bool = False, theme: bool = True
) -> Preferences:
    """Make the window match the stored preferences.

    ``new_episode`` also sets the default speed; it is only for a window about to restore an
    episode, whose own saved speed (if any) then wins. ``theme=False`` leaves the palette alone,
    for renderings that chose their theme on the command line.
    """
    prefs = load_preferences(window.settings)
    t = window.transport
    t.back_ms, t.forward_ms = prefs.back_s * 1000, prefs.forward_s * 1000
    t.back_button.setText(f"−{prefs.back_s}")
    t.back_button.setToolTip(f"Back {prefs.back_s} seconds (J, Shift+←)")
    t.back_button.setAccessibleName(f"Back {prefs.back_s} seconds")
    t.forward_button.setText(f"+{prefs.forward_s}")
    t.forward_button.setToolTip(f"Forward {prefs.forward_s} seconds (L, Shift+→)")
    t.forward_button.setAccessibleName(f"Forward {prefs.forward_s} seconds")
    window.actions_by_name["follow"].setChecked(prefs.follow)
    window.pane.set_follow_enabled(prefs.follow)
    delegate = window.pane.card_delegate
    wanted = float(prefs.font_pt) if prefs.font_pt else None
    if delegate.body_point_size != wanted:
        delegate.body_point_size = wanted
        delegate.clear_cache()
        window.pane.scheduleDelayedItemsLayout()
        window.pane.viewport().update()
    if theme:
        apply_theme(prefs.theme)
    if new_episode:
        window.playback.set_rate(prefs.default_rate)
    return prefs


class SettingsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
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

        form = QFormLayout()
        form.addRow("Skip &back:", self.back_spin)
        form.addRow("Skip &forward:", self.forward_spin)
        form.addRow("Default &speed:", self.rate_combo)
        form.addRow("", self.follow_check)
        form.addRow("&Text size:", self.font_spin)
        form.addRow("T&heme:", self.theme_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        for spin in (self.back_spin, self.forward_spin, self.font_spin):
            spin.valueChanged.connect(self._store)
        for combo in (self.rate_combo, self.theme_combo):
            combo.currentIndexChanged.connect(self._store)
        self.follow_check.toggled.connect(self._store)

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
        )

    def _store(self, *_: object) -> None:
        save_preferences(self._window.settings, self.preferences())
        apply_settings(self._window)


def show_settings(window: MainWindow) -> SettingsDialog:
    """Open the (non-modal) preferences, one at a time per window."""
    dialog = getattr(window, "_settings_dialog", None)
    if dialog is None:
        dialog = SettingsDialog(window)
        window._settings_dialog = dialog  # type: ignore[attr-defined]
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
