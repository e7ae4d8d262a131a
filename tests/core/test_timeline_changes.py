"""A cue added to or taken from a timeline in place answers exactly like a timeline built anew."""

from __future__ import annotations

import random

from player.core.timeline import Cue, CueKind, Timeline


def _answers(t: Timeline, probes: list[int]) -> list[object]:
    out: list[object] = [list(t)]
    for ms in probes:
        out.append(t.active_at(ms))
        out.append(t.next_boundary_after(ms))
        out.append(t.next_start_after(ms, frozenset({CueKind.NOTE})))
        out.append(t.previous_start_before(ms, frozenset({CueKind.NOTE})))
        out.append(t.next_start_after(ms))
    return out


def test_inserting_and_removing_notes_matches_a_rebuilt_timeline() -> None:
    rng = random.Random(11)
    quotes = [Cue(CueKind.QUOTE, i * 10_000, (i + 1) * 10_000, f"q{i}", i) for i in range(20)]
    live = Timeline(quotes)
    cues = list(quotes)
    probes = [rng.randrange(0, 210_000) for _ in range(60)]
    for step in range(300):
        if cues and rng.random() < 0.4:
            gone = rng.choice(cues)
            cues.remove(gone)
            assert live.remove(gone) >= 0
        else:
            start = rng.randrange(0, 200_000, 500)  # shared starts and ends happen often
            cue = Cue(CueKind.NOTE, start, start + rng.choice((500, 5_000, 60_000)), "n", step)
            cues.append(cue)
            assert live[live.insert(cue)] == cue
        if step % 25 == 0:
            assert _answers(live, probes) == _answers(Timeline(cues), probes)
    assert _answers(live, probes) == _answers(Timeline(cues), probes)


def test_a_cue_that_is_not_there_cannot_be_removed() -> None:
    t = Timeline([Cue(CueKind.QUOTE, 0, 10, "q", 0)])
    try:
        t.remove(Cue(CueKind.NOTE, 0, 10, "n", 0))
    except ValueError:
        return
    raise AssertionError("removed a cue that was never added")
