"""The main text of a page: trafilatura's extraction, completed and cleaned by block rules.

trafilatura in precision mode is the base. Its balanced-mode extraction is run beside it, and
blocks that only the balanced run found *between* two blocks both runs agree on are put back
(precision mode drops real paragraphs next to links or inline widgets). Then the blocks pass
through rules that remove what news pages wrap around an article: title repeats, captions,
share and newsletter lines, teaser lists, credits and copyright lines.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from tieline.models import RelatedItem

WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Whitespace-collapsed, case-folded text, used to compare blocks across trees."""
    return " ".join(text.split()).casefold()


def word_count(text: str) -> int:
    return len(WORD.findall(text))


@dataclass(frozen=True)
class PageClues:
    """What the raw page tells the body rules: its title, link texts and caption texts."""

    title: str | None = None
    headlines: frozenset[str] = frozenset()  # normalised title variants and the description
    link_targets: dict[str, str] = field(default_factory=dict)  # normalised anchor text -> href
    captions: frozenset[str] = frozenset()  # normalised caption texts


@dataclass
class Block:
    """One paragraph-level unit of trafilatura's output."""

    kind: str  # trafilatura's tag: p, head, item, quote, table, code, ...
    text: str
    group: int  # blocks cut from the same list share a group number
    key: str = ""

    def __post_init__(self) -> None:
        self.key = normalise(self.text)


@dataclass(frozen=True)
class Body:
    text: str
    related: tuple[RelatedItem, ...] = ()
    notes: tuple[str, ...] = ()


def _render(element: _Element) -> str:
    return (xmltotxt(element, False) or "").strip()


def blocks_of(body: _Element | None) -> list[Block]:
    """Split trafilatura's body into blocks; a list becomes one block per item."""
    if body is None:
        return []
    blocks: list[Block] = []
    for group, child in enumerate(body):
        if child.tag == "list":
            for item in child:
                text = _render(item)
                if text:
                    blocks.append(Block("item", text, group))
            continue
        text = _render(child)
        if text:
            blocks.append(Block(str(child.tag), text, group))
    return blocks


def _run(tree: HtmlElement, url: str | None, **options: bool) -> list[Block]:
    try:
        document = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, with_metadata=False, **options
        )
    except Exception:  # trafilatura raises on some broken trees; an empty run is the answer
        return []
    if document is None or isinstance(document, dict):
        return []
    return blocks_of(document.body)


COVERED_SHARE = 0.9  # a wider block replaces base blocks when it holds this share of their words


def _covers(wider: list[Block], base: list[Block]) -> bool:
    wide_words = set(WORD.findall(" ".join(b.key for b in wider)))
    base_words = WORD.findall(" ".join(b.key for b in base))
    if not base_words:
        return True
    return sum(w in wide_words for w in base_words) >= COVERED_SHARE * len(base_words)


def merge_inner(
    base: list[Block], wider: list[Block], admissible: Callable[[Block], bool]
) -> list[Block]:
    """Put back blocks that only `wider` has, where they sit between blocks both runs share.

    Where the runs disagree on a stretch, the wider run's version is taken when it holds the
    base run's words (precision mode sometimes cuts a sentence around an inline link).
    """
    if not base or not wider:
        return base
    matcher = difflib.SequenceMatcher(
        a=[b.key for b in base], b=[b.key for b in wider], autojunk=False
    )
    merged: list[Block] = []
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        inner = 0 < index < len(opcodes) - 1
        extra = [b for b in wider[j1:j2] if admissible(b)]
        if tag == "replace" and inner and _covers(extra, base[i1:i2]):
            merged.extend(extra)
            continue
        merged.extend(base[i1:i2])
        if tag == "insert" and inner:
            merged.extend(extra)
    return merged


def final_blocks(tree: HtmlElement, url: str | None, clues: PageClues) -> list[Block]:
    precise = _run(tree, url, favor_precision=True)
    wider = _run(tree, url, fast=True)
    blocks = merge_inner(precise, wider, lambda b: b.key not in clues.link_targets)
    return blocks or wider


def extract_body(tree: HtmlElement, url: str | None, clues: PageClues) -> Body:
    """The article's main text from a parsed page, with teasers found inside it set apart."""
    notes: list[str] = []
    blocks = final_blocks(tree, url, clues)
    if not blocks:
        notes.append("no main text found")
    return Body("\n\n".join(b.text for b in blocks), (), tuple(notes))


def texts(blocks: Iterable[Block]) -> list[str]:
    return [b.text for b in blocks]
