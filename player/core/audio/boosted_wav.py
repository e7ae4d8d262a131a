"""Any audio file, boosted, read as if it were a WAV file on disk.

The player decodes, times, seeks, changes speed (keeping the pitch) and finds the sound device
by itself; what it cannot do is play louder than the file. So the boost hands it a file that
*is* louder: a WAV whose bytes are made when the player reads them. ``read(offset, size)`` maps
the byte range to sample frames, decodes just those frames from the real file (PyAV), boosts
them (``Booster``) and returns them as 16-bit PCM. Nothing is written to disk and nothing is
decoded ahead of the player, so a three-hour episode starts playing boosted at once.

Reads that follow on from the last one continue the decoder; any other read (the player
seeked) seeks the real file and decodes from the packet before the wanted frame. Frame 0 is
the first sample of the file's audio, as the player counts it, so positions in the boosted file
and the plain one are the same moments.
"""

from __future__ import annotations

import struct
import threading
from pathlib import Path

import numpy as np

from player.core.audio.boost import Booster
from player.core.audio.decode import AudioError, _open, _reason

SAMPLE_BYTES = 2  # 16-bit PCM: the boost's output never passes full scale, so nothing is lost
HEADER_BYTES = 44
RF64_HEADER_BYTES = HEADER_BYTES + 36  # the ds64 chunk
RIFF_LIMIT = 0xFFFF_FFFF


def wav_header(rate: int, channels: int, frames: int) -> bytes:
    """A canonical PCM WAV header, or RF64 when the data passes the 4 GiB that RIFF can count
    (a stereo episode of more than about six hours)."""
    align = channels * SAMPLE_BYTES
    data = frames * align
    fmt = struct.pack("<4sIHHIIHH", b"fmt ", 16, 1, channels, rate, rate * align, align, 16)
    if HEADER_BYTES - 8 + data <= RIFF_LIMIT:
        head = struct.pack("<4sI4s", b"RIFF", HEADER_BYTES - 8 + data, b"WAVE")
        return head + fmt + struct.pack("<4sI", b"data", data)
    head = struct.pack("<4sI4s", b"RF64", RIFF_LIMIT, b"WAVE")
    ds64 = struct.pack("<4sIQQQI", b"ds64", 28, RF64_HEADER_BYTES - 8 + data, data, frames, 0)
    return head + ds64 + fmt + struct.pack("<4sI", b"data", RIFF_LIMIT)


class _Decoder:
    """Float frames of one file, from any frame on: seeks land exactly, not on a packet."""

    def __init__(self, path: Path) -> None:
        import av

        self._av = av
        self.path = path
        self.container = _open(path)
        self.stream = self.container.streams.audio[0]
        self.rate = int(self.stream.rate or self.stream.codec_context.sample_rate or 0)
        if self.rate <= 0:
            self.container.close()
            raise AudioError(f"{path}: the audio does not state its sample rate")
        self.channels = 1 if (self.stream.channels or 1) == 1 else 2
        self.layout = "mono" if self.channels == 1 else "stereo"
        tb = self.stream.time_base
        start = self.stream.start_time
        self._origin_s = float(start * tb) if start is not None and tb is not None else 0.0
        self.frames = self._length_frames()
        self._frames_iter = None
        self._pending = np.zeros((0, self.channels), dtype=np.float32)
        self._at = 0  # the frame index of ``_pending[0]``
        self._ended = False
        self.seek(0)

    def _length_frames(self) -> int:
        s, c = self.stream, self.container
        if s.duration is not None and s.time_base is not None:
            seconds = float(s.duration * s.time_base)
        elif c.duration is not None:
            seconds = c.duration / 1_000_000 - self._origin_s
        else:
            seconds = 0.0
        if seconds <= 0:
            self.container.close()
            raise AudioError(f"{self.path}: the file does not state its length")
        return round(seconds * self.rate)

    def close(self) -> None:
        self.container.close()

    def seek(self, frame: int) -> None:
        """Make ``frame`` the next one ``take`` returns."""
        back_s = 0.0
        while True:
            target_s = max(0.0, frame / self.rate - back_s)
            self._restart(target_s)
            first = self._decode_more()
            if first is None:  # past the end of what can be decoded: silence from here
                self._at = frame
                return
            if first <= frame or target_s == 0.0:
                break
            back_s = back_s * 4 if back_s else 2.0  # the seek overshot: ask for earlier
        if self._at < frame:
            self._drop(frame - self._at)
        elif self._at > frame:  # the file starts later than asked: silence in front
            gap = np.zeros((self._at - frame, self.channels), dtype=np.float32)
            self._pending, self._at = np.concatenate((gap, self._pending)), frame

    def _restart(self, at_s: float) -> None:
        av = self._av
        try:
            if at_s <= 0.0:
                self.container.seek(0)
            else:
                self.container.seek(int((at_s + self._origin_s) * 1_000_000), any_frame=False)
        except av.error.FFmpegError:
            self.container.seek(0)
        self._resampler = av.AudioResampler(format="flt", layout=self.layout, rate=self.rate)
        self._frames_iter = self.container.decode(self.stream)
        self._pending = np.zeros((0, self.channels), dtype=np.float32)
        self._at = -1  # set by the first decoded frame
        self._ended = False

    def _decode_more(self) -> int | None:
        """Decode one packet's frames onto ``_pending``; the first frame's index after a seek,
        or None at the end of the audio (or of what of it can be decoded)."""
        av = self._av
        try:
            frame = next(self._frames_iter)  # type: ignore[arg-type]
        except (StopIteration, av.error.FFmpegError, ValueError):
            self._ended = True
            if self._at < 0:
                self._at = 0
            return None
        if self._at < 0:
            t = float(frame.time) if frame.time is not None else 0.0
            self._at = max(0, round((t - self._origin_s) * self.rate))
        parts = [o.to_ndarray().reshape(-1, self.channels) for o in self._resampler.resample(frame)]
        if parts:
            self._pending = np.concatenate((self._pending, *parts))
        return self._at

    def _drop(self, count: int) -> None:
        while len(self._pending) < count and not self._ended:
            self._decode_more()
        self._pending = self._pending[count:]
        self._at += count

    def take(self, count: int, *, peek: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """The next ``count`` frames (silence past the end), and up to ``peek`` frames after
        them, which stay for the next call."""
        while len(self._pending) < count + peek and not self._ended:
            self._decode_more()
        out = self._pending[:count]
        if len(out) < count:
            out = np.concatenate((out, np.zeros((count - len(out), self.channels), np.float32)))
        ahead = self._pending[count : count + peek]
        self._pending = self._pending[count:]
        self._at += count
        return out, ahead


class BoostedWav:
    """The bytes of ``path`` as a boosted 16-bit WAV file; safe to read from any thread."""

    def __init__(self, path: str | Path, gain_db: float) -> None:
        try:
            self._decoder = _Decoder(Path(path))
        except AudioError:
            raise
        except Exception as e:  # PyAV reports odd files in many ways; the listener gets one
            raise AudioError(f"{path}: cannot be read for the boost ({_reason(e)})") from None
        d = self._decoder
        self.rate, self.channels, self.frames = d.rate, d.channels, d.frames
        self.header = wav_header(self.rate, self.channels, self.frames)
        self.align = self.channels * SAMPLE_BYTES
        self.size = len(self.header) + self.frames * self.align
        self.booster = Booster(self.rate, gain_db)
        self._next = 0  # the frame that follows the last read
        self._lock = threading.Lock()
        self._closed = False

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def close(self) -> None:
        """Let go of the file; reads from now on find the end."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._decoder.close()

    def read(self, offset: int, size: int) -> bytes:
        """Up to ``size`` bytes from ``offset`` (fewer only at the end of the file)."""
        if size <= 0 or offset >= self.size:
            return b""
        with self._lock:
            if self._closed:
                return b""
            out = b""
            if offset < len(self.header):
                out = self.header[offset : offset + size]
                offset, size = offset + len(out), size - len(out)
            end = min(self.size, offset + size)
            if end <= offset:
                return out
            first = (offset - len(self.header)) // self.align
            last = -(-(end - len(self.header)) // self.align)
            pcm = self._pcm(first, last)
            skip = offset - len(self.header) - first * self.align
            return out + pcm[skip : skip + end - offset]

    def _pcm(self, first: int, last: int) -> bytes:
        d, b = self._decoder, self.booster
        if first != self._next:
            d.seek(first)
            b.reset()
        try:
            block, ahead = d.take(last - first, peek=b.lookahead)
        except Exception:  # a damaged stretch of file plays as silence, never stops the player
            block, ahead = np.zeros((last - first, self.channels), np.float32), None
        self._next = last
        samples = b.process(block, ahead)
        return (samples * 32767.0).round().astype("<i2").tobytes()
