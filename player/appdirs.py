"""Where the app keeps the listener's data.

Qt's ``QStandardPaths`` decides the folder (``~/.local/share/brief-player`` on Linux), so the
command line and the window agree. Only QtCore is loaded: no window is needed to find a folder.
``BRIEF_PLAYER_DATA`` overrides it, for tests and for people who keep their data elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "brief-player"
ORG_NAME = "brief-player"


def data_dir() -> Path:
    override = os.environ.get("BRIEF_PLAYER_DATA")
    if override:
        path = Path(override)
    else:
        from PySide6.QtCore import QCoreApplication, QStandardPaths

        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        path = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
    path.mkdir(parents=True, exist_ok=True)
    return path


def content_dir() -> Path:
    """The bundled episodes: ``content/`` beside the package, unless ``BRIEF_PLAYER_CONTENT``."""
    override = os.environ.get("BRIEF_PLAYER_CONTENT")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "content"


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
