"""The Transcript tab's lines as the listener reads, hears and searches them: who speaks, which
line is lit, and what a search finds and highlights in a line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.formats.track import Track, TrackItem, TrackKind, track_cues
from player.ui.tracks.transcript_model import MAX_HITS, Role, TranscriptModel


def _model(qtbot, *lines: tuple[float, str, str | None]) -> TranscriptModel:
    """A transcript of ``(start s, text, speaker)`` lines, as the Transcript tab holds it."""
    track = Track(
        kind=TrackKind.TRANSCRIPT,
        items=tuple(TrackItem(start_s=s, text=t, speaker=who) for s, t, who in lines),
    )
    model = TranscriptModel()
    model.set_track(track, track_cues(track))
    return model


def _heard(model: TranscriptModel, row: int) -> str:
    """What a screen reader says for a line."""
    return model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)


def _labels(model: TranscriptModel) -> list[str]:
    return [model.line_parts(row)[0] for row in range(model.rowCount())]


def test_a_speaker_is_named_where_the_voice_changes_and_not_on_every_line(qtbot) -> None:
    model = _model(
        qtbot,
        (0, "Welcome to the show.", "Ann"),
        (1, "Today we talk ghosts.", "Ann"),
        (2, "Glad to be here.", "Bob"),
        (3, "(laughter)", None),  # no speaker given: still Bob's turn, as far as we know
        (4, "Where were we?", "Bob"),
        (5, "Ghosts.", "Ann"),
    )
    assert _labels(model) == ["Ann:", "", "Bob:", "", "", "Ann:"]
    assert model.line_parts(0)[1] == ["Welcome", "to", "the", "show."]
    assert _heard(model, 0) == "0:00 Ann: Welcome to the show."
    assert _heard(model, 1) == "0:01 Today we talk ghosts."
    assert _heard(model, 3) == "0:03 (laughter)"
    assert model.index(2).data(Role.SPEAKER) == "Bob"
    assert model.index(3).data(Role.SPEAKER) == ""


def test_a_transcript_without_speakers_shows_the_words_alone(qtbot) -> None:
    model = _model(qtbot, (0, "First line.", None), (62, "Second line.", None))
    assert _labels(model) == ["", ""]
    assert [_heard(model, r) for r in range(2)] == ["0:00 First line.", "1:02 Second line."]
    assert model.index(1).data(Role.TIME) == "1:02"


def test_a_transcript_taken_away_leaves_no_lines(qtbot) -> None:
    model = _model(qtbot, (0, "First line.", "Ann"), (1, "Second line.", "Bob"))
    model.set_track(None, [])
    assert model.rowCount() == 0
    assert model.search("line") == []


def test_only_the_lines_whose_lit_state_changed_are_repainted(qtbot) -> None:
    model = _model(qtbot, *((i, f"line {i}", None) for i in range(6)))
    repainted: list[list[int]] = []
    model.active_rows_changed.connect(repainted.append)
    assert model.set_active([model.cue(2)]) == [2]
    assert model.set_active([model.cue(3)]) == [3]
    assert model.set_active([model.cue(3)]) == [3]  # the same line heard on: nothing to repaint
    assert repainted == [[2], [2, 3]]
    assert [model.index(r).data(Role.ACTIVE) for r in range(6)] == [False] * 3 + [True] + [
        False
    ] * 2


def test_a_line_of_another_transcript_lights_nothing_here(qtbot) -> None:
    """Swapping transcripts, the clock can still hold a line of the old one for a moment."""
    model = _model(qtbot, (0, "line 0", None), (1, "line 1", None))
    other = _model(qtbot, *((i, f"other {i}", None) for i in range(4)))
    assert model.set_active([other.cue(1), other.cue(3)]) == []
    assert model.active_rows() == []


def test_search_finds_lines_with_every_word_and_highlights_each_time_it_is_said(qtbot) -> None:
    model = _model(
        qtbot,
        (0, "Ghosts, ghosts and more ghosts.", None),
        (1, "Nothing here.", None),
        (2, "The ghost hosts a show.", None),
    )
    hit = model.search("GHOSTS")
    assert [(h.kind, h.text, h.at_ms) for h in hit] == [
        ("transcript", "Ghosts, ghosts and more ghosts.", 0)
    ]
    # Every time the word is said, from the very first letter of the line.
    assert hit[0].spans == ((0, 6), (8, 14), (24, 30))
    # Words that overlap in the line light up as one stretch.
    both = model.search("ghost hosts")
    assert [h.text for h in both] == ["Ghosts, ghosts and more ghosts.", "The ghost hosts a show."]
    assert both[1].spans == ((4, 9), (10, 15))
    [overlapping] = model.search("ghosts hosts")
    assert overlapping.spans == ((0, 6), (8, 14), (24, 30))
    [inner] = _model(qtbot, (0, "ghosts", None)).search("ghost hosts")
    assert inner.spans == ((0, 6),)
    [longer] = _model(qtbot, (0, "ghostly", None)).search("ghost hostly")
    assert longer.spans == ((0, 7),)
    [within] = _model(qtbot, (0, "ghostly", None)).search("ghostly host")
    assert within.spans == ((0, 7),)


def test_search_ignores_quote_marks_and_an_empty_query_finds_nothing(qtbot) -> None:
    model = _model(
        qtbot, (0, "The ghost hosts.", None), (1, "Gen X, the parents.", None), (2, "Gen Z.", None)
    )
    assert [h.text for h in model.search('"ghost"')] == ["The ghost hosts."]
    assert [h.text for h in model.search("“ghost”")] == ["The ghost hosts."]
    assert [h.text for h in model.search('" ghost "')] == ["The ghost hosts."]
    assert model.search("   ") == []
    assert model.search('" “ ”') == []
    assert [h.text for h in model.search("gen X")] == ["Gen X, the parents."]


def test_a_search_that_matches_every_line_lists_the_first_two_hundred(qtbot) -> None:
    model = _model(qtbot, *((i, f"ghost {i}", None) for i in range(MAX_HITS + 50)))
    hits = model.search("ghost")
    assert len(hits) == MAX_HITS
    assert hits[-1].text == f"ghost {MAX_HITS - 1}"
