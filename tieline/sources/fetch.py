"""The polite fetcher: robots.txt, a delay per host, bounded retries and redirects, a size cap.

Every loop here is bounded: redirects by `max_redirects`, retries by `retries`, bodies by
`max_bytes` (counted after decompression), waits by `max_retry_after` and `MAX_CRAWL_DELAY`.
Time is read through an injectable clock and sleep, so tests can check delays without waiting.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import socket
import ssl
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from tieline.models import Status
from tieline.settings import FetchSettings
from tieline.sources.limits import (
    SourceError,
    describe_seconds,
    inflate_capped,
    too_large,
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay above this many seconds is capped to it
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 §2.5: parse at least 500 KiB; we read no more
ROBOTS_MAX_REDIRECTS = 5  # RFC 9309 §2.3.1.2: follow at least five redirects for robots.txt
# A body still arriving after this many times `timeout` is abandoned: a server that trickles a
# byte just inside each read timeout would otherwise hold the batch forever.
TOTAL_TIME_FACTOR = 3.0
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class FetchError(SourceError):
    """A URL that could not be fetched; `status` says whether it was skipped or failed."""


@dataclass(frozen=True)
class FetchResult:
    url: str  # the final URL, after redirects
    status: int
    headers: httpx.Headers
    content: bytes  # the body, Content-Encoding decoded
    content_type: str | None
    fetched_at: dt.datetime


@dataclass(frozen=True)
class _Response:
    status: int
    headers: httpx.Headers
    content: bytes


@dataclass(frozen=True)
class RobotsRules:
    """One origin's robots.txt: parsed rules, or one verdict for every path."""

    parser: urllib.robotparser.RobotFileParser | None = None
    allow_everything: bool = True  # the verdict when there is no parser

    def can_fetch(self, user_agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow_everything
        return self.parser.can_fetch(user_agent, url)


class _Transient(Exception):
    """A failure worth another attempt: a timeout or a dropped connection.

    `unreachable` marks a connection that could not be made at all; after the last attempt the
    host is then given up for the rest of the batch.
    """

    def __init__(self, reason: str, *, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


def http_reason(status: int) -> str:
    """ "HTTP 404 Not Found"."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def check_url(url: str) -> str:
    """`url` without its fragment, or FetchError if it is not an http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError as exc:
        raise FetchError(f"invalid URL: {url} ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme '{scheme}'" if scheme else f"not a URL: {url}")
    if not host:
        raise FetchError(f"invalid URL (no host): {url}")
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def parse_retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP-date), if valid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of `kind` in the chain of causes, if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _os_cause(exc: BaseException) -> str:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror.lower()
        seen = seen.__cause__ or seen.__context__
    return str(exc) or type(exc).__name__


class Fetcher:
    """Fetches http(s) URLs politely. One per batch: it remembers robots.txt and host timings."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self._clock = clock
        self._sleep = sleep
        self._client = httpx.Client(
            headers={
                "User-Agent": settings.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._robots: dict[str, RobotsRules] = {}  # per origin
        self._last_request: dict[str, float] = {}  # per host: when the last request ended
        self._crawl_delay: dict[str, float] = {}  # per host, from robots.txt
        # Hosts that could not be reached at all, with the reason: not tried again in this batch,
        # so a feed of a thousand links to a dead host fails fast instead of retrying each one.
        self._unreachable: dict[str, str] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def fetch(self, url: str) -> FetchResult:
        """GET `url`, following redirects; raise FetchError with a one-line reason if it fails."""
        current = check_url(url)
        visited = {current}
        for _ in range(self.settings.max_redirects + 1):
            if not self.allowed(current):
                raise FetchError("blocked by robots.txt", Status.SKIPPED)
            given_up = self._unreachable.get(urlsplit(current).hostname or "")
            if given_up:
                raise FetchError(given_up)
            response = self._get(current)
            location = response.headers.get("location")
            if response.status in REDIRECT_STATUSES and location:
                try:
                    target = check_url(urljoin(current, location.strip()))
                except FetchError as exc:
                    raise FetchError(f"redirect to {exc.reason}") from exc
                if target in visited:
                    raise FetchError(f"redirect loop: back to {target}")
                visited.add(target)
                current = target
                continue
            if not 200 <= response.status < 300:
                raise FetchError(http_reason(response.status))
            return FetchResult(
                url=current,
                status=response.status,
                headers=response.headers,
                content=response.content,
                content_type=response.headers.get("content-type"),
                fetched_at=dt.datetime.now(dt.UTC),
            )
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")

    # -- robots.txt -------------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch `url` (read once per origin)."""
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._load_robots(origin)
            self._robots[origin] = rules
        return rules.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, origin: str) -> RobotsRules:
        """Rules from robots.txt: 401/403 disallow everything; missing or unreachable, nothing.

        Like urllib.robotparser, a robots.txt answering 5xx or timing out allows everything.
        """
        url = f"{origin}/robots.txt"
        for _ in range(ROBOTS_MAX_REDIRECTS + 1):
            try:
                response = self._attempt(url, ROBOTS_MAX_BYTES, truncate=True)
            except (_Transient, SourceError):
                break
            location = response.headers.get("location")
            if response.status in REDIRECT_STATUSES and location:
                try:
                    url = check_url(urljoin(url, location.strip()))
                except FetchError:
                    break
                continue
            if response.status in (401, 403):
                return RobotsRules(allow_everything=False)
            if 200 <= response.status < 300:
                parser = urllib.robotparser.RobotFileParser(url)
                parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
                delay = parser.crawl_delay(self.settings.user_agent)
                if delay:
                    host = urlsplit(origin).hostname or ""
                    self._crawl_delay[host] = min(float(delay), MAX_CRAWL_DELAY)
                return RobotsRules(parser)
            break
        return RobotsRules(allow_everything=True)

    # -- requests ---------------------------------------------------------------------------

    def _get(self, url: str) -> _Response:
        """One URL, with retries after 429, 5xx, timeouts and dropped connections."""
        settings = self.settings
        attempts = settings.retries + 1
        for attempt in range(1, attempts + 1):
            backoff = settings.backoff * 2 ** (attempt - 1)
            try:
                response = self._attempt(url, settings.max_bytes)
            except _Transient as exc:
                if attempt == attempts:
                    tries = f" ({attempts} attempts)" if attempts > 1 else ""
                    if exc.unreachable:
                        self._unreachable[urlsplit(url).hostname or ""] = exc.reason
                    raise FetchError(exc.reason + tries) from exc
                self._sleep(backoff)
                continue
            if response.status not in RETRY_STATUSES:
                return response
            wait = parse_retry_after(response.headers.get("retry-after"), dt.datetime.now(dt.UTC))
            if wait is not None and wait > settings.max_retry_after:
                raise FetchError(f"server asked to retry after {describe_seconds(wait)} s")
            if attempt == attempts:
                reason = http_reason(response.status)
                if attempts == 1:
                    raise FetchError(reason)
                raise FetchError(f"gave up after {attempts} attempts: {reason}")
            self._sleep(max(backoff, wait or 0.0))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _wait_turn(self, host: str) -> None:
        delay = max(self.settings.host_delay, self._crawl_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _attempt(self, url: str, limit: int, *, truncate: bool = False) -> _Response:
        """One GET, after the host's delay; the body is read only for a 2xx response."""
        host = urlsplit(url).hostname or ""
        self._wait_turn(host)
        timeout = self.settings.timeout
        try:
            with self._client.stream("GET", url) as response:
                status = response.status_code
                if not 200 <= status < 300:
                    return _Response(status, response.headers, b"")
                length = response.headers.get("content-length", "").strip()
                if length.isdigit() and int(length) > limit and not truncate:
                    raise too_large(limit)
                encoding = response.headers.get("content-encoding", "")
                chunks = self._before_deadline(response.iter_raw())
                content = inflate_capped(chunks, encoding, limit, truncate=truncate)
                return _Response(status, response.headers, content)
        except FetchError:
            raise
        except SourceError as exc:  # too large, or an undecodable body
            raise FetchError(exc.reason, exc.status) from exc
        except httpx.ConnectTimeout as exc:
            reason = f"host unreachable: {host} (no connection in {describe_seconds(timeout)} s)"
            raise _Transient(reason, unreachable=True) from exc
        except httpx.TimeoutException as exc:
            raise _Transient(f"timed out after {describe_seconds(timeout)} s") from exc
        except httpx.ConnectError as exc:
            if _cause(exc, socket.gaierror):  # the name does not resolve: no use retrying
                self._unreachable[host] = f"host unreachable: {host}"
                raise FetchError(f"host unreachable: {host}") from exc
            tls = _cause(exc, ssl.SSLError)
            if tls is not None:  # a certificate or protocol problem: no use retrying either
                code = getattr(tls, "reason", None)  # "CERTIFICATE_VERIFY_FAILED"
                detail = code.replace("_", " ").lower() if isinstance(code, str) else str(tls)
                raise FetchError(f"TLS handshake with {host} failed: {detail}") from exc
            reason = f"host unreachable: {host} ({_os_cause(exc)})"
            raise _Transient(reason, unreachable=True) from exc
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed: {_os_cause(exc)}") from exc
        finally:
            self._last_request[host] = self._clock()

    def _before_deadline(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        limit = self.settings.timeout * TOTAL_TIME_FACTOR
        deadline = self._clock() + limit
        for chunk in chunks:
            if self._clock() > deadline:
                raise FetchError(
                    f"timed out after {describe_seconds(limit)} s (the body arrived too slowly)"
                )
            yield chunk
