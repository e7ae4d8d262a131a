"""Locating a quote's words in a stream of timed words (a transcript, or what the recogniser
heard), tolerant to words missed, misheard, added or left out at an elision.

The method is a local alignment (Smith-Waterman) of the quote's tokens against the words, with
one change: where the brief wrote "...", any number of words may be skipped for free, since the
brief left them out on purpose. Long word streams are first narrowed to a few places where the
quote's rarer words line up (seeding), so a whole episode's transcript costs milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from player.core.align.words import Token, similarity

_MISMATCH = 0.5  # times the quote word's weight
_SKIP_QUOTE = 0.5  # a quote word the words lack
_EXTRA_WORD = 0.3  # a word the quote lacks
_SEED_BUCKET = 25
_SEED_ABOVE = 1500  # streams longer than this are seeded, shorter ones searched whole
_SECONDS_PER_WORD = 0.33  # speech at about 180 words a minute


@dataclass(frozen=True, slots=True)
class TimedWord:
    text: str
    start_s: float
    end_s: float


@dataclass(frozen=True, slots=True)
class Match:
    """Where the quote starts, and how much of it was found there (0..1)."""

    start_s: float
    end_s: float
    confidence: float
    first_word: int  # index into the word stream


def locate(
    fragments: list[list[Token]],
    words: list[TimedWord],
    near_s: float | None = None,
) -> Match | None:
    """The best place for the quote in ``words``; ties go to the one nearest ``near_s``."""
    tokens = [t for frag in fragments for t in frag]
    if not tokens or not words:
        return None
    elided = _fragment_starts(fragments)
    total = sum(t.weight for t in tokens)
    if len(words) <= _SEED_ABOVE:
        spans = [(0, len(words))]
    else:
        spans = _seed_spans(tokens, words, extra=len(elided) * 60)
    best: Match | None = None
    for lo, hi in spans:
        found = _align(tokens, elided, words, lo, hi, total)
        if found is None:
            continue
        if best is None or _better(found, best, near_s):
            best = found
    return best


def _better(a: Match, b: Match, near_s: float | None) -> bool:
    if abs(a.confidence - b.confidence) > 0.05 or near_s is None:
        return a.confidence > b.confidence
    return abs(a.start_s - near_s) < abs(b.start_s - near_s)


def _fragment_starts(fragments: list[list[Token]]) -> frozenset[int]:
    starts, at = set(), 0
    for frag in fragments[:-1]:
        at += len(frag)
        starts.add(at)
    return frozenset(starts)


def _seed_spans(tokens: list[Token], words: list[TimedWord], extra: int) -> list[tuple[int, int]]:
    """A few stretches of the stream where the quote's content words fall on one diagonal."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        if t.weight >= 1.0:
            wanted[t.text].append(i)
    votes: dict[int, float] = defaultdict(float)
    for j, w in enumerate(words):
        for i in wanted.get(w.text, ()):
            votes[(j - i) // _SEED_BUCKET] += 1.0
    if not votes:
        return []
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:6]
    spans = []
    for bucket, _ in ranked:
        lo = max(0, bucket * _SEED_BUCKET - 2 * _SEED_BUCKET)
        hi = min(len(words), bucket * _SEED_BUCKET + len(tokens) + 3 * _SEED_BUCKET + extra)
        spans.append((lo, hi))
    return spans


def _align(
    tokens: list[Token],
    elided: frozenset[int],
    words: list[TimedWord],
    lo: int,
    hi: int,
    total: float,
) -> Match | None:
    """Local alignment over ``words[lo:hi]``; each cell carries (score, gain, start i, start j)."""
    n = hi - lo
    texts = [w.text for w in words[lo:hi]]
    zero = (0.0, 0.0, -1, -1)
    prev = [zero] * (n + 1)
    best = zero
    best_end = -1
    for i, tok in enumerate(tokens):
        if i in elided:
            # Words left out at "...": carry the best score so far forward along the row.
            carried, run = [zero] * (n + 1), zero
            for j in range(n + 1):
                if prev[j][0] > run[0]:
                    run = prev[j]
                carried[j] = run
            prev = carried
        cur = [zero] * (n + 1)
        skip_cost = _SKIP_QUOTE * tok.weight
        for j in range(1, n + 1):
            sim = similarity(tok.text, texts[j - 1])
            diag = prev[j - 1]
            if sim > 0:
                gain = tok.weight * sim
                if diag[0] > 0:
                    cell = (diag[0] + gain, diag[1] + gain, diag[2], diag[3])
                else:
                    cell = (gain, gain, i, j - 1)
            else:
                s = diag[0] - _MISMATCH * tok.weight
                cell = (s, diag[1], diag[2], diag[3]) if s > 0 else zero
            up = prev[j]
            if up[0] - skip_cost > cell[0]:
                cell = (up[0] - skip_cost, up[1], up[2], up[3])
            left = cur[j - 1]
            if left[0] - _EXTRA_WORD > cell[0]:
                cell = (left[0] - _EXTRA_WORD, left[1], left[2], left[3])
            cur[j] = cell
            if cell[0] > best[0]:
                best, best_end = cell, j - 1
        prev = cur
    if best[0] <= 0:
        return None
    _, gain, first_tok, first = best
    start_w, end_w = words[lo + first], words[lo + best_end]
    spoken = max(1, best_end - first + 1)
    per_word = (end_w.end_s - start_w.start_s) / spoken if spoken > 2 else _SECONDS_PER_WORD
    per_word = min(max(per_word, 0.15), 0.6)
    start = max(0.0, start_w.start_s - first_tok * per_word)
    return Match(start, end_w.end_s, min(1.0, gain / total), lo + first)
