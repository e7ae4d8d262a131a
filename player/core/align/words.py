"""Words as the matcher compares them: what a quote says, stripped of how it was written.

A brief quotes speech loosely: punctuation, "[On LLMs]" stage notes, "..." where words were
left out, "um" and "like" dropped or kept. A transcript or a recogniser writes the same speech
its own way ("2" for "two", "gonna", "don't(2)" for a pronunciation variant). Both sides are
brought to lower-case words without punctuation, filler words are dropped, and the quote is cut
into fragments at each elision so each fragment is searched as a run of consecutive words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words people say without meaning them; a brief's editor drops them, a transcript keeps them.
# "kind of" and "sort of" are fillers as pairs; alone "of" is a real word, so only pairs go.
_FILLER_PAIRS = (("kind", "of"), ("sort", "of"), ("you", "know"), ("i", "mean"))
_SINGLE_FILLERS = frozenset(
    ("um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm", "mhm", "like", "yeah", "oh")
)

# Short, frequent words: they match by chance, so they count for less in a match.
STOPWORDS = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this",
        "that", "these", "those", "i", "you", "he", "she", "we", "they", "me", "my", "your",
        "our", "their", "his", "her", "them", "us", "do", "does", "did", "not", "no", "so",
        "just", "than", "then", "there", "here", "what", "which", "who", "how", "all", "any",
        "some", "can", "will", "would", "could", "should", "have", "has", "had", "about", "into",
        "out", "up", "down", "over", "very", "really", "actually", "also", "s", "t", "re", "ve",
        "ll", "d", "m",
    )
)  # fmt: skip

_ELISION = re.compile(r"\.\.\.|…|\[\s*\.\.\.\s*\]")
_BRACKETS = re.compile(r"\[(?!\s*\.\.\.\s*\])[^\]]*\]")  # a stage note; "[...]" is an elision
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_VARIANT = re.compile(r"\(\d+\)$")

_NUMBERS = {
    "0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
    "7": "seven", "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve",
    "20": "twenty", "100": "hundred",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Token:
    """One compared word; ``weight`` is how much matching it says (stopwords say little)."""

    text: str
    weight: float


def normalise(word: str) -> str:
    """One written or recognised word in its compared form ('' when nothing is left)."""
    word = _VARIANT.sub("", word.strip().lower())
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    found = _WORD.findall(word)
    if not found:
        return ""
    w = "".join(found)
    return _NUMBERS.get(w, w)


def split_words(text: str) -> list[str]:
    """Compared words of running text, fillers kept (a transcript's timing needs every word)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore")
    return [_NUMBERS.get(w, w) for w in _WORD.findall(text.decode().lower())]


def keep_mask(words: list[str]) -> list[bool]:
    """False for each word that is a filler (alone, or as part of a pair like "kind of")."""
    keep = [w not in _SINGLE_FILLERS for w in words]
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) in _FILLER_PAIRS:
            keep[i] = keep[i + 1] = False
    return keep


def drop_fillers(words: list[str]) -> list[str]:
    return [w for w, k in zip(words, keep_mask(words), strict=True) if k]


def token(word: str) -> Token:
    return Token(word, 0.4 if word in STOPWORDS else 1.0)


def quote_fragments(text: str) -> list[list[Token]]:
    """The quote's runs of consecutive words, cut at each "..." and without stage notes."""
    fragments = []
    for part in _ELISION.split(_BRACKETS.sub(" ", text)):
        words = drop_fillers(split_words(part))
        if words:
            fragments.append([token(w) for w in words])
    return fragments


def similarity(a: str, b: str) -> float:
    """How alike two compared words are, 0..1: equal words 1, near spellings a little less.

    Near spellings catch recognition errors ("distillation"/"distilation", "models"/"model")
    without matching unrelated short words.
    """
    if a == b:
        return 1.0
    if len(a) < 3 or len(b) < 3:
        return 0.0
    if a.rstrip("s") == b.rstrip("s") or a.replace("'", "") == b.replace("'", ""):
        return 0.9
    if a[:4] == b[:4] and min(len(a), len(b)) >= 5:
        return 0.7
    return 0.0
