"""A real audio file read as a boosted WAV: what a player decodes from it is the file's audio,
as long, at the same moments, louder by the boost; reads anywhere (a seek) give the same bytes
as reading straight through."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from player.core.audio.boost import db_to_gain
from player.core.audio.boosted_wav import BoostedWav, wav_header
from player.core.audio.decode import AudioError
from tests.media import make_wav


class _File(io.RawIOBase):
    """The virtual file as a file object, so PyAV (FFmpeg, as the player) reads it."""

    def __init__(self, wav: BoostedWav) -> None:
        self.wav, self.pos = wav, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.wav.read(self.pos, len(buffer))
        buffer[: len(data)] = data
        self.pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        self.pos = [offset, self.pos + offset, self.wav.size + offset][whence]
        return self.pos

    def tell(self) -> int:
        return self.pos


def _samples(source) -> np.ndarray:
    with av.open(source) as c:
        return np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(audio=0)])


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def test_a_player_reads_the_file_louder_by_the_boost_and_as_long(tmp_path: Path) -> None:
    audio = make_wav(tmp_path / "quiet.wav", 3.0, rate=16_000, beeps_at=(1.0,))
    wav = BoostedWav(audio, 12)
    with av.open(_File(wav), format="wav") as c:
        assert abs(c.duration / 1e6 - 3.0) < 0.01
    plain, boosted = _samples(str(audio)), _samples(_File(wav))
    assert len(boosted) == len(plain)
    hum = slice(2 * 16_000, 3 * 16_000)  # the quiet hum after the beep
    assert abs(20 * np.log10(_rms(boosted[hum]) / _rms(plain[hum])) - 12) < 0.1
    # the beep (12000 of 32767) would pass full scale at +12 dB; it is held under it
    assert np.abs(boosted.astype(np.int32)).max() <= 32767 * db_to_gain(-1) + 2
    # and it is at the same moment: the loudest stretch starts at 1.0 s in both
    loud = lambda x: np.argmax(np.abs(x) > 0.5 * np.abs(x).max()) / 16_000  # noqa: E731
    assert abs(loud(boosted) - loud(plain)) < 0.006


@pytest.mark.parametrize("kind", ["wav", "flac"])
def test_a_read_anywhere_gives_what_reading_through_gives(tmp_path: Path, kind: str) -> None:
    source = make_wav(tmp_path / "a.wav", 4.0, rate=22_050, beeps_at=(0.5, 2.0, 3.5))
    if kind == "flac":
        subprocess.run(["sox", str(source), str(tmp_path / "a.flac")], check=True)
        source = tmp_path / "a.flac"
    through = BoostedWav(source, 6)
    whole = b""
    while len(whole) < through.size:
        whole += through.read(len(whole), 32_768)
    assert through.read(through.size, 100) == b""
    jumping = BoostedWav(source, 6)
    for offset in (200_001, 44, 150_000, 7, 100_000, through.size - 10):
        # (at +6 dB the limiter has nothing to hold here, so its fresh start after a jump is
        # the same as its state in a straight read)
        assert jumping.read(offset, 5_000) == whole[offset : offset + 5_000]


def test_a_stereo_file_stays_stereo(tmp_path: Path) -> None:
    path = tmp_path / "stereo.flac"
    subprocess.run(
        [
            "sox",
            "-n",
            "-r",
            "44100",
            "-c",
            "2",
            str(path),
            "synth",
            "1",
            "sine",
            "300",
            "vol",
            "0.05",
        ],
        check=True,
    )
    wav = BoostedWav(path, 6)
    assert (wav.rate, wav.channels, wav.frames) == (44_100, 2, 44_100)
    with av.open(_File(wav), format="wav") as c:
        assert c.streams.audio[0].channels == 2


def test_an_episode_too_long_for_riff_gets_an_rf64_header_a_player_reads() -> None:
    frames = 7 * 3600 * 48_000  # seven hours of stereo: more than 4 GiB of samples
    header = wav_header(48_000, 2, frames)
    assert header[:4] == b"RF64"
    body = header + bytes(48_000 * 4)
    with av.open(io.BytesIO(body), format="wav") as c:
        assert abs(c.duration / 1e6 - 7 * 3600) < 1


def test_a_file_that_is_not_audio_is_refused_with_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio at all")
    with pytest.raises(AudioError, match=r"notes\.wav"):
        BoostedWav(bad, 12)


def test_a_closed_file_reads_as_ended(tmp_path: Path) -> None:
    wav = BoostedWav(make_wav(tmp_path / "a.wav", 1.0), 12)
    assert len(wav.read(0, 1_000)) == 1_000
    wav.close()
    wav.close()
    assert wav.read(0, 1_000) == b""
