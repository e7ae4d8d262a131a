"""Dropping files on the window: a brief opens, audio attaches, anything else is refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.media import make_wav

OTHER_BRIEF = """Other Guest — “Another episode”
Quotes
- At 0:01 - "Only quote of the other one." - ctx
"""


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(window, mime: QMimeData) -> bool:
    pos = QPointF(window.rect().center())
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_dropping_a_brief_opens_it(qtbot, window, tmp_path: Path) -> None:
    brief = tmp_path / "other.txt"
    brief.write_text(OTHER_BRIEF, encoding="utf-8")
    assert _drop(window, _mime(brief))
    assert "Another episode" in window.episode.display_title()
    assert window.pane_model.rowCount() == 1


def test_dropping_audio_attaches_it_to_the_open_episode(qtbot, window, tmp_path: Path) -> None:
    audio = make_wav(tmp_path / "mine.wav", 9.0)
    assert _drop(window, _mime(audio))
    assert window.playback.source == audio
    qtbot.waitUntil(lambda: window.playback.duration_ms() > 8_000, timeout=10_000)


def test_other_files_are_refused_while_dragging(qtbot, window, tmp_path: Path) -> None:
    before = window.episode
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG")
    assert not _drop(window, _mime(picture))
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/brief.txt")])
    assert not _drop(window, web)
    assert window.episode is before
