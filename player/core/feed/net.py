"""Opening addresses the way the app always does: its own user agent, redirects followed, a
timeout, and every failure turned into a ``FeedError`` with a plain message.

The standard library's ``urllib`` is enough here (redirects, Range, TLS through the system's
certificates), keeps the core free of Qt, and lets the window run the same code on a worker
thread through its job runner.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from player.core.feed.errors import FeedError, FeedUnreachable, HttpStatusError
from player.core.jobs import Progress

TIMEOUT_S = 30.0
SMALL_FILE_LIMIT = 50 * 1024 * 1024  # a feed, transcript or image larger than this is not one
CHUNK = 64 * 1024

#: What any ``urlopen`` can raise for a network that is not there or a server that is gone.
NETWORK_ERRORS = (
    urllib.error.URLError,
    http.client.HTTPException,
    socket.timeout,
    ConnectionError,
    ssl.SSLError,
)


def user_agent() -> str:
    """Names the app and its version, as podcast hosts ask of every client in their stats."""
    try:
        version = metadata.version("brief-player")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"BriefPlayer/{version} (+podcast player; podcastparser)"


def host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def is_local(url: str) -> bool:
    """A path or ``file:`` address: feeds saved to disk work offline too."""
    return "://" not in url or url.startswith("file:")


def local_path(url: str) -> Path:
    if url.startswith("file://"):
        return Path(urllib.request.url2pathname(urlsplit(url).path))
    return Path(url.removeprefix("file:"))


def open_url(
    url: str, headers: Mapping[str, str] | None = None, timeout: float = TIMEOUT_S
) -> http.client.HTTPResponse:
    """A response with status 200 or 206 (after redirects); anything else is a ``FeedError``."""
    try:
        request = urllib.request.Request(
            url, headers={"User-Agent": user_agent(), **dict(headers or {})}
        )
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as e:
        e.close()
        raise status_error(url, e.code, e.reason) from None
    except ValueError as e:  # an address urllib cannot even parse
        raise FeedError(f"{url!r} is not a web address ({e}).") from None
    except NETWORK_ERRORS as e:
        raise unreachable(url, e) from None


def status_error(url: str, status: int, reason: object) -> HttpStatusError:
    what = {
        401: "asks for a login",
        403: "refused access",
        404: "has nothing at that address (404 Not Found)",
        410: "has removed it (410 Gone)",
        429: "asks to slow down (429 Too Many Requests); try again later",
    }.get(status)
    if what is None:
        what = f"answered {status} {reason}".rstrip()
        if status >= 500:
            what += "; the server has a problem, try again later"
    return HttpStatusError(f"{host_of(url)} {what}: {url}", status)


def unreachable(url: str, error: BaseException) -> FeedUnreachable:
    return FeedUnreachable(
        f"Could not reach {host_of(url)}: {why_failed(error)}. The app works offline as before."
    )


def why_failed(error: BaseException) -> str:
    """A network failure in a few plain words."""
    reason = getattr(error, "reason", None) or error
    if isinstance(reason, socket.gaierror):
        return "the name could not be looked up (offline?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "it did not answer in time"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason})"
    if isinstance(reason, http.client.IncompleteRead):
        return "the connection closed early"
    if isinstance(reason, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return "the connection was dropped"
    return str(reason) or type(reason).__name__


def fetch_small(
    url: str, progress: Progress, what: str, limit: int = SMALL_FILE_LIMIT
) -> tuple[bytes, str]:
    """The whole body of a small file and its content type, read with progress and cancel.

    A local path or ``file:`` address is read from disk, so a saved feed works offline.
    """
    if is_local(url):
        path = local_path(url)
        try:
            size = path.stat().st_size
            if size > limit:
                raise FeedError(f"{path} is {size:,} bytes: too large for {what}.")
            return path.read_bytes(), ""
        except OSError as e:
            raise FeedError(f"Cannot read {path}: {e.strerror or e}.") from None
    progress(0, None, f"Reading {what} from {host_of(url)}")
    with open_url(url) as response:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > limit:
            raise FeedError(f"{url} is {total:,} bytes: too large for {what}.")
        parts: list[bytes] = []
        done = 0
        try:
            while chunk := response.read(CHUNK):
                parts.append(chunk)
                done += len(chunk)
                if done > limit:
                    raise FeedError(f"{url} is larger than {limit:,} bytes: too large for {what}.")
                progress(done, total, f"Reading {what} from {host_of(url)}")
        except NETWORK_ERRORS as e:
            raise unreachable(url, e) from None
        if total is not None and done < total:
            raise unreachable(url, ConnectionError(f"the connection closed after {done:,} bytes"))
        return b"".join(parts), response.headers.get_content_type()
