"""Listings of pages: RSS/Atom feeds and XML sitemaps, parsed into links to fetch."""

from __future__ import annotations

import datetime as dt
import io
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from tieline.sources.limits import SourceError

SITEMAP_NEWS_DATE = "publication_date"  # <news:publication_date> in Google News sitemaps


@dataclass(frozen=True)
class Entry:
    """One link from a listing, with the date the listing gives for it."""

    url: str
    published: dt.date | None = None


@dataclass(frozen=True)
class Listing:
    entries: tuple[Entry, ...]
    total: int  # entries the listing holds, before the cap


def _absolute(link: str, base_url: str | None) -> str:
    link = link.strip()
    if urlsplit(link).scheme:
        return link
    if base_url:
        return urljoin(base_url, link)
    return link  # relative without a base: the fetcher reports it as not a URL


def _struct_date(value: object) -> dt.date | None:
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    return None


def parse_feed(data: bytes, base_url: str | None, limit: int) -> Listing:
    """Links of an RSS or Atom feed, newest first as the feed lists them, at most `limit`."""
    # A type is given so that feedparser does not flag every feed as "no Content-type".
    headers = {"content-type": "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    # A stream, never bytes or str: feedparser treats those as a path or URL to open first.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise SourceError(f"malformed feed: {parsed.get('bozo_exception')}")
        raise SourceError("feed has no entries")
    entries: list[Entry] = []
    for item in parsed.entries:
        link = item.get("link") or next(
            (x.get("href") for x in item.get("links", []) if x.get("href")), None
        )
        if not link:
            continue
        published = _struct_date(item.get("published_parsed") or item.get("updated_parsed"))
        entries.append(Entry(_absolute(link, base_url), published))
    if not entries:
        raise SourceError("feed entries have no links")
    return Listing(tuple(entries[:limit]), len(entries))


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _iso_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip()).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(text.strip()[:10])
        except ValueError:
            return None


def parse_sitemap(data: bytes, base_url: str | None, limit: int) -> Listing:
    """Locations of a <urlset> or a <sitemapindex>, at most `limit`.

    A news sitemap's <news:publication_date> is kept as the date; <lastmod> is not, since it
    says when the page last changed, not when it was published.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"malformed sitemap: {exc}") from exc
    child = "sitemap" if _local(root.tag) == "sitemapindex" else "url"
    entries: list[Entry] = []
    for node in root:
        if _local(node.tag) != child:
            continue
        loc = next((x.text for x in node.iter() if _local(x.tag) == "loc" and x.text), None)
        if not loc:
            continue
        news_date = next((x.text for x in node.iter() if _local(x.tag) == SITEMAP_NEWS_DATE), None)
        entries.append(Entry(_absolute(loc, base_url), _iso_date(news_date)))
    if not entries:
        raise SourceError(f"sitemap has no <{child}> entries")
    return Listing(tuple(entries[:limit]), len(entries))
