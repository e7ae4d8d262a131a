"""The boosted file as a ``QIODevice`` the media player reads like a file on disk.

The player reads it from its own demuxer thread, a block (about 32 KiB) at a time, seeking
where it likes; ``BoostedWav`` makes the bytes on demand and is safe to read from any thread.
Nothing here may raise into Qt: a failed read ends the file early instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QObject

from player.core.audio.boosted_wav import BoostedWav


class BoostedDevice(QIODevice):
    def __init__(self, path: Path, gain_db: float, parent: QObject | None = None) -> None:
        """Raises ``AudioError`` (with a sentence for the listener) when ``path`` cannot be
        read for the boost."""
        super().__init__(parent)
        self.wav = BoostedWav(path, gain_db)
        self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self.wav.size

    def bytesAvailable(self) -> int:
        return max(0, self.wav.size - self.pos()) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:
        try:
            return self.wav.read(self.pos(), maxlen)
        except Exception:  # an exception cannot cross into Qt's thread
            return b""

    def writeData(self, _data: bytes) -> int:
        return -1

    def close(self) -> None:
        super().close()
        self.wav.close()
