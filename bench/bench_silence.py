"""How long does Skip Silence take to find the pauses of a whole episode, against decoding alone?

Audio: the bundled stand-in (2 h 26 min of Opus: synthesized quotes at their times, silence
between). Printed, over three runs each: the median time to decode the file in the same
two-minute stretches (the baseline: what any analysis must pay), the median time of
``find_silences`` (decode plus the 20 ms window peaks and the pause search), their ratio, both as
a share of the episode's length, the pauses found and the time they add up to, and the time to
load the kept result on a second start.

Run: .venv/bin/python bench/bench_silence.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
AUDIO = REPO / "content" / "karpathy-ghosts-not-animals" / "standin.opus"
RUNS = 3


def decode_only(path: Path) -> None:
    from player.core.audio.decode import duration_s, read_pcm
    from player.core.audio.silence import CHUNK_S

    total, start = duration_s(path), 0.0
    while start < total:
        read_pcm(path, start, CHUNK_S)
        start += CHUNK_S


def median_s(fn) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> int:
    from player.core.audio.decode import duration_s
    from player.core.audio.silence import SilenceCache, find_silences
    from player.core.jobs import Progress
    from player.core.timefmt import format_ms

    length = duration_s(AUDIO)
    baseline = median_s(lambda: decode_only(AUDIO))
    found = {}
    full = median_s(lambda: found.update(s=find_silences(AUDIO, Progress())))
    silences = found["s"]
    with tempfile.TemporaryDirectory() as tmp:
        cache = SilenceCache(Path(tmp))
        cache.put(AUDIO, silences)
        loaded = median_s(lambda: cache.get(AUDIO))
    print(f"audio: {AUDIO.name}, {format_ms(round(length * 1000))}")
    print(f"decode only (baseline): median {baseline:.2f} s ({baseline / length:.2%} of length)")
    print(f"find_silences:          median {full:.2f} s ({full / length:.2%} of length)")
    print(f"ratio find / decode:    {full / baseline:.2f}x")
    print(f"pauses: {len(silences)}, {format_ms(silences.total_ms)} to skip")
    print(f"kept result loaded:     median {loaded * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
