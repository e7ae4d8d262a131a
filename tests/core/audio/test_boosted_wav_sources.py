"""The boosted WAV made from compressed files and containers that state their length elsewhere:
at no gain it is the plain audio sample for sample, from its first sample."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from player.core.audio.boosted_wav import HEADER_BYTES, BoostedWav
from player.core.audio.decode import AudioError
from tests.core.audio.encoded import encode, ramp_samples

SOURCES = {
    "mp3": dict(fmt="mp3", codec="libmp3lame", rate=16_000),  # starts after an encoder delay
    "mka": dict(fmt="matroska", codec="pcm_s16le", rate=16_000),  # no stream length
    "webm": dict(fmt="webm", codec="libopus", rate=48_000),  # neither, and starts at 7 ms
}


def _source(tmp_path: Path, kind: str, seconds: float = 2.0) -> Path:
    spec = SOURCES[kind]
    return encode(tmp_path / f"ramp.{kind}", ramp_samples(seconds, spec["rate"]), **spec)  # type: ignore[arg-type]


def _plain(path: Path) -> np.ndarray:
    with av.open(str(path)) as c:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=c.streams.audio[0].rate)
        return np.concatenate(
            [o.to_ndarray().reshape(-1) for f in c.decode(audio=0) for o in resampler.resample(f)]
        )


def _pcm(wav: BoostedWav, first: int, count: int) -> np.ndarray:
    data = wav.read(HEADER_BYTES + first * 2, count * 2)
    return np.frombuffer(data, dtype="<i2")


@pytest.mark.parametrize("kind", list(SOURCES))
def test_at_no_gain_it_is_the_plain_audio_from_its_first_sample(tmp_path: Path, kind: str) -> None:
    path = _source(tmp_path, kind)
    plain = _plain(path)
    wav = BoostedWav(path, 0)
    assert abs(wav.frames - len(plain)) <= wav.rate // 100  # as long, to 10 ms
    through = _pcm(wav, 0, wav.frames)
    n = min(len(plain), wav.frames)
    assert np.abs(through[:n].astype(int) - plain[:n]).max() <= 1
    assert not through[n:].any()  # a stated length past the audio is silence


def test_a_file_that_states_no_length_is_refused(tmp_path: Path) -> None:
    path = encode(tmp_path / "ramp.nut", ramp_samples(1.0), fmt="nut", codec="pcm_s16le")
    with pytest.raises(AudioError, match=r"ramp\.nut: the file does not state its length"):
        BoostedWav(path, 6)


def test_reading_past_the_end_of_the_audio_gives_silence_not_an_error(tmp_path: Path) -> None:
    path = _source(tmp_path, "mka")
    wav = BoostedWav(path, 6)
    jumped = wav._decoder  # a jump past what can be decoded
    jumped.seek(wav.frames + 5_000)
    block, ahead = jumped.take(100, peek=10)
    assert block.shape == (100, 1) and not block.any() and len(ahead) == 0
