"""The brief on the timeline: quotes, and the concepts and takeaways their quotes speak of.

A concept has no time of its own; it is "now" while a quote linked to it is, so the window can
light it up together with that quote without knowing anything about links.
"""

from __future__ import annotations

from player.core.brief.models import Brief
from player.core.timeline import FOREVER_MS, Cue, CueKind, Timeline, point_cues


def brief_cues(brief: Brief, end_ms: int = FOREVER_MS) -> list[Cue]:
    quotes = point_cues(
        CueKind.QUOTE,
        [(round(q.at * 1000), q.text, i) for i, q in enumerate(brief.quotes)],
        end_ms,
    )
    span = {c.ref: (c.start_ms, c.end_ms) for c in quotes}
    out = list(quotes)
    seen: set[tuple[str, int, int]] = set()
    for link in brief.links:
        if link.quote not in span or (link.kind, link.index, link.quote) in seen:
            continue
        seen.add((link.kind, link.index, link.quote))
        start, end = span[link.quote]
        if link.kind == "concept" and link.index < len(brief.concepts):
            out.append(
                Cue(CueKind.CONCEPT, start, end, brief.concepts[link.index].name, link.index)
            )
        elif link.kind == "takeaway" and link.index < len(brief.takeaways):
            text = brief.takeaways[link.index].text
            out.append(Cue(CueKind.TAKEAWAY, start, end, text, link.index))
    return out


def brief_timeline(brief: Brief, end_ms: int = FOREVER_MS) -> Timeline:
    """Quote, concept and takeaway cues; ``ref`` is the index into the brief's own list."""
    return Timeline(brief_cues(brief, end_ms))
