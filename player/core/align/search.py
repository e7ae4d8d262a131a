"""Searching the audio around each quote's expected moment, on every core.

A quote is first looked for in a short window around where it should be: its written time plus
the offset of the nearest earlier quote already found, since an inserted ad shifts everything
after it by the same amount. When it is not found there, the window widens (an ad longer than
the first window, or a re-cut intro). Quotes are handed out in brief order to a small process
pool, and each is given the freshest offset known when it starts, so the search follows the
ads through the episode while both cores stay busy.
"""

from __future__ import annotations

import heapq
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from player.core.align import speech
from player.core.align.errors import AlignError
from player.core.align.match import Match, locate
from player.core.align.result import FOUND_MIN
from player.core.align.words import Token
from player.core.jobs import Progress

# (seconds before, seconds after) the expected moment, widening on each attempt.
WINDOWS: tuple[tuple[float, float], ...] = ((15.0, 45.0), (60.0, 180.0), (240.0, 600.0))


@dataclass
class Target:
    written_s: float
    fragments: list[list[Token]]
    best: Match | None = None
    searched_s: float = 0.0
    loudest: int = 0
    heard_words: int = 0

    @property
    def words(self) -> list[str]:
        return [t.text for frag in self.fragments for t in frag]

    @property
    def resolved(self) -> bool:
        return self.best is not None and self.best.confidence >= FOUND_MIN


def search_audio(
    audio: str,
    duration_s: float,
    targets: list[Target],
    background: list[str],
    progress: Progress,
    workers: int | None = None,
) -> None:
    """Fill in each target's best match; raises ``Cancelled`` when asked to stop."""
    workers = workers or min(2, os.cpu_count() or 1)
    queue: list[tuple[int, int]] = [(i, 0) for i in range(len(targets))]
    heapq.heapify(queue)
    done_first = 0
    total = len(targets)
    progress(0, total, "Listening for quotes")

    def one_more_done() -> None:
        nonlocal done_first
        done_first += 1
        progress(done_first, total, f"Listening for quotes ({done_first}/{total})")

    with _pool(workers) as pool:
        running: dict[Future, tuple[int, int, float, float]] = {}
        try:
            while queue or running:
                while queue and len(running) < workers:
                    i, attempt = heapq.heappop(queue)
                    span = _window(targets, i, attempt, duration_s)
                    if span is None:  # written past the end of this copy: nothing to hear
                        one_more_done()
                        continue
                    start, length = span
                    fut = pool.submit(
                        speech.hear, audio, start, length, targets[i].words, background
                    )
                    running[fut] = (i, attempt, start, start + length)
                finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
                progress.check()
                for fut in finished:
                    i, attempt, start, end = running.pop(fut)
                    t = targets[i]
                    try:
                        heard = fut.result()
                    except BrokenProcessPool:
                        raise AlignError(
                            "The speech recogniser stopped unexpectedly (out of memory?)."
                        ) from None
                    t.searched_s += heard.end_s - heard.start_s
                    t.loudest = max(t.loudest, heard.peak)
                    t.heard_words += len(heard.words)
                    match = locate(t.fragments, list(heard.words), near_s=_expected(targets, i))
                    if match and (t.best is None or match.confidence > t.best.confidence):
                        t.best = match
                    if not t.resolved and _widens(targets, i, attempt, duration_s, start, end):
                        heapq.heappush(queue, (i, attempt + 1))
                    else:
                        one_more_done()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _expected(targets: list[Target], i: int) -> float:
    """Written time plus the offset of the nearest earlier quote found so far."""
    for j in range(i - 1, -1, -1):
        best = targets[j].best
        if targets[j].resolved and best is not None:
            return targets[i].written_s + best.start_s - targets[j].written_s
    return targets[i].written_s


def _widens(
    targets: list[Target], i: int, attempt: int, duration_s: float, start: float, end: float
) -> bool:
    """Whether a next, wider window would hear audio this one did not (a short file may
    already have been heard whole)."""
    if attempt + 1 >= len(WINDOWS):
        return False
    span = _window(targets, i, attempt + 1, duration_s)
    return span is not None and (span[0] < start - 0.5 or span[0] + span[1] > end + 0.5)


def _window(targets: list[Target], i: int, attempt: int, duration_s: float):
    before, after = WINDOWS[attempt]
    centre = _expected(targets, i)
    start = max(0.0, centre - before)
    end = centre + after + 0.3 * len(targets[i].words) + 5
    if duration_s > 0:
        end = min(end, duration_s)
    if end - start < 1.0:
        return None
    return start, end - start


class _InProcess:
    """The pool's interface on this thread, for one worker: no process to start."""

    def submit(self, fn: Callable, *args: object) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as e:
            fut.set_exception(e)
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _pool(workers: int):
    if workers <= 1:
        return _InProcess()
    # Not fork: the window's process has Qt's threads, which a forked child would inherit dead.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
