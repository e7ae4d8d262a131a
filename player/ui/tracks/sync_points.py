"""Lining up a shifted copy of the episode with the brief: "this quote is heard now".

The listener selects a quote, plays their copy to where it is really said, and presses Ctrl+J.
That pair of times becomes a sync point of this audio file; the points make a ``SyncMap`` that
the clock uses both ways, so highlighting, seeking, the strip and search all follow the copy.

Points are kept per audio file (by content, not by path) and come back when the file is opened
again. Every change is one undo step. When the window has a notes undo history, sync points join
it, so Ctrl+Z in the window undoes whatever was done last, a note or a sync point alike; the
Sync Points dialog undoes through the same history.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from player.core.storage.database import StorageError
from player.core.storage.syncpoints import SyncPointStore, audio_key_for
from player.core.sync import SyncError, SyncMap
from player.core.timefmt import format_ms
from player.core.timeline import CueKind
from player.ui.tracks.sync_points_dialog import SyncPointsDialog, offset_text

if TYPE_CHECKING:
    from player.ui.shell import Shell

SYNC_KINDS = (CueKind.QUOTE, CueKind.CONCEPT)


class Merged(NamedTuple):
    """What merging found points did: how many old points they moved, and what went wrong, if
    anything, in words for the listener (the caller's own message must not hide it)."""

    replaced: int
    problem: str = ""


class _Change(QUndoCommand):
    """One audio file's points going from ``before`` to ``after``."""

    def __init__(self, ctl: SyncController, key: str, before: SyncMap, after: SyncMap, text: str):
        super().__init__(text)
        self.ctl, self.key, self.before, self.after = ctl, key, before, after

    def redo(self) -> None:
        self.ctl._apply(self.key, self.after)

    def undo(self) -> None:
        self.ctl._apply(self.key, self.before)


class SyncController(QObject):
    map_changed = Signal(object)  # SyncMap now in force

    def __init__(self, window: Shell, store: SyncPointStore, undo_stack: QUndoStack | None = None):
        super().__init__(window.as_widget())
        self.window = window
        self.store = store
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.key: str | None = None
        self.map = SyncMap()
        self.dialog: SyncPointsDialog | None = None
        self._unsaved = ""  # why the last change could not be saved, if it could not

    # loading ----------------------------------------------------------------------------------

    def load_for(self, audio: Path | None) -> None:
        """Points of this audio file in force (none: the copy is taken to match the brief)."""
        key = None
        if audio is not None:
            try:
                key = audio_key_for(audio)
            except OSError:
                key = None
        self.key = key
        points: list[tuple[int, int]] = []
        if key is not None:
            try:
                points = [tuple(p) for p in self.store.get(key)]
            except StorageError as e:
                self._say(f"Sync points cannot be read: {e}")
        try:
            self.map = SyncMap(points)
        except SyncError as e:
            self._say(f"Saved sync points contradict each other ({e}); ignoring them.")
            self.map = SyncMap()
        self._install()

    def _install(self) -> None:
        m = self.map
        self.window.clock.set_mapping(m.to_brief_heard, m.to_audio)
        self.map_changed.emit(m)
        if self.dialog is not None:
            self.dialog.refresh()

    # editing ----------------------------------------------------------------------------------

    def sync_selected(self) -> tuple[int, int] | None:
        """Sync point from the quote (or concept) selected in the pane to the audio's now."""
        w = self.window
        if self.key is None:
            self._say("Attach your audio first: sync points belong to an audio file.")
            return None
        index = w.pane.currentIndex()
        cue = w.pane_model.row(index.row()).cue if index.isValid() else None
        if cue is None or cue.kind not in SYNC_KINDS:
            self._say("Select a quote in the brief, play to where it is said, then press Ctrl+J.")
            return None
        brief_ms, audio_ms = cue.start_ms, max(0, w.playback.now_ms())
        before = self.map
        after = before.with_point(brief_ms, audio_ms)
        dropped = len(before) + 1 - len(after) - (1 if _has_point(before, brief_ms) else 0)
        self.undo_stack.push(_Change(self, self.key, before, after, "Sync point"))
        message = (
            f"Synced: {format_ms(brief_ms)} in the brief is heard at {format_ms(audio_ms)} "
            f"({offset_text(brief_ms, audio_ms)}). Ctrl+Z undoes."
        )
        if dropped > 0:
            message += f" {dropped} older point{'s' if dropped > 1 else ''} crossed it: removed."
        if self._unsaved:  # said by _apply, and would be gone at once under this message
            message += f" {self._unsaved}"
        self._say(message)
        return brief_ms, audio_ms

    def remove(self, brief_ms: int) -> None:
        if self.key is None or not _has_point(self.map, brief_ms):
            return
        after = self.map.without_point(brief_ms)
        self.undo_stack.push(_Change(self, self.key, self.map, after, "Remove sync point"))

    def clear(self) -> None:
        if self.key is None or not len(self.map):
            return
        self.undo_stack.push(_Change(self, self.key, self.map, SyncMap(), "Clear sync points"))

    def merge_points(self, audio: Path, points: list[tuple[int, int]], text: str) -> Merged:
        """Add found points to ``audio``'s own as one undo step.

        Points already there (set with Ctrl+J, or accepted before) stay unless a new point
        crosses them or sits at the same brief time: the new ones were just heard, like a
        Ctrl+J, so they win where the two disagree.
        """
        try:
            key = audio_key_for(audio)
        except OSError as e:
            problem = f"{audio.name}: cannot be read ({e.strerror or e}); nothing was saved."
            self._say(problem)
            return Merged(0, problem)
        before = self.map if key == self.key else self._stored(key)
        after = before
        for b, a in points:
            after = after.with_point(b, a)
        self._unsaved = ""
        if after != before:
            self.undo_stack.push(_Change(self, key, before, after, text))
        now = set(after.points)
        return Merged(sum(p not in now for p in before.points), self._unsaved)

    def _stored(self, key: str) -> SyncMap:
        try:
            return SyncMap([tuple(p) for p in self.store.get(key)])
        except (StorageError, SyncError):
            return SyncMap()

    def _apply(self, key: str, m: SyncMap) -> None:
        self._unsaved = ""
        try:
            self.store.set_all(key, list(m.points))
        except StorageError as e:
            # They are in step now all the same: say for how long, so nobody counts on them later.
            self._unsaved = (
                f"Could not save the sync points: {str(e).rstrip('.')}. "
                "They hold until the window closes."
            )
            self._say(self._unsaved)
        if key == self.key:
            self.map = m
            self._install()

    # dialog -----------------------------------------------------------------------------------

    def show_dialog(self) -> SyncPointsDialog:
        if self.dialog is None:
            self.dialog = SyncPointsDialog(self, self.window.as_widget())
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def label_at(self, brief_ms: int) -> str:
        """The brief's words at a point, so the list says which quote a time was synced on.
        A concept is only ever at its quote's time, so a point synced on one names the quote."""
        for cue in self.window.timeline.of_kind(CueKind.QUOTE):
            if cue.start_ms == brief_ms:
                return cue.text
        return ""

    def _say(self, message: str) -> None:
        self.window.show_status(message, 8_000)


def _has_point(m: SyncMap, brief_ms: int) -> bool:
    return any(b == brief_ms for b, _ in m.points)
