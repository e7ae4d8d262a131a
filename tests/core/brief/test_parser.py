"""The Audio Brief reader: the seed, the variations other briefs use, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.brief.models import BriefError
from player.core.brief.parser import load_any, load_brief, load_brief_json, parse_brief_text

HEAD = "Jane Roe — “Machines that listen”\nAudio Brief\nShow transcript\nA summary.\n"


def test_seed_parses_completely(seed_path: Path) -> None:
    result = load_brief(seed_path)
    brief = result.brief
    assert result.problems == ()
    assert (len(brief.quotes), len(brief.concepts), len(brief.takeaways)) == (20, 10, 12)
    assert brief.guest == "Andrej Karpathy"
    assert brief.title.startswith("Andrej Karpathy — “We’re summoning ghosts")
    assert len(brief.summary) == 7 and brief.summary[0].startswith("This episode covers")
    assert "Audio Brief" not in brief.summary and len(brief.overview) == 4


def test_seed_quotes_are_in_time_order_with_notes_split_off(seed_path: Path) -> None:
    quotes = load_brief(seed_path).brief.quotes
    times = [q.at for q in quotes]
    assert times == sorted(times)
    by_time = {q.at: q for q in quotes}
    assert 3792.0 in by_time and 6811.0 in by_time  # 1:03:12 and 113:31
    claude = by_time[3792.0]
    assert claude.note == "On the cognitive level of LLMs"
    assert claude.text.startswith("My Claude 3 or Copilot")
    assert claude.text.endswith("what they're doing.")
    gdp = by_time[5047.0]
    assert gdp.note == "Speaking about computers and mobile phones"
    assert gdp.text == "You can't find them in GDP. GDP is the same exponential."
    assert by_time[4975.0].text.startswith("it's business as usual")
    assert by_time[17.0].text.startswith("We're not actually building animals")
    assert by_time[5308.0].context.startswith('Karpathy directly challenges the "sharp left turn"')


def test_concept_names_keep_their_quotation_marks(seed_path: Path) -> None:
    names = [c.name for c in load_brief(seed_path).brief.concepts]
    assert names[1] == 'AI as "Ghosts"'
    assert "Bits vs. Atoms" in names


def test_bom_crlf_and_any_section_order(tmp_path: Path) -> None:
    text = (
        HEAD
        + "Takeaways\n* Listen twice.\n\n* Write it down.\n"
        + "quotes:\n• At 1:00:05 — “Hello there” — greeting\n"
        + "KEY CONCEPTS\n- Echo: a sound that returns.\n"
    )
    path = tmp_path / "b.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = load_brief(path)
    brief = result.brief
    assert result.problems == ()
    assert brief.title == "Jane Roe — “Machines that listen”" and brief.guest == "Jane Roe"
    assert [t.text for t in brief.takeaways] == ["Listen twice.", "Write it down."]
    assert brief.quotes[0].at == 3605 and brief.quotes[0].text == "Hello there"
    assert brief.quotes[0].context == "greeting"
    assert brief.concepts[0].name == "Echo" and brief.overview == ()


def test_wrapped_bullets_and_quote_variants() -> None:
    text = HEAD + (
        "Quotes\n"
        "- At 2:05 – 'Straight single' quotes\n"
        '   continue here" - and context\n'
        '- At 0:07 - "No context at all."\n'
        '- At 0:07 - "Same second, second quote." - b\n'
        '- At 113:31 - "Long minutes." - c\n'
        '- At 1:03:12 - [A note] "Hours." - d\n'
        "Key Concepts\n"
        "- Long Name: a description that\n"
        "  wraps onto a second line.\n"
    )
    result = parse_brief_text(text, "x.txt")
    assert result.problems == ()
    quotes = result.brief.quotes
    assert [q.at for q in quotes] == [7, 7, 125, 3792, 6811]
    assert quotes[0].text == "No context at all." and quotes[0].context is None
    assert quotes[1].text == "Same second, second quote."
    assert quotes[3].note == "A note" and quotes[3].text == "Hours."
    # The wrapped bullet joins into one quote; what follows its dash is the context.
    assert quotes[2].text.startswith("'Straight single' quotes continue here")
    assert [q.context for q in quotes] == [None, "b", "and context", "d", "c"]
    assert [q.line for q in quotes] == [8, 9, 6, 11, 10]
    assert result.brief.concepts[0].description == "a description that wraps onto a second line."


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('- At 4:61 - "Bad seconds." - x', "seconds out of range"),
        ('- At 1:7x - "Bad time." - x', "not a time"),
        ('- "A quote with no time." - x', "no time"),
    ],
)
def test_bad_quote_line_is_reported_and_the_rest_loads(line: str, message: str) -> None:
    text = HEAD + f'Quotes\n- At 0:05 - "Good." - a\n{line}\n- At 0:09 - "Also good."\n'
    result = parse_brief_text(text, "ep.txt")
    assert [q.text for q in result.brief.quotes] == ["Good.", "Also good."]
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("ep.txt:7: ")
    assert message in result.problems[0].message


def test_concept_without_colon_is_reported() -> None:
    text = HEAD + "Key Concepts\n- Fine: yes\n- no colon in this one\n"
    result = parse_brief_text(text, "c.txt")
    assert [c.name for c in result.brief.concepts] == ["Fine"]
    assert [str(p) for p in result.problems] == [
        "c.txt:7: concept has no 'Name: description' colon"
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01binary\x00", b"just some words\n"])
def test_not_a_brief_raises_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(BriefError) as err:
        load_brief(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_missing_file_raises_brief_error(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="cannot be read"):
        load_brief(tmp_path / "absent.txt")


def test_stray_invalid_bytes_are_reported_on_their_line(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(
        (HEAD + "Takeaways\n- caf\xe9 au lait\n").encode("utf-8").replace(b"\xc3\xa9", b"\xe9")
    )
    result = load_brief(path)
    assert result.brief.takeaways[0].text.startswith("caf")
    assert [p.line for p in result.problems] == [6]


def test_json_round_trip_and_problems_with_paths(tmp_path: Path, seed_path: Path) -> None:
    from player.core.brief.parser import dump_brief_json

    brief = load_brief(seed_path).brief
    path = tmp_path / "brief.json"
    path.write_text(dump_brief_json(brief), encoding="utf-8")
    again = load_any(path)
    assert again.problems == ()
    assert again.brief.quotes == tuple(q.model_copy(update={"line": None}) for q in brief.quotes)

    path.write_text(
        '{\n  "title": "T",\n  "quotes": [\n    {"at": 5, "text": "ok"},\n'
        '    {"at": -1, "text": "bad"}\n  ]\n}\n',
        encoding="utf-8",
    )
    result = load_brief_json(path)
    assert [q.text for q in result.brief.quotes] == ["ok"]
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith(f"{path}:5: quotes[1].at:")


def test_broken_json_is_a_brief_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('{"title": "x",\n "quotes": [}', encoding="utf-8")
    with pytest.raises(BriefError, match=":2: not valid JSON"):
        load_any(path)
