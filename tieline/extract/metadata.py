"""Page metadata: title, publisher, canonical URL, publication date, author, description.

The page's own structured data is read first (JSON-LD, OpenGraph and other meta tags, the
canonical link); trafilatura's and htmldate's heuristics fill what it leaves empty.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_author, extract_sitename, extract_title

EARLIEST_YEAR = 1990  # news pages older than the web's spread are a parsing error, not a date
LATEST_DAYS_AHEAD = 2  # a date this far past today is a scheduled event, not a publication
MAX_TITLE_CHARS = 400  # longer "titles" are a paragraph picked up by mistake
MAX_NAME_CHARS = 120  # longer publisher or author "names" are text picked up by mistake

# Meta tags that carry the publication date, as name/property/itemprop values (lower case).
DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published-date",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "article:published",
    "og:article:published_time",
)
AUTHOR_META_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)
ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|Posting)$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_BY = re.compile(r"^by\s+", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    publisher: str | None = None
    canonical_url: str | None = None
    published: dt.date | None = None
    date_source: str | None = None  # where the date came from: "json-ld", "meta", "htmldate"
    author: str | None = None
    description: str | None = None
    headlines: tuple[str, ...] = ()  # every title-like string the page carries, for body rules
    article_body: str | None = None  # JSON-LD articleBody, when the page ships one


def _clean(value: Any) -> str | None:
    """Whitespace-collapsed text with HTML entities decoded (often double-escaped in meta tags)."""
    if not isinstance(value, str):
        return None
    text = " ".join(html.unescape(html.unescape(value)).split())
    return text or None


def _name(value: Any) -> str | None:
    """A publisher or author name; None for URLs, handles-only and copyright notices."""
    text = _clean(value)
    if not text or text.lower().startswith(("http://", "https://", "www.", "copyright", "©")):
        return None
    text = _BY.sub("", text.lstrip("@")).strip()
    return text if text and len(text) <= MAX_NAME_CHARS else None


def parse_date(value: str | None, today: dt.date | None = None) -> dt.date | None:
    """A date from an ISO, compact or RFC 2822 string; None when absent or implausible."""
    if not value:
        return None
    value = value.strip()
    found: dt.date | None = None
    match = _ISO_DATE.search(value) or _COMPACT_DATE.match(value)
    if match:
        try:
            found = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            found = None
    if found is None:
        try:
            found = parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            return None
    today = today or dt.date.today()
    if found.year < EARLIEST_YEAR or found > today + dt.timedelta(days=LATEST_DAYS_AHEAD):
        return None
    return found


def _json_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph members and list items flattened."""
    for script in tree.iterfind(".//script[@type]"):
        if script.get("type", "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
                yield item


def _types(item: dict[str, Any]) -> list[str]:
    value = item.get("@type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD author/publisher value: a string, an object or a list of them."""
    if isinstance(value, str):
        name = _name(value)
        return [name] if name else []
    if isinstance(value, dict):
        name = _name(value.get("name"))
        return [name] if name else []
    if isinstance(value, list):
        return [name for v in value for name in _names(v)]
    return []


@dataclass
class _JsonLd:
    headline: str | None = None
    published: str | None = None
    author: str | None = None
    publisher: str | None = None
    body: str | None = None
    description: str | None = None


def _read_json_ld(tree: HtmlElement) -> _JsonLd:
    """The article object's fields; a page's WebPage/Organization objects fill gaps only."""
    found = _JsonLd()
    articles: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    for item in _json_objects(tree):
        (articles if any(ARTICLE_TYPES.search(t) for t in _types(item)) else others).append(item)
    for item in articles + others:
        is_article = item in articles
        if is_article or found.headline is None:
            found.headline = found.headline or _clean(item.get("headline"))
        if found.published is None and (is_article or "WebPage" in _types(item)):
            found.published = _clean(item.get("datePublished")) or _clean(item.get("dateCreated"))
        if found.author is None and is_article:
            authors = list(dict.fromkeys(_names(item.get("author"))))
            found.author = "; ".join(authors) or None
        if found.publisher is None:
            names = _names(item.get("publisher"))
            if not names and "Organization" in _types(item) and not articles:
                names = _names(item)
            found.publisher = names[0] if names else None
        if found.body is None and is_article:
            body = item.get("articleBody")
            found.body = body if isinstance(body, str) and body.strip() else None
        if found.description is None and is_article:
            found.description = _clean(item.get("description"))
    return found


def _meta(tree: HtmlElement) -> dict[str, str]:
    """Meta tag values by lower-cased name, property or itemprop; the first value wins."""
    values: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content") or meta.get("datetime")
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def canonical_url(tree: HtmlElement, url: str | None, meta: dict[str, str]) -> str | None:
    """link rel=canonical, else og:url, made absolute against the page URL."""
    href = None
    for link in tree.iterfind(".//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            href = link.get("href", "").strip()
            if href:
                break
    return absolute_url(href, url) or absolute_url(meta.get("og:url"), url)


def absolute_url(href: str | None, base: str | None) -> str | None:
    """`href` made absolute against `base`; None unless it is a well-formed http(s) URL."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "data:")):
        return None
    try:
        absolute = href if urlsplit(href).scheme or not base else urljoin(base, href)
        parts = urlsplit(absolute)
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError:  # "http://[::1" and the like
        return None
    return absolute if parts.scheme in ("http", "https") and parts.netloc else None


def _page_date(
    tree: HtmlElement, meta: dict[str, str], json_ld: _JsonLd
) -> tuple[dt.date | None, str | None]:
    date = parse_date(json_ld.published)
    if date:
        return date, "json-ld"
    for key in DATE_META_KEYS:
        date = parse_date(meta.get(key))
        if date:
            return date, "meta"
    for element in tree.iterfind(".//*[@itemprop='datePublished']"):
        date = parse_date(element.get("content") or element.get("datetime"))
        if date:
            return date, "meta"
    return None, None


def _htmldate(tree: HtmlElement, url: str | None) -> dt.date | None:
    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate can trip over odd trees; no date is then the answer
        return None
    return parse_date(found)


def _publisher(tree: HtmlElement, meta: dict[str, str], json_ld: _JsonLd) -> str | None:
    for candidate in (meta.get("og:site_name"), json_ld.publisher):
        name = _name(candidate)
        if name:
            return name
    try:  # trafilatura's guesses: publisher meta tags, then the <title> suffix
        return _name(examine_meta(tree).sitename) or _name(extract_sitename(tree))
    except Exception:
        return None


def _strip_site(title: str, publisher: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the trailing part names the publisher."""
    if not publisher:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        tail, head = parts[-1].casefold(), parts[0].casefold()
        site = publisher.casefold()
        if site in tail or tail in site:
            return _TITLE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0].strip()
        if site in head or head in site:
            return title[len(parts[0]) :].lstrip(" |-–—:·•»").strip()
    return title


def _title(
    tree: HtmlElement, meta: dict[str, str], json_ld: _JsonLd, publisher: str | None
) -> str | None:
    for candidate in (json_ld.headline, meta.get("og:title"), meta.get("twitter:title")):
        title = _clean(candidate)
        if title and len(title) <= MAX_TITLE_CHARS:
            return _strip_site(title, publisher)
    try:
        title = _clean(extract_title(tree))
    except Exception:
        title = None
    if not title or len(title) > MAX_TITLE_CHARS:
        return None
    return _strip_site(title, publisher)


def _headlines(tree: HtmlElement, meta: dict[str, str], json_ld: _JsonLd) -> tuple[str, ...]:
    candidates = [json_ld.headline, meta.get("og:title"), meta.get("twitter:title")]
    title_element = tree.find(".//title")
    if title_element is not None:
        candidates.append(title_element.text_content())
    candidates.extend(h1.text_content() for h1 in tree.iter("h1"))
    cleaned = (_clean(c) for c in candidates)
    return tuple(dict.fromkeys(c for c in cleaned if c and len(c) <= MAX_TITLE_CHARS))


def _author(tree: HtmlElement, meta: dict[str, str], json_ld: _JsonLd) -> str | None:
    if json_ld.author:
        return json_ld.author
    for key in AUTHOR_META_KEYS:
        value = _name(meta.get(key))
        if value:
            return value
    try:  # trafilatura's byline heuristics
        return _name(extract_author(tree))
    except Exception:
        return None


def read_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Everything the page says about itself, from its own tags first."""
    meta = _meta(tree)
    json_ld = _read_json_ld(tree)
    published, source = _page_date(tree, meta, json_ld)
    if published is None:
        published = _htmldate(tree, url)
        source = "htmldate" if published else None
    publisher = _publisher(tree, meta, json_ld)
    description = json_ld.description or _clean(
        meta.get("og:description") or meta.get("description") or meta.get("twitter:description")
    )
    return PageMetadata(
        title=_title(tree, meta, json_ld, publisher),
        publisher=publisher,
        canonical_url=canonical_url(tree, url, meta),
        published=published,
        date_source=source,
        author=_author(tree, meta, json_ld),
        description=description,
        headlines=_headlines(tree, meta, json_ld),
        article_body=json_ld.body,
    )
