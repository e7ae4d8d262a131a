"""What lights up with which quote follows the similarity rule the linker documents, for any
brief: a concept is tied to the quotes that share its words, best first, never to a quote that
shares nothing, however the work is split into passes."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from player.core.brief import links, scoring
from player.core.brief.links import CONTEXT_WEIGHT, NAME_WEIGHT, auto_links, score_table
from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.text import terms

# Few words, so texts share some; stop words, one letter, an apostrophe and an accent included.
_WORDS = ["model", "models", "collapse", "ghost", "agents", "decade", "the", "of", "x"]
_WORDS += ["model's", "Café", "CAFE", "learning", "reward", "summon", "don't", "AI"]
# Names with two apostrophes (one letter before the first: no word) and a stray NUL from a
# damaged file, which only separates words.
_WORDS += ["O'Neil's", "o'brien's", "reward\x00ghost"]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=7).map(" ".join)


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    n = draw(st.integers(1, 6))
    quotes = tuple(
        Quote(
            at=10.0 * i,
            text=draw(_TEXT),
            note=draw(st.none() | _TEXT),
            context=draw(st.none() | _TEXT),
        )
        for i in range(n)
    )
    concepts = tuple(
        Concept(name=draw(_TEXT), description=draw(_TEXT)) for _ in range(draw(st.integers(0, 3)))
    )
    takeaways = tuple(Takeaway(text=draw(_TEXT)) for _ in range(draw(st.integers(0, 3))))
    return Brief(quotes=quotes, concepts=concepts, takeaways=takeaways)


def _vector(parts: list[tuple[str | None, float]]) -> Counter:
    """Weighted counts of stems and of adjacent stem pairs within each part."""
    counts: Counter = Counter()
    for text, weight in parts:
        stems = terms(text or "")
        for s in stems:
            counts[s] += weight
        for pair in itertools.pairwise(stems):
            counts[pair] += weight
    return counts


def _reference(brief: Brief) -> dict[tuple[str, int], list[float]]:
    """Cosine similarity of damped TF-IDF vectors, written out the slow, obvious way."""
    texts = [[(q.text, 1.0), (q.note, 1.0), (q.context, CONTEXT_WEIGHT)] for q in brief.quotes]
    keys = []
    for i, c in enumerate(brief.concepts):
        texts.append([(c.name, NAME_WEIGHT), (c.description, 1.0)])
        keys.append(("concept", i))
    for i, t in enumerate(brief.takeaways):
        texts.append([(t.text, 1.0)])
        keys.append(("takeaway", i))
    counts = [_vector(parts) for parts in texts]
    df = Counter(term for c in counts for term in c)
    units = []
    for c in counts:
        w = {
            t: (1 + math.log(v) if v >= 1 else v) * (math.log((len(texts) + 1) / (df[t] + 1)) + 1)
            for t, v in c.items()
        }
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        units.append({t: x / norm for t, x in w.items()})
    n = len(brief.quotes)
    return {
        key: [sum(x * units[q].get(t, 0.0) for t, x in units[n + k].items()) for q in range(n)]
        for k, key in enumerate(keys)
    }


_ONE_WORD = Brief(
    quotes=(Quote(at=1, text="Ghosts."), Quote(at=2, text="ghost")),
    concepts=(Concept(name="Ghost", description=""),),
)
_SHORT_WORDS = Brief(
    quotes=(Quote(at=1, text="AI don't"), Quote(at=2, text="AI AI summon")),
    takeaways=(Takeaway(text="don't summon AI"),),
)


_STRAY_NUL = Brief(
    quotes=(Quote(at=1, text="reward\x00ghost agents"), Quote(at=2, text="O'Neil's reward")),
    takeaways=(Takeaway(text="ghost agents of o'brien's"),),  # no word of quote 2
)

_NO_WORDS = Brief(
    quotes=(Quote(at=1, text=""),),
    concepts=(Concept(name="", description=""),),
    takeaways=(Takeaway(text=""),),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs(), st.sampled_from([1, 2, 3, 7, scoring.PAIRS_PER_PASS]))
@example(_ONE_WORD, 1)
@example(_SHORT_WORDS, 2)
@example(_STRAY_NUL, 3)
@example(_NO_WORDS, 1)
def test_every_score_is_the_documented_similarity_however_the_work_is_split(
    brief: Brief, per_pass: int
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(scoring, "PAIRS_PER_PASS", per_pass)
        got = score_table(brief)
    want = _reference(brief)
    assert got.keys() == want.keys()
    for key in want:
        assert got[key] == pytest.approx(want[key], abs=1e-9), key


@settings(max_examples=150, deadline=None)
@given(briefs())
def test_each_item_lights_with_its_best_quotes_first_and_never_with_a_stranger(
    brief: Brief,
) -> None:
    table = score_table(brief)  # equal to the reference (above), exact for the ties here
    found: dict[tuple[str, int], list[int]] = {}
    for lk in auto_links(brief):
        found.setdefault((lk.kind, lk.index), []).append(lk.quote)
        assert lk.score == round(table[(lk.kind, lk.index)][lk.quote], 4)
    for key, scores in table.items():
        # best first, ties to the earlier quote; at most MAX_LINKS
        ranked = sorted(range(len(scores)), key=lambda q: (-scores[q], q))
        ranked = ranked[: links.MAX_LINKS]
        want = [
            q
            for rank, q in enumerate(ranked)
            if scores[q] >= links.THRESHOLD or (rank == 0 and scores[q] >= links.FLOOR)
        ]
        assert found.get(key, []) == want, (key, scores)


def test_a_concept_is_tied_to_the_quote_that_says_its_name_not_to_one_that_does_not() -> None:
    brief = Brief(
        quotes=(
            Quote(at=5, text="Rewards shape what agents learn."),
            Quote(at=50, text="The model collapse happens when models eat their own output."),
            Quote(at=90, text="Nobody knows."),
        ),
        concepts=(Concept(name="Model collapse", description="training on generated text"),),
    )
    assert [(lk.quote, lk.kind) for lk in auto_links(brief)] == [(1, "concept")]
