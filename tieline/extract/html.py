"""A web page to an `Article`: metadata, main text, and what is kept apart from it.

The page is parsed once. Metadata, caption texts, related-story links and every link's text
are read from the full tree; then hidden elements are pruned and the body is extracted (see
`body.py`), using the link and caption texts to tell teasers and captions from paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice

from lxml.etree import ParserError
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from tieline.extract.body import Body, PageClues, extract_body, normalise, word_count
from tieline.extract.language import choose_language, declared_language
from tieline.extract.metadata import PageMetadata, absolute_url, read_metadata
from tieline.extract.patterns import RELATED_HEADING
from tieline.models import Article, RelatedItem

EXTRACTOR = "html.v1"

SHORT_BODY_CHARS = 300  # a body shorter than this after extraction...
LD_BODY_RATIO = 2.0  # ...gives way to a JSON-LD articleBody at least this many times longer
MAX_CAPTION_CHARS = 600  # a longer "caption" is a whole box of text, not an image's caption
MIN_RELATED_WORDS = 3  # a link text shorter than this is navigation ("More", "Next"), not a story
MAX_RELATED_ITEMS = 30  # a page listing more is a section front; the first ones are enough

# Class/id substrings worth a closer look; one cheap search per element during the page scan.
_SCAN_WORDS = re.compile(
    r"hidden|sr-only|screen-reader|tooltip|rollover|popover|hovercard|caption|relat|recommend"
    r"|more|read|popular|trending|outbrain|taboola|like"
)
CAPTION_CLASS = re.compile(r"caption", re.I)
# Containers of links to other stories, by their class or id words.
RELATED_CONTAINER = re.compile(
    r"\b(?:related|recommended|recommendations|more[\s_-]?(?:stories|news|articles|from)"
    r"|read[\s_-]?(?:more|next|also)|also[\s_-]?read|you[\s_-]?may[\s_-]?like"
    r"|most[\s_-]?(?:read|popular)|trending|outbrain|taboola)\b",
    re.I,
)
RELATED_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "nav"})
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b"})
PROSE_WORDS = 30  # a paragraph this long is prose...
PROSE_PARAGRAPHS = 3  # ...and a container with this many is an article, not a teaser box
MAX_LABEL_CHARS = 40  # a related-stories heading is a short label
# Elements a reader never sees: hidden by attribute or inline style, screen-reader-only text,
# and hover cards or tooltips that pop up over a link. Whole class words only: Bootstrap's
# "hidden-xs" hides on phones and shows on desktops.
HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "element-hidden",
        "is-hidden",
        "visually-hidden",
        "visuallyhidden",
        "sr-only",
        "screen-reader-text",
        "screen-reader-only",
    }
)
MAX_HIDDEN_SHARE = 0.3  # a hidden element with more of the page's text than this is kept
POPUP_STEMS = ("tooltip", "rollover", "popover", "hovercard")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CLASS_WORD = re.compile(r"[\w-]+")


@dataclass
class _Scan:
    """Elements of interest, collected in one pass over the page."""

    anchors: list[HtmlElement] = field(default_factory=list)
    captions: list[HtmlElement] = field(default_factory=list)
    related_boxes: list[HtmlElement] = field(default_factory=list)
    labels: list[HtmlElement] = field(default_factory=list)  # short headings: "Related", ...
    hidden: list[HtmlElement] = field(default_factory=list)


def _is_hidden(element: HtmlElement, classes: str) -> bool:
    attributes = element.attrib
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if classes:
        words = _CLASS_WORD.findall(classes.lower())
        return any(
            w in HIDDEN_CLASSES or w.startswith(POPUP_STEMS) or w.endswith(POPUP_STEMS)
            for w in words
        )
    return False


def _has_image_near(element: HtmlElement) -> bool:
    """A figure around it, or an image within its parent or grandparent."""
    parent = element.getparent()
    for level in (parent, parent.getparent() if parent is not None else None):
        if level is not None and (
            level.tag in ("figure", "picture") or level.find(".//img") is not None
        ):
            return True
    return False


def _scan(tree: HtmlElement) -> _Scan:
    found = _Scan()
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions
        if tag == "a":
            found.anchors.append(element)
        elif tag == "figcaption":
            found.captions.append(element)
        elif tag in HEADING_TAGS and element.text and len(element.text) <= MAX_LABEL_CHARS:
            found.labels.append(element)
        attributes = element.attrib
        if not attributes:
            continue
        classes = attributes.get("class", "")
        names = f"{classes} {attributes.get('id', '')}"
        if (
            "hidden" in attributes
            or "aria-hidden" in attributes
            or "style" in attributes
            or (_SCAN_WORDS.search(names.lower()))
        ):
            if _is_hidden(element, classes):
                found.hidden.append(element)
            elif tag != "figcaption" and CAPTION_CLASS.search(classes):
                if tag != "figure" and element.find(".//img") is None and _has_image_near(element):
                    found.captions.append(element)
            elif tag in RELATED_TAGS and RELATED_CONTAINER.search(names):
                found.related_boxes.append(element)
    return found


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def find_captions(scan: _Scan) -> tuple[str, ...]:
    """Image caption texts, whitespace-normalised and deduplicated, in page order."""
    found: dict[str, None] = {}
    for element in scan.captions:
        text = _text(element)
        if 3 <= len(text) <= MAX_CAPTION_CHARS:
            found.setdefault(text)
    # drop captions that are part of a longer one (a figcaption inside a caption div)
    texts = list(found)
    return tuple(t for t in texts if not any(t != o and t in o for o in texts))


def _related_from(container: HtmlElement, base: str | None, seen: dict[str, RelatedItem]) -> None:
    for anchor in container.iter("a"):
        title = _text(anchor)
        url = absolute_url(anchor.get("href"), base)
        if word_count(title) >= MIN_RELATED_WORDS and url and title.casefold() not in seen:
            seen[title.casefold()] = RelatedItem(title=title, url=url)


def _is_story_text(container: HtmlElement) -> bool:
    """The container holds paragraphs of prose: an article, not a box of links."""
    prose = (p for p in container.iter("p") if word_count(_text(p)) >= PROSE_WORDS)
    return len(list(islice(prose, PROSE_PARAGRAPHS))) >= PROSE_PARAGRAPHS


def find_related(scan: _Scan, base: str | None) -> dict[str, RelatedItem]:
    """Links to other stories from related/recommended boxes, keyed by case-folded title."""
    seen: dict[str, RelatedItem] = {}
    for element in scan.related_boxes:
        if not _is_story_text(element):
            _related_from(element, base, seen)
    for label in scan.labels:
        if not RELATED_HEADING.match(" ".join((label.text or "").split())):
            continue
        following = label.getnext()
        parent = label.getparent()
        if following is None and parent is not None:
            following = parent.getnext()
        if following is not None and not _is_story_text(following):
            _related_from(following, base, seen)
    return dict(list(seen.items())[:MAX_RELATED_ITEMS])


def _link_targets(scan: _Scan) -> dict[str, str]:
    links: dict[str, str] = {}
    for anchor in scan.anchors:
        text = normalise(anchor.text_content())
        if text and text not in links:
            links[text] = anchor.get("href") or ""
    return links


def _clues(
    scan: _Scan,
    metadata: PageMetadata,
    captions: tuple[str, ...],
    related: dict[str, RelatedItem],
) -> PageClues:
    headlines = [*metadata.headlines, metadata.title or ""]
    return PageClues(
        headlines=frozenset(normalise(h) for h in headlines if h),
        descriptions=frozenset(normalise(d) for d in (metadata.description,) if d),
        link_targets=_link_targets(scan),
        captions=frozenset(normalise(c) for c in captions),
        related=frozenset(normalise(item.title) for item in related.values()),
    )


def prune_hidden(tree: HtmlElement, scan: _Scan) -> None:
    """Remove what a reader never sees (keeping the text that follows it).

    A "hidden" element holding most of the page is not pruned: saved pages often carry the
    state a script left (a wrapper hidden behind a modal, a gallery shown one slide at a time).
    """
    if not scan.hidden:
        return
    page_chars = len(tree.text_content())
    for element in scan.hidden:
        if element.tag in ("html", "body") or element.getparent() is None:
            continue
        if len(element.text_content()) > MAX_HIDDEN_SHARE * page_chars:
            continue
        element.drop_tree()


def _parse(html: str) -> HtmlElement | None:
    if not html or not html.strip():
        return None
    try:
        return load_html(html)
    except (ParserError, ValueError, TypeError):
        return None


def _failure(stage: str, error: Exception) -> str:
    return f"{stage} failed: {type(error).__name__}: {error}"[:200]


def extract_html(html: str, url: str | None = None) -> Article:
    """Read one web page; never raises on odd input (an empty body and a note instead).

    Each stage is guarded: a page that trips one (metadata, page furniture, body) still gets
    the others, with a note naming what failed.
    """
    tree = _parse(html)
    if tree is None:
        return Article(
            title=None, body="", url=url, notes=("not an HTML page",), extractor=EXTRACTOR
        )
    notes: list[str] = []
    try:
        metadata = read_metadata(tree, url)
    except Exception as error:  # a bug on an odd page must not stop a batch
        metadata = PageMetadata()
        notes.append(_failure("metadata", error))
    base = metadata.canonical_url or url
    try:
        declared = declared_language(tree)
        scan = _scan(tree)
        captions = find_captions(scan)
        related = find_related(scan, base)
        clues = _clues(scan, metadata, captions, related)
        prune_hidden(tree, scan)
    except Exception as error:
        declared, captions, related, clues = None, (), {}, PageClues()
        notes.append(_failure("captions and related links", error))
    try:
        body = extract_body(tree, url, clues)
    except Exception as error:
        body = Body("", notes=(_failure("body extraction", error),))
    notes.extend(body.notes)
    text = body.text
    ld_body = metadata.article_body or ""
    if len(text) < SHORT_BODY_CHARS and len(ld_body) >= LD_BODY_RATIO * max(len(text), 1):
        text = "\n\n".join(p.strip() for p in ld_body.splitlines() if p.strip())
        notes.append("body taken from the page's JSON-LD articleBody: the page text gave little")
    for item in body.related:
        related.setdefault(item.title.casefold(), replace(item, url=absolute_url(item.url, base)))
    if metadata.date_source == "htmldate":
        notes.append("publication date found by htmldate: the page's metadata gives none")
    language, language_note = choose_language(declared, text)
    if language_note:
        notes.append(language_note)
    return Article(
        title=metadata.title,
        body=text,
        publisher=metadata.publisher,
        url=url,
        canonical_url=metadata.canonical_url,
        published=metadata.published,
        published_source="page" if metadata.published else None,
        author=metadata.author,
        language=language,
        captions=captions,
        related=tuple(related.values())[:MAX_RELATED_ITEMS],
        notes=tuple(notes),
        extractor=EXTRACTOR,
    )
