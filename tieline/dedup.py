"""Article identity and near-duplicate detection.

An article is identified by its canonical URL (normalised), else by a hash of its text. Copies
of one article published under other URLs — syndicated wire stories, reprints with another
headline or a different footer — are found with MinHash over word 5-gram shingles and
locality-sensitive hashing: the signature is cut into bands, and two articles sharing any band
are candidates whose estimated Jaccard similarity is then checked against a threshold.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

SHINGLE_WORDS = 5  # word n-grams; 5 keeps common phrases from making unrelated texts similar
NUM_PERMUTATIONS = 64  # MinHash signature length
BANDS = 16  # LSH bands of NUM_PERMUTATIONS // BANDS rows each
ROWS = NUM_PERMUTATIONS // BANDS
# Estimated Jaccard similarity at or above which two bodies are one article. Wire copies with a
# new headline, byline or footer keep well above 0.8; distinct stories on the same event by
# different writers fall far below 0.3. Checked on the near-copy cases in tests/test_dedup.py.
NEAR_DUPLICATE_JACCARD = 0.8
MIN_SHINGLES = 8  # texts shorter than this many shingles are matched by exact hash only

# Universal hashing (a*x + b) mod p with p = 2**31 - 1: every product fits in 64 bits, so the
# whole signature is one vectorised numpy expression.
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20221023)  # fixed seed: signatures are persisted, never change it
_A = _rng.integers(1, _PRIME, NUM_PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, NUM_PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|"
    r"ito|smid|sr_share|share|s_cid|_ga)$",
    re.I,
)


def normalise_url(url: str) -> str:
    """A stable form of a URL: lower-case scheme and host, no default port, no fragment, no
    tracking parameters, remaining parameters sorted. A URL that cannot be parsed (an open
    IPv6 bracket, a port out of range) is its own stable form, stripped; fetching it fails later
    with the reason."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING_PARAMS.match(k)
        )
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, query, ""))


def normalise_text(text: str) -> str:
    """Lower-case words only, for hashing and shingling."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def _shingle_hashes(text: str) -> np.ndarray:
    words = normalise_text(text).split()
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    values = [
        int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little")
        for g in grams
    ]
    return np.array(values, dtype=np.uint64) % np.uint64(_PRIME)


def minhash(text: str) -> bytes | None:
    """The MinHash signature of a text as bytes, or None when the text is too short."""
    hashes = _shingle_hashes(text)
    if hashes.size < MIN_SHINGLES:
        return None
    permuted = (_A[:, None] * hashes[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return permuted.min(axis=1).astype("<u8").tobytes()


def band_keys(signature: bytes) -> list[int]:
    """One 63-bit key per LSH band (signed-int safe for SQLite)."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS * 8 : (band + 1) * ROWS * 8]
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    sa = np.frombuffer(a, dtype="<u8")
    sb = np.frombuffer(b, dtype="<u8")
    return float(np.mean(sa == sb))
