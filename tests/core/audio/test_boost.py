"""The boost's gain and limiter on blocks of samples: louder by the set dB, never past full
scale, peaks turned down rather than squared off, silence untouched."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from player.core.audio.boost import CEILING_DB, Booster, db_to_gain

RATE = 16_000


def _sine(seconds: float, peak: float, freq: float = 220.0, rate: int = RATE) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (peak * np.sin(2 * np.pi * freq * t)).astype(np.float32)[:, None]


def _rms_db(x: np.ndarray) -> float:
    return 20 * np.log10(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def _in_blocks(booster: Booster, x: np.ndarray, size: int) -> np.ndarray:
    out = []
    for i in range(0, len(x), size):
        ahead = x[i + size : i + size + booster.lookahead]
        out.append(booster.process(x[i : i + size], ahead))
    return np.concatenate(out)


def _harmonic_db(x: np.ndarray, freq: float, k: int, rate: int = RATE) -> float:
    """The k-th harmonic's level against the fundamental's, in dB."""
    spectrum = np.abs(np.fft.rfft(x[:, 0] * np.hanning(len(x))))
    bin_of = lambda f: round(f * len(x) / rate)  # noqa: E731
    return 20 * np.log10(spectrum[bin_of(k * freq)] / spectrum[bin_of(freq)])


def test_a_quiet_sine_gets_louder_by_the_set_gain() -> None:
    quiet = _sine(2.0, db_to_gain(-30))
    for db in (6, 12):
        louder = _in_blocks(Booster(RATE, db), quiet, 4096)
        assert abs(_rms_db(louder) - _rms_db(quiet) - db) < 0.05


def test_a_full_scale_sine_never_passes_full_scale_and_keeps_its_shape() -> None:
    loud = _sine(2.0, 1.0)
    out = _in_blocks(Booster(RATE, 12), loud, 4096)
    assert np.abs(out).max() <= db_to_gain(CEILING_DB) + 1e-4
    steady = out[RATE // 2 :]
    # A hard clip at +12 dB makes a near-square wave: its 3rd harmonic is ~10 dB under the tone.
    # The limiter turns the level down instead, so the tone stays a clean sine.
    clipped = np.clip(loud * db_to_gain(12), -1, 1)[RATE // 2 :]
    assert _harmonic_db(clipped, 220, 3) > -15
    assert _harmonic_db(steady, 220, 3) < -50
    # and it plays at the ceiling, not quieter than the original
    assert _rms_db(steady) > _rms_db(loud) + CEILING_DB - 0.2


def test_silence_stays_silent() -> None:
    silence = np.zeros((RATE, 2), dtype=np.float32)
    out = _in_blocks(Booster(RATE, 12), silence, 1000)
    assert out.shape == silence.shape and not out.any()


def test_after_a_loud_burst_the_quiet_voice_gets_its_whole_boost_back() -> None:
    quiet, burst = _sine(1.0, db_to_gain(-30)), _sine(0.2, 1.0)
    x = np.concatenate((quiet, burst, quiet))
    out = _in_blocks(Booster(RATE, 12), x, 2048)
    assert np.abs(out).max() <= 1.0
    late = slice(int(1.8 * RATE), int(2.2 * RATE))  # 0.6 s after the burst ended
    assert abs(_rms_db(out[late]) - _rms_db(x[late]) - 12) < 0.1
    # the turn-down began before the burst: the first boosted burst sample is under the ceiling
    assert np.abs(out[RATE : RATE + 40]).max() <= db_to_gain(CEILING_DB) + 1e-4


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    gain_db=st.sampled_from([3.0, 6.0, 12.0, 18.0]),
    block=st.integers(1, 3000),
    channels=st.sampled_from([1, 2]),
)
def test_no_input_and_no_block_size_passes_the_ceiling(
    seed: int, gain_db: float, block: int, channels: int
) -> None:
    rng = np.random.default_rng(seed)
    n = 6000
    # bursts of every loudness, including overs past full scale as some decoders give
    env = np.repeat(rng.uniform(0, 1.3, n // 200 + 1), 200)[:n, None]
    x = (rng.uniform(-1, 1, (n, channels)) * env).astype(np.float32)
    out = _in_blocks(Booster(RATE, gain_db), x, block)
    assert out.shape == x.shape and out.dtype == np.float32
    assert np.abs(out).max() <= db_to_gain(CEILING_DB) + 1e-4


def test_no_gain_changes_nothing() -> None:
    x = _sine(0.5, 0.5)
    assert np.allclose(Booster(RATE, 0).process(x), x)
