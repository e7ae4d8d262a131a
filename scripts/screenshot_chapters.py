"""Render the window with the chapter list open and a sleep timer running:
``python scripts/screenshot_chapters.py OUT.png [light|dark]``.

The bundled episode at 1:05:10, its Chapters tab showing (the brief's concepts, since the
stand-in audio has no chapters), and "sleep at the end of this chapter" counting down beside
the transport buttons. Settings go to a throwaway folder, so nothing of the listener's moves.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AT_MS = 3_910_000


def main(out: Path, theme: str = "light") -> int:
    from PySide6.QtCore import QSettings

    from player.ui.app import application, dispose
    from player.ui.session import open_app
    from player.ui.settings import HINT_SEEN, write
    from player.ui.theme import apply_theme
    from player.ui.window_layout import settle

    application()
    apply_theme(theme)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "config"))
        write(QSettings(), HINT_SEEN, True)  # a listener past their first start
        opened = open_app(at_ms=AT_MS, remember=False)
        window = opened.window
        window.resize(1280, 800)
        window.show()
        settle(window, AT_MS)
        opened.chapters.show_list()
        window.action("sleep_chapter").trigger()
        settle(window, AT_MS)
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out))
        dispose(window)
    print(out)
    return 0 if ok else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0] if args else "docs/screenshot-chapters.png"), *args[1:2]))
