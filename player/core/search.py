"""Find-as-you-type over a brief.

The search box runs a query on every keystroke, so the work that does not depend on the query
(splitting every text into folded words, the word -> texts index, the sorted vocabulary used for
prefix matches) happens once in ``BriefIndex``. A keystroke then costs a few set intersections
plus a scan of the texts that match, which stays in milliseconds on a 30,000-line brief.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from player.core.brief.models import Brief
from player.core.text import WORD, fold, folded_words, words

HitKind = Literal["quote", "concept", "takeaway", "summary", "overview"]
_KIND_RANK = {"quote": 0, "concept": 1, "takeaway": 2, "overview": 3, "summary": 4}
_MAX_PREFIX_WORDS = 5000  # a one-letter prefix names most of the vocabulary; cap the union


@dataclass(frozen=True, slots=True)
class Hit:
    kind: HitKind
    ref: int
    at: float | None
    text: str
    spans: tuple[tuple[int, int], ...]
    score: float


@dataclass(frozen=True, slots=True)
class _Term:
    """One word of the query, or a quoted phrase of several; the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool


@dataclass(slots=True)
class _Doc:
    kind: HitKind
    ref: int
    at: float | None
    text: str
    tokens: list[str]


_QUERY = re.compile(r'"([^"]*)("?)|(\S+)')


def parse_query(query: str) -> list[_Term]:
    """Words and ``"quoted phrases"``; the word being typed (no space after it yet) is a prefix."""
    q = query.replace("“", '"').replace("”", '"')
    terms: list[_Term] = []
    for m in _QUERY.finditer(q):
        phrase, closed, word = m.groups()
        text = phrase if phrase is not None else word
        ws = tuple(w for _, _, w in words(text))
        if ws:
            at_end = m.end() == len(q)
            open_phrase = phrase is not None and not closed
            terms.append(_Term(ws, prefix=at_end and (word is not None or open_phrase)))
    return terms


def _texts(brief: Brief) -> Iterator[tuple[HitKind, int, float | None, str]]:
    for i, q in enumerate(brief.quotes):
        text = q.text
        if q.note:
            text = f"[{q.note}] {text}"
        if q.context:
            text = f"{text} — {q.context}"
        yield "quote", i, q.at, text
    for i, c in enumerate(brief.concepts):
        yield "concept", i, c.at[0] if c.at else None, f"{c.name}: {c.description}"
    for i, t in enumerate(brief.takeaways):
        yield "takeaway", i, t.at[0] if t.at else None, t.text
    for i, s in enumerate(brief.overview):
        yield "overview", i, None, s
    for i, s in enumerate(brief.summary):
        yield "summary", i, None, s


class BriefIndex:
    """Every searchable text of one brief, indexed once.

    ``lazy=True`` indexes nothing yet: ``build_some`` then indexes a few texts at a time (the
    window does it between events, so a 50,000-quote brief is ready before the first keystroke
    without a pause), and a search finishes whatever is left first.
    """

    def __init__(self, brief: Brief, *, lazy: bool = False) -> None:
        self.docs: list[_Doc] = []
        self._pending: Iterator[tuple[HitKind, int, float | None, str]] | None = _texts(brief)
        self._postings: dict[str, set[int]] = {}
        if not lazy:
            self.finish()

    @property
    def ready(self) -> bool:
        return self._pending is None

    def build_some(self, count: int) -> bool:
        """Index up to ``count`` more texts; True once the whole brief is indexed."""
        if self._pending is None:
            return True
        postings = self._postings
        taken = 0
        for kind, ref, at, text in itertools.islice(self._pending, max(1, count)):
            taken += 1
            # Only the folded words here; where each sits in the text is found again for the
            # few hits shown, which keeps indexing a 50,000-quote brief to about half the time.
            d = len(self.docs)
            doc = _Doc(kind, ref, at, text, folded_words(text))
            self.docs.append(doc)
            for w in set(doc.tokens):  # a word said ten times in a text is one posting
                postings.setdefault(w, set()).add(d)
        if taken == max(1, count):
            return False  # maybe more: the next call finds out
        self._complete()
        return True

    def finish(self) -> None:
        while not self.build_some(4096):
            pass

    def _complete(self) -> None:
        self._pending = None
        postings = self._postings
        self._vocabulary = sorted(postings)
        n = len(self.docs)
        self._idf = {w: math.log(1 + n / len(ds)) for w, ds in postings.items()}
        norm = [1 / math.sqrt(1 + len(doc.tokens) / 20) for doc in self.docs]
        rank = [_KIND_RANK[doc.kind] for doc in self.docs]
        self._norm = norm
        # Every text in the order hits are shown (shorter texts first: the match is more of
        # what they say), and each text's place in it, so a keystroke never sorts.
        self._order = sorted(range(n), key=lambda d: (-norm[d], rank[d], d))
        self._place = [0] * n
        for place, d in enumerate(self._order):
            self._place[d] = place

    def _words_for(self, word: str, prefix: bool) -> list[str]:
        if not prefix:
            return [word] if word in self._postings else []
        i = bisect_left(self._vocabulary, word)
        out: list[str] = []
        while i < len(self._vocabulary) and self._vocabulary[i].startswith(word):
            out.append(self._vocabulary[i])
            i += 1
            if len(out) >= _MAX_PREFIX_WORDS:
                break
        return out

    def _candidates(self, term: _Term) -> tuple[set[int], float]:
        """Texts holding every word of ``term`` (phrases are checked later), and its weight."""
        found: set[int] | None = None
        weight = 0.0
        for k, w in enumerate(term.words):
            last = k == len(term.words) - 1
            matches = self._words_for(w, term.prefix and last)
            if not matches:
                return set(), 0.0
            if len(matches) == 1:
                docs = self._postings[matches[0]]
            else:
                docs = set().union(*(self._postings[m] for m in matches))
            weight += max(self._idf[m] for m in matches[:50])
            found = set(docs) if found is None else found & docs
            if not found:
                return set(), 0.0
        return found or set(), weight

    def search(self, query: str, limit: int = 200) -> list[Hit]:
        self.finish()
        terms = parse_query(query)
        if not terms:
            return []
        found: set[int] | None = None
        weight = 0.0
        for term in sorted(terms, key=lambda t: -len(t.words[0])):
            docs, w = self._candidates(term)
            found = docs if found is None else found & docs
            weight += w
            if not found:
                return []
        # Rank on what the index already knows, and find the highlight ranges only for the hits
        # that will be shown (a phrase may not be there in order: then the next text is tried).
        norm = self._norm
        found = found or set()
        ranked: Iterable[int]
        if len(found) * 8 > len(self.docs):  # most texts: walk the order, skipping the others
            ranked = (d for d in self._order if d in found)
        else:
            ranked = sorted(found, key=self._place.__getitem__)
        hits: list[Hit] = []
        for d in ranked:
            doc = self.docs[d]
            spans = self._match_spans(doc, terms)
            if spans is None:
                continue
            score = round(weight * norm[d], 4)
            hits.append(Hit(doc.kind, doc.ref, doc.at, doc.text, spans, score))
            if len(hits) >= limit:
                break
        return hits

    @staticmethod
    def _match_spans(doc: _Doc, terms: list[_Term]) -> tuple[tuple[int, int], ...] | None:
        """Character ranges of every match, or ``None`` when a phrase is not there in order."""
        hit: set[int] = set()
        tokens = doc.tokens
        for term in terms:
            n = len(term.words)
            if n == 1:  # most terms: one comprehension instead of the loop below
                w = term.words[0]
                at = (
                    [i for i, t in enumerate(tokens) if t.startswith(w)]
                    if term.prefix
                    else [i for i, t in enumerate(tokens) if t == w]
                )
                if not at:
                    return None
                hit.update(at)
                continue
            found = False
            for i in range(len(tokens) - n + 1):
                ok = True
                for k, w in enumerate(term.words):
                    t = tokens[i + k]
                    if not (t.startswith(w) if term.prefix and k == n - 1 else t == w):
                        ok = False
                        break
                if ok:
                    found = True
                    hit.update(range(i, i + n))
            if not found:
                return None
        # Where the words are, up to the last one lit: the same matches the tokens came from.
        found_at = itertools.islice(WORD.finditer(doc.text), max(hit) + 1)
        spans = [m.span() for m in found_at]
        return tuple(_merge(spans[i] for i in sorted(hit)))


def _merge(spans) -> list[tuple[int, int]]:
    """Adjacent words of a phrase highlight as one range, gaps of one space included."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start - out[-1][1] <= 1:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def search_brief(brief: Brief, query: str, limit: int = 200) -> list[Hit]:
    """One-off search; keep a ``BriefIndex`` instead when searching the same brief repeatedly."""
    return BriefIndex(brief).search(query, limit)


__all__ = ["BriefIndex", "Hit", "HitKind", "fold", "parse_query", "search_brief"]
