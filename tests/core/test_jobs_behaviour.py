"""What the progress bar and its "time left" show the listener during a long job."""

from __future__ import annotations

import pytest

from player.core.jobs import Cancelled, Progress, RateMeter, Step, describe_left, run_blocking


def test_time_left_at_the_edges_of_each_unit() -> None:
    assert describe_left(59.4) == "about 59 s left"
    assert describe_left(60) == "about 1 min left"
    assert describe_left(3599) == "about 60 min left"
    assert describe_left(3600) == "about 1 h 00 min left"
    assert describe_left(90 * 60) == "about 1 h 30 min left"


def test_a_phase_shows_its_message_and_its_place_on_the_bar() -> None:
    steps: list[Step] = []
    second = Progress(steps.append).scaled(0.5, 0.5)
    second(3, 6, "recognising")
    second(12, 6, "recognising")  # past its total: the bar stops at the phase's end
    second(1, None, "waiting")  # size not known yet: the bar holds at the phase's start
    assert [(s.done, s.total, s.message) for s in steps] == [
        (0.75, 1.0, "recognising"),
        (1.0, 1.0, "recognising"),
        (0.5, 1.0, "waiting"),
    ]
    assert Step(1, 2).message == ""


def test_a_cancel_reaches_every_phase_of_the_job() -> None:
    progress = Progress()
    phase = progress.scaled(0.0, 0.5)
    progress.token.cancel()
    with pytest.raises(Cancelled):
        phase(1, 2)


def test_the_command_line_runs_a_job_with_a_progress_that_reports() -> None:
    steps: list[Step] = []

    def job(progress: Progress) -> str:
        progress(1, 2, "half")
        assert not progress.token.cancelled
        return "done"

    assert run_blocking(job, steps.append) == "done"
    assert steps == [Step(1, 2, "half")]

    def interrupted(progress: Progress) -> None:
        raise KeyboardInterrupt

    with pytest.raises(Cancelled):
        run_blocking(interrupted)


def _meter(samples: list[tuple[float, float]], window_s: float = 5.0) -> RateMeter:
    now = [0.0]
    meter = RateMeter(window_s=window_s, clock=lambda: now[0])
    for t, done in samples:
        now[0] = t
        meter.add(done)
    return meter


def test_time_left_follows_a_download_that_speeds_up() -> None:
    # 1 unit/s for 10 s, then 10 units/s: after 5 s of the fast part only it counts.
    slow = [(float(t), float(t)) for t in range(11)]
    fast = [(10.0 + t, 10.0 + 10 * t) for t in range(1, 7)]
    meter = _meter(slow + fast)
    assert meter.rate() == pytest.approx(10.0)
    assert meter.seconds_left(170.0) == pytest.approx(10.0)
    assert meter.seconds_left(10.0) == 0.0  # already past the total: nothing left, not negative


def test_the_rate_needs_two_samples_apart_in_time() -> None:
    assert _meter([(0.0, 0.0)]).rate() is None
    assert _meter([(1.0, 0.0), (1.0, 5.0)]).rate() is None
    assert _meter([(1.0, 0.0), (3.0, 5.0)]).rate() == pytest.approx(2.5)
    assert _meter([(1.0, 5.0), (3.0, 4.0)]).rate() == 0.0  # a counter that went back
    assert _meter([(1.0, 5.0), (3.0, 4.0)]).seconds_left(10.0) is None
    three = _meter([(0.0, 0.0), (1.0, 1.0), (2.0, 4.0)])
    assert three.rate() == pytest.approx(2.0)


def test_a_stall_longer_than_the_window_keeps_the_last_two_samples() -> None:
    meter = _meter([(0.0, 0.0), (1.0, 1.0), (20.0, 2.0)])
    assert meter.rate() == pytest.approx(1 / 19)
    assert _meter([(0.0, 0.0), (1.0, 1.0), (7.0, 2.0), (8.0, 10.0)]).rate() == pytest.approx(8.0)
    assert _meter([(0.0, 0.0), (5.0, 1.0), (6.0, 2.0)], window_s=6.0).rate() == pytest.approx(1 / 3)


def test_a_step_without_a_message_shows_none() -> None:
    steps: list[Step] = []
    Progress(steps.append)(1, 2)
    assert steps == [Step(1, 2, "")]


def test_the_rate_looks_at_the_last_five_seconds() -> None:
    now = [0.0]
    meter = RateMeter(clock=lambda: now[0])
    for t, done in ((0.0, 0.0), (1.0, 1.0), (2.0, 2.0), (6.5, 10.0)):
        now[0] = t
        meter.add(done)
    assert meter.rate() == pytest.approx(8 / 4.5)
    late = _meter([(10.0, 0.0), (11.0, 1.0), (12.0, 4.0)])
    assert late.rate() == pytest.approx(2.0)
