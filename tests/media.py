"""Short real audio files made in the test, so playback tests need nothing downloaded."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path


def make_wav(
    path: Path, seconds: float, *, rate: int = 8000, freq: float = 440.0, beeps_at: tuple = ()
) -> Path:
    """A mono 16-bit WAV: quiet hum, with a louder beep at each time in ``beeps_at``.

    The beeps make the file audibly "about" its cue times when a person listens to a failure.
    """
    n = int(seconds * rate)
    beep_frames = {int(t * rate) for t in beeps_at}
    frames = bytearray()
    loud_until = -1
    for i in range(n):
        if i in beep_frames:
            loud_until = i + rate // 10
        amp = 12000 if i < loud_until else 800
        frames += struct.pack("<h", int(amp * math.sin(2 * math.pi * freq * i / rate)))
    return write_wav(path, bytes(frames), rate)


def write_wav(path: Path, frames: bytes, rate: int) -> Path:
    """Mono 16-bit samples to a WAV file (its folder made when missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return path
