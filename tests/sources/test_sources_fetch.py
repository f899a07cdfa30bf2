"""The polite fetcher, against a real server on loopback: every bound and every courtesy."""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import itertools
import socket
import time

import pytest

from tests.httpserver import LoopbackServer, Reply, repeated
from tests.sources.support import PAGE_CAP, FakeTime, fast_fetch_settings
from tieline.models import Status
from tieline.settings import FetchSettings
from tieline.sources import Fetcher, FetchError
from tieline.sources.fetch import check_url, parse_retry_after

PAGE = b"<!DOCTYPE html><html><head><title>Talks</title></head><body><p>Talks.</p></body></html>"


def _error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    return caught.value


# -- the ordinary case ------------------------------------------------------------------------


def test_fetch_returns_body_type_and_final_url(server: LoopbackServer, fetcher: Fetcher) -> None:
    url = server.page("/a", PAGE)
    result = fetcher.fetch(url)
    assert result.status == 200
    assert result.content == PAGE
    assert result.content_type == "text/html; charset=utf-8"
    assert result.url == url
    assert result.fetched_at.tzinfo is not None


def test_requests_carry_the_settings_user_agent(server: LoopbackServer, fetcher: Fetcher) -> None:
    fetcher.fetch(server.page("/a", PAGE))
    agents = {r.headers["user-agent"] for r in server.requests}
    assert agents == {fetcher.settings.user_agent}
    assert fetcher.settings.user_agent.startswith("tieline/")
    assert [r.path for r in server.requests] == ["/robots.txt", "/a"]


def test_gzip_content_encoding_is_decoded(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.route("/z", Reply(body=PAGE, gzip=True))
    assert fetcher.fetch(server.url("/z")).content == PAGE
    assert "gzip" in server.requests_for("/z")[0].headers["accept-encoding"]


def test_http_error_status_fails_with_its_phrase(server: LoopbackServer, fetcher: Fetcher) -> None:
    error = _error(fetcher, server.url("/missing"))
    assert (error.status, error.reason) == (Status.FAILED, "HTTP 404 Not Found")


# -- per-host delay ----------------------------------------------------------------------------


def test_host_delay_is_waited_between_requests(server: LoopbackServer, fake_time: FakeTime) -> None:
    settings = fast_fetch_settings(host_delay=5.0)
    with Fetcher(settings, clock=fake_time.clock, sleep=fake_time.sleep) as fetcher:
        for name in ("a", "b", "c"):
            fetcher.fetch(server.page(f"/{name}", PAGE))
    # robots.txt, then three pages: each request after the first waits the full delay
    assert fake_time.sleeps == [5.0, 5.0, 5.0]


def test_host_delay_in_real_time(server: LoopbackServer) -> None:
    delay = 0.15
    with Fetcher(fast_fetch_settings(host_delay=delay)) as fetcher:
        for name in ("a", "b", "c"):
            fetcher.fetch(server.page(f"/{name}", PAGE))
    times = [r.at for r in server.requests]
    assert len(times) == 4
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= delay * 0.95


def test_robots_crawl_delay_outweighs_a_smaller_host_delay(
    server: LoopbackServer, fake_time: FakeTime
) -> None:
    server.robots("User-agent: *\nCrawl-delay: 7\n")
    with Fetcher(
        fast_fetch_settings(host_delay=1.0), clock=fake_time.clock, sleep=fake_time.sleep
    ) as fetcher:
        fetcher.fetch(server.page("/a", PAGE))
        fetcher.fetch(server.page("/b", PAGE))
    assert fake_time.sleeps == [7.0, 7.0]


def test_huge_crawl_delay_is_capped(server: LoopbackServer, fake_time: FakeTime) -> None:
    server.robots("User-agent: *\nCrawl-delay: 86400\n")
    with Fetcher(fast_fetch_settings(), clock=fake_time.clock, sleep=fake_time.sleep) as fetcher:
        fetcher.fetch(server.page("/a", PAGE))
    assert fake_time.sleeps == [30.0]


# -- retries -----------------------------------------------------------------------------------


def test_503_then_200_is_retried_with_backoff(
    server: LoopbackServer, fetcher: Fetcher, fake_time: FakeTime
) -> None:
    server.route("/flaky", Reply(503), Reply(503), Reply(body=PAGE))
    assert fetcher.fetch(server.url("/flaky")).content == PAGE
    assert len(server.requests_for("/flaky")) == 3
    assert fake_time.sleeps == pytest.approx([0.01, 0.02])


def test_persistent_503_gives_up_after_all_attempts(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    server.route("/down", Reply(503))
    error = _error(fetcher, server.url("/down"))
    assert error.status is Status.FAILED
    assert error.reason == "gave up after 3 attempts: HTTP 503 Service Unavailable"
    assert len(server.requests_for("/down")) == 3  # retries=2: three attempts, no more


def test_429_retry_after_seconds_is_respected(
    server: LoopbackServer, fetcher: Fetcher, fake_time: FakeTime
) -> None:
    server.route("/busy", Reply(429, headers={"Retry-After": "3"}), Reply(body=PAGE))
    assert fetcher.fetch(server.url("/busy")).content == PAGE
    assert fake_time.sleeps == [3.0]


def test_retry_after_as_http_date(
    server: LoopbackServer, fetcher: Fetcher, fake_time: FakeTime
) -> None:
    when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=4)
    server.route(
        "/busy",
        Reply(503, headers={"Retry-After": email.utils.format_datetime(when, usegmt=True)}),
        Reply(body=PAGE),
    )
    assert fetcher.fetch(server.url("/busy")).content == PAGE
    assert len(fake_time.sleeps) == 1
    assert 2.0 <= fake_time.sleeps[0] <= 4.0


def test_retry_after_beyond_the_limit_fails_at_once(
    server: LoopbackServer, fetcher: Fetcher, fake_time: FakeTime
) -> None:
    server.route("/later", Reply(429, headers={"Retry-After": "3600"}))
    error = _error(fetcher, server.url("/later"))
    assert error.reason == "server asked to retry after 3600 s"
    assert len(server.requests_for("/later")) == 1
    assert fake_time.sleeps == []


def test_parse_retry_after() -> None:
    now = dt.datetime(2024, 3, 16, 12, 0, tzinfo=dt.UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Sat, 16 Mar 2024 12:01:00 GMT", now) == 60.0
    assert parse_retry_after("Sat, 16 Mar 2024 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


# -- redirects ---------------------------------------------------------------------------------


def test_relative_redirect_is_followed_to_the_final_url(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    server.redirect("/old", "/middle", status=301)
    server.redirect("/middle", "new?x=1")
    final = server.page("/new", PAGE)
    result = fetcher.fetch(server.url("/old"))
    assert result.url == final + "?x=1"
    assert result.content == PAGE


def test_too_many_redirects_fail(server: LoopbackServer, fetcher: Fetcher) -> None:
    for hop in range(6):
        server.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    server.page("/hop6", PAGE)
    error = _error(fetcher, server.url("/hop0"))
    assert error.reason == "too many redirects (more than 3)"
    assert len([r for r in server.requests if r.path.startswith("/hop")]) == 4


def test_redirect_loop_fails(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.redirect("/ping", "/pong")
    server.redirect("/pong", "/ping")
    error = _error(fetcher, server.url("/ping"))
    assert error.reason.startswith("redirect loop: back to ")
    assert error.reason.endswith("/ping")


def test_redirect_to_another_scheme_fails(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.redirect("/ftp", "ftp://files.example/page.html")
    assert _error(fetcher, server.url("/ftp")).reason == "redirect to unsupported URL scheme 'ftp'"


def test_each_redirect_hop_is_checked_against_robots(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    server.robots("User-agent: *\nDisallow: /private/\n")
    server.redirect("/open", "/private/page")
    server.page("/private/page", PAGE)
    error = _error(fetcher, server.url("/open"))
    assert (error.status, error.reason) == (Status.SKIPPED, "blocked by robots.txt")
    assert server.requests_for("/private/page") == []


# -- robots.txt --------------------------------------------------------------------------------


def test_robots_disallow_skips_and_is_read_once(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: *\nDisallow: /private/\n")
    server.page("/private/a", PAGE)
    server.page("/public", PAGE)
    for _ in range(2):
        error = _error(fetcher, server.url("/private/a"))
        assert (error.status, error.reason) == (Status.SKIPPED, "blocked by robots.txt")
    assert fetcher.fetch(server.url("/public")).content == PAGE
    assert server.requests_for("/private/a") == []
    assert len(server.requests_for("/robots.txt")) == 1


def test_robots_rules_for_our_agent_apply(server: LoopbackServer, fetcher: Fetcher) -> None:
    server.robots("User-agent: tieline\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    server.page("/a", PAGE)
    assert _error(fetcher, server.url("/a")).reason == "blocked by robots.txt"


@pytest.mark.parametrize(
    ("status", "allowed"), [(401, False), (403, False), (404, True), (500, True)]
)
def test_robots_status_decides(
    server: LoopbackServer, fetcher: Fetcher, status: int, allowed: bool
) -> None:
    server.route("/robots.txt", Reply(status, b"no", content_type="text/plain"))
    url = server.page("/a", PAGE)
    if allowed:
        assert fetcher.fetch(url).content == PAGE
    else:
        assert _error(fetcher, url).reason == "blocked by robots.txt"


def test_robots_can_be_ignored_by_setting(server: LoopbackServer) -> None:
    server.robots("User-agent: *\nDisallow: /\n")
    with Fetcher(fast_fetch_settings(respect_robots=False)) as fetcher:
        assert fetcher.fetch(server.page("/a", PAGE)).content == PAGE
    assert server.requests_for("/robots.txt") == []


# -- size caps ---------------------------------------------------------------------------------


def test_content_length_over_the_cap_is_skipped_unread(
    server: LoopbackServer, fetcher: Fetcher
) -> None:
    server.route("/big", Reply(body=repeated(b"<p>news</p>" * 1000, PAGE_CAP + 1)))
    error = _error(fetcher, server.url("/big"))
    assert (error.status, error.reason) == (Status.SKIPPED, "too large: over 1 MiB")


def test_chunked_body_over_the_cap_is_cut_off(server: LoopbackServer, fetcher: Fetcher) -> None:
    # 200 MiB announced by nothing: the fetcher must stop reading at the cap
    server.route("/endless", Reply(body=repeated(b"x" * 65536, 200 * PAGE_CAP), chunked=True))
    started = time.monotonic()
    error = _error(fetcher, server.url("/endless"))
    assert (error.status, error.reason) == (Status.SKIPPED, "too large: over 1 MiB")
    assert time.monotonic() - started < 5


def test_gzip_bomb_stops_at_the_cap(server: LoopbackServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"\0" * (50 * PAGE_CAP), compresslevel=9)
    assert len(bomb) < PAGE_CAP // 10
    server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    error = _error(fetcher, server.url("/bomb"))
    assert (error.status, error.reason) == (Status.SKIPPED, "too large: over 1 MiB decompressed")


# -- time --------------------------------------------------------------------------------------


def test_slow_response_times_out_after_retries(server: LoopbackServer) -> None:
    server.route("/slow", Reply(body=PAGE, delay=3.0))
    settings = fast_fetch_settings(timeout=0.3, retries=1)
    with Fetcher(settings) as fetcher:
        started = time.monotonic()
        error = _error(fetcher, server.url("/slow"))
    assert error.status is Status.FAILED
    assert error.reason == "timed out after 0.3 s (2 attempts)"
    assert len(server.requests_for("/slow")) == 2
    assert time.monotonic() - started < 2.5


def test_trickling_body_is_abandoned_at_the_total_deadline(server: LoopbackServer) -> None:
    # each chunk arrives inside the read timeout, but the whole takes far too long
    server.route(
        "/drip",
        Reply(body=lambda: (b"<p>.</p>" for _ in range(100)), chunked=True, chunk_delay=0.1),
    )
    with Fetcher(fast_fetch_settings(timeout=0.25)) as fetcher:
        started = time.monotonic()
        error = _error(fetcher, server.url("/drip"))
    assert error.reason == "timed out after 0.75 s (the body arrived too slowly)"
    assert time.monotonic() - started < 2.0


# -- unreachable and invalid -------------------------------------------------------------------


def test_host_that_does_not_resolve_fails_quickly(fetcher: Fetcher, fake_time: FakeTime) -> None:
    started = time.monotonic()
    for path in ("/page", "/other"):
        error = _error(fetcher, f"http://no-such-host.invalid{path}")
        assert (error.status, error.reason) == (
            Status.FAILED,
            "host unreachable: no-such-host.invalid",
        )
    assert fake_time.sleeps == []  # a name that does not resolve is not retried
    assert time.monotonic() - started < 2


def test_tls_failure_is_not_retried(
    server: LoopbackServer, fetcher: Fetcher, fake_time: FakeTime
) -> None:
    server.page("/a", PAGE)
    error = _error(fetcher, f"https://127.0.0.1:{server.port}/a")  # TLS to a plain-HTTP port
    assert error.status is Status.FAILED
    assert error.reason == "TLS handshake with 127.0.0.1 failed: wrong version number"
    assert fake_time.sleeps == []


def test_without_retries_the_status_is_the_reason(server: LoopbackServer) -> None:
    server.route("/down", Reply(503))
    with Fetcher(fast_fetch_settings(retries=0)) as fetcher:
        assert _error(fetcher, server.url("/down")).reason == "HTTP 503 Service Unavailable"
    assert len(server.requests_for("/down")) == 1


def test_closed_port_fails_after_retries(fetcher: Fetcher, fake_time: FakeTime) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = _error(fetcher, f"http://127.0.0.1:{port}/page")
    assert error.status is Status.FAILED
    assert error.reason == "host unreachable: 127.0.0.1 (connection refused) (3 attempts)"
    assert len(fake_time.sleeps) == 2
    # the host is given up for the batch: the next URL there fails at once, without retries
    again = _error(fetcher, f"http://127.0.0.1:{port}/other")
    assert again.reason == "host unreachable: 127.0.0.1 (connection refused)"
    assert len(fake_time.sleeps) == 2


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://files.example/a.html", "unsupported URL scheme 'ftp'"),
        ("file:///etc/passwd", "unsupported URL scheme 'file'"),
        ("javascript:alert(1)", "unsupported URL scheme 'javascript'"),
        ("mailto:desk@example.org", "unsupported URL scheme 'mailto'"),
        ("http:///nohost", "invalid URL (no host): http:///nohost"),
        ("http://[::1/", "invalid URL: http://[::1/ (Invalid IPv6 URL)"),
        ("news/page.html", "not a URL: news/page.html"),
    ],
)
def test_odd_urls_fail_before_any_request(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        check_url(url)
    assert caught.value.reason == reason


def test_defaults_are_polite() -> None:
    defaults = FetchSettings()
    assert defaults.respect_robots
    assert defaults.host_delay >= 1.0
    assert defaults.max_redirects <= 10
