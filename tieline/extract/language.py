"""Language of a page: what it declares, checked against what its text looks like."""

from __future__ import annotations

import re
from functools import cache

from lxml.html import HtmlElement
from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_DETECT_CHARS = 40  # below this, py3langid guesses more than it detects
DETECT_SAMPLE_CHARS = 1000  # the start of the text is enough, and keeps detection under 1 ms
# A declared language is overruled only by a confident detection on a long enough text:
# CMS templates often declare "en" for every page. Checked on the Scrapinghub pages, where
# the non-English ones (ko, pt, ru, it, id) declare en-US or nothing and detect above 0.99.
OVERRULE_MIN_CHARS = 400
OVERRULE_MIN_CONFIDENCE = 0.95

_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
# Three-letter codes pages use where a two-letter one exists.
_THREE_TO_TWO = {
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "por": "pt",
    "ita": "it",
    "rus": "ru",
    "zho": "zh",
    "chi": "zh",
    "jpn": "ja",
    "kor": "ko",
    "ara": "ar",
    "nld": "nl",
    "dut": "nl",
    "tur": "tr",
    "pol": "pl",
    "ind": "id",
    "vie": "vi",
    "khm": "km",
    "tha": "th",
    "ukr": "uk",
    "fas": "fa",
    "per": "fa",
    "hin": "hi",
    "heb": "he",
}


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model, loaded on first use (about 0.3 s) and shared afterwards."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def iso639_1(value: str | None) -> str | None:
    """'en-GB', 'en_US', 'EN', 'eng' -> 'en'; None for anything that is not a language code."""
    if not value:
        return None
    match = _CODE.match(value.split(",")[0])
    if not match:
        return None
    code = match.group(1).lower()
    if len(code) == 3:
        return _THREE_TO_TWO.get(code)
    return code


def declared_language(tree: HtmlElement) -> str | None:
    """The language a page declares: <html lang>, og:locale, then Content-Language."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
        if key in ("og:locale", "content-language", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for candidate in candidates:
        code = iso639_1(candidate)
        if code:
            return code
    return None


def detect(text: str) -> tuple[str | None, float]:
    """py3langid's best language for `text` and its probability; (None, 0) when too short."""
    sample = text[:DETECT_SAMPLE_CHARS]
    if len(sample.strip()) < MIN_DETECT_CHARS:
        return None, 0.0
    language, confidence = _identifier().classify(sample)
    return str(language), float(confidence)


def detect_language(text: str) -> str | None:
    """The language of a text as an ISO 639-1 code, or None when it is too short to tell."""
    return detect(text)[0]


def choose_language(declared: str | None, body: str) -> tuple[str | None, str | None]:
    """The page's language and, when the body overrules the declaration, a note saying so."""
    detected, confidence = detect(body)
    if declared is None:
        return detected, None
    if (
        detected is not None
        and detected != declared
        and len(body) >= OVERRULE_MIN_CHARS
        and confidence >= OVERRULE_MIN_CONFIDENCE
    ):
        return detected, f"page declares language {declared!r} but its text reads as {detected!r}"
    return declared, None
