"""First-start hint and the sign that Follow is off."""

from player.ui.hints.controller import HintsController

__all__ = ["HintsController"]
