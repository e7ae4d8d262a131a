"""Guards against Qt bindings that corrupt the interpreter.

PySide6 6.12.0 releases a reference to ``None`` each time a method returning nothing is called.
On Python 3.11 that makes ``None`` reach a count of zero after some thousands of paints and the
process aborts. pyproject.toml keeps that release out; this test fails if one like it comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTextOption


def test_void_calls_keep_none_alive() -> None:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option = QTextOption()
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.setPen(QColor("red"))
        painter.fillRect(QRectF(0, 0, 2, 2), QColor("blue"))
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100, f"None lost {before - after} references in 6000 calls"
