"""How the boost's gain moves around a loud moment, measured sample by sample on a steady level
(a quiet voice, then a shout, then the voice again): the turn-down begins five milliseconds
ahead, across the edge of a block too, and the whole boost comes back at 50 dB a second."""

from __future__ import annotations

import numpy as np
import pytest

from player.core.audio.boost import CEILING_DB, Booster, db_to_gain

RATE = 16_000
BLOCK = 800  # the shout starts and ends on a block's edge
QUIET, SHOUT = 0.01, 1.0


def _voice_shout_voice() -> np.ndarray:
    parts = (np.full(RATE, QUIET), np.full(RATE // 5, SHOUT), np.full(RATE, QUIET))
    return np.concatenate(parts).astype(np.float32)[:, None]


def _gain_db(gain_db: float = 12.0, block: int = BLOCK) -> np.ndarray:
    """The gain applied to each sample, in dB."""
    x = _voice_shout_voice()
    booster = Booster(RATE, gain_db)
    out = np.concatenate(
        [
            booster.process(x[i : i + block], x[i + block : i + block + booster.lookahead])
            for i in range(0, len(x), block)
        ]
    )
    return 20 * np.log10(out[:, 0] / x[:, 0])


@pytest.fixture(scope="module")
def gain() -> np.ndarray:
    return _gain_db()


def _at_ms_before_shout(gain: np.ndarray, ms: float) -> float:
    return float(gain[RATE - round(ms * RATE / 1000)])


def _at_ms_after_shout(gain: np.ndarray, ms: float) -> float:
    return float(gain[RATE + RATE // 5 + round(ms * RATE / 1000)])


def test_the_voice_keeps_its_whole_boost_until_five_milliseconds_before_a_shout(gain) -> None:
    for ms in (500, 20, 6, 5):
        assert _at_ms_before_shout(gain, ms) == pytest.approx(12.0, abs=0.01), ms


def test_the_turn_down_is_spread_over_those_five_milliseconds(gain) -> None:
    assert 9.5 < _at_ms_before_shout(gain, 4) < 11
    assert 6 < _at_ms_before_shout(gain, 3) < 8
    assert 3 < _at_ms_before_shout(gain, 2) < 4.5
    assert 0 < _at_ms_before_shout(gain, 1) < 1.5
    for ms in (0.5, 0.0625):  # at the ceiling just before the shout arrives
        assert _at_ms_before_shout(gain, ms) == pytest.approx(CEILING_DB, abs=0.01), ms


def test_the_shout_plays_at_the_ceiling_not_above_and_not_below(gain) -> None:
    shout = gain[RATE : RATE + RATE // 5]
    assert np.allclose(shout, CEILING_DB, atol=0.01)


def test_the_whole_boost_comes_back_at_fifty_db_a_second_after_the_shout(gain) -> None:
    assert _at_ms_after_shout(gain, 1) == pytest.approx(CEILING_DB, abs=0.1)
    assert _at_ms_after_shout(gain, 50) == pytest.approx(CEILING_DB + 2.5, abs=0.1)
    assert _at_ms_after_shout(gain, 100) == pytest.approx(CEILING_DB + 5, abs=0.1)
    assert _at_ms_after_shout(gain, 200) == pytest.approx(CEILING_DB + 10, abs=0.1)
    for ms in (300, 900):
        assert _at_ms_after_shout(gain, ms) == pytest.approx(12.0, abs=0.01)


def test_a_louder_setting_turns_down_further_over_the_same_time() -> None:
    gain = _gain_db(18.0)
    assert _at_ms_before_shout(gain, 5) == pytest.approx(18.0, abs=0.01)
    assert 14 < _at_ms_before_shout(gain, 4) < 17
    assert _at_ms_before_shout(gain, 0.5) == pytest.approx(CEILING_DB, abs=0.01)
    assert _at_ms_after_shout(gain, 100) == pytest.approx(CEILING_DB + 5, abs=0.1)
    assert _at_ms_after_shout(gain, 300) == pytest.approx(CEILING_DB + 15, abs=0.1)


def test_a_jump_forgets_the_turn_down_and_no_look_ahead_is_needed() -> None:
    booster = Booster(RATE, 12)
    booster.process(np.full((BLOCK, 1), SHOUT, np.float32))
    booster.reset()
    quiet = booster.process(np.full((BLOCK, 1), QUIET, np.float32))
    assert np.allclose(quiet, QUIET * db_to_gain(12))


def test_a_cut_or_no_gain_only_scales_and_holds_overs_at_full_scale() -> None:
    x = np.array([[0.5], [-0.5], [1.5], [-1.5]], dtype=np.float64)
    out = Booster(RATE, -6).process(x)
    assert out.dtype == np.float32
    assert np.allclose(out[:, 0], [0.2506, -0.2506, 0.7518, -0.7518], atol=1e-4)
    level = Booster(RATE, 0).process(x)
    assert level.dtype == np.float32 and np.allclose(level[:, 0], [0.5, -0.5, 1.0, -1.0])


def test_even_half_a_db_more_is_limited_not_clipped() -> None:
    x = np.full((RATE // 10, 1), 1.0, np.float32)
    out = Booster(RATE, 0.5).process(x)
    assert np.abs(out).max() == pytest.approx(db_to_gain(CEILING_DB), abs=1e-4)


def test_an_empty_block_is_an_empty_block_of_samples() -> None:
    out = Booster(RATE, 12).process(np.zeros((0, 2), dtype=np.float64))
    assert out.shape == (0, 2) and out.dtype == np.float32
