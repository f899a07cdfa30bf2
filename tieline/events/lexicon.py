"""The words that name events: `tieline/data/event_triggers.tsv`, loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

TRIGGERS = "event_triggers.tsv"
# Endings added to a lemma to guess its written forms, so that sentences without any trigger
# word are never parsed.
_ENDINGS = ("", "s", "es", "ed", "d", "ing", "ings", "ied", "ies", "ment", "ments")
_NOUN_ENDINGS = ("", "s", "es")


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
class Idiom:
    """A phrase in which a trigger word loses its literal reading: "stabbed Turkey in the back"
    is a betrayal, not an assault; "shot down the proposal" is a rejection."""

    lemma: str  # the trigger's lemma: "stab"
    pos: str  # VERB or NOUN
    via: str  # the preposition whose object is one of `words` ("in"); "" = a direct dependent
    words: frozenset[str]  # base forms: "back"
    means: str = ""  # the trigger lemma whose reading the phrase takes; "" = no event


# Common English idioms of trigger words, each matched on the trigger's own dependents. One that
# cancels an act of force keeps it when an opponent is named ("fought for freedom against Turkey").
IDIOMS = (
    Idiom("stab", "VERB", "in", frozenset({"back"})),  # betrayed
    Idiom("attack", "NOUN", "", frozenset({"heart", "panic", "asthma", "anxiety"})),  # illness
    Idiom("storm", "VERB", "", frozenset({"out", "off"})),  # "stormed out of the talks": left
    Idiom("fight", "VERB", "for", frozenset(  # strove for a cause, or struggled to live
        {"life", "lives", "survival", "right", "value", "democracy", "justice", "equality",
         "freedom", "dignity", "recognition", "cause"})),
    Idiom("shoot", "VERB", "", frozenset(  # "shot down the proposal"
        {"proposal", "idea", "plan", "bill", "motion", "amendment", "suggestion", "resolution",
         "claim", "request", "offer"}), means="reject"),
    Idiom("slam", "VERB", "", frozenset({"door"}), means="reject"),  # "slammed the door on"
)  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) → readings, in order
    forms: frozenset[str]  # lower-case word forms any trigger may take
    idioms: tuple[Idiom, ...] = ()

    def idioms_of(self, trigger: Trigger) -> tuple[Idiom, ...]:
        """The idioms in which a trigger's word loses its literal reading."""
        return tuple(
            i for i in self.idioms if i.pos == trigger.pos and i.lemma == trigger.lemma.split()[0]
        )

    @functools.cached_property
    def heads(self) -> frozenset[str]:
        """The first word of every trigger lemma ("pull" of "pull out")."""
        return frozenset(lemma.split()[0] for lemma, _ in self.triggers)

    def lemmas(self, word: str) -> frozenset[str]:
        """The lemmas a written word may have: itself and its base forms ("met" → "meet")."""
        return base_forms(word.lower())

    def get(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """The readings of a word, most specific first: the table lists a word's readings that
        need a particular object ("support the development" → AID) before its general one."""
        return self.triggers.get((lemma, pos), ())

    @functools.cached_property
    def by_head(self) -> dict[tuple[str, str], tuple[tuple[Trigger, str | None], ...]]:
        """Every trigger under its first word and part of speech, with its particle when it is
        a phrasal verb: ("pull", "VERB") → (pull out/verb, "out")."""
        heads: dict[tuple[str, str], tuple[tuple[Trigger, str | None], ...]] = {}
        for (lemma, pos), readings in self.triggers.items():
            head, _, particle = lemma.partition(" ")
            for trigger in readings:
                heads[head, pos] = (*heads.get((head, pos), ()), (trigger, particle or None))
        return heads

    def mentions_any(self, words: set[str]) -> bool:
        """Whether a sentence with these lower-case words may name an event: one of them is a
        trigger's form, a phrasal verb's particle is there too ("pulled ... out"), and a
        trigger that needs a particular object finds one of its words in another word of the
        sentence ("called" alone is no phone call). Sentences that fail this are never parsed
        for events."""
        present = words & self.forms
        if not present:
            return False
        bases: dict[str, frozenset[str]] | None = None  # each word's base forms, when needed
        for word in present:
            for lemma in base_forms(word):
                for pos in ("VERB", "NOUN", "ADJ"):
                    for trigger, particle in self.by_head.get((lemma, pos), ()):
                        if particle is not None and particle not in words:
                            continue
                        if not trigger.needs:
                            return True
                        if bases is None:
                            bases = {w: base_forms(w) for w in words}
                        if any(
                            other != word and not trigger.needs.isdisjoint(forms)
                            for other, forms in bases.items()
                        ):
                            return True
        return False


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
        if trigger.pos == "NOUN":  # a noun is written as itself or its plural, never "-ing"
            forms.update(head + e for e in _NOUN_ENDINGS)
            if head.endswith("y"):
                forms.add(head[:-1] + "ies")
            continue
        stem = head[:-1] if head.endswith("e") else head
        forms.update(head + e for e in _ENDINGS)
        forms.update(stem + e for e in _ENDINGS)
        forms.update(head + head[-1] + e for e in ("ed", "ing"))  # "expelled", "planning"
        forms.update(_irregular(head))
        for base, past in _COMPOUND_IRREGULAR:  # "retake" → "retook", "retaken"
            if head.endswith(base) and head != base:
                forms.update(head[: -len(base)] + p for p in past)
    return Lexicon(triggers, frozenset(forms - _ADVERB_FORMS), IDIOMS)


# Bare trigger forms that are far more often adverbs: in the Guardian sample, a sentence parsed
# only for "back" ("came back", "back to Aleppo") gave an event 2 times in 87. A sentence with
# the verb in that form ("will back the plan") is still coded when another word gets it parsed.
_ADVERB_FORMS = frozenset({"back"})

_IRREGULAR_PAST = {
    "met": "meet", "gave": "give", "given": "give", "sought": "seek", "sent": "send",
    "lent": "lend", "held": "hold", "broke": "break", "broken": "break", "shot": "shoot",
    "fought": "fight", "struck": "strike", "withdrew": "withdraw", "withdrawn": "withdraw",
    "forgave": "forgive", "forgiven": "forgive", "froze": "freeze", "frozen": "freeze",
    "swore": "swear", "sworn": "swear", "took": "take", "taken": "take", "made": "make",
    "beat": "beat", "beaten": "beat", "cut": "cut", "set": "set", "put": "put", "led": "lead",
    "told": "tell", "said": "say", "spoke": "speak", "spoken": "speak", "began": "begin",
    "ran": "run", "overran": "overrun", "went": "go", "gone": "go", "meant": "mean",
    "stood": "stand",
}  # fmt: skip


@functools.lru_cache(maxsize=65536)
def base_forms(word: str) -> frozenset[str]:
    """Candidate base forms of an English word: "agreed" → {agreed, agree, agre…}. Only
    the candidates that are lexicon lemmas matter, so over-generating is harmless. Cached:
    news repeats its words."""
    forms = {word}
    if word in _IRREGULAR_PAST:
        forms.add(_IRREGULAR_PAST[word])
    for past, base in _IRREGULAR_PAST.items():  # "retaken" → "retake", "overran" → "overrun"
        if word.endswith(past) and len(word) > len(past) + 1:
            forms.add(word[: -len(past)] + base)
    for ending, replacements in (
        ("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")),
        ("s", ("",)), ("d", ("",)),
    ):  # fmt: skip
        if word.endswith(ending) and len(word) > len(ending) + 1:  # "suing" → "sue"
            stem = word[: -len(ending)]
            forms.update(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "planned" → "plan"
                forms.add(stem[:-1])
    return frozenset(forms)


# Irregular verbs that take prefixes ("retake", "overrun", "withhold"): base, past forms.
_COMPOUND_IRREGULAR = (
    ("take", ("took", "taken")), ("run", ("ran",)), ("hold", ("held",)),
    ("give", ("gave", "given")), ("make", ("made",)), ("send", ("sent",)), ("strike", ("struck",)),
    ("fight", ("fought",)),
)  # fmt: skip


def _irregular(lemma: str) -> set[str]:
    """Past forms the endings miss: "met", "gave", "sought"..."""
    table = {
        "meet": {"met"}, "give": {"gave", "given"}, "seek": {"sought"}, "send": {"sent"},
        "lend": {"lent"}, "hold": {"held"}, "break": {"broke", "broken"}, "cut": {"cut"},
        "shoot": {"shot"}, "fight": {"fought"}, "strike": {"struck"}, "withdraw": {"withdrew",
        "withdrawn"}, "forgive": {"forgave", "forgiven"}, "freeze": {"froze", "frozen"},
        "sign": {"signed"}, "sue": {"sued"}, "shell": {"shelled"}, "bombard": {"bombarded"},
        "go": {"went", "gone"}, "take": {"took", "taken"},
    }  # fmt: skip
    return table.get(lemma, set())
