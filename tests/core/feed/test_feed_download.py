"""Downloading an episode: progress, resume after a drop, cancel, and every way it can fail
without a half file under the final name or the previous file lost."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from player.core.feed import (
    DiskFull,
    DownloadInterrupted,
    FeedError,
    FeedUnreachable,
    HttpStatusError,
    SizeMismatch,
    download,
)
from player.core.feed.download import part_path
from player.core.jobs import Cancelled, CancelToken, Progress, Step
from tests.feed_server import FeedHost, serving


def _recording() -> tuple[Progress, list[Step]]:
    steps: list[Step] = []
    return Progress(steps.append), steps


def test_a_download_reports_bytes_and_rate_and_ends_under_the_final_name(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes, "audio/wav")
    progress, steps = _recording()
    dest = tmp_path / "dl" / "episode.wav"
    got = download(url, dest, progress, expected_size=len(audio_bytes))
    assert dest.read_bytes() == audio_bytes
    assert not part_path(dest).exists() and not dest.with_name("episode.wav.part.json").exists()
    assert (got.size, got.resumed_from, got.note) == (len(audio_bytes), 0, "")
    done = [s.done for s in steps]
    assert done == sorted(done) and done[-1] == len(audio_bytes)
    assert {s.total for s in steps} == {len(audio_bytes)}
    assert steps[-1].message.startswith("Downloading episode.wav: 1.0 MB of 1.0 MB")
    assert host.seen[0].headers.get("Range") is None


def test_a_dropped_connection_keeps_the_part_and_the_next_try_resumes_with_range(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    cut = 300_000
    url = host.put("/ep.wav", audio_bytes, "audio/wav", drop_after=cut)
    dest = tmp_path / "episode.wav"
    dest.write_bytes(b"the listener's previous copy")
    with pytest.raises(DownloadInterrupted) as dropped:
        download(url, dest, Progress())
    assert "stopped after 300 kB of 1.0 MB" in str(dropped.value)
    assert "try again to resume" in str(dropped.value)
    assert part_path(dest).stat().st_size == cut
    assert dest.read_bytes() == b"the listener's previous copy"  # untouched until complete

    got = download(url, dest, Progress())
    second = host.requests_for("/ep.wav")[1]
    assert second.headers["Range"] == f"bytes={cut}-"
    assert second.headers["If-Range"] == host.resources["/ep.wav"].etag
    assert second.status == 206
    assert got.resumed_from == cut
    assert dest.read_bytes() == audio_bytes
    assert not part_path(dest).exists()


def test_a_server_that_ignores_range_restarts_the_file_cleanly(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes, drop_after=200_000, ignore_range=True)
    dest = tmp_path / "episode.wav"
    with pytest.raises(DownloadInterrupted):
        download(url, dest, Progress())
    got = download(url, dest, Progress())
    assert host.requests_for("/ep.wav")[1].status == 200
    assert got.resumed_from == 0
    assert dest.read_bytes() == audio_bytes


def test_a_file_changed_since_the_part_starts_over(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes, drop_after=100_000)
    dest = tmp_path / "episode.wav"
    with pytest.raises(DownloadInterrupted):
        download(url, dest, Progress())
    new = audio_bytes[::-1]  # the host re-encoded the episode: If-Range no longer matches
    host.put("/ep.wav", new)
    download(url, dest, Progress())
    assert host.requests_for("/ep.wav")[1].status == 200
    assert dest.read_bytes() == new


def test_cancel_keeps_the_part_for_later(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes)
    token = CancelToken()

    def report(step: Step) -> None:
        if step.done > 0:
            token.cancel()

    dest = tmp_path / "episode.wav"
    with pytest.raises(Cancelled):
        download(url, dest, Progress(report, token))
    assert not dest.exists()
    kept = part_path(dest).stat().st_size
    assert 0 < kept < len(audio_bytes)
    got = download(url, dest, Progress())
    assert got.resumed_from == kept and dest.read_bytes() == audio_bytes


def test_redirects_are_followed_and_keep_the_range(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    host.put("/cdn/ep.wav", audio_bytes, drop_after=500_000)
    host.redirects["/track/ep.wav"] = (302, "/cdn/ep.wav")
    dest = tmp_path / "episode.wav"
    with pytest.raises(DownloadInterrupted):
        download(host.url("/track/ep.wav"), dest, Progress())
    download(host.url("/track/ep.wav"), dest, Progress())
    assert host.requests_for("/cdn/ep.wav")[1].headers["Range"] == "bytes=500000-"
    assert dest.read_bytes() == audio_bytes


def test_a_missing_file_is_a_404_and_leaves_nothing(host: FeedHost, tmp_path: Path) -> None:
    with pytest.raises(HttpStatusError) as missing:
        download(host.url("/gone.mp3"), tmp_path / "episode.mp3", Progress())
    assert missing.value.status == 404
    assert list(tmp_path.iterdir()) == []


def test_sizes_that_differ_from_the_feed(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    n = len(audio_bytes)
    # The server's length wins; a different one in the feed is only noted (ads vary it).
    url = host.put("/ads.wav", audio_bytes)
    got = download(url, tmp_path / "ads.wav", Progress(), expected_size=n + 5000)
    assert "the feed says" in got.note and (tmp_path / "ads.wav").read_bytes() == audio_bytes
    # Without a length from the server the feed's decides: short is kept for resuming...
    url = host.put("/short.wav", audio_bytes, no_length=True)
    with pytest.raises(SizeMismatch, match="the part is kept"):
        download(url, tmp_path / "short.wav", Progress(), expected_size=n + 5000)
    assert part_path(tmp_path / "short.wav").stat().st_size == n
    # ...and longer than promised is discarded.
    with pytest.raises(SizeMismatch, match="discarded"):
        download(url, tmp_path / "long.wav", Progress(), expected_size=n - 5000)
    assert not part_path(tmp_path / "long.wav").exists() and not (tmp_path / "long.wav").exists()


def test_a_body_shorter_than_its_content_length_is_an_interruption(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/liar.wav", audio_bytes, length=len(audio_bytes) + 1000)
    with pytest.raises(DownloadInterrupted) as short:
        download(url, tmp_path / "liar.wav", Progress())
    assert short.value.received == len(audio_bytes)
    assert short.value.total == len(audio_bytes) + 1000
    assert not (tmp_path / "liar.wav").exists()


def test_a_full_disk_is_said_before_and_during_the_download(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/huge.mp3", audio_bytes, length=10**15)  # a petabyte fits nowhere
    with pytest.raises(DiskFull, match=r"it needs 1000000.00 GB, "):
        download(url, tmp_path / "huge.mp3", Progress())
    # A disk that fills up mid-file: the part is /dev/full, where every write fails.
    dest = tmp_path / "ep.wav"
    url = host.put("/ep.wav", audio_bytes)
    part_path(dest).symlink_to("/dev/full")
    dest.with_name("ep.wav.part.json").write_text('{"url": "elsewhere"}')
    with pytest.raises(DiskFull, match="is full after"):
        download(url, dest, Progress())
    assert not dest.exists()


def test_an_address_that_is_not_one_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="not a web address"):
        download("http://[broken", tmp_path / "x.mp3", Progress())


def test_a_part_that_is_already_whole_is_finished_without_downloading_again(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    """A run stopped between the last byte and the rename: the server answers 416."""
    url = host.put("/ep.wav", audio_bytes)
    dest = tmp_path / "episode.wav"
    part_path(dest).write_bytes(audio_bytes)
    state = {"url": url, "etag": None, "last_modified": None, "total": len(audio_bytes)}
    dest.with_name("episode.wav.part.json").write_text(json.dumps(state))
    got = download(url, dest, Progress())
    assert [s.status for s in host.seen] == [416]
    assert got.resumed_from == len(audio_bytes) and dest.read_bytes() == audio_bytes
    assert not part_path(dest).exists()


def _interrupt(host: FeedHost, body: bytes, dest: Path, cut: int, **how) -> str:
    """A first try that stops after ``cut`` bytes, leaving the part and its state."""
    url = host.put("/ep.wav", body, "audio/wav", drop_after=cut, **how)
    with pytest.raises(DownloadInterrupted):
        download(url, dest, Progress())
    return url


def _whole_part_not_renamed(host: FeedHost, body: bytes, dest: Path) -> str:
    """A run that got every byte into the part file and died before renaming it."""
    url = _interrupt(host, body, dest, 300_000)
    with part_path(dest).open("ab") as part:
        part.write(body[300_000:])
    return url


def test_an_interruption_says_how_far_it_got_and_that_it_resumes(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    url = host.put("/ep.wav", audio_bytes, drop_after=300_000)
    with pytest.raises(DownloadInterrupted) as dropped:
        download(url, tmp_path / "episode.wav", Progress())
    assert str(dropped.value) == (
        f"The download from 127.0.0.1 stopped after 300 kB of {len(audio_bytes) / 1e6:.1f} MB: "
        "the connection closed early. What arrived is kept; try again to resume."
    )
    assert (dropped.value.received, dropped.value.total) == (300_000, len(audio_bytes))


def test_a_connection_reset_midway_is_an_interruption_that_resumes(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    dest = tmp_path / "episode.wav"
    url = host.put("/ep.wav", audio_bytes, drop_after=300_000, reset=True)
    with pytest.raises(DownloadInterrupted) as reset:
        download(url, dest, Progress())
    kept = part_path(dest).stat().st_size
    assert 0 < kept <= 300_000 and reset.value.received == kept
    assert reset.value.total == len(audio_bytes)
    assert str(reset.value) == (
        f"The download from 127.0.0.1 stopped after {kept / 1e3:.0f} kB of "
        f"{len(audio_bytes) / 1e6:.1f} MB: the connection was dropped. "
        "What arrived is kept; try again to resume."
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "episode.wav.part",
        "episode.wav.part.json",
    ]
    assert download(url, dest, Progress()).resumed_from == kept
    assert dest.read_bytes() == audio_bytes


def test_a_resumed_download_reports_the_whole_file_and_its_time(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000)
    steps: list[Step] = []
    began = time.monotonic()
    got = download(url, dest, Progress(steps.append))
    took = time.monotonic() - began
    assert (got.path, got.size, got.resumed_from) == (dest, len(audio_bytes), 300_000)
    assert 0 < got.seconds <= took
    assert got.rate == (len(audio_bytes) - 300_000) / got.seconds
    assert steps[0] == Step(300_000, len(audio_bytes), "Downloading episode.wav: 300 kB of 1.0 MB")
    assert steps[-1].done == len(audio_bytes)
    assert {s.total for s in steps} == {len(audio_bytes)}
    assert host.requests_for("/ep.wav")[1].headers["Accept-Encoding"] == "identity"


def test_a_weak_etag_cannot_guard_a_resume_but_last_modified_can(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    stamp = "Wed, 21 Oct 2025 07:28:00 GMT"
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000, weak_etag=True, last_modified=stamp)
    got = download(url, dest, Progress())
    second = host.requests_for("/ep.wav")[1]
    assert second.headers["If-Range"] == stamp and second.status == 206
    assert got.resumed_from == 300_000 and dest.read_bytes() == audio_bytes


@pytest.mark.parametrize(
    ("how", "statuses", "resumed"),
    [
        ({"range_from": 0}, [206, 200], 0),  # another part than asked: start over
        ({"content_range": ""}, [206, 200], 0),  # a part, but not which: start over
        ({"content_range": "bytes {start}-{end}/*"}, [206], 300_000),  # size unknown: resume
    ],
)
def test_a_part_the_host_sends_is_used_only_when_it_is_the_one_asked_for(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path, how: dict, statuses: list, resumed: int
) -> None:
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000, **how)
    got = download(url, dest, Progress(), expected_size=len(audio_bytes))
    assert [s.status for s in host.requests_for("/ep.wav")[1:]] == statuses
    assert got.resumed_from == resumed and dest.read_bytes() == audio_bytes


def test_more_bytes_than_the_host_announced_are_discarded(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000, content_range="bytes {start}-{end}/400000")
    with pytest.raises(SizeMismatch) as e:
        download(url, dest, Progress())
    assert str(e.value) == (
        f"episode.wav: received {len(audio_bytes):,} bytes where the server announced 400,000; "
        "the file was discarded. Try again."
    )
    assert not part_path(dest).exists() and not dest.exists()


def test_what_the_feed_promised_decides_when_the_host_gives_no_length(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    n = len(audio_bytes)
    url = host.put("/quiet.wav", audio_bytes, no_length=True)
    got = download(url, tmp_path / "plain.wav", Progress())  # nothing promised: taken as is
    assert got.size == n and (tmp_path / "plain.wav").read_bytes() == audio_bytes
    with pytest.raises(SizeMismatch) as short:
        download(url, tmp_path / "short.wav", Progress(), expected_size=n + 5000)
    assert str(short.value) == (
        f"short.wav: the server stopped after {n:,} of the {n + 5000:,} bytes the feed "
        "promises; the part is kept and the next try resumes it."
    )
    with pytest.raises(SizeMismatch) as long:
        download(url, tmp_path / "long.wav", Progress(), expected_size=n - 5000)
    assert str(long.value) == (
        f"long.wav: received {n:,} bytes but the feed says {n - 5000:,}; the file was "
        "discarded. The feed may be out of date."
    )
    url = host.put("/ads.wav", audio_bytes)
    got = download(url, tmp_path / "ads.wav", Progress(), expected_size=n + 5000)
    assert got.note == (
        f"The server's file is {n:,} bytes; the feed says {n + 5000:,} "
        "(hosts that insert ads serve files of varying size)."
    )


def test_a_run_that_died_before_the_rename_is_finished_by_the_next(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    """All the bytes had arrived; only the rename was missing: the host answers 416."""
    dest = tmp_path / "episode.wav"
    url = _whole_part_not_renamed(host, audio_bytes, dest)
    got = download(url, dest, Progress())
    assert [s.status for s in host.requests_for("/ep.wav")[1:]] == [416]
    assert got.resumed_from == len(audio_bytes) and dest.read_bytes() == audio_bytes


def test_a_part_longer_than_the_file_now_is_starts_over(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    """The host shortened the file and offers nothing to tell versions apart by."""
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000, weak_etag=True)
    shorter = audio_bytes[:200_000]
    host.put("/ep.wav", shorter, weak_etag=True)
    got = download(url, dest, Progress())
    assert [s.status for s in host.requests_for("/ep.wav")[1:]] == [416, 200]
    assert got.resumed_from == 0 and dest.read_bytes() == shorter


def test_a_full_disk_is_said_even_for_a_small_file(host: FeedHost, tmp_path: Path) -> None:
    dest = tmp_path / "tiny.wav"
    url = host.put("/tiny.wav", b"RIFF" + bytes(1000))
    part_path(dest).symlink_to("/dev/full")
    dest.with_name("tiny.wav.part.json").write_text('{"url": "elsewhere"}')
    with pytest.raises(DiskFull) as e:
        download(url, dest, Progress())
    assert str(e.value) == (
        f"The disk holding {tmp_path} is full after 0 kB of tiny.wav. "
        "Free some space and try again; the download resumes."
    )


def test_the_bar_says_how_much_of_how_much_and_how_fast(host: FeedHost, tmp_path: Path) -> None:
    url = host.put("/ep.wav", bytes(1_000_000), bytes_per_s=2_000_000)
    steps: list[Step] = []
    download(url, tmp_path / "ep.wav", Progress(steps.append))
    assert steps[0].message == "Downloading ep.wav: 0 kB of 1.0 MB"
    middle = steps[1:-1]
    assert middle and all(s.message.startswith("Downloading ep.wav: ") for s in middle)
    assert all(" of 1.0 MB" in s.message for s in middle)
    assert any(re.search(r" at [\d.]+ [kM]B/s$", s.message) for s in middle)
    assert re.fullmatch(
        r"Downloading ep.wav: 1.0 MB of 1.0 MB at [\d.]+ [kM]B/s", steps[-1].message
    )


def test_a_part_of_another_address_is_not_resumed(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    """The feed moved the episode to a new file: what arrived of the old one is no part of it."""
    dest = tmp_path / "episode.wav"
    _interrupt(host, audio_bytes, dest, 300_000)
    moved = host.put("/moved.wav", audio_bytes[::-1])
    got = download(moved, dest, Progress())
    assert host.requests_for("/moved.wav")[0].headers.get("Range") is None
    assert got.resumed_from == 0 and dest.read_bytes() == audio_bytes[::-1]


def test_a_file_gone_for_now_is_asked_for_once_and_the_part_kept(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000)
    del host.resources["/ep.wav"]
    with pytest.raises(HttpStatusError):
        download(url, dest, Progress())
    assert [s.status for s in host.requests_for("/ep.wav")] == [200, 404]
    assert part_path(dest).stat().st_size == 300_000


def test_a_host_gone_away_keeps_the_part_for_later(audio_bytes: bytes, tmp_path: Path) -> None:
    dest = tmp_path / "episode.wav"
    with serving() as host:
        url = _interrupt(host, audio_bytes, dest, 300_000)
    with pytest.raises(FeedUnreachable, match="connection was refused"):
        download(url, dest, Progress())
    assert part_path(dest).stat().st_size == 300_000


def test_a_whole_part_finished_by_a_416_still_notes_the_feeds_other_length(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path
) -> None:
    dest = tmp_path / "episode.wav"
    url = _whole_part_not_renamed(host, audio_bytes, dest)
    n = len(audio_bytes)
    got = download(url, dest, Progress(), expected_size=n + 5000)
    assert got.note == (
        f"The server's file is {n:,} bytes; the feed says {n + 5000:,} "
        "(hosts that insert ads serve files of varying size)."
    )


@pytest.mark.parametrize("short", ["halfway", "one byte short"])
def test_a_resumed_part_cut_short_is_kept_for_later_even_when_the_host_hides_the_total(
    host: FeedHost, audio_bytes: bytes, tmp_path: Path, short: str
) -> None:
    """``Content-Range: bytes 300000-1048575/*`` with no length: the range's own end says how
    far the body must go, so a cut there, even one byte short, is no finished episode."""
    dest = tmp_path / "episode.wav"
    url = _interrupt(host, audio_bytes, dest, 300_000)
    hidden = {"content_range": "bytes {start}-{end}/*", "no_length": True}
    got_to = (300_000 + len(audio_bytes)) // 2 if short == "halfway" else len(audio_bytes) - 1
    host.put("/ep.wav", audio_bytes, "audio/wav", drop_after=got_to - 300_000, **hidden)
    with pytest.raises(DownloadInterrupted) as cut:
        download(url, dest, Progress())
    assert "try again to resume" in str(cut.value)
    assert not dest.exists() and part_path(dest).stat().st_size == got_to
    host.put("/ep.wav", audio_bytes, "audio/wav", **hidden)
    got = download(url, dest, Progress())
    assert got.resumed_from == got_to and dest.read_bytes() == audio_bytes
