"""The similarity scores behind ``links.auto_links``, with numpy.

In a module of their own so that a brief whose links come from the cache (``brief.cache``), or
are written in the brief, opens without importing numpy.
"""

from __future__ import annotations

import numpy as np

from player.core.brief.links import CONTEXT_WEIGHT, FLOOR, MAX_LINKS, NAME_WEIGHT, THRESHOLD
from player.core.brief.models import Brief, Link
from player.core.brief.term_matrix import Parts, unit_weights

PAIRS_PER_PASS = 2_000_000  # (item term, quote) pairs scored per numpy pass


def _texts(brief: Brief) -> tuple[list[Parts], list[tuple[str, int]]]:
    """Every quote's parts, then every concept's and takeaway's, and the items' keys."""
    texts: list[Parts] = [
        [(q.text, 1.0), (q.note or "", 1.0), (q.context or "", CONTEXT_WEIGHT)]
        for q in brief.quotes
    ]
    keys: list[tuple[str, int]] = []
    for i, c in enumerate(brief.concepts):
        texts.append([(c.name, NAME_WEIGHT), (c.description, 1.0)])
        keys.append(("concept", i))
    for i, t in enumerate(brief.takeaways):
        texts.append([(t.text, 1.0)])
        keys.append(("takeaway", i))
    return texts, keys


def _score_arrays(brief: Brief) -> dict[tuple[str, int], np.ndarray]:
    """Cosine similarity of every concept and takeaway to every quote, one array per item.

    Document frequency counts quotes and items together: a word every concept uses ("AI" in
    this brief) says little about which quote a concept belongs to. Only terms some item uses
    can score, so quotes' weights are kept just for those, sorted by term (postings); each item
    entry is then paired with the postings of its term and summed per (item, quote) with
    ``bincount``, a few million pairs per pass: the work is the postings items share with quotes.
    """
    texts, keys = _texts(brief)
    n = len(brief.quotes)
    if not keys:
        return {}
    w = unit_weights(texts)
    is_quote = w.doc < n
    item_term = w.term[~is_quote]
    wanted = np.zeros(int(w.term.max(initial=-1)) + 1, dtype=bool)
    wanted[item_term] = True
    keep = is_quote & wanted[w.term]
    order = np.argsort(w.term[keep], kind="stable")
    q_term, q_doc, q_unit = w.term[keep][order], w.doc[keep][order], w.unit[keep][order]
    starts = np.searchsorted(q_term, item_term, side="left")
    counts = np.searchsorted(q_term, item_term, side="right") - starts
    item_doc, item_unit = w.doc[~is_quote] - n, w.unit[~is_quote]
    # A few million pairs at a time: the pairs of a 10 MB brief would take hundreds of MB at once.
    # Passes split between item entries, so each (item, quote) sum keeps its order.
    ends = np.cumsum(counts)
    scores = np.zeros(len(keys) * n)
    lo = 0
    while lo < len(item_term):
        hi = max(lo + 1, int(np.searchsorted(ends, ends[lo] - counts[lo] + PAIRS_PER_PASS)))
        c = counts[lo:hi]
        entry = np.repeat(np.arange(lo, hi), c)
        pos = np.repeat(starts[lo:hi] - (np.cumsum(c) - c), c) + np.arange(len(entry))
        where = item_doc[entry] * n + q_doc[pos]
        scores += np.bincount(where, weights=q_unit[pos] * item_unit[entry], minlength=len(scores))
        lo = hi
    rows = scores.reshape(len(keys), n)
    return {key: rows[k] for k, key in enumerate(keys)}


def score_table(brief: Brief) -> dict[tuple[str, int], list[float]]:
    """Similarity of every concept and takeaway to every quote, for inspection and tests."""
    return {key: scores.tolist() for key, scores in _score_arrays(brief).items()}


def auto_links(brief: Brief) -> list[Link]:
    links: list[Link] = []
    for (kind, index), scores in _score_arrays(brief).items():
        ranked = _best(scores, MAX_LINKS)
        for rank, q in enumerate(ranked.tolist()):
            s = float(scores[q])
            if s >= THRESHOLD or (rank == 0 and s >= FLOOR):
                links.append(Link(kind=kind, index=index, quote=q, score=round(s, 4)))  # type: ignore[arg-type]
    return links


def _best(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the ``k`` highest scores, best first, ties to the earlier quote.

    A partition finds the ``k``-th score without sorting 50,000; only what reaches it (in
    quote order, so a stable sort keeps ties early) is sorted.
    """
    if len(scores) <= k:
        return np.argsort(-scores, kind="stable")
    kth = np.partition(scores, len(scores) - k)[len(scores) - k]
    reaching = np.flatnonzero(scores >= kth)
    return reaching[np.argsort(-scores[reaching], kind="stable")][:k]
