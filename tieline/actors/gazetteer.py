"""Find every knowledge-base phrase in a text at once: an Aho-Corasick automaton over a
lower-cased copy of the text, with word boundaries and case checked on each hit.

The automaton is built once per knowledge base and reused for every article. Overlapping hits
are resolved longest-first, so "Japan Maritime Self-Defence Force" wins over "Japan".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from tieline.actors.kb import Entry, EntryKind

# Characters folded so that one pattern matches both forms; each maps to one character, so
# offsets in the folded text are offsets in the original.
_FOLD = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "\u00a0": " "})
# British and American spellings of words common in institution names and titles.
_SPELLINGS = (
    ("defence", "defense"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("labour", "labor"),
    ("centre", "center"),
)
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str  # as written in the article
    entries: tuple[Entry, ...]  # every entry with this phrase (a phrase may name several things)

    @property
    def kinds(self) -> frozenset[EntryKind]:
        return frozenset(e.kind for e in self.entries)

    def first(self, *kinds: EntryKind) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None


def fold(text: str) -> str:
    """Lower-case, strip accents ("Saitō" → "saito") and fold quotes and dashes, without
    changing the length of the text."""
    folded = text.translate(_FOLD)
    if folded.isascii():
        return folded.lower()
    return "".join(_fold_char(c) for c in folded)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:
        return char
    base = "".join(
        c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
    )
    return base if len(base) == 1 else lowered


class Gazetteer:
    """All phrases of a knowledge base, ready to be found in any text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        by_phrase: dict[str, list[Entry]] = {}
        for entry in entries:
            for variant in _variants(entry.phrase):
                key = fold(variant)
                if key.strip():
                    by_phrase.setdefault(key, []).append(entry)
        self._automaton = ahocorasick.Automaton()
        for key, found in by_phrase.items():
            self._automaton.add_word(key, (len(key), tuple(found)))
        self._automaton.make_automaton()
        self.size = len(by_phrase)

    def find(self, text: str, *, overlapping: bool = False) -> list[Hit]:
        """Hits in `text`, in order. Overlaps are resolved longest-first unless `overlapping`
        asks for every hit ("Palestinian" inside "Palestinian Islamic Jihad")."""
        folded = fold(text)
        candidates: list[Hit] = []
        for last, (length, entries) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if _inside_word(folded, start, end):
                continue
            written = text[start:end]
            kept = tuple(
                e for e in entries if not e.case_sensitive or _same_case(e.phrase, written)
            )
            if kept:
                candidates.append(Hit(start, end, written, kept))
        if overlapping:
            return sorted(candidates, key=lambda h: (h.start, h.end))
        candidates.sort(key=lambda h: (h.start - h.end, h.start))
        taken: list[Hit] = []
        occupied: list[tuple[int, int]] = []
        for hit in candidates:
            if all(hit.end <= s or hit.start >= e for s, e in occupied):
                taken.append(hit)
                occupied.append((hit.start, hit.end))
        taken.sort(key=lambda h: h.start)
        return taken


def _variants(phrase: str) -> set[str]:
    variants = {phrase}
    lowered = phrase.lower()
    for british, american in _SPELLINGS:
        for a, b in ((british, american), (american, british)):
            if a in lowered and b not in lowered:
                variants.add(re.sub(a, b, phrase, flags=re.I))
    return variants


def _inside_word(text: str, start: int, end: int) -> bool:
    before = start > 0 and _WORD_CHAR.match(text[start - 1]) is not None
    after = end < len(text) and _WORD_CHAR.match(text[end]) is not None
    return before or after


def _same_case(phrase: str, written: str) -> bool:
    return phrase.translate(_FOLD) == written.translate(_FOLD) or any(
        v.translate(_FOLD) == written.translate(_FOLD) for v in _variants(phrase)
    )
