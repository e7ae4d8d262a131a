"""Links to a moment of an episode: ``brief-player://open?episode=ID&t=1:05:10``.

A link pasted into a notebook or a web page opens the app at that moment (the desktop entry
registers the scheme). The time is written as people read it; plain seconds and ``65m`` are
accepted too, so a hand-made link works. Parsing never raises anything but ``MomentLinkError``
with a sentence saying what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from player.core.navigation.goto import parse_go_to
from player.core.timefmt import TimeFormatError, format_clock

SCHEME = "brief-player"


class MomentLinkError(ValueError):
    """A ``brief-player:`` link that cannot be followed; the message says why."""


@dataclass(frozen=True)
class MomentLink:
    episode_id: str
    at_ms: int

    def url(self) -> str:
        t = format_clock(self.at_ms / 1000)
        return f"{SCHEME}://open?episode={quote(self.episode_id, safe='')}&t={t}"


def moment_url(episode_id: str, at_ms: int) -> str:
    return MomentLink(episode_id, max(0, int(at_ms))).url()


def is_moment_url(text: str) -> bool:
    return text.strip().lower().startswith(f"{SCHEME}:")


def parse_moment_url(text: str) -> MomentLink:
    parts = urlsplit(text.strip())
    if parts.scheme.lower() != SCHEME:
        raise MomentLinkError(f"not a {SCHEME}: link: {text.strip()!r}")
    action = (parts.netloc or parts.path.strip("/")).lower()
    if action != "open":
        raise MomentLinkError(
            f"{SCHEME}: links open a moment ({SCHEME}://open?...), not {action!r}"
        )
    query = parse_qs(parts.query)
    episode = (query.get("episode") or [""])[0].strip()
    if not episode:
        raise MomentLinkError("the link names no episode (episode=...)")
    t = (query.get("t") or ["0"])[0]
    try:
        seconds = parse_go_to(t)
    except TimeFormatError as e:
        raise MomentLinkError(f"the link's time t={t!r} cannot be read: {e}") from None
    return MomentLink(episode, round(seconds * 1000))
