"""Chapters in the window: a side tab listing them, the current one by the transport, keys.

The list is rebuilt whenever the timeline the window follows is replaced (a chapters file or
embedded chapters arrive, another episode opens); the current chapter is found on every clock
tick by a bisect, so a three-hour episode with a hundred chapters costs nothing extra.
Go to Time and the time-left toggle live here too: both are about finding a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.core.navigation.chapters import ChapterList, chapter_list
from player.core.timefmt import format_clock, format_ms
from player.ui.settings import SHOW_TOTAL, read, write
from player.ui.widgets.time_dialog import TimeDialog

if TYPE_CHECKING:
    from player.core.timeline import Timeline
    from player.ui.shell import Shell

FROM_BRIEF_NOTE = "This audio has no chapters: these are the brief's concepts, where each comes up."
LABEL_CHARS = 40


class ChaptersController(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.as_widget())
        self._shell = shell
        self.chapters = ChapterList((), from_brief=True)
        self._built_for: Timeline | None = None
        self._current: int | None = None

        self.page = QWidget(shell.side)
        self.note = QLabel("", self.page)
        self.note.setWordWrap(True)
        self.note.setObjectName("chapters_note")
        self.list = QListWidget(self.page)
        self.list.setObjectName("chapters_list")
        self.list.setAccessibleName("Chapters")
        self.list.setUniformItemSizes(True)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        shell.add_tab(self.page, "Chapters")
        self.list.itemActivated.connect(self._item_chosen)
        self.list.itemClicked.connect(self._item_chosen)

        self.current_button = QToolButton(shell.transport)
        self.current_button.setObjectName("current_chapter")
        self.current_button.setAutoRaise(True)
        self.current_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.current_button.setAccessibleName("Current chapter")
        self.current_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.current_button.clicked.connect(self.show_list)
        shell.transport.add_widget(self.current_button)

        for name, slot in {
            "previous_chapter": self.previous_chapter,
            "next_chapter": self.next_chapter,
            "go_to_time": self.go_to_time,
            "show_chapters": self.show_list,
        }.items():
            shell.action(name).triggered.connect(lambda _=False, s=slot: s())
        total = shell.action("show_total_time")
        total.setChecked(read(shell.settings, SHOW_TOTAL))
        shell.transport.set_show_total(total.isChecked())
        total.toggled.connect(self._set_show_total)
        shell.transport.time_mode_clicked.connect(total.toggle)

        shell.clock.time_changed.connect(self._tick)
        shell.episode_changed.connect(self.rebuild)
        shell.playback.duration_changed.connect(lambda _ms: self.rebuild())
        self.rebuild()

    # the list ---------------------------------------------------------------------------------

    def rebuild(self) -> None:
        shell = self._shell
        episode = shell.episode
        self._built_for = shell.timeline
        if episode is None:
            self.chapters = ChapterList((), from_brief=True)
        else:
            end = shell.playback.duration_ms() or episode.end_ms()
            self.chapters = chapter_list(shell.timeline, episode.brief, end)
        self.list.clear()
        hours = bool(self.chapters) and self.chapters.chapters[-1].start_ms >= 3_600_000
        for c in self.chapters.chapters:
            at = format_clock(c.start_ms / 1000, always_hours=hours)  # one column of times
            item = QListWidgetItem(f"{at}   {c.title}")
            item.setData(Qt.ItemDataRole.UserRole, c.start_ms)
            item.setToolTip(f"{c.title} ({format_ms(c.end_ms - c.start_ms)})")
            self.list.addItem(item)
        if not self.chapters:
            self.note.setText("No chapters: File ▸ Open Transcript or Chapters… loads a file.")
        else:
            self.note.setText(FROM_BRIEF_NOTE if self.chapters.from_brief else "")
        self.note.setVisible(bool(self.note.text()))
        self._current = None
        self._show_current(shell.clock.brief_ms())

    def _tick(self, t_ms: int) -> None:
        if self._shell.timeline is not self._built_for:
            self.rebuild()  # rebuild shows the current chapter itself
            return
        self._show_current(t_ms)

    def _show_current(self, t_ms: int) -> None:
        i = self.chapters.index_at(t_ms)
        if i == self._current and self.current_button.isVisible() == bool(self.chapters):
            return
        if self._current is not None and self._current < self.list.count():
            self.list.item(self._current).setFont(QFont())
        self._current = i
        self.current_button.setVisible(bool(self.chapters))
        if i is None:
            self.current_button.setText("")
            self.current_button.setToolTip("Chapters (Ctrl+Shift+H)")
            return
        chapter = self.chapters.chapters[i]
        bold = QFont()
        bold.setBold(True)
        self.list.item(i).setFont(bold)
        self.list.setCurrentRow(i)
        title = chapter.title
        short = title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1] + "…"
        self.current_button.setText(f"§ {short}")
        self.current_button.setToolTip(
            f"Chapter {i + 1} of {len(self.chapters)}: {title}\n"
            "Click for the list; Ctrl+Shift+← / → for the previous or next chapter"
        )
        self.current_button.setAccessibleDescription(f"Chapter {i + 1} of {len(self.chapters)}")

    def chapters_end(self, t_ms: int) -> int | None:
        """Where the chapter playing at ``t_ms`` ends (for the sleep timer)."""
        return self.chapters.end_of(t_ms)

    def current_title(self) -> str | None:
        i = self.chapters.index_at(self._shell.clock.brief_ms())
        return self.chapters.chapters[i].title if i is not None else None

    def show_list(self) -> None:
        self._shell.side.setCurrentWidget(self.page)
        self.list.setFocus()

    def _item_chosen(self, item: QListWidgetItem) -> None:
        self._shell.play_from(int(item.data(Qt.ItemDataRole.UserRole)))

    # keys -------------------------------------------------------------------------------------

    def next_chapter(self) -> None:
        target = self.chapters.next_start(self._shell.clock.brief_ms())
        if target is None:
            self._shell.show_status("This is the last chapter.")
            return
        self._shell.seek_brief(target)

    def previous_chapter(self) -> None:
        target = self.chapters.previous_start(self._shell.clock.brief_ms())
        self._shell.seek_brief(target if target is not None else 0)

    def go_to_time(self) -> TimeDialog:
        shell = self._shell
        length = shell.playback.duration_ms() or (shell.episode.end_ms() if shell.episode else 0)
        dialog = TimeDialog(shell.as_widget(), shell.playback.now_ms(), length)
        dialog.accepted.connect(lambda: self._go(dialog.target_ms))
        dialog.open()
        return dialog

    def _go(self, target_ms: int | None) -> None:
        if target_ms is not None:
            self._shell.playback.seek(target_ms)
            self._shell.show_status(f"At {format_ms(target_ms)}")

    def _set_show_total(self, total: bool) -> None:
        self._shell.transport.set_show_total(total)
        write(self._shell.settings, SHOW_TOTAL, total)
