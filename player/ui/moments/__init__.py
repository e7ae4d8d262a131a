"""What can be done with one moment: its menu in every list, the Edit menu, the Starred tab."""

from player.ui.moments.controller import MomentsController

__all__ = ["MomentsController"]
