"""Every way an address can fail, in words the listener can act on, and small files read with
progress, a size limit and their type; saved files read from disk offline."""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import urllib.error
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import pytest

from player.core.feed import FeedError, FeedUnreachable, HttpStatusError
from player.core.feed.net import fetch_small, open_url, status_error, why_failed
from player.core.jobs import Progress, Step
from tests.feed_server import FeedHost

KB = 1000


def _read(url: str, limit: int = 50 * 1024 * 1024) -> tuple[bytes, str, list[Step]]:
    steps: list[Step] = []
    data, kind = fetch_small(url, Progress(steps.append), "the transcript", limit=limit)
    return data, kind, steps


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (401, "asks for a login"),
        (403, "refused access"),
        (404, "has nothing at that address (404 Not Found)"),
        (405, "answered 405 Method Not Allowed"),
        (410, "has removed it (410 Gone)"),
        (429, "asks to slow down (429 Too Many Requests); try again later"),
        (500, "answered 500 Internal Server Error; the server has a problem, try again later"),
        (501, "answered 501 Not Implemented; the server has a problem, try again later"),
    ],
)
def test_an_error_status_says_what_the_server_meant(
    host: FeedHost, status: int, words: str
) -> None:
    url = host.put("/f", b"", status=status)
    with pytest.raises(HttpStatusError) as e:
        _read(url)
    assert str(e.value) == f"127.0.0.1 {words}: {url}"
    assert e.value.status == status


def test_a_status_without_a_reason_is_named_by_its_number() -> None:
    error = status_error("https://h.example/f", 499, "")
    assert str(error) == "h.example answered 499: https://h.example/f"


def test_a_small_file_comes_whole_with_its_type_and_progress(host: FeedHost) -> None:
    body = bytes(range(256)) * 800  # 200 kB: several reads
    url = host.put("/t.vtt", body, "text/vtt; charset=utf-8")
    data, kind, steps = _read(url)
    assert (data, kind) == (body, "text/vtt")
    assert steps[0] == Step(0, None, "Reading the transcript from 127.0.0.1")
    assert len(steps) > 3
    assert {s.total for s in steps[1:]} == {len(body)}
    assert [s.done for s in steps] == sorted(s.done for s in steps)
    assert steps[-1].done == len(body)
    assert {s.message for s in steps} == {"Reading the transcript from 127.0.0.1"}


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(
    host: FeedHost,
) -> None:
    url = host.put("/ten", b"0123456789")
    assert _read(url, limit=10)[0] == b"0123456789"
    with pytest.raises(FeedError) as e:
        _read(url, limit=9)
    assert str(e.value) == f"{url} is 10 bytes: too large for the transcript."
    quiet = host.put("/quiet", b"0123456789", no_length=True)
    assert _read(quiet, limit=10)[0] == b"0123456789"
    with pytest.raises(FeedError) as e:
        _read(quiet, limit=9)
    assert str(e.value) == f"{quiet} is larger than 9 bytes: too large for the transcript."


def test_a_file_cut_short_says_so(host: FeedHost) -> None:
    liar = host.put("/liar", b"x" * 2 * KB, length=3 * KB)
    with pytest.raises(FeedUnreachable) as e:
        _read(liar)
    assert str(e.value) == (
        "Could not reach 127.0.0.1: the connection closed after 2,000 bytes. "
        "The app works offline as before."
    )
    reset = host.put("/reset", b"x" * 200 * KB, drop_after=100 * KB, reset=True)
    with pytest.raises(FeedUnreachable) as e:
        _read(reset)
    assert str(e.value) == (
        "Could not reach 127.0.0.1: the connection was dropped. The app works offline as before."
    )


def test_a_saved_file_is_read_from_disk_by_path_or_file_address(tmp_path: Path) -> None:
    saved = tmp_path / "with space" / "feed.xml"
    saved.parent.mkdir()
    saved.write_bytes(b"<rss/>")
    for url in (str(saved), saved.as_uri(), f"file:{saved}"):
        assert _read(url) == (b"<rss/>", "", [])
    assert _read(saved.as_uri(), limit=6)[0] == b"<rss/>"
    with pytest.raises(FeedError) as e:
        _read(saved.as_uri(), limit=5)
    assert str(e.value) == f"{saved} is 6 bytes: too large for the transcript."
    gone = tmp_path / "gone dir" / "feed.xml"
    with pytest.raises(FeedError) as e:
        _read(gone.as_uri())
    assert str(e.value) == f"Cannot read {gone}: No such file or directory."


@contextmanager
def _silent_server(answer: bool) -> Iterator[str]:
    """A host that accepts and then hangs up at once, or listens and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def hang_up() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    if answer:
        thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/feed.xml"
    finally:
        stop.set()
        server.close()


def test_a_host_that_hangs_up_or_never_answers_says_which() -> None:
    with _silent_server(answer=True) as url, pytest.raises(FeedUnreachable) as e:
        open_url(url)
    assert str(e.value) == (
        "Could not reach 127.0.0.1: the connection was dropped. The app works offline as before."
    )
    with _silent_server(answer=False) as url, pytest.raises(FeedUnreachable) as e:
        open_url(url, timeout=0.3)
    assert str(e.value) == (
        "Could not reach 127.0.0.1: it did not answer in time. The app works offline as before."
    )


def test_hosts_see_the_app_and_its_version(host: FeedHost) -> None:
    open_url(host.put("/f", b"x")).close()
    agent = host.seen[0].headers["User-Agent"]
    assert (
        agent == f"BriefPlayer/{metadata.version('brief-player')} (+podcast player; podcastparser)"
    )


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            urllib.error.URLError(socket.gaierror(-2, "Name or service not known")),
            "the name could not be looked up (offline?)",
        ),
        (
            urllib.error.URLError(ConnectionRefusedError(111, "refused")),
            "the connection was refused",
        ),
        (TimeoutError("timed out"), "it did not answer in time"),
        (
            ssl.SSLError(1, "CERTIFICATE_VERIFY_FAILED"),
            "the secure connection failed (CERTIFICATE_VERIFY_FAILED)",
        ),
        (http.client.IncompleteRead(b"abc", 10), "the connection closed early"),
        (ConnectionAbortedError(), "the connection was dropped"),
        (BrokenPipeError(), "the connection was dropped"),
        (urllib.error.URLError("unknown url type: gopher"), "unknown url type: gopher"),
        (ConnectionError(), "ConnectionError"),
    ],
)
def test_a_network_failure_in_a_few_plain_words(error: BaseException, words: str) -> None:
    assert why_failed(error) == words
