"""Making a quiet recording louder without squaring off its loud moments.

A fixed gain alone (what a volume knob above 100 % would do) clips every peak that the gain
pushes past full scale, and clipped speech crackles. ``Booster`` applies the gain and then a
look-ahead peak limiter: it reads a few milliseconds ahead, and where a boosted peak would pass
the ceiling it turns the gain down smoothly *before* the peak arrives and lets it come back up
slowly after, so the waveform keeps its shape and only its level changes. Quiet passages, the
ones the listener wants louder, get the whole gain.

The gain is worked out on a coarse grid (one value per millisecond) with whole-array numpy
operations, both smoothing passes included, then spread over the samples: no Python loop runs
per sample, so boosting costs a small fraction of real time (``bench/bench_boost.py``).
"""

from __future__ import annotations

import numpy as np

CEILING_DB = -1.0  # the limiter's ceiling, a little under full scale
LOOKAHEAD_S = 0.005  # how far ahead it reads, and so how long a turn-down takes at most
RELEASE_DB_PER_S = 50.0  # how fast the gain comes back after a peak
CHUNK_S = 0.001  # one gain value per this much audio
SILENT = 1e-9  # a peak below this is silence: nothing to limit


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


class Booster:
    """Gain and limiter over consecutive blocks of float samples shaped (frames, channels).

    Blocks are processed in order; the gain's recovery carries from one to the next. After a
    jump to another place in the audio, call ``reset``.
    """

    def __init__(self, rate: int, gain_db: float, *, ceiling_db: float = CEILING_DB) -> None:
        self.rate = int(rate)
        self.gain_db = float(gain_db)
        self.ceiling_db = float(ceiling_db)
        self.chunk = max(1, round(self.rate * CHUNK_S))
        self.lookahead = max(self.chunk, round(self.rate * LOOKAHEAD_S))
        ahead_chunks = self.lookahead // self.chunk
        # The deepest turn-down the input can need (full scale boosted) is reached within the
        # look-ahead, so a peak just past it never forces a jump in the gain.
        deepest = max(0.0, self.gain_db - self.ceiling_db)
        self._attack_db = deepest / max(1, ahead_chunks - 1) + 1e-6
        self._release_db = RELEASE_DB_PER_S * self.chunk / self.rate
        self._held_db = 0.0  # the gain reduction at the end of the previous block

    def reset(self) -> None:
        self._held_db = 0.0

    def process(self, block: np.ndarray, ahead: np.ndarray | None = None) -> np.ndarray:
        """``block`` boosted and limited; ``ahead`` is what follows it (``lookahead`` frames,
        fewer at the end of the audio), read but not returned."""
        frames = block.shape[0]
        if frames == 0:
            return block.astype(np.float32, copy=True)
        gain = db_to_gain(self.gain_db)
        if self.gain_db <= 0.0:
            return np.clip(block * gain, -1.0, 1.0).astype(np.float32)
        whole = block if ahead is None or len(ahead) == 0 else np.concatenate((block, ahead))
        whole = np.clip(whole, -1.0, 1.0)
        reduction_db = self._reduction_db(whole, gain, frames)
        # One value per chunk, at the chunk's middle, spread linearly over the samples.
        centres = np.arange(len(reduction_db)) * self.chunk + (self.chunk - 1) / 2.0
        per_sample = np.interp(np.arange(frames), centres, reduction_db)
        factor = (gain * np.power(10.0, per_sample / 20.0)).astype(np.float32)
        out = whole[:frames] * factor[:, None]
        return np.clip(out, -1.0, 1.0, out=out).astype(np.float32, copy=False)

    def _reduction_db(self, whole: np.ndarray, gain: float, frames: int) -> np.ndarray:
        """Per chunk, how many dB (0 or less) to take off the gain."""
        n = len(whole)
        chunks = -(-n // self.chunk)
        padded = np.zeros((chunks * self.chunk, whole.shape[1]), dtype=np.float32)
        padded[:n] = whole
        peak = np.abs(padded).reshape(chunks, -1).max(axis=1) * gain
        with np.errstate(divide="ignore"):
            needed = np.where(
                peak > SILENT, self.ceiling_db - 20.0 * np.log10(np.maximum(peak, SILENT)), 0.0
            )
        needed = np.minimum(needed, 0.0)
        # Each chunk also honours its neighbours, so the straight line drawn between two chunk
        # values never rises above what either chunk's own peak allows.
        held = needed.copy()
        held[1:] = np.minimum(held[1:], needed[:-1])
        held[:-1] = np.minimum(held[:-1], needed[1:])
        steps = np.arange(chunks, dtype=np.float64)
        # Release: the reduction recovers by at most ``_release_db`` a chunk, starting from
        # where the previous block left it: s[k] = min over j <= k of held[j] + (k - j) * r.
        rel = self._release_db
        released = np.minimum.accumulate(held - steps * rel) + steps * rel
        released = np.minimum(released, self._held_db + (steps + 1) * rel)
        # Attack: going back from each peak, the reduction fades in at most ``_attack_db`` a
        # chunk: s[k] = min over j >= k of s[j] + (j - k) * a.
        att = self._attack_db
        rising = released + steps * att
        attacked = np.minimum.accumulate(rising[::-1])[::-1] - steps * att
        last = min(chunks, -(-frames // self.chunk)) - 1
        self._held_db = float(min(0.0, attacked[last]))
        return np.minimum(attacked, 0.0)
