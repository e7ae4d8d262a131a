"""Whatever text arrives, the reader either returns a brief or raises ``BriefError``."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.brief.models import BriefError
from player.core.brief.parser import parse_brief_text

SEED = Path(__file__).resolve().parents[3] / "content" / "karpathy-ghosts-not-animals" / "brief.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
JUNK = st.text(alphabet=st.sampled_from(list("-–—*•:[]\"'“”‘’0123456789 \tAt\r\n\x00\ufeffé")))


def _parse(text: str) -> None:
    try:
        result = parse_brief_text(text, "f.txt")
    except BriefError as e:
        assert str(e)
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
