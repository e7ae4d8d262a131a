"""Journeys drive whole windows as a listener would, across restarts of the app."""

from tests.ui.conftest import _forget_apps, isolated_settings  # noqa: F401  (autouse fixtures)
from tests.ui.feed.conftest import real_audio  # noqa: F401  (the feed journey's audio)
