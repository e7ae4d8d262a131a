"""A search hit takes the listener to the item it names: the right quote, concept or takeaway."""

from __future__ import annotations

from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.search import BriefIndex, search_brief

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


def _marked(hit) -> list[str]:
    return [hit.text[s:e] for s, e in hit.spans]


SHORT_AND_LONG = Brief(
    quotes=(
        Quote(at=1, text="Agents will take a decade of work on memory, learning and tools."),
        Quote(at=2, text="Agents take time."),
    ),
    concepts=(Concept(name="Agents", description="take time"),),
)


def test_the_shorter_text_ranks_first_and_a_quote_before_a_concept_of_the_same_length() -> None:
    hits = BriefIndex(SHORT_AND_LONG).search("agents take")
    assert [(h.kind, h.ref) for h in hits] == [("quote", 1), ("concept", 0), ("quote", 0)]
    assert hits[0].score > hits[-1].score > 0
    assert [(h.kind, h.ref) for h in BriefIndex(SHORT_AND_LONG).search("agents", limit=2)] == [
        ("quote", 1),
        ("concept", 0),
    ]


def test_a_phrase_highlights_as_one_range_and_separate_words_apart() -> None:
    index = BriefIndex(SHORT_AND_LONG)
    [hit] = [h for h in index.search('"take time"') if h.kind == "quote"]
    assert _marked(hit) == ["take time"]
    [hit] = [h for h in index.search("agents time") if h.kind == "quote"]
    assert _marked(hit) == ["Agents", "time"]


def test_a_phrase_found_only_in_a_longer_text_is_still_found_with_a_small_limit() -> None:
    brief = Brief(
        quotes=(
            Quote(at=1, text="Time will take agents."),
            Quote(at=2, text="It will take a long time before agents take time off, they say."),
        )
    )
    hits = BriefIndex(brief).search('"agents take time"', limit=1)
    assert [(h.ref, _marked(h)) for h in hits] == [(1, ["agents take time"])]


def test_typing_a_phrase_matches_its_last_word_as_a_prefix_until_it_is_closed() -> None:
    index = BriefIndex(SHORT_AND_LONG)
    assert {h.ref for h in index.search('"agents ta') if h.kind == "quote"} == {1}
    assert index.search('"agents ta"') == []
    assert {h.ref for h in index.search("“take time”") if h.kind == "quote"} == {1}
    assert index.search('""') == [] and index.search("  ") == []


def test_every_word_must_be_somewhere_in_the_same_text() -> None:
    index = BriefIndex(SHORT_AND_LONG)
    assert index.search("agents memory zebra") == []
    assert [(h.kind, h.ref) for h in index.search("memory agents")] == [("quote", 0)]
    assert index.search("zebra agents") == []


def test_a_small_limit_still_finds_the_text_that_holds_every_word() -> None:
    index = BriefIndex(SHORT_AND_LONG)
    assert [(h.kind, h.ref) for h in index.search("memory agents", limit=1)] == [("quote", 0)]
    brief = Brief(
        quotes=(Quote(at=1, text="Takes a while."), Quote(at=2, text="They take a while."))
    )
    assert [h.ref for h in BriefIndex(brief).search("take ", limit=1)] == [1]
    two = Brief(quotes=(Quote(at=1, text="Take agents."), Quote(at=2, text="Agents take a while.")))
    assert [h.ref for h in BriefIndex(two).search('"agents take"', limit=1)] == [1]


def test_a_phrase_shows_no_more_hits_than_asked_for() -> None:
    brief = Brief(quotes=tuple(Quote(at=i, text=f"Agents take time {i}.") for i in range(4)))
    assert len(BriefIndex(brief).search('"take time"', limit=2)) == 2


def test_at_most_two_hundred_hits_unless_asked() -> None:
    brief = Brief(quotes=tuple(Quote(at=i, text="ghosts") for i in range(250)))
    assert len(BriefIndex(brief).search("ghosts")) == 200
    assert len(search_brief(brief, "ghosts")) == 200


def test_a_prefix_finds_every_word_it_starts() -> None:
    brief = Brief(
        quotes=(
            Quote(at=1, text="Timing matters."),
            Quote(at=2, text="Time flies."),
            Quote(at=3, text="Tiny steps."),
        )
    )
    index = BriefIndex(brief)
    assert sorted(h.ref for h in index.search("tim")) == [0, 1]
    assert sorted(h.ref for h in index.search("ti")) == [0, 1, 2]


def test_a_finished_word_highlights_only_itself() -> None:
    brief = Brief(quotes=(Quote(at=1, text="They take what it takes."),))
    [hit] = BriefIndex(brief).search("take ")
    assert _marked(hit) == ["take"]


def test_a_takeaway_hit_carries_the_time_of_its_first_quote() -> None:
    brief = Brief(takeaways=(Takeaway(text="Build agents.", at=(20, 5)), Takeaway(text="Agents.")))
    assert [(h.ref, h.at) for h in BriefIndex(brief).search("agents")] == [(1, None), (0, 20)]


def test_a_typed_phrase_in_curly_quotes_ends_where_its_quotes_end() -> None:
    index = BriefIndex(SHORT_AND_LONG)
    assert [(h.kind, h.ref) for h in index.search("“take time” agents")] == [
        ("quote", 1),
        ("concept", 0),
    ]
    assert index.search("“time take”") == []
