"""How much of the core would the tests notice if it broke? Runs mutmut over `player/core` (or
the modules named) with the core tests and prints, per module, how many mutants the tests kill.

The score is killed / (mutants - equivalent): an equivalent mutant changes the code without
changing anything the app does, so no test can kill it. They are listed in EQUIVALENT below,
each with its reason, keyed by the line before and after so the list survives renumbering.
A timeout counts as killed (the listener would see a hang).

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
_JSON_TYPES = "a brief holds only strings, numbers and tuples: any dump mode gives the same JSON"
_JSON_TYPES = "a brief holds only strings, numbers and tuples: any dump mode gives the same JSON"
_DUMP = 'return json.dumps(brief.model_dump(mode={}), ensure_ascii=False, indent=2) + "\\n"'
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
_PAIR_CODE = "any one-to-one number of a word pair names the same pairs"
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
    (
        "core/brief/json_brief",
        'def parse_brief_json(text: str, file: str = "<brief.json>") -> ParseResult:',
    ): (_DEFAULTS),
    (
        "core/brief/json_brief",
        _DUMP.format('"json"'),
        _DUMP.format("None"),
    ): _JSON_TYPES,
    (
        "core/brief/json_brief",
        _DUMP.format('"json"'),
        _DUMP.format('"XXjsonXX"'),
    ): _JSON_TYPES,
    (
        "core/brief/json_brief",
        _DUMP.format('"json"'),
        _DUMP.format('"JSON"'),
    ): _JSON_TYPES,
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
    ("core/formats/vtt", "m = _CANONICAL.fullmatch(line)", "m = None"): (
        "webvtt-py reads the same times; the pattern only makes long files fast"
    ),
    ("core/formats/vtt", 'return html.unescape(flat) if "&" in flat else flat'): (
        "unescaping text without '&' changes nothing"
    ),
    (
        "core/formats/vtt",
        'return (html.unescape(voice) if "&" in voice else voice).strip() or None',
        'return (html.unescape(voice) if ("&" in voice) or True else voice).strip() or None',
    ): "unescaping text without '&' changes nothing",
    ("core/formats/vtt", "caption = parse_item(lines, strict=False, seen_cue=True)"): (
        "not strict, webvtt-py raises nothing, and REGION blocks never reach it"
    ),
    (
        "core/formats/vtt",
        'problems.append(FormatProblem.at_line(file, line_no, f"{exc}; cue skipped"))',
    ): ("not strict, webvtt-py raises nothing, so this guard is never reached"),
    ("core/timeline", "self.longest = max((c.end_ms - c.start_ms for c in cues), default=0)"): (
        "a track is never built without cues, and a longer reach only scans further back"
    ),
    ("core/storage/syncpoints", "h = hashlib.sha256(str(size).encode())"): (
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


def equivalent_by_rule(before: str, after: str) -> str | None:
    """Whole families of mutants that cannot change behaviour, each with its reason."""
    if before.lower() == after.lower() and before != after:
        if _SQL.search(before):
            return "SQL keywords and names are case-insensitive"
        if _CODEC.search(before):
            return "codec names are case-insensitive"
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


def pattern(module: str) -> str:
    return "player." + module.replace("/", ".") + ".*"


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
        }
        # Naming the mutants makes mutmut test every one again instead of keeping earlier
        # verdicts, and a fresh test-to-code map picks up tests added or changed since.
        names = [pattern(m) for m in selected] or ["player.core.*"]
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
