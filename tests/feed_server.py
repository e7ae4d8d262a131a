"""A podcast host on 127.0.0.1 for tests: a real ``http.server`` in a thread that serves files
with Range and If-Range, redirects, and the failures real hosts have (a 404, a connection
dropped mid-file, a wrong length, a server that ignores Range, a slow connection).

Every request is recorded with its headers, so a test can assert what the client asked for.
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_RANGE = re.compile(r"bytes=(\d+)-(\d*)$")


@dataclass
class Resource:
    body: bytes
    content_type: str = "application/octet-stream"
    drop_after: int | None = None  # close the connection after this many body bytes, once
    reset: bool = False  # and drop it with a reset (RST), not an orderly close (FIN)
    ignore_range: bool = False  # answer 200 with the whole file to a Range request
    length: int | None = None  # announce this Content-Length instead of the real one
    no_length: bool = False  # no Content-Length: the body ends when the connection closes
    bytes_per_s: int | None = None  # a slow connection: the body trickles at this rate
    status: int | None = None  # answer with this error status (and its reason) instead
    weak_etag: bool = False  # a W/ ETag, which cannot guard a range (If-Range ignores it)
    last_modified: str = ""  # sent as Last-Modified, and good in If-Range when set
    # Answer a Range with this Content-Range ({start}, {end}, {size} filled in; "" for none)
    # instead of the true one: a host that sends another part, or does not say which.
    content_range: str | None = None
    range_from: int | None = None  # answer any Range with the part from this byte instead

    @property
    def etag(self) -> str:
        strong = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'
        return "W/" + strong if self.weak_etag else strong

    def guards(self, if_range: str | None) -> bool:
        """Whether a Range with this If-Range may be served (RFC 9110, 13.1.5)."""
        if if_range is None:
            return True
        if if_range == self.last_modified:
            return True
        return if_range == self.etag and not self.weak_etag


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int = 0


@dataclass
class FeedHost:
    resources: dict[str, Resource] = field(default_factory=dict)
    redirects: dict[str, tuple[int, str]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: bytes | str, content_type: str = "", **how) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.resources[path] = Resource(data, content_type or "application/octet-stream", **how)
        return self.url(path)

    def requests_for(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]


def _handler(host: FeedHost) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            # The client may stop reading (a cancel, a full disk), as real hosts see.
            with suppress(BrokenPipeError, ConnectionResetError):
                self._get()

        def _get(self) -> None:
            seen = Seen(self.path, dict(self.headers.items()))
            host.seen.append(seen)
            if self.path in host.redirects:
                code, target = host.redirects[self.path]
                seen.status = code
                self.send_response(code)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.send_header("Connection", "close")
                self.end_headers()
                return
            res = host.resources.get(self.path)
            if res is None:
                seen.status = 404
                self.send_error(404)
                return
            if res.status is not None:
                seen.status = res.status
                self.send_error(res.status)
                return
            start, end = 0, len(res.body) - 1
            status = 200
            wanted = _RANGE.match(self.headers.get("Range", ""))
            if_range = self.headers.get("If-Range")
            if wanted and not res.ignore_range and res.guards(if_range):
                start = int(wanted.group(1)) if res.range_from is None else res.range_from
                end = int(wanted.group(2)) if wanted.group(2) else end
                if start >= len(res.body):
                    seen.status = 416
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(res.body)}")
                    self.send_header("Content-Length", "0")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    return
                status = 206
            body = res.body[start : end + 1]
            seen.status = status
            self.send_response(status)
            self.send_header("Content-Type", res.content_type)
            self.send_header("ETag", res.etag)
            if res.last_modified:
                self.send_header("Last-Modified", res.last_modified)
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Connection", "close")
            told = f"bytes {start}-{end}/{len(res.body)}"
            if status == 206 and res.content_range is not None:
                told = res.content_range.format(start=start, end=end, size=len(res.body))
            if status == 206 and told:
                self.send_header("Content-Range", told)
            if not res.no_length:
                self.send_header("Content-Length", str(res.length or len(body)))
            self.end_headers()
            if res.drop_after is not None:
                cut, res.drop_after = res.drop_after, None
                self.wfile.write(body[:cut])
                self.wfile.flush()
                if res.reset:
                    time.sleep(1.0)  # the client takes what was sent before the reset
                    linger = struct.pack("ii", 1, 0)
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.connection.close()
                    return
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if res.bytes_per_s:
                _trickle(self.wfile, body, res.bytes_per_s)
                return
            self.wfile.write(body)

    return Handler


def _trickle(out, body: bytes, bytes_per_s: int) -> None:
    """Send ``body`` at about ``bytes_per_s``, in pieces of a tenth of a second each."""
    piece = max(1, bytes_per_s // 10)
    for start in range(0, len(body), piece):
        out.write(body[start : start + piece])
        out.flush()
        time.sleep(0.1)


@contextmanager
def serving() -> Iterator[FeedHost]:
    """A host on a free port, shut down (and its thread joined) when the block ends."""
    host = FeedHost()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(host))
    server.daemon_threads = True
    host.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield host
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def podcast_rss(title: str, items: list[dict]) -> str:
    """A small RSS 2.0 feed with the podcast namespace, for shows no fixture file has.

    Each item: title, guid, date (RFC 822), and optionally audio (url, length, type),
    transcript (url, type), chapters (url), image (url), description.
    """
    from xml.sax.saxutils import escape, quoteattr

    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        ' xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>',
        f"<title>{escape(title)}</title><link>https://example.org/</link>",
    ]
    for item in items:
        parts.append(f"<item><title>{escape(item['title'])}</title>")
        parts.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        parts.append(f"<pubDate>{item['date']}</pubDate>")
        if "description" in item:
            parts.append(f"<description>{escape(item['description'])}</description>")
        if "audio" in item:
            url, length, kind = item["audio"]
            parts.append(f"<enclosure url={quoteattr(url)} length='{length}' type='{kind}'/>")
        if "transcript" in item:
            url, kind = item["transcript"]
            parts.append(f"<podcast:transcript url={quoteattr(url)} type='{kind}'/>")
        if "chapters" in item:
            parts.append(
                f"<podcast:chapters url={quoteattr(item['chapters'])} type='application/json'/>"
            )
        if "image" in item:
            parts.append(f"<itunes:image href={quoteattr(item['image'])}/>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts)
