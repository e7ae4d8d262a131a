"""Whatever text arrives, the reader either returns a brief or raises ``BriefError``, and it
raises only for text with no heading at all: anything with a heading is a brief to show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.brief import parser
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


# Mostly the plain shape, with what the general reader trims or reads differently at its edges.
WORDS = st.tuples(
    st.sampled_from(["", "[", "'", "‘", " ", "a", "“", "-", "\u00a0"]),
    st.text(alphabet=list("ab -:[]'’‘\t\u00a0\u2028٣.\"”"), max_size=8),
    st.sampled_from(["", "'", "’", " ", "]", "b", "”", "\u00a0"]),
).map("".join)
CONTEXT = st.one_of(
    st.none(),
    st.tuples(
        st.sampled_from([" - ", " - ", " — ", " -", "  - ", " - -", " - :", " -  ", " – "]),
        st.text(alphabet=list("ab -–—:\"”“' \t"), max_size=8),
    ).map("".join),
)
TIMES = st.sampled_from(["0:17", "1:02:03", "75:30", "1234:56", "999:59:59", "0:60", "1:2:03"])


@settings(max_examples=600, deadline=None)
@given(
    at=st.sampled_from(["At", "At", "at", "AT", "At ", "(At", ""]),
    time=TIMES,
    dash=st.sampled_from([" - ", " - ", " - ", " — ", "-", " -  "]),
    words=WORDS,
    close=st.sampled_from(['"', '"', '"', "”", ""]),
    context=CONTEXT,
)
def test_the_quick_reading_of_a_plain_quote_is_the_long_one(
    at: str, time: str, dash: str, words: str, close: str, context: str | None
) -> None:
    """Quotes in the plain shape skip the general reader; they must read exactly as it does."""
    line = f'{at} {time}{dash}"{words}{close}{context or ""}'
    text = f"Quotes\n- {line}\n"
    quick = parse_brief_text(text, "b.txt")
    with pytest.MonkeyPatch.context() as m:  # the general reader alone
        m.setattr(parser, "plain_quote", lambda _text: None)
        slow = parse_brief_text(text, "b.txt")
    assert quick == slow
