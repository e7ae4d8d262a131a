"""The main window: the synced pane, the side panel, the transport and the timeline strip.

The window is the ``Shell`` (``player.ui.shell``) the features plug into; it builds only its own
parts and knows no feature. What is "now" comes from ``CueClock``, what plays from ``Playback``,
long work runs through ``jobs``, and everything it shows is built by the core. Only the
composition root (``player.ui.session``) builds it together with its features.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from player.core.navigation.clock_text import skip_text
from player.core.timeline import Cue, CueKind, Timeline, cue_order
from player.ui.actions import SIDE_TAB_KEYS, build_actions, build_menus
from player.ui.cue_clock import CueClock
from player.ui.models.pane_model import PaneModel, brief_rows, pane_row
from player.ui.models.search_model import SearchRow
from player.ui.open_episode import OpenEpisode
from player.ui.playback import Playback
from player.ui.settings import FOLLOW, SIDE_TAB, Preferences, read, write
from player.ui.shell import SearchProvider
from player.ui.widgets.header import EpisodeHeader
from player.ui.widgets.pane_view import PaneView
from player.ui.widgets.side_panel import SidePanel
from player.ui.widgets.text_focus import ClickReleasesTextField
from player.ui.widgets.timeline_strip import TimelineStrip
from player.ui.widgets.transport import TransportBar
from player.ui.window_layout import restore_layout, save_layout

if TYPE_CHECKING:
    from player.ui.jobs import JobBar, JobRunner

PANE_KINDS = (CueKind.QUOTE, CueKind.CONCEPT, CueKind.NOTE, CueKind.CHAPTER)
STEP_KINDS = frozenset({CueKind.QUOTE})
RESTART_GRACE_MS = 2_000  # "previous" within this much of a quote's start goes to the one before
AUDIO_FILTER = "Audio (*.mp3 *.m4a *.m4b *.aac *.ogg *.oga *.opus *.flac *.wav);;All files (*)"
BRIEF_FILTER = "Briefs (*.txt *.json);;All files (*)"

Opener = Callable[[OpenEpisode], None]


class MainWindow(QMainWindow):
    episode_changed = Signal()  # after open_episode has shown a new episode
    audio_changed = Signal(object)  # Path | None, after set_audio has handed it to the player
    audio_attached = Signal(object)  # Path: the listener chose this file for the episode
    closing = Signal()  # before the player is released, so features can save what they hold

    def __init__(self, settings: QSettings | None = None, *, opener: Opener | None = None):
        """``opener`` shows an episode the listener picked (the composition root resumes it);
        without one the episode opens at its start."""
        super().__init__()
        self.setWindowTitle("Brief Player")
        self.settings: QSettings = settings or QSettings()
        self._opener: Opener = opener or self.open_episode
        self._episode: OpenEpisode | None = None
        self.playback: Playback = Playback(self)
        self.clock: CueClock = CueClock(self.playback, Timeline(), self)
        self._jobs: tuple[JobRunner, JobBar] | None = None  # made when first asked for
        self._search_providers: list[SearchProvider] = []
        # Each track's cues and how often each is on it (a dict: one cue out of 100,000 is
        # found at once).
        self._tracks: dict[str, dict[Cue, int]] = {}
        self._timeline: Timeline = Timeline()
        self._reserved: dict[str, QWidget] = {}
        # The clock looks again once after a burst of cue changes (an edit is a removal and an
        # insertion): each look may lay the pane out again, which with many rows is the cost.
        self._clock_refresh = QTimer(self)
        self._clock_refresh.setSingleShot(True)
        self._clock_refresh.setInterval(0)
        self._clock_refresh.timeout.connect(self._timeline_changed)

        self.header: EpisodeHeader = EpisodeHeader(self)
        self.pane_model: PaneModel = PaneModel(parent=self)
        self.pane: PaneView = PaneView(self.pane_model, self)
        self.side: SidePanel = SidePanel(self)
        self.transport: TransportBar = TransportBar(self.playback, self)
        self.strip: TimelineStrip = self.transport.strip

        self.splitter: QSplitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.transport)
        self.setCentralWidget(central)
        self.status_label: QLabel = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.problems_button: QPushButton = QPushButton("Show problems…", self)
        self.problems_button.setObjectName("show_problems")
        self.problems_button.setFlat(True)
        self.problems_button.setAccessibleName("Show the lines of the brief that could not be read")
        self.problems_button.clicked.connect(self.show_problems)
        self.problems_button.hide()
        self.statusBar().addPermanentWidget(self.problems_button)

        self.actions_by_name: dict[str, QAction] = build_actions(
            self,
            {
                "open_brief": self.choose_brief,
                "attach_audio": self.choose_audio,
                "quit": self.close,
                "play_pause": self.toggle_play,
                "back": lambda: self.playback.skip(-self.transport.back_ms),
                "forward": lambda: self.playback.skip(self.transport.forward_ms),
                "back_small": lambda: self.playback.skip(-5_000),
                "forward_small": lambda: self.playback.skip(5_000),
                "previous_cue": self.previous_cue,
                "next_cue": self.next_cue,
                "slower": lambda: self.playback.step_rate(-1),
                "faster": lambda: self.playback.step_rate(+1),
                "normal_speed": lambda: self.playback.set_rate(1.0),
                "volume_up": lambda: self.playback.set_volume(self.playback.volume() + 0.1),
                "volume_down": lambda: self.playback.set_volume(self.playback.volume() - 0.1),
                "mute": self.playback.set_muted,
                "search": self.side.focus_search,
                "follow": self._set_follow,
                "back_to_now": self._back_to_now,
                "show_problems": self.show_problems,
                "shortcuts": self._show_shortcuts,
                "about": self.show_about,
                "next_tab": lambda: self.side.show_tab(self.side.currentIndex() + 1),
                "previous_tab": lambda: self.side.show_tab(self.side.currentIndex() - 1),
                **{
                    f"side_tab_{n}": lambda _=False, n=n: self.side.show_tab(n - 1)
                    for n in range(1, SIDE_TAB_KEYS + 1)
                },
            },
        )
        self.menus: dict[str, QMenu] = build_menus(self.menuBar(), self.actions_by_name)
        follow = self.actions_by_name["follow"]
        follow.blockSignals(True)  # the initial state, not a choice of the listener's to save
        follow.setChecked(True)
        follow.blockSignals(False)

        self.clock.active_changed.connect(self._on_active)
        self.clock.time_changed.connect(self.strip.set_position)
        self.pane.clicked.connect(self._pane_activated)
        self.pane.activated.connect(self._pane_activated)
        self.side.moment_requested.connect(self.play_from)
        self.strip.seek_requested.connect(self.seek_brief)
        self.transport.previous_cue_requested.connect(self.previous_cue)
        self.transport.next_cue_requested.connect(self.next_cue)
        self.playback.duration_changed.connect(self._on_duration)
        self.playback.media_failed.connect(self._on_media_failed)
        self.playback.media_ready.connect(self._on_media_ready)
        self.playback.muted_changed.connect(self.actions_by_name["mute"].setChecked)
        self.header.banner.action_clicked.connect(self.choose_audio)
        self.side.set_search(self.search)
        self.side.keys_returned.connect(self.pane.setFocus)
        self._name_side_tabs()
        self._text_focus = ClickReleasesTextField(self, self.pane)
        self.resize(1200, 800)
        restore_layout(self, self.settings, self.splitter, self.side)

    # the shell --------------------------------------------------------------------------------

    @property
    def episode(self) -> OpenEpisode | None:
        return self._episode

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    def as_widget(self) -> QMainWindow:
        return self

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Add a tab, or fill the place ``reserve_tab`` kept for ``title``."""
        placeholder = self._reserved.pop(title, None)
        if placeholder is None:
            self.side.addTab(widget, title)
            self._name_side_tabs()
            return
        index = self.side.indexOf(placeholder)
        current = self.side.currentIndex()
        self.side.blockSignals(True)  # the same tab stays chosen: no change to report
        self.side.removeTab(index)
        self.side.insertTab(index, widget, title)
        self.side.setCurrentIndex(current)
        self.side.blockSignals(False)
        placeholder.deleteLater()
        self._name_side_tabs()

    def reserve_tab(self, title: str) -> None:
        """Keep a tab's place (and the tab bar's look) for a feature built after the first
        frame; ``add_tab`` with the same title fills it."""
        placeholder = QWidget(self.side)
        self._reserved[title] = placeholder
        self.side.addTab(placeholder, title)
        if read(self.settings, SIDE_TAB) == self.side.count() - 1:
            self.side.setCurrentIndex(self.side.count() - 1)  # the tab the listener left open
        self._name_side_tabs()

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().insertPermanentWidget(0, widget)

    def _name_side_tabs(self) -> None:
        """View ▸ Side Tabs names each tab its Alt+number shows."""
        for n in range(1, SIDE_TAB_KEYS + 1):
            action = self.actions_by_name[f"side_tab_{n}"]
            has_tab = n <= self.side.count()
            title = self.side.tabText(n - 1).split(" (")[0] if has_tab else f"Side Tab {n}"
            action.setText(f"&{n} {title}")
            action.setEnabled(has_tab)

    def show_status(self, message: str, timeout_ms: int = 6_000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def set_title(self, title: str) -> None:
        self.setWindowTitle(f"{title} — Brief Player")

    def apply_preferences(self, prefs: Preferences, *, new_episode: bool = False) -> None:
        """Make the window's own parts match ``prefs`` (``new_episode`` also sets the speed,
        for a window about to restore an episode whose own saved speed then wins)."""
        t = self.transport
        t.back_ms, t.forward_ms = prefs.back_s * 1000, prefs.forward_s * 1000
        t.back_button.setText(f"−{prefs.back_s}")
        t.back_button.setToolTip(f"Back {prefs.back_s} seconds (J, Shift+←)")
        t.back_button.setAccessibleName(f"Back {prefs.back_s} seconds")
        t.forward_button.setText(f"+{prefs.forward_s}")
        t.forward_button.setToolTip(f"Forward {prefs.forward_s} seconds (L, Shift+→)")
        t.forward_button.setAccessibleName(f"Forward {prefs.forward_s} seconds")
        self.actions_by_name["back"].setText(skip_text("&Back", prefs.back_s))
        self.actions_by_name["forward"].setText(skip_text("&Forward", prefs.forward_s))
        self.actions_by_name["follow"].setChecked(prefs.follow)
        self.actions_by_name[f"boost_{prefs.boost_db}"].setChecked(True)
        self.actions_by_name["boost"].setChecked(prefs.boost)
        self.pane.set_follow_enabled(prefs.follow)
        self.side.takeaway_view.set_follow_enabled(prefs.follow)
        delegate = self.pane.card_delegate
        wanted = float(prefs.font_pt) if prefs.font_pt else None
        if delegate.body_point_size != wanted:
            delegate.body_point_size = wanted
            delegate.clear_cache()
            self.pane.scheduleDelayedItemsLayout()
            self.pane.viewport().update()
        if new_episode:
            self.playback.set_rate(prefs.default_rate)

    # opening ----------------------------------------------------------------------------------

    def open_episode(
        self,
        episode: OpenEpisode,
        *,
        audio: Path | None = None,
        start_ms: int = 0,
        audio_later: bool = False,
    ):
        """Show ``episode`` and load its audio (``audio`` overrides the episode's own;
        ``audio_later``: at ``playback.load_later()``, see ``Playback.set_source``)."""
        self._episode = episode
        self.set_title(episode.display_title())
        self.header.set_episode(episode.display_title(), episode.subtitle())
        self.header.set_cover(None)
        self._tracks = {}
        self._rebuild_timeline()
        self.strip.set_duration(episode.end_ms())
        self.transport.set_duration_hint(episode.end_ms())
        self.side.set_brief(episode.brief, episode.meta_lines())
        self._show_problems_status()
        self.set_audio(audio or episode.audio_path, start_ms=start_ms, later=audio_later)
        self.episode_changed.emit()

    def set_audio(self, path: Path | None, *, start_ms: int = 0, later: bool = False) -> None:
        self.header.banner.clear()
        ep = self.episode
        if path is None:
            self.header.banner.show_message(
                "info",
                "No audio is attached to this brief. Attach your copy of the episode to play it.",
            )
        elif ep is not None and ep.audio_is_standin and ep.audio_path == path:
            self.header.banner.show_message(
                "info",
                ep.standin_note
                or "Stand-in audio: the real episode is not bundled. Each quote is spoken by a "
                "speech synthesizer at its moment; the rest is silence. Attach your own copy "
                "of the episode to hear it.",
                "Attach real audio…",
            )
        self.playback.set_source(path, start_ms=start_ms, later=later)
        if start_ms:
            self.playback.seek(start_ms)
        self.clock.refresh()
        self.audio_changed.emit(path)

    def set_track(self, name: str, cues: Sequence[Cue]) -> None:
        """Add or replace a track of cues beside the brief's (notes, chapters, a transcript).

        They join the one timeline the clock follows, the pane (for the kinds it shows) and the
        strip, so a note or a chapter lights up exactly like a quote does.
        """
        counts = dict(Counter(cues))
        if self._tracks.get(name, {}) == counts:
            return  # an episode without notes or chapters need not rebuild 50,000 rows again
        self._tracks[name] = counts
        self._rebuild_timeline()

    def add_cue(self, name: str, cue: Cue) -> None:
        """One cue more on track ``name``: the timeline, the pane and the strip take it in
        place, so a note added among 100,000 costs what one row costs."""
        track = self._tracks.setdefault(name, {})
        track[cue] = track.get(cue, 0) + 1
        if self.episode is None:
            return
        self._own_timeline().insert(cue)
        if cue.kind in PANE_KINDS:
            self.pane_model.insert_row(pane_row(self.episode.brief, cue))
        self.strip.add_cue(cue)
        self._clock_refresh.start()

    def remove_cue(self, name: str, cue: Cue) -> None:
        """Take one cue of track ``name`` out of the timeline, the pane and the strip."""
        track = self._tracks.get(name, {})
        if cue not in track:
            return
        track[cue] -= 1
        if not track[cue]:
            del track[cue]
        if self.episode is None:
            return
        self._own_timeline().remove(cue)
        self.pane_model.remove_cue(cue)
        self.strip.remove_cue(cue)
        self._clock_refresh.start()

    def replace_cue(self, name: str, old: Cue, new: Cue) -> None:
        """``new`` in the place of ``old`` on track ``name`` (the same moment, other words): a
        row and a cue change in place and nothing around them moves, so the list in sight does
        not scroll and only that card is painted again. A cue that moves is taken out and put
        back instead."""
        track = self._tracks.get(name, {})
        if old not in track or cue_order(old) != cue_order(new):
            self.remove_cue(name, old)
            self.add_cue(name, new)
            return
        track[old] -= 1
        if not track[old]:
            del track[old]
        track[new] = track.get(new, 0) + 1
        if self.episode is None:
            return
        self._own_timeline().replace(old, new)
        if new.kind in PANE_KINDS:
            self.pane_model.replace_row(old, pane_row(self.episode.brief, new))
        self.strip.replace_cue(old, new)
        self._clock_refresh.start()

    def _timeline_changed(self) -> None:
        if self.clock.timeline is self._timeline:
            self.clock.timeline_changed()
        else:
            self.clock.set_timeline(self._timeline)

    def _own_timeline(self) -> Timeline:
        """The window's timeline, copied from the episode's before it is first changed."""
        if self.episode is not None and self._timeline is self.episode.timeline:
            self._timeline = self._timeline.copy()
        return self._timeline

    def _rebuild_timeline(self) -> None:
        if self.episode is None:
            return
        extra = [c for cues in self._tracks.values() for c, n in cues.items() for _ in range(n)]
        self._timeline = (
            Timeline([*self.episode.timeline, *extra]) if extra else self.episode.timeline
        )
        self.pane_model.set_rows(brief_rows(self.episode.brief, self.timeline, PANE_KINDS))
        self.clock.set_timeline(self.timeline)
        self.strip.set_cues(self.timeline)

    def brief_note(self) -> str:
        """What the status line says about the brief just opened: its first unreadable line
        and the encoding it was read in, when not plain UTF-8."""
        ep = self.episode
        if ep is None:
            return ""
        path = ep.brief_path
        assumed = ""
        if ep.encoding and ep.encoding != "UTF-8":  # the reader's module, only when it has a say
            from player.core.formats.textfile import encoding_note

            assumed = encoding_note(path.name if path else "The brief", ep.encoding)
        first = str(ep.problems[0]) if ep.problems else ""
        return " ".join(filter(None, (first, assumed)))

    def _show_problems_status(self) -> None:
        ep = self.episode
        n = len(ep.problems) if ep else 0
        self.status_label.setText(
            f"{n} line{'s' if n != 1 else ''} of the brief could not be read" if n else ""
        )
        note = self.brief_note()
        if note:
            self.statusBar().showMessage(note, 10_000)
        self.problems_button.setVisible(bool(n))
        self.actions_by_name["show_problems"].setEnabled(bool(n))

    def _show_shortcuts(self) -> None:
        from player.ui.dialogs import show_shortcuts  # when asked: not in the first frame

        show_shortcuts(self, self.actions_by_name)

    def show_problems(self) -> None:
        """The unreadable lines as ``FILE:LINE: message``, in a window that does not block."""
        if self.episode and self.episode.problems:
            from player.ui.dialogs import problems_dialog  # when asked: not in the first frame

            problems_dialog(self, self.episode.problems).open()

    # playing ----------------------------------------------------------------------------------

    def seek_brief(self, brief_ms: int) -> None:
        self.playback.seek(self.clock.audio_ms_for(brief_ms))

    def play_from(self, brief_ms: int) -> None:
        self.seek_brief(brief_ms)
        self.playback.play()

    def _pane_activated(self, index) -> None:
        cue: Cue = self.pane_model.row(index.row()).cue
        self.play_from(cue.start_ms)

    def previous_cue(self) -> None:
        now = self.clock.brief_ms()
        current = self.timeline.previous_start_before(now + 1, STEP_KINDS) if self.episode else None
        if current is not None and now - current.start_ms > RESTART_GRACE_MS:
            self.seek_brief(current.start_ms)
            return
        target = (
            self.timeline.previous_start_before(current.start_ms, STEP_KINDS) if current else None
        )
        self.seek_brief(target.start_ms if target else 0)

    def toggle_play(self) -> None:
        """Space: play or pause; with nothing to play, say why instead of doing nothing."""
        if self.playback.has_media() or self.playback.is_playing():
            self.playback.toggle()
        elif self.playback.error:
            self.show_status(f"Cannot play: {self.playback.error}", 10_000)
        else:
            self.show_status(
                "Nothing to play: no audio is attached to this brief. "
                "File ▸ Attach Audio… (Ctrl+Shift+O) picks your copy of the episode.",
                10_000,
            )

    def next_cue(self) -> None:
        nxt = self.timeline.next_start_after(self.clock.brief_ms(), STEP_KINDS)
        if nxt is not None:
            self.seek_brief(nxt.start_ms)

    def _on_active(self, cues: list[Cue]) -> None:
        self.pane_model.set_active(cues)
        self.side.takeaway_model.set_active({c.ref for c in cues if c.kind == CueKind.TAKEAWAY})
        self.pane.reveal_active()
        self.side.takeaway_view.reveal_active()

    def _on_duration(self, duration_ms: int) -> None:
        if duration_ms > 0:
            self.strip.set_duration(duration_ms)

    def _on_media_ready(self) -> None:
        if self.header.banner.kind == "error":
            self.header.banner.clear()

    def _on_media_failed(self, message: str) -> None:
        self.header.banner.show_message(
            "error", message + " The brief still works: browse, search and take notes."
        )

    # files ------------------------------------------------------------------------------------

    def choose_audio(self) -> None:
        from player.ui.file_dialogs import open_file  # when asked: not in the first frame

        path = open_file(self, self.settings, "Attach Audio", AUDIO_FILTER)
        if path is not None:
            self.attach_audio(path)

    def attach_audio(self, path: Path) -> None:
        """Switch to the listener's copy at the same moment of the brief.

        The moment is carried over in brief time and mapped after the switch, because the new
        file brings its own sync points (loaded on ``audio_changed``).
        """
        brief_ms = self.clock.brief_ms()
        self.set_audio(path)
        if brief_ms:
            self.seek_brief(brief_ms)
        self.audio_attached.emit(path)

    def stream_audio(self, url: str) -> None:
        """Play the episode from ``url`` while its file downloads, from the same moment of the
        brief, until ``attach_audio`` switches to the file (or ``set_audio`` back to another).

        No file means no tags, sidecars or sync points of one: ``audio_changed(None)`` lets the
        features drop those of the file left, so the stream is taken in the brief's own time.
        """
        brief_ms = self.clock.brief_ms()
        self.header.banner.clear()
        self.header.set_cover(None)
        self.playback.set_stream(url)
        self.clock.refresh()
        self.audio_changed.emit(None)
        if brief_ms:
            self.seek_brief(brief_ms)
        self.playback.play()

    def choose_brief(self) -> None:
        from player.ui.file_dialogs import open_file  # when asked: not in the first frame

        path = open_file(self, self.settings, "Open Brief", BRIEF_FILTER)
        if path is not None:
            self.open_brief_file(path)

    def open_brief_file(self, path: Path) -> None:
        try:
            from player.ui.loading import episode_from_brief_file

            episode = episode_from_brief_file(path)
        except Exception as exc:  # the loader's own error types carry a readable message
            from PySide6.QtWidgets import QMessageBox  # only for this: not in the first frame

            QMessageBox.warning(self, "Cannot open brief", str(exc))
            return
        self.open_and_resume(episode)

    def open_and_resume(self, episode: OpenEpisode) -> None:
        """Open ``episode`` where the listener left it (through the opener given)."""
        self._opener(episode)

    # long work ------------------------------------------------------------------------------

    @property
    def jobs(self) -> JobRunner:
        """The one runner for long work, and its bar in the status line, made on first use:
        no job runs before the first frame, so neither is in it."""
        return self._job_parts()[0]

    @property
    def job_bar(self) -> JobBar:
        return self._job_parts()[1]

    def _job_parts(self) -> tuple[JobRunner, JobBar]:
        if self._jobs is None:
            from player.ui.jobs import JobBar, JobRunner

            runner = JobRunner(self)
            bar = JobBar(runner, self)
            self.statusBar().insertPermanentWidget(0, bar)  # first, as the line's main news
            # The bar takes most of the line: a note said before would show cut mid-sentence
            # beside it, so the job's own words replace it.
            runner.started.connect(lambda _job: self.statusBar().clearMessage())
            runner.failed.connect(lambda title, msg: self.show_status(f"{title} failed: {msg}"))
            self._jobs = (runner, bar)
        return self._jobs

    # search -----------------------------------------------------------------------------------

    def add_search_provider(self, provider: SearchProvider) -> None:
        self._search_providers.append(provider)
        self.side.run_search()

    def search(self, query: str) -> list[SearchRow]:
        rows: list[SearchRow] = []
        for provider in self._search_providers:
            rows.extend(provider(query))
        return rows

    # layout -----------------------------------------------------------------------------------

    def save_layout(self) -> None:
        save_layout(self, self.settings, self.splitter, self.side)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self._jobs is not None:
            self.jobs.cancel_all()
        self.closing.emit()
        self.playback.release()
        super().closeEvent(event)

    def _back_to_now(self) -> None:
        self.pane.resume_following()
        self.side.takeaway_view.resume_following()

    def _set_follow(self, on: bool) -> None:
        """View ▸ Follow Playback: the same setting as in Preferences, so it is kept."""
        self.pane.set_follow_enabled(on)
        self.side.takeaway_view.set_follow_enabled(on)
        write(self.settings, FOLLOW, on)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from player.ui.dialogs import app_version  # when asked: not in the first frame

        QMessageBox.about(
            self,
            "About Brief Player",
            f"Brief Player {app_version()}\n\n"
            "Brief Player plays a podcast episode and keeps its written brief in step with it.",
        )
