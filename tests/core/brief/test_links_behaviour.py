"""links.json as the listener writes it by hand: each mistake reported by file and line with
what to write instead, and the pins that are right applied to what lights up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.core.brief.links import link_brief, link_table, load_pins
from player.core.brief.models import Brief, Concept, Link, Quote, Takeaway

BRIEF = Brief(
    quotes=(Quote(at=10, text="We summon ghosts."), Quote(at=70, text="A decade of agents.")),
    concepts=(
        Concept(name="Ghosts", description="imitations of people"),
        Concept(name="Ghost Town", description="an empty place"),
    ),
    takeaways=(Takeaway(text="Agents need a decade of work."), Takeaway(text="Agents fail.")),
)


def _problems(tmp_path: Path, text: str | bytes) -> list[str]:
    path = tmp_path / "links.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    pins, problems = load_pins(path)
    _, link_problems = link_brief(BRIEF, pins)
    return [str(p).removeprefix(f"{path}:") for p in (*problems, *link_problems)]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("5", 'pin[0]: expected {"concept": NAME, "at": TIME} or {"takeaway": INDEX, "at": TIME}'),
        ('{"at": "0:10"}', 'pin[0]: name exactly one of "concept" or "takeaway"'),
        ('{"concept": true, "at": "0:10"}', "pin[0]: concept must be a name or an index"),
        ('{"concept": [1], "at": "0:10"}', "pin[0]: concept must be a name or an index"),
        ('{"concept": "Ghosts"}', 'pin[0]: a pin needs "at": the time of the quote'),
        (
            '{"concept": "Ghosts", "at": "0:61"}',
            "pin[0]: seconds out of range in '0:61': must be 00 to 59",
        ),
        ('{"concept": 2, "at": 10}', "there is no concept 2 (the brief has 2, from 0)"),
        ('{"concept": "Mars", "at": 10}', "no concept named 'Mars'"),
        ('{"takeaway": "Agents", "at": 10}', "more than one takeaway named 'Agents'"),
        ('{"concept": "Ghosts", "at": 40}', "no quote at 0:40 for concept 'Ghosts'"),
        ('{"concept": "Ghosts", "at": 10.5}', "no quote at 0:10 for concept 'Ghosts'"),
    ],
)
def test_a_wrong_pin_is_reported_on_its_line(tmp_path: Path, entry: str, problem: str) -> None:
    text = '{\n  "pin": [\n    ' + entry + "\n  ]\n}"
    problems = _problems(tmp_path, text)
    assert len(problems) == 1
    line, message = problems[0].split(": ", 1)
    assert (int(line), message) == (3, problem)


def test_a_file_that_is_no_pin_list_says_why(tmp_path: Path) -> None:
    assert _problems(tmp_path, "[1]") == ["1: expected an object"]
    assert _problems(tmp_path, '{\n "pin": [],\n "pins": []\n}') == ["3: unknown key 'pins'"]
    assert _problems(tmp_path, '{\n "pin": 5\n}') == ["2: pin: expected a list"]
    assert _problems(tmp_path, '{\n "pin": [,]\n}')[0].startswith("2: not valid JSON: ")
    assert _problems(tmp_path, b"\xff\xfe")[0].startswith("1: cannot be read: ")
    assert load_pins(tmp_path / "missing.json") == (load_pins(tmp_path / "missing.json")[0], ())


def test_pins_by_name_index_or_start_of_a_takeaway_link_that_quote(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text(
        "\ufeff"
        + json.dumps(
            {
                "pin": [
                    {"concept": "ghosts", "at": "0:10.2"},
                    {"concept": 1, "at": 70},
                    {"takeaway": "Agents need", "at": "1:10"},
                ],
                "remove": [{"takeaway": 1}],
            }
        ),
        encoding="utf-8",
    )
    pins, problems = load_pins(path)
    assert problems == ()
    brief, link_problems = link_brief(BRIEF, pins)
    assert link_problems == ()
    pinned = {(lk.kind, lk.index, lk.quote) for lk in brief.links if lk.pinned}
    assert pinned == {("concept", 0, 0), ("concept", 1, 1), ("takeaway", 0, 1)}
    assert not [lk for lk in brief.links if lk.kind == "takeaway" and lk.index == 1]


def test_the_link_table_shows_each_item_with_its_quote_times() -> None:
    brief = BRIEF.model_copy(
        update={
            "links": (
                Link(kind="concept", index=0, quote=1, score=0.5),
                Link(kind="concept", index=0, quote=0, score=1, pinned=True),
                Link(kind="takeaway", index=0, quote=1, score=0.25),
            )
        }
    )
    assert link_table(brief) == [
        "concept  0 " + "Ghosts".ljust(48) + " -> 0:10 pinned, 1:10 0.50",
        "concept  1 " + "Ghost Town".ljust(48) + " -> (none)",
        "takeaway  0 " + "Agents need a decade of work.".ljust(48) + " -> 1:10 0.25",
        "takeaway  1 " + "Agents fail.".ljust(48) + " -> (none)",
    ]
    long = BRIEF.model_copy(update={"concepts": (Concept(name="x" * 60, description=""),)})
    assert link_table(long)[0] == "concept  0 " + "x" * 48 + " -> (none)"


def _linked(tmp_path: Path, pins: dict, brief: Brief = BRIEF) -> tuple[set, list[str]]:
    path = tmp_path / "links.json"
    path.write_text(json.dumps(pins, indent=1), encoding="utf-8")
    loaded, problems = load_pins(path)
    linked, link_problems = link_brief(brief, loaded)
    said = [str(p).removeprefix(f"{path}:") for p in (*problems, *link_problems)]
    return {(lk.kind, lk.index, lk.quote) for lk in linked.links if lk.pinned}, said


def test_a_takeaway_pinned_by_its_number_is_that_takeaway_even_past_the_concepts(
    tmp_path: Path,
) -> None:
    brief = BRIEF.model_copy(
        update={"takeaways": (*BRIEF.takeaways, Takeaway(text="A third thought."))}
    )
    pinned, said = _linked(tmp_path, {"pin": [{"takeaway": 2, "at": 10}]}, brief)
    assert (pinned, said) == ({("takeaway", 2, 0)}, [])
    pinned, said = _linked(tmp_path, {"pin": [{"concept": 0, "at": 70}]})
    assert (pinned, said) == ({("concept", 0, 1)}, [])


def test_a_mistake_in_links_json_loses_none_of_the_pins_after_it(tmp_path: Path) -> None:
    pins = {"note": "mine", "remove": 3, "pin": [{"concept": 1, "at": 10}]}
    pinned, said = _linked(tmp_path, pins)
    assert pinned == {("concept", 1, 0)}
    assert said == ["2: unknown key 'note'", "3: remove: expected a list"]


def test_removing_a_concepts_link_keeps_the_takeaway_lit_at_that_quote(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text(json.dumps({"remove": [{"concept": 0, "at": 70}]}), encoding="utf-8")
    both = BRIEF.model_copy(
        update={
            "links": (
                Link(kind="concept", index=0, quote=1, score=0.5),
                Link(kind="takeaway", index=0, quote=1, score=0.5),
                Link(kind="concept", index=1, quote=1, score=0.5),
            )
        }
    )
    linked, _ = link_brief(both, load_pins(path)[0])
    kept = {(lk.kind, lk.index, lk.quote) for lk in linked.links}
    assert kept == {("takeaway", 0, 1), ("concept", 1, 1)}


def test_a_concept_is_pinned_by_its_whole_name_only(tmp_path: Path) -> None:
    """Takeaways are long, so their first words do; concept names are short and exact."""
    pinned, said = _linked(tmp_path, {"pin": [{"concept": "Ghost Tow", "at": 10}]})
    assert (pinned, said) == (set(), ["3: no concept named 'Ghost Tow'"])


def test_a_remove_entry_that_names_nothing_is_reported_on_its_line(tmp_path: Path) -> None:
    _, said = _linked(tmp_path, {"remove": [{"concept": "Mars"}]})
    assert said == ["3: no concept named 'Mars'"]


def test_a_stored_link_to_a_quote_the_brief_no_longer_has_is_dropped() -> None:
    stale = BRIEF.model_copy(update={"links": (Link(kind="concept", index=0, quote=2, score=0.9),)})
    linked, _ = link_brief(stale)
    assert linked.links == () and linked.concepts[0].at == ()


def test_among_quotes_that_say_the_same_the_earliest_light_up() -> None:
    quotes = tuple(Quote(at=float(i), text="Model collapse again.") for i in range(60))
    brief = Brief(quotes=quotes, concepts=(Concept(name="Model collapse", description=""),))
    assert [lk.quote for lk in link_brief(brief)[0].links] == [0, 1, 2]


def test_of_two_quotes_as_close_behind_the_best_the_earlier_lights_up() -> None:
    """The last of the three links goes to the first of the two equal runners-up."""
    quotes = ("Collapse.", "Collapse.", "Model collapse.", "Model collapse.")
    brief = Brief(
        quotes=tuple(Quote(at=float(i), text=text) for i, text in enumerate(quotes)),
        concepts=(Concept(name="Model collapse", description=""),),
    )
    assert [lk.quote for lk in link_brief(brief)[0].links] == [0, 2, 3]


def test_a_brief_of_only_small_words_links_nothing_and_does_not_fail() -> None:
    brief = Brief(
        quotes=(Quote(at=1, text="It is what it is."),),
        concepts=(Concept(name="A", description="of the"),),
        takeaways=(Takeaway(text="So it is."),),
    )
    assert link_brief(brief)[0].links == ()
