"""What the audio file and the files beside it add to the window.

When audio is set, its tags give the header a cover (else the image saved beside it under its
name) and a title or show the brief lacks, its embedded chapters become a track in the pane and
on the strip, and transcript or chapters files found beside the audio or the brief are loaded.
A transcript gets a tab of its own that lights the line being heard. Sync points line a shifted
copy up with the brief; the export commands write the brief and the listener's notes for other
players.

Times: chapters and transcripts that came with the audio count in the audio's time, so they are
moved onto the brief's timeline through the sync map, and move again whenever the map changes.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from player.core.formats.problems import FormatError
from player.core.formats.registry import load_track
from player.core.formats.sidecars import Sidecar, TimeBase, cover_beside, find_sidecars
from player.core.formats.textfile import encoding_note
from player.core.formats.track import Track, TrackKind, to_ms, track_cues
from player.core.media.chapters import chapters_track
from player.core.media.tags import MediaInfo, MediaInfoError, read_media_info
from player.core.sync import SyncMap
from player.core.text import fold
from player.core.timefmt import format_ms
from player.core.timeline import FOREVER_MS, Cue, CueKind
from player.ui.file_dialogs import open_file
from player.ui.models.search_model import SearchRow
from player.ui.tracks.export import choose_export_path, export_text
from player.ui.tracks.remembered import remember, remembered
from player.ui.tracks.sources import Candidate, SourceMenu
from player.ui.tracks.sync_points import SyncController
from player.ui.tracks.transcript_model import TranscriptModel
from player.ui.tracks.transcript_view import TranscriptView

if TYPE_CHECKING:
    from player.core.storage.notes import Note
    from player.core.storage.syncpoints import SyncPointStore
    from player.ui.shell import Shell

TRACK_FILTER = (
    "Transcripts and chapters (*.vtt *.srt *.json);;WebVTT (*.vtt);;SubRip (*.srt);;"
    "JSON (*.json);;All files (*)"
)
NAMES = {TrackKind.CHAPTERS: "chapters", TrackKind.TRANSCRIPT: "transcript"}
KIND_NAMES = {TrackKind.CHAPTERS: "Chapters", TrackKind.TRANSCRIPT: "Transcript"}
TRANSCRIPT_KINDS = frozenset({CueKind.TRANSCRIPT})


@dataclass(frozen=True)
class Loaded:
    track: Track
    time_base: TimeBase
    origin: str  # "embedded", "sidecar" or "manual": a later kind never overrides an earlier
    path: Path | None = None


_RANK = {"manual": 0, "sidecar": 1, "embedded": 2}


class TracksController(QObject):
    def __init__(
        self,
        window: Shell,
        store: SyncPointStore,
        *,
        undo_stack: QUndoStack | None = None,
        notes: Callable[[], list[Note]] = list,
    ) -> None:
        """``undo_stack`` is shared with the notes, so Ctrl+Z undoes whichever came last;
        ``notes`` gives the listener's notes for the exports."""
        super().__init__(window.as_widget())
        self.window = window
        self._notes = notes
        self.sync = SyncController(window, store, undo_stack)
        self.media_info: MediaInfo | None = None
        self.loaded: dict[TrackKind, Loaded] = {}
        self.problems: list[str] = []
        self.candidates: list[Candidate] = []  # every file found beside the audio or brief
        self.problems_dialog: QDialog | None = None
        self._episode_id: str | None = None
        self._shown: dict[str, list[Cue]] = {}

        self.model = TranscriptModel(self)
        self.view = TranscriptView(self.model, window.side)
        window.add_tab(self.view, "Transcript")
        self._set_tab_visible(False)

        for name, slot in {
            "open_track": self.choose_track,
            "export_chapters": lambda: self.export("chapters"),
            "export_webvtt": lambda: self.export("webvtt"),
            "sync_here": self.sync.sync_selected,
            "sync_points": self.sync.show_dialog,
            "show_transcript": self.show_transcript,
        }.items():
            window.action(name).triggered.connect(lambda _=False, s=slot: s())
        self.sources = SourceMenu(
            window.action("transcript_source"),
            window.as_widget(),
            candidates=lambda: self.candidates,
            in_use=self.path_in_use,
            choose=self.use_candidate,
            open_other=window.action("open_track"),
        )
        window.action("follow").toggled.connect(self.view.set_follow_enabled)
        window.action("back_to_now").triggered.connect(lambda: self.view.resume_following())
        self.view.set_follow_enabled(window.action("follow").isChecked())
        self.view.clicked.connect(self._line_activated)
        self.view.activated.connect(self._line_activated)

        window.audio_changed.connect(self.audio_set)
        window.clock.active_changed.connect(self._on_active)
        self.sync.map_changed.connect(lambda _m: self._show_tracks())
        window.add_search_provider(self.search)
        self.audio_set(window.playback.source)

    # loading ----------------------------------------------------------------------------------

    def audio_set(self, path: Path | None) -> None:
        """Tags, embedded chapters, sync points and sidecar files of the audio just set."""
        episode = self.window.episode
        episode_id = episode.id if episode is not None else None
        said: list[str] = []
        new_episode = episode_id != self._episode_id
        if new_episode:
            self._episode_id = episode_id
            self.loaded = {}
            self._shown = {}  # a new episode starts the window without extra tracks
            said += self._reopen_remembered()
        self.loaded = {k: v for k, v in self.loaded.items() if v.origin == "manual"}
        self.problems = []
        self.sync.load_for(path)
        self.media_info = None
        if path is not None:
            self.media_info = self._read_media(path)
        brief_path = episode.brief_path if episode is not None else None
        self.candidates = []
        for car in find_sidecars(path, brief_path):
            self._load_sidecar(car)
        self._show_tracks()
        if self.problems:  # first: a file's bad line matters more than what came in
            n = len(self.problems)
            more = f" (and {n - 1} more)" if n > 1 else ""
            said.insert(0, f"{self.problems[0]}{more}")
        said += self._describe_picked_up()
        if said and new_episode:  # what the window said about the brief stays in front
            said.insert(0, self.window.brief_note())
        if any(said):
            self._say(" ".join(filter(None, said)))

    def _reopen_remembered(self) -> list[str]:
        """Load again what the listener opened for this episode last time; what is gone is
        said and forgotten."""
        said = []
        settings, episode_id = self.window.settings, self._episode_id
        if episode_id is None:
            return said
        for kind, path in remembered(settings, episode_id).items():
            what = NAMES[kind].capitalize()
            try:
                track, _problems = load_track(path)
            except FormatError:
                remember(settings, episode_id, kind, None)
                said.append(f"{what} file {path.name}, opened last time, can no longer be read.")
                continue
            self._offer(Loaded(track, TimeBase.AUDIO, "manual", path))
            said.append(f"{what} from {path.name}, opened last time.")
        return said

    def _describe_picked_up(self) -> list[str]:
        """One sentence per file found beside the audio or the brief and shown, and the
        encoding assumed for it when it did not say."""
        said = []
        for kind, held in self.loaded.items():
            if held.origin != "sidecar" or held.path is None:
                continue
            where = "the audio" if held.time_base == TimeBase.AUDIO else "the brief"
            shown = len(self.cues_of(kind))
            sentence = f"Picked up {held.path.name} from beside {where}: {_count(kind, shown)}"
            past = self.past_end(kind)
            if past:
                end = format_ms(self._audio_end_ms() or 0)
                sentence += f"; {_count(kind, past)} after the end of the audio ({end}) left out"
            said.append(sentence + ".")
            assumed = encoding_note(held.path.name, held.track.encoding)
            if assumed:
                said.append(assumed)
        return said

    def _read_media(self, path: Path) -> MediaInfo | None:
        w, ep = self.window, self.window.episode
        w.header.set_cover(None)  # what the previous file showed is not this one's
        if ep is not None:
            w.header.set_episode(ep.display_title(), ep.subtitle())
        if not path.is_file():
            return None  # the player reports a missing file in the banner
        try:
            info = read_media_info(path)
        except MediaInfoError as e:
            reason = str(e).removeprefix(f"{path}: ")
            self._say(f"{path.name}: {reason}. Trying to play it anyway.")
            self._show_cover_beside(path)
            return None
        self._show_media(info)
        if info.cover is None:
            self._show_cover_beside(path)
        self.problems += [f"{path}: {p}" for p in info.problems]
        if info.chapters:
            track = chapters_track(info.chapters, name=path.stem)
            self._offer(Loaded(track, TimeBase.AUDIO, "embedded", path))
        return info

    def _show_media(self, info: MediaInfo) -> None:
        w, ep = self.window, self.window.episode
        if info.cover is not None:
            w.header.set_cover(info.cover.data)
        if ep is None:
            return
        title = ep.title or ep.brief.title or info.title or ep.display_title()
        show = ep.show or info.album
        published = ep.published or info.date[:10]
        guest = ep.guest or ep.brief.guest or ""
        subtitle = " · ".join(p for p in (show, guest, published) if p)
        w.header.set_episode(title, subtitle)
        w.set_title(title)

    def _show_cover_beside(self, audio: Path) -> None:
        """The episode's art saved beside the audio (a feed download leaves it there)."""
        image = cover_beside(audio)
        if image is None:
            return
        with suppress(OSError):  # a nicety: no message for a file that went away
            self.window.header.set_cover(image.read_bytes())

    def _load_sidecar(self, car: Sidecar) -> None:
        try:
            track, problems = load_track(car.path)
        except FormatError as e:
            self.problems.append(str(e))
            self.candidates.append(Candidate(car, error=str(e)))
            return
        self.problems += [str(p) for p in problems]
        self.candidates.append(Candidate(car, track))
        self._offer(Loaded(track, car.time_base, "sidecar", car.path))

    def path_in_use(self, kind: TrackKind) -> Path | None:
        held = self.loaded.get(kind)
        return held.path if held is not None else None

    def use_candidate(self, candidate: Candidate) -> None:
        """Show this file instead of the one ranked first; it stays until another episode.

        Its clock stays the one its place implies (beside the audio: audio times).
        """
        track, car = candidate.track, candidate.sidecar
        if track is None:
            return
        self._offer(Loaded(track, car.time_base, "manual", car.path))
        self._show_tracks()
        what = KIND_NAMES[track.kind]
        assumed = encoding_note(car.path.name, track.encoding)
        self._say(" ".join(filter(None, (f"{what} from {car.path.name} ({car.why}).", assumed))))

    def _offer(self, loaded: Loaded) -> None:
        """Keep ``loaded`` unless a track of its kind from a surer source is already there."""
        kind = loaded.track.kind
        held = self.loaded.get(kind)
        if held is None or _RANK[loaded.origin] < _RANK[held.origin] or loaded.origin == "manual":
            self.loaded[kind] = loaded

    def choose_track(self) -> None:
        beside = self.window.playback.source or self.window.episode.brief_path
        path = open_file(
            self.window.as_widget(),
            self.window.settings,
            "Open Transcript or Chapters",
            TRACK_FILTER,
            fallback=beside,
        )
        if path is not None:
            self.open_track_file(path)

    def open_track_file(self, path: Path) -> bool:
        """Load a transcript or chapters file by hand; it stays until another episode opens.

        Its times are taken as the listener's audio times: such files come from the feed of
        the copy the listener has.
        """
        try:
            track, problems = load_track(path)
        except FormatError as e:
            self._report([str(e)], f"{path.name} cannot be opened")
            return False
        self._offer(Loaded(track, TimeBase.AUDIO, "manual", path))
        if self._episode_id is not None:
            remember(self.window.settings, self._episode_id, track.kind, path)
        self._show_tracks()
        what = KIND_NAMES[track.kind]
        assumed = encoding_note(path.name, track.encoding)
        if problems:
            self._report([str(p) for p in problems], f"{path.name}: lines that could not be read")
            said = f"{what} loaded from {path.name}; {len(problems)} item(s) skipped."
        else:
            said = f"{what} loaded from {path.name}: {len(track.items)} item(s)."
        self._say(" ".join(filter(None, (said, assumed))))
        if track.kind == TrackKind.TRANSCRIPT:
            self.show_transcript()
        return True

    # showing ----------------------------------------------------------------------------------

    def cues_of(self, kind: TrackKind) -> list[Cue]:
        """The track's cues on the brief's timeline (moved through the sync map if need be)."""
        loaded = self.loaded.get(kind)
        if loaded is None:
            return []
        end = self._audio_end_ms() or FOREVER_MS
        items = loaded.track.items
        cues = [
            c
            for c in track_cues(loaded.track, end_ms=end)
            if not items[c.ref].hidden and c.start_ms < end
        ]
        m = self.sync.map
        if loaded.time_base == TimeBase.AUDIO and not m.is_identity:
            cues = [_to_brief(c, m) for c in cues]
        return cues

    def _audio_end_ms(self) -> int | None:
        if self.media_info is not None and self.media_info.duration_s > 0:
            return to_ms(self.media_info.duration_s)
        return None

    def past_end(self, kind: TrackKind) -> int:
        """How many of the track's entries start after the audio ends (and are not shown)."""
        loaded, end = self.loaded.get(kind), self._audio_end_ms()
        if loaded is None or end is None:
            return 0
        return sum(1 for i in loaded.track.items if not i.hidden and to_ms(i.start_s) >= end)

    def _show_tracks(self) -> None:
        for kind, name in NAMES.items():
            cues = self.cues_of(kind)
            if self._shown.get(name, []) == cues:
                continue
            self._shown[name] = cues
            self.window.set_track(name, cues)
            if kind == TrackKind.TRANSCRIPT:
                held = self.loaded.get(kind)
                self.model.set_track(held.track if held else None, cues)
                self._set_tab_visible(bool(cues))
                self._on_active(self.window.clock.active)

    def audio_transcript(self) -> Track | None:
        """The transcript of the audio playing now, in its own times (None when there is none,
        or when the only one is timed to the brief's release)."""
        held = self.loaded.get(TrackKind.TRANSCRIPT)
        if held is None or held.time_base != TimeBase.AUDIO:
            return None
        return held.track

    def _set_tab_visible(self, visible: bool) -> None:
        side = self.window.side
        index = side.indexOf(self.view)
        side.setTabVisible(index, visible)
        held = self.loaded.get(TrackKind.TRANSCRIPT)
        if visible and held is not None and held.path is not None:
            side.setTabToolTip(index, str(held.path))

    def show_transcript(self) -> None:
        if not self.model.rowCount():
            self._say("No transcript: File ▸ Open Transcript or Chapters… loads one.")
            return
        self.window.side.setCurrentWidget(self.view)
        active = self.model.active_rows()
        if active:  # Enter then replays the line being heard, not the first line
            self.view.setCurrentIndex(self.model.index(active[0]))
        self.view.setFocus()
        self.view.resume_following()

    def _on_active(self, cues: list[Cue]) -> None:
        if not self.model.rowCount():
            return
        self.model.set_active([c for c in cues if c.kind == CueKind.TRANSCRIPT])
        self.view.reveal_active()

    def _line_activated(self, index) -> None:
        cue = self.model.cue(index.row())
        loaded = self.loaded.get(TrackKind.TRANSCRIPT)
        if loaded is not None and loaded.time_base == TimeBase.AUDIO:
            # Straight to the line's own audio time: inside an inserted ad the brief's time
            # would land at the ad's start instead.
            self.window.playback.seek(to_ms(loaded.track.items[cue.ref].start_s))
            self.window.playback.play()
        else:
            self.window.play_from(cue.start_ms)
        self.view.resume_following()

    # search -----------------------------------------------------------------------------------

    def search(self, query: str) -> list[SearchRow]:
        rows = self.model.search(query)
        needles = [fold(w) for w in query.split()]
        if needles:
            for cue in self._shown.get("chapters", []):
                if all(n in fold(cue.text) for n in needles):
                    rows.append(SearchRow("chapter", cue.text, (), cue.start_ms))
        return rows

    # export -----------------------------------------------------------------------------------

    def export(self, kind: str, path: Path | None = None) -> Path | None:
        ep = self.window.episode
        if ep is None:
            return None
        if path is None:
            path = choose_export_path(self.window.as_widget(), self.window.settings, kind, ep.id)
            if path is None:
                return None
        notes = self._notes()
        try:
            path.write_text(export_text(kind, ep.brief, notes, self.sync.map), encoding="utf-8")
        except OSError as e:
            self._report([f"{path}: {e.strerror or e}"], "Export failed")
            return None
        self._say(f"Exported to {path}")
        return path

    # messages ---------------------------------------------------------------------------------

    def _report(self, lines: list[str], title: str) -> QDialog:
        """A window listing ``FILE:LINE: message`` lines; it does not block playback."""
        if self.problems_dialog is not None:
            self.problems_dialog.close()
        dialog = QDialog(self.window.as_widget())
        dialog.setWindowTitle(title)
        text = QPlainTextEdit(dialog)
        text.setObjectName("problems_text")
        text.setAccessibleName("Problems")
        text.setReadOnly(True)
        text.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(640, 280)
        dialog.show()
        self.problems_dialog = dialog
        self._say(lines[0])
        return dialog

    def _say(self, message: str) -> None:
        self.window.show_status(message, 10_000)


def _count(kind: TrackKind, n: int) -> str:
    noun = "chapter" if kind == TrackKind.CHAPTERS else "transcript line"
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _to_brief(c: Cue, m: SyncMap) -> Cue:
    start = m.to_brief(c.start_ms)
    end = c.end_ms if c.end_ms >= FOREVER_MS else m.to_brief(c.end_ms)
    return Cue(c.kind, start, max(end, start + 1), c.text, c.ref)
