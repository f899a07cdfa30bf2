"""URLs, feeds and sitemaps through `iter_documents`, served from loopback."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from tests.httpserver import LoopbackServer, Reply, repeated
from tests.sources.support import (
    FIXTURES,
    PAGE_CAP,
    FakeTime,
    fast_fetch_settings,
    fixture_text,
)
from tieline.models import DocumentKind, RawDocument, SourceProblem
from tieline.settings import Settings
from tieline.sources import Fetcher, iter_documents

HTML = (FIXTURES / "article.html").read_bytes()
TEXT = (FIXTURES / "article.txt").read_bytes()
RSS_TYPE = "application/rss+xml"

Item = RawDocument | SourceProblem


def read(specs: list[str], settings: Settings, **options: object) -> list[Item]:
    return list(iter_documents(specs, settings, **options))  # type: ignore[arg-type]


def summary(items: list[Item]) -> list[tuple[str, str, str]]:
    """(origin, type or status, url or reason) per item, for compact assertions."""
    return [
        (i.origin, "doc", i.url or "")
        if isinstance(i, RawDocument)
        else (i.origin, i.status.value, i.reason)
        for i in items
    ]


def serve_news(server: LoopbackServer) -> None:
    server.page("/news/1", HTML)
    server.page("/news/2", HTML.replace(b"maritime", b"trade"))
    server.page("/news/3", TEXT, content_type="text/plain; charset=utf-8")


# -- pages -------------------------------------------------------------------------------------


def test_url_page_becomes_a_document(server: LoopbackServer, settings: Settings) -> None:
    url = server.page("/news/1", HTML)
    [item] = read([url], settings, published=dt.date(2024, 3, 16))
    assert isinstance(item, RawDocument)
    assert (item.origin, item.url, item.kind, item.content) == (url, url, DocumentKind.HTML, HTML)
    assert item.content_type == "text/html; charset=utf-8"
    assert item.published == dt.date(2024, 3, 16)
    assert item.fetched_at is not None
    assert server.requests_for("/news/1")[0].headers["user-agent"] == settings.fetch.user_agent


def test_redirected_page_keeps_the_asked_origin_and_the_final_url(
    server: LoopbackServer, settings: Settings
) -> None:
    final = server.page("/news/1", HTML)
    asked = server.redirect("/n1", "/news/1", status=301)
    [item] = read([asked], settings)
    assert isinstance(item, RawDocument)
    assert (item.origin, item.url) == (asked, final)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(body=TEXT, content_type="text/plain"), ("doc", "")),
        (Reply(body=HTML, content_type="text/plain"), ("doc", "")),
        (Reply(body=HTML, content_type=None), ("doc", "")),
        (Reply(body=b"", content_type="text/html"), ("skipped", "empty response")),
        (
            Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(40), content_type="image/png"),
            ("skipped", "binary content (PNG image)"),
        ),
        (
            Reply(body=b'{"a": 1}', content_type="application/json"),
            ("skipped", "unsupported content type 'application/json'"),
        ),
        (
            Reply(body=b"<?xml version='1.0'?><config/>", content_type="application/xml"),
            ("skipped", "unsupported XML document <config>"),
        ),
        (Reply(404, b"gone"), ("failed", "HTTP 404 Not Found")),
        (
            Reply(body=repeated(b"<p>news</p>" * 1000, 3 * PAGE_CAP), chunked=True),
            ("skipped", "too large: over 1 MiB"),
        ),
        (
            Reply(body=repeated(b"<p>news</p>" * 1000, 3 * PAGE_CAP)),
            ("skipped", "too large: over 1 MiB"),
        ),
        (Reply(503), ("failed", "gave up after 3 attempts: HTTP 503 Service Unavailable")),
        (
            Reply(429, headers={"Retry-After": "86400"}),
            ("failed", "server asked to retry after 86400 s"),
        ),
        (Reply(410, b"gone"), ("failed", "HTTP 410 Gone")),
    ],
)
def test_what_a_response_becomes(
    server: LoopbackServer, settings: Settings, reply: Reply, expected: tuple[str, str]
) -> None:
    url = server.route("/x", reply)
    [(origin, what, detail)] = summary(read([url], settings))
    assert origin == url
    assert (what, detail if what != "doc" else "") == expected


def test_text_url_is_text(server: LoopbackServer, settings: Settings) -> None:
    [item] = read([server.page("/t", TEXT, content_type="text/plain")], settings)
    assert isinstance(item, RawDocument)
    assert item.kind is DocumentKind.TEXT


def test_robots_blocked_url_is_skipped(server: LoopbackServer, settings: Settings) -> None:
    server.robots("User-agent: *\nDisallow: /news/\n")
    url = server.page("/news/1", HTML)
    assert summary(read([url], settings)) == [(url, "skipped", "blocked by robots.txt")]


def test_unreachable_host_fails(settings: Settings) -> None:
    url = "https://tieline-test.invalid/news"
    assert summary(read([url], settings)) == [
        (url, "failed", "host unreachable: tieline-test.invalid")
    ]


def test_known_urls_are_not_fetched(server: LoopbackServer, settings: Settings) -> None:
    known = server.page("/news/1", HTML)
    fresh = server.page("/news/2", HTML)
    items = read([known, fresh, fresh], settings, is_known_url=lambda url: url == known)
    assert summary(items) == [
        (known, "duplicate", "already stored"),
        (fresh, "doc", fresh),
        (fresh, "duplicate", "already read in this run"),
    ]
    assert server.requests_for("/news/1") == []
    assert len(server.requests_for("/news/2")) == 1


def test_shared_fetcher_is_used_and_left_open(
    server: LoopbackServer, settings: Settings, fake_time: FakeTime
) -> None:
    fetcher = Fetcher(
        fast_fetch_settings(host_delay=2.0), clock=fake_time.clock, sleep=fake_time.sleep
    )
    with fetcher:
        read([server.page("/a", HTML), server.page("/b", HTML)], settings, fetcher=fetcher)
        assert fake_time.sleeps == [2.0, 2.0]  # the shared fetcher's delay, not the settings'
        assert fetcher.fetch(server.url("/a")).content == HTML


# -- feeds -------------------------------------------------------------------------------------


def test_rss_feed_url_expands_into_its_entries(server: LoopbackServer, settings: Settings) -> None:
    serve_news(server)
    feed = server.page("/feed.xml", fixture_text("rss.xml", base=server.base), RSS_TYPE)
    items = read([feed], settings, published=dt.date(2000, 1, 1))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.origin, d.kind, d.published) for d in docs] == [
        (server.url("/news/1"), DocumentKind.HTML, dt.date(2024, 3, 16)),
        (server.url("/news/2"), DocumentKind.HTML, dt.date(2024, 3, 10)),
        (server.url("/news/3"), DocumentKind.TEXT, dt.date(2000, 1, 1)),  # no date: --published
    ]
    assert len(items) == 3


def test_feed_served_as_html_is_still_a_feed(server: LoopbackServer, settings: Settings) -> None:
    serve_news(server)
    feed = server.page("/feed", fixture_text("rss.xml", base=server.base), "text/html")
    assert len([i for i in read([feed], settings) if isinstance(i, RawDocument)]) == 3


@pytest.mark.parametrize("name", ["atom.xml", "rss.xml"])
def test_feed_file_on_disk_is_fetched_entry_by_entry(
    server: LoopbackServer, settings: Settings, tmp_path: Path, name: str
) -> None:
    serve_news(server)
    path = tmp_path / name.replace(".xml", ".atom" if name == "atom.xml" else ".rss")
    path.write_text(fixture_text(name, base=server.base), encoding="utf-8")
    docs = [i for i in read([str(path)], settings) if isinstance(i, RawDocument)]
    assert [d.url for d in docs][:2] == [server.url("/news/1"), server.url("/news/2")]
    # Atom: <published> wins over <updated>; an entry with only <updated> takes that
    assert [d.published for d in docs][:2] == [dt.date(2024, 3, 16), dt.date(2024, 3, 10)]


def test_feed_entries_that_fail_are_reported_one_by_one(
    server: LoopbackServer, settings: Settings
) -> None:
    server.page("/news/1", HTML)
    server.route("/news/2", Reply(body=b"\xff\xd8\xff\xe0" + bytes(99), content_type="image/jpeg"))
    # /news/3 is not served: 404
    feed = server.page("/feed.xml", fixture_text("rss.xml", base=server.base), RSS_TYPE)
    assert summary(read([feed], settings)) == [
        (server.url("/news/1"), "doc", server.url("/news/1")),
        (server.url("/news/2"), "skipped", "binary content (JPEG image)"),
        (server.url("/news/3"), "failed", "HTTP 404 Not Found"),
    ]


def test_feed_entry_that_is_a_feed_is_not_followed(
    server: LoopbackServer, settings: Settings
) -> None:
    inner = fixture_text("rss.xml", base=server.base)
    server.page("/news/1", inner, RSS_TYPE)
    server.page("/news/2", HTML)
    server.page("/news/3", HTML)
    feed = server.page("/feed.xml", inner, RSS_TYPE)
    items = read([feed], settings)
    assert summary(items)[0] == (server.url("/news/1"), "skipped", "not a page: an RSS/Atom feed")
    assert len(server.requests_for("/news/1")) == 1


def test_feed_entries_are_capped(server: LoopbackServer, tmp_path: Path) -> None:
    items_xml = "".join(f"<item><link>{server.base}/n/{n}</link></item>" for n in range(8))
    feed = server.page("/feed.xml", f"<rss><channel>{items_xml}</channel></rss>", RSS_TYPE)
    for n in range(8):
        server.page(f"/n/{n}", HTML)
    settings = Settings(fetch=fast_fetch_settings(max_feed_entries=3))
    items = read([feed], settings)
    assert summary(items)[-1] == (feed, "skipped", "read 3 of 8 entries (max_feed_entries is 3)")
    assert len([i for i in items if isinstance(i, RawDocument)]) == 3
    assert len([r for r in server.requests if r.path.startswith("/n/")]) == 3


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<rss><channel><title>t</title></channel></rss>", "feed has no entries"),
        (
            "<rss><channel><item><title>no link</title></item></channel></rss>",
            "feed entries have no links",
        ),
    ],
)
def test_feed_without_links(
    server: LoopbackServer, settings: Settings, body: str, reason: str
) -> None:
    feed = server.page("/feed.xml", body, RSS_TYPE)
    assert summary(read([feed], settings)) == [(feed, "failed", reason)]


def test_feed_file_with_relative_links_and_no_base(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "local.rss"
    path.write_text("<rss><channel><item><link>/news/1</link></item></channel></rss>")
    assert summary(read([str(path)], settings)) == [("/news/1", "failed", "not a URL: /news/1")]


# -- sitemaps ----------------------------------------------------------------------------------


def test_sitemap_url_expands_into_its_pages(server: LoopbackServer, settings: Settings) -> None:
    serve_news(server)
    sitemap = server.page(
        "/sitemap.xml", fixture_text("sitemap.xml", base=server.base), "application/xml"
    )
    docs = [i for i in read([sitemap], settings) if isinstance(i, RawDocument)]
    assert [(d.url, d.published) for d in docs] == [
        (server.url("/news/1"), dt.date(2024, 3, 16)),  # news:publication_date, not lastmod
        (server.url("/news/2"), None),
    ]


def test_sitemap_index_is_followed(server: LoopbackServer, settings: Settings) -> None:
    serve_news(server)
    server.page(
        "/sitemaps/news.xml", fixture_text("sitemap.xml", base=server.base), "application/xml"
    )
    more = f"<urlset><url><loc>{server.base}/news/3</loc></url></urlset>"
    server.route(
        "/sitemaps/more.xml",
        Reply(body=gzip.compress(more.encode()), content_type="application/x-gzip"),
    )
    index = server.page(
        "/sitemap_index.xml", fixture_text("sitemap_index.xml", base=server.base), "text/xml"
    )
    items = read([index], settings)
    assert [i.url for i in items if isinstance(i, RawDocument)] == [
        server.url("/news/1"),
        server.url("/news/2"),
        server.url("/news/3"),
    ]
    assert all(isinstance(i, RawDocument) for i in items)


def test_sitemap_file_on_disk(server: LoopbackServer, settings: Settings, tmp_path: Path) -> None:
    serve_news(server)
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(fixture_text("sitemap.xml", base=server.base).encode()))
    docs = [i for i in read([str(path)], settings) if isinstance(i, RawDocument)]
    assert [d.url for d in docs] == [server.url("/news/1"), server.url("/news/2")]


def test_sitemap_nesting_and_totals_are_bounded(server: LoopbackServer) -> None:
    # a chain of indexes, each pointing one level deeper, forever
    for level in range(10):
        server.page(
            f"/idx{level}.xml",
            "<sitemapindex><sitemap><loc>"
            f"{server.base}/idx{level + 1}.xml</loc></sitemap></sitemapindex>",
            "text/xml",
        )
    settings = Settings(fetch=fast_fetch_settings())
    items = read([server.url("/idx0.xml")], settings)
    assert summary(items) == [
        (server.url("/idx3.xml"), "skipped", "sitemap index nested deeper than 3 levels")
    ]
    assert len([r for r in server.requests if r.path.startswith("/idx")]) == 4


def test_sitemap_index_that_lists_itself_stops(server: LoopbackServer, settings: Settings) -> None:
    index = server.page(
        "/self.xml",
        f"<sitemapindex><sitemap><loc>{server.base}/self.xml</loc></sitemap></sitemapindex>",
        "text/xml",
    )
    assert summary(read([index], settings)) == [(index, "duplicate", "already read in this run")]


def test_sitemap_listing_a_page_where_a_sitemap_belongs(
    server: LoopbackServer, settings: Settings
) -> None:
    server.page("/news/1", HTML)
    index = server.page(
        "/i.xml",
        f"<sitemapindex><sitemap><loc>{server.base}/news/1</loc></sitemap></sitemapindex>",
        "text/xml",
    )
    assert summary(read([index], settings)) == [
        (server.url("/news/1"), "skipped", "not a sitemap: an HTML page")
    ]


def test_malformed_sitemap(server: LoopbackServer, settings: Settings) -> None:
    url = server.page("/s.xml", "<urlset><url><loc>http://a.example/</loc></url>", "text/xml")
    [(origin, status, reason)] = summary(read([url], settings))
    assert (origin, status) == (url, "failed")
    assert reason.startswith("malformed sitemap: ")


def test_mixed_batch(server: LoopbackServer, settings: Settings, tmp_path: Path) -> None:
    serve_news(server)
    page = tmp_path / "page.html"
    page.write_bytes(HTML)
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"url": "https://a.example/x", "text": "Some text"}) + "\n")
    specs = [str(page), server.url("/news/1"), "ftp://a.example/", str(jsonl)]
    assert [what for _, what, _ in summary(read(specs, settings))] == [
        "doc",
        "doc",
        "failed",
        "doc",
    ]
