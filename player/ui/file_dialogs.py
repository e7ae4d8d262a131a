"""File dialogs that open where the listener last chose a file, not in the home folder.

Attaching audio, opening a brief, a transcript or notes, and exporting all start in the folder
of the last file picked or saved in any of them, kept in the settings across starts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from player.ui.settings import LAST_FOLDER, read, write


def start_folder(settings: QSettings, fallback: Path | None = None) -> Path:
    """The last folder used while it still exists; else ``fallback``; else the home folder."""
    last = read(settings, LAST_FOLDER)
    if last and Path(last).is_dir():
        return Path(last)
    if fallback is not None:
        return fallback if fallback.is_dir() else fallback.parent
    return Path.home()


def remember_folder(settings: QSettings, path: Path) -> None:
    write(settings, LAST_FOLDER, str(path.parent))


def open_file(
    parent: QWidget, settings: QSettings, title: str, filters: str, fallback: Path | None = None
) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(settings, fallback)), filters
    )
    if not chosen:
        return None
    remember_folder(settings, Path(chosen))
    return Path(chosen)


def save_file(
    parent: QWidget, settings: QSettings, title: str, name: str, filters: str, selected: str = ""
) -> tuple[Path | None, str]:
    """Where to save ``name`` and the filter the listener picked."""
    start = start_folder(settings) / name
    chosen, picked = QFileDialog.getSaveFileName(parent, title, str(start), filters, selected)
    if not chosen:
        return None, picked
    remember_folder(settings, Path(chosen))
    return Path(chosen), picked
