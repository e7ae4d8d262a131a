"""How long a three-hour, word-level transcript (30,000 cues) takes to load.

Prints the median of several runs for WebVTT and SRT, each against a baseline measured in the
same run on the same file: reading it and splitting it into lines, the least any importer must
do. The ratio is what to watch; absolute times depend on the machine.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from player.core.formats.registry import load_track
from player.core.formats.track import track_cues
from player.core.timeline import Timeline

CUES = 30_000
HOURS = 3
RUNS = 7
WORDS = ("so", "the", "thing", "about", "agents", "is", "that", "they", "just", "do", "not")


def _ts(ms: int, sep: str) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def write_vtt(path: Path) -> None:
    step = HOURS * 3_600_000 // CUES
    out = ["WEBVTT", ""]
    for i in range(CUES):
        speaker = "Andrej Karpathy" if (i // 40) % 2 else "Dwarkesh Patel"
        start = i * step
        out += [f"{_ts(start, '.')} --> {_ts(start + step, '.')}"]
        out += [f"<v {speaker}>{WORDS[i % len(WORDS)]}", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def write_srt(path: Path) -> None:
    step = HOURS * 3_600_000 // CUES
    out = []
    for i in range(CUES):
        start = i * step
        out += [str(i + 1), f"{_ts(start, ',')} --> {_ts(start + step, ',')}"]
        out += [WORDS[i % len(WORDS)], ""]
    path.write_text("\n".join(out), encoding="utf-8")


def median_s(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def baseline(path: Path) -> None:
    path.read_text(encoding="utf-8").splitlines()


def load(path: Path) -> None:
    track, problems = load_track(path)
    assert len(track.items) == CUES and not problems


def load_to_timeline(path: Path) -> None:
    track, _ = load_track(path)
    Timeline(track_cues(track))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = {"WebVTT": Path(tmp) / "words.vtt", "SRT": Path(tmp) / "words.srt"}
        write_vtt(files["WebVTT"])
        write_srt(files["SRT"])
        print(f"{CUES:,} cues over {HOURS} h; median of {RUNS} runs")
        for name, path in files.items():
            base = median_s(lambda p=path: baseline(p))
            parse = median_s(lambda p=path: load(p))
            full = median_s(lambda p=path: load_to_timeline(p))
            size = path.stat().st_size / 1e6
            print(
                f"{name:7} {size:5.1f} MB  read+split {base * 1000:7.1f} ms  "
                f"load {parse * 1000:7.1f} ms (x{parse / base:5.1f})  "
                f"load+timeline {full * 1000:7.1f} ms (x{full / base:5.1f})"
            )


if __name__ == "__main__":
    main()
