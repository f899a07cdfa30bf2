"""Partnership tiers: what a sentence says happens to the named framework of a relationship.

Rules (`tiers.v1`), read over sentences that name a tier ("Comprehensive Strategic
Partnership", "diplomatic relations", an unknown "... Partnership" let through as written):

* the pair: the two states the sentence names (places aside, groups like "the two countries"
  read as their members), else the one it names with the article's other main state;
* the status: the nearest words that say what happens to it — proposed ("proposal to
  upgrade"), agreed ("accepted the proposal", "agreed to elevate"), established ("established",
  "since 1953", "the 70th anniversary of"), upgraded, reaffirmed, downgraded, suspended, severed,
  restored; an acceptance of a proposal is *agreed*, and whose proposal it was is the proposer;
* the date: the sentence's own date for the change, else the article's news day; a future date
  of an agreed or proposed change ("next year") is when it is to take effect (`planned`);
  an anniversary counts back from the sentence's date;
* negated, hypothetical or advisory sentences ("did not agree", "should consider") state no
  fact, nor do sentences where only companies or people outside government act.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tieline.annotate.sentences import split_sentences
from tieline.events import dates
from tieline.models import (
    Article,
    DatePrecision,
    Event,
    EventDate,
    Mention,
    Sentence,
    TierFact,
    TierStatus,
)
from tieline.relations.ladders import DIPLOMATIC, Ladders, load_ladders

RULES = "tiers.v1"

STATE_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "JUD"})  # who can change a tier
PLACE_CUES = frozenset({"place", "unknown-place"})  # mentions that name where, not who
CONFIDENCE_PAIR_STATED = 0.85  # both states named in the sentence
CONFIDENCE_PAIR_INFERRED = 0.65  # one named, the other the article's other main state

S = TierStatus
# Words that say what happens to a tier, each with the status it gives. Searched on the
# lower-cased sentence; the cue nearest the tier's name wins, with the order below on ties.
_CUES: tuple[tuple[TierStatus, str], ...] = (
    (
        S.SEVERED,
        r"sever(?:s|ed|ing)?|cut(?:s|ting)?\s+(?:off\s+)?(?:\w+\s+){0,2}(?:ties|relations)"
        r"|br(?:eak|eaks|oke|oken|eaking)\s+off|rupture[sd]?",
    ),
    (
        S.RESTORED,
        r"restor(?:e|es|ed|ing|ation)|re-?establish(?:es|ed|ing|ment)?|resum(?:e|es|ed|ing|ption)"
        r"|normali[sz](?:e|es|ed|ing|ation)|reopen(?:s|ed|ing)?",
    ),
    (S.SUSPENDED, r"suspen(?:d|ds|ded|ding|sion)|froze|freez(?:e|es|ing)"),
    (S.DOWNGRADED, r"downgrad(?:e|es|ed|ing)|lower(?:s|ed|ing)?\b(?=.*\b(?:level|charg))"),
    (
        S.PROPOSED,
        r"propos(?:e|es|ed|ing|al|als)|suggest(?:s|ed|ing|ion)?|call(?:s|ed)?\s+for"
        r"|request(?:s|ed)?(?=\s+that)|offer(?:s|ed)?\s+to",
    ),
    (
        S.AGREED,
        r"commit(?:s|ted)?(?=\s+(?:themselves\s+)?to\b)|pledg(?:e|es|ed)(?=\s+to\b)"
        r"|agree(?:s|d|ing)?|accept(?:s|ed|ing|ance)?|approv(?:e|es|ed|al)"
        r"|endors(?:e|es|ed|ement)|consent(?:s|ed)?",
    ),
    (
        S.UPGRADED,
        r"upgrad(?:e|es|ed|ing)|elevat(?:e|es|ed|ing|ion)|rais(?:e|es|ed|ing)"
        r"|step(?:s|ped)?\s+up|lift(?:s|ed|ing)?(?=\s+(?:\w+\s+){0,2}(?:relationship|relations|ties)\b)",
    ),
    (
        S.REAFFIRMED,
        r"reaffirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|reconfirm(?:s|ed|ing)?"
        r"|recommit(?:s|ted|ting)?|renew(?:s|ed|ing)?\s+(?:their\s+|its\s+)?commitment",
    ),
    (
        S.ESTABLISHED,
        r"establish(?:es|ed|ing|ment)?|set\s+up|forg(?:e|es|ed|ing)|launch(?:es|ed|ing)?"
        r"|took\s+effect|takes\s+effect|came\s+into\s+(?:effect|force)|enter(?:s|ed)\s+into\s+force"
        r"|formali[sz](?:e|es|ed|ing)|form(?:s|ed)\b|bec(?:ame|ome|omes)\b",
    ),
)
_CUE = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(_CUES)), re.I)
_UNKNOWN_TIER = re.compile(
    r"\b(?!(?:The|A|An|Their|Its|Our|This|That)\s)(?:(?:[A-Z][a-z]+|All-[Ww]eather)\s+(?:and\s+)?){1,5}Partnership"
    r"(?:\s+(?:of|for)\s+(?:[A-Z][a-z]+\s+(?:and\s+)?){0,3}[A-Z][a-z]+)?\b"
)
_CHANGED_TO = re.compile(
    r"[\s\W]*(?:\w+\s+){0,3}?(?:be\s+|is\s+|was\s+|being\s+)?(?:upgraded|elevated|raised|lifted|"
    r"downgraded|lowered|reduced)\s+(?:\w+\s+){0,2}?to\s+(?:a\s+|an\s+|the\s+)?[\W]*",
    re.I,
)
_ACCEPTS_PROPOSAL = re.compile(
    r"\b(?:accept\w*|agree\w*\s+(?:in\s+principle\s+)?(?:to|with|on)|approv\w*|endors\w*"
    r"|welcom\w*|back\w*)\b[^.;]{0,40}?\b(?:proposal|request|suggestion|offer|initiative"
    r"|(?:the|this|that|an?)\s+(?:upgrade|elevation))\b",
    re.I,
)
_TO_NEXT = re.compile(r"[\W]*\s*(?:status\s+|level\s+)?to\s+(?:a|an|the)?[\W\s]*", re.I)
# Ties or relations that only diplomatic relations can be: what is severed, restored...
_BARE_TIES = re.compile(
    r"\b(?:sever|cut|br(?:eak|eaks|eaking|oke|oken)\s+off|restor|resum|normali[sz]|re-?establish"
    r"|suspend|downgrad)\w*\s+(?:[\w'’]+\s+){0,3}?(?P<ties>ties|relations)\b",
    re.I,
)
# Between a listed subject and the cue, and between the states of a list.
_SUBJECT_GAP = re.compile(r"[\s\w,]*")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)
# "The two countries", "both sides", "the two leaders" as the subject of the cue.
_PAIR_AS_SUBJECT = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|governments|leaders|neighbou?rs"
    r"|capitals)\b[^.;,]{0,40}$",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:while|whereas|but|although|as|and|when|which|after|before|(?:a|one|two|three)"
    r"\s+(?:day|days|week|weeks)\s+(?:after|before))\b",
    re.I,
)
EVENT_WEIGHT = 3  # in choosing an article's main pair, an event between two states is worth
# three mentions of them (set by reading articles, not fitted to the tier corpora)
PRONOUNS = frozenset({"it", "its", "he", "his", "she", "her", "they", "their", "them"})
PARTNER_REACH = 70  # characters from a cue to the state it is done with ("cut ties with Qatar")
EVENT_NEAR_CUE = 12  # characters between an event's trigger and a tier cue that are one verb
_PROPOSES = re.compile(r"propos|suggest|request|call|offer", re.I)
# Before an -ing cue that names an idea, not an act: at the start of a sentence or quote
# ("Upgrading their partnership will..."), or after a preposition ("by upgrading").
_GERUND_SUBJECT = re.compile(
    r"(?:^|[\"“‘'(:]\s*|\b(?:by|for|of|on|about|towards?|in|without|against|said|says|that)"
    r"\s+)$",
    re.I,
)
_UPGRADING_FROM = re.compile(
    r"\b(?:upgrad|elevat|rais|replac)\w*\s+(?:the|their|its|an?)\s+[\"“‘']?$", re.I
)
_TO_LATER = re.compile(r"[^.;]{0,60}?\bto\s+(?:a|an|the)\s", re.I)
_REPLACED = re.compile(
    r"\b(?:takes?|took|taking)\s+the\s+place\s+of\s+(?:the|their|its)\s+[\"“‘']?$"
    r"|\b(?:replac\w*|supersed\w*|succeed\w*)\s+(?:the|their|its)\s+[\"“‘']?$",
    re.I,
)
_PARTNER_PREP = re.compile(r"\b(?:with|to|from|in|against)\s+(?:the\s+)?$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:a|an|the|their|its)?\s*$", re.I)
_BOTH = re.compile(
    r"\b(?:bilateral|the two (?:countries|nations|sides|governments)|both (?:countries|sides))\b",
    re.I,
)
# Words just before a cue that make the sentence state no fact.
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|refus\w*|declin\w*|fail\w*|should|could|might|would|if"
    r"|urg\w*|call(?:s|ed|ing)?\s+on|press\w*|demand\w*)\b"
)
# "Comprehensive Economic Partnership (Agreement)": trade deals, not tiers of a relationship.
_NOT_A_TIER = re.compile(r"\b(?:Economic|Trade|Investment|Energy|Digital|Green|Climate)\b")
_AGREEMENT_AFTER = re.compile(r"\s+(?:Agreement|Arrangement|Accord|Treaty|Programme|Program)\b")
_ANNIVERSARY = re.compile(
    r"\b(?P<n>\d{1,3})(?:(?:st|nd|rd|th)\s+anniversary\s+of|\s+years\s+(?:of|since))\s+"
    r"(?:the\s+)?(?:establishment\s+of\s+)?(?:their\s+|bilateral\s+)?",
    re.I,
)
# An age stated after the tier's name: "the strategic partnership ... turns 25 this year".
_TURNS = re.compile(r"[^.;]{0,60}?\bturn(?:s|ed)\s+(?P<n>\d{1,3})\b", re.I)
# Words without which a text names no tier: most articles are skipped on this alone.
_TIER_WORD = re.compile(r"partner|relations|ties\b|allian|diplomatic", re.I)
# Between an anniversary and the tier: "70 years since Indonesia and Vietnam set up ...".
_ANNIVERSARY_REACHES = re.compile(r"[^.;,]{0,60}")
_DENIED_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:(?:is|was|are|were)\s+not\s+on\s+the\s+table|(?:is|was)\s+ruled\s+out"
    r"|(?:is|was|are|were)\s+(?:not|never)\s+(?:an\s+option|being\s+considered))",
    re.I,
)
# Words before a tier's name that say it is not what happens: "skipping the level of ...".
_SKIPPED = re.compile(r"\b(?:skip\w*|bypass\w*|instead\s+of|rather\s+than)\b[^,;]{0,40}$", re.I)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:in\s+)?(?P<year>1[89]\d\d|20\d\d)\b", re.I)
_PROPOSAL_OF = re.compile(
    r"(?P<who>[\w.\- ]{2,40}?)['’]s?\s+(?:proposal|suggestion|offer|request)\b"
)
_FROM_TO = re.compile(
    r"\bfrom\s+(?:a|an|the|their|its)?\s*(?P<previous>.{3,80}?)\s+to\s+(?:a|an|the)?\s*$", re.I
)


@dataclass(frozen=True)
class _Tier:
    name: str  # canonical
    start: int
    end: int


class TierReader:
    """Reads tier facts from an article's body and captions."""

    def __init__(self, ladders: Ladders | None = None) -> None:
        self.ladders = ladders or load_ladders()
        self._known = self.ladders.pattern()

    def read(
        self,
        article: Article,
        mentions: Sequence[Mention],
        news_day: EventDate | None = None,
        events: Sequence[Event] = (),
    ) -> list[TierFact]:
        if not any(_TIER_WORD.search(t) for t in (article.body, *article.captions)):
            return []  # most articles name no framework: nothing to split or read
        main = _main_pair(mentions, events)
        fields = [("body", article.body)] + [
            (f"caption:{n}", caption) for n, caption in enumerate(article.captions)
        ]
        found: list[TierFact] = []
        acceptances: list[tuple[Sentence, list[Mention], str]] = []
        by_sentence: dict[tuple[str, int], list[Mention]] = {}
        for mention in mentions:
            by_sentence.setdefault((mention.field, mention.sentence), []).append(mention)
        for name, text in fields:
            for sentence in split_sentences(text):
                here = by_sentence.get((name, sentence.index), [])
                read: list[TierFact] = []
                if _TIER_WORD.search(sentence.text):  # every tier's name holds such a word
                    said = [e for e in events if e.field == name and e.span[0] == sentence.start]
                    read = self.read_sentence(
                        sentence, here, article.published, news_day, main, name, said
                    )
                    found.extend(read)
                if not read and _ACCEPTS_PROPOSAL.search(sentence.text):
                    acceptances.append((sentence, here, name))
        found = _to_dominant_pair(found)
        for sentence, here, name in acceptances:
            found.extend(self._accepted(sentence, here, found, article.published, news_day, name))
        facts: list[TierFact] = []
        seen: set[tuple[str, str, str, str, str | None]] = set()
        for fact in found:
            key = (fact.a, fact.b, fact.tier, fact.status.value, fact.date.month_key)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
        return facts

    def _accepted(
        self,
        sentence: Sentence,
        mentions: Sequence[Mention],
        facts: Sequence[TierFact],
        published: dt.date | None,
        news_day: EventDate | None,
        field: str,
    ) -> list[TierFact]:
        """ "Kishida accepted Hun Sen's proposal": the article's proposed tiers, agreed."""
        match = _ACCEPTS_PROPOSAL.search(sentence.text)
        assert match is not None
        if _negated_near(sentence.text, match.start()):
            return []
        named = {c for m in mentions for c in _countries(m)}
        agreed = []
        referents = [f for f in facts if f.status is S.PROPOSED] or [
            f for f in facts if f.status in (S.UPGRADED, S.AGREED) and f.tier != DIPLOMATIC
        ]
        for fact in (
            referents[:1] if referents and referents[0].status is not S.PROPOSED else referents
        ):
            if not named <= {fact.a, fact.b}:
                continue
            date, planned = self._date(
                sentence.text, S.AGREED, None, None, match.start(), published, news_day
            )
            agreed.append(
                replace(
                    fact,
                    status=S.AGREED,
                    date=date,
                    planned=planned or fact.planned,
                    sentence=sentence.text,
                    span=(sentence.start, sentence.end),
                    cue=match.group(),
                    proposer=_proposer(sentence, mentions, None) or fact.proposer,
                    rule=f"{RULES}:accept-proposal",
                    field=field,
                    sentence_index=sentence.index,
                )
            )
        return agreed

    def tiers_in(self, text: str) -> list[_Tier]:
        unknown = [
            _Tier(self.ladders.canonical(m.group()), m.start(), m.end())
            for m in _UNKNOWN_TIER.finditer(text)
            if not _NOT_A_TIER.search(m.group()) and not _AGREEMENT_AFTER.match(text, m.end())
        ]
        found = [
            _Tier(self.ladders.canonical(m.group()), m.start(), m.end())
            for m in self._known.finditer(text)
            if (" " in m.group().strip() or _capitalised_alone(text, m.start()))
            and not any(
                u.start <= m.start() and m.end() <= u.end and u.end - u.start > m.end() - m.start()
                for u in unknown
            )
        ]
        taken = [(t.start, t.end) for t in found]
        for m in _BARE_TIES.finditer(text):  # "severed its ties with Tehran"
            start, end = m.start("ties"), m.end("ties")
            if not any(s < end and start < e for s, e in taken):
                found.append(_Tier(DIPLOMATIC, start, end))
                taken.append((start, end))
        for m in _UNKNOWN_TIER.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append(_Tier(self.ladders.canonical(m.group()), m.start(), m.end()))
        return sorted(found, key=lambda t: t.start)

    def read_sentence(
        self,
        sentence: Sentence,
        mentions: Sequence[Mention],
        published: dt.date | None,
        news_day: EventDate | None,
        main: tuple[str, str] | None,
        field: str = "body",
        events: Sequence[Event] = (),
    ) -> list[TierFact]:
        text = sentence.text
        tiers = self.tiers_in(text)
        if not tiers:
            return []
        facts: list[TierFact] = []
        for tier in _targets(tiers, text):
            found = self._fact(sentence, tier, tiers, mentions, published, news_day)
            if found is None:
                continue
            fact, cue_start = found
            pairs, confidence = _pairs(sentence, mentions, events, main, cue_start)
            facts.extend(
                replace(fact, a=a, b=b, confidence=confidence, field=field) for a, b in pairs
            )
        return facts

    def _fact(
        self,
        sentence: Sentence,
        tier: _Tier,
        tiers: Sequence[_Tier],
        mentions: Sequence[Mention],
        published: dt.date | None,
        news_day: EventDate | None,
    ) -> tuple[TierFact, int | None] | None:
        text = sentence.text
        cues = [(m.start(), m.end(), _status_of(m)) for m in _CUE.finditer(text)]
        anniversary = _ANNIVERSARY.search(text[: tier.start])
        if anniversary is not None and not _ANNIVERSARY_REACHES.fullmatch(
            text[anniversary.end() : tier.start]
        ):
            anniversary = None
        turns = _TURNS.match(text, tier.end)
        since = _SINCE_YEAR.search(text[tier.end : tier.end + 60]) or _SINCE_YEAR.search(
            text[max(0, tier.start - 40) : tier.start]
        )
        status: TierStatus | None
        cue_start: int | None = None
        if anniversary:
            status, cue = S.ESTABLISHED, anniversary.group().strip()
        elif turns and not _CUE.search(text[tier.end : turns.start("n")]):
            status, cue, anniversary = S.ESTABLISHED, turns.group().strip(), turns
        elif (leading := _leading(cues, tier, S.AGREED)) is not None:
            # "accepted Hun Sen's proposal to upgrade", "agreed to restore": an agreement
            cue_start, cue_end, status = leading
            cue = text[cue_start:cue_end]
        elif (leading := _leading(cues, tier, S.PROPOSED)) is not None:
            # "requested that the partnership be upgraded": a proposal
            cue_start, cue_end, status = leading
            cue = text[cue_start:cue_end]
        elif cues:
            start, end, status = min(cues, key=lambda c: _distance(c, tier))
            cue_start, cue = start, text[start:end]
        elif since:
            status, cue = S.ESTABLISHED, since.group()
        else:
            return None
        if _negated_near(text, cue_start):  # "did not agree", "should upgrade"
            return None
        if cue_start is not None and _DENIED_AFTER.match(text, cue_start):
            return None  # "cutting ties was not on the table", "ruled out restoring ties"
        if (
            cue.lower().endswith("ing")
            and status is not S.ESTABLISHED
            and _GERUND_SUBJECT.search(text[: cue_start or 0])
        ):
            return None  # "Upgrading their partnership ... will strengthen": no fact yet
        date, planned = self._date(text, status, anniversary, since, cue_start, published, news_day)
        previous = _previous(text, tier, tiers, status)
        proposer = (
            _proposer(sentence, mentions, cue_start) if status in (S.PROPOSED, S.AGREED) else None
        )
        fact = TierFact(
            a="",
            b="",
            tier=tier.name,
            status=status,
            date=date,
            sentence=text,
            span=(sentence.start, sentence.end),
            cue=cue,
            proposer=proposer,
            previous=previous,
            planned=planned,
            rule=f"{RULES}:{status.value}",
            sentence_index=sentence.index,
        )
        return fact, cue_start if cue_start is not None else tier.start

    def _date(
        self,
        text: str,
        status: TierStatus,
        anniversary: re.Match[str] | None,
        since: re.Match[str] | None,
        cue_start: int | None,
        published: dt.date | None,
        news_day: EventDate | None,
    ) -> tuple[EventDate, EventDate | None]:
        found = dates.find_dates(text, published)
        stated = [d for d in found if d.relation in ("at", "ago") and d.date.date is not None]
        ahead = [d for d in found if d.relation == "future" and d.date.date is not None]
        default = news_day or (
            EventDate(published, DatePrecision.DAY)
            if published
            else EventDate(None, DatePrecision.UNKNOWN)
        )
        if anniversary is not None:
            near = min(
                (d for d in found if d.date.date is not None and d.cue != "anniversary"),
                key=lambda d: (abs(d.start - anniversary.end()), d.start < anniversary.start()),
                default=None,
            )
            reference = near.date.date if near else default.date
            if reference is not None:
                year = reference.year - int(anniversary["n"])
                return EventDate(dt.date(year, 1, 1), DatePrecision.YEAR, anniversary.group()), None
        if since is not None and status is S.ESTABLISHED:
            year = int(since["year"])
            return EventDate(dt.date(year, 1, 1), DatePrecision.YEAR, since.group()), None
        anchor = cue_start if cue_start is not None else 0
        chosen = min(stated, key=lambda d: abs(d.start - anchor), default=None)
        planned = min(ahead, key=lambda d: abs(d.start - anchor), default=None)
        if status in (S.PROPOSED, S.AGREED):
            return (chosen.date if chosen else default), (planned.date if planned else None)
        if chosen is not None:
            vaguer = chosen.date.precision in (DatePrecision.YEAR, DatePrecision.MONTH)
            if vaguer and default.date and _within(default.date, chosen.date):
                return default, None  # "this year" in an article about Friday: Friday
            return chosen.date, None
        if planned is not None:  # "will be upgraded next year": not a fact yet
            return planned.date, None
        return default, None


def _leading(
    cues: Sequence[tuple[int, int, TierStatus]], tier: _Tier, status: TierStatus
) -> tuple[int, int, TierStatus] | None:
    """A cue of `status` that governs another cue before the tier: "agreed to upgrade ... to
    a CSP", "proposal to elevate ties to ..."."""
    for cue in cues:
        if cue[2] is status and cue[1] <= tier.start:
            if any(o[2] is not status and cue[1] <= o[0] and o[1] <= tier.start for o in cues):
                return cue
            if status is S.AGREED and any(
                o[2] is S.PROPOSED and cue[1] <= o[0] < tier.start for o in cues
            ):
                return cue
    return None


def _within(day: dt.date, period: EventDate) -> bool:
    start = period.date
    if start is None:
        return False
    if period.precision is DatePrecision.YEAR:
        return day.year == start.year
    return (day.year, day.month) == (start.year, start.month)


def _status_of(match: re.Match[str]) -> TierStatus:
    for index, (status, _) in enumerate(_CUES):
        if match.group(f"c{index}") is not None:
            return status
    raise AssertionError("a cue matched no group")


def _distance(cue: tuple[int, int, TierStatus], tier: _Tier) -> tuple[int, int]:
    start, end, status = cue
    gap = tier.start - end if end <= tier.start else start - tier.end
    # Prefer cues before the tier's name ("upgraded ... to a CSP") over those after it.
    return (max(gap, 0) + (0 if end <= tier.start else 15), [s for s, _ in _CUES].index(status))


def _negated_near(text: str, cue_start: int | None) -> bool:
    if cue_start is None:
        return False
    before = text[max(0, cue_start - 40) : cue_start].lower()
    return bool(_NEGATION.search(before))


def _targets(tiers: Sequence[_Tier], text: str) -> list[_Tier]:
    """The tiers a sentence states a change of: in "from A to B" only B."""
    targets = []
    for tier in tiers:
        if _SKIPPED.search(text[: tier.start]):
            continue
        if _UPGRADING_FROM.search(text[: tier.start]) and any(
            t.end <= tier.start or _TO_LATER.match(text, tier.end) for t in tiers if t != tier
        ):
            continue  # "upgrading the Strategic Partnership", "elevated the SP ... to a CSP"
        if _REPLACED.search(text[: tier.start]):
            continue  # "the new framework takes the place of the Strategic Partnership"
        after = text[tier.end : tier.end + 6].lower()
        later = [t for t in tiers if t.start > tier.end]
        if later and (
            (after.lstrip().startswith("to ") and _FROM.search(text[: tier.start]))
            or _CHANGED_TO.fullmatch(text[tier.end : later[0].start])
            or _TO_NEXT.fullmatch(text[tier.end : later[0].start])
        ):
            continue  # the tier it changes from
        targets.append(tier)
    return targets


def _previous(text: str, tier: _Tier, tiers: Sequence[_Tier], status: TierStatus) -> str | None:
    if status not in (S.UPGRADED, S.AGREED, S.PROPOSED, S.DOWNGRADED, S.ESTABLISHED):
        return None
    match = _FROM_TO.search(text[: tier.start])
    if match is None:
        before = [t for t in tiers if t.end <= tier.start]
        between = text[before[-1].end : tier.start] if before else ""
        if before and (_CHANGED_TO.fullmatch(between) or _TO_NEXT.fullmatch(between)):
            return before[-1].name  # "the Strategic Partnership be upgraded to ..."
        return None
    earlier = [t for t in tiers if t.start >= match.start("previous") and t.end <= tier.start]
    return earlier[0].name if earlier else None


def _proposer(sentence: Sentence, mentions: Sequence[Mention], cue_start: int | None) -> str | None:
    """Whose proposal it was: "Hun Sen's proposal", "the proposal of Cambodia"."""
    owner = _PROPOSAL_OF.search(sentence.text)
    if owner is not None:
        start, end = owner.start("who") + sentence.start, owner.end("who") + sentence.start
        for mention in mentions:
            if start <= mention.start and mention.end <= end + 2 and _countries(mention):
                return _countries(mention)[0]
    if cue_start is None or not _PROPOSES.match(sentence.text, cue_start):
        return None  # only who proposes is its subject; all who agree are
    before = [
        m for m in mentions if m.end <= sentence.start + cue_start and len(_countries(m)) == 1
    ]
    return _countries(max(before, key=lambda m: m.start))[0] if before else None


def _countries(mention: Mention, *, places: bool = False) -> list[str]:
    """The states a mention names as actors ("in Qatar" only with `places`)."""
    if (mention.cue in PLACE_CUES and not places) or mention.actor.sector not in STATE_SECTORS:
        return []
    if mention.actor.members:
        return list(mention.actor.members)
    return [mention.actor.country] if mention.actor.country else []


def _pairs(
    sentence: Sentence,
    mentions: Sequence[Mention],
    events: Sequence[Event],
    main: tuple[str, str] | None,
    cue_start: int | None,
) -> tuple[list[tuple[str, str]], float]:
    """The pairs of states a fact is about: a subject list with the state after the cue
    ("Saudi Arabia, the UAE and Egypt cut ties with Qatar"), two joined subjects ("Saudi Arabia
    and Iran agreed"), the pair of the event the parse found at the cue, the states named in
    the cue's clause, in the sentence, else the article's own pair."""
    text = sentence.text
    if cue_start is not None and main is not None and _PAIR_AS_SUBJECT.search(text[:cue_start]):
        return [_sorted(*main)], CONFIDENCE_PAIR_INFERRED  # "the two countries became ..."
    if cue_start is not None:
        clause = _clause(text, cue_start)
        subjects = _subject_list(sentence, mentions, cue_start)
        partner = _object_after(sentence, mentions, cue_start, clause)
        if (
            subjects
            and partner
            and partner not in subjects
            and (len(subjects) >= 2 or not _event_at(text, events, mentions, cue_start, True))
        ):
            return [_sorted(s, partner) for s in subjects], CONFIDENCE_PAIR_STATED
        if len(subjects) == 2:
            return [_sorted(*subjects)], CONFIDENCE_PAIR_STATED
        nearest = _event_at(text, events, mentions, cue_start)
        if nearest is not None:
            return [nearest], CONFIDENCE_PAIR_STATED
        inside = [
            m
            for m in mentions
            if clause[0] <= m.start - sentence.start and m.end - sentence.start <= clause[1]
        ]
        named = _named(inside)
        if len(named) >= 2:
            return [_sorted(*named[:2])], CONFIDENCE_PAIR_STATED
    named = _named(mentions)
    if len(named) >= 2:
        return [_sorted(*named[:2])], CONFIDENCE_PAIR_STATED
    if len(named) == 1 and main is not None and named[0] in main:
        return [_sorted(*main)], CONFIDENCE_PAIR_INFERRED
    if not named and main is not None and _BOTH.search(text):
        return [_sorted(*main)], CONFIDENCE_PAIR_INFERRED
    return [], 0.0


def _capitalised_alone(text: str, start: int) -> bool:
    """A one-word name ("Partnership") counts when capitalised and not the end of a longer
    name ("a partnership", "the ... Economic Partnership Agreement" do not)."""
    if not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 30) : start].split()
    return not before or not before[-1][:1].isupper()


def _to_dominant_pair(facts: list[TierFact]) -> list[TierFact]:
    """Facts whose pair was inferred ("the two countries") take the pair the article's stated
    facts are most about, when that differs from the states it names most."""
    stated = Counter(
        (f.a, f.b) for f in facts if f.confidence >= CONFIDENCE_PAIR_STATED
    ).most_common(1)
    if not stated:
        return facts
    a, b = stated[0][0]
    return [replace(f, a=a, b=b) if f.confidence < CONFIDENCE_PAIR_STATED else f for f in facts]


def _sorted(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _subject_list(sentence: Sentence, mentions: Sequence[Mention], cue_start: int) -> list[str]:
    """The states listed right before the cue: "Saudi Arabia, the UAE and Egypt cut ..."."""
    before = sorted(
        (
            m
            for m in mentions
            if m.end - sentence.start <= cue_start and _countries(m) and m.cue != "pronoun"
        ),
        key=lambda m: m.start,
    )
    if not before:
        return []
    last = before[-1]
    gap = sentence.text[last.end - sentence.start : cue_start]
    if len(gap) > 30 or not _SUBJECT_GAP.fullmatch(gap):
        return []
    listed = [last]
    for mention in reversed(before[:-1]):
        between = sentence.text[mention.end - sentence.start : listed[-1].start - sentence.start]
        if not _LIST_JOIN.fullmatch(between):
            break
        listed.append(mention)
    found: list[str] = []
    for mention in reversed(listed):
        for country in _countries(mention):
            if country not in found:
                found.append(country)
    return found


def _object_after(
    sentence: Sentence, mentions: Sequence[Mention], cue_start: int, clause: tuple[int, int]
) -> str | None:
    """The first state named after the cue in its clause ("cut diplomatic ties with Qatar")."""
    after = sorted(
        (
            m
            for m in mentions
            if cue_start < m.start - sentence.start
            and m.end - sentence.start <= clause[1]
            and m.cue != "pronoun"
        ),
        key=lambda m: m.start,
    )
    for mention in after:
        found = _countries(mention, places=True)
        before = sentence.text[
            max(0, mention.start - sentence.start - 12) : mention.start - sentence.start
        ]
        near = mention.start - sentence.start - cue_start <= PARTNER_REACH
        if found and near and _PARTNER_PREP.search(before):
            return found[0]
    return None


def _named(mentions: Sequence[Mention]) -> list[str]:
    """States named, in order; places ("in Qatar") and pronouns only when names give fewer
    than two."""
    ordered = sorted(mentions, key=lambda m: m.start)
    found: list[str] = []
    for group, places in (
        ([m for m in ordered if m.cue != "pronoun" and m.cue not in PLACE_CUES], False),
        ([m for m in ordered if m.cue in PLACE_CUES], True),
        ([m for m in ordered if m.cue == "pronoun"], False),
    ):
        for mention in group:
            for country in _countries(mention, places=places):
                if country not in found:
                    found.append(country)
        if len(found) >= 2:
            break
    return found


def _event_at(
    text: str,
    events: Sequence[Event],
    mentions: Sequence[Mention],
    cue_start: int,
    names_only: bool = False,
) -> tuple[str, str] | None:
    """The pair of the event whose trigger is the cue or right beside it (with `names_only`,
    of an event whose sides are named, not pronouns)."""
    best: tuple[int, tuple[str, str]] | None = None
    places = {m.start for m in mentions if m.cue in PLACE_CUES}
    for event in events:
        if event.aux or event.source is None or event.target is None:
            continue
        if names_only and {event.source.text.lower(), event.target.text.lower()} & PRONOUNS:
            continue
        if places & {event.source.start, event.target.start} or not (
            event.source.actor.sector in STATE_SECTORS
            and event.target.actor.sector in STATE_SECTORS
        ):
            continue  # "Busan and Ho Chi Minh City signed": cities and their people, not states
        a, b = event.source.actor.country, event.target.actor.country
        at = text.find(event.trigger)
        if not a or not b or a == b or at < 0:
            continue
        distance = abs(at - cue_start)
        if distance <= EVENT_NEAR_CUE and (best is None or distance < best[0]):
            x, y = sorted((a, b))
            best = (distance, (x, y))
    return best[1] if best else None


def _clause(text: str, at: int) -> tuple[int, int]:
    """The clause around offset `at`: bounded by semicolons and ", while", ", but"..."""
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return start, end


def _main_pair(mentions: Sequence[Mention], events: Sequence[Event] = ()) -> tuple[str, str] | None:
    """The two states the article is about: of the three it names most, the two with the most
    mentions and events between them (an event counts as `EVENT_WEIGHT` mentions)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.field == "body":
            for country in _countries(mention):
                counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    if len(ranked) < 2:
        return None
    leading = set(ranked[:3])
    pairs = Counter(
        _sorted(e.source.actor.country, e.target.actor.country)
        for e in events
        if not e.aux
        and e.source is not None
        and e.target is not None
        and e.source.actor.country in leading
        and e.target.actor.country in leading
        and e.source.actor.sector in STATE_SECTORS
        and e.target.actor.sector in STATE_SECTORS
        and e.source.actor.country != e.target.actor.country
    )
    candidates = [_sorted(x, y) for x in leading for y in leading if x < y]
    return max(
        candidates,
        key=lambda p: (counts[p[0]] + counts[p[1]] + EVENT_WEIGHT * pairs[p], p),
    )
