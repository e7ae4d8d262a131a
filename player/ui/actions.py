"""Every command of the window as a QAction with its shortcuts, defined in one table.

The menus, the keyboard and the shortcuts dialog all read this table, so a key listed in Help is
a key that works.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from player.core.record import Record, init

SIDE_TAB_KEYS = 5  # Alt+1 … Alt+5


class ActionSpec(Record):
    __slots__ = ("name", "text", "keys", "menu", "checkable")
    name: str
    text: str
    keys: tuple[str, ...]
    menu: str  # File, Edit, Playback, View, Notes, Help; "File ▸ Export" is a submenu
    checkable: bool

    def __init__(
        self, name: str, text: str, keys: tuple[str, ...], menu: str, checkable: bool = False
    ) -> None:
        init(self, "name", name)
        init(self, "text", text)
        init(self, "keys", keys)
        init(self, "menu", menu)
        init(self, "checkable", checkable)


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("library", "&Library…", ("Ctrl+B", "Ctrl+Shift+L"), "File"),
    ActionSpec("open_brief", "&Open Brief…", ("Ctrl+O",), "File"),
    ActionSpec("attach_audio", "&Attach Audio…", ("Ctrl+Shift+O",), "File"),
    ActionSpec("get_real_episode", "&Get the Real Episode…", (), "File"),
    ActionSpec("find_in_feed", "&Find This Episode in a Feed…", (), "File"),
    ActionSpec("open_track", "Open &Transcript or Chapters…", ("Ctrl+T",), "File"),
    ActionSpec("export_chapters", "&Chapters JSON…", (), "File ▸ Export"),
    ActionSpec("export_webvtt", "&WebVTT…", (), "File ▸ Export"),
    ActionSpec("preferences", "&Preferences…", ("Ctrl+,",), "File"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "File"),
    ActionSpec("copy", "&Copy with Time", ("Ctrl+C",), "Edit"),
    ActionSpec("copy_link", "Copy &Link to This Moment", ("Ctrl+Shift+C",), "Edit"),
    ActionSpec("play_pause", "&Play / Pause", ("Space", "K", "Media Play"), "Playback"),
    ActionSpec("back", "&Back", ("Shift+Left", "J"), "Playback"),
    ActionSpec("forward", "&Forward", ("Shift+Right", "L"), "Playback"),
    ActionSpec("back_small", "Back 5 s", ("Left",), "Playback"),
    ActionSpec("forward_small", "Forward 5 s", ("Right",), "Playback"),
    ActionSpec("previous_cue", "Pre&vious Quote", ("Ctrl+Left", "Media Previous"), "Playback"),
    ActionSpec("next_cue", "&Next Quote", ("Ctrl+Right", "Media Next"), "Playback"),
    ActionSpec("previous_chapter", "Previous C&hapter", ("Ctrl+Shift+Left",), "Playback"),
    ActionSpec("next_chapter", "Next Ch&apter", ("Ctrl+Shift+Right",), "Playback"),
    ActionSpec("go_to_time", "&Go to Time…", ("Ctrl+G",), "Playback"),
    ActionSpec("slower", "&Slower", ("[",), "Playback"),
    ActionSpec("faster", "&Faster", ("]",), "Playback"),
    ActionSpec("normal_speed", "Normal Spee&d", ("=",), "Playback"),
    ActionSpec("volume_up", "Volume &Up", ("Ctrl+Up",), "Playback"),
    ActionSpec("volume_down", "Volume Do&wn", ("Ctrl+Down",), "Playback"),
    ActionSpec("skip_silence", "Skip S&ilence", ("Shift+S",), "Playback", checkable=True),
    ActionSpec("mute", "&Mute", ("M",), "Playback", checkable=True),
    ActionSpec("boost", "Volume &Boost", ("Shift+V",), "Playback", checkable=True),
    ActionSpec("boost_6", "+&6 dB", (), "Playback ▸ Boost Level", checkable=True),
    ActionSpec("boost_12", "+1&2 dB", (), "Playback ▸ Boost Level", checkable=True),
    ActionSpec("sleep_off", "&Off", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sleep_15", "&15 Minutes", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sleep_30", "&30 Minutes", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sleep_45", "&45 Minutes", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sleep_60", "&60 Minutes", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sleep_chapter", "End of &Chapter", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sleep_quote", "End of &Quote", (), "Playback ▸ Sleep Timer", checkable=True),
    ActionSpec("sync_here", "S&ync Selected Quote to Now", ("Ctrl+J",), "Playback"),
    ActionSpec("sync_points", "Sync &Points…", ("Ctrl+Shift+J",), "Playback"),
    ActionSpec("find_quotes", "Find &Quotes in This Audio…", ("Ctrl+Shift+F",), "Playback"),
    ActionSpec("search", "&Search", ("Ctrl+F", "/"), "View"),
    ActionSpec("follow", "&Follow Playback", ("F",), "View", checkable=True),
    ActionSpec("back_to_now", "Back to &Now", ("Ctrl+N",), "View"),
    ActionSpec("show_chapters", "C&hapters", ("Ctrl+Shift+H",), "View"),
    ActionSpec("show_starred", "St&arred Items", ("Ctrl+Shift+S",), "View"),
    ActionSpec("show_total_time", "Show Total &Time", (), "View", checkable=True),
    ActionSpec("show_transcript", "&Transcript", ("Ctrl+Shift+T",), "View"),
    ActionSpec("next_tab", "Ne&xt Side Tab", ("Ctrl+Tab", "Ctrl+PgDown"), "View"),
    ActionSpec("previous_tab", "Pre&vious Side Tab", ("Ctrl+Shift+Tab", "Ctrl+PgUp"), "View"),
    *(
        ActionSpec(f"side_tab_{n}", f"Side Tab &{n}", (f"Alt+{n}",), "View ▸ Side Tabs")
        for n in range(1, SIDE_TAB_KEYS + 1)
    ),
    ActionSpec("transcript_source", "Transcript &Source", (), "View"),
    ActionSpec("note_capture", "&Note at This Moment", ("N",), "Notes"),
    ActionSpec("note_attach", "Note on &Selected Item", ("Shift+N",), "Notes"),
    ActionSpec("star", "&Star Selected Item", ("S",), "Notes"),
    ActionSpec("clip_start", "Mark Clip St&art", ("A", "Shift+A"), "Notes"),
    ActionSpec("clip_end", "Mark Clip &End", ("B", "Shift+B"), "Notes"),
    ActionSpec("clip_play", "&Play Clip", ("Ctrl+P",), "Notes"),
    ActionSpec("clip_loop", "&Loop Clip (A-B)", ("Ctrl+L",), "Notes", checkable=True),
    ActionSpec("clip_start_earlier", "Clip Start 1 s Earlier", ("Alt+Shift+Left",), "Notes"),
    ActionSpec("clip_start_later", "Clip Start 1 s Later", ("Alt+Shift+Right",), "Notes"),
    ActionSpec("clip_end_earlier", "Clip End 1 s Earlier", ("Alt+Left",), "Notes"),
    ActionSpec("clip_end_later", "Clip End 1 s Later", ("Alt+Right",), "Notes"),
    ActionSpec("note_previous", "Pre&vious Note", (",",), "Notes"),
    ActionSpec("note_next", "Ne&xt Note", (".",), "Notes"),
    ActionSpec("note_undo", "&Undo", ("Ctrl+Z",), "Notes"),
    ActionSpec("note_redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Notes"),
    ActionSpec("all_notes", "All N&otes…", ("Ctrl+Shift+N",), "Notes"),
    ActionSpec("notes_export", "E&xport Notes…", ("Ctrl+E",), "Notes"),
    ActionSpec("notes_import", "&Import Notes…", (), "Notes"),
    ActionSpec("show_problems", "Lines the Brief &Could Not Read…", (), "Help"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", ("F1", "?"), "Help"),
    ActionSpec("about", "&About Brief Player", (), "Help"),
)


def build_actions(parent: QWidget, slots: dict[str, Callable[..., object]]) -> dict[str, QAction]:
    """Create the actions on ``parent`` (so their keys work window-wide) and wire ``slots``."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(spec.checkable)
        slot = slots.get(spec.name)
        if slot is not None:
            (action.toggled if spec.checkable else action.triggered).connect(slot)
        parent.addAction(action)
        actions[spec.name] = action
    return actions


def build_menus(bar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """The menus of the table, in its order; "File ▸ Export" makes a submenu of File."""
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        if spec.menu not in menus:
            top, _, sub = spec.menu.partition(" ▸ ")
            if top not in menus:
                menus[top] = bar.addMenu("&" + top)
            if sub:
                menus[spec.menu] = menus[top].addMenu("&" + sub)
        menus[spec.menu].addAction(actions[spec.name])
    return menus


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(command, keys) pairs for the shortcuts dialog, in table order."""
    rows = []
    for spec in SPECS:
        action = actions.get(spec.name)
        if action is None or not spec.keys:
            continue
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        rows.append((spec.text.replace("&", "").replace("…", ""), keys))
    return rows
