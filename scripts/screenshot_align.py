"""Render the quote finder: ``python scripts/screenshot_align.py [WORKDIR]``.

Makes the benchmark's copy of the bundled episode (three ads inserted, Opus), opens the window on
it, chooses *Find Quotes in This Audio* and grabs the window while the search runs
(``docs/screenshot-align-progress.png``), then waits for the answer and grabs the result dialog
(``docs/screenshot-align-result.png``). It is a real search of 2 h 26 min of audio: several
minutes. WORKDIR keeps the made copy for another run; the listener's own data is never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DOCS = REPO / "docs"
AT_MS = 3_910_000  # 1:05:10, as in the README's first picture


def wait_until(done: Callable[[], bool], seconds: float) -> bool:
    from player.ui.app import application

    app, end = application(), time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.05)
    return done()


def main(work: Path) -> int:
    from PySide6.QtCore import QSettings

    from bench.bench_align import make_copy
    from player.ui.app import application, dispose
    from player.ui.session import AppData, open_app
    from player.ui.theme import apply_theme

    work.mkdir(parents=True, exist_ok=True)
    copy = work / "copy-with-ads.opus"
    if not copy.is_file():
        copy, _vtt, _shifts = make_copy(work)
    # The benchmark writes the copy's transcript beside it; without it the search listens.
    (work / "copy-with-ads.vtt").unlink(missing_ok=True)
    application()
    apply_theme("light")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "config"))
        opened = open_app(audio=copy, at_ms=AT_MS, remember=False, data=AppData(memory=True))
        window, align = opened.window, opened.align
        window.resize(1280, 800)
        window.show()
        wait_until(lambda: window.playback.duration_ms() > 0, 30)
        window.seek_brief(AT_MS)
        job = align.find()
        assert job is not None
        wait_until(lambda: job.step is not None and (job.step.fraction or 0) > 0.1, 600)
        wait_until(lambda: False, 5.0)  # the time left settles
        window.grab().save(str(DOCS / "screenshot-align-progress.png"))
        if not wait_until(lambda: align.dialog is not None and align.dialog.isVisible(), 1800):
            print("the search did not finish", file=sys.stderr)
            return 1
        dialog = align.dialog
        dialog.resize(900, 560)
        dialog.select_row(next((n for n, q in enumerate(dialog.model.quotes) if n > 2), 0))
        wait_until(lambda: False, 0.5)
        dialog.grab().save(str(DOCS / "screenshot-align-result.png"))
        dialog.hide()
        dispose(window)
    print(DOCS / "screenshot-align-progress.png")
    print(DOCS / "screenshot-align-result.png")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="align-shot-"))))
