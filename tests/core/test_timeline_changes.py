"""A cue added to or taken from a timeline in place answers exactly like a timeline built anew."""

from __future__ import annotations

import random

import pytest

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


def test_a_note_given_new_words_in_place_answers_like_a_rebuilt_timeline() -> None:
    rng = random.Random(5)
    cues = [
        Cue(CueKind.NOTE, start, start + 5_000, f"n{i}", i)
        for i, start in enumerate(rng.randrange(0, 100_000, 1_000) for _ in range(200))
    ]
    live = Timeline(cues)
    probes = [rng.randrange(0, 110_000) for _ in range(40)]
    for step in range(50):
        old = rng.choice(cues)
        new = Cue(old.kind, old.start_ms, old.end_ms, f"edited {step}", old.ref)
        cues[cues.index(old)] = new
        place = live.index_of(old)
        assert live.replace(old, new) == place
        assert live[place] == new
        assert old not in live.active_at(old.start_ms) and new in live.active_at(new.start_ms)
    assert _answers(live, probes) == _answers(Timeline(cues), probes)


def test_a_cue_that_would_move_or_is_not_there_is_not_replaced() -> None:
    note = Cue(CueKind.NOTE, 1_000, 2_000, "n", 1)
    live = Timeline([note])
    for moved in (
        Cue(CueKind.NOTE, 1_500, 2_000, "n", 1),
        Cue(CueKind.NOTE, 1_000, 2_500, "n", 1),
        Cue(CueKind.NOTE, 1_000, 2_000, "n", 2),
        Cue(CueKind.QUOTE, 1_000, 2_000, "n", 1),
    ):
        with pytest.raises(ValueError):
            live.replace(note, moved)
    with pytest.raises(ValueError):
        live.replace(Cue(CueKind.NOTE, 1_000, 2_000, "other", 1), note)
    assert list(live) == [note]
