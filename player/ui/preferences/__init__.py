"""Preferences: the dialog over the settings table (``player.ui.settings``)."""

from player.ui.preferences.controller import PreferencesController, apply_settings

__all__ = ["PreferencesController", "apply_settings"]
