"""Typed records passed between the pipeline's stages.

Data flows one way: a source yields `RawDocument`s (or `SourceProblem`s for inputs it could not
read), extraction turns a document into an `Article`, and the store records an `IngestOutcome` for
every input item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DocumentKind(StrEnum):
    """How a raw document is to be read."""

    HTML = "html"  # a web page
    TEXT = "text"  # text already scraped from a page, boilerplate included


class Status(StrEnum):
    """How one input item ended."""

    STORED = "stored"  # a new article was written
    DUPLICATE = "duplicate"  # the same article was already stored: nothing written
    COPY = "copy"  # a near-identical copy of a stored article: stored and linked to it
    SKIPPED = "skipped"  # not an article we can read (empty, binary, robots.txt, ...)
    FAILED = "failed"  # an error: unreachable host, truncated archive, ...


@dataclass(frozen=True)
class RawDocument:
    """One input item as a source read it, before extraction."""

    origin: str  # where it came from: a path, a URL, "stdin", "crawl.warc.gz#12"
    content: bytes
    kind: DocumentKind
    url: str | None = None  # the page's URL when known
    published: dt.date | None = None  # a date given with the item (feed entry, JSONL, --published)
    content_type: str | None = None  # the HTTP Content-Type or the WARC record's, when known
    fetched_at: dt.datetime | None = None


@dataclass(frozen=True)
class SourceProblem:
    """An input item a source could not turn into a document, with a one-line reason."""

    origin: str
    status: Status
    reason: str


@dataclass(frozen=True)
class RelatedItem:
    """A teaser or link to another story shown beside an article; never part of its body."""

    title: str
    text: str = ""
    url: str | None = None


@dataclass(frozen=True)
class Article:
    """The readable content of one page: metadata, body and what was kept apart from it."""

    title: str | None
    body: str  # main text, paragraphs separated by a blank line
    publisher: str | None = None
    url: str | None = None  # the URL the page was read from
    canonical_url: str | None = None  # the page's own canonical URL when it declares one
    published: dt.date | None = None
    published_source: str | None = None  # "page", "input", "url", ...: what gave the date
    author: str | None = None
    language: str | None = None  # ISO 639-1
    captions: tuple[str, ...] = ()
    related: tuple[RelatedItem, ...] = ()
    notes: tuple[str, ...] = ()  # what was dropped or not done, and why, one line each
    extractor: str = ""  # name and version of the extractor that produced this record

    @property
    def is_english(self) -> bool:
        return self.language == "en"


@dataclass(frozen=True)
class IngestOutcome:
    """How one input item ended; `article_id` is set when an article was stored or matched."""

    origin: str
    status: Status
    reason: str = ""
    article_id: str | None = None
    title: str | None = None


@dataclass
class IngestSummary:
    """Counts over a batch, updated as outcomes arrive."""

    outcomes: list[IngestOutcome] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def failed(self) -> bool:
        return any(o.status is Status.FAILED for o in self.outcomes)
