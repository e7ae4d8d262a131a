"""Cover art embedded in audio files, for the Library's rows, read away from the window.

Reading a cover means opening the audio file and parsing its tags (mutagen), which on a large
file, a slow disk or a network share can take long enough to stall the list. So a row asks,
gets ``None`` at once and paints its placeholder, and the cover is read and scaled on a worker
thread; ``arrived`` says when it is there, and the list paints again. Covers are kept for the
whole run, so a Library opened again shows them at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from player.core.media.tags import embedded_cover

P = TypeVar("P", QImage, QPixmap)


class CoverArt(QObject):
    arrived = Signal(str)  # the audio file whose cover (or lack of one) is now known
    _read = Signal(str, object)  # from the worker: the path and its scaled QImage or None

    def __init__(self, size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.size = size
        self._pixmaps: dict[str, QPixmap | None] = {}
        self._asked: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one file at a time: the disk, not the CPU, is the limit
        self._read.connect(self._store)  # queued: emitted on the worker thread

    def cover(self, audio: Path) -> QPixmap | None:
        """The file's cover as a ``size``-pixel square, or None (none, or not read yet)."""
        key = str(audio)
        if key in self._pixmaps:
            return self._pixmaps[key]
        if key not in self._asked:
            self._asked.add(key)
            self._pool.start(lambda: self._read.emit(key, _scaled_cover(key, self.size)))
        return None

    def known(self, audio: Path) -> bool:
        return str(audio) in self._pixmaps

    def wait(self) -> None:
        """Let the covers being read finish (at exit, and for tests)."""
        self._pool.waitForDone()
        QCoreApplication.sendPostedEvents(self)

    def _store(self, key: str, image: QImage | None) -> None:
        self._pixmaps[key] = QPixmap.fromImage(image) if image is not None else None
        self.arrived.emit(key)


def _scaled_cover(path: str, size: int) -> QImage | None:
    """On the worker thread: QImage, unlike QPixmap, may be made and scaled off the GUI thread."""
    cover = embedded_cover(path)
    if cover is None:
        return None
    image = QImage.fromData(cover.data)
    return None if image.isNull() else square(image, size)


def square(picture: P, size: int) -> P:
    """The picture filling a ``size`` square, cut to it (a cover is shown square)."""
    return picture.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    ).copy(0, 0, size, size)


_shared: CoverArt | None = None


def shared_cover_art(size: int) -> CoverArt:
    """One reader and one set of covers for the whole run, owned by the application, so a
    cover being read outlives the dialog that asked for it."""
    global _shared
    if _shared is None or _shared.size != size:
        app = QCoreApplication.instance()
        _shared = CoverArt(size, app)
        if app is not None:
            app.aboutToQuit.connect(_shared.wait)
    return _shared
