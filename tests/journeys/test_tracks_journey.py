"""Transcripts and chapters: what the listener opened stays, and what came along is announced."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from player.core.timeline import CueKind
from tests.journeys.conftest import pick_file

VTT = """WEBVTT

00:00:02.000 --> 00:00:05.000
Welcome to the talk about ghosts.

00:00:06.000 --> 00:00:11.000
Engineering is the theme today.

00:00:12.000 --> 00:00:19.000
Digital spirits again.
"""


def _transcript_rows(w) -> list[str]:
    side = w.side
    for i in range(side.count()):
        if side.tabText(i).startswith("Transcript") and side.isTabVisible(i):
            model = side.widget(i).model()
            return [model.index(r).data() for r in range(model.rowCount())]
    return []


def test_a_transcript_opened_with_ctrl_t_is_there_at_the_next_start(
    qtbot, session, audio_file, tmp_path: Path
) -> None:
    transcript = tmp_path / "downloads" / "the-talk.vtt"
    transcript.parent.mkdir()
    transcript.write_text(VTT, encoding="utf-8")
    w = session.start(audio_file)
    assert _transcript_rows(w) == []
    pick_file(transcript)
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_transcript_rows(w)) == 3, timeout=5_000)
    session.quit_with_keys()

    again = session.start()
    assert len(_transcript_rows(again)) == 3
    assert "Digital spirits again." in " ".join(_transcript_rows(again))
    assert "the-talk.vtt" in again.statusBar().currentMessage()


def test_chapters_beside_the_brief_are_announced_and_those_past_the_end_left_out(
    qtbot, session, audio_file, brief_file: Path
) -> None:
    chapters = {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0, "title": "Opening"},
            {"startTime": 10, "title": "Engineering"},
            {"startTime": 20, "title": "Animals"},
            {"startTime": 95, "title": "Bonus after the end"},
        ],
    }
    (brief_file.parent / "chapters.json").write_text(json.dumps(chapters), encoding="utf-8")
    w = session.start(audio_file)
    shown = [c.text for c in w.timeline if c.kind == CueKind.CHAPTER]
    assert shown == ["Opening", "Engineering", "Animals"]
    message = w.statusBar().currentMessage()
    assert "chapters.json" in message and "beside the brief" in message
    assert "1 chapter after the end of the audio (0:32) left out" in message
