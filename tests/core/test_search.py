"""Find-as-you-type over a brief."""

from __future__ import annotations

from pathlib import Path

from player.core.brief.links import apply_links
from player.core.brief.parser import load_brief, parse_brief_text
from player.core.search import BriefIndex, search_brief


def _seed(seed_path: Path):
    return apply_links(load_brief(seed_path).brief)


def _marked(hit) -> list[str]:
    return [hit.text[s:e] for s, e in hit.spans]


def test_prefix_of_the_word_being_typed(seed_path: Path) -> None:
    index = BriefIndex(_seed(seed_path))
    hits = index.search("starf")
    assert [(h.kind, h.at) for h in hits] == [("quote", 7111.0)]
    assert _marked(hits[0]) == ["Starfleet"]
    assert index.search("starf ") == []  # a finished word must match whole


def test_all_words_must_match_in_any_order(seed_path: Path) -> None:
    hits = search_brief(_seed(seed_path), "exponential GDP")
    assert [(h.kind, h.at) for h in hits] == [("quote", 5047.0)]
    assert set(_marked(hits[0])) == {"GDP", "exponential"}


def test_quoted_phrase_needs_the_words_in_order(seed_path: Path) -> None:
    brief = _seed(seed_path)
    hits = search_brief(brief, '"demo to product"')
    assert {h.kind for h in hits} >= {"quote", "concept"}
    quote = next(h for h in hits if h.kind == "quote")
    assert quote.at == 3901.0 and _marked(quote) == ["demo-to-product"]
    assert search_brief(brief, '"product to demo"') == []


def test_concept_hit_carries_its_first_linked_time(seed_path: Path) -> None:
    hits = search_brief(_seed(seed_path), "ghosts")
    concept = next(h for h in hits if h.kind == "concept")
    assert concept.at == 17.0 and concept.text.startswith('AI as "Ghosts"')


def test_case_and_accents_are_ignored() -> None:
    brief = parse_brief_text(
        'T\nQuotes\n- At 0:05 - "Un CAFÉ à Zürich, s’il vous plaît."\nTakeaways\n- Naïve ideas.\n'
    ).brief
    hit = search_brief(brief, "cafe zurich")[0]
    assert _marked(hit) == ["CAFÉ", "Zürich"]
    assert search_brief(brief, "NAIVE")[0].kind == "takeaway"
    assert search_brief(brief, "s'il")[0].kind == "quote"


def test_empty_and_unmatched_queries(seed_path: Path) -> None:
    index = BriefIndex(_seed(seed_path))
    assert index.search("") == [] and index.search('  "" ') == []
    assert index.search("zebra") == []
    assert len(index.search("a", limit=5)) == 5
