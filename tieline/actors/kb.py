"""The actor knowledge base: states, their names, people with dated roles, organisations, and
the agent nouns that give a sector.

The tables live in `tieline/data/` as tab-separated files. Most are derived from the sources in
`../shared/data` by `tools/build_kb.py` (origin and licence in `tieline/data/README.md`); the
hand-kept ones under `tieline/data/manual/` carry a source for every row. `load_kb()` reads
them all once; callers pass the result on rather than keeping it in module state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntryKind(StrEnum):
    """What a gazetteer phrase names."""

    COUNTRY = "country"  # "Japan", "the Kingdom of Cambodia"
    DEMONYM = "demonym"  # "Japanese", "Cambodian" (adjective or people)
    CAPITAL = "capital"  # "Tokyo": the government when it acts ("Tokyo said")
    CITY = "city"  # "Kumamoto": a place in a country
    IGO = "igo"  # "ASEAN", "United Nations"
    INSTITUTION = "institution"  # "Japan Maritime Self-Defence Force", "JMSDF"
    COMPANY = "company"  # "Mitsubishi Corporation"
    ARMED_GROUP = "armed_group"  # "Hamas", "FARC"
    PERSON = "person"  # "Hun Sen", "Fumio Kishida"
    AGENT = "agent"  # "prime minister", "navy", "activist": a role giving a sector


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str  # common English name
    official_name: str
    form: str | None = None  # "kingdom", "republic", "emirate"...: what "the Kingdom" can mean
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A role a person held, with its dates (None: open at that end)."""

    country: str | None  # ISO3; None for an international organisation's officer
    sector: str  # GOV, MIL, JUD, ELI (elite: not in office), OPP...
    role: str  # "head of government", "foreign minister", "" when the source says no more
    start: dt.date | None
    end: dt.date | None
    source: str  # "manual", "reign", "archigos", "phoenix", "countryinfo"
    igo: str | None = None  # the organisation, for an officer of one

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    key: str  # stable id, e.g. "hun-sen"
    name: str  # display name, e.g. "Hun Sen"
    aliases: tuple[str, ...] = ()  # other spellings and orders: "Saito Tetsuo" for "Tetsuo Saito"
    terms: tuple[Term, ...] = ()
    country: str | None = None  # the person's country when known even without a term

    def role_on(self, day: dt.date | None) -> Term | None:
        """The term that holds on `day` (the latest term when no day is known); office terms
        (GOV, MIL, JUD...) win over ELI. None when no term covers the day."""
        raise NotImplementedError


@dataclass(frozen=True)
class Organisation:
    key: str  # stable id, e.g. "igo:asean", "inst:jpn-jmsdf", "company:mitsubishi-corporation"
    name: str
    kind: EntryKind  # IGO, INSTITUTION, COMPANY or ARMED_GROUP
    country: str | None  # ISO3 of an institution or a company's home; None for an IGO
    sector: str  # GOV, MIL, BUS, IGO, REB, NGO...
    aliases: tuple[str, ...] = ()
    code: str | None = None  # the source's own code, e.g. Phoenix's "IGOUNO"
    source: str = ""


@dataclass(frozen=True)
class Entry:
    """One phrase the gazetteer looks for, and what it names."""

    phrase: str  # as usually written: "Japan", "JMSDF", "prime minister"
    kind: EntryKind
    ref: str  # ISO3 (country, demonym, capital, city), a Person/Organisation key, or a sector
    case_sensitive: bool = False  # acronyms and words that are also common words: "US", "Chad"
    source: str = ""


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)  # by ISO3
    people: dict[str, Person] = field(default_factory=dict)  # by key
    organisations: dict[str, Organisation] = field(default_factory=dict)  # by key
    agents: dict[str, str] = field(default_factory=dict)  # lower-case agent noun → sector
    entries: list[Entry] = field(default_factory=list)  # every phrase the gazetteer matches
