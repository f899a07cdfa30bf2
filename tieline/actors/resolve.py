"""Resolve mentions of actors in a text: cues in the text first, the knowledge base second.

For each sentence that holds a knowledge-base phrase or a pronoun, spaCy tags the words and
finds names. Words are grouped into noun phrases ("his Japanese counterpart Fumio Kishida",
"Senior Hungarian and Romanian officials", "Israel's high court"), and each phrase is read by
what it holds:

* a person (known, or a name spaCy found): the person, with country and sector from the
  phrase's own cues (a demonym, a title, "former"), then from an apposition ("X, a research
  fellow at Y", "Saito Tetsuo of Japan"), then from the role the knowledge base says the person
  held on the day, then from the article's main country;
* an organisation (an IGO, a ministry, an armed force, a company): the organisation;
* an agent noun ("officials", "government", "navy"): its sector, with the country of the
  demonym or country name before it ("British nationals", "Israel's high court");
* a country name: the state itself; a capital that acts ("Tokyo said"): its government;
* "the Kingdom", "the two countries", "he", "its", "the prime minister", a bare surname: the
  earlier mention they refer to, or the article's main countries.

Every mention records the cue that decided it, the table entry or earlier mention behind it,
and a confidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from tieline.actors.gazetteer import Gazetteer, Hit, fold
from tieline.actors.kb import (
    ELITE,
    MANUAL,
    PARTY,
    Entry,
    EntryKind,
    KnowledgeBase,
    Organisation,
    Person,
    Term,
    dominant_town,
    is_common_word,
    load_given_names,
    load_world_towns,
)
from tieline.actors.origin import NameOrigins
from tieline.annotate.nlp import coarse_pos
from tieline.annotate.sentences import split_sentences
from tieline.models import Actor, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

RESOLVER = "actors.v1"
FORMER_OFFICIAL = "former official"  # the role of someone out of office on the day
STATELESS_ARMED_CODE = "IMG"  # CAMEO's international militarized group
# Confidence of a mention read without a parse, relative to its cue's (no title, apposition or
# coordination could be checked).
PLAIN_READING = 0.9
# Sentences per spaCy batch, in `resolve` and in a caller's parse of several articles at once.
PARSE_BATCH = 64

# Confidence by cue; calibrated by hand on the sample page, to be refined against gold sets.
CONFIDENCE = {
    "kb:person+cue": 0.95,
    "kb:person": 0.85,
    "kb:organisation": 0.9,
    "country": 0.95,
    "igo": 0.9,
    "agent+country": 0.9,
    "agent+owner": 0.7,
    "name+cue": 0.8,
    "name+title": 0.8,
    "name+apposition": 0.75,
    "capital+verb": 0.8,
    "form": 0.7,
    "group": 0.7,
    "pronoun": 0.7,
    "surname": 0.8,
    "leader's government": 0.8,
    "description": 0.75,
    "acronym": 0.85,
    "org-name": 0.65,
    "context": 0.4,
    "name-origin": 0.45,  # a guess from context that the name or its title narrowed
    "place": 0.6,
    "unknown-place": 0.35,
    "demonym": 0.8,
    "capital": 0.8,
    "club": 0.6,
    "agent": 0.5,
}
COUNTRY_FORMS = frozenset(
    {
        "kingdom",
        "republic",
        "emirate",
        "emirates",
        "sultanate",
        "principality",
        "federation",
        "commonwealth",
        "union",
        "confederation",
        "grand duchy",
        "state",
    }
)
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
# What "the two …" or "both …" may call the last two states named ("the two territories":
# Guadeloupe and the U.S. Virgin Islands).
STATE_PAIR_NOUNS = (
    r"countries|nations|states|sides|governments|neighbou?rs|territories|islands|allies"
)
GROUP_PHRASE = re.compile(
    rf"^(?:the\s+two|both(?:\s+the)?)\s+(?:{STATE_PAIR_NOUNS})$",
    re.I,
)
# "both countries' leaders", "the two nations' foreign ministers": the agent noun of the pair
GROUP_OWNS = re.compile(
    rf"^(?:the\s+)?(?:two|both(?:\s+the)?)\s+(?:{STATE_PAIR_NOUNS})\s*['’]s?\s+(?P<owned>.+)$",
    re.I,
)
# "the two leaders", "both presidents": the leaders of the two states whose people were last
# named ("Putin and his Turkish counterpart, Erdoğan")
LEADERS_PHRASE = re.compile(
    r"^(?:the\s+two|both(?:\s+the)?)\s+(?:leaders|presidents|prime\s+ministers|premiers|"
    r"heads\s+of\s+state|foreign\s+ministers|defen[cs]e\s+ministers|ministers)$",
    re.I,
)
# "the group", "the group's …": the armed group or body named last (`_recent_group`)
GROUP_REFERENCE = re.compile(r"^(?:the|this)\s+group(?:\s+['’]s\b.*)?$")
# "the agency", "the committee's report": the body whose name has that word, named a few
# sentences back ("the Environmental Protection Agency ... The agency said")
REFERRED_BODIES = (
    "agency|department|commission|bureau|board|committee|council|foundation|institute|"
    "association|federation|coalition|party|ministry|court|tribunal"
)
BODY_REFERENCE = re.compile(rf"^(?:the|this)\s+({REFERRED_BODIES})(?:\s+['’]s\b.*)?$")
# "the bloc", "the alliance's members": the organisation of states named last
BLOC_REFERENCE = re.compile(r"^(?:the|this)\s+(bloc|alliance)(?:\s+['’]s\b.*)?$")
# "the pair", "the two men": the last two people named
PAIR_PHRASE = re.compile(
    r"^(?:(?:the\s+two|both(?:\s+the)?)\s+(?:men|women|brothers|sisters)|the\s+(?:pair|couple))$",
    re.I,
)
# "the 21-year-old": the person named last
AGE_REFERENCE = re.compile(r"^the\s+\d+\s*-\s*year\s*-\s*old$")
# Words that refer back to an actor without naming it.
REFERRING = re.compile(
    r"\bthe\s+\d+-year-old\b|\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Ii]ts?|[Tt]hey|them|[Tt]heir)\b|"
    rf"\b(?:two|both)\s+(?:{STATE_PAIR_NOUNS}|"
    r"leaders|presidents|prime\s+ministers|ministers|men|women)\b|"
    rf"\b[Tt]he\s+(?:pair|couple|group|{REFERRED_BODIES})\b|"
    r"\bthe\s+(?:Kingdom|Republic|Emirates?|Sultanate|"
    r"Principality|Federation|Commonwealth|Union|Confederation)\b"
)
# Words that put someone out of the office named after them: "former", and "ousted" or
# "deposed" ("Ousted President Askar Akayev"), "late" (dead).
FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "late", "ousted", "deposed", "overthrown"})
PLACE_CUES = frozenset({"place", "unknown-place", "capital", "pronoun"})
# What an agent's evidence says when its words name no state: the after-passes that place it
# later (`_place_national_titles`, `_unattached_spokespeople`) look for it.
NO_COUNTRY_STATED = "no country stated"
LEADER_ROLES = frozenset({"head of state", "head of government", "leader"})
COUNTERPART = frozenset({"counterpart", "counterparts"})
# Words in an organisation's name that give its sector.
# The last word of a firm's name ("WeWork Inc.", "the Carlyle Group"): abbreviations, which
# may take a full stop, and words. One list for the names (COMPANY_NAME) and for the sector a
# name gives (ORG_SECTOR_WORDS).
FIRM_ABBREVIATIONS = ("Inc", "Corp", "Co", "Ltd")
FIRM_SUFFIXES = (
    "Corporation", "LLC", "Plc", "PLC", "plc", "Holdings", "Group", "GmbH", "Technologies",
    "Airlines", "Airways", "Capital", "Partners", "Ventures", "Robotics", "Pharmaceuticals",
    "Industries", "Enterprises", "Motors", "Productions", "Records", "Systems", "Aerospace",
    "Machines", "Entertainment", "Studios", "Labs", "Laboratories", "Networks", "Communications",
    "Solutions", "Software", "Brands", "Foods", "Therapeutics", "Biosciences", "Logistics",
    "Investments", "Petroleum", "Electronics", "Semiconductor", "Telecom", "Pharma", "Bancorp",
)  # fmt: skip
ORG_SECTOR_WORDS = (
    # first: a legislature's committee is the legislature's, whatever it oversees ("the Senate
    # Judiciary Committee", "the Commons Defence Committee")
    (
        re.compile(
            r"\b(?:senate|house|congressional|parliamentary|legislative|commons|lords)\b"
            r".*\b(?:committee|subcommittee|caucus)\b",
            re.I,
        ),
        "LEG",
    ),
    # then: "Columbus Police Department", "the Sheriff's Office" are the police, not a
    # government department or office
    # and its prisons: "Metropolitan Correctional Center", "Department of Corrections"
    (
        re.compile(
            r"\b(?:police|gendarmerie|sheriff'?s?|constabulary|correctional|corrections|"
            r"penitentiary|prison service)\b",
            re.I,
        ),
        "COP",
    ),
    (
        re.compile(
            r"\b(?:ministry|ministries|department|cabinet|government|presidency|office of"
            r"|commission|agency|bureau|directorate"
            r"|(?:city|county|borough|district|town|parish|municipal) council)\b",
            re.I,
        ),
        "GOV",
    ),
    (
        re.compile(
            r"\b(?:army|navy|air force|armed forces|self-defen[cs]e force|military|marines?"
            r"|coast guard|guard|fleet(?!\s+street)|special (?:operations )?forces|brigade"
            r"|regiment|battalion|airborne)\b",
            re.I,
        ),
        "MIL",
    ),
    (re.compile(r"\b(?:court|tribunal|judiciary)\b", re.I), "JUD"),
    (re.compile(r"\b(?:parliament|assembly|senate|congress|legislature|diet|duma)\b", re.I), "LEG"),
    (
        re.compile(
            r"\b(?:"
            + "|".join((*FIRM_ABBREVIATIONS, *FIRM_SUFFIXES, "company", "limited", "bank"))
            + r"|airline|motor)\b",
            re.I,
        ),
        "BUS",
    ),
    (re.compile(r"\b(?:university|college|polytechnic|school)\b", re.I), "EDU"),
    (re.compile(r"\b(?:hospital|infirmary)\b", re.I), "MED"),
    (
        re.compile(r"\b(?:institute|centre|center|foundation|academy|think tank)\b", re.I),
        "CVL",
    ),
    (re.compile(r"\b(?:front|movement|brigades?|militia|liberation)\b", re.I), "REB"),
    (
        re.compile(
            r"\b(?:newspaper|news agency|television|radio|times|post|herald|chronicle|gazette|"
            r"tribune|journal|telegraph|courier|inquirer|enquirer|dispatch|sentinel|examiner|"
            r"argus|globe|sun|mirror|observer|daily|register|bulletin)\b",
            re.I,
        ),
        "JRN",
    ),
    (re.compile(r"\b(?:party)\b", re.I), "PTY"),
)
HOUSE_COMMITTEE = re.compile(r"(?:the\s+)?House\s+(?:[A-Z][\w'’-]*\s+){0,4}Committee$", re.I)
# Organisations whose country, when not written, is the article's main country.
GOVERNMENT_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP"})
# Sectors of public office: someone who held one "formerly" is of the elite (ELI).
OFFICES = GOVERNMENT_SECTORS | {"PTY", "OPP", "SPY"}
CALENDAR_WORDS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)"
)
INSTITUTION_HEADS = (
    r"(?:Ministry|Department|Council|Commission|Agency|Committee|Office|Directorate|Bureau|Court|"
    r"Assembly|Institute|Centre|Center|Force|Forces|Army|Navy|University|Front|Party|Union|"
    r"Association|Federation|Confederation|Syndicate|School|College|Hospital|Infirmary|"
    r"Coalition|Alliance|League|Network|Foundation|Society|Forum|Organisation|Organization)"
)
# A capitalised institution name spaCy may split: "the Ministry of Foreign Affairs and ...",
# "the Rwandan Patriotic Front". "and" joins words of one name ("Ministry of Energy and Mines"),
# not a second institution ("the Ministry of Health and Makerere University").
_NAME_WORDS = (
    r"\s+(?:the\s+)?(?!" + CALENDAR_WORDS + r"\b)"  # "the Committee on Tuesday": a day
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
)
INSTITUTION_NAME = re.compile(
    r"\b(?:(?:[A-Z][\w'’-]+\s+){0,4})" + INSTITUTION_HEADS + r"\b"
    # "and" only after "of ..." ("Ministry of Energy and Mines"): "Victoria Hospital and Chris
    # Kuo" names a hospital and a man
    r"(?:\s+(?:of|for|on)" + _NAME_WORDS + r"(?:\s+(?:of|for|on|and(?!\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]+\s+){0,4}" + INSTITUTION_HEADS + r"\b))" + _NAME_WORDS + r")*)?"
)
# A firm's name the knowledge base lacks: capitalised words and a legal or trade suffix
# ("WeWork Inc.", "the Carlyle Group", "Ceres Robotics", "Air Astana" is left to the tables).
COMPANY_SUFFIXES = (
    rf"(?:(?:{'|'.join(FIRM_ABBREVIATIONS)})\b(?![-‐])\.?"
    rf"|(?:{'|'.join(FIRM_SUFFIXES)})\b(?![-‐]))"
)
COMPANY_NAME = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*\s+){1,4}" + COMPANY_SUFFIXES + r"(?!\s+(?:of|for)\b)"
)
# A newspaper's name: capitalised words and a newspaper's word ("the Houston Chronicle", "the
# Fort Worth Star-Telegram", "the Sioux Falls Argus Leader", "the Baltimore Sun"); the town in
# it is no place here.
NEWSPAPER_NAME = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Chronicle|Gazette|Tribune|Journal|Star-Telegram|Courier|"
    r"Inquirer|Enquirer|Dispatch|Sentinel|Examiner|Argus(?:\s+Leader)?|Globe|Sun|Herald|"
    r"Observer|Mirror|Times|Post)\b(?![-‐])(?!\s+[A-Z])"  # not "Mohegan Sun Arena"
)
NP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM"})
# "that", "which", "who": a relative clause starts; the noun phrase before it ends.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Small words inside names: "Osama bin Laden", "Charles de Gaulle".
NAME_PARTICLES = frozenset(
    {"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "la", "le", "du"}
)
# Words that make a run of capitalised words something other than a person.
NOT_NAME_WORDS = frozenset(
    """ministry ministries council party army forces force university institute centre center
    summit forum bank agency union republic kingdom committee commission court assembly
    parliament congress senate government company corporation corp group inc ltd airlines
    post times news media television radio museum hospital airport stadium bridge street road
    river sea ocean island islands mountain mountains province state states city district
    county region square games olympics cup war day declaration treaty agreement accord act
    plan initiative partnership strategy conference festival award prize church mosque temple
    club league federation association organisation organization foundation office department
    bureau authority service services police navy guard brigade front movement alliance
    coalition network project program programme fund january february march april may june
    july august september october november december monday tuesday wednesday thursday friday
    saturday sunday system mission rocket lander satellite telescope unit herald tribune gazette
    journal chronicle telegraph observer daily room rooms building buildings palace embassy
    consulate compound prison jail hotel school college academy station
    barracks presidency administration era doctrine""".split()
)
# Agent nouns that, owned by a person, name what they do rather than people ("his opposition
# to the plan").
ACTS = frozenset({"opposition", "support", "leadership", "command", "rule"})
# Nouns after a leader's name that mean the government they lead ("the Trump administration").
LEADERS_GOVERNMENT_NOUNS = frozenset({"administration", "government", "regime", "cabinet"})
# Demonyms that name one person, never the state ("a Briton", "a Frenchman").
ONE_PERSON_DEMONYMS = frozenset(
    {"briton", "frenchman", "frenchwoman", "englishman", "englishwoman", "dutchman", "scotsman"}
)
# Peoples of no state of their own, spread over several: their armed men are no state's
# forces ("Kurdish forces", "Kurdish militias").
STATELESS_PEOPLES = frozenset({"kurdish", "kurd"})
# Peoples and faiths of no state of their own, whose words name no person ("the US-backed
# Kurdish-Arab Syrian Democratic Forces").
PEOPLES = STATELESS_PEOPLES | frozenset(
    "arab arabs sunni shia shiite alawite druze yazidi turkmen assyrian pashtun".split()
)
STATELESS_PEOPLE_NOUNS = frozenset({"kurds"})  # the people itself: "the Kurds"
# States whose Kurdish regions have had Kurdish armed forces of their own since 2014 (Syria's
# YPG and SDF, Iraq's peshmerga); Turkey's and Iran's Kurdish armed groups (the PKK, PJAK) are
# named as such. "Kurdish fighters" in a story of one of these are its Kurds'.
KURDISH_REGIONS = ("SYR", "IRQ")
# Sectors of a Kurdish region's own authorities: "Kurdish officials", "Kurdish police".
KURDISH_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "LEG", "SPY"})
# Of those regions, the ones whose Kurdish authorities are not a recognised government: the
# Autonomous Administration of North and East Syria (Iraq's Kurdistan Region is in its
# constitution of 2005).
UNRECOGNISED_KURDISH_AUTHORITIES = frozenset({"SYR"})
# The Kurdish-led forces of north-east Syria: where an article names them, "the Kurds" of Syria
# are they and their administration.
KURDISH_FORCES = (
    "armed:syrian-democratic-forces-syr",
    "armed:people-s-defense-units-syr",
    "armed:women-s-protection-units-syr",
    "armed:kurdish-democratic-union-party",
    "armed:asayish-syr",
)
# Agent nouns that name states themselves ("former Soviet states").
STATE_NOUNS = frozenset({"state", "states", "republic", "republics", "country", "countries"})
MANY_STATES = frozenset({"states", "republics", "countries", "nations", "governments"})
# Parts of the world that lie in no one state: neither a person nor a state's place ("the
# 1983 missile standoff in Europe", "the Middle East").
WORLD_REGIONS = frozenset(
    """europe asia africa americas eurasia oceania antarctica arctic balkans caucasus
    scandinavia mediterranean sahel maghreb levant middle east""".split()
)
NOUNS = frozenset({"NOUN", "PROPN"})
# A word before an agent noun that makes the agent a legislature's ("congressional
# investigators", "House aides"): as written ("House" with its capital, not "house").
LEGISLATURES_OWN = re.compile(
    r"[Cc]ongressional|House|Senate|[Pp]arliamentary|[Ll]egislative|[Ii]mpeachment|[Cc]ommittee"
)
# The agents a legislature has (its staff and those who investigate for it), whom the tables
# give another sector ("investigators" COP, "aides" GOV).
LEGISLATURES_STAFF = frozenset(
    """investigator investigators aide aides staff staffer staffers counsel lawyers lawyer
    officials official""".split()
)
ARMED_GROUP_KEY = "armed:"  # how the knowledge base's keys of armed groups begin
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})  # a noun's roles in a clause
# "the town of X", "the province of X": X is a place.
SETTLEMENT_NOUNS = frozenset(
    {"town", "city", "village", "province", "district", "region", "port", "island"}
)
# Words that make a newspaper, radio or news agency the government's voice.
STATE_MEDIA_WORDS = frozenset(
    {"official", "state", "state-run", "state-owned", "state-controlled", "government-run"}
)
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "through",
        "into",
        "within",
        "toward",
        "towards",
        "via",
        "throughout",
        "from",
    }
)
# Titles of the heads of any body, which the tables code as a government's (GOV): "the
# university's president" is the university's.
BODY_HEADS = frozenset(
    """president presidents vice-president chairman chairwoman chair chairperson director
    directors head chief secretary secretary-general chancellor""".split()
)
# Agent nouns too general to decide a sector when a more specific one stands beside them:
# "Israeli intelligence officials" are intelligence (SPY), not generic officials (GOV).
GENERIC_AGENTS = frozenset(
    {
        "deputy",  # "Lavrov's deputy": the owner's sector, not a sheriff's deputy (COP)
        "deputies",
        "official",
        "officials",
        "leader",
        "leaders",
        "member",
        "members",
        "authorities",
        "source",
        "sources",
        "people",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "representatives",
        "personnel",
        "staff",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "founder",  # "Amazon founder Jeff Bezos": BUS; "the charity's founder": the charity's
        "founders",
        "co-founder",
        "co-founders",
        "cofounder",
    }
)
# Military ranks: a title that yields to a government office the person held ("Lt. Gen.
# Prosper Avril", then Haiti's president, acts for the government).
MILITARY_RANKS = re.compile(
    r"^(?:gen|general|lt|lieutenant|col|colonel|maj|major|brig|brigadier|capt|captain|adm|"
    r"admiral|marshal|field marshal|commander)\b",
    re.I,
)


@dataclass(frozen=True)
class Plan:
    """What `Resolver.resolve` reads of one text: the knowledge base's phrases in it (`hits`),
    the sentences that may hold an actor (`wanted`), and those of them it parses (`deep`)."""

    hits: list[Hit]
    wanted: list[Sentence]
    deep: list[Sentence]
    repeated: frozenset[str] = frozenset()  # names the text repeats (`_repeated_names`)
    sentences: Sequence[Sentence] = ()  # all the text's sentences


@dataclass
class Unit:
    """A stretch of words that names something: a knowledge-base hit, a name, a pronoun."""

    start: int  # token indices within the sentence doc, end exclusive
    end: int
    kind: str  # an EntryKind value, or "name", "org", "pronoun", "form", "group"
    text: str
    entry: Entry | None = None


@dataclass
class _Token:
    start: int  # character offsets in the text
    end: int
    text: str
    pos: str
    tag: str
    unit: Unit | None = None
    head: int = -1  # the index of the word the parse hangs this one on (itself at the root)
    dep: str = ""  # the parse's relation to it


@dataclass
class _Context:
    """What is known about the article while reading it: who was mentioned, most-named states."""

    day: dt.date | None
    salience: Counter[str] = field(default_factory=Counter)
    named: set[str] = field(default_factory=set)  # states the text names by any place name
    first_seen: dict[str, int] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    acronyms: dict[str, Actor] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # first tokens of phrases already read
    backers: dict[int, set[str]] = field(
        default_factory=dict
    )  # states named as backers, by sentence
    towns: Counter[str] = field(default_factory=Counter)  # states of the towns named, by count
    policing: bool = False  # the article speaks of police more than of soldiers
    armed: Counter[str] = field(default_factory=Counter)  # armed groups named, by count
    stateless_lead: str | None = None  # the name of the stateless armed group named most
    stateless_key: str | None = None  # and its organisation key
    text: str = ""  # the text read, which the mentions' offsets index

    def main_countries(self, n: int) -> list[str]:
        """The states the article is mainly about, most named first. An article that names
        no state but only towns of one ("Fort Worth", "Ithaca") is about that one."""
        if not self.salience:
            return [c for c, _ in self.towns.most_common(1)] if len(self.towns) == 1 else []
        ranked = sorted(self.salience, key=lambda c: (-self.salience[c], self.first_seen.get(c, 0)))
        return ranked[:n]

    def dominant(self) -> str | None:
        """The state the article is about when it is about one: named more than once, and at
        least twice as often as all others together, counting its own towns."""
        main, mine, others = self._namings()
        return main if mine > 1 and mine >= 2 * others else None

    def leading(self) -> str | None:
        """The state the article names most, when named more than once and more often than
        all others together, counting its own towns: a story of Iraqi families with a word of
        Syria and Turkey, or of American firms under Chinese tariffs."""
        main, mine, others = self._namings()
        return main if mine > 1 and mine > others else None

    def _namings(self) -> tuple[str | None, int, int]:
        """The state the article names most, how often it and its towns are named, and how
        often all other states are."""
        main = self.main_countries(1)
        named = self.salience or self.towns  # an article naming only towns is about theirs
        if not main:
            return None, 0, 0
        mine = named[main[0]]
        others = sum(named.values()) - mine
        if self.salience:
            mine += self.towns[main[0]]  # and its own towns ("Fort Worth", "Springfield, Ill.")
        return main[0], mine, others

    def count_state(self, country: str, at: int) -> None:
        """Count one naming of a state, written at offset `at`, toward the article's states."""
        self.salience[country] += 1
        self.named.add(country)
        self.first_seen.setdefault(country, at)

    def theatre(self) -> str | None:
        """The state where the article's events happen, when its places say so: the state of
        most of the towns and regions it names ("Idlib", "Homs", "Raqqa"), if named more than
        once and more than any other's. A story of Turkey's deal over Idlib, or of Trump's
        policy on Syria, is set in Syria, though it names Turkey or the United States more
        often. Capitals do not count: they stand for governments that speak far from the
        fighting ("Washington said")."""
        ranked = self.towns.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        if self.salience[ranked[0][0]] < 2:
            # "Geneva" in a story of Syria's peace talks: where talks are held, a state the
            # story hardly names; the war's state is named as such, and more than once
            return None
        return ranked[0][0]


class Resolver:
    """Reads texts for actors. Build once (it holds the knowledge base and models) and reuse."""

    def __init__(
        self, kb: KnowledgeBase, nlp: Language, gazetteer: Gazetteer | None = None
    ) -> None:
        self.kb = kb
        self.nlp = nlp
        self.gazetteer = gazetteer or Gazetteer(kb.entries)
        self._surnames = _surname_index(kb.people.values())
        self._by_name = {p.name.casefold(): p for p in kb.people.values()}
        # first words of the names of the people the tables know: "Jim", "Fumio"
        self._given_names = frozenset(
            p.name.split()[0] for p in kb.people.values() if len(p.name.split()) > 1
        )
        # bodies that act across borders, and people the tables give no state but an armed
        # group's office ("Abu Bakr al-Baghdadi"): none of the state a sentence names
        self._stateless = frozenset(
            key for key, org in kb.organisations.items() if _acts_across_borders(org)
        ) | frozenset(
            key
            for key, person in kb.people.items()
            if person.country is None
            and person.terms
            and all(t.country is None and t.sector == "REB" for t in person.terms)
        )

    @cached_property
    def genders(self) -> dict[str, str]:
        """Given names, each a woman's, a man's or either's: read on first use."""
        return load_given_names()

    def _world_town(
        self, name: str, sentence: Sentence, context: _Context
    ) -> tuple[str, int] | None:
        """The state of a town the other tables lack, and its population, from GeoNames. Of
        the states with a town of the name: one the sentence names, where it names any
        ("at Westminster and Borough Market in London": not Colorado's); else the one the
        article names most ("talks in Gyeongju" in a story of South Korea); else, in a state
        neither names, one whose town dwarfs all others of the name and is a city of its own
        (`dominant_town`): "flew to the summit in Gyeongju" in a story of Japan.
        None where the name is no town's, or could be several ("Bethany")."""
        states = load_world_towns().get(fold(name))
        if not states:
            return None
        here = {
            country
            for hit in self._find(sentence.text)
            if hit.text != name
            for country in _place_countries(hit)
        }
        rank = {state: i for i, state in enumerate(context.main_countries(len(context.salience)))}
        named = [state for state in states if state[0] in (here or rank)]
        if named:  # the state the article names most; of equals, the larger town
            return min(named, key=lambda state: rank.get(state[0], len(rank)))
        return dominant_town(states)

    @cached_property
    def origins(self) -> NameOrigins:
        """Where the names of the people the tables know come from: counted on first use."""
        return NameOrigins.build(self.kb.people.values(), self.kb.countries.values())

    def _find(self, text: str) -> list[Hit]:
        """The knowledge base's phrases in `text`, less the places' names that are a part of
        a person's name ("Chad Wolf", "Mustafa Bali")."""
        hits = _without_first_names(text, self.gazetteer.find(text))
        waters = [m.span() for m in WATERS.finditer(text)]
        hits = [
            h
            for h in hits
            if not _native_american(text, h) and not any(a <= h.start < b for a, b in waters)
        ]
        return _without_surnames(text, hits, self._given_names)

    # -- public ------------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        day: dt.date | None = None,
        sentences: Sequence[Sentence] | None = None,
        context_text: str | None = None,
        field_name: str = "body",
        parsed: dict[int, Doc] | None = None,
        worth_parsing: Callable[[Sentence], bool] | None = None,
        plan: Plan | None = None,
        preparsed: Mapping[int, Doc] | None = None,
    ) -> list[Mention]:
        """Mentions of actors in `text`, in order. `context_text` (the article body, when
        `text` is a caption) decides which countries the article is mainly about.

        Every sentence that may hold an actor is parsed by spaCy, unless `worth_parsing` says
        which deserve it (the event stage's: sentences that may state an event); the others
        are read from the knowledge base's phrases alone (`_read_plain`). The parses are put in
        `parsed` (by sentence index) when given, so the event stage reads the same ones.

        `plan` is `self.plan(text, ...)` when the caller has made it already (then `sentences`
        and `worth_parsing` are not read), and `preparsed` holds the parses, by sentence index,
        of those of its `deep` sentences the caller parsed itself: several articles' sentences
        in one spaCy call are parsed faster than each article's in its own."""
        context = _Context(day, text=text)
        if plan is None:
            plan = self.plan(text, sentences=sentences, worth_parsing=worth_parsing)
        if context_text is None:
            self._count_salience(context, text, plan.hits)  # the plan has found its phrases
        else:
            self._count_salience(context, context_text)
        preparsed = preparsed or {}
        docs = {s.index: preparsed[s.index] for s in plan.deep if s.index in preparsed}
        missing = [s for s in plan.deep if s.index not in docs]
        docs.update(
            zip(
                (s.index for s in missing),
                self.nlp.pipe([s.text for s in missing], batch_size=PARSE_BATCH),
                strict=True,
            )
        )
        hits = _in_context(_on_day(plan.hits, day), context, self._home)
        hits = self._holders_first(hits, day)
        for sentence in plan.wanted:
            doc = docs.get(sentence.index)
            if doc is None:
                self._read_plain(sentence, hits, context, field_name, text)
                continue
            if parsed is not None:
                parsed[sentence.index] = doc
            known = self._known_words(context) | self._leader_surnames(doc, context)
            tokens = self._tokens(doc, sentence, hits, context.acronyms, known, plan.repeated)
            self._read_sentence(tokens, sentence, context, field_name, text)
        _quoted_speakers(context, plan.sentences or split_sentences(text), field_name, text)
        _local_governments(context, text)
        _named_by_acronym(context, text)
        _states_arms_and_jails(context, text)
        _speakers_for(context, text)
        _unattached_spokespeople(context, text)
        _titles_of_named_holders(context, text)
        _place_national_titles(context)
        _described_people(context, text)
        _joined_people(context, text)
        self._settle_names(context, text)
        _firms_own_people(context)  # once the firms are known
        _firms_owners(context)
        _private_people(context, text, self.kb.people, self._given_names)
        return context.mentions

    def plan(
        self,
        text: str,
        *,
        sentences: Sequence[Sentence] | None = None,
        worth_parsing: Callable[[Sentence], bool] | None = None,
    ) -> Plan:
        """Which sentences of `text` `resolve` reads, and which of them it parses."""
        sentences = list(sentences) if sentences is not None else split_sentences(text)
        hits = self._find(text)
        repeated = _repeated_names(text, hits, self._given_names)
        wanted, deep = self._plan(text, sentences, hits, worth_parsing, repeated)
        return Plan(hits, wanted, deep, repeated, sentences)

    def _plan(
        self,
        text: str,
        sentences: Sequence[Sentence],
        hits: list[Hit],
        worth_parsing: Callable[[Sentence], bool] | None,
        repeated: frozenset[str] = frozenset(),
    ) -> tuple[list[Sentence], list[Sentence]]:
        """The sentences that may hold an actor, and those of them worth parsing."""
        defined = set(re.findall(r"\(([A-Z][A-Z0-9]{1,7})\)", text))  # "(JMSDF)": reused later
        for name in _CAPITALISED_RUN.findall(text):  # "Public Utilities Commission": "PUC"
            initials = _initials(name) or ""
            defined.update(initials[i:] for i in range(len(initials) - 2))
        wanted = [
            s
            for s in sentences
            if _needs_reading(s, hits, defined)
            or self._names_someone(s.text)
            or any(word in repeated for word in _CAPITALISED.findall(s.text))
        ]
        deep = [s for s in wanted if worth_parsing is None or worth_parsing(s)]
        return wanted, deep

    def _of_realms(self, hit: Hit) -> bool:
        """Whether a name is that of people of two states or more (a king of several realms,
        namesakes)."""
        people = [e for e in hit.entries if e.kind is EntryKind.PERSON]
        return len(people) > 1 and len({self._home(e) for e in people}) > 1

    def _home(self, entry: Entry) -> str | None:
        """The state of the body or person an entry names, if it is one of a state."""
        if entry.kind is EntryKind.PERSON:
            person = self.kb.people.get(entry.ref)
            return person.country if person is not None else None
        org = self.kb.organisations.get(entry.ref)
        return org.country if org is not None else None

    def _holders_first(self, hits: list[Hit], day: dt.date | None) -> list[Hit]:
        """The hits, with the people of one name who held an office on `day` before those
        who did not ("Governor John Rankin" in 2022 is the British Virgin Islands', not
        Bermuda's of 2016-2020), and a dated office before Phoenix's undated elite ("António
        Guterres" in 2019 is the UN's Secretary-General, not Portugal's elite)."""
        if day is None:
            return hits

        def idle(entry: Entry) -> int:
            """0: in a dated office on the day; 1: only in Phoenix's undated one (an elite
            "… – today"); 2: in none (not a person: 0)."""
            person = self.kb.people.get(entry.ref) if entry.kind is EntryKind.PERSON else None
            if person is None:
                return 0
            term = person.role_on(day)
            if term is None:
                return 2
            return 1 if term.start is None else 0

        out = []
        for hit in hits:
            people = [e for e in hit.entries if e.kind is EntryKind.PERSON]
            if len(people) > 1 and len({idle(e) for e in people}) > 1:
                hit = replace(hit, entries=tuple(sorted(hit.entries, key=idle)))
            out.append(hit)
        return out

    def _names_someone(self, sentence: str) -> bool:
        """Whether a sentence holds a capitalised word that is the surname or a given name of
        someone the knowledge base knows ("Trump said the strikes had worked", "Mike Beauvais
        said"): it may name them alone, or someone the tables lack."""
        return any(
            (word.casefold() in self._surnames or word in self._given_names)
            and not is_common_word(word)
            for word in _CAPITALISED.findall(sentence)
        )

    def _read_plain(
        self, sentence: Sentence, hits: list[Hit], context: _Context, field_name: str, text: str
    ) -> None:
        """A sentence not worth parsing: its knowledge-base phrases as they stand (states,
        known people and organisations, places, "Japanese government"), and the surnames of
        people named earlier in the text, without the cues only a parse gives."""
        before = len(context.mentions)
        self._read_plain_phrases(sentence, hits, context, field_name, text)
        self._read_plain_surnames(sentence, context, field_name, text, before)
        context.mentions[before:] = sorted(context.mentions[before:], key=lambda m: m.start)

    def _read_plain_surnames(
        self, sentence: Sentence, context: _Context, field_name: str, text: str, before: int
    ) -> None:
        """ "Kishida said the deal was good", after "Fumio Kishida": the person named earlier
        whose surname it is (the latest, if several share it)."""
        taken = [(m.start, m.end) for m in context.mentions[before:]]
        earlier = context.mentions[:before]
        for match in _CAPITALISED.finditer(sentence.text):
            word = match.group().removesuffix("'s").removesuffix("’s")
            start = sentence.start + match.start()
            end = start + len(word)
            if any(a < end and start < b for a, b in taken):
                continue
            antecedent = next(
                (
                    m
                    for m in reversed(earlier)
                    if m.actor.person
                    and m.cue != "pronoun"
                    and len(m.actor.name.split()) > 1
                    and fold(word) in _surname_forms(m.actor.name)
                ),
                None,
            )
            if antecedent is None:
                continue
            context.mentions.append(
                Mention(
                    start,
                    end,
                    word,
                    antecedent.actor,
                    "surname",
                    f"the surname of {antecedent.actor.name}, named earlier",
                    round(CONFIDENCE["surname"] * PLAIN_READING, 2),
                    sentence.index,
                    field_name,
                    antecedent=_index(context, antecedent),
                )
            )

    def _read_plain_phrases(
        self, sentence: Sentence, hits: list[Hit], context: _Context, field_name: str, text: str
    ) -> None:
        inside = [h for h in hits if sentence.start <= h.start < sentence.end]
        for n, hit in enumerate(inside):
            entry = _preferred(hit)
            after = inside[n + 1] if n + 1 < len(inside) else None
            follows = after is not None and not text[hit.end : after.start].strip()
            actor: Actor | None = None
            cue, note, end = "", _entry_note(entry), hit.end
            if entry.kind is EntryKind.COUNTRY:
                actor, cue = self._state(entry.ref), "country"
            elif (
                entry.kind is EntryKind.DEMONYM
                and follows
                and after is not None
                and (_preferred(after).kind is EntryKind.AGENT)
            ):
                agent = _preferred(after)
                actor = Actor(
                    f"{hit.text} {after.text}",
                    country=entry.ref,
                    sector=agent.ref,
                    role=_role(after.text),
                )
                cue, end = "agent+country", after.end
                note = f"'{hit.text}' → {entry.ref}; '{after.text}' → {agent.ref}"
            elif entry.kind is EntryKind.DEMONYM:
                actor, cue = replace(self._state(entry.ref), name=hit.text), "demonym"
                if hit.text.lower() in ONE_PERSON_DEMONYMS:
                    actor, note = replace(actor, sector="CVL"), f"{note}; one person of it"
            elif entry.kind in (EntryKind.CAPITAL, EntryKind.CITY):
                actor, cue = self._place(entry.ref, hit.text), "place"
            elif entry.kind is EntryKind.PERSON:
                person = self.kb.people.get(entry.ref)
                if person is not None:
                    term = person.role_on(context.day)
                    former = None if term else _former_official(person, context.day)
                    actor = Actor(
                        person.name,
                        country=(term.country if term else None) or person.country,
                        sector=term.sector if term else ELITE if former else None,
                        role=(term.role or None) if term else FORMER_OFFICIAL if former else None,
                        person=person.key,
                    )
                    cue, note = "kb:person", _term_note(person, term) if term else note
                    if term is not None and _intergovernmental(term):  # acts for the organisation
                        sector = term.sector if term.sector not in (None, "IGO") else "GOV"
                        actor = replace(actor, country=None, sector=sector, igo=term.igo)
                    if former:
                        note += f"; {former}"
                    noun = hit.text.split()[-1].lower()
                    if noun in LEADERS_GOVERNMENT_NOUNS and (
                        government := _government_led(hit.text, noun, person, term)
                    ):
                        (actor, note), cue = government, "leader's government"
            elif entry.kind is not EntryKind.AGENT:
                org = self.kb.organisations.get(entry.ref)
                if org is not None:
                    is_igo = entry.kind is EntryKind.IGO
                    actor = Actor(
                        org.name,
                        country=org.country,
                        sector=None if is_igo else org.sector,
                        igo=entry.ref if is_igo else None,
                        organisation=entry.ref,
                    )
                    cue, note = ("igo" if is_igo else "kb:organisation"), _org_note(org, entry)
            if actor is None:
                continue
            confidence = CONFIDENCE.get(cue, 0.5) * PLAIN_READING
            context.mentions.append(
                Mention(
                    hit.start,
                    end,
                    text[hit.start : end],
                    actor,
                    cue,
                    note,
                    round(confidence, 2),
                    sentence.index,
                    field_name,
                )
            )

    def _settle_names(self, context: _Context, text: str) -> None:
        """A name the tables lack, named several times in the article, is one actor: where
        one mention's cue gave it a sector, or a state (not a guess from context), the others
        that lack one take it ("Blue Origin" alone, after "the five companies — Blue Origin,
        ..."), as do the pronouns that refer to them. Where the cues disagree, each mention
        keeps its own reading. A name whose chief executive or shareholders the text names
        ("WeWork's chief executive"), and that begins with no known given name, is a firm's."""
        groups: dict[str, list[int]] = {}
        for i, mention in enumerate(context.mentions):
            key = _unknown_name(mention, self.kb.people)
            if key is not None:
                groups.setdefault(key, []).append(i)
        changed: dict[int, Actor] = {}
        armed = _armed_groups_named(context.mentions)  # where a person may have joined one
        pronouns: dict[int, list[int]] = {}  # by the mention each refers to
        for i, mention in enumerate(context.mentions):
            if mention.cue == "pronoun" and mention.antecedent is not None:
                pronouns.setdefault(mention.antecedent, []).append(i)
        for members in groups.values():
            read = [context.mentions[i] for i in members]
            camel = CAMEL_CASE.match(read[0].actor.name) is not None
            if not any(m.actor.sector for m in read) and (
                (
                    re.search(re.escape(read[0].text) + FIRMS_OWN.pattern, text, re.I)
                    # "Michael Webb's shares": a person's, named by a given name
                    and read[0].actor.name.split()[0] not in self._given_names
                )
                or camel
            ):
                for i, mention in zip(members, read, strict=True):
                    firm = replace(mention.actor, sector="BUS", person=None)
                    note = f"{mention.evidence}; " + (
                        "a capital inside one word: a firm's or a brand's name"
                        if camel
                        else "its chief executive, shareholders or sale are named: a firm"
                    )
                    context.mentions[i] = replace(mention, actor=firm, evidence=note)
                read = [context.mentions[i] for i in members]
            # and "he"/"she" referring to the name ("when she fled the US to join Isis")
            referring = [
                context.mentions[j] for j in sorted(j for i in members for j in pronouns.get(i, ()))
            ]
            if (
                read[0].actor.person
                and not any(m.actor.sector not in (None, "CVL") or m.actor.igo for m in read)
                and (staff := _staff_post(context, read, text)) is not None
            ):
                body, post = staff
                org = body.actor.igo or ""
                officer = self._officer_sector(org, "GOV") or "GOV"
                note = f"'{post}': an officer of {body.text}, {officer}"
                _give_sector(context, members, officer, note, officer_of=org)
                changed.update({i: context.mentions[i].actor for i in members})
                read = [context.mentions[i] for i in members]
            joined = read[0].actor.person and (
                _joined(read + referring, text, armed) or _members_title(context, read, text)
            )
            if joined:
                _give_sector(context, members, "REB", f"'{joined}': a member of an armed group")
                changed.update({i: context.mentions[i].actor for i in members})
                read = [context.mentions[i] for i in members]
            if read[0].actor.person and (accused := _accused(read, text)):
                note = f"'{accused}': charged with or convicted of a crime"
                _give_sector(context, members, "CRM", note)
                changed.update({i: context.mentions[i].actor for i in members})
                read = [context.mentions[i] for i in members]
            sectors = {m.actor.sector for m in read if m.actor.sector}
            countries = {
                m.actor.country
                for m in read
                if m.actor.country and m.confidence > CONFIDENCE["context"]
            }
            sector = next(iter(sectors)) if len(sectors) == 1 else None
            country = next(iter(countries)) if len(countries) == 1 else None
            for i, mention in zip(members, read, strict=True):
                actor, notes = mention.actor, []
                if sector and not actor.sector:
                    actor, notes = replace(actor, sector=sector), [f"sector {sector}"]
                if (
                    country
                    and actor.country != country
                    and (actor.country is None or mention.confidence <= CONFIDENCE["context"])
                ):
                    actor = replace(actor, country=country)
                    notes.append(f"state {country}")
                if notes:
                    changed[i] = actor
                    context.mentions[i] = replace(
                        mention,
                        actor=actor,
                        evidence=f"{mention.evidence}; {' and '.join(notes)} from another "
                        f"mention of {actor.name} in the article",
                    )
        # in order ("He said he would..."), then again for the pronouns that refer forward
        # to a speaker ("“We estimate …,” he said")
        for _ in range(2):
            for i, mention in enumerate(context.mentions):
                # and "the 21-year-old", the person named last
                if mention.cue in ("pronoun", "description") and mention.antecedent in changed:
                    context.mentions[i] = replace(mention, actor=changed[mention.antecedent])
                    changed[i] = context.mentions[i].actor

    # -- salience ----------------------------------------------------------------------------

    def _count_salience(self, context: _Context, text: str, hits: list[Hit] | None = None) -> None:
        """Which states the article names, and how often; `hits` are the knowledge base's
        phrases in `text` when the caller has found them already."""
        context.policing = len(POLICE_WORDS.findall(text)) > len(MILITARY_WORDS.findall(text))
        # "Harris County", "Napa County": an American county (Ireland and Britain write
        # "County Cork"), a place of the United States as a town is, and so is a town with
        # its state's abbreviation ("Springfield, Ill.")
        if counties := len(US_COUNTY.findall(text)) + len(US_STATE_AFTER.findall(text)):
            context.towns["USA"] += counties
        if hits is None:
            hits = self._find(text)
        realms: list[Hit] = []
        for hit in _on_day(hits, context.day):
            if (group := hit.first(EntryKind.ARMED_GROUP)) is not None:
                context.armed[group.ref] += 1
            entry = hit.first(
                EntryKind.COUNTRY, EntryKind.DEMONYM, EntryKind.CAPITAL, EntryKind.PERSON
            )
            places = _place_countries(hit)
            if (
                entry is None
                and hit.first(EntryKind.INSTITUTION)
                and (owner := self._country_in_name(hit.text))
            ):
                # "U.S. Securities and Exchange Commission", "the Russian Defence Ministry": a
                # state body's name that names its state names the state (an armed group's,
                # "Syrian Democratic Forces", does not)
                context.count_state(owner, hit.start)
                continue
            if entry is not None and entry.kind is EntryKind.PERSON and self._of_realms(hit):
                realms.append(hit)  # "King Charles", king of each of his realms: counted last
                continue
            if entry is None or len(places) > 1:
                if entry is None and len(places) > 1:
                    # a town of two states' names ("Manchester"): the one named more so far,
                    # else the one listed first
                    places = [_likelier_state(context, places)]
                if len(places) == 1:  # a city: "Sochi" names Russia, but is not about it
                    context.named.add(places[0])
                    context.towns[places[0]] += 1
                continue  # nothing, or a word of two states ("Congolese"): context decides it
            country = (
                entry.ref
                if entry.kind is not EntryKind.PERSON
                else self._person_country(entry.ref, context.day, public=True)
            )
            if country:
                context.count_state(country, hit.start)
        for hit in realms:
            # the realm the rest of the article names most: "King Charles" in a story of
            # London is Britain's king
            homes = [
                self._person_country(e.ref, context.day)
                for e in hit.entries
                if e.kind is EntryKind.PERSON
            ]
            named = [h for h in homes if h]
            if named:
                country = max(named, key=lambda c: (context.salience[c], -named.index(c)))
                context.count_state(country, hit.start)
        ranked = context.armed.most_common(2)
        if (
            ranked
            and ranked[0][0] in self._stateless
            and ranked[0][1] >= STATELESS_LEAD
            and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
        ):
            # an article about Islamic State: its "fighters" and "militants" are the group's
            context.stateless_lead = self.kb.organisations[ranked[0][0]].name
            context.stateless_key = ranked[0][0]

    def _person_country(self, key: str, day: dt.date | None, public: bool = False) -> str | None:
        """The state of a person the tables know, on `day`; with `public`, only of one who acts
        in public life there: not a famous private person ("James Foley", an American
        journalist held in Syria, says little of what a story is about)."""
        person = self.kb.people.get(key)
        if person is None:
            return None
        term = person.role_on(day)
        if public and term is not None and _private(term):
            return None
        return (term.country if term else None) or person.country

    # -- tokens and units --------------------------------------------------------------------

    def _tokens(
        self,
        doc: Doc,
        sentence: Sentence,
        hits: list[Hit],
        acronyms: dict[str, Actor],
        surnames: set[str] = frozenset(),  # type: ignore[assignment]
        repeated: frozenset[str] = frozenset(),
    ) -> list[_Token]:
        base = sentence.start
        tokens = []
        for t in doc:
            # "In recent days, airstrikes ... have killed": an agent noun tagged as a verb that
            # the parse makes the subject or an object is a noun
            tag = t.tag_
            if tag == "VBZ" and t.dep_ in NOMINAL_DEPS and t.text.lower() in self.kb.agents:
                tag = "NNS"
            tokens.append(
                _Token(
                    base + t.idx,
                    base + t.idx + len(t.text),
                    t.text,
                    coarse_pos(tag),
                    tag,
                    head=t.head.i,
                    dep=t.dep_,
                )
            )
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}

        def claim(unit_start: int, unit_end: int, kind: str, entry: Entry | None = None) -> bool:
            first, last = _token_span(tokens, unit_start, unit_end, starts, ends)
            if first is None or last is None or any(tokens[i].unit for i in range(first, last + 1)):
                return False
            words = " ".join(t.text for t in tokens[first : last + 1])
            unit = Unit(first, last + 1, kind, words, entry)
            for i in range(first, last + 1):
                tokens[i].unit = unit
            return True

        in_sentence = [h for h in hits if h.start >= base and h.end <= sentence.end]
        for hit in in_sentence:
            entry = _preferred(hit)
            if entry.kind is not EntryKind.AGENT:
                claim(hit.start, hit.end, kind=entry.kind.value, entry=entry)
        agent_spans = [(h.start, h.end) for h in in_sentence if h.first(EntryKind.AGENT)]
        for pattern in (INSTITUTION_NAME, COMPANY_NAME, NEWSPAPER_NAME):
            for match in pattern.finditer(sentence.text):
                leading = len(match.group()) - len(re.sub(r"^(?:The|A|An)\s+", "", match.group()))
                start = base + match.start() + leading
                end = base + match.end()
                if any(start <= a < end < b for a, b in agent_spans):
                    continue  # "City Council member Ann Lee": a title running on past the name
                if pattern is not INSTITUTION_NAME:
                    owner = re.search(r".*['’]s\s+", match.group()[leading:])
                    if owner is not None:
                        start += owner.end()  # "Braun's Ithaca Holdings": the name after it
                    _release_towns(tokens, start, end, match.group())
                # Words before the body's head that name its state stay cues ("Laotian",
                # "Japan's").
                for token in tokens:
                    if token.end <= start:
                        continue
                    if (token.unit is None and token.tag != "POS") or token.start >= end:
                        break
                    start = token.end + 1
                if (
                    pattern is not INSTITUTION_NAME
                    and " " not in sentence.text[start - base : match.end()]
                ):
                    continue  # "the Astana Group", "the Lima Group": a place's name, no firm's
                while not claim(start, end, kind="org") and pattern is INSTITUTION_NAME:
                    # "the Department of Justice and the FBI": the name ends before "and"
                    cut = sentence.text.rfind(" and ", start - base, end - base)
                    if cut < 0:
                        break
                    end = base + cut
        agent_hits = [h for h in in_sentence if _preferred(h).kind is EntryKind.AGENT]
        names = _proper_names(tokens, agent_hits, surnames, repeated)
        for start, end, kind in names:
            if kind == "name":
                claim(start, end, kind="name")
        agent_words = []  # (hit, entry, index of its last token) for each agent phrase
        for hit in agent_hits:
            _, last = _token_span(tokens, hit.start, hit.end, starts, ends)
            if last is not None:
                agent_words.append((hit, _preferred(hit), last))
        for hit, entry, last in agent_words:
            # An agent word before a noun for a body of people names what the body is
            # ("the largest Protestant extremist organization", "an opposition group"): one
            # unit over both words, with the agent's sector.
            after_token = tokens[last + 1] if last + 1 < len(tokens) else None
            if after_token and after_token.text.lower() in BODY_NOUNS and after_token.unit is None:
                claim(hit.start, after_token.end, kind=entry.kind.value, entry=entry)
        for hit, entry, last in agent_words:
            # An agent noun used as an adjective or verb ("remain firm", "an official post")
            # names nobody; nor does one inside a compound ("state-of-the-art"), a bank of a
            # river ("the banks of the Euphrates") or force as it is used ("lethal force").
            if (
                tokens[last].pos in NOUNS
                and not _no_agent_here(sentence.text, hit.start - base, hit.end - base)
                and (hit.text.lower() not in OWNED_AGENTS or _owned(tokens, last))
            ):
                claim(hit.start, hit.end, kind=entry.kind.value, entry=entry)
        for hit, entry, last in agent_words:
            # An agent word used as an adjective right before an agent noun qualifies it
            # ("civilian advisers", "Moslem forces"): a unit, so that it can decide the sector.
            if (
                last + 1 < len(tokens)
                and tokens[last].pos in ("ADJ", "PROPN")
                and (after := tokens[last + 1].unit) is not None
                and after.kind == EntryKind.AGENT.value
            ):
                claim(hit.start, hit.end, kind=entry.kind.value, entry=entry)
        for token in tokens:
            # "Europe told Washington", "criticised Europe": the European Union acting, not
            # the continent ("refugees arrived in Europe")
            if token.text == "Europe" and token.unit is None and _europe_acts(tokens, token):
                claim(token.start, token.end, kind="igo", entry=EUROPE)
        for start, end, kind in names:
            if kind == "gpe":  # a town the knowledge base lacks: "Jericho", "Cizre"
                claim(start, end, kind="gpe")
        for token in tokens:
            if token.text in acronyms:
                claim(token.start, token.end, kind="org")
        for i, token in enumerate(tokens):
            lowered = token.text.lower()
            if (
                token.unit is None
                and token.pos == "PRON"
                and lowered in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
            ):
                token.unit = Unit(i, i + 1, "pronoun", token.text)
        return tokens

    # -- phrases ----------------------------------------------------------------------------

    def _read_sentence(
        self,
        tokens: list[_Token],
        sentence: Sentence,
        context: _Context,
        field_name: str,
        text: str,
    ) -> None:
        chunks = _chunks(tokens)
        context.consumed = set()
        for index, (first, last) in enumerate(chunks):
            if first in context.consumed:
                continue  # an apposition already read with the name before it
            following = chunks[index + 1 :]
            for conjunct in _conjuncts(tokens, first, last):
                self._read_conjunct(
                    tokens, conjunct, (first, last), following, sentence, context, field_name, text
                )
        _firm_lists(context, sentence, text)
        _shared_titles(context, sentence, tokens, text)
        _place_kin(context, sentence, text)
        _place_the_regime(context, sentence)
        _place_followers(context, sentence)
        _foreign_forces(context, sentence)
        in_theatre = _place_in_theatre(context, sentence)
        _place_audiences(context, sentence)
        _place_stateless(context, sentence, self._stateless, in_theatre)
        _place_people_in_theatre(context, sentence)
        self._acronyms_of(context, sentence, text)

    def _acronyms_of(self, context: _Context, sentence: Sentence, text: str) -> None:
        """Acronyms this sentence's bodies and people define for the rest of the article: one
        in brackets after any of them whose initials it spells ("The New York State Attorney
        General (NYAG)"; a named body's own, "(INDECOM)", is taken as it is read), and, for a
        body by a name of three capitalised words or more, the initials of that name and of
        the name less the state or town it opens with ("California Public Utilities
        Commission": "CPUC", "PUC")."""
        for i in _sentence_mentions(context, sentence.index):  # the first to define one wins
            mention = context.mentions[i]
            if mention.cue == "pronoun":
                continue
            actor = mention.actor
            if actor.members or not (actor.sector or actor.igo or actor.organisation):
                continue  # not a state named as a whole, nor a thing placed by a guess
            initials = _initials(mention.text)
            defined = _BRACKETED_ACRONYM.match(text, mention.end)
            if defined and _spells(defined.group(1), initials or ""):
                context.acronyms.setdefault(defined.group(1), actor)
            if actor.person or initials is None or len(initials) < 3:
                continue
            spelt = [initials]
            lead = self.gazetteer.find(mention.text)
            if lead and lead[0].start == 0 and lead[0].first(*PLACE_KINDS):
                spelt.append(_initials(mention.text[lead[0].end :]) or "")
            for acronym in spelt:
                if len(acronym) >= 3 and not self.gazetteer.find(acronym):
                    context.acronyms.setdefault(acronym, actor)

    def _read_conjunct(
        self,
        tokens: list[_Token],
        span: tuple[int, int],
        chunk: tuple[int, int],
        following: list[tuple[int, int]],
        sentence: Sentence,
        context: _Context,
        field_name: str,
        text: str,
    ) -> None:
        first, last = span
        units = _units(tokens, first, last)
        emit = _Emitter(context, sentence, field_name, text, tokens)

        def read_part(part: tuple[int, int]) -> None:
            """Read a stretch of this conjunct as a phrase of its own."""
            self._read_conjunct(tokens, part, chunk, following, sentence, context, field_name, text)

        phrase = " ".join(t.text.lower() for t in tokens[first : last + 1])
        after_the = first + 1 if tokens[first].text.lower() == "the" else first
        pairs = GROUP_OWNS.match(phrase)
        if (
            GROUP_PHRASE.match(phrase.removeprefix("the ").strip())
            or GROUP_PHRASE.match(phrase)
            or (pairs and self.kb.agents.get(pairs.group("owned")))
        ):
            members = tuple(sorted(_recent_countries(context, 2) or context.main_countries(2)))
            if len(members) == 2:
                names = " and ".join(self._state(m).name for m in members)
                why = f"the two states most recently named in the article: {names}"
                sector = None
                if pairs:  # "both countries' leaders": theirs, of the agent noun's sector
                    sector = self.kb.agents[pairs.group("owned")]
                    why += f"; '{pairs.group('owned')}' → {sector}"
                elif phrase.endswith("governments"):  # "both governments"
                    sector = "GOV"
                emit(
                    after_the,
                    last + 1,
                    Actor(names, sector=sector, members=members),
                    "group",
                    why,
                )
            return
        if (
            not (last + 1 < len(tokens) and tokens[last + 1].text.lower() == "of")
            and (referred := _body_referred(context, sentence.index, phrase)) is not None
        ):
            # "Amnesty ... the group said", "Isis ... the group's fighters", "The Environmental
            # Protection Agency fined the company. The agency said": the body named last
            noun, body = referred
            before = len(context.mentions)
            emit(
                first + 1,
                first + 2,
                body.actor,
                "description",
                f"the {noun} named earlier: {body.actor.name}",
                antecedent=_index(context, body),
            )
            if first + 3 <= last:  # what follows "the group's"
                owned = [u for u in units if u.start >= first + 3]
                if (
                    len(context.mentions) > before
                    and tokens[first + 2].tag == "POS"
                    and owned
                    and all(u.kind == "agent" for u in owned)
                ):
                    # "the group's fighters", "the court's prosecutor": the body's own
                    self._owned_agent(owned, context.mentions[-1], context, emit)
                else:
                    read_part((first + 3, last))
            return
        if PAIR_PHRASE.match(phrase) and (pair := _last_two_people(context, sentence.index)):
            earlier, latest = pair
            shared = {
                field: value
                for field in ("country", "sector")
                if (value := getattr(earlier.actor, field)) == getattr(latest.actor, field)
            }
            emit(
                after_the,
                last + 1,
                Actor(f"{earlier.actor.name} and {latest.actor.name}", **shared),
                "group",
                f"the two people named last: {earlier.actor.name} and {latest.actor.name}",
                antecedent=_index(context, latest),
            )
            return
        if AGE_REFERENCE.match(phrase) and (person := _last_person(context)) is not None:
            emit(
                after_the,
                last + 1,
                person.actor,
                "description",
                f"the person named last: {person.actor.name}",
                antecedent=_index(context, person),
            )
            return
        if (
            LEADERS_PHRASE.match(phrase)
            and len(officials := _recent_countries(context, 2, True)) == 2
        ):
            members = tuple(sorted(officials))
            names = " and ".join(self._state(m).name for m in members)
            emit(
                after_the,
                last + 1,
                Actor(f"leaders of {names}", sector="GOV", members=members),
                "group",
                f"the states of the two officials most recently named in the article: {names}",
            )
            return
        if not units:
            self._form(tokens, first, last, context, emit)
            return
        kinds = [u.kind for u in units]
        words = [t.text.lower() for t in tokens[first : last + 1]]
        cues = _country_cues(units, tokens)
        # "Ousted", opening a sentence, is tagged a verb and left out of the phrase ("The army
        # ousted President X" is the event, when he was still in office).
        former = any(w in FORMER for w in words) or (
            first == 1 and tokens[0].text.lower() in FORMER - {"late"}
        )

        persons = [u for u in units if u.kind in ("person", "name")]
        orgs = [u for u in units if u.kind in ORG_UNIT_KINDS]
        agents = [u for u in units if u.kind == "agent"]

        owned_by_body = [
            u
            for u in persons
            if u.kind == "name"
            and _owned_by_body(tokens, u)
            and u.text.split()[0] not in self._given_names  # "NASA's Jim Bridenstine"
        ]
        if owned_by_body:
            # "Blue Origin's Blue Moon", "NASA's Artemis": a body's thing, not a person; the
            # body is read on its own
            persons = [u for u in persons if u not in owned_by_body]
            for unit in orgs:
                if any(o.start == unit.end + 1 for o in owned_by_body):
                    self._organisation(unit, cues, tokens, (first, unit.end - 1), context, emit)
            if not persons:
                return
        if persons:
            for unit in persons:
                if _owned_by_person(tokens, unit):
                    self._owned_name(unit, tokens, context, emit)
                    continue
                own_cues = cues
                if unit.end < len(tokens) and tokens[unit.end].tag == "POS":
                    # "Trump's Syrian volte-face": a state after the possessive is the thing's
                    own_cues = _country_cues([u for u in units if u.start < unit.end], tokens)
                self._person(
                    unit, units, agents, own_cues, former, tokens, chunk, following, context, emit
                )
            for unit in orgs:
                if _owned_by_person(tokens, unit):  # "Elon Musk's SpaceX": the firm too
                    self._organisation(unit, [], tokens, (unit.start, last), context, emit)
            possessor = persons[-1]
            owned = [u for u in units if u.start > possessor.end]
            if (
                possessor.end < len(tokens)
                and tokens[possessor.end].tag == "POS"
                and owned
                and all(u.kind == "agent" for u in owned)
                and owned[-1].text.lower() not in ACTS  # "Mattis's quiet opposition to"
                and context.mentions
                and context.mentions[-1].end == tokens[possessor.end - 1].end
            ):
                # "Erdoğan's spokesman", "Djindjic's opposition coalition": the person's own.
                self._owned_agent(owned, context.mentions[-1], context, emit)
            return
        if orgs:
            for unit in orgs:
                after = [
                    a
                    for a in agents
                    if a.start >= unit.end and a.text.lower() not in GENERIC_AGENTS
                ]
                own = (first, chunk[1])  # its phrase starts with its conjunct: "X and Hamas"
                self._organisation(
                    unit, cues, tokens, own, context, emit, after[-1] if after else None
                )
            return
        if "pronoun" in kinds:
            owner = None
            for unit in units:
                if unit.kind == "pronoun":
                    owner = self._pronoun(unit, tokens, context, emit)
            possessive = [u for u in units if u.kind == "pronoun" and tokens[u.start].tag == "PRP$"]
            rest = [u for u in units if possessive and u.start >= possessive[-1].end]
            if rest and all(u.kind == "agent" for u in rest):
                if any(
                    tokens[i].text.lower() in STATELESS_PEOPLES
                    for i in range(possessive[-1].end, rest[0].start)
                ):
                    # "its Kurdish proxies": a stateless people's armed men, not the owner's
                    read_part((possessive[-1].end, last))
                elif owner is not None:
                    self._owned_agent(rest, owner, context, emit)
            elif rest:  # "his Rwandan Patriotic Front": the words after "his" name their own actor
                read_part((possessive[-1].end, last))
            return
        if self._form(tokens, first, last, context, emit):
            return
        owner_end = next(
            (
                a.end
                for a in agents
                if a.end < last and tokens[a.end].tag == "POS" and agents[-1].start > a.end
            ),
            None,
        )
        if tokens[first].text.lower() != "the":
            owner_end = None  # "King's College", "Kurdish Workers' party": a name, no owner
        if owner_end is not None:
            # "the President's physician": the President, and his physician
            before = len(context.mentions)
            read_part((first, owner_end - 1))
            owned = [u for u in units if u.start > owner_end]
            if len(context.mentions) > before and all(u.kind == "agent" for u in owned):
                self._owned_agent(owned, context.mentions[-1], context, emit)
            return
        if agents:
            self._agent_phrase(
                agents[-1], units, cues, former, first, last, tokens, context, emit, following
            )
            return
        if (
            len(units) > 1
            and units[0].kind == "demonym"
            and all(u.kind in ("demonym", "country") for u in units)
            and (units[-1].kind == "demonym" or tokens[units[-1].end - 1].tag in PLURAL_TAGS)
        ):
            # "Bosnian Serbs": a people qualified by the state it lives in; the first names it.
            entry = units[0].entry
            assert entry is not None
            people = tokens[units[-1].end - 1].tag in PLURAL_TAGS
            emit(
                units[0].start,
                units[-1].end,
                replace(self._state(entry.ref), sector="CVL" if people else None),
                "demonym",
                _entry_note(entry) + ("; a people living in it: civilians" if people else ""),
            )
            return
        for unit in units:
            if unit.kind == "country" and unit.entry:
                emit(
                    unit.start,
                    unit.end,
                    self._state(unit.entry.ref),
                    "country",
                    _entry_note(unit.entry),
                )
            elif unit.kind in ("capital", "city") and _dateline(tokens, unit):
                continue  # "SEOUL --": where the story was filed, neither actor nor place
            elif unit.kind in ("capital", "city") and unit.entry and (club := _club(tokens, unit)):
                # "Real Madrid beat Bayern Munich": a sports club, not Spain's government
                emit(
                    club[0],
                    club[1],
                    replace(
                        self._state(unit.entry.ref),
                        name=emit.written(*club),
                        sector=SPORTS_SECTOR,
                    ),
                    "club",
                    f"'{emit.written(*club)}' names a sports club of {unit.text}, in "
                    f"{unit.entry.ref}: a private body of civilians",
                )
            elif unit.kind == "capital" and unit.entry and not _placed(tokens, unit):
                country = unit.entry.ref
                emit(
                    unit.start,
                    unit.end,
                    replace(self._state(country), sector="GOV", name=unit.text),
                    "capital",
                    f"{unit.text} is the capital of {country}, standing for its government",
                )
            elif unit.kind in ("capital", "city") and unit.entry:
                # A place: the state it lies in, which an event may affect ("a curfew in
                # Algiers"); the event stage tells places from actors by this cue.
                emit(
                    unit.start,
                    unit.end,
                    self._place(unit.entry.ref, unit.text),
                    "place",
                    f"{unit.text} is a place in {unit.entry.ref}; as a participant, its people",
                )
            elif unit.kind == "gpe":
                town = self._world_town(unit.text, emit.sentence, context)
                place_country = _sentence_state(context, emit.sentence.index) or next(
                    iter(context.main_countries(1)), None
                )
                if town is not None:
                    emit(
                        unit.start,
                        unit.end,
                        self._place(town[0], unit.text),
                        "place",
                        f"{unit.text} is a town of {town[0]} (GeoNames, {town[1]:,} people); "
                        "as a participant, its people",
                    )
                elif place_country:
                    emit(
                        unit.start,
                        unit.end,
                        self._place(place_country, unit.text),
                        "unknown-place",
                        f"{unit.text} is a place the knowledge base lacks; taken to be in "
                        f"{place_country}, the state the text is about here",
                    )
            elif unit.kind == "demonym" and unit.entry:
                # "Palestinians", "the Japanese", "an Israeli proposal": the state; "100
                # Palestinians", "young Algerians", "ethnic Albanians": people of it.
                if _former_state(tokens, unit):
                    continue  # "the former Soviet republic of Georgia": where a state came from
                country, sector, note = unit.entry.ref, None, _entry_note(unit.entry)
                if unit.text.lower() in ONE_PERSON_DEMONYMS or _one_of(tokens, unit):
                    sector = "CVL"
                    note += "; one person of it: a civilian"
                elif _people(tokens, first, unit):
                    sector = "CVL"
                    note += "; a counted or described group of people: civilians"
                    elsewhere = _ethnic_home(tokens, unit)
                    if elsewhere:
                        country = elsewhere
                        note += f"; an ethnic group, placed in {elsewhere}, named beside it"
                home = _living_in(tokens, unit, last, following)
                if home is not None:
                    # "The Albanians of southern Serbia": a people living in a place, maybe
                    # of another state; civilians either way.
                    country, sector = home.ref, "CVL"
                    note += f"; a people living in {home.phrase}: civilians of {home.ref}"
                emit(
                    unit.start,
                    unit.end,
                    replace(self._state(country), name=unit.text, sector=sector),
                    "demonym",
                    note,
                )

    # -- readings ---------------------------------------------------------------------------

    def _person(
        self,
        unit: Unit,
        units: list[Unit],
        agents: list[Unit],
        cues: list[Entry],
        former: bool,
        tokens: list[_Token],
        chunk: tuple[int, int],
        following: list[tuple[int, int]],
        context: _Context,
        emit: _Emitter,
    ) -> None:
        person = self.kb.people.get(unit.entry.ref) if unit.entry else None
        if self._leaders_government(unit, person, tokens, chunk, context, emit):
            return
        # the name as written ("Ben Murray-Bruce", not the tokens "Murray - Bruce")
        written = emit.written(unit.start, unit.end)
        if person is None and _modifies_thing(tokens, unit, chunk):
            return  # "Preah Sihanouk deep-sea port": a name used for a place or a thing
        cue = "kb:person" if person else "name+cue"
        evidence: list[str] = []
        igo: str | None = None
        antecedent = None
        if person is None:  # a name spaCy found: perhaps a surname or a known person's other form
            titled = any(a.start < unit.start for a in agents)
            person, antecedent = self._known_name(written, context, titled)
            if person is not None:
                cue = "surname" if antecedent is not None else "kb:person"
            of_state = _of_state(tokens, unit, chunk, following) if not cues else None
            if of_state is not None and person is not None and person.country != of_state.ref:
                # "King Hassan of Morocco": the state named after the name outweighs a
                # person of another state who shares a part of it (the apposition reads it).
                person, antecedent, cue = None, None, "name+cue"
        titles = [a for a in agents if a.start < unit.start]
        title = titles[-1] if titles else None
        country = cues[0].ref if cues else None
        sector = title.entry.ref if title and title.entry else None
        if (
            cue == "kb:person"
            and unit.entry is None
            and antecedent is None
            and person is not None
            and len(written.split()) == 1
            and sector is not None
            and getattr(person.role_on(context.day), "sector", ELITE) == ELITE  # none, or ELI
            and all(term.sector != sector for term in person.terms)
        ):
            # "Judge Smith", "Officer Johnson": a title the one-word record in the tables
            # ("Smith", Rhodesia's Ian Smith) never held, on a day it holds no office
            person, cue = None, "name+cue"
        if title is not None and _territorys_head(title.text, sector, country):
            sector = "GOV"  # "Hong Kong Chief Executive Carrie Lam": the territory's head
            evidence.append(f"'{title.text}' of {country}: its head of government")
        if title is not None and _shadowed(tokens, title):
            sector = OPPOSITION  # "Shadow International Development Secretary Kate Osamor"
            evidence.append("'shadow' before the title: the opposition's")
        # "Superintendent Matias Segura said teachers would be paid": a school district's
        # official, where the sentence speaks of schools
        official = title is not None and title.text.lower() in OFFICIALS_RANKS
        schools = official and SCHOOL_WORDS.search(emit.sentence.text) is not None
        if (
            title is not None
            and context.policing
            and (
                (sector == "MIL" and title.text.lower().split()[-1] in POLICE_RANKS)
                or (official and not schools)
            )
        ):
            sector = "COP"  # "Sgt. Mark Young" in a story of the police: a police sergeant
            evidence.append(f"'{title.text}' in an article about the police: a police rank")
        elif title is not None and schools:
            sector = "EDU"
            evidence.append(f"'{title.text}' where the sentence speaks of schools: a school's")
        if (
            title is not None
            and sector in (None, "GOV", ELITE)
            and not any(u.kind == "igo" and u.end <= title.start for u in units)
            and (body_name := _body_before(tokens, chunk[0], title.start)) is not None
            and (of_body := self._head_of_body_sector(body_name)) is not None
        ):
            # "National Rifle Association President Wayne LaPierre", "Pinewood Holdings
            # chairman Mark Jones": the head of a body that governs nothing
            sector = of_body
            evidence.append(f"'{body_name}' before the title: its head, {of_body}")
        # "Arab League Secretary-General Chedli Klibi", "U.N. mediator Diego Cordovez": the
        # organisation named before the title is the one the person acts for.
        # "Amnesty's director Samah Hadid", "NATO's Jens Stoltenberg": its officer. A state
        # named after the body is the officer's beat: "the UN's Syria envoy".
        body = next((u for u in units if u.kind == "igo" and u.entry and u.end <= unit.start), None)
        if (
            body is not None
            and body.entry is not None
            and (
                title is not None
                or tokens[body.end].text in ("'s", "’s")
                # "Unicef regional director Geert Cappelaere"
                or STAFF_POST.fullmatch(" ".join(t.text for t in tokens[body.end : unit.start]))
            )
            and not any(u.kind in CUE_KINDS and u.entry and u.end <= body.start for u in units)
        ):
            igo = body.entry.ref
            sector = sector if sector not in (None, "IGO") else "GOV"
            sector = self._officer_sector(igo, sector)
            if cues:
                evidence.append(f"'{cues[0].phrase}' the officer's beat")
                cues, country = [], None
            evidence.append(f"'{body.text}' before the title: an officer of it")
        stateless = False  # the name acts for an armed group of no state
        office = next(
            (
                u
                for u in units
                if u.kind in ("institution", "company", "armed_group")
                and u.entry
                and u.end <= unit.start
            ),
            None,
        )
        if office is not None and office.entry is not None and not cues and body is None:
            # "US Trade Representative Robert Lighthizer": the holder of a state's office;
            # "Hamas spokesman Fawzi Barhoum", "the SDF spokesman Mustafa Bali": an armed
            # group's man, of no state if the group has none
            org = self.kb.organisations.get(office.entry.ref)
            if org is not None and (org.country or office.kind == "armed_group"):
                generic = title is not None and title.text.lower() in GENERIC_AGENTS
                country, sector = org.country, _holder_sector(sector, generic, org)
                evidence.append(f"'{office.text}' before the name: {_org_note(org, office.entry)}")
                stateless = org.country is None
        role = _role(title.text) if title else None
        counterpart = any(
            tokens[i].text.lower() in COUNTERPART for i in range(chunk[0], unit.start)
        )
        if counterpart:
            other = _last_person(context)
            if other is not None:
                sector = sector or other.actor.sector
                role = role or other.actor.role
                evidence.append(f"counterpart of {other.actor.name}")
        # "Saddam Hussein gassed Kurdish villages in 1988": the office held in the year the
        # sentence says its events happened, not on the article's day
        # (only for someone out of office on the article's day, who held one then: "Trump"
        # acts today in a sentence about a map of 2015)
        day = context.day
        told = _year_told(emit.sentence.text, day)
        if (
            told != day
            and told is not None
            and person is not None
            and not _in_office(person, day)
            and (then := person.role_on(told))
            and then.sector != ELITE
        ):
            day = told
            evidence.append(f"{YEAR_TOLD_NOTE} {told.year}")
        if person is not None:
            term = person.role_on(day)
            if term is not None:
                if title and MILITARY_RANKS.match(title.text) and term.sector == "GOV":
                    sector = None  # a general who heads the government acts for it
                if _intergovernmental(term):  # an officer of an organisation of states acts for it
                    igo = igo or term.igo
                if title is not None and (
                    title.text.lower() in GENERIC_AGENTS
                    or (term.sector == "REB" and sector in ARMED_SECTORS)
                ):
                    # "Hezbollah's leader Hassan Nasrallah": his office says more; "SDF
                    # commander Mazloum Abdi" leads an armed group, not an army
                    sector = None
                if title is not None and _private(term) and FOUNDER.fullmatch(title.text):
                    sector = None  # "WikiLeaks co-founder Julian Assange": a publisher (JRN)
                sector = sector or term.sector
                if _intergovernmental(term) and sector == "IGO":
                    sector = "GOV"  # "UN spokesman Stéphane Dujarric": its officer, GOV
                role = role or term.role or None
                if igo is None:
                    country = country or term.country
                evidence.append(_term_note(person, term))
            elif sector is None and antecedent is not None and _office_stated(antecedent):
                # "Ellwood", after "the defence minister Tobias Ellwood" in 2018: the office
                # the article's words gave the full name, which the tables' terms lack
                earlier = antecedent.actor
                sector, role = earlier.sector, role or earlier.role
                country = country or earlier.country
                igo = igo or earlier.igo
                evidence.append(f"{earlier.name}, named earlier, as read there")
            elif sector is None and (out_of_office := _former_official(person, day)):
                sector, role = ELITE, FORMER_OFFICIAL  # Barack Obama in 2018
                evidence.append(out_of_office)
            if igo is None:
                country = country or person.country
            if titles or cues:
                cue = "kb:person+cue"
        # "her former label Big Machine": "former" says a person left an office only where a
        # title or the tables name one
        former = former and (
            title is not None or person is not None or not _common_noun_after_former(tokens, chunk)
        )
        if former and (sector is None or sector in OFFICES):
            sector, role = ELITE, f"former {role}" if role else FORMER_OFFICIAL
        elif former:  # "former CEO Adam Neumann" is a businessman still, not of the elite
            role = f"former {role}" if role else None
        held = None  # the mention of the office the name holds, named right before it
        # (also a known person's whose terms the tables lack: "the UN ambassador, Nikki Haley")
        if person is None or person.role_on(day) is None:
            held = _envoy_before(tokens, chunk, unit, context) or _title_before(
                tokens, chunk, unit, context
            )
        if held is not None:
            # "China's ambassador to Britain Liu Xiaoming" (the state after "to" is where they
            # serve), "The home secretary, Sajid Javid,": the office's holder.
            country, sector = held.actor.country, held.actor.sector
            role = role or held.actor.role
            igo = igo or held.actor.igo
            cues, cue = [], "name+title"
            evidence.append(f"'{held.text}' named right before: the office the name holds")
            if (
                person is not None
                and _under_former_official(context, held)
                and (out_of_office := _former_official(person, day))
            ):
                # "Obama's national security adviser, Susan Rice," in 2018: an office under
                # one out of office, which the tables say the name has left too
                sector, role = ELITE, FORMER_OFFICIAL
                evidence.append(f"{out_of_office}: of the elite (ELI)")
            if person is not None and person.country and country is None:
                # "the UN ambassador, Nikki Haley": a known person's state sends them
                country, igo = person.country, None
                evidence.append(f"{person.name} is of {country}")
        extra = _apposition(tokens, chunk, following, self, context, emit.sentence.index)
        # (a known person's too, on a day the tables give them no term: "Brandon Lewis, the
        # Conservative party chairman")
        unplaced = person is None or person.role_on(context.day) is None
        # a known person out of office, whom the apposition gives an office of the day
        retired = unplaced and person is not None and sector == ELITE and not former
        if unplaced and (country is None or sector is None or retired) and extra:
            country = country or extra[0]
            if retired and extra[1]:
                sector, role = extra[1], None
            sector = sector or extra[1]
            igo = igo or extra[3]
            evidence.append(extra[2])
            cue = "name+apposition"
        if person is None and antecedent is not None and cue != "name+title":
            # "Webb", after "The suspect, Michael Webb": the person named earlier, as read
            # there, where nothing here says otherwise
            earlier = antecedent.actor
            grounded = antecedent.confidence > CONFIDENCE["context"]  # not a guess from context
            if country is None and earlier.country and grounded:
                country = earlier.country
                evidence.append(f"{earlier.name}, named earlier, of {country}")
                cue = "surname" if cue == "name+cue" else cue
            sector = sector or earlier.sector
            role = role or earlier.role
            igo = igo or earlier.igo
        if country is None and person is None and igo is None and not stateless:
            main = context.main_countries(1)
            if main:
                country = main[0]
                cue = "context"
                evidence.append(f"the article is mainly about {country}")
                named = {c: context.salience[c] for c in context.main_countries(3)}
                realm = self._realm(title, context) if title is not None else None
                if realm is not None:
                    # "Prince Andrew" in an American story: a royal of the monarchy it names
                    evidence[-1] = (
                        f"a royal title; of the states the article names, {realm} is a "
                        f"monarchy and {country} is not"
                    )
                    country, cue = realm, "name-origin"
                elif (origin := self.origins.likeliest(written, named)) is not None:
                    country, cue = origin[0], "name-origin"
                    evidence[-1] = (
                        f"the article names {', '.join(named)}; a name like {written!r} is "
                        f"{origin[1]:.0f} times likelier from {country} than from {main[0]}"
                    )
        before = tokens[unit.start - 1].text if unit.start > 0 else ""
        # the title before the name, or the name's own first word where the tagger read it
        # as part of the name ("PC John Smith"), or the name itself ("Supreme Court Justice")
        first_word = written.split()[0] if " " in written else ""
        office_word = next((w for w in (before, first_word) if w in NAME_OFFICES), written)
        if sector is None and office_word in NAME_OFFICES:
            # "Justice Brett Kavanaugh", "the newest Supreme Court Justice": a title only when
            # capitalised, whose common noun ("justice") names no one
            sector = NAME_OFFICES[office_word]
            evidence.append(f"'{office_word}', capitalised: a title ({sector})")
        if sector == "CVL" and (famous := _celebrity(title, evidence)):
            # "Actress Emma Stone", "Taylor Swift, the pop star": CAMEO's elites include the
            # famous (the gold codes Archbishop Desmond Tutu ELI); singers in general are CVL
            sector = ELITE
            evidence.append(f"'{famous}' names someone famous: ELI")
        own = _without_honorific(written)  # "Dr. Ronny Jackson" is Ronny Jackson
        if office_word == first_word:
            own = written[len(first_word) :].strip()  # "PC John Smith" is John Smith
        name = person.name if person else (antecedent.actor.name if antecedent else own)
        body_sector = None
        if person is None and antecedent is None and sector is None and title is None:
            # "the US Pacific Fleet", "Air Astana"
            body_sector = _body_named(own, self._given_names)
            if body_sector is not None:
                sector = body_sector
                evidence.append(f"'{own}' names a body, {sector}")
        if title:
            evidence.insert(0, f"title '{title.text}' ({sector})")
        if cues:
            evidence.insert(0, f"'{cues[0].phrase}' → {cues[0].ref}")
        start = unit.start if held is not None else _title_start(tokens, chunk[0], unit.start)
        actor = Actor(
            name,
            country=country,
            sector=sector,
            role=role,
            person=(
                person.key
                if person
                else (antecedent.actor.person if antecedent else None if body_sector else own)
            ),
            igo=igo,
        )
        emit(
            start,
            unit.end,
            actor,
            cue,
            "; ".join(evidence) or "a person named in the text",
            antecedent=_index(context, antecedent),
        )

    def _owned_name(
        self, unit: Unit, tokens: list[_Token], context: _Context, emit: _Emitter
    ) -> None:
        """ "Jeff Bezos's Blue Origin": a name the tables lack, after a person's possessive,
        is something of theirs (a firm, a project), not a person; of their state."""
        owner = _mention_ending_at(context, tokens[unit.start - 2].end)
        if owner is None or owner.actor.person is None:
            return
        written = emit.written(unit.start, unit.end)
        emit(
            unit.start,
            unit.end,
            Actor(written, country=owner.actor.country),
            "org-name" if owner.confidence > CONFIDENCE["context"] else "context",
            f"named after {owner.actor.name}'s: something of theirs, not a person"
            + (f"; of {owner.actor.country}, as they are" if owner.actor.country else ""),
        )

    def _leaders_government(
        self,
        unit: Unit,
        person: Person | None,
        tokens: list[_Token],
        chunk: tuple[int, int],
        context: _Context,
        emit: _Emitter,
    ) -> bool:
        """ "The Trump administration", "the Assad regime", "Erdoğan's government": the
        government of the state the person then led. Whether one was emitted."""
        i = unit.end
        if tokens[i - 1].text.lower() in LEADERS_GOVERNMENT_NOUNS:
            i -= 1  # the tables' own phrase for it ("Obama administration")
        elif i < len(tokens) and tokens[i].tag == "POS":
            i += 1  # "Assad's regime"
        if i > chunk[1] or tokens[i].text.lower() not in LEADERS_GOVERNMENT_NOUNS:
            return False
        if person is None:
            person, _ = self._known_name(unit.text, context)
        if person is None:
            return False
        words = emit.written(unit.start, i + 1)
        noun = tokens[i].text.lower()
        government = _government_led(words, noun, person, person.role_on(context.day))
        if government is None:
            return False
        actor, note = government
        emit(_phrase_start(tokens, chunk[0], unit.start), i + 1, actor, "leader's government", note)
        return True

    def _organisation(
        self,
        unit: Unit,
        cues: list[Entry],
        tokens: list[_Token],
        chunk: tuple[int, int],
        context: _Context,
        emit: _Emitter,
        agent: Unit | None = None,
    ) -> None:
        """An organisation; an agent noun after it ("UN peacekeepers", "NATO troops") says
        which part of it acts."""
        start = _phrase_start(tokens, chunk[0], unit.start)
        end = agent.end if agent else unit.end
        if unit.kind == "org":
            acronym = context.acronyms.get(unit.text)
            if acronym is not None:
                emit(unit.start, unit.end, acronym, "acronym", f"defined earlier as {acronym.name}")
                return
            sector, evidence = self._named_body_sector(unit.text)
            country = cues[0].ref if cues else self._country_in_name(unit.text)
            if country is None and sector in GOVERNMENT_SECTORS:
                # "Leeds City Council", "Westminster Magistrates' Court": a town's own body
                country = self._town_in_name(unit.text)
                evidence += f"; named after a town of {country}" if country else ""
            if HOUSE_COMMITTEE.match(unit.text) and not cues:
                # "the House Intelligence Committee": a committee of the US House of
                # Representatives (Britain's are "of the House of Commons")
                country, sector = "USA", "LEG"
                evidence = f"'{unit.text}' is a committee of the US House of Representatives"
            if sector is None and country is None:
                return  # a name of something we cannot place (a brand, an event)
            cue = "org-name"
            if (
                country is None
                and sector in GOVERNMENT_SECTORS | {"BUS"}
                and not _union_members(unit.text)
            ):
                # A state's body named without its state is the article's state's, and a firm
                # the tables lack most likely one of its firms (a guess, as for an unknown
                # person); a union of people of a trade ("Association of African Jurists") is
                # nobody's body.
                main = context.main_countries(1)
                country = main[0] if main else None
                evidence += f"; the article is mainly about {country}" if country else ""
                cue = "context" if country else cue
            actor = Actor(
                _strip_article(emit.written(unit.start, unit.end)), country=country, sector=sector
            )
            emit(start, unit.end, actor, cue, evidence)
            self._define_acronym(tokens, unit, actor, context)
            return
        assert unit.entry is not None
        org = self.kb.organisations.get(unit.entry.ref)
        if (
            org is not None
            and cues
            and cues[0].ref != org.country
            and (
                _generic_name(unit.text)
                or (org.kind is EntryKind.INSTITUTION and not self._country_in_name(unit.text))
            )
        ):
            # "a Kenyan non-governmental organisation", "the Kenyan defense department": a
            # common noun the tables file under one body; the state written before it wins.
            # So it does before an office's name that names no state ("Germany's Foreign
            # Office", where "the Foreign Office" alone is Britain's).
            sector = org.sector if org.sector != "IGO" else "GOV"
            words = emit.written(unit.start, unit.end)
            actor = Actor(f"{cues[0].phrase} {words}", country=cues[0].ref, sector=sector)
            how = "is written as a common noun" if _generic_name(words) else "names no state"
            note = (
                f"'{cues[0].phrase}' → {cues[0].ref}; '{words}' {how}, "
                f"read as the kind of body {org.name} is ({sector})"
            )
            emit(start, unit.end, actor, "agent+country", note)
            return
        if unit.kind == "igo":
            name = org.name if org else unit.text
            if agent and agent.entry:  # "an Amnesty researcher"
                sector = self._officer_sector(unit.entry.ref, agent.entry.ref)
            elif org is not None and org.sector not in ("IGO", "NGO"):
                sector = org.sector  # NATO, an alliance (MIL); the WHO (MED); UNHCR (REF)
            else:  # "the Security Council"; a non-governmental council governs nothing
                sector = None if unit.entry.ref.startswith("ngo:") else _igo_body_sector(name)
            actor = Actor(name, sector=sector, igo=unit.entry.ref, organisation=unit.entry.ref)
            note = _entry_note(unit.entry) + (f"; '{agent.text}' → {sector}" if agent else "")
            emit(start, end, actor, "igo", note)
            return
        org = self.kb.organisations.get(unit.entry.ref)
        country = (
            (org.country if org else None)
            or (cues[0].ref if cues else None)
            or self._country_in_name(unit.text)
        )
        if org is not None and org.kind is EntryKind.COMPANY and agent is not None:
            agent, end = None, unit.end  # "Boeing jets", "Airbus engineers": the firm itself
        if org is not None and agent is not None and agent.text.lower() in OFFICERS:
            agent = None  # "Metropolitan Police officers", "FBI officers": the body's own
        sector = (agent.entry.ref if agent and agent.entry else None) or (
            org.sector if org else None
        )
        armed = org is not None and org.kind is EntryKind.ARMED_GROUP
        # "the Taliban government", "the Hamas-run health ministry": a state's government the
        # group runs, not the group
        governs = (
            armed
            and country is not None
            and agent is not None
            and agent.text.lower().split()[-1] in GOVERNING
        )
        if (
            armed
            and agent is not None
            and (_armed_head(agent) or sector in ARMED_GROUP_OFFICERS)
            and not governs
        ):
            # "Isis fighters", "Hamas gunmen": the armed group itself; "an SDF commander", "a
            # Taliban spokesman": its officers, no state's soldiers or officials
            sector = org.sector if org else sector
        note = _org_note(org, unit.entry)
        if governs and agent is not None:
            note += f"; '{agent.text}': the state's government the group runs ({sector})"
        if (
            sector in OFFICES
            and OFFICE_NAME.search(org.name if org else unit.text)
            and any(tokens[i].text.lower() in FORMER for i in range(start, unit.start))
        ):
            # "a former US defense secretary": someone once in the office, now of the elite
            sector, note = ELITE, f"{note}; 'former': out of the office (ELI)"
        actor = Actor(
            org.name if org else unit.text,
            country=country,
            sector=sector,
            organisation=unit.entry.ref,
        )
        emit(start, end, actor, "kb:organisation", note)
        self._define_acronym(tokens, unit, actor, context)

    def _agent_phrase(
        self,
        head: Unit,
        units: list[Unit],
        cues: list[Entry],
        former: bool,
        first: int,
        last: int,
        tokens: list[_Token],
        context: _Context,
        emit: _Emitter,
        following: list[tuple[int, int]],
    ) -> None:
        head = _specific_agent(units, head)
        assert head.entry is not None
        if head.text.lower() in STATE_NOUNS and any(_former_state(tokens, u) for u in units):
            # "other former Soviet states": states that were once another's, named by no state
            # of their own, and no former officials.
            units = [u for u in units if u.kind != "demonym"]
            former = False
        # "former ministers" are of the elite; a "former CEO", "her former label", "former
        # jihadists" are still of what they were
        sector = ELITE if former and head.entry.ref in OFFICES else head.entry.ref
        why = f"'{head.text}' → {head.entry.ref}"
        qualifier = _armed_qualifier(units, head, tokens)
        people = tokens[head.start - 1].text if head.start > first else ""
        led = next(  # "a Kurd-led border security force", "Kurdish-led forces"
            (
                tokens[i].text
                for i in range(first, head.start - 2)
                if tokens[i].text.lower() in STATELESS_PEOPLES
                and tokens[i + 1].text == "-"
                and tokens[i + 2].text.lower() == "led"
            ),
            None,
        )
        compound = (  # "the Kurdish-Arab forces": led by Kurds as "Kurdish-led forces" are
            tokens[head.start - 3].text
            if head.start - 3 >= first
            and tokens[head.start - 3].text.lower() in STATELESS_PEOPLES
            and tokens[head.start - 2].text == "-"
            else None
        )
        people = led or compound or people
        home, home_note = None, ""  # the state of "Kurdish fighters", "anti-regime rebels"
        if qualifier is not None and not former:
            sector = "REB"  # "Moslem forces", "rebel fighters": an armed group of no state
            why += f", '{qualifier.text}' before it: a non-state armed group (REB)"
        elif (
            LEGISLATURES_OWN.fullmatch(people)
            and head.text.lower() in LEGISLATURES_STAFF
            and sector not in (None, ELITE)
        ):
            sector = "LEG"  # "congressional investigators", "House investigators", "Senate aides"
            why += f", '{people}' before it: a legislature's own (LEG)"
        elif people.lower() in STATELESS_PEOPLES and _armed_head(head) and not former:
            sector = "REB"  # "Kurdish forces": the YPG, the PKK, a region's peshmerga
            why += f", '{people}' before it: a stateless people's armed men (REB)"
            home = _kurdish_region(context)
            home_note = f"of the Kurdish region of {home}"
        elif head.text.lower() in STATELESS_PEOPLE_NOUNS:
            home = _kurdish_region(context)  # "the advancing Kurds" in a story of Syria
            home_note = f"the Kurds of {home}, the Kurdish region the article names most"
            if (
                home in UNRECOGNISED_KURDISH_AUTHORITIES
                and head.start == first + 1
                and tokens[first].text.lower() == "the"
                and (forces := [g for g in KURDISH_FORCES if context.armed[g]])
            ):
                # "Turkey has been threatening the Kurds in Syria", in a story of the SDF: the
                # Kurdish-led forces and administration, a non-state group
                sector = "REB"
                home_note += f", in a story of their forces ({forces[0]}): REB"
        elif people.lower() in STATELESS_PEOPLES and sector in KURDISH_AUTHORITIES:
            home = _kurdish_region(context)  # "Kurdish officials" in a story of Syria
            home_note = f"of the Kurdish region of {home}"
            if home in UNRECOGNISED_KURDISH_AUTHORITIES:
                # Syria's Kurdish-led administration is no state's government: its officials
                # are a non-state group's, as its forces are (Iraq's region is recognised)
                sector = "REB"
                home_note += ", whose Kurdish-led administration no state recognises (REB)"
        if home is None and (regime := _for_or_against_government(tokens, first, head)):
            # "anti-regime rebels", "pro-government militias": the state of the government
            # the article is about, not a state named beside them ("US-backed"): where its
            # events are, else the state it names most
            if (home := context.theatre()) is not None:
                home_note = f"'{regime}': of the government of {home}, where events are"
            elif main := context.main_countries(1):
                home = main[0]
                home_note = f"'{regime}': of the government of {home}, the article's main state"
            if sector == "REB" and regime.lower().startswith("pro"):
                sector = "MIL"  # "pro-regime fighters", "pro-government militias": its forces
                why += f", '{regime}' before it: armed men who fight for a government (MIL)"
        if sector == "CVL" and _rebel_held(tokens, first, head.start):
            sector = "REB"  # "the rebel-held province of Idlib": the rebels who hold it
            why += ", held by rebels: theirs (REB)"
        if head.text.lower() in OFFICERS and sector == "MIL" and context.policing:
            sector = "COP"  # "Officers arrested Webb": in a police story, police officers
            why += ", in an article about the police: police (COP)"
        if _shadowed(tokens, head) and not former:
            sector = OPPOSITION
            why += ", 'shadow' before it: the opposition's (OPP)"
        if sector == "JRN" and any(
            tokens[i].text.lower() in STATE_MEDIA_WORDS for i in range(first, head.start)
        ):
            sector = "GOV"  # "an official Syrian newspaper", "state radio": the government's voice
        start = _phrase_start(tokens, first, units[0].start)
        cue_units = []
        for unit in units:
            if unit.kind not in CUE_KINDS or unit.entry is None:
                continue
            if _patron(tokens, unit):
                why += f"; '{unit.text}' {BACKER_NOTE}"
                context.backers.setdefault(emit.sentence.index, set()).add(unit.entry.ref)
            elif _stance(tokens, unit):
                why += f"; '{unit.text}' names a state it is for or against, not its own"
            elif _studied(tokens, unit):
                why += f"; '{unit.text}' names the state it studies or reports on, not its own"
            else:
                cue_units.append(unit)
        end = max(head.end, units[-1].end)
        patrons = {u.entry.ref for u in units if u.entry and _patron(tokens, u)}
        if patrons and not cue_units and home is None and _armed_head(head) and not former:
            # "US-backed forces", "Iranian-backed militias": a non-state group a state arms,
            # fighting in the state the article is about, when it is about one not the backer
            sector = "REB"
            home = dominant if (dominant := context.dominant()) not in patrons else None
            why += ", backed by a state: a non-state armed group (REB)"
            home_note = f"of {home}, the state the article is about" if home else ""
        deployer = (
            _deployer(context, emit, tokens, first, head)
            if not cue_units and not patrons and sector != "REB"
            else None
        )
        if deployer is not None and home is None:
            # "The US has about 2,000 troops in Syria", "Trump decided to withdraw troops from
            # Syria": the forces of the state that keeps, sends or withdraws them, not of
            # the place written after them
            home = deployer.actor.country
            home_note = f"of {home}: '{deployer.text}' keeps, sends or withdraws them"
        elif not cue_units and not FOREIGNERS.search(emit.written(first, head.end)):
            # not "foreign fighters in his eastern Syrian hideout": foreigners where they are
            cue_units, _ = _postmodifier_cues(tokens, last, following)
        if (
            not cue_units
            and home is None
            and head.text.lower() in LEADERS_GOVERNMENT_NOUNS
            # "the government of Bashar al-Assad": of the state the person then led
            and (led_by := self._government_of(tokens, last, following, context)) is not None
        ):
            home, home_note = led_by
        if cue_units:
            for n, unit in enumerate(cue_units):
                assert unit.entry is not None
                # Coordinated states share the head: each mention covers its own word, the
                # last one runs to the head ("Hungarian and Romanian officials").
                span_start = start if n == 0 else unit.start
                span_end = end if n == len(cue_units) - 1 else unit.end
                if n < len(cue_units) - 1 and span_end <= head.start and span_start == start:
                    span_end = unit.end
                country, note = unit.entry.ref, f"'{unit.text}' → {unit.entry.ref}; {why}"
                elsewhere = _ethnic_home(tokens, unit)
                if elsewhere:
                    country = elsewhere
                    note += f"; an ethnic group, placed in {elsewhere}, named beside it"
                own: str | None = sector
                if _territorys_head(head.text, sector, country):
                    own = "GOV"  # "Hong Kong's chief executive"
                    note += "; the territory's head of government (GOV)"
                elif head.text.lower() == "state" and len(cue_units) == 1:
                    own = None  # "the Turkish state": the state as a whole
                    note = f"'{unit.text}' → {country}; '{head.text}': the state as a whole"
                elif (
                    head.text.lower() in PROVINCE_NOUNS and len(cue_units) == 1 and sector == "CVL"
                ):
                    # "Idlib province", "the Turkish province of Kilis": a part of the
                    # state's land, named as such (the golds give it no sector), not its people;
                    # "the rebel-held province" is the rebels' still
                    own = None
                    note = f"'{unit.text}' → {country}; '{head.text}': a part of its land"
                actor = Actor(
                    f"{unit.text} {head.text}",
                    country=country,
                    sector=own,
                    role=_role(head.text),
                )
                emit(span_start, span_end, actor, "agent+country", note)
            return
        noun = head.text.lower()
        if tokens[first].text.lower() in ("the", "this") and noun in DESCRIBED_NOUNS:
            body = _described_body(context, emit.sentence.index, noun)
            if body is not None:
                # "WeWork ... The company said", "Isis ... the terror group's demise", "Amnesty
                # ... the charity's researcher": the firm, armed group or non-governmental
                # body named last, a few sentences back
                emit(
                    start,
                    head.end,
                    body.actor,
                    "description",
                    f"the {noun} named earlier: {body.actor.name}",
                    antecedent=_index(context, body),
                )
                return
            main = context.main_countries(1)
            if main and noun in FIRM_NOUNS and noun == tokens[last].text.lower():
                # "The company said", no firm named near: a firm the tables lack, most likely
                # one of the article's state, as a firm named by its suffix is
                actor = Actor(head.text, country=main[0], sector=sector)
                note = f"{why}; no firm named before; the article is mainly about {main[0]}"
                emit(start, head.end, actor, "context", note)
                return
        if tokens[first].text.lower() in ("the", "this") and _role(head.text):
            earlier = _person_with_role(context, _role(head.text) or "")
            if earlier is not None:
                emit(
                    start,
                    head.end,
                    earlier.actor,
                    "description",
                    f"the {head.text} named earlier: {earlier.actor.name}",
                    antecedent=_index(context, earlier),
                )
                return
        if any(tokens[i].text.lower() in COUNTERPART for i in range(first, last + 1)):
            return  # "his counterpart" without a name: left to the event stage
        if home is not None:
            # "Kurdish fighters" in a story of Syria: the SDF, not the state they fight
            actor = Actor(head.text, country=home, sector=sector)
            emit(start, head.end, actor, "agent", f"{why}; {home_note}")
            return
        actor = Actor(head.text, sector=sector, role=_role(head.text))
        emit(start, head.end, actor, "agent", f"{why}; {NO_COUNTRY_STATED}")

    def _government_of(
        self,
        tokens: list[_Token],
        last: int,
        following: list[tuple[int, int]],
        context: _Context,
    ) -> tuple[str, str] | None:
        """The state of the leader named after "of" ("the government of Recep Tayyip Erdoğan")
        and why; None when no one named there led a state on the day."""
        if last + 1 >= len(tokens) or tokens[last + 1].text.lower() != "of" or not following:
            return None
        start, end = following[0]
        if start != last + 2:
            return None
        for unit in _units(tokens, start, end):
            if unit.kind != EntryKind.PERSON.value or unit.entry is None:
                continue
            person = self.kb.people.get(unit.entry.ref)
            term = person.role_on(context.day) if person is not None else None
            if person and term and term.country and term.role in LEADER_ROLES:
                return term.country, f"the government of {_term_note(person, term)}"
        return None

    def _owned_agent(
        self, units: list[Unit], owner: Mention, context: _Context, emit: _Emitter
    ) -> None:
        """ "his government", "its army", "their forces": the agent of the actor the possessive
        refers to, in that actor's state (or organisation); a general word ("their leaders",
        "its officials") keeps the owner's own sector."""
        head = _specific_agent(units, units[-1])
        assert head.entry is not None
        owned = owner.actor
        if owned.members or not (owned.country or owned.igo or owned.sector):
            return  # a stateless owner ("the rebels ... their leaders") may get a state later
        if head.text.lower() in HELD_BY_OTHERS:
            # "their hostages", "his victims", "its proxies": people the owner holds, harms or
            # arms, not its own
            actor = Actor(head.text, sector=head.entry.ref, role=_role(head.text))
            note = f"'{head.text}' → {head.entry.ref}; of {owned.name}, but not of its state"
            emit(units[0].start, units[-1].end, actor, "agent", note)
            return
        # "his own people" are his country's people, not his staff
        own = head.start > 0 and emit.tokens[head.start - 1].text.lower() == "own"
        generic = head.text.lower() in GENERIC_AGENTS and not own
        # "the university's president", "the company's chairman": the head of a body that
        # governs nothing is of its sector, as its officials are
        generic = generic or (head.text.lower() in BODY_HEADS and owned.sector in BODY_SECTORS)
        sector = owned.sector if generic and owned.sector else head.entry.ref
        if owned.sector == "REB" and sector in ARMED_GROUP_OFFICERS:
            sector = "REB"  # "its forces", "their commanders" of an armed group: the group's
        actor = Actor(
            f"{owned.name}: {head.text}",
            country=owned.country,
            sector=sector,
            role=_role(head.text),
            igo=owned.igo,
            # "their followers" of Isis: the group's, of no state as it is
            organisation=owned.organisation if generic or not owned.country else None,
        )
        emit(
            units[0].start,
            units[-1].end,
            actor,
            "agent+owner",
            f"'{head.text}' → {head.entry.ref}, of {owned.name} named before"
            + (f", whose sector it keeps ({sector})" if generic and owned.sector else ""),
            antecedent=_index(context, owner),
        )

    def _pronoun(
        self, unit: Unit, tokens: list[_Token], context: _Context, emit: _Emitter
    ) -> Mention | None:
        word = unit.text.lower()
        earlier: Mention | None
        if (owner := _conjunct_owner(tokens, unit, context)) is not None:
            earlier = owner  # "the US and its proxies": the US
        elif word in PERSON_PRONOUNS:
            own = unit.end < len(tokens) and tokens[unit.end].text.lower() == "own"
            earlier = _pronoun_antecedent(
                context,
                emit.sentence.index,
                unit_start=tokens[unit.start].start,
                reflexive=own,
                gender=lambda m: _gender(m, self.genders, self.kb.people),
                female=word in FEMALE_PRONOUNS,
                read=emit.sentence,
                not_at=_own_subject(tokens, unit),
            )
        elif word in GROUP_PRONOUNS:
            start = tokens[unit.start].start
            earlier = _clause_subject(
                context, tokens, unit, emit.sentence.index
            ) or _plural_antecedent(context, emit.sentence.index, unit_start=start)
            if (
                word == "their"
                and earlier is not None
                and earlier.actor.sector in PEOPLE
                and _armed_after(tokens, unit)
            ):
                # "Islamic State closed Raqqa to civilians. Then some of their fighters ...":
                # armed men are an armed group's or a state's, not a people's
                earlier = _armed_owner(context, emit.sentence.index, start) or earlier
        elif _pleonastic(tokens, unit):
            return None  # "It is clear that ...", "It seems ...": no one
        else:
            earlier = _last_state_or_org(context, emit.sentence)
        if earlier is None:
            return None
        emit(
            unit.start,
            unit.end,
            earlier.actor,
            "pronoun",
            f"refers to {earlier.actor.name}",
            antecedent=_index(context, earlier),
        )
        return earlier

    def _realm(self, title: Unit, context: _Context) -> str | None:
        """For a royal title ("Prince", "Queen"), the monarchy most named of the article's
        states, if its most named one is none; None otherwise."""
        if title.text.lower() not in ROYAL_TITLES:
            return None
        named = context.main_countries(5)

        def monarchy(country: str) -> bool:
            info = self.kb.countries.get(country)
            return info is not None and info.form in MONARCHY_FORMS

        if not named or monarchy(named[0]):
            return None
        return next((c for c in named if monarchy(c)), None)

    def _form(
        self, tokens: list[_Token], first: int, last: int, context: _Context, emit: _Emitter
    ) -> bool:
        """ "the Kingdom", "the Republic": the article's main country of that form."""
        for i in range(first, last):
            if tokens[i].text.lower() != "the":
                continue
            word = tokens[i + 1].text
            if not word[:1].isupper() or word.lower() not in COUNTRY_FORMS:
                continue
            if tokens[i + 1].unit is not None:
                continue  # a name that starts with it: "the Republic of the Congo"
            for country in context.main_countries(5):
                info = self.kb.countries.get(country)
                if info and info.form and info.form.lower() == word.lower():
                    emit(
                        i + 1,
                        i + 2,
                        replace(self._state(country), name=f"the {word}"),
                        "form",
                        f"{info.name} is a {info.form}, and the article is about it",
                    )
                    return True
        return False

    def _define_acronym(
        self, tokens: list[_Token], unit: Unit, actor: Actor, context: _Context
    ) -> None:
        """ "Japan Maritime Self-Defence Force (JMSDF)": later "JMSDF" is the same actor."""
        i = unit.end
        if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")":
            acronym = tokens[i + 1].text
            if acronym.isupper() and 2 <= len(acronym) <= 8:
                context.acronyms[acronym] = actor

    def _known_name(
        self, text: str, context: _Context, after_title: bool = False
    ) -> tuple[Person | None, Mention | None]:
        """A name spaCy found: an earlier mention's surname, a known person's full name, or a
        surname that only one person in office on the day bears. An honorific before it is
        not part of the name ("Mr Macron", "Ms Begum"). A one-word record (`_bare`) names its
        person only where the article names the person's state, or a title comes before it
        (`after_title`: "President Suharto")."""
        words = text.split()
        titled = len(words) > 1 and _honorific(words[0])
        courtesy = words[0].lower().rstrip(".") if titled else None
        if titled:
            words = words[1:]
            text = " ".join(words)
        for mention in reversed(context.mentions):
            if mention.cue == "pronoun":
                continue  # "he" is read as someone named; that naming is what a surname recalls
            name = mention.actor.name.split()
            if courtesy and _honorific(name[0]) and name[0].lower().rstrip(".") != courtesy:
                continue  # "Ms Sultana" is not "Mr Sultana"
            if mention.actor.person and len(words) < len(name) and _names_end(name, words):
                person = self.kb.people.get(mention.actor.person)
                return person, mention
        # A one-word name in the tables is a mononym ("Suharto") or a source's surname-only
        # record ("Smith", Rhodesia's Ian Smith): not who "Mr Smith" is.
        person = None if titled and len(words) == 1 else self._by_name.get(text.casefold())
        if (
            person is not None
            and _bare(person)
            and context.day is not None
            and not _in_office(person, context.day)
            and (holder := self._sole_holder(words, context)) is not None
        ):
            # "Zelensky" in 2025: the president the hand-kept table knows as Volodymyr
            # Zelenskyy, not REIGN's one-word record whose term its data ends in 2021
            return holder, None
        if person is not None and (
            after_title
            or not _bare(person)
            or self._person_country(person.key, context.day) in context.named
        ):
            return person, None
        if len(words) == 1 and context.day is None:
            leader = self._undated_leader(words[0])
            if leader is not None:
                return leader, None
        holder = self._sole_holder(words, context)
        return (holder, None) if holder is not None else (None, None)

    def _sole_holder(self, words: list[str], context: _Context) -> Person | None:
        """The one person in office on the day whose name ends in the one word of `words`,
        when their term is hand-kept or of a state the article names (`_named_state`)."""
        if len(words) != 1 or words[0] in NAME_OFFICES:  # "Supreme Court Justice"
            return None
        holders = [
            p for p in self._surnames.get(words[0].casefold(), ()) if _in_office(p, context.day)
        ]
        if len(holders) == 1 and (
            context.day is None or _named_state(holders[0].role_on(context.day), context)
        ):
            return holders[0]
        return None

    def _leader_surnames(self, doc: Doc, context: _Context) -> set[str]:
        """Proper nouns of the sentence that name a head of state or government on the day by
        themselves ("Obama", "Putin"): the last word of the name of exactly one person then in a
        government office, who leads a state the article names (`_named_state`). Without a
        day, the last word of the name of the one person the knowledge base knows ever to have
        led a state (`_undated_leader`)."""
        day = context.day
        # Most sentences hold no word that is anyone's surname: look at the text first.
        words = _CAPITALISED.findall(doc.text)
        words += [w[:-2] for w in words if w.endswith(("'s", "’s"))]  # "Obama's"
        candidates = {w for w in words if w.casefold() in self._surnames}
        if not candidates:
            return set()
        found = set()
        for token in doc:
            if token.text not in candidates or _forced_capital(token):
                continue
            if token.tag_ not in ("NNP", "NN"):
                continue  # "Trump urged...", "when Trump abandons": a surname may be tagged NN
            following = token.nbor() if token.i + 1 < len(doc) else None
            if following is not None and following.tag_ == "NNP" and following.text[:1].isupper():
                continue  # "Salih Muslim", "Trump Tower": the first word of another name
            if day is None:
                if self._undated_leader(token.text) is not None:
                    found.add(token.text)
                continue
            people = self._surnames.get(token.text.casefold(), ())
            holders = [p for p in people if _in_office(p, day)]
            if len(holders) != 1 or not any(
                fold(token.text) in _surname_forms(name)
                for name in (holders[0].name, *holders[0].aliases)
                if len(name.split()) > 1
            ):  # "Zelensky" for Volodymyr Zelenskyy, written so in an alias
                continue
            term = holders[0].role_on(day)
            if term is not None and term.role in LEADER_ROLES and _named_state(term, context):
                found.add(token.text)
        return found

    def _undated_leader(self, word: str) -> Person | None:
        """With no date to go by, the person a bare surname names: the only person whose name
        ends in it who ever led a state (a head of state or government, or a "leader" in
        REIGN or Archigos). Months and common words ("May") are nobody's surname here."""
        if word.casefold() in NOT_NAME_WORDS or is_common_word(word):
            return None
        leaders = [
            p
            for p in self._surnames.get(word.casefold(), ())
            if p.name.split()[-1] == word and any(t.role in LEADER_ROLES for t in p.terms)
        ]
        return leaders[0] if len(leaders) == 1 else None

    def _officer_sector(self, body: str, sector: str | None) -> str | None:
        """The sector of an officer of an international or non-governmental body, titled
        `sector`: a human-rights body's researchers and directors work for human rights (HRI,
        Phoenix's code for Amnesty or Human Rights Watch)."""
        org = self.kb.organisations.get(body)
        code = org.code if org and org.code and body.startswith("ngo:") else ""
        fields = {code[i : i + 3] for i in range(3, len(code), 3)}  # "NGOHRIAMN": HRI, AMN
        if HUMAN_RIGHTS in fields:
            return HUMAN_RIGHTS
        if body.startswith("ngo:") and sector in (None, "GOV"):
            # "Oxfam's country director": a campaigner's post in a body that governs nothing
            # (the held-out sets code NGOs' officials and campaigners HRI)
            return HUMAN_RIGHTS
        return sector

    def _named_body_sector(self, name: str) -> tuple[str | None, str]:
        """The sector a body's own name gives: that of the people a union or association is
        of ("Nigerian Union of Teachers" → EDU, as "teachers"), else that of a word of the
        name ("Kenya Anti-Corruption Commission" → GOV). None when the name says nothing."""
        members = _union_members(name)
        if members:
            words = members.group(1).lower().split()
            for phrase in (" ".join(words), words[-1]):
                sector = self.kb.agents.get(phrase)
                if sector:
                    return sector, f"'{name}' is a body of {phrase}, who are {sector}"
        sector = _org_sector(name)
        return sector, f"'{name}' reads as {sector}" if sector else f"'{name}' is a named body"

    def _head_of_body_sector(self, name: str) -> str | None:
        """The sector of one who heads the body `name` (`_body_before`), when it is no part of
        a government: a firm's (BUS, as `_named_body_sector` reads its suffix, or a chamber of
        commerce), an association's or a club's (CVL), a union's (LAB)."""
        sector = self._named_body_sector(name)[0]
        if sector is None:
            last = name.split()[-1]
            sector = "LAB" if last == "Union" else "BUS" if last == "Commerce" else "CVL"
        return None if sector in GOVERNMENT_SECTORS else sector

    def _country_in_name(self, name: str) -> str | None:
        """The state an organisation's own name holds: "Palestinian Islamic Jihad" → PSE."""
        for hit in self.gazetteer.find(name, overlapping=True):
            entry = hit.first(EntryKind.COUNTRY, EntryKind.DEMONYM)
            if entry is not None:
                return entry.ref
        return None

    def _town_in_name(self, name: str) -> str | None:
        """The state of the one town an organisation's name holds, if it holds one."""
        states = {
            country
            for hit in self.gazetteer.find(name)
            for country in _place_countries(hit)
            if hit.first(EntryKind.CITY, EntryKind.CAPITAL)
        }
        return next(iter(states)) if len(states) == 1 else None

    def _known_words(self, context: _Context) -> set[str]:
        """Single words that name a person here: the first or last word of a person named
        earlier in the text ("Kishida" after "Fumio Kishida")."""
        words: set[str] = set()
        for mention in context.mentions:
            if mention.actor.person and mention.cue != "pronoun":
                name = mention.actor.name.split()
                if len(name) > 1:
                    words.update((name[0], name[-1], name[-1].rsplit("-", 1)[-1]))
        return words

    def _place(self, iso3: str, name: str) -> Actor:
        """A place as a participant ("a curfew in Algiers", "shells fell on Jericho"): the
        people who live there, civilians of its state, as the PLOVER gold set codes cities. A
        region ("Darfur", "Crimea") is its state's, of no sector, as the gold codes regions."""
        region = fold(name) in self.kb.regions
        return replace(self._state(iso3), name=name, sector=None if region else "CVL")

    def _state(self, iso3: str) -> Actor:
        country = self.kb.countries.get(iso3)
        return Actor(country.name if country else iso3, country=iso3)


class _Emitter:
    """Appends mentions to the context, with offsets taken from tokens."""

    def __init__(
        self,
        context: _Context,
        sentence: Sentence,
        field_name: str,
        text: str,
        tokens: list[_Token],
    ) -> None:
        self.context = context
        self.sentence = sentence
        self.field_name = field_name
        self.text = text
        self.tokens = tokens

    def written(self, first: int, end: int) -> str:
        """The text of tokens `first` to `end` (exclusive) as written, hyphens and
        apostrophes unspaced ("Ben Murray-Bruce", "Westminster Magistrates' Court")."""
        return self.text[self.tokens[first].start : self.tokens[end - 1].end]

    def __call__(
        self,
        first: int,
        end: int,
        actor: Actor,
        cue: str,
        evidence: str,
        antecedent: int | None = None,
    ) -> None:
        start_char = self.tokens[first].start
        end_char = self.tokens[end - 1].end
        if any(
            m.start < end_char and start_char < m.end
            for m in self.context.mentions
            if m.sentence == self.sentence.index
        ):
            return
        confidence = CONFIDENCE.get(cue, 0.5)
        if actor.country is None and not actor.igo and not actor.members:
            confidence = min(confidence, CONFIDENCE["agent"])
        self.context.mentions.append(
            Mention(
                start_char,
                end_char,
                self.text[start_char:end_char],
                actor,
                cue,
                evidence,
                confidence,
                self.sentence.index,
                self.field_name,
                antecedent,
            )
        )


OPPOSITION = "OPP"  # the sector of a state's opposition

# Units that name an organisation of any kind.
ORG_UNIT_KINDS = ("igo", "institution", "company", "armed_group", "org")
# Units that name a national body: its country and sector are the body's.
BODY_UNITS = ("company", "institution", "armed_group")

# -- helpers -------------------------------------------------------------------------------------


def text_between(sentence: Sentence, start: int, end: int) -> str:
    """Words of the sentence between two text offsets that are not agent words."""
    return sentence.text[start - sentence.start : end - sentence.start]


def _proper_names(
    tokens: list[_Token],
    agent_hits: list[Hit],
    surnames: set[str],
    repeated: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Names the knowledge base lacks, from the tagger's proper-noun tags: two or more proper
    nouns in a row are a person ("Thong Mengdavid"), one after a title too ("President
    Habyarimana") or one that is a word of a person's name met earlier ("Kishida"); after
    "in", "at" or "near" they are a place. Runs holding an institution's
    or an event's word ("Council", "Summit") are left to the institution rules. Returns
    (start, end, "name" | "gpe") in text offsets."""
    found: list[tuple[int, int, str]] = []
    agent_ends = {h.end for h in agent_hits}
    titles = {
        i for i, t in enumerate(tokens) if any(h.start <= t.start < h.end for h in agent_hits)
    }

    def name_token(i: int) -> bool:
        # The tagger may read a known surname as a common noun ("Trump urged...", "when Trump
        # abandons": NN): capitalised, it is still the name.
        token = tokens[i]
        known = token.unit is None and token.text in surnames and token.text[:1].isupper()
        return i not in titles and (_name_token(token) or known)

    i = 0
    while i < len(tokens):
        if not name_token(i):
            i += 1
            continue
        j, grown = i, True
        while grown:
            reached = j
            while j + 1 < len(tokens) and (
                name_token(j + 1)
                or (
                    tokens[j + 1].text.lower() in NAME_PARTICLES
                    and j + 2 < len(tokens)
                    and name_token(j + 2)
                )
            ):
                j += 1
            # "Fazl-ur-Rehman", "Eva-Marie Persson": one name written with hyphens
            while _hyphenated_part(tokens, j):
                j += 2
            grown = j > reached and j + 1 < len(tokens) and name_token(j + 1)
        run = tokens[i : j + 1]
        before = tokens[i - 1] if i > 0 else None
        titled_run = False
        for k in range(len(run) - 1, -1, -1):
            if run[k].text.lower() in TITLE_NOUNS:
                # "Emergency Relief Coordinator Kenzo Oshima": the words up to the title name
                # an office; those after it, if any, the person holding it.
                before, run, titled_run = run[k], run[k + 1 :], True
                break
        if not run:
            i = j + 1
            continue
        if all(_honorific(t.text) for t in run):
            i = j + 1  # "intelligence chief Sir John Sawers": "Sir" alone names no one
            continue
        if _of_a_body(tokens, i):
            i = j + 1  # "the Syrian Network for Human Rights": the rest of a body's name
            continue
        if run[-1].text in WATER_HEADS or (
            run[-1].text == "Bay" and j + 1 < len(tokens) and tokens[j + 1].text == "of"
        ):
            i = j + 1  # "the Persian Gulf", "the Baltic Sea", "Bay of X": water, no one's name
            continue
        words = [t.text.lower() for t in run]
        if len(run) > 1 and _honorific(run[0].text):
            words = []  # "Mrs May", "Mr Bridge": after an honorific, any word is a name
        peoples = bool(words) and all(w in PEOPLES or w == "-" for w in words)  # "Kurdish-Arab"
        if not peoples and not any(w in NOT_NAME_WORDS or w in WORLD_REGIONS for w in words):
            # "in WeWork buildings": a CamelCase word is a firm's or a brand's, no place's
            placed = (
                before is not None
                and not _firm_word(run[0])
                # "at Trump's ear", "in Mayer's career": a person's possessive, not a place
                and not (len(run) == 1 and run[0].text in surnames and _possessive_after(tokens, j))
                and (
                    before.text.lower() in ("in", "at", "near")
                    or (
                        before.text.lower() == "of"
                        and i >= 2
                        and tokens[i - 2].text.lower() in SETTLEMENT_NOUNS
                    )  # "the town of Cizre"
                )
            )
            titled = before is not None and (
                before.end in agent_ends
                or (before.unit is not None and before.unit.kind == "agent")
            )
            # ("Essequibo Coast", "Gladstone Avenue": a place's name, not a person's)
            if placed or (
                run[-1].text in GEO_HEADS
                and (
                    len(run) > 1
                    or (
                        before is not None
                        and before.unit is not None
                        and before.unit.kind in PLACE_UNIT_KINDS
                    )
                )
            ):
                found.append((run[0].start, run[-1].end, "gpe"))
            elif (
                len(run) >= 2
                or (titled and i > 0)
                or titled_run
                or (len(run) == 1 and run[0].text in surnames)
                # a one-word name the story repeats, not as a word before a noun ("the main
                # Hutu rebel group")
                or (
                    len(run) == 1
                    and run[0].text in repeated
                    and run[0].tag == "NNP"
                    and not _before_noun(tokens, j)
                )
                # a CamelCase word: a firm's or a brand's name ("WeWork", "BlackRock"), not
                # a hashtag ("#MeToo")
                or (
                    len(run) == 1
                    and _firm_word(run[0])
                    and not _before_noun(tokens, j)
                    # "WeWork CEO Adam Neumann": the firm of the title's holder, read with it
                    and j + 1 not in titles
                    and not (i > 0 and tokens[i - 1].text == "#")
                )
            ):
                found.append((run[0].start, run[-1].end, "name"))
        i = j + 1
    return found


# The last words of a place's name, which no person's name ends with.
GEO_HEADS = frozenset(
    """Coast Mountains Heights Creek Region District Province County Parish Village Airport
    Street Road Avenue Square Highway Estate Governorate""".split()
)


def _of_a_body(tokens: list[_Token], i: int) -> bool:
    """Whether the capitalised words from `i` end a body's name, after its noun and "for",
    "of", "on" or "against": "the Syrian Network for Human Rights", "the Council on Foreign
    Relations" (not "News of Yusuf", where the noun starts the sentence)."""
    return (
        i >= 3
        and (tokens[i - 3].text[:1].isupper() or tokens[i - 3].text.lower() == "the")
        and tokens[i - 1].text.lower() in BODY_LINKS
        and tokens[i - 2].text[:1].isupper()
        and tokens[i - 2].text.lower() in NOT_NAME_WORDS
    )


BODY_LINKS = frozenset({"for", "of", "on", "against"})


# Capitalised nouns of office that end a title, never a name: "UN Emergency Relief
# Coordinator", "Special Rapporteur Agnes Callamard".
TITLE_NOUNS = frozenset(
    {
        "coordinator",
        "commissioner",
        "rapporteur",
        "representative",
        "envoy",
        "ombudsman",
        "director",
        "adviser",
        "advisor",
    }
)


# Cues of a person placed by a guess from the article: the state it names most, or the one their
# name or title makes likelier.
GUESSED_CUES = frozenset({"context", "name-origin"})
# Titles only a monarchy gives, and the forms of state of the monarchies that give them.
ROYAL_TITLES = frozenset("""prince princess king queen duke duchess emir sultan""".split())
MONARCHY_FORMS = frozenset({"kingdom", "emirate", "sultanate", "principality", "grand duchy"})
# Titles of courtesy written before a name (British news: "Mr Trump", "Ms Begum").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})


HOST_KINDS = ("country", "capital")  # where an envoy is posted: "to Britain", "to Washington"
ENVOYS = frozenset({"envoy", "envoys", "ambassador", "ambassadors", "representative"})


def _envoy_before(
    tokens: list[_Token], chunk: tuple[int, int], unit: Unit, context: _Context
) -> Mention | None:
    """The envoy a name follows, with the state they are posted to between them: "China's
    ambassador to Britain Liu Xiaoming", "Russia's ambassador to the UK, Alexander
    Yakovenko"; None otherwise."""
    i = chunk[0] + (tokens[chunk[0]].text.lower() == "the")
    host = tokens[i].unit
    if host is not None and host.kind in HOST_KINDS and host.end == unit.start:
        before = chunk[0] - 1  # the host state and the name in one phrase
    elif (
        chunk[0] == unit.start
        and chunk[0] >= 3
        and tokens[chunk[0] - 1].text == ","
        and (host := tokens[chunk[0] - 2].unit) is not None
        and host.kind in HOST_KINDS
    ):
        before = host.start - 1 - (tokens[host.start - 1].text.lower() == "the")
    else:
        return None
    if before < 1 or tokens[before].text.lower() != "to":
        return None
    envoy = _mention_ending_at(context, tokens[before - 1].end)
    # a former envoy ("former special envoy to Ukraine Kurt Volker", ELI) was not of the host
    # state either
    if envoy is None or envoy.actor.person or envoy.actor.sector not in ("GOV", ELITE):
        return None
    return envoy


def _holder_sector(sector: str | None, generic: bool, org: Organisation | None) -> str | None:
    """The sector of someone titled as a body's: the title's (`sector`), else the body's; a
    party's leader or spokesman (a `generic` title) acts for the party ("Labour leader Jeremy
    Corbyn"), where its MP or minister keeps the office the title names. A firm's officer,
    whatever the title, works for the firm ("Boeing chief executive", "BBC presenter"), and an
    armed group's officer acts for the group ("a SDF spokesman", "an IS commander": REB)."""
    if org is None:
        return sector
    if org.kind is EntryKind.COMPANY and org.sector:
        return org.sector
    if org.kind is EntryKind.ARMED_GROUP and org.sector and (generic or sector in OFFICERS_OF_ARMS):
        return org.sector  # not "a journalist held by Isis"
    return PARTY if org.sector == PARTY and generic else sector or org.sector


OWNER_PRONOUNS = {"its": False, "his": True, "her": True, "their": None}  # of a person?


def _conjunct_owner(tokens: list[_Token], unit: Unit, context: _Context) -> Mention | None:
    """ "the US and its Kurdish proxies", "Putin and his aides": a possessive right after "X
    and" is X's, where X fits it (a person for "his", "her"; a state or body for "its")."""
    word = unit.text.lower()
    if word not in OWNER_PRONOUNS or unit.start < 2:
        return None
    person = OWNER_PRONOUNS[word]
    if tokens[unit.start - 1].text.lower() != "and":
        return None
    owner = _mention_ending_at(context, tokens[unit.start - 2].end)
    if owner is None or owner.cue == "pronoun":
        return None
    if person is not None and (owner.actor.person is not None) != person:
        return None
    return owner


def _mention_ending_at(context: _Context, end: int) -> Mention | None:
    """The latest mention that ends at text offset `end`."""
    return next((m for m in reversed(context.mentions) if m.end == end), None)


def _under_former_official(context: _Context, title: Mention) -> bool:
    """Whether an office is named as that of someone holding none, by their possessive right
    before it ("Obama's national security adviser" in 2018, "Sanders' adviser")."""
    for possessive in ("’s ", "' "):
        owner = _mention_ending_at(context, title.start - len(possessive))
        if owner is not None and owner.actor.person and owner.actor.sector not in OFFICES:
            return True
    return False


def _title_before(
    tokens: list[_Token], chunk: tuple[int, int], unit: Unit, context: _Context
) -> Mention | None:
    """The office a name is set off after: "The home secretary, Sajid Javid, said", "the
    Inspector-General of Police, Ibrahim Idris, to court": the mention of one holder of an
    office, with no person, that ends right before the comma; None otherwise."""
    first = chunk[0]
    after = unit.end
    # (a title of courtesy may open the name: "The Minister of National Security, Dr. Horace
    # Chang,")
    courtesy = first + 1 == unit.start and _honorific(tokens[first].text)
    if (
        (first != unit.start and not courtesy)
        or first < 2
        or tokens[first - 1].text != ","
        or tokens[first - 2].tag not in ("NN", "NNP", "NNS", "NNPS")
        or (
            after < len(tokens)
            and tokens[after].text not in (",", ".")
            and not tokens[after].tag.startswith("VB")
        )
    ):
        return None
    title = _mention_ending_at(context, tokens[first - 2].end)
    if title is None or title.actor.person or not title.actor.sector or title.actor.members:
        return None
    if (
        after < len(tokens)
        and tokens[after].tag.startswith("VB")
        and any(t.pos != "DET" for t in tokens if t.end <= title.start)
    ):
        # "Senate Leader, Ahmad Lawan raises", the second comma left out: only where the
        # office opens the sentence ("for his patients, Dempsey says" sets off a clause)
        return None
    # "The group's leader, Mohammed Emwazi": a general word says little of its holder unless
    # a state is written with it ("the Russian spokesman, X").
    # ("the Senate Leader, Ahmad Lawan," names an office)
    word = tokens[first - 2].unit
    generic = (word.text if word else tokens[first - 2].text).lower() in GENERIC_AGENTS
    if generic and title.cue != "agent+country":
        return None
    # "an Amnesty researcher, Diana Semaan,": a body's officer, read with the body
    officer = title.cue == "igo" and word is not None and word.kind == "agent"
    return title if title.cue.startswith("agent") or officer else None


def _shadowed(tokens: list[_Token], title: Unit) -> bool:
    """Whether "shadow" comes right before a title: the opposition's spokesperson for the
    office ("shadow health secretary"), whatever office it names."""
    return title.start > 0 and tokens[title.start - 1].text.lower() == "shadow"


def _without_honorific(name: str) -> str:
    """A full name without the title of courtesy before it ("Dr. Ronny Jackson" → "Ronny
    Jackson"); a surname keeps it, which tells "Mr Sultana" from "Ms Sultana"."""
    first, _, rest = name.partition(" ")
    return rest if " " in rest and _honorific(first) else name


def _honorific(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS


# Titles that are offices only when written capitalised before a name: "Justice Kavanaugh",
# "Supreme Court Justice Sonia Sotomayor" (the common noun is no one: "seek justice").
NAME_OFFICES = {"Justice": "JUD", "PC": "COP"}  # "PC John Smith": a police constable


def _hyphenated_part(tokens: list[_Token], j: int) -> bool:
    """Whether a hyphen joined to token j, and a word joined to the hyphen, follow: the name
    goes on ("Fazl-ur-Rehman", "Abdel-Aziz"). A lower-case word goes on only as a particle
    with a capitalised part after it: "Kurdish-led" is no name."""
    if j + 2 >= len(tokens):
        return False
    hyphen, word = tokens[j + 1], tokens[j + 2]
    joined = (
        hyphen.text == "-"
        and hyphen.start == tokens[j].end
        and word.start == hyphen.end
        and word.text.isalpha()
        and word.unit is None
    )
    if not joined or word.text[:1].isupper():
        return joined
    return _hyphenated_part(tokens, j + 2) and tokens[j + 4].text[:1].isupper()


def _name_token(token: _Token) -> bool:
    """A word the tagger reads as a proper noun, or a firm's CamelCase name it reads as a
    common noun ("WeWork is being investigated": NN)."""
    return (
        token.unit is None
        and (token.tag in ("NNP", "NNPS") or (token.tag in ("NN", "NNS") and _firm_word(token)))
        and token.text[:1].isupper()
        and not any(c.isdigit() for c in token.text)
    )


# The last word of a body's name that governs nothing: "National Rifle Association",
# "Ohio Teachers Union", "Pinewood Holdings".
BODY_NAME_ENDS = frozenset(
    {
        "Association", "Society", "Federation", "Foundation", "Institute", "Institution",
        "Club", "Guild", "Union", "Coalition", "Alliance", "League", "Network", "Commerce",
        "Party", "University", "College", *FIRM_ABBREVIATIONS, *FIRM_SUFFIXES,
    }
)  # fmt: skip


def _body_before(tokens: list[_Token], first: int, title: int) -> str | None:
    """The name of a body written right before a title, when it ends as one that governs
    nothing does ("Indiana State Teachers Association President Keith Gambill")."""
    i = title
    while i > first and (tokens[i - 1].text[:1].isupper() or tokens[i - 1].text == "of"):
        i -= 1
    while i < title and tokens[i].text == "of":
        i += 1
    words = [t.text for t in tokens[i:title]]
    if len(words) < 2 or words[-1].rstrip(".") not in BODY_NAME_ENDS:
        return None
    return " ".join(words)


# A body's name that names an office held by one person ("US Secretary of Defense").
OFFICE_NAME = re.compile(
    r"\b(?:secretary|minister|president|premier|chancellor|ambassador|governor|mayor|"
    r"attorney general|prosecutor|commissioner|envoy|chief of staff|speaker)\b",
    re.I,
)


# A CamelCase word whose last part is a word ("WeWork", "BlackRock", "DoorDash"), not an
# abbreviation ("MoD", "IoT", "GaN").
FIRM_WORD = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*[A-Z][a-z]{2,}$")


def _firm_word(token: _Token) -> bool:
    return FIRM_WORD.match(token.text) is not None and CAMEL_CASE.match(token.text) is not None


# States and small states' capitals whose name is also a given name: before a capitalised
# word, a person's ("Chad Wolf", "Douglas Ross", not the Isle of Man's capital; "Victoria
# Beckham", "Stanley Johnson"); after a given name, a surname ("Vernon Jordan").
GIVEN_NAME_STATES = frozenset(
    {"Chad", "Jordan", "Douglas", "Hamilton", "Stanley", "Victoria", "Sofia", "Dominique"}
)
# Agent nouns that are also given names: before a capitalised word, a name ("Hunter Biden" is
# not a hunter, nor Joe Biden).
GIVEN_NAME_AGENTS = frozenset({"Hunter"})
_NEXT_NAME = re.compile(r"\s+([A-Z][a-z]+)\b")


# Seas, straits and gulfs named after a state or its people: no state, no actor ("in the South
# China Sea" is not China's; "the Persian Gulf" no person). Their capitalised last word keeps
# any other "X Sea" from being read as a person's name (`WATER_HEADS`).
WATERS = re.compile(
    r"\b(?:(?:South|East) China Sea|Sea of Japan|Gulf of (?:Mexico|America|Guinea|Oman|Thailand"
    r"|Finland)|(?:Persian|Arabian) Gulf|Arabian Sea|Philippine Sea|Caribbean Sea|Irish Sea"
    r"|English Channel|Korean Peninsula|Korea Strait|Taiwan Strait|Strait of Taiwan"
    r"|Indian Ocean|Timor Sea|Java Sea|Sea of Azov|Bay of Bengal|Sea of Okhotsk"
    r"|Celtic Sea|Norwegian Sea|Greenland Sea|Aegean Sea|Ionian Sea|Adriatic Sea)\b"
)
WATER_HEADS = frozenset("Sea Ocean Gulf Strait Straits Peninsula".split())  # not "Channel": TV


def _without_first_names(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits, less the places' names that are part of a person's name: a state's or a
    town's before a capitalised word ("Chad Wolf", "Alexandria Ocasio-Cortez"), or an agent
    noun's that is a given name ("Hunter Biden"), a town's
    joined by a hyphen to one ("Ben Murray-Bruce"). Not a place's name before another
    phrase of the tables ("Jordan Valley" may be one) or a word for a part of it ("Kabul
    Airport", "Idlib Province")."""
    starts = {h.start for h in hits}
    ends = {h.end for h in hits if h.first(EntryKind.AGENT)}
    kept = []
    for hit in hits:
        town = _town(hit)
        after = _NEXT_NAME.match(text, hit.end)
        named = (
            after is not None
            and after.start(1) not in starts
            and after.group(1).lower() not in NOT_NAME_WORDS
        )
        if named and hit.text in GIVEN_NAME_STATES | GIVEN_NAME_AGENTS:
            continue
        # A town's name is a first name only where more says a person is named: a title
        # before it ("Rep. Alexandria Ocasio-Cortez"), or a surname of two or more words
        # after it ("Basel Abou Hammrah"); "Manchester Arena" stays the town's.
        if town and named and _first_name_of(text, hit, ends):
            continue
        hyphen = _HYPHEN_AFTER.match(text, hit.end)
        if town and hyphen and hit.end + 1 not in starts:
            continue  # "Ben Murray-Bruce", not "the Aleppo-Latakia highway"
        kept.append(hit)
    return kept


# "Indian" of a Native American people, not of India: "American Indian", "the Isleta Indian
# tribe", "the Lummi Indian Nation", "the Bureau of Indian Affairs", "Indian reservations".
_NATIVE_BEFORE = re.compile(r"\b(?:American|Native)\s+$")
_NATIVE_AFTER = re.compile(
    r"\s+(?:[Tt]ribes?\b|Nations?\b|[Rr]eservations?\b|Affairs\b|[Cc]asinos?\b"
    r"|[Bb]oarding [Ss]chools?\b|Health Service\b|Country\b)"
)


def _native_american(text: str, hit: Hit) -> bool:
    """Whether a hit is "Indian" of a Native American people (its state is then the one the
    text is about)."""
    if hit.text not in ("Indian", "Indians"):
        return False
    return bool(
        _NATIVE_BEFORE.search(text, max(0, hit.start - 10), hit.start)
        or _NATIVE_AFTER.match(text, hit.end)
    )


def _town(hit: Hit) -> bool:
    """Whether a hit is only a town's name: no state, capital, person or body of that name."""
    return hit.first(*NAMED_PLACE_KINDS) is None and hit.first(EntryKind.CITY) is not None


_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|to|at|near|outside|around|of)\s+$", re.I)


def _without_surnames(text: str, hits: list[Hit], given: frozenset[str]) -> list[Hit]:
    """The hits, less the towns' and capitals' names that are a person's surname: right after
    a given name of someone the tables know ("Mustafa Bali", not the island; "Omar Kabul";
    "Ian Hamilton", not Bermuda's government), and the same word later ("Hamilton said"). So
    are the states' names that are also people's ("Vernon Jordan", "Jordan, an Ohio
    Republican")."""
    kept = []
    surnames: set[str] = set()
    for hit in sorted(hits, key=lambda h: h.start):
        town = (
            _town(hit)
            or hit.text in GIVEN_NAME_STATES
            or (
                hit.first(EntryKind.CAPITAL) is not None
                and hit.first(EntryKind.COUNTRY, EntryKind.DEMONYM, EntryKind.PERSON) is None
            )
        )
        before = _given_name_before(text, hit.start, given) if town else None
        if (
            before is not None
            # "Margaret Owen London •": a surname before the town, which is where she writes
            and not (
                hit.first(EntryKind.CAPITAL)
                and _NAME_BEFORE.search(text, max(0, before.start() - 40), before.start())
            )
        ):
            surnames.add(hit.text)
            continue
        if (
            town
            and hit.text in surnames
            and not _PLACE_BEFORE.search(text, max(0, hit.start - 20), hit.start)
        ):
            continue  # the surname again, not "officials in Washington"
        if _middle_name(text, hit, given):
            continue  # "Robert Dean Mitchell": no dean
        if (person := hit.first(EntryKind.PERSON)) and person.phrase.split()[-1] in (
            GIVEN_NAME_STATES
        ):
            surnames.add(person.phrase.split()[-1])  # "Jim Jordan"; then "Jordan said"
        kept.append(hit)
    return kept


def _bare(person: Person) -> bool:
    """Whether the tables know `person` by one word only, from a derived source: a
    surname-only record ("Mitchell", Grenada's Keith Mitchell, in REIGN) or a mononym
    ("Suharto"), which many other people's names also end in."""
    return " " not in person.name.strip() and all(term.source != MANUAL for term in person.terms)


def _middle_name(text: str, hit: Hit, given: frozenset[str]) -> bool:
    """Whether a title that is also a given name ("Dean", "Earl") stands between a given name
    and a capitalised word: a middle name ("Robert Dean Mitchell"), not a title."""
    if hit.text not in given or hit.first(EntryKind.AGENT) is None or " " in hit.text:
        return False
    return (
        _given_name_before(text, hit.start, given) is not None
        and _CAPITAL_AFTER.match(text, hit.end) is not None
    )


def _given_name_before(text: str, at: int, given: frozenset[str]) -> re.Match[str] | None:
    """The given name (not a common word) written right before offset `at`, if any."""
    before = _GIVEN_BEFORE.search(text, max(0, at - 20), at)
    if before is None or before.group(1) not in given or is_common_word(before.group(1)):
        return None
    return before


_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _first_name_of(text: str, hit: Hit, title_ends: set[int]) -> bool:
    """Whether a town's name before a capitalised word is a person's first name: a title
    before it ("Rep. Alexandria Ocasio-Cortez", "Senator ..."), or a surname of two words or
    a hyphenated one after it ("Basel Abou Hammrah"); not a body's name ("Raqqa Civil
    Council", "Sydney Morning Herald")."""
    window = max(0, hit.start - TITLE_WINDOW)  # only the few letters a title takes
    if hit.start - 1 in title_ends or _TITLE_BEFORE.search(text, window, hit.start):
        return True
    surname = _LONG_NAME.match(text, hit.end)
    return surname is not None and not any(
        w.lower() in NOT_NAME_WORDS for w in re.split(r"[\s‐-]+", surname.group().strip())
    )


TITLE_WINDOW = 8  # letters before a name that may hold a courtesy title ("Rep. ")

# Kinds of entry whose phrase is kept before a capitalised word: a state, its capital, its
# people, a person, a body ("Washington Post" is the tables' own phrase).
NAMED_PLACE_KINDS = (
    EntryKind.COUNTRY,
    EntryKind.CAPITAL,
    EntryKind.DEMONYM,
    EntryKind.PERSON,
    EntryKind.IGO,
    EntryKind.INSTITUTION,
    EntryKind.COMPANY,
    EntryKind.ARMED_GROUP,
)
_HYPHEN_AFTER = re.compile(r"[-‐][A-Z][a-z]")  # "Murray-Bruce"
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Rep|Sen|Gov|Sir|Dame)\.?\s+$")
# After a town's name, a surname: hyphenated ("Ocasio-Cortez") or of two capitalised words.
_LONG_NAME = re.compile(r"\s+[A-Z][a-z]+(?:[-‐][A-Z][a-z]+|\s+[A-Z][a-z]+\b(?!\s+[A-Z]))")


def _owner(tokens: list[_Token], unit: Unit) -> Unit | None:
    """The unit whose possessive a unit follows ("Elon Musk" in "Elon Musk's SpaceX")."""
    i = unit.start
    return tokens[i - 2].unit if i >= 2 and tokens[i - 1].tag == "POS" else None


def _owned_by_body(tokens: list[_Token], unit: Unit) -> bool:
    """Whether a unit follows a body's possessive ("Blue Origin's Blue Moon")."""
    owner = _owner(tokens, unit)
    return owner is not None and owner.kind in ORG_UNIT_KINDS


def _owned_by_person(tokens: list[_Token], unit: Unit) -> bool:
    """Whether a unit follows a person's possessive ("Elon Musk's SpaceX"); a known person
    after a mere name's is no thing of theirs ("X's Kishida")."""
    owner = _owner(tokens, unit)
    return (
        owner is not None
        and owner.kind in ("person", "name")
        and (unit.kind != "person" or owner.kind == "person")
    )


# A capitalised word inside a sentence, after a small word or a comma, that is not the
# first of a longer name: "investigating WeWork, according to", "talks with Tribune".
_GIVEN_AND_SURNAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z][\w'’-]+)\b(?!\s+[A-Z])")
_MID_NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][\w’'-]{2,}?)(?:['’]s)?\b(?!\s+[A-Z])")


def _repeated_names(
    text: str, hits: list[Hit], given: frozenset[str] = frozenset()
) -> frozenset[str]:
    """One-word names the text uses twice or more inside sentences and the tables lack
    ("WeWork", "Tribune", "Giuffre"): a name the story is about, to be read wherever it
    stands, though no title or cue comes with it. So is the surname of someone named in full
    by a `given` name the tables know ("Ian Hamilton"), who may be named by it alone later
    ("Hamilton said")."""
    taken = {h.start for h in hits}

    def may_name(match: re.Match[str], group: int) -> bool:
        word = match.group(group)
        return (
            match.start(group) not in taken
            and not word.endswith(("ish", "ese"))  # "Kurdish": a people's word
            and word.lower() not in NOT_NAME_WORDS | WORLD_REGIONS | FAITH_WORDS
        )

    # "in Springfield", and a dateline's "SPRINGFIELD, Ill. —": a place the tables lack
    places = {m.group(1) for m in _AT_PLACE.finditer(text)}
    if dateline := _DATELINE.match(text):
        places.add(dateline.group(1).title())
    counts = Counter(
        m.group(1)
        for m in _MID_NAME.finditer(text)
        if may_name(m, 1)
        and not is_common_word(m.group(1))
        and not m.group(1).isupper()  # "SNC", "IRC": a body's acronym, not a person's name
        and m.group(1) not in places
    )
    surnames = {
        m.group(2)
        for m in _GIVEN_AND_SURNAME.finditer(text)
        if m.group(1) in given and may_name(m, 2)
    }
    return frozenset(word for word, n in counts.items() if n >= REPEATED) | surnames


REPEATED = 2  # uses of a one-word name that make it one of the story's
_AT_PLACE = re.compile(r"\b(?:in|near)\s+([A-Z][a-z]+)\b(?![’'-])")
_DATELINE = re.compile(r"\s*([A-Z]{3,})\b[^\n]{0,30}?\s[—–-]")
FAITH_WORDS = frozenset({"god", "allah", "islam", "christianity", "judaism", "buddhism"})


def _before_noun(tokens: list[_Token], i: int) -> bool:
    """Whether the token after `i` is a common noun or an agent word it may qualify."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and (after.pos == "NOUN" or after.tag in ("NN", "NNS"))


def _release_towns(tokens: list[_Token], start: int, end: int, name: str) -> None:
    """A town's name that opens a firm's is part of it ("Ithaca Holdings", "Sierra Nevada
    Corp."): its units are let go, so that the firm's name claims the words. A group named
    after a town is left as it is ("the Visegrad Group": a grouping of states, no firm)."""
    inside = [t for t in tokens if start <= t.start and t.end <= end]
    units = {id(t.unit): t.unit for t in inside if t.unit is not None}
    if (
        not units
        or name.rstrip(". ").endswith("Group")
        or any(u.kind != EntryKind.CITY.value for u in units.values())
    ):
        return
    if any(
        token.unit is not None
        and id(token.unit) in units
        and not (start <= token.start and token.end <= end)
        for token in tokens
    ):
        return  # the town's name runs on outside the firm's: leave both
    for token in inside:
        token.unit = None


# Three capitalised words or more in a row, perhaps with "of" or "the" between them.
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][a-z]+){2,}")
# An acronym in brackets right after a name: "(NYAG)".
_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)")
# Words an acronym leaves out: "Commission of Investigations", "Ministry for the Environment"
_UNSPELT = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "&"})


def _initials(name: str) -> str | None:
    """The initials of a name's words, hyphenated ones each counted ("Ocasio-Cortez": "OC");
    None unless every word but "of", "the" and the like is capitalised."""
    words = [w.strip(".,'’()") for w in re.split(r"[\s\-‐]+", name)]
    words = [w for w in words if w and w.lower() not in _UNSPELT]
    if not words or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _spells(acronym: str, initials: str) -> bool:
    """Whether an acronym's letters are the initials of a name, in order, some perhaps left
    out ("NYAG": New York State Attorney General), the first one not."""
    letters = [c for c in acronym if c.isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(any(c == i for i in rest) for c in letters)


def _needs_reading(sentence: Sentence, hits: list[Hit], acronyms: set[str]) -> bool:
    """Only sentences with a knowledge-base phrase, a firm's name by its suffix, a pronoun,
    "the two countries", "the Kingdom" or an acronym the text defines can hold an actor we
    resolve; the others are never tagged."""
    if any(sentence.start <= h.start < sentence.end for h in hits):
        return True
    if COMPANY_NAME.search(sentence.text):
        return True
    if acronyms and any(word in acronyms for word in re.findall(r"[A-Z][A-Z0-9]+", sentence.text)):
        return True
    return REFERRING.search(sentence.text) is not None


def _token_span(
    tokens: list[_Token], start: int, end: int, starts: dict[int, int], ends: dict[int, int]
) -> tuple[int | None, int | None]:
    first = starts.get(start)
    last = ends.get(end)
    if first is None:
        first = next((i for i, t in enumerate(tokens) if t.start <= start < t.end), None)
    if last is None:
        last = next(
            (i for i in range(len(tokens) - 1, -1, -1) if tokens[i].start < end <= tokens[i].end),
            None,
        )
    return first, last


def _preferred(hit: Hit) -> Entry:
    """When one phrase names several things, prefer the most specific reading."""
    order = (
        EntryKind.PERSON,
        EntryKind.INSTITUTION,
        EntryKind.COMPANY,
        EntryKind.ARMED_GROUP,
        EntryKind.IGO,
        EntryKind.COUNTRY,
        EntryKind.DEMONYM,
        EntryKind.CAPITAL,
        EntryKind.CITY,
        EntryKind.AGENT,
    )
    places = [e for e in hit.entries if e.kind in PLACE_KINDS] if len(hit.entries) > 1 else []
    if len({e.ref for e in places}) > 1 and all(e.kind in PLACE_KINDS for e in hit.entries):
        # a place of two states' names ("San Jose": Costa Rica's capital, California's city):
        # the state put first (`_in_context`: the one the story names more) decides the kind
        places = [e for e in places if e.ref == places[0].ref]
        return min(places, key=lambda e: order.index(e.kind))
    for kind in order:
        entry = hit.first(kind)
        if entry is not None:
            return entry
    return hit.entries[0]


PLACE_KINDS = frozenset({EntryKind.COUNTRY, EntryKind.DEMONYM, EntryKind.CAPITAL, EntryKind.CITY})


def _place_countries(hit: Hit) -> list[str]:
    """The states a phrase names as a place, in the order its tables list them."""
    return list(dict.fromkeys(e.ref for e in hit.entries if e.kind in PLACE_KINDS))


# A state born from another's land within the years the news covers, the one it was part of,
# and the day it became independent: before that day its places are the older state's ("Juba"
# in 2005 is a Sudanese city). South Sudan: independence on 9 July 2011 (its declaration and
# the UN's admission of it, A/RES/65/308).
SUCCESSIONS = {"SSD": ("SDN", dt.date(2011, 7, 9))}


def _on_day(hits: list[Hit], day: dt.date | None) -> list[Hit]:
    """The hits with the places of a state not yet born on `day` given to the state they then
    lay in; its capital was then one of that state's cities."""
    if day is None:
        return hits

    def unborn(entry: Entry) -> bool:
        return entry.kind in PLACE_KINDS and day < SUCCESSIONS.get(entry.ref, ("", dt.date.min))[1]

    def then(entry: Entry) -> Entry:
        kind = EntryKind.CITY if entry.kind is EntryKind.CAPITAL else entry.kind
        older, born = SUCCESSIONS[entry.ref]
        source = f"{entry.source}; {entry.ref} from {born.isoformat()}, before that part of {older}"
        return replace(entry, ref=older, kind=kind, source=source)

    return [
        replace(hit, entries=tuple(then(e) if unborn(e) else e for e in hit.entries))
        if any(unborn(e) for e in hit.entries)
        else hit
        for hit in hits
    ]


def _in_context(
    hits: list[Hit], context: _Context, home: Callable[[Entry], str | None] | None = None
) -> list[Hit]:
    """A word the tables give to two states ("Congo", "Congolese": COD or COG) is read as the
    one the article names more by unambiguous names ("Brazzaville", "Republic of the Congo"),
    then by more of its towns ("Manchester" in a story of Clarendon, Jamaica's), else as the
    one listed first (the larger, which the news means far more often). So is a name two
    states' bodies or people share ("National Democratic Congress": Ghana's and
    Grenada's parties; "King Charles", king of each of his realms), by the state `home` gives
    each."""
    out = []
    for hit in hits:
        countries = _place_countries(hit)
        if len(countries) >= 2:
            best = _likelier_state(context, countries)
            entries = sorted(hit.entries, key=lambda e: e.kind in PLACE_KINDS and e.ref != best)
            hit = replace(hit, entries=tuple(entries))
        elif home is not None and len(hit.entries) > 1:
            homes = [home(e) for e in hit.entries]
            if len({h for h in homes if h}) >= 2:
                ranked = sorted(range(len(homes)), key=lambda n: -context.salience[homes[n] or ""])
                hit = replace(hit, entries=tuple(hit.entries[n] for n in ranked))
        out.append(hit)
    return out


def _likelier_state(context: _Context, countries: list[str]) -> str:
    """Of the states one name gives (in its tables' order), the one the article names more by
    its own names, then by its towns, else the one listed first."""
    return max(
        countries, key=lambda c: (context.salience[c], context.towns[c], -countries.index(c))
    )


def _modifies_thing(tokens: list[_Token], unit: Unit, chunk: tuple[int, int]) -> bool:
    """A name followed in its phrase by a common noun that names nobody ("Preah Sihanouk
    deep-sea port") is a place or a thing, not a person; a possessive ("Hun Sen's proposal")
    or a title noun keeps it a person."""
    i = unit.end
    if i > chunk[1] or tokens[i].tag == "POS" or tokens[i].text in ("’s", "'s"):
        return False
    for token in tokens[i : chunk[1] + 1]:
        if token.pos == "CCONJ" or token.tag == "PRP$":
            return False  # "President X and his ruling party": another conjunct
        if token.pos == "NOUN" and token.text.lower() not in TIME_NOUNS:
            return True
    return False


# Nouns that date a clause rather than name a thing: "Chedli Klibi today urged...".
TIME_NOUNS = frozenset({"today", "yesterday", "tomorrow", "tonight"})
# Nouns of a span of time, which open a phrase that dates a clause ("last month").
PERIOD_NOUNS = frozenset({"week", "month", "year", "weekend", "night", "morning", "evening"})


DEGREE_ADVERBS = frozenset({"most", "more", "least", "less", "very"})
# Days, and the words that open a span of time before a period noun ("last week"): they date
# a clause, and end the noun phrase before them ("raided on Thursday human rights groups").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
PERIOD_OPENERS = frozenset({"last", "this", "next", "every", "past", "previous"})


def _chunks(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Noun phrases as (first, last) token indices: runs of determiners, adjectives, nouns,
    numbers, possessives and named units, joined across "and" between two nominal words."""
    chunks: list[tuple[int, int]] = []
    start = None
    for i, token in enumerate(tokens):
        inside = (
            token.unit is not None or token.pos in NP_POS or token.tag in ("POS", "PRP$")
        ) and token.tag not in RELATIVE_TAGS
        if (
            not inside
            and token.text[:1].isupper()
            and i + 2 < len(tokens)
            and tokens[i + 1].text in HYPHENS
            and tokens[i + 1].start == token.end
            and tokens[i + 2].tag in ("VBN", "VBD")
            and tokens[i + 2].start == tokens[i + 1].end
        ):
            inside = True  # "A Kurdish-led force": a capitalised word the tagger read as an adverb
        if not inside and token.text in HYPHENS and start is not None and i + 1 < len(tokens):
            inside = tokens[i - 1].end == token.start and token.end == tokens[i + 1].start
        if (
            not inside
            and start is not None
            and token.tag in ("VBN", "VBD")
            and tokens[i - 1].text in HYPHENS
            and tokens[i - 1].end == token.start
        ):
            inside = True  # "Vietnamese-led forces", "US-backed militias"
        if (
            not inside
            and start is not None
            and token.text.lower() in DEGREE_ADVERBS
            and tokens[i - 1].tag in ("POS", "DT", "PRP$", "JJ")
            and i + 1 < len(tokens)
            and tokens[i + 1].pos == "ADJ"
        ):
            inside = True  # "Trump's most senior officials": a degree before an adjective
        if not inside and token.pos == "CCONJ" and start is not None and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            inside = nxt.unit is not None or nxt.pos in ("ADJ", "PROPN", "NOUN")
        if not inside and token.text == "," and start is not None and i + 1 < len(tokens):
            # "Russian, Iranian and Syrian government forces": a list of demonyms is one phrase
            inside = _demonym_at(tokens, i - 1) and _demonym_at(tokens, i + 1)
        if inside and token.text.lower() in WEEKDAYS and token.unit is None:
            inside = False  # "on Thursday human rights organizations": a date, no part
        if (
            inside
            and token.text.lower() in PERIOD_NOUNS
            and start is not None
            and tokens[i - 1].text.lower() in PERIOD_OPENERS
        ):
            # "Last week Egyptian officials": the span of time is a phrase of its own
            chunks.append((start, i))
            start = None
            continue
        if inside and token.tag == "PRP":
            # A personal pronoun is a noun phrase of its own ("promised Turkey it would").
            if start is not None:
                chunks.append((start, i - 1))
            chunks.append((i, i))
            start = None
            continue
        if inside and token.tag == "PRP$" and start is not None and tokens[i - 1].tag != "CC":
            # A possessive pronoun opens a noun phrase: "offer NASA its lander" holds two.
            chunks.append((start, i - 1))
            start = i
            continue
        if inside:
            if start is None:
                start = i
        elif start is not None:
            chunks.append((start, i - 1))
            start = None
    if start is not None:
        chunks.append((start, len(tokens) - 1))
    return chunks


def _demonym_at(tokens: list[_Token], i: int) -> bool:
    """Whether token i is a one-word demonym used as an adjective ("Russian", not "the
    Russians")."""
    unit = tokens[i].unit
    one = unit is not None and unit.kind == "demonym" and unit.start == unit.end - 1
    return one and tokens[i].tag not in PLURAL_TAGS


def _conjuncts(tokens: list[_Token], first: int, last: int) -> list[tuple[int, int]]:
    """Split a phrase at "and" (and at the commas of a list of demonyms, which `_chunks`
    keeps in one phrase); a conjunct with a cue but no head shares the last one's head:
    "Hungarian and Romanian officials" → "Hungarian officials", "Romanian officials"."""
    parts, start = [], first
    for i in range(first, last + 1):
        if (tokens[i].pos == "CCONJ" or tokens[i].text == ",") and tokens[i].unit is None:
            if start <= i - 1:
                parts.append((start, i - 1))
            start = i + 1
    if start <= last:
        parts.append((start, last))
    if len(parts) < 2:
        return parts
    final_units = _units(tokens, *parts[-1])
    head = final_units[-1] if final_units else None
    if head is None or head.kind != "agent" or final_units[0].kind == "pronoun":
        return parts  # "Iran and its army": two actors, the second Iran's
    merged = []
    for part in parts[:-1]:
        units = _units(tokens, *part)
        if units and all(u.kind in ("demonym", "country") for u in units):
            merged.append((part[0], head.end - 1))  # read "Hungarian … officials" together
        else:
            merged.append(part)
    return [*merged, parts[-1]]


def _units(tokens: list[_Token], first: int, last: int) -> list[Unit]:
    seen: list[Unit] = []
    for i in range(first, last + 1):
        unit = tokens[i].unit
        if unit is not None and (not seen or seen[-1] is not unit) and unit.start >= first:
            seen.append(unit)
    # A conjunct merged across "and" holds the head agent after the other conjunct's words.
    return [u for u in seen if u.end - 1 <= last or u.kind == "agent"]


CUE_KINDS = ("country", "demonym", "city", "capital")
# What makes an agent noun no agent: a compound it opens ("state-of-the-art", "man-of-the-
# match"), or a river it is the bank of ("the banks of the Euphrates", "the west bank of the
# river", not "the central bank of Iraq").
RIVERS = (
    "rivers?|canal|lake|Euphrates|Tigris|Nile|Jordan|Danube|Thames|Rhine|Mississippi|Potomac|"
    "Hudson|Volga|Dnipro|Dnieper|Mekong|Yangtze|Orontes"
)
NOT_AGENT_AFTER = re.compile(
    rf"-of-|(?:(?<=bank)|(?<=banks))\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{RIVERS})\b",
    re.I,
)


# What makes "force" or "intelligence" no body of people: the word before it, when it says
# how much force is used or what kind of mind ("excessive force", "artificial intelligence").
NOT_AGENT_BEFORE = re.compile(
    r"\b(?:excessive|lethal|deadly|full|brute|driving|disproportionate|unnecessary|labou?r|"
    r"artificial|emotional|business|market)\s+(?:force|intelligence)$|"
    # another firm or person to a deal: "third-party distributors", "sold to third parties"
    r"\bthird[\s-]+part(?:y|ies)$",
    re.I,
)


# Opposition as one's stance, not the opposition: someone's, or held "in", "no" or "the
# principled" opposition to something ("Mattis's quiet opposition to the president", "in
# opposition to the US policy"; not "the moderate opposition to Assad").
OPPOSING = re.compile(
    r"(?:[’']s|\b(?:her|his|its|their|our|my|your|in|no))\s+(?:[\w-]+\s+){0,2}?"
    r"opposition$|\b(?:principled|blanket|quiet|violent|fierce|strong|vocal|firm|staunch|"
    r"longstanding|long-standing|all-out)\s+opposition$",
    re.I,
)
OPPOSED_TO = re.compile(r"\s+to\b")


def _no_agent_here(text: str, start: int, end: int) -> bool:
    """Whether the words around an agent noun at `start`-`end` make it name no one."""
    if NOT_AGENT_AFTER.match(text, end) is not None:
        return True
    if OPPOSED_TO.match(text, end) and OPPOSING.search(text, max(0, start - 40), end):
        return True
    return NOT_AGENT_BEFORE.search(text, max(0, start - 20), end) is not None


# Agent nouns that name a body only as some state's or group's ("Syria's leadership", "the
# Iraqi leadership", "Isis leadership"; not "an online leadership role").
OWNED_AGENTS = frozenset({"leadership"})
OWNERS = frozenset({"country", "demonym", "capital", "armed_group", "institution", "igo"})


def _owned(tokens: list[_Token], last: int) -> bool:
    """Whether the word before the agent noun ending at token `last` (past a possessive's
    "'s") is a state, a people or a body."""
    i = last - 1
    if i >= 0 and tokens[i].text in ("'s", "’s"):
        i -= 1
    unit = tokens[i].unit if i >= 0 else None
    return unit is not None and unit.kind in OWNERS


HYPHENS = frozenset({"-", "‑", "–"})  # hyphen-minus, non-breaking hyphen, en dash
# Nouns for a body of people, which the agent word before them qualifies ("extremist group").
# Not "movements": "military movements" are troops on the move.
BODY_NOUNS = frozenset(
    {"group", "groups", "organization", "organizations", "organisation", "organisations"}
    | {"faction", "factions", "outfit", "outfits", "cell", "cells"}
)
POSTMODIFIERS = frozenset({"of", "in", "from", "throughout", "across", "near"})
# What a state does to a place, named after a preposition ("from Turkish attack", "in Russian
# airstrikes"): the state named before it is the doer's, not the phrase's.
STATES_DEEDS = frozenset(
    """attack attacks assault airstrike airstrikes strike strikes bombardment bombing
    bombings shelling offensive invasion incursion fire raids raid""".split()
)
# Units that name a place as such, not a people's origin ("Israeli-" in "the Israeli-occupied
# West Bank").
PLACE_UNIT_KINDS = ("country", "city", "capital")
# Participles that place a group where it acts: "rebels based in", "Red Cross operating in".
PLACED_PARTICIPLES = frozenset({"based", "operating", "stationed", "headquartered"})


def _specific_agent(units: list[Unit], head: Unit) -> Unit:
    """The agent that decides the sector: the head, unless it is generic and a more specific
    agent stands before it."""
    if head.text.lower() not in GENERIC_AGENTS:
        return head
    for unit in reversed(units):
        if unit.kind == "agent" and unit is not head and unit.text.lower() not in GENERIC_AGENTS:
            return unit
    return head


# Agent nouns for armed men of any side, which a word before them can say are of a rebellion
# or a faith rather than a state's forces ("rebel fighters", "Islamist gunmen", "Moslem forces").
ARMED_HEADS = frozenset(
    {"forces", "force", "fighters", "fighter", "combatants"}
    | {"militia", "militias", "militiaman", "militiamen", "militant", "militants"}
    | {"proxy", "proxies"}
)
ARMED_SIDE_SECTORS = frozenset({"REB", "REL"})
ARMED_SECTORS = frozenset({"MIL", "UAF", "REB"})  # titles of armed men: "commander", "general"
# Titles an armed group's officers hold: its spokesman and officials (GOV), its commanders.
OFFICERS_OF_ARMS: frozenset[str | None] = frozenset({*ARMED_SECTORS, "GOV", None})


def _armed_head(unit: Unit) -> bool:
    """An agent noun for armed men of any side: sector UAF ("gunmen"), or "forces",
    "fighters", "militias" (REB in the tables, as the PLOVER gold codes them)."""
    assert unit.entry is not None
    return unit.entry.ref == "UAF" or unit.text.lower() in ARMED_HEADS


# Tags of a people's name before a noun ("Arab", "Pashtun").
PEOPLES_TAGS = frozenset({"NNP", "NNPS", "JJ"})


def _armed_qualifier(units: list[Unit], head: Unit, tokens: list[_Token]) -> Unit | None:
    """The word that makes armed men a non-state group: a rebel or religious agent word
    right before an armed head (sector UAF, or "forces", "fighters")."""
    if not _armed_head(head):
        return None
    # walk back over the words before the head, past a people's name ("Shia Iraqi militias",
    # "Sunni Arab forces")
    at = head.start
    while at > 0:
        before = [u for u in units if u.end == at and u.kind in ("agent", "demonym")]
        if before:
            word = before[0]
            if word.kind == "agent" and word.entry and word.entry.ref in ARMED_SIDE_SECTORS:
                return word
            at = word.start
        elif tokens[at - 1].unit is None and tokens[at - 1].tag in PEOPLES_TAGS:
            at -= 1  # "Arab", a people of no state
        else:
            break
    return None


# Verbs by which a state keeps, sends or withdraws forces ("has 2,000 troops in Syria").
DEPLOYING_VERBS = frozenset(
    "has have had having keep keeps keeping kept maintain maintains maintained maintaining "
    "deploy deploys deployed deploying send sends sending sent station stations stationed "
    "stationing withdraw withdraws withdrawing withdrew withdrawn pull pulls pulling pulled "
    "bring brings bringing brought dispatch dispatches dispatched dispatching mobilise "
    "mobilises mobilised mobilising mobilize mobilizes mobilized mobilizing".split()
)
# Forces a state deploys: the place written after them is where they are, not whose they are.
DEPLOYED_HEADS = frozenset(
    "troops soldiers forces personnel marines advisers advisors units boots police policemen "
    "officers warships ships jets aircraft warplanes peacekeepers reservists".split()
)
# Words between such a verb and its forces: "has about 2,000", "withdraw all its".
DEPLOYED_FILLERS = frozenset(
    "about around some roughly nearly almost up to more than fewer less over its their the "
    "all remaining additional extra further more ground combat special an estimated several "
    "hundreds thousands dozens of".split()
)


def _deployer(
    context: _Context, emit: _Emitter, tokens: list[_Token], first: int, head: Unit
) -> Mention | None:
    """The state (a mention of this sentence before the phrase) whose forces the phrase names,
    when a verb of keeping, sending or withdrawing comes before it: "The US has about 2,000
    troops in Syria", "France sent troops to Mali". None when no verb or no state is found;
    "troops in Syria" alone keep the place as their state."""
    if head.text.lower() not in DEPLOYED_HEADS:
        return None
    i = first - 1
    while i >= 0 and (tokens[i].text.lower() in DEPLOYED_FILLERS or tokens[i].pos == "NUM"):
        i -= 1
    if i < 0 or tokens[i].text.lower() not in DEPLOYING_VERBS:
        return None
    verb_at = tokens[i].start
    earlier = [
        context.mentions[n]
        for n in _sentence_mentions(context, emit.sentence.index)
        if context.mentions[n].end <= verb_at
        and context.mentions[n].actor.country
        and not context.mentions[n].actor.members
    ]
    # "Pakistan, a key U.S. ally, has refused to deploy troops": the subject, not a state
    # named in an apposition between commas
    while len(earlier) > 1 and _in_commas(emit.text, earlier[-1], earlier[-2].end, verb_at):
        earlier.pop()
    return earlier[-1] if earlier else None


def _in_commas(text: str, mention: Mention, after: int, before: int) -> bool:
    """Whether a mention stands between two commas, the first after offset `after` and the
    second before offset `before`."""
    opening = text.rfind(",", after, mention.start)
    return opening >= 0 and text.find(",", mention.end, before) >= 0


def _postmodifier_cues(
    tokens: list[_Token],
    last: int,
    following: list[tuple[int, int]],
    kinds: Iterable[str] = CUE_KINDS,
) -> tuple[list[Unit], int]:
    """ "president of Armenia", "rebels in Darfur": a state named right after the phrase (by
    a unit of one of `kinds`); returns its unit and the last token of the phrase that names
    it."""
    after = last + 1
    if (
        after + 1 < len(tokens)
        and tokens[after].text.lower() in PLACED_PARTICIPLES
        and tokens[after + 1].text.lower() in ("in", "at")
    ):
        after += 1  # "a terror group based in Trinidad"
    if after < len(tokens) and tokens[after].text.lower() in POSTMODIFIERS and following:
        start, end = following[0]
        # ("the Kurdish city from Turkish attack": a state's deed, not the phrase's state)
        if start == after + 1 and tokens[end].text.lower() not in STATES_DEEDS:
            found = [
                u
                for u in _units(tokens, start, end)
                if u.kind in kinds and u.entry and not _former_state_only(tokens, u)
            ]
            return found[:1], end
    return [], last


def _living_in(
    tokens: list[_Token], unit: Unit, last: int, following: list[tuple[int, int]]
) -> Entry | None:
    """The place a plural demonym's people live in, written after it: "the Albanians of
    southern Serbia", "Palestinians living in the West Bank"; not the state that holds it
    ("of the Israeli-occupied West Bank")."""
    if unit.end - 1 != last or tokens[last].tag not in PLURAL_TAGS:
        return None
    words = [t.text.lower() for t in tokens[last + 1 : last + 3]]
    if words[:1] == ["of"]:
        found, _ = _postmodifier_cues(tokens, last, following, PLACE_UNIT_KINDS)
    elif words == ["living", "in"]:
        found, _ = _postmodifier_cues(tokens, last + 1, following, PLACE_UNIT_KINDS)
    else:
        return None  # "Americans in Syria" may be its soldiers, not people who live there
    return found[0].entry if found else None


def _of_state(
    tokens: list[_Token], unit: Unit, chunk: tuple[int, int], following: list[tuple[int, int]]
) -> Entry | None:
    """The state written after a name with "of", and nothing else: "King Hassan of Morocco",
    not "informed Erdoğan of the US withdrawal"."""
    if unit.end - 1 != chunk[1] or unit.end >= len(tokens) or tokens[unit.end].text != "of":
        return None
    if not following or following[0][0] != unit.end + 1:
        return None
    start, end = following[0]
    start += tokens[start].text.lower() == "the"
    state = tokens[start].unit
    if state is None or state.kind != "country" or state.entry is None:
        return None
    return state.entry if (state.start, state.end - 1) == (start, end) else None


# Participles after "X-" that make X a patron of the actor, not its state ("Iranian-backed
# militias" are not Iran's forces); "Saudi-led" and "Vietnamese-led" keep theirs.
PATRON_PARTICIPLES = frozenset(
    """backed supported sponsored funded financed trained armed allied aligned affiliated
    linked""".split()
)


STANCE_PREFIXES = frozenset({"anti", "pro"})


REBEL_HOLDERS = frozenset({"rebel", "rebels", "opposition", "insurgent", "militant", "jihadist"})
HELD = frozenset({"held", "controlled", "run"})


def _rebel_held(tokens: list[_Token], first: int, end: int) -> bool:
    """Whether "rebel-held", "opposition-controlled" … stands in tokens `first` to `end`."""
    return any(
        tokens[i].text.lower() in REBEL_HOLDERS
        and tokens[i + 1].text in HYPHENS
        and tokens[i + 2].text.lower() in HELD
        for i in range(first, end - 2)
    )


def _kurdish_region(context: _Context) -> str | None:
    """Of Syria and Iraq, the state whose Kurdish region the article names more; None if it
    names neither."""
    homes = [c for c in KURDISH_REGIONS if context.salience[c]]
    return max(homes, key=lambda c: context.salience[c]) if homes else None


def _for_or_against_government(tokens: list[_Token], first: int, head: Unit) -> str | None:
    """ "anti-regime", "pro-government" before an agent's head, as written; None if absent."""
    for i in range(first + 2, head.start):
        if tokens[i].text.lower() in ("regime", "government") and _stance_prefixed(tokens, i):
            return f"{tokens[i - 2].text}-{tokens[i].text}"
    return None


def _stance_prefixed(tokens: list[_Token], i: int) -> bool:
    """Whether "anti" or "pro" and a hyphen come right before token i."""
    return (
        i >= 2 and tokens[i - 1].text in HYPHENS and tokens[i - 2].text.lower() in STANCE_PREFIXES
    )


def _stance(tokens: list[_Token], unit: Unit) -> bool:
    """A state written after "anti-" or "pro-": "an anti-Syria journalist" is not Syrian."""
    i = unit.start
    return _stance_prefixed(tokens, i) or (
        i >= 1 and tokens[i - 1].text.lower() in {"anti-", "pro-"}
    )


def _patron(tokens: list[_Token], unit: Unit) -> bool:
    """A state named as the backer of an actor: "US-backed", "Iranian-sponsored"."""
    i = unit.end
    return (
        i + 1 < len(tokens)
        and tokens[i].text in HYPHENS
        and tokens[i + 1].text.lower() in PATRON_PARTICIPLES
    )


def _former_state(tokens: list[_Token], unit: Unit) -> bool:
    """A demonym after "former" or "ex-" ("former Soviet states"): where a state came from.
    "former Soviet officials" is read the other way, by the caller, from its head noun."""
    return (
        unit.kind == "demonym" and unit.start > 0 and tokens[unit.start - 1].text.lower() in FORMER
    )


def _former_state_only(tokens: list[_Token], unit: Unit) -> bool:
    """A demonym after "former" naming only where a state came from ("people of former Soviet
    states"), not the state of a former officer or soldier ("parents of a former British
    soldier", where "former" is the soldier's)."""
    if not _former_state(tokens, unit):
        return False
    after = tokens[unit.end] if unit.end < len(tokens) else None
    return (
        after is None
        or after.unit is None
        or after.unit.kind != "agent"
        or after.text.lower() in STATE_NOUNS
    )


def _country_cues(units: list[Unit], tokens: list[_Token]) -> list[Entry]:
    """The states a phrase's words name as its own: not "anti-American" or "pro-Iranian"."""
    cues = []
    for unit in units:
        if unit.entry and unit.kind in CUE_KINDS and not _stance(tokens, unit):
            if _studied(tokens, unit):
                continue  # "a Ukraine specialist", "our Russia correspondent": of others
            cues.append(unit.entry)
    return cues


def _studied(tokens: list[_Token], unit: Unit) -> bool:
    """Whether a state's name is written before one who studies or reports on it."""
    return (
        unit.kind == "country"
        and unit.end < len(tokens)
        and tokens[unit.end].text.lower() in STUDENTS_OF
    )


# Nouns of those who study or report on a state named before them ("a Ukraine specialist on
# the National Security Council", "a China hawk"), who are not of it; "a Chinese expert" is.
STUDENTS_OF = frozenset(
    "specialist specialists expert experts analyst analysts scholar scholars watcher watchers "
    "hawk hawks hand hands correspondent correspondents researcher researchers".split()
)


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]{2,}")
DATELINE_MARKS = frozenset({"--", "—", "–", "-", "(", ":", ","})


# Diplomatic missions: the capital a state opens or closes its mission "in" is the government
# the mission is accredited to ("opened an embassy in Tehran", "closed its consulate in
# Basra"); "the embassy in Tehran", where protesters gather, is a place.
MISSION_NOUNS = frozenset({"embassy", "embassies", "consulate", "consulates", "legation"})
MISSION_OWNERS = frozenset({"a", "an", "its", "their", "new"})


# Words between a locative preposition and the place: "in central Baghdad", "in the capital
# city of Algiers", "in downtown Cairo".
PLACE_PARTS = frozenset(
    {"central", "downtown", "northern", "southern", "eastern", "western", "north", "south"}
    | {"east", "west", "greater", "suburban", "outer", "inner", "old", "the", "capital", "city"}
    | {"of"}
)
PLACE_WORDS_BEFORE = 4


# Sport has no sector of its own: its clubs and players are civilians, as athletes are.
SPORTS_SECTOR = "CVL"
# Capitalised words that make a city's name a club's: before it ("Real Madrid", "Inter Milan",
# "Borussia Dortmund") or after it ("Manchester United", "Leicester City", "Glasgow Rangers").
CLUB_BEFORE = frozenset(
    "Real AC AS Inter FC Atletico Atlético Athletic Sporting Dynamo Dinamo Olympique Borussia "
    "Bayern Hertha Eintracht Lokomotiv Spartak CSKA Racing Deportivo Rapid Shakhtar Zenit "
    "Ajax Fortuna".split()
)
CLUB_AFTER = frozenset("United City FC CF Rovers Wanderers Athletic Albion Hotspur Rangers".split())


def _club(tokens: list[_Token], unit: Unit) -> tuple[int, int] | None:
    """The tokens of a sports club named after the city `unit` names, if it is one: a club's
    word right before or after the city's name, itself no place, and no capitalised word after
    it ("Manchester City Council" is the city's)."""
    before = tokens[unit.start - 1] if unit.start > 0 else None
    if before is not None and before.unit is None and before.text in CLUB_BEFORE:
        return unit.start - 1, unit.end
    after = tokens[unit.end] if unit.end < len(tokens) else None
    if after is None or after.unit is not None or after.text not in CLUB_AFTER:
        return None
    if after.text == "City" and unit.kind != "city":
        return None  # "Kuwait City", "Guatemala City": a capital's own name
    beyond = tokens[unit.end + 1] if unit.end + 1 < len(tokens) else None
    if beyond is not None and beyond.text[:1].isupper() and beyond.text not in CLUB_AFTER:
        return None
    return unit.start, unit.end + 1


def _possessive_after(tokens: list[_Token], i: int) -> bool:
    """Whether the token after `i` is a possessive ending ("Trump's", "James'")."""
    return i + 1 < len(tokens) and tokens[i + 1].text in ("'s", "’s", "'", "’")


def _placed(tokens: list[_Token], unit: Unit) -> bool:
    """A capital after "in", "at", "near"... is a place; elsewhere ("Tokyo said", "talks with
    Moscow") it stands for its government, as it does after a mission ("opened an embassy in
    Tehran")."""
    i = unit.start
    while (
        i > 0 and unit.start - i < PLACE_WORDS_BEFORE and tokens[i - 1].text.lower() in PLACE_PARTS
    ):
        i -= 1  # "in central Baghdad", "in the capital city of Algiers"
    before = tokens[i - 1].text.lower() if i > 0 else ""
    mission = (
        unit.start > 2
        and tokens[unit.start - 2].text.lower() in MISSION_NOUNS
        and tokens[unit.start - 3].text.lower() in MISSION_OWNERS
    )
    # "anger toward Beijing", "policy towards Moscow": an attitude to a government, not a way
    attitude = before in ("toward", "towards") and any(
        t.text.lower() in ATTITUDE_NOUNS for t in tokens[max(0, i - 5) : i - 1]
    )
    return (before in LOCATIVE and not (before == "in" and mission) and not attitude) or _dateline(
        tokens, unit
    )


# Nouns of a stance taken toward a state: its capital after them is its government.
ATTITUDE_NOUNS = frozenset(
    "policy policies stance approach attitude attitudes hostility anger warmth overtures "
    "posture rhetoric tone position diplomacy outreach pivot".split()
)


def _dateline(tokens: list[_Token], unit: Unit) -> bool:
    """A dateline, "SEOUL --" or "BEIJING (Reuters) -": where the story was filed."""
    after = tokens[unit.end].text if unit.end < len(tokens) else ""
    return unit.start == 0 and unit.text.isupper() and after in DATELINE_MARKS


PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Words that count or describe people before a plural demonym: "thousands of Iraqi Kurds",
# "young Algerians", "ethnic Albanians".
QUANTITY_NOUNS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "scores", "tens", "some", "many", "several"}
)


def _one_of(tokens: list[_Token], unit: Unit) -> bool:
    """ "an American", "a Syrian" standing alone: one person of the state, not the state
    ("an American proposal" is the state's)."""
    after = tokens[unit.end] if unit.end < len(tokens) else None
    return (
        unit.start > 0
        and tokens[unit.start - 1].text.lower() in ("a", "an")
        # the phrase ends with it: "an American was freed", "an American who", not "a
        # Russian-led attack" or "a Russian and Iranian-backed assault"
        and (after is None or (after.unit is None and after.tag in AFTER_A_HEAD))
    )


# Tags of a word that may follow the head of a noun phrase: a verb, a preposition, a relative
# pronoun, punctuation that ends the phrase.
AFTER_A_HEAD = frozenset(
    {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "IN", "WDT", "WP", ",", ".", ":", "-RRB-", "''"}
)


def _people(tokens: list[_Token], first: int, unit: Unit) -> bool:
    """A plural demonym that names people rather than their state: counted ("100
    Palestinians", "thousands of Algerians") or described ("young Algerians", "ethnic
    Albanians"). A bare plural ("Palestinians blamed Israel") stays the state."""
    if tokens[unit.end - 1].tag not in PLURAL_TAGS:
        return False
    before = tokens[first : unit.start]
    # A sentence's first word is capitalised, and may be tagged a proper noun ("Young").
    if any(
        (t.pos in ("NUM", "ADJ") or (t.pos == "PROPN" and t is tokens[0])) and t.unit is None
        for t in before
    ):
        return True
    if any(t.text.lower() in QUANTITY_NOUNS for t in before):
        return True
    i = first - 1
    if i >= 1 and tokens[i].text.lower() == "of":
        previous = tokens[i - 1]
        return previous.pos == "NUM" or previous.text.lower() in QUANTITY_NOUNS
    return False


def _ethnic_home(tokens: list[_Token], unit: Unit) -> str | None:
    """Where an ethnic group lives, for a demonym after "ethnic" ("ethnic Albanian
    guerrillas in Macedonia"): the other state the sentence names, if any. An ethnic group is
    coded by the state it lives in, not the one its name comes from."""
    if unit.kind != "demonym" or unit.entry is None or unit.start == 0:
        return None
    if tokens[unit.start - 1].text.lower() != "ethnic":
        return None
    return _other_state(tokens, unit.entry.ref)


def _other_state(tokens: list[_Token], country: str) -> str | None:
    """The first state the sentence names other than `country`."""
    for token in tokens:
        unit = token.unit
        if unit is not None and unit.entry and unit.kind in CUE_KINDS and unit.entry.ref != country:
            return unit.entry.ref
    return None


def _title_start(tokens: list[_Token], first: int, unit_start: int) -> int:
    """Where a person's mention starts: at the title and cues written right before the name
    ("Japanese Prime Minister Fumio Kishida", "water resources minister Lim Kean Hor"), not at
    unrelated words of the same phrase ("April 24 that Hun Sen")."""
    i = unit_start
    while i > first:
        before = tokens[i - 1]
        if before.tag == "PRP$" or (before.unit is not None and before.unit.kind == "pronoun"):
            break
        if before.unit is None and before.pos not in ("ADJ", "NOUN"):
            break
        if before.unit is None and before.text.lower() in TIME_NOUNS | PERIOD_NOUNS:
            break  # "Last month Mr Erdoğan said": a time, not a title
        if (
            before.unit is None
            and i >= 2
            and tokens[i - 2].text == "-"
            and tokens[i - 2].start == before.start - 1
        ):
            break  # "29-year-old Kevin Brooks", "US-born": a hyphenated word, no title
        i -= 1
    return i


def _phrase_start(tokens: list[_Token], first: int, unit_start: int) -> int:
    """Start a mention at the phrase's first content word (not "the", "a", "his")."""
    i = first
    while i < unit_start and (
        tokens[i].pos == "DET" or tokens[i].tag == "PRP$" or tokens[i].pos == "NUM"
    ):
        i += 1
    return i


def _apposition(
    tokens: list[_Token],
    chunk: tuple[int, int],
    following: list[tuple[int, int]],
    resolver: Resolver,
    context: _Context,
    sentence: int,
) -> tuple[str | None, str | None, str, str | None] | None:
    """ "X, a research fellow at Y," / "X of Japan" / "X, General Manager of Mitsubishi
    Corporation": the country, sector and international or non-governmental body the words
    after a name give it."""
    end = chunk[1] + 1
    country = sector = igo = None
    generic = False  # the apposition's title is one any body has: "leader", "spokesman"
    notes = []
    if (
        end + 2 < len(tokens)
        and tokens[end].text == ","
        and tokens[end + 1].pos == "NUM"
        and tokens[end + 2].text == ","
    ):
        end += 2  # "Mehmet Aksoy, 32, from London": an age says nothing; read past it
        following = [f for f in following if f[0] > end]
    if (
        end + 1 < len(tokens)
        and tokens[end].text == ","
        and tokens[end + 1].text.lower() in ("from", "of")
    ):
        end += 1  # "Ruhul Amin, from Aberdeen,": where the person is from
    if (
        end < len(tokens)
        and tokens[end].text == ","
        and following
        and following[0][0] == end + 1
        # "Bukola Saraki, Senator Dino Melaye and ...": another person, the next of a list
        and not any(
            u.kind == "person" or (u.kind == "name" and u.end - u.start > 1)
            for u in _units(tokens, *following[0])
        )
        and not _next_named(tokens, following[0])
        # "unopposed by Assad's foreign adversaries, government forces have swept": many, not
        # the one named
        and tokens[following[0][1]].tag not in PLURAL_TAGS
        # "Police arrested John Kessler, a police spokesman said": the one who says it
        and not _speaks_next(tokens, following[0][1] + 1)
    ):
        units = _units(tokens, *following[0])
        owner = _described_owner(tokens, units, context, sentence)
        if owner is not None and owner.actor.igo:
            # "Diana Semaan, the charity's Syria researcher": an officer of the body named
            # before; a state in the title is the officer's beat
            title = next((u for u in reversed(units) if u.kind == "agent" and u.entry), None)
            held = title.entry.ref if title and title.entry else None
            officer = resolver._officer_sector(owner.actor.igo, held)
            context.consumed.add(following[0][0])
            note = f"apposition: an officer of {owner.actor.name}, named before"
            return None, officer, note, owner.actor.igo
        agent = next((u for u in units if u.kind == "agent" and u.entry), None)
        body = next((u for u in units if u.kind in BODY_UNITS and u.entry), None)
        if body is not None and not _describes(tokens, following[0], units, body):
            body = None  # "..., al-Qaida and the Kurds": the next item of a list
        org = resolver.kb.organisations.get(body.entry.ref) if body and body.entry else None
        generic = agent is not None and agent.text.lower() in GENERIC_AGENTS
        if agent and agent.entry:
            sector = _holder_sector(agent.entry.ref, generic, org)  # "X, the Labour leader"
            notes.append(f"apposition '{agent.text}' → {sector}")
        elif org is not None:
            sector = org.sector  # "Brandon Lewis, the Conservative party chairman"
        if body is not None and org is not None and org.country:
            notes.append(f"apposition '{body.text}' → {org.name}: {org.country} {org.sector}")
        if sector in OFFICES and any(
            t.text.lower() in FORMER for t in tokens[following[0][0] : following[0][1] + 1]
        ):
            sector = ELITE  # "Nick Clegg, the former Liberal Democrat leader"
            notes.append("apposition says former: out of office")
        cue = _country_cues(units, tokens)
        if cue:
            country = cue[0].ref
        elif org is not None:
            country = org.country
        if agent or cue or org:
            context.consumed.add(following[0][0])
        end = following[0][1] + 1
        following = following[1:]
        described = True
    else:
        described = False
    hops = 0
    while (
        end < len(tokens)
        and tokens[end].pos == "ADP"
        # right after the name, only where it is from: "King Hassan of Morocco", not
        # "Begum's departure to Syria"; after an apposition, where one serves ("a fellow at"),
        # perhaps past a beat ("Director for the Middle East and North Africa at Amnesty")
        and (described or tokens[end].text.lower() in ("of", "from"))
        and following
        and following[0][0] == end + 1
        and hops < (3 if described else 1)
    ):
        hops += 1
        units = _units(tokens, *following[0])
        if (
            country is None
            and tokens[end].text.lower() == "to"
            and tokens[end - 1].text.lower() in ENVOYS
            and (host := next((u for u in units if u.kind in HOST_KINDS and u.entry), None))
        ):
            # "Kurt Volker, the former special envoy to Ukraine": the state an envoy is posted
            # to is not theirs; they are the article's other state's, if it names one
            assert host.entry is not None
            sender = [c for c in context.main_countries(2) if c != host.entry.ref][:1]
            country = sender[0] if sender else None
            notes.append(
                f"posted to {host.entry.ref}"
                + (f"; of {country}, the article's other state" if country else "")
            )
            units = []
        for unit in units:
            # a place past a beat is the beat's ("an expert on chemical weapons in Syria")
            if unit.entry and unit.kind in ("country", "demonym", "city", "capital") and hops == 1:
                country = country or unit.entry.ref
                notes.append(f"'{tokens[end].text} {unit.text}' → {unit.entry.ref}")
            elif unit.entry and unit.kind in BODY_UNITS:
                org = resolver.kb.organisations.get(unit.entry.ref)
                if org:
                    country = country or org.country
                    # "Ian Blackford, leader of the SNP": the party's leader
                    sector = _holder_sector(sector, generic, org)
                    notes.append(f"'{tokens[end].text} {org.name}' → {org.country} {org.sector}")
            elif unit.entry and unit.kind == EntryKind.IGO.value and country is None:
                # "Philip Luther of Amnesty International", "a spokesman for the UN": an
                # officer of an international or non-governmental body, of no state
                igo = igo or unit.entry.ref
                sector = resolver._officer_sector(igo, sector)
                notes.append(f"'{tokens[end].text} {unit.text}': an officer of {unit.text}")
        if country is not None or igo is not None or any(u.entry for u in units):
            break
        end = following[0][1] + 1
        following = following[1:]
    if country is None and sector is None and igo is None:
        return None
    return country, sector, "; ".join(notes), igo


def _described_owner(
    tokens: list[_Token], units: list[Unit], context: _Context, sentence: int
) -> Mention | None:
    """ "the charity's", "the company's" opening a phrase: the body named before that it
    refers to (`_recent_body`); None otherwise."""
    if len(units) < 2 or units[0].kind != "agent" or units[0].start < 1:
        return None
    noun, after = units[0].text.lower(), units[0].end
    if tokens[units[0].start - 1].text.lower() != "the" or after >= len(tokens):
        return None
    if tokens[after].text not in ("'s", "’s"):
        return None
    return _described_body(context, sentence, noun) if noun in DESCRIBED_NOUNS else None


def _next_named(tokens: list[_Token], chunk: tuple[int, int]) -> bool:
    """Whether a phrase after a name and a comma is the next item of a list of names
    ("Blue Origin, Sierra Nevada Corp. and SpaceX"): it opens with a name, a body's or a
    place's, and holds no agent noun that would describe the name before it ("Liu, China's
    ambassador")."""
    units = _units(tokens, *chunk)
    return (
        bool(units)
        and units[0].start == chunk[0]
        and units[0].kind not in ("agent", "demonym", "pronoun")
        and not any(u.kind == "agent" for u in units)
    )


def _describes(tokens: list[_Token], chunk: tuple[int, int], units: list[Unit], body: Unit) -> bool:
    """Whether a phrase after a name and a comma that holds a body's name describes the
    person ("the Conservative party chairman", "a Labour member of the committee"): it opens
    with an article, names no one, and the body's name is not its head."""
    first, last = chunk
    return (
        tokens[first].text.lower() in ("the", "a", "an")
        and not any(u.kind in ("person", "name") for u in units)
        # "the YPG and YPJ": bodies named, not a person described
        and not any(u.start <= last < u.end for u in units if u.kind in BODY_UNITS)
    )


def _role(title: str) -> str | None:
    """The role a title names, in the knowledge base's words."""
    lowered = " ".join(title.lower().split())
    roles = {
        "prime minister": "head of government",
        "premier": "head of government",
        "chancellor": "head of government",
        "president": "head of state",
        "king": "head of state",
        "queen": "head of state",
        "emperor": "head of state",
        "foreign minister": "foreign minister",
        "defence minister": "defence minister",
        "defense minister": "defence minister",
        "secretary of state": "foreign minister",
        "defense secretary": "defence minister",
        "defence secretary": "defence minister",
    }
    if lowered in roles:
        return roles[lowered]
    if lowered.endswith(("minister", "secretary", "governor", "ambassador", "envoy", "mayor")):
        return lowered
    return None


def _igo_body_sector(name: str) -> str | None:
    """The organ or officer of an international organisation that governs ("Security
    Council", "UN Secretary General")."""
    governs = r"\b(?:council|commission|secretariat|secretary[- ]general|high commissioner)\b"
    return "GOV" if re.search(governs, name, re.I) else None


MEMBERS_OF = re.compile(r"\b(?:Union|Association|Federation|Confederation|Syndicate)\s+of\s+(.+)$")
MEMBERS_BEFORE = re.compile(
    r"(\w+)\s?['’]?\s+(?:Union|Association|Federation|Confederation|Syndicate)$"
)  # "Serbian Workers' Union"


def _union_members(name: str) -> re.Match[str] | None:
    """The people a union or association is of, as its name writes them: "Union of Teachers",
    "Workers' Union"."""
    return MEMBERS_OF.search(name) or MEMBERS_BEFORE.search(name)


# The last word of a name that is a body's, never a person's ("the US Pacific Fleet", "the
# Quds Force"), and the first word of an airline's ("Air Astana", "Air Canada").
BODY_LAST_WORDS = frozenset(
    {"Fleet", "Army", "Navy", "Forces", "Force", "Corps", "Marines", "Brigade", "Regiment"}
    | {"Battalion", "Airlines", "Airways"}
)
AIRLINE = re.compile(r"^Air\s+[A-Z][a-z]+$")


def _body_named(name: str, given: frozenset[str]) -> str | None:
    """The sector of a name that can only be a body's: a military unit's (MIL) or an
    airline's (BUS); None for any other name, and for one that opens with a given name
    ("Michael Fleet")."""
    words = name.split()
    if len(words) > 1 and words[-1] in BODY_LAST_WORDS and words[0] not in given:
        return _org_sector(name) or ("BUS" if words[-1] in ("Airlines", "Airways") else None)
    return "BUS" if AIRLINE.match(name) else None


def _org_sector(name: str) -> str | None:
    for pattern, sector in ORG_SECTOR_WORDS:
        if pattern.search(name):
            return sector
    return None


def _strip_article(text: str) -> str:
    """The name without a leading "the" or a trailing possessive ("the Carlyle Group's")."""
    return re.sub(r"(?:['’]s|['’])$", "", re.sub(r"^(?:the|The)\s+", "", text)).strip()


def _entry_note(entry: Entry) -> str:
    source = f" ({entry.source})" if entry.source else ""
    return f"'{entry.phrase}' is a {entry.kind.value} of {entry.ref}{source}"


def _org_note(org: Organisation | None, entry: Entry) -> str:
    if org is None:
        return _entry_note(entry)
    where = f" of {org.country}" if org.country else ""
    return f"{org.name}: {org.kind.value}{where}, {org.sector} ({org.source or entry.source})"


def _government_led(
    words: str, noun: str, person: Person, term: Term | None
) -> tuple[Actor, str] | None:
    """ "The Trump administration": the government of the state `person` led on the day (their
    `term`), with its evidence; None when they led none then."""
    if term is None or not term.country or term.role not in LEADER_ROLES:
        return None
    note = f"the {noun} of {person.name}: {_term_note(person, term)}"
    return Actor(words, country=term.country, sector="GOV"), note


def _intergovernmental(term: Term) -> bool:
    """A term held in an international organisation of states. The Phoenix dictionaries also
    file some non-governmental bodies and their staff as people, under an NGO code ("Al Haq",
    [NGOPALHRI]): those act for no state and no organisation of states."""
    return bool(term.igo) and not (term.igo or "").startswith("NGO")


def _term_note(person: Person, term: Term) -> str:
    span = f"{term.start or '…'} – {term.end or 'today'}"
    where = term.country or (f"igo:{term.igo}" if term.igo else "")
    return (
        f"{person.name}: {where} {term.sector} {term.role or ''} {span} ({term.source})"
    ).replace("  ", " ")


ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w{3})", re.I)  # "al-Baghdadi", "el-Sisi"


# States whose people's names, written in English, put the family name first ("Xi Jinping",
# "Hun Sen", "Kim Jong Un", "Orbán Viktor" in Hungarian only, so not Hungary).
FAMILY_NAME_FIRST = frozenset(
    {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "SGP", "MNG"}
)


# The Arab League's members: their leaders are named by their given names alone ("Saddam")
ARAB_STATES = frozenset(
    """DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE
    YEM""".split()
)


def _surname_index(people: Iterable[Person]) -> dict[str, list[Person]]:
    index: dict[str, list[Person]] = {}
    for person in people:
        for name in (person.name, *person.aliases):
            words = name.split()
            if len(words) > 1:
                # "Baghdadi" for "Abu Bakr al-Baghdadi": the surname without its article too
                last = ARABIC_ARTICLE.sub("", words[-1])
                keys = {words[-1].casefold(), last.casefold()}
                if person.country in FAMILY_NAME_FIRST or (
                    person.country in ARAB_STATES
                    and any(t.role in LEADER_ROLES for t in person.terms)
                ):
                    # "Xi" for Xi Jinping, "Saddam", "Bashar"; not "Kimberly" for the governor
                    keys.add(words[0].casefold())
                for key in keys:
                    bucket = index.setdefault(key, [])
                    if person not in bucket:
                        bucket.append(person)
    return index


# A title that says who began a body, not what the body does: a known person's own sector
# says more.
FOUNDER = re.compile(r"(?:co\s*-?\s*)?founder", re.I)


# The sectors of private life: a person the tables know in one of them (tieline/data/manual/
# notables.tsv: business people, celebrities, journalists...) acts for no state.
PRIVATE_SECTORS = frozenset({"BUS", "JRN", "CVL", "REL", "EDU", "MED"})


def _private(term: Term) -> bool:
    """Whether a term is a private person's: a private sector, or one of the elite the
    hand-kept tables give (a celebrity; a former official's ELI is a derived table's)."""
    return term.sector in PRIVATE_SECTORS or (term.sector == ELITE and term.source == MANUAL)


def _in_office(person: Person, day: dt.date | None) -> bool:
    """In a government office on `day`; with no day, ever in one."""
    if day is None:
        return any(t.sector == "GOV" for t in person.terms)
    term = person.role_on(day)
    return term is not None and term.sector == "GOV" and term.covers(day)


def _office_stated(mention: Mention) -> bool:
    """Whether a person's mention holds an office its own words gave it ("the defence
    minister Tobias Ellwood"), not one the tables gave for a year the sentence told."""
    return (
        mention.cue in ("kb:person+cue", "name+title")
        and mention.actor.sector in OFFICES
        and YEAR_TOLD_NOTE not in mention.evidence
    )


def _common_noun_after_former(tokens: list[_Token], chunk: tuple[int, int]) -> bool:
    """Whether "former" in the chunk stands before a word in lower case, not a title or a
    name: "her former label Big Machine" (not "former AG Eric Schneiderman")."""
    for i in range(chunk[0], chunk[1]):
        if tokens[i].text.lower() in FORMER and i + 1 <= chunk[1]:
            return tokens[i + 1].text[:1].islower()
    return False


def _former_official(person: Person, day: dt.date | None) -> str | None:
    """For someone no term covers on `day`, who left an office before it: the evidence that
    they are out of office. A former official acts as an elite (ELI), not for the state (David
    Cameron in 2018, though he was foreign secretary again in 2023)."""
    if day is None:
        return None
    ended = [t.end for t in person.terms if t.sector != ELITE and t.end and t.end <= day]
    return f"{person.name} held office until {max(ended)}, not after" if ended else None


def _named_state(term: Term | None, context: _Context) -> bool:
    """Whether a bare surname may name the holder of `term`, their term on the day: it is a
    hand-kept one (checked: "Obama", "Putin"), or the article names the state it is held
    for. A term only a derived source gives, often left open for years, does not make "Hall"
    or "Evans" a Jamaican or Haitian officeholder in an article about Syria."""
    if term is None:
        return False
    return term.source == MANUAL or term.igo is not None or term.country in context.named


def _forced_capital(token: Token) -> bool:
    """A common word capitalised only because it opens the sentence, and not acting as a
    name: "Young Algerians blocked roads" (but "May said", "May's plan" may be a surname)."""
    if token.i != 0 or not is_common_word(token.text) or len(token.doc) < 2:
        return False
    after = token.doc[1]
    return not (after.tag_.startswith("VB") or after.tag_ in ("MD", "POS") or after.is_punct)


# The last word of a description of one person by trade or state of life: "photojournalist",
# "lawyer", "spokesman", "teenager", "official" (not a body: "the chamber", "the centre").
PERSONS_TRADE = re.compile(
    r"(?<!chamb)(?<!cent)(?<!sect)(?<!newspap)(?<!quart)(?<!carri)(?<!monit)"
    r"(?:ist|ian|man|woman|person|er|or|eer|ee|ant|ent|official|suspect|boy|girl)$",
    re.I,
)
PERSONS_TRADE_NOT = frozenset(
    {"government", "parliament", "department", "management", "infant"}  # "the infant": a child
)


def _described_people(context: _Context, text: str) -> None:
    """ "Ricardo Vilanova never wanted to be part of the story. The Spanish photojournalist
    went to Syria": a sentence that opens with "the" and one person's trade describes the one
    person the sentence before named, when no cue placed them: that person is of its state and
    sector, and so is the description (`_settle_names` then gives them to the person's other
    mentions)."""
    mentions = context.mentions
    for i, described in enumerate(mentions):
        actor = described.actor
        if (
            described.cue not in ("agent", "agent+country")
            or not actor.sector
            or not PERSONS_TRADE.search(described.text)
            or described.text.split()[-1] in PERSONS_TRADE_NOT
            or not described.text.split()[-1].islower()  # "The Economist": a name
            or actor.person
            or actor.members
            or _plural_agent(described)
            or not text.startswith(("The ", "the "), described.start - 4)
            or not _opens_sentence(text, described.start - 4)
        ):
            continue
        # the people of this sentence and the one before, back from the description
        people = []
        for j in range(i - 1, -1, -1):
            if mentions[j].sentence < described.sentence - 1:
                break
            if mentions[j].actor.person:
                people.append(j)
        before = [j for j in people if mentions[j].sentence == described.sentence - 1]
        if len(before) != 1 or len(people) > 1:
            continue  # none, or several people: which is meant is not clear
        person = mentions[before[0]]
        if person.cue not in GUESSED_CUES or person.actor.sector:
            continue  # a cue read them already
        country = actor.country or person.actor.country
        if (
            actor.country
            and person.actor.country not in (None, actor.country)
            and person.confidence > CONFIDENCE["context"]
        ):
            continue  # another state, read from a cue
        who = replace(person.actor, sector=actor.sector, country=country)
        mentions[before[0]] = replace(
            person,
            actor=who,
            evidence=f"{person.evidence}; described next as '{described.text}'",
        )
        mentions[i] = replace(
            described,
            actor=who,
            cue="description",
            evidence=f"{described.evidence}; the person the sentence before named: {who.name}",
            antecedent=before[0],
        )
        _repoint_pronouns(mentions, i, before[0])


def _repoint_pronouns(mentions: list[Mention], described: int, person: int) -> None:
    """Read again the pronouns after a description found to be a person (`described`, naming
    the one `person` names): one that went to someone named after the description in its
    sentence goes to the description, the first person there ("The Spanish photojournalist
    went to cover the revolution against Bashar al-Assad. ... he was taken hostage": the
    photojournalist, not Assad), unless the description's words give the other gender."""
    words = set(re.findall(r"[a-z]+", mentions[described].text.lower()))
    gender = "f" if words & FEMALE_WORDS else "m" if words & MALE_WORDS else None
    where = mentions[described]
    repointed = set()
    for j in range(described + 1, len(mentions)):
        mention = mentions[j]
        word = mention.text.lower()
        if (
            mention.cue != "pronoun"
            or word not in PERSON_PRONOUNS
            or mention.antecedent is None
            or mention.sentence == where.sentence
        ):
            continue
        earlier = mentions[mention.antecedent]
        # or one that went to such a pronoun before it ("he thought ... and he was taken")
        if mention.antecedent not in repointed and (
            earlier.sentence != where.sentence or earlier.start < where.start
        ):
            continue
        if gender is not None and (gender == "f") != (word in FEMALE_PRONOUNS):
            continue
        repointed.add(j)
        mentions[j] = replace(
            mention,
            actor=mentions[person].actor,
            evidence=f"refers to {mentions[person].actor.name}, described as '{where.text}'",
            antecedent=person,
        )


def _opens_sentence(text: str, position: int) -> bool:
    """Whether only spaces, quotation marks or a sentence's end stand before `position`."""
    head = text[:position].rstrip(' “"')
    return not head or head[-1] in ".!?\n"


def _last_person(context: _Context) -> Mention | None:
    for mention in reversed(context.mentions):
        if mention.actor.person:
            return mention
    return None


# One word with a capital inside it, as firms and brands write their names ("WeWork",
# "SoftBank", "JetBlue"), and people's do not but after a particle ("McDonald", "DeSantis").
CAMEL_CASE = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O['’]))[A-Z][a-z]+[A-Z]\w*$")
# Nouns that, after "the", refer back to a firm named earlier ("the company said").
# What a firm has and a person has not, after its name's possessive: "WeWork's chief executive".
FIRMS_OWN = re.compile(
    r"(?:(?:['’]s)?\s+(?:(?:former|new|then)\s+)?(?:chief executive|ceo|chief financial officer|"
    r"cfo|chief operating officer|shareholders|investors|shares|stock|valuation|executives|"
    r"board of directors|co-?founders?|headquarters|revenues?)\b"
    # or a deal made of it: "Big Machine, which was bought out by a company owned by ..."
    r"|,?\s+(?:(?:which|that)\s+)?(?:was|were|has been|had been)\s+(?:bought|acquired|"
    r"taken over)\b)",
    re.I,
)
FIRM_NOUNS = frozenset(
    {
        "company", "firm", "airline", "record label", "startup", "lender", "insurer",
        "retailer", "manufacturer", "automaker", "carmaker", "conglomerate",
    }
)  # fmt: skip
FIRM_REACH = 5  # sentences back that "the company" looks for its firm
# Nouns that, after "the", refer back to a non-governmental body named earlier.
CHARITY_NOUNS = frozenset(
    {"charity", "aid group", "aid agency", "rights group", "human rights group"}
)
# Nouns that, after "the", refer back to an armed group named earlier ("the terror group").
GROUP_NOUNS = frozenset(
    {
        "terror group", "terrorist group", "terrorist organisation",
        "terrorist organization", "militant group", "jihadist group", "jihadi group",
        "rebel group", "armed group", "extremist group", "militia",
    }
)  # fmt: skip


DESCRIBED_NOUNS = FIRM_NOUNS | GROUP_NOUNS | CHARITY_NOUNS


# Words for an armed group that say it is a terrorist one: in a story that names a group of no
# state among others, that group ("the SDF captured the last holdouts of the terrorist group").
TERROR_NOUNS = frozenset(
    {
        "terror group", "terrorist group", "terrorist organisation", "terrorist organization",
        "jihadist group", "jihadi group", "extremist group",
    }
)  # fmt: skip


def _described_body(context: _Context, sentence: int, noun: str) -> Mention | None:
    """What "the company", "the terror group" or "the charity" (`noun`) refers to: the firm,
    armed group or non-governmental body named last (`_recent_body`); for a terrorist group,
    the group of no state named last, where one was."""
    kind = "BUS" if noun in FIRM_NOUNS else "REB" if noun in GROUP_NOUNS else "NGO"
    if noun in TERROR_NOUNS:

        def stateless(actor: Actor, mention: Mention) -> bool:
            key = actor.organisation or ""
            return key.startswith(ARMED_GROUP_KEY) and not actor.country and actor.sector == "REB"

        if (group := _recent_named(context, sentence, stateless)) is not None:
            return group
    return _recent_body(context, sentence, kind)


def _last_two_people(context: _Context, sentence: int) -> tuple[Mention, Mention] | None:
    """The last two people named (not referred to) in this or the few sentences before, the
    earlier first; None if there are fewer."""
    found: list[Mention] = []
    for mention in reversed(context.mentions):
        if mention.sentence < sentence - FIRM_REACH:
            break
        person = mention.actor.person
        if person and mention.cue != "pronoun" and all(m.actor.person != person for m in found):
            found.append(mention)
            if len(found) == 2:
                return found[1], found[0]
    return None


def _recent_group(context: _Context, sentence: int) -> Mention | None:
    """The armed group, non-governmental body or party named last, by name, in this or the
    few sentences before: what "the group" refers to."""

    def group(actor: Actor, mention: Mention) -> bool:
        in_tables = actor.organisation is not None
        return in_tables and (actor.non_governmental or actor.sector in ("REB", "PTY", "OPP"))

    return _recent_named(context, sentence, group)


def _recent_body(context: _Context, sentence: int, sector: str) -> Mention | None:
    """The firm (`sector` BUS), armed group (REB) or non-governmental body (NGO) named last,
    by name (not "a company"), in this or the few sentences before."""

    def body(actor: Actor, mention: Mention) -> bool:
        named = actor.organisation is not None or mention.cue in NAME_CUES
        return named and ("NGO" if actor.non_governmental else actor.sector) == sector

    return _recent_named(context, sentence, body)


def _body_referred(context: _Context, sentence: int, phrase: str) -> tuple[str, Mention] | None:
    """What "the group" or "the agency" (`phrase`, lower case) refers to, and the noun: the
    armed group, non-governmental body or party named last, else the crowd ("the group"); the
    body named by that word ("the agency")."""
    if GROUP_REFERENCE.match(phrase):
        body = _recent_group(context, sentence) or _recent_crowd(context, sentence)
        return ("group", body) if body is not None else None
    if (referring := BODY_REFERENCE.match(phrase)) is not None:
        body = _recent_body_called(context, sentence, referring[1])
        return (referring[1], body) if body is not None else None
    if (referring := BLOC_REFERENCE.match(phrase)) is not None:
        # "the bloc": the organisation of states named last (the EU, ASEAN); "the alliance" a
        # military one (NATO)
        alliance = referring[1] == "alliance"
        body = _recent_named(
            context,
            sentence,
            lambda actor, _: actor.igo is not None and (not alliance or actor.sector == "MIL"),
        )
        return (referring[1], body) if body is not None else None
    return None


def _recent_body_called(context: _Context, sentence: int, noun: str) -> Mention | None:
    """The body named last, in this or the few sentences before, whose words hold `noun`
    as its head or before "of" ("Environmental Protection Agency" or "Department of Justice" for
    "the agency", "the department"; not "agency officials"), where it is placed in a state or an
    organisation of states: what "the agency" refers to."""
    word = re.compile(rf"\b{noun}\b(?!\s+(?!of\b)[a-z])", re.I)  # not "coalition bombing raid"

    def called(actor: Actor, mention: Mention) -> bool:
        placed = actor.igo or actor.organisation or (actor.country and actor.sector)
        # "the ICJ ... the court": the name the acronym stands for holds the word
        named = word.search(mention.text) or (actor.organisation and word.search(actor.name))
        return bool(placed and named)

    return _recent_named(context, sentence, called)


def _recent_crowd(context: _Context, sentence: int) -> Mention | None:
    """People named last by a plural noun of no government ("Kurdish protesters", "workers"),
    in this or the sentence before: what "the group" refers to where no body is named."""
    for mention in reversed(context.mentions):
        if mention.sentence < sentence - 1:
            return None
        actor = mention.actor
        if mention.cue == "pronoun" or actor.person or actor.members:
            continue
        if (
            _plural_agent(mention)
            and actor.sector is not None
            and actor.sector not in GOVERNMENT_SECTORS
        ):
            return mention
    return None


def _recent_named(
    context: _Context, sentence: int, wanted: Callable[[Actor, Mention], bool]
) -> Mention | None:
    """The last mention, in this or the FIRM_REACH sentences before, that names (not refers
    to: no pronoun) a body, not a person, that `wanted` accepts."""
    for mention in reversed(context.mentions):
        if mention.sentence < sentence - FIRM_REACH:
            return None
        actor = mention.actor
        if mention.cue != "pronoun" and not actor.person and wanted(actor, mention):
            return mention
    return None


# What may stand between the items of a list of names: a comma, "and", an acronym in brackets.
LIST_GAP = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)$")
# A plural firm noun right before a list: "companies Astrobotic, ...", "the five companies —".
FIRM_PLURALS = r"(?:companies|firms|startups|lenders|airlines|labels|manufacturers|contractors)"
FIRMS_BEFORE = re.compile(
    rf"\b{FIRM_PLURALS}(?:\s*[:—–-]|\s+(?:such as|including|like))?\s*$", re.I
)
FIRMS_TITLE = re.compile(rf"{FIRM_PLURALS}\s", re.I)  # read as a title: "companies Astrobotic"


FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b")  # not "US"
SPEECH_VERBS = re.compile(
    r"\b(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|insisted|insists|stated|"
    r"states|declared|declares|tweeted|tweets|warned|warns|explained|explains)\b"
)
TELLING = frozenset({"told", "tells"})
MAX_QUOTATION = 8  # sentences: a longer "quotation" is a quote mark left open by mistake
SPEAKING_AUXILIARIES = frozenset({"has", "have", "had", "also", "later", "then", "would", "will"})


def _speaks_next(tokens: list[_Token], i: int) -> bool:
    """Whether the words from token `i` are a verb of speech that closes the sentence, perhaps
    after an auxiliary ("a spokesman said on Monday", "a federal minister has said"): what
    comes before is its subject, and what it says came first. (With a clause after it, "Aram
    Kochar, a Kurdish military official said Isis fighters were wary", a comma is missing.)"""
    while i < len(tokens) and tokens[i].text.lower() in SPEAKING_AUXILIARIES:
        i += 1
    return (
        i < len(tokens)
        and (
            SPEECH_VERBS.fullmatch(tokens[i].text) is not None
            or tokens[i].text in ("confirmed", "announced", "reported")
        )
        and not any(t.tag.startswith("VB") or t.tag == "MD" for t in tokens[i + 1 :])
    )


def _quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of a text, as character spans from the opening mark to the closing
    one. An opening mark inside an open quotation starts its next paragraph (news leaves the
    paragraph before unclosed); a quotation never closed is left out."""
    spans = []
    start = None
    for match in re.finditer(r"[“”\"]", text):
        if match.group() == "“" or (match.group() == '"' and start is None):
            start = match.start() if start is None else start
        elif start is not None:
            spans.append((start, match.end()))
            start = None
    return spans


def _quoted_speakers(
    context: _Context, sentences: Sequence[Sentence], field_name: str, text: str
) -> None:
    """ "“I will not resign,” Smith said": "I", "me" and "my" inside a quotation are its
    speaker, the person named outside it, beside a verb of saying, in the sentence where it
    ends or else the one where it begins; the quotation may run over several sentences.
    Where no one is named so, they are left unread."""
    quotes = _quotations(text)
    if not quotes or not sentences:
        return

    def quoted(position: int) -> bool:
        return any(a <= position < b for a, b in quotes)

    spans = [(s.start, s.end) for s in sentences]

    def sentence_at(position: int) -> Sentence:
        return sentences[bisect.bisect_right(spans, (position, len(text))) - 1]

    # Where the speaker of the quotation before is named (where it ends, else where it
    # begins): a quotation standing alone right after it goes on with that speaker.
    source: tuple[Sentence, Sentence] | None = None
    before_last = -2  # the sentence where the quotation before ended
    for a, b in quotes:
        first, last = sentence_at(a), sentence_at(b - 1)
        if a < spans[0][0] or last.index - first.index >= MAX_QUOTATION:
            source, before_last = None, -2
            continue
        # "“My child was 15,” Ahmed Ali said. “I would ask the government …”": a quotation
        # that is a paragraph of its own goes on with the speaker before
        carried = first.index == before_last + 1 and _stands_alone(text, first, last, (a, b))
        if source is None or not carried:
            source = (last, first)
        before_last = last.index
        for pattern, speakers in ((FIRST_PERSON, _says_i), (FIRST_PERSON_PLURAL, _says_we)):
            if not pattern.search(text, a, b):
                continue  # nothing in it to read as its speaker
            by_sentence: dict[int, list[int]] = {}
            for i, mention in enumerate(context.mentions):
                by_sentence.setdefault(mention.sentence, []).append(i)
            speaker = next(
                (
                    found
                    for sentence in source
                    if (found := _speaker(context, sentence, by_sentence, quoted, speakers))
                    is not None
                ),
                None,
            )
            if speaker is not None:
                _read_speaker(context, speaker, pattern, (a, b), sentence_at, field_name, text)


def _stands_alone(text: str, first: Sentence, last: Sentence, quote: tuple[int, int]) -> bool:
    """Whether a quotation fills its sentences: nothing but a full stop outside it."""
    a, b = quote
    return not text[first.start : a].strip() and text[b : last.end].strip() in ("", ".")


def _read_speaker(
    context: _Context,
    speaker: int,
    pattern: re.Pattern[str],
    quote: tuple[int, int],
    sentence_at: Callable[[int], Sentence],
    field_name: str,
    text: str,
) -> None:
    """Read the words of `pattern` inside the quotation `quote` as its speaker: "I" as the
    person, "we" as those they speak for (their state and sector, not the person)."""
    a, b = quote
    actor = context.mentions[speaker].actor
    if pattern is FIRST_PERSON_PLURAL:
        actor = replace(actor, person=None, role=None)
    read = [(m.start, m.end) for m in context.mentions if m.start < b and m.end > a]
    for match in pattern.finditer(text, a, b):
        if any(start <= match.start() < end for start, end in read):
            continue  # read already: "I" in a name
        sentence = sentence_at(match.start())
        at = _insert(
            context,
            Mention(
                match.start(),
                match.end(),
                match.group(),
                actor,
                "pronoun",
                f"the speaker of the quotation: {actor.name}",
                CONFIDENCE["pronoun"],
                sentence.index,
                field_name,
                speaker,
            ),
        )
        speaker += at <= speaker  # the speaker's mention moved one place on
    if pattern is FIRST_PERSON and actor.country:
        # "“They came to get my brother,” said Moussa": his kin and things, of his state
        for i, mention in enumerate(context.mentions):
            if (
                a <= mention.start < b
                and mention.cue == "agent"
                and not mention.actor.country
                and text[max(a, mention.start - 3) : mention.start].lower() == "my "
            ):
                context.mentions[i] = replace(
                    mention,
                    actor=replace(mention.actor, country=actor.country),
                    evidence=f"{mention.evidence}; the speaker's, {actor.name}'s, of "
                    f"{actor.country}",
                    antecedent=speaker,
                )


def _says_i(mention: Mention) -> bool:
    """Whether a mention names a person, who may say "I"."""
    return mention.actor.person is not None


def _says_we(mention: Mention) -> bool:
    """Whether a mention names someone who may say "we": a person, a body, a state's agent
    ("an SDF commander", "the UN refugee agency said"); not a place or a bare state."""
    actor = mention.actor
    body = actor.igo or actor.organisation
    if mention.cue in ("place", "unknown-place"):
        return False  # "a British Kurd from London said": the place's people do not speak
    return actor.person is not None or bool(body or (actor.country and actor.sector))


# A relative clause's first word: what follows it tells of the noun before, not of who spoke.
RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)


def _speaker(
    context: _Context,
    sentence: Sentence,
    by_sentence: Mapping[int, list[int]],
    quoted: Callable[[int], bool],
    speaks: Callable[[Mention], bool] = _says_i,
) -> int | None:
    """The index of the mention a sentence names outside quotation marks that `speaks`,
    nearest its first verb of saying outside them; None if it has no such verb or
    mention."""
    match = next(
        (m for m in SPEECH_VERBS.finditer(sentence.text) if not quoted(sentence.start + m.start())),
        None,
    )
    if match is None:
        return None
    verb = sentence.start + match.start()
    people = [
        i
        for i in by_sentence.get(sentence.index, [])
        if speaks(context.mentions[i])
        and not quoted(context.mentions[i].start)
        # "said a senior Kurdish figure who has liaised with US officials": not the officials
        and not (
            context.mentions[i].start > verb
            and RELATIVE_WORD.search(
                sentence.text, match.end(), context.mentions[i].start - sentence.start
            )
        )
    ]
    if match.group() in TELLING:  # "Lewis told Today": the one told is not the speaker
        people = [i for i in people if context.mentions[i].start < verb] or people
    return min(people, key=lambda i: abs(context.mentions[i].start - verb)) if people else None


def _shared_titles(context: _Context, sentence: Sentence, tokens: list[_Token], text: str) -> None:
    """ "the British aid workers Alan Henning and David Haines": a plural title before a list
    of names is each one's. A name the tables lack, with no cue of its own, that follows one
    read with a plural title, after "and" or a comma, takes its state and sector; one with a
    title of its own ("and humanitarian worker Peter Kassig") takes the state only. So does a
    list of names after a group of a people and a comma: "three Americans, the journalists
    James Foley and Steven Sotloff". A person the tables know keeps their reading, and the list
    goes on past them."""
    here = list(_sentence_mentions(context, sentence.index))
    plural_before = {t.end: t.tag in PLURAL_TAGS for t in tokens}
    shared: set[int] = set()
    for before, after in pairwise(here):
        first, second = context.mentions[before], context.mentions[after]
        between = text[first.end : second.start].strip()
        # a person the tables know keeps what they say, but the list goes on past them
        known = second.cue in ("kb:person", "kb:person+cue")
        if (second.cue not in GUESSED_CUES and not known) or not second.actor.person:
            continue
        people = (
            first.cue == "demonym" and first.actor.sector == "CVL" and between in (",", ", the")
        )
        if not people and (
            not first.actor.person
            or (first.cue not in {"name+cue", "name+title", *GUESSED_CUES} and before not in shared)
            or between not in (",", "and", ", and")
        ):
            continue
        if people:
            titled = plural_before.get(first.end, False)  # "three Americans", not "a Briton"
        else:
            name = first.actor.person or ""
            title_end = first.end - len(name)
            while title_end > first.start and text[title_end - 1].isspace():
                title_end -= 1
            titled = first.text.endswith(name) and plural_before.get(title_end, False)
        if not titled and before not in shared:
            continue
        shared.add(after)  # the next name of the list shares it too
        if known:
            continue
        own_title = second.text != second.actor.person and second.text.endswith(second.actor.person)
        sector = second.actor.sector if people or own_title else first.actor.sector
        what = (
            f"the {first.text} before it"
            if people
            else f"the plural title before {first.actor.name}"
        )
        context.mentions[after] = replace(
            second,
            actor=replace(second.actor, country=first.actor.country, sector=sector),
            cue="name+apposition" if people else first.cue,
            evidence=f"{second.evidence}; {what}: this name's state"
            if people or own_title
            else f"the plural title before {first.actor.name} is also this name's",
            confidence=CONFIDENCE["name+apposition"] if people else first.confidence,
        )


# After "it is/was": words that make "it" stand for what follows, not for someone ("it is clear
# that", "it was reported", "it is time to").
IMPERSONAL_AFTER_BE = frozenset(
    """clear likely unlikely possible impossible important necessary hard difficult easy
    true false unclear time thought believed understood reported said feared expected known
    estimated alleged claimed too no also still now the a an one two three four five six
    seven eight nine ten several many few""".split()
)
IMPERSONAL_VERBS = frozenset({"seems", "seemed", "appears", "appeared", "means", "meant"})
BE_FORMS = frozenset({"is", "was", "'s", "’s"})
BEFORE_BE = frozenset({"has", "had", "will", "would", "may", "might"})  # "has been", "will be"


# Words for what a doer is minded or able to do: "it is willing to" is said of someone.
WILLING = frozenset(
    """willing unwilling ready prepared able unable determined eager keen reluctant committed
    poised set going about happy glad content obliged forced free""".split()
)
# What may stand between "it is" and the infinitive it puts off: "wrong", "a mistake".
EXTRAPOSED_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "RB"})


def _pleonastic(tokens: list[_Token], unit: Unit) -> bool:
    """Whether "it" is impersonal: "It is clear that", "It was reported", "It seems", "It would
    appear", "It's six weeks since"."""
    if unit.text.lower() != "it" or unit.end >= len(tokens):
        return False
    after = [t.text.lower() for t in tokens[unit.end : unit.end + 3]]
    if after[0] in IMPERSONAL_VERBS:
        return True
    if after[0] in BEFORE_BE and after[1:2] in (["seem"], ["appear"]):
        return True  # "It would appear that"
    if after[0] in BE_FORMS:
        rest = after[1:]
    elif after[0] in BEFORE_BE and after[1:2] in (["been"], ["be"]):
        rest = after[2:]
    else:
        return False
    return bool(rest) and (
        rest[0] in IMPERSONAL_AFTER_BE
        or rest[0][:1].isdigit()
        or rest[0].endswith("ly")
        or _extraposed(tokens, unit.end + 1)
    )


def _extraposed(tokens: list[_Token], at: int) -> bool:
    """Whether the words after "it is" at `at` put off its subject to an infinitive: "(not) a
    mistake to invade", "wrong to suggest", "not an exaggeration to say"."""
    words = tokens[at : at + 6]
    i = 0
    while i < len(words) and words[i].text.lower() in ("not", "n't", "a", "an", "so", "too"):
        i += 1
    described = 0
    while i < len(words) and words[i].tag in EXTRAPOSED_TAGS and described < 2:
        if words[i].text.lower() in WILLING:
            return False  # "Syria says it is willing to withdraw": Syria is
        i, described = i + 1, described + 1
    return (
        described > 0
        and i + 1 < len(words)
        and words[i].text.lower() == "to"
        and words[i + 1].tag == "VB"
    )


def _sentence_mentions(context: _Context, sentence: int) -> range:
    """The indices of the mentions of the sentence being read: the last ones of the list."""
    first = len(context.mentions)
    while first > 0 and context.mentions[first - 1].sentence == sentence:
        first -= 1
    return range(first, len(context.mentions))


def _insert(context: _Context, mention: Mention) -> int:
    """Put a mention among the others in text order, and return where; the
    mentions that point past it (back, or forward to a speaker) keep pointing at the same
    ones."""
    at = len(context.mentions)
    while at > 0 and (context.mentions[at - 1].sentence, context.mentions[at - 1].start) > (
        mention.sentence,
        mention.start,
    ):
        at -= 1
    if mention.antecedent is not None and mention.antecedent >= at:
        mention = replace(mention, antecedent=mention.antecedent + 1)
    for i, other in enumerate(context.mentions):
        if other.antecedent is not None and other.antecedent >= at:
            context.mentions[i] = replace(other, antecedent=other.antecedent + 1)
    context.mentions.insert(at, mention)
    return at


def _firm_lists(context: _Context, sentence: Sentence, text: str) -> None:
    """Names the tables lack, read as people, that stand in a list with a firm or after
    "companies" are firms ("the five companies — Blue Origin, Ceres Robotics, Sierra Nevada
    Corp.", "companies Astrobotic, Intuitive Machines and Orbit Beyond")."""
    here = _sentence_mentions(context, sentence.index)
    runs: list[list[int]] = []
    for i in here:
        previous = context.mentions[runs[-1][-1]] if runs and runs[-1] else None
        mention = context.mentions[i]
        if text.startswith(("'s", "’s"), mention.end):
            runs.append([])  # "Jeff Bezos's Blue Origin": an owner, no item of a list
        elif previous is not None and LIST_GAP.match(text[previous.end : mention.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        items = [context.mentions[i] for i in run]
        first = items[0]
        lead = text[max(sentence.start, first.start - 40) : first.start]
        firms = (
            FIRMS_BEFORE.search(lead)
            or FIRMS_TITLE.match(first.text)
            or any(
                m.actor.sector == "BUS" and not m.actor.person and m.cue != "agent" for m in items
            )
        )
        if not firms:
            continue
        for i, mention in zip(run, items, strict=True):
            actor = mention.actor
            if (
                mention.cue in NAME_CUES
                and (actor.person or not actor.sector)
                and actor.sector in (None, "BUS")
                and not actor.role
            ):
                context.mentions[i] = replace(
                    mention,
                    actor=Actor(actor.name, country=actor.country, sector="BUS"),
                    evidence=f"{mention.evidence}; named in a list of firms: a firm",
                )


def _person_with_role(context: _Context, role: str) -> Mention | None:
    for mention in reversed(context.mentions):
        if mention.actor.person and mention.actor.role == role:
            return mention
    return None


def _pronoun_antecedent(
    context: _Context,
    sentence: int,
    unit_start: int,
    reflexive: bool = False,
    gender: Callable[[Mention], str | None] | None = None,
    female: bool = False,
    read: Sentence | None = None,
    not_at: int | None = None,
) -> Mention | None:
    """He/she/his: the first person named earlier in this sentence, else the first person
    (not a possessive) of the latest earlier sentence that names one. A `reflexive` one ("his
    own people") is the nearest person before it: the subject of its own clause. Where
    `gender` tells, "she" is no man and "he" no woman: a sentence that names only men is
    passed over by "she" ("Swift ... Scooter Braun said ... she"); where no one fits, the
    pronoun is read as if gender told nothing. In the pronoun's own sentence, a noun that
    says a man or a woman is someone too ("a young Italian man ... his own back"), unless it
    says what someone is ("as a father"). The mention at `not_at` (the subject of the verb
    whose object the pronoun is: "Obama praised him") is not whom it refers to."""
    subject = (
        None
        if not_at is None
        else next((m for m in context.mentions if m.start <= not_at < m.end), None)
    )
    people = [
        m
        for m in context.mentions
        if m.start < unit_start
        and not (
            subject is not None
            and (m is subject or (m.actor.person and m.actor.person == subject.actor.person))
        )
        and (
            (m.actor.person and CAMEL_CASE.match(m.actor.name) is None)  # "WeWork" is no "he"
            # "a young Italian man ... had taken it off his own back": in the pronoun's own
            # sentence, a man by a noun that says so, where the gender is read
            or (
                gender is not None
                and read is not None
                and m.sentence == sentence
                and _gendered_person(m)
                # "As a father I would say", "himself as the spokesman of": what someone is
                and PREDICATIVE_AS.search(read.text[: m.start - read.start]) is None
            )
        )
    ]

    def fitting(window: list[Mention]) -> list[Mention]:
        """The window's people the pronoun may be: not of the other gender; for "she", a
        woman, where the window holds one beside people of no known gender ("Xi Jinping met
        Sanae Takaichi. She said": Takaichi). Not so for "he": the news names more men than
        its names tell, and the first named stays likelier ("the royal ... with Epstein")."""
        if gender is None:
            return window
        read = [(m, gender(m)) for m in window]
        possible = [(m, g) for m, g in read if g != ("m" if female else "f")]
        women = [m for m, g in possible if g == "f"] if female else []
        return women or [m for m, _ in possible]

    same = fitting([m for m in people if m.sentence == sentence])
    if same:
        return same[-1] if reflexive else same[0]
    for index in range(sentence - 1, -1, -1):
        earlier = fitting([m for m in people if m.sentence == index])
        if earlier:
            plain = [m for m in earlier if not m.text.endswith(("’s", "'s"))]
            return (plain or earlier)[0]
    if gender is not None:
        return _pronoun_antecedent(context, sentence, unit_start, reflexive, not_at=not_at)
    return None


def _own_subject(tokens: list[_Token], unit: Unit) -> int | None:
    """Where the subject of the verb whose object the pronoun is begins (for "The man who
    tortured him", the man's), or None when it is no verb's object."""
    pronoun = tokens[unit.start]
    if pronoun.dep not in OBJECT_DEPS or not 0 <= pronoun.head < len(tokens):
        return None
    verb = pronoun.head
    subject = next(iter(_subjects_of(tokens, verb)), None)
    if subject is None:
        return None
    if tokens[subject].tag in ("WP", "WDT") and tokens[verb].dep == "relcl":
        subject = tokens[verb].head  # "who": the noun the clause tells of
    return tokens[subject].start


# Words that say in a mention itself that a person is a woman or a man ("Ms Cruz", "Queen
# Elizabeth", "the spokeswoman"); else the given name may (tieline/data/given_names.tsv).
FEMALE_WORDS = frozenset(
    "mrs ms miss madam madame dame lady queen princess duchess countess baroness empress "
    "sister mother wife daughter widow actress chairwoman spokeswoman businesswoman "
    "congresswoman councilwoman policewoman stateswoman grandmother aunt niece girl "
    "woman".split()
)
MALE_WORDS = frozenset(
    "mr sir lord king prince duke earl baron emperor sheikh emir sultan brother father "
    "husband son widower chairman spokesman businessman congressman councilman policeman "
    "statesman grandfather uncle nephew boy man".split()
)


# Nouns for one person that say whether a man or a woman ("the man", "her father").
GENDERED_NOUNS = frozenset(
    """man woman boy girl father mother son daughter brother sister husband wife widow
    widower uncle aunt nephew niece grandfather grandmother spokesman spokeswoman chairman
    chairwoman businessman businesswoman policeman policewoman congressman congresswoman""".split()
)


# "as a" before a noun: what someone is, not who.
PREDICATIVE_AS = re.compile(r"\bas\s+(?:an?|the)\s+(?:\w+\s+)?$", re.I)


def _gendered_person(mention: Mention) -> bool:
    """Whether a mention is an agent noun for one man or one woman ("a young Italian man")."""
    words = mention.text.lower().split()
    return mention.cue.startswith("agent") and bool(words) and words[-1] in GENDERED_NOUNS


def _gender(mention: Mention, given: Mapping[str, str], known: Mapping[str, object]) -> str | None:
    """A person's gender as far as the mention's words or the person's given name tell: "f",
    "m", "u" (a given name of either, or someone the tables know), None (not even a given
    name: perhaps no person at all)."""
    if mention.cue == "pronoun" and mention.text.lower() in PERSON_PRONOUNS:
        return "f" if mention.text.lower() in FEMALE_PRONOUNS else "m"  # as it was read
    words = set(re.findall(r"[a-z]+", mention.text.lower()))
    if words & FEMALE_WORDS:
        return "f"
    if words & MALE_WORDS:
        return "m"
    name = mention.actor.name.split()
    found = given.get(name[0].lower()) if len(name) > 1 else None
    return found or ("u" if mention.actor.person in known else None)


def _plural_antecedent(context: _Context, sentence: int, unit_start: int) -> Mention | None:
    """They/them/their: the first group named earlier in this sentence ("Fijian rebels said
    they will release..."), else the first of the sentence before; a group is a plural noun
    phrase ("rebels", "Palestinian leaders", "Serbs") or two states together, never a place."""
    groups = _groups_before(context, unit_start, since=sentence - 1)
    for index in (sentence, sentence - 1):
        here = [m for m in groups if m.sentence == index]
        if here:
            return here[0]
    return None


# "Europe" as a doer or the one done to ("Europe told Washington", "criticised Europe"): the
# European Union, as sets A and E code it; not "Europe's population".
EUROPE = Entry(
    "Europe", EntryKind.IGO, "igo:european-union", source="Europe as a doer: the European Union"
)


def _europe_acts(tokens: list[_Token], token: _Token) -> bool:
    """Whether "Europe" acts or is acted on: a clause's subject or a verb's object, or named
    with a government or a state that acts ("calling on Washington and Europe to suspend
    aid", "The US and Europe imposed sanctions"; not "through Turkey and Europe")."""
    if token.dep in ACTING_DEPS:
        return True
    if token.dep != "conj" or not 0 <= token.head < len(tokens):
        return False
    partner = tokens[token.head]
    if partner.unit is None:
        return False
    return partner.unit.kind in ("capital", "igo") or (
        partner.unit.kind == "country" and partner.dep in ACTING_DEPS
    )


# The parse's relations of a clause's subject and of a verb's object.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
ACTING_DEPS = SUBJECT_DEPS | OBJECT_DEPS


def _clause_subject(
    context: _Context, tokens: list[_Token], unit: Unit, sentence: int
) -> Mention | None:
    """They/them/their: the plural subject, named before it, of the nearest clause above the
    pronoun that has one ("US-backed Kurdish forces have dismantled the caliphate, with Isis
    fighters making their last stand": the fighters, not the forces named first); "them" as a
    verb's object is not that verb's subject ("some Syrians joined them": the groups of the
    clause above)."""
    at = unit.start
    # "the foreigners wouldn't let them": the object of a verb is not its subject
    skip = tokens[at].dep in OBJECT_DEPS
    for _ in range(len(tokens)):  # up the parse, one head at a time
        head = tokens[at].head
        if head < 0 or head == at:
            return None
        at = head
        subjects = [i for i in _subjects_of(tokens, at) if i < unit.start]
        if skip:
            skip = False
            continue
        if not subjects:
            continue
        subject = tokens[subjects[0]]
        if subject.text.lower() in GROUP_PRONOUNS:
            # "they said their ...": whom the subject refers to
            return next(
                (m for m in context.mentions if m.start == subject.start and m.cue == "pronoun"),
                None,
            )
        if subject.tag not in PLURAL_TAGS:
            return None  # "the regime ... their": a clause of one, not a group's
        groups = _groups_before(context, tokens[unit.start].start, since=sentence)
        return next((m for m in groups if m.start <= subject.start < m.end), None)
    return None


def _subjects_of(tokens: list[_Token], verb: int) -> list[int]:
    """The indices of the words the parse makes subjects of the word at `verb`."""
    return [
        i for i, t in enumerate(tokens) if t.head == verb and t.dep in SUBJECT_DEPS and i != verb
    ]


def _groups_before(context: _Context, unit_start: int, since: int) -> list[Mention]:
    """The mentions before `unit_start`, from sentence `since` on, a "they" may refer to: a
    plural noun phrase ("rebels", "Palestinian leaders", "Serbs"), two states together, or
    people named one after another ("Alexanda Kotey and El Shafee Elsheikh"), never a place."""
    recent = _mentions_since(context, since)
    groups = [
        m
        for m in recent
        if m.start < unit_start
        and m.cue not in PLACE_CUES
        and not m.text.endswith(("’s", "'s"))
        and (
            m.actor.members
            or (
                not m.actor.person
                and (m.text.split()[-1][-1:] == "s" or m.text.split()[-1] in IRREGULAR_PLURALS)
            )
        )
        and not _news_outlet(m)  # "Reuters", "the Times"
    ]
    return sorted(groups + _named_together(context, recent, unit_start), key=lambda m: m.start)


def _mentions_since(context: _Context, sentence: int) -> list[Mention]:
    """The mentions of sentence `sentence` and after, in text order."""
    first = len(context.mentions)
    while first > 0 and context.mentions[first - 1].sentence >= sentence:
        first -= 1
    return context.mentions[first:]


# What joins the names of a list of people: "A and B", "A, B and C".
NAMES_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")


def _named_together(context: _Context, mentions: list[Mention], unit_start: int) -> list[Mention]:
    """People named one after another among `mentions` before `unit_start` ("Alexanda Kotey
    and El Shafee Elsheikh"), each list as one mention of them all, with the state and sector
    they share."""
    people = [m for m in mentions if m.start < unit_start and m.actor.person and m.cue != "pronoun"]
    found = []
    run: list[Mention] = []
    for mention in [*people, None]:
        if (
            mention is not None
            and run
            and mention.sentence == run[-1].sentence
            and NAMES_JOINED.fullmatch(context.text[run[-1].end : mention.start]) is not None
            and all(m.actor.person != mention.actor.person for m in run)
        ):
            run.append(mention)
            continue
        if len(run) > 1:
            names = " and ".join(m.actor.name for m in run)
            shared = {
                key: value
                for key in ("country", "sector", "igo")
                if len({getattr(m.actor, key) for m in run}) == 1
                and (value := getattr(run[0].actor, key))
            }
            states = tuple(sorted({m.actor.country for m in run if m.actor.country}))
            if "country" not in shared and len(states) > 1 and all(m.actor.country for m in run):
                together = Actor(names, members=states)  # "Cameron and Merkel": GBR+DEU
            else:
                together = Actor(names, **shared)
            found.append(replace(run[0], text=names, end=run[-1].end, actor=together))
        run = [mention] if mention is not None else []
    return found


# Armed men a possessive "their" may stand before ("their fighters"): the owner has them.
ARMED_MEN = frozenset(
    """fighters forces troops soldiers militants militiamen gunmen jihadists commanders
    guards snipers""".split()
)


def _armed_after(tokens: list[_Token], unit: Unit) -> bool:
    """Whether armed men follow the pronoun ("their fighters", "their own forces")."""
    following = [t.text.lower() for t in tokens[unit.end : unit.end + 2]]
    if following[:1] == ["own"]:
        following = following[1:]
    return bool(following) and following[0] in ARMED_MEN


def _armed_owner(context: _Context, sentence: int, unit_start: int) -> Mention | None:
    """Who "their" armed men are: the first armed group named before it in this sentence, else
    the first army or state; failing those, the same in the sentence before."""
    owners = [
        m
        for m in context.mentions
        if m.start < unit_start
        and m.cue not in PLACE_CUES
        and m.cue != "pronoun"
        and not m.actor.person
        and not m.actor.members
        and (
            (m.actor.organisation or "").startswith(ARMED_GROUP_KEY)
            or m.actor.sector in ("REB", "MIL")
            or (m.actor.country and m.actor.sector is None and m.cue == "country")
        )
    ]
    for index in (sentence, sentence - 1):
        here = [m for m in owners if m.sentence == index]
        groups = [m for m in here if m.actor.sector == "REB"]
        if groups or here:
            return (groups or here)[0]
    return None


# What stands between a body and the state named as where it is ("the Kurdish administration
# in north-eastern Syria").
BODYS_PLACE = re.compile(
    r"\s+(?:in|inside)\s+(?:the\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+)?",
    re.I,
)


# Nouns for one body (not a person) that "it" may stand for: "The utility said it would".
BODIES_BY_NOUN = frozenset(
    """utility company firm government ministry department agency army military navy court
    parliament council committee commission board bank airline union charity regime
    administration authority""".split()
)


def _last_state_or_org(context: _Context, read: Sentence) -> Mention | None:
    """It/its: a state named earlier in the sentence ("Cambodia stands ready to welcome the
    JMSDF to dock at its ports"), else the latest state, body or organisation; not a state
    named only as where a body named right before it is ("the Kurdish administration in
    north-eastern Syria ... its forces": the administration's)."""
    sentence = read.index
    candidates = [
        m
        for m in context.mentions
        if not m.actor.person
        # al-Qaeda is no state's; "Oxford University said it": a body by its name in this
        # sentence, placed in a state only once the sentence is read
        and (
            m.actor.country
            or m.actor.igo
            or m.actor.organisation
            or (m.cue == "org-name" and m.sentence == sentence)
            # "The utility said it would": a body by its noun in this sentence, likewise
            or (
                m.cue == "agent"
                and m.sentence == sentence
                and m.text.split()[-1].lower() in BODIES_BY_NOUN
            )
        )
        and not m.actor.members
        # the paper or agency a story is told to ("told the Associated Press that it ...")
        and not _news_outlet(m)
        and not _plural_agent(m)  # "residents" are "they"
        and not (m.cue == "pronoun" and m.text.lower() in GROUP_PRONOUNS)  # nor whom they are
    ]
    candidates = [
        m
        for i, m in enumerate(candidates)
        if not (
            i
            and m.sentence == sentence
            and candidates[i - 1].sentence == sentence
            and m.actor.sector is None
            and m.cue == "country"
            and candidates[i - 1].cue not in PLACE_CUES
            and (candidates[i - 1].actor.sector or candidates[i - 1].actor.organisation)
            and BODYS_PLACE.fullmatch(
                read.text[candidates[i - 1].end - read.start : m.start - read.start]
            )
        )
    ]
    states = [
        m
        for m in candidates
        if m.sentence == sentence
        and m.actor.sector is None
        and not m.actor.igo
        # "the Syrian Network ... by Isis in all its territories": a people or a body
        and m.cue not in ("demonym", "org-name")
    ]
    if states:
        return states[0]
    return candidates[-1] if candidates else None


# Plurals not made with "s".
IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "folk"})


def _plural_agent(mention: Mention) -> bool:
    """Whether a mention is a plural agent noun ("residents", "Syrian officials", "women")."""
    words = mention.text.split()
    last = words[-1].lower() if words else ""
    plural = (last.endswith("s") and not last.endswith("ss")) or last in IRREGULAR_PLURALS
    return mention.cue.startswith("agent") and plural


def _generic_name(text: str) -> bool:
    """Words written in lower case throughout ("non-governmental organisation", "defense
    department"): a kind of body, not the proper name of one."""
    return not any(c.isupper() for c in text)


def _acts_across_borders(org: Organisation) -> bool:
    """An organisation the knowledge base says belongs to no state: a company filed without a
    home, an armed group CAMEO codes as international (IMG), or a hand-kept armed group whose
    row leaves the state empty. (Phoenix files many national groups under a region's code,
    "MEAREB": those are not known to be stateless.)"""
    if org.country:
        return False
    if org.kind is EntryKind.COMPANY:
        return True
    return org.kind is EntryKind.ARMED_GROUP and (
        org.source == MANUAL or (org.code or "").startswith(STATELESS_ARMED_CODE)
    )


# Whom an owner holds, harms, opposes or arms: not of the owner's state ("their hostages",
# "Iran's proxies").
HELD_BY_OTHERS = frozenset(
    """hostage hostages captive captives victim victims prisoner prisoners detainee detainees
    enemy enemies foe foes opponent opponents critic critics rival rivals target targets
    proxy proxies""".split()
)
# Kin of a person: of the person's state ("the father of Shamima Begum").
KIN_NOUNS = frozenset(
    """father fathers mother mothers parents sister sisters brother brothers wife wives husband
    husbands daughter daughters son sons child children family families relatives widow widows
    fiancee fiancé fiancée grandmother grandfather uncle aunt cousin cousins nephew niece""".split()
)
KIN_OF = re.compile(r"\s+of\s+")


def _place_kin(context: _Context, sentence: Sentence, text: str) -> None:
    """Kin named with no state of their own, followed by "of" and someone placed in one, are
    of that state: "the father of Shamima Begum", "the parents of a former British soldier";
    the kin of the fighters of an armed group of no state are that group's people ("the wives
    of fighters" in an article about Islamic State)."""
    here = _sentence_mentions(context, sentence.index)
    for i, j in pairwise(here):
        kin, of = context.mentions[i], context.mentions[j]
        if (
            kin.actor.country is not None
            or kin.actor.organisation is not None
            or kin.cue != "agent"
            or kin.text.split()[-1].lower() not in KIN_NOUNS
            or not KIN_OF.fullmatch(text[kin.end : of.start])
        ):
            continue
        if of.actor.country:
            context.mentions[i] = replace(
                kin,
                actor=replace(kin.actor, country=of.actor.country),
                evidence=f"{kin.evidence}; kin of {of.actor.name}, of {of.actor.country}",
                confidence=min(of.confidence, CONFIDENCE["agent"]),
            )
        elif (group := _stateless_group_of(context, sentence, of)) is not None:
            context.mentions[i] = replace(
                kin,
                actor=replace(kin.actor, organisation=group),
                evidence=f"{kin.evidence}; kin of {of.text}, of {context.stateless_lead}, of "
                "no state",
                confidence=min(of.confidence, CONFIDENCE["agent"]),
            )


def _foreign_forces(context: _Context, sentence: Sentence) -> None:
    """ "The Turks", "the Americans" in a story set in another state (`_Context.theatre`) whose
    forces it has named ("Turkish troops", "US forces"): those forces, not the state's people
    or the state as a whole."""
    theatre = context.theatre()
    if theatre is None:
        return
    here = _sentence_mentions(context, sentence.index)
    armed = {
        m.actor.country
        for m in context.mentions[: here.start]
        if m.actor.sector == "MIL" and m.actor.country and m.actor.country != theatre
    }
    for i in here:
        mention = context.mentions[i]
        actor = mention.actor
        before = sentence.text[: mention.start - sentence.start].lower()
        if (
            mention.cue in ("demonym", "country")
            and actor.sector is None
            and actor.country in armed
            and before.endswith("the ")
            # a people in the plural ("the Turks", "the Americans"), not "the United States"
            and " " not in mention.text
            and mention.text.endswith("s")
        ):
            context.mentions[i] = replace(
                mention,
                actor=replace(actor, sector="MIL"),
                evidence=f"{mention.evidence}; in a story set in {theatre}, the forces of "
                f"{actor.country} it has named (MIL)",
            )


# People who follow an armed group without being said to fight for it.
FOLLOWERS = frozenset(
    "followers supporters loyalists sympathisers sympathizers adherents recruits".split()
)


def _place_followers(context: _Context, sentence: Sentence) -> None:
    """In an article about an armed group of no state (`_Context.stateless_lead`), its
    "followers" and "supporters", named by no state nor followed by whom they support, are its
    people, as its unnamed fighters are its own."""
    if context.stateless_key is None:
        return
    for i in _sentence_mentions(context, sentence.index):
        mention = context.mentions[i]
        actor = mention.actor
        if (
            mention.cue == "agent"
            and not actor.country
            and actor.organisation is None
            and not actor.members
            and mention.text.split()[-1].lower() in FOLLOWERS
            and FOREIGNERS.search(mention.text) is None
            # "supporters of the scheme": of what is named after them
            and not KIN_OF.match(sentence.text, mention.end - sentence.start)
        ):
            context.mentions[i] = replace(
                mention,
                actor=replace(actor, organisation=context.stateless_key),
                evidence=f"{mention.evidence}; of {context.stateless_lead}, the armed group of "
                "no state the article names most",
            )


def _stateless_group_of(context: _Context, sentence: Sentence, mention: Mention) -> str | None:
    """The key of the stateless armed group a mention is of: the group itself ("Isis"), or,
    in an article about it, its unnamed fighters (`_the_leads_fighters`)."""
    if mention.actor.country or mention.actor.sector != "REB" or context.stateless_key is None:
        return None
    if mention.actor.organisation == context.stateless_key:
        return context.stateless_key
    return context.stateless_key if _the_leads_fighters(context, sentence, mention) else None


def _place_the_regime(context: _Context, sentence: Sentence) -> None:
    """ "The regime", named by no state, is the regime the article named last with its state
    ("the Assad regime", "the Syrian regime" ... "an assault by the regime and Russia").
    Mentions of the sentences before this one count, not later ones."""
    named = [
        m
        for m in context.mentions
        if m.actor.country and m.actor.sector == "GOV" and m.text.lower().endswith("regime")
    ]
    if not named:
        return
    earlier = named[-1]
    for i in _sentence_mentions(context, sentence.index):
        mention = context.mentions[i]
        if mention.cue == "agent" and not mention.actor.country and REGIME.match(mention.text):
            context.mentions[i] = replace(
                mention,
                actor=replace(mention.actor, country=earlier.actor.country),
                evidence=f"{mention.evidence}; the regime named earlier: '{earlier.text}'",
                confidence=min(mention.confidence, CONFIDENCE["context"]),
                antecedent=_index(context, earlier),
            )


REGIME = re.compile(r"^regime$", re.I)


# Times an armed group of no state is named for an article to be about it, above all others.
STATELESS_LEAD = 3
# Words for an armed group's members that say nothing of which group or state.
ARMED_MEMBERS = frozenset("fighters militants jihadists jihadis extremists insurgents".split())


ALLIED_AFTER = re.compile(r"\s+(?:allied|loyal|linked|backed)\b", re.I)


def _place_stateless(
    context: _Context,
    sentence: Sentence,
    stateless: frozenset[str] = frozenset(),
    in_theatre: frozenset[int] = frozenset(),
) -> None:
    """Actors this sentence names without a state ("Islamic fundamentalists", "refugees") are
    taken to belong to the one state the sentence names, when it names exactly one. When it
    names none, a state's own institutions ("the jury", "lawmakers", "police") are taken to
    be those of the state the article is mainly about, as an unknown person is (not a pair:
    "the two prime ministers"); in an article mostly about one state (`_Context.leading`) so are
    all others ("security forces", "demonstrators"), and in one whose events happen in that
    state (`_Context.theatre`) so are its civilians and refugees. An organisation or person in
    `stateless` (al-Qaeda, a multinational company, Abu Bakr al-Baghdadi) keeps none: it acts
    across borders, not for the state named beside it. The mentions `in_theatre`
    (`_place_in_theatre`) name no state of the sentence's."""
    here = _sentence_mentions(context, sentence.index)
    placed = [
        context.mentions[i]
        for i in here
        if context.mentions[i].actor.country
        and not context.mentions[i].actor.members
        # a named firm's or news agency's home ("(Reuters)") is not a state the sentence is
        # about; "Japanese companies" are Japan's
        and not _named_firm(context.mentions[i])
        # "Wee of the Times reports that censors...": a reporter's state is her paper's
        and not _outlets_reporter(context.mentions[i])
        # rebels placed where the article's events are: not a state the sentence names
        and i not in in_theatre
    ]
    # "I tried to enter California but was caught by police": the state a place names, not
    # one guessed for an unknown speaker, unless the sentence has no other
    states = {m.actor.country for m in placed if not _guessed(context, m)}
    if not states:
        guesses = {m.actor.country for m in placed}
        main = context.main_countries(1)
        # people guessed to be of two states: the article's own, if one of them
        states = guesses if len(guesses) < 2 else guesses & set(main)
    # "Iranian-backed militias attacked US troops"
    states |= context.backers.get(sentence.index, set())
    if len(states) == 1:
        [state] = states
        why, sectors = f"the only state this sentence names is {state}", None
        guessed = False
    elif len(states) == 2 and (where := _located_in(context, here, sentence)) is not None:
        # "Putin began campaigns in Syria that targeted civilians": the people of the one
        # state the sentence names as where things happen
        state = where
        why, sectors = f"the sentence's events are in {state}", PEOPLE
        guessed = True
    elif len(states) > 1 and (main := context.main_countries(1)) and main[0] in states:
        # "Vindman told lawmakers ... the White House ... Ukraine": a legislature of the
        # article's own state, which the sentence names among others
        state = main[0]
        why, sectors = f"of the states this sentence names, the article's is {state}", HOME_SECTORS
        guessed = True
    elif not states and (main := context.main_countries(1)):
        state = main[0]
        why, sectors = f"the sentence names no state; the article is mainly about {state}", DOMESTIC
        if context.leading() == state:
            # an article about one state, most of whose namings are of it: its soldiers,
            # protesters and firms are that state's
            why, sectors = f"the sentence names no state; the article is about {state}", None
        elif context.theatre() == state:
            # its events are there too: "Up to 400,000 people" are that state's people
            why = f"the sentence names no state; the article's events are in {state}"
            sectors = DOMESTIC | PEOPLE
        guessed = True
    else:
        return
    backers = context.backers.get(sentence.index, set())
    for i in here:
        mention = context.mentions[i]
        actor = mention.actor
        if (
            actor.country
            or actor.igo
            # "Iran-backed militias attacked the base": not of the state that backs them
            or (state in backers and BACKER_NOTE in mention.evidence)
            or actor.members
            or actor.organisation in stateless
            or actor.sector == "NGO"  # a non-governmental body acts for no state
            or actor.person in stateless  # "Abu Bakr al-Baghdadi", "his hideout"
            or (
                sectors is not None
                and actor.sector not in sectors
                # "has urged the government not to revoke her UK citizenship": the article's
                # own state's government, where the sentence names it among others
                and not (sectors is HOME_SECTORS and _the_government(sentence, mention))
                # "government forces have swept through southwestern Syria": the forces of
                # the government of the article's own state, where the sentence names it
                and not (
                    GOVERNMENTS_OWN.match(mention.text)
                    and state == next(iter(context.main_countries(1)), None)
                )
            )
            # "foreign volunteers" are no people of where they are; a name is read by its cues
            or (sectors is PEOPLE and mention.cue != "agent")
            # "foreign nationals", "foreign states": of other states than the one named
            or FOREIGNERS.search(mention.text) is not None
            or (OUTLANDERS.search(mention.text) is not None and actor.sector != "BUS")
            # "any other government", "key world leaders": not the state the sentence names
            or OTHERS.search(_with_word_before(sentence, mention)) is not None
            or (guessed and actor.person is not None)
            # "the two prime ministers", "both governments": a pair of states, not one;
            # "former Soviet states", "other countries": many
            or (guessed and _paired(sentence, mention))
            or mention.text.split()[-1].lower() in MANY_STATES
            # "special envoy to Ukraine": not of the state posted to
            or (mention.text.split()[-1].lower() in ENVOYS and _posted_to(sentence, mention))
        ):
            continue
        if _the_leads_fighters(context, sentence, mention):
            # "the fighters who remained", in an article about Islamic State: its own
            context.mentions[i] = replace(
                mention,
                evidence=f"{mention.evidence}; of no state: the armed group the article names "
                f"most, {context.stateless_lead}, is of none",
            )
            continue
        own, note = state, why
        if (
            len(states) == 1
            and actor.sector in HOME_SECTORS
            and (home := context.dominant()) is not None
            and home != state
            and not guessed
        ):
            # "Prosecutors said Ortiz moved drugs from Mexico", in a story of the United
            # States: its courts and police, not those of a state named as a place
            own, note = home, f"{why}, but the article is about {home}, where courts act"
        context.mentions[i] = replace(
            mention,
            actor=replace(actor, country=own),
            evidence=f"{mention.evidence}; {note}",
            confidence=min(mention.confidence, CONFIDENCE["context"]),
        )


def _the_leads_fighters(context: _Context, sentence: Sentence, mention: Mention) -> bool:
    """Whether a mention is the unnamed fighters ("the fighters who remained") of an article
    about an armed group of no state (`_Context.stateless_lead`): that group's own."""
    return (
        context.stateless_lead is not None
        and mention.cue == "agent"
        and mention.actor.sector == "REB"
        and mention.text.split()[-1].lower() in ARMED_MEMBERS
        # "local fighters manning checkpoints", "fighters allied to the SDF": others
        and "local" not in mention.text.lower().split()
        and not ALLIED_AFTER.match(sentence.text, mention.end - sentence.start)
    )


def _place_in_theatre(context: _Context, sentence: Sentence) -> frozenset[int]:
    """Rebels named by no state are of the state where the article's events happen
    (`_Context.theatre`), not of a state the sentence names acting on them: "Turkey had
    promised to remove the militants", "Trump has cut off backing for rebel groups" in
    stories set in Syria are Syria's rebels. "Foreign fighters" are no people of where they
    fight; the fighters of an article about a stateless group are that group's. Returns the
    mentions it placed."""
    theatre = context.theatre()
    if theatre is None:
        return frozenset()
    placed: set[int] = set()
    for i in _sentence_mentions(context, sentence.index):
        mention = context.mentions[i]
        actor = mention.actor
        if (
            mention.cue != "agent"
            or actor.country
            or actor.members
            or actor.sector != "REB"
            or actor.organisation is not None
            or FOREIGNERS.search(mention.text) is not None
            or _the_leads_fighters(context, sentence, mention)
        ):
            continue
        context.mentions[i] = _put_in(
            mention,
            theatre,
            f"the article's events are in {theatre}, where most of the towns it names are",
        )
        placed.add(i)
    return frozenset(placed)


# A county named before its noun, American style: "Harris County", "Los Angeles County".
US_COUNTY = re.compile(r"\b[A-Z][a-z]+ County\b")
# A town and the Associated Press's abbreviation of its American state: "Springfield, Ill.",
# "Fresno, Calif.", "Sen. Bernie Sanders, I-Vt." (a lawmaker's party and state).
US_STATE_AFTER = re.compile(
    r"(?:\b[A-Z][A-Za-z]+,|\b[DRI]-)\s?(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|"
    r"La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|"
    r"R\.I|S\.C|S\.D|Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo)\.(?=[\s,)])"
)

# "Officers" are soldiers in the dictionaries; in a story of the police, police officers.
OFFICERS = frozenset({"officer", "officers"})
# Ranks police forces share with armies ("Lt. Sarah Hughes of the Springfield police").
POLICE_RANKS = frozenset(
    "sergeant sgt sgt. lieutenant lt lt. captain capt capt. major maj maj. commander".split()
)
# Ranks police forces share with other public services ("Superintendent Gary McKenzie" of the
# police, a schools superintendent): an official's (GOV) but in a story of the police.
OFFICIALS_RANKS = frozenset({"superintendent", "supt", "supt."})
SCHOOL_WORDS = re.compile(
    r"\b(?:schools?|school district|teachers?|students?|pupils?|classrooms?|education)\b", re.I
)
POLICE_WORDS = re.compile(
    r"\b(?:police|policing|sheriff(?:'s)?|deput(?:y|ies)|troopers?|detectives?|"
    r"district attorney|prosecutors?|charged with)\b",
    re.I,
)
MILITARY_WORDS = re.compile(
    r"\b(?:military|army|troops|soldiers?|armed forces|navy|air force|marines|militar\w*)\b",
    re.I,
)

FIRM_SECTORS = frozenset({"BUS", "JRN"})
HUMAN_RIGHTS = "HRI"  # sectors of firms and the news media


# "foreign fighters", "foreign nationals", not "the foreign minister" or "foreign intelligence"
FOREIGNERS = re.compile(
    r"\bforeign\s+(?!minist|secretar|office|affairs|service|polic|intelligence|relations)", re.I
)
# "western troops" in a story of Kabul, "the international community": of no state the
# sentence names (written in lower case, right before the noun: not "Feinstein International
# Center")
OUTLANDERS = re.compile(r"\b(?:[Ww]estern|international|multinational)\s+[\w-]+$")
# Another state's government, or the world's: "any other government", "key world leaders" (not
# "other women", who are as likely the people of the state named)
OTHERS = re.compile(
    r"\b(?:other|another|world)\s+(?:\w+\s+)?"
    r"(?:governments?|regimes?|states?|countr(?:y|ies)|nations?|administrations?|leaders|powers)$",
    re.I,
)


def _with_word_before(sentence: Sentence, mention: Mention) -> str:
    """A mention's words and the word before it ("other government" → "any other government")."""
    before = sentence.text[: mention.start - sentence.start].split()
    return " ".join([*before[-1:], mention.text])


ARMED_GROUP_OFFICERS = frozenset({"MIL", "GOV", "COP", "SPY"})
# Nouns for a state's government itself, which an armed group may run ("the Taliban
# administration"): the state's, not the group's officers.
GOVERNING = frozenset(
    "government administration authorities regime cabinet ministry ministries".split()
)
# What an agent's evidence says of a state named as its backer ("Iran-backed militias"): the
# placing of unplaced actors leaves it out of that state.
BACKER_NOTE = "names a backer, not its state"
# A region of a state, which PLOVER's agent list files as its civilians (CVL).
PROVINCE_NOUNS = frozenset({"province", "provinces", "region", "governorate"})
PEOPLE = frozenset({"CVL", "REF"})  # civilians, refugees: the people of where things happen
CONDITION = re.compile(r"\b(?:if|unless|should|were)\b", re.I)
IN_PLACE = re.compile(r"\b(?:in|inside|across|throughout)\s+(?:the\s+)?$", re.I)


def _the_government(sentence: Sentence, mention: Mention) -> bool:
    """Whether a mention is "the government" (or "the administration"): a state's government
    named as the article's own, not "a government" or "governments"."""
    before = sentence.text[: mention.start - sentence.start]
    after = sentence.text[mention.end - sentence.start :]
    return (
        mention.cue == "agent"
        and mention.text.lower() in THE_GOVERNMENT
        and before.lower().endswith("the ")
        and not after.startswith(" of ")  # "the government of Bashar al-Assad"
    )


THE_GOVERNMENT = frozenset({"government", "administration"})
# A government's own men, named by its word: "government forces", "pro-government militias".
GOVERNMENTS_OWN = re.compile(r"(?:pro-)?government\s+\w+", re.I)


def _guessed(context: _Context, mention: Mention) -> bool:
    """Whether a mention's state is a guess, not written: a person the tables lack, placed by
    the article's states and their name, or a pronoun or surname that refers back to one.
    Such a state is not one the sentence names."""
    for _ in range(4):  # "she" → "Campbell" → "Anna Campbell": the first naming decides
        if mention.antecedent is None or mention.cue in GUESSED_CUES:
            break
        mention = context.mentions[mention.antecedent]
    return mention.cue in GUESSED_CUES and mention.actor.person is not None


def _posted_to(sentence: Sentence, mention: Mention) -> bool:
    """Whether "to" follows a mention: "the envoy to Ukraine"."""
    after = sentence.text[mention.end - sentence.start :]
    return after.startswith(" to ")


# What a person does to their own state's lawmakers, judges or police: tells them, testifies
# to them, briefs them.
TOLD = re.compile(
    r"\s+(?:\w+\s+)?(?:told|tells|testified\s+(?:to|before)|testifies\s+(?:to|before)|"
    r"briefed|briefs)\s+(?:the\s+)?",
    re.I,
)


def _place_audiences(context: _Context, sentence: Sentence) -> None:
    """Lawmakers, judges or police named by no state whom a person of a state tells, testifies
    to or briefs are that state's: "Vindman told lawmakers", "He testified before lawmakers"
    (a state's officials answer to their own legislature and courts)."""
    here = list(_sentence_mentions(context, sentence.index))
    for before, after in pairwise(here):
        teller, heard = context.mentions[before], context.mentions[after]
        if (
            heard.cue == "agent"
            and heard.actor.sector in HOME_SECTORS
            and not heard.actor.country
            and not heard.actor.members
            and teller.actor.person
            and teller.actor.country
            and TOLD.fullmatch(
                sentence.text, teller.end - sentence.start, heard.start - sentence.start
            )
        ):
            context.mentions[after] = replace(
                heard,
                actor=replace(heard.actor, country=teller.actor.country),
                evidence=f"{heard.evidence}; {teller.actor.name}, of {teller.actor.country}, "
                "answers to them",
                confidence=min(heard.confidence, teller.confidence, CONFIDENCE["context"]),
            )


# People not of where they are: "foreigners", "migrants", "the international community".
OUTSIDERS = re.compile(
    r"\b(?:foreign|foreigners|international|external|world|global|diaspora|exiles?|"
    r"expat(?:riate)?s?|migrants?|immigrants?|emigrants?|tourists?)\b",
    re.I,
)


def _place_people_in_theatre(context: _Context, sentence: Sentence) -> None:
    """Civilians and refugees named by no state, in a sentence that names the state where the
    article's events happen (`_Context.theatre`) among others, are its people: "Up to 400,000
    people are at risk from Putin's air force and Syrian troops", in a story set in Syria.
    (Where the sentence names one state, `_place_stateless` has placed them already.)"""
    theatre = context.theatre()
    if theatre is None:
        return
    here = _sentence_mentions(context, sentence.index)
    states = {
        context.mentions[i].actor.country
        for i in here
        if context.mentions[i].actor.country and not _guessed(context, context.mentions[i])
    }
    if theatre not in states or len(states) < 2:
        return
    for i in here:
        mention = context.mentions[i]
        actor = mention.actor
        if (
            mention.cue != "agent"
            or actor.sector not in PEOPLE
            or actor.country
            or actor.igo
            or actor.organisation
            or actor.members
            or OUTSIDERS.search(mention.text) is not None
        ):
            continue
        context.mentions[i] = _put_in(
            mention,
            theatre,
            f"the article's events are in {theatre}, which the sentence names among others",
        )


def _put_in(mention: Mention, country: str, why: str) -> Mention:
    """A mention placed in a state by the context, for the reason `why`."""
    return replace(
        mention,
        actor=replace(mention.actor, country=country),
        evidence=f"{mention.evidence}; {why}",
        confidence=min(mention.confidence, CONFIDENCE["context"]),
    )


def _located_in(context: _Context, here: Iterable[int], sentence: Sentence) -> str | None:
    """The one state a sentence names after "in" ("in Syria", "in the UK"), if one."""
    offset = sentence.start
    places = {
        context.mentions[i].actor.country
        for i in here
        if context.mentions[i].cue in ("country", "place", "capital")
        and IN_PLACE.search(before := sentence.text[: context.mentions[i].start - offset])
        and not CONDITION.search(before)  # "if war starts in Syria": not where things happen
    }
    return places.pop() if len(places) == 1 and None not in places else None


def _named_firm(mention: Mention) -> bool:
    """Whether a mention names a firm or a news organisation (not "Japanese companies")."""
    actor = mention.actor
    named = actor.organisation is not None or mention.cue in NAME_CUES
    return named and actor.sector in FIRM_SECTORS and not actor.person


# Cues of a person whose state is written with them ("Chinese journalist Li Wei").
TITLED_CUES = frozenset({"name+cue", "kb:person+cue", "agent+country"})


def _outlets_reporter(mention: Mention) -> bool:
    """Whether a mention is a journalist placed by the outlet they write for ("Sui-Lee Wee
    of The New York Times", then "Wee"), not by a state written with them ("Chinese
    journalist Li Wei")."""
    actor = mention.actor
    return bool(actor.person) and actor.sector == "JRN" and mention.cue not in TITLED_CUES


def _news_outlet(mention: Mention) -> bool:
    """Whether a mention names a paper, broadcaster or news agency."""
    return mention.actor.sector == "JRN" and _named_firm(mention)


# Sectors of a state's own institutions, placed in the article's state when a sentence names
# none ("the jury", "lawmakers", "police", "officials"): not civilians, soldiers or armed
# groups, who in news of war and migration are as often another state's.
DOMESTIC = frozenset({"GOV", "LEG", "JUD", "COP", "OPP"})
HOME_SECTORS = frozenset({"LEG", "JUD", "COP", "OPP"})  # legislatures, courts, police,
# and the opposition, act at home
PAIRED = re.compile(r"\b(?:two|both)\W+(?:\w+\W+)?$", re.I)  # "the two", "both their"


# Cues of mentions that read a name the tables lack (a person's, or a firm's by its suffix).
NAME_CUES = frozenset(
    {"name+cue", "name+apposition", "name+title", "context", "name-origin", "surname", "org-name"}
)


# What the police and the courts do to a person named right before ("Webb, 51, was convicted
# of kidnapping", "Carlineo pleaded guilty") or right after ("convicting Webb", "Officers
# arrested Elizabeth A. Burton"): the person is a criminal (CRM) in CAMEO's sense, or said to be.
ACCUSED_AFTER = (
    r"(?:(?:,[^,.;:]{1,40}){1,2},|,)?\s+(?:(?:was|were|has been|had been|have been|is|are|is being|"
    r"was being)\s+(?:(?:later|also|then|subsequently|previously|formally|first)\s+)?"
    r"(?:arrested|charged|convicted|sentenced|indicted|jailed|imprisoned|found guilty|booked|"
    r"accused of|taken into custody)|(?:pleaded|pled|pleads)(?: not)? guilty|confessed to|"
    r"(?:faces|faced|is facing) (?:\w+ ){0,2}charges)\b"
)
ACCUSED_BEFORE = r"\b(?:arrest(?:ed|ing)|convicting|sentencing|indicting|jail(?:ed|ing))\s+"
# How a clause says that its subject joined an armed group, up to the group's name ("left the UK
# in 2015 to join", "is suspected of joining", "joined", "fought for").
JOINING = (
    r"(?:(?:is|was|has been)\s+(?:suspected|accused)\s+of\s+joining|"
    r"(?:had\s+|has\s+|have\s+)?(?:left|travell?ed|went|fled|flew|gone)\b[^.;:“”\"]{0,80}?"
    r"\bto\s+(?:join|fight\s+for)|(?:had\s+|has\s+)?(?:joined|fought\s+for)|"
    # "died on active service while serving with", "was killed fighting alongside"
    r"(?:died|was\s+killed)\b[^.;:“”\"]{0,40}?\b(?:while\s+)?(?:serving|fighting|volunteering)"
    r"\s+(?:with|for|alongside|in)|"
    r"(?:had\s+|has\s+)?(?:fought|volunteered|served)\s+(?:with|alongside)|"
    # "has risked his life to fight Isis alongside"
    r"[^.;:“”\"]{0,40}?\bto\s+fight\b[^.;:,“”\"]{0,30}?\balongside)\s+(?:the\s+)?"
)
# What follows a person's name to say that they joined an armed group: an apposition and a
# clause of theirs ("…, a teenager who travelled to Syria to join", "…, 19, left the UK in 2015
# to join"), or an apposition that makes them a member ("…, a British member of").
JOINED = re.compile(
    rf"(?:(?:,[^,.;:“”\"]{{1,80}}?){{1,2}},?)?\s+(?:who\s+)?{JOINING}|"
    r",\s+(?:an?|one of the)\s+(?:[\w-]+\s+){0,2}members?\s+of\s+(?:the\s+)?"
)
# The same after a noun for people, in a clause of theirs ("nationals who left to join").
JOINED_CLAUSE = re.compile(rf"\s+who\s+{JOINING}")
# Kin or a speaker between a name and the joining: the words are about someone else ("His
# parents, John Letts and Sally Lane, deny their son went to Syria to join Isis").
KIN_BETWEEN = re.compile(
    r"\b(?:their|his|her|whose)\s+(?:\w+\s+)?(?:son|daughter|husband|wife|brother|sister|"
    r"father|mother|child|children|friends?)\b|\b(?:deny|denies|denied|say|says|said)\b",
    re.I,
)
# Charges a state brings against its critics: the person is not thereby a criminal ("jailed for
# insulting the president"). A charge of terrorism is a crime's: set C codes Joe Robinson,
# convicted in Turkey of the YPG's terrorism, CRM.
POLITICAL_CHARGES = re.compile(
    r"\b(?:spy\w*|espionage|treason|insult\w*|propaganda|sedition|blasphem\w*|"
    r"protest\w*|dissent\w*|activist|journalist|opposition|coup)\b",
    re.I,
)
# Nouns that make a person a civilian in no way a charge could overrule ("The suspect, Michael
# Webb", "the child, Michael Webb" read as an office): a charged activist or journalist keeps
# their sector.
PLAIN_PERSONS = frozenset(
    {
        *("man", "woman", "men", "women", "person", "people", "child", "boy", "girl", "teenager"),
        *("teen", "suspect", "suspects", "defendant", "defendants", "accused"),
    }
)


# Words for the famous, before or beside a name: the person is one of CAMEO's elites (ELI)
CELEBRITIES = frozenset(
    {
        *("singer", "actor", "actress", "rapper", "star", "superstar", "pop star", "celebrity"),
        *("comedian", "singer-songwriter", "film star", "movie star"),  # not any musician
        *("supermodel", "tv personality", "television personality", "talk show host"),
    }
)


# A year the sentence places its events in: "in 1988", "during the 2003 invasion" is not read
YEAR_TOLD = re.compile(
    r"\b(?:in|since|during|from|until|by)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b"
    r"(?![-–/]\d)",
    re.I,
)


# The year of an office's end, not of what the person did in it: "who left office in 2016"
OFFICE_ENDED = re.compile(
    r"\b(?:left|leaving|quit|resign\w*|step(?:ped|s)? down|ousted|toppled|overthrown|deposed|"
    r"born|died|retired|until|out of office)\b",
    re.I,
)


# How `_person` notes an office read for the year a sentence tells of, not the article's day
# (`_office_stated` looks for it).
YEAR_TOLD_NOTE = "the sentence tells of"


def _year_told(sentence: str, day: dt.date | None) -> dt.date | None:
    """The middle of the one year before `day` (the article's) that the sentence says its
    events happened in ("in 1988"); `day` itself where it names none, or several."""
    years = {int(y) for y in YEAR_TOLD.findall(sentence)}
    if day is None or len(years) != 1 or OFFICE_ENDED.search(sentence):
        return day
    [year] = years
    return dt.date(year, 7, 1) if year < day.year else day


# How `_person` quotes the noun that gave a name its office or its sector in the evidence:
# "'child' named right before: the office the name holds", "apposition 'activist' → CVL"
QUOTED_NOUN = re.compile(r"'([^']+)' named right before|apposition '([^']+)'")


def _quoted_nouns(evidence: Iterable[str]) -> list[str]:
    """The nouns named right before a name or in apposition to it, as its evidence quotes
    them."""
    return ["".join(found) for note in evidence for found in QUOTED_NOUN.findall(note)]


def _celebrity(title: Unit | None, evidence: list[str]) -> str | None:
    """The word that says the person a name names is famous, from its title, the office named
    right before it, or its apposition; None if none does."""
    for word in [title.text if title else "", *_quoted_nouns(evidence)]:
        folded = word.casefold()
        if folded in CELEBRITIES or folded.split(" ")[-1] in CELEBRITIES:
            return word
    return None


# "The city said", "the town has agreed": a place that speaks, sues or decides is its local
# government (GOV), as "Tokyo said" is Japan's; "the city" that is hit, or lived in, stays its
# people (CVL). The agent nouns for places ("county" is none: "Harris County Sheriff").
LOCALITIES = frozenset({"city", "town", "village"})
ACTS_AS_BODY = re.compile(
    r"\s+(?:(?:has|have|had|will|would|also|then|later|quickly|previously|already)\s+){0,2}"
    r"(?:said|says|announced|announces|sued|sues|agreed|agrees|approved|approves|declined|"
    r"declines|refused|refuses|ordered|orders|filed|files|issued|issues|decided|decides|voted|"
    r"votes|paid|pays|settled|settles|denied|denies|argued|argues|responded|plans|planned|"
    r"appealed|appeals|fined|fines|banned|bans|warned|warns|rejected|rejects|hired|fired|"
    r"awarded|awards|signed|signs|released|releases)\b"
)


IN_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|to|at|near|of|into|across|outside|around)\s+(?:the\s+|this\s+|that\s+)?"
    r"(?:[\w'’-]+\s+)?$",
    re.I,
)


# "A spokesman for Boeing", "a spokeswoman for the company", "a lawyer for the family": one
# who speaks for the body named next is of its state and its sector.
SPEAKS_FOR = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "lawyer"}
    | {"lawyers", "attorney", "attorneys", "representatives", "adviser", "advisor"}
)
# "a spokesman for the", "a spokeswoman for Tarrant County" (a place's words before the body)
FOR_BEFORE_BODY = re.compile(r"\s+(?:for|of|at)\s+(?:(?:the|an?)\s+)?(?:[A-Z][\w.-]*\s+){0,3}$")
# Who leads or commands an armed group named next is its ("the leader of Hezbollah", "the
# commander of the rebels"), not a government's.
LEADS_ARMED = frozenset(
    {"leader", "leaders", "head", "chief", "commander", "commanders", "founder", "co-founder"}
)
BODY_SECTORS = frozenset({"BUS", "JRN", "NGO", "EDU", "MED", "LAB", "REL", "PTY", "HRI", "REB"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})
OFFICE_SECTORS = frozenset({"COP", "MIL", "JUD", "LEG", "SPY"})  # a government's is GOV already


def _speakers_for(context: _Context, text: str) -> None:
    """Spokesmen and lawyers for a firm, a newspaper, a school, a party or an armed group, and
    spokesmen for the police, an army, a court or a legislature: of its sector, and of its
    state where they have none. So are the leaders of an armed group ("the leader of
    Hezbollah", "the commander of the rebels")."""
    mentions = context.mentions
    for i, mention in enumerate(mentions[:-1]):
        after = mentions[i + 1]
        title = mention.text.split()[-1].casefold()
        speaks = (
            mention.cue == "agent"
            and title in SPEAKS_FOR
            and (
                after.actor.sector in BODY_SECTORS
                # "a spokeswoman for Sheriff Bill Waybourn", "for the army": an office's voice
                or (title in SPOKESPEOPLE and after.actor.sector in OFFICE_SECTORS)
            )
        )
        leads = (
            mention.cue in ("agent", "agent+country")
            and title in LEADS_ARMED
            and after.actor.sector == "REB"
        )
        if (
            (speaks or leads)
            and after.sentence == mention.sentence
            and after.cue != "pronoun"
            and after.start > mention.end
            and FOR_BEFORE_BODY.match(text[mention.end : after.start])
        ):
            actor = replace(
                mention.actor,
                sector=after.actor.sector,
                country=after.actor.country or mention.actor.country,
            )
            verb = "speaks for" if speaks else "leads"
            mentions[i] = replace(
                mention,
                actor=actor,
                evidence=f"{mention.evidence}; {verb} {after.actor.name} ({after.text!r})",
            )


SPOKESMAN_FOR = re.compile(r"\s+(?:for|of|at|to)\b", re.I)
# Cabinet titles only some states give (the United States has a secretary of state and of
# homeland security, a "defense secretary"; Britain, India, Pakistan and Bangladesh a home and a
# foreign secretary; Britain a "defence secretary" and a chancellor of the exchequer; the
# British cabinet's "X secretary" and the American one's, as the news writes them).
BRITISH_ONLY = ("GBR",)
AMERICAN_ONLY = ("USA",)
BOTH = ("GBR", "USA")
NATIONAL_TITLES = {
    "home secretary": ("GBR", "IND", "PAK", "BGD", "LKA"),
    "foreign secretary": ("GBR", "IND", "PAK", "BGD", "LKA"),
    "defence secretary": BRITISH_ONLY,
    "chancellor of the exchequer": BRITISH_ONLY,
    **dict.fromkeys(
        [
            f"{cabinet} secretary"
            for cabinet in (
                "environment",
                "justice",
                "culture",
                "business",
                "transport",
                "brexit",
                "work and pensions",
                "international development",
                "northern ireland",
                "communities",
                "scottish",
                "welsh",
            )
        ],
        BRITISH_ONLY,
    ),
    **dict.fromkeys(
        [
            f"{cabinet} secretary"
            for cabinet in (
                "defense",
                "treasury",
                "labor",
                "commerce",
                "interior",
                "transportation",
                "homeland security",
                "agriculture",
                "navy",
            )
        ],
        AMERICAN_ONLY,
    ),
    **dict.fromkeys(
        [f"{cabinet} secretary" for cabinet in ("health", "education", "energy", "trade")], BOTH
    ),
}


def _stated(evidence: str) -> str:
    """A mention's evidence up to where it says that no country was stated."""
    return evidence.split("; " + NO_COUNTRY_STATED)[0]


def _titles_of_named_holders(context: _Context, text: str) -> None:
    """ "the foreign affairs minister, Julie Bishop,": a title of no state stated, set off
    before a known holder of an office of its sector, is that holder's state's."""
    for i, mention in enumerate(context.mentions[:-1]):
        holder = context.mentions[i + 1]
        if (
            mention.cue == "agent"
            and mention.actor.country is None
            and NO_COUNTRY_STATED in mention.evidence
            and holder.sentence == mention.sentence
            and holder.actor.person
            and holder.actor.country
            and holder.actor.sector == mention.actor.sector
            and APPOSED.fullmatch(text[mention.end : holder.start])
        ):
            context.mentions[i] = replace(
                mention,
                actor=replace(mention.actor, country=holder.actor.country),
                evidence=f"{_stated(mention.evidence)}; held by "
                f"{holder.actor.name}, named after it, of {holder.actor.country}",
            )


# What sets a name off after the title it holds: "the foreign minister, Julie Bishop".
APPOSED = re.compile(r"\s*,\s*")


def _place_national_titles(context: _Context) -> None:
    """ "The foreign secretary said", with no state stated, in a story of Syria that names
    Britain: Britain's, the state named most of those that give the title, not the story's
    state (`NATIONAL_TITLES`). Left as read where the article names none of them."""
    for i, mention in enumerate(context.mentions):
        lowered = mention.text.lower()
        title = next((t for t in NATIONAL_TITLES if lowered.endswith(t)), None)
        if (
            title is None
            or mention.cue != "agent"
            or NO_COUNTRY_STATED not in mention.evidence
            or mention.actor.country in NATIONAL_TITLES[title]
        ):
            continue
        named = [c for c in NATIONAL_TITLES[title] if context.salience[c]]
        if not named:
            continue
        state = max(named, key=lambda c: context.salience[c])
        context.mentions[i] = replace(
            mention,
            actor=replace(mention.actor, country=state),
            evidence=f"{_stated(mention.evidence)}; '{title}' is a "
            f"title {state} gives, and the article names {state}",
            confidence=min(mention.confidence, CONFIDENCE["context"]),
        )


# Cues of a mention that names a state or a place, not a body that has a spokesman.
STATE_OR_PLACE_CUES = frozenset(
    {"country", "demonym", "place", "unknown-place", "capital", "form", "group"}
)


def _unattached_spokespeople(context: _Context, text: str) -> None:
    """ "Kurdish-led authorities on Monday described the detainees as a timebomb. A spokesman
    said ...": a spokesman for no one named, of no state stated, speaks for the body that the
    sentence before, or its own, named last (authorities, a firm, an armed group) — not a
    state, a place or a person."""
    mentions = context.mentions
    for i, mention in enumerate(mentions):
        if (
            mention.cue != "agent"
            or mention.text.lower() not in SPOKESPEOPLE
            or NO_COUNTRY_STATED not in mention.evidence
            or SPOKESMAN_FOR.match(text, mention.end)  # "a spokesman for the army"
        ):
            continue
        found = None
        for j in range(i - 1, -1, -1):  # back to the sentence before
            m = mentions[j]
            if m.sentence < mention.sentence - 1:
                break
            if (
                m.cue not in STATE_OR_PLACE_CUES
                and m.cue != "pronoun"
                and not m.actor.person
                and not m.actor.members
                and m.actor.sector not in ("CVL", "REF", "CRM")  # people, not a body
                and (m.actor.organisation or m.actor.igo or (m.actor.country and m.actor.sector))
            ):
                found = (j, m)
                break
        if found is None or any(
            m.actor.person and m.cue != "pronoun" for m in mentions[found[0] : i]
        ):
            continue  # no body, or a person named since: perhaps theirs
        at, body = found
        speaker = replace(body.actor, name=mention.actor.name, person=None, role=mention.actor.role)
        mentions[i] = replace(
            mention,
            actor=speaker,
            evidence=f"'{mention.text}' speaks for {body.actor.name} ('{body.text}'), named "
            "just before",
            antecedent=at,
        )


# A chief executive is a firm's, but Hong Kong's and Macau's heads of government are called so.
CHIEF_EXECUTIVES = frozenset({"chief executive", "chief executives"})
CHIEF_EXECUTIVE_STATES = frozenset({"HKG", "MAC"})


def _territorys_head(title: str, sector: str | None, country: str | None) -> bool:
    """Whether a firm's title names a territory's head of government: "Hong Kong's chief
    executive", "Macau's Chief Executive"."""
    return (
        sector == "BUS" and country in CHIEF_EXECUTIVE_STATES and title.lower() in CHIEF_EXECUTIVES
    )


def _named_by_acronym(context: _Context, text: str) -> None:
    """ "The Federal Intelligence Service (BND)": a body's name read from its words alone (an
    agent noun, a name's form) is the body its acronym, given right after it in brackets,
    names in the tables."""
    for i, (name, acronym) in enumerate(itertools.pairwise(context.mentions)):
        if (
            name.sentence != acronym.sentence
            or name.cue not in ("agent", "org-name", *GUESSED_CUES)
            or name.actor.organisation
            or name.actor.person
            or acronym.cue != "kb:organisation"
            or not acronym.text.isupper()
            or text[name.end : acronym.start] != " ("
            or text[acronym.end : acronym.end + 1] != ")"
        ):
            continue
        context.mentions[i] = replace(
            name,
            actor=acronym.actor,
            evidence=f"{name.evidence}; '{acronym.text}' after it: {acronym.evidence}",
        )


# How a person the tables lack is read by their name alone (not by a pronoun).
OWNER_NAME_CUES = frozenset({"context", "name-origin", "surname", "name+cue"})


def _firms_owners(context: _Context) -> None:
    """ "Braun's Ithaca Holdings": a person the tables lack, read with no sector or as a
    civilian, whose possessive comes right before a firm's name owns it: a businessman (BUS),
    in every mention of the name."""
    owners: set[str] = set()
    for person, firm in itertools.pairwise(context.mentions):
        if (
            person.actor.person is not None
            and person.actor.sector in (None, "CVL")
            and person.cue in OWNER_NAME_CUES
            and firm.actor.sector == "BUS"
            and firm.actor.person is None
            and firm.cue in FIRM_NAME_CUES  # a firm's name, not "Tottenham's manager"
            and context.text[person.end : firm.start] in ("’s ", "'s ")
        ):
            owners.add(person.actor.person)
    for i, mention in enumerate(context.mentions):
        if mention.actor.person in owners and mention.actor.sector in (None, "CVL"):
            context.mentions[i] = replace(
                mention,
                actor=replace(mention.actor, sector="BUS"),
                evidence=f"{mention.evidence}; owns a firm named after a possessive of theirs",
            )


def _firms_own_people(context: _Context) -> None:
    """ "A WeWork spokesperson", "WeWork executives": the people of a firm or news outlet the
    article names, written before them, are of its sector (and state), once the firm is read."""
    firms = {
        LEGAL_FORM.sub("", fold(_strip_article(m.text))): m.actor
        for m in context.mentions
        if m.actor.sector in ("BUS", "JRN")
        and m.cue not in ("pronoun", "agent", "agent+country", "agent+owner", "description")
        and (m.actor.organisation or m.actor.person is None)
    }
    # "Alden Capital ... Alden announced": a firm is called by the first word of its name
    first_words: dict[str, list[Actor]] = {}
    for m in context.mentions:
        name = m.actor.name.split()
        if (
            m.actor.sector == "BUS"
            and m.cue in FIRM_NAME_CUES
            and len(name) > 1
            and name[0][:1].isupper()
            and not is_common_word(name[0])
        ):
            first_words.setdefault(name[0], []).append(m.actor)
    for i, mention in enumerate(context.mentions):
        words = mention.text.split()
        if (
            mention.cue in GUESSED_CUES
            and len(words) == 1
            and mention.actor.sector is None
            and len(firms_named := {a.name: a for a in first_words.get(mention.text, ())}) == 1
            # "going to the Moon" is no "Moon Express"
            and context.text[max(0, mention.start - 4) : mention.start].lower() != "the "
        ):
            [named] = firms_named.values()
            context.mentions[i] = replace(
                mention,
                actor=replace(named, country=named.country or mention.actor.country),
                evidence=f"the first word of {named.name}'s name, a firm named in the article",
            )
            continue
        if mention.cue != "agent" or len(words) < 2:
            continue
        owner = fold(
            _strip_article(" ".join(w for w in words[:-1] if w.lower() not in ("a", "an")))
        )
        firm = firms.get(owner)
        if firm is None or firm.sector == mention.actor.sector:
            continue
        context.mentions[i] = replace(
            mention,
            # the state the sentence gave them, else the firm's (often a guess from context)
            actor=replace(
                mention.actor, sector=firm.sector, country=mention.actor.country or firm.country
            ),
            evidence=f"{mention.evidence}; of {firm.name}, named in the article",
        )


# How a firm is read by its own name: one the tables know, or one whose name says it.
FIRM_NAME_CUES = frozenset({"kb:organisation", "org-name", "context", "name+apposition"})
# A capitalised word right before a name, inside a sentence: a title ("Rapporteur Agnes").
UNKNOWN_TITLE = re.compile(r"[^.!?:;\"“‘\s]\s+[A-Z][\w-]*\s+$")
# How a person named with no title, apposition or other cue is read: by the article's states,
# by the name's likely origin, by a surname or a pronoun that refers back.
UNTITLED_CUES = frozenset({"context", "name-origin", "surname", "pronoun"})
# Pronouns only a person is referred to by.
PERSONAL_PRONOUNS = frozenset("he him his she her hers i me my".split())


def _private_people(
    context: _Context, text: str, known: Mapping[str, object], given_names: frozenset[str]
) -> None:
    """A person the tables lack, of a known state, whom nothing names to an office, a trade
    or a group: a civilian (CVL). "Patrick Carlineo Jr." (a known given name and a surname)
    or "Mr Robinson" (a title of courtesy), or one that "he", "she" or a quoted "I" refers
    to, and the surnames and pronouns that refer back to them; not a capitalised phrase only
    guessed to be a name ("Trump Tower", "The House"), nor one named beside an office or a
    description, known or not ("The group's leader, Karim Nassouh", "Special Rapporteur Agnes
    Callamard", "Vanessa Cramond, the medical coordinator"), or as the owner of a firm or a body
    ("Jeff Bezos’s Blue Origin")."""
    # where an agent noun of an office, a trade or a group ends: one of a civilian ("his
    # sister, Inderdai Deyal", "the hunter, Bharrat Ramdehol") names none
    agents_end = {
        m.end for m in context.mentions if m.cue.startswith("agent") and m.actor.sector != "CVL"
    }
    starts = {m.start for m in context.mentions}
    titled = {  # an office, a trade or a group is named beside them somewhere
        m.actor.person
        for m in context.mentions
        # (an apposition that gave a state alone, "Oliver Hall, 24, from Portsmouth", names
        # none of them)
        if (m.cue not in UNTITLED_CUES and not (m.cue == "name+apposition" and not m.actor.sector))
        or (
            m.cue != "pronoun"
            and (
                UNKNOWN_TITLE.search(text, max(0, m.start - 40), m.start)
                # "The group's leader, Karim Nassouh"
                or any(m.start - gap in agents_end for gap in (1, 2))
                # "Jeff Bezos’s Blue Origin": its owner
                or (text.startswith(("’s ", "'s "), m.end) and m.end + 3 in starts)
            )
        )
    }
    people = {
        m.actor.person
        for m in context.mentions
        if m.actor.person is not None
        and m.actor.person not in titled
        and (
            # "he", "her", "I" in a quote: a person's pronoun refers to them
            m.text.casefold() in PERSONAL_PRONOUNS
            if m.cue == "pronoun"
            else _honorific(m.text.split()[0])
            or (len(words := m.text.split()) > 1 and words[0] in given_names)
        )
    }
    for i, mention in enumerate(context.mentions):
        actor = mention.actor
        if (
            actor.person not in people
            or actor.person in known
            or actor.sector
            or not actor.country
            or actor.igo
            or actor.organisation
            or actor.members
        ):
            continue
        _give_sector(context, [i], "CVL", "a person of no known office: a civilian")


# Weapons a state's name or demonym stands before, right before or in a pair ("Russian and
# Syrian bombs", "US Predator attacks"): the state's armed forces use them. Agent nouns of
# their own only where the tables list them ("airstrikes", "warplanes", "artillery").
STATES_WEAPONS = re.compile(
    r"(?:\s+(?:and|or)\s+[A-Z][\w-]+)?\s+(?:(?:air|naval|ballistic|cruise|barrel|cluster|guided)\s+)?"
    r"(?:bombs?|missiles?|rockets?|shells|bombing|bombings|bombardments?|predators?|reapers?|"
    r"tomahawks?|gunships?|mortars?)\b",
    re.I,
)


# Where a state's name or demonym before it says that the state holds someone ("a Turkish
# jail"): its prison service, which CAMEO counts with the police (COP).
STATES_JAILS = re.compile(r"\s+(?:(?:high|maximum)[\s-]security\s+)?(?:jails?|prisons?)\b", re.I)


def _states_arms_and_jails(context: _Context, text: str) -> None:
    """A state named right before a weapon ("Russian and Syrian bombs", "US Predator
    attacks"): its armed forces (MIL); before a jail ("a Turkish jail"): its prisons (COP)."""
    for i, mention in enumerate(context.mentions):
        if (
            mention.cue not in ("demonym", "country")
            or mention.actor.sector is not None
            or mention.actor.members
        ):
            continue
        if found := STATES_WEAPONS.match(text, mention.end):
            sector, note = "MIL", "its armed forces"
        elif found := STATES_JAILS.match(text, mention.end):
            sector, note = "COP", "its prisons (COP)"
        else:
            continue
        _give_sector(context, [i], sector, f"before '{found.group().split()[-1]}': {note}")


def _local_governments(context: _Context, text: str) -> None:
    """Places named by a common noun ("the city") that act as a body: their governments."""
    for i, mention in enumerate(context.mentions):
        actor = mention.actor
        if (
            mention.cue in ("agent", "agent+country")
            and actor.sector == "CVL"
            and mention.text.split()[-1].casefold() in LOCALITIES
            and ACTS_AS_BODY.match(text, mention.end)
            # its subject: not "those still in the town refused"
            and not IN_PLACE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        ):
            context.mentions[i] = replace(
                mention,
                actor=replace(actor, sector="GOV"),
                evidence=f"{mention.evidence}; it acts as a body: its local government",
            )


def _accused(read: list[Mention], text: str) -> str | None:
    """The words that say that the person the mentions `read` name (a person the tables lack,
    read with no sector, or as a civilian only for being a man, a woman or a child) was
    arrested, charged, convicted or jailed; None if the text says no such thing."""
    sectors = {m.actor.sector for m in read} - {None}
    if sectors - {"CVL"}:
        return None
    # the nouns that made them a civilian
    nouns = {noun.casefold() for noun in _quoted_nouns(m.evidence for m in read)}
    if sectors and (not nouns or nouns - PLAIN_PERSONS):
        return None
    names = {m.text for m in read if m.cue != "pronoun" and m.text[:1].isupper()}
    accused = None
    for name in sorted(names, key=len, reverse=True):
        written = re.escape(name)
        pattern = (
            rf"(?<![\w.]){written}{ACCUSED_AFTER}|{ACCUSED_BEFORE}{written}\b"
            rf"|\bcharged\s+{written}\s+with\b"  # "Prosecutors charged Eve Tull with murder"
        )
        for found in re.finditer(pattern, text):
            # what the charge is, said near it
            if POLITICAL_CHARGES.search(text, max(found.start() - 300, 0), found.end() + 300):
                return None
            accused = accused or " ".join(found.group().split())
    return accused


def _armed_groups_named(mentions: list[Mention]) -> set[int]:
    """Where armed groups are named, by a name the tables know or by a noun for their men
    ("Kurdish freedom fighters", "rebels"): the starts of their mentions."""
    return {
        m.start
        for m in mentions
        if m.actor.sector == "REB" and (m.actor.organisation or m.cue in ("agent", "agent+country"))
    }


# A post on the staff of an international or non-governmental body, which the agent nouns
# leave out ("director" alone is a film's or a firm's too): "regional director", "researcher".
STAFF_POST = re.compile(
    r"(?:[a-z-]+\s+){0,3}(?:director|representative|coordinator|officer|official|researcher|"
    r"campaigner|adviser|advisor|rapporteur|investigator|spokes(?:man|woman|person)|chief|"
    r"head|envoy|commissioner)"
)
# The post set off before the name, after the body's possessive: "Unicef's regional director
# for the Middle East, Geert Cappelaere"; or after it: "Jane Okafor, Oxfam's country director".
STAFF_BEFORE = re.compile(
    rf"\s*[’']s\s+(?P<post>{STAFF_POST.pattern})(?:\s+(?:for|of|in|on|to)\s+[^,;.“”\"]{{1,40}}?)?"
    r"\s*,\s*"
)
STAFF_GAP = re.compile(r"\s*,\s*(?:(?:the|a|an)\s+)?")
STAFF_AFTER = re.compile(rf"(?:[’']s)?\s+(?P<post>{STAFF_POST.pattern})\b")


def _staff_post(context: _Context, read: list[Mention], text: str) -> tuple[Mention, str] | None:
    """The international or non-governmental body, and the post in it, that the words set off
    beside a name the tables lack give it ("Unicef's regional director for the Middle East,
    Geert Cappelaere"; "Jane Okafor, Oxfam's country director"); None where they give none.
    ("Jane Doe, an Amnesty researcher" is read by the apposition, which takes the noun.)"""
    for mention in read:
        if mention.cue == "pronoun" or not mention.text[:1].isupper():
            continue
        for body in context.mentions:
            if body.sentence != mention.sentence or body.cue != "igo" or not body.actor.igo:
                continue
            if body.end <= mention.start:
                found = STAFF_BEFORE.fullmatch(text, body.end, mention.start)
            elif STAFF_GAP.fullmatch(text, mention.end, body.start):
                found = STAFF_AFTER.match(text, body.end)
            else:
                found = None
            if found is not None:
                return body, " ".join(found.group("post").split())
    return None


def _give_sector(
    context: _Context,
    members: list[int],
    sector: str,
    note: str,
    officer_of: str | None = None,
) -> None:
    """Give the mentions `members` of one name `sector`, saying why (`note`); an officer of
    the international or non-governmental body `officer_of` acts for it, for no state."""
    for i in members:
        mention = context.mentions[i]
        actor = replace(mention.actor, sector=sector)
        if officer_of is not None:
            actor = replace(actor, country=None, igo=officer_of)
        context.mentions[i] = replace(mention, actor=actor, evidence=f"{mention.evidence}; {note}")


def _joined_people(context: _Context, text: str) -> None:
    """People named by a noun who joined or fight for an armed group named right after them
    ("nationals who left to join Isis", "the east London teenager who joined Islamic State"):
    its members (REB), of the state their words gave them."""
    groups = _armed_groups_named(context.mentions)
    if not groups:
        return
    for i, mention in enumerate(context.mentions):
        if (
            mention.cue not in ("agent", "agent+country", "demonym")
            or mention.actor.sector not in (None, "CVL", "REF")
            or mention.actor.organisation
            or mention.actor.person
        ):
            continue
        found = JOINED_CLAUSE.match(text, mention.end)
        if found is None or found.end() not in groups or KIN_BETWEEN.search(found.group()):
            continue
        joined = " ".join(found.group().split())
        _give_sector(context, [i], "REB", f"'{joined}' an armed group: its members")


# What a person who joins an armed group may have been read as before: a civilian, or one of a
# trade ("Alexander Norton, a railway worker from east London, ... has risked his life to
# fight Isis alongside Kurdish freedom fighters"); not an officer of a state.
JOINERS_SECTORS = frozenset({None, "CVL", "LAB", "BUS", "EDU", "MED", "REF", "CRM"})


def _joined(read: list[Mention], text: str, groups: set[int]) -> str | None:
    """The words that say that the person the mentions `read` name (a person the tables lack,
    read with no sector or as a civilian) joined or fights for an armed group named right after
    them ("Shamima Begum, a British-born teenager who travelled to Syria to join Islamic State",
    "Begum left the UK in 2015 to join Isis"); None if the text says no such thing. `groups`
    are where the armed groups are named (`_armed_groups_named`)."""
    if not groups or {m.actor.sector for m in read} - JOINERS_SECTORS:
        return None
    for mention in read:
        # a name, or "he"/"she" ("Muthana described herself ... when she fled the US to join
        # Isis"), not "his"/"her"
        subject = mention.cue == "pronoun" and mention.text.lower() in ("he", "she")
        if (mention.cue == "pronoun" and not subject) or not mention.text[:1].isalpha():
            continue
        if not subject and not mention.text[:1].isupper():
            continue
        found = JOINED.match(text, mention.end)
        if found and found.end() in groups and not KIN_BETWEEN.search(found.group()):
            return " ".join(text[mention.start : found.end()].split())
    return None


# A member's post in an armed group, written between the group's name and a member's: "Islamic
# State recruiter and conspirator Neil Prakash", "Isis fighter Jack Letts", "YPG commander X".
MEMBERS_TITLE = re.compile(
    r"(?:\s+(?:[a-z-]+\s+){0,2}?(?:fighters?|members?|recruiters?|militants?|commanders?|"
    r"operatives?|jihadis?|jihadists?|executioners?|emirs?|spokes(?:man|woman|person)|"
    r"conspirators?|bomb-?makers?|brides?)(?:\s+and(?:\s+[a-z-]+)?)?)?\s+"
)


def _members_title(context: _Context, read: list[Mention], text: str) -> str | None:
    """The words that make the person the mentions `read` name a member of an armed group,
    named right before the name with the member's post ("the alleged senior Islamic State
    recruiter and conspirator Neil Prakash", "Isis fighter Jack Letts"); None where none do.
    The post may be read into the group's mention ("Isis fighter") or lie between the two; a
    victim or a hostage of the group ("Isis hostage John Cantlie") is no member."""
    if {m.actor.sector for m in read} - {None, "CVL"}:
        return None
    for mention in read:
        if mention.cue == "pronoun" or mention.actor.person is None:
            continue
        for group in context.mentions:
            if (
                group.sentence != mention.sentence
                or group.end > mention.start
                or group.actor.sector != "REB"
                or not group.actor.organisation
            ):
                continue
            gap = MEMBERS_TITLE.fullmatch(text, group.end, mention.start)
            if gap is not None and (
                # the post between the two, or read into the group's mention ("Isis fighter")
                gap.group().strip()
                or MEMBERS_TITLE.fullmatch(" " + group.text.split()[-1] + " ") is not None
            ):
                return " ".join(text[group.start : mention.end].split())
    return None


def _unknown_name(mention: Mention, people: Mapping[str, Person]) -> str | None:
    """The folded name of the actor a mention reads by a name the tables lack; None for
    anything else (a state, a known person or body, an agent noun, a pronoun)."""
    actor = mention.actor
    if mention.cue not in NAME_CUES or actor.members or actor.organisation:
        return None
    if actor.person is not None:
        name = None if actor.person in people else actor.person
    else:
        # a firm named by its suffix, or by an apposition ("Big Machine, the record label")
        read_by_name = ("org-name", "name+apposition", *GUESSED_CUES)
        name = _strip_article(actor.name) if mention.cue in read_by_name else None
    # "Blue Origin" and "Blue Origin Inc." are one firm
    return LEGAL_FORM.sub("", fold(name)) if name else None


LEGAL_FORM = re.compile(  # on folded names: ", inc.", " ltd", " plc"
    r",?\s+(?:" + "|".join(w.lower() for w in (*FIRM_ABBREVIATIONS, "LLC", "Plc")) + r")\.?$"
)


def _paired(sentence: Sentence, mention: Mention) -> bool:
    """Whether "two" or "both" comes just before the mention ("the two prime ministers")."""
    before = sentence.text[
        max(0, mention.start - sentence.start - 30) : mention.start - sentence.start
    ]
    return PAIRED.search(before + " ") is not None or PAIRED.search(mention.text + " ") is not None


def _sentence_state(context: _Context, sentence: int) -> str | None:
    """The first state named in this sentence so far, if any; not a newspaper's ("the
    Guardian used it to find her in Petit Valley": no British place)."""
    for mention in context.mentions:
        if mention.sentence == sentence and mention.actor.country and not _news_outlet(mention):
            return mention.actor.country
    return None


def _recent_countries(context: _Context, n: int, officials: bool = False) -> list[str]:
    """The last `n` states the article named, latest first (only those of the government
    officials it named, if `officials`); [] if it named fewer."""
    seen: list[str] = []
    for mention in reversed(context.mentions):
        country = mention.actor.country
        if officials and not (mention.actor.person and mention.actor.sector == "GOV"):
            continue
        if country and country not in seen:
            seen.append(country)
        if len(seen) == n:
            return seen
    return []


def _names_end(name: list[str], words: list[str]) -> bool:
    """Whether `words` stand for the person `name` (its words) later in a text: its first
    word or its last, or its last words with their particle ("De Mistura" for "Staffan de
    Mistura")."""
    if len(words) == 1 and words[0] in (name[0], name[-1], ARABIC_ARTICLE.sub("", name[-1])):
        return True  # "Baghdadi" for "Abu Bakr al-Baghdadi"
    return [fold(w) for w in name[-len(words) :]] == [fold(w) for w in words]


def _surname_forms(name: str) -> set[str]:
    """How a person's surname may stand alone, folded: "Erdoğan" for "Recep Tayyip Erdogan",
    "Assad" or "al-Assad" for "Bashar al-Assad"."""
    last = fold(name.split()[-1])
    return {last, last.rsplit("-", 1)[-1]}


def _index(context: _Context, mention: Mention | None) -> int | None:
    if mention is None:
        return None
    for i, m in enumerate(context.mentions):
        if m is mention:
            return i
    return None
