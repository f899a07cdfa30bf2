"""The main text of a page: trafilatura's extraction, cleaned by block rules.

trafilatura in precision mode (comments off) gives the candidate body; when it finds little, its
balanced mode, which falls back on readability and justext, gives a second opinion. The body is
then cut into blocks (paragraphs, headings, list items) and each block passes through rules
that remove what news pages wrap around an article and trafilatura lets through: title and
standfirst repeats, datelines, image captions, teaser links and lists of them, share, follow,
newsletter and subscription lines, credits and copyright lines, and headings left without a
section. Teasers removed from the body are returned as related items.

The rules are general (no site names or selectors). They were calibrated on the even half of
the Scrapinghub article-extraction benchmark and checked on trafilatura's English evaluation
set; `benchmarks/extraction_tuning.py` reproduces the figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from tieline.models import RelatedItem

WORD = re.compile(r"\w+")
_LIST_MARKER = re.compile(r"^(?:[-*•]|\d+\.)\s+")


def normalise(text: str) -> str:
    """Whitespace-collapsed, case-folded text, used to compare blocks across trees."""
    return " ".join(text.split()).casefold()


def word_count(text: str) -> int:
    return len(WORD.findall(text))


@dataclass(frozen=True)
class PageClues:
    """What the raw page tells the body rules: its titles, link texts and caption texts."""

    headlines: frozenset[str] = frozenset()  # normalised title variants
    descriptions: frozenset[str] = frozenset()  # normalised standfirst / meta descriptions
    link_targets: dict[str, str] = field(default_factory=dict)  # normalised anchor text -> href
    captions: frozenset[str] = frozenset()  # normalised caption texts
    related: frozenset[str] = frozenset()  # normalised titles of related-story links


@dataclass
class Block:
    """One paragraph-level unit of trafilatura's output."""

    kind: str  # trafilatura's tag: p, head, item, quote, table, code, ...
    text: str
    key: str = ""  # normalised text, for comparisons

    def __post_init__(self) -> None:
        self.key = normalise(self.text)


@dataclass(frozen=True)
class Body:
    """The kept blocks joined by blank lines, the teasers found among them, and notes."""

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
    for child in body:
        if child.tag == "list":
            for item in child:
                text = _LIST_MARKER.sub("", _render(item))
                if text:
                    blocks.append(Block("item", text))
            continue
        text = _render(child)
        if text:
            blocks.append(Block(str(child.tag), text))
    return blocks


def _run(tree: HtmlElement, url: str | None, favor_precision: bool = False) -> list[Block]:
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=favor_precision,
            include_comments=False,
            with_metadata=False,
        )
    except Exception:  # trafilatura raises on some broken trees; an empty run is the answer
        return []
    if document is None or isinstance(document, dict):
        return []
    return blocks_of(document.body)


# ---------------------------------------------------------------------------------------------
# Block rules. Each returns a reason when a block is not article text, None when it may stay.
# Thresholds were set on the even half of the Scrapinghub benchmark: each rule removes
# (nearly) no gold text there; benchmarks/extraction_tuning.py reports the effect.

LEAD_WINDOW = 3  # title, standfirst and dateline repeats are looked for among the first blocks
TAIL_WINDOW = 3  # the last blocks, where longer boilerplate (subscription pitches) is trusted
HEADLINE_OVERLAP = 0.8  # share of a block's words found in one headline for it to be a repeat
MIN_RELATED_WORDS = 3  # a teaser title shorter than this is a label ("More", "Video")
TEASER_MIN_WORDS = 4  # a link-only block this long is a teaser; shorter ones are names, bylines
SHORT_BLOCK_WORDS = 30  # boilerplate phrases are only trusted in blocks this short...
TAIL_BLOCK_WORDS = 60  # ...or this short among the last blocks
DATELINE_MAX_WORDS = 12  # "Tuesday, 19 November 2019 at 20:13" and "5:45 AM PST 11/19/2019 by X"
DATELINE_NUMBER_SHARE = 0.3  # share of a dateline's tokens that are numbers
CAPTION_MIN_WORDS = 5  # a block starting with a caption this long is that caption (plus credit)

# Lines that introduce or are boilerplate, matched at the start of a short block (lower case).
BOILERPLATE_START = re.compile(
    r"^(?:related(?: stories| articles| coverage| content| reading| posts?)?\s*[:|]"
    r"|(?:see|read|watch|listen|find|discover) (?:more|also)\b|more\s*:|also\s*:"
    r"|(?:you|we think you) (?:may|might|will|would) (?:also )?(?:like|enjoy|be interested)"
    r"|don[’']t miss|most (?:read|popular|viewed|shared)\b|trending\b|recommended\b"
    r"|follow (?:us|him|her|them|@)|sign up\b|subscribe\b|get the latest\b"
    r"|click here\b|advertisement\b|sponsored\b|share (?:this|on)\b|filed under\b"
    r"|(?:tags?|categor(?:y|ies)|topics?)\s*:|source\s*:|additional reporting\b"
    r"|(?:last )?updated (?:at|on)?\s*\d|(?:release date|last modified|last updated)\s*:"
    r"|copyright\b|©|\(c\) \d{4}|all rights reserved|(?:photo|image|picture)s? ?(?:credit)?\s*:"
    r"|credit\s*:|(?:if you (?:enjoyed|liked|like) this)|have a (?:news )?tip\b"
    r"|\d+ min(?:ute)?s? read\b|reading time\b)"
)
BOILERPLATE_ANYWHERE = re.compile(
    r"(?:all rights reserved|newsletter|sign up (?:for|to)|subscribe (?:to|for|now)"
    r"|delivered to your inbox|in your inbox|©|click here|copyrighted"
    r"|follow (?:\S+ ){0,3}on (?:twitter|facebook|instagram|linkedin|youtube)"
    r"|download (?:\S+ ){0,3}apps?\b)"
)
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"^\d+$")


def _words(text: str) -> set[str]:
    return set(WORD.findall(text))


def _is_headline(block: Block, clues: PageClues) -> bool:
    """The block repeats the title (or, for a heading, the standfirst the page describes)."""
    candidates = clues.headlines | clues.descriptions if block.kind == "head" else clues.headlines
    if block.key in candidates:
        return True
    words = _words(block.key)
    if not words:
        return False
    for headline in candidates:
        theirs = _words(headline)
        shared = len(words & theirs)
        if shared >= HEADLINE_OVERLAP * len(words) and shared >= HEADLINE_OVERLAP * len(theirs):
            return True
    return False


def _is_caption(block: Block, clues: PageClues) -> bool:
    if block.key in clues.captions:
        return True
    return any(
        word_count(caption) >= CAPTION_MIN_WORDS and block.key.startswith(caption)
        for caption in clues.captions
    )


def _is_link_line(line: str, clues: PageClues) -> bool:
    """The line is a link's text, give or take a bracketed tag and separators around it."""
    unbracketed = _BRACKETED.sub("", line).strip(" |•·-–—")
    candidates = (line, unbracketed, _EDGE_PUNCTUATION.sub("", unbracketed))
    return any(c and c in clues.link_targets for c in candidates)


def _is_link_list(block: Block, clues: PageClues) -> bool:
    """A block that is only a run of links, one per line ("Story one [VIDEO] | Story two")."""
    lines = [normalise(line) for line in block.text.split("\n") if line.strip()]
    return len(lines) >= 2 and all(_is_link_line(line, clues) for line in lines)


def _is_dateline(block: Block) -> bool:
    tokens = WORD.findall(block.key)
    if not tokens or len(tokens) > DATELINE_MAX_WORDS or not _YEAR.search(block.key):
        return False
    return sum(bool(_NUMBER.match(t)) for t in tokens) >= DATELINE_NUMBER_SHARE * len(tokens)


def _verdict(index: int, block: Block, count: int, clues: PageClues) -> str | None:
    words = word_count(block.key)
    lead, tail = index < LEAD_WINDOW, index >= count - TAIL_WINDOW
    if lead and block.kind in ("head", "p") and _is_headline(block, clues):
        return "headline"
    if _is_caption(block, clues):
        return "caption"
    if block.key in clues.related or (
        block.key in clues.link_targets and words >= TEASER_MIN_WORDS
    ):
        return "teaser"
    if _is_link_list(block, clues):
        return "teaser-list"
    limit = TAIL_BLOCK_WORDS if tail else SHORT_BLOCK_WORDS
    if words <= limit and BOILERPLATE_START.match(block.key):
        return "boilerplate"
    if words <= limit and BOILERPLATE_ANYWHERE.search(block.key):
        return "boilerplate-phrase"
    if lead and _is_dateline(block):
        return "dateline"
    return None


def judge(blocks: list[Block], clues: PageClues) -> list[str | None]:
    """One verdict per block: None to keep it, else why it goes ("teaser" ones become related)."""
    verdicts = [_verdict(i, block, len(blocks), clues) for i, block in enumerate(blocks)]
    # a heading whose section was removed entirely (or that ends the page) goes with it
    for index in range(len(blocks) - 1, -1, -1):
        if verdicts[index] is not None or blocks[index].kind != "head":
            continue
        section = []
        for following in range(index + 1, len(blocks)):
            if blocks[following].kind == "head" and verdicts[following] is None:
                break
            section.append(verdicts[following])
        reaches_end = index + 1 + len(section) == len(blocks)
        if all(section) and (section or reaches_end):
            verdicts[index] = "orphan-heading"
    return verdicts


SHORT_BODY_CHARS = 1500  # a precision run shorter than this may have missed the article...
FALLBACK_RATIO = 2.0  # ...and the balanced run replaces it when it is this many times longer


def _length(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


# "Related: Title", "SEE MORE: Title", "Read more: Title": a teaser behind a label.
RELATED_LINE = re.compile(
    r"^(?:related(?: stories| articles| coverage| content)?|see more|read more|see also|read also"
    r"|more|also|watch|listen)\s*[:|]\s*(?P<title>.+)$",
    re.I | re.S,
)


def _teasers(block: Block, verdict: str | None, clues: PageClues) -> list[RelatedItem]:
    """The related stories a removed block points to."""
    if verdict == "teaser":
        return [RelatedItem(block.text, url=clues.link_targets.get(block.key) or None)]
    if verdict == "teaser-list":
        lines = [" ".join(line.split()) for line in block.text.split("\n")]
        titles = [_EDGE_PUNCTUATION.sub("", _BRACKETED.sub("", line)).strip() for line in lines]
        return [
            RelatedItem(title, url=clues.link_targets.get(normalise(title)) or None)
            for title in titles
            if word_count(title) >= MIN_RELATED_WORDS
        ]
    match = RELATED_LINE.match(block.text) if verdict == "boilerplate" else None
    if match and word_count(match["title"]) >= MIN_RELATED_WORDS:
        title = " ".join(match["title"].split())
        return [RelatedItem(title, url=clues.link_targets.get(normalise(title)) or None)]
    return []


def candidate_blocks(tree: HtmlElement, url: str | None) -> tuple[list[Block], str | None]:
    """trafilatura's precision run, or its balanced run when precision found little."""
    precise = _run(tree, url, favor_precision=True)
    if _length(precise) < SHORT_BODY_CHARS:
        # precision mode sometimes settles on a fragment; the balanced run with its fallbacks
        # (readability, justext, recall escalation) is the second opinion
        balanced = _run(tree, url)
        if _length(balanced) >= FALLBACK_RATIO * _length(precise):
            return balanced, "precision extraction found little; balanced extraction used"
    return precise, None


def extract_body(tree: HtmlElement, url: str | None, clues: PageClues) -> Body:
    """The article's main text from a parsed page, with teasers found inside it set apart."""
    blocks, note = candidate_blocks(tree, url)
    notes = [note] if note else []
    verdicts = judge(blocks, clues)
    kept = [b for b, v in zip(blocks, verdicts, strict=True) if v is None]
    related = [
        item for b, v in zip(blocks, verdicts, strict=True) for item in _teasers(b, v, clues)
    ]
    removed = Counter(v for v in verdicts if v is not None)
    notes.extend(f"removed from body: {n} {reason} block(s)" for reason, n in removed.items())
    if not kept:
        notes.append("no main text found")
    return Body("\n\n".join(b.text for b in kept), tuple(related), tuple(notes))
