"""The bar of a quote search reaches its end, also when the copy is shorter than the brief."""

from __future__ import annotations

import wave
from pathlib import Path

from player.core.align import find_quotes
from player.core.brief.models import Brief, Quote
from player.core.jobs import Progress


def test_a_quote_written_past_the_end_of_a_short_copy_still_counts_on_the_bar(
    tmp_path: Path,
) -> None:
    audio = tmp_path / "short.wav"
    with wave.open(str(audio), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(bytes(30 * 16_000 * 2))  # 30 s of silence
    brief = Brief(quotes=(Quote(at=10.0, text="Bits are easier"), Quote(at=900.0, text="atoms")))
    steps = []
    find_quotes(brief, audio, progress=Progress(steps.append), workers=1)
    counted = [(s.done, s.total) for s in steps if s.message.startswith("Listening for quotes (")]
    assert sorted(counted) == [(1, 2), (2, 2)]  # the bar does not stop at 1 of 2
