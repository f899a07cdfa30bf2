"""Bytes to text: refuse binary content, find the encoding, survive mixed encodings."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# Magic numbers of formats people feed to a news reader by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
)

SNIFF_BYTES = 4096  # how much of the start is looked at to decide "binary"
CONTROL_BYTE_SHARE = 0.05  # more control bytes than this share of the start means binary
MIXED_BAD_PER_GOOD = 4  # at most one bad byte sequence per four valid non-ASCII characters
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}


class BinaryContent(ValueError):
    """The bytes are not text (an image, a PDF, an archive...)."""


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of `data`, or return None if it looks like text."""
    for signature, name in BINARY_SIGNATURES:
        if data.startswith(signature):
            return name
    head = data[:SNIFF_BYTES]
    if not head:
        return None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text carries NUL bytes legitimately
    controls = sum(1 for b in head if b in _CONTROL)
    if b"\x00" in head or controls / len(head) > CONTROL_BYTE_SHARE:
        return "binary data"
    return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_encoding(data: bytes, content_type: str | None = None) -> str | None:
    """The encoding a BOM, an HTTP Content-Type or an HTML meta tag declares, if valid."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    if content_type and "charset=" in content_type.lower():
        found = _codec(content_type.lower().split("charset=", 1)[1].split(";")[0])
        if found:
            return found
    match = META_CHARSET.search(data[: SNIFF_BYTES * 4])
    return _codec(match.group(1).decode("ascii", "ignore")) if match else None


def decode(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text.

    Order: a declared encoding that decodes cleanly, then UTF-8, then charset-normalizer's
    guess; a page of mixed encodings (valid UTF-8 spliced with Latin-1, say) is decoded as UTF-8
    with the few bad bytes replaced. Raises `BinaryContent` for non-text bytes.
    """
    kind = sniff_binary(data)
    if kind:
        raise BinaryContent(kind)
    declared = declared_encoding(data, content_type)
    # Pages that declare Latin-1 are nearly always Windows-1252 (the HTML standard says so).
    if declared in ("latin_1", "iso8859-1", "ascii"):
        declared = "cp1252"
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except (UnicodeDecodeError, LookupError):
                pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    best = charset_normalizer.from_bytes(data[: 512 * 1024]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII characters form valid UTF-8 (a UTF-8 page with a few stray
    bytes from another encoding). Text in a legacy encoding yields almost no valid sequence."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good > 0 and bad * MIXED_BAD_PER_GOOD <= good
