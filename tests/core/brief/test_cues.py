"""The brief on the timeline: a concept lights up together with its quote."""

from __future__ import annotations

from pathlib import Path

from player.core.brief.cues import brief_timeline
from player.core.brief.links import apply_links, load_pins
from player.core.brief.parser import load_brief, parse_brief_text
from player.core.timeline import CueKind


def test_concept_is_active_with_its_quote(seed_path: Path) -> None:
    brief = load_brief(seed_path).brief
    pins, _ = load_pins(seed_path.parent / "links.json")
    linked = apply_links(brief, pins)
    timeline = brief_timeline(linked, end_ms=8_760_000)
    at_gap = timeline.active_at(3_950_000)  # just after 1:05:01
    kinds = {c.kind: c for c in at_gap}
    assert kinds[CueKind.QUOTE].start_ms == 3_901_000
    assert kinds[CueKind.CONCEPT].text == "Demo-to-Product Gap"
    assert linked.concepts[kinds[CueKind.CONCEPT].ref].name == "Demo-to-Product Gap"
    assert kinds[CueKind.CONCEPT].end_ms == kinds[CueKind.QUOTE].end_ms
    assert timeline.active_at(10_000) == []  # before the first quote
    last = timeline.active_at(8_759_000)
    assert [c.start_ms for c in last if c.kind == CueKind.QUOTE] == [8_178_000]
    assert len(timeline.of_kind(CueKind.QUOTE)) == 20


def test_same_second_quotes_are_both_active() -> None:
    text = 'T\nQuotes\n- At 0:07 - "One." - a\n- At 0:07 - "Two." - b\n- At 0:09 - "Three."\n'
    timeline = brief_timeline(parse_brief_text(text).brief)
    assert [c.text for c in timeline.active_at(7_500)] == ["One.", "Two."]
    assert [c.ref for c in timeline.active_at(7_500)] == [0, 1]
