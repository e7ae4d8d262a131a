"""The window's size, its split and its side tab, kept in ``QSettings`` between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget

GEOMETRY, SIZE, SPLITTER, SIDE_TAB = (
    "window/geometry",
    "window/size",
    "window/splitter",
    "window/side_tab",
)


def restore_layout(
    window: QMainWindow, settings: QSettings, splitter: QSplitter, side: QTabWidget
) -> None:
    geometry = settings.value(GEOMETRY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    size = settings.value(SIZE)
    if isinstance(size, QSize) and size.isValid():
        # Geometry blobs lose the size on some platforms (frame margins); this one does not.
        window.resize(size)
    state = settings.value(SPLITTER)
    if isinstance(state, QByteArray):
        splitter.restoreState(state)
    else:
        # Sized before the first show, so the pane lays out its cards once, not twice.
        splitter.setSizes([700, 480])
    tab = settings.value(SIDE_TAB)
    if tab is not None:
        side.setCurrentIndex(int(tab))


def save_layout(
    window: QMainWindow, settings: QSettings, splitter: QSplitter, side: QTabWidget
) -> None:
    settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(SIZE, window.size())
    settings.setValue(SPLITTER, splitter.saveState())
    settings.setValue(SIDE_TAB, side.currentIndex())
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
