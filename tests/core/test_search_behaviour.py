"""A search hit takes the listener to the item it names: the right quote, concept or takeaway."""

from __future__ import annotations

from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.search import BriefIndex

BRIEF = Brief(
    quotes=(
        Quote(at=5, text="Animals are evolved."),
        Quote(at=9, text="Ghosts are summoned.", note="On LLMs", context="the key image"),
        Quote(at=20, text="Decade of agents."),
    ),
    concepts=(
        Concept(name="Ghosts", description="imitations of people", at=(9,)),
        Concept(name="Agents", description="take a decade", at=()),
    ),
    takeaways=(Takeaway(text="Work on agents."), Takeaway(text="Ghosts need no body.")),
    overview=("An episode about ghosts.",),
    summary=("Two hours on agents.",),
)


def test_each_hit_points_at_the_item_that_holds_the_words() -> None:
    hits = BriefIndex(BRIEF).search("ghosts")
    found = {(h.kind, h.ref, h.at) for h in hits}
    assert found == {
        ("quote", 1, 9),
        ("concept", 0, 9),
        ("takeaway", 1, None),
        ("overview", 0, None),
    }
    for h in hits:
        if h.kind == "quote":
            assert h.text == "[On LLMs] Ghosts are summoned. — the key image"
        elif h.kind == "takeaway":
            assert h.text == BRIEF.takeaways[h.ref].text


def test_a_note_or_context_of_a_quote_finds_that_quote() -> None:
    index = BriefIndex(BRIEF)
    assert [(h.kind, h.ref) for h in index.search("llms")] == [("quote", 1)]
    assert [(h.kind, h.ref) for h in index.search("key image")] == [("quote", 1)]


def test_the_summary_is_searched_too_and_ranks_after_the_brief_items() -> None:
    hits = BriefIndex(BRIEF).search("agents")
    assert [(h.kind, h.ref) for h in hits][-1] == ("summary", 0)
    assert ("quote", 2) in [(h.kind, h.ref) for h in hits]
