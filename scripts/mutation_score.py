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
}

_SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WHERE|FROM|JOIN|ORDER BY)\b"
    r"|\w\s*=\s*\?",
    re.I,
)
_CODEC = re.compile(r"[\"'](utf-8|utf-8-sig|latin-1|ascii)[\"']", re.I)


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
