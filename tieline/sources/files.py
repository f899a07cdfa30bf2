"""Local inputs: files by extension, folders walked in order, JSON Lines, and stdin bytes."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from tieline.models import DocumentKind, RawDocument, SourceProblem, Status
from tieline.sources.limits import (
    CHUNK,
    GZIP_MAGIC,
    TRUNCATED_GZIP,
    Readable,
    gunzip_capped,
    read_capped,
    too_large,
)

# JSON escaping can double a page's size (quotes, backslashes, \uXXXX), so a JSONL line may be
# this many times the page cap before it is skipped unread.
JSONL_LINE_FACTOR = 2


class FileType(StrEnum):
    """What a file's extension promises; the content is still checked."""

    HTML = "html"
    TEXT = "text"
    JSONL = "jsonl"
    WARC = "warc"
    XML = "xml"  # a feed or a sitemap, told apart by the root element
    UNKNOWN = "unknown"  # no extension we know: sniff the content


EXTENSIONS: dict[str, FileType] = {
    ".html": FileType.HTML,
    ".htm": FileType.HTML,
    ".xhtml": FileType.HTML,
    ".txt": FileType.TEXT,
    ".text": FileType.TEXT,
    ".jsonl": FileType.JSONL,
    ".ndjson": FileType.JSONL,
    ".warc": FileType.WARC,
    ".xml": FileType.XML,
    ".rss": FileType.XML,
    ".atom": FileType.XML,
}


@dataclass(frozen=True)
class FileName:
    """A file's type as its name says, and whether a .gz wraps it."""

    type: FileType
    gzipped: bool
    extension: str  # the extension that decided, without .gz ("" if none)


def name_type(path: Path) -> FileName:
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    extension = suffixes[-1] if suffixes else ""
    return FileName(EXTENSIONS.get(extension, FileType.UNKNOWN), gzipped, extension)


def os_reason(exc: OSError, path: Path | str) -> str:
    """ "permission denied: /x/page.html": the OS's words, then the path."""
    return f"{(exc.strerror or str(exc)).lower()}: {path}"


def read_file(path: Path, limit: int, *, gzipped: bool) -> bytes:
    """The bytes of a file, decompressed if it is gzip (by name or by magic), at most `limit`."""
    with path.open("rb") as stream:
        head = stream.read(2)
        stream.seek(0)
        if gzipped or head == GZIP_MAGIC:
            return gunzip_capped(stream, limit)
        if path.stat().st_size > limit:
            raise too_large(limit)
        return read_capped(stream, limit)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """Bytes from stdin or a pipe, decompressed if gzip, at most `limit`."""
    data = read_capped(stream, limit)
    if data.startswith(GZIP_MAGIC):
        return gunzip_capped(BytesIO(data), limit)
    return data


def walk(folder: Path) -> Iterator[Path | SourceProblem]:
    """Files under `folder`, depth first in name order; hidden names and linked folders skipped.

    Links to folders are not followed, so a link cycle cannot loop; a folder that cannot be
    listed becomes a problem and the walk goes on.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield SourceProblem(str(folder), Status.FAILED, os_reason(exc, folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk(path)
            elif entry.is_file():
                yield path
        except OSError as exc:
            yield SourceProblem(str(path), Status.FAILED, os_reason(exc, path))


def parse_date(value: object) -> dt.date | None:
    """A date from "YYYY-MM-DD" or a full ISO datetime (its own calendar date, not UTC's)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text).date()


def _lines(stream: Readable, limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; None stands for a longer line, which is skipped unread."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # discard the rest of the line, a bounded chunk at a time
                rest = stream.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _jsonl_document(
    line: bytes, origin: str, limit: int, published: dt.date | None
) -> RawDocument | SourceProblem | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg} at column {exc.colno}"
        return SourceProblem(origin, Status.FAILED, reason)
    except UnicodeDecodeError:
        return SourceProblem(origin, Status.FAILED, "invalid JSON: not UTF-8")
    except RecursionError:
        return SourceProblem(origin, Status.FAILED, "invalid JSON: nested too deeply")
    if not isinstance(record, dict):
        return SourceProblem(origin, Status.FAILED, "not a JSON object")
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        kind, body = DocumentKind.HTML, html
    elif isinstance(text, str) and text.strip():
        kind, body = DocumentKind.TEXT, text
    else:
        return SourceProblem(origin, Status.SKIPPED, "no 'html' or 'text' field with content")
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        return SourceProblem(origin, Status.FAILED, f"'url' is not a string: {url!r}"[:200])
    try:
        own_date = parse_date(record.get("published"))
    except ValueError:
        bad = record.get("published")
        return SourceProblem(origin, Status.FAILED, f"invalid 'published' date: {bad!r}"[:200])
    content = body.encode("utf-8")
    if len(content) > limit:
        return too_large(limit).problem(origin)
    return RawDocument(
        origin=origin,
        content=content,
        kind=kind,
        url=(url.strip() or None) if url else None,
        published=own_date or published,
    )


def iter_jsonl(
    path: Path, limit: int, *, gzipped: bool, published: dt.date | None = None
) -> Iterator[RawDocument | SourceProblem]:
    """One document per line of `{url, html|text, published?}`; a bad line is one problem."""
    origin = str(path)
    line_limit = limit * JSONL_LINE_FACTOR
    seen = 0
    try:
        with ExitStack() as stack:
            raw = stack.enter_context(path.open("rb"))
            compressed = gzipped or raw.read(2) == GZIP_MAGIC
            raw.seek(0)
            stream: Readable = raw
            if compressed:
                stream = stack.enter_context(gzip.GzipFile(fileobj=raw))
            for number, line in enumerate(_lines(stream, line_limit), start=1):
                where = f"{path}:{number}"
                if line is None:
                    yield too_large(line_limit).problem(where)
                    continue
                item = _jsonl_document(line, where, limit, published)
                if item is not None:
                    seen += 1
                    yield item
    except EOFError:
        yield SourceProblem(origin, Status.FAILED, TRUNCATED_GZIP)
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield SourceProblem(origin, Status.FAILED, f"corrupt gzip: {exc}")
        return
    except OSError as exc:
        yield SourceProblem(origin, Status.FAILED, os_reason(exc, path))
        return
    if seen == 0:
        yield SourceProblem(origin, Status.SKIPPED, "empty file")
