"""Concepts and takeaways tied to the quotes that speak of them."""

from __future__ import annotations

import json
from pathlib import Path

from player.core.brief.links import (
    apply_links,
    auto_links,
    link_brief,
    link_table,
    load_pins,
)
from player.core.brief.parser import load_brief

PINS = (
    Path(__file__).resolve().parents[3] / "content" / "karpathy-ghosts-not-animals" / "links.json"
)


def _times(brief, kind: str, name_start: str) -> tuple[float, ...]:
    items = brief.concepts if kind == "concept" else brief.takeaways
    for item in items:
        label = item.name if kind == "concept" else item.text
        if label.startswith(name_start):
            return item.at
    raise AssertionError(f"no {kind} {name_start!r}")


def test_seed_link_table(seed_path: Path) -> None:
    brief = load_brief(seed_path).brief
    pins, problems = load_pins(PINS)
    linked, link_problems = link_brief(brief, pins)
    print("\n" + "\n".join(link_table(linked)))
    assert problems == () and link_problems == ()
    assert 3901.0 in _times(linked, "concept", "Demo-to-Product Gap")  # 1:05:01
    assert 17.0 in _times(linked, "concept", "AI as")
    assert {3167.0, 3234.0} <= set(_times(linked, "concept", "Model Collapse"))
    assert 6811.0 in _times(linked, "concept", "Bits vs. Atoms")  # 113:31
    assert 62.0 in _times(linked, "concept", "Decade of Agents")
    assert 1605.0 in _times(linked, "concept", "Balanced Drivers")
    assert all(c.at for c in linked.concepts)
    assert all(0 <= lk.score <= 1 for lk in linked.links)


def test_automatic_links_find_the_obvious_ones_without_pins(seed_path: Path) -> None:
    brief = load_brief(seed_path).brief
    linked = apply_links(brief)
    assert _times(linked, "concept", "Demo-to-Product Gap") == (3901.0,)
    assert 6811.0 in _times(linked, "takeaway", "Anticipate that deploying AI in the physical")
    assert 3379.0 in _times(linked, "takeaway", "Consider the idea that poor memorization")
    assert all(not lk.pinned for lk in linked.links)
    assert len(auto_links(brief)) == len(linked.links)


def test_pins_add_and_remove(seed_path: Path, tmp_path: Path) -> None:
    brief = load_brief(seed_path).brief
    path = tmp_path / "links.json"
    path.write_text(
        json.dumps(
            {
                "pin": [{"concept": "bits vs atoms", "at": "136:18"}, {"takeaway": 9, "at": 8178}],
                "remove": [{"concept": "Demo-to-Product Gap"}],
            }
        ),
        encoding="utf-8",
    )
    pins, problems = load_pins(path)
    linked, link_problems = link_brief(brief, pins)
    assert problems == () and link_problems == ()
    assert 8178.0 in _times(linked, "concept", "Bits vs. Atoms")
    assert _times(linked, "takeaway", "Draw inspiration") == (8178.0,)
    assert _times(linked, "concept", "Demo-to-Product Gap") == ()
    pinned = [lk for lk in linked.links if lk.pinned]
    assert len(pinned) == 2 and all(lk.score == 1.0 for lk in pinned)


def test_pin_that_names_nothing_is_a_problem(seed_path: Path, tmp_path: Path) -> None:
    brief = load_brief(seed_path).brief
    path = tmp_path / "links.json"
    path.write_text(
        '{"pin": [\n  {"concept": "Nonexistent", "at": "0:17"},\n'
        '  {"takeaway": 99, "at": "0:17"},\n  {"concept": "Model Collapse", "at": "0:18"},\n'
        '  {"concept": "Model Collapse", "at": "0:6x"}\n]}\n',
        encoding="utf-8",
    )
    pins, problems = load_pins(path)
    _, link_problems = link_brief(brief, pins)
    reported = [str(p) for p in (*problems, *link_problems)]
    assert len(reported) == 4
    assert any(r.startswith(f"{path}:5: pin[3]") and "not a time" in r for r in reported)
    assert f"{path}:2: no concept named 'Nonexistent'" in reported
    assert any(r.startswith(f"{path}:3: there is no takeaway 99") for r in reported)
    assert any(r.startswith(f"{path}:4: no quote at 0:18") for r in reported)


def test_missing_links_file_means_no_pins(tmp_path: Path) -> None:
    pins, problems = load_pins(tmp_path / "links.json")
    assert pins.pin == () and pins.remove == () and problems == ()
