from __future__ import annotations

from player.core.brief.models import Brief, Concept, Quote
from player.core.formats.vtt import parse_vtt
from player.core.formats.webvtt_export import brief_to_webvtt, escape


def test_escape_makes_text_safe_for_a_cue() -> None:
    assert escape("a < b && c > d --> e") == "a &lt; b &amp;&amp; c &gt; d --&gt; e"
    assert escape("two\n\nparagraphs") == "two paragraphs"


def test_brief_as_subtitles_reads_back_with_speaker_and_text() -> None:
    brief = Brief(
        title="Tom & Jerry --> live",
        guest="A <B>",
        quotes=(
            Quote(at=10, text="x < y & y > z", note="On order"),
            Quote(at=12, text="short"),
            Quote(at=100, text="long " * 60),
        ),
        concepts=(Concept(name="Order", description="What comes first.", at=(10,)),),
    )
    text = brief_to_webvtt(brief, notes=[(200.0, None, "my <note>")])
    assert text.startswith("WEBVTT - Tom & Jerry -> live\n")
    track, problems = parse_vtt(text)
    assert problems == []
    items = track.items
    assert items[0].speaker == "A <B>"
    assert items[0].text == "[On order] x < y & y > z"
    assert items[1].text == "Order — What comes first."
    # The first quote gives way when the next quote starts; a long one stays up to read it.
    assert (items[0].start_s, items[0].end_s) == (10.0, 12.0)
    assert items[3].start_s == 100.0
    assert 10.0 <= items[3].end_s - items[3].start_s <= 12.0
    assert items[4].text == "Note: my <note>"
    assert items[4].end_s is not None and items[4].end_s > 200.0


def test_subtitles_and_chapters_are_titled_by_the_episode_not_the_guest() -> None:
    from player.core.formats.chapters_json import brief_to_chapters

    brief = Brief(
        title="Jane Doe — “On Bees”", guest="Jane Doe", quotes=(Quote(at=5, text="Bees."),)
    )
    assert brief_to_webvtt(brief, notes=[]).startswith("WEBVTT - On Bees\n")
    assert brief_to_chapters(brief)["title"] == "On Bees"
