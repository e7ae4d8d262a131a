"""Journeys open windows as the command does: with the window tests' own isolation."""

from tests.ui.conftest import _forget_apps, isolated_settings
from tests.ui.feed.conftest import real_audio

__all__ = ["_forget_apps", "isolated_settings", "real_audio"]
