"""What a three-hour, word-level transcript (30,000 lines) costs in the window.

1. Load + show: from choosing the file to a painted Transcript tab (parse, cues onto the clock's
   timeline, the list model, the tab shown and painted). Baseline in the same run: parsing the
   same file alone (``load_track``), the least any importer must do.
2. Per seek: a jump to a random moment until the window has repainted, with the transcript tab
   shown and following (the highlight moves and the list scrolls to it). Baseline in the same
   run: the same jumps in the same window before the transcript is loaded.

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


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from player.core.formats.registry import load_track
    from player.ui.session import open_app

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ep"
        folder.mkdir()
        brief = folder / "brief.txt"
        shutil.copy(REPO / "content" / "karpathy-ghosts-not-animals" / "brief.txt", brief)
        vtt = Path(tmp) / "words.vtt"
        write_vtt(vtt)

        parse, show = [], []
        for _ in range(LOAD_RUNS):
            t0 = time.perf_counter()
            load_track(vtt)
            parse.append(time.perf_counter() - t0)

            opened = open_app(brief, remember=False)
            w = opened.window
            w.resize(1200, 800)
            w.show()
            for _ in range(5):
                app.processEvents()
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

        opened = open_app(brief, remember=False)
        w = opened.window
        w.resize(1200, 800)
        w.show()
        for _ in range(5):
            app.processEvents()
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

        base = seeks()
        opened.tracks.open_track_file(vtt)
        opened.tracks.show_transcript()
        app.processEvents()
        lit = seeks()
        assert opened.tracks.model.active_rows(), "no transcript line lit after the seeks"
        w.playback.release()
        w.close()

    med = statistics.median
    print(f"{CUES:,} transcript lines over {HOURS} h; medians")
    print(
        f"load + show tab  {med(show) * 1000:8.1f} ms   parse only {med(parse) * 1000:8.1f} ms"
        f"   (x{med(show) / med(parse):4.1f}, {LOAD_RUNS} runs)"
    )
    print(
        f"seek + repaint   {med(lit) * 1000:8.2f} ms   "
        f"without transcript {med(base) * 1000:6.2f} ms"
        f"   (x{med(lit) / med(base):4.1f}, {SEEKS} seeks)"
    )


if __name__ == "__main__":
    main()
