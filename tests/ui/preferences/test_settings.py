"""Preferences change the window at once, are kept, and are applied to the next window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def restore_palette(qapp):
    before = qapp.palette()
    yield
    qapp.setPalette(before)


def _dialog(qtbot, window):
    from player.ui.preferences.dialog import SettingsDialog

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_skip_lengths_change_the_buttons_and_the_jump(qtbot, window) -> None:
    dialog = _dialog(qtbot, window)
    dialog.back_spin.setValue(10)
    dialog.forward_spin.setValue(45)
    assert window.transport.back_ms == 10_000
    assert window.transport.forward_ms == 45_000
    assert window.transport.back_button.text() == "−10"
    assert window.transport.forward_button.accessibleName() == "Forward 45 seconds"
    window.playback.seek(6_000)
    qtbot.mouseClick(window.transport.back_button, Qt.MouseButton.LeftButton)
    assert window.playback.now_ms() == 0  # 6 s back 10 s stops at the start
    window.playback.seek(500)
    window.actions_by_name["back"].trigger()
    assert window.playback.now_ms() == 0


def test_follow_setting_turns_following_off_and_on(qtbot, window) -> None:
    dialog = _dialog(qtbot, window)
    dialog.follow_check.setChecked(False)
    assert not window.pane.is_following()
    assert not window.actions_by_name["follow"].isChecked()
    dialog.follow_check.setChecked(True)
    assert window.pane.is_following()


def test_font_size_changes_the_cards(qtbot, window) -> None:
    dialog = _dialog(qtbot, window)
    index = window.pane_model.index(0)
    before = window.pane.sizeHintForIndex(index).height()
    dialog.font_spin.setValue(24)
    assert window.pane.card_delegate.body_point_size == 24.0
    assert window.pane.sizeHintForIndex(index).height() > before
    dialog.font_spin.setValue(dialog.font_spin.minimum())  # "Default"
    assert window.pane.card_delegate.body_point_size is None
    assert window.settings.value("settings/font_pt") in (0, "0")


def test_theme_choice_darkens_and_lightens_the_palette(qtbot, window, restore_palette) -> None:
    from player.ui import palette

    dialog = _dialog(qtbot, window)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    assert palette.is_dark()
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    assert not palette.is_dark()


def test_preferences_are_stored_and_applied_to_a_new_window(
    qtbot, brief_file: Path, audio_file: Path, restore_palette
) -> None:
    from player.ui import palette
    from tests.ui.apps import app_of, open_main_window

    settings = QSettings()
    settings.setValue("settings/back_s", 20)
    settings.setValue("settings/default_rate", 1.5)
    settings.setValue("settings/follow", False)
    settings.setValue("settings/font_pt", 18)
    settings.setValue("settings/theme", "dark")
    settings.sync()
    w = open_main_window(brief_file, audio=audio_file)
    qtbot.addWidget(w)
    assert w.transport.back_ms == 20_000
    assert w.playback.rate() == 1.5  # a new episode starts at the default speed
    assert not w.pane.is_following()
    assert w.pane.card_delegate.body_point_size == 18.0
    assert palette.is_dark()
    w.playback.set_rate(2.0)  # the episode's own speed wins the next time it opens
    w.close()
    w2 = open_main_window(brief_file, audio=audio_file, data=app_of(w).data)
    qtbot.addWidget(w2)
    assert w2.playback.rate() == 2.0


def test_mangled_settings_fall_back_to_defaults(qtbot) -> None:
    from player.ui.preferences.dialog import Preferences, load_preferences

    settings = QSettings()
    settings.setValue("settings/back_s", "lots")
    settings.setValue("settings/default_rate", "fast")
    settings.setValue("settings/theme", "purple")
    settings.setValue("settings/font_pt", 3)
    assert load_preferences(settings) == Preferences()


def test_preferences_action_opens_the_dialog(qtbot, window) -> None:
    from player.ui.preferences.dialog import SettingsDialog

    action = window.actions_by_name["preferences"]
    assert action.shortcut().toString() == "Ctrl+,"
    action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)]
    assert any(d.isVisible() for d in dialogs)
    for d in dialogs:
        d.close()


def test_follow_toggled_from_the_view_menu_is_kept(qtbot, tmp_path) -> None:
    from player.ui.app_data import AppData
    from tests.ui.apps import open_main_window
    from tests.ui.conftest import BRIEF

    brief = tmp_path / "b" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    data = AppData(tmp_path / "notes.db")
    first = open_main_window(brief, data=data)
    qtbot.addWidget(first)
    first.actions_by_name["follow"].setChecked(False)
    assert not first.pane.is_following()
    first.close()
    second = open_main_window(brief, data=data)
    qtbot.addWidget(second)
    assert not second.actions_by_name["follow"].isChecked()
    assert not second.pane.is_following()


def test_an_explicit_theme_survives_a_change_of_the_desktop_scheme(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from player.ui import palette, theme

    theme.apply_theme("dark")
    theme._scheme_changed(Qt.ColorScheme.Light)
    assert palette.is_dark()
    theme.apply_theme("light")
    theme._scheme_changed(Qt.ColorScheme.Dark)
    assert not palette.is_dark()
    assert QGuiApplication.palette() is not None


def test_every_setting_is_one_row_of_the_table(qtbot) -> None:
    from player.ui.settings import (
        FEATURE_SETTINGS,
        SETTINGS,
        WINDOW_SETTINGS,
        Preferences,
        read,
    )

    keys = [s.key for s in [*SETTINGS.values(), *FEATURE_SETTINGS, *WINDOW_SETTINGS]]
    assert len(keys) == len(set(keys))
    assert list(Preferences.fields) == list(SETTINGS)
    settings = QSettings()
    settings.setValue("window/side_tab", "2")  # what the INI backend hands back
    assert read(settings, WINDOW_SETTINGS[-1]) == 2
    settings.setValue("window/geometry", "not a geometry")
    assert read(settings, WINDOW_SETTINGS[0]) is None
