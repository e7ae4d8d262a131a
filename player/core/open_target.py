"""What ``brief-player ARG`` opens: a brief file, a ``file://`` URI, or a moment link.

The desktop hands the command URIs (``Exec=brief-player %u``): a file from the file manager
arrives as ``file:///…``, a link clicked in a notebook as ``brief-player://open?…``. A link names
an episode by its id; the briefs the listener has opened (the library) and the bundled episodes
say where its brief is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from player.core.episodes import discover_episodes
from player.core.moment_link import is_moment_url, parse_moment_url

BriefOf = Callable[[str], "str | None"]  # an episode id -> the brief path the library holds


class OpenTargetError(ValueError):
    """An argument that names nothing to open; the message says what to do."""


@dataclass(frozen=True)
class OpenTarget:
    brief: Path | None  # None: the first bundled episode
    at_ms: int | None = None


def open_target(arg: str | None, content: Path, library_brief: BriefOf) -> OpenTarget:
    """Raises ``OpenTargetError`` (or ``MomentLinkError``, a ``ValueError``) for a bad link."""
    if arg is None:
        return OpenTarget(None)
    if is_moment_url(arg):
        link = parse_moment_url(arg)
        return OpenTarget(_brief_of(link.episode_id, content, library_brief), link.at_ms)
    if arg.lower().startswith("file:"):
        return OpenTarget(Path(unquote(urlsplit(arg).path)))
    return OpenTarget(Path(arg))


def _brief_of(episode_id: str, content: Path, library_brief: BriefOf) -> Path:
    known = library_brief(episode_id)
    if known and Path(known).is_file():
        return Path(known)
    for episode in discover_episodes(content):
        if episode.id == episode_id:
            return episode.brief_path
    raise OpenTargetError(
        f"no episode {episode_id!r} here: open its brief once (File ▸ Open Brief…) "
        "and links to it will find it"
    )
