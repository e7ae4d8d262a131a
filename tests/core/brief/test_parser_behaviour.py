"""What a listener sees of a brief file they open: every quote of a valid brief, whatever blank
lines or extra keys surround it, and the same brief back after saving it as JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.brief.models import Brief, BriefError, Concept, Link, Quote, Source, Takeaway
from player.core.brief.parser import dump_brief_json, parse_brief_json, parse_brief_text
from player.core.timefmt import format_clock

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz ,"), min_size=1, max_size=40).filter(
    lambda s: s.strip(" ,")
)


def test_a_brief_that_starts_with_blank_lines_loads() -> None:
    text = '\n\n  \nGuest - Episode\n\nQuotes\n- At 0:05 - "First."\n- At 1:10 - "Second."\n'
    result = parse_brief_text(text, "ep.txt")
    assert result.brief.title == "Guest - Episode"
    assert [(q.at, q.text) for q in result.brief.quotes] == [(5, "First."), (70, "Second.")]
    assert result.problems == ()


@st.composite
def brief_text(draw: st.DrawFn) -> tuple[str, list[tuple[float, str]]]:
    """A valid text brief, with blank lines wherever a copy from a web page may put them."""

    def blanks() -> str:
        return draw(st.sampled_from(["", "\n", "\n\n", " \n\t\n"]))

    seconds = draw(st.lists(st.integers(0, 5 * 3600), min_size=1, max_size=8))
    quotes = [(float(t), draw(WORDS).strip()) for t in seconds]
    lines = [blanks() + "Guest - Title", blanks() + "Quotes"]
    for at, words in quotes:
        lines.append(blanks() + f'- At {format_clock(at)} - "{words}"')
    return "\n".join(lines) + blanks(), sorted(quotes, key=lambda q: q[0])


@settings(max_examples=150, deadline=None)
@given(brief_text())
def test_every_quote_of_a_valid_brief_loads_at_its_time(case) -> None:
    text, quotes = case
    result = parse_brief_text(text, "ep.txt")
    assert result.problems == ()
    assert result.brief.title == "Guest - Title"
    assert [(q.at, q.text) for q in result.brief.quotes] == quotes


def test_an_unknown_key_in_a_json_brief_loses_nothing_after_it() -> None:
    doc = {
        "title": "Episode",
        "colour": "blue",
        "quotes": [{"at": 5, "text": "First."}],
        "takeaways": [{"text": "Keep going."}],
    }
    result = parse_brief_json(json.dumps(doc, indent=2), "ep.json")
    assert [q.text for q in result.brief.quotes] == ["First."]
    assert [t.text for t in result.brief.takeaways] == ["Keep going."]
    assert [str(p) for p in result.problems] == ["ep.json:3: colour: unknown key, ignored"]


def test_a_json_brief_keeps_its_links_and_drops_only_the_bad_one() -> None:
    doc = {
        "title": "Episode",
        "concepts": [{"name": "Ghosts", "description": "not animals"}],
        "quotes": [{"at": 5, "text": "We summon ghosts."}, {"at": 9, "text": "Later."}],
        "links": [
            {"kind": "concept", "index": 0, "quote": 0, "score": 0.8},
            {"kind": "chapter", "index": 0, "quote": 1, "score": 0.5},
        ],
    }
    result = parse_brief_json(json.dumps(doc, indent=2), "ep.json")
    assert result.brief.links == (Link(kind="concept", index=0, quote=0, score=0.8),)
    assert [str(p) for p in result.problems] == [
        "ep.json:27: links[1].kind: Input should be 'concept' or 'takeaway'"
    ]


def test_links_of_a_json_brief_with_quotes_out_of_order_are_dropped_with_a_warning() -> None:
    doc = {
        "quotes": [{"at": 9, "text": "Later."}, {"at": 5, "text": "Earlier."}],
        "links": [{"kind": "takeaway", "index": 0, "quote": 0, "score": 1}],
        "takeaways": [{"text": "Keep going."}],
    }
    result = parse_brief_json(json.dumps(doc), "ep.json")
    assert [q.text for q in result.brief.quotes] == ["Earlier.", "Later."]
    assert result.brief.links == ()
    assert [p.message for p in result.problems] == [
        "quotes: quotes are not in time order; links were dropped"
    ]


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    times = sorted(draw(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=6)))
    quotes = tuple(
        Quote(at=t, text=draw(TEXT), note=draw(st.none() | TEXT), context=draw(st.none() | TEXT))
        for t in times
    )
    concepts = tuple(
        Concept(
            name=draw(TEXT),
            description=draw(TEXT),
            at=tuple(draw(st.lists(st.sampled_from(times), max_size=2))),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    takeaways = tuple(Takeaway(text=draw(TEXT)) for _ in range(draw(st.integers(0, 3))))
    # A valid brief links only to items it has (a link to a missing one is dropped on load).
    counts = {"concept": len(concepts), "takeaway": len(takeaways)}
    kinds = [kind for kind, count in counts.items() if count]
    links = tuple(
        Link(
            kind=(kind := draw(st.sampled_from(kinds))),
            index=draw(st.integers(0, counts[kind] - 1)),
            quote=draw(st.integers(0, len(quotes) - 1)),
            score=draw(st.floats(0, 1)),
            pinned=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 3)) if kinds else 0)
    )
    return Brief(
        title=draw(TEXT),
        guest=draw(st.none() | TEXT),
        summary=tuple(draw(st.lists(TEXT, max_size=2))),
        overview=tuple(draw(st.lists(TEXT, max_size=2))),
        concepts=concepts,
        quotes=quotes,
        takeaways=takeaways,
        links=links,
    )


@settings(max_examples=150, deadline=None)
@given(briefs())
def test_a_brief_saved_as_json_opens_unchanged(brief: Brief) -> None:
    result = parse_brief_json(dump_brief_json(brief), "ep.json")
    assert result.problems == ()
    assert result.brief == brief.model_copy(
        update={"source": Source(path="ep.json", format="json")}
    )


def test_a_brief_copied_from_the_web_page_shows_its_summary_without_the_players_words() -> None:
    text = (
        "Andrej Karpathy — AGI is still a decade away\n"
        "Audio Brief\nShow transcript\n"
        "This episode covers agents.\n"
        "It also covers ghosts.\n\n"
        "Play\n"
        "## Episode Overview:\n"
        "- First point that\n  wraps.\n\n"
        "Plain paragraph.\n"
        "Another paragraph.\n\n"
        "KEY   TAKEAWAYS\n"
        "1. Build agents.\n"
        "2) Expect a decade.\n"
    )
    result = parse_brief_text(text, "ep.txt")
    brief = result.brief
    assert brief.title == "Andrej Karpathy — AGI is still a decade away"
    assert brief.guest == "Andrej Karpathy"
    assert brief.summary == ("This episode covers agents.", "It also covers ghosts.", "Play")
    assert brief.overview == ("First point that wraps.", "Plain paragraph.", "Another paragraph.")
    assert [(t.text, t.line) for t in brief.takeaways] == [
        ("Build agents.", 16),
        ("Expect a decade.", 17),
    ]
    assert brief.source.format == "audio-brief-text" and brief.source.path == "ep.txt"


@pytest.mark.parametrize(
    ("title", "guest"),
    [
        ("Dwarkesh Podcast", None),
        ("Andrej Karpathy - Ghosts - not animals", "Andrej Karpathy"),
        ("— Ghosts", None),
        ("Karpathy —", None),
        ("Karpathy—Ghosts", "Karpathy"),
    ],
)
def test_the_guest_is_the_name_before_the_dash_of_the_title(title: str, guest) -> None:
    result = parse_brief_text(f'{title}\n\nQuotes\n- At 0:05 - "Hi."\n', "ep.txt")
    assert result.brief.guest == guest


def test_a_brief_that_starts_with_a_heading_has_no_title() -> None:
    result = parse_brief_text('Quotes\n- At 0:05 - "Hi."\n', "ep.txt")
    assert result.brief.title == "" and [q.text for q in result.brief.quotes] == ["Hi."]


def test_text_with_no_heading_is_not_a_brief() -> None:
    with pytest.raises(BriefError) as e:
        parse_brief_text("Just a title\n\nSome words.\n", "ep.txt")
    assert str(e.value) == (
        "ep.txt: no brief found: none of the headings Episode Overview, Key Concepts, "
        "Quotes or Takeaways appears in it."
    )
    with pytest.raises(BriefError, match="NUL"):
        parse_brief_text("Quotes\x00\n", "ep.txt")


def test_quotes_at_the_same_second_keep_the_briefs_order() -> None:
    text = 'T\n\nQuotes\n- At 0:09 - "c"\n- At 0:05 - "a"\n- At 0:05 - "b"\n'
    assert [q.text for q in parse_brief_text(text).brief.quotes] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "ep.json: a JSON brief must be an object with title, quotes, …."),
        ('{"title": "x",\n "quotes": [}', "ep.json:2: not valid JSON: "),
        ('{"links": []}', "ep.json: no brief found: the JSON has no title, quotes or concepts."),
    ],
)
def test_a_json_file_that_is_no_brief_says_why(text: str, message: str) -> None:
    with pytest.raises(BriefError) as e:
        parse_brief_json(text, "ep.json")
    assert str(e.value).startswith(message)


def test_a_json_brief_with_one_bad_field_keeps_the_rest_and_says_where() -> None:
    doc = (
        '{\n "title": "Episode",\n "summary": 5,\n "quotes": [\n'
        '  {"at": -1, "text": "x"},\n  {"at": 3, "text": "Kept."}\n ]\n}'
    )
    result = parse_brief_json(doc, "ep.json")
    assert result.brief.title == "Episode" and result.brief.summary == ()
    assert [q.text for q in result.brief.quotes] == ["Kept."]
    assert [(p.line, p.message.split(":")[0]) for p in result.problems] == [
        (3, "summary"),
        (5, "quotes[0].at"),
    ]


def _read(body: str) -> tuple[list[tuple[str, str | None, str | None]], list[str]]:
    """The quotes (words, stage note, comment) and problems of a brief with this body."""
    result = parse_brief_text("Guest - Episode\n\n" + body, "ep.txt")
    quotes = [(q.text, q.note, q.context) for q in result.brief.quotes]
    return quotes, [str(p) for p in result.problems]


def test_invisible_characters_copied_from_a_web_page_are_not_kept() -> None:
    """Non-breaking and zero-width spaces, and a byte-order mark where two files were joined."""
    body = (
        "Summary\nA\u00a0talk about\u200b models.\n\n"
        '\ufeffQuotes\n- At 0:05 - "Model\u00a0collapse is\u200b real."\n'
    )
    result = parse_brief_text("Guest - Episode\n\n" + body, "ep.txt")
    assert result.brief.summary == ("A talk about models.",)
    assert [q.text for q in result.brief.quotes] == ["Model collapse is real."]
    assert result.problems == ()


@pytest.mark.parametrize("line", ['At 1:00 - "" - he said "wow"', 'At 1:00 - ""and then'])
def test_empty_quotation_marks_are_a_quote_without_words(line: str) -> None:
    assert _read(f"Quotes\n- {line}\n") == ([], ["ep.txt:4: quote has a time but no words"])


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        (
            'At 1:00 - [On games] "We play." - Xbox was first.',
            ("We play.", "On games", "Xbox was first."),
        ),
        (
            'At 1:00 - [On games] "We play." Xbox was first.',
            ("We play.", "On games", "Xbox was first."),
        ),
        ("At 1:00 - X said 'no'", ("X said 'no'", None, None)),
        ("At 1:00 - 'Tis the age of X", ("'Tis the age of X", None, None)),
    ],
)
def test_a_quote_keeps_its_first_and_last_letters(line: str, quote: tuple) -> None:
    """Only a pair of single quotation marks around the words is taken off, and only the dash
    before a comment."""
    assert _read(f"Quotes\n- {line}\n") == ([quote], [])


def test_a_time_with_a_letter_stuck_to_it_is_reported_not_guessed() -> None:
    assert _read('Quotes\n- At 1:05X - "Words."\n') == (
        [],
        ["ep.txt:4: not a time: '1:05X' (expected M:SS, MM:SS, MMM:SS or H:MM:SS)"],
    )


def test_a_colon_inside_a_concepts_name_or_description_stays_there() -> None:
    body = "Key Concepts\n- The 3:1 rule: three listens\n- Clock time:1:05:10 in the episode\n"
    concepts = parse_brief_text("T\n\n" + body).brief.concepts
    assert [(c.name, c.description) for c in concepts] == [
        ("The 3:1 rule", "three listens"),
        ("Clock time", "1:05:10 in the episode"),
    ]


def test_a_line_that_only_starts_with_a_headings_words_is_text() -> None:
    body = 'Summary\nQuotes: X\nOverview:X\nKey concepts: the rest\n\nQuotes\n- At 0:05 - "Hi."\n'
    result = parse_brief_text("T\n\n" + body)
    assert result.brief.summary == ("Quotes: X", "Overview:X", "Key concepts: the rest")
