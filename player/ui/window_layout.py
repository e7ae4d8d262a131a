"""The window's size, its split and its side tab, kept in ``QSettings`` between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget

from player.ui.settings import GEOMETRY, SIDE_TAB, SIZE, SPLITTER, read, write


def restore_layout(
    window: QMainWindow, settings: QSettings, splitter: QSplitter, side: QTabWidget
) -> None:
    geometry = read(settings, GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    size = read(settings, SIZE)
    if size is not None and size.isValid():
        # Geometry blobs lose the size on some platforms (frame margins); this one does not.
        window.resize(size)
    state = read(settings, SPLITTER)
    if state is not None:
        splitter.restoreState(state)
    else:
        # Sized before the first show, so the pane lays out its cards once, not twice.
        splitter.setSizes([700, 480])
    tab = read(settings, SIDE_TAB)
    if tab >= 0:
        side.setCurrentIndex(tab)


def save_layout(
    window: QMainWindow, settings: QSettings, splitter: QSplitter, side: QTabWidget
) -> None:
    write(settings, GEOMETRY, window.saveGeometry())
    write(settings, SIZE, window.size())
    write(settings, SPLITTER, splitter.saveState())
    write(settings, SIDE_TAB, side.currentIndex())
    settings.sync()


def settle(window, at_ms: int | None = None) -> None:
    """Let layout and the first highlight happen (for screenshots and tests)."""
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    if at_ms is not None:
        window.seek_brief(at_ms)
    for _ in range(5):
        app.processEvents()
    window.pane.reveal_active(force=True)
    app.processEvents()
