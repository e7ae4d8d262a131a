"""Widgets of the main window, one file each."""
