"""The sleep timer: stop after some minutes or at the end of the chapter or quote, fading out."""

from player.ui.sleep.controller import SleepController

__all__ = ["SleepController"]
