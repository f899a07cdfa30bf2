"""A web page to an `Article`: metadata, main text, and what is kept apart from it.

The page is parsed once. Metadata, caption texts, related-story links and every link's text
are read from the full tree; then hidden elements are pruned and the body is extracted (see
`body.py`), using the link and caption texts to tell teasers and captions from paragraphs.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.etree import ParserError, XPath
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from tieline.extract.body import PageClues, extract_body, normalise, word_count
from tieline.extract.language import choose_language, declared_language
from tieline.extract.metadata import PageMetadata, read_metadata
from tieline.models import Article, RelatedItem

EXTRACTOR = "html.v1"

MAX_CAPTION_CHARS = 600  # a longer "caption" is a whole box of text, not an image's caption
MIN_RELATED_WORDS = 3  # a link text shorter than this is navigation ("More", "Next"), not a story
MAX_RELATED_ITEMS = 30  # a page listing more is a section front; the first ones are enough

# Elements whose own class or id names them as image captions.
CAPTIONS = XPath(
    "//figcaption | //*[@itemprop='caption'] | //*[contains(translate(@class, 'CAPTION', "
    "'caption'), 'caption')][not(.//figcaption)][not(.//img)]"
)
# Containers of links to other stories, by their class or id words.
RELATED_CONTAINER = re.compile(
    r"\b(?:related|recommended|recommendations|more[\s_-]?(?:stories|news|articles|from)"
    r"|read[\s_-]?(?:more|next|also)|also[\s_-]?read|you[\s_-]?may[\s_-]?like|most[\s_-]?(?:read|popular)"
    r"|trending|outbrain|taboola)\b",
    re.I,
)
# Headings that introduce a list of other stories.
RELATED_HEADING = re.compile(
    r"^(?:related(?: stories| articles| news| posts| content| coverage| reading)?|read more"
    r"|more (?:stories|news|on this story|from .{1,40})|you (?:may|might) also like|recommended"
    r"(?: for you| stories)?|most (?:read|popular|viewed)|trending(?: now)?|also read"
    r"|further reading|see also)\s*:?$",
    re.I,
)
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
        "tooltip",
        "rollover",
        "popover",
        "hovercard",
    }
)
POPUP_STEMS = ("tooltip", "rollover", "popover", "hovercard")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CLASS_WORD = re.compile(r"[\w-]+")
_RELATED_PREFIX = re.compile(
    r"^(?:related|see more|read more|see also|read also|more|also|watch|listen)\s*[:|-]\s*",
    re.I,
)


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    absolute = urljoin(base, href) if base else href
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def find_captions(tree: HtmlElement) -> tuple[str, ...]:
    """Image caption texts, whitespace-normalised and deduplicated, in page order."""
    found: dict[str, None] = {}
    for element in CAPTIONS(tree):
        text = _text(element)
        if 3 <= len(text) <= MAX_CAPTION_CHARS:
            found.setdefault(text)
    # drop captions that are part of a longer one (a figcaption inside a caption div)
    texts = list(found)
    return tuple(t for t in texts if not any(t != o and t in o for o in texts))


def _related_from(container: HtmlElement, base: str | None, seen: dict[str, RelatedItem]) -> None:
    for anchor in container.iter("a"):
        title = _text(anchor)
        url = _absolute(anchor.get("href"), base)
        if word_count(title) >= MIN_RELATED_WORDS and url and title.casefold() not in seen:
            seen[title.casefold()] = RelatedItem(title=title, url=url)


def find_related(tree: HtmlElement, base: str | None) -> dict[str, RelatedItem]:
    """Links to other stories from related/recommended boxes, keyed by case-folded title."""
    seen: dict[str, RelatedItem] = {}
    for element in tree.iter("div", "section", "aside", "ul", "ol", "nav"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if RELATED_CONTAINER.search(names) and not element.xpath("ancestor::*[self::article]/p"):
            _related_from(element, base, seen)
    for heading in tree.iter("h2", "h3", "h4", "h5", "strong", "span"):
        if len(seen) >= MAX_RELATED_ITEMS:
            break
        if not RELATED_HEADING.match(_text(heading)):
            continue
        following = heading.getnext()
        if following is None and heading.getparent() is not None:
            following = heading.getparent().getnext()
        if following is not None:
            _related_from(following, base, seen)
    return dict(list(seen.items())[:MAX_RELATED_ITEMS])


def _link_targets(tree: HtmlElement) -> dict[str, str]:
    links: dict[str, str] = {}
    for anchor in tree.iter("a"):
        text = normalise(anchor.text_content())
        if text and text not in links:
            links[text] = anchor.get("href") or ""
    return links


def _clues(tree: HtmlElement, metadata: PageMetadata, captions: tuple[str, ...]) -> PageClues:
    headlines = [*metadata.headlines, metadata.title or ""]
    return PageClues(
        title=metadata.title,
        headlines=frozenset(normalise(h) for h in headlines if h),
        descriptions=frozenset(normalise(d) for d in (metadata.description,) if d),
        link_targets=_link_targets(tree),
        captions=frozenset(normalise(c) for c in captions),
    )


def _is_hidden(element: HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = element.get("class")
    if classes:
        words = _CLASS_WORD.findall(classes.lower())
        return any(
            w in HIDDEN_CLASSES or w.startswith(POPUP_STEMS) or w.endswith(POPUP_STEMS)
            for w in words
        )
    return False


def prune_hidden(tree: HtmlElement) -> None:
    """Remove what a reader never sees (keeping the text that follows it)."""
    body = tree.find("body")
    if body is None:
        return
    doomed = [e for e in body.iter() if isinstance(e.tag, str) and _is_hidden(e)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _parse(html: str) -> HtmlElement | None:
    if not html or not html.strip():
        return None
    try:
        return load_html(html)
    except (ParserError, ValueError, TypeError):
        return None


def extract_html(html: str, url: str | None = None) -> Article:
    """Read one web page; never raises on odd input (an empty body and a note instead)."""
    tree = _parse(html)
    if tree is None:
        return Article(
            title=None, body="", url=url, notes=("not an HTML page",), extractor=EXTRACTOR
        )
    metadata = read_metadata(tree, url)
    base = metadata.canonical_url or url
    captions = find_captions(tree)
    related = find_related(tree, base)
    clues = _clues(tree, metadata, captions)
    declared = declared_language(tree)
    prune_hidden(tree)
    body = extract_body(tree, url, clues)
    notes = list(body.notes)
    text = body.text
    if not text and metadata.article_body:
        text = "\n\n".join(p.strip() for p in metadata.article_body.splitlines() if p.strip())
        notes.append("body taken from the page's JSON-LD articleBody")
    for item in body.related:
        title = _RELATED_PREFIX.sub("", item.title)
        url_found = _absolute(item.url, base)
        related.setdefault(title.casefold(), RelatedItem(title=title, url=url_found))
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
        related=tuple(related.values()),
        notes=tuple(notes),
        extractor=EXTRACTOR,
    )
