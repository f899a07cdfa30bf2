"""Scraped page text → Article.

Text copied or scraped from a news page keeps the page's furniture: the logo's alt text, the
headline repeated above and below the lead photo, image markers with their captions, share and
advertisement lines, and teasers for other stories after the body. This module recognises those
parts by their shape, so that only the article's own paragraphs form the body; captions and
teasers are kept apart, and everything dropped is listed in the notes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tieline.extract.patterns import RELATED_HEADING
from tieline.models import Article, RelatedItem

EXTRACTOR = "text.v1"

# A logo's alt text, the first thing a scrape of the page header yields.
LOGO = re.compile(r"^(?:site\s+)?logo\b|\blogo\s+of\b", re.I)
# "Content image - Phnom Penh Post", "Photo", "Image: Reuters" — a marker where an image stood.
IMAGE_MARKER = re.compile(
    r"^(?:content\s+|featured\s+|main\s+|article\s+|lead\s+)?"
    r"(?:image|photo|picture|photograph|img|graphic)s?"
    r"(?:\s*[-–—:|]\s*(?P<credit>.{0,60}))?$",
    re.I,
)
# A teaser's bullet: "  • Second Hungary business forum set for H2".
BULLET = re.compile(r"^\s*[•·▪◦●■►▸‣–\-*]\s+(?P<title>\S.*)$")
# Page furniture that is never article text, wherever it stands.
BOILERPLATE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?:\s+content)?|share(?:\s+this(?:\s+article|\s+story)?)?|"
    r"share\s+on\s+\w+|tweet|print|email|e-mail|comments?|\d+\s+comments?|"
    r"(?:sign\s+up|subscribe)\b.{0,80}|follow\s+us\b.{0,60}|click\s+here\b.{0,80}|"
    r"skip\s+to\s+(?:main\s+)?content|(?:facebook|twitter|whatsapp|linkedin|telegram)"
    r"(?:\s*[|/,]\s*(?:facebook|twitter|whatsapp|linkedin|telegram|email))*"
    r"|copyright\b.{0,120}|©.{0,120}|all\s+rights\s+reserved\.?)$",
    re.I,
)
BYLINE = re.compile(r"^[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})$")
SENTENCE_END = re.compile(r"[.!?…:\"”’)\]]$")

MIN_TITLE_WORDS = 4  # a headline without repetition or logo to confirm it has at least this many
MAX_TITLE_CHARS = 200  # a headline is one line, rarely longer than this
MAX_HEADER_WORDS = (
    8  # short lines without final punctuation before the first paragraph are page header
)
MIN_TEASERS = 2  # a run of bullets after the body is a teaser list when it has this many items
WRAPPED_LINE_CHARS = 100  # blocks whose lines are all shorter than this are hard-wrapped prose


@dataclass
class _Line:
    number: int  # position in the input, 0-based
    text: str  # stripped
    indent: int
    block: int  # index of the blank-line-separated block it belongs to


@dataclass
class _Parts:
    removed: Counter[str] = field(default_factory=Counter)
    captions: list[str] = field(default_factory=list)
    related: list[RelatedItem] = field(default_factory=list)
    publishers: Counter[str] = field(default_factory=Counter)


def extract_text(text: str) -> Article:
    """Read scraped page text; never raises on odd input."""
    lines = _lines(text)
    parts = _Parts()
    logo_title = _take_logo(lines, parts)
    title = _find_title(lines, logo_title)
    lines = _take_related(lines, parts)
    lines = _take_images(lines, parts)
    author = None
    kept: list[_Line] = []
    for line in lines:
        if title and _same(line.text, title):
            parts.removed["repeated title line"] += 1
        elif BOILERPLATE.match(line.text):
            parts.removed["page furniture line"] += 1
        else:
            kept.append(line)
    kept, author = _drop_header(kept, parts)
    body = _paragraphs(kept)
    publisher = parts.publishers.most_common(1)[0][0] if parts.publishers else None
    notes = [f"dropped {n} {what}{'s' if n > 1 else ''}" for what, n in parts.removed.items()]
    if not body:
        notes.append("no article text found")
    return Article(
        title=title,
        body=body,
        publisher=publisher,
        author=author,
        captions=tuple(dict.fromkeys(parts.captions)),
        related=tuple(parts.related),
        notes=tuple(notes),
        extractor=EXTRACTOR,
    )


def _lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines: list[_Line] = []
    block, previous_blank = 0, False
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and lines:
            block += 1
        previous_blank = False
        indent = len(raw) - len(raw.lstrip())
        lines.append(_Line(number, " ".join(stripped.split()), indent, block))
    return lines


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _take_logo(lines: list[_Line], parts: _Parts) -> str | None:
    """Remove a logo alt-text line near the top; return the headline it carries, if any."""
    for i, line in enumerate(lines[:5]):
        if LOGO.search(line.text) and len(line.text) <= 2 * MAX_TITLE_CHARS:
            del lines[i]
            parts.removed["logo line"] += 1
            rest = re.sub(r"^.*?\blogo\b(?:\s+of)?\s*", "", line.text, flags=re.I)
            name, _, headline = rest.rpartition(" - ")
            if not name:
                name, headline = rest, ""
            publisher = _publisher_from_logo(name)
            if publisher:
                parts.publishers[publisher] += (
                    2  # the logo names the site more surely than a credit
                )
            return headline.strip() or None
    return None


def _publisher_from_logo(name: str) -> str | None:
    """'Phnom Penh Post newspaper Phnom Penh Post' → 'Phnom Penh Post'."""
    words = name.split()
    for size in range(len(words) // 2, 0, -1):
        if words[:size] == words[-size:]:
            return " ".join(words[:size])
    cleaned = re.sub(
        r"\b(?:newspaper|magazine|website|news\s*site|homepage)\b", "", name, flags=re.I
    )
    cleaned = " ".join(cleaned.split())
    return cleaned or None


def _find_title(lines: list[_Line], logo_title: str | None) -> str | None:
    """The headline: the one the logo line carried, else the first short line that repeats,
    else the first line that reads as a headline rather than a sentence."""
    candidates = [ln.text for ln in lines[:12] if _title_shaped(ln.text)]
    if logo_title:
        for text in candidates:
            if _same(text, logo_title):
                return text
    counts = Counter(t.casefold() for t in (ln.text for ln in lines))
    for text in candidates:
        if counts[text.casefold()] > 1:
            return text
    headline_like = [t for t in candidates if not SENTENCE_END.search(t) and not BYLINE.match(t)]
    for text in headline_like:
        if len(text.split()) >= MIN_TITLE_WORDS:
            return text  # section names ("World News") are shorter than headlines
    return headline_like[0] if headline_like else logo_title


def _title_shaped(text: str) -> bool:
    return (
        2 <= len(text.split()) <= 30
        and len(text) <= MAX_TITLE_CHARS
        and not IMAGE_MARKER.match(text)
        and not BOILERPLATE.match(text)
        and not BULLET.match(text)
    )


def _take_images(lines: list[_Line], parts: _Parts) -> list[_Line]:
    """Remove image markers; the lines of the marker's block that follow it are its caption."""
    kept: list[_Line] = []
    caption_block: int | None = None
    for line in lines:
        marker = IMAGE_MARKER.match(line.text)
        if marker:
            parts.removed["image marker"] += 1
            if marker.group("credit"):
                parts.publishers[marker.group("credit").strip()] += 1
            caption_block = line.block
            continue
        if caption_block is not None and line.block == caption_block:
            parts.captions.append(line.text)
            parts.removed["caption line"] += 1
            continue
        caption_block = None
        kept.append(line)
    return kept


def _take_related(lines: list[_Line], parts: _Parts) -> list[_Line]:
    """Cut the teasers for other stories off the end: a trailing run of bulleted headlines
    (each with an optional blurb), or everything after a "Related stories"-style heading."""
    for i, line in enumerate(lines):
        if RELATED_HEADING.match(line.text) and i > 0:
            tail = lines[i + 1 :]
            parts.related.extend(
                RelatedItem(title=t.text) for t in tail if not BULLET.match(t.text)
            )
            parts.related.extend(
                RelatedItem(title=m.group("title")) for t in tail if (m := BULLET.match(t.text))
            )
            parts.removed["related-story line"] += len(tail) + 1
            return lines[:i]
    start = _teaser_start(lines)
    if start is None:
        return lines
    items: list[RelatedItem] = []
    current_title: str | None = None
    blurb: list[str] = []
    for line in lines[start:]:
        bullet = BULLET.match(line.text) if line.text else None
        if bullet:
            if current_title is not None:
                items.append(RelatedItem(title=current_title, text=" ".join(blurb)))
            current_title, blurb = bullet.group("title"), []
        else:
            blurb.append(line.text)
    if current_title is not None:
        items.append(RelatedItem(title=current_title, text=" ".join(blurb)))
    parts.related.extend(items)
    parts.removed["related-story teaser"] += len(items)
    return lines[:start]


def _teaser_start(lines: list[_Line]) -> int | None:
    """Index of the first bullet of a trailing teaser run, or None.

    From the end of the page back, a run is a sequence of bulleted headlines, each followed by
    at most one blurb line. It counts as teasers when it has at least MIN_TEASERS bullets and
    either every bullet carries a blurb or the run stands apart from the body after two or
    more blank lines. A bulleted list inside the body is followed by more paragraphs, so it is
    never trailing; one that ends the article has neither blurbs nor the wide gap.
    """
    start = None
    i = len(lines) - 1
    while i >= 0:
        if BULLET.match(lines[i].text):
            start, i = i, i - 1
        elif i > 0 and BULLET.match(lines[i - 1].text):
            i -= 2  # a blurb and its bullet
            start = i + 1
        else:
            break
    if start is None or start == 0:
        return None
    run = lines[start:]
    bullets = [n for n, ln in enumerate(run) if BULLET.match(ln.text)]
    if len(bullets) < MIN_TEASERS:
        return None
    every_bullet_has_blurb = all(
        n + 1 < len(run) and not BULLET.match(run[n + 1].text) for n in bullets
    )
    set_apart = run[0].number - lines[start - 1].number > 2
    return start if every_bullet_has_blurb or set_apart else None


def _drop_header(lines: list[_Line], parts: _Parts) -> tuple[list[_Line], str | None]:
    """Short unpunctuated lines before the first real paragraph are page header (section
    names, datelines); a "By Name" line among them is the author."""
    author = None
    for i, line in enumerate(lines):
        if _is_paragraph(line.text):
            for header in lines[:i]:
                byline = BYLINE.match(header.text)
                if byline and author is None:
                    author = byline.group("name")
            if i:
                parts.removed["header line"] += i
            return lines[i:], author
    return lines, author


def _is_paragraph(text: str) -> bool:
    return len(text.split()) > MAX_HEADER_WORDS or bool(SENTENCE_END.search(text))


def _paragraphs(lines: list[_Line]) -> str:
    """Join kept lines into paragraphs: a block of hard-wrapped lines is one paragraph; in
    any other block each line is a paragraph of its own."""
    paragraphs: list[str] = []
    by_block: dict[int, list[_Line]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    for block_lines in by_block.values():
        wrapped = (
            len(block_lines) > 1
            and all(len(ln.text) < WRAPPED_LINE_CHARS for ln in block_lines)
            and not any(BULLET.match(ln.text) for ln in block_lines)
        )
        if wrapped:
            paragraphs.append(" ".join(ln.text for ln in block_lines))
        else:
            paragraphs.extend(ln.text for ln in block_lines)
    return "\n\n".join(paragraphs)
