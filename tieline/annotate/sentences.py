"""A fast rule-based sentence splitter that keeps character offsets.

News text is well punctuated; the hard cases are abbreviations ("Lt. Gen.", "U.S.", "Jan."),
initials, decimal numbers and quotations that end after the full stop. Paragraph breaks always
end a sentence.
"""

from __future__ import annotations

import functools
import re

from tieline.models import Sentence

# Words that end with a full stop without ending a sentence (case-insensitive, without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt maj adm cmdr gov sen rep st mt no nos vol
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co bros vs etc approx
    dept univ est fig hon rev jr sr messrs pres supt insp u.s u.n u.k e.g i.e a.m p.m
    d.c ph.d sq ft km kg det cpl pvt amb brig lieut cpt""".split()
)
# A candidate end: terminal punctuation, closing quotes or brackets, then whitespace.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9]")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_PARAGRAPH = re.compile(r"\n\s*\n")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, in order, with offsets; whitespace between them is left out."""
    return list(_split(text))


@functools.lru_cache(maxsize=16)
def _split(text: str) -> tuple[Sentence, ...]:
    """The split itself, kept for the few texts last split: each stage of the pipeline splits
    the article it reads (Sentence is frozen, so the stages may share them)."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        cursor = p_start
        for match in _END.finditer(text, p_start, p_end):
            end = match.end()
            if not _NEXT_START.match(text, end, p_end) or _is_abbreviation(
                text, match.start(), match.group()
            ):
                continue
            spans.append((cursor, end))
            cursor = end
        spans.append((cursor, p_end))
    sentences: list[Sentence] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return tuple(sentences)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, cursor = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, len(text)))
    return bounds


def _is_abbreviation(text: str, dot: int, punctuation: str) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return False
    word = _LAST_WORD.search(text, max(0, dot - 20), dot + 1)
    if not word:
        return False
    token = word.group(1).lower()
    if token in ABBREVIATIONS:
        return True
    bare = token.replace(".", "")
    return len(bare) == 1 and bare.isalpha()  # an initial: "John F. Kennedy", "U.S."
