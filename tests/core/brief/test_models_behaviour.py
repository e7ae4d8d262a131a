"""The brief's records: one brief is shared by the timeline, search, the window and exports, so
however it was put together it is the same, unchangeable brief, and a link that points nowhere
is refused where it is made instead of lighting a wrong item later."""

from __future__ import annotations

import math

import pytest

from player.core.brief.models import Brief, Concept, Link, ParseResult, Problem, Quote, Takeaway
from player.core.brief.parser import dump_brief_json, parse_brief_json

QUOTES = (Quote(at=5, text="Model collapse is real."), Quote(at=60, text="Bye now."))


def test_a_brief_put_together_from_lists_is_the_same_brief_and_saves_the_same() -> None:
    parts = {
        "summary": ["A talk."],
        "overview": ["Two parts."],
        "concepts": [Concept(name="Model collapse", description="eating its own output")],
        "quotes": list(QUOTES),
        "takeaways": [Takeaway(text="Check the data.")],
        "links": [Link(kind="concept", index=0, quote=0, score=0.5)],
    }
    from_lists = Brief(title="Ep", **parts)
    from_tuples = Brief(title="Ep", **{k: tuple(v) for k, v in parts.items()})
    assert from_lists == from_tuples
    parts["quotes"].clear()  # the list it was made from, changed afterwards
    assert from_lists.quotes == QUOTES
    reopened = parse_brief_json(dump_brief_json(from_lists), "ep.json").brief
    assert reopened.model_copy(update={"source": None}) == from_tuples


def test_a_result_given_its_problems_as_a_list_keeps_them_as_they_were() -> None:
    problems = [Problem(file="b.txt", line=3, message="quote has no time")]
    result = ParseResult(brief=Brief(quotes=QUOTES), problems=problems)
    problems.clear()
    assert result == ParseResult(
        brief=Brief(quotes=QUOTES),
        problems=(Problem(file="b.txt", line=3, message="quote has no time"),),
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "quote"}, "link kind must be 'concept' or 'takeaway', not 'quote'"),
        ({"index": -1}, "a link's index, quote and score must not be negative"),
        ({"quote": -1}, "a link's index, quote and score must not be negative"),
        ({"score": -0.5}, "a link's index, quote and score must not be negative"),
        ({"score": math.nan}, "a link's index, quote and score must not be negative"),
    ],
)
def test_a_link_to_no_item_or_quote_is_refused_saying_why(fields: dict, message: str) -> None:
    with pytest.raises(ValueError) as refused:
        Link(**{"kind": "concept", "index": 0, "quote": 0, "score": 0.5, **fields})
    assert str(refused.value) == message
