"""One file from the web to disk, the way a two-hour episode on a flaky connection needs.

The bytes go into ``NAME.part`` beside the final name, with ``NAME.part.json`` saying which
address and which version of the file (ETag or Last-Modified) they belong to. An interrupted
download resumes with an HTTP Range request guarded by ``If-Range``: a server that ignores the
range, or whose file changed meanwhile, answers with the whole file and the part starts over
cleanly. Only a complete file, of the size the server announced, is renamed to the final name,
so a half file never stands where the player would pick it up.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from player.core.feed.errors import DiskFull, DownloadInterrupted, FeedError, SizeMismatch
from player.core.feed.net import CHUNK, NETWORK_ERRORS, host_of, open_url, why_failed
from player.core.jobs import Progress, RateMeter

REPORT_EVERY_S = 0.1
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Downloaded:
    path: Path
    size: int
    resumed_from: int  # bytes that were already on disk from an earlier, interrupted run
    seconds: float
    note: str = ""  # worth telling, not an error (the feed's length differs, say)

    @property
    def rate(self) -> float:
        """Bytes per second over this run."""
        return (self.size - self.resumed_from) / self.seconds if self.seconds > 0 else 0.0


def part_path(dest: Path) -> Path:
    return dest.with_name(dest.name + ".part")


def _state_path(dest: Path) -> Path:
    return dest.with_name(dest.name + ".part.json")


def download(
    url: str,
    dest: Path,
    progress: Progress,
    *,
    expected_size: int | None = None,
    what: str = "",
) -> Downloaded:
    """Fetch ``url`` into ``dest``, resuming a ``.part`` left by an earlier run.

    ``expected_size`` is the feed's length: used when the server gives none, only noted when it
    gives another. Raises a ``FeedError`` (the part kept when resuming can use it) or
    ``Cancelled`` (the part always kept).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    label = what or dest.name
    for attempt in range(2):
        offset, state = _resumable(url, dest)
        headers = {"Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
            validator = state.get("etag") or state.get("last_modified")
            if validator:
                headers["If-Range"] = validator
        try:
            response = open_url(url, headers)
        except FeedError as e:
            if offset and getattr(e, "status", None) == 416 and attempt == 0:
                if state.get("total") == offset:  # the part is the whole file already
                    return _finish(dest, offset, offset, started, expected_size, offset)
                _discard(dest)  # the range asked for does not exist: start over
                continue
            raise
        with response:
            total, offset, end = _body_range(response, offset)
            if offset is None:  # a range other than the one asked for: start over
                _discard(dest)
                if attempt == 0:
                    continue
                raise FeedError(f"{host_of(url)} sent a part of the file that was not asked for.")
            _check_space(dest, total, offset)
            _save_state(dest, url, response, total)
            received = _receive(response, dest, offset, total, progress, label)
        if end is not None and received < end:
            raise _interrupted(url, received, total, ConnectionError("the connection closed early"))
        return _finish(dest, offset, received, started, expected_size, total)
    raise FeedError(f"{host_of(url)} would not send {label}.")  # pragma: no cover - loop exits


def _resumable(url: str, dest: Path) -> tuple[int, dict]:
    """The bytes already received for this very address, and what the server said then."""
    part = part_path(dest)
    try:
        state = json.loads(_state_path(dest).read_text(encoding="utf-8"))
        size = part.stat().st_size
    except (OSError, ValueError):
        return 0, {}
    if not isinstance(state, dict) or state.get("url") != url:
        return 0, {}
    return size, state


def _body_range(response, offset: int) -> tuple[int | None, int | None, int | None]:
    """(total size, first byte, end) of what the response carries: the first byte is None
    when unusable; the end is where the body must reach, even when the total is not told
    (``bytes 100-999/*``): a body cut short before it is an interruption, not the file."""
    if response.status == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if not match or int(match.group(1)) != offset:
            return None, None, None
        total = None if match.group(3) == "*" else int(match.group(3))
        return total, offset, int(match.group(2)) + 1
    length = response.headers.get("Content-Length")
    total = int(length) if length and length.isdigit() else None
    return total, 0, total


def _check_space(dest: Path, total: int | None, offset: int) -> None:
    if total is None:
        return
    needed = total - offset
    free = shutil.disk_usage(dest.parent).free
    if needed > free:
        raise DiskFull(
            f"Not enough space in {dest.parent} for {dest.name}: it needs {_mb(needed)}, "
            f"{_mb(free)} is free. Free some space and try again; the download resumes."
        )


def _save_state(dest: Path, url: str, response, total: int | None) -> None:
    state = {
        "url": url,
        "etag": response.headers.get("ETag"),
        "last_modified": response.headers.get("Last-Modified"),
        "total": total,
    }
    # A weak ETag cannot guard a range (RFC 9110, 13.1.5); Last-Modified can.
    if state["etag"] and state["etag"].startswith("W/"):
        state["etag"] = None
    _state_path(dest).write_text(json.dumps(state), encoding="utf-8")


def _receive(
    response, dest: Path, offset: int, total: int | None, progress: Progress, label: str
) -> int:
    """Append the body to the part file; returns the part's size when the body ends."""
    part = part_path(dest)
    mode = "r+b" if offset and part.exists() else "wb"
    meter = RateMeter()
    done = offset
    last_report = 0.0
    with open(part, mode, buffering=0) as out:
        if mode == "r+b":  # drop anything past the offset a crashed run may have left
            out.seek(offset)
            out.truncate(offset)
        meter.add(done)
        progress(done, total, _message(label, done, total, None))
        while True:
            try:
                chunk = response.read(CHUNK)
            except NETWORK_ERRORS as e:
                raise _interrupted(response.url, done, total, e) from None
            if not chunk:
                break
            done += _write_all(out, chunk, dest, done)
            now = time.monotonic()
            if now - last_report >= REPORT_EVERY_S:
                last_report = now
                meter.add(done)
                progress(done, total, _message(label, done, total, meter.rate()))
            else:
                progress.check()
        with suppress(OSError):
            os.fsync(out.fileno())
    progress(done, total, _message(label, done, total, meter.rate()))
    return done


def _write_all(out, chunk: bytes, dest: Path, done: int) -> int:
    view = memoryview(chunk)
    written = 0
    try:
        while written < len(view):
            written += out.write(view[written:]) or 0
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(
                f"The disk holding {dest.parent} is full after {_mb(done + written)} of "
                f"{dest.name}. Free some space and try again; the download resumes."
            ) from None
        raise FeedError(f"Cannot write {part_path(dest)}: {e.strerror or e}.") from None
    return written


def _finish(
    dest: Path,
    offset: int,
    received: int,
    started: float,
    expected_size: int | None,
    total: int | None = None,
) -> Downloaded:
    part = part_path(dest)
    note = ""
    if total is not None:
        if received > total:
            _discard(dest)
            raise SizeMismatch(
                f"{dest.name}: received {received:,} bytes where the server announced "
                f"{total:,}; the file was discarded. Try again."
            )
        if expected_size and expected_size != total:
            note = (
                f"The server's file is {total:,} bytes; the feed says {expected_size:,} "
                "(hosts that insert ads serve files of varying size)."
            )
    elif expected_size and received != expected_size:
        if received > expected_size:
            _discard(dest)
            raise SizeMismatch(
                f"{dest.name}: received {received:,} bytes but the feed says {expected_size:,};"
                " the file was discarded. The feed may be out of date."
            )
        raise SizeMismatch(
            f"{dest.name}: the server stopped after {received:,} of the {expected_size:,} "
            "bytes the feed promises; the part is kept and the next try resumes it."
        )
    os.replace(part, dest)
    with suppress(OSError):
        _state_path(dest).unlink()
    return Downloaded(dest, received, offset, time.monotonic() - started, note)


def _interrupted(url: str, done: int, total: int | None, error: BaseException) -> FeedError:
    of = f" of {_mb(total)}" if total else ""
    return DownloadInterrupted(
        f"The download from {host_of(url)} stopped after {_mb(done)}{of}: {why_failed(error)}."
        " What arrived is kept; try again to resume.",
        done,
        total,
    )


def _discard(dest: Path) -> None:
    for path in (part_path(dest), _state_path(dest)):
        with suppress(OSError):
            path.unlink()


def _message(label: str, done: int, total: int | None, rate: float | None) -> str:
    text = f"Downloading {label}: {_mb(done)}"
    if total:
        text += f" of {_mb(total)}"
    if rate:
        text += f" at {_mb(rate)}/s"
    return text


def _mb(n: float) -> str:
    if n >= 1e9:
        return f"{n / 1e9:.2f} GB"
    if n >= 1e6:
        return f"{n / 1e6:.1f} MB"
    return f"{n / 1e3:.0f} kB"
