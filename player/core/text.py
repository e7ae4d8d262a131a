"""Words as search and linking compare them: accents, case and simple endings ignored.

A listener types "cafe" for "café" and "ghost" for "Ghosts"; the linker has to see that
"collapse" and "collapsed" are the same idea. Both share these few rules, so what search finds
and what the linker ties together agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# A word, keeping inner apostrophes ("we're") and digits ("99.999" splits at the point).
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

STOP_WORDS = frozenset(
    """
    a about above after again against all almost also am an and any are as at be because been
    before being below between both but by can could did do does doing don down during each
    even ever every few for from further get gets getting go going got had has have having he
    her here hers him his how i if in into is it its itself just kind kinds like lot lots may
    me might more most much must my no nor not now of off on once one only or other our out
    over own quite rather really same she should so some sort still such than that the their
    them then there these they thing things think this those through to too under until up
    upon us very was way we were what when where which while who whom why will with within
    without would yet you your
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

_SUFFIXES = (
    "izations",
    "ization",
    "ations",
    "ation",
    "izing",
    "ized",
    "ize",
    "ities",
    "ity",
    "ness",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "ly",
    "es",
    "s",
)


def clip_words(text: str, limit: int = 80) -> str:
    """``text`` whole when it fits in ``limit`` characters, else cut after the last whole word
    that fits, with one "…" (never "ghosts.." or a word cut in two)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:limit]
    return cut.rstrip(" .,;:…-–—") + "…"


def fold(text: str) -> str:
    """Lower case without accents: ``Café`` and ``CAFE`` both become ``cafe``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().replace("’", "'")


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, folded word)`` for each word of ``text``, positions in ``text`` itself."""
    for m in WORD.finditer(text):
        w = m.group()
        yield m.start(), m.end(), (w.lower() if w.isascii() else fold(w))


def folded_words(text: str) -> list[str]:
    """The folded words of ``words(text)`` without their positions, in one pass."""
    if text.isascii():
        return WORD.findall(text.lower())  # one call for the whole text, not one per word
    found = WORD.findall(text)
    return [w.lower() if w.isascii() else fold(w) for w in found]


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem; good enough to match "agents" with "agent", never shown to anyone.

    Cached: a long brief says the same few thousand words over and over, and stemming each
    occurrence again was most of the linker's time on a 50,000-quote brief.
    """
    word = word.split("'", 1)[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("s", "es") and word.endswith(("ss", "us", "is")):
                continue
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no single letters)."""
    out: list[str] = []
    for w in folded_words(text):
        base = w.split("'", 1)[0]
        if len(base) < 2 or base in STOP_WORDS:
            continue
        out.append(stem(base))
    return out
