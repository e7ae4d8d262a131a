"""Delegates paint rows as cards; they never build rich text from the brief or from notes."""
