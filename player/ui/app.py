"""Starting the application: one QApplication, named so settings and data land in one place."""

from __future__ import annotations

import os
import signal
import sys

from PySide6.QtCore import QTimer
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
    icon = resources_dir() / "icons" / "brief-player.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


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
