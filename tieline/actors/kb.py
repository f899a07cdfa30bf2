"""The actor knowledge base: states, their names, people with dated roles, organisations, and
the agent nouns that give a sector.

The tables live in `tieline/data/` as tab-separated files. Most are derived from the sources in
`../shared/data` by `tools/build_kb.py` (origin and licence in `tieline/data/README.md`); the
hand-kept ones under `tieline/data/manual/` carry a source for every row. `load_kb()` reads
them all once; callers pass the result on rather than keeping it in module state.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # this module needs only the standard library (tools/build_kb.py reads it)
    from tieline.actors.local import LocalTables


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
    languages: tuple[str, ...] = ()  # official languages, ISO 639-3 ("eng", "ara")
    region: str = ""  # part of the world, mledoze's subregion ("Northern Europe")


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
    citation: str = ""  # for a hand-kept term: where its facts were checked

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
        (GOV, MIL, JUD...) win over ELI. None when no term covers the day.

        When several office terms cover the day, a hand-kept ("manual") term wins, then the
        one saying most about the office ("head of government" over "leader" over ""), then
        the most recent start."""
        if day is None:
            office = [t for t in self.terms if t.sector != ELITE] or list(self.terms)
            return max(office, key=lambda t: (_recency(t), _precedence(t)), default=None)
        covering = [t for t in self.terms if t.covers(day)]
        office = [t for t in covering if t.sector != ELITE] or covering
        return max(office, key=_precedence, default=None)


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
    citation: str = ""  # for a hand-kept row: where its facts were checked
    # One-word names a hand-kept row gives that are also ordinary words, matched only as
    # written: "Labour" the party, not "labour".
    written: tuple[str, ...] = ()


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
    # agent nouns a hand-kept table writes with capitals, found only so written ("Diet", the
    # Japanese parliament, not a "diet"; "Det Sgt"), by their lower-case key
    cased_agents: dict[str, str] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)  # every phrase the gazetteer matches
    # Folded place names of regions ("Darfur", "Crimea"): places, but not a city's people.
    regions: set[str] = field(default_factory=set)
    local: LocalTables | None = None  # the user's local tables merged in, and their problems


# ---------------------------------------------------------------- phrases and case

ELITE = "ELI"  # the sector of someone out of office
PARTY = "PTY"  # a political party
MANUAL = "manual"  # the source of every hand-kept row
# How much a role says about the office: used to choose between terms that cover one day.
ROLE_RANK = {
    "head of government": 4,
    "head of state": 4,
    "foreign minister": 3,
    "defence minister": 3,
    "minister": 2,
    "leader": 1,
    "": 0,
}
HEAD_ROLES = frozenset({"head of state", "head of government"})
# Offices one person holds at a time: a term of one left open ends when the next holder's
# starts.
SUCCEEDED_ROLES = HEAD_ROLES | {"foreign minister", "defence minister", "leader"}
# When each derived source of terms stops (see ../shared/data/*/SOURCE.md): CountryInfo.120116
# (2012-01-16), the Phoenix dictionaries (generated early 2014, a few terms into 2015), Archigos
# 4.1 (to 2015-12-31) and REIGN (leaderlist_3_21: March 2021). A term they leave open was held
# on that day; nothing is known of it after.
SOURCE_HORIZON = {
    "countryinfo": dt.date(2012, 1, 16),
    "phoenix": dt.date(2015, 3, 1),
    "archigos": dt.date(2016, 1, 1),
    "reign": dt.date(2021, 4, 1),
}
# Which source to believe first when two terms say as much.
SOURCE_RANK = {MANUAL: 5, "countryinfo": 4, "phoenix": 3, "reign": 2, "archigos": 1}


def _words(text: str) -> list[str]:
    return text.split()


# Words that are names in the tables and also ordinary lower-case English words: a phrase made
# only of them is matched as written ("Chad" the state, not "chad"; "Turkey", not "turkey"), a
# city of one such word is left out of the tables, and an organisation's or a person's name
# that is nothing else gives no gazetteer entry. Chosen by hand from the one-word phrases of
# the built tables (tools/build_kb.py), plus function words and the words of titles.
COMMON_WORDS = frozenset(
    _words(
        """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its just me more most my
    no nor not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with you your

    chad china turkey jordan guinea japan jersey guernsey bermuda panama chile nice reading
    split mobile bath male victoria kingston hamilton bale buffalo cork falcon hippo island kiwi
    kiwis latin marches moron olive phoenix pole poles swede tigers youth zero natal fez volta
    riviera gent champagne cornerstone foundation lightning saga java amnesty

    march may june august mark bill grant hope rich young king prince queen duke earl lord baron
    sultan emir president premier minister general admiral colonel major captain marshal
    chancellor governor mayor judge justice senator envoy ambassador leader chief
    army navy police court union party front state states republic kingdom nation nations
    government council committee commission congress parliament assembly senate cabinet
    ministry office bureau agency authority service services force forces guard guards
    border secret
    apple shell target gap chase sprint amazon orange sun star times post mail express mirror
    independent guardian observer herald tribune globe world news press
    north south east west central eastern western northern southern new old great little
    big upper lower middle high low red white black green blue gold golden silver
    liberty freedom peace unity progress reform victory labor labour
    free national popular democratic people peoples united federal royal imperial
    """
    )
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_FIRST_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """The key two spellings of one name share: no accents, lower case, words of letters and
    digits separated by single spaces ("Côte d'Ivoire" → "cote d ivoire")."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def is_common_word(phrase: str) -> bool:
    """True for a phrase that is an ordinary English word, or a run of them ("Of", "The Hope")."""
    first = _FIRST_WORD.search(phrase.casefold())
    if first is None or first.group(0) not in COMMON_WORDS:
        return False  # the usual case, decided without folding the whole phrase
    words = fold(phrase).split()
    return bool(words) and all(w in COMMON_WORDS for w in words)


def needs_case(phrase: str) -> bool:
    """Whether the gazetteer should match `phrase` only as written: all-capital acronyms of up
    to five letters ("US", "ASEAN", "U.N."), short acronyms in mixed case ("LeT", not "Let
    them go") and phrases that are common words ("Chad")."""
    return (
        bool(_ACRONYM.match(phrase.replace(" ", "")))
        or (len(phrase) <= MIXED_ACRONYM_LENGTH and bool(_MIXED_ACRONYM.match(phrase)))
        or is_common_word(phrase)
    )


MIXED_ACRONYM_LENGTH = 6
_MIXED_ACRONYM = re.compile(
    r"(?=[A-Za-z]*[a-z])[A-Za-z][a-z]*[A-Z][A-Za-z]*$"
)  # "LeT", "JeM": mixed case


def _recency(term: Term) -> tuple[dt.date, dt.date]:
    return (term.start or dt.date.min, term.end or dt.date.max)


def _precedence(term: Term) -> tuple[int, int, int, dt.date]:
    return (
        term.source == MANUAL,
        ROLE_RANK.get(term.role, 0),
        SOURCE_RANK.get(term.source, 0),
        term.start or dt.date.min,
    )


# ---------------------------------------------------------------- loading

DERIVED_TABLES = (
    "countries.tsv",
    "country_names.tsv",
    "igos.tsv",
    "institutions.tsv",
    "companies.tsv",
    "armed_groups.tsv",
    "people.tsv",
    "agents.tsv",
)
OFFICEHOLDERS = "manual/officeholders.tsv"
ORGANISATIONS = "manual/organisations.tsv"
NAMES = "manual/names.tsv"  # place names the derived tables lack or file wrongly
NOTABLES = "manual/notables.tsv"  # famous people of no office: business, celebrities, media
REGION = "region"  # a names.tsv kind: matched as a city, but a region's people are no city's
AGENTS = "manual/agents.tsv"  # agent nouns the derived tables lack or code otherwise
NOT_AN_AGENT = "-"  # in manual/agents.tsv (and as a kind in names.tsv): the phrase names none
# Which kind of organisation each derived table holds, and its key prefix.
ORG_TABLES = {
    "igos.tsv": EntryKind.IGO,
    "institutions.tsv": EntryKind.INSTITUTION,
    "companies.tsv": EntryKind.COMPANY,
    "armed_groups.tsv": EntryKind.ARMED_GROUP,
}
KEY_PREFIX = {
    EntryKind.IGO: "igo",
    EntryKind.INSTITUTION: "inst",
    EntryKind.COMPANY: "company",
    EntryKind.ARMED_GROUP: "armed",
}


def load_kb(data_dir: Path | None = None, local: Path | bool | None = True) -> KnowledgeBase:
    """Every table in `tieline/data/` (or `data_dir`), with the hand-kept ones in `manual/`
    merged over the derived ones, and the user's local tables (`tieline.actors.local`: the
    folder `local`, by default `local_tables_dir()`; False for none) over those. A missing
    manual or local folder or file is no error; the local rows skipped and why are in
    `kb.local.problems`."""
    from tieline.actors.local import local_tables_dir

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of acyclic records: the cycle collector finds nothing
    try:
        folder = local_tables_dir() if local is True else (local or None)
        return _load(_reader(data_dir), folder)
    finally:
        if collecting:
            gc.enable()


def load_given_names() -> dict[str, str]:
    """Given names, lower-cased, each a woman's ("f"), a man's ("m") or either's ("u"):
    `given_names.tsv`, written by tools/build_given_names.py. Read on first use only; the
    resolver needs it to match "she" to a woman."""
    return {row["name"]: row["gender"] for row in _reader(None)("given_names.tsv")}


# A town of GeoNames' whose state no text names is taken to be the largest of its name where
# that is a city (this many people) and this many times the size of any other.
TOWN_MIN = 100_000
TOWN_LEAD = 10


@cache
def load_world_towns() -> dict[str, list[tuple[str, int]]]:
    """The world's towns of 15,000 people or more (GeoNames, `world_towns.tsv`, written by
    tools/build_world_towns.py), by folded name: each state that has a town of the name, with
    the population of its largest, most populous first. Read on first use only, and once per
    process for the resolver and the events' place finder alike: they need it for a place the
    other tables lack. Not to be changed by its callers."""
    towns: dict[str, list[tuple[str, int]]] = {}
    for row in _reader(None)("world_towns.tsv"):
        towns.setdefault(fold(row["name"]), []).append((row["iso3"], int(row["population"])))
    for states in towns.values():
        states.sort(key=lambda state: -state[1])
    return towns


def dominant_town(states: list[tuple[str, int]]) -> tuple[str, int] | None:
    """Of the states with a town of one name (`load_world_towns`), the one whose town is a
    city (`TOWN_MIN`) `TOWN_LEAD` times the size of any other's: "Gyeongju" is South Korea's;
    "Bethany", towns of several states, is none."""
    largest, runner_up = states[0], states[1][1] if len(states) > 1 else 0
    return largest if largest[1] >= TOWN_MIN and largest[1] >= TOWN_LEAD * runner_up else None


def _load(read: Callable[[str], list[Row]], local_folder: Path | None = None) -> KnowledgeBase:
    from tieline.actors.local import read_local_tables

    kb = KnowledgeBase()
    kb.countries = {c.iso3: c for c in _countries(read("countries.tsv"))}
    mine = read_local_tables(local_folder, kb.countries) if local_folder else None
    kb.local = mine
    kb.agents = {row["phrase"]: row["sector"] for row in read("agents.tsv")}
    for row in read(AGENTS) + (mine.table("agents.tsv") if mine else []):
        phrase = row["phrase"].lower()
        if row["sector"] == NOT_AN_AGENT:
            kb.agents.pop(phrase, None)
            kb.cased_agents.pop(phrase, None)
        elif phrase:
            kb.agents[phrase] = row["sector"]
            if row["phrase"] != phrase:
                kb.cased_agents[phrase] = row["phrase"]
    for table, kind in ORG_TABLES.items():
        for org in _organisations(read(table), kind):
            kb.organisations[org.key] = org
    kb.people = _people(read("people.tsv"))
    officeholders, organisations, names = read(OFFICEHOLDERS), read(ORGANISATIONS), read(NAMES)
    if mine is not None:
        officeholders = _succeeded(officeholders, mine.table("officeholders.tsv"))
        organisations = _renamed(
            organisations, mine.table("organisations.tsv"), ("name", "aliases")
        )
        names = _renamed(names, mine.table("names.tsv"), ("phrase",))
    _merge_officeholders(kb.people, officeholders)
    notables = read(NOTABLES)
    if mine is not None:
        notables = _renamed(notables, mine.table("notables.tsv"), ("name", "aliases"))
    _merge_notables(kb.people, notables)
    _merge_organisations(kb.organisations, organisations)
    kb.regions = {fold(row["phrase"]) for row in names if row.get("kind") == REGION}
    kb.entries = _entries(kb, _with_manual_names(read("country_names.tsv"), names))
    return kb


def _office(row: Row) -> tuple[str, str, str | None]:
    return (row.get("country", ""), row.get("role", "").lower(), _igo_in(row.get("note", "")))


def _succeeded(shipped: list[Row], mine: list[Row]) -> list[Row]:
    """The shipped officeholder rows with the local ones after them: a local row replaces the
    shipped term it repeats (same name, country, role and start) and ends, on its start day,
    every shipped term of its office that is still open then."""
    if not mine:
        return shipped
    repeated = {(fold(r["name"]), *_office(r), r["start"]) for r in mine}
    starts: dict[tuple[str, str, str | None], list[str]] = {}
    for row in mine:
        starts.setdefault(_office(row), []).append(row["start"])
    kept = []
    for row in shipped:
        office = _office(row)
        if (fold(row.get("name", "")), *office, row.get("start", "")) in repeated:
            continue
        begun, ended = row.get("start", ""), row.get("end", "")
        after = [s for s in starts.get(office, ()) if s > begun and (not ended or s < ended)]
        kept.append({**row, "end": min(after)} if after else row)
    return kept + mine


def _renamed(shipped: list[Row], mine: list[Row], columns: tuple[str, ...]) -> list[Row]:
    """The shipped rows that give none of the names the local rows give, then the local rows."""
    if not mine:
        return shipped

    def names(row: Row) -> set[str]:
        return {fold(n) for column in columns for n in _split(row.get(column, ""))}

    taken = set().union(*(names(row) for row in mine))
    return [row for row in shipped if not names(row) & taken] + mine


Row = dict[str, str]


def _reader(data_dir: Path | None) -> Callable[[str], list[Row]]:
    def read(name: str) -> list[Row]:
        if data_dir is not None:
            path = data_dir / name
            text = path.read_text(encoding="utf-8") if path.is_file() else None
        else:
            resource = resources.files("tieline").joinpath("data", *name.split("/"))
            text = resource.read_text(encoding="utf-8") if resource.is_file() else None
        return _rows(text, hand_kept=name.startswith("manual/")) if text else []

    return read


def _rows(text: str, hand_kept: bool = False) -> list[Row]:
    """A tab-separated table with a header row. A hand-kept table may also have blank lines,
    "#" comment lines, short rows and stray spaces around cells."""
    lines = text.split("\n")
    header = lines[0].rstrip("\r").split("\t")
    if not hand_kept:  # written by tools/build_kb.py: one clean row per line
        return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line]
    return [row for _, row in numbered_rows(text)[1]]


def numbered_rows(text: str) -> tuple[list[str], list[tuple[int, Row]]]:
    """A hand-kept table's header and its rows, each with its line number: the header is the
    first line that is neither blank nor a "#" comment; cells are stripped and short rows
    padded."""
    header: list[str] | None = None
    rows = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append((number, dict(zip(header, cells, strict=False))))
    return header or [], rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


def _countries(rows: Iterable[Row]) -> Iterator[Country]:
    for row in rows:
        yield Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            name=row["name"],
            official_name=row["official_name"],
            form=row["form"] or None,
            capitals=_split(row["capitals"]),
            languages=_split(row.get("languages", "")),
            region=row.get("region", ""),
        )


def _organisations(rows: Iterable[Row], kind: EntryKind) -> Iterator[Organisation]:
    for row in rows:
        yield Organisation(
            key=row["key"],
            name=row["name"],
            kind=kind,
            country=row.get("country") or None,
            sector=row.get("sector") or _DEFAULT_SECTOR[kind],
            aliases=_split(row["aliases"]),
            code=row.get("code") or None,
            source=row.get("source", ""),
        )


_DEFAULT_SECTOR = {
    EntryKind.IGO: "IGO",
    EntryKind.INSTITUTION: "GOV",
    EntryKind.COMPANY: "BUS",
    EntryKind.ARMED_GROUP: "REB",
}


def _term(row: Row, dates: dict[str, dt.date | None]) -> Term:
    start, end = row.get("start", ""), row.get("end", "")
    if start not in dates:
        dates[start] = _date(start)
    if end not in dates:
        dates[end] = _date(end)
    return Term(
        row.get("country") or None,
        row["sector"],
        row.get("role", ""),
        dates[start],
        dates[end],
        row.get("source", ""),
        row.get("igo") or None,
    )


def _people(rows: Iterable[Row]) -> dict[str, Person]:
    """One person per key: the name from the first row, aliases from any row, a term a row."""
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["key"], []).append(row)
    dates: dict[str, dt.date | None] = {}
    people = {}
    for key, group in grouped.items():
        terms = tuple([_term(r, dates) for r in group])
        aliases = group[0]["aliases"] if len(group) == 1 else "|".join(r["aliases"] for r in group)
        people[key] = Person(key, group[0]["name"], _split(aliases), terms, _main_country(terms))
    return people


def _main_country(terms: Iterable[Term]) -> str | None:
    counts: dict[str, int] = {}
    for term in terms:
        if term.country:
            counts[term.country] = counts.get(term.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _merge_officeholders(people: dict[str, Person], rows: Iterable[Row]) -> None:
    """Hand-kept terms join the person they name (same name or alias, same country) or make a
    new one. Where a hand-kept term overlaps a derived office term, the derived term keeps only
    the days outside it; derived ELI terms, the fallback when no office is held, stay whole."""
    rows = list(rows)
    _close_stale_terms(people, rows)
    if not rows:
        return
    wanted = {
        _last_word(n) for r in rows for n in [r.get("name", ""), *_split(r.get("aliases", ""))]
    }
    countries = {r.get("country", "") for r in rows}
    index: dict[tuple[str, str], str] = {}
    for person in people.values():
        if (person.country or "") not in countries and not any(
            (t.country or "") in countries for t in person.terms
        ):
            continue
        names = [n for n in (person.name, *person.aliases) if _last_word(n) in wanted]
        if not names:
            continue  # no hand-kept row can name this person: skip the costly fold
        domains = {person.country or ""} | {t.country or "" for t in person.terms}
        for name in names:
            for country in domains:
                index.setdefault((fold(name), country), person.key)
    grouped: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        if row.get("name") and row.get("sector"):
            grouped.setdefault((fold(row["name"]), row.get("country", "")), []).append(row)
    for (_, country), group in grouped.items():
        names = [group[0]["name"]] + [a for r in group for a in _split(r.get("aliases", ""))]
        dates: dict[str, dt.date | None] = {}
        terms = tuple(
            replace(
                _term(r, dates),
                source=MANUAL,
                citation=r.get("source", ""),
                igo=r.get("igo") or _igo_in(r.get("note", "")),
            )
            for r in group
        )
        key = next((index[(fold(n), country)] for n in names if (fold(n), country) in index), None)
        if key is None:
            key = _surname_only(people, index.get((fold(_last_word(names[0])), country)), terms)
        if key is None:
            key = _free_key(people, _slug(names[0]) + (f"-{country.lower()}" if country else ""))
            people[key] = Person(
                key, names[0], _unique(names[1:], names[0]), terms, country or None
            )
            continue
        old = people[key]
        kept = tuple(piece for t in old.terms for piece in _outside(t, terms))
        name = old.name if " " in old.name.strip() else names[0]  # "Johnson": "Boris Johnson"
        aliases = _unique([*old.aliases, old.name, *names], name)
        people[key] = replace(old, name=name, aliases=aliases, terms=terms + kept)


def _merge_notables(people: dict[str, Person], rows: Iterable[Row]) -> None:
    """Famous people who hold no office ("Elon Musk": USA BUS, "Taylor Swift": USA ELI) are
    people of one undated term: their state and the sector they act in, on any day. One the
    tables know already by that name and state keeps what they know, and gains it."""
    rows = [row for row in rows if row.get("name") and row.get("sector")]
    wanted = {_last_word(n) for r in rows for n in (r["name"], *_split(r.get("aliases", "")))}
    index = {
        (fold(name), person.country or ""): person.key
        for person in people.values()
        for name in (person.name, *person.aliases)
        if _last_word(name) in wanted  # no other can be named alike: skip the costly fold
    }
    for row in rows:
        name, country = row["name"], row.get("country", "")
        aliases = _split(row.get("aliases", ""))
        term = replace(_term(row, {}), source=MANUAL, citation=row.get("source", ""))
        key = next(
            (index[(fold(n), country)] for n in (name, *aliases) if (fold(n), country) in index),
            None,
        )
        if key is None:
            key = _free_key(people, f"{_slug(name)}-{country.lower()}")
            people[key] = Person(key, name, _unique(aliases, name), (term,), country or None)
        else:
            old = people[key]
            people[key] = replace(
                old, aliases=_unique([*old.aliases, *aliases], old.name), terms=(*old.terms, term)
            )


def _surname_only(
    people: dict[str, Person], key: str | None, terms: tuple[Term, ...]
) -> str | None:
    """`key` when it is a person the derived tables know by a surname alone (REIGN's
    "Johnson") who held an office while a hand-kept term ran: the same person."""
    person = people.get(key or "")
    if person is None or " " in person.name.strip():
        return None
    overlapping = any(t.sector != ELITE and _overlap(t, m) for t in person.terms for m in terms)
    return key if overlapping else None


def _overlap(a: Term, b: Term) -> bool:
    return _meet(a.start, a.end, b.start, b.end)


Day = dt.date | None  # a term's start or end; None: open at that end


def _meet(start: Day, end: Day, other_start: Day, other_end: Day) -> bool:
    """Whether two spans of days (None: open at that end; the end day excluded) share a day."""
    return (start is None or other_end is None or start < other_end) and (
        other_start is None or end is None or other_start < end
    )


# The sectors of the state offices a hand-kept country's rows vouch for: a rebel commander's,
# an opposition leader's or a spy chief's derived term is not closed by them.
STATE_OFFICE_SECTORS = frozenset({"GOV", "MIL"})


def _close_stale_terms(people: dict[str, Person], rows: Iterable[Row]) -> None:
    """A derived term left open was held when its source stopped (`SOURCE_HORIZON`); after
    that it is not known. It ends when the next holder of its office takes over (a main office:
    `SUCCEEDED_ROLES`, by any source), and where the hand-kept rows cover the office (the same
    country and role; for a "leader" or a lesser office, a country whose head of state or
    government they list, for a government or military office) at its source's horizon at the
    latest: they say who held it since.
    A term starting after its end is dropped. So Yasuo Fukuda is not Japan's prime minister in
    2026; Eritrea's president, whom no later source succeeds, stays open: the best guess left."""
    rows = list(rows)
    offices = {(r.get("country", ""), r.get("role", "").lower()) for r in rows if r.get("country")}
    headed = {country for country, role in offices if role in HEAD_ROLES}
    starts: dict[tuple[str, str], list[tuple[dt.date, str]]] = {}  # (start, holder) by office
    stale: dict[str, Person] = {}  # people with a term to close, by key
    for person in people.values():
        for term in person.terms:
            if term.start is not None and term.role in SUCCEEDED_ROLES and term.country:
                starts.setdefault((term.country, term.role), []).append((term.start, person.key))
            if _left_open(term):
                stale[person.key] = person
    for row in rows:  # a hand-kept row not yet joined to a person: its holder is its name
        role, start = row.get("role", "").lower(), _date(row.get("start", ""))
        if role in SUCCEEDED_ROLES and row.get("country") and start is not None:
            starts.setdefault((row["country"], role), []).append((start, fold(row["name"])))
    for person in stale.values():
        terms = []
        for term in person.terms:
            if not _left_open(term):
                terms.append(term)
                continue
            country = term.country or ""
            holders = starts.get((country, term.role), ())
            covered = (country, term.role) in offices or (
                country in headed and term.sector in STATE_OFFICE_SECTORS
            )
            if not holders and not covered:
                terms.append(term)  # nothing known after it
                continue
            me = (person.key, fold(person.name))
            later = [
                start
                for start, holder in holders
                if holder not in me and (term.start is None or start > term.start)
            ]
            if covered:
                later.append(SOURCE_HORIZON[term.source])
            end = min(later, default=None)
            if end is None:
                terms.append(term)
            elif term.start is None or term.start < end:
                terms.append(replace(term, end=end))
        if terms != list(person.terms):
            people[person.key] = replace(person, terms=tuple(terms))


def _left_open(term: Term) -> bool:
    """An office term a derived source leaves open: held when the source stopped."""
    return term.end is None and term.source in SOURCE_HORIZON and term.sector != ELITE


def _last_word(name: str) -> str:
    """A cheap key that two names `fold` makes equal always share: the last run of letters
    or digits, folded ("Ban Ki-Moon" and "Ban Ki Moon" → "moon", "Erdoğan" → "erdogan")."""
    words = name.split()
    if not words:
        return ""
    last = words[-1].casefold() if words[-1].isascii() else fold(words[-1])
    runs = _NOT_WORD.split(last)
    return next((r for r in reversed(runs) if r), "")


def _igo_in(note: str) -> str | None:
    """The organisation a hand-kept note names first: "igo:UN; acting" → "UN"."""
    match = re.match(r"\s*igo:([^;,\s]+)", note)
    return match.group(1) if match else None


# The longest piece of a derived term a hand-kept one cuts off that is read as the derived
# source's rounding of dates to the month, and dropped.
SLIVER_DAYS = 45


def _outside(term: Term, manual: Iterable[Term]) -> list[Term]:
    """The days of a derived office term outside the hand-kept terms of the same person."""
    if term.sector == ELITE or term.source == MANUAL:
        return [term]
    pieces = [(term.start, term.end)]
    for m in manual:
        cut = []
        for start, end in pieces:
            if not _meet(start, end, m.start, m.end):
                cut.append((start, end))
                continue
            if m.start is not None and (start is None or start < m.start):
                cut.append((start, m.start))
            if m.end is not None and (end is None or m.end < end):
                cut.append((m.end, end))
        pieces = cut
    # what a cut leaves of a month-dated term beside a hand-kept one (REIGN ends Temer's rule
    # on 2019-01-31, Obama's on 2017-01-31) is the derived source's rounding, not a term
    return [
        replace(term, start=s, end=e)
        for s, e in pieces
        if (s, e) == (term.start, term.end) or s is None or e is None or (e - s).days > SLIVER_DAYS
    ]


@dataclass(frozen=True)
class _HandOrg:
    kind: EntryKind
    country: str
    names: tuple[str, ...]  # the name first
    row: Row


def _hand_orgs(rows: Iterable[Row]) -> list[_HandOrg]:
    kinds = {kind.value: kind for kind in KEY_PREFIX}
    out = []
    for row in rows:
        kind = kinds.get(row.get("kind", "").strip().lower())
        if kind is None or not row.get("name"):
            continue
        country = "" if kind is EntryKind.IGO else row.get("country", "")
        out.append(_HandOrg(kind, country, (row["name"], *_split(row.get("aliases", ""))), row))
    return out


def _merge_organisations(orgs: dict[str, Organisation], rows: Iterable[Row]) -> None:
    """A hand-kept organisation replaces the derived one of the same kind and country whose
    name it gives (as its name or an alias; each derived one at most once), keeping the
    derived key, code and aliases; otherwise it is added. Any name a hand-kept row gives is
    then taken from every derived organisation's aliases, and a derived organisation of the
    same kind whose own name it is (filed under no state or another) is dropped: the hand-kept
    row wins the phrase. Hand-kept rows may share a name ("PNP": the Philippine police and
    Jamaica's People's National Party); the resolver reads it as the body of the state the
    article names more."""
    hand = _hand_orgs(rows)
    if not hand:
        return
    wanted = {_last_word(n) for h in hand for n in h.names}
    by_name: dict[tuple[EntryKind, str, str], str] = {}
    for org in orgs.values():
        if _last_word(org.name) in wanted:  # a cheap test first: most names match no row
            by_name.setdefault((org.kind, fold(org.name), org.country or ""), org.key)
    targets: dict[int, str] = {}
    for number, h in enumerate(hand):
        keys = [by_name.get((h.kind, fold(n), h.country)) for n in h.names]
        key = next((k for k in keys if k and k not in targets.values()), None)
        if key:
            targets[number] = key
    owner: dict[str, str] = {}  # folded phrase → the key of the hand-kept row that names it
    for number, h in enumerate(hand):
        old = orgs.get(targets.get(number, ""))
        key = old.key if old else _new_org_key(orgs, h)
        others = [*((old.name, *old.aliases) if old else ()), *h.names[1:]]
        orgs[key] = Organisation(
            key=key,
            name=h.names[0],
            kind=h.kind,
            country=h.country or None,
            sector=h.row.get("sector") or (old.sector if old else _DEFAULT_SECTOR[h.kind]),
            aliases=_unique(others, h.names[0]),
            code=old.code if old else None,
            source=MANUAL,
            citation=h.row.get("source", ""),
            written=tuple(n for n in h.names if " " not in n and is_common_word(n)),
        )
        for name in h.names:
            owner.setdefault(fold(name), key)
    for key, org in list(orgs.items()):
        if _last_word(org.name) in wanted and org.source != MANUAL:
            holder = orgs.get(owner.get(fold(org.name), key))
            if holder is not None and holder.key != key and holder.kind is org.kind:
                # A derived double of a hand-kept body ("Abu Sayyaf", filed under no state):
                # dropped, its other names ("Joseph Kony" for the LRA) going to the body.
                extra = [a for a in org.aliases if fold(a) not in owner]
                orgs[holder.key] = replace(
                    holder, aliases=_unique([*holder.aliases, *extra], holder.name)
                )
                del orgs[key]
                continue
        if org.source == MANUAL:
            continue  # hand-kept rows may share a name ("PNP"): the article's states decide
        kept = tuple(
            a for a in org.aliases if _last_word(a) not in wanted or owner.get(fold(a), key) == key
        )
        if len(kept) < len(org.aliases):
            orgs[key] = replace(org, aliases=kept)


def _new_org_key(orgs: dict[str, Organisation], hand: _HandOrg) -> str:
    suffix = f"-{hand.country.lower()}" if hand.country else ""
    # a non-governmental body filed with the IGOs is keyed as Phoenix keys one: "ngo:..."
    prefix = "ngo" if hand.row.get("sector") == "NGO" else KEY_PREFIX[hand.kind]
    return _free_key(orgs, f"{prefix}:{_slug(hand.names[0])}{suffix}")


def _slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def _free_key(
    taken: dict[str, object] | dict[str, Person] | dict[str, Organisation], key: str
) -> str:
    candidate, number = key, 2
    while candidate in taken:
        candidate, number = f"{key}-{number}", number + 1
    return candidate


def _unique(names: Iterable[str], besides: str) -> tuple[str, ...]:
    """`names` without repeats or `besides`. An acronym matched only as written and a name
    written like a word are two names ("ISIS" and the Guardian's "Isis")."""
    seen = {_spelling(besides)}
    out = []
    for name in names:
        if name and _spelling(name) not in seen:
            seen.add(_spelling(name))
            out.append(name)
    return tuple(out)


def _spelling(name: str) -> str:
    return name if needs_case(name) else fold(name)


# ---------------------------------------------------------------- gazetteer entries


def _with_manual_names(derived: list[Row], manual: list[Row]) -> list[Row]:
    """Derived place names, with every phrase the hand-kept table lists taken from it; a row of
    kind "-" only takes it ("Fatah", which Phoenix files among Palestinian towns)."""
    mine = {row["phrase"].casefold() for row in manual}
    return [row for row in derived if row["phrase"].casefold() not in mine] + [
        {
            **row,
            "kind": EntryKind.CITY.value if row.get("kind") == REGION else row["kind"],
            "source": row.get("source") or MANUAL,
        }
        for row in manual
        if row["phrase"] and row.get("kind") != NOT_AN_AGENT
    ]


# A group named by a date or a day alone ("May 15", "17 November", "Black Friday") or by a
# number alone (Phoenix's Pakistani "313"): found far more often as a date or a count ("313
# people were killed"); its full name ("Revolutionary Organization 17 November") still names
# it. (Tuesday Morning Corp and Ruby Tuesday, firms, keep theirs.)
DATE_NAME = re.compile(
    r"^(?:\d[\d,.]*"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|(?:black|cyber|bloody|good) (?:mon|tues|wednes|thurs|fri|satur|sun)day)$",
    re.I,
)


# Aliases of a source's that in today's news name something else: "La Liga" (Phoenix's alias
# of a Mexican armed group of the 1970s) is Spain's football league.
OTHER_SENSE = frozenset({"la liga"})


def _entries(kb: KnowledgeBase, name_rows: Iterable[Row]) -> list[Entry]:
    """One entry per phrase and what it names: country names (with the table's own case
    flags), organisations, people by full name only, and agent nouns. The tables and the
    merges already give each phrase once per thing named."""
    entries: list[Entry] = []
    kinds = {kind.value: kind for kind in EntryKind}
    for row in name_rows:
        kind = kinds.get(row["kind"])
        if kind is not None and row["phrase"]:
            case = row.get("case_sensitive") == "1"
            entries.append(Entry(row["phrase"], kind, row["iso3"], case, row["source"]))
    for org in kb.organisations.values():
        for phrase in (org.name, *org.aliases):
            if len(phrase) < 2 or DATE_NAME.match(phrase) or phrase.casefold() in OTHER_SENSE:
                continue
            if phrase in org.written:
                entries.append(Entry(phrase, org.kind, org.key, True, org.source))
            elif " " in phrase or not is_common_word(phrase) or _ACRONYM.match(phrase):
                entries.append(Entry(phrase, org.kind, org.key, needs_case(phrase), org.source))
    for person in kb.people.values():
        source = person.terms[0].source if person.terms else ""
        for phrase in (person.name, *person.aliases):
            if " " in phrase.strip():  # full names only: never a bare surname
                # a name that opens with an ordinary word ("To Lam", "So Chol") only as
                # written: "Beijing's diktats to Lam" names no Vietnamese leader
                case = needs_case(phrase) or is_common_word(phrase.split()[0])
                entries.append(Entry(phrase, EntryKind.PERSON, person.key, case, source))
    for phrase, sector in kb.agents.items():
        written = kb.cased_agents.get(phrase)
        entries.append(Entry(written or phrase, EntryKind.AGENT, sector, bool(written), "agents"))
    return entries


# ---------------------------------------------------------------- lookups


def country_named(kb: KnowledgeBase, text: str) -> str | None:
    """The ISO 3166 alpha-3 code `text` is or names ("JPN", "jpn", "Japan"), if any."""
    if text.strip().upper() in kb.countries:
        return text.strip().upper()
    wanted = fold(text)
    return next((c.iso3 for c in kb.countries.values() if fold(c.name) == wanted), None)


def office_holders(kb: KnowledgeBase, country: str, day: dt.date) -> list[tuple[Person, Term]]:
    """Who held an office of `country` on `day`, with the term that says so: one row per
    person and role, the offices news cites most first (head of state and of government,
    foreign and defence ministers)."""
    found: dict[tuple[str, str], tuple[Person, Term]] = {}
    for person in kb.people.values():
        for term in person.terms:
            if term.country == country and term.sector != ELITE and term.covers(day):
                mine = found.get((person.key, term.role))
                if mine is None or _precedence(term) > _precedence(mine[1]):
                    found[(person.key, term.role)] = (person, term)
    return sorted(found.values(), key=lambda pt: (-ROLE_RANK.get(pt[1].role, 0), pt[1].role))


def people_named(kb: KnowledgeBase, query: str) -> list[Person]:
    """The people whose name or an alias is `query` (accents and case aside); when none is,
    those whose name holds its words in order ("Kishida", "Hun Sen")."""
    wanted = fold(query)
    if not wanted:
        return []
    exact, partial = [], []
    pattern = re.compile(rf"(?:^| ){re.escape(wanted)}(?: |$)")
    for person in kb.people.values():
        names = [fold(n) for n in (person.name, *person.aliases)]
        if wanted in names:
            exact.append(person)
        elif any(pattern.search(n) for n in names):
            partial.append(person)
    return exact or partial


def local_table_problems(folder: Path | None = None) -> list[str]:
    """Why rows of the user's local tables (`folder`, by default `local_tables_dir()`) will be
    skipped, read without loading the rest of the knowledge base."""
    from tieline.actors.local import local_tables_dir, read_local_tables

    countries = {row["iso3"] for row in _reader(None)("countries.tsv")}
    return read_local_tables(folder or local_tables_dir(), countries).problems
