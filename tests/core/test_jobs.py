"""The progress protocol every long job speaks: reports, shares of the bar, cancel."""

from __future__ import annotations

import io

import pytest

from player.cli.progress import StderrProgress
from player.core.jobs import Cancelled, CancelToken, Progress, RateMeter, Step, describe_left


def test_a_job_reports_its_steps_in_order() -> None:
    steps: list[Step] = []
    progress = Progress(steps.append)
    for i in range(3):
        progress(i + 1, 3, "decoding")
    assert [(s.done, s.total, s.message) for s in steps] == [
        (1, 3, "decoding"),
        (2, 3, "decoding"),
        (3, 3, "decoding"),
    ]
    assert steps[-1].fraction == 1.0


def test_cancel_stops_the_job_at_its_next_report() -> None:
    token = CancelToken()
    progress = Progress(None, token)
    progress(1, 10)
    token.cancel()
    with pytest.raises(Cancelled):
        progress(2, 10)
    with pytest.raises(Cancelled):
        progress.check()


def test_two_phases_share_one_bar_that_only_goes_up() -> None:
    steps: list[Step] = []
    progress = Progress(steps.append)
    first, second = progress.scaled(0.0, 0.25), progress.scaled(0.25, 0.75)
    for i in range(1, 5):
        first(i, 4)
    for i in range(1, 3):
        second(i, 2)
    fractions = [s.fraction for s in steps]
    assert fractions == sorted(fractions)
    assert fractions[3] == pytest.approx(0.25)
    assert fractions[-1] == pytest.approx(1.0)
    nested = second.scaled(0.5, 0.5)
    nested(0, 1)
    assert steps[-1].fraction == pytest.approx(0.25 + 0.75 * 0.5)


def test_unknown_total_has_no_fraction() -> None:
    assert Step(5, None).fraction is None
    assert Step(5, 0).fraction is None
    assert Step(15, 10).fraction == 1.0


def test_time_left_follows_the_recent_rate() -> None:
    now = [0.0]
    meter = RateMeter(window_s=5.0, clock=lambda: now[0])
    assert meter.rate() is None
    for second in range(4):
        now[0] = float(second)
        meter.add(second * 10.0)
    assert meter.rate() == pytest.approx(10.0)
    assert meter.seconds_left(100.0) == pytest.approx(7.0)
    assert meter.seconds_left(None) is None


def test_time_left_reads_as_a_person_says_it() -> None:
    assert describe_left(None) == ""
    assert describe_left(0.2) == "about 1 s left"
    assert describe_left(42) == "about 42 s left"
    assert describe_left(180) == "about 3 min left"
    assert describe_left(3 * 3600 + 5 * 60) == "about 3 h 05 min left"


def test_the_command_line_prints_progress_on_its_own_lines_into_a_file() -> None:
    out = io.StringIO()
    report = StderrProgress(out, min_interval_s=0)
    progress = Progress(report)
    progress(1, 4, "aligning")
    progress(4, 4, "aligning")
    report.finish()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("aligning")
    assert "25.0 %" in lines[0]
    assert "100.0 %" in lines[-1]
