"""The rules that decide what is a pause: how quiet, how long, what is kept of it; the queries the
player asks while skipping; the cache file that saves listening to an episode twice."""

from __future__ import annotations

import json
from array import array
from pathlib import Path

import pytest

from player.core.audio.silence import (
    KEEP_MS,
    MIN_PAUSE_MS,
    QUIET_MAX,
    QUIET_MIN,
    WINDOW_MS,
    SilenceCache,
    Silences,
    find_silences,
    pauses,
    quiet_threshold,
    window_peaks,
)
from player.core.jobs import Progress
from tests.pauses_audio import make_pauses_wav

QUIET, LOUD = 10, 5_000


def _peaks(*runs: tuple[int, int]) -> array:
    """(peak, windows) runs."""
    return array("i", [p for p, n in runs for _ in range(n)])


def test_each_window_reports_its_loudest_sample_either_way_up() -> None:
    window = 16_000 * WINDOW_MS // 1000
    quiet_then_negative = [3] * window + [7] * (window - 1) + [-900]
    samples = array("h", [*quiet_then_negative, 400, *[0] * (window - 1), 99])
    assert list(window_peaks(samples.tobytes())) == [3, 900, 400]  # the partial window is dropped
    assert list(window_peaks(samples.tobytes() + b"\x01")) == [3, 900, 400]


def test_the_quiet_line_follows_the_recordings_noise_floor_within_bounds() -> None:
    assert quiet_threshold(array("i")) == QUIET_MIN
    assert quiet_threshold(_peaks((0, 100))) == QUIET_MIN  # digital silence
    assert quiet_threshold(_peaks((40, 11), (LOUD, 89))) == 160  # four times the quietest tenth
    assert quiet_threshold(_peaks((40, 10), (LOUD, 90))) == QUIET_MAX  # a tenth of it is loud
    assert quiet_threshold(_peaks((1_000, 100))) == QUIET_MAX


def test_a_pause_as_long_as_the_minimum_counts_and_keeps_its_edges() -> None:
    windows = MIN_PAUSE_MS // WINDOW_MS
    found = pauses(_peaks((LOUD, 10), (QUIET, windows), (LOUD, 10)), threshold=100)
    start = 10 * WINDOW_MS
    assert found.spans == ((start + KEEP_MS, start + MIN_PAUSE_MS - KEEP_MS),)
    shorter = pauses(_peaks((LOUD, 10), (QUIET, windows - 1), (LOUD, 10)), threshold=100)
    assert shorter.spans == ()


def test_a_window_at_the_quiet_line_is_sound() -> None:
    windows = MIN_PAUSE_MS // WINDOW_MS + 5
    assert pauses(_peaks((LOUD, 3), (100, windows), (LOUD, 3)), threshold=100).spans == ()
    assert len(pauses(_peaks((LOUD, 3), (99, windows), (LOUD, 3)), threshold=100)) == 1


def test_pauses_at_both_ends_and_between_are_each_found() -> None:
    n = MIN_PAUSE_MS // WINDOW_MS
    peaks = _peaks((QUIET, n), (LOUD, 5), (QUIET, n * 2), (LOUD, 5), (QUIET, n))
    ms = lambda w: w * WINDOW_MS  # noqa: E731
    assert pauses(peaks, threshold=100).spans == (
        (KEEP_MS, ms(n) - KEEP_MS),
        (ms(n + 5) + KEEP_MS, ms(3 * n + 5) - KEEP_MS),
        (ms(3 * n + 10) + KEEP_MS, ms(4 * n + 10) - KEEP_MS),
    )


def test_without_a_given_line_the_recording_sets_it() -> None:
    n = MIN_PAUSE_MS // WINDOW_MS + 10
    # a hiss of 150 is under four times the floor of 50, so it is a pause too
    peaks = _peaks((50, 40), (LOUD, 100), (150, n), (LOUD, 100))
    assert len(pauses(peaks)) == 2
    assert len(pauses(peaks, threshold=100)) == 1


def test_queries_at_the_edges_of_a_span() -> None:
    s = Silences(((1_000, 3_000), (5_000, 6_000)))
    assert s.inside(999) is None and s.inside(1_000) == (1_000, 3_000)
    assert s.inside(2_999) == (1_000, 3_000) and s.inside(3_000) is None
    assert s.inside(5_000) == (5_000, 6_000)
    assert s.next_after(0) == (1_000, 3_000)
    assert s.next_after(1_000) == (5_000, 6_000)  # the one already started is not next
    assert s.next_after(6_500) is None
    assert len(s) == 2 and s.total_ms == 3_000
    assert Silences().inside(0) is None and Silences().next_after(0) is None


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"spans": [[1, 2]]},
        {"version": 2, "spans": [[1, 2]]},
        {"version": 1},
        {"version": 1, "spans": 5},
        {"version": 1, "spans": [["a", 2]]},
        {"version": 1, "spans": [[1, 2, 3]]},
    ],
)
def test_a_cache_entry_of_another_shape_or_version_is_not_used(data) -> None:
    assert Silences.from_json(data) is None


def test_the_cache_keeps_what_was_found_exactly(tmp_path: Path) -> None:
    audio = make_pauses_wav(tmp_path / "a.wav", [("sound", 0.5)])
    found = Silences(((1_200, 3_400), (9_000, 12_345)))
    cache = SilenceCache(tmp_path / "deep" / "cache")  # folders made as needed
    assert cache.put(audio, found) and cache.put(audio, found)  # a second time over the first
    assert cache.get(audio) == found
    assert [p.suffix for p in (tmp_path / "deep" / "cache").iterdir()] == [".json"]
    entry = next((tmp_path / "deep" / "cache").iterdir())
    assert json.loads(entry.read_text()) == {"version": 1, "spans": [[1200, 3400], [9000, 12345]]}
    entry.write_text("{broken")
    assert cache.get(audio) is None


def test_a_file_that_is_gone_has_no_cache_entry(tmp_path: Path) -> None:
    cache = SilenceCache(tmp_path / "cache")
    gone = tmp_path / "gone.wav"
    assert not cache.put(gone, Silences(((0, 1),)))
    assert cache.get(gone) is None
    assert not (tmp_path / "cache").exists()


def test_a_cache_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    audio = make_pauses_wav(tmp_path / "a.wav", [("sound", 0.5)])
    (tmp_path / "blocked").write_text("a file where the folder would go")
    assert not SilenceCache(tmp_path / "blocked" / "cache").put(audio, Silences())


def test_the_bar_counts_seconds_listened_and_names_the_file(tmp_path: Path, monkeypatch) -> None:
    import player.core.audio.silence as silence

    monkeypatch.setattr(silence, "CHUNK_S", 2)
    audio = make_pauses_wav(tmp_path / "talk.wav", [("sound", 1.0), ("pause", 4.0)])
    steps = []
    find_silences(audio, Progress(steps.append))
    assert [(s.done, s.total, s.message) for s in steps] == [
        (0, 5.0, "Listening for pauses in talk.wav"),
        (2.0, 5.0, "Listening: talk.wav"),
        (4.0, 5.0, "Listening: talk.wav"),
        (5.0, 5.0, "Listening: talk.wav"),
    ]
