"""Which episode of a feed a brief describes.

A GUID or the enclosure's address identifies it for certain. Without them (a brief opened from
a text file, or a feed that renumbered its GUIDs) the title, the guest and the date decide, each
scored 0..1 and weighed; when two episodes score alike the candidates are shown, best first,
rather than downloading two hours of the wrong conversation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from player.core.feed.errors import NoMatch
from player.core.feed.reader import Feed, FeedEpisode

SURE_SCORE = 0.8  # a match this good, this far ahead of the next, needs no confirmation
SURE_LEAD = 0.15
LEAST_SCORE = 0.35  # below this an episode is not offered at all
WEIGHTS = {"title": 0.55, "guest": 0.2, "date": 0.2, "length": 0.05}


@dataclass(frozen=True, slots=True)
class EpisodeClue:
    """What a brief and its ``episode.json`` say about the episode they describe."""

    title: str = ""
    guest: str = ""
    published: date | None = None
    length_s: float | None = None
    guid: str = ""
    enclosure_url: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    episode: FeedEpisode
    score: float
    why: str  # "GUID", "enclosure", or the parts that agreed ("title 0.97, guest, same day")


@dataclass(frozen=True)
class MatchResult:
    candidates: tuple[Candidate, ...]  # every episode, best first

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def likely(self) -> tuple[Candidate, ...]:
        """The ones worth offering when unsure."""
        return tuple(c for c in self.candidates if c.score >= LEAST_SCORE)

    @property
    def sure(self) -> bool:
        best = self.best
        if best is None or best.score < SURE_SCORE:
            return False
        runner_up = self.candidates[1].score if len(self.candidates) > 1 else 0.0
        return best.score - runner_up >= SURE_LEAD


def match_episode(clue: EpisodeClue, feed: Feed) -> MatchResult:
    scored = [score_episode(clue, e) for e in feed.episodes]
    scored.sort(key=lambda c: c.score, reverse=True)
    return MatchResult(tuple(scored))


def pick(result: MatchResult, feed: Feed, guid: str = "") -> FeedEpisode:
    """The episode to download: the one named by ``guid``, else a sure match; else ``NoMatch``
    whose message lists the likely candidates."""
    if guid:
        for c in result.candidates:
            if c.episode.guid == guid:
                return c.episode
        raise NoMatch(f"No episode in {feed.title or feed.url} has the GUID {guid!r}.")
    if result.sure:
        return result.best.episode  # type: ignore[union-attr]
    likely = result.likely[:5]
    if not likely:
        raise NoMatch(
            f"No episode in {feed.title or feed.url} ({len(feed.episodes)} episodes) looks like "
            "this brief. Check the feed address, or list its episodes with --list."
        )
    lines = [f"  {c.score:.2f}  {c.episode.title}  [{c.episode.guid}]" for c in likely]
    raise NoMatch(
        "More than one episode could be this brief's; choose one by its GUID (--guid):\n"
        + "\n".join(lines)
    )


def score_episode(clue: EpisodeClue, episode: FeedEpisode) -> Candidate:
    if clue.guid and clue.guid.strip() == episode.guid.strip():
        return Candidate(episode, 1.0, "GUID")
    if (
        clue.enclosure_url
        and episode.enclosure
        and _same_file(clue.enclosure_url, episode.enclosure.url)
    ):
        return Candidate(episode, 1.0, "enclosure")
    parts: dict[str, float] = {}
    if clue.title:
        parts["title"] = title_similarity(clue.title, episode.title)
    if clue.guest:
        parts["guest"] = _guest_named(clue.guest, episode)
    if clue.published and episode.published:
        parts["date"] = _date_closeness(clue.published, episode.published)
    if clue.length_s and episode.duration_s:
        longer = max(clue.length_s, episode.duration_s)
        parts["length"] = max(0.0, 1.0 - abs(clue.length_s - episode.duration_s) / longer)
    if not parts:
        return Candidate(episode, 0.0, "nothing to compare")
    weight = sum(WEIGHTS[k] for k in parts)
    score = sum(WEIGHTS[k] * v for k, v in parts.items()) / weight
    # A title alone is weak evidence: without the guest or the date, cap what it can reach.
    if set(parts) == {"title"}:
        score = min(score, 0.9)
    return Candidate(episode, round(score, 4), _why(parts))


def title_similarity(a: str, b: str) -> float:
    """0..1: characters in order, or the share of the shorter title's words in the longer, so
    "Karpathy — ghosts, not animals" still finds "Andrej Karpathy — We're summoning ghosts…"."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    ratio = SequenceMatcher(None, na, nb).ratio()
    wa, wb = set(na.split()), set(nb.split())
    shorter = min(len(wa), len(wb))
    overlap = len(wa & wb) / shorter  # both have a word: normalize left some
    # Word overlap counts a little less: two titles can share "the" and "of" and little else.
    return max(ratio, 0.95 * overlap if shorter >= 3 else 0.0)


def normalize(text: str) -> str:
    """Lower case, accents and punctuation gone: curly quotes and dashes differ between a
    brief typed by hand and the publisher's feed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("’", "'").replace("'", "")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _guest_named(guest: str, episode: FeedEpisode) -> float:
    name = normalize(guest)
    if not name:
        return 0.0
    if any(normalize(p) == name for p in episode.people):
        return 1.0
    haystack = normalize(f"{episode.title} {episode.description[:2000]}")
    if f" {name} " in f" {haystack} ":
        return 1.0
    surname = name.split()[-1]
    return 0.6 if len(surname) > 2 and surname in haystack.split() else 0.0


def _date_closeness(a: date, b: date) -> float:
    """Briefs often carry the video's date, a day or two off the audio's."""
    days = abs((a - b).days)
    for limit, value in ((0, 1.0), (1, 0.9), (3, 0.6), (7, 0.3)):
        if days <= limit:
            return value
    return 0.0


def _same_file(a: str, b: str) -> bool:
    """Equal addresses, or one wrapping the other: trackers put their own host before the
    publisher's (``tracker/redirect.mp3/cdn.host/file.mp3``) and add query strings."""
    if a == b:
        return True
    pa, pb = urlsplit(a), urlsplit(b)
    ka, kb = pa.netloc + pa.path, pb.netloc + pb.path
    if not pa.path.strip("/") or not pb.path.strip("/"):
        return False
    return ka.endswith(kb) or kb.endswith(ka)


def _why(parts: dict[str, float]) -> str:
    words = []
    if "title" in parts:
        words.append(f"title {parts['title']:.2f}")
    if parts.get("guest"):
        words.append("guest named")
    if "date" in parts:
        words.append("same day" if parts["date"] == 1.0 else f"date {parts['date']:.1f}")
    if "length" in parts:
        words.append(f"length {parts['length']:.2f}")
    return ", ".join(words)
