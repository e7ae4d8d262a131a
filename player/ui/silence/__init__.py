"""Skip Silence: glide over the pauses of the recording while it plays."""

from player.ui.silence.controller import SilenceController

__all__ = ["SilenceController"]
