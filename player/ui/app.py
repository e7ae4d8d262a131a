"""Starting the application: one QApplication, named so settings and data land in one place."""

from __future__ import annotations

import os
import sys

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
