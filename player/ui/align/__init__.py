"""Finding every quote in the listener's own copy of the audio, from the window."""

from player.ui.align.controller import AlignController

__all__ = ["AlignController"]
