"""The real episode from the podcast's feed: File ▸ Get the Real Episode… and Find This
Episode in a Feed…, downloading through the job bar and attaching like Attach Audio."""

from player.ui.feed.controller import FeedController

__all__ = ["FeedController"]
