"""What does Volume Boost cost while an episode plays?

Printed, as medians of five runs, in CPU seconds per second of audio (what share of one core the
boost takes while playing at 1x; at 3x, three times that):

- the gain and limiter alone (``Booster.process``) on 60 s of 48 kHz stereo speech-like noise
  with loud bursts, in the 32 KiB blocks the player reads (8,192 frames), with its look-ahead;
- ten minutes of the bundled stand-in and the LibriVox reading of the tests (both 48 kHz mono
  Opus; the reading is real speech) read through ``BoostedWav`` (decode, boost, 16-bit packing)
  in those blocks, against decoding the same stretch with PyAV alone, the baseline any player
  pays, and their ratio;
- one jump (a seek): the median time of a 32 KiB read at a new place.

Run: .venv/bin/python bench/bench_boost.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
STANDIN = REPO / "content" / "karpathy-ghosts-not-animals" / "standin.opus"
SPEECH = REPO / "tests" / "data" / "librivox" / "sense-and-sensibility.opus"
RUNS = 5
READ = 32_768
# (file, from, seconds): ten minutes of the stand-in from 10:00; the whole LibriVox reading
STRETCHES = ((STANDIN, 600.0, 600.0), (SPEECH, 0.0, 33.0))


def cpu_median(fn) -> float:
    times = []
    for _ in range(RUNS):
        began = time.process_time()
        fn()
        times.append(time.process_time() - began)
    return statistics.median(times)


def dsp_only(rate: int = 48_000, seconds: int = 60) -> float:
    import numpy as np

    from player.core.audio.boost import Booster

    rng = np.random.default_rng(1)
    n = rate * seconds
    envelope = np.repeat(rng.choice([0.02, 0.05, 0.9], size=n // 4800 + 1), 4800)[:n, None]
    x = (rng.standard_normal((n, 2)) * 0.3 * envelope).astype(np.float32)
    block = READ // 4

    def run() -> None:
        b = Booster(rate, 12)
        for i in range(0, n, block):
            b.process(x[i : i + block], x[i + block : i + block + b.lookahead])

    return cpu_median(run) / seconds


def boosted_read(path: Path, start_s: float, seconds: float) -> float:
    from player.core.audio.boosted_wav import BoostedWav

    def run() -> None:
        wav = BoostedWav(path, 12)
        offset = len(wav.header) + round(start_s * wav.rate) * wav.align
        end = offset + round(seconds * wav.rate) * wav.align
        while offset < end:
            offset += len(wav.read(offset, READ))
        wav.close()

    return cpu_median(run) / seconds


def decode_only(path: Path, start_s: float, seconds: float) -> float:
    import av

    def run() -> None:
        with av.open(str(path)) as c:
            if start_s:
                c.seek(int(start_s * 1_000_000))
            for frame in c.decode(audio=0):
                frame.to_ndarray()
                if frame.time is not None and frame.time >= start_s + seconds:
                    break

    return cpu_median(run) / seconds


def seek_ms() -> float:
    from player.core.audio.boosted_wav import BoostedWav

    wav = BoostedWav(STANDIN, 12)
    times = []
    for minute in (5, 50, 20, 120, 80, 1, 140, 33, 99):
        offset = len(wav.header) + minute * 60 * wav.rate * wav.align
        began = time.perf_counter()
        wav.read(offset, READ)
        times.append(time.perf_counter() - began)
    wav.close()
    return statistics.median(times) * 1000


def main() -> int:
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cpu = dsp_only()
    print(f"gain + limiter alone, 48 kHz stereo: {cpu * 1000:.2f} ms CPU a second ({cpu:.2%})")
    for path, start_s, seconds in STRETCHES:
        base = decode_only(path, start_s, seconds)
        full = boosted_read(path, start_s, seconds)
        print(
            f"{path.name} ({seconds:.0f} s): decode alone {base * 1000:.2f} ms CPU a second, "
            f"read boosted {full * 1000:.2f} ms ({full:.2%}), ratio {full / base:.2f}x"
        )
    print(f"a 32 KiB read after a seek: median {seek_ms():.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
