"""Why a quote search could not run, in words the window and the command line show as they are."""

from __future__ import annotations


class AlignError(Exception):
    """Input that cannot be aligned: unreadable audio or transcript, a brief without quotes."""
