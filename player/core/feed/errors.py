"""What can go wrong between a brief and the publisher's recording, each in words a listener can
act on: check the address, try again later, free some space.

Every error here leaves the listener's previous audio attached; the ones raised mid-download say
whether the partial file was kept for resuming.
"""

from __future__ import annotations


class FeedError(Exception):
    """Base of everything this package raises; ``str()`` is the message to show."""


class FeedUnreachable(FeedError):
    """No answer: no network, an unknown host, a refused connection or a timeout."""


class HttpStatusError(FeedError):
    """The server answered with an error status (404, 500, …)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class NotAFeed(FeedError):
    """The address answered, but with a web page or something that is not a podcast feed."""


class NoMatch(FeedError):
    """The feed was read, but no episode in it is this brief's."""


class DownloadInterrupted(FeedError):
    """The connection dropped or stalled mid-file; the part received is kept for resuming."""

    def __init__(self, message: str, received: int, total: int | None) -> None:
        super().__init__(message)
        self.received = received
        self.total = total


class SizeMismatch(FeedError):
    """The file received is not the size the server or the feed promised."""


class DiskFull(FeedError):
    """No room for the file; what was received is kept so the download can resume later."""
