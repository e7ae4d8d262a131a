"""WAV files with speech-loud stretches and pauses where the test says, for skip-silence tests."""

from __future__ import annotations

import math
import random
import struct
from pathlib import Path

from tests.media import write_wav

RATE = 16_000


def make_pauses_wav(
    path: Path, parts: list[tuple[str, float]], *, noise: int = 0, rate: int = RATE
) -> Path:
    """``parts`` is ``[("sound", 1.0), ("pause", 2.5), ...]``: a 300 Hz tone at speech level,
    or a pause holding only ``noise`` (peak amplitude of a random hiss, 0 for digital silence)."""
    rng = random.Random(7)
    frames = bytearray()
    i = 0
    for kind, seconds in parts:
        for _ in range(int(seconds * rate)):
            if kind == "sound":
                v = 9000 * math.sin(2 * math.pi * 300 * i / rate)
            else:
                v = rng.randint(-noise, noise) if noise else 0
            frames += struct.pack("<h", int(v))
            i += 1
    return write_wav(path, bytes(frames), rate)
