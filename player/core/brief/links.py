"""Which quotes speak of which concept or takeaway.

The brief gives times only for quotes. To light up "Model Collapse" when the episode reaches the
quote about it, each concept and takeaway is compared with every quote by TF-IDF cosine
similarity over stemmed words and word pairs. It is a plain lexical method on purpose: a score
can be explained by pointing at the shared words, and when it gets one wrong the episode's
``links.json`` pins or removes that link by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from player.core.brief.models import Brief, Link, Problem
from player.core.brief.term_matrix import Parts, unit_weights
from player.core.jsonpos import JsonSyntaxError, loads_with_lines, path_text
from player.core.text import terms
from player.core.timefmt import TimeFormatError, format_clock, seconds_value

THRESHOLD = 0.12  # keep links at least this similar ...
FLOOR = 0.06  # ... but give every item its best quote if it reaches this
MAX_LINKS = 3
NAME_WEIGHT = 3.0  # a concept's name says more than its description
CONTEXT_WEIGHT = 0.8  # the brief's comment on a quote, a little less than the words
PAIRS_PER_PASS = 2_000_000  # (item term, quote) pairs scored per numpy pass


@dataclass(frozen=True)
class Pin:
    """One line of ``links.json``: a concept (by name or index) or takeaway tied to a time."""

    kind: Literal["concept", "takeaway"]
    target: str | int
    at: float | None
    line: int


@dataclass(frozen=True)
class Pins:
    pin: tuple[Pin, ...] = ()
    remove: tuple[Pin, ...] = ()
    file: str = "links.json"


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


def load_pins(path: str | Path) -> tuple[Pins, tuple[Problem, ...]]:
    """Read ``links.json``; a missing file means no pins, a bad entry is a ``Problem``."""
    p = Path(path)
    file = str(p)
    if not p.exists():
        return Pins(file=file), ()
    try:
        text = p.read_text(encoding="utf-8-sig")
        raw, lines = loads_with_lines(text)
    except (OSError, UnicodeDecodeError) as e:
        return Pins(file=file), (Problem(file=file, line=1, message=f"cannot be read: {e}"),)
    except JsonSyntaxError as e:
        return Pins(file=file), (Problem(file=file, line=e.line, message=f"not valid JSON: {e}"),)
    return parse_pins(raw, lines, file)


def parse_pins(
    raw: object, lines: dict[tuple[str | int, ...], int], file: str
) -> tuple[Pins, tuple[Problem, ...]]:
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        return Pins(file=file), (Problem(file=file, line=1, message="expected an object"),)
    groups: dict[str, list[Pin]] = {"pin": [], "remove": []}
    for key, entries in raw.items():
        if key not in groups:
            problems.append(
                Problem(file=file, line=lines.get((key,), 1), message=f"unknown key {key!r}")
            )
            continue
        if not isinstance(entries, list):
            problems.append(
                Problem(file=file, line=lines.get((key,), 1), message=f"{key}: expected a list")
            )
            continue
        for i, entry in enumerate(entries):
            line = lines.get((key, i), 1)
            pin = _pin(entry, line, needs_time=key == "pin")
            if isinstance(pin, str):
                problems.append(
                    Problem(file=file, line=line, message=f"{path_text((key, i))}: {pin}")
                )
            else:
                groups[key].append(pin)
    return Pins(tuple(groups["pin"]), tuple(groups["remove"]), file), tuple(problems)


def _pin(entry: object, line: int, *, needs_time: bool) -> Pin | str:
    if not isinstance(entry, dict):
        return 'expected {"concept": NAME, "at": TIME} or {"takeaway": INDEX, "at": TIME}'
    kinds = [k for k in ("concept", "takeaway") if k in entry]
    if len(kinds) != 1:
        return 'name exactly one of "concept" or "takeaway"'
    kind = kinds[0]
    target = entry[kind]
    if isinstance(target, bool) or not isinstance(target, str | int):
        return f"{kind} must be a name or an index"
    at = entry.get("at")
    if at is None:
        if needs_time:
            return 'a pin needs "at": the time of the quote'
        return Pin(kind, target, None, line)  # type: ignore[arg-type]
    try:
        seconds = seconds_value(at)
    except TimeFormatError as e:
        return str(e)
    return Pin(kind, target, seconds, line)  # type: ignore[arg-type]


def apply_links(brief: Brief, pins: Pins | None = None) -> Brief:
    """The brief with ``links`` and each concept's and takeaway's ``at`` filled in."""
    return link_brief(brief, pins)[0]


def link_brief(brief: Brief, pins: Pins | None = None) -> tuple[Brief, tuple[Problem, ...]]:
    """Like ``apply_links``, also saying which pins named nothing in this brief."""
    pins = pins or Pins()
    problems: list[Problem] = []
    links = {
        (lk.kind, lk.index, lk.quote): lk
        for lk in (brief.links or auto_links(brief))
        if lk.quote < len(brief.quotes)
    }
    for pin, adding in [(p, False) for p in pins.remove] + [(p, True) for p in pins.pin]:
        found = _resolve(brief, pin)
        if isinstance(found, str):
            problems.append(Problem(file=pins.file, line=pin.line, message=found))
            continue
        index, quotes = found
        if adding:
            for q in quotes:
                links[(pin.kind, index, q)] = Link(
                    kind=pin.kind, index=index, quote=q, score=1.0, pinned=True
                )
        else:
            doomed = [k for k in links if k[0] == pin.kind and k[1] == index and k[2] in quotes]
            for k in doomed:
                del links[k]
    ordered = tuple(links[k] for k in sorted(links, key=lambda k: (k[0], k[1], k[2])))
    concept_at: dict[int, set[float]] = {}
    takeaway_at: dict[int, set[float]] = {}
    for lk in ordered:
        target = concept_at if lk.kind == "concept" else takeaway_at
        target.setdefault(lk.index, set()).add(brief.quotes[lk.quote].at)
    concepts = tuple(
        c.model_copy(update={"at": tuple(sorted(concept_at.get(i, ())))})
        for i, c in enumerate(brief.concepts)
    )
    takeaways = tuple(
        t.model_copy(update={"at": tuple(sorted(takeaway_at.get(i, ())))})
        for i, t in enumerate(brief.takeaways)
    )
    linked = brief.model_copy(
        update={"links": ordered, "concepts": concepts, "takeaways": takeaways}
    )
    return linked, tuple(problems)


def _resolve(brief: Brief, pin: Pin) -> tuple[int, list[int]] | str:
    items = brief.concepts if pin.kind == "concept" else brief.takeaways
    if isinstance(pin.target, int):
        if not 0 <= pin.target < len(items):
            return f"there is no {pin.kind} {pin.target} (the brief has {len(items)}, from 0)"
        index = pin.target
    else:
        wanted = _loose(pin.target)
        names = (
            [_loose(c.name) for c in brief.concepts]
            if pin.kind == "concept"
            else [_loose(t.text) for t in brief.takeaways]
        )
        matches = [i for i, n in enumerate(names) if n == wanted]
        if not matches and pin.kind == "takeaway":
            matches = [i for i, n in enumerate(names) if n.startswith(wanted)]
        if len(matches) != 1:
            what = "no" if not matches else "more than one"
            return f"{what} {pin.kind} named {pin.target!r}"
        index = matches[0]
    if pin.at is None:
        return index, list(range(len(brief.quotes)))
    quotes = [q for q, quote in enumerate(brief.quotes) if abs(quote.at - pin.at) < 0.5]
    if not quotes:
        return f"no quote at {format_clock(pin.at)} for {pin.kind} {pin.target!r}"
    return index, quotes


def _loose(name: str) -> str:
    return " ".join(terms(name)) or name.casefold().strip()


def link_table(brief: Brief) -> list[str]:
    """One line per concept and takeaway with its linked quote times and scores."""
    rows: list[str] = []
    for kind, items in (("concept", brief.concepts), ("takeaway", brief.takeaways)):
        for i, item in enumerate(items):
            label = item.name if kind == "concept" else item.text  # type: ignore[union-attr]
            found = [lk for lk in brief.links if lk.kind == kind and lk.index == i]
            cells = ", ".join(
                f"{format_clock(brief.quotes[lk.quote].at)} "
                + ("pinned" if lk.pinned else f"{lk.score:.2f}")
                for lk in sorted(found, key=lambda lk: brief.quotes[lk.quote].at)
            )
            rows.append(f"{kind} {i:2d} {label[:48]:48s} -> {cells or '(none)'}")
    return rows


__all__ = [
    "Pin",
    "Pins",
    "apply_links",
    "auto_links",
    "link_brief",
    "link_table",
    "load_pins",
    "parse_pins",
    "score_table",
]
