"""The brief and the listener's notes as a chapters file or WebVTT, for any other player.

The exported times follow the listener's copy of the audio: a file exported while sync points
shift the copy against the brief lines up with that copy, which is the file it will be played
beside. Without sync points the times are the brief's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from player.core.brief.models import Brief
from player.core.formats.chapters_json import Note as ExportNote
from player.core.formats.chapters_json import brief_to_chapters, dump_chapters
from player.core.formats.webvtt_export import brief_to_webvtt
from player.core.storage.notes import Note
from player.core.sync import SyncMap
from player.ui.file_dialogs import save_file

FORMATS = {
    "chapters": ("Export Chapters JSON", "Chapters JSON (*.json);;All files (*)", ".chapters.json"),
    "webvtt": ("Export WebVTT", "WebVTT (*.vtt);;All files (*)", ".vtt"),
}


def brief_in_audio_time(brief: Brief, m: SyncMap) -> Brief:
    """The brief with every time moved to where the listener's copy says it."""
    if m.is_identity:
        return brief

    def s(at: float) -> float:
        return m.to_audio(round(at * 1000)) / 1000

    return brief.model_copy(
        update={
            "quotes": tuple(q.model_copy(update={"at": s(q.at)}) for q in brief.quotes),
            "concepts": tuple(
                c.model_copy(update={"at": tuple(s(a) for a in c.at)}) for c in brief.concepts
            ),
            "takeaways": tuple(
                t.model_copy(update={"at": tuple(s(a) for a in t.at)}) for t in brief.takeaways
            ),
        }
    )


def export_notes(notes: Iterable[Note], m: SyncMap) -> list[ExportNote]:
    out: list[ExportNote] = []
    for n in notes:
        end = m.to_audio(n.end_ms) / 1000 if n.end_ms is not None else None
        out.append((m.to_audio(n.start_ms) / 1000, end, n.text or "Bookmark"))
    return out


def export_text(kind: str, brief: Brief, notes: Iterable[Note], m: SyncMap) -> str:
    shifted = brief_in_audio_time(brief, m)
    rows = export_notes(notes, m)
    if kind == "chapters":
        return dump_chapters(brief_to_chapters(shifted, rows))
    return brief_to_webvtt(shifted, rows) + "\n"


def choose_export_path(parent: QWidget, settings: QSettings, kind: str, stem: str) -> Path | None:
    title, filters, suffix = FORMATS[kind]
    target, _ = save_file(parent, settings, title, f"{stem}{suffix}", filters)
    if target is None:
        return None
    if not target.suffix:
        target = target.with_name(target.name + suffix)
    return target
