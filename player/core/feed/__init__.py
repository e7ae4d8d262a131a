"""The real episode from the podcast's own feed: read the feed, find the brief's episode,
download its audio and what the feed carries beside it, attach it.

No Qt: the command line runs these on its thread, the window through its job runner. Every
long function takes a ``player.core.jobs.Progress``; every failure is a ``FeedError`` whose
message is written for the listener.
"""

from player.core.feed.clue import BriefSource, brief_source
from player.core.feed.download import Downloaded, download
from player.core.feed.errors import (
    DiskFull,
    DownloadInterrupted,
    FeedError,
    FeedUnreachable,
    HttpStatusError,
    NoMatch,
    NotAFeed,
    SizeMismatch,
)
from player.core.feed.extras import Extras, fetch_extras
from player.core.feed.fetch import (
    Fetched,
    Found,
    attach,
    downloads_dir,
    fetch_episode,
    find_in_feed,
    read_and_match,
)
from player.core.feed.match import Candidate, EpisodeClue, MatchResult, match_episode, pick
from player.core.feed.reader import Feed, FeedEpisode, parse_feed, read_feed

__all__ = [
    "BriefSource",
    "Candidate",
    "DiskFull",
    "DownloadInterrupted",
    "Downloaded",
    "EpisodeClue",
    "Extras",
    "Feed",
    "FeedEpisode",
    "FeedError",
    "FeedUnreachable",
    "Fetched",
    "Found",
    "HttpStatusError",
    "MatchResult",
    "NoMatch",
    "NotAFeed",
    "SizeMismatch",
    "attach",
    "brief_source",
    "download",
    "downloads_dir",
    "fetch_episode",
    "fetch_extras",
    "find_in_feed",
    "match_episode",
    "parse_feed",
    "pick",
    "read_and_match",
    "read_feed",
]
