"""TF-IDF weights of many short texts at once, as flat numpy arrays.

The linker compares every concept and takeaway with every quote. Building a ``Counter`` and a
weight dictionary per quote in Python took six seconds on a 50,000-quote brief. Here each text
is split into words by one regular expression call, each distinct spelling is stemmed once
(only the words' numbers are kept, not the words), word pairs are formed with array arithmetic,
and counting, document frequencies and norms are sorts and ``bincount``s over all texts.

The weights are the ones the linker always used: per text, the weighted count ``c`` of each
stem and adjacent stem pair, damped to ``1 + log c`` (``c`` itself below one), times the
smoothed IDF ``log((n + 1) / (df + 1)) + 1`` over all texts, divided by the text's norm.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from player.core.text import STOP_WORDS, WORD, fold, stem

# One text: its parts, each with the weight its words count for ("the name counts three times").
Parts = Sequence[tuple[str, float]]


@dataclass(frozen=True)
class UnitWeights:
    """Non-zero unit weights: text ``doc[i]`` holds term ``term[i]`` with weight ``unit[i]``.

    Sorted by ``(doc, term)``; terms are numbered, words first, then pairs.
    """

    doc: np.ndarray
    term: np.ndarray
    unit: np.ndarray


# One call for every text at once: the texts joined by NUL, which no word contains.
_SEP = "\x00"
_WORD_OR_SEP = re.compile(f"{WORD.pattern}|{_SEP}")


class _Vocabulary:
    """Word -> stem number, computed once per distinct spelling (-1: a stop word)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._of_word: dict[str, int] = {_SEP: -2}
        self.found = array("q")  # stem number of every word read so far, -1 for stop words

    def read(self, text: str) -> int:
        """Add the words of ``text`` to ``found``; how many there were."""
        ws = WORD.findall(text)
        of_word = self._of_word
        for w in set(ws).difference(of_word):
            of_word[w] = self._lookup(w)
        self.found.extend(map(of_word.__getitem__, ws))
        return len(ws)

    def read_all(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The stem numbers of the words of all ``texts`` in order, and each text's count.

        One regular expression pass over the joined texts instead of one call per text: the
        calls, not the matching, were most of the time on a brief of 50,000 quotes.
        """
        joined = _SEP.join(texts)
        if joined.count(_SEP) != len(texts) - 1:  # a text holds a NUL: one by one, then
            sizes = [self.read(t) for t in texts]
            return np.array(self.found, dtype=np.int64), np.array(sizes, dtype=np.int64)
        tokens = _WORD_OR_SEP.findall(joined)
        of_word = self._of_word
        for w in set(tokens).difference(of_word):
            of_word[w] = self._lookup(w)
        ids = np.fromiter(map(of_word.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        separators = np.flatnonzero(ids == -2)
        bounds = np.concatenate(([-1], separators, [len(ids)]))
        return ids[ids != -2], np.diff(bounds) - 1

    def _lookup(self, raw: str) -> int:
        base = (raw.lower() if raw.isascii() else fold(raw)).split("'", 1)[0]
        if len(base) < 2 or base in STOP_WORDS:
            return -1
        return self.ids.setdefault(stem(base), len(self.ids))


def unit_weights(texts: Sequence[Parts]) -> UnitWeights:
    """The unit TF-IDF vectors of ``texts`` (document frequency counted over all of them)."""
    vocab = _Vocabulary()
    # Every part with words, numbered across all texts, with its text and weight.
    parts = [(text, d, weight) for d, ps in enumerate(texts) for text, weight in ps if text]
    part_doc = [d for _, d, _ in parts]
    part_weight = [w for _, _, w in parts]
    all_ids, sizes = vocab.read_all([t for t, _, _ in parts])
    all_parts = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    meaningful = all_ids >= 0
    words, part = all_ids[meaningful], all_parts[meaningful]
    pdoc = np.array(part_doc, dtype=np.int64)
    pweight = np.array(part_weight, dtype=np.float64)
    n_words = len(vocab.ids)
    # Adjacent stems of the same part make a pair term ("model collapse"), numbered after words.
    same = part[1:] == part[:-1] if len(part) else np.zeros(0, dtype=bool)
    pair_keys = words[:-1][same] * max(n_words, 1) + words[1:][same]
    pair_codes, pair_ids = np.unique(pair_keys, return_inverse=True)
    terms = np.concatenate([words, n_words + pair_ids.reshape(-1)])
    owner = np.concatenate([part, part[:-1][same]])
    n_terms = n_words + len(pair_codes)
    # Weighted count of each (text, term): one sort of all occurrences.
    keys = pdoc[owner] * max(n_terms, 1) + terms
    uniq, inverse = np.unique(keys, return_inverse=True)
    counts = np.bincount(inverse.reshape(-1), weights=pweight[owner], minlength=len(uniq))
    doc = uniq // max(n_terms, 1)
    term = uniq % max(n_terms, 1)
    df = np.bincount(term, minlength=n_terms)
    idf = np.log((len(texts) + 1) / (df + 1)) + 1
    damped = np.where(counts >= 1, 1 + np.log(np.maximum(counts, 1e-300)), counts)
    weights = damped * idf[term]
    norms = np.sqrt(np.bincount(doc, weights=weights * weights, minlength=len(texts)))
    return UnitWeights(doc, term, weights / norms[doc])


__all__ = ["Parts", "UnitWeights", "unit_weights"]
