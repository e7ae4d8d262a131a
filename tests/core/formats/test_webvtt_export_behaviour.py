"""The brief as subtitles in another player: each cue named, in time order, up long enough to
read and gone when the next one starts."""

from __future__ import annotations

from player.core.brief.models import Brief, Concept, Quote
from player.core.formats.webvtt_export import brief_to_webvtt, timestamp


def _cues(text: str) -> list[tuple[str, str, str]]:
    """(identifier, timing, text) of every cue in the exported file."""
    blocks = text.split("\n\n")[1:]
    return [tuple(b.split("\n")[:3]) for b in blocks if b.strip()]


def test_each_cue_is_named_after_its_place_in_the_brief_and_sorted_by_time() -> None:
    brief = Brief(
        quotes=(Quote(at=20, text="Second thing."), Quote(at=40, text="Third thing.")),
        concepts=(
            Concept(name="Later", description="", at=(40,)),
            Concept(name="Early", description="First.", at=(30, 5)),
            Concept(name="Unlinked", description="never shown"),
        ),
    )
    text = brief_to_webvtt(brief, notes=[(40.0, 45.0, "mine"), (1.0, 2.0, "first note")])
    assert text.startswith("WEBVTT\n\nnote-2\n")
    cues = _cues(text)
    assert [c[0] for c in cues] == [
        "note-2",
        "concept-2",
        "quote-1",
        "quote-2",
        "concept-1",
        "note-1",
    ]
    assert cues[1][2] == "<b>Early</b> — First." and cues[4][2] == "<b>Later</b>"
    assert cues[0][1] == "00:00:01.000 --> 00:00:02.000"
    assert cues[5][1] == "00:00:40.000 --> 00:00:45.000"


def test_a_cue_stays_up_for_its_reading_time_unless_the_next_cue_starts() -> None:
    nine_words = "one two three four five six seven eight nine"
    brief = Brief(
        quotes=(
            Quote(at=10, text=nine_words),
            Quote(at=100, text="Hi."),
            Quote(at=100.5, text="Next."),
            Quote(at=200, text=" ".join([nine_words] * 10)),
        )
    )
    timings = [c[1] for c in _cues(brief_to_webvtt(brief, notes=[(300.0, 300.0, "a point")]))]
    assert timings == [
        "00:00:10.000 --> 00:00:13.000",  # nine words at three a second
        "00:01:40.000 --> 00:01:41.500",  # never shorter than 1.5 s, even when the next starts
        "00:01:40.500 --> 00:01:42.000",
        "00:03:20.000 --> 00:03:32.000",  # never longer than 12 s
        "00:05:00.000 --> 00:05:01.500",  # a note without length reads like a quote
    ]


def test_a_long_concept_description_is_cut_at_a_word() -> None:
    brief = Brief(
        concepts=(
            Concept(name="C", description="word " * 40, at=(1,)),
            Concept(name="D", description="x" * 300, at=(2,)),
        )
    )
    cues = _cues(brief_to_webvtt(brief))
    assert cues[0][2] == "<b>C</b> — " + "word " * 26 + "word…"
    assert cues[1][2] == "<b>D</b> — " + "x" * 139 + "…"


def test_timestamps_start_at_zero_and_count_hours() -> None:
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(-2) == "00:00:00.000"
    assert timestamp(3599.9995) == "01:00:00.000"
    assert timestamp(3600 * 100 + 61.25) == "100:01:01.250"


def test_quotes_said_at_the_same_second_keep_the_briefs_order_past_the_ninth() -> None:
    quotes = tuple(Quote(at=float(i), text=f"Line {i}.") for i in range(8))
    quotes += (Quote(at=9, text="Ninth."), Quote(at=9, text="Tenth."), Quote(at=9, text="Last."))
    cues = _cues(brief_to_webvtt(Brief(quotes=quotes)))
    assert [c[2] for c in cues[-3:]] == ["Ninth.", "Tenth.", "Last."]
    assert [c[0] for c in cues[-3:]] == ["quote-9", "quote-10", "quote-11"]


def test_the_last_cue_stays_up_as_long_as_it_takes_to_read() -> None:
    words = " ".join(["word"] * 24)  # eight seconds at three words a second
    cues = _cues(brief_to_webvtt(Brief(quotes=(Quote(at=1, text="Hi."), Quote(at=60, text=words)))))
    assert cues[-1][1] == "00:01:00.000 --> 00:01:08.000"
