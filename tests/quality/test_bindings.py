"""Guards against Qt bindings that corrupt the interpreter.

PySide6 6.12.0 releases a reference to ``None`` each time a method returning nothing is called.
On Python 3.11 that makes ``None`` reach a count of zero after some thousands of paints and the
process aborts. pyproject.toml keeps that release out; this test fails if one like it comes back.
It runs in a fresh interpreter so that other tests' threads cannot move the count.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = r"""
import sys
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QTextOption
app = QGuiApplication([])
image = QImage(16, 16, QImage.Format.Format_ARGB32)
painter = QPainter(image)
option = QTextOption()
before = sys.getrefcount(None)
for _ in range(2000):
    painter.setPen(QColor("red"))
    painter.fillRect(QRectF(0, 0, 2, 2), QColor("blue"))
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
print(sys.getrefcount(None) - before)
painter.end()
"""


def test_void_calls_keep_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr[-2000:]
    delta = int(out.stdout.strip().splitlines()[-1])
    assert delta > -100, f"None lost {-delta} references in 6000 calls"
