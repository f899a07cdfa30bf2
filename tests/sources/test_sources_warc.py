"""WARC archives written here with warcio's writer: pages kept, other records passed over."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import random
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.sources.support import FIXTURES, PAGE_CAP
from tieline.models import DocumentKind, RawDocument, SourceProblem, Status
from tieline.settings import Settings
from tieline.sources import iter_documents

HTML = (FIXTURES / "article.html").read_bytes()
SECOND = HTML.replace(b"maritime cooperation", b"trade and investment")
WARC_DATE = "2024-03-16T10:15:00Z"


def _chunked(data: bytes, size: int = 500) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str | None = "text/html; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    headers += extra or []
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )
    writer.write_record(record)


def make_warc(*, compress: bool, big: bool = False) -> bytes:
    """A small crawl: two pages, a chunked gzip page, and records that are not pages."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    _response(writer, "https://ledger.example/news/1", HTML)
    request = writer.create_warc_record(
        "https://ledger.example/news/1",
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            "GET /news/1 HTTP/1.1", [("Host", "ledger.example")], is_http_request=True
        ),
    )
    writer.write_record(request)
    _response(
        writer,
        "https://ledger.example/logo.png",
        b"\x89PNG\r\n\x1a\n" + bytes(50),
        content_type="image/png",
    )
    _response(writer, "https://ledger.example/gone", b"<html>gone</html>", status="404 Not Found")
    _response(
        writer,
        "https://ledger.example/old",
        b"",
        status="301 Moved Permanently",
        extra=[("Location", "https://ledger.example/news/1")],
    )
    _response(
        writer,
        "https://ledger.example/news/2",
        _chunked(gzip.compress(SECOND)),
        extra=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
    )
    if big:
        _response(writer, "https://ledger.example/huge", b"<p>" + b"x" * PAGE_CAP)
        _response(writer, "https://ledger.example/after", HTML)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_become_documents(tmp_path: Path, settings: Settings, name: str) -> None:
    path = write(tmp_path / name, make_warc(compress=name.endswith(".gz")))
    items = list(iter_documents([path], settings, published=dt.date(2024, 3, 1)))
    assert all(isinstance(i, RawDocument) for i in items), items
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.url, d.content, d.kind) for d in docs] == [
        ("https://ledger.example/news/1", HTML, DocumentKind.HTML),
        ("https://ledger.example/news/2", SECOND, DocumentKind.HTML),  # chunked + gzip decoded
    ]
    assert [d.origin for d in docs] == [f"{path}#2", f"{path}#7"]
    assert {d.fetched_at for d in docs} == {dt.datetime(2024, 3, 16, 10, 15, tzinfo=dt.UTC)}
    assert {d.content_type for d in docs} == {"text/html; charset=utf-8"}
    assert {d.published for d in docs} == {dt.date(2024, 3, 1)}


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("keep", [0.9, 0.5])
def test_truncated_warc_yields_what_was_read_then_fails(
    tmp_path: Path, settings: Settings, compress: bool, keep: float
) -> None:
    data = make_warc(compress=compress, big=True)
    name = "cut.warc.gz" if compress else "cut.warc"
    path = write(tmp_path / name, data[: int(len(data) * keep)])
    items = list(iter_documents([path], settings))
    *docs, last = items
    assert isinstance(last, SourceProblem)
    assert last.status is Status.FAILED
    assert last.reason.startswith("truncated WARC after ")
    assert last.origin == path
    complete = int(last.reason.split()[3])
    assert complete >= 1
    assert all(int(i.origin.rsplit("#", 1)[1]) <= complete for i in docs)
    # every page yielded before the cut is whole (the huge record is skipped, not cut)
    pages = [d for d in docs if isinstance(d, RawDocument)]
    assert all(d.content in (HTML, SECOND) for d in pages)
    assert pages, "the cut comes after the first page"


def test_oversize_record_is_skipped_and_reading_goes_on(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "big.warc.gz", make_warc(compress=True, big=True))
    items = list(iter_documents([path], settings))
    problems = [i for i in items if isinstance(i, SourceProblem)]
    assert [(p.origin, p.status, p.reason) for p in problems] == [
        (f"{path}#8", Status.SKIPPED, "too large: over 1 MiB"),
    ]
    assert isinstance(items[-1], RawDocument)
    assert items[-1].url == "https://ledger.example/after"


def test_warc_without_pages_is_reported(tmp_path: Path, settings: Settings) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    path = write(tmp_path / "info.warc.gz", buffer.getvalue())
    [item] = list(iter_documents([path], settings))
    assert isinstance(item, SourceProblem)
    assert (item.status, item.reason) == (Status.SKIPPED, "no HTML pages in WARC (1 record)")


def test_file_that_is_not_a_warc(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "fake.warc", b"this is not an archive\n" * 10)
    [item] = list(iter_documents([path], settings))
    assert isinstance(item, SourceProblem)
    assert item.status is Status.FAILED
    assert item.reason == "not a WARC file: it does not start with 'WARC/'"


def test_warc_found_by_sniffing(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "crawl-0001", make_warc(compress=False))
    urls = [i.url for i in iter_documents([path], settings) if isinstance(i, RawDocument)]
    assert urls == ["https://ledger.example/news/1", "https://ledger.example/news/2"]


@pytest.mark.parametrize("compress", [False, True])
def test_damaged_warcs_never_raise(tmp_path: Path, settings: Settings, compress: bool) -> None:
    """Random byte damage ends in documents and problems, never in an exception."""
    original = make_warc(compress=compress)
    rng = random.Random(20240316)
    endings: set[str] = set()
    for trial in range(150):
        data = bytearray(original)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = write(tmp_path / f"damaged{trial}.warc", bytes(data))
        items = list(iter_documents([path], settings))
        assert items
        last = items[-1]
        endings.add(last.reason.split(" after ")[0] if isinstance(last, SourceProblem) else "doc")
    assert "corrupt WARC" in endings or "truncated WARC" in endings


def test_response_without_target_uri_is_corrupt_not_a_crash(
    tmp_path: Path, settings: Settings
) -> None:
    data = make_warc(compress=False)
    cut = data.index(b"WARC-Target-URI: https://ledger.example/news/1")
    damaged = data[:cut] + b"WARC-Target-XXX" + data[cut + len(b"WARC-Target-URI") :]
    path = write(tmp_path / "no-uri.warc", damaged)
    items = list(iter_documents([path], settings))
    assert isinstance(items[-1], SourceProblem)
    assert items[-1].reason == "corrupt WARC after 1 record: malformed record"
