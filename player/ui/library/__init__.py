"""The Library: every bundled episode and every brief the listener opened, one key away."""

from player.ui.library.controller import LibraryController

__all__ = ["LibraryController"]
