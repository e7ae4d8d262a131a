"""What lights up while a quote plays: the concepts and takeaways linked to it, once each, and
nothing for a link that points at an item the brief does not have."""

from __future__ import annotations

from player.core.brief.cues import brief_timeline
from player.core.brief.models import Brief, Concept, Link, Quote, Takeaway
from player.core.timeline import CueKind


def _link(kind: str, index: int, quote: int) -> Link:
    return Link(kind=kind, index=index, quote=quote, score=1.0)


BRIEF = Brief(
    quotes=(Quote(at=5, text="Ghosts."), Quote(at=9, text="Agents.")),
    concepts=(Concept(name="Ghosts", description="d"), Concept(name="Agents", description="d")),
    takeaways=(Takeaway(text="Build agents."),),
)


def _lit(brief: Brief, ms: int) -> list[tuple[str, str, int]]:
    return [(c.kind.value, c.text, c.ref) for c in brief_timeline(brief).active_at(ms)]


def test_a_quote_lights_up_its_concepts_and_takeaways_while_it_plays() -> None:
    brief = BRIEF.model_copy(
        update={
            "links": (
                _link("concept", 0, 0),
                _link("concept", 0, 0),  # the same link twice lights up once
                _link("takeaway", 0, 1),
                _link("concept", 1, 1),
                _link("concept", 0, 1),
            )
        }
    )
    assert _lit(brief, 6000) == [("quote", "Ghosts.", 0), ("concept", "Ghosts", 0)]
    assert _lit(brief, 9000) == [
        ("quote", "Agents.", 1),
        ("concept", "Ghosts", 0),
        ("concept", "Agents", 1),
        ("takeaway", "Build agents.", 0),
    ]


def test_links_to_items_the_brief_does_not_have_light_up_nothing() -> None:
    brief = BRIEF.model_copy(
        update={
            "links": (
                _link("concept", 2, 0),
                _link("takeaway", 1, 0),
                _link("concept", 0, 7),
                _link("takeaway", 0, 0),
            )
        }
    )
    assert _lit(brief, 6000) == [("quote", "Ghosts.", 0), ("takeaway", "Build agents.", 0)]
    timeline = brief_timeline(brief)
    assert [c.kind for c in timeline] == [CueKind.QUOTE, CueKind.TAKEAWAY, CueKind.QUOTE]


def test_the_second_takeaway_lights_up_as_itself() -> None:
    """The takeaways pane lights the row the link names, not the first one."""
    second = Takeaway(text="Agents need a decade.")
    brief = BRIEF.model_copy(
        update={
            "takeaways": (*BRIEF.takeaways, second),
            "links": (_link("takeaway", 1, 0), _link("concept", 1, 1)),
        }
    )
    assert _lit(brief, 6000) == [("quote", "Ghosts.", 0), ("takeaway", "Agents need a decade.", 1)]
    assert _lit(brief, 9000) == [("quote", "Agents.", 1), ("concept", "Agents", 1)]
