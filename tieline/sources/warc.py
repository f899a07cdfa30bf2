"""WARC archives: each archived HTML page with a 200 status becomes one document.

warcio reads the records; the gzip layer is ours, because warcio stops quietly at a truncated
member, and a truncated archive must say so. A record is yielded only once it was read whole.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from tieline.models import DocumentKind, RawDocument, SourceProblem, Status
from tieline.sources.detect import HTML_TYPES, Form, media_type, sniff
from tieline.sources.limits import CHUNK, GZIP_MAGIC, SourceError, read_capped

# What warcio raises on malformed input. Besides its own exceptions it trips over some damage
# with built-in ones (warcio 1.7 raises AttributeError for a response without a target URI),
# so these are caught only around warcio's own calls, where our bugs cannot hide.
WARCIO_DATA_ERRORS: tuple[type[Exception], ...] = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    zlib.error,
    ValueError,
    TypeError,
    AttributeError,
    KeyError,
    IndexError,
)


def _damage(exc: Exception) -> str:
    """What warcio said about the damage; its built-in exceptions ("'NoneType' object has no
    attribute 'startswith'") say nothing to a reader, so they become "malformed record"."""
    if isinstance(exc, (ValueError, TypeError, AttributeError, KeyError, IndexError)):
        return "malformed record"
    return str(exc).strip() or type(exc).__name__


class _ArchiveEnds(Exception):
    """The archive cannot be read past this point: truncated, or damaged."""

    def __init__(self, what: str = "truncated", detail: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.detail = detail


class _StrictGzip:
    """A gzip reader that hands over every byte before a cut or damage, then raises.

    Python's GzipFile raises EOFError at a cut member, losing the block it was reading, and
    warcio takes any EOFError for its own end-of-records signal; neither may happen here.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._input = b""  # compressed bytes read but not yet given to the decoder
        self._output = b""  # decompressed bytes not yet read
        self._in_member = False
        self._ended = False
        self._failure: _ArchiveEnds | None = None  # raised once the good bytes are read

    def peek(self, size: int) -> bytes:
        """The next `size` bytes (fewer at the end), left to be read."""
        while not self._ended and len(self._output) < size:
            self._step()
        if not self._output and self._failure is not None:
            raise self._failure
        return self._output[:size]

    def read(self, size: int = -1) -> bytes:
        while not self._ended and (size < 0 or len(self._output) < size):
            self._step()
        if not self._output and self._failure is not None:
            raise self._failure
        cut = len(self._output) if size < 0 else size
        out, self._output = self._output[:cut], self._output[cut:]
        return out

    def _step(self) -> None:
        data = self._decoder.unconsumed_tail or self._input or self._raw.read(CHUNK)
        self._input = b""
        if not data:
            self._ended = True
            self._failure = _ArchiveEnds() if self._in_member else None
            return
        self._in_member = True
        try:
            self._output += self._decoder.decompress(data, CHUNK)
        except zlib.error as exc:
            self._ended = True
            self._failure = _ArchiveEnds("corrupt", f"gzip: {exc}")
            return
        if self._decoder.eof:  # a member ended: the next one may follow
            self._input = self._decoder.unused_data
            self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._in_member = False


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"


def _warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _drain(record: Any) -> None:
    """Read the rest of a record, and raise `_ArchiveEnds` if the archive ends inside it."""
    if record.rec_headers.get_header("Content-Length") is None:
        raise _ArchiveEnds()  # every WARC record has one: the archive ends inside the header
    raw = record.raw_stream
    while raw.read(CHUNK):
        pass
    if getattr(raw, "limit", 0) > 0:
        raise _ArchiveEnds()


def _page(
    record: Any, origin: str, limit: int, published: dt.date | None
) -> RawDocument | SourceProblem | None:
    """The document in a 200 HTML response record, a problem, or None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type")
    declared = media_type(content_type)
    if declared and declared not in HTML_TYPES:
        return None
    try:
        content = read_capped(record.content_stream(), limit)
    except SourceError as exc:
        return exc.problem(origin)
    except (ChunkedDataException, zlib.error) as exc:
        return SourceProblem(origin, Status.FAILED, f"corrupt WARC record: {exc}"[:200])
    if not declared and sniff(content).form is not Form.HTML:
        return None
    if not content.strip():
        return SourceProblem(origin, Status.SKIPPED, "empty page in WARC record")
    return RawDocument(
        origin=origin,
        content=content,
        kind=DocumentKind.HTML,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        published=published,
        content_type=content_type,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
    )


def iter_warc(
    path: Path, limit: int, *, published: dt.date | None = None
) -> Iterator[RawDocument | SourceProblem]:
    """Pages of a .warc or .warc.gz file; records over `limit` bytes are skipped."""
    try:
        raw: BinaryIO = path.open("rb")
    except OSError as exc:
        reason = f"{(exc.strerror or str(exc)).lower()}: {path}"
        yield SourceProblem(str(path), Status.FAILED, reason)
        return
    with raw:
        yield from iter_warc_stream(raw, str(path), limit, published=published)


def iter_warc_stream(
    raw: BinaryIO, origin: str, limit: int, *, published: dt.date | None = None
) -> Iterator[RawDocument | SourceProblem]:
    """Pages of a WARC read from a seekable stream, gzip-compressed or not."""
    compressed = raw.read(2) == GZIP_MAGIC
    raw.seek(0)
    stream: BinaryIO | _StrictGzip = _StrictGzip(raw) if compressed else raw
    complete = 0  # records read to their end
    yielded = 0
    try:
        if isinstance(stream, _StrictGzip):
            head = stream.peek(5)
        else:
            head = raw.read(5)
            raw.seek(0)
        if head != b"WARC/":  # warcio would read some text files as ARC records
            reason = "not a WARC file: it does not start with 'WARC/'"
            yield SourceProblem(origin, Status.FAILED, reason)
            return
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except WARCIO_DATA_ERRORS as exc:
                raise _ArchiveEnds("corrupt", _damage(exc)) from exc
            item = _page(record, f"{origin}#{complete + 1}", limit, published)
            _drain(record)
            complete += 1
            if item is not None:
                yielded += 1
                yield item
    except _ArchiveEnds as exc:
        detail = f": {exc.detail[:200]}" if exc.detail else ""
        reason = f"{exc.what} WARC after {_records(complete)}{detail}"
        yield SourceProblem(origin, Status.FAILED, reason)
        return
    except OSError as exc:
        yield SourceProblem(origin, Status.FAILED, (exc.strerror or str(exc)).lower())
        return
    if yielded == 0:
        yield SourceProblem(origin, Status.SKIPPED, f"no HTML pages in WARC ({_records(complete)})")
