"""Every concept can be found: listed in the Summary tab, marked when no moment speaks of it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from player.ui.app_data import AppData
from player.ui.delegates.search_hit import header_text
from player.ui.models.search_model import HIT_ROLE
from tests.ui.apps import open_main_window

BRIEF = """Test Guest — “Concepts”
Key Concepts
- Ghost Idea: Digital ghosts that mimic people.
- Lonely Notion: A concept that no quote speaks of at all.
Quotes
- At 0:01 - "First quote about ghosts and spirits." - ctx
- At 0:04 - "Another quote, on engineering." - ctx
"""


def test_a_concept_without_a_quote_is_listed_searchable_and_marked(
    qtbot, tmp_path: Path, audio_file: Path
) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    w = open_main_window(brief, audio=audio_file, data=AppData(memory=True), remember=False)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)

    summary = w.side.summary_view
    text = summary.toPlainText()
    assert "Lonely Notion: A concept that no quote speaks of at all." in text
    assert "no moment linked" in text.split("Lonely Notion")[1]
    assert "▶ 0:01" in text.split("Ghost Idea")[1].split("Lonely Notion")[0]

    w.side.setCurrentWidget(summary)
    found = summary.document().find("▶ 0:01")
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    summary.setTextCursor(cursor)
    at = summary.cursorRect(cursor).center()
    qtbot.mouseClick(summary.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(w.playback.is_playing, timeout=3_000)
    assert abs(w.clock.brief_ms() - 1_000) < 500

    w.side.search_edit.setText("lonely")
    w.side.run_search()
    hits = [
        w.side.search_model.index(r).data(HIT_ROLE) for r in range(w.side.search_model.rowCount())
    ]
    concept = next(h for h in hits if h.kind == "concept")
    assert "no moment linked" in header_text(concept)
    w.playback.stop()
