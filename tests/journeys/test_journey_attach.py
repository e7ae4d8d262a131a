"""A listener attaches their own copy of the episode, is told what changed, quits, starts again,
and the Library lists the episode at the copy's length, not the brief's."""

from __future__ import annotations

from pathlib import Path

from player.core.storage.syncpoints import audio_key_for
from player.ui.app_data import AppData
from player.ui.library.library_model import ITEM_ROLE, facts_line
from tests.media import make_wav
from tests.ui.apps import app_of, open_main_window
from tests.ui.conftest import BRIEF


def _open(qtbot, brief: Path, data: AppData, audio: Path | None = None):
    w = open_main_window(brief, audio=audio, data=data)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    return w


def _library_facts(w) -> str:
    dialog = app_of(w).library.show()
    item = dialog.model.index(0).data(ITEM_ROLE)
    text = facts_line(item)
    dialog.close()
    return text


def test_attach_a_copy_hear_what_changed_and_the_library_keeps_its_length(
    qtbot, tmp_path: Path
) -> None:
    brief = tmp_path / "episode" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(BRIEF, encoding="utf-8")
    standin = make_wav(tmp_path / "episode" / "audio.wav", 7.0, beeps_at=(1, 2, 3, 5))
    copy = make_wav(tmp_path / "downloads" / "copy.wav", 13.0, beeps_at=(3, 4, 5, 7))
    data = AppData(tmp_path / "notes.db")
    data.syncpoints.set_all(audio_key_for(copy), [(1_000, 3_000)])
    first = _open(qtbot, brief, data, standin)
    assert "0:13" not in _library_facts(first)

    first.attach_audio(copy)  # what File ▸ Attach Audio… does with the chosen file
    status = first.statusBar()
    qtbot.waitUntil(lambda: "copy.wav" in status.currentMessage(), timeout=10_000)
    said = status.currentMessage()
    assert "Now playing copy.wav (0:13)." in said
    assert "1 sync point for this file" in said
    first.close()
    data.close()

    data2 = AppData(tmp_path / "notes.db")
    second = _open(qtbot, brief, data2)  # the copy is remembered
    assert second.playback.source == copy
    facts = _library_facts(second)
    assert "0:13" in facts and "0:07" not in facts
    second.playback.stop()
    second.close()
    data2.close()
