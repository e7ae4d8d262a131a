"""View ▸ Transcript Source: the transcript and chapters files found, and which one is shown.

Files beside the audio and the brief are ranked (the audio's name, then the brief's, then
generic names such as ``transcript.vtt``) and the first of each kind is loaded. The ranking can
be wrong for a folder the listener filled by hand, so every candidate is listed with how it was
found, the one in use ticked, and any other can be picked instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from player.core.formats.sidecars import Sidecar
from player.core.formats.track import Track, TrackKind

KIND_TITLES = {TrackKind.TRANSCRIPT: "Transcript", TrackKind.CHAPTERS: "Chapters"}


@dataclass(frozen=True)
class Candidate:
    """One file found beside the audio or brief: what it holds, or why it could not be read."""

    sidecar: Sidecar
    track: Track | None = None
    error: str = ""


class SourceMenu:
    """The submenu of ``action``, refilled each time it opens from ``candidates()``."""

    def __init__(
        self,
        action: QAction,
        parent: QWidget,
        *,
        candidates: Callable[[], list[Candidate]],
        in_use: Callable[[TrackKind], Path | None],
        choose: Callable[[Candidate], None],
        open_other: QAction,
    ) -> None:
        self._candidates, self._in_use, self._choose = candidates, in_use, choose
        self._open_other = open_other
        self.menu = QMenu(parent)
        self.menu.setObjectName("transcript_source_menu")
        action.setMenu(self.menu)
        self.menu.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.menu.clear()
        found = self._candidates()
        if not found:
            empty = self.menu.addAction("No transcript or chapters file beside the audio or brief")
            empty.setEnabled(False)
        for kind, title in KIND_TITLES.items():
            of_kind = [c for c in found if c.track is not None and c.track.kind == kind]
            if not of_kind:
                continue
            self.menu.addSection(title)
            group = QActionGroup(self.menu)
            using = self._in_use(kind)
            for candidate in of_kind:
                self._add(candidate, group, checked=candidate.sidecar.path == using)
        broken = [c for c in found if c.track is None]
        if broken:
            self.menu.addSection("Cannot be read")
            for candidate in broken:
                entry = self.menu.addAction(_label(candidate))
                entry.setToolTip(candidate.error)
                entry.setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self._open_other)

    def _add(self, candidate: Candidate, group: QActionGroup, *, checked: bool) -> None:
        entry = self.menu.addAction(_label(candidate))
        entry.setCheckable(True)
        entry.setChecked(checked)
        entry.setToolTip(str(candidate.sidecar.path))
        entry.setActionGroup(group)
        entry.triggered.connect(lambda _=False, c=candidate: self._choose(c))


def _label(candidate: Candidate) -> str:
    car, track = candidate.sidecar, candidate.track
    count = f", {len(track.items)} item(s)" if track is not None else ""
    return f"{car.path.name} — {car.why}{count}".replace("&", "&&")  # no mnemonic from a name


__all__ = ["Candidate", "SourceMenu"]
