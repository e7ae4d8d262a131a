"""Start-up as whole processes: Brief Player against bare Qt windows, run alternately.

Each run is a fresh process, timed from its start to its end (wall clock) and measured by
``/usr/bin/time -v`` (peak resident memory), so imports, Qt's plugins and the first paint are all
counted, as a listener waits for them.
Python's bytecode cache is on, as on a listener's machine (see ``run_env``), and the brief's
parse-and-link cache (``player.core.brief.cache``) is warm after the uncounted first run, as it
is from the second start on.

- ``bare window``: PySide6 shows a 1280x800 ``QMainWindow`` and saves the frame it painted.
  Every command here ends as soon as its picture is written, with no teardown after it, and
  writes it as an uncompressed BMP: compressing a busy picture is not part of starting up.
- ``bare multimedia``: the same, after importing QtMultimedia and making a ``QMediaPlayer``
  with a ``QAudioOutput`` (what any audio player pays before it can paint).
- ``look-alike``: the bare multimedia window with what the first frame shows, made of plain
  PySide6 widgets and no app code: a menu bar, the title and byline, the stand-in banner, the
  brief's lines in a word-wrapped list, five side tabs (the first listing more of its lines),
  a hint, the seek bar and the transport's buttons. It is the floor under any window that shows
  this much: what Qt itself costs for it, before a line of Brief Player runs.
- ``brief-player``: ``brief-player screenshot --at 1:05:10`` on the bundled episode: the window
  built with all its features, the episode loaded at that moment, painted, grabbed and saved.
- ``first frame``: the same with ``--first-frame``: what the listener sees when the window
  appears, grabbed once it has painted; the audio file is opened, and notes, transcript, sync
  points, library and MPRIS are built, after this paint.

The three run in turn, round after round, so a busy moment on the machine hits all of them.
Ratios are against the bare multimedia window measured in the same run; the last column is
against the look-alike, so what the app itself adds can be read apart from what Qt charges.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [ROUNDS]
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time"

BARE = r"""
import os
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
if {multimedia}:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    player = QMediaPlayer()
    output = QAudioOutput()
    player.setAudioOutput(output)
w = QMainWindow()
w.resize(1280, 800)
w.show()
app.processEvents()
w.screen().grabWindow(w.winId()).save(sys.argv[1])  # the frame painted, as the app reads it
sys.stdout.flush()
os._exit(0)  # as ``brief-player screenshot`` ends: right after the picture is written
"""

# The look-alike: its parts mirror the first frame's (see the docstring); the brief's lines are
# read as plain text, so no app module is imported.
LOOK_ALIKE = r"""
import os
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton, QSlider,
    QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)
app = QApplication([])
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
player = QMediaPlayer()
output = QAudioOutput()
player.setAudioOutput(output)
lines = [x for x in open(sys.argv[2], encoding="utf-8").read().splitlines() if x.strip()]
w = QMainWindow()
for menu in ("&File", "&Edit", "&Playback", "&View", "&Notes", "&Help"):
    m = w.menuBar().addMenu(menu)
    for i in range(8):
        m.addAction(f"{menu[1:]} {i}")
body = QWidget()
column = QVBoxLayout(body)
title = QLabel(lines[0])
font = title.font()
font.setPointSizeF(font.pointSizeF() * 1.4)
font.setBold(True)
title.setFont(font)
column.addWidget(title)
column.addWidget(QLabel("Dwarkesh Podcast · Andrej Karpathy · 2025-10-17"))
banner = QHBoxLayout()
sign = QLabel(lines[3])
sign.setWordWrap(True)
banner.addWidget(sign, 1)
banner.addWidget(QPushButton("Attach real audio…"))
column.addLayout(banner)
split = QSplitter()
cues = QListWidget()
cues.setWordWrap(True)
cues.addItems(lines[1:])
split.addWidget(cues)
tabs = QTabWidget()
for name in ("Takeaways", "Search", "Summary", "Notes", "Chapters"):
    page = QListWidget()
    page.setWordWrap(True)
    if name == "Takeaways":
        page.addItems(lines[-14:])
    tabs.addTab(page, name)
split.addWidget(tabs)
column.addWidget(split, 1)
column.addWidget(QLabel("Space plays · click any quote to jump · N takes a note"))
column.addWidget(QSlider(Qt.Orientation.Horizontal))
buttons = QHBoxLayout()
for text in ("|<", "-15", "Play", "+30", ">|"):
    buttons.addWidget(QToolButton(text=text))
buttons.addStretch(1)
buttons.addWidget(QToolButton(text="1.0x"))
buttons.addWidget(QSlider(Qt.Orientation.Horizontal))
column.addLayout(buttons)
w.setCentralWidget(body)
w.resize(1280, 800)
w.show()
app.processEvents()
w.screen().grabWindow(w.winId()).save(sys.argv[1])
sys.stdout.flush()
os._exit(0)
"""
BRIEF = REPO / "content" / "karpathy-ghosts-not-animals" / "brief.txt"


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one whole process.

    GNU time gives the peak memory; its wall clock counts in hundredths of a second, too coarse
    for starts 20 ms apart, so the wall time is taken here around the whole process (GNU
    time's own start, about a millisecond, is in every command's figure alike)."""
    start = time.perf_counter()
    result = subprocess.run(
        [TIME, "-v", *argv], env=env, capture_output=True, text=True, check=False, cwd=REPO
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{argv[0]} failed:\n{result.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert rss, result.stderr
    return wall, int(rss.group(1)) / 1024


def run_env(**extra: str) -> dict[str, str]:
    """This environment for the measured processes, with bytecode caching on: a listener's
    Python keeps ``.pyc`` files, and a shell with ``PYTHONDONTWRITEBYTECODE`` set would have
    every run compile the app's modules from source (the warm-up run writes them)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def main() -> None:
    if not Path(TIME).exists():
        raise SystemExit("needs GNU time at /usr/bin/time (Debian package 'time')")
    # 25: on these machines the median of 11 rounds still moves by ±0.07× from run to run
    # (1.43-1.58× for one build); of 25, by ±0.02×.
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    out = Path(tempfile.mkdtemp())
    env = run_env(QT_QPA_PLATFORM="offscreen", BRIEF_PLAYER_DATA=str(out / "data"))
    exe = Path(sys.executable).parent / "brief-player"
    commands = {
        "bare window": [sys.executable, "-c", BARE.format(multimedia=False), str(out / "a.bmp")],
        "bare multimedia": [sys.executable, "-c", BARE.format(multimedia=True), str(out / "b.bmp")],
        "look-alike": [sys.executable, "-c", LOOK_ALIKE, str(out / "e.bmp"), str(BRIEF)],
        "brief-player": [str(exe), "screenshot", "--at", "1:05:10", "-o", str(out / "c.bmp")],
        "first frame": [
            *(str(exe), "screenshot", "--first-frame", "--at", "1:05:10"),
            *("-o", str(out / "d.bmp")),
        ],
    }
    for argv in commands.values():  # warm the disk cache once; not counted
        _run(argv, env)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            samples[name].append(_run(argv, env))
    medians = {
        name: (statistics.median(s for s, _ in values), statistics.median(m for _, m in values))
        for name, values in samples.items()
    }
    base_s, base_m = medians["bare multimedia"]
    floor_s, floor_m = medians["look-alike"]
    print(f"# start-up, whole processes, median of {rounds} alternating runs")
    print(
        f"{'':18} {'wall':>8} {'peak RSS':>10} {'time ratio':>11} {'memory ratio':>13}"
        f" {'vs look-alike':>14}"
    )
    for name, (wall, mem) in medians.items():
        print(
            f"{name:18} {wall * 1000:6.0f} ms {mem:6.1f} MiB {wall / base_s:10.2f}x"
            f" {mem / base_m:12.2f}x {wall / floor_s:6.2f}x {mem / floor_m:5.2f}x"
        )


if __name__ == "__main__":
    main()
