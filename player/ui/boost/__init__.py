"""Volume Boost: quiet recordings played louder, their loud moments limited, not clipped."""

from player.ui.boost.controller import BoostController

__all__ = ["BoostController"]
