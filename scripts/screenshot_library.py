"""Render the Library window: ``python scripts/screenshot_library.py OUT.png [light|dark]``.

Everything it lists besides the bundled episode is made up in a throwaway folder (two episode
folders, a loose brief and one whose file has since gone), so the picture shows each kind of
row without touching the listener's own data.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLES = (
    # folder, title, show, length (s), heard (ms), notes, cover colour
    (
        "sleep-and-memory",
        "Mara Lind — “Why sleep keeps what we learn”",
        "Night Science",
        3_905,
        2_810_000,
        4,
        "#2f6f8f",
    ),
    (
        "soil-carbon",
        "Tomas Ek — “The carbon under our feet”",
        "Field Notes",
        5_420,
        600_000,
        0,
        None,
    ),
)
LOOSE = "Ana Ruiz — “Reading old maps”"
GONE = "Ivo Grün — “A brief that was moved away”"


def _brief(title: str) -> str:
    return f'{title}\nQuotes\n- At 0:10 - "An opening line for {title[:12]}." - ctx\n'


def _cover(path: Path, colour: str, letter: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(160, 160, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    p = QPainter(image)
    p.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(90)
    font.setBold(True)
    p.setFont(font)
    p.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, letter)
    p.end()
    image.save(str(path))


def main(out: Path, theme: str = "light") -> int:
    from PySide6.QtCore import QSettings

    from player.core.storage.notes import Note
    from player.ui.app import application, dispose
    from player.ui.session import AppData, open_app
    from player.ui.theme import apply_theme

    application()
    apply_theme(theme)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            # closing the window saves its layout; keep that out of the listener's settings
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(root / "config"))
        data = AppData(root / "notes.db")
        opened = open_app(remember=False, data=data)
        window = opened.window
        bundled = window.episode.id
        for i in range(7):
            data.notes.add(Note(episode_id=bundled, start_ms=60_000 * i, text="n"))
        gone = root / "moved" / "brief.txt"
        gone.parent.mkdir()
        gone.write_text(_brief(GONE), encoding="utf-8")
        window.open_brief_file(gone)
        loose = root / "maps.txt"
        loose.write_text(_brief(LOOSE), encoding="utf-8")
        window.open_brief_file(loose)
        data.playstate.save(window.episode.id, position_ms=95_000)
        for folder, title, show, length, heard, notes, colour in reversed(SAMPLES):
            path = root / folder
            path.mkdir()
            (path / "brief.txt").write_text(_brief(title), encoding="utf-8")
            meta = {"title": title, "show": show, "length_s": length}
            (path / "episode.json").write_text(json.dumps(meta), encoding="utf-8")
            if colour:
                _cover(path / "cover.png", colour, title[0])
            window.open_brief_file(path / "brief.txt")
            data.playstate.save(folder, position_ms=heard)
            for i in range(notes):
                data.notes.add(Note(episode_id=folder, start_ms=30_000 * i, text="n"))
        gone.unlink()
        data.playstate.save(bundled, position_ms=3_910_000)
        dialog = opened.library.show()
        dialog.resize(720, 560)
        dialog.select_row(0)
        app = application()
        for _ in range(5):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = dialog.grab().save(str(out))
        dialog.hide()
        dispose(window)
    print(out)
    return 0 if ok else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0] if args else "docs/screenshot-library.png"), *args[1:2]))
