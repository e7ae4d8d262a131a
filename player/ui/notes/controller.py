"""Notes in the window: the keys, the Notes tab, markers on the timeline, stars and search.

The window knows nothing about notes. This object adds a tab, a search provider and a track of
note cues to it, and answers the Notes menu. Every change goes to the store first; then the one
note changed leaves or enters the list, the timeline and the pane in place (a row and a cue, not
a rebuild), so an episode with 100,000 notes takes a new one as fast as an empty one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from player.core.storage.database import StorageError
from player.core.storage.notes import Attachment, Note, NoteLine, NoteStore, line_of
from player.core.text import clip_words
from player.core.timefmt import format_ms
from player.core.timeline import Cue, CueKind
from player.ui.models.search_model import SearchRow
from player.ui.notes.clips import ClipLooper
from player.ui.notes.note_editor import NoteEditor
from player.ui.notes.notes_model import BOOKMARK, NotesModel
from player.ui.notes.notes_tab import NotesTab

if TYPE_CHECKING:
    from player.ui.open_episode import OpenEpisode
    from player.ui.shell import Shell

TRACK = "notes"
NOTE_GLOW_MS = 5_000  # how long a bare note stays lit once playback reaches it
NUDGE_MS = 1_000
MIN_CLIP_MS = 200
PREVIOUS_GRACE_MS = 1_500  # "previous note" just after a note goes to the one before it
NOTE_KINDS = frozenset({CueKind.NOTE})
ITEM_CUE_KINDS = (CueKind.QUOTE, CueKind.CONCEPT, CueKind.TAKEAWAY)
QUOTE_KINDS = frozenset({CueKind.QUOTE})


def line_cue(line: NoteLine, ref: int) -> Cue:
    """The note's cue on the window's timeline; ``ref`` names the note (``NotesController``)."""
    start, _, _, end, text = line
    return Cue(
        CueKind.NOTE,
        start,
        end if end is not None and end > start else start + NOTE_GLOW_MS,
        text or BOOKMARK,
        ref,
    )


def note_cue(note: Note, ref: int) -> Cue:
    return line_cue(line_of(note), ref)


def line_cues(lines: list[NoteLine]) -> list[Cue]:
    """Cues for the window's timeline; ``ref`` is the note's row in time order."""
    glow, bookmark, note = NOTE_GLOW_MS, BOOKMARK, CueKind.NOTE
    return [
        Cue(note, s, e if e is not None and e > s else s + glow, text or bookmark, i)
        for i, (s, _, _, e, text) in enumerate(lines)
    ]


class _Change(QUndoCommand):
    """One note going from ``before`` to ``after`` (None: not there), undone by the reverse."""

    def __init__(self, ctl: NotesController, before: Note | None, after: Note | None, text: str):
        super().__init__(text)
        self.ctl, self.before, self.after = ctl, before, after

    def redo(self) -> None:
        self.ctl._apply(self.before, self.after)

    def undo(self) -> None:
        self.ctl._apply(self.after, self.before)
        if self.after is None and self.before is not None:
            # Replaces "deleted, Ctrl+Z brings it back", which is no longer true.
            self.ctl._say(f"Note at {format_ms(self.before.start_ms)} is back.")


class _Relay(QObject):
    """Carries the write queue's sentences from its thread to the window's."""

    said = Signal(object)  # str | None


class NotesController(QObject):
    def __init__(
        self,
        window: Shell,
        store: NoteStore,
        episode: OpenEpisode | None = None,
        *,
        title_of: Callable[[str], str | None] = lambda _id: None,
    ):
        """``title_of`` names an episode by its id (All Notes lists every episode's notes)."""
        super().__init__(window.as_widget())
        self._title_of = title_of
        self.window = window
        self.store = store
        shown = episode or window.episode
        assert shown is not None, "notes need an episode to belong to"
        self.episode_id: str = shown.id
        self.model = NotesModel(self, fetch=self._read_note)
        self.undo_stack = QUndoStack(self)
        self.tab = NotesTab(self.model, window.side)
        window.add_tab(self.tab, "Notes")
        self.looper = ClipLooper(window, self)
        self.editor: NoteEditor | None = None
        self.pending_clip_start: int | None = None
        self.clip_id: str | None = None
        self._stars: set[tuple[str, int]] = set()
        # A cue's ref names its note for as long as the note is shown; refs are never reused,
        # so adding a note does not renumber the cues of the others.
        self._ref_of: dict[str, int] = {}
        self._shown: dict[int, NoteLine] = {}
        self._next_ref = 0
        # Whether the listener moved the keyboard to an item since the quote playing began:
        # only then do S and Shift+N act on that item instead of on the quote playing.
        self._chosen = False
        self._playing_quote: int | None = None
        for view in (window.pane, window.side.takeaway_view):
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, v=view: self._focus_moved(v, current)
            )

        slots: dict[str, Callable[[], object]] = {
            "note_capture": self.capture,
            "note_attach": lambda: self.capture(attach=True),
            "star": self.toggle_star,
            "clip_start": self.mark_clip_start,
            "clip_end": self.mark_clip_end,
            "clip_play": self.play_clip,
            "clip_start_earlier": lambda: self.nudge_clip(start=-NUDGE_MS),
            "clip_start_later": lambda: self.nudge_clip(start=+NUDGE_MS),
            "clip_end_earlier": lambda: self.nudge_clip(end=-NUDGE_MS),
            "clip_end_later": lambda: self.nudge_clip(end=+NUDGE_MS),
            "note_previous": self.previous_note,
            "note_next": self.next_note,
            "note_undo": self.undo_stack.undo,
            "note_redo": self.undo_stack.redo,
            "all_notes": self.show_all_notes,
            "notes_export": self.export,
            "notes_import": self.import_json,
        }
        actions = {name: window.action(name) for name in [*slots, "clip_loop"]}
        for name, slot in slots.items():
            actions[name].triggered.connect(lambda _=False, s=slot: s())
        self.loop_action = actions["clip_loop"]
        self.loop_action.toggled.connect(self._loop_toggled)
        self.looper.looping_changed.connect(self._loop_changed)
        actions["note_undo"].setEnabled(False)
        actions["note_redo"].setEnabled(False)
        self.undo_stack.canUndoChanged.connect(actions["note_undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(actions["note_redo"].setEnabled)
        # Notes and sync points share this history (Ctrl+Z undoes whatever came last), so the
        # menu says which it is: "Undo Add note", "Undo Sync point".
        self.undo_stack.undoTextChanged.connect(self._name_undo)
        self.undo_stack.redoTextChanged.connect(self._name_redo)

        self.tab.play_requested.connect(lambda n: self.window.play_from(n.start_ms))
        self.tab.edit_requested.connect(lambda n: self.edit(n))
        self.tab.delete_requested.connect(self.delete)
        self.tab.current_changed.connect(self._current_changed)
        window.clock.active_changed.connect(self._on_active)
        window.pane_model.modelReset.connect(self._check_episode)
        window.add_search_provider(self.search)
        self.banner = None  # a Banner once notes cannot be saved
        self._storage_trouble = False
        queue = getattr(store, "queue", None)
        if queue is not None:
            self._relay = _Relay(self)
            self._relay.said.connect(self._storage_said)
            queue.add_listener(self._relay.said.emit)
        self.reload()

    def _name_undo(self, text: str) -> None:  # a method: no call once this object is going
        self.window.action("note_undo").setText(f"&Undo {text}".strip())

    def _name_redo(self, text: str) -> None:
        self.window.action("note_redo").setText(f"&Redo {text}".strip())

    # reading ----------------------------------------------------------------------------------

    def notes(self) -> list[Note]:
        """This episode's notes, whole, in time order (read in one go: for exports)."""
        try:
            return self.store.for_episode(self.episode_id)
        except StorageError:
            return self.model.notes()

    def note_at(self, row: int) -> Note | None:
        """The note in row ``row`` of the Notes tab (time order)."""
        return self.model.note(row) if 0 <= row < self.model.rowCount() else None

    def shown_note(self, ref: int) -> Note | None:
        """The note a cue on the timeline stands for (its ``ref``)."""
        line = self._shown.get(ref)
        return self.model.note_of(line) if line is not None else None

    def note_by_id(self, note_id: str) -> Note | None:
        row = self.model.row_of(note_id)
        return self.model.note(row) if row is not None else None

    def _read_note(self, note_id: str) -> Note | None:
        try:
            return self.store.get(note_id)
        except StorageError:
            return None

    def reload(self) -> None:
        """Rebuild the list, the cues and the stars from the store.

        Notes are read as lines, not whole (``NoteStore.outline``): with 100,000 of them that
        is most of the time an episode takes to open. Python's cyclic collector is held off
        meanwhile: the lines and cues hold no cycles, and it would otherwise walk the growing
        heap again and again while they are made.
        """
        current = self.tab.current_note()
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._load()
        finally:
            if collecting:
                gc.enable()
        if current is not None:
            self.tab.select(current.id)
        self._show_count()

    def _load(self) -> None:
        try:
            lines = self.store.outline(self.episode_id)
            self._stars = self.store.stars(self.episode_id)
        except StorageError as e:
            self._say(str(e))
            lines = []
        self.model.episode_id = self.episode_id
        self.model.set_lines(lines)
        self._ref_of = dict(zip((line[2] for line in lines), range(len(lines)), strict=True))
        self._shown = dict(enumerate(lines))
        self._next_ref = len(lines)
        self.window.set_track(TRACK, line_cues(lines))
        self._show_stars()

    def _show_count(self) -> None:
        title = f"Notes ({self.model.rowCount()})"
        side = self.window.side
        i = side.indexOf(self.tab)
        if side.tabText(i) != title:  # an edit keeps the count: the tab bar is not laid out again
            self.tab.setAccessibleName(title)
            side.setTabText(i, title)

    def _place(self, note: Note) -> None:
        ref, self._next_ref = self._next_ref, self._next_ref + 1
        self._ref_of[note.id] = ref
        self._shown[ref] = line_of(note)
        self.model.insert_note(note)
        self.window.add_cue(TRACK, note_cue(note, ref))

    def _replace(self, before: Note, after: Note) -> bool:
        """An edit that keeps the note where it was (its words, its tags): changed in place, so
        the list does not move under the listener. False when it moves: taken out and put back."""
        ref = self._ref_of.get(before.id)
        if ref is None or after.id != before.id or after.episode_id != self.episode_id:
            return False
        if self.model.replace_note(after) is None:
            return False
        shown, self._shown[ref] = self._shown[ref], line_of(after)
        self.window.replace_cue(TRACK, line_cue(shown, ref), note_cue(after, ref))
        return True

    def _take(self, note_id: str) -> None:
        ref = self._ref_of.pop(note_id, None)
        if ref is None:
            return
        shown = self._shown.pop(ref)
        self.model.remove_note(note_id)
        self.window.remove_cue(TRACK, line_cue(shown, ref))

    def _check_episode(self) -> None:
        episode = self.window.episode
        if episode is not None and episode.id != self.episode_id:
            self.episode_id = episode.id
            self.undo_stack.clear()
            self.looper.stop()
            self.pending_clip_start = None
            self.clip_id = None
            QTimer.singleShot(0, self.reload)  # not from inside the pane's own reset

    def _on_active(self, cues: list[Cue]) -> None:
        quote = next((c.ref for c in cues if c.kind == CueKind.QUOTE), None)
        if quote is not None and quote != self._playing_quote:
            self._playing_quote = quote
            self._chosen = False
        shown = self._shown
        self.model.set_active(
            shown[c.ref][2] for c in cues if c.kind == CueKind.NOTE and c.ref in shown
        )

    def search(self, query: str) -> list[SearchRow]:
        try:
            hits = self.store.search(query, self.episode_id)
        except StorageError:
            return []
        return [
            SearchRow(
                "note",
                h.note.text or BOOKMARK,
                h.spans if h.note.text else (),
                h.note.start_ms,
                ("note", h.note.id),
            )
            for h in hits
        ]

    # writing ----------------------------------------------------------------------------------

    def _apply(self, before: Note | None, after: Note | None) -> None:
        try:
            if after is not None:
                self.store.put(after)
            elif before is not None:
                self.store.delete(before.id)
        except StorageError as e:
            self._say(f"Could not save the note: {e}")
            self.reload()  # show what the store holds
        else:
            if not (before and after and self._replace(before, after)):
                if before is not None:
                    self._take(before.id)
                if after is not None:
                    self._take(after.id)  # the same note edited: it moves to its new place
                    if after.episode_id == self.episode_id:
                        self._place(after)
            self._show_count()
        if after is not None:
            self.tab.select(after.id)
            self.looper.update(after)

    def _push(self, before: Note | None, after: Note | None, text: str) -> None:
        self.undo_stack.push(_Change(self, before, after, text))

    def add(self, note: Note, what: str = "Add note") -> Note:
        self._push(None, note, what)
        return note

    def save_edit(self, note: Note, text: str, tags: list[str]) -> Note:
        edited = Note.model_validate(
            {**note.model_dump(), "text": text, "tags": tags, "updated_at": _now()}
        )
        if (edited.text, edited.tags) != (note.text, note.tags):
            self._push(note, edited, "Edit note")
        return edited

    def move(self, note: Note, start_ms: int) -> Note:
        """Give ``note`` another moment; a clip keeps its length."""
        start_ms = max(0, int(start_ms))
        end = None if note.end_ms is None else note.end_ms + start_ms - note.start_ms
        moved = note.model_copy(update={"start_ms": start_ms, "end_ms": end, "updated_at": _now()})
        if start_ms != note.start_ms:
            self._push(note, moved, "Change note's time")
            self._say(f"Note moved to {format_ms(start_ms)}. Ctrl+Z moves it back.")
        return moved

    def delete(self, note: Note) -> None:
        self._push(note, None, "Delete note")
        self._say(f"Note at {format_ms(note.start_ms)} deleted. Ctrl+Z brings it back.")

    # capturing --------------------------------------------------------------------------------

    def capture(self, attach: bool = False) -> Note | None:
        """Note the moment of the key press, then open the editor (Esc keeps a bookmark)."""
        now = max(0, self.window.clock.brief_ms())  # first: the audio keeps playing
        attached = None
        if attach:
            item = self.selected_item()
            if item is None:
                self._say("Select a quote, concept or takeaway first; noted the moment instead.")
            else:
                attached, at = item
                now = at if at is not None else now
        note = self.add(Note(episode_id=self.episode_id, start_ms=now, attached=attached))
        self.edit(note, fresh=True)
        return note

    def edit(self, note: Note, *, fresh: bool = False) -> NoteEditor:
        if self.editor is not None:
            self.editor.accept()
        editor = NoteEditor(note, self.window.as_widget(), fresh=fresh)
        editor.accepted.connect(lambda: self.save_edit(note, editor.text(), editor.tags()))
        editor.finished.connect(lambda _r: self._editor_closed(editor))
        self.editor = editor
        editor.show()
        editor.activateWindow()
        return editor

    def _editor_closed(self, editor: NoteEditor) -> None:
        if self.editor is editor:
            self.editor = None
            # Back to the window, so the next N, A or Space works without a click first.
            self.window.as_widget().activateWindow()
        editor.deleteLater()

    def _focus_moved(self, view: QWidget, current: object) -> None:
        """A move counts when the view holds the window's keyboard (a click, the arrows), not
        when the view changes its current row by itself (a reset, a reload)."""
        holds_keys = view.hasFocus() or view.window().focusWidget() is view
        if holds_keys and getattr(current, "isValid", lambda: False)():
            self._chosen = True

    def selected_item(self) -> tuple[Attachment, int | None] | None:
        """The item "the quote" means: the one the listener moved the keyboard to since the
        quote playing began, else the quote playing (the last one reached), and its moment."""
        if not self._chosen:
            playing = self._quote_at_playhead()
            if playing is not None:
                return playing
        return self._chosen_item()

    def _quote_at_playhead(self) -> tuple[Attachment, int | None] | None:
        w = self.window
        cue = w.timeline.previous_start_before(w.clock.brief_ms() + 1, QUOTE_KINDS)
        quotes = w.episode.brief.quotes if w.episode else []
        if cue is None or cue.ref >= len(quotes):
            return None
        return Attachment(kind="quote", ref=cue.ref, label=quotes[cue.ref].text), cue.start_ms

    def _chosen_item(self) -> tuple[Attachment, int | None] | None:
        w = self.window
        brief = w.episode.brief
        takeaways = w.side.takeaway_view
        pane_index = w.pane.currentIndex()
        take_index = takeaways.currentIndex()
        if take_index.isValid() and (takeaways.hasFocus() or not pane_index.isValid()):
            ref = take_index.row()
            times = [round(s * 1000) for s in brief.takeaways[ref].at]
            label = brief.takeaways[ref].text
            return Attachment(kind="takeaway", ref=ref, label=label), (times[0] if times else None)
        if pane_index.isValid():
            cue = w.pane_model.row(pane_index.row()).cue
            if cue.kind == CueKind.QUOTE and cue.ref < len(brief.quotes):
                label = brief.quotes[cue.ref].text
            elif cue.kind == CueKind.CONCEPT and cue.ref < len(brief.concepts):
                label = brief.concepts[cue.ref].name
            else:
                return None
            return Attachment(kind=cue.kind.value, ref=cue.ref, label=label), cue.start_ms
        return None

    # stars ------------------------------------------------------------------------------------

    def toggle_star(self) -> bool | None:
        """Star the selected item, or unstar it; returns whether it is starred now."""
        item = self.selected_item()
        if item is None:
            self._say("Select a quote, concept or takeaway to star it.")
            return None
        a = item[0]
        return self.set_star(a.kind, a.ref, (a.kind, a.ref) not in self._stars, a.label)

    def stars(self) -> set[tuple[str, int]]:
        """(kind, ref) of every starred quote, concept and takeaway of the episode."""
        return set(self._stars)

    def set_star(self, kind: str, ref: int, starred: bool, label: str = "") -> bool | None:
        """Star or unstar one item; returns whether it is starred now (None: not saved)."""
        try:
            if starred:
                self.store.star(self.episode_id, kind, ref)
            else:
                self.store.unstar(self.episode_id, kind, ref)
            self._stars = self.store.stars(self.episode_id)
        except StorageError as e:
            self._say(str(e))
            return None
        self._show_stars()
        self._say(f"{'Starred' if starred else 'Unstarred'} {kind}: {clip_words(label)}")
        return starred

    def _show_stars(self) -> None:
        self.window.pane_model.set_starred(self._stars)
        self.window.side.takeaway_model.set_starred(
            {ref for kind, ref in self._stars if kind == "takeaway"}
        )

    # clips ------------------------------------------------------------------------------------

    def mark_clip_start(self) -> None:
        self.pending_clip_start = max(0, self.window.clock.brief_ms())
        self._say(f"Clip starts at {format_ms(self.pending_clip_start)}; press B at its end.")

    def mark_clip_end(self) -> Note | None:
        end = self.window.clock.brief_ms()
        start = self.pending_clip_start
        if start is None:
            self._say("Press A where the clip starts, then B where it ends.")
            return None
        if end - start < MIN_CLIP_MS:
            self._say("A clip ends after it starts: press B later in the episode than A.")
            return None
        self.pending_clip_start = None
        clip = self.add(Note(episode_id=self.episode_id, start_ms=start, end_ms=end), "Add clip")
        self.clip_id = clip.id
        self.edit(clip, fresh=True)
        return clip

    def current_clip(self) -> Note | None:
        """The clip selected in the Notes tab, else the last one made or played."""
        note = self.tab.current_note()
        if note is not None and note.is_clip:
            return note
        if self.clip_id is not None:
            row = self.model.row_of(self.clip_id)
            if row is not None:
                return self.model.note(row)
        return None

    def play_clip(self) -> None:
        clip = self.current_clip()
        if clip is None:
            self._say("No clip: mark one with A and B, or select one in the Notes tab.")
            return
        self.clip_id = clip.id
        self.window.play_from(clip.start_ms)

    def _loop_toggled(self, on: bool) -> None:
        if not on:
            self.looper.stop()
            return
        clip = self.current_clip()
        if clip is None:
            self._say("No clip to loop: mark one with A and B first.")
            self.loop_action.setChecked(False)
            return
        self.clip_id = clip.id
        self.looper.start(clip)
        self._say(f"Looping {format_ms(clip.start_ms)}–{format_ms(clip.end_ms or 0)}")

    def _loop_changed(self, looping: bool) -> None:
        if self.loop_action.isChecked() != looping:
            self.loop_action.setChecked(looping)

    def nudge_clip(self, *, start: int = 0, end: int = 0) -> Note | None:
        clip = self.current_clip()
        if clip is None or clip.end_ms is None:
            self._say("No clip selected to adjust.")
            return None
        new_start = max(0, clip.start_ms + start)
        new_end = clip.end_ms + end
        if new_end - new_start < MIN_CLIP_MS:
            return None
        moved = clip.model_copy(
            update={"start_ms": new_start, "end_ms": new_end, "updated_at": _now()}
        )
        self._push(clip, moved, "Adjust clip")
        self._say(f"Clip {format_ms(new_start)}–{format_ms(new_end)}")
        return moved

    # moving -----------------------------------------------------------------------------------

    def next_note(self) -> None:
        cue = self.window.timeline.next_start_after(self.window.clock.brief_ms(), NOTE_KINDS)
        if cue is not None:
            self.window.seek_brief(cue.start_ms)

    def previous_note(self) -> None:
        now = self.window.clock.brief_ms()
        cue = self.window.timeline.previous_start_before(now - PREVIOUS_GRACE_MS, NOTE_KINDS)
        if cue is not None:
            self.window.seek_brief(cue.start_ms)

    # dialogs ----------------------------------------------------------------------------------

    def title_of(self, episode_id: str) -> str:
        try:
            return self._title_of(episode_id) or episode_id
        except StorageError:
            return episode_id

    def show_all_notes(self) -> QWidget:
        from player.ui.notes.all_notes import AllNotesDialog

        dialog = AllNotesDialog(
            self.store, self.episode_id, self.window.as_widget(), title_of=self.title_of
        )
        dialog.note_chosen.connect(self.go_to)
        dialog.show()
        self.all_notes_dialog = dialog
        return dialog

    def go_to(self, note: Note) -> None:
        if note.episode_id == self.episode_id:
            self.window.play_from(note.start_ms)
        else:
            self._say(
                f"That note belongs to “{self.title_of(note.episode_id)}”; open it from the "
                "Library (Ctrl+B) to hear the moment."
            )

    def export(self) -> None:
        from player.ui.notes.transfer import choose_and_export

        choose_and_export(self.window, self.store, self.episode_id, self.window.episode)

    def import_json(self) -> None:
        from player.ui.notes.transfer import choose_and_import

        if choose_and_import(self.window, self.store):
            self.undo_stack.clear()  # imported notes are not undone note by note
            self.reload()

    # status -----------------------------------------------------------------------------------

    def _current_changed(self, note: Note | None) -> None:
        if note is not None and note.is_clip:
            self.clip_id = note.id

    def _say(self, message: str) -> None:
        self.window.show_status(message, 6_000)

    def _storage_said(self, message: str | None) -> None:
        """Busy or failing writes stay on show until they are saved; then say so briefly."""
        if message:
            self._storage_trouble = True
            self.window.show_status(message, 0)
        elif self._storage_trouble:
            self._storage_trouble = False
            self.window.show_status("Notes saved.", 4_000)

    def show_not_saving(self, reason: str) -> None:
        """A lasting notice above the notes when they cannot be saved, with the reason and the
        way to keep them (export)."""
        from player.ui.widgets.header import Banner

        if self.banner is None:
            self.banner = Banner(self.tab)
            self.banner.message.setAccessibleName("Notes are not being saved")
            self.banner.action_clicked.connect(self.export)
            self.tab.layout().insertWidget(0, self.banner)
        self.banner.show_message(
            "error",
            f"{reason[:1].upper()}{reason[1:]} Export your notes to keep them.",
            action="Export Notes…",
        )


def _now() -> str:
    from player.core.storage.database import utc_now

    return utc_now()
