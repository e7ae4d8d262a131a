"""Core work on huge briefs: the quote<->concept linker, parsing, the timeline, search.

- links: 2,000 quotes x 2,000 concepts, the inverted-index linker against the all-pairs cosine
  it replaced (kept here as the baseline, run on the same brief in the same process);
- a 50,000-quote brief (text form): parse, link, timeline, search index, one keystroke;
- a 10 MB brief: the same steps.

Prints medians in milliseconds and the linker's speed-up.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.core.brief.cues import brief_timeline
from player.core.brief.links import CONTEXT_WEIGHT, NAME_WEIGHT, apply_links, score_table
from player.core.brief.models import Brief, Concept, Quote
from player.core.brief.parser import parse_brief_text
from player.core.search import BriefIndex
from player.core.text import terms

WORDS = [
    "model",
    "collapse",
    "agents",
    "memory",
    "ghosts",
    "animals",
    "software",
    "compiler",
    "gradient",
    "token",
    "context",
    "window",
    "attention",
    "reward",
    "policy",
    "data",
    "synthetic",
    "benchmark",
    "evaluation",
    "reasoning",
    "tools",
    "education",
    "vision",
    "robots",
    "decade",
    "march",
    "nines",
    "reliability",
    "demo",
    "product",
    "economy",
    "labour",
]


def _median_ms(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


# Word frequencies in talk follow Zipf's law: a few words everywhere, most words rare. The
# 30 topic words above are mixed into a 20,000-word vocabulary drawn that way.
_VOCAB = WORDS + [
    "".join(
        random.Random(i).choice("bcdfghklmnprstvz") + random.Random(i * 7 + j).choice("aeiou")
        for j in range(3)
    )
    for i in range(20_000)
]
_WEIGHTS = [1 / (rank + 1) for rank in range(len(_VOCAB))]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(_VOCAB, _WEIGHTS, k=n))


def _bag(parts: list[tuple[str, float]]) -> Counter[str]:
    bag: Counter[str] = Counter()
    for text, weight in parts:
        ts = terms(text)
        for t in ts:
            bag[t] += weight
        for a, b in itertools.pairwise(ts):
            bag[f"{a} {b}"] += weight
    return bag


def _quote_bags(brief: Brief) -> list[Counter[str]]:
    return [
        _bag([(q.text, 1.0), (q.note or "", 1.0), (q.context or "", CONTEXT_WEIGHT)])
        for q in brief.quotes
    ]


@dataclass
class _Vector:
    weights: dict[str, float]
    norm: float


def _vector(bag: Counter[str], idf: dict[str, float], default_idf: float) -> _Vector:
    weights = {
        t: (1 + math.log(c) if c >= 1 else c) * idf.get(t, default_idf) for t, c in bag.items()
    }
    return _Vector(weights, math.sqrt(sum(w * w for w in weights.values())))


def inverse_frequencies(docs: list[Counter[str]]) -> tuple[dict[str, float], float]:
    df: Counter[str] = Counter()
    for bag in docs:
        df.update(bag.keys())
    n = len(docs)
    return {t: math.log((n + 1) / (d + 1)) + 1 for t, d in df.items()}, math.log(n + 1) + 1


def _old_score_table(brief: Brief) -> dict[tuple[str, int], list[float]]:
    """The all-pairs linker as it was: every item's vector rebuilt for every quote."""
    quote_bags = _quote_bags(brief)
    item_bags = {
        ("concept", i): _bag([(c.name, NAME_WEIGHT), (c.description, 1.0)])
        for i, c in enumerate(brief.concepts)
    }
    idf, default = inverse_frequencies([*quote_bags, *item_bags.values()])
    qv = [_vector(b, idf, default) for b in quote_bags]

    def cos(a, b) -> float:  # type: ignore[no-untyped-def]
        if not a.norm or not b.norm:
            return 0.0
        return sum(w * b.weights.get(t, 0.0) for t, w in a.weights.items()) / (a.norm * b.norm)

    return {k: [cos(_vector(bag, idf, default), v) for v in qv] for k, bag in item_bags.items()}


def _brief(quotes: int, concepts: int, seed: int = 1) -> Brief:
    rng = random.Random(seed)
    return Brief(
        title="Scale",
        quotes=tuple(Quote(at=i * 2.0, text=_sentence(rng, 14)) for i in range(quotes)),
        concepts=tuple(
            Concept(name=_sentence(rng, 2), description=_sentence(rng, 12)) for _ in range(concepts)
        ),
    )


def _brief_text(quotes: int, words_per_quote: int) -> str:
    rng = random.Random(2)
    lines = ["Guest — “Scale”", "Key Concepts"]
    lines += [f"- {_sentence(rng, 2)}: {_sentence(rng, 10)}" for _ in range(40)]
    lines.append("Quotes")
    for i in range(quotes):
        h, rem = divmod(i * 2, 3600)
        lines.append(
            f'- At {h}:{rem // 60:02d}:{rem % 60:02d} - "{_sentence(rng, words_per_quote)}"'
        )
    return "\n".join(lines) + "\n"


def _huge(label: str, text: str) -> None:
    parsed = parse_brief_text(text, "huge.txt").brief
    linked = apply_links(parsed)
    index = BriefIndex(linked)
    rows = {
        "parse": _median_ms(lambda: parse_brief_text(text, "huge.txt"), 1),
        "link": _median_ms(lambda: apply_links(parsed), 1),
        "timeline": _median_ms(lambda: brief_timeline(linked), 1),
        "search index": _median_ms(lambda: BriefIndex(linked), 1),
        "keystroke 'mod'": _median_ms(lambda: index.search("mod"), 5),
        "keystroke 'model col'": _median_ms(lambda: index.search("model col"), 5),
    }
    size = len(text.encode()) / 1e6
    print(f"{label} ({len(parsed.quotes)} quotes, {size:.1f} MB):")
    for name, ms in rows.items():
        print(f"  {name:24s} {ms:9.1f} ms")


def main() -> None:
    brief = _brief(2000, 2000)
    new = _median_ms(lambda: score_table(brief))
    old = _median_ms(lambda: _old_score_table(brief), 1)
    print(f"linker 2,000 x 2,000: {new:.0f} ms (all pairs: {old:.0f} ms; {old / new:.0f}x)")
    _huge("50,000-quote brief", _brief_text(50_000, 14))
    _huge("10 MB brief", _brief_text(20_000, 80))


if __name__ == "__main__":
    main()
