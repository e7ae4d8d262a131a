"""The boost from Preferences: the same setting as Playback ▸ Volume Boost, both ways."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tests.ui.apps import app_of


def test_preferences_turn_the_boost_on_and_choose_its_level(qtbot, window) -> None:
    boost = app_of(window).boost
    window.action("preferences").trigger()
    dialog = app_of(window).preferences.dialog
    assert not dialog.boost_check.isChecked() and dialog.boost_combo.currentText() == "+12 dB"

    dialog.boost_check.setChecked(True)
    assert window.action("boost").isChecked() and boost.boosting and boost.level_db == 12
    dialog.boost_combo.setCurrentIndex(dialog.boost_combo.findText("+6 dB"))
    assert boost.boosting and boost.level_db == 6 and "+6 dB" in boost.button.text()
    assert window.playback._device.wav.booster.gain_db == 6  # loaded again at the new level
    assert QSettings().value("playback/boost_db") in (6, "6")

    window.action("boost").trigger()  # off from the menu while the dialog is open
    assert not dialog.boost_check.isChecked()
    dialog.follow_check.setChecked(False)  # another change here does not turn it back on
    assert not window.action("boost").isChecked() and not boost.boosting
    dialog.close()
