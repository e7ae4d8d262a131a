"""How long the player's per-tick questions take on a 30,000-cue timeline, and a search keystroke.

Prints medians and 99th percentiles, each next to a plain linear scan measured in the same run,
so the ratio means something on any machine.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.search import BriefIndex
from player.core.timeline import Cue, CueKind, Timeline, point_cues

RUNS = 2000


def build_cues(rng: random.Random) -> list[Cue]:
    cues: list[Cue] = []
    t = 0
    for i in range(29_950):  # words of a three-hour transcript
        length = rng.randint(150, 500)
        cues.append(Cue(CueKind.TRANSCRIPT, t, t + length, "word", i))
        t += length + rng.randint(0, 40)
    cues += point_cues(CueKind.QUOTE, [(rng.randint(0, t), "q", i) for i in range(20)], t)
    for i in range(30):
        start = rng.randint(0, t)
        cues.append(Cue(CueKind.CONCEPT, start, start + rng.randint(10_000, 300_000), "c", i))
    return cues


def timed(fn, args: list) -> list[float]:
    out = []
    for a in args:
        start = time.perf_counter()
        fn(a)
        out.append(time.perf_counter() - start)
    return out


def report(name: str, fast: list[float], slow: list[float], unit: float, label: str) -> None:
    def p99(xs: list[float]) -> float:
        return sorted(xs)[int(len(xs) * 0.99) - 1]

    fm, sm = statistics.median(fast), statistics.median(slow)
    print(
        f"{name:28s} median {fm * unit:9.1f} {label}  p99 {p99(fast) * unit:9.1f} {label}   "
        f"linear scan median {sm * unit:9.1f} {label}  ratio {sm / fm:7.0f}x"
    )


def bench_timeline() -> None:
    rng = random.Random(1)
    cues = build_cues(rng)
    timeline = Timeline(cues)
    end = max(c.end_ms for c in cues)
    times = [rng.randint(0, end) for _ in range(RUNS)]
    few = times[:200]
    boundaries = sorted({b for c in cues for b in (c.start_ms, c.end_ms)})

    def scan_active(t: int) -> list[Cue]:
        return [c for c in cues if c.start_ms <= t < c.end_ms]

    def scan_next(t: int) -> int | None:
        return next((b for b in boundaries if b > t), None)

    print(f"timeline of {len(timeline)} cues, {RUNS} random times")
    report("active_at", timed(timeline.active_at, times), timed(scan_active, few), 1e6, "µs")
    report(
        "next_boundary_after",
        timed(timeline.next_boundary_after, times),
        timed(scan_next, few),
        1e6,
        "µs",
    )


def synthetic_brief(rng: random.Random, lines: int) -> Brief:
    # A vocabulary of 8,000 made-up words used with Zipf-like frequencies, as in real speech.
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(8000)]
    vocab[:5] = ["model", "collapse", "ghost", "the", "of"]
    weights = [1 / (rank + 1) for rank in range(len(vocab))]

    def sentence(n: int) -> str:
        return " ".join(rng.choices(vocab, weights, k=n))

    quotes = tuple(Quote(at=i * 0.5, text=sentence(18), context=sentence(8)) for i in range(lines))
    concepts = tuple(Concept(name=sentence(2), description=sentence(25)) for _ in range(200))
    takeaways = tuple(Takeaway(text=sentence(20)) for _ in range(200))
    return Brief(title="synthetic", quotes=quotes, concepts=concepts, takeaways=takeaways)


def bench_search() -> None:
    rng = random.Random(2)
    brief = synthetic_brief(rng, 30_000)
    start = time.perf_counter()
    index = BriefIndex(brief)
    built = time.perf_counter() - start
    typed = "model collapse ghost"
    keystrokes = [typed[: i + 1] for i in range(len(typed))] * 3

    def scan(query: str) -> list[int]:
        q = query.split()
        return [i for i, d in enumerate(index.docs) if all(w in d.text.lower() for w in q)]

    print(f"search over {len(index.docs)} texts (index built in {built * 1000:.0f} ms)")
    report(
        "BriefIndex keystroke",
        timed(index.search, keystrokes),
        timed(scan, keystrokes[: len(typed)]),
        1e3,
        "ms",
    )


if __name__ == "__main__":
    bench_timeline()
    bench_search()
