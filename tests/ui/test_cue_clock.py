"""The cue clock on its own, on real audio: the highlight moves at each quote's moment, between
the player's position reports, not at the next report after it."""

from __future__ import annotations

from pathlib import Path

from player.core.timeline import CueKind, Timeline, point_cues
from player.ui.cue_clock import CueClock
from player.ui.playback import Playback
from tests.media import make_wav

QUOTES_MS = (400, 800, 1_200, 1_600)


def test_the_highlight_moves_at_each_quote_between_position_reports(qtbot, tmp_path: Path) -> None:
    playback = Playback()
    in_report = [False]
    playback.position_changed.connect(lambda _ms: in_report.__setitem__(0, True))
    timeline = Timeline(
        point_cues(CueKind.QUOTE, [(ms, f"q{ms}", i) for i, ms in enumerate(QUOTES_MS)])
    )
    clock = CueClock(playback, timeline)
    playback.position_changed.connect(lambda _ms: in_report.__setitem__(0, False))
    lit: list[tuple[int, bool]] = []  # (quote lit, whether a position report lit it)
    clock.active_changed.connect(lambda cues: lit.extend((c.start_ms, in_report[0]) for c in cues))
    playback.set_source(make_wav(tmp_path / "a.wav", 2.5))
    qtbot.waitUntil(lambda: playback.duration_ms() > 0, timeout=10_000)
    playback.play()
    try:
        qtbot.waitUntil(lambda: len(lit) == len(QUOTES_MS), timeout=10_000)
    finally:
        playback.stop()
    assert [ms for ms, _ in lit] == list(QUOTES_MS)
    # The clock wakes itself at each moment; had it waited for the player's next report,
    # every quote would have lit up late, each inside a report.
    assert not all(by_report for _, by_report in lit), lit
