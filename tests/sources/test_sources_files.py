"""Local inputs through `iter_documents`: files, gzip, JSON Lines, folders, stdin, bad paths."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from tests.sources.support import FIXTURES, PAGE_CAP
from tieline.models import DocumentKind, RawDocument, SourceProblem, Status
from tieline.settings import Settings
from tieline.sources import iter_documents

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
HTML = (FIXTURES / "article.html").read_bytes()
TEXT = (FIXTURES / "article.txt").read_bytes()

Item = RawDocument | SourceProblem


def read(specs: list[str], settings: Settings, **options: object) -> list[Item]:
    return list(iter_documents(specs, settings, **options))  # type: ignore[arg-type]


def one(specs: list[str], settings: Settings, **options: object) -> Item:
    items = read(specs, settings, **options)
    assert len(items) == 1, items
    return items[0]


def problem(item: Item) -> tuple[Status, str]:
    assert isinstance(item, SourceProblem), item
    return item.status, item.reason


def write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


# -- pages and text ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml", "PAGE.HTML"])
def test_html_file(tmp_path: Path, settings: Settings, name: str) -> None:
    path = write(tmp_path / name, HTML)
    item = one([path], settings)
    assert item == RawDocument(origin=path, content=HTML, kind=DocumentKind.HTML)


@pytest.mark.parametrize("name", ["page.html.gz", "page.htm.gz"])
def test_gzipped_html_file(tmp_path: Path, settings: Settings, name: str) -> None:
    path = write(tmp_path / name, gzip.compress(HTML))
    item = one([path], settings)
    assert isinstance(item, RawDocument)
    assert (item.kind, item.content) == (DocumentKind.HTML, HTML)


def test_text_file(tmp_path: Path, settings: Settings) -> None:
    item = one([write(tmp_path / "page.txt", TEXT)], settings)
    assert isinstance(item, RawDocument)
    assert (item.kind, item.content, item.url) == (DocumentKind.TEXT, TEXT, None)


def test_file_without_extension_is_sniffed(tmp_path: Path, settings: Settings) -> None:
    items = read([write(tmp_path / "scraped", TEXT), write(tmp_path / "saved", HTML)], settings)
    assert [(i.kind if isinstance(i, RawDocument) else i) for i in items] == [
        DocumentKind.TEXT,
        DocumentKind.HTML,
    ]


def test_published_fills_in_only_missing_dates(tmp_path: Path, settings: Settings) -> None:
    lines = [
        {"url": "https://a.example/1", "html": "<p>one</p>", "published": "2024-01-05"},
        {"url": "https://a.example/2", "html": "<p>two</p>"},
    ]
    jsonl = write(tmp_path / "pages.jsonl", "\n".join(map(json.dumps, lines)).encode())
    page = write(tmp_path / "page.html", HTML)
    given = dt.date(2024, 3, 16)
    dates = [
        i.published
        for i in read([jsonl, page], settings, published=given)
        if isinstance(i, RawDocument)
    ]
    assert dates == [dt.date(2024, 1, 5), given, given]


# -- bad files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.html", b"", (Status.SKIPPED, "empty file")),
        ("blank.txt", b"  \n\t\n", (Status.SKIPPED, "empty file")),
        ("photo.html", PNG, (Status.SKIPPED, "binary content (PNG image)")),
        ("photo.png", PNG, (Status.SKIPPED, "binary content (PNG image)")),
        (
            "report.pdf",
            b"%PDF-1.7\n" + bytes(100),
            (Status.SKIPPED, "binary content (PDF document)"),
        ),
        ("data", bytes(range(256)) * 4, (Status.SKIPPED, "binary content (binary data)")),
        (
            "notes.md",
            b"# Notes\n\nNothing here.\n",
            (Status.SKIPPED, "unsupported file type '.md'"),
        ),
        ("table.csv", b"a,b\n1,2\n", (Status.SKIPPED, "unsupported file type '.csv'")),
        (
            "page.html.gz",
            gzip.compress(HTML)[:-40],
            (Status.FAILED, "truncated gzip: the data ends before the end of the stream"),
        ),
        ("page.html.gz", HTML, (Status.FAILED, "not valid gzip: Not a gzipped file (b'<!')")),
        (
            "inner.html.gz",
            gzip.compress(gzip.compress(HTML)),
            (Status.SKIPPED, "binary content (gzip data inside gzip)"),
        ),
        (
            "config.xml",
            b"<?xml version='1.0'?><config><a/></config>",
            (Status.SKIPPED, "unsupported XML document <config>"),
        ),
        ("plain.xml", b"just words", (Status.SKIPPED, "not XML: no root element")),
    ],
)
def test_bad_file(
    tmp_path: Path, settings: Settings, name: str, data: bytes, expected: tuple[Status, str]
) -> None:
    path = write(tmp_path / name, data)
    item = one([path], settings)
    assert problem(item) == expected
    assert item.origin == path


def test_gzip_bomb_file_is_skipped_at_the_cap(tmp_path: Path, settings: Settings) -> None:
    bomb = gzip.compress(b"\0" * (50 * PAGE_CAP), compresslevel=9)
    path = write(tmp_path / "bomb.html.gz", bomb)
    assert problem(one([path], settings)) == (Status.SKIPPED, "too large: over 1 MiB decompressed")


def test_file_over_the_page_cap_is_skipped(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "huge.html", b"<p>" + b"x" * PAGE_CAP)
    assert problem(one([path], settings)) == (Status.SKIPPED, "too large: over 1 MiB")


def test_missing_path_fails(tmp_path: Path, settings: Settings) -> None:
    missing = str(tmp_path / "nowhere.html")
    assert problem(one([missing], settings)) == (
        Status.FAILED,
        f"no such file or directory: {missing}",
    )


def test_path_through_a_file_fails_with_the_os_reason(tmp_path: Path, settings: Settings) -> None:
    write(tmp_path / "page.html", HTML)
    inside = str(tmp_path / "page.html" / "child.html")
    assert problem(one([inside], settings)) == (Status.FAILED, f"not a directory: {inside}")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_fails_with_the_os_reason(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "locked.html"
    write(path, HTML)
    path.chmod(0)
    try:
        assert problem(one([str(path)], settings)) == (
            Status.FAILED,
            f"permission denied: {path}",
        )
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    ("spec", "scheme"),
    [
        ("ftp://files.example/page.html", "ftp"),
        ("file:///etc/hostname", "file"),
        ("javascript:alert(1)", "javascript"),
        ("mailto:desk@example.org", "mailto"),
        ("data:text/html,<p>hi</p>", "data"),
    ],
)
def test_odd_schemes_fail(settings: Settings, spec: str, scheme: str) -> None:
    item = one([spec], settings)
    assert problem(item) == (Status.FAILED, f"unsupported URL scheme '{scheme}'")
    assert item.origin == spec


def test_a_bad_item_does_not_stop_the_batch(tmp_path: Path, settings: Settings) -> None:
    good = write(tmp_path / "good.html", HTML)
    specs = [
        "ftp://x.example/",
        str(tmp_path / "missing.txt"),
        write(tmp_path / "e.txt", b""),
        good,
    ]
    items = read(specs, settings)
    assert [type(i).__name__ for i in items] == ["SourceProblem"] * 3 + ["RawDocument"]
    assert items[-1].origin == good


# -- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_lines_become_documents_and_bad_lines_problems(
    tmp_path: Path, settings: Settings
) -> None:
    lines = [
        json.dumps(
            {"url": "https://a.example/1", "html": "<p>Talks</p>", "published": "2024-03-16"}
        ),
        json.dumps(
            {
                "url": "https://a.example/2",
                "text": "Scraped text",
                "published": "2024-03-16T23:30:00-05:00",
            }
        ),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://a.example/3"}),
        json.dumps({"url": "https://a.example/4", "html": "<p>x</p>", "published": "soon"}),
        json.dumps({"text": "No URL at all"}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"url": 7, "text": "x"}),
    ]
    undecodable = b"\xff\xfe{\xff}"  # a UTF-16 mark, then an odd number of bytes
    path = write(tmp_path / "pages.jsonl", "\n".join(lines).encode() + b"\n" + undecodable)
    items = read([path], settings)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [(d.origin, d.url, d.kind, d.content, d.published) for d in docs] == [
        (
            f"{path}:1",
            "https://a.example/1",
            DocumentKind.HTML,
            b"<p>Talks</p>",
            dt.date(2024, 3, 16),
        ),
        (
            f"{path}:2",
            "https://a.example/2",
            DocumentKind.TEXT,
            b"Scraped text",
            dt.date(2024, 3, 16),
        ),
        (f"{path}:8", None, DocumentKind.TEXT, b"No URL at all", None),
    ]
    problems = {i.origin: problem(i) for i in items if isinstance(i, SourceProblem)}
    assert problems == {
        f"{path}:3": (
            Status.FAILED,
            "invalid JSON: Expecting property name enclosed in double quotes at column 2",
        ),
        f"{path}:5": (Status.FAILED, "not a JSON object"),
        f"{path}:6": (Status.SKIPPED, "no 'html' or 'text' field with content"),
        f"{path}:7": (Status.FAILED, "invalid 'published' date: 'soon'"),
        f"{path}:9": (Status.FAILED, "invalid JSON: nested too deeply"),
        f"{path}:10": (Status.FAILED, "'url' is not a string: 7"),
        f"{path}:11": (Status.FAILED, "invalid JSON: not UTF-8"),
    }


def test_jsonl_gz_and_an_overlong_line(tmp_path: Path, settings: Settings) -> None:
    lines = [
        json.dumps({"url": "https://a.example/big", "html": "x" * (3 * PAGE_CAP)}),
        json.dumps({"url": "https://a.example/ok", "html": "<p>fine</p>"}),
    ]
    path = write(tmp_path / "pages.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    items = read([path], settings)
    assert problem(items[0]) == (Status.SKIPPED, "too large: over 2 MiB")
    assert items[0].origin == f"{path}:1"
    assert isinstance(items[1], RawDocument)
    assert items[1].url == "https://a.example/ok"


def test_truncated_jsonl_gz_yields_lines_read_then_fails(
    tmp_path: Path, settings: Settings
) -> None:
    lines = [json.dumps({"url": f"https://a.example/{n}", "text": "t" * 3000}) for n in range(50)]
    data = gzip.compress("\n".join(lines).encode())
    path = write(tmp_path / "pages.jsonl.gz", data[: len(data) // 2])
    items = read([path], settings)
    assert isinstance(items[0], RawDocument)
    assert problem(items[-1]) == (
        Status.FAILED,
        "truncated gzip: the data ends before the end of the stream",
    )
    assert items[-1].origin == path


# -- folders -----------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_order_skipping_hidden(
    tmp_path: Path, settings: Settings
) -> None:
    root = tmp_path / "crawl"
    write(root / "b.html", HTML)
    write(root / "a" / "z.txt", TEXT)
    write(root / "a" / "y.html.gz", gzip.compress(HTML))
    write(root / "c" / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(200))
    write(root / ".git" / "config.txt", TEXT)
    write(root / ".hidden.html", HTML)
    (root / "empty").mkdir()
    (root / "loop").symlink_to(root)  # a link cycle must not be followed
    items = read([str(root)], settings)
    assert [(Path(i.origin).relative_to(root).as_posix(), type(i).__name__) for i in items] == [
        ("a/y.html.gz", "RawDocument"),
        ("a/z.txt", "RawDocument"),
        ("b.html", "RawDocument"),
        ("c/photo.jpg", "SourceProblem"),
    ]
    assert problem(items[-1]) == (Status.SKIPPED, "binary content (JPEG image)")


def test_empty_folder_is_reported(tmp_path: Path, settings: Settings) -> None:
    assert problem(one([str(tmp_path)], settings)) == (Status.SKIPPED, "empty folder")


# -- stdin -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (HTML, DocumentKind.HTML),
        (TEXT, DocumentKind.TEXT),
        (gzip.compress(HTML), DocumentKind.HTML),
    ],
)
def test_stdin_is_sniffed(settings: Settings, data: bytes, kind: DocumentKind) -> None:
    item = one(["-"], settings, stdin=io.BytesIO(data))
    assert isinstance(item, RawDocument)
    assert (item.origin, item.kind) == ("stdin", kind)
    assert item.content == gzip.decompress(data) if data.startswith(b"\x1f\x8b") else data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", (Status.SKIPPED, "empty input")),
        (PNG, (Status.SKIPPED, "binary content (PNG image)")),
        (b"x" * (PAGE_CAP + 1), (Status.SKIPPED, "too large: over 1 MiB")),
    ],
)
def test_bad_stdin(settings: Settings, data: bytes, expected: tuple[Status, str]) -> None:
    item = one(["-"], settings, stdin=io.BytesIO(data))
    assert problem(item) == expected
    assert item.origin == "stdin"


class _WatchedStdin(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.touched = False

    def read(self, size: int | None = -1, /) -> bytes:
        self.touched = True
        return super().read(size)


def test_generator_is_lazy(tmp_path: Path, settings: Settings) -> None:
    first = write(tmp_path / "a.html", HTML)
    stdin = _WatchedStdin(b"")
    items = iter_documents([first, "-"], settings, stdin=stdin)
    assert next(items).origin == first
    assert not stdin.touched  # stdin is read only when its turn comes
    assert problem(next(items)) == (Status.SKIPPED, "empty input")
    assert stdin.touched
