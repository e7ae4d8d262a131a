"""What the audio and the files beside it add to the window, and syncing a shifted copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from player.core.formats.track import TrackKind
from player.core.storage.notes import Note
from player.core.storage.syncpoints import audio_key_for
from player.core.timeline import CueKind
from player.ui.app_data import AppData
from tests.media import make_wav
from tests.ui.apps import app_of, open_main_window
from tests.ui.conftest import active_texts

DATA = Path(__file__).resolve().parents[1] / "data"
MEDIA = DATA / "media"


@pytest.fixture
def data(tmp_path: Path) -> AppData:
    return AppData(tmp_path / "notes.db")


def open_window(qtbot, brief: Path, audio: Path | None, data: AppData):
    w = open_main_window(brief, audio=audio, data=data, at_ms=0)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    if audio is not None:
        qtbot.waitUntil(
            lambda: w.playback.duration_ms() > 0 or w.playback.error is not None, timeout=10_000
        )
    w.pane.setFocus()
    return w


def close_window(w) -> None:
    w.playback.stop()
    w.close()


def pane_texts(w, kind: CueKind) -> list[str]:
    m = w.pane_model
    return [m.row(i).body for i in range(m.rowCount()) if m.row(i).cue.kind == kind]


def select_quote(w, ref: int) -> None:
    m = w.pane_model
    row = next(
        i
        for i in range(m.rowCount())
        if m.row(i).cue.kind == CueKind.QUOTE and m.row(i).cue.ref == ref
    )
    w.pane.setCurrentIndex(m.index(row))


def click_quote(qtbot, w, ref: int) -> None:
    select_quote(w, ref)
    index = w.pane.currentIndex()
    w.pane.scrollTo(index)
    qtbot.mouseClick(
        w.pane.viewport(), Qt.MouseButton.LeftButton, pos=w.pane.visualRect(index).center()
    )


def transcript_tab_shown(w) -> bool:
    return w.side.isTabVisible(w.side.indexOf(app_of(w).tracks.view))


def write_vtt(path: Path, lines: list[tuple[int, int, str]]) -> Path:
    def ts(ms: int) -> str:
        h, rem = divmod(ms, 3_600_000)
        m, rem = divmod(rem, 60_000)
        s, ms = divmod(rem, 1000)
        return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"

    out = ["WEBVTT", ""]
    for start, end, text in lines:
        out += [f"{ts(start)} --> {ts(end)}", text, ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return path


# 1. the audio's own tags ---------------------------------------------------------------------


def test_cover_show_and_embedded_chapters_come_from_the_audio(
    qtbot, brief_file: Path, tmp_path: Path, data
) -> None:
    audio = shutil.copy(MEDIA / "tone.mp3", tmp_path / "episode.mp3")
    w = open_window(qtbot, brief_file, Path(audio), data)
    assert w.header.cover.isVisible()
    assert not w.header.cover.pixmap().isNull()
    # The brief has a title but names no show: the show comes from the file's tags.
    assert w.header.title.text() == w.episode.display_title()
    assert "Dwarkesh Podcast" in w.header.subtitle.text()
    assert pane_texts(w, CueKind.CHAPTER) == ["Cold open", "Agents", "Ghosts"]
    assert [c.text for c in w.strip.cues() if c.kind == CueKind.CHAPTER] == [
        "Cold open",
        "Agents",
        "Ghosts",
    ]
    w.seek_brief(250)  # inside "Agents" (0.2 s to 0.35 s)
    qtbot.waitUntil(lambda: "Agents" in active_texts(w), timeout=2000)
    assert "Cold open" not in active_texts(w)
    close_window(w)


def test_attaching_other_audio_replaces_cover_and_chapters(
    qtbot, brief_file: Path, tmp_path: Path, data
) -> None:
    w = open_window(qtbot, brief_file, Path(shutil.copy(MEDIA / "tone.mp3", tmp_path)), data)
    assert len(pane_texts(w, CueKind.CHAPTER)) == 3
    plain = make_wav(tmp_path / "plain.wav", 2.0)
    w.attach_audio(plain)
    assert pane_texts(w, CueKind.CHAPTER) == []
    assert not w.header.cover.isVisible()
    close_window(w)


def test_a_file_whose_tags_cannot_be_read_is_noted_and_still_tried(
    qtbot, brief_file: Path, tmp_path: Path, data
) -> None:
    junk = tmp_path / "broken.mp3"
    junk.write_bytes(b"\x00garbage, not an mp3 at all" * 50)
    w = open_window(qtbot, brief_file, junk, data)
    message = w.statusBar().currentMessage()
    assert message.startswith("broken.mp3: ") and "anyway" in message
    assert str(tmp_path) not in message  # short: the name, not the whole path
    assert w.playback.source == junk
    assert w.pane_model.rowCount() > 0  # the brief still works
    close_window(w)


# 2. files beside the audio or the brief ------------------------------------------------------


def test_sidecar_transcript_and_chapters_load_and_report_bad_lines(
    qtbot, brief_file: Path, audio_file: Path, data
) -> None:
    shutil.copy(DATA / "sample.vtt", audio_file.with_suffix(".vtt"))
    shutil.copy(DATA / "chapters.json", brief_file.parent / "chapters.json")
    w = open_window(qtbot, brief_file, audio_file, data)
    assert transcript_tab_shown(w)
    # The audio is 7 s long: the line at 0:07 and the chapters at 12:34 and 1:02:03 start after
    # it ends, so they are left out (and said to be); toc:false chapters are never shown.
    assert app_of(w).tracks.model.rowCount() == 2
    assert pane_texts(w, CueKind.CHAPTER) == ["Intro"]
    assert app_of(w).tracks.past_end(TrackKind.CHAPTERS) == 2
    assert "2 chapters after the end of the audio (0:07) left out" in (
        w.statusBar().currentMessage()
    )
    # A bad line of a file found on its own is reported FILE:LINE: message, not raised.
    vtt = audio_file.with_suffix(".vtt")
    assert w.statusBar().currentMessage().startswith(f"{vtt}:14: cue timing not understood")
    assert any(
        p.startswith(f"{brief_file.parent / 'chapters.json'}:$.chapters[3]")
        for p in app_of(w).tracks.problems
    )
    close_window(w)


def test_no_transcript_no_tab(qtbot, window) -> None:
    from player.ui.tracks import TracksController

    tracks = TracksController(window, AppData(memory=True).syncpoints)
    assert not window.side.isTabVisible(window.side.indexOf(tracks.view))
    tracks.show_transcript()
    assert "No transcript" in window.statusBar().currentMessage()


def test_open_transcript_by_hand_shows_problems_in_a_dialog(
    qtbot, brief_file: Path, audio_file: Path, data, tmp_path: Path
) -> None:
    w = open_window(qtbot, brief_file, audio_file, data)
    assert not transcript_tab_shown(w)
    assert app_of(w).tracks.open_track_file(DATA / "sample.srt")
    assert transcript_tab_shown(w)
    assert w.side.currentWidget() is app_of(w).tracks.view
    dialog = app_of(w).tracks.problems_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit, "problems_text")
    assert text is not None and f"{DATA / 'sample.srt'}:10: expected a timing" in text.toPlainText()
    # Something that is no transcript at all: a sentence, and nothing already loaded is lost.
    junk = tmp_path / "notes.txt"
    junk.write_text("just some words\n", encoding="utf-8")
    assert not app_of(w).tracks.open_track_file(junk)
    assert "not a chapters or transcript file" in w.statusBar().currentMessage()
    assert app_of(w).tracks.model.rowCount() == 2  # the third line starts as the 7 s audio ends
    # The menu command asks for a file.
    chosen = str(DATA / "transcript.json")
    from PySide6.QtWidgets import QFileDialog

    original = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (chosen, ""))  # type: ignore[assignment]
    try:
        w.actions_by_name["open_track"].trigger()
    finally:
        QFileDialog.getOpenFileName = original  # type: ignore[assignment]
    assert app_of(w).tracks.loaded[TrackKind.TRANSCRIPT].path == DATA / "transcript.json"
    assert (
        app_of(w)
        .tracks.model.data(app_of(w).tracks.model.index(1), Qt.ItemDataRole.DisplayRole)
        .endswith("It's the decade of agents.")
    )
    close_window(w)


# 3. the transcript as a synced track ---------------------------------------------------------


def test_transcript_lights_the_line_heard_and_click_and_enter_seek(
    qtbot, brief_file: Path, audio_file: Path, data
) -> None:
    write_vtt(
        audio_file.with_suffix(".vtt"),
        [
            (i * 500, i * 500 + 500, f"line {i} about ghosts" if i == 9 else f"line {i}")
            for i in range(14)
        ],
    )
    w = open_window(qtbot, brief_file, audio_file, data)
    w.actions_by_name["show_transcript"].trigger()
    view, model = app_of(w).tracks.view, app_of(w).tracks.model
    assert w.side.currentWidget() is view
    w.seek_brief(2_250)
    qtbot.waitUntil(lambda: model.active_rows() == [4], timeout=2000)
    # The pane ignores transcript cues: the brief's cards stay the brief's.
    assert all(
        w.pane_model.row(i).cue.kind != CueKind.TRANSCRIPT for i in range(w.pane_model.rowCount())
    )
    # Click a line: playback jumps there and it lights.
    index = model.index(10)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert 5_000 <= w.playback.now_ms() < 5_400
    qtbot.waitUntil(lambda: model.active_rows() == [10], timeout=2000)
    w.playback.pause()
    # Enter on a line seeks too.
    view.setCurrentIndex(model.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert 1_000 <= w.playback.now_ms() < 1_400
    w.playback.pause()
    # Search finds transcript lines, each one click from its moment.
    hits = [r for r in w.search("ghosts line") if r.kind == "transcript"]
    assert [h.text for h in hits] == ["line 9 about ghosts"] and hits[0].at_ms == 4_500
    close_window(w)


def test_thirty_thousand_transcript_lines_open_and_follow_a_seek(
    qtbot, brief_file: Path, tmp_path: Path, data
) -> None:
    audio = make_wav(tmp_path / "long.wav", 62.0, rate=4000)
    step = 2  # ms: 30,000 lines in one minute
    write_vtt(
        audio.with_suffix(".vtt"), [(i * step, i * step + step, f"w{i}") for i in range(30_000)]
    )
    w = open_window(qtbot, brief_file, audio, data)
    model, view = app_of(w).tracks.model, app_of(w).tracks.view
    assert model.rowCount() == 30_000
    w.actions_by_name["show_transcript"].trigger()
    QApplication.processEvents()
    w.seek_brief(42_345)
    qtbot.waitUntil(lambda: model.active_rows() == [21_172], timeout=3000)
    qtbot.waitUntil(lambda: view.row_visible(21_172), timeout=2000)
    # Qt's own geometry agrees that the line is in sight.
    assert view.viewport().rect().contains(view.visualRect(model.index(21_172)))
    # Scrolling away stops following; Back to now brings the line back.
    view.verticalScrollBar().triggerAction(view.verticalScrollBar().SliderAction.SliderToMinimum)
    assert not view.is_following() and view.back_to_now.isVisible()
    w.seek_brief(50_001)
    qtbot.waitUntil(lambda: model.active_rows() == [25_000], timeout=3000)
    assert not view.row_visible(25_000)
    w.actions_by_name["back_to_now"].trigger()
    assert view.row_visible(25_000)
    close_window(w)


# 4. sync points for a shifted copy -----------------------------------------------------------


@pytest.fixture
def shifted_audio(tmp_path: Path) -> Path:
    """The brief's quotes (1, 2, 3, 5 s) heard 2 s later, as in a copy with a longer intro."""
    return make_wav(tmp_path / "shifted" / "copy.wav", 9.0, beeps_at=(3, 4, 5, 7))


def test_sync_here_shifts_seeking_and_highlighting_and_is_kept_per_audio_file(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    key = audio_key_for(shifted_audio)
    select_quote(w, 2)  # "Third quote…" at 0:03 in the brief
    w.playback.seek(5_000)  # where the copy says it
    qtbot.keyClick(w.pane, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert data.syncpoints.get(key) == [(3_000, 5_000)]
    assert "+2.0 s" in w.statusBar().currentMessage()
    # Seeking to another quote through the pane lands 2 s later in the audio, and lights it.
    click_quote(qtbot, w, 3)  # 0:05 in the brief
    assert 7_000 <= w.playback.now_ms() < 7_400
    w.playback.pause()
    qtbot.waitUntil(lambda: active_texts(w) == ["Fifth second quote near the end."], timeout=2000)
    assert 4_900 <= w.clock.brief_ms() < 5_400

    # A second point makes the mapping piecewise: before 0:03 the copy is only 0.5 s late.
    select_quote(w, 0)  # 0:01
    w.playback.seek(1_500)
    w.actions_by_name["sync_here"].trigger()
    assert data.syncpoints.get(key) == [(1_000, 1_500), (3_000, 5_000)]
    click_quote(qtbot, w, 1)  # 0:02
    assert 2_500 <= w.playback.now_ms() < 2_900
    w.playback.pause()
    qtbot.waitUntil(lambda: active_texts(w) == ["Second quote on engineering work."], timeout=2000)
    close_window(w)

    # The same audio file opened again: its points are back.
    w2 = open_window(qtbot, brief_file, shifted_audio, data)
    assert w2.clock.audio_ms_for(5_000) == 7_000
    assert w2.clock.audio_ms_for(2_000) == 2_500
    dialog = app_of(w2).tracks.sync.show_dialog()
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows[0][:3] == ["0:01", "0:01", "+0.5 s"]
    assert rows[1][:3] == ["0:03", "0:05", "+2.0 s"]
    assert rows[1][3].startswith("Third quote")
    close_window(w2)


def test_sync_points_undo_with_ctrl_z_and_edit_in_the_dialog(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    key = audio_key_for(shifted_audio)
    sync = app_of(w).tracks.sync
    # Without a selection Ctrl+J explains itself and changes nothing.
    w.pane.setCurrentIndex(w.pane_model.index(-1))
    w.actions_by_name["sync_here"].trigger()
    assert "Select a quote" in w.statusBar().currentMessage()
    assert data.syncpoints.get(key) == []

    select_quote(w, 2)
    w.playback.seek(5_000)
    qtbot.keyClick(w.pane, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert w.clock.audio_ms_for(3_000) == 5_000
    qtbot.keyClick(w.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert data.syncpoints.get(key) == []
    assert w.clock.audio_ms_for(3_000) == 3_000
    qtbot.keyClick(
        w.pane,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert data.syncpoints.get(key) == [(3_000, 5_000)]

    select_quote(w, 0)
    w.playback.seek(1_500)
    w.actions_by_name["sync_here"].trigger()
    w.actions_by_name["sync_points"].trigger()
    dialog = sync.dialog
    assert dialog is not None and dialog.isVisible() and dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert data.syncpoints.get(key) == [(3_000, 5_000)]
    assert dialog.table.rowCount() == 1
    assert w.clock.audio_ms_for(2_000) == 4_000  # one point: the whole copy is 2 s late
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.rowCount() == 2
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert data.syncpoints.get(key) == [] and dialog.table.rowCount() == 0
    assert w.clock.audio_ms_for(5_000) == 5_000
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert data.syncpoints.get(key) == [(1_000, 1_500), (3_000, 5_000)]
    close_window(w)


def test_transcript_of_the_copy_moves_onto_the_brief_when_synced(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    # The copy's own transcript: the third quote is said at 5 s of the copy.
    write_vtt(shifted_audio.with_suffix(".vtt"), [(5_000, 6_000, "Third quote, ghosts again")])
    w = open_window(qtbot, brief_file, shifted_audio, data)
    assert app_of(w).tracks.model.cue(0).start_ms == 5_000
    select_quote(w, 2)
    w.playback.seek(5_000)
    w.actions_by_name["sync_here"].trigger()
    # On the brief's timeline it now sits with the quote, and it still lights at 5 s of audio.
    assert app_of(w).tracks.model.cue(0).start_ms == 3_000
    w.playback.seek(5_200)
    qtbot.waitUntil(lambda: app_of(w).tracks.model.active_rows() == [0], timeout=2000)
    close_window(w)


# 5. export -----------------------------------------------------------------------------------


def test_export_chapters_and_webvtt_with_notes_follow_the_copy(
    qtbot, brief_file: Path, shifted_audio: Path, data, tmp_path: Path
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    app_of(w).notes.add(
        Note(episode_id=app_of(w).notes.episode_id, start_ms=4_000, text="My own remark")
    )
    out = app_of(w).tracks.export("chapters", tmp_path / "out.chapters.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    titles = {c["title"]: c["startTime"] for c in doc["chapters"]}
    assert titles["My own remark"] == 4
    assert titles["Third quote, ghosts again, digital spirits."] == 3
    vtt = app_of(w).tracks.export("webvtt", tmp_path / "out.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT") and "My own remark" in vtt

    # With the copy synced 2 s late, the files line up with the copy.
    select_quote(w, 2)
    w.playback.seek(5_000)
    w.actions_by_name["sync_here"].trigger()
    doc = json.loads(app_of(w).tracks.export("chapters", tmp_path / "late.json").read_text("utf-8"))
    titles = {c["title"]: c["startTime"] for c in doc["chapters"]}
    assert titles["Third quote, ghosts again, digital spirits."] == 5
    assert titles["My own remark"] == 6
    vtt = app_of(w).tracks.export("webvtt", tmp_path / "late.vtt").read_text(encoding="utf-8")
    assert "00:00:05.000 --> " in vtt

    # The menu asks where to save.
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "picked"
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))  # type: ignore[assignment]
    try:
        w.actions_by_name["export_webvtt"].trigger()
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[assignment]
    assert (tmp_path / "picked.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    close_window(w)


def test_export_submenu_lives_under_file(qtbot, window) -> None:
    file_menu = window.menus["File"]
    export = next(a.menu() for a in file_menu.actions() if a.menu() and "Export" in a.text())
    assert [a.text() for a in export.actions()] == ["&Chapters JSON…", "&WebVTT…"]


def test_attaching_a_shifted_copy_keeps_the_moment_of_the_brief(
    qtbot, brief_file: Path, audio_file: Path, tmp_path: Path, data: AppData
) -> None:
    late = make_wav(tmp_path / "late.wav", 9.0, beeps_at=(3, 4, 5, 7))
    data.syncpoints.set_all(audio_key_for(late), [(1_000, 3_000)])  # this copy runs 2 s late
    w = open_window(qtbot, brief_file, audio_file, data)
    w.seek_brief(3_000)
    w.attach_audio(late)
    qtbot.waitUntil(lambda: w.playback.duration_ms() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: abs(w.playback.now_ms() - 5_000) < 150, timeout=5_000)
    assert active_texts(w)[0].startswith("Third quote")
    close_window(w)


# 5. which file beside the audio, and how it was read ------------------------------------------


def _source_entries(w) -> list:
    menu = w.action("transcript_source").menu()
    menu.aboutToShow.emit()  # what opening it does: list the files found now
    return [a for a in menu.actions() if a.text() and not a.isSeparator()]


def test_transcript_source_lists_every_file_found_and_switches_to_the_one_picked(
    qtbot, brief_file: Path, audio_file: Path, data
) -> None:
    write_vtt(audio_file.with_suffix(".vtt"), [(0, 1500, "named after the audio")])
    write_vtt(brief_file.with_suffix(".vtt"), [(0, 1500, "named after the brief")])
    write_vtt(brief_file.parent / "transcript.vtt", [(0, 1500, "generic"), (1500, 3000, "two")])
    w = open_window(qtbot, brief_file, audio_file, data)
    tracks = app_of(w).tracks
    assert tracks.model.cue(0).text == "named after the audio"  # the most specific name wins

    entries = [a for a in _source_entries(w) if a.isCheckable()]
    assert [a.text() for a in entries] == [
        "audio.vtt — named after the audio, 1 item(s)",
        "brief.vtt — named after the brief, 1 item(s)",
        "transcript.vtt — in the brief's folder, 2 item(s)",
    ]
    assert [a.isChecked() for a in entries] == [True, False, False]

    entries[2].trigger()
    assert [tracks.model.cue(i).text for i in range(tracks.model.rowCount())] == ["generic", "two"]
    assert w.statusBar().currentMessage() == (
        "Transcript from transcript.vtt (in the brief's folder)."
    )
    # The choice holds when the audio is set again, and the menu ticks it.
    w.set_audio(audio_file)
    assert tracks.model.cue(0).text == "generic"
    assert [a.isChecked() for a in _source_entries(w) if a.isCheckable()] == [False, False, True]
    close_window(w)


def test_transcript_source_says_when_nothing_was_found(qtbot, window) -> None:
    texts = [a.text() for a in _source_entries(window)]
    assert texts[0] == "No transcript or chapters file beside the audio or brief"
    assert "Open &Transcript or Chapters…" in texts


def test_the_status_says_which_encoding_a_transcript_and_a_brief_were_read_in(
    qtbot, brief_file: Path, audio_file: Path, data
) -> None:
    vtt = "WEBVTT\n\n00:00.000 --> 00:01.500\n“Curly” quotes – and a dash\n"
    audio_file.with_suffix(".vtt").write_bytes(vtt.encode("cp1252"))
    w = open_window(qtbot, brief_file, audio_file, data)
    tracks = app_of(w).tracks
    assert tracks.model.cue(0).text == "“Curly” quotes – and a dash"
    # What was picked up from beside the audio is said first, then how it was read.
    assert w.statusBar().currentMessage() == (
        "Picked up audio.vtt from beside the audio: 1 transcript line."
        " audio.vtt was read as Windows-1252, not plain UTF-8."
    )
    close_window(w)

    utf16 = brief_file.parent / "utf16.srt"
    utf16.write_bytes(b"\xff\xfe" + "1\n00:00:00,000 --> 00:00:01,000\nHi\n".encode("utf-16-le"))
    w = open_window(qtbot, brief_file, audio_file, data)
    assert app_of(w).tracks.open_track_file(utf16)
    assert w.statusBar().currentMessage() == (
        "Transcript loaded from utf16.srt: 1 item(s)."
        " utf16.srt was read as UTF-16, not plain UTF-8."
    )
    close_window(w)

    brief_file.write_bytes(brief_file.read_text(encoding="utf-8").encode("cp1252"))
    audio_file.with_suffix(".vtt").unlink()
    w = open_window(qtbot, brief_file, None, data)
    assert w.episode.brief.title == "Test Guest — “A short test episode”"
    # The transcript opened by hand last time comes back, and the brief's note is not lost.
    assert w.statusBar().currentMessage() == (
        "brief.txt was read as Windows-1252, not plain UTF-8."
        " Transcript from utf16.srt, opened last time."
    )
    close_window(w)


def test_the_undo_menu_says_whether_it_undoes_a_note_or_a_sync_point(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    """Notes and sync points share Ctrl+Z; the menu names what it will undo."""

    w = open_window(qtbot, brief_file, shifted_audio, data)
    undo, redo = w.actions_by_name["note_undo"], w.actions_by_name["note_redo"]
    notes = app_of(w).notes
    select_quote(w, 2)
    w.playback.seek(5_000)
    w.actions_by_name["sync_here"].trigger()
    assert undo.text() == "&Undo Sync point"
    notes.add(Note(episode_id=notes.episode_id, start_ms=1_000, text="later"))
    assert undo.text() == "&Undo Add note"
    undo.trigger()
    assert undo.text() == "&Undo Sync point" and redo.text() == "&Redo Add note"
    undo.trigger()
    assert not undo.isEnabled() and redo.text() == "&Redo Sync point"
    close_window(w)


def test_a_new_sync_point_says_how_many_older_points_it_crossed(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    sync = app_of(w).tracks.sync
    for ref, heard in ((0, 3_000), (1, 4_000)):  # 0:01 and 0:02 heard at 0:03 and 0:04
        select_quote(w, ref)
        w.playback.seek(heard)
        w.actions_by_name["sync_here"].trigger()
        assert "crossed" not in w.statusBar().currentMessage()
    select_quote(w, 1)
    w.playback.seek(4_500)  # the same quote again: moved, nothing crossed
    w.actions_by_name["sync_here"].trigger()
    assert "crossed" not in w.statusBar().currentMessage()
    select_quote(w, 3)  # 0:05 heard before both: crosses them
    w.playback.seek(2_000)
    w.actions_by_name["sync_here"].trigger()
    assert w.statusBar().currentMessage().endswith(" 2 older points crossed it: removed.")
    assert sync.map.points == ((5_000, 2_000),)
    select_quote(w, 0)
    w.playback.seek(100)
    w.actions_by_name["sync_here"].trigger()
    select_quote(w, 1)  # 0:02 heard after 0:05's place: crosses that one only
    w.playback.seek(2_500)
    w.actions_by_name["sync_here"].trigger()
    assert w.statusBar().currentMessage().endswith(" 1 older point crossed it: removed.")
    select_quote(w, 3)
    w.playback.seek(3_000)
    w.actions_by_name["sync_here"].trigger()
    select_quote(w, 1)  # moved past 0:05's point: its own old place is not counted
    w.playback.seek(3_500)
    w.actions_by_name["sync_here"].trigger()
    assert w.statusBar().currentMessage().endswith(" 1 older point crossed it: removed.")
    assert sync.map.points == ((1_000, 100), (2_000, 3_500))
    close_window(w)


def test_sync_here_without_attached_audio_says_to_attach_it_first(
    qtbot, brief_file: Path, data
) -> None:
    w = open_window(qtbot, brief_file, None, data)
    select_quote(w, 0)
    w.actions_by_name["sync_here"].trigger()
    assert w.statusBar().currentMessage() == (
        "Attach your audio first: sync points belong to an audio file."
    )
    close_window(w)


def test_removing_and_clearing_points_are_named_in_the_undo_menu_and_nothing_is_a_no_op(
    qtbot, brief_file: Path, shifted_audio: Path, data
) -> None:
    w = open_window(qtbot, brief_file, shifted_audio, data)
    undo = w.actions_by_name["note_undo"]
    sync = app_of(w).tracks.sync
    sync.clear()  # no points yet: nothing to undo
    assert not undo.isEnabled()
    for ref, heard in ((0, 1_500), (2, 5_000)):
        select_quote(w, ref)
        w.playback.seek(heard)
        w.actions_by_name["sync_here"].trigger()
    sync.remove(1_000)
    assert undo.text() == "&Undo Remove sync point"
    sync.clear()
    assert undo.text() == "&Undo Clear sync points"
    assert sync.show_dialog().table.rowCount() == 0
    undo.trigger()
    assert sync.map.points == ((3_000, 5_000),)
    close_window(w)
