"""``find_quotes`` with a transcript (no recogniser): what each quote reports, when a stored
search is reused and when the brief or transcript changed enough to search again, and what the
listener is told about input that cannot be aligned."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.align import AlignError, Status, find_quotes
from player.core.align.run import brief_key, vocabulary
from player.core.brief.models import Brief, Concept, Quote, Takeaway
from player.core.formats.track import Track, TrackItem, TrackKind
from player.core.jobs import Progress
from player.core.storage.alignments import AlignmentStore
from player.core.storage.database import open_memory
from tests.media import make_wav

LINES = (
    (12.0, 15.0, "we are summoning ghosts not building animals"),
    (40.0, 43.0, "bits are a million times easier than atoms"),
)


def _brief(*quotes: tuple[float, str]) -> Brief:
    return Brief(quotes=tuple(Quote(at=at, text=text) for at, text in quotes))


BRIEF = _brief((10.0, "We are summoning ghosts, not building animals."), (38.5, "Bits are easier"))


def _track(*lines: tuple[float, float, str]) -> Track:
    items = tuple(TrackItem(start_s=s, end_s=e, text=t) for s, e, t in lines)
    return Track(kind=TrackKind.TRANSCRIPT, items=items)


@pytest.fixture
def audio(tmp_path: Path) -> Path:
    return make_wav(tmp_path / "copy.wav", 0.5)


def test_each_quote_reports_where_it_was_written_and_where_it_was_heard(audio: Path) -> None:
    steps = []
    result = find_quotes(BRIEF, audio, _track(*LINES), Progress(steps.append))
    assert result.source == "transcript" and result.message == ""
    first, second = result.quotes
    assert (first.index, first.written_ms, first.text) == (0, 10_000, BRIEF.quotes[0].text)
    assert (first.found_ms, first.confidence, first.status) == (12_000, 1.0, Status.FOUND)
    assert (second.index, second.written_ms, second.found_ms) == (1, 38_500, 40_000)
    assert result.to_sync_points() == [(10_000, 12_000), (38_500, 40_000)]
    assert (steps[-1].done, steps[-1].total, steps[-1].message) == (1, 1, "Quotes found")
    assert result.stats == {"cached": 0.0}


def test_confidence_is_kept_to_three_places_and_times_to_the_millisecond(audio: Path) -> None:
    # "we" starts 3/48 of the way into the cue: at 12.1875 s
    track = _track((12.0, 15.0, "so we are summoning coffee not building animals"))
    brief = _brief((10.0, "We are summoning ghosts, not building animals"))
    (quote,) = find_quotes(brief, audio, track).quotes
    assert quote.found_ms == 12_188 and quote.confidence == 0.808


def test_a_transcript_file_is_read_for_the_search(tmp_path: Path, audio: Path) -> None:
    srt = tmp_path / "copy.srt"
    srt.write_text(
        "1\n00:00:12,000 --> 00:00:15,000\nWe are summoning ghosts, not building animals\n"
    )
    result = find_quotes(BRIEF, audio, str(srt))
    assert result.quotes[0].found_ms == 12_000 and result.quotes[1].status is Status.NOT_FOUND


def test_a_stored_search_is_reused_until_the_quotes_or_the_transcript_change(audio: Path) -> None:
    store = AlignmentStore(open_memory())
    track = _track(*LINES)
    first = find_quotes(BRIEF, audio, track, store=store)
    again = find_quotes(BRIEF, audio, track, store=store)
    assert (first.stats["cached"], again.stats["cached"]) == (0.0, 1.0)
    assert again.quotes == first.quotes
    moved = _brief((10.0, BRIEF.quotes[0].text), (38.6, BRIEF.quotes[1].text))
    assert find_quotes(moved, audio, track, store=store).stats["cached"] == 0.0
    reworded = _brief((10.0, BRIEF.quotes[0].text), (38.5, "Bits are much easier"))
    assert find_quotes(reworded, audio, track, store=store).stats["cached"] == 0.0
    other = _track(LINES[0], (50.0, 53.0, LINES[1][2]))
    changed = find_quotes(BRIEF, audio, other, store=store)
    assert changed.stats["cached"] == 0.0 and changed.quotes[1].found_ms == 50_000


def test_a_stored_search_for_another_number_of_quotes_is_not_used(audio: Path) -> None:
    from player.core.align.run import _audio_key

    store = AlignmentStore(open_memory())
    track = _track(*LINES)
    source = (
        "transcript:"
        + __import__("hashlib").sha256(track.model_dump_json().encode()).hexdigest()[:16]
    )
    store.put(_audio_key(audio), brief_key(BRIEF), source, [(1, 0.9)])
    result = find_quotes(BRIEF, audio, track, store=store)
    assert result.stats["cached"] == 1.0  # it was there, but for one quote: searched again
    assert [q.found_ms for q in result.quotes] == [12_000, 40_000]


def test_the_brief_key_follows_the_quotes_times_to_the_millisecond_and_their_words() -> None:
    base = brief_key(BRIEF)
    assert brief_key(_brief(*((q.at, q.text) for q in BRIEF.quotes))) == base
    assert brief_key(_brief((10.0004, BRIEF.quotes[0].text), (38.5, "Bits are easier"))) == base
    assert brief_key(_brief((10.001, BRIEF.quotes[0].text), (38.5, "Bits are easier"))) != base
    assert brief_key(_brief((10.0, BRIEF.quotes[0].text), (38.5, "Bits are Easier"))) != base
    # the time and the words are kept apart: moving a digit between them changes the key
    assert brief_key(_brief((1.0, "2 words"))) != brief_key(_brief((1.02, " words")))
    assert len(base) == 32 and int(base, 16) >= 0


def test_when_nothing_is_found_in_a_transcript_the_listener_is_told(audio: Path) -> None:
    result = find_quotes(BRIEF, audio, _track((1.0, 4.0, "hello and welcome to the cooking show")))
    assert result.found == []
    assert result.message == (
        "None of the 2 quotes was found in the transcript; no sync points were made."
    )


def test_the_recogniser_may_say_any_word_of_the_brief() -> None:
    brief = Brief(
        title="Ghosts",
        summary=("Summoned spirits.",),
        overview=("An overview.",),
        concepts=(Concept(name="Jagged", description="Uneven intelligence"),),
        quotes=(Quote(at=1.0, text="Bits are easier"),),
        takeaways=(Takeaway(text="Build agents"),),
    )
    assert vocabulary(brief) == sorted(
        {"ghosts", "summoned", "spirits", "an", "overview", "jagged", "uneven", "intelligence",
         "bits", "are", "easier", "build", "agents"}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("brief", "words"),
    [
        (Brief(), "The brief has no quotes to look for."),
        (_brief((1.0, "[music]"), (2.0, "...")), "The brief's quotes have no words to look for."),
    ],
)
def test_a_brief_with_nothing_to_look_for_is_refused(audio: Path, brief: Brief, words: str) -> None:
    with pytest.raises(AlignError) as caught:
        find_quotes(brief, audio, _track(*LINES))
    assert str(caught.value) == words


def test_audio_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    with pytest.raises(AlignError) as caught:
        find_quotes(BRIEF, empty, _track(*LINES))
    assert str(caught.value) == f"{empty}: the file is empty (0 bytes)."
    gone = tmp_path / "gone.mp3"
    with pytest.raises(AlignError) as caught:
        find_quotes(BRIEF, gone, _track(*LINES))
    assert str(caught.value) == f"{gone}: cannot be read (No such file or directory)."


def test_a_transcript_that_cannot_be_used_is_named(tmp_path: Path, audio: Path) -> None:
    blank = tmp_path / "blank.srt"
    blank.write_text("1\n00:00:01,000 --> 00:00:02,000\n \n")
    with pytest.raises(AlignError) as caught:
        find_quotes(BRIEF, audio, blank)
    assert str(caught.value) == f"{blank}: the transcript has no text."
    gone = tmp_path / "gone.vtt"
    with pytest.raises(AlignError) as caught:
        find_quotes(BRIEF, audio, gone)
    assert str(caught.value).startswith(f"{gone}: not a readable transcript (")
