"""Dropping a brief or an audio file on the window opens it.

A brief (``.txt``/``.json``) opens as the episode; an audio file is attached to the episode that
is open. Anything else is refused while it is still being dragged, so the cursor tells the
listener before they let go.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from player.ui.shell import Shell

BRIEF_SUFFIXES = frozenset({".txt", ".json"})
AUDIO_SUFFIXES = frozenset(
    {".mp3", ".m4a", ".m4b", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wav"}
)


def dropped_files(mime: QMimeData) -> tuple[Path | None, Path | None]:
    """The first brief and the first audio file among the dropped local files."""
    brief = audio = None
    for url in mime.urls() if mime.hasUrls() else ():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        suffix = path.suffix.lower()
        if brief is None and suffix in BRIEF_SUFFIXES:
            brief = path
        elif audio is None and suffix in AUDIO_SUFFIXES:
            audio = path
    return brief, audio


class DropTarget(QObject):
    """Takes drops on ``on`` (the window itself unless given) and opens them in ``window``."""

    def __init__(self, window: Shell, on: QWidget | None = None) -> None:
        target = on or window.as_widget()
        super().__init__(target)
        self._window = window
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if any(dropped_files(event.mimeData())):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            brief, audio = dropped_files(event.mimeData())
            if brief is None and audio is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            if brief is not None:
                self._window.open_brief_file(brief)
            if audio is not None and self._window.episode is not None:
                self._window.attach_audio(audio)
            return True
        return super().eventFilter(watched, event)


def install_drop_target(window: Shell, on: QWidget | None = None) -> DropTarget:
    return DropTarget(window, on)
