"""The extract stage: a raw document → an `Article` (metadata, body, captions, related items)."""

from __future__ import annotations

from dataclasses import replace

from tieline.extract.decode import BinaryContent, decode
from tieline.extract.html import extract_html
from tieline.extract.language import detect_language
from tieline.extract.text import extract_text
from tieline.models import Article, DocumentKind, RawDocument

__all__ = ["BinaryContent", "extract"]


def extract(document: RawDocument) -> Article:
    """Read one document. Raises `BinaryContent` when the bytes are not text.

    The page's own date wins over one given with the input (a feed's, a JSONL field, or
    `--published`); the language is the page's declared one, else detected from the body.
    """
    text = decode(document.content, document.content_type)
    if document.kind is DocumentKind.HTML:
        article = extract_html(text, document.url)
    else:
        article = replace(extract_text(text), url=document.url)
    if article.published is None and document.published is not None:
        article = replace(article, published=document.published, published_source="input")
    if not article.language and article.body:
        article = replace(article, language=detect_language(article.body))
    return article
