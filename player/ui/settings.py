"""Every setting in one typed table: key, type, default, bounds and where it is shown.

The preferences dialog, the window and the features all read settings through this table, so a
key is spelled once and a hand-edited value out of range falls back to its default everywhere
alike. A feature adds its settings here (one line each) and reads them with ``read``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize

from player.core.record import Record, init

THEMES = ("system", "light", "dark")
FONT_DEFAULT = 0  # "use the desktop's size"
FONT_RANGE = (8, 32)
SKIP_RANGE_S = (1, 300)
BOOST_LEVELS_DB = (6, 12)


class Setting(Record):
    __slots__ = ("key", "type", "default", "shown", "low", "high", "choices")
    key: str  # the QSettings key
    type: type
    default: Any
    shown: str  # where the listener changes it
    low: float | None
    high: float | None
    choices: tuple[Any, ...]

    def __init__(
        self,
        key: str,
        type: type,
        default: Any,
        shown: str,
        low: float | None = None,
        high: float | None = None,
        choices: tuple[Any, ...] = (),
    ) -> None:
        init(self, "key", key)
        init(self, "type", type)
        init(self, "default", default)
        init(self, "shown", shown)
        init(self, "low", low)
        init(self, "high", high)
        init(self, "choices", choices)

    def parse(self, raw: object) -> Any:
        """The stored value as ``type``; the default for anything missing or hand-mangled."""
        if raw is None:
            return self.default
        if self.type not in (bool, int, float, str):  # Qt values (QByteArray, QSize) as stored
            return raw if isinstance(raw, self.type) else self.default
        try:
            if self.type is bool:
                # QSettings' INI backend hands booleans back as the strings "true" and "false".
                text = raw.lower() if isinstance(raw, str) else None
                value: Any = text in ("true", "1", "yes") if text is not None else bool(raw)
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        if self.low is None or self.high is None:
            return value
        if self.type is int:
            return min(int(self.high), max(int(self.low), value))
        return value if self.low <= value <= self.high else self.default


BACK_S = Setting("settings/back_s", int, 15, "Preferences: Skip back", *SKIP_RANGE_S)
FORWARD_S = Setting("settings/forward_s", int, 30, "Preferences: Skip forward", *SKIP_RANGE_S)
DEFAULT_RATE = Setting("settings/default_rate", float, 1.0, "Preferences: Default speed", 0.5, 3.0)
FOLLOW = Setting("settings/follow", bool, True, "Preferences, and View ▸ Follow Playback")
FONT_PT = Setting("settings/font_pt", int, FONT_DEFAULT, "Preferences: Text size", 0, FONT_RANGE[1])
THEME = Setting("settings/theme", str, "system", "Preferences: Theme", choices=THEMES)
BOOST = Setting("playback/boost", bool, False, "Preferences, and Playback ▸ Volume Boost")
BOOST_DB = Setting(
    "playback/boost_db", int, 12, "Preferences, and Playback ▸ Boost Level", choices=BOOST_LEVELS_DB
)

# Shown where it is used, not in Preferences.
PLAY_WHILE_DOWNLOADING = Setting(
    "feed/play_while_downloading", bool, False, "File ▸ Find This Episode in a Feed…: Play"
)
FEATURE_SETTINGS = (PLAY_WHILE_DOWNLOADING,)

# Kept from the window itself, not shown anywhere: its place, size, split and side tab.
GEOMETRY = Setting("window/geometry", QByteArray, None, "not shown: the window's place")
SIZE = Setting("window/size", QSize, None, "not shown: the window's size")
SPLITTER = Setting("window/splitter", QByteArray, None, "not shown: the pane/side split")
SIDE_TAB = Setting("window/side_tab", int, -1, "not shown: the side panel's tab")
OPENED_TRACKS = Setting(
    "tracks/opened", str, "{}", "not shown: transcripts and chapters opened, per episode"
)
LAST_FOLDER = Setting("files/last_folder", str, "", "not shown: where the last file was chosen")
WINDOW_SETTINGS = (GEOMETRY, SIZE, SPLITTER, SIDE_TAB)

# Kept from a feature's own control, not from Preferences.
SHOW_TOTAL = Setting("view/show_total", bool, False, "a click on the time left; View menu")
HINT_SEEN = Setting("view/hint_seen", bool, False, "not shown: the first-start hint was seen")
SKIP_SILENCE = Setting("playback/skip_silence", bool, False, "Playback ▸ Skip Silence")
FEATURE_SETTINGS = (SHOW_TOTAL, HINT_SEEN, SKIP_SILENCE)

#: The table: every setting of the app, by the name ``Preferences`` gives it.
SETTINGS: dict[str, Setting] = {
    "back_s": BACK_S,
    "forward_s": FORWARD_S,
    "default_rate": DEFAULT_RATE,
    "follow": FOLLOW,
    "font_pt": FONT_PT,
    "theme": THEME,
    "boost": BOOST,
    "boost_db": BOOST_DB,
}


class Preferences(Record):
    """The listener's choices, one field per setting of ``SETTINGS`` and named as there."""

    __slots__ = (
        "back_s",
        "forward_s",
        "default_rate",
        "follow",
        "font_pt",
        "theme",
        "boost",
        "boost_db",
    )
    back_s: int
    forward_s: int
    default_rate: float
    follow: bool
    font_pt: int
    theme: str
    boost: bool
    boost_db: int

    def __init__(
        self,
        *,
        back_s: int = BACK_S.default,
        forward_s: int = FORWARD_S.default,
        default_rate: float = DEFAULT_RATE.default,
        follow: bool = FOLLOW.default,
        font_pt: int = FONT_PT.default,
        theme: str = THEME.default,
        boost: bool = BOOST.default,
        boost_db: int = BOOST_DB.default,
    ) -> None:
        init(self, "back_s", back_s)
        init(self, "forward_s", forward_s)
        init(self, "default_rate", default_rate)
        init(self, "follow", follow)
        init(self, "font_pt", font_pt)
        init(self, "theme", theme)
        init(self, "boost", boost)
        init(self, "boost_db", boost_db)


def read(settings: QSettings, setting: Setting) -> Any:
    return setting.parse(settings.value(setting.key))


def write(settings: QSettings, setting: Setting, value: object) -> None:
    settings.setValue(setting.key, value)


def load_preferences(settings: QSettings) -> Preferences:
    values = {name: read(settings, setting) for name, setting in SETTINGS.items()}
    if values["font_pt"] and values["font_pt"] < FONT_RANGE[0]:
        values["font_pt"] = FONT_DEFAULT
    return Preferences(**values)


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    for name, value in zip(prefs.fields, prefs.values(), strict=True):
        write(settings, SETTINGS[name], value)
    settings.sync()
