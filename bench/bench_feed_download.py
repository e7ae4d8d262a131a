"""How fast an episode downloads over loopback, against reading the same bytes with plain
``urllib``, and whether a resumed download ends byte-identical.

On loopback the network costs next to nothing, so the ratio shows what the download itself adds:
the ``.part`` file, progress reports with a cancel check per chunk, fsync and the rename.

- baseline: ``urlopen(url).read()`` of a 64 MB file into memory;
- download: ``download()`` of the same file to disk;
- resume: the server drops the connection at half; the second call resumes with Range.

Prints the median of several runs for each, in MB/s, and the ratio to the baseline.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

from player.core.feed import DownloadInterrupted, download
from player.core.jobs import Progress, Step
from tests.feed_server import serving

RUNS = 5
SIZE = 64 * 1024 * 1024


def main() -> None:
    body = os.urandom(SIZE)
    digest = hashlib.sha256(body).hexdigest()
    base, ours, resumed, reports = [], [], [], []
    identical = 0
    with serving() as host, tempfile.TemporaryDirectory() as tmp:
        url = host.put("/ep.bin", body)
        for run in range(RUNS):
            t = time.perf_counter()
            with urllib.request.urlopen(url) as r:
                assert len(r.read()) == SIZE
            base.append(SIZE / (time.perf_counter() - t) / 1e6)

            steps: list[Step] = []
            dest = Path(tmp) / f"ep-{run}.bin"
            t = time.perf_counter()
            download(url, dest, Progress(steps.append))
            ours.append(SIZE / (time.perf_counter() - t) / 1e6)
            reports.append(len(steps))
            dest.unlink()

            host.put("/ep.bin", body, drop_after=SIZE // 2)
            with contextlib.suppress(DownloadInterrupted):
                download(url, dest, Progress())
            t = time.perf_counter()
            got = download(url, dest, Progress())
            resumed.append((SIZE - got.resumed_from) / (time.perf_counter() - t) / 1e6)
            identical += hashlib.sha256(dest.read_bytes()).hexdigest() == digest
            dest.unlink()
    b, o, r = (statistics.median(x) for x in (base, ours, resumed))
    print(f"loopback, {SIZE // 2**20} MiB, median of {RUNS} runs")
    print(f"  urllib read into memory (baseline): {b:8.0f} MB/s")
    print(f"  download() to disk:                 {o:8.0f} MB/s  ratio {o / b:.2f}")
    print(f"  resumed second half:                {r:8.0f} MB/s  ratio {r / b:.2f}")
    print(f"  progress reports per download: {statistics.median(reports):.0f}")
    print(f"  resumed files byte-identical: {identical}/{RUNS}")


if __name__ == "__main__":
    main()
