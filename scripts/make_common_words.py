#!/usr/bin/env python3
"""Write player/core/align/common_words.txt: the most likely words of pocketsphinx's model.

A quote search steers the recogniser toward the quote but must let it hear other speech as
ordinary words, or it forces everything into the quote's few words (slower, and more false
finds). The background is the commonest English words, taken from the language model the
pocketsphinx wheel ships; run this after upgrading pocketsphinx.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "player" / "core" / "align" / "common_words.txt"
COUNT = 1000
HEADER = (
    "# The 1,000 most likely words of pocketsphinx's US English language model (en-us.lm.bin,\n"
    "# BSD-style licence, as the wheel), one per line: the background every quote search may hear."
    "\n# Made by scripts/make_common_words.py.\n"
)


def main() -> int:
    from pocketsphinx import Decoder, NGramModel, get_model_path

    d = Decoder(samprate=16000, loglevel="FATAL")
    lm = NGramModel(d.config, d.logmath, os.path.join(get_model_path(), "en-us", "en-us.lm.bin"))
    with tempfile.TemporaryDirectory() as tmp:
        arpa = Path(tmp) / "en-us.arpa"
        lm.write(str(arpa), NGramModel.str_to_type("arpa"))
        scored = []
        with arpa.open(encoding="utf-8", errors="replace") as f:
            inside = False
            for line in f:
                if line.startswith("\\1-grams:"):
                    inside = True
                    continue
                if line.startswith("\\2-grams:"):
                    break
                parts = line.split()
                word = parts[1] if inside and len(parts) >= 2 else "<"
                if not word.startswith("<") and "(" not in word:
                    scored.append((float(parts[0]), word))
    words = sorted(w for _, w in sorted(scored, reverse=True)[:COUNT])
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
