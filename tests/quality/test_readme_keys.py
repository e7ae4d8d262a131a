"""The README's key table: each key listed once, each key listed is one the window binds, and
each key the window binds (``player.ui.actions.SPECS``) is listed."""

from __future__ import annotations

import re
from pathlib import Path

from player.ui.actions import SPECS

README = Path(__file__).resolve().parents[2] / "README.md"
KEY = re.compile(
    r"(?:(?:Ctrl|Alt|Shift)\+)*"
    r"(?:Media (?:Play|Previous|Next)|PgDn|PgUp|Tab|Space|Enter|Delete|Menu key|F\d+|[A-Z0-9]\b"
    r"|[←→↑↓,./=?\[\]])"
)
SPELLED = {"PgDn": "PgDown", "←": "Left", "→": "Right", "↑": "Up", "↓": "Down"}
# Keys of the lists themselves, not of an action: Tab, the arrows in a list, Enter, the menu key.
LIST_KEYS = {"Tab", "Up", "Down", "Enter", "Menu key", "Shift+F10", "F2", "Delete"}


def _key_column() -> list[str]:
    text = README.read_text(encoding="utf-8")
    table = text.split("| Key | Does |", 1)[1].split("\n\n", 1)[0]
    return [line.split("|")[1].strip() for line in table.splitlines()[2:] if line.startswith("|")]


def _listed() -> list[str]:
    """Every key of the table's key column, spelled as ``QKeySequence`` spells it."""
    keys = []
    for cell in _key_column():
        cell = cell.replace("Alt+1 … Alt+5", ", ".join(f"Alt+{n}" for n in range(1, 6)))
        cell = cell.replace("(or ", ", ").replace(")", "")
        for part in re.split(r"\s+/\s+", cell):
            for key in re.split(r",\s+|\s+or\s+", part):
                key = key.strip()
                if key == "right-click":
                    continue
                assert KEY.fullmatch(key), f"{key!r} in the README's key column is not a key"
                for short, full in SPELLED.items():
                    key = key.replace(short, full)
                keys.append(key)
    return keys


def test_each_key_is_listed_once_and_is_bound() -> None:
    listed = _listed()
    assert len(listed) > 40, listed
    assert len(listed) == len(set(listed)), sorted(k for k in listed if listed.count(k) > 1)
    bound = {k for spec in SPECS for k in spec.keys}
    for key in listed:
        assert key in bound or key in LIST_KEYS, f"README lists {key}, which no action binds"


def test_every_key_the_window_binds_is_in_the_table() -> None:
    listed = set(_listed())
    missing = [f"{k} ({spec.name})" for spec in SPECS for k in spec.keys if k not in listed]
    assert missing == []
