"""Whatever text arrives, the reader either returns a brief or raises ``BriefError``, and it
raises only for text with no heading at all: anything with a heading is a brief to show."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.brief.models import BriefError
from player.core.brief.parser import parse_brief_text

SEED = Path(__file__).resolve().parents[3] / "content" / "karpathy-ghosts-not-animals" / "brief.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
JUNK = st.text(alphabet=st.sampled_from(list("-–—*•:[]\"'“”‘’0123456789 \tAt\r\n\x00\ufeffé")))


HEADINGS = {
    "summary",
    "episode summary",
    "overview",
    "episode overview",
    "key concepts",
    "concepts",
    "quotes",
    "key quotes",
    "notable quotes",
    "takeaways",
    "key takeaways",
}


def _has_heading(text: str) -> bool:
    for raw in re.split(r"\r\n|\r|\n", text):
        line = raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").strip()
        key = " ".join(line.lstrip("#").strip().rstrip(":").strip().casefold().split())
        if key in HEADINGS:
            return True
    return False


def _parse(text: str) -> None:
    try:
        result = parse_brief_text(text, "f.txt")
    except BriefError as e:
        # Refusing the whole file is only for text that is not a brief at all.
        assert str(e)
        assert "\x00" in text or not _has_heading(text), f"a brief with a heading failed: {e}"
        return
    for p in result.problems:
        assert str(p).startswith("f.txt:") and p.line >= 1
    times = [q.at for q in result.brief.quotes]
    assert times == sorted(times)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_never_crashes(text: str) -> None:
    _parse(text)


@settings(max_examples=200, deadline=None)
@given(JUNK)
def test_random_brief_punctuation_never_crashes(text: str) -> None:
    _parse("Quotes\n" + text)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "junk", "truncate"]))
        i = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            break
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "junk":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(JUNK) + lines[i][pos:]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(mutated_seed())
def test_mutated_seed_never_crashes(text: str) -> None:
    _parse(text)
