"""Chapters and transcripts in the window, the audio's own tags, and sync points."""

from player.ui.tracks.controller import TracksController

__all__ = ["TracksController"]
