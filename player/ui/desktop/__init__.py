"""The desktop around the window: media keys (MPRIS), dropped files, screen readers."""

from player.ui.desktop.integration import DesktopIntegration

__all__ = ["DesktopIntegration"]
