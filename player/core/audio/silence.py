"""Finding the pauses in an episode, to glide over them while it plays.

The file is decoded once, in stretches of two minutes (a three-hour episode never sits in memory
whole), and cut into 20 ms windows; a window is quiet when its loudest sample stays under a
threshold set from the recording's own noise floor, so a hiss-free studio file and a noisy
phone call both work. Only pauses of at least ``MIN_PAUSE_MS`` count, and ``KEEP_MS`` of each
is left in at both ends, so speech keeps its rhythm and no word is clipped. The peak of a window
is two C-level calls (``max``/``min`` over a memoryview), which keeps this fast without numpy.
"""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from player.core.audio.decode import BYTES_PER_SAMPLE, RATE, duration_s, read_pcm
from player.core.jobs import Progress

WINDOW_MS = 20
MIN_PAUSE_MS = 700
KEEP_MS = 200
CHUNK_S = 120
FLOOR_PERCENTILE = 0.10
FLOOR_FACTOR = 4  # a pause is quieter than four times the quietest tenth of the file
QUIET_MIN, QUIET_MAX = 60, 1_500  # bounds on the threshold: about -55 and -27 dBFS
CACHE_VERSION = 1

_WINDOW = RATE * WINDOW_MS // 1000 * BYTES_PER_SAMPLE  # bytes per window


@dataclass(frozen=True)
class Silences:
    """Stretches of the audio to skip, ``[start_ms, end_ms)`` on the file's own clock."""

    spans: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s for s, _ in self.spans])

    def __len__(self) -> int:
        return len(self.spans)

    @property
    def total_ms(self) -> int:
        return sum(e - s for s, e in self.spans)

    def inside(self, t_ms: int) -> tuple[int, int] | None:
        """The span ``t_ms`` falls in, if any."""
        i = bisect_right(self._starts, t_ms) - 1  # type: ignore[attr-defined]
        if i >= 0 and self.spans[i][0] <= t_ms < self.spans[i][1]:
            return self.spans[i]
        return None

    def next_after(self, t_ms: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, t_ms)  # type: ignore[attr-defined]
        return self.spans[i] if i < len(self.spans) else None

    def to_json(self) -> dict:
        return {"version": CACHE_VERSION, "spans": [list(s) for s in self.spans]}

    @classmethod
    def from_json(cls, data: object) -> Silences | None:
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return None
        try:
            spans = tuple((int(s), int(e)) for s, e in data["spans"])
        except (KeyError, TypeError, ValueError):
            return None
        return cls(spans)


def window_peaks(pcm: bytes) -> array:
    """The loudest sample of each 20 ms window (a last partial window is dropped)."""
    view = memoryview(pcm)[: len(pcm) - len(pcm) % 2].cast("h")
    n = RATE * WINDOW_MS // 1000
    out = array("i")
    for i in range(0, len(view) - n + 1, n):
        w = view[i : i + n]
        out.append(max(max(w), -min(w)))
    return out


def quiet_threshold(peaks: array) -> int:
    if not peaks:
        return QUIET_MIN
    floor = sorted(peaks)[int(len(peaks) * FLOOR_PERCENTILE)]
    return min(QUIET_MAX, max(QUIET_MIN, floor * FLOOR_FACTOR))


def pauses(peaks: array, threshold: int | None = None) -> Silences:
    """Spans to skip: quiet runs of at least ``MIN_PAUSE_MS``, less ``KEEP_MS`` at each end."""
    limit = quiet_threshold(peaks) if threshold is None else threshold
    spans: list[tuple[int, int]] = []
    run_start: int | None = None
    for i, peak in enumerate([*peaks, limit]):  # a loud sentinel closes a run at the end
        if peak < limit:
            if run_start is None:
                run_start = i
            continue
        if run_start is not None:
            start_ms, end_ms = run_start * WINDOW_MS, i * WINDOW_MS
            if end_ms - start_ms >= MIN_PAUSE_MS:
                spans.append((start_ms + KEEP_MS, end_ms - KEEP_MS))
            run_start = None
    return Silences(tuple(spans))


def find_silences(path: Path, progress: Progress) -> Silences:
    """Decode ``path`` stretch by stretch and find its pauses (cancellable between stretches)."""
    total = duration_s(path)
    peaks = array("i")
    start = 0.0
    progress(0, total or None, f"Listening for pauses in {path.name}")
    while True:
        pcm = read_pcm(path, start, CHUNK_S)
        data = pcm.data[: len(pcm.data) - len(pcm.data) % _WINDOW]
        peaks.extend(window_peaks(data))
        start += CHUNK_S
        progress(min(start, total) if total else start, total or None, f"Listening: {path.name}")
        if len(pcm.data) < CHUNK_S * RATE * BYTES_PER_SAMPLE * 0.99 or (total and start >= total):
            break
    return pauses(peaks)


class SilenceCache:
    """One small JSON file per audio file, named by its path, size and modification time, so a
    replaced file is listened to again and an unchanged one never is."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, audio: Path) -> Path | None:
        try:
            st = audio.stat()
        except OSError:
            return None
        key = f"{audio.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()
        return self.folder / f"{hashlib.sha1(key).hexdigest()}.json"

    def get(self, audio: Path) -> Silences | None:
        path = self._file(audio)
        if path is None:
            return None
        try:
            return Silences.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def put(self, audio: Path, silences: Silences) -> bool:
        """Keep the result; False when the folder cannot be written (it is found again)."""
        path = self._file(audio)
        if path is None:
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(silences.to_json()), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            return False
        return True
