"""Render the window while it gets the real episode: ``python scripts/screenshot_download.py
[OUT.png] [light|dark]``.

The bundled episode is copied to a throwaway folder whose ``episode.json`` names a feed on a
podcast host on 127.0.0.1 (the tests' host), serving 139 MB at 12 MB/s. The window reads that
feed, matches the episode and downloads it through its job bar, exactly as with the publisher's
feed; the picture is taken a few seconds in, then the download is cancelled and the folder
removed. Nothing reaches the internet and the listener's own data is untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for tests.feed_server, the local podcast host

EPISODE = REPO / "content" / "karpathy-ghosts-not-animals"
SIZE = 139_000_000
RATE = 12_000_000  # bytes per second
AT_MS = 3_910_000  # 1:05:10, the moment of the other screenshots
WAIT_S = 4.0


def main(out: Path, theme: str = "light") -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["BRIEF_PLAYER_DATA"] = str(root / "data")
        return _render(root, out, theme)


def _render(root: Path, out: Path, theme: str) -> int:
    from PySide6.QtCore import QSettings

    from player.ui.app import application, dispose
    from player.ui.session import AppData, open_app
    from player.ui.theme import apply_theme
    from player.ui.window_layout import settle
    from tests.feed_server import podcast_rss, serving

    app = application()
    apply_theme(theme)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(root / "config"))
    folder = root / EPISODE.name
    shutil.copytree(EPISODE, folder)
    meta = json.loads((folder / "episode.json").read_text(encoding="utf-8"))
    with serving() as host:
        audio = host.put("/episode.mp3", bytes(SIZE), "audio/mpeg", bytes_per_s=RATE)
        item = {
            "title": meta["title"],
            "guid": "substack:post:karpathy",
            "date": "Fri, 17 Oct 2025 16:00:00 GMT",
            "audio": (audio, SIZE, "audio/mpeg"),
        }
        meta["feed_url"] = host.put("/feed.rss", podcast_rss(meta["show"], [item]))
        (folder / "episode.json").write_text(json.dumps(meta), encoding="utf-8")

        window = open_app(folder, at_ms=AT_MS, remember=False, data=AppData(root / "n.db")).window
        window.resize(1280, 800)
        window.show()
        settle(window, AT_MS)
        window.action("get_real_episode").trigger()
        until = time.monotonic() + WAIT_S
        while time.monotonic() < until:
            app.processEvents()
            time.sleep(0.02)
        label = window.job_bar.label.text()
        shown = window.job_bar.isVisible() and "Downloading" in label
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = shown and window.grab().save(str(out))
        window.jobs.cancel_all()
        dispose(window)
    print(out if ok else f"no download in progress to render: {label!r}")
    return 0 if ok else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0] if args else "docs/screenshot-download.png"), *args[1:2]))
