"""What a three-hour, word-level transcript (30,000 lines) costs in the window.

1. Load + show: from choosing the file to a painted Transcript tab (parse, cues onto the clock's
   timeline, the list model, the tab shown and painted). Baseline in the same run: parsing the
   same file alone (``load_track``), the least any importer must do.
2. Per seek: a jump to a random moment until the window has repainted, with the transcript tab
   shown and following (the highlight moves and the list scrolls to it). Baseline in the same
   run: the same jumps in the same window before the transcript is loaded.
3. Per resize: the window made narrower or wider with the tab shown, until repainted (every
   line's height depends on the width). Baseline: the same resizes before the transcript loads.

Each is run on a word-level transcript (one word a line) and on one of sentences (4 to 60 words
a line, many wrapping), since whole lines cost more to measure when they wrap.

Prints medians and ratios; absolute times depend on the machine.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_transcript_view.py
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_transcript import CUES, HOURS, write_vtt  # noqa: E402

LOAD_RUNS = 5
SEEKS = 200
RESIZES = 10
SENTENCE_WORDS = ("the", "model", "learns", "from", "internet", "documents", "and", "then", "we")


def write_sentences_vtt(path: Path) -> None:
    """The same 30,000 cues as ``write_vtt``, each a sentence of 4 to 60 words."""
    import random as _random

    rng = _random.Random(3)
    step = HOURS * 3_600_000 // CUES
    out = ["WEBVTT", ""]
    for i in range(CUES):
        start = i * step
        h, rem = divmod(start, 3_600_000)
        m, rem = divmod(rem, 60_000)
        sec, ms = divmod(rem, 1000)
        end = start + step
        eh, erem = divmod(end, 3_600_000)
        em, erem = divmod(erem, 60_000)
        es, ems = divmod(erem, 1000)
        out.append(f"{h:02d}:{m:02d}:{sec:02d}.{ms:03d} --> {eh:02d}:{em:02d}:{es:02d}.{ems:03d}")
        words = [rng.choice(SENTENCE_WORDS) for _ in range(rng.randint(4, 60))]
        out += [" ".join(words) + ".", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def shown_app(brief: Path, app):
    from player.ui.session import open_app

    opened = open_app(brief, remember=False)
    opened.window.resize(1200, 800)
    opened.window.show()
    for _ in range(5):
        app.processEvents()
    return opened


def measure(vtt: Path, brief: Path, app) -> dict[str, float]:
    from player.core.formats.registry import load_track

    parse, show = [], []
    for _ in range(LOAD_RUNS):
        t0 = time.perf_counter()
        load_track(vtt)
        parse.append(time.perf_counter() - t0)

        opened = shown_app(brief, app)
        w = opened.window
        t0 = time.perf_counter()
        opened.tracks.open_track_file(vtt)
        w.repaint()
        app.processEvents()
        show.append(time.perf_counter() - t0)
        assert opened.tracks.model.rowCount() == CUES
        w.playback.release()
        w.close()
        w.deleteLater()
        app.processEvents()

    opened = shown_app(brief, app)
    w = opened.window
    rng = random.Random(7)
    targets = [rng.randrange(0, HOURS * 3_600_000) for _ in range(SEEKS)]

    def seeks() -> list[float]:
        out = []
        for t in targets:
            t0 = time.perf_counter()
            w.seek_brief(t)
            w.repaint()
            app.processEvents()
            out.append(time.perf_counter() - t0)
        return out

    def resizes() -> list[float]:
        out = []
        for i in range(RESIZES):
            t0 = time.perf_counter()
            w.resize(1000 + 37 * i, 800)
            app.processEvents()
            w.repaint()
            app.processEvents()
            out.append(time.perf_counter() - t0)
        return out

    base, base_resize = seeks(), resizes()
    opened.tracks.open_track_file(vtt)
    opened.tracks.show_transcript()
    app.processEvents()
    lit, lit_resize = seeks(), resizes()
    assert opened.tracks.model.active_rows(), "no transcript line lit after the seeks"
    w.playback.release()
    w.close()
    med = statistics.median
    return {
        "show": med(show),
        "parse": med(parse),
        "seek": med(lit),
        "seek_base": med(base),
        "resize": med(lit_resize),
        "resize_base": med(base_resize),
    }


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ep"
        folder.mkdir()
        brief = folder / "brief.txt"
        shutil.copy(REPO / "content" / "karpathy-ghosts-not-animals" / "brief.txt", brief)
        words, sentences = Path(tmp) / "words.vtt", Path(tmp) / "sentences.vtt"
        write_vtt(words)
        write_sentences_vtt(sentences)
        results = {"words": measure(words, brief, app), "sentences": measure(sentences, brief, app)}

    print(f"{CUES:,} transcript lines over {HOURS} h; medians")
    for name, r in results.items():
        print(f"-- one {name[:-1]} a line")
        print(
            f"load + show tab  {r['show'] * 1000:8.1f} ms   parse only {r['parse'] * 1000:8.1f} ms"
            f"   (x{r['show'] / r['parse']:4.1f}, {LOAD_RUNS} runs)"
        )
        print(
            f"seek + repaint   {r['seek'] * 1000:8.2f} ms   "
            f"without transcript {r['seek_base'] * 1000:6.2f} ms"
            f"   (x{r['seek'] / r['seek_base']:4.1f}, {SEEKS} seeks)"
        )
        print(
            f"resize + repaint {r['resize'] * 1000:8.2f} ms   "
            f"without transcript {r['resize_base'] * 1000:6.2f} ms"
            f"   (x{r['resize'] / r['resize_base']:4.1f}, {RESIZES} resizes)"
        )


if __name__ == "__main__":
    main()
