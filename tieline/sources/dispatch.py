"""From command-line arguments to documents: decide what each input is and read it.

Each argument is stdin ('-'), an http(s) URL, or a path (a file or a folder); anything else is
reported. A file is recognised by its extension, then by its content; a response by its
Content-Type, then by its content. Feeds and sitemaps expand into the pages they list, whose
fetches are bounded by `max_feed_entries` per argument.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from tieline.models import DocumentKind, RawDocument, SourceProblem, Status
from tieline.settings import Settings
from tieline.sources.detect import Form, Sniffed, classify_response, sniff
from tieline.sources.feeds import Listing, parse_feed, parse_sitemap
from tieline.sources.fetch import Fetcher
from tieline.sources.files import (
    FileType,
    iter_jsonl,
    name_type,
    os_reason,
    read_file,
    read_stream,
    walk,
)
from tieline.sources.limits import SourceError, gunzip_capped, too_large
from tieline.sources.warc import iter_warc, iter_warc_stream

Item = RawDocument | SourceProblem

MAX_SITEMAP_DEPTH = 3  # sitemap indexes nested deeper than this are not followed
# A scheme of two or more letters: "C:\page.html" is a Windows path, not a URL.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_LISTINGS = (Form.FEED, Form.SITEMAP, Form.SITEMAP_INDEX)
_DESCRIBED = {
    Form.FEED: "an RSS/Atom feed",
    Form.SITEMAP: "a sitemap",
    Form.SITEMAP_INDEX: "a sitemap index",
    Form.HTML: "an HTML page",
    Form.TEXT: "plain text",
    Form.WARC: "a WARC archive",
}


class _Role(Enum):
    """Why a URL is fetched, which decides what it may turn out to be."""

    ARGUMENT = "argument"  # given by the user: a page, a feed or a sitemap
    ENTRY = "entry"  # listed by a feed or sitemap: must be a page
    SITEMAP = "sitemap"  # listed by a sitemap index: must be a sitemap


@dataclass
class _Budget:
    """Fetches left for one argument's feeds and sitemaps."""

    remaining: int


def url_scheme(spec: str) -> str | None:
    match = _SCHEME.match(spec)
    return match.group(1).lower() if match else None


class _Run:
    """One call of `iter_documents`: its settings, its fetcher, the URLs it has read."""

    def __init__(
        self,
        settings: Settings,
        *,
        published: dt.date | None,
        is_known_url: Callable[[str], bool] | None,
        stdin: BinaryIO | None,
        fetcher: Fetcher | None,
    ) -> None:
        self.settings = settings
        self.published = published
        self.is_known_url = is_known_url
        self.stdin = stdin
        self._fetcher = fetcher
        self._own_fetcher: Fetcher | None = None
        self.seen: set[str] = set()

    @property
    def fetcher(self) -> Fetcher:
        """The caller's fetcher, or one made on first use (a batch of files needs none)."""
        if self._fetcher is None:
            self._fetcher = self._own_fetcher = Fetcher(self.settings.fetch)
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher is not None:
            self._own_fetcher.close()

    def document(
        self,
        origin: str,
        content: bytes,
        kind: DocumentKind,
        *,
        url: str | None = None,
        published: dt.date | None = None,
        content_type: str | None = None,
        fetched_at: dt.datetime | None = None,
    ) -> Item:
        if len(content) > self.settings.max_page_bytes:
            return too_large(self.settings.max_page_bytes).problem(origin)
        return RawDocument(
            origin=origin,
            content=content,
            kind=kind,
            url=url,
            published=published or self.published,
            content_type=content_type,
            fetched_at=fetched_at,
        )

    # -- arguments ---------------------------------------------------------------------------

    def argument(self, spec: str) -> Iterator[Item]:
        if spec == "-":
            yield from self.from_stdin()
            return
        scheme = url_scheme(spec)
        if scheme in ("http", "https"):
            yield from self.url(spec.strip(), role=_Role.ARGUMENT, budget=None)
            return
        path = Path(spec)
        if scheme and not path.exists():
            yield SourceProblem(spec, Status.FAILED, f"unsupported URL scheme '{scheme}'")
            return
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield SourceProblem(spec, Status.FAILED, os_reason(exc, spec))
            return
        if stat.S_ISDIR(mode):
            yield from self.folder(path)
        elif stat.S_ISREG(mode):
            yield from self.file(path)
        else:
            yield SourceProblem(spec, Status.SKIPPED, "not a regular file or folder")

    def from_stdin(self) -> Iterator[Item]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = read_stream(stream, self.settings.max_page_bytes)
        except SourceError as exc:
            yield exc.problem("stdin")
            return
        except OSError as exc:
            yield SourceProblem("stdin", Status.FAILED, os_reason(exc, "stdin"))
            return
        found = sniff(data)
        if found.form is Form.WARC:
            yield from iter_warc_stream(
                BytesIO(data), "stdin", self.settings.max_page_bytes, published=self.published
            )
            return
        yield from self.content("stdin", data, found, role=_Role.ARGUMENT, empty="empty input")

    def folder(self, folder: Path) -> Iterator[Item]:
        count = 0
        for item in walk(folder):
            count += 1
            if isinstance(item, SourceProblem):
                yield item
            else:
                yield from self.file(item)
        if count == 0:
            yield SourceProblem(str(folder), Status.SKIPPED, "empty folder")

    def file(self, path: Path) -> Iterator[Item]:
        origin = str(path)
        name = name_type(path)
        limit = self.settings.max_page_bytes
        try:
            if path.stat().st_size == 0:
                yield SourceProblem(origin, Status.SKIPPED, "empty file")
                return
        except OSError as exc:
            yield SourceProblem(origin, Status.FAILED, os_reason(exc, path))
            return
        if name.type is FileType.WARC:
            yield from iter_warc(path, limit, published=self.published)
            return
        if name.type is FileType.JSONL:
            yield from iter_jsonl(path, limit, gzipped=name.gzipped, published=self.published)
            return
        try:
            data = read_file(path, limit, gzipped=name.gzipped)
        except SourceError as exc:
            yield exc.problem(origin)
            return
        except OSError as exc:
            yield SourceProblem(origin, Status.FAILED, os_reason(exc, path))
            return
        found = sniff(data)
        if found.form in (Form.EMPTY, Form.BINARY, Form.GZIP):
            yield from self.content(origin, data, found, role=_Role.ARGUMENT)
        elif name.type is FileType.HTML:
            yield self.document(origin, data, DocumentKind.HTML)
        elif name.type is FileType.TEXT:
            yield self.document(origin, data, DocumentKind.TEXT)
        elif found.form is Form.WARC:
            yield from iter_warc(path, limit, published=self.published)
        elif found.form is Form.TEXT and name.type is FileType.XML:
            yield SourceProblem(origin, Status.SKIPPED, "not XML: no root element")
        elif found.form is Form.TEXT and name.extension:
            yield SourceProblem(origin, Status.SKIPPED, f"unsupported file type '{name.extension}'")
        else:
            yield from self.content(origin, data, found, role=_Role.ARGUMENT)

    # -- URLs --------------------------------------------------------------------------------

    def url(
        self,
        url: str,
        *,
        role: _Role,
        budget: _Budget | None,
        published: dt.date | None = None,
        depth: int = 0,
    ) -> Iterator[Item]:
        if self.is_known_url is not None and self.is_known_url(url):
            yield SourceProblem(url, Status.DUPLICATE, "already stored")
            return
        if url in self.seen:
            yield SourceProblem(url, Status.DUPLICATE, "already read in this run")
            return
        self.seen.add(url)
        try:
            result = self.fetcher.fetch(url)
            data = result.content
            found = classify_response(data, result.content_type)
            if found.form is Form.GZIP:  # a .gz file served as such, a sitemap.xml.gz say
                data = gunzip_capped(BytesIO(data), self.settings.fetch.max_bytes)
                found = sniff(data)
        except SourceError as exc:
            yield exc.problem(url)
            return
        yield from self.content(
            url,
            data,
            found,
            role=role,
            url=result.url,
            content_type=result.content_type,
            fetched_at=result.fetched_at,
            published=published,
            budget=budget,
            depth=depth,
            empty="empty response",
        )

    # -- content, wherever it came from ------------------------------------------------------

    def content(
        self,
        origin: str,
        data: bytes,
        found: Sniffed,
        *,
        role: _Role,
        url: str | None = None,
        content_type: str | None = None,
        fetched_at: dt.datetime | None = None,
        published: dt.date | None = None,
        budget: _Budget | None = None,
        depth: int = 0,
        empty: str = "empty file",
    ) -> Iterator[Item]:
        form = found.form
        if form is Form.EMPTY:
            yield SourceProblem(origin, Status.SKIPPED, empty)
        elif form in (Form.BINARY, Form.GZIP):
            detail = found.detail or "gzip data inside gzip"
            yield SourceProblem(origin, Status.SKIPPED, f"binary content ({detail})")
        elif form is Form.OTHER:
            yield SourceProblem(origin, Status.SKIPPED, f"unsupported {found.detail}")
        elif role is _Role.SITEMAP and form not in (Form.SITEMAP, Form.SITEMAP_INDEX):
            yield SourceProblem(origin, Status.SKIPPED, f"not a sitemap: {_DESCRIBED[form]}")
        elif form in (Form.HTML, Form.TEXT):
            kind = DocumentKind.HTML if form is Form.HTML else DocumentKind.TEXT
            yield self.document(
                origin,
                data,
                kind,
                url=url,
                published=published,
                content_type=content_type,
                fetched_at=fetched_at,
            )
        elif role is _Role.ENTRY or form is Form.WARC:
            yield SourceProblem(origin, Status.SKIPPED, f"not a page: {_DESCRIBED[form]}")
        else:
            yield from self.listing(origin, data, found, base_url=url, budget=budget, depth=depth)

    def listing(
        self,
        origin: str,
        data: bytes,
        found: Sniffed,
        *,
        base_url: str | None,
        budget: _Budget | None,
        depth: int,
    ) -> Iterator[Item]:
        """The pages a feed or sitemap lists, fetched one by one within the argument's budget."""
        budget = budget or _Budget(self.settings.fetch.max_feed_entries)
        nested = found.form is Form.SITEMAP_INDEX
        if nested and depth >= MAX_SITEMAP_DEPTH:
            reason = f"sitemap index nested deeper than {MAX_SITEMAP_DEPTH} levels"
            yield SourceProblem(origin, Status.SKIPPED, reason)
            return
        try:
            listing: Listing = (parse_feed if found.form is Form.FEED else parse_sitemap)(
                data, base_url, max(budget.remaining, 0)
            )
        except SourceError as exc:
            yield exc.problem(origin)
            return
        read = 0
        for entry in listing.entries:
            if budget.remaining <= 0:
                break
            budget.remaining -= 1
            read += 1
            if nested:
                yield from self.url(entry.url, role=_Role.SITEMAP, budget=budget, depth=depth + 1)
            else:
                yield from self.url(
                    entry.url, role=_Role.ENTRY, budget=budget, published=entry.published
                )
        if read < listing.total:
            cap = self.settings.fetch.max_feed_entries
            reason = f"read {read} of {listing.total} entries (max_feed_entries is {cap})"
            yield SourceProblem(origin, Status.SKIPPED, reason)


def iter_documents(
    specs: Iterable[str],
    settings: Settings,
    *,
    published: dt.date | None = None,
    is_known_url: Callable[[str], bool] | None = None,
    stdin: BinaryIO | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[RawDocument | SourceProblem]:
    """Read every input, lazily: one document or one problem per page, never an exception.

    `specs` are command-line arguments: paths, folders, http(s) URLs, '-' for `stdin`.
    `published` dates every document that has no date of its own. URLs for which
    `is_known_url` is true are not fetched but reported as duplicates. `fetcher` is shared
    when given (and left open); otherwise one is made from `settings.fetch` and closed here.
    """
    run = _Run(
        settings, published=published, is_known_url=is_known_url, stdin=stdin, fetcher=fetcher
    )
    try:
        for spec in specs:
            yield from run.argument(spec)
    finally:
        run.close()
