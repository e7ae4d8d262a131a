"""*Playback ▸ Find Quotes in This Audio*: the quote finder in the window.

The search (``player.core.align.find_quotes``) runs through the window's job runner, so the bar
shows its progress, time left and Cancel while playback goes on. Its answer is shown for the
listener to check; only what they accept becomes the audio file's sync points, as one undo step
in the window's history. A cancelled or failed search changes nothing.

When the listener attaches their own copy (not the bundled stand-in), the status line offers the
search; the offer waits there and goes away when taken, dismissed, or another file is set.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from player.core.align import AlignError, Alignment
from player.core.jobs import Progress
from player.core.storage.alignments import AlignmentStore, Row
from player.core.storage.database import StorageError
from player.ui.align.result_dialog import ResultDialog
from player.ui.align.result_model import QuoteResultsModel

if TYPE_CHECKING:
    from player.core.brief.models import Brief
    from player.core.formats.track import Track
    from player.ui.jobs.runner import JobHandle
    from player.ui.shell import Shell

TITLE = "Find quotes"
AROUND_BEFORE_MS = 2_000  # "play around it" starts this much before the find...
AROUND_MS = 6_000  # ...and pauses after this long

Transcript = Callable[[], "Track | None"]


class Merged(Protocol):
    """What adding found points did: old points they moved, and why they were not saved."""

    replaced: int
    problem: str


MergePoints = Callable[[Path, list[tuple[int, int]], str], Merged]


class _Cache(AlignmentStore):
    """The alignment cache, which may fail to save: a search that could not be remembered is
    still shown, and only costs a decode next time."""

    def put(self, audio_key: str, brief_key: str, source: str, result: list[Row]) -> None:
        with suppress(StorageError):
            super().put(audio_key, brief_key, source, result)


class AlignController(QObject):
    def __init__(
        self,
        shell: Shell,
        store: AlignmentStore,
        *,
        transcript: Transcript,
        merge_points: MergePoints,
        workers: int | None = None,
    ) -> None:
        """``transcript`` gives the playing audio's own transcript (or None); ``merge_points``
        writes accepted points for an audio file as one undo step and says how many old
        points they replaced. ``workers``: processes listening at once (None: both cores)."""
        super().__init__(shell.as_widget())
        self.shell = shell
        self.store = _Cache(store.db)
        self._transcript = transcript
        self._merge = merge_points
        self.workers = workers
        self.job: JobHandle | None = None
        self.dialog: ResultDialog | None = None
        self.last: Alignment | None = None
        self._aligned: tuple[str, Path] | None = None  # (episode id, audio) of the dialog
        self._preview = QTimer(self)
        self._preview.setSingleShot(True)
        self._preview.timeout.connect(self.shell.playback.pause)

        self.offer = _Offer(shell.as_widget())
        self.offer.find_button.clicked.connect(self.find)
        shell.add_status_widget(self.offer)
        shell.action("find_quotes").triggered.connect(lambda _=False: self.find())
        shell.audio_attached.connect(self._attached)
        shell.audio_changed.connect(lambda _path: self.offer.hide())

    # starting ---------------------------------------------------------------------------------

    def _attached(self, path: Path) -> None:
        ep = self.shell.episode
        if ep is None or not ep.brief.quotes or (ep.audio_is_standin and ep.audio_path == path):
            return
        self.offer.show_for(path)

    def find(self) -> JobHandle | None:
        """Start the search in the audio playing now; its answer opens the result dialog."""
        self.offer.hide()
        shell, ep, audio = self.shell, self.shell.episode, self.shell.playback.source
        if ep is None:
            return None
        if audio is None:
            self._say("Attach your copy of the episode first (File ▸ Attach Audio…).")
            return None
        if ep.audio_is_standin and audio == ep.audio_path:
            self._say("This is the bundled stand-in: every quote is already at its written time.")
            return None
        if self.job is not None and self.job.running:
            self._say("Already finding quotes in this audio; the bar below shows how far.")
            return self.job
        brief, transcript, store, workers = ep.brief, self._transcript(), self.store, self.workers

        def search(progress: Progress) -> Alignment:
            return _search(brief, audio, transcript, progress, store, workers)

        episode_id = ep.id
        self.job = shell.jobs.run(
            TITLE, search, on_done=lambda a: self._finished(episode_id, audio, a)
        )
        return self.job

    def _finished(self, episode_id: str, audio: Path, alignment: Alignment) -> None:
        ep = self.shell.episode
        if ep is None or ep.id != episode_id:
            self._say("The quotes were found for an episode no longer open; nothing changed.")
            return
        self.last = alignment
        self.show_result(episode_id, audio, alignment)

    # the answer -------------------------------------------------------------------------------

    def show_result(self, episode_id: str, audio: Path, alignment: Alignment) -> ResultDialog:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self._aligned = (episode_id, audio)
        dialog = ResultDialog(
            QuoteResultsModel(alignment),
            intro=_intro(alignment, audio),
            play_around=self.play_around,
            parent=self.shell.as_widget(),
        )
        dialog.accepted.connect(lambda: self.accept(dialog.model))
        dialog.finished.connect(lambda _r: self._preview.stop())
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def accept(self, model: QuoteResultsModel) -> int:
        """Write the ticked quotes as sync points of the searched file; how many were written."""
        if self._aligned is None:
            return 0
        _episode_id, audio = self._aligned
        points = model.accepted_points()
        if not points:
            return 0
        merged = self._merge(audio, points, "Found quotes")
        n = len(points)
        if merged.problem:  # the listener must learn the points are not kept, not read "done"
            self._say(merged.problem)
            return n
        message = f"{n} quote{'s' * (n != 1)} now in step with this audio. Ctrl+Z undoes."
        if merged.replaced:
            r = merged.replaced
            message += f" {r} earlier sync point{'s' * (r != 1)} disagreed: replaced."
        self._say(message)
        return n

    def play_around(self, audio_ms: int) -> None:
        """A few seconds of the searched file around ``audio_ms``, then pause."""
        playback = self.shell.playback
        if self._aligned is None or playback.source != self._aligned[1]:
            self._say("That audio is no longer playing; attach it again to listen.")
            return
        playback.seek(max(0, audio_ms - AROUND_BEFORE_MS))
        playback.play()
        self._preview.start(AROUND_MS)

    def _say(self, message: str) -> None:
        self.shell.show_status(message, 10_000)


def _search(
    brief: Brief,
    audio: Path,
    transcript: Track | None,
    progress: Progress,
    store: AlignmentStore,
    workers: int | None,
) -> Alignment:
    """The job: a search that trusts nothing is a failure, so the bar says why in one line."""
    from player.core.align import find_quotes  # the recogniser loads only when first needed

    alignment = find_quotes(brief, audio, transcript, progress, store=store, workers=workers)
    if not alignment.found:
        raise AlignError(alignment.message or "No quote was found; no sync points were made.")
    return alignment


def _intro(alignment: Alignment, audio: Path) -> str:
    counts = alignment.counts()
    source = "its transcript" if alignment.source == "transcript" else "the audio"
    parts = [f"{audio.name}: {counts['found']} of {len(alignment.quotes)} quotes found in {source}"]
    if counts["uncertain"] or counts["not found"]:
        parts.append(
            f"; {counts['uncertain']} uncertain, {counts['not found']} not found. Those stay "
            "where the found ones put them."
        )
    else:
        parts.append(".")
    if alignment.stats.get("cached"):
        parts.append(" (From the earlier search of this file.)")
    parts.append(
        "\nUntick a quote to leave it where it is; double-click one to hear it. Accepting adds "
        "sync points (earlier ones stay unless they disagree); Ctrl+Z undoes."
    )
    return "".join(parts)


class _Offer(QWidget):
    """ "Your own copy: find its quotes?" in the status line, for as long as it is useful."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("align_offer")
        self.label = QLabel(self)
        self.find_button = QPushButton("Find Quotes in This Audio", self)
        self.find_button.setObjectName("align_offer_find")
        self.find_button.setAccessibleName("Find where each quote is spoken in this audio")
        self.dismiss_button = QPushButton("Not now", self)
        self.dismiss_button.setFlat(True)
        self.dismiss_button.setAccessibleName("Dismiss the offer to find the quotes")
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for w in (self.label, self.find_button, self.dismiss_button):
            layout.addWidget(w)
        self.hide()

    def show_for(self, path: Path) -> None:
        self.label.setText(f"Ads or a new intro in {path.name} shift the quotes.")
        self.show()
