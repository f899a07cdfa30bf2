"""Bytes to text: declared, wrong, missing and mixed encodings; binary content refused."""

from __future__ import annotations

import codecs

import pytest

from tieline.extract.decode import BinaryContent, declared_encoding, decode, sniff_binary

TEXT = "Ministers met in Zürich — “a constructive dialogue”, said the envoy, café au lait in hand."


def html(charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>Talks</title></head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize("charset", ["utf-8", "windows-1252", "iso-8859-1"])
def test_declared_encoding_is_used(charset: str):
    page = html(charset)
    encoded = page.encode("cp1252" if charset != "utf-8" else "utf-8")
    assert TEXT in decode(encoded)


def test_latin1_declaration_is_read_as_windows_1252():
    # Curly quotes and dashes live in 0x80-0x9f, which Latin-1 maps to control characters.
    encoded = html("iso-8859-1").encode("cp1252")
    assert "“a constructive dialogue”" in decode(encoded)


def test_http_charset_wins_over_meta():
    encoded = html("utf-8").encode("cp1252")
    assert TEXT in decode(encoded, content_type="text/html; charset=windows-1252")


def test_wrong_declaration_falls_back_to_what_decodes():
    encoded = html("utf-8").encode("cp1252")  # says UTF-8, is not
    text = decode(encoded)
    assert "Ministers met in Z" in text
    assert "said the envoy" in text


def test_undeclared_utf8():
    assert TEXT in decode(html().encode("utf-8"))


def test_undeclared_legacy_encoding_is_detected():
    russian = "Министры иностранных дел встретились в Москве и обсудили торговлю. " * 5
    encoded = f"<html><body><p>{russian}</p></body></html>".encode("cp1251")
    assert "Министры иностранных дел" in decode(encoded)


def test_mixed_encodings_keep_the_utf8_text():
    mixed = html().encode("utf-8") + "<p>Caf\xe9 notes</p>".encode("latin-1")
    text = decode(mixed)
    assert TEXT in text
    assert "Caf\ufffd notes" in text  # the one stray byte is replaced, nothing else is lost


def test_utf16_with_bom():
    encoded = codecs.BOM_UTF16_LE + html().encode("utf-16-le")
    assert TEXT in decode(encoded)


def test_bogus_charset_name_is_ignored():
    assert declared_encoding(b'<meta charset="no-such-charset">') is None
    assert TEXT in decode(html("no-such-charset").encode("utf-8"))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"PK\x03\x04\x14\x00", "ZIP archive (or a Word/Excel file)"),
        (bytes(range(256)), "binary data"),
    ],
)
def test_binary_content_is_refused_with_its_kind(data: bytes, kind: str):
    assert sniff_binary(data) == kind
    with pytest.raises(BinaryContent, match=kind.split(" (")[0]):
        decode(data)


def test_text_is_not_binary():
    assert sniff_binary(TEXT.encode()) is None
    assert sniff_binary(b"") is None
