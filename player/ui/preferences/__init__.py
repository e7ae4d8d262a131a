"""Preferences: the dialog over the settings table (``player.ui.settings``)."""

from player.ui.preferences.dialog import PreferencesController, SettingsDialog, apply_settings

__all__ = ["PreferencesController", "SettingsDialog", "apply_settings"]
