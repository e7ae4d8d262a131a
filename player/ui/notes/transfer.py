"""Export this episode's notes (Markdown, JSON, CSV) and merge a JSON export back in.

The files are built by ``player.core.storage.export``, the same code the command line uses, so a
file saved from the window and one from ``brief-player notes export`` are the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from player.core.jobs import Progress
from player.core.storage.database import StorageError
from player.core.storage.notes import NoteStore
from player.ui.file_dialogs import open_file, save_file

if TYPE_CHECKING:
    from player.ui.shell import Shell

FILTERS = {
    "Markdown (*.md)": ".md",
    "JSON (*.json)": ".json",
    "CSV (*.csv)": ".csv",
}


def export_text(store: NoteStore, episode_id: str, suffix: str, episode=None) -> str:
    from player.core.storage import export

    if suffix == ".json":
        return export.export_json(store, episode_id)
    if suffix == ".csv":
        return export.export_csv(store, episode_id)
    title = episode.display_title() if episode is not None else None
    brief = episode.brief if episode is not None else None
    guest = (episode.guest or None) if episode is not None else None
    return export.export_markdown(store, episode_id, title=title, brief=brief, guest=guest)


def write_export(store: NoteStore, episode_id: str, path: Path, episode=None) -> Path:
    """Write the export chosen by ``path``'s suffix (Markdown when it has none)."""
    suffix = path.suffix.lower()
    if suffix not in (".md", ".json", ".csv"):
        path = path.with_name(path.name + ".md")
        suffix = ".md"
    text = export_text(store, episode_id, suffix, episode)
    # CSV rows end in CRLF already; no newline translation anywhere.
    path.write_text(text, encoding="utf-8", newline="")
    return path


def choose_and_export(shell: Shell, store: NoteStore, episode_id: str, episode=None) -> None:
    """Ask where, then write the export off the GUI thread through the window's job runner."""
    parent = shell.as_widget()
    target, chosen = save_file(
        parent,
        shell.settings,
        "Export Notes",
        f"{episode_id}-notes.md",
        ";;".join(FILTERS),
        next(iter(FILTERS)),
    )
    if target is None:
        return
    if not target.suffix and chosen in FILTERS:
        target = target.with_name(target.name + FILTERS[chosen])

    def job(progress: Progress) -> Path:
        progress(0, None, f"writing {target.name}")
        try:
            return write_export(store, episode_id, target, episode)
        except StorageError as e:
            raise OSError(0, str(e), str(target)) from e

    shell.jobs.run(
        "Export notes",
        job,
        on_done=lambda written: shell.show_status(f"Notes exported to {written}", 8_000),
    )


def choose_and_import(shell: Shell, store: NoteStore) -> bool:
    """Ask for a JSON export and merge it; True when anything may have changed."""
    from player.core.storage.export import import_json

    parent = shell.as_widget()
    path = open_file(
        parent, shell.settings, "Import Notes", "Brief Player notes (*.json);;All files (*)"
    )
    if path is None:
        return False
    queue = getattr(store, "queue", None)
    if queue is not None:  # one transaction on the window's connection, after what is waiting
        queue.flush(1.0)
        store = NoteStore(store.db)
    try:
        report = import_json(store, path)
    except StorageError as e:
        QMessageBox.warning(parent, "Import failed", str(e))
        return False
    shell.show_status(f"Imported: {report.summary()}", 10_000)
    if report.problems:
        box = QMessageBox(QMessageBox.Icon.Warning, "Some notes were skipped", "", parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(report.summary())
        box.setDetailedText("\n".join(report.problems))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return True
