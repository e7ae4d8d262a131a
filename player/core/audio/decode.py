"""Speech-grade samples from any audio file, one stretch at a time.

Aligning quotes, finding silence and similar features need the samples, not playback. They use
PyAV (FFmpeg's decoders inside the wheel) rather than shelling out to a tool the listener may
not have, and rather than Qt's decoder, which would tie plain-Python code to the window.

Only the stretch asked for is decoded: a three-hour episode is 330 MB as 16 kHz PCM, while a
search around twenty quotes needs a few minutes of it. Seeking lands on a packet boundary
before the asked-for time, so the first sample's true time is returned with the samples.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

RATE = 16_000
BYTES_PER_SAMPLE = 2


class AudioError(Exception):
    """The file cannot be read as audio; the message is for people."""


@dataclass(frozen=True, slots=True)
class Pcm:
    """Mono signed 16-bit little-endian samples at ``RATE``, the first one at ``start_s``."""

    start_s: float
    data: bytes

    @property
    def seconds(self) -> float:
        return len(self.data) / (RATE * BYTES_PER_SAMPLE)

    @property
    def end_s(self) -> float:
        return self.start_s + self.seconds

    def peak(self) -> int:
        """Loudest sample, 0..32768: tells silence from sound without a numeric library."""
        if not self.data:
            return 0
        view = memoryview(self.data).cast("h")
        return max(max(view), -min(view))


def _open(path: Path):  # -> av.container.InputContainer
    import av

    try:
        size = path.stat().st_size
    except OSError as e:
        raise AudioError(f"{path}: cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise AudioError(f"{path}: the file is empty (0 bytes)")
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError, UnicodeDecodeError) as e:
        raise AudioError(f"{path}: not a readable audio file ({_reason(e)})") from None
    if not container.streams.audio:
        container.close()
        raise AudioError(f"{path}: the file holds no audio stream")
    return container


def _reason(e: Exception) -> str:
    text = getattr(e, "strerror", None) or str(e)
    return text.strip() or type(e).__name__


def duration_s(path: str | Path) -> float:
    """Length in seconds as the container states it (0.0 when it does not say)."""
    container = _open(Path(path))
    try:
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        if container.duration is not None:
            return container.duration / 1_000_000
        return 0.0
    finally:
        container.close()


def read_pcm(path: str | Path, start_s: float = 0.0, seconds: float | None = None) -> Pcm:
    """Samples from about ``start_s`` for ``seconds`` (to the end when None).

    A file damaged part-way gives what could be decoded before the damage: a truncated
    download still aligns up to where it stops.
    """
    import av

    p = Path(path)
    container = _open(p)
    try:
        stream = container.streams.audio[0]
        start_s = max(0.0, start_s)
        if start_s > 0:
            try:
                container.seek(int(start_s * 1_000_000), any_frame=False)
            except av.error.FFmpegError:
                container.seek(0)
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        chunks: list[bytes] = []
        first: float | None = None
        stop = None if seconds is None else start_s + seconds
        try:
            for frame in container.decode(stream):
                if first is None:
                    first = float(frame.time) if frame.time is not None else start_s
                for out in resampler.resample(frame):
                    chunks.append(bytes(out.planes[0])[: out.samples * BYTES_PER_SAMPLE])
                if stop is not None and frame.time is not None and frame.time >= stop:
                    break
            else:
                for out in resampler.resample(None):
                    chunks.append(bytes(out.planes[0])[: out.samples * BYTES_PER_SAMPLE])
        except (av.error.FFmpegError, ValueError):
            if first is None:
                raise AudioError(f"{p}: the audio cannot be decoded (damaged file?)") from None
        data = b"".join(chunks)
        origin = start_s if first is None else first
        # Trim the lead-in that seeking to a packet boundary brought along.
        skip = int(max(0.0, start_s - origin) * RATE) * BYTES_PER_SAMPLE
        if skip and skip < len(data):
            data, origin = data[skip:], origin + skip / (RATE * BYTES_PER_SAMPLE)
        if seconds is not None:
            data = data[: int(seconds * RATE) * BYTES_PER_SAMPLE]
        return Pcm(origin, data)
    finally:
        container.close()
