"""Opening a brief file as the listener has it: whichever form, encoding or name it has, and
what the concept list shows for each way a brief writes a concept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.core.brief.json_brief import dump_brief_json, parse_brief_json
from player.core.brief.models import Brief, BriefError, ParseResult, Quote
from player.core.brief.parser import load_any, load_brief, load_brief_json, parse_brief_text

BRIEF = 'Guest - Episode\n\nQuotes\n- At 0:05 - "First."\n'
JSON_BRIEF = {"title": "Episode", "quotes": [{"at": 5, "text": "First."}]}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("brief.JSON", json.dumps(JSON_BRIEF).encode()),
        ("brief.txt", b"\xef\xbb\xbf  \n\t" + json.dumps(JSON_BRIEF).encode()),
        ("brief", b"\n\n" + json.dumps(JSON_BRIEF).encode()),
    ],
)
def test_a_json_brief_opens_as_json_whatever_its_name(tmp_path: Path, name: str, data) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = load_any(path)
    assert result.brief.source.format == "json"
    assert result.brief.source.path == str(path)
    assert [q.text for q in result.brief.quotes] == ["First."]


def test_a_text_brief_opens_as_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF + "x" * 100, encoding="utf-8")
    result = load_any(path)
    assert result.brief.source.format == "audio-brief-text"
    assert [q.text for q in result.brief.quotes] == ["First."]


@pytest.mark.parametrize("load", [load_any, load_brief, load_brief_json])
def test_a_missing_file_says_it_cannot_be_read(tmp_path: Path, load) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(BriefError) as e:
        load(path)
    assert str(e.value) == f"{path}: cannot be read: No such file or directory."


@pytest.mark.parametrize("load", [load_brief, load_any])
def test_a_brief_with_a_few_bad_bytes_loads_and_names_their_lines(tmp_path: Path, load) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(
        b"Guest - Episode\r\n\r\nQuotes\r\n"
        b'- At 0:05 - "Caf\xe9 talk."\r\n- no time here\r\n- At 0:09 - "Na\xefve."\r\n'
        + "- At 0:12 - “Still UTF-8 — mostly.”\r\n".encode()
    )
    result = load(path)
    assert result.brief.title == "Guest - Episode"
    assert result.encoding == "UTF-8"
    assert [q.text for q in result.brief.quotes] == [
        "Caf\ufffd talk.",
        "Na\ufffdve.",
        "Still UTF-8 — mostly.",
    ]
    assert [str(p) for p in result.problems] == [
        f"{path}:4: bytes that are not UTF-8 were replaced",
        f"{path}:5: quote has no time (expected 'At M:SS - \"words\"')",
        f"{path}:6: bytes that are not UTF-8 were replaced",
    ]


def test_a_brief_from_a_windows_tool_shows_its_curly_quotes_and_dashes(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"Guest \x96 Episode\n\nQuotes\n- At 0:05 - \x93Caf\xe9 talk\x94\n")
    result = load_brief(path)
    assert (result.encoding, result.problems) == ("Windows-1252", ())
    assert (result.brief.title, result.brief.guest) == ("Guest – Episode", "Guest")
    assert [q.text for q in result.brief.quotes] == ["Café talk"]


def test_a_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(BRIEF.encode("utf-16-le"))  # no byte-order mark: NUL bytes everywhere
    with pytest.raises(BriefError) as e:
        load_brief(path)
    assert str(e.value) == f"{path}: is not a text file (binary data, not a text file)."
    path.write_bytes(BRIEF.encode() + b"\x00")
    with pytest.raises(BriefError, match="is not a text file"):
        load_brief(path)


def test_a_json_file_cut_in_the_middle_of_a_character_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "brief.json"
    path.write_bytes(json.dumps(JSON_BRIEF).encode("utf-16")[:-1])
    with pytest.raises(BriefError) as e:
        load_brief_json(path)
    assert str(e.value) == (
        f"{path}: is not a text file (starts as UTF-16 but is not (truncated data at byte 122))."
    )


@pytest.mark.parametrize(
    ("line", "name", "description"),
    [
        (
            "- Jaggedness: uneven skills: strong here, weak there",
            "Jaggedness",
            "uneven skills: strong here, weak there",
        ),
        ("- March of nines:each nine costs the same", "March of nines", "each nine costs the same"),
        (
            "- Ghosts — imitations of people — not animals",
            "Ghosts",
            "imitations of people — not animals",
        ),
        ("- Ghosts – imitations of people", "Ghosts", "imitations of people"),
    ],
)
def test_each_way_of_writing_a_concept_shows_its_name_and_description(
    line: str, name: str, description: str
) -> None:
    result = parse_brief_text(f"Title\n\nKey Concepts\n{line}\n", "ep.txt")
    assert result.problems == ()
    [concept] = result.brief.concepts
    assert (concept.name, concept.description, concept.line) == (name, description, 4)


def test_a_concept_with_no_name_is_reported_on_its_line() -> None:
    result = parse_brief_text("Title\n\nKey Concepts\n- Good: one\n- : nameless\n", "ep.txt")
    assert [c.name for c in result.brief.concepts] == ["Good"]
    assert [str(p) for p in result.problems] == ["ep.txt:5: concept has no name before the colon"]


@pytest.mark.parametrize(
    ("line", "words", "context"),
    [
        ('- At 0:05 - "Words."(laughs)', "Words.", "(laughs)"),
        ('- At 0:05 - "Words." — Xavier agrees', "Words.", "Xavier agrees"),
        ('- At 0:05 - "Words.":: a remark', "Words.", "a remark"),
        ('- At 0:05 - "Unclosed words', "Unclosed words", None),
        (
            "- At 0:05 - plain words - the context - and more",
            "plain words",
            "the context - and more",
        ),
        ("- At 0:05 - plain words", "plain words", None),
        ("- At 0:05 - ‘single quoted’ - ctx", "single quoted", "ctx"),
    ],
)
def test_the_words_of_a_quote_and_what_the_brief_says_after_them(
    line: str, words: str, context: str | None
) -> None:
    result = parse_brief_text(f"Title\n\nQuotes\n{line}\n", "ep.txt")
    assert result.problems == ()
    [quote] = result.brief.quotes
    assert (quote.at, quote.text, quote.context) == (5, words, context)


@pytest.mark.parametrize(
    ("line", "words", "note", "context"),
    [
        ('- At 1:05, "Words."', "Words.", None, None),
        ('- 1:05: "Words."', "Words.", None, None),
        ('- At 1:05 - [On LLMs] "Ghosts [sic] here."', "Ghosts [sic] here.", "On LLMs", None),
        ('- At 1:05 - [Note]"Words."', "Words.", "Note", None),
        ("- At 1:05 - [] Words", "Words", None, None),
        ("- At 1:05 - [Note only]", "", "Note only", None),
        ('- At 1:05 - "—Well." — ctx', "—Well.", None, "ctx"),
        (
            '- At 1:05 - "It is," he said, "a decade." (laughs)',
            'It is," he said, "a decade.',
            None,
            "(laughs)",
        ),
        ("- At 1:05 - «Unclosed words", "Unclosed words", None, None),
        ("- At 1:05 - 'A'", "A", None, None),
    ],
)
def test_what_the_quote_card_shows_for_each_way_of_writing_a_quote(
    line: str, words: str, note: str | None, context: str | None
) -> None:
    result = parse_brief_text(f"Title\n\nQuotes\n{line}\n", "ep.txt")
    assert result.problems == ()
    [quote] = result.brief.quotes
    assert (quote.at, quote.text, quote.note, quote.context) == (65, words, note, context)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "- Karpathy said at 1:05 that agents are far off",
            "quote time is not at the start of the line",
        ),
        ("- no time at all", "quote has no time (expected 'At M:SS - \"words\"')"),
        ("- At 1:05 -", "quote has a time but no words"),
        ("- At 1:05 - ''", "quote has a time but no words"),
        ("- At " + "9" * 400 + ':00 - "x"', "time out of range"),
    ],
)
def test_a_quote_that_cannot_be_shown_is_reported_on_its_line(line: str, message: str) -> None:
    text = f'Title\n\nQuotes\n- At 0:01 - "Fine."\n{line}\n- At 0:02 - "Also fine."\n'
    result = parse_brief_text(text, "ep.txt")
    assert [q.text for q in result.brief.quotes] == ["Fine.", "Also fine."]
    assert [str(p) for p in result.problems] == [f"ep.txt:5: {message}"]


def _json_brief(tmp_path: Path, doc: dict | bytes) -> tuple[ParseResult, Path]:
    path = tmp_path / "brief.json"
    path.write_bytes(doc if isinstance(doc, bytes) else json.dumps(doc, indent=2).encode())
    return load_brief_json(path), path


_QUOTES = [{"at": 10, "text": "We summon ghosts."}, {"at": 70, "text": "A decade of agents."}]


def test_a_bad_link_is_reported_on_its_own_line_after_an_earlier_link_was_dropped(
    tmp_path: Path,
) -> None:
    doc = {
        "quotes": _QUOTES,
        "concepts": [{"name": "Ghosts", "description": "imitations"}],
        "links": [
            {"kind": "concept", "index": 0},
            {"kind": "concept", "index": 3, "quote": 1, "score": 0.5},
            {"kind": "concept", "index": 0, "quote": 1, "score": 0.5},
        ],
    }
    result, path = _json_brief(tmp_path, doc)
    text = path.read_text().splitlines()
    bad_index_line = next(n for n, s in enumerate(text, 1) if '"index": 3' in s)
    said = [(p.line, p.message) for p in result.problems]
    assert (bad_index_line, "links[1].index: there is no concept 3; dropped") in said
    assert [(lk.index, lk.quote) for lk in result.brief.links] == [(0, 1)]


def test_a_json_brief_of_only_concepts_or_only_takeaways_loads(tmp_path: Path) -> None:
    only_concepts, _ = _json_brief(tmp_path, {"concepts": [{"name": "A", "description": "b"}]})
    assert [c.name for c in only_concepts.brief.concepts] == ["A"]
    only_takeaways, _ = _json_brief(tmp_path, {"takeaways": [{"text": "Sleep more."}]})
    assert [t.text for t in only_takeaways.brief.takeaways] == ["Sleep more."]


def test_a_time_out_of_range_says_what_is_wrong_without_pydantics_prefix(tmp_path: Path) -> None:
    result, _ = _json_brief(tmp_path, {"quotes": [{"at": -5, "text": "Too early."}, *_QUOTES]})
    [problem] = result.problems
    assert problem.message.startswith("quotes[0].at: ") and "Value error" not in problem.message
    assert len(result.brief.quotes) == 2


def test_a_json_brief_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    result = parse_brief_json("\ufeff" + json.dumps({"title": "T", "quotes": _QUOTES}))
    assert result.brief.title == "T" and len(result.brief.quotes) == 2


@pytest.mark.parametrize("name", ["brief.json", "brief.txt"])
def test_replaced_bytes_in_a_json_brief_are_reported_in_that_file(tmp_path: Path, name) -> None:
    doc = {"title": "Café, naïve, déjà vu", "guest": "X", "quotes": _QUOTES}
    raw = json.dumps(doc, ensure_ascii=False, indent=1).encode()
    path = tmp_path / name
    path.write_bytes(raw.replace(b'"X"', b'"\xff"'))
    result = load_any(path)
    assert [str(p) for p in result.problems] == [
        f"{path}:3: bytes that are not UTF-8 were replaced"
    ]


def test_a_json_file_that_holds_no_object_says_so_whatever_its_first_character(
    tmp_path: Path,
) -> None:
    path = tmp_path / "brief.JSON"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BriefError, match="a JSON brief must be an object"):
        load_any(path)


def test_an_exported_json_brief_is_readable_text_for_people(tmp_path: Path) -> None:
    text = dump_brief_json(Brief(title="Café à Paris", quotes=(Quote(at=1, text="Naïve."),)))
    assert '"title": "Café à Paris"' in text and "Naïve." in text
    assert '\n  "title"' in text  # two spaces a level, for diffs


@pytest.mark.parametrize(
    ("items", "said"),
    [
        ('"takeaways": [{"text": "Keep it"}]', "quote: there is no quote 0; link dropped"),
        ('"quotes": [{"at": 1, "text": "q"}]', "index: there is no takeaway 0; dropped"),
    ],
)
def test_a_link_into_a_list_the_brief_lacks_is_reported_not_crashed(items: str, said: str) -> None:
    link = '{"kind": "takeaway", "index": 0, "quote": 0, "score": 0.5}'
    result = parse_brief_json(f'{{"title": "T", {items}, "links": [{link}]}}')
    assert result.brief.links == ()
    assert [p.message for p in result.problems] == [f"links[0].{said}"]
