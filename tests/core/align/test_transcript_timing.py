"""When each word of a transcript is said: a cue's words share its span by their length, a cue
without an end lasts until the next one, and a quote said twice is taken where the brief puts
it."""

from __future__ import annotations

import pytest

from player.core.align.transcript import locate_in_transcript, timed_words
from player.core.align.words import quote_fragments
from player.core.formats.track import Track, TrackItem, TrackKind
from player.core.jobs import Progress


def _track(*cues: tuple[float, float | None, str]) -> Track:
    items = tuple(TrackItem(start_s=s, end_s=e, text=t) for s, e, t in cues)
    return Track(kind=TrackKind.TRANSCRIPT, items=items)


def _times(track: Track) -> list[tuple[str, float, float]]:
    return [(w.text, round(w.start_s, 6), round(w.end_s, 6)) for w in timed_words(track)]


def test_the_words_of_a_cue_share_its_span_by_their_length() -> None:
    assert _times(_track((10.0, 14.0, "Alpha bravo delta gamma"))) == [
        ("alpha", 10.0, 11.0),
        ("bravo", 11.0, 12.0),
        ("delta", 12.0, 13.0),
        ("gamma", 13.0, 14.0),
    ]
    # a short word takes less of the cue than a long one
    assert _times(_track((0.0, 6.0, "ox elephant"))) == [("ox", 0.0, 1.5), ("elephant", 1.5, 6.0)]


def test_fillers_take_their_time_but_are_not_searched() -> None:
    assert _times(_track((0.0, 9.0, "Um, alpha"))) == [("alpha", 3.0, 9.0)]


def test_a_cue_with_no_words_leaves_the_rest_of_the_transcript_in_place() -> None:
    track = _track((0.0, 2.0, "♪ ♪"), (2.0, 4.0, "alpha bravo"), (4.0, 5.0, "..."), (5, 6, "ox"))
    assert _times(track) == [("alpha", 2.0, 3.0), ("bravo", 3.0, 4.0), ("ox", 5.0, 6.0)]


@pytest.mark.parametrize("end", [None, 0.0], ids=["no end", "ends where it starts"])
def test_a_cue_without_a_span_lasts_until_the_next_cue(end: float | None) -> None:
    track = _track((0.0, end, "alpha bravo"), (4.0, 6.0, "delta"), (8.0, 9.0, "gamma"))
    assert _times(track)[:2] == [("alpha", 0.0, 2.0), ("bravo", 2.0, 4.0)]
    track = _track((0.0, end, "alpha bravo"), (4.0, 6.0, "delta"))
    assert _times(track)[:2] == [("alpha", 0.0, 2.0), ("bravo", 2.0, 4.0)]


def test_the_last_cue_without_an_end_is_spoken_at_an_ordinary_pace() -> None:
    track = _track((1.0, 2.0, "ox"), (10.0, None, "alpha bravo"))
    assert _times(track)[1:] == [("alpha", 10.0, 10.33), ("bravo", 10.33, 10.66)]


def test_two_speakers_starting_together_are_not_squeezed_into_no_time() -> None:
    track = _track((10.0, None, "alpha bravo"), (10.0, 12.0, "delta"))
    assert _times(track)[:2] == [("alpha", 10.0, 10.33), ("bravo", 10.33, 10.66)]


def test_a_quote_said_twice_is_taken_at_the_time_the_brief_gives() -> None:
    line = "we are summoning ghosts not building animals"
    talk = [(20.0 + k * 0.03, None, "talk") for k in range(2000)]  # a long episode's worth
    track = _track((10.0, 13.0, line), *talk, (100.0, 103.0, line))
    fragments = quote_fragments("We are summoning ghosts, not building animals.")
    (early, _), (late, _) = locate_in_transcript(
        [(12.0, fragments), (95.0, fragments)], track, Progress()
    )
    assert early == pytest.approx(10.0) and late == pytest.approx(100.0)


def test_a_quote_with_no_word_in_the_transcript_is_found_nowhere_and_unsure() -> None:
    track = _track((0.0, 3.0, "hello and welcome to the cooking show"))
    steps = []
    found = locate_in_transcript(
        [(1.0, quote_fragments("Bits are easier than atoms")), (2.0, quote_fragments("welcome"))],
        track,
        Progress(steps.append),
    )
    assert found[0] == (None, 0.0)
    assert found[1][0] == pytest.approx(3.0 * 10 / 38)
    # the bar counts the quotes and says what is being done
    assert [(s.done, s.total, s.message) for s in steps] == [
        (n, 2, "Finding quotes in the transcript") for n in (0, 1, 2)
    ]
