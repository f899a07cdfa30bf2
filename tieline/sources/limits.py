"""Bounded reading: every read has a cap, and every failure becomes a one-line reason."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable
from typing import BinaryIO, Protocol

from tieline.models import SourceProblem, Status
from tieline.settings import MIB

CHUNK = 64 * 1024  # bytes read or decompressed per step
GZIP_MAGIC = b"\x1f\x8b"
TRUNCATED_GZIP = "truncated gzip: the data ends before the end of the stream"


class Readable(Protocol):
    """A binary stream as far as reading goes: files, GzipFile, BytesIO, stdin."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class SourceError(Exception):
    """An input item that cannot be read; `reason` is one line for the user."""

    def __init__(self, reason: str, status: Status = Status.FAILED) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status

    def problem(self, origin: str) -> SourceProblem:
        return SourceProblem(origin=origin, status=self.status, reason=self.reason)


def describe_size(size: int) -> str:
    """A byte count as people write it: "10 MiB", "512 KiB", "300 bytes"."""
    if size >= MIB:
        return f"{size // MIB} MiB" if size % MIB == 0 else f"{size / MIB:.1f} MiB"
    if size >= 1024:
        return f"{size // 1024} KiB" if size % 1024 == 0 else f"{size / 1024:.1f} KiB"
    return f"{size} bytes"


def describe_seconds(seconds: float) -> str:
    """Seconds without a needless fraction: 20 -> "20", 0.5 -> "0.5"."""
    return f"{seconds:g}" if seconds < 100 else f"{seconds:.0f}"


def too_large(limit: int, detail: str = "") -> SourceError:
    suffix = f" {detail}" if detail else ""
    return SourceError(f"too large: over {describe_size(limit)}{suffix}", Status.SKIPPED)


def read_capped(stream: Readable, limit: int, *, detail: str = "") -> bytes:
    """Read `stream` to its end, or raise `too_large` as soon as more than `limit` bytes came."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(limit, detail)


def gunzip_capped(stream: BinaryIO, limit: int) -> bytes:
    """Decompress a gzip stream (all members) to at most `limit` bytes; a bomb stops at the cap."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as unzipped:
            return read_capped(unzipped, limit, detail="decompressed")
    except EOFError as exc:
        raise SourceError(TRUNCATED_GZIP) from exc
    except gzip.BadGzipFile as exc:
        raise SourceError(f"not valid gzip: {exc}") from exc
    except zlib.error as exc:
        raise SourceError(f"corrupt gzip: {exc}") from exc


def _decompressor(encoding: str) -> zlib._Decompress:
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()  # zlib-wrapped, as RFC 9110 says; raw deflate retried below
    raise SourceError(f"unsupported content encoding '{encoding}'")


def inflate_capped(
    chunks: Iterable[bytes], encoding: str, limit: int, *, truncate: bool = False
) -> bytes:
    """Join `chunks`, decoding an HTTP Content-Encoding, to at most `limit` bytes.

    Decompression is bounded step by step, so a gzip bomb costs no more than `limit` bytes of
    memory. Past the limit: raise `too_large`, or with `truncate` return the first `limit` bytes.
    """
    encoding = encoding.strip().lower()
    decoder = None if encoding in ("", "identity") else _decompressor(encoding)
    parts: list[bytes] = []
    total = 0
    first = True
    for chunk in chunks:
        pending = chunk
        while pending:
            if decoder is None:
                piece, pending = pending[: limit + 1 - total], b""
            else:
                try:
                    piece = decoder.decompress(pending, limit + 1 - total)
                except zlib.error as exc:
                    if first and encoding == "deflate":  # some servers send raw deflate
                        decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                        first = False
                        continue
                    raise SourceError(f"corrupt {encoding} response: {exc}") from exc
                pending = b"" if decoder.eof else decoder.unconsumed_tail
            first = False
            parts.append(piece)
            total += len(piece)
            if total > limit:
                if truncate:
                    return b"".join(parts)[:limit]
                raise too_large(limit, "decompressed" if decoder else "")
    if decoder is not None and not decoder.eof and total:
        raise SourceError(f"truncated {encoding} response: the body ends mid-stream")
    return b"".join(parts)
