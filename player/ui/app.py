"""Starting the application: one QApplication, named so settings and data land in one place."""

from __future__ import annotations

import os
import signal
import sys

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from player.appdirs import APP_NAME, ORG_NAME, resources_dir


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ.setdefault("QT_MEDIA_BACKEND", "ffmpeg")
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("Brief Player")
    QApplication.setDesktopFileName("brief-player")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    icon = window_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def window_icon() -> QIcon:
    """The app's icon from its PNG sizes (``scripts/render_icons.py`` renders them from the
    SVG), the SVG only when they are missing: an SVG icon loads Qt's SVG module and its two
    plugins, a megabyte, before the first frame."""
    icons = resources_dir() / "icons"
    icon = QIcon()
    for png in sorted((icons / "hicolor").glob("*x*/apps/brief-player.png")):
        side = int(png.parts[-3].partition("x")[0])
        icon.addFile(str(png), QSize(side, side))
    if icon.isNull() and (icons / "brief-player.svg").is_file():
        icon = QIcon(str(icons / "brief-player.svg"))
    return icon


def dispose(window) -> None:
    """Delete the window while Qt is still alive; left to interpreter shutdown, PySide's
    teardown order can crash on the way out."""
    window.close()
    window.deleteLater()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()


# How often Python gets a turn while Qt waits for events, so a signal's handler runs soon.
SIGNAL_WAKEUP_MS = 200


def close_on_terminate(window) -> None:
    """Treat SIGTERM (the desktop logging out) and SIGHUP (its terminal closed) as a close.

    Without a handler the process just ends and the place reached is lost. Python runs a
    handler only between bytecodes, and Qt's event loop runs none while it waits, so a timer
    wakes the loop now and then; the handler itself only asks the loop to close the window,
    which then saves exactly as Ctrl+Q does.
    """

    def terminate(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, terminate)
    wakeup = QTimer(window)
    wakeup.setObjectName("signal_wakeup")
    wakeup.timeout.connect(lambda: None)
    wakeup.start(SIGNAL_WAKEUP_MS)
