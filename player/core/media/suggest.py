"""Which brief does this audio file belong to?

When a listener opens an audio file, the player offers the brief that most likely describes it.
Episode titles are rewritten between feeds ("#212 – Andrej Karpathy: Ghosts" versus "Andrej
Karpathy — ghosts, not animals"), so the match is on words, not on exact strings: shared title
words, the show, the guest's name appearing anywhere in the tags, and how close the lengths are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from player.core.media.tags import MediaInfo

_WORD = re.compile(r"[^\W_]+")
_NOISE = frozenset(
    (
        *("a", "an", "and", "the", "of", "on", "in", "with", "to", "for", "at", "by"),
        *("is", "it", "ep", "episode", "podcast", "part", "feat", "ft"),
    )
)

# How much each clue counts; the title carries most of the weight.
W_TITLE, W_SHOW, W_GUEST, W_LENGTH = 0.55, 0.15, 0.2, 0.1


@dataclass(frozen=True, slots=True)
class Candidate:
    episode_id: str
    title: str = ""
    show: str = ""
    guest: str = ""
    length_s: float | None = None


def suggest_brief(
    info: MediaInfo, candidates: Iterable[Candidate], *, min_score: float = 0.35
) -> list[tuple[str, float]]:
    """``(episode_id, score)`` best first, scores in 0..1; weak matches are left out."""
    title = info.title or Path(info.path).stem  # its words split at _ and - like any
    heard = _words(" ".join((title, info.album, info.artist)))
    out: list[tuple[str, float]] = []
    for c in candidates:
        score = W_TITLE * _similar(title, c.title)
        score += W_SHOW * _similar(info.album, c.show)  # 0 when either is missing
        if c.guest:
            guest = _words(c.guest)
            if guest:
                score += W_GUEST * len(guest & heard) / len(guest)
        if c.length_s and info.duration_s:
            gap = abs(c.length_s - info.duration_s) / max(c.length_s, info.duration_s)
            score += W_LENGTH * max(0.0, 1.0 - 10 * gap)  # within 10 % of each other
        score = round(score, 4)  # the weights add up to 1
        if score >= min_score:
            out.append((c.episode_id, score))
    out.sort(key=lambda pair: (-pair[1], pair[0]))
    return out


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(_fold(text)) if w not in _NOISE and not w.isdigit()}


def _similar(a: str, b: str) -> float:
    """The better of word overlap (robust to reordering) and character similarity (to typos)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    overlap = len(wa & wb) / min(len(wa), len(wb))
    chars = SequenceMatcher(None, " ".join(sorted(wa)), " ".join(sorted(wb))).ratio()
    return max(overlap * (0.6 + 0.4 * min(len(wa), len(wb)) / max(len(wa), len(wb))), chars)
