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
