"""The real window on huge briefs, as whole processes: time to a painted window, keystrokes.

Each run is a fresh process timed by ``/usr/bin/time -v`` (wall clock, peak resident memory).
Inside it, the time from the process's own start (read from ``/proc``, so the interpreter and
every import count) to the first painted frame is printed, then each keystroke of a query typed
into the search box is timed from the key press until the result list is painted.

- ``bare window``: a ``QMainWindow`` with a ``QLineEdit`` and a list, the same keys typed: the
  floor any Qt window pays;
- ``50,000 quotes`` and ``10 MB``: ``open_app`` (the composition root, features built after the
  first paint, as ``brief-player`` runs it) on briefs generated like ``bench_scale.py``'s, with a
  throwaway database, opened for the first time (an empty brief cache);
- ``…, again``: the same file opened a second time, with the parse-and-link cache the first
  open left (``player.core.brief.cache``).

``settled`` is when the event loop went quiet (the pane measures its cards in batches between
events after the first paint; reported less the one quiet second waited); keys come after that.
The first keystroke builds the search index (it is built on the first search); the others show
what typing costs after. Ratios are against the bare window in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_huge_brief.py [ROUNDS]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import _brief_text
from bench_startup import TIME, _run, run_env

REPO = Path(__file__).resolve().parent.parent
QUERY = "model col"

DRIVER = r"""
import json, os, sys, time

def since_start():
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19]) / ticks
    return float(open("/proc/uptime").read().split()[0]) - start

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QMainWindow
from PySide6.QtWidgets import QVBoxLayout, QWidget

app = QApplication([])
brief = sys.argv[1]
if brief == "-":
    window = QMainWindow()
    page = QWidget(window)
    edit, hits = QLineEdit(page), QListWidget(page)
    edit.textChanged.connect(lambda t: (hits.clear(), hits.addItems([t] * 20)))
    layout = QVBoxLayout(page)
    layout.addWidget(edit)
    layout.addWidget(hits)
    window.setCentralWidget(page)
    panel = page
else:
    from pathlib import Path
    from player.ui.session import open_app
    window = open_app(Path(brief), remember=False, features="after-paint").window
    window.side.focus_search()
    edit, panel = window.side.search_edit, window.side
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
painted = since_start()
# The pane measures its cards in batches between events: let it finish before typing.
quiet_since = time.perf_counter()
while time.perf_counter() - quiet_since < 1.0:  # a whole second of passes under 5 ms
    t = time.perf_counter()
    app.processEvents()
    if time.perf_counter() - t > 0.005:
        quiet_since = time.perf_counter()
settled = since_start() - 1.0
keys = []
edit.setFocus()
for ch in sys.argv[2]:
    t = time.perf_counter()
    QTest.keyClick(edit, ch)
    app.processEvents()
    app.processEvents()
    panel.grab()
    keys.append((time.perf_counter() - t) * 1000)
"""


def _driver(brief: str, env: dict[str, str]) -> tuple[float, float, dict[str, object]]:
    """Wall seconds, peak MiB and what the driver measured inside, for one process."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    found = "{'painted': painted, 'settled': settled, 'keys': keys}"
    code = f"{DRIVER}\nopen({str(out)!r}, 'w').write(json.dumps({found}))\n"
    wall, mem = _run([sys.executable, "-c", code, brief, QUERY], env)
    inside = json.loads(out.read_text())
    out.unlink()
    return wall, mem, inside


def main() -> None:
    if not Path(TIME).exists():
        raise SystemExit("needs GNU time at /usr/bin/time (Debian package 'time')")
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    folder = Path(tempfile.mkdtemp())
    briefs = {"bare window": "-"}
    for label, (quotes, words) in {"50,000 quotes": (50_000, 14), "10 MB": (20_000, 80)}.items():
        path = folder / f"{quotes}.txt"
        path.write_text(_brief_text(quotes, words), encoding="utf-8")
        briefs[label] = str(path)
        briefs[f"{label}, again"] = str(path)
    env = run_env(
        QT_QPA_PLATFORM="offscreen",
        BRIEF_PLAYER_DATA=str(folder / "data"),
        PYTHONPATH=str(REPO),
    )
    samples: dict[str, list[tuple[float, float, dict[str, object]]]] = {b: [] for b in briefs}
    _driver("-", env)  # warm the disk cache once; not counted
    for n in range(rounds):
        for name, brief in briefs.items():
            # A first open finds an empty brief cache; "again" opens the same file a second
            # time, with the cache the first open left.
            cache = folder / f"cache-{n}-{name.removesuffix(', again')}"
            samples[name].append(_driver(brief, {**env, "BRIEF_PLAYER_CACHE": str(cache)}))
    base = statistics.median(s[2]["painted"] for s in samples["bare window"])  # type: ignore[misc]
    print(f"# huge briefs in the real window, median of {rounds} alternating runs")
    print(
        f"{'':21} {'size':>8} {'painted':>9} {'ratio':>6} {'settled':>9} {'1st key':>9}"
        f" {'next keys':>10} {'max key':>9} {'wall':>8} {'peak RSS':>9}"
    )
    for name, runs in samples.items():
        painted = statistics.median(r[2]["painted"] for r in runs)  # type: ignore[misc]
        settled = statistics.median(r[2]["settled"] for r in runs)  # type: ignore[misc]
        first = statistics.median(r[2]["keys"][0] for r in runs)  # type: ignore[index]
        rest = [k for r in runs for k in r[2]["keys"][1:]]  # type: ignore[index]
        size = 0.0 if briefs[name] == "-" else Path(briefs[name]).stat().st_size / 1e6
        print(
            f"{name:21} {size:6.1f}MB {painted * 1000:6.0f} ms {painted / base:5.1f}x"
            f" {settled * 1000:6.0f} ms"
            f" {first:6.1f} ms {statistics.median(rest):7.1f} ms {max(rest):6.1f} ms"
            f" {statistics.median(r[0] for r in runs):6.2f} s"
            f" {statistics.median(r[1] for r in runs):5.0f} MiB"
        )


if __name__ == "__main__":
    main()
