"""The README's key table: each key listed once, and each Ctrl/Alt key listed is one the window
binds (``player.ui.actions.SPECS``)."""

from __future__ import annotations

import re
from pathlib import Path

from player.ui.actions import SPECS

README = Path(__file__).resolve().parents[2] / "README.md"
COMBO = re.compile(r"(?:Ctrl|Alt)\+(?:Shift\+)?(?:PgDn|PgUp|Tab|[A-Z0-9,/←→↑↓])")
SPELLED = {"PgDn": "PgDown", "←": "Left", "→": "Right", "↑": "Up", "↓": "Down"}


def _key_column() -> list[str]:
    text = README.read_text(encoding="utf-8")
    table = text.split("| Key | Does |", 1)[1].split("\n\n", 1)[0]
    return [line.split("|")[1].strip() for line in table.splitlines()[2:] if line.startswith("|")]


def test_each_key_is_listed_once_and_is_bound() -> None:
    combos = [c for cell in _key_column() for c in COMBO.findall(cell)]
    assert combos, "no Ctrl or Alt keys found in the README's key table"
    assert len(combos) == len(set(combos)), sorted(c for c in combos if combos.count(c) > 1)
    bound = {k for spec in SPECS for k in spec.keys}
    for combo in combos:
        spelled = combo
        for short, full in SPELLED.items():
            spelled = spelled.replace(short, full)
        if spelled.startswith("Alt+") and spelled[-1].isdigit():
            continue  # "Alt+1 … Alt+5" in one cell: checked as the side-tab keys below
        assert spelled in bound, f"README lists {combo}, which no action binds"
    assert {f"Alt+{n}" for n in range(1, 6)} <= bound
