"""The rule coder (rules.v2): events from trigger words and the dependency parse.

For each sentence that holds an actor and a word that may name an event, spaCy parses the
sentence. Each trigger word (a verb like "accept", "meet", "condemn", or a noun like "meeting",
"proposal") gives a PLOVER type; its grammatical subject gives the source and its object or
prepositional complement the target, read through the actor mentions found earlier:

    Kishida (nsubj) ─ accepted ─ proposal (dobj) ─ Hun Sen's (poss)  → AGREE  JPN → KHM

A subject missing from a verb is looked for on the verbs it depends on ("agreed to
cooperate"); conjoined actors ("Cambodia and Japan agreed") act together. Modes: negation
("did not agree"), future ("will continue to support"), hypothetical ("could"), historical
(a past state of affairs: "since 1953"). Every event names the rule that fired.

A noun trigger that only names an act ("that flag stands for bombing", "fears of an offensive")
gives no event, nor does a trigger word in an idiom that drops its literal reading ("stabbed
Turkey in the back"); an idiom that means another act takes that act's reading ("shot down the
proposal": REJECT).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tieline.annotate.nlp import coarse_pos
from tieline.annotate.sentences import split_sentences
from tieline.events.codes import Code, CodeTable, load_codes
from tieline.events.lexicon import Idiom, Lexicon, Trigger, base_forms, load_lexicon
from tieline.models import (
    Actor,
    Article,
    DatePrecision,
    Event,
    EventDate,
    Mention,
    Participant,
    Sentence,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

CODER = "rules.v2"  # v2: the PLOVER codebook vocabulary and threat, protest and order readings

TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
NOUN_PARTNERS = frozenset({"with", "between", "to", "against", "on", "by", "toward", "towards"})
TEMPORAL_PREPOSITIONS = frozenset(
    {"after", "before", "during", "since", "following", "ahead", "until"}
)
TARGET_PREPOSITIONS = frozenset(
    {"with", "to", "against", "on", "for", "toward", "towards", "from", "into", "at", "over"}
)
# Relations through which a verb without a subject takes the subject of the verb it hangs on.
INHERIT_SUBJECT = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp"})
FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_WORDS = frozenset({"could", "might", "may", "would", "should"})
FUTURE_VERBS = frozenset(
    {"plan", "intend", "expect", "aim", "prepare", "hope", "want", "seek", "offer", "promise",
     "pledge", "vow", "agree", "propose", "threaten", "willing", "prepared", "ready",
     "set", "poised", "likely", "due", "determined", "eager", "keen", "committed", "swear"}
)  # fmt: skip
MONTHS = frozenset({"March"})  # month names that are also trigger words
# Acts with no one on the other side unless the sentence says whom ("surrendered to the army"):
# no target is looked for elsewhere in the clause.
INTRANSITIVE = frozenset({"resign", "step down", "quit", "surrender", "retreat", "pull back"})
# Passives that say where their subject stands ("Vietnam is committed to ..."): the subject acts.
STATIVE_PASSIVES = frozenset({"commit"})
# Sectors a state commands: an order to them is the state's own act ("ordered its troops to").
COMMANDED = frozenset({"MIL", "GOV", "COP", "SPY"})
# A vow to do one of these is a threat (PLOVER THREATEN), with the mode PLOVER gives it.
PROMISES = frozenset({"vow", "swear"})  # "pledged to expel" is mostly a promise to a third party
HARMS: dict[str, str] = {
    "ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": "relations",
    "PROTEST": "restrict",
}  # fmt: skip
# Verbs whose "to" complement says what the subject tries, not what it asks for: "seeking to
# mend ties" is no request.
ATTEMPT_VERBS = frozenset({"seek", "try", "attempt", "strive"})
# Verbs whose subject is the recipient of the thing named, from the one after "from": "received
# weapons from the government" is the government's aid.
RECEIVING_VERBS = frozenset({"receive", "obtain", "get", "accept"})
# Conditions: a trigger in a clause these words introduce states what would set off the main
# event ("will boycott the elections unless the president agrees to step down"), not an event.
CONDITIONS = frozenset({"if", "unless", "provided", "lest"})
# Speech verbs whose complement with "must" states a demand: "Russia said Sudan must return the
# helicopter" is Russia's demand of Sudan (CAMEO 10, PLOVER REQUEST).
SAYING_VERBS = frozenset(
    {"say", "announce", "insist", "declare", "state", "tell", "warn", "stress", "add", "reiterate",
     "conclude", "maintain", "argue"}
)  # fmt: skip
DEMAND_MODALS = frozenset({"must"})
STATED_DEMAND = Trigger("must", "VERB", "REQUEST", None, "100", frozenset(), False, ())
# "Obama wants Putin to attack Switzerland": wanting another to act is an appeal to it (CAMEO 02).
WANTING_VERBS = frozenset({"want", "wish"})
WANTING_WORDS = frozenset({"want", "wants", "wanted", "wanting", "wish", "wishes", "wished"})
STATED_WISH = Trigger("want", "VERB", "REQUEST", None, "020", frozenset(), False, ())
# Words under which a noun trigger names an act as an idea, not as news: what a thing stands for
# or means, what is feared, talked of or may come ("that flag stands for bombing", "fears of an
# offensive", "the prospect of a Turkish attack"), by the part of speech of the word. "word
# preposition" takes the preposition's object; a word alone, its direct object. Chosen from false
# events in the Guardian sample; a noun "warning of" an attack may be of one that came.
SPOKEN_OF_BY_VERBS = frozenset(
    {"stand for", "symbolise", "symbolize", "mean", "fear", "fear of", "warn of", "talk of"}
)
SPOKEN_OF_BY_NOUNS = frozenset(
    {"symbol of", "fear of", "talk of", "spectre of", "specter of", "prospect of",
     "possibility of", "likelihood of", "risk of"}
)  # fmt: skip
SPOKEN_OF = {"VERB": SPOKEN_OF_BY_VERBS, "NOUN": SPOKEN_OF_BY_NOUNS}  # by the head's trigger POS
# Verbs that deny the event of their complement: "failed to reach agreement", "declined to resign".
NEGATING_VERBS = frozenset({"fail", "refuse", "decline"})
# Words that put an event in the past as a standing state of affairs.
CONTEXT_WORDS = (
    (re.compile(r"\b(?:defen[cs]e|military|army|navy|naval|troops|warship|ships?|weapons?|"
                r"arms|missiles?|security|maritime|self-defen[cs]e)\b", re.I), "military"),
    (re.compile(r"\b(?:trade|economic|economy|investment|investors?|exports?|imports?|"
                r"business|tariffs?|market|companies|port|infrastructure|subsid\w+|loans?)\b",
                re.I), "economic"),
    (re.compile(r"\b(?:water|sewerage|irrigation|climate|environment\w*|pollution|energy)\b",
                re.I), "environment"),
    (re.compile(r"\b(?:health|covid[- ]?19|vaccines?|pandemic|hospital)\b", re.I), "health"),
    (re.compile(r"\b(?:diplomatic|embassy|ambassador|bilateral|partnership|ties|relations)\b",
                re.I), "diplomatic"),
    (re.compile(r"\b(?:humanitarian|refugees?|relief)\b", re.I), "humanitarian"),
    (re.compile(r"\b(?:court|legal|law|judicial|trial|prosecut\w+)\b", re.I), "legal"),
)  # fmt: skip
# A sentence that reports a game: a score ("2-1", "7–1") or a competition's words. In it, a
# state "beat" or "attacked" another named bare (its team) or a club: sport, no assault.
SPORT = re.compile(
    r"(?<![\d-])\d{1,2}[-–]\d{1,2}(?![\d-])|\b(?:world cup|(?:quarter|semi)[- ]?finals?|"
    r"group stage|knockout stage|on penalties|shoot-?out|tournament|championships?|olympics?|"
    r"(?:premier|champions|europa|nations) league|league (?:match|title|leaders)|world series|"
    r"qualifiers?|friendly match|test match|grand prix|stoppage time|half-?time|extra time|"
    r"goalless|scor(?:ed|ing) (?:twice|a goal|the winner|the opener)|wickets?|innings)\b",
    re.I,
)
# Days, not a score: "on the night of 12-13 May", "May 12-13".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_RANGE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}[-–]\d{{1,2}}\b|\b\d{{1,2}}[-–]\d{{1,2}}\s+{_MONTH}(?!\w)", re.I
)
CONTESTS = frozenset({"ASSAULT", "COERCE"})  # the types a game's verbs ("beat") read as
QUOTE = re.compile(r"[“”\"]")
ACCORDING_TO = re.compile(r"according to (?P<speaker>[^,.;]+)", re.I)
SAID_BY = re.compile(
    r"[,”\"]\s*(?P<speaker>(?:the |an? )?[\w’' -]{2,60}?)\s+(?:said|says|read|reads|stated|added)\b"
)
_WORDS = re.compile(r"(?<!-)\b[a-z]+")
BASE_CONFIDENCE = 0.5  # an event with a trigger and at least one participant
# Each clause between a trigger and the sentence's main verb lowers its confidence, so that a
# sentence's main event is its answer ("staged demonstrations to demand ...": PROTEST). Set on
# the even half of the PLOVER gold (most confident event's type): 0.05 → 0.783, 0.1 → 0.789,
# 0.15, 0.2 and 0.3 → 0.807; 0.2 keeps a main event with one side found above a clause's
# event with both.
CLAUSE_PENALTY = 0.2
CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})
SYNTAX_BONUS = 0.3  # both sides found through the parse
FALLBACK_PENALTY = 0.2  # a side taken from the article's main states, not the sentence


@dataclass
class _Side:
    mention: Mention
    how: str  # "subject", "object", "with", "possessor", "counterpart"...


class EventCoder:
    """Codes events in texts whose actors are already resolved. Build once and reuse."""

    def __init__(
        self, nlp: Language, lexicon: Lexicon | None = None, codes: CodeTable | None = None
    ) -> None:
        self.nlp = nlp
        self.lexicon = lexicon or load_lexicon()
        self.codes = codes or load_codes()

    def code(
        self,
        text: str,
        mentions: Sequence[Mention],
        *,
        published: dt.date | None = None,
        field: str = "body",
        sentences: Sequence[Sentence] | None = None,
        default_date: EventDate | None = None,
        main_countries: Sequence[str] = (),
        parsed: Mapping[int, Doc] | None = None,
    ) -> list[Event]:
        """Events stated in `text` (a body or a caption), between the actors of `mentions`.
        Sentences the actor stage parsed (`parsed`, by sentence index) are not parsed again."""
        sentences = list(sentences) if sentences is not None else split_sentences(text)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            if mention.field == field:
                by_sentence.setdefault(mention.sentence, []).append(mention)
        wanted = [
            s for s in sentences if _has_actor(by_sentence.get(s.index, ())) and self.may_state(s)
        ]
        parsed = parsed or {}
        missing = [s for s in wanted if s.index not in parsed]
        docs = dict(
            zip((s.index for s in missing), self.nlp.pipe([s.text for s in missing]), strict=True)
        )
        events: list[Event] = []
        for sentence in wanted:
            doc = parsed.get(sentence.index) or docs[sentence.index]
            events.extend(
                self._code_sentence(
                    doc,
                    sentence,
                    by_sentence[sentence.index],
                    published,
                    field,
                    default_date,
                    main_countries,
                )
            )
        return events

    def may_state(self, sentence: Sentence) -> bool:
        """Whether a sentence holds a word that may name an event (and the object some such
        words need): only these are parsed. A word after a hyphen is part of a modifier
        ("Russian-backed forces", "Saudi-led coalition"), not a verb."""
        words = set(_WORDS.findall(sentence.text.lower()))
        return self.lexicon.mentions_any(words) or not (DEMAND_MODALS | WANTING_WORDS).isdisjoint(
            words
        )

    # -- one sentence ------------------------------------------------------------------------

    def _code_sentence(
        self,
        doc: Doc,
        sentence: Sentence,
        mentions: list[Mention],
        published: dt.date | None,
        field: str,
        default_date: EventDate | None,
        main_countries: Sequence[str],
    ) -> list[Event]:
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        # One pass over the tokens: the mention each stands in, and the triggers (never a
        # word inside a name: "Ministry of ... International Cooperation").
        index: dict[int, Mention] = {}
        triggers: dict[int, Trigger] = {}
        for token in doc:
            start = sentence.start + token.idx
            covering = [m for m in inside if m.start <= start < m.end]
            actor = next((m for m in covering if _acts(m)), None)
            if actor is not None:
                index[token.i] = actor
            if any(m.cue != "pronoun" for m in covering):
                continue
            trigger = self._trigger(token)
            if trigger is not None:
                triggers[token.i] = trigger
        for i in [i for i, t in triggers.items() if _internal_order(doc[i], t, index, triggers)]:
            del triggers[i]  # the order is its own side's act: code what was ordered
        found: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        for i, trigger in triggers.items():
            token = doc[i]
            if (
                _inside_other_trigger(token, triggers)
                or _background(token)
                or _spoken_of(token)
                or _conditional(token)
            ):
                continue
            trigger = _as_threat(token, trigger, triggers) or trigger
            sources, targets = _participants(token, index, triggers)
            if trigger.plover == "AID" and not RECEIVING_VERBS.isdisjoint(base_forms(token.lower_)):
                sources, targets = targets, sources  # "received weapons from the government"
            if not sources and not targets:
                continue
            how = "syntax"
            if sources and targets and not any(_stated(t) for t in targets):
                # "providing photographs and other military intelligence to Macedonia": an
                # actor without a state in the object gives way to a state the clause names.
                extra = _subtree_target(token, index, sources)
                if extra is not None and _stated(extra):
                    targets = [extra]
            if sources and not targets and trigger.lemma not in INTRANSITIVE:
                extra = _subtree_target(token, index, sources)
                aim = _aim(token)
                if extra is None and aim is not None:  # "staged protests to demand that X"
                    extra = _subtree_target(aim, index, sources)
                if extra is None and trigger.symmetric:
                    extra = _sentence_counterpart(sources, mentions, token, sentence)
                if extra is None and trigger.symmetric and main_countries:
                    extra = _counterpart(sources, main_countries, sentence)
                if extra is not None:
                    targets, how = [extra], extra.how
            for source, target in _pairs(sources, targets, trigger.symmetric):
                if _club(source) or _club(target):
                    continue  # "Real Madrid beat Bayern Munich": a match, not a state's act
                if trigger.plover in CONTESTS and _game(sentence, source, target):
                    continue  # "England beat France 2-1 in the World Cup quarter-final"
                event = self._event(
                    trigger,
                    token,
                    doc,
                    sentence,
                    source,
                    target,
                    published,
                    field,
                    default_date,
                    how,
                )
                key = (event.type, _key(event.source), _key(event.target))
                if key in seen:
                    continue
                seen.add(key)
                found.append(event)
        return found

    def _trigger(self, token: Token) -> Trigger | None:
        pos = TRIGGER_POS.get(_pos(token))
        if pos is None or (pos == "NOUN" and token.text in MONTHS):  # "in March"
            return None
        if pos == "VERB" and _states_demand(token):
            return STATED_DEMAND
        if pos == "VERB" and _states_wish(token):
            return STATED_WISH
        lemmas = self.lexicon.lemmas(token.text)
        if lemmas.isdisjoint(self.lexicon.heads):
            return None  # no trigger has this word: skip the particle lookups
        particles = [c.text.lower() for c in token.children if c.dep_ in ("prt", "prep")]
        readings: tuple[Trigger, ...] = ()
        for lemma in sorted(lemmas, key=len, reverse=True):
            for particle in particles:
                readings = self.lexicon.get(f"{lemma} {particle}", pos)
                if readings:
                    break
            readings = readings or self.lexicon.get(lemma, pos)
            if readings:
                break
        for trigger in readings:
            if trigger.plover == "REQUEST" and _attempt(token):
                continue
            if not trigger.needs or _satisfied(token, trigger.needs):
                idiom = _idiom(token, self.lexicon.idioms_of(trigger))
                if idiom is None:
                    return trigger
                return next(iter(self.lexicon.get(idiom.means, pos)), None)
        return None

    def _event(
        self,
        trigger: Trigger,
        token: Token,
        doc: Doc,
        sentence: Sentence,
        source: _Side | None,
        target: _Side | None,
        published: dt.date | None,
        field: str,
        default_date: EventDate | None,
        how: str,
    ) -> Event:
        code = self.codes.get(trigger.cameo) if trigger.cameo else None
        aux = _aux_modes(token, doc)
        date = _event_date(
            sentence.text, published, token.idx, default_date, past=token.tag_ == "VBD"
        )
        if _historical(sentence.text, published, date):
            aux = (*aux, "historical")
        contexts = _contexts(trigger, code, sentence.text, source, target)
        confidence = BASE_CONFIDENCE
        if source is not None and target is not None and how == "syntax":
            confidence += SYNTAX_BONUS
        if how == "counterpart":
            confidence -= FALLBACK_PENALTY
        confidence -= CLAUSE_PENALTY * _clause_depth(token)
        sides = [s.mention.confidence for s in (source, target) if s is not None]
        confidence = round(
            min(0.99, confidence * (sum(sides) / len(sides) if sides else 0.5) + 0.2), 2
        )
        speaker = _speaker(sentence.text)
        return Event(
            type=trigger.plover,
            source=_participant(source),
            target=_participant(target),
            sentence=sentence.text,
            span=(sentence.start, sentence.end),
            trigger=_trigger_words(token),
            mode=trigger.mode,
            aux=tuple(dict.fromkeys(aux)),
            contexts=contexts,
            symmetric=trigger.symmetric,
            cameo=trigger.cameo,
            quad_class=code.quad_class if code else None,
            score=code.goldstein if code else None,
            confidence=confidence,
            rule=f"{CODER}:{trigger.name}" + (f"+{how}" if how != "syntax" else ""),
            date=date,
            quote=bool(QUOTE.search(sentence.text)) or speaker is not None,
            speaker=speaker,
            field=field,
            sentence_index=sentence.index,
        )


# -- participants -----------------------------------------------------------------------------


def _stated(side: _Side) -> bool:
    """Whether a side's actor has a state, an organisation or members: not "police" alone."""
    actor = side.mention.actor
    return bool(actor.country or actor.igo or actor.members)


def _club(side: _Side | None) -> bool:
    """Whether a side is a sports club named after its city ("Real Madrid"): what it does to
    another club is sport."""
    return side is not None and side.mention.cue == "club"


def _game(sentence: Sentence, source: _Side | None, target: _Side | None) -> bool:
    """Whether the sentence reports a game between teams: it reads as sport (`SPORT`), and
    each side is a state named bare, as a national team is ("England", not "English troops"),
    or a club."""
    sides = [s for s in (source, target) if s is not None]
    return (
        bool(sides)
        and all(
            _club(s) or (s.mention.cue == "country" and not s.mention.actor.sector) for s in sides
        )
        and SPORT.search(DAY_RANGE.sub(" ", sentence.text)) is not None
    )


def _has_actor(mentions: Iterable[Mention]) -> bool:
    return any(m.actor.country or m.actor.igo or m.actor.members for m in mentions)


def _acts(mention: Mention) -> bool:
    """Whether a mention can be a side of an event."""
    actor = mention.actor
    # A sector alone counts: "Congress", "police" are actors whose state is unsaid.
    return bool(actor.country or actor.igo or actor.members or actor.sector)


def _mentions_in(token: Token, index: dict[int, Mention], *, deep: bool = True) -> list[Mention]:
    """The actors a token stands for: its own mention, its conjuncts' ("Cambodia and Japan"),
    and, for a thing ("Hun Sen's proposal", "JMSDF visits"), the actor that owns it."""
    found: list[Mention] = []

    def add(mention: Mention | None) -> None:
        if mention is not None and all(mention is not m for m in found):
            found.append(mention)

    for head in [token, *[c for c in token.conjuncts]]:
        if head.i in index:
            add(index[head.i])
            continue
        if not deep:
            continue
        for child in head.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i in index:
                add(index[child.i])
            elif child.dep_ == "prep" and child.text.lower() in ("of", "by", "from"):
                # "thousands of Iraqi Kurds", "troops from Chad"
                for grandchild in child.children:
                    for mention in _mentions_in(grandchild, index, deep=False) or [
                        index[g.i]
                        for g in grandchild.children
                        if g.dep_ in ("amod", "compound", "poss") and g.i in index
                    ]:
                        add(mention)
    return found


def _participants(
    trigger: Token, index: dict[int, Mention], triggers: dict[int, Trigger]
) -> tuple[list[_Side], list[_Side]]:
    sources: list[_Side] = []
    targets: list[_Side] = []
    verb = trigger
    if _pos(trigger) in ("NOUN", "PROPN"):
        # "Hun Sen's proposal": the owner acts. Otherwise ("made the proposal", "at a
        # meeting") the subject of the verb the noun depends on acts.
        owners = [c for c in trigger.children if c.dep_ == "poss"]
        for owner in owners:
            sources.extend(_Side(m, "possessor") for m in _mentions_in(owner, index))
        for child in trigger.children:
            if child.dep_ == "prep" and child.text.lower() in NOUN_PARTNERS:
                for obj in child.children:
                    side = "agent" if child.text.lower() == "by" else child.text.lower()
                    found = [_Side(m, side) for m in _mentions_in(obj, index)]
                    (sources if side == "agent" else targets).extend(found)
        governing = _governing_verb(trigger)
        if governing is None:
            return _dedupe(sources, targets)
        verb = governing
        if verb.i in triggers and trigger.dep_ in OBJECTS and sources:
            # "Kishida accepted Hun Sen's proposal": the proposal was made to Kishida.
            for subject in _subjects(verb):
                targets.extend(
                    _Side(m, "addressee") for m in _mentions_in(subject, index, deep=False)
                )
            return _dedupe(sources, targets)
    if not sources:
        for subject in _subjects(verb):
            sources.extend(_Side(m, "subject") for m in _mentions_in(subject, index))
    if verb == trigger and verb.dep_ == "acl" and verb.tag_ == "VBN":
        targets.extend(_Side(m, "passive subject") for m in _mentions_in(verb.head, index))
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECTS and _stative(verb):
            # "Vietnam is committed to opening up": the one committed commits.
            sources.extend(_Side(m, "subject") for m in _mentions_in(child, index))
        elif child.dep_ in PASSIVE_SUBJECTS:
            targets.extend(_Side(m, "passive subject") for m in _mentions_in(child, index))
        elif child.dep_ == "agent":
            for obj in child.children:
                sources.extend(_Side(m, "agent") for m in _mentions_in(obj, index))
        elif child.dep_ in OBJECTS and verb == trigger:
            targets.extend(_Side(m, "object") for m in _mentions_in(child, index))
        elif child.dep_ == "prep" and child.text.lower() in TARGET_PREPOSITIONS:
            for obj in child.children:
                targets.extend(_Side(m, child.text.lower()) for m in _mentions_in(obj, index))
    return _dedupe(sources, targets)


def _stative(verb: Token) -> bool:
    """A passive that states its subject's own stance, with no one acting on it: "is committed
    to", "are determined to"."""
    return not STATIVE_PASSIVES.isdisjoint(base_forms(verb.lower_)) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _inside_other_trigger(token: Token, triggers: dict[int, Trigger]) -> bool:
    """A trigger in the complement of another ("agreed to cooperate", "requested that ties
    be upgraded", "welcome the JMSDF to dock") is what the outer event is about, not an event
    of its own; so is a noun trigger that is the object of another ("welcome JMSDF visits"),
    unless someone owns it ("accepted Hun Sen's proposal": the proposal was made)."""
    if token in _purpose_clauses(token.head) and any(
        c.dep_ in OBJECTS and c.i in triggers and _pos(c) in ("NOUN", "PROPN")
        for c in token.head.children
    ):
        return True  # "staged demonstrations to demand ...": the aim of the protest
    current = token
    for _ in range(4):
        head = current.head
        if head == current:
            return False
        if head.i in triggers and head.i != token.i:
            if current.dep_ in ("xcomp", "ccomp", "advcl") and current == token:
                return True
            if current.dep_ in ("xcomp", "ccomp"):
                return True
            if _pos(token) in ("NOUN", "PROPN") and current.dep_ in (
                *OBJECTS,
                "pobj",
                "conj",
                "compound",
            ):
                return not any(c.dep_ == "poss" for c in token.children)
            return False
        if current.dep_ not in (
            "xcomp",
            "ccomp",
            "conj",
            "pobj",
            "prep",
            "dobj",
            "compound",
            "aux",
        ):
            return False
        current = head
    return False


def _aim(token: Token) -> Token | None:
    """The purpose clause of the verb a noun trigger is the object of: "staged protests to
    demand the president's resignation"."""
    if _pos(token) not in ("NOUN", "PROPN") or token.dep_ not in OBJECTS:
        return None
    return next(_purpose_clauses(token.head), None)


def _purpose_clauses(verb: Token) -> Iterator[Token]:
    """The "to" clauses of a verb that say what it is done for: "staged protests to demand"."""
    return (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c))


def _internal_order(
    token: Token, trigger: Trigger, index: dict[int, Mention], triggers: dict[int, Trigger]
) -> bool:
    """ "Turkey ordered its troops to withdraw from Syria": an order to a state's own forces
    or officials is no request between actors; the act ordered is the state's (PLOVER codes
    the withdrawal)."""
    if trigger.plover != "REQUEST" or "order" not in base_forms(token.lower_):
        return False
    if not any(c.dep_ == "xcomp" and _infinitive(c) and c.i in triggers for c in token.children):
        return False
    own = {m.actor.country for s in _subjects(token) for m in _mentions_in(s, index)}
    ordered = [
        m.actor
        for c in token.children
        if c.dep_ in OBJECTS
        for m in _mentions_in(c, index, deep=False)
    ]
    return (
        bool(own)
        and None not in own
        and {actor.country for actor in ordered} == own
        and any(actor.sector in COMMANDED for actor in ordered)
    )


def _as_threat(token: Token, trigger: Trigger, triggers: dict[int, Trigger]) -> Trigger | None:
    """The threat a trigger states, when it states one: a vow to do harm ("have sworn to
    fight", "vowed to attack") or a future act made the price of a condition ("will withdraw
    its force from Chad unless ..."). PLOVER codes both THREATEN."""
    threatened: Trigger | None = None
    if trigger.plover == "AGREE" and not PROMISES.isdisjoint(base_forms(token.lower_)):
        threatened = next(
            (
                triggers[c.i]
                for c in token.children
                if c.i in triggers
                and triggers[c.i].plover in HARMS
                and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitive(c)))
            ),
            None,
        )
    elif trigger.plover not in ("THREATEN", "AGREE", "REQUEST") and _future_unless(token):
        threatened = trigger
    if threatened is None:
        return None
    return Trigger(
        lemma=f"threat:{threatened.lemma}",
        pos=trigger.pos,
        plover="THREATEN",
        mode=HARMS.get(threatened.plover),
        cameo="138" if threatened.plover in ("ASSAULT", "MOBILIZE") else "130",
        needs=frozenset(),
        symmetric=False,
        contexts=threatened.contexts,
    )


def _future_unless(verb: Token) -> bool:
    """ "will withdraw ... unless ...": a future act with an "unless" clause of its own."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_WORDS for c in verb.children) and any(
        clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children)
        for clause in verb.children
    )


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _states_demand(token: Token) -> bool:
    """A speech verb whose complement says someone must act: "said Sudan must return"."""
    if SAYING_VERBS.isdisjoint(base_forms(token.lower_)):
        return False
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in clause.children
        ):
            return any(c.dep_ in SUBJECTS for c in clause.children)
    return False


def _states_wish(token: Token) -> bool:
    """ "wants Putin to attack": a verb of wanting whose "to" complement has its own subject."""
    if WANTING_VERBS.isdisjoint(base_forms(token.lower_)):
        return False
    return any(
        clause.dep_ in ("ccomp", "xcomp")
        and any(c.dep_ in SUBJECTS for c in clause.children)
        and any(c.lower_ == "to" for c in clause.children)
        for clause in token.children
    )


def _attempt(token: Token) -> bool:
    """ "seeking to mend ties": an attempt, not a request."""
    return not ATTEMPT_VERBS.isdisjoint(base_forms(token.lower_)) and any(
        c.dep_ == "xcomp" for c in token.children
    )


def _conditional(token: Token) -> bool:
    """A trigger in an "if" or "unless" clause: the condition of another event."""
    current = token
    for _ in range(4):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in current.children
        ):
            return True
        if current.head == current or current.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep"):
            return False
        current = current.head
    return False


def _background(token: Token) -> bool:
    """ "after the summit", "ahead of the talks": a noun in a time phrase sets the scene."""
    if _pos(token) not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    return token.head.text.lower() in TEMPORAL_PREPOSITIONS


def _spoken_of(token: Token) -> bool:
    """ "stands for bombing", "fears of an offensive": a noun trigger that is what something
    means or what is feared, the object of a SPOKEN_OF_BY_VERBS or _NOUNS word, or in a noun
    phrase that is ("fear the start of an offensive"). Clauses are not followed: "fear that the
    attack killed 50" may report it."""
    if _pos(token) not in ("NOUN", "PROPN"):
        return False
    current = token
    for _ in range(4):
        head = current.head
        if head == current or current.dep_ not in ("pobj", "prep", "dobj", "conj", "compound"):
            return False
        frames = SPOKEN_OF.get(TRIGGER_POS.get(_pos(head), ""), frozenset())
        if current.dep_ in ("dobj", "prep"):
            preposition = current.lower_ if current.dep_ == "prep" else ""
            if any(f"{form} {preposition}".strip() in frames for form in base_forms(head.lower_)):
                return True
        current = head
    return False


def _idiom(token: Token, idioms: Iterable[Idiom]) -> Idiom | None:
    """The idiom a trigger word stands in, if any: "stabbed Turkey in the back", "a heart
    attack", "shot down the proposal"."""
    for idiom in idioms:
        if idiom.via:
            words = [
                w
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == idiom.via
                for obj in prep.children
                if obj.dep_ == "pobj"
                for w in (obj, *obj.conjuncts)
            ]
        else:
            words = [c for c in token.children if c.dep_ not in (*SUBJECTS, *PASSIVE_SUBJECTS)]
        if not any(not idiom.words.isdisjoint(base_forms(w.lower_)) for w in words):
            continue
        if not idiom.means and any(
            c.dep_ == "prep" and c.lower_ == "against" for w in (token, *words) for c in w.children
        ):
            continue  # an opponent named: "fought for their freedom against Turkey"
        return idiom
    return None


def _subtree_target(token: Token, index: dict[int, Mention], sources: list[_Side]) -> _Side | None:
    """An actor of another state named in the trigger's own clause ("requested that the
    Cambodia-Japan partnership be upgraded" → Japan; "support the development of Preah
    Sihanouk port" → Cambodia)."""
    states = {s.mention.actor.country for s in sources}
    own: _Side | None = None
    # Not inside a subordinate clause of its own ("if war starts in Iraq", "as the opposition
    # threatened to ..."): those name a condition or a circumstance, not the event's target.
    # Nor in what an apposition says of the subject ("Pakistan, a key U.S. ally, has refused").
    aside = {
        t.i
        for clause in token.children
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children)
        for t in clause.subtree
    } | {
        t.i
        for subject in token.children
        if subject.dep_ in SUBJECTS
        for appos in subject.children
        if appos.dep_ == "appos"
        for t in appos.subtree
    }
    for other in token.subtree:
        if other.i in aside:
            continue
        mention = index.get(other.i)
        if mention is None or any(mention is s.mention for s in sources):
            continue
        if mention.actor.igo or (mention.actor.country and mention.actor.country not in states):
            return _Side(mention, "clause")
        if own is None and not any(_same_actor(_Side(mention, ""), s) for s in sources):
            own = _Side(mention, "clause")
    # Otherwise a domestic event: another actor of the source's own state, or a place in it,
    # that the clause names ("threatened to ban Ugandan opposition candidates", "a curfew in
    # Algiers").
    return own


def _sentence_counterpart(
    sources: list[_Side], mentions: list[Mention], token: Token, sentence: Sentence
) -> _Side | None:
    """For a meeting or an agreement with one side named by the syntax: the nearest actor of
    another state in the same sentence."""
    states = {s.mention.actor.country for s in sources}
    at = sentence.start + token.idx
    others = [m for m in mentions if m.actor.country and m.actor.country not in states]
    if not others:
        return None
    nearest = min(others, key=lambda m: abs(m.start - at))
    return _Side(nearest, "sentence")


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or that of the verb it hangs on ("agreed to cooperate")."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects
        if current.dep_ in INHERIT_SUBJECT and current.head != current:
            current = current.head
            continue
        if current.dep_ == "acl" and current.tag_ == "VBN":
            return []  # "two men sought in the slaying": the noun is what the verb acts on
        if current.dep_ == "relcl" and any(
            c.dep_ in PASSIVE_SUBJECTS or (c.dep_ == "advmod" and c.lower_ in ("where", "when"))
            for c in current.children
        ):
            return []  # "Serbia, where 24 people were killed": the noun is no one's subject
        if current.dep_ in ("relcl", "acl") and current.head != current:
            return [current.head]  # "the leaders, who met on Saturday"
        return []
    return []


def _governing_verb(noun: Token) -> Token | None:
    current = noun
    for _ in range(3):
        head = current.head
        if head == current:
            return None
        if _pos(head) in ("VERB", "AUX"):
            return head
        current = head
    return None


def _dedupe(sources: list[_Side], targets: list[_Side]) -> tuple[list[_Side], list[_Side]]:
    def unique(sides: list[_Side]) -> list[_Side]:
        kept: list[_Side] = []
        for side in sides:
            if all(side.mention is not k.mention for k in kept):
                kept.append(side)
        return kept

    sources = unique(sources)
    # A target that is a source again ("reneged on his commitment") names no one else.
    targets = [
        t
        for t in unique(targets)
        if all(t.mention is not s.mention and not _same_actor(t, s) for s in sources)
    ]
    return sources, targets


def _counterpart(sides: list[_Side], main: Sequence[str], sentence: Sentence) -> _Side | None:
    """For a meeting or an agreement with one side named, the article's other main state."""
    present = {s.mention.actor.country for s in sides}
    for country in main:
        if country not in present:
            actor = Actor(country, country=country)
            mention = Mention(
                sentence.start,
                sentence.start,
                "",
                actor,
                "counterpart",
                "the article's other main state",
                0.4,
                sentence.index,
            )
            return _Side(mention, "counterpart")
    return None


def _pairs(
    sources: list[_Side], targets: list[_Side], symmetric: bool
) -> list[tuple[_Side | None, _Side | None]]:
    if sources and targets:
        return [(s, t) for s in sources for t in targets if not _same_actor(s, t)]
    if symmetric and len(sources) > 1:
        # "Cambodia and Japan agreed": each acts with the other.
        return [
            (a, b) for i, a in enumerate(sources) for b in sources[i + 1 :] if not _same_actor(a, b)
        ]
    if sources:
        return [(s, None) for s in sources]
    return [(None, t) for t in targets]


def _same_actor(a: _Side, b: _Side) -> bool:
    x, y = a.mention.actor, b.mention.actor
    if x.person and x.person == y.person:
        return True
    return (x.country, x.sector, x.igo, x.members) == (y.country, y.sector, y.igo, y.members)


def _participant(side: _Side | None) -> Participant | None:
    if side is None:
        return None
    m = side.mention
    return Participant(m.text, m.actor, m.start, m.end)


def _key(participant: Participant | None) -> str:
    if participant is None:
        return "-"
    a = participant.actor
    return a.person or a.code


# -- modes, dates, contexts --------------------------------------------------------------------


def _pos(token: Token) -> str:
    return coarse_pos(token.tag_)


def _clause_depth(token: Token) -> int:
    depth, current = 0, token
    while current.head != current:
        if current.dep_ in CLAUSES:
            depth += 1
        current = current.head
    return depth


def _satisfied(token: Token, needs: frozenset[str]) -> bool:
    for other in token.subtree:
        if other != token and not needs.isdisjoint(base_forms(other.text.lower())):
            return True
    for child in token.children:
        if child.text.lower() in needs:
            return True
    # "the MoU signed by ...": the thing signed may be the word the trigger modifies.
    return token.dep_ in ("acl", "amod", "relcl") and (
        not needs.isdisjoint(base_forms(token.head.text.lower()))
    )


def _aux_modes(token: Token, doc: Doc) -> tuple[str, ...]:
    modes: list[str] = []
    chain = [token]
    current = token
    if (
        _pos(token) in ("NOUN", "PROPN")
        and token.dep_ in (*OBJECTS, "pobj")
        and token.head != token
    ):
        current = token.head if token.dep_ != "pobj" else token.head.head
        chain.append(current)
    for _ in range(3):
        if current.dep_ in ("xcomp", "conj", "ccomp") and current.head != current:
            current = current.head
            chain.append(current)
        else:
            break
    for verb in chain:
        for child in verb.children:
            word = child.text.lower()
            if child.dep_ == "neg" or word in ("not", "n't", "never"):
                modes.append("negated")
            elif child.dep_ == "aux" and word in FUTURE_WORDS:
                modes.append("future")
            elif (child.dep_ == "aux" and word in HYPOTHETICAL_WORDS) or (
                child.dep_ == "mark" and word in ("if", "unless")
            ):
                modes.append("hypothetical")
        if verb != token and not NEGATING_VERBS.isdisjoint(base_forms(verb.text.lower())):
            modes.append("negated")
        if verb != token and not FUTURE_VERBS.isdisjoint(base_forms(verb.text.lower())):
            modes.append("future")
    return tuple(modes)


def _event_date(
    sentence: str,
    published: dt.date | None,
    anchor: int,
    default: EventDate | None,
    *,
    past: bool = False,
) -> EventDate:
    from tieline.events import dates

    found = dates.event_date(sentence, published, anchor=anchor, past=past)
    if not found.text and default is not None:
        return default
    return found


def _historical(sentence: str, published: dt.date | None, date: EventDate) -> bool:
    from tieline.events import dates

    return bool(dates.is_historical(sentence, published, date))


def _contexts(
    trigger: Trigger, code: Code | None, sentence: str, *sides: _Side | None
) -> tuple[str, ...]:
    found = list(trigger.contexts)
    found.extend(code.contexts if code else ())
    if any(side is not None and side.mention.actor.sector == "MIL" for side in sides):
        found.append("military")  # an armed force on either side
    found.extend(name for pattern, name in CONTEXT_WORDS if pattern.search(sentence))
    return tuple(dict.fromkeys(c for c in found if c))


def _speaker(sentence: str) -> str | None:
    match = ACCORDING_TO.search(sentence)
    if match:
        return match.group("speaker").strip()
    match = SAID_BY.search(sentence)
    if match and QUOTE.search(sentence):
        return match.group("speaker").strip()
    return None


def _trigger_words(token: Token) -> str:
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particles])


def code_article(
    coder: EventCoder,
    article: Article,
    mentions: Sequence[Mention],
    parsed: Mapping[str, Mapping[int, Doc]] | None = None,
    news_day: EventDate | None = None,
) -> list[Event]:
    """Events of an article's body and captions. Teasers for other stories are never read.

    A sentence that states no date of its own takes the article's (`news_day`, found here when
    not given): the first recent date a caption or the lead states ("on Saturday"), else the
    publication date.
    """
    main = _main_countries(mentions)
    default = news_day or _article_date(article)
    parsed = parsed or {}
    fields = [("body", article.body)] + [
        (f"caption:{number}", caption) for number, caption in enumerate(article.captions)
    ]
    events: list[Event] = []
    for name, text in fields:
        events.extend(
            coder.code(
                text,
                mentions,
                published=article.published,
                field=name,
                default_date=default,
                main_countries=main,
                parsed=parsed.get(name),
            )
        )
    return events


ARTICLE_DATE_WINDOW_DAYS = 14  # a date this close before publication dates the article's news
LEAD_SENTENCES = 3  # news states when it happened in its lead; later dates are background


def article_date(article: Article) -> EventDate | None:
    """The day an article's news happened: see `code_article`."""
    return _article_date(article)


def _article_date(article: Article) -> EventDate | None:
    from tieline.events import dates

    if article.published is None:
        return None
    lead = " ".join(s.text for s in split_sentences(article.body)[:LEAD_SENTENCES])
    for text in (*article.captions, lead):
        for found in dates.find_dates(text, article.published):
            day = found.date.date
            if (
                found.relation in ("at", "ago")
                and found.date.precision is DatePrecision.DAY
                and day is not None
                and 0 <= (article.published - day).days <= ARTICLE_DATE_WINDOW_DAYS
            ):
                return found.date
    return EventDate(article.published, DatePrecision.DAY, "")


def _main_countries(mentions: Sequence[Mention]) -> list[str]:
    counts: dict[str, int] = {}
    for mention in mentions:
        country = mention.actor.country
        if country and mention.field == "body" and mention.cue not in ("place", "unknown-place"):
            counts[country] = counts.get(country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])[:2]
