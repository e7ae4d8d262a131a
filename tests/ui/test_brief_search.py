"""The brief's search index is built between events after opening, not on the first key."""

from __future__ import annotations

from pathlib import Path

from player.ui.app_data import AppData
from tests.ui.apps import app_of, open_main_window


def _long_brief(tmp_path: Path, quotes: int) -> Path:
    lines = ["Guest — “Long”", "Quotes"]
    lines += [
        f'- At {i // 60}:{i % 60:02d} - "Quote number {i} about topic{i % 97}."'
        for i in range(quotes)
    ]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _open(qtbot, brief: Path):
    w = open_main_window(brief, data=AppData(memory=True), remember=False)
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_index_is_ready_before_the_first_key_without_a_search(qtbot, tmp_path) -> None:
    w = _open(qtbot, _long_brief(tmp_path, 6000))
    index = app_of(w).brief_search.index
    assert index is not None and not index.ready  # nothing indexed before the window shows
    qtbot.waitUntil(lambda: index.ready, timeout=20_000)
    assert len(index.docs) == 6000

    w.side.search_edit.setText("topic42")
    qtbot.waitUntil(lambda: w.side.search_model.rowCount() > 0)
    assert w.side.search_status.text() == "62 matches"


def test_a_search_before_the_index_is_done_finishes_it_and_finds_everything(
    qtbot, tmp_path
) -> None:
    w = _open(qtbot, _long_brief(tmp_path, 3000))
    index = app_of(w).brief_search.index
    assert not index.ready
    rows = app_of(w).brief_search("number 2999")
    assert index.ready
    assert rows[0].text.startswith("Quote number 2999 ")


def test_a_screen_reader_hears_what_kind_of_thing_each_hit_is(qtbot, tmp_path) -> None:
    from PySide6.QtCore import Qt

    w = _open(qtbot, _long_brief(tmp_path, 20))
    w.side.search_edit.setText("number 7")
    m = w.side.search_model
    qtbot.waitUntil(lambda: m.rowCount() > 0)
    said = m.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith("quote: Quote number 7 ")
    assert m.index(m.rowCount()).data(Qt.ItemDataRole.AccessibleTextRole) is None
