"""Pauses found in generated audio: where, how long, noise floors, the cache, cancelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.core.audio.silence import KEEP_MS, SilenceCache, Silences, find_silences
from player.core.jobs import Cancelled, CancelToken, Progress
from tests.pauses_audio import make_pauses_wav

PARTS = [("sound", 1.0), ("pause", 2.5), ("sound", 1.0), ("pause", 0.4), ("sound", 1.0)]


def _near(spans, expected, slack_ms=40) -> bool:
    return len(spans) == len(expected) and all(
        abs(a - c) <= slack_ms and abs(b - d) <= slack_ms
        for (a, b), (c, d) in zip(spans, expected, strict=True)
    )


@pytest.mark.parametrize("noise", [0, 200])
def test_a_long_pause_is_found_and_a_short_one_left_alone(tmp_path: Path, noise: int) -> None:
    audio = make_pauses_wav(tmp_path / "talk.wav", PARTS, noise=noise)
    found = find_silences(audio, Progress())
    # 1.0-3.5 s is a pause; 4.5-4.9 s is a breath between words and stays
    assert _near(found.spans, [(1_000 + KEEP_MS, 3_500 - KEEP_MS)]), found.spans
    assert abs(found.total_ms - (2_500 - 2 * KEEP_MS)) <= 80


def test_a_pause_at_the_end_and_many_stretches_of_decoding(tmp_path: Path, monkeypatch) -> None:
    import player.core.audio.silence as silence

    monkeypatch.setattr(silence, "CHUNK_S", 2)  # several stretches, boundaries inside pauses
    parts = [("pause", 1.5), ("sound", 2.2), ("pause", 3.0), ("sound", 0.5), ("pause", 1.2)]
    audio = make_pauses_wav(tmp_path / "ends.wav", parts)
    steps = []
    found = find_silences(audio, Progress(steps.append))
    expected = [(0 + KEEP_MS, 1_500 - KEEP_MS), (3_700 + KEEP_MS, 6_700 - KEEP_MS)]
    expected.append((7_200 + KEEP_MS, 8_400 - KEEP_MS))
    assert _near(found.spans, expected), found.spans
    assert len(steps) >= 4 and steps[-1].fraction == 1.0


def test_queries_on_the_spans() -> None:
    s = Silences(((1_000, 3_000), (5_000, 6_000)))
    assert s.inside(1_500) == (1_000, 3_000)
    assert s.inside(3_000) is None
    assert s.next_after(3_500) == (5_000, 6_000)
    assert s.next_after(5_500) is None
    assert s.total_ms == 3_000


def test_the_cache_keeps_a_result_per_file_until_it_changes(tmp_path: Path) -> None:
    audio = make_pauses_wav(tmp_path / "a.wav", PARTS)
    cache = SilenceCache(tmp_path / "cache")
    assert cache.get(audio) is None
    found = find_silences(audio, Progress())
    assert cache.put(audio, found)
    assert cache.get(audio) == found
    make_pauses_wav(audio, [("sound", 2.0)])  # replaced by another recording
    assert cache.get(audio) is None
    (tmp_path / "cache").chmod(0o500)
    try:
        assert not cache.put(audio, found) or (tmp_path / "cache").stat().st_uid == 0
    finally:
        (tmp_path / "cache").chmod(0o700)


def test_cancel_stops_between_stretches(tmp_path: Path) -> None:
    audio = make_pauses_wav(tmp_path / "a.wav", PARTS)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        find_silences(audio, Progress(token=token))
