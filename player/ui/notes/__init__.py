"""The listener's notes in the window: capture, list, clips, stars, search, export."""

from player.ui.notes.controller import NotesController

__all__ = ["NotesController"]
