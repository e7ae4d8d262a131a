"""Chapters, Go to Time and the time left: finding a place in a long episode."""

from player.ui.chapters.controller import ChaptersController

__all__ = ["ChaptersController"]
