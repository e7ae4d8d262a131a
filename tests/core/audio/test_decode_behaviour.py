"""Samples read from real files: the stretch asked for, at its true time, whatever the container;
how long a file says it is; what the listener is told about a file that is not audio."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from player.core.audio.decode import RATE, AudioError, Pcm, _reason, duration_s, read_pcm
from tests.core.audio.encoded import encode, ramp_samples
from tests.media import write_wav


@pytest.fixture
def ramp(tmp_path: Path) -> tuple[Path, np.ndarray]:
    samples = ramp_samples(3.0)
    return write_wav(tmp_path / "ramp.wav", samples.tobytes(), RATE), samples


def _array(pcm: Pcm) -> np.ndarray:
    return np.frombuffer(pcm.data, dtype="<i2")


def test_a_stretch_from_the_middle_is_those_samples_at_that_time(ramp) -> None:
    path, samples = ramp
    pcm = read_pcm(path, 1.25, 0.5)
    assert (pcm.start_s, pcm.seconds, pcm.end_s) == (1.25, 0.5, 1.75)
    assert np.array_equal(_array(pcm), samples[20_000:28_000])


def test_the_whole_file_and_its_end(ramp) -> None:
    path, samples = ramp
    assert np.array_equal(_array(read_pcm(path)), samples)
    tail = read_pcm(path, 2.5, 10.0)  # more than is left: up to the end
    assert tail.start_s == 2.5 and np.array_equal(_array(tail), samples[40_000:])
    early = read_pcm(path, -4.0, 0.25)  # before the start: from the start
    assert early.start_s == 0.0 and np.array_equal(_array(early), samples[:4_000])


def test_a_compressed_file_is_read_from_the_time_asked_not_its_packet(tmp_path: Path) -> None:
    path = encode(tmp_path / "ramp.mp3", ramp_samples(3.0), fmt="mp3", codec="libmp3lame")
    whole = read_pcm(path)
    assert whole.start_s > 0  # the encoder's delay: the first sample is heard a little late
    pcm = read_pcm(path, 1.3, 0.5)
    assert (pcm.start_s, pcm.seconds) == (1.3, 0.5)
    # the same sound as the whole file holds at 1.3 s (once the decoder has settled after the
    # jump: its first packet is rebuilt from less of the stream)
    offset = round((1.3 - whole.start_s) * RATE)
    same = _array(whole)[offset + 3_000 : offset + 8_000].astype(float)
    assert np.corrcoef(same, _array(pcm)[3_000:].astype(float))[0, 1] > 0.999


def test_the_length_is_read_from_the_stream_or_else_the_container(tmp_path: Path, ramp) -> None:
    assert duration_s(ramp[0]) == 3.0
    mka = encode(tmp_path / "ramp.mka", ramp_samples(2.0), fmt="matroska", codec="pcm_s16le")
    assert duration_s(mka) == 2.0  # Matroska states no stream length


def test_the_loudest_sample_tells_sound_from_silence() -> None:
    as_bytes = lambda *v: np.array(v, dtype="<i2").tobytes()  # noqa: E731
    assert Pcm(0.0, b"").peak() == 0
    assert Pcm(0.0, bytes(3_200)).peak() == 0
    assert Pcm(0.0, as_bytes(5, -300, 200)).peak() == 300
    assert Pcm(0.0, as_bytes(5, 300, -200)).peak() == 300
    assert Pcm(0.0, as_bytes(-32_768, 12)).peak() == 32_768


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "cannot be read (No such file or directory)"),
        (b"", "the file is empty (0 bytes)"),
        (b"this is a text file, not a recording\n" * 40, "not a readable audio file ("),
    ],
)
def test_a_file_that_is_not_audio_is_named_with_the_reason(
    tmp_path: Path, content: bytes | None, words: str
) -> None:
    path = tmp_path / "episode.mp3"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AudioError) as caught:
        read_pcm(path)
    assert str(caught.value).startswith(f"{path}: {words}")
    assert not str(caught.value).endswith("()")


def test_a_folder_is_not_audio(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match=r": not a readable audio file \(Is a directory\)$"):
        duration_s(tmp_path)


def test_a_file_with_pictures_and_no_sound_says_so(tmp_path: Path) -> None:
    import av

    path = tmp_path / "cover.mkv"
    with av.open(str(path), "w", format="matroska") as out:
        stream = out.add_stream("ffv1", rate=1)
        stream.width = stream.height = 16
        frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24")
        for packet in [*stream.encode(frame.reformat(format=stream.format.name)), *stream.encode()]:
            out.mux(packet)
    with pytest.raises(AudioError, match="holds no audio stream"):
        read_pcm(path)


def test_a_reason_is_never_empty() -> None:
    assert _reason(OSError(2, "No such file or directory")) == "No such file or directory"
    assert _reason(ValueError("bad header ")) == "bad header"
    assert _reason(ValueError("")) == "ValueError"


def test_any_file_is_read_as_mono_at_sixteen_kilohertz(tmp_path: Path) -> None:
    path = tmp_path / "stereo.flac"
    subprocess.run(
        ["sox", "-n", "-r", "44100", "-c", "2", str(path), "synth", "2", "sine", "440", "vol",
         "0.5"],
        check=True,
    )  # fmt: skip
    pcm = read_pcm(path)
    samples = _array(pcm).astype(float)
    assert len(samples) == 2 * RATE  # every sample, the resampler's last ones too
    assert abs(samples[1_000:-1_000].max() / 32_767 - 0.5) < 0.02
    spectrum = np.abs(np.fft.rfft(samples))
    assert round(np.argmax(spectrum) * RATE / len(samples)) == 440


def test_cover_art_in_a_file_is_not_taken_for_sound(tmp_path: Path) -> None:
    from mutagen.id3 import APIC, ID3

    from tests.core.audio.test_boosted_wav_sources import _PNG

    path = encode(tmp_path / "ramp.mp3", ramp_samples(2.0), fmt="mp3", codec="libmp3lame")
    plain = _array(read_pcm(path))
    tags = ID3()
    tags.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=_PNG))
    tags.save(path)
    assert np.array_equal(_array(read_pcm(path)), plain)


def test_a_stretch_past_the_end_is_empty_at_the_time_asked(ramp) -> None:
    pcm = read_pcm(ramp[0], 10.0, 1.0)
    assert (pcm.start_s, pcm.data) == (10.0, b"")
