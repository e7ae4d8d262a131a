"""A menu on every item with a moment: the pane's quotes, concepts and notes, the takeaways, the
Notes tab, the transcript's lines and the starred items.

Each list says which ``Moment`` a row is; the menu is built from the moment alone, so "Copy with
Time" or "Star" does the same thing wherever it is chosen. The Edit menu's Copy works on the list
that has the keyboard (or the quote playing), and Copy Link gives a ``brief-player://`` link to
the moment being heard.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu

from player.core.moment_link import moment_url
from player.core.moments import Moment, copy_text
from player.core.storage.notes import Attachment, Note
from player.core.timefmt import format_ms
from player.core.timeline import CueKind
from player.ui.models.pane_model import Role
from player.ui.moments.starred import StarredTab, starred_moments
from player.ui.widgets.time_dialog import TimeDialog

if TYPE_CHECKING:
    from player.ui.moments.notes_port import NotesPort
    from player.ui.shell import Shell

MomentOf = Callable[[QModelIndex], "Moment | None"]
QUOTES = frozenset({CueKind.QUOTE})


class MomentsController(QObject):
    def __init__(self, shell: Shell, notes: NotesPort) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self._notes = notes
        self._views: list[tuple[QAbstractItemView, MomentOf]] = []
        self.menu: QMenu | None = None  # the menu last shown, for keyboard users and tests
        self.time_dialog: TimeDialog | None = None

        self.starred = StarredTab(shell.side)
        shell.add_tab(self.starred, "Starred")
        shell.side.setTabVisible(shell.side.indexOf(self.starred), False)
        self.starred.moment_chosen.connect(self.play)
        shell.pane_model.dataChanged.connect(self._pane_changed)
        shell.pane_model.modelReset.connect(self._refresh_starred)

        self.attach(shell.pane, self._pane_moment)
        self.attach(shell.side.takeaway_view, self._takeaway_moment)
        self.attach(self.starred.list, lambda i: self.starred.moment_at(i.row()))
        shell.action("copy").triggered.connect(lambda _=False: self.copy_current())
        shell.action("copy_link").triggered.connect(lambda _=False: self.copy_link_now())
        shell.action("show_starred").triggered.connect(lambda _=False: self.show_starred())
        self._refresh_starred()

    # lists ------------------------------------------------------------------------------------

    def attach(self, view: QAbstractItemView, moment_of: MomentOf) -> None:
        """Give ``view`` the moment menu (right-click, the Menu key, Shift+F10)."""
        self._views.append((view, moment_of))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos, v=view, f=moment_of: self._menu_requested(v, f, pos)
        )

    def attach_notes(self, view: QAbstractItemView) -> None:
        """The Notes tab: its rows are the notes in the order ``notes()`` gives them."""
        self.attach(view, lambda i: self._note_moment(i.row()))

    def attach_transcript(self, view: QAbstractItemView) -> None:
        def moment(index: QModelIndex) -> Moment | None:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            cue = view.model().cue(index.row())  # type: ignore[attr-defined]
            return Moment("transcript", cue.start_ms, str(text or cue.text), cue.ref)

        self.attach(view, moment)

    def _pane_moment(self, index: QModelIndex) -> Moment | None:
        cue = self._shell.pane_model.row(index.row()).cue
        if cue.kind == CueKind.NOTE:
            return _moment_of_note(self._notes.shown_note(cue.ref))
        row = self._shell.pane_model.row(index.row())
        text = row.title if cue.kind == CueKind.CONCEPT else row.body
        return Moment(cue.kind.value, cue.start_ms, text, cue.ref)

    def _takeaway_moment(self, index: QModelIndex) -> Moment | None:
        episode = self._shell.episode
        if episode is None or index.row() >= len(episode.brief.takeaways):
            return None
        t = episode.brief.takeaways[index.row()]
        at = round(min(t.at) * 1000) if t.at else None
        return Moment("takeaway", at, t.text, index.row())

    def _note_moment(self, row: int) -> Moment | None:
        return _moment_of_note(self._notes.note_at(row))

    # the menu ---------------------------------------------------------------------------------

    def _menu_requested(self, view: QAbstractItemView, moment_of: MomentOf, pos: QPoint) -> None:
        index = view.indexAt(pos) if not pos.isNull() else view.currentIndex()
        if not index.isValid():
            index = view.currentIndex()
        moment = moment_of(index) if index.isValid() else None
        if moment is None:
            return
        view.setCurrentIndex(index)
        menu = self.menu_for(moment)
        menu.popup(
            view.viewport().mapToGlobal(view.visualRect(index).center() if pos.isNull() else pos)
        )

    def menu_for(self, moment: Moment) -> QMenu:
        if self.menu is not None:
            self.menu.deleteLater()
        menu = QMenu(self._shell.as_widget())
        menu.setObjectName("moment_menu")
        timed = moment.start_ms is not None
        if timed:
            menu.addAction(f"Play from {format_ms(moment.start_ms)}", lambda: self.play(moment))
        menu.addAction("Copy with Time", lambda: self.copy(moment)).setShortcut("Ctrl+C")
        if timed:
            menu.addAction("Copy Link to This Moment", lambda: self.copy_link(moment))
        menu.addSeparator()
        if moment.starrable:
            starred = (moment.kind, moment.ref) in self._notes.stars()
            menu.addAction(
                "Unstar" if starred else "Star", lambda: self.star(moment, not starred)
            ).setShortcut("S")
        if timed:
            menu.addAction("Add a Note Here…", lambda: self.add_note(moment))
        note = self._note(moment)
        if note is not None:
            menu.addAction("Edit Note…", lambda: self._notes.edit(note)).setShortcut("F2")
            menu.addAction("Change Note's Time…", lambda: self.change_time(note))
            menu.addAction("Delete Note", lambda: self._notes.delete(note)).setShortcut("Delete")
        self.menu = menu
        return menu

    # what the items do ------------------------------------------------------------------------

    def play(self, moment: Moment) -> None:
        if moment.start_ms is not None:
            self._shell.play_from(moment.start_ms)

    def copy(self, moment: Moment) -> str:
        episode = self._shell.episode
        text = copy_text(moment, episode.display_title() if episode else "")
        QGuiApplication.clipboard().setText(text)
        self._shell.show_status(f"Copied: {text[:80]}")
        return text

    def copy_link(self, moment: Moment) -> str | None:
        episode = self._shell.episode
        if episode is None or moment.start_ms is None:
            return None
        url = moment_url(episode.id, moment.start_ms)
        # Plain text only: a QMimeData made here would be freed by the clipboard at exit from
        # the wrong side of the bindings and crash the quit. A bare link pastes as a link.
        QGuiApplication.clipboard().setText(url)
        self._shell.show_status(f"Copied a link to {format_ms(moment.start_ms)}: {url}")
        return url

    def copy_link_now(self) -> str | None:
        now = max(0, self._shell.clock.brief_ms())
        return self.copy_link(Moment("moment", now, ""))

    def copy_current(self) -> str | None:
        """Edit ▸ Copy: the focused list's current item, else the quote playing."""
        focus = QApplication.focusWidget()
        for view, moment_of in self._views:
            if focus is view or (focus is not None and view.isAncestorOf(focus)):
                index = view.currentIndex()
                moment = moment_of(index) if index.isValid() else None
                if moment is not None:
                    return self.copy(moment)
        now = self._shell.clock.brief_ms()
        quotes = self._shell.timeline.active_at(now, QUOTES)
        episode = self._shell.episode
        if quotes and episode is not None and quotes[-1].ref < len(episode.brief.quotes):
            q = quotes[-1]
            return self.copy(Moment("quote", q.start_ms, episode.brief.quotes[q.ref].text, q.ref))
        return self.copy_link_now()

    def star(self, moment: Moment, starred: bool) -> None:
        self._notes.set_star(moment.kind, moment.ref, starred, moment.text)

    def add_note(self, moment: Moment) -> Note | None:
        episode = self._shell.episode
        if episode is None or moment.start_ms is None:
            return None
        attached = None
        if moment.starrable:  # a quote, concept or takeaway: the note is about it
            attached = Attachment(kind=moment.kind, ref=moment.ref, label=moment.text)
        note = self._notes.add(
            Note(episode_id=episode.id, start_ms=moment.start_ms, attached=attached)
        )
        self._notes.edit(note, fresh=True)
        return note

    def change_time(self, note: Note) -> TimeDialog:
        shell = self._shell
        length = shell.playback.duration_ms() or (shell.episode.end_ms() if shell.episode else 0)
        dialog = TimeDialog(
            shell.as_widget(), note.start_ms, length, title="Change Note's Time", prompt="Move to:"
        )
        dialog.accepted.connect(lambda: self._notes.move(note, dialog.target_ms or 0))
        dialog.open()
        self.time_dialog = dialog
        return dialog

    def _note(self, moment: Moment) -> Note | None:
        if moment.note_id is None:
            return None
        return self._notes.note_by_id(moment.note_id)

    # starred ----------------------------------------------------------------------------------

    def _pane_changed(self, _first: object, _last: object, roles: Sequence[int] = ()) -> None:
        if Role.STARRED in roles:
            self._refresh_starred()

    def _refresh_starred(self) -> None:
        episode = self._shell.episode
        moments = starred_moments(episode.brief, self._notes.stars()) if episode else []
        self.starred.set_moments(moments)
        side = self._shell.side
        index = side.indexOf(self.starred)
        side.setTabText(index, f"Starred ({len(moments)})")
        # A tab only once something is starred (or asked for), so the side panel's tabs fit.
        if moments and not side.isTabVisible(index):
            side.setTabVisible(index, True)

    def show_starred(self) -> None:
        side = self._shell.side
        side.setTabVisible(side.indexOf(self.starred), True)
        side.setCurrentWidget(self.starred)
        self.starred.list.setFocus()


def _moment_of_note(note: Note | None) -> Moment | None:
    if note is None:
        return None
    return Moment("note", note.start_ms, note.text or "Bookmark", note_id=note.id)
