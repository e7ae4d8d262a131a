"""Short encoded audio files made in the test with PyAV: containers that state their length in
different places, or start their audio after time zero."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np


def ramp_samples(seconds: float, rate: int = 16_000) -> np.ndarray:
    """A 440 Hz tone whose level rises steadily, so any stretch of it is told from any other."""
    t = np.arange(int(seconds * rate)) / rate
    level = 0.05 + 0.8 * t / max(seconds, 1e-9)
    return (level * np.sin(2 * np.pi * 440 * t) * 32767).astype(np.int16)


def encode(path: Path, samples: np.ndarray, *, fmt: str, codec: str, rate: int = 16_000) -> Path:
    """Mono 16-bit ``samples`` at ``rate`` encoded with ``codec`` in container ``fmt``."""
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(samples[None, :], format="s16", layout="mono")
        frame.sample_rate = rate
        resampler = av.AudioResampler(
            format=stream.codec_context.format.name, layout="mono", rate=rate
        )
        for f in [*resampler.resample(frame), *resampler.resample(None)]:
            f.pts = None
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
