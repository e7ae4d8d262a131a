"""Short spoken audio for alignment tests: espeak-ng sentences at known times, in a WAV."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

from player.core.audio.decode import BYTES_PER_SAMPLE, RATE, read_pcm

SENTENCES = (
    "The quick brown fox jumps over the lazy dog near the river bank.",
    "Scientists discovered a new species of butterfly in the tropical forest.",
    "Every morning the baker opens his shop and sells fresh warm bread.",
)
AD = (
    "This programme is supported by our sponsor. Buy comfortable shoes online today "
    "and save twenty percent with the code listen."
)


def speak(text: str, workdir: Path, voice: str = "en-us") -> bytes:
    wav = workdir / f"say-{abs(hash((text, voice)))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True)
    return read_pcm(wav).data


def compose(path: Path, parts: list[tuple[float, bytes]], seconds: float) -> Path:
    """A mono 16 kHz WAV of ``seconds`` silence with each (time, samples) laid in at its time."""
    total = bytearray(int(seconds * RATE) * BYTES_PER_SAMPLE)
    for at, pcm in parts:
        start = int(at * RATE) * BYTES_PER_SAMPLE
        piece = pcm[: len(total) - start]
        total[start : start + len(piece)] = piece
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(BYTES_PER_SAMPLE)
        w.setframerate(RATE)
        w.writeframes(bytes(total))
    return path
