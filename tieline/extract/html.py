"""A web page to an `Article`: metadata, main text, and what is kept apart from it."""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from tieline.extract.body import PageClues, extract_body, normalise
from tieline.extract.metadata import PageMetadata, read_metadata
from tieline.models import Article

EXTRACTOR = "html.v1"


def _clues(tree: HtmlElement, metadata: PageMetadata | None = None) -> PageClues:
    links: dict[str, str] = {}
    for anchor in tree.iter("a"):
        text = normalise(anchor.text_content())
        if text and text not in links:
            links[text] = anchor.get("href") or ""
    metadata = metadata or PageMetadata()
    headlines = [*metadata.headlines, metadata.title or ""]
    if metadata.description:
        headlines.append(metadata.description)
    return PageClues(
        title=metadata.title,
        headlines=frozenset(normalise(h) for h in headlines if h),
        link_targets=links,
    )


def extract_html(html: str, url: str | None = None) -> Article:
    tree = load_html(html) if html.strip() else None
    if tree is None:
        return Article(title=None, body="", url=url, notes=("not an HTML page",), extractor=EXTRACTOR)
    metadata = read_metadata(tree, url)
    body = extract_body(tree, url, _clues(tree, metadata))
    return Article(
        title=metadata.title,
        body=body.text,
        publisher=metadata.publisher,
        url=url,
        canonical_url=metadata.canonical_url,
        published=metadata.published,
        published_source="page" if metadata.published else None,
        author=metadata.author,
        notes=body.notes,
        extractor=EXTRACTOR,
    )
