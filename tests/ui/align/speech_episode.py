"""A short brief and a spoken copy of it with an "ad" inserted, for the quote finder's window.

The copy is espeak-ng speech laid into silence (the core tests' ``compose``): each quote is
spoken at its written time, except that an ad of other speech pushes the later two back.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.align.speech_audio import AD, SENTENCES, compose, speak

WRITTEN_S = (2.0, 14.0, 26.0)
AD_AT_S, AD_S = 9.0, 9.0
TRUE_S = (WRITTEN_S[0], WRITTEN_S[1] + AD_S, WRITTEN_S[2] + AD_S)
LENGTH_S = 40.0

BRIEF = """Test Guest — “Three sentences and an ad”
A summary of three unrelated sentences.
Episode Overview
- Foxes, butterflies and bread.
Key Concepts
- Sentences: Three of them, spoken one after another.
Quotes
- At 0:02 - "{}" - The fox.
- At 0:14 - "{}" - The butterfly.
- At 0:26 - "{}" - The bread.
Takeaways
- Speech can be found again.
""".format(*SENTENCES)


def write_brief(folder: Path) -> Path:
    path = folder / "brief.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BRIEF, encoding="utf-8")
    return path


def copy_with_ad(folder: Path) -> Path:
    """The listener's copy: an ad of 9 s of other speech at 0:09."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = [(WRITTEN_S[0], speak(SENTENCES[0], folder))]
    parts.append((AD_AT_S, speak(AD, folder, "en-gb+f3")[: int(AD_S * 16000) * 2]))
    parts += [(t, speak(s, folder)) for t, s in zip(TRUE_S[1:], SENTENCES[1:], strict=True)]
    return compose(folder / "my-copy.wav", parts, LENGTH_S)
