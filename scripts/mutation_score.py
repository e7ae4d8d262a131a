"""How much of the core would the tests notice if it broke? Runs mutmut over `player/core` (or
the modules named) with the core tests and prints, per module, how many mutants the tests kill.

The score is killed / (mutants - equivalent): an equivalent mutant changes the code without
changing anything the app does, so no test can kill it. They are listed in EQUIVALENT below,
each with its reason, keyed by the line before and after so the list survives renumbering.
A timeout counts as killed (the listener would see a hang). A mutant that loops for ever waits
out its whole limit, (its tests' time + 1 s) x 15 in wall time by default: 40 s for a reader
whose tests take 2 s. `--timeout-multiplier 5` cuts that to a third where a module has many
such loops (the WebVTT reader); a mutant still gets five times its tests' time and more.

    make mutation                                   # whole core, then the table
    .venv/bin/python scripts/mutation_score.py core/timefmt.py core/sync.py
    .venv/bin/python scripts/mutation_score.py core/storage/queue.py --tests tests/core/storage
    .venv/bin/python scripts/mutation_score.py ui/resume.py   # Qt logic, with its UI tests
    .venv/bin/python scripts/mutation_score.py --report      # table of the last run only
    .venv/bin/python scripts/mutation_score.py --survivors core/sync.py   # with their diffs

Naming modules mutates only those files, so the run that maps tests to code is short too;
`--tests` narrows the tests further. The Qt layer's widget-free logic (UI_TESTS below) is not
part of the whole-core run: name its modules and they run against their own tests offscreen.
It is a measure, not a test: the whole core takes minutes and both cores of the machine, so
mutmut runs at a lower priority (nice 10).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTANTS = REPO / "mutants"
CORE = "player/core"

# The Qt layer's logic that holds no widget, and the tests (offscreen) that exercise it.
_PLAYING = ["tests/ui/test_playback_sync.py", "tests/ui/test_takeaway_lit.py"]
UI_TESTS: dict[str, list[str]] = {
    "ui/cue_clock": [
        "tests/ui/test_cue_clock.py",
        *_PLAYING,
        "tests/ui/test_far_times.py",
        "tests/ui/test_seek_bar.py",
        "tests/journeys/test_journey_attach.py",
    ],
    "ui/resume": [
        "tests/ui/test_resume.py",
        "tests/journeys/test_resume_journey.py",
        "tests/ui/test_storage_trouble.py",
        "tests/ui/test_attach.py",
        "tests/ui/library/test_library.py",
    ],
    "ui/tracks/sync_points": [
        "tests/ui/test_sync_points.py",
        "tests/ui/test_tracks.py",
        "tests/ui/test_attach.py",
        "tests/ui/align/test_align_window.py",
    ],
    "ui/models/pane_model": [
        "tests/ui/models/test_pane_cards.py",
        "tests/ui/moments/test_moment_menus.py",
        "tests/ui/test_reading.py",
        "tests/ui/test_concepts_reachable.py",
    ],
    "ui/models/takeaway_model": [
        "tests/ui/models/test_takeaway_cards.py",
        "tests/ui/test_takeaway_lit.py",
    ],
    "ui/models/search_model": [
        "tests/ui/models/test_list_rows.py",
        "tests/ui/test_brief_search.py",
    ],
    "ui/models/rows_model": ["tests/ui/models/test_list_rows.py", "tests/ui/test_brief_search.py"],
    "ui/tracks/transcript_model": [
        "tests/ui/models/test_transcript_lines.py",
        "tests/ui/test_transcript_view.py",
    ],
    "ui/widgets/card_view": [
        "tests/ui/widgets/test_card_view.py",
        "tests/ui/models/test_pane_cards.py",
        "tests/ui/models/test_takeaway_cards.py",
        "tests/ui/test_notes.py",
        "tests/ui/test_reading.py",
        "tests/journeys/test_keyboard_journey.py",
    ],
}

# Core modules that only the window drives: the tests that reach them, beside tests/core.
CORE_EXTRA_TESTS: dict[str, list[str]] = {
    "core/storage/queue": ["tests/ui/test_storage_trouble.py", "tests/ui/test_notes.py"],
    "core/storage/pending": [
        "tests/ui/test_storage_trouble.py",
        "tests/ui/test_notes.py",
        "tests/ui/test_resume.py",
    ],
}

# mutmut reads its settings from pyproject.toml only; this runs it with the source and test
# selection of one run swapped in.
_MUTMUT_WITH = """
import json, sys
from pathlib import Path
from mutmut.configuration import config
over = json.loads(sys.argv.pop(1))
cfg = config()
cfg.source_paths = [Path(p) for p in over["source_paths"]]
cfg.resolved_mutated_source_paths = [Path.cwd() / "mutants" / p for p in over["source_paths"]]
cfg.only_mutate = over["only_mutate"]
if over["tests"]:
    cfg.pytest_add_cli_args_test_selection = over["tests"]
if over["timeout_multiplier"]:
    cfg.timeout_multiplier = over["timeout_multiplier"]
from mutmut.__main__ import cli
sys.argv[0] = "mutmut"
cli()
"""

KILLED = {1, 3, 36, 37, -24, 24, 152, 255, -11, -9}
SURVIVED = {0}
NO_TESTS = {5, 33}

# (module, line before[, line after]) -> why the app behaves the same: every surviving mutant
# of that line (or only the one with that line after). Keep this short.
_SCORE_ONLY = "Hit.score is shown nowhere and orders nothing"
_EXPLICIT = "every write is in an explicit BEGIN IMMEDIATE ... COMMIT: no implicit one starts"
_EMPTY_CHUNK = "a chunk header ending exactly at the end has nothing to read"
_UTF8_DEFAULT = "bytes.decode() is UTF-8 by default"
_FIRST_PART = "any maxsplit gives the same first part"
_ASCII_FOLD = "for ASCII words fold() is lower()"
_APE_ASF = "APEv2 keys ignore case and ASF has neither spelling: the survivors are one key twice"
_APE_CASE = "APEv2 keys ignore case"
_DEFAULTS = "the app always passes the file and name (load_text_track)"
_OWN_ORDER = "the keys are those three-tuples: sorting them as they are is the same order"
_ONE_MS = "0 or 1 ms: the same place to the listener"
_PARENT = "the keeper holds its timers; the Qt parent only ties their lifetime to it"
_MODEL_PARENT = "the window holds the model; the Qt parent only ties its lifetime to it"
_NO_CHILDREN = "a list view never asks a row for rows of its own"
_NO_INDEX = "Qt makes no valid index past the last row, and an invalid one is row -1"
_SET_ON_LOAD = "set_track sets it before the list has a row to read it for"
_NO_TEXT = "the card and the screen reader take a missing title or detail for an empty one"
_OWN_LIST = "quote and concept cues are made from the brief's own lists: ref is always in them"
_PANE_REPAINT = "an invalid index repaints the whole pane and naming no role the card itself"
_STARRED = "self.dataChanged.emit({}, {}, [Role.STARRED])"
_ROW_0, _ROW_N = "self.index(0)", "self.index(len(self._rows) - 1)"
_RELAYOUT = "the takeaway list lays out and repaints every card on any change it is told of"
_NEW_NAME = "the number only makes the copy's name new; no copy is ever written over"
_POW2 = "from 512 up, x & (x - 2) is 0 for exactly the same x as x & (x - 1)"
_TARGET = "read only when the timer fires, and only a plan that sets it starts the timer"
_LOADED_FIRST = "load_for runs as the controller starts, for no audio too, and sets it first"
_EARLY = "a timer that wakes a hair before its boundary plans again and fires a ms later"
_NO_SOURCE = "the player's source is never the empty path, so neither matches it"
_FALSY = "None and False are both false here"
_URI = "Debian's SQLite is built to open file: URIs even without uri=True"
_READ_MORE = "only the first bytes are looked at: reading more finds the same"
_NUMPY_DEFAULT = "numpy's default (int64, float64, the natural length) is the one named"
_SORT_KIND = "numpy reads the sort kind without regard to case"
_BRIEF_PATH = "every reader of a brief file passes its path"
_LONG_WAY = "the long way reads a plain quote to the same result (tested); it is only slower"
_FAR_PAST = "12 or 13 digits are both far past MAX_SECONDS: checked() says the same"
_ADDED_IN_ORDER = (
    "rows are added quotes, concepts, notes: a stable sort by time keeps that order on a tie"
)
_PAIR_CODE = "any one-to-one number of a word pair names the same pairs"
_WRITER = 'self._thread = threading.Thread(target=self._run, name="notes-writer", daemon=True)'
_SLOW_PATH = "the file goes on to pydantic, which reads it the same (the schema property test)"
_ASCII_JSON = "json.dumps writes ASCII: any encoding or indent reads back the same record"
_HEAD = "only the first 14 bytes are compared: a longer head finds the same"
_URLLIB_CAPS = "urllib capitalizes header names: every spelling sends the same header"
_TWO_TRIES = "the second try returns or raises inside the loop: it never runs out"
_MUTAGEN_ATTR = "mutagen's ID3 frames always have it: the default is never used"
_MIME_MP3 = (
    "mimetypes here and the .mp3 fallback say .mp3 too; the entry is for a mime.types saying .mpga"
)
_ONE_FLAG = "keep_mask gives one flag per word: zip's strict check never fires"
_UPPER_XX = "the mutant's XX is upper case; compared words are lower case"
_ZERO_CELL = "the zero cell never starts or carries a find: only its score 0 is read"
_SCORE_GAIN = "a cell scores above 0 exactly when its gain does (the others are the zero cell)"
_SPARE_CELL = "one cell more than the row has is never read"
_WIDER = "a wider search around the seeds finds the same place, only slower"
_TRIMMED = "any seek at or before the asked time gives the same samples once the lead-in is trimmed"
_PAST_STOP = "decoding on past the stretch gives the same samples, cut to length"
_HELD = "a held reduction of 0 dB or more limits nothing"
_CAPPED = "reductions are capped at 0 dB at the end: headroom above 0 is never used"
_AS_FLOAT = "float32 or float64: the same samples once written as 16-bit"
_NEGATIVE = "numpy reads any negative size as the unknown one"
_GUARD = "the limiter keeps every sample under the ceiling already; the last clip only guards"
_SIGNED = "every value written fits the signed field too"
_RESET = "set again by the seek to frame 0 at the end of __init__"
_AT = "after a seek, _at is bookkeeping that no read depends on"
_SAME_DECODE = "decoding from earlier, or a packet more, gives the same samples, only slower"
_NOTHING = "a read of nothing, or at or past the end, gives nothing either way"
_WORKERS = "how many workers listen, and in which processes, changes only how fast"
_STATS_SET = "an audio search always records loudest and heard_words: the default is never read"
_ONE_SPAN = "a window never holds 1,500 heard words; below that the expected time breaks no tie"
_LOGS = "only how much the recogniser logs"
_PS_DEFAULT = "the value named is pocketsphinx's default"
_ZIP_PAIRS = "both lists are the quote and one more: zip's strict check never fires"
_DRAFT = "the draft's message is never read: the returned one gets _message's"
_PYAV_STREAM = "PyAV gives every audio stream its rate and channel count (the codec's own)"
_FRAME_TIME = "every decoded audio frame carries its time"
_SAME_GETTER = "a record's values come from the getter made from its fields: as many, always"
EQUIVALENT: dict[tuple[str, ...], str] = {
    ("ui/models/pane_model", "super().__init__(parent)"): _MODEL_PARENT,
    ("ui/models/pane_model", "return 0 if parent.isValid() else len(self._rows)"): _NO_CHILDREN,
    (
        "ui/models/pane_model",
        "if not index.isValid() or not 0 <= index.row() < len(self._rows):",
    ): _NO_INDEX,
    ("ui/models/pane_model", "note = CueKind.NOTE"): (
        "a note then takes the general way, which makes the same row (the shortcut is for speed)"
    ),
    ("ui/models/pane_model", 'add(PaneRow(cue, "", cue.text, ""))'): _NO_TEXT,
    ("ui/models/pane_model", 'return PaneRow(cue, "", cue.text, "")'): _NO_TEXT,
    ("ui/models/pane_model", 'return PaneRow(cue, c.name, c.description, "", seen)'): _NO_TEXT,
    (
        "ui/models/pane_model",
        "def pane_row(brief: Brief, cue: Cue, seen: bool = False) -> PaneRow:",
    ): ("only concept cards are ever compact, and only notes are added without brief_rows"),
    ("ui/models/pane_model", "if cue.kind == CueKind.QUOTE and cue.ref < len(brief.quotes):"): (
        _OWN_LIST
    ),
    (
        "ui/models/pane_model",
        "if cue.kind == CueKind.CONCEPT and cue.ref < len(brief.concepts):",
    ): _OWN_LIST,
    ("ui/models/pane_model", "self.dataChanged.emit(idx, idx, [Role.ACTIVE])"): _PANE_REPAINT,
    ("ui/models/pane_model", _STARRED.format(_ROW_0, _ROW_N), _STARRED.format("None", _ROW_N)): (
        _PANE_REPAINT
    ),
    ("ui/models/pane_model", _STARRED.format(_ROW_0, _ROW_N), _STARRED.format(_ROW_0, "None")): (
        _PANE_REPAINT
    ),
    (
        "ui/models/pane_model",
        _STARRED.format(_ROW_0, _ROW_N),
        _STARRED.format(_ROW_0, "self.index(len(self._rows) + 1)"),
    ): _PANE_REPAINT,
    ("ui/models/pane_model", "i += 1"): (
        "no two different pane cues share time, kind and ref: the first row of a key is the cue"
    ),
    ("ui/models/rows_model", "super().__init__(parent)"): _MODEL_PARENT,
    ("ui/models/rows_model", "cls.roles = {int(role): fn for role, fn in cls.roles.items()}"): (
        "runs at import, before a mutant is switched on (mutated, no list would load)"
    ),
    (
        "ui/models/rows_model",
        "if not index.isValid() or not 0 <= index.row() < len(self._rows):",
    ): _NO_INDEX,
    ("ui/models/rows_model", "return 0 if parent.isValid() else len(self._rows)"): _NO_CHILDREN,
    ("ui/models/takeaway_model", "super().__init__(parent)"): _MODEL_PARENT,
    ("ui/models/takeaway_model", "return 0 if parent.isValid() else len(self._items)"): (
        _NO_CHILDREN
    ),
    ("ui/models/takeaway_model", "if 0 <= row < len(self._items):"): _RELAYOUT,
    ("ui/models/takeaway_model", "idx = self.index(row)"): _RELAYOUT,
    ("ui/models/takeaway_model", "self.dataChanged.emit(idx, idx, [ACTIVE_ROLE])"): _RELAYOUT,
    (
        "ui/models/takeaway_model",
        "self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), [STARRED_ROLE])",
    ): _RELAYOUT,
    ("ui/tracks/transcript_model", "super().__init__(parent)"): _MODEL_PARENT,
    ("ui/tracks/transcript_model", "self._speakers: list[str] = []"): _SET_ON_LOAD,
    ("ui/tracks/transcript_model", "self._active: set[int] = set()"): _SET_ON_LOAD,
    ("ui/tracks/transcript_model", "self._row_of_ref: dict[int, int] = {}"): _SET_ON_LOAD,
    ("ui/tracks/transcript_model", "self._folded: list[str] | None = None"): _SET_ON_LOAD,
    ("ui/tracks/transcript_model", "return 0 if parent.isValid() else len(self._cues)"): (
        _NO_CHILDREN
    ),
    (
        "ui/tracks/transcript_model",
        "if not index.isValid() or not 0 <= index.row() < len(self._cues):",
    ): _NO_INDEX,
    ("ui/tracks/transcript_model", "previous = None", 'previous = ""'): (
        "a named speaker differs from None and from an empty name alike"
    ),
    (
        "ui/tracks/transcript_model",
        "if merged and s <= merged[-1][1]:",
        "if merged and s < merged[-1][1]:",
    ): "two touching highlights paint as one stretch",
    (
        "ui/tracks/transcript_model",
        "needles = [n.strip('\"“”') for n in needles]",
        "needles = [n.strip('XX\"“”XX') for n in needles]",
    ): "the words are folded to lower case already: no X is left to strip",
    ("ui/tracks/sync_points", "super().__init__(window.as_widget())"): _PARENT,
    (
        "ui/tracks/sync_points",
        "self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)",
    ): "the window always hands it the notes' undo history",
    ("ui/tracks/sync_points", "self.key: str | None = None"): _LOADED_FIRST,
    (
        "ui/tracks/sync_points",
        'self._unsaved = ""  # why the last change could not be saved, if it could not',
    ): "every change sets it in _apply before it is read",
    ("ui/tracks/sync_points", 'self._unsaved = ""', "self._unsaved = None"): _FALSY,
    ("ui/tracks/sync_points", "self.map = SyncMap()", "self.map = None"): _LOADED_FIRST,
    (
        "ui/tracks/sync_points",
        "self.window.show_status(message, 8_000)",
        "self.window.show_status(message, 8001)",
    ): ("8 s or 8.001 s on the status line"),
    (
        "ui/tracks/sync_points",
        "brief_ms, audio_ms = cue.start_ms, max(0, w.playback.now_ms())",
    ): _ONE_MS,
    ("ui/cue_clock", "self._active = []", "self._active = None"): (
        "the refresh on the next line sets it before anything reads it"
    ),
    ("ui/resume", "super().__init__(parent)"): _PARENT,
    ("ui/resume", "self._seek_debounce.setSingleShot(True)"): (
        "repeating, it saves the same place again every 400 ms: more writes, the same place"
    ),
    (
        "ui/resume",
        "self._audio: Path | None = None  # the file the listener chose for the open episode",
    ): (_NO_SOURCE),
    ("ui/resume", "self._audio = None", 'self._audio = ""'): _NO_SOURCE,
    ("ui/cue_clock", "super().__init__(parent)"): _PARENT,
    ("ui/cue_clock", "self._timer = QTimer(self)"): _PARENT,
    ("ui/cue_clock", "self._timer.setSingleShot(True)"): (
        "every firing re-plans and restarts the timer, so it never repeats"
    ),
    ("ui/cue_clock", "self._target_ms: int | None = None"): _TARGET,
    ("ui/cue_clock", "if self._target_ms is not None:"): _EARLY,
    ("ui/cue_clock", "self._target_ms = boundary"): _EARLY,
    ("ui/cue_clock", "self._floor_ms: int | None = None"): (
        "playing starts with a state change, which clears it before anything reads it"
    ),
    ("ui/cue_clock", "self._active: list[Cue] = []"): (
        "the first look says 'nothing lit' once more, which lights nothing; none reads it before"
    ),
    ("ui/cue_clock", "self._target_ms = None", 'self._target_ms = ""'): _TARGET,
    ("ui/cue_clock", "self._to_audio: Mapper = lambda ms: ms"): (
        "the sync controller installs a mapping with every audio it loads"
    ),
    ("core/storage/files", "n = 1"): _NEW_NAME,
    ("core/storage/files", "n += 1"): _NEW_NAME,
    ("core/storage/files", "if filecmp.cmp(earlier, path, shallow=False):"): (
        "shallow=None is false too"
    ),
    ("core/storage/files", 'if earlier.name.endswith("-wal") or not earlier.is_file():'): (
        "a WAL copy never has a database's bytes, and filecmp says a folder differs"
    ),
    ("core/storage/files", "if page_size < 512 or page_size & (page_size - 1):"): _POW2,
    (
        "core/storage/files",
        "if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):",
        "if page_size < 512 or page_size > 65536 or page_size & (page_size - 2):",
    ): _POW2,
    (
        "core/storage/files",
        "if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):",
        "if page_size < 512 or page_size > 65537 or page_size & (page_size - 1):",
    ): "65537 is no power of two: the last check refuses it",
    (
        "core/storage/files",
        'return _wal_checksum(head[:24], order) != struct.unpack(">II", head[24:32])',
        'return _wal_checksum(head[:24], order) != struct.unpack(">II", head[24:33])',
    ): "the head read is 32 bytes: the slice ends there either way",
    ("core/storage/files", 'and struct.unpack(">I", head[56:60])[0] in (0, 1, 2, 3)'): (
        "read signed, a large encoding is negative and still not 0..3"
    ),
    ("core/storage/files", 'magic, version, page_size = struct.unpack(">III", head[:12])'): (
        "signed or not, every value the checks accept is below 2**31"
    ),
    (
        "core/storage/files",
        "wal_has_frames = wal.exists() and wal.stat().st_size > 32",
        "wal_has_frames = wal.exists() and wal.stat().st_size > 33",
    ): "a WAL with a frame is hundreds of bytes; 32 or 33 both mean the header alone",
    (
        "ui/resume",
        "if duration_ms > 0 and self._audio is not None and self._playback.source == self._audio:",
        "if duration_ms >= 0 and self._audio is not None and self._playback.source == self._audio:",
    ): "the library reads a stored length of 0 as unknown",
    (
        "ui/resume",
        "if duration_ms > 0 and self._audio is not None and self._playback.source == self._audio:",
        "if duration_ms > 1 and self._audio is not None and self._playback.source == self._audio:",
    ): "no audio file is 1 ms long",
    ("ui/resume", "self._save(position_ms=max(0, self._playback.now_ms()))"): _ONE_MS,
    ("ui/resume", "return 0, None", "return 1, None"): _ONE_MS,
    ("ui/resume", "self._timer = QTimer(self)"): _PARENT,
    ("ui/resume", "self._seek_debounce = QTimer(self)"): _PARENT,
    (
        "ui/resume",
        "self._seek_debounce.setInterval(400)",
    ): "400 or 401 ms: the wait only gathers seeks",
    ("core/align/words", "return [w for w, k in zip(words, keep_mask(words), strict=True) if k]"): (
        _ONE_FLAG
    ),
    ("core/align/words", "keep[i] = keep[i + 1] = False", "keep[i] = keep[i + 1] = None"): _FALSY,
    ("core/align/words", 'word = _VARIANT.sub("", word.strip().lower())'): _UPPER_XX,
    (
        "core/align/words",
        'if a.rstrip("s") == b.rstrip("s") or a.replace("\'", "") == b.replace("\'", ""):',
    ): (_UPPER_XX),
    (
        "core/align/transcript",
        "for w, keep in zip(words, keep_mask(words), strict=True):",
    ): _ONE_FLAG,
    ("core/align/match", "zero = (0.0, 0.0, -1, -1)"): _ZERO_CELL,
    ("core/align/match", "best_end = -1"): "read only once a find has set it",
    ("core/align/match", "if best[0] <= 0:", "if best[1] <= 0:"): _SCORE_GAIN,
    ("core/align/match", "if diag[0] > 0:", "if diag[1] > 0:"): _SCORE_GAIN,
    ("core/align/match", "prev = [zero] * (n + 1)", "prev = [zero] * (n + 2)"): _SPARE_CELL,
    ("core/align/match", "cur = [zero] * (n + 1)", "cur = [zero] * (n + 2)"): _SPARE_CELL,
    (
        "core/align/match",
        "carried, run = [zero] * (n + 1), zero",
        "carried, run = [zero] * (n + 2), zero",
    ): (_SPARE_CELL),
    (
        "core/align/match",
        "spoken = max(1, best_end - first + 1)",
        "spoken = max(2, best_end - first + 1)",
    ): ("spoken is only divided by when above 2"),
    (
        "core/align/match",
        "return Match(start, end_w.end_s, min(1.0, gain / total), lo + first)",
        "return Match(start, end_w.end_s, min(2.0, gain / total), lo + first)",
    ): "each quote word is matched once at most, so the gain never passes the total",
    (
        "core/align/match",
        "cell = (s, diag[1], diag[2], diag[3]) if s > 0 else zero",
        "cell = (s, diag[1], diag[2], diag[3]) if s >= 0 else zero",
    ): "a cell of score 0 continues nothing: only a positive score is built on",
    (
        "core/align/match",
        "votes[(j - i) // _SEED_BUCKET] += 1.0",
        "votes[(j - i) // _SEED_BUCKET] += 2.0",
    ): "doubling every vote keeps their order",
    (
        "core/align/match",
        "ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:6]",
        "ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:7]",
    ): _WIDER,
    (
        "core/align/match",
        "lo = max(0, bucket * _SEED_BUCKET - 2 * _SEED_BUCKET)",
        "lo = max(0, bucket * _SEED_BUCKET - 3 * _SEED_BUCKET)",
    ): _WIDER,
    (
        "core/align/match",
        "hi = min(len(words), bucket * _SEED_BUCKET + len(tokens) + 3 * _SEED_BUCKET + extra)",
        "hi = min(len(words), bucket * _SEED_BUCKET + len(tokens) + 4 * _SEED_BUCKET + extra)",
    ): _WIDER,
    (
        "core/align/match",
        "spans = _seed_spans(tokens, words, extra=len(elided) * 60)",
        "spans = _seed_spans(tokens, words, extra=len(elided) * 61)",
    ): _WIDER,
    ("core/align/match", "if len(words) <= _SEED_ABOVE:", "if len(words) < _SEED_ABOVE:"): (
        "at exactly 1500 words the seeds lead to the same place as searching them all"
    ),
    ("core/align/match", "if not tokens or not words:", "if not tokens and not words:"): (
        "with no quote words or no heard words the search finds nothing either way"
    ),
    (
        "core/align/match",
        "continue",
        "break",
    ): "a seeded stretch holds a quote word, so it always yields a find",
    ("core/align/result", "return chain[::-1]"): (
        "the lone-jump check treats both neighbours alike: the chain's direction does not matter"
    ),
    (
        "core/align/result",
        "placed = c.found_ms if status is Status.FOUND else mapping.to_audio(c.written_ms)",
    ): "a trusted find is a point of the map, which places it at its find",
    (
        "core/align/run",
        "for n, (q, (found, conf)) in enumerate(zip(brief.quotes, rows, strict=True))",
    ): "the rows were checked to be one per quote just above",
    (
        "core/align/run",
        'alignment = Alignment(tuple(results), "audio" if track is None else "transcript", "", stats)',  # noqa: E501
        'alignment = Alignment(tuple(results), "audio" if track is None else "transcript", None, stats)',  # noqa: E501
    ): _DRAFT,
    (
        "core/align/run",
        'alignment = Alignment(tuple(results), "audio" if track is None else "transcript", "", stats)',  # noqa: E501
        'alignment = Alignment(tuple(results), "audio" if track is None else "transcript", "XXXX", stats)',  # noqa: E501
    ): _DRAFT,
    (
        "core/align/run",
        'if stats.get("loudest", 1) < 300:',
        'if stats.get("loudest", None) < 300:',
    ): _STATS_SET,
    (
        "core/align/run",
        'if stats.get("loudest", 1) < 300:',
        'if stats.get("loudest", ) < 300:',
    ): _STATS_SET,
    (
        "core/align/run",
        'if stats.get("loudest", 1) < 300:',
        'if stats.get("loudest", 2) < 300:',
    ): _STATS_SET,
    (
        "core/align/run",
        'if stats.get("heard_words", 1) == 0:',
        'if stats.get("heard_words", None) == 0:',
    ): _STATS_SET,
    (
        "core/align/run",
        'if stats.get("heard_words", 1) == 0:',
        'if stats.get("heard_words", ) == 0:',
    ): _STATS_SET,
    (
        "core/align/run",
        'if stats.get("heard_words", 1) == 0:',
        'if stats.get("heard_words", 2) == 0:',
    ): _STATS_SET,
    (
        "core/align/run",
        "search_audio(str(audio), length, targets, vocabulary(brief), progress, workers)",
        "search_audio(str(audio), length, targets, vocabulary(brief), progress, None)",
    ): _WORKERS,
    (
        "core/align/run",
        "search_audio(str(audio), length, targets, vocabulary(brief), progress, workers)",
        "search_audio(str(audio), length, targets, vocabulary(brief), progress, )",
    ): _WORKERS,
    (
        "core/align/run",
        "rows = _from_audio(brief, audio, quotes, progress, workers, stats)",
        "rows = _from_audio(brief, audio, quotes, progress, None, stats)",
    ): _WORKERS,
    (
        "core/align/search",
        "workers = workers or min(2, os.cpu_count() or 1)",
        "workers = workers and min(2, os.cpu_count() or 1)",
    ): _WORKERS,
    (
        "core/align/search",
        "workers = workers or min(2, os.cpu_count() or 1)",
        "workers = workers or min(3, os.cpu_count() or 1)",
    ): _WORKERS,
    (
        "core/align/search",
        "workers = workers or min(2, os.cpu_count() or 1)",
        "workers = workers or min(2, os.cpu_count() and 1)",
    ): _WORKERS,
    (
        "core/align/search",
        "workers = workers or min(2, os.cpu_count() or 1)",
        "workers = workers or min(2, os.cpu_count() or 2)",
    ): _WORKERS,
    (
        "core/align/search",
        "while queue and len(running) < workers:",
        "while queue and len(running) <= workers:",
    ): _WORKERS,
    (
        "core/align/search",
        "pool.shutdown(wait=False, cancel_futures=True)",
    ): "the search is over either way: this only decides when the workers stop",
    (
        "core/align/search",
        "finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)",
    ): "the wait only paces the loop: a cancel is noticed a step later at most",
    (
        "core/align/search",
        "continue",
        "break",
    ): "a quote without a window is dropped either way; the next is taken next turn",
    (
        "core/align/search",
        "match = locate(t.fragments, list(heard.words), near_s=_expected(targets, i))",
        "match = locate(t.fragments, list(heard.words), near_s=None)",
    ): _ONE_SPAN,
    (
        "core/align/search",
        "match = locate(t.fragments, list(heard.words), near_s=_expected(targets, i))",
        "match = locate(t.fragments, list(heard.words), )",
    ): _ONE_SPAN,
    (
        "core/align/search",
        "def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:",
    ): "the one caller passes both",
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        '_decoder = Decoder(samprate=None, loglevel="FATAL", bestpath=False, fwdflat=False)',
    ): "16 kHz is the recogniser's default rate",
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        '_decoder = Decoder(loglevel="FATAL", bestpath=False, fwdflat=False)',
    ): "16 kHz is the recogniser's default rate",
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        "_decoder = Decoder(samprate=RATE, loglevel=None, bestpath=False, fwdflat=False)",
    ): _LOGS,
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        "_decoder = Decoder(samprate=RATE, bestpath=False, fwdflat=False)",
    ): _LOGS,
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        '_decoder = Decoder(samprate=RATE, loglevel="XXFATALXX", bestpath=False, fwdflat=False)',
    ): _LOGS,
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        '_decoder = Decoder(samprate=RATE, loglevel="fatal", bestpath=False, fwdflat=False)',
    ): _LOGS,
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=None, fwdflat=False)',
    ): "pocketsphinx's config reads None as False too",
    (
        "core/align/speech",
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=False)',
        '_decoder = Decoder(samprate=RATE, loglevel="FATAL", bestpath=False, fwdflat=None)',
    ): "pocketsphinx's config reads None as False too",
    ("core/align/speech", 'd.activate_search("_default")', "d.activate_search(None)"): (
        "no name activates the recogniser's default search"
    ),
    ("core/align/speech", 'd.activate_search("_default")', "d.activate_search()"): (
        "no name activates the recogniser's default search"
    ),
    (
        "core/align/speech",
        "segmenter = Segmenter(window=0.3, ratio=0.9, vad_mode=0, sample_rate=RATE)",
        "segmenter = Segmenter(ratio=0.9, vad_mode=0, sample_rate=RATE)",
    ): _PS_DEFAULT,
    (
        "core/align/speech",
        "segmenter = Segmenter(window=0.3, ratio=0.9, vad_mode=0, sample_rate=RATE)",
        "segmenter = Segmenter(window=0.3, vad_mode=0, sample_rate=RATE)",
    ): _PS_DEFAULT,
    (
        "core/align/speech",
        "segmenter = Segmenter(window=0.3, ratio=0.9, vad_mode=0, sample_rate=RATE)",
        "segmenter = Segmenter(window=0.3, ratio=0.9, sample_rate=RATE)",
    ): _PS_DEFAULT,
    (
        "core/align/speech",
        "segmenter = Segmenter(window=0.3, ratio=0.9, vad_mode=0, sample_rate=RATE)",
        "segmenter = Segmenter(window=0.3, ratio=0.9, vad_mode=0, )",
    ): _PS_DEFAULT,
    (
        "core/align/speech",
        "_searches += 1",
    ): "the name only has to differ from any search still loaded; each is removed after use",
    (
        "core/align/speech",
        'with tempfile.NamedTemporaryFile("w", suffix=".arpa", delete=False) as f:',
    ): "the model is read by its content, not its name; delete=None is false too",
    (
        "core/align/speech",
        'pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], strict=True)))',
        'pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], strict=None)))',
    ): _ZIP_PAIRS,
    (
        "core/align/speech",
        'pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], strict=True)))',
        'pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], )))',
    ): _ZIP_PAIRS,
    (
        "core/align/speech",
        'pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], strict=True)))',
        'pairs = sorted(set(zip(["<s>", *quote], [*quote, "</s>"], strict=False)))',
    ): _ZIP_PAIRS,
    (
        "core/audio/decode",
        "stop = None if seconds is None else start_s + seconds",
        "stop = None if (seconds is None) or True else start_s + seconds",
    ): _PAST_STOP,
    (
        "core/audio/decode",
        "first = float(frame.time) if frame.time is not None else start_s",
        "first = float(frame.time) if (frame.time is not None) or True else start_s",
    ): _FRAME_TIME,
    (
        "core/audio/boosted_wav",
        "self.rate = int(self.stream.rate or self.stream.codec_context.sample_rate or 0)",
        "self.rate = int(self.stream.rate and self.stream.codec_context.sample_rate or 0)",
    ): _PYAV_STREAM,
    (
        "core/audio/boosted_wav",
        "self.rate = int(self.stream.rate or self.stream.codec_context.sample_rate or 0)",
        "self.rate = int(self.stream.rate or self.stream.codec_context.sample_rate and 0)",
    ): _PYAV_STREAM,
    (
        "core/audio/boosted_wav",
        "self.rate = int(self.stream.rate or self.stream.codec_context.sample_rate or 0)",
        "self.rate = int(self.stream.rate or self.stream.codec_context.sample_rate or 1)",
    ): _PYAV_STREAM,
    ("core/audio/boosted_wav", "if self.rate <= 0:", "if self.rate < 0:"): _PYAV_STREAM,
    ("core/audio/boosted_wav", "if self.rate <= 0:", "if self.rate <= 1:"): _PYAV_STREAM,
    (
        "core/audio/boosted_wav",
        "self.channels = 1 if (self.stream.channels or 1) == 1 else 2",
        "self.channels = 1 if (self.stream.channels or 2) == 1 else 2",
    ): _PYAV_STREAM,
    (
        "core/audio/boosted_wav",
        "t = float(frame.time) if frame.time is not None else 0.0",
    ): _FRAME_TIME,
    (
        "core/audio/boosted_wav",
        "if size <= 0 or offset >= self.size:",
        "if size < 0 or offset >= self.size:",
    ): _NOTHING,
    (
        "core/audio/boosted_wav",
        "seconds = c.duration / 1_000_000 - self._origin_s",
        "seconds = c.duration / 1000001 - self._origin_s",
    ): "a millionth of the length: a hundredth of a second in three hours",
    (
        "core/audio/boosted_wav",
        "out = np.concatenate((out, np.zeros((count - len(out), self.channels), np.float32)))",
        "out = np.concatenate((out, np.zeros((count - len(out), self.channels), None)))",
    ): _AS_FLOAT,
    (
        "core/audio/boosted_wav",
        "out = np.concatenate((out, np.zeros((count - len(out), self.channels), np.float32)))",
        "out = np.concatenate((out, np.zeros((count - len(out), self.channels), )))",
    ): _AS_FLOAT,
    (
        "core/audio/silence",
        "data = pcm.data[: len(pcm.data) - len(pcm.data) % _WINDOW]",
        "data = pcm.data[: len(pcm.data) + len(pcm.data) % _WINDOW]",
    ): "window_peaks drops a last partial window itself",
    (
        "core/audio/silence",
        'return Silences.from_json(json.loads(path.read_text(encoding="utf-8")))',
    ): _ASCII_JSON,
    (
        "core/audio/silence",
        'tmp.write_text(json.dumps(silences.to_json()), encoding="utf-8")',
    ): _ASCII_JSON,
    ("core/audio/silence", 'tmp = path.with_suffix(".tmp")', 'tmp = path.with_suffix(".TMP")'): (
        "the temporary file's name only has to differ from the entry's"
    ),
    ("core/audio/decode", "container.seek(int(start_s * 1_000_000), any_frame=False)"): _TRIMMED,
    ("core/audio/decode", "if start_s > 0:"): _TRIMMED,
    (
        "core/audio/decode",
        "stop = None if seconds is None else start_s + seconds",
        "stop = None",
    ): _PAST_STOP,
    (
        "core/audio/decode",
        "if stop is not None and frame.time is not None and frame.time >= stop:",
        "if stop is not None and frame.time is None and frame.time >= stop:",
    ): _PAST_STOP,
    (
        "core/audio/decode",
        "if stop is not None and frame.time is not None and frame.time >= stop:",
        "if stop is not None and frame.time is not None and frame.time > stop:",
    ): _PAST_STOP,
    ("core/audio/decode", "if skip and skip < len(data):", "if skip or skip < len(data):"): (
        "a skip of 0 changes nothing"
    ),
    (
        "core/audio/boost",
        "self.chunk = max(1, round(self.rate * CHUNK_S))",
        "self.chunk = max(2, round(self.rate * CHUNK_S))",
    ): ("no audio rate is under 1,500 Hz"),
    (
        "core/audio/boost",
        "ahead_chunks = self.lookahead // self.chunk",
        "ahead_chunks = self.lookahead / self.chunk",
    ): ("at every common rate the look-ahead is a whole number of chunks"),
    (
        "core/audio/boost",
        "deepest = max(0.0, self.gain_db - self.ceiling_db)",
        "deepest = max(1.0, self.gain_db - self.ceiling_db)",
    ): ("a gain above 0 dB against a -1 dB ceiling is always more than 1 dB deep"),
    (
        "core/audio/boost",
        "self._attack_db = deepest / max(1, ahead_chunks - 1) + 1e-6",
        "self._attack_db = deepest / max(1, ahead_chunks - 1) - 1e-6",
    ): "a millionth of a dB",
    (
        "core/audio/boost",
        "self._attack_db = deepest / max(1, ahead_chunks - 1) + 1e-6",
        "self._attack_db = deepest / max(2, ahead_chunks - 1) + 1e-6",
    ): "the look-ahead is five chunks, so the divisor is 4 either way",
    (
        "core/audio/boost",
        "self._held_db = 0.0  # the gain reduction at the end of the previous block",
    ): _HELD,
    ("core/audio/boost", "self._held_db = 0.0", "self._held_db = 1.0"): _HELD,
    ("core/audio/boost", "self._held_db = float(min(0.0, attacked[last]))"): _HELD,
    (
        "core/audio/boost",
        "padded = np.zeros((chunks * self.chunk, whole.shape[1]), dtype=np.float32)",
    ): _AS_FLOAT,
    ("core/audio/boost", "steps = np.arange(chunks, dtype=np.float64)"): _AS_FLOAT,
    (
        "core/audio/boost",
        "factor = (gain * np.power(10.0, per_sample / 20.0)).astype(np.float32)",
    ): _AS_FLOAT,
    ("core/audio/boost", "peak = np.abs(padded).reshape(chunks, -1).max(axis=1) * gain"): _NEGATIVE,
    (
        "core/audio/boost",
        'with np.errstate(divide="ignore"):',
    ): "np.maximum(peak, SILENT) keeps log10 from ever seeing 0",
    (
        "core/audio/boost",
        "peak > SILENT, self.ceiling_db - 20.0 * np.log10(np.maximum(peak, SILENT)), 0.0",
    ): _CAPPED,
    (
        "core/audio/boost",
        "needed = np.minimum(needed, 0.0)",
        "needed = np.minimum(needed, 1.0)",
    ): _CAPPED,
    (
        "core/audio/boost",
        "return np.minimum(attacked, 0.0)",
        "return np.minimum(attacked, 1.0)",
    ): _CAPPED,
    (
        "core/audio/boost",
        "return np.clip(out, -1.0, 1.0, out=out).astype(np.float32, copy=False)",
    ): _GUARD,
    (
        "core/audio/boost",
        "return block.astype(np.float32, copy=True)",
        "return block.astype(np.float32, copy=None)",
    ): ("an empty block holds nothing to share"),
    (
        "core/audio/boost",
        "return block.astype(np.float32, copy=True)",
        "return block.astype(np.float32, )",
    ): ("an empty block holds nothing to share"),
    (
        "core/audio/boost",
        "return block.astype(np.float32, copy=True)",
        "return block.astype(np.float32, copy=False)",
    ): ("an empty block holds nothing to share"),
    (
        "core/audio/boosted_wav",
        'fmt = struct.pack("<4sIHHIIHH", b"fmt ", 16, 1, channels, rate, rate * align, align, 16)',
    ): (_SIGNED),
    (
        "core/audio/boosted_wav",
        'ds64 = struct.pack("<4sIQQQI", b"ds64", 28, RF64_HEADER_BYTES - 8 + data, data, frames, 0)',  # noqa: E501
        'ds64 = struct.pack("<4siqqqi", b"ds64", 28, RF64_HEADER_BYTES - 8 + data, data, frames, 0)',  # noqa: E501
    ): _SIGNED,
    (
        "core/audio/boosted_wav",
        "if HEADER_BYTES - 8 + data <= RIFF_LIMIT:",
        "if HEADER_BYTES - 8 + data < RIFF_LIMIT:",
    ): ("36 plus whole 2-byte samples is even and the limit is odd: never equal"),
    ("core/audio/boosted_wav", "self._next = 0  # the frame that follows the last read"): (
        "a first read seeks to where the decoder already is: the same samples"
    ),
    ("core/audio/boosted_wav", "self._closed = False", "self._closed = None"): _FALSY,
    ("core/audio/boosted_wav", "self._frames_iter = None"): _RESET,
    (
        "core/audio/boosted_wav",
        "self._pending = np.zeros((0, self.channels), dtype=np.float32)",
    ): _RESET + "; " + _AS_FLOAT,
    ("core/audio/boosted_wav", "self._at = 0  # the frame index of ``_pending[0]``"): _RESET,
    ("core/audio/boosted_wav", "self._ended = False"): _RESET + "; " + _FALSY,
    ("core/audio/boosted_wav", "self._at += count"): _AT,
    ("core/audio/boosted_wav", "self._at = 0"): _AT,
    ("core/audio/boosted_wav", "if self._at < 0:"): _AT,
    (
        "core/audio/boosted_wav",
        "self._at = -1  # set by the first decoded frame",
    ): "any negative start reads the same",
    (
        "core/audio/boosted_wav",
        "parts = [o.to_ndarray().reshape(-1, self.channels)"
        " for o in self._resampler.resample(frame)]",
    ): (_NEGATIVE),
    (
        "core/audio/boosted_wav",
        "while len(self._pending) < count and not self._ended:",
    ): _SAME_DECODE,
    (
        "core/audio/boosted_wav",
        "while len(self._pending) < count + peek and not self._ended:",
        "while len(self._pending) <= count + peek and not self._ended:",
    ): (_SAME_DECODE),
    ("core/audio/boosted_wav", "if at_s <= 0.0:"): _SAME_DECODE,
    (
        "core/audio/boosted_wav",
        "self.container.seek(0)",
        "self.container.seek(1)",
    ): "0 or 1 microsecond: the first packet",
    (
        "core/audio/boosted_wav",
        "self.container.seek(int((at_s + self._origin_s) * 1_000_000), any_frame=False)",
    ): _SAME_DECODE,
    ("core/audio/boosted_wav", "back_s = 0.0", "back_s = 1.0"): _SAME_DECODE,
    (
        "core/audio/boosted_wav",
        "if first <= frame or target_s == 0.0:",
        "if first <= frame and target_s == 0.0:",
    ): _SAME_DECODE,
    (
        "core/audio/boosted_wav",
        "if first <= frame or target_s == 0.0:",
        "if first < frame or target_s == 0.0:",
    ): _SAME_DECODE,
    (
        "core/audio/boosted_wav",
        "if self._at < frame:",
        "if self._at <= frame:",
    ): "a drop of 0 frames changes nothing",
    (
        "core/audio/boosted_wav",
        "elif self._at > frame:  # the file starts later than asked: silence in front",
        "elif self._at >= frame:  # the file starts later than asked: silence in front",
    ): ("a gap of 0 frames changes nothing"),
    (
        "core/audio/boosted_wav",
        "if len(out) < count:",
        "if len(out) <= count:",
    ): "a pad of 0 frames changes nothing",
    (
        "core/audio/boosted_wav",
        "def take(self, count: int, *, peek: int = 0) -> tuple[np.ndarray, np.ndarray]:",
    ): ("every caller passes peek"),
    (
        "core/audio/boosted_wav",
        'self._resampler = av.AudioResampler(format="flt", layout=self.layout, rate=self.rate)',
        'self._resampler = av.AudioResampler(format="flt", layout=self.layout, rate=None)',
    ): ("the resampler's rate is the stream's own"),
    (
        "core/audio/boosted_wav",
        'self._resampler = av.AudioResampler(format="flt", layout=self.layout, rate=self.rate)',
        'self._resampler = av.AudioResampler(format="flt", layout=self.layout, )',
    ): ("the resampler's rate is the stream's own"),
    (
        "core/audio/boosted_wav",
        "if size <= 0 or offset >= self.size:",
        "if size <= 0 and offset >= self.size:",
    ): _NOTHING,
    (
        "core/audio/boosted_wav",
        "if size <= 0 or offset >= self.size:",
        "if size <= 0 or offset > self.size:",
    ): _NOTHING,
    ("core/audio/boosted_wav", "if end <= offset:", "if end < offset:"): _NOTHING,
    ("core/audio/boosted_wav", "if offset < len(self.header):", "if offset <= len(self.header):"): (
        "at the header's end the header adds nothing"
    ),
    (
        "core/audio/boosted_wav",
        'return (samples * 32767.0).round().astype("<i2").tobytes()',
        'return (samples * 32768.0).round().astype("<i2").tobytes()',
    ): ("a full scale of 32767 or 32768: 0.0003 dB"),
    (
        "core/brief/cache",
        'digest = sha1(f"{FORMAT}\\0{sys.version_info[:2]}\\0{path.absolute()}".encode())',
    ): ("a key naming the patch release too only reads a brief once more after an upgrade"),
    ("core/brief/cache", 'digest.update(b"\\0links\\0" + links.read_bytes())'): (
        "any fixed separator keeps the brief's bytes apart from links.json's"
    ),
    (
        "core/brief/cache",
        'entry = folder / "briefs" / f"{sha1(str(path.absolute()).encode()).hexdigest()}.pickle"',
    ): "the entries' sub-folder is named, written and read only here",
    (
        "core/brief/cache",
        "temp.write_bytes(pickle.dumps((key, linked), protocol=pickle.HIGHEST_PROTOCOL))",
    ): ("any pickle protocol loads back the same entry"),
    ("core/brief/cache", "temp.unlink(missing_ok=True)"): (
        "a temp file never written is a FileNotFoundError, which suppress(OSError) swallows"
    ),
    ("core/brief/models", "for name, value in zip(cls.__slots__, values, strict=True):"): (
        "models.py is in the cache key: an entry is read by the records that wrote it"
    ),
    (
        "core/brief/parser",
        'def parse_brief_text(text: str, file: str = "<brief>") -> ParseResult:',
    ): (_BRIEF_PATH),
    (
        "core/brief/parser",
        'def parse_brief_json(text: str, file: str = "<brief.json>") -> ParseResult:',
    ): (_BRIEF_PATH),
    ("core/brief/parser", "m = _PLAIN_QUOTE.fullmatch(text)", "m = None"): _LONG_WAY,
    ("core/brief/parser", "plain = plain_quote(item.text)", "plain = None"): _LONG_WAY,
    (
        "core/brief/parser",
        'if line.lstrip("#").lstrip()[:1].casefold()[:1] not in _HEADING_FIRST:',
    ): ("casefold works letter by letter, and a line starting with X is no heading either way"),
    (
        "core/brief/parser",
        'key = line.lstrip("#").strip().rstrip(":").strip().casefold()',
        'key = line.lstrip("XX#XX").strip().rstrip(":").strip().casefold()',
    ): ("reached only by a line starting with a heading's letter, never an X"),
    (
        "core/brief/parser",
        "if end > 0:",
        "if end >= 0:",
    ): "the text starts with [, so ] is never at 0",
    ("core/brief/parser", 'name, description, sep = parts[0], parts[1], "—"'): (
        "only whether sep is empty is read"
    ),
    (
        "core/brief/parser",
        "return Quote(at=at, text=words, note=None, context=context, line=item.line)",
        "return Quote(at=at, text=words, context=context, line=item.line)",
    ): "None is the note's default",
    ("core/brief/parser", 'source=Source(path=self.file, format="audio-brief-text"),'): (
        "audio-brief-text is the format's default"
    ),
    ("core/brief/parser", 'return "", len(self.lines)'): (
        "a text with no line at all has no heading: the reader refuses it before the title is read"
    ),
    ("core/brief/parser", "current = _Item(number, line, False)"): _FALSY,
    (
        "core/brief/parser",
        "if _TIME_LIKE.search(item.text[:40]):",
        "if _TIME_LIKE.search(item.text[:41]):",
    ): ("a rough bound for which of two messages a misplaced time gets; 40 or 41 reads the same"),
    (
        "core/brief/scoring",
        "hi = max(lo + 1, int(np.searchsorted(ends, ends[lo] - counts[lo] + PAIRS_PER_PASS)))",
    ): "the pass size bounds memory only: any split sums the same pairs",
    (
        "core/brief/links",
        "ordered = tuple(links[k] for k in sorted(links, key=lambda k: (k[0], k[1], k[2])))",
        "ordered = tuple(links[k] for k in sorted(links, key=None))",
    ): _OWN_ORDER,
    (
        "core/brief/links",
        "ordered = tuple(links[k] for k in sorted(links, key=lambda k: (k[0], k[1], k[2])))",
        "ordered = tuple(links[k] for k in sorted(links, ))",
    ): _OWN_ORDER,
    ("core/brief/scoring", 'starts = np.searchsorted(q_term, item_term, side="left")'): (
        "side='left' is searchsorted's default"
    ),
    ("core/brief/scoring", "if len(scores) <= k:", "if len(scores) < k:"): (
        "with exactly k scores the partition path ranks them all the same way"
    ),
    ("core/brief/scoring", 'return np.argsort(-scores, kind="stable")'): (
        "at most MAX_LINKS (3) scores: numpy sorts so few in order, ties kept"
    ),
    (
        "core/brief/scoring",
        'return reaching[np.argsort(-scores[reaching], kind="stable")][:k]',
        'return reaching[np.argsort(-scores[reaching], kind="STABLE")][:k]',
    ): _SORT_KIND,
    ("core/brief/scoring", 'order = np.argsort(w.term[keep], kind="stable")'): (
        "a term holds each quote once, so the order of its quotes changes no sum"
    ),
    ("core/brief/scoring", "wanted = np.zeros(int(w.term.max(initial=-1)) + 1, dtype=bool)"): (
        "the mask is only read at terms that exist: a longer one reads the same"
    ),
    ("core/brief/scoring", "if s >= THRESHOLD or (rank == 0 and s >= FLOOR):"): (
        "scores are float cosines: none lands exactly on 0.12 or 0.06"
    ),
    (
        "core/brief/json_brief",
        'def parse_brief_json(text: str, file: str = "<brief.json>") -> ParseResult:',
    ): (_DEFAULTS),
    (
        "core/brief/term_matrix",
        "pair_keys = words[:-1][same] * max(n_words, 1) + words[1:][same]",
    ): (_PAIR_CODE),
    (
        "core/brief/term_matrix",
        "damped = np.where(counts >= 1, 1 + np.log(np.maximum(counts, 1e-300)), counts)",
    ): "at a count of 1 both branches give 1; below 1 the guarded log is not taken",
    (
        "core/brief/term_matrix",
        "counts = np.bincount(inverse.reshape(-1), weights=pweight[owner], minlength=len(uniq))",
    ): _NUMPY_DEFAULT,
    ("core/brief/term_matrix", "df = np.bincount(term, minlength=n_terms)"): _NUMPY_DEFAULT,
    (
        "core/brief/term_matrix",
        "norms = np.sqrt(np.bincount(doc, weights=weights * weights, minlength=len(texts)))",
    ): _NUMPY_DEFAULT,
    (
        "core/brief/term_matrix",
        "all_parts = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)",
    ): (_NUMPY_DEFAULT),
    ("core/brief/term_matrix", "pweight = np.array(part_weight, dtype=np.float64)"): _NUMPY_DEFAULT,
    ("core/brief/term_matrix", "terms = np.concatenate([words, n_words + pair_ids.reshape(-1)])"): (
        "np.unique's inverse of a flat array is flat already"
    ),
    (
        "core/brief/term_matrix",
        "all_ids = np.frombuffer(vocab.found, dtype=np.int64) if sizes else np.zeros(0, np.int64)",
    ): "an empty buffer reads as the same empty array",
    (
        "core/brief/term_matrix",
        "same = part[1:] == part[:-1] if len(part) else np.zeros(0, dtype=bool)",
    ): "comparing empty slices gives the same empty array",
    ("core/brief/term_matrix", "return -1", "return -2"): "any negative number marks a stop word",
    (
        "core/brief/term_matrix",
        "all_ids, sizes = np.zeros(0, np.int64), np.zeros(0, np.int64)",
        "all_ids, sizes = np.zeros(0, np.int64), np.zeros(1, np.int64)",
    ): "one more part of no words adds nothing",
    (
        "core/brief/term_matrix",
        """base = (raw.lower() if raw.isascii() else fold(raw)).split("'", 1)[0]""",
        """base = (raw.lower() if (raw.isascii()) and False else fold(raw)).split("'", 1)[0]""",
    ): _ASCII_FOLD,
    (
        "core/brief/term_matrix",
        """base = (raw.lower() if raw.isascii() else fold(raw)).split("'", 1)[0]""",
        """base = (raw.lower() if raw.isascii() else fold(raw)).split("'", 2)[0]""",
    ): _FIRST_PART,
    (
        "core/brief/term_matrix",
        """base = (raw.lower() if raw.isascii() else fold(raw)).split("'", 1)[0]""",
        """base = (raw.lower() if raw.isascii() else fold(raw)).split("'", )[0]""",
    ): _FIRST_PART,
    (
        "core/brief/term_matrix",
        "return np.array(self.found, dtype=np.int64), np.array(sizes, dtype=np.int64)",
    ): _NUMPY_DEFAULT,
    (
        "core/brief/term_matrix",
        "if joined.count(_SEP) != len(texts) - 1:  # a text holds a NUL: one by one, then",
        "if joined.count(_SEP) != len(texts) - 2:  # a text holds a NUL: one by one, then",
    ): "reading every text one by one finds the same words (the stray-NUL example); only slower",
    (
        "core/brief/term_matrix",
        "ids = np.fromiter(map(of_word.__getitem__, tokens), dtype=np.int64, count=len(tokens))",
        "ids = np.fromiter(map(of_word.__getitem__, tokens), dtype=np.int64, )",
    ): _NUMPY_DEFAULT,
    ("core/search", "weight = 0.0"): _SCORE_ONLY,
    ("core/search", "weight += w"): _SCORE_ONLY,
    ("core/search", "weight += max(self._idf[m] for m in matches[:50])"): _SCORE_ONLY,
    ("core/search", "return set(), 0.0", "return set(), 1.0"): _SCORE_ONLY,
    ("core/search", "self._idf = {w: math.log(1 + n / len(ds)) for w, ds in postings.items()}"): (
        _SCORE_ONLY
    ),
    ("core/search", "score = round(weight * norm[d], 4)"): _SCORE_ONLY,
    (
        "core/search",
        "self._norm = [1 / math.sqrt(1 + len(doc.tokens) / 20) for doc in self.docs]",
    ): ("any mutant still falls with the word count, so the order is the same; score aside"),
    ("core/search", "for term in sorted(terms, key=lambda t: -len(t.words[0])):"): (
        "terms are intersected in any order; longest first only saves time"
    ),
    (
        "core/search",
        "len(found) if any(len(t.words) > 1 for t in terms) else limit,",
        "len(found) if (any(len(t.words) > 1 for t in terms)) or True else limit,",
    ): "ranking every candidate gives the same hits, only slower",
    (
        "core/search",
        "len(found) if any(len(t.words) > 1 for t in terms) else limit,",
        "len(found) if any(len(t.words) >= 1 for t in terms) else limit,",
    ): "ranking every candidate gives the same hits, only slower",
    ("core/search", "found = set(docs) if found is None else found & docs"): (
        "within a phrase every candidate is checked word by word afterwards"
    ),
    ("core/search", "ok = False", "ok = None"): _FALSY,
    ("core/search", "found = False", "found = None"): _FALSY,
    ("core/search", "if len(out) >= _MAX_PREFIX_WORDS:", "if len(out) > _MAX_PREFIX_WORDS:"): (
        "a cap of 5000 or 5001 prefix words: a bound on work, not on what is found"
    ),
    ("core/jobs", "return job(Progress(report, token))", "return job(Progress(report, None))"): (
        "the CLI's token is cancelled only after the job has already stopped"
    ),
    ("core/jobs", "return job(Progress(report, token))", "return job(Progress(report, ))"): (
        "the CLI's token is cancelled only after the job has already stopped"
    ),
    ("core/sync", "return hash(self.points)", "return hash(None)"): (
        "a constant hash is still a valid hash for equal maps"
    ),
    ("core/formats/vtt", "m = _VOICE.search(payload[0][:1000])"): (
        "a bound on regex work for hostile lines; no voice tag is 1000 characters in"
    ),
    ("core/formats/vtt", 'if len(first.lstrip("0")) > 5:'): (
        "5 or 6 digits of hours are past MAX_SECONDS anyway; the guard only bounds int()"
    ),
    ("core/formats/vtt", "seen_cue = False", "seen_cue = None"): _FALSY,
    ("core/formats/vtt", "while i < n:", "while i <= n:"): "the loop breaks at i >= n inside",
    ("core/formats/vtt", 'return html.unescape(flat) if "&" in flat else flat'): (
        "unescaping text without '&' changes nothing"
    ),
    (
        "core/formats/vtt",
        'return (html.unescape(voice) if "&" in voice else voice).strip() or None',
        'return (html.unescape(voice) if ("&" in voice) or True else voice).strip() or None',
    ): "unescaping text without '&' changes nothing",
    ("core/formats/vtt", 'text: str, file: str = "<webvtt>", *, name: str = ""'): _DEFAULTS,
    ("core/timeline", "self.longest = max((c.end_ms - c.start_ms for c in cues), default=0)"): (
        "a track is never built without cues, and a longer reach only scans further back"
    ),
    ("core/storage/syncpoints", "h = sha256(str(size).encode())"): (
        "the size is also written out in the key"
    ),
    ("core/storage/syncpoints", "if size > _HEAD:", "if size >= _HEAD:"): (
        "at exactly _HEAD bytes the tail read is empty"
    ),
    ("core/storage/syncpoints", "h.update(f.read(_HEAD))", "h.update(f.read(None))"): (
        "any stable digest of the file is a valid key; reading it all only costs time"
    ),
    ("core/storage/syncpoints", "h.update(f.read(_TAIL))", "h.update(f.read(None))"): (
        "after the seek only the tail is left to read"
    ),
    ("core/storage/playstate", "updated_at=updated,"): (
        "nothing reads a play state's time: every save stamps the time anew"
    ),
    (
        "core/storage/library",
        'return LibraryEntry(**dict(zip(_COLUMNS.split(", "), row, strict=True)))',
    ): ("rows always have one value per column"),
    ("core/formats/registry", "if seg >= 0 and (chap < 0 or seg < chap):"): (
        "a key is never the first character of JSON, nor both keys at one place"
    ),
    ("core/formats/registry", "if chap >= 0:"): "a key is never the first character of JSON",
    ("core/formats/registry", "head = f.read(64 * 1024)"): (
        "a slightly larger head to sniff finds the same first bytes"
    ),
    ("core/storage/notes", "start = -1"): (
        "SQLite's highlight() always opens a match before it closes one"
    ),
    ("core/storage/notes", "(match, RANK_AT_MOST + 1),"): (
        "counting to any limit above RANK_AT_MOST gives the same too-broad answer"
    ),
    ("core/search", "return BriefIndex(brief).search(query, limit)"): (
        "search_brief's default limit is the same as BriefIndex.search's"
    ),
    ("core/formats/subrip", 'text: str, file: str = "<srt>", *, name: str = ""'): _DEFAULTS,
    ("core/media/chapters", 'kind = getattr(frame, "FrameID", "")'): _MUTAGEN_ATTR,
    ("core/media/chapters", 'return bool(int(getattr(toc, "flags", 0)) & 0x2)'): _MUTAGEN_ATTR,
    (
        "core/media/chapters",
        'if not int(getattr(toc, "flags", 0)) & 0x1:  # not ordered: time order is the only order',
    ): _MUTAGEN_ATTR,
    ("core/media/chapters", 'for sub in getattr(frame, "sub_frames", {}).values():'): (
        _MUTAGEN_ATTR
    ),
    ("core/media/chapters", 'sid = getattr(sub, "FrameID", "")'): _MUTAGEN_ATTR,
    (
        "core/media/chapters",
        'elif sid == "WXXX" and getattr(sub, "url", None):',
        'elif sid == "WXXX" and getattr(sub, "url", ):',
    ): _MUTAGEN_ATTR,
    (
        "core/media/chapters",
        'n, part = int(m.group(1)), (m.group(2) or "").upper()',
        'n, part = int(m.group(1)), (m.group(2) or "XXXX").upper()',
    ): "neither '' nor 'XXXX' is NAME or URL: both mark a start",
    (
        "core/media/tags",
        '"title": _text(tags.get("Title")),',
        '"title": _text(tags.get("title")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"title": _text(tags.get("Title")),',
        '"title": _text(tags.get("TITLE")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"album": _text(tags.get("Album")),',
        '"album": _text(tags.get("album")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"album": _text(tags.get("Album")),',
        '"album": _text(tags.get("ALBUM")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"artist": _text(tags.get("Artist")),',
        '"artist": _text(tags.get("artist")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"artist": _text(tags.get("Artist")),',
        '"artist": _text(tags.get("ARTIST")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"date": _text(tags.get("Year")),',
        '"date": _text(tags.get("year")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        '"date": _text(tags.get("Year")),',
        '"date": _text(tags.get("YEAR")),',
    ): _APE_CASE,
    (
        "core/media/tags",
        'fields["duration_s"] = float(length) if length > 0 and length != float("inf") else 0.0',
        'fields["duration_s"] = float(length) if length > 0 and length != float("INF") else 0.0',
    ): "float() reads INF as inf",
    (
        "core/formats/chapters_json",
        'rows.append((quote.at, 0, {"startTime": _num(quote.at), "title": title}))',
    ): _ADDED_IN_ORDER,
    (
        "core/formats/chapters_json",
        '(at, 1, {"startTime": _num(at), "title": concept.name, "toc": False}),',
    ): _ADDED_IN_ORDER,
    ("core/formats/chapters_json", "rows.append((start, 2, chapter))"): _ADDED_IN_ORDER,
    ("core/formats/chapters_json", "fields[key] = None", 'fields[key] = ""'): (
        "an unusable title reads as '' either way, and a chapter's url and img are shown nowhere"
    ),
    (
        "core/formats/chapters_json",
        'return json.dumps(doc, ensure_ascii=False, indent=2) + "\\n"',
        'return json.dumps(doc, ensure_ascii=None, indent=2) + "\\n"',
    ): _FALSY,
    (
        "core/formats/webvtt_export",
        'rows.append((quote.at, 0, f"quote-{i + 1}", text, None))',
    ): _ADDED_IN_ORDER,
    (
        "core/formats/webvtt_export",
        'rows.append((min(concept.at), 1, f"concept-{i + 1}", text, None))',
    ): _ADDED_IN_ORDER,
    (
        "core/formats/webvtt_export",
        'rows.append((start, 2, f"note-{i + 1}", f"<i>Note:</i> {escape(body)}", end))',
    ): _ADDED_IN_ORDER,
    (
        "core/formats/track",
        "out.append(Cue(kind, start, max(end, start + 1), item.text, ref))",
        "out.append(Cue(kind, start, max(end, start + 2), item.text, ref))",
    ): _ONE_MS,
    (
        "core/formats/sidecars",
        'ordered += [Sidecar(p, audio_base, "named after the audio") for p in _named_like(audio)]',
        'ordered = [Sidecar(p, audio_base, "named after the audio") for p in _named_like(audio)]',
    ): "the list is still empty there",
    ("core/formats/sidecars", "continue", "break"): (
        "is_file() is false for what stat() cannot read: only a file removed between the two raises"
    ),
    ("core/formats/chapters_json", 'text: str, file: str = "<chapters>", *, name: str = ""'): (
        _DEFAULTS
    ),
    ("core/formats/textfile", "start = 0"): "set from the first line of every block before use",
    ("core/formats/textfile", 'text = raw.decode("utf-8", errors="replace")'): _UTF8_DEFAULT,
    (
        "core/formats/textfile",
        'replaced = text.count("\\ufffd") - raw.decode("utf-8", errors="ignore").count("\\ufffd")',
        'replaced = text.count("\\ufffd") - raw.decode(errors="ignore").count("\\ufffd")',
    ): _UTF8_DEFAULT,
    (
        "core/timefmt",
        "if not (isinstance(seconds, int | float) and math.isfinite(seconds)):",
        "if not (isinstance(seconds, int | float) or math.isfinite(seconds)):",
    ): "inf and nan fail the range check below with the same message; non-numbers never come",
    ("core/record", "current = dict(zip(self.fields, self._values(self), strict=True))"): (
        _SAME_GETTER
    ),
    (
        "core/record",
        'f"{name}={value!r}" for name, value in zip(self.fields, self._values(self), strict=True)',
    ): _SAME_GETTER,
    ("core/timefmt", "def digits_value(text: str, *, limit: int = 12) -> int:"): _FAR_PAST,
    ("core/timefmt", "if len(stripped) > limit:", "if len(stripped) >= limit:"): _FAR_PAST,
    ("core/timefmt", 'stripped = text.lstrip("0")', 'stripped = text.lstrip("XX0XX")'): (
        "the text is digits only: no X to strip"
    ),
    ("core/text", 'base = w.split("\'", 1)[0]', 'base = w.split("\'", 2)[0]'): _FIRST_PART,
    ("core/text", 'base = w.split("\'", 1)[0]', 'base = w.split("\'", )[0]'): _FIRST_PART,
    ("core/text", "return [w.lower() if w.isascii() else fold(w) for w in found]"): _ASCII_FOLD,
    ("core/text", "yield m.start(), m.end(), (w.lower() if w.isascii() else fold(w))"): _ASCII_FOLD,
    ("core/media/tags", '"title": first("title", "Title", "WM/Title"),'): _APE_ASF,
    ("core/media/tags", '"album": first("album", "Album", "WM/AlbumTitle"),'): _APE_ASF,
    (
        "core/media/tags",
        '"artist": first("artist", "Artist", "Author", "WM/AlbumArtist"),',
    ): _APE_ASF,
    ("core/media/tags", '"date": first("date", "Year", "WM/Year"),'): _APE_ASF,
    (
        "core/media/tags",
        "data = f.read(16 * 1024 * 1024)",
    ): "a bound on work; INFO is near the start",
    ("core/media/tags", 'if data[:4] != b"RIFF" or data[8:12] != b"WAVE":'): (
        "mutagen has already read the file as RIFF/WAVE"
    ),
    ("core/media/tags", "while pos + 8 <= len(data):"): _EMPTY_CHUNK,
    ("core/media/tags", "while sub + 8 <= len(body):"): _EMPTY_CHUNK,
    ("core/media/tags", 'raw = body[sub + 8 : sub + 8 + ssize].split(b"\\x00", 1)[0]'): (
        "any maxsplit gives the same text before the first NUL"
    ),
    ("core/media/tags", '"date": first("TDRL", "TDRC", "TYER"),'): (
        "mutagen turns an ID3v2.3 TYER into TDRC on load (TDRL before TDRC is tested)"
    ),
    ("core/episodes", 'if f.name == "audio_is_standin":'): _SLOW_PATH,
    ("core/episodes", 'elif f.name == "length_s":'): _SLOW_PATH,
    (
        "core/episodes",
        "if value is not None and (type(value) not in (int, float) or abs(value) > 2**53):",
    ): _SLOW_PATH,
    (
        "core/episodes",
        "elif value is not None and not isinstance(value, str):",
        "elif value is not None or not isinstance(value, str):",
    ): _SLOW_PATH,
    ("core/episodes", "plain = _plain_meta(raw)", "plain = None"): _SLOW_PATH,
    ("core/feed/download", 'headers = {"Accept-Encoding": "identity"}'): (
        "http.client asks for the identity encoding by itself"
    ),
    ("core/feed/download", 'headers["Range"] = f"bytes={offset}-"'): _URLLIB_CAPS,
    ("core/feed/download", 'headers["If-Range"] = validator'): _URLLIB_CAPS,
    ("core/feed/download", "for attempt in range(2):", "for attempt in range(3):"): _TWO_TRIES,
    (
        "core/feed/download",
        'raise FeedError(f"{host_of(url)} would not send {label}.")'
        "  # pragma: no cover - loop exits",
    ): _TWO_TRIES,
    ("core/feed/download", 'state = json.loads(_state_path(dest).read_text(encoding="utf-8"))'): (
        _ASCII_JSON
    ),
    ("core/feed/download", "out.truncate(offset)", "out.truncate(None)"): (
        "right after the seek to the offset, the position is the offset"
    ),
    ("core/feed/download", "written += out.write(view[written:]) or 0"): (
        "a file opened unbuffered takes the whole chunk in one write and returns its length"
    ),
    ("core/feed/download", "last_report = 0.0"): "the monotonic clock is far past 1 s by then",
    (
        "core/feed/download",
        'match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))',
        'match = _CONTENT_RANGE.match(response.headers.get("Content-Range", "XXXX"))',
    ): "a missing Content-Range matches neither",
    ("core/feed/download", "if received > expected_size:", "if received >= expected_size:"): (
        "inside `received != expected_size`: never equal"
    ),
    ("core/feed/download", 'state["etag"] = None', 'state["etag"] = ""'): (
        "the empty ETag is false too: the `or` that reads it takes Last-Modified"
    ),
    ("core/feed/download", '_state_path(dest).write_text(json.dumps(state), encoding="utf-8")'): (
        _ASCII_JSON
    ),
    (
        "core/feed/extras",
        'if data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):',
        'if data.lstrip()[:16].lower().startswith((b"<!doctype html", b"<html")):',
    ): _HEAD,
    ("core/feed/extras", "path.unlink(missing_ok=True)"): "the file was just written: it is there",
    ("core/feed/extras", 'tmp = path.with_name(path.name + ".part")'): (
        "the temporary file is renamed or removed at once: any name does"
    ),
    (
        "core/feed/extras",
        'suffix = TRANSCRIPT_NAMES.get(guessed or "")',
        'suffix = TRANSCRIPT_NAMES.get(guessed or "XXXX")',
    ): "neither '' nor 'XXXX' is a transcript type",
    (
        "core/feed/fetch",
        'record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))',
    ): (_ASCII_JSON),
    (
        "core/feed/fetch",
        '(folder / RECORD_NAME).write_text(json.dumps(record, indent=2), encoding="utf-8")',
    ): _ASCII_JSON,
    (
        "core/feed/fetch",
        'special = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}',
        'special = {"XXaudio/mpegXX": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}',
    ): _MIME_MP3,
    (
        "core/feed/fetch",
        'special = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}',
        'special = {"AUDIO/MPEG": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}',
    ): _MIME_MP3,
    (
        "core/feed/fetch",
        'special = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}',
        'special = {"audio/mpeg": ".mp3", "XXaudio/mp3XX": ".mp3", "audio/x-m4a": ".m4a"}',
    ): _MIME_MP3,
    (
        "core/feed/fetch",
        'special = {"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/x-m4a": ".m4a"}',
        'special = {"audio/mpeg": ".mp3", "AUDIO/MP3": ".mp3", "audio/x-m4a": ".m4a"}',
    ): _MIME_MP3,
    ("core/feed/match", "return True", "return False"): (
        "equal addresses with a path also end with each other, and an audio address has one"
    ),
    (
        "core/feed/net",
        'url, headers={"User-Agent": user_agent(), **dict(headers or {})}',
    ): _URLLIB_CAPS,
    (
        "core/feed/reader",
        'enclosure = Enclosure(chosen["url"], size if size > 0 else None, chosen["mime_type"])',
        'enclosure = Enclosure(chosen["url"], size if size >= 0 else None, chosen["mime_type"])',
    ): "podcastparser gives -1, never 0, for a missing or zero length",
    (
        "core/feed/reader",
        'enclosure = Enclosure(chosen["url"], size if size > 0 else None, chosen["mime_type"])',
        'enclosure = Enclosure(chosen["url"], size if size > 1 else None, chosen["mime_type"])',
    ): "no audio file is 1 byte long",
    (
        "core/feed/reader",
        "head = data.lstrip()[:512].lower()",
        "head = data.lstrip()[:513].lower()",
    ): (_HEAD),
    ("core/feed/reader", "handler = _Handler(url, 0)", "handler = _Handler(url, None)"): (
        "podcastparser reads 0 and None alike: no limit on episodes"
    ),
    ("core/library_entries", "cover = None", 'cover = ""'): (
        "the empty path is false too: the `or` two lines below treats both alike"
    ),
    ("core/moment_link", "return MomentLink(episode_id, max(0, int(at_ms))).url()"): _ONE_MS,
    (
        "core/moment_link",
        "return f\"{SCHEME}://open?episode={quote(self.episode_id, safe='')}&t={t}\"",
    ): "safe='' only adds '/', which no episode id (a folder name or a slug) holds",
    ("core/navigation/chapters", "return ChapterList(_spans(starts, end_ms), from_brief=False)"): (
        _FALSY
    ),
    (
        "core/navigation/chapters",
        "if t_ms - self.chapters[i].start_ms > RESTART_GRACE_MS or i == 0:",
        "if t_ms - self.chapters[i].start_ms >= RESTART_GRACE_MS or i == 0:",
    ): "exactly 3 s or 3.001 s after a chapter's start: the same press to the listener",
    (
        "core/navigation/playhead",
        "if floor_ms is not None and playing and 0 < floor_ms - reported_ms < MAX_BACKSTEP_MS:",
        "if floor_ms is not None and playing and 0 <= floor_ms - reported_ms < MAX_BACKSTEP_MS:",
    ): "when the report is the time shown, either branch returns it",
    (
        "core/sleep",
        "def __init__(self, choice: SleepChoice, *, end_ms: int | None = None, left_ms: int = 0):",
    ): "only a timer to an end leaves it out, and that timer never reads it",
    ("core/sleep", "countdown._fade_ms = max(1, min(FADE_MS, countdown.left_ms(now_ms, rate)))"): (
        "a fade of 1 or 2 ms at the very stop: " + _ONE_MS
    ),
    ("core/sleep", "return 1.0 if left >= self._fade_ms else left / self._fade_ms"): (
        "at left == fade both give full volume"
    ),
    (
        "core/sleep",
        "return self.left_ms(now_ms, rate) <= 0",
        "return self.left_ms(now_ms, rate) <= 1",
    ): (_ONE_MS),
    ("core/storage/files", "return f.read(100)"): _READ_MORE,
    ("core/storage/files", "head = f.read(32)"): _READ_MORE,
    (
        "core/storage/files",
        'conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)',
    ): (_URI),
    ("core/storage/database", "self._closed = False", "self._closed = None"): _FALSY,
    ("core/storage/database", "self._depth = 0", "self._depth = None"): (
        "only read as true or false until the first transaction sets it"
    ),
    ("core/storage/database", "if _open_here[key] <= 0:", "if _open_here[key] < 0:"): (
        "a count of 0 left in the Counter reads as not open"
    ),
    ("core/storage/database", 'name = getattr(e, "sqlite_errorname", "")'): (
        "every sqlite3 error carries sqlite_errorname (Python 3.11+)"
    ),
    ("core/storage/database", "target = latest_version() if upto is None else upto"): (
        "no caller passes upto"
    ),
    ("core/storage/database", 'kept = files.keep_copy(wal, "damaged", with_wal=False)'): (
        "a WAL has no WAL of its own to copy"
    ),
    (
        "core/storage/database",
        'src = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)',
    ): _URI,
    ("core/storage/database", "return stat.f_bavail * stat.f_frsize < 64 * 1024"): (
        "a full disk has far less than 64 KiB free and a working one far more"
    ),
    (
        "core/storage/database",
        "conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)",
        "conn = sqlite3.connect(path, check_same_thread=False)",
    ): _EXPLICIT,
    (
        "core/storage/database",
        'mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)',
        'mem = sqlite3.connect(":memory:", check_same_thread=False)',
    ): _EXPLICIT,
    (
        "core/storage/database",
        'db = Database(sqlite3.connect(":memory:", isolation_level=None, '
        "check_same_thread=False), None)",
        'db = Database(sqlite3.connect(":memory:", check_same_thread=False), None)',
    ): _EXPLICIT,
    ("core/storage/pending_notes", "def all_recent(self, limit: int = 100) -> list[Note]:"): (
        "every caller passes its own limit"
    ),
    ("core/storage/pending_notes", "lines.sort(key=lambda line: line[:3])"): (
        "ids are unique: the first three fields already order every line"
    ),
    (
        "core/storage/pending_notes",
        "for h in super().search(query, episode_id, limit)",
        "for h in super().search(query, episode_id, )",
    ): "NoteStore.search's default limit is the same 200",
    ("core/storage/pending_notes", "False,", "None,"): _FALSY,
    ("core/storage/pending_notes", "rescue.unlink(missing_ok=True)"): (
        "the rescue was read a moment ago: it is there to remove"
    ),
    (
        "core/storage/schema",
        'if getattr(e, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):',
    ): "checked inside BEGIN IMMEDIATE: the write lock is held, so no busy error reaches it",
    (
        "core/storage/schema",
        'conn.execute("DROP TABLE notes_fts")',
        'conn.execute("XXDROP TABLE notes_ftsXX")',
    ): ("a failed drop is done by hand just below, to the same schema"),
    ("core/storage/queue", 'stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")'): (
        "any new name the glob finds will do: a rescue merges by each note's own edit time"
    ),
    **{
        ("core/storage/queue", _WRITER, _WRITER.replace(name, other)): "a thread's name is unseen"
        for name, other in (
            ('name="notes-writer"', "name=None"),
            (' name="notes-writer",', ""),
            ('"notes-writer"', '"XXnotes-writerXX"'),
            ('"notes-writer"', '"NOTES-WRITER"'),
        )
    },
    ("core/storage/queue", "self._closing = False", "self._closing = None"): _FALSY,
    (
        "core/storage/queue",
        "self._tell(notice, lasting=False)",
        "self._tell(notice, lasting=None)",
    ): (_FALSY),
    (
        "core/storage/queue",
        "self._head_since = time.monotonic()  # when the writer started on the current job",
    ): "submit sets it before settle can read it",
    (
        "core/storage/queue",
        "self.path, busy_timeout_ms=WORKER_BUSY_TIMEOUT_MS, check_index=False",
    ): ("the queue checks the index itself just after: a second check finds it whole"),
    ("core/storage/queue", "def close(self, timeout: float = 2.0) -> int:"): (
        "the app's one caller passes its own timeout"
    ),
    ("core/storage/queue", "if left <= 0:", "if left < 0:"): (
        "with exactly 0 s left, wait(0) returns at once and the next pass says False"
    ),
    ("core/storage/queue", "if left > 0:", "if left >= 0:"): "flush(0) waits for nothing",
    (
        "core/storage/queue",
        "if self.state is not None or self._closing or not self._jobs:",
        "if self.state is not None or self._closing and not self._jobs:",
    ): "closing empties the queue in the same step: no writes wait once it is closing",
    (
        "core/storage/queue",
        "if self.state is not None or self._closing or not self._jobs:",
        "if self.state is not None and self._closing or not self._jobs:",
    ): "'busy' is said after a 50 ms try, when the window's 50 ms wait has run out anyway",
    (
        "core/storage/queue",
        "self.path, busy_timeout_ms=WORKER_BUSY_TIMEOUT_MS, check_index=False",
        "self.path, busy_timeout_ms=WORKER_BUSY_TIMEOUT_MS, check_index=None",
    ): _FALSY,
    (
        "core/storage/queue",
        "self._thread.join(timeout=RETRY_AT_MOST_S + WORKER_BUSY_TIMEOUT_MS / 1000 + 1)",
    ): ("closing, the writer stops after its current 50 ms try: the bound only guards a hang"),
    ("core/formats/transcript_json", 'text: str, file: str = "<transcript>", *, name: str = ""'): (
        _DEFAULTS
    ),
    ("core/formats/transcript_json", "speaker = None", 'speaker = ""'): (
        "an empty speaker becomes None two lines below"
    ),
    ("core/formats/subrip", 'if len(hours.lstrip("0")) > 6:'): (
        "6 or 7 digits of hours are past MAX_SECONDS anyway; the guard only bounds int()"
    ),
    (
        "core/formats/subrip",
        "m = _TIMING.fullmatch(lines[timing_at]) if len(lines[timing_at]) < 400 else None",
    ): "a bound on regex work for hostile lines; no timing line is 400 characters",
}

_SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WHERE|FROM|JOIN|ORDER BY|VALUES)\b"
    r"|\w\s*=\s*\?",
    re.I,
)
_CODEC = re.compile(r"[\"'](utf-8|utf-8-sig|latin-1|ascii|cp1252)[\"']", re.I)
_HEADER = re.compile(r"headers\.get\([\"'][A-Za-z-]+[\"'][,)]")


def equivalent_by_rule(before: str, after: str) -> str | None:
    """Whole families of mutants that cannot change behaviour, each with its reason."""
    if before.lower() == after.lower() and before != after:
        if _SQL.search(before):
            return "SQL keywords and names are case-insensitive"
        if _CODEC.search(before):
            return "codec names are case-insensitive"
        if _HEADER.search(before) and _HEADER.search(after):
            return "HTTP header names are case-insensitive"
    return None


def is_ui(module: str) -> bool:
    return module.startswith("ui/")


def source_file(module: str) -> str:
    return f"player/{module}.py"


def files_of(module: str) -> list[str]:
    """The .py files a module or folder names, as paths from the repository."""
    if (REPO / source_file(module)).is_file():
        return [source_file(module)]
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "player" / module).rglob("*.py"))


def tests_for(selected: list[str]) -> list[str]:
    """UI modules run their own tests; core modules the core tests (pyproject) and any extra."""
    ui = [m for m in selected if is_ui(m)]
    if ui and len(ui) != len(selected):
        raise SystemExit("name core modules and ui modules in separate runs")
    tests: list[str] = []
    for m in ui:
        if m not in UI_TESTS:
            raise SystemExit(f"{m}: no tests listed for it in UI_TESTS")
        tests += [t for t in UI_TESTS[m] if t not in tests]
    if ui:
        return tests
    for m, extra in CORE_EXTRA_TESTS.items():
        if wanted(m, selected):
            tests += [t for t in extra if t not in tests]
    return ["tests/core", *tests] if tests else []


def module_of(meta: Path) -> str:
    return str(meta.relative_to(MUTANTS / "player")).removesuffix(".py.meta")


def wanted(module: str, selected: list[str]) -> bool:
    return not selected or any(module == s or module.startswith(s + "/") for s in selected)


def normalise(arg: str) -> str:
    """Accept `core/sync.py`, `player/core/sync.py` or `core/storage` for a module or folder."""
    return arg.removeprefix("player/").removesuffix(".py").rstrip("/")


def patterns(module: str) -> list[str]:
    """mutmut's names of a module's mutants. A package's own mutants are named after the
    package (player.core.align.x___getattr____mutmut_1), beside those of its modules."""
    package = module.removesuffix("/__init__")
    dotted = "player." + package.replace("/", ".")
    return [f"{dotted}.x_*", f"{dotted}.x\u01c1*"] if package != module else [f"{dotted}.*"]


@functools.cache
def mutated(path: str):
    """The module with all its mutants, parsed once: made again from the source, since a later
    run that named other modules has put the plain file back in mutants/."""
    import libcst
    from mutmut.mutation.file_mutation import mutate_file_contents

    return libcst.parse_module(mutate_file_contents(path, (REPO / path).read_text()).code)


def diff_of(name: str, path: str) -> str:
    import difflib

    import libcst
    from mutmut.mutation.diff_apply import read_mutant_function, read_original_function

    module = mutated(path)
    try:
        functions = (read_original_function(module, name), read_mutant_function(module, name))
    except FileNotFoundError:  # a verdict left from before the source changed
        return "(the source changed since this mutant was made)"
    before, after = (libcst.Module([f]).code.strip().split("\n") for f in functions)
    return "\n".join(difflib.unified_diff(before, after, path, path, lineterm=""))


def changed_lines(name: str, path: str) -> tuple[str, str]:
    diff = diff_of(name, path).splitlines()[2:]
    before = next((x[1:].strip() for x in diff if x.startswith("-")), "")
    after = next((x[1:].strip() for x in diff if x.startswith("+")), "")
    return before, after


def table(selected: list[str], show_survivors: bool, brief: bool = False) -> float:
    os.chdir(REPO)
    head = ("mutants", "killed", "survived", "no tests", "equiv", "unrun")
    print(f"{'module':30}" + "".join(f"{h:>9}" for h in head) + f"{'score':>8}")
    totals = [0] * len(head)
    metas = [*MUTANTS.glob("player/core/**/*.py.meta"), *MUTANTS.glob("player/ui/**/*.py.meta")]
    for meta in sorted(metas):
        module = module_of(meta)
        if not wanted(module, selected) or (is_ui(module) and not selected):
            continue
        try:
            codes = json.loads(meta.read_text())["exit_code_by_key"]
        except json.JSONDecodeError:  # being written by a run still going
            continue
        if not codes:
            continue
        path = source_file(module)
        survivors = []
        equivalent = 0
        for name, code in sorted(codes.items()):
            if code in KILLED or code is None:
                continue
            before, after = changed_lines(name, path)
            if (
                (module, before, after) in EQUIVALENT
                or (module, before) in EQUIVALENT
                or equivalent_by_rule(before, after)
            ):
                equivalent += 1
            else:
                survivors.append((name, code))
        counts = (
            len(codes),
            sum(c in KILLED for c in codes.values()),
            sum(c not in NO_TESTS for _, c in survivors),
            sum(c in NO_TESTS for _, c in survivors),
            equivalent,
            sum(c is None for c in codes.values()),
        )
        totals = [t + n for t, n in zip(totals, counts, strict=True)]
        score = _score(counts)
        flag = "" if score >= 90 else "  < 90"
        print(f"{module:30}" + "".join(f"{n:9}" for n in counts) + f"{score:7.1f}%{flag}")
        if show_survivors:
            for name, code in survivors:
                tag = " (no test runs it)" if code in NO_TESTS else ""
                if brief:
                    before, after = changed_lines(name, path)
                    print(f"  {name.rsplit('.', 1)[1]}{tag}\n    - {before}\n    + {after}")
                else:
                    print(f"\n# {name}{tag}\n{diff_of(name, path)}\n")
    overall = _score(totals)
    print(f"{'all':30}" + "".join(f"{n:9}" for n in totals) + f"{overall:7.1f}%")
    return overall


def _score(counts) -> float:
    """Killed share of the mutants that were run and are not equivalent."""
    n, killed, _, _, equivalent, unchecked = counts
    counted = n - equivalent - unchecked
    return 100.0 * killed / counted if counted else 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="core/sync.py, core/storage, ... (all)")
    parser.add_argument("--report", action="store_true", help="print the last run's table only")
    parser.add_argument("--survivors", action="store_true", help="print each survivor's diff")
    parser.add_argument("--lines", action="store_true", help="survivors as changed lines only")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--tests", nargs="+", default=[], help="run only these tests")
    parser.add_argument(
        "--timeout-multiplier",
        type=float,
        help="CPU limit per mutant as a multiple of its tests' time (mutmut's default is 15)",
    )
    args = parser.parse_args()
    selected = [normalise(m) for m in args.modules]
    if not args.report:
        tests = args.tests or tests_for(selected)
        files = [f for m in selected or ["core"] for f in files_of(m)]
        for f in files:
            # A file left unmutated by a run that named other modules is newer than its
            # source, which mutmut would take for "already mutated": make it again.
            (MUTANTS / f).unlink(missing_ok=True)
        over = {
            "source_paths": [CORE, *(f for f in files if not f.startswith(CORE))],
            "only_mutate": files,
            "tests": tests,
            "timeout_multiplier": args.timeout_multiplier,
        }
        # Naming the mutants makes mutmut test every one again instead of keeping earlier
        # verdicts, and a fresh test-to-code map picks up tests added or changed since.
        names = [p for m in selected for p in patterns(m)] or ["player.core.*"]
        (MUTANTS / "mutmut-stats.json").unlink(missing_ok=True)
        start = time.monotonic()
        command = [sys.executable, "-c", _MUTMUT_WITH, json.dumps(over), "run"]
        run = subprocess.run(
            [*command, "--max-children", str(args.jobs), *names],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=lambda: os.nice(10),
        )
        elapsed = time.monotonic() - start
        if run.returncode != 0:
            tail = "\n".join(run.stdout.splitlines()[-40:])
            print(f"{tail}\nmutmut run failed with exit code {run.returncode}", file=sys.stderr)
            return run.returncode
        print(f"mutmut run: {elapsed:.0f} s with {args.jobs} at once")
    table(selected, args.survivors or args.lines, args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
