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
from typing import Any

import ahocorasick

from tieline.actors.kb import MANUAL, Entry, EntryKind

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
# Kinds of entry that are names: a name written with capitals ("New Flower", a name of Addis
# Ababa; "City of Light") is not found in text that writes it all in lower case ("a new
# flower"). Agents are common nouns ("prime minister"); the names of public bodies of several
# words are written either way ("the defence ministry"), their one-word names only capitalised
# ("Isis", not "the goddess isis"), and so are the names of armed groups and firms, proper names
# however long ("Red Line", not "a red line"; "Force Protection", not "force protection"),
# except those of the hand-kept tables, which papers write in lower case too ("the Kurdish
# people's protection units").
NAME_KINDS = frozenset(
    {
        EntryKind.COUNTRY,
        EntryKind.DEMONYM,
        EntryKind.CAPITAL,
        EntryKind.CITY,
        EntryKind.PERSON,
    }
)
BODY_KINDS = frozenset(
    {EntryKind.IGO, EntryKind.INSTITUTION, EntryKind.COMPANY, EntryKind.ARMED_GROUP}
)
PROPER_KINDS = frozenset({EntryKind.COMPANY, EntryKind.ARMED_GROUP})
_NON_WORD = re.compile(r"[^\w]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


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
    folded = text.lower()
    if len(folded) != len(text):  # a character whose lower case is longer ("İ")
        return "".join(_fold_char(c) for c in text.translate(_FOLD))
    if folded.isascii():
        return folded
    return _NON_ASCII.sub(lambda m: _fold_char(m.group()), folded)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    char = char.translate(_FOLD)
    lowered = char.lower()
    if len(lowered) != 1:
        return char
    base = "".join(
        c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
    )
    return base if len(base) == 1 else lowered


class Gazetteer:
    """All phrases of a knowledge base, ready to be found in any text.

    Phrases and texts are matched in a "word form": folded (see `fold`), with every character
    that is not a word character turned into a space, and each phrase padded with a space on
    both sides. A hit therefore always starts and ends at word boundaries, decided inside the
    automaton rather than checked in Python, and offsets in the word form are offsets in the
    text.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        by_phrase: dict[str, list[Entry]] = {}
        for entry in entries:
            for variant in _variants(entry.phrase):
                key = _word_form(fold(variant)).strip()
                if key:
                    by_phrase.setdefault(f" {key} ", []).append(entry)
        self._automaton = ahocorasick.Automaton()
        for key, found in by_phrase.items():
            cased = any(e.case_sensitive for e in found)
            # What the phrase names when the text writes it all in lower case, if that differs.
            common = tuple(e for e in found if not _capitalised_name(e))
            lower = common if len(common) < len(found) else None
            self._automaton.add_word(key, (len(key), tuple(found), cased, lower))
        self._automaton.make_automaton()
        self.size = len(by_phrase)

    def find(self, text: str, *, overlapping: bool = False) -> list[Hit]:
        """Hits in `text`, in order. Overlaps are resolved leftmost-longest unless
        `overlapping` asks for every hit ("Palestinian" inside "Palestinian Islamic Jihad")."""
        padded = f" {_word_form(fold(text))} "
        # A key of length L ending at padded index `last` puts its phrase at text offsets
        # [last - L + 1, last - 1): the padded text has one extra space in front.
        found = sorted(
            ((last - value[0] + 1, value) for last, value in self._automaton.iter(padded)),
            key=lambda item: (item[0], -item[1][0]),
        )
        hits: list[Hit] = []
        reach = -1
        for start, (length, entries, cased, lower) in found:
            if start < reach and not overlapping:
                continue
            end = start + length - 2
            if not overlapping and _gives_way(text, start, end, found):
                continue
            written = text[start:end]
            if lower is not None and written.islower():
                entries = lower
            if cased:
                entries = tuple(
                    e for e in entries if not e.case_sensitive or _same_case(e.phrase, written)
                )
            if not entries:
                continue
            hits.append(Hit(start, end, written, entries))
            reach = end
        return hits


def _gives_way(text: str, start: int, end: int, found: list[tuple[int, Any]]) -> bool:
    """Whether a phrase opening with "former " gives way to a longer one starting at its next
    word ("former Secretary" in "former Secretary of State Hillary Clinton", where the resolver
    reads "former" with the office)."""
    if text[start : start + 7].lower() != "former ":
        return False
    return any(at == start + 7 and at + value[0] - 2 > end for at, value in found)


def _capitalised_name(entry: Entry) -> bool:
    """Whether the entry is a name that text writes in lower case only as another word."""
    if entry.phrase.islower():
        return False
    if entry.kind in NAME_KINDS or (entry.kind in PROPER_KINDS and entry.source != MANUAL):
        return True
    return entry.kind in BODY_KINDS and " " not in entry.phrase


# An initial's full stop, which British papers leave out: "George W Bush", "Mary J Blige".
_INITIAL_STOP = re.compile(r"(?:(?<=^)|(?<= ))([A-Z])\.(?= )")
# "Saint" in a name, which papers also write "St" or "St.": "St. Lucia", "Saint Kitts".
_SAINT = re.compile(r"(?:(?<=^)|(?<= ))(?:Saint|St\.?)(?= [A-Z])")


def _variants(phrase: str) -> set[str]:
    variants = {phrase, _INITIAL_STOP.sub(r"\1", phrase)}
    if _SAINT.search(phrase):
        variants |= {_SAINT.sub(saint, phrase) for saint in ("Saint", "St", "St.")}
    lowered = phrase.lower()
    for british, american in _SPELLINGS:
        for a, b in ((british, american), (american, british)):
            if a in lowered and b not in lowered:
                variants.add(re.sub(a, b, phrase, flags=re.I))
    return variants


def _word_form(text: str) -> str:
    """Every character that is not a word character becomes a space (length unchanged)."""
    return _NON_WORD.sub(" ", text)


@functools.lru_cache(maxsize=65536)
def _same_case(phrase: str, written: str) -> bool:
    """Whether the text writes a case-sensitive phrase with its case ("US", not "us"),
    comparing word characters only: "U.S" in the text matches the phrase "U.S."."""
    seen = _word_form(written.translate(_FOLD)).split()
    return any(_word_form(v.translate(_FOLD)).split() == seen for v in _variants(phrase))
