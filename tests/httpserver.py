"""A canned HTTP server on loopback for tests: routes you register, requests it records.

A real `http.server.ThreadingHTTPServer` on 127.0.0.1 at an ephemeral port, served from a
thread. Each route answers with a list of `Reply`s in turn (the last one repeats), so
"503 then 200" is `server.route("/p", Reply(503), Reply(200, b"ok"))`. Replies can be slow, be
streamed without a length, be gzip-encoded, or be generated lazily (for huge bodies).

    with LoopbackServer() as server:
        server.page("/a", "<html>...</html>")
        fetch(server.url("/a"))
        assert server.requests_for("/a")[0].headers["user-agent"].startswith("tieline/")
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

Body = bytes | Callable[[], Iterable[bytes]]  # a callable streams chunks: huge bodies cost nothing


@dataclass(frozen=True)
class Reply:
    """One response: status, headers, body, and how it is sent."""

    status: int = 200
    body: Body = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before sending anything
    chunked: bool = False  # Transfer-Encoding: chunked, no Content-Length
    gzip: bool = False  # compress the body and say Content-Encoding: gzip
    chunk_delay: float = 0.0  # seconds between chunks of a chunked body (a trickle)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # with the query string
    headers: dict[str, str]  # names in lower case
    at: float  # time.monotonic() when it arrived


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.server.owner._record(self)
        reply = self.server.owner._next_reply(self.path)
        # The client may stop reading early: that is what size caps and timeouts do.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(reply)

    def do_HEAD(self) -> None:
        self.do_GET()

    def _send(self, reply: Reply) -> None:
        owner = self.server.owner
        if reply.delay and owner._closing.wait(reply.delay):
            return
        chunks = reply.body() if callable(reply.body) else [reply.body]
        if reply.gzip:
            chunks = [gzip.compress(b"".join(chunks))]
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        if reply.gzip:
            self.send_header("Content-Encoding", "gzip")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in chunks:
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
                if reply.chunk_delay and owner._closing.wait(reply.chunk_delay):
                    return
            self.wfile.write(b"0\r\n\r\n")
            return
        body = b"".join(chunks)
        if "Content-Length" not in reply.headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # tests read `requests`, not stderr


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LoopbackServer


class LoopbackServer:
    """Serves registered routes on 127.0.0.1; unknown paths (robots.txt included) get 404."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._lock = threading.Lock()
        self._routes: dict[str, list[Reply]] = {}
        self._served: dict[str, int] = {}
        self._closing = threading.Event()
        self.requests: list[RecordedRequest] = []
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    # -- routes ------------------------------------------------------------------------------

    def route(self, path: str, *replies: Reply) -> str:
        """Answer `path` with `replies` in turn, the last one repeating; returns the URL."""
        with self._lock:
            self._routes[path] = list(replies) or [Reply()]
            self._served[path] = 0
        return self.url(path)

    def page(
        self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8"
    ) -> str:
        """Answer `path` with 200 and `body`; returns the URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.route(path, Reply(body=data, content_type=content_type))

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.route(path, Reply(status, content_type=None, headers={"Location": location}))

    def robots(self, text: str) -> str:
        return self.page("/robots.txt", text, content_type="text/plain")

    # -- what happened -----------------------------------------------------------------------

    def requests_for(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _record(self, handler: BaseHTTPRequestHandler) -> None:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self._lock:
            self.requests.append(
                RecordedRequest(handler.command, handler.path, headers, time.monotonic())
            )

    def _next_reply(self, raw_path: str) -> Reply:
        path = raw_path if raw_path in self._routes else urlsplit(raw_path).path
        with self._lock:
            replies = self._routes.get(path)
            if replies is None:
                return Reply(404, b"not found", content_type="text/plain")
            index = min(self._served[path], len(replies) - 1)
            self._served[path] += 1
            return replies[index]

    # -- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def repeated(chunk: bytes, total: int) -> Callable[[], Iterable[bytes]]:
    """A body of `total` bytes made of `chunk`, generated as it is sent."""

    def body() -> Iterable[bytes]:
        sent = 0
        while sent < total:
            piece = chunk[: total - sent]
            sent += len(piece)
            yield piece

    return body
