"""How late does the highlight change, and what does the window cost to open?

1. Highlight error: real audio plays through QMediaPlayer (offscreen, no audio device) under a
   brief with a quote every 250 ms. For every boundary we compare the moment the highlight
   changed with the moment the player's own clock passed that boundary, found by interpolating
   between the player's position reports on either side of it. The baseline, measured in the same
   run, is what updating only at position reports would give (the first report past the
   boundary). Run at 1x and at 3x.
2. Start-up: wall time from process start to a shown, painted window on the bundled episode,
   against a bare QMainWindow started the same way; and the peak memory of both.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_sync.py
"""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SECONDS = 20
STEP_MS = 250


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def highlight_errors(rate: float) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from player.core.brief.cues import brief_timeline
    from player.core.brief.parser import parse_brief_text
    from player.ui.loading import OpenEpisode
    from player.ui.main_window import MainWindow
    from tests.media import make_wav

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    audio = make_wav(tmp / "bench.wav", SECONDS + 1, rate=8000)
    lines = ["Bench — “Many cues”", "Quotes"]
    for i in range(1, SECONDS * 1000 // STEP_MS):
        ms = i * STEP_MS
        lines.append(f'- At {ms // 60000}:{ms // 1000 % 60:02d}.{ms % 1000:03d} - "Cue {i}."')
    brief = parse_brief_text("\n".join(lines)).brief
    episode = OpenEpisode(id="bench", brief=brief, timeline=brief_timeline(brief))
    window = MainWindow()
    window.open_episode(episode, audio=audio)
    window.show()
    deadline = time.monotonic() + 10
    while window.playback.duration_ms() <= 0 and time.monotonic() < deadline:
        app.processEvents()

    reports: list[tuple[float, int]] = []
    changes: list[tuple[float, int]] = []
    window.playback.position_changed.connect(lambda ms: reports.append((time.monotonic(), ms)))

    def on_active(cues) -> None:
        if cues:
            changes.append((time.monotonic(), cues[0].start_ms))

    window.clock.active_changed.connect(on_active)
    window.playback.set_rate(rate)
    window.playback.play()
    end = time.monotonic() + SECONDS / rate + 0.5
    while time.monotonic() < end and window.playback.is_playing():
        app.processEvents()
        time.sleep(0.0005)
    window.playback.stop()
    window.close()
    window.deleteLater()
    app.processEvents()

    errors: list[float] = []
    baseline: list[float] = []
    for t_change, boundary in changes:
        for (t1, p1), (t2, p2) in itertools.pairwise(reports):
            if p1 <= boundary < p2 and p2 > p1:
                crossing = t1 + (boundary - p1) / (p2 - p1) * (t2 - t1)
                errors.append((t_change - crossing) * 1000)
                if abs(errors[-1]) > 50 and os.environ.get("BENCH_VERBOSE"):
                    print(f"  outlier at cue {boundary} ms: {errors[-1]:.0f} ms", file=sys.stderr)
                baseline.append((t2 - crossing) * 1000)
                break
    return errors, baseline


CHILD = r"""
import os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {repo!r})
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
if {full}:
    from player.ui.app import dispose
    from player.ui.session import open_app
    w = open_app(None, remember=False).window
else:
    w = QMainWindow()
w.resize(1280, 800)
w.show()
for _ in range(3):
    app.processEvents()
w.grab()
print("ready", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
os._exit(0)
"""


def startup(full: bool) -> tuple[float, int]:
    code = CHILD.format(repo=str(REPO), full=full)
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = proc.stdout.readline()
    elapsed = (time.monotonic() - t0) * 1000
    proc.wait()
    return elapsed, int(line.split()[1])


def main() -> None:
    print("# highlight error against the player clock (ms; positive = late)")
    for rate in (1.0, 3.0):
        errors, baseline = highlight_errors(rate)
        if not errors:
            print(f"rate {rate}x: no cue changes measured")
            continue
        abs_err = [abs(e) for e in errors]
        print(
            f"rate {rate:g}x  cues {len(errors):4d}  scheduled: median"
            f" {statistics.median(errors):6.2f}"
            f"  p99 {_pct(abs_err, 99):6.2f}  max {max(abs_err):6.2f}   |  on-report baseline:"
            f" median {statistics.median(baseline):6.2f}  p99 {_pct(baseline, 99):6.2f}"
            f"  max {max(baseline):6.2f}"
        )
    print("# start-up to a painted window (5 runs each, median)")
    bare = [startup(False) for _ in range(5)]
    full = [startup(True) for _ in range(5)]
    bare_ms = statistics.median(b[0] for b in bare)
    full_ms = statistics.median(f[0] for f in full)
    bare_kb = statistics.median(b[1] for b in bare)
    full_kb = statistics.median(f[1] for f in full)
    print(f"bare QMainWindow   {bare_ms:7.0f} ms   peak RSS {bare_kb / 1024:6.1f} MiB")
    print(f"Brief Player       {full_ms:7.0f} ms   peak RSS {full_kb / 1024:6.1f} MiB")
    print(f"ratio              {full_ms / bare_ms:7.2f}x          {full_kb / bare_kb:6.2f}x")


if __name__ == "__main__":
    main()
