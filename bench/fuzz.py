"""Structure-aware fuzzing of every reader, at volume: ``python bench/fuzz.py [N]``.

Each target starts from real files (the samples in ``tests/data`` and ``tests/data/wild``) and
mutates them the way damage and hostile files do: timestamps and numbers made huge, negative,
``inf`` or hundreds of digits long; lines duplicated, dropped, or swapped; deep nesting; odd
Unicode (lone surrogates, BOMs, form feeds, NULs); long runs of digits and blank lines. The
notes import is mutated through its JSON tree and read into a real database (`fuzz_notes.py`). A
reader may only raise its declared error. Prints, per target: inputs per second, unexpected
exceptions (with the first one's input), and the slowest input's time and size.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from fuzz_notes import notes_target

from player.core.brief.models import BriefError
from player.core.brief.parser import parse_brief_json, parse_brief_text
from player.core.formats.chapters_json import parse_chapters_json
from player.core.formats.problems import FormatError
from player.core.formats.subrip import parse_srt
from player.core.formats.textfile import decode
from player.core.formats.transcript_json import parse_transcript_json
from player.core.formats.vtt import parse_vtt
from player.core.timefmt import TimeFormatError, parse_time

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BRIEF = next((ROOT / "content").rglob("*.txt"))

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ODD = ["\ufeff", "\x00", "\f", "\v", "\r", "\u2028", "\ud800", "é", "“", "-->", "<v ", "&amp;"]
_HUGE = ["9" * 400, "1e308", "-1", "inf", "NaN", "0" * 300 + "1", "99999999999", "1" * 5000]


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        if op == 0 and (nums := list(_NUMBER.finditer(text))):
            m = rng.choice(nums)
            text = text[: m.start()] + rng.choice(_HUGE) + text[m.end() :]
        elif op == 1:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[rng.randrange(len(lines))])
            text = "\n".join(lines)
        elif op == 2:
            lines = text.split("\n")
            del lines[rng.randrange(len(lines))]
            text = "\n".join(lines)
        elif op == 3:
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(_ODD) * rng.choice([1, 1, 50]) + text[i:]
        elif op == 4:
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(["1", "\n", " ", ":"]) * rng.randint(100, 3000) + text[i:]
        elif op == 5:
            i = rng.randrange(len(text) + 1)
            depth = rng.randint(10, 1200)
            text = text[:i] + "[" * depth + "]" * depth + text[i:]
        else:
            i, j = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            text = text[:i] + text[j:]
    return text


def _text_target(parse: Callable[..., object], error: type[Exception]) -> Callable[[str], None]:
    def run(text: str) -> None:
        with contextlib.suppress(error):
            parse(text, "fuzz")

    return run


def _sniff(text: str) -> None:
    with contextlib.suppress(FormatError):
        decode(text.encode("utf-8", "surrogatepass"))


def _times(text: str) -> None:
    for token in text.split()[:50]:
        with contextlib.suppress(TimeFormatError):
            parse_time(token)


def _seeds(*names: str) -> list[str]:
    out = []
    for name in names:
        for path in sorted(DATA.glob(name)):
            try:
                out.append(decode(path.read_bytes()).text)
            except FormatError:
                continue
    return out


Mutator = Callable[[str, random.Random], str]


def targets() -> dict[str, tuple[Callable[[str], None], list[str], Mutator]]:
    brief_text = BRIEF.read_text(encoding="utf-8")
    brief_json = json.dumps(
        parse_brief_text(brief_text, "seed").brief.model_dump(mode="json"), ensure_ascii=False
    )
    plain: dict[str, tuple[Callable[[str], None], list[str]]] = {
        "brief text": (_text_target(parse_brief_text, BriefError), [brief_text]),
        "brief JSON": (_text_target(parse_brief_json, BriefError), [brief_json]),
        "SRT": (_text_target(parse_srt, FormatError), _seeds("*.srt", "wild/*/*.srt")),
        "WebVTT": (_text_target(parse_vtt, FormatError), _seeds("*.vtt", "wild/*/*.vtt")),
        "transcript JSON": (
            _text_target(parse_transcript_json, FormatError),
            _seeds("transcript.json"),
        ),
        "chapters JSON": (_text_target(parse_chapters_json, FormatError), _seeds("chapters.json")),
        "sniffing": (_sniff, _seeds("*.*")),
        "times": (_times, _seeds("*.srt", "*.vtt")),
    }
    out: dict[str, tuple[Callable[[str], None], list[str], Mutator]] = {
        name: (run, seeds, _mutate) for name, (run, seeds) in plain.items()
    }
    out["notes import"] = notes_target()
    return out


def _timed(run: Callable[[str], None], text: str) -> float:
    started = time.perf_counter()
    with contextlib.suppress(Exception):
        run(text)
    return time.perf_counter() - started


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    only = sys.argv[2:]
    rng = random.Random(20261201)
    for name, (run, seeds, mutate) in targets().items():
        if only and name not in only:
            continue
        unexpected, first = 0, ""
        slow: list[tuple[float, str]] = []  # inputs under 100 kB over 100 ms on first try
        slowest, slow_input = 0.0, ""
        started = time.perf_counter()
        for _ in range(n):
            text = mutate(rng.choice(seeds), rng)
            t = time.perf_counter()
            try:
                run(text)
            except Exception:
                unexpected += 1
                if not first:
                    first = f"{traceback.format_exc(limit=-2)}input head: {text[:120]!r}"
            took = time.perf_counter() - t
            if took > 0.1 and len(text.encode("utf-8", "surrogatepass")) < 100_000:
                slow.append((took, text))
            if took > slowest:
                slowest, slow_input = took, text
        rate = n / (time.perf_counter() - started)
        # The machine is shared: a first timing over 100 ms is timed again, best of three, so
        # a pause of the process is not taken for a slow input.
        over = sum(1 for _, text in slow[:50] if min(_timed(run, text) for _ in range(3)) > 0.1)
        again = min(_timed(run, slow_input) for _ in range(3))
        print(
            f"{name:16s} {rate:8.0f}/s  unexpected {unexpected}  "
            f"over 100 ms (<100 kB, best of 3) {over} of {len(slow)} first-try  "
            f"slowest {slowest * 1000:.1f} ms (again {again * 1000:.1f} ms) "
            f"on {len(slow_input):,} chars"
        )
        if first:
            print("   ", first.replace("\n", "\n    "))


if __name__ == "__main__":
    main()
