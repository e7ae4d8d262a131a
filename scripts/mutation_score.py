"""How much of the core would the tests notice if it broke? Runs mutmut over `player/core` (or
the modules named) with the core tests and prints, per module, how many mutants the tests kill.

The score is killed / (mutants - equivalent): an equivalent mutant changes the code without
changing anything the app does, so no test can kill it. They are listed in EQUIVALENT below,
each with its reason, keyed by the line before and after so the list survives renumbering.
A timeout counts as killed (the listener would see a hang).

    make mutation                                   # whole core, then the table
    .venv/bin/python scripts/mutation_score.py core/timefmt.py core/sync.py
    .venv/bin/python scripts/mutation_score.py --report      # table of the last run only
    .venv/bin/python scripts/mutation_score.py --survivors core/sync.py   # with their diffs

It is a measure, not a test: the whole core takes minutes and both cores of the machine.
"""

from __future__ import annotations

import argparse
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
EQUIVALENT: dict[tuple[str, ...], str] = {
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
    ("core/search", "ok = False", "ok = None"): "None and False are both false here",
    ("core/search", "found = False", "found = None"): "None and False are both false here",
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
    ("core/storage/database", "target = latest_version() if upto is None else upto"): (
        "no caller passes upto"
    ),
    ("core/storage/database", 'kept = files.keep_copy(wal, "damaged", with_wal=False)'): (
        "a WAL has no WAL of its own to copy"
    ),
    (
        "core/storage/database",
        'src = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)',
    ): ("Debian's SQLite is built to open file: URIs even without uri=True"),
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
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WHERE|FROM|JOIN|ORDER BY)\b"
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


def module_of(meta: Path) -> str:
    return str(meta.relative_to(MUTANTS / "player")).removesuffix(".py.meta")


def wanted(module: str, selected: list[str]) -> bool:
    return not selected or any(module == s or module.startswith(s + "/") for s in selected)


def normalise(arg: str) -> str:
    """Accept `core/sync.py`, `player/core/sync.py` or `core/storage` for a module or folder."""
    return arg.removeprefix("player/").removesuffix(".py").rstrip("/")


def pattern(module: str) -> str:
    return "player." + module.replace("/", ".") + ".*"


def changed_lines(name: str, path: str) -> tuple[str, str]:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    try:
        diff = get_diff_for_mutant(name, path=path).splitlines()[2:]
    except (FileNotFoundError, KeyError):  # a verdict left from before the source changed
        return "", ""
    before = next((x[1:].strip() for x in diff if x.startswith("-")), "")
    after = next((x[1:].strip() for x in diff if x.startswith("+")), "")
    return before, after


def diff_of(name: str, path: str) -> str:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    try:
        return get_diff_for_mutant(name, path=path)
    except (FileNotFoundError, KeyError):
        return "(the source changed since this mutant was made)"


def table(selected: list[str], show_survivors: bool, brief: bool = False) -> float:
    os.chdir(REPO)
    head = ("mutants", "killed", "survived", "no tests", "equiv", "unrun")
    print(f"{'module':30}" + "".join(f"{h:>9}" for h in head) + f"{'score':>8}")
    totals = [0] * len(head)
    for meta in sorted(MUTANTS.glob("player/core/**/*.py.meta")):
        module = module_of(meta)
        if not wanted(module, selected):
            continue
        try:
            codes = json.loads(meta.read_text())["exit_code_by_key"]
        except json.JSONDecodeError:  # being written by a run still going
            continue
        if not codes:
            continue
        path = f"player/{module}.py"
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
    args = parser.parse_args()
    selected = [normalise(m) for m in args.modules]
    if not args.report:
        mutmut = Path(sys.executable).with_name("mutmut")
        # Naming the mutants makes mutmut test every one again instead of keeping earlier
        # verdicts, and a fresh test-to-code map picks up tests added or changed since.
        names = [pattern(m) for m in selected] or ["player.core.*"]
        (MUTANTS / "mutmut-stats.json").unlink(missing_ok=True)
        start = time.monotonic()
        run = subprocess.run(
            [str(mutmut), "run", "--max-children", str(args.jobs), *names],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.monotonic() - start
        if run.returncode != 0:
            print(f"mutmut run failed with exit code {run.returncode}", file=sys.stderr)
            return run.returncode
        print(f"mutmut run: {elapsed:.0f} s with {args.jobs} at once")
    table(selected, args.survivors or args.lines, args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
