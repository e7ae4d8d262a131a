"""The boosted WAV made from compressed files and containers that state their length elsewhere:
at no gain it is the plain audio sample for sample, from its first sample."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from player.core.audio.boost import CEILING_DB, db_to_gain
from player.core.audio.boosted_wav import HEADER_BYTES, BoostedWav, wav_header
from player.core.audio.decode import AudioError
from tests.core.audio.encoded import encode, ramp_samples
from tests.media import write_wav

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


def _steps_wav(path: Path) -> Path:
    """A steady quiet level, a loud one for 0.2 s from 1.0 s, the quiet one again."""
    level = np.concatenate((np.full(16_000, 300), np.full(3_200, 12_000), np.full(16_000, 300)))
    return write_wav(path, level.astype("<i2").tobytes(), 16_000)


def test_read_in_pieces_as_a_player_does_the_gain_never_jumps(tmp_path: Path) -> None:
    """The look-ahead and the recovery carry from one read to the next: no click at a seam,
    even where a loud moment starts or ends exactly at one."""
    path = _steps_wav(tmp_path / "steps.wav")
    wav = BoostedWav(path, 12)
    data = wav.read(0, HEADER_BYTES)
    while len(data) < wav.size:
        data += wav.read(len(data), 1_000)  # seams at 500-frame steps: 1.0 s and 1.2 s too
    boosted = np.frombuffer(data[HEADER_BYTES:], dtype="<i2").astype(float)
    plain = np.frombuffer(path.read_bytes()[HEADER_BYTES:], dtype="<i2").astype(float)
    gain = 20 * np.log10(boosted / plain)
    assert np.abs(np.diff(gain)).max() < 0.5
    assert gain[8_000] == pytest.approx(12, abs=0.05) and gain[-1] == pytest.approx(12, abs=0.05)
    assert np.abs(boosted).max() <= 32_767 * db_to_gain(CEILING_DB) + 1


def test_surround_sound_is_boosted_as_stereo(tmp_path: Path) -> None:
    path = tmp_path / "surround.flac"
    subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "6", str(path), "synth", "1", "sine", "300", "vol",
         "0.05", "remix", "1", "0", "0", "0", "0", "0"],
        check=True,
    )  # fmt: skip
    wav = BoostedWav(path, 6)
    assert (wav.channels, wav.frames) == (2, 16_000)
    pcm = np.frombuffer(wav.read(HEADER_BYTES, 10**6), dtype="<i2").reshape(-1, 2)
    # the front-left tone stays on the left, every sample of it
    assert len(pcm) == 16_000 and np.mean(np.abs(pcm[:, 0]) > 30) > 0.9
    assert np.abs(pcm[:, 1]).max() <= 2


def test_an_mp3_with_cover_art_is_boosted_like_any_other(tmp_path: Path) -> None:
    from mutagen.id3 import APIC, ID3

    path = _source(tmp_path, "mp3")
    plain = _plain(path)
    tags = ID3()
    tags.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=_PNG))
    tags.save(path)
    wav = BoostedWav(path, 0)
    through = _pcm(wav, 0, wav.frames)
    n = min(len(plain), len(through))
    assert np.abs(through[:n].astype(int) - plain[:n]).max() <= 1


def test_a_one_byte_read_gives_one_byte(tmp_path: Path) -> None:
    wav = BoostedWav(_source(tmp_path, "mka"), 6)
    assert wav.read(0, 1) == b"R"
    assert len(wav.read(HEADER_BYTES + 101, 1)) == 1
    assert wav.read(wav.size - 1, 1) != b"" and wav.read(wav.size, 1) == b""


def _riff_sizes(header: bytes) -> tuple[int, int]:
    """(RIFF size, data size) as a reader takes them from a RIFF or RF64 header."""
    if header[:4] == b"RIFF":
        return struct.unpack("<I", header[4:8])[0], struct.unpack("<I", header[40:44])[0]
    riff, data = struct.unpack("<QQ", header[20:36])
    return riff, data


@pytest.mark.parametrize(
    ("channels", "frames", "kind"),
    [
        (2, 44_100 * 60, b"RIFF"),
        (2, 4 * 3600 * 44_100 // 2, b"RIFF"),  # more than 2 GiB: the sizes are unsigned
        (1, 2_147_483_629, b"RIFF"),  # the largest a RIFF size can count
        (1, 2_147_483_630, b"RF64"),
        (2, 7 * 3600 * 48_000, b"RF64"),
    ],
)
def test_the_header_counts_the_bytes_that_follow_it(channels: int, frames: int, kind: bytes):
    header = wav_header(44_100, channels, frames)
    data = frames * channels * 2
    assert header[:4] == kind and header[-8:-4] == b"data"
    assert _riff_sizes(header) == (len(header) - 8 + data, data)
    if kind == b"RF64":  # a ds64 chunk of 28 bytes has no table after it
        assert struct.unpack("<4sI", header[12:20]) == (b"ds64", 28)
        assert struct.unpack("<I", header[44:48])[0] == 0


_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
