"""What a body of bytes holds: a page, scraped text, a feed, a sitemap, an archive, or other.

Files are recognised by their extension first and HTTP responses by their Content-Type first; this
module is the sniffing both fall back on, plus the Content-Type policy for responses.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

from tieline.extract.decode import sniff_binary
from tieline.sources.limits import GZIP_MAGIC

SNIFF_CHARS = 4096  # how much of the start is read to find the first element
# Elements that only HTML starts with, for pages saved without a doctype or <html>.
HTML_FIRST_ELEMENTS = frozenset(
    {
        "html",
        "head",
        "body",
        "meta",
        "title",
        "link",
        "script",
        "style",
        "div",
        "p",
        "article",
        "main",
        "header",
        "nav",
        "section",
        "h1",
        "h2",
        "table",
        "span",
        "a",
        "img",
        "base",
    }
)
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})  # RSS 2.0, Atom, RSS 1.0 (rdf:RDF)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
)
XML_TYPES = frozenset({"text/xml", "application/xml"})
# Types a response may carry when the server does not know better: the bytes decide.
UNKNOWN_TYPES = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "unknown/unknown"}
)

_FIRST_ELEMENT = re.compile(
    r"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*<([a-z][\w:.-]*)", re.S | re.I
)


class Form(StrEnum):
    """What the bytes hold, as far as sources care."""

    EMPTY = "empty"
    HTML = "html"
    TEXT = "text"
    FEED = "feed"  # RSS or Atom: its entries are pages to fetch
    SITEMAP = "sitemap"  # <urlset>: its locations are pages to fetch
    SITEMAP_INDEX = "sitemap index"  # <sitemapindex>: its locations are sitemaps
    WARC = "warc"
    GZIP = "gzip"  # compressed: decompress, then look again
    BINARY = "binary"  # detail names the format
    OTHER = "other"  # text of a kind we do not read (XML of another kind, JSON...): detail says


@dataclass(frozen=True)
class Sniffed:
    form: Form
    detail: str = ""  # the binary format, the XML root element or the Content-Type


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type header, lower case: "text/html"."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _head(data: bytes) -> str:
    start = data[: SNIFF_CHARS * 2]
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return start.decode("utf-16", errors="replace")
    return start.decode("latin-1").removeprefix("\xef\xbb\xbf")[:SNIFF_CHARS]


def first_element(data: bytes) -> str | None:
    """The local name of the first element, lower case ("rss", "urlset", "html"), if any."""
    head = _head(data)
    match = _FIRST_ELEMENT.match(head)
    if match is None:
        return None
    return match.group(1).lower().rsplit(":", 1)[-1]


def sniff(data: bytes) -> Sniffed:
    """Decide from the bytes alone."""
    if not data.strip():
        return Sniffed(Form.EMPTY)
    if data.startswith(GZIP_MAGIC):
        return Sniffed(Form.GZIP)
    if data.startswith(b"WARC/"):
        return Sniffed(Form.WARC)
    binary = sniff_binary(data)
    if binary:
        return Sniffed(Form.BINARY, binary)
    head = _head(data).lstrip().lower()
    if head.startswith("<!doctype html"):
        return Sniffed(Form.HTML)
    root = first_element(data)
    if root in FEED_ROOTS:
        return Sniffed(Form.FEED, root or "")
    if root == "urlset":
        return Sniffed(Form.SITEMAP, root)
    if root == "sitemapindex":
        return Sniffed(Form.SITEMAP_INDEX, root)
    if root in HTML_FIRST_ELEMENTS:
        return Sniffed(Form.HTML)
    if root is not None and head.startswith("<?xml"):
        return Sniffed(Form.OTHER, f"XML document <{root}>")
    if "<html" in head or "<body" in head:
        return Sniffed(Form.HTML)
    return Sniffed(Form.TEXT)


def classify_response(data: bytes, content_type: str | None) -> Sniffed:
    """Decide for an HTTP body: the Content-Type first, the bytes where it is vague or wrong.

    The bytes win when they are plainly a feed, a sitemap, binary or empty (servers mislabel
    feeds as text/html and images as text/plain); otherwise an HTML type means a page,
    text/plain means text, and other declared types are not read.
    """
    found = sniff(data)
    declared = media_type(content_type)
    if found.form in (Form.EMPTY, Form.GZIP, Form.BINARY, Form.WARC, Form.FEED):
        return found
    if found.form in (Form.SITEMAP, Form.SITEMAP_INDEX):
        return found
    if declared in HTML_TYPES:
        return Sniffed(Form.HTML)
    if declared == "text/plain":
        return found if found.form is Form.HTML else Sniffed(Form.TEXT)
    if declared in FEED_TYPES or declared in XML_TYPES:
        return found if found.form in (Form.HTML, Form.OTHER) else Sniffed(Form.OTHER, declared)
    if declared in UNKNOWN_TYPES:
        return found
    return Sniffed(Form.OTHER, f"content type '{declared}'")
