"""Where the app keeps the listener's data.

One folder named after the app in the desktop's data folder (``~/.local/share/brief-player`` on
Linux, following ``XDG_DATA_HOME``), found through Qt's ``QStandardPaths`` so the command line
and the window agree. Only QtCore is loaded: no window is needed to find a folder.
``BRIEF_PLAYER_DATA`` overrides it, for tests and for people who keep their data elsewhere.

Nothing here creates a folder: whoever writes there first reports a folder that cannot be made
(read-only, a full disk, a file in the way) as a sentence, and the app carries on without it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "brief-player"
ORG_NAME = "brief-player"
NOTES_FILE = "notes.db"


def data_dir() -> Path:
    override = os.environ.get("BRIEF_PLAYER_DATA")
    if override:
        return Path(override)
    from PySide6.QtCore import QStandardPaths

    generic = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(generic) / APP_NAME


def legacy_data_dir() -> Path | None:
    """The folder used before: Qt's per-application folder, where the organisation and the
    application name were both applied (``~/.local/share/brief-player/brief-player``)."""
    if os.environ.get("BRIEF_PLAYER_DATA"):
        return None
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    try:
        where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])
    return Path(where)


def notes_path() -> tuple[Path, str | None]:
    """The notes database, moved from the old folder first when it is still there; and a
    sentence when it could not be moved (it is then used where it is)."""
    from player.core.storage.relocate import move_database

    new = data_dir() / NOTES_FILE
    legacy = legacy_data_dir()
    if legacy is None or legacy == new.parent:
        return new, None
    return move_database(legacy / NOTES_FILE, new)


def content_dir() -> Path:
    """The bundled episodes: ``content/`` beside the package, unless ``BRIEF_PLAYER_CONTENT``."""
    override = os.environ.get("BRIEF_PLAYER_CONTENT")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "content"


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
