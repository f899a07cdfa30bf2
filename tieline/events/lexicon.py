"""The words that name events: `tieline/data/event_triggers.tsv`, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

TRIGGERS = "event_triggers.tsv"
# Endings added to a lemma to guess its written forms, so that sentences without any trigger
# word are never parsed.
_ENDINGS = ("", "s", "es", "ed", "d", "ing", "ings", "ied", "ies", "ment", "ments")


@dataclass(frozen=True)
class Trigger:
    lemma: str  # "sign", "pull out", "meeting"
    pos: str  # VERB or NOUN
    plover: str
    mode: str | None
    cameo: str | None
    needs: frozenset[str]  # one of these must stand in the trigger's object or complement
    symmetric: bool
    contexts: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.lemma}/{self.pos.lower()}"


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) → readings, in order
    forms: frozenset[str]  # lower-case word forms any trigger may take

    def get(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """The readings of a word, most specific first: the table lists a word's readings that
        need a particular object ("support the development" → AID) before its general one."""
        return self.triggers.get((lemma, pos), ())

    def mentions_any(self, words: set[str]) -> bool:
        return not self.forms.isdisjoint(words)


def load_lexicon() -> Lexicon:
    text = resources.files("tieline").joinpath("data", TRIGGERS).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    triggers: dict[tuple[str, str], tuple[Trigger, ...]] = {}
    forms: set[str] = set()
    for line in lines[1:]:
        cells = dict(zip(header, (c.strip() for c in line.split("\t")), strict=False))
        trigger = Trigger(
            lemma=cells["lemma"],
            pos=cells["pos"],
            plover=cells["plover"],
            mode=cells.get("mode") or None,
            cameo=cells.get("cameo") or None,
            needs=frozenset(w for w in cells.get("needs", "").split("|") if w),
            symmetric=cells.get("symmetric") == "1",
            contexts=tuple(c for c in cells.get("contexts", "").split(";") if c),
        )
        key = (trigger.lemma, trigger.pos)
        triggers[key] = (*triggers.get(key, ()), trigger)
        head = trigger.lemma.split()[0]
        stem = head[:-1] if head.endswith("e") else head
        forms.update(head + e for e in _ENDINGS)
        forms.update(stem + e for e in _ENDINGS)
        forms.update(_irregular(head))
    return Lexicon(triggers, frozenset(forms))


def _irregular(lemma: str) -> set[str]:
    """Past forms the endings miss: "met", "gave", "sought"..."""
    table = {
        "meet": {"met"}, "give": {"gave", "given"}, "seek": {"sought"}, "send": {"sent"},
        "lend": {"lent"}, "hold": {"held"}, "break": {"broke", "broken"}, "cut": {"cut"},
        "shoot": {"shot"}, "fight": {"fought"}, "strike": {"struck"}, "withdraw": {"withdrew",
        "withdrawn"}, "forgive": {"forgave", "forgiven"}, "freeze": {"froze", "frozen"},
        "sign": {"signed"}, "sue": {"sued"}, "shell": {"shelled"}, "bombard": {"bombarded"},
    }  # fmt: skip
    return table.get(lemma, set())
