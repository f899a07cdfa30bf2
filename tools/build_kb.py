"""Build the actor knowledge base tables in `tieline/data/` from the sources in ../shared/data.

    .venv/bin/python tools/build_kb.py [--data ../shared/data] [--out tieline/data]

The data folder defaults to $TIELINE_SHARED_DATA, else `<repo>/../shared/data`. The output is
deterministic: rows are sorted, nothing depends on the clock or on hash order, so two runs on
the same sources give byte-identical tables (tests/tools/test_build_kb.py checks that, and that
the committed tables match the script). `tieline/data/README.md` says where each table comes
from, under which licence, and how it was derived; the rules below are the detail.

Offline only: the package never imports this script.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def _loader_rules() -> ModuleType:
    """tieline/actors/kb.py, read on its own (it needs only the standard library): the build
    folds names and decides case as the loader does, without importing the rest of tieline."""
    spec = importlib.util.spec_from_file_location("_tieline_kb", REPO / "tieline/actors/kb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


_RULES = _loader_rules()
fold: Callable[[str], str] = _RULES.fold
is_common_word: Callable[[str], bool] = _RULES.is_common_word
needs_case: Callable[[str], bool] = _RULES.needs_case

PHOENIX = "phoenix-petrarch2-dictionaries"
COUNTRYINFO = "countryinfo/CountryInfo.120116.txt"
MLEDOZE = "mledoze-countries/countries.json"
NGEC = "ngec-country-lists"
ARCHIGOS = "archigos-4.1/Archigos_4.1.csv"
REIGN = "reign-leaders/leaderlist_3_21.csv"

# Two-digit years in Phoenix dates: the file was generated in January 2014 and its earliest
# six-digit years are 1931 (older dates are written with eight digits), so 00-30 are 20xx.
CENTURY_PIVOT = 30

# ISO 3166 alpha-3 codes the sources use for a state whose current code differs.
ISO3_VARIANTS = {
    "ROM": "ROU",  # Romania before 2002
    "ZAR": "COD",  # Zaire
    "TMP": "TLS",  # East Timor
    "KSV": "XKX",  # Kosovo in Phoenix and CountryInfo
    "KOS": "XKX",
    "UNK": "XKX",  # Kosovo in mledoze (user-assigned)
    "GDR": "DDR",
}
# Former states that people's terms may still name (ISO 3166-3 alpha-3 codes).
FORMER_STATES = {"SUN", "YUG", "DDR", "CSK", "SCG", "YMD", "ANT"}

# mledoze alt spellings of two letters are ISO codes; these short forms are real usage.
SHORT_FORMS = {"UK", "US", "USA", "UAE", "DRC", "PRC", "ROK", "DPRK", "RSA", "KSA"}
# Hand-kept short forms missing from the sources (source "tieline").
EXTRA_SHORT_FORMS = {
    "PRC": "CHN",
    "ROK": "KOR",
    "DPRK": "PRK",
    "KSA": "SAU",
    "DRC": "COD",
    "UAE": "ARE",
}
# Bare words the sources give to two states: the gazetteer maps them to neither.
AMBIGUOUS_WORDS = {"congo", "congolese", "korea", "korean", "koreans", "guinean", "guineans"}


# ---------------------------------------------------------------- text


PARTICLES = {
    "of", "the", "and", "for", "on", "in", "to", "at", "de", "del", "della", "der", "den",
    "di", "da", "dos", "das", "do", "du", "des", "la", "le", "van", "von", "y", "e", "et",
    "al", "bin", "ibn", "bint", "el", "ul", "ud", "against", "with", "by", "from",
}  # fmt: skip
KNOWN_ACRONYMS = frozenset({
    "UN", "EU", "US", "USA", "UK", "NATO", "ASEAN", "AU", "OAS", "OPEC", "IMF", "WTO", "IAEA",
    "UNICEF", "UNESCO", "UNHCR", "UNDP", "UNEP", "UNFPA", "ICC", "ICJ", "ECOWAS", "PLA", "FARC",
    "ETA", "IRA", "PKK", "LTTE", "CIA", "FBI", "KGB", "FSB", "ANC", "BBC", "CNN", "AFP", "NGO",
    "OSCE", "SAARC", "APEC", "OECD", "GCC", "CIS", "SCO", "BRICS", "ILO", "FAO", "WFP", "IOM",
    "UNRWA", "ICRC", "MSF", "HRW", "ELN", "MILF", "MNLF", "NPA", "SPLA", "SPLM", "RUF", "UNITA",
    "MPLA", "FRELIMO", "RENAMO", "PLO", "PFLP", "DFLP", "AQAP", "AQIM", "ISIS", "ISIL", "JMSDF",
    "SDF", "YPG", "PYD", "KDP", "PUK", "NLD", "CPP", "BJP", "LDP", "DPJ", "KMT", "DPP", "PAP",
    "UMNO", "ZANU", "PF", "MDC", "SWAPO", "SADC", "ECCAS", "IGAD", "COMESA", "CARICOM", "EFTA",
    "NAFTA", "WHO", "UNSC", "UNGA", "IFAD", "UNIDO", "WIPO", "ITU", "IPU", "OIC", "OAPEC",
    "BIS", "EBRD", "ADB", "AFDB", "IDB", "IOC", "UAE", "DRC", "PRC", "ROK", "DPRK", "CPPCC",
    "NPC", "PBOC", "CCP", "CPC", "SCAF", "IRGC", "MEK", "PMF", "LNA", "GNA", "RSF", "SAF",
})  # fmt: skip
GIVEN_NAMES = frozenset({"IRA", "ETA", "PAP", "LEE", "AU", "PF"})  # acronyms that are names too
PERSON_ACRONYMS = frozenset({"FDR", "JFK", "LBJ", "MBS", "MBZ", "AMLO", "PM", "MP"})
ROMAN = re.compile(r"^[IVX]{1,4}$")
VOWELS = set("AEIOUY")


def clean_cell(value: str) -> str:
    """A value safe for a TSV cell: no tabs, newlines or doubled spaces."""
    value = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\ufffd]", "", value)
    return re.sub(r"\s+", " ", value).strip()


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _case_part(part: str, first: bool, last: bool, person: bool) -> str:
    upper = part.upper()
    letters = re.sub(r"[^A-Z]", "", ascii_fold(upper))
    if not letters:
        return part
    if person:  # "UN Secretary-General", "JFK", but "Ira", "Mr", "Jr", "St", "Ng", "Hng"
        acronym = upper in (KNOWN_ACRONYMS | PERSON_ACRONYMS) and upper not in GIVEN_NAMES
    else:
        acronym = upper in KNOWN_ACRONYMS or (2 <= len(letters) <= 5 and not VOWELS & set(letters))
    if acronym:
        return upper
    if "." in part and re.fullmatch(r"([A-Z]\.)+[A-Z]?\.?", upper):
        return upper  # initials and dotted acronyms: "H.W.", "U.N."
    if ROMAN.match(upper) and last and not first:  # a regnal number: "Abdullah II"
        return upper
    if not first and upper.lower() in PARTICLES:
        return upper.lower()
    if "'" in part:
        head, _, tail = part.partition("'")
        if len(head) == 1 and tail:
            head = head.lower() if head.upper() in "DL" and not first else head.upper()
            return head + "'" + tail[:1].upper() + tail[1:].lower()
        return head[:1].upper() + head[1:].lower() + "'" + tail.lower()
    if upper.startswith("MC") and len(upper) > 3:
        return "Mc" + upper[2].upper() + upper[3:].lower()
    return upper[:1] + upper[1:].lower()


def natural_case(raw: str, person: bool = False) -> str:
    """A TABARI phrase in natural case: "PHNOM_PENH_" → "Phnom Penh", "U.N._SECURITY_COUNCIL"
    → "U.N. Security Council"; acronyms stay upper case, except in a `person`'s name ("Ira",
    "Ng")."""
    text = re.sub(r"[_\s]+", " ", raw).strip(" ,;")
    probe = re.sub(r"'s\b", "", text)
    if probe != probe.upper():
        return clean_cell(text)  # already cased by its source
    words = []
    raw_words = text.split(" ")
    for index, word in enumerate(raw_words):
        parts = word.split("-")
        last = index == len(raw_words) - 1
        cased = [_case_part(p, index == 0 and i == 0, last, person) for i, p in enumerate(parts)]
        words.append("-".join(cased))
    return clean_cell(" ".join(words))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def is_acronym(phrase: str) -> bool:
    letters = phrase.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 7


# ---------------------------------------------------------------- dates


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, with a day past the month's end (the sources have "20041131") pulled back."""
    if not (1 <= month <= 12) or year < 1000:
        return None
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(max(day, 1), last))


def tabari_date(digits: str) -> dt.date | None:
    """YYMMDD or YYYYMMDD; the ten-digit typo "1920030320" is read as its last eight digits."""
    if len(digits) == 10 and digits.startswith("19"):
        digits = digits[2:]
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= CENTURY_PIVOT else 1900 + yy
        return make_date(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 8:
        return make_date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    return None


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# ---------------------------------------------------------------- TABARI dictionaries


@dataclass(frozen=True)
class CodeSpan:
    """One [CODE restriction] of a dictionary entry; both dates None for a default code."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    note: str = ""  # the comment on the code's line, e.g. "# Acting PM"

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class DictGroup:
    """Primary phrases with their synonyms, and the codes they share (PETRARCH's reading: a
    primary phrase with no code takes the codes of the next coded one). `entries` keeps each
    primary with its own `+` synonyms: one body each, though they share a code."""

    entries: list[list[str]] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def phrases(self) -> list[str]:
        return [phrase for entry in self.entries for phrase in entry]


CODE_SPEC = re.compile(r"\[\s*([A-Za-z-][A-Za-z0-9-]*)\s*([^\]]*)\]")


def parse_code(code: str, restriction: str, note: str = "") -> CodeSpan | None:
    """`[KHMGOV 850114-930702]`, `[USAGOV >090120]`, `[X <031201]`, `[AFGELI]`; None when the
    restriction cannot be read (PETRARCH skips those lines too)."""
    rest = restriction.strip()
    code = code.upper()
    if not rest:
        return CodeSpan(code, note=note)
    if rest[0] in "<>":
        digits = re.sub(r"\D", "", rest)
        day = tabari_date(digits)
        if day is None:
            return None
        return (
            CodeSpan(code, None, day, note) if rest[0] == "<" else CodeSpan(code, day, None, note)
        )
    match = re.fullmatch(r"(\d+)\s*-\s*(\d+)", rest)
    if not match:
        return None
    start, end = tabari_date(match.group(1)), tabari_date(match.group(2))
    if start is None or end is None or end < start:
        return None
    return CodeSpan(code, start, end, note)


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.rstrip(), comment.strip()


def read_actor_dictionary(path: Path) -> list[DictGroup]:
    """A TABARI/PETRARCH actor dictionary: primary phrases, `+` synonyms, and `[CODE dates]`
    either on the primary's line or on indented lines after it; `#` starts a comment."""
    groups: list[DictGroup] = []
    current: DictGroup | None = None
    coded = False  # the current group has code lines, read or not
    for raw in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!"):
            continue
        body, comment = _split_comment(raw.rstrip())
        if raw[0] in " \t" and "[" in body:  # indented codes of the current entry
            if current is not None:
                current.codes.extend(_codes(body, comment))
                coded = True
            continue
        body = body.strip()  # (a stray indented phrase is read as a primary)
        text = body.split("[", 1)[0]
        if body.startswith("+"):
            if current is not None:
                current.entries[-1].append(text[1:].strip())
            continue
        # A primary whose only code lines cannot be read ("[GBRGOV >201005011]", nine digits)
        # ends its group with no codes, rather than taking the next person's (PETRARCH's
        # reading would give David Cameron Alan Johnson's ministries).
        if current is None or coded:
            current = DictGroup()
            groups.append(current)
            coded = False
        current.entries.append([text.strip()])
        current.codes.extend(_codes(body, comment))
        coded = coded or CODE_SPEC.search(body) is not None
        if comment:
            current.comments.append(comment)
    return [g for g in groups if g.codes and any(p.strip("_ ") for p in g.phrases)]


def _codes(body: str, note: str) -> list[CodeSpan]:
    spans = (parse_code(m.group(1), m.group(2), note) for m in CODE_SPEC.finditer(body))
    return [span for span in spans if span is not None]


@dataclass(frozen=True)
class AgentLine:
    phrase: str  # lower case, words separated by spaces
    code: str  # the agent code without "~"


IRREGULAR_PLURAL_ENDINGS = (("man", "men"), ("person", "people"), ("child", "children"))
NO_PLURAL = {
    "police", "personnel", "military", "staff", "people", "clergy", "media", "press", "public",
    "intelligence", "leadership", "security", "government", "opposition", "youth", "aid",
    "infantry", "artillery", "cavalry", "navy", "army", "judiciary", "legislature",
}  # fmt: skip


def plural(phrase: str) -> str | None:
    """The regular plural of an agent phrase's last word, or None when it has none."""
    head, _, last = phrase.rpartition(" ")
    if not last.isalpha() or last in NO_PLURAL or (last.endswith("s") and not last.endswith("ss")):
        return None
    for singular, plural_end in IRREGULAR_PLURAL_ENDINGS:
        if last.endswith(singular):
            word = last[: -len(singular)] + plural_end
            break
    else:
        if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
            word = last[:-1] + "ies"
        elif last.endswith(("s", "x", "z", "ch", "sh")):
            word = last + "es"
        else:
            word = last + "s"
    return f"{head} {word}".strip()


def read_agent_dictionary(path: Path) -> list[AgentLine]:
    """Agent nouns with their codes, plurals and !MARKER! substitutions expanded as PETRARCH
    does: a regular plural unless `{...}` gives another (or `{}` none)."""
    markers: dict[str, list[str]] = {}
    out: list[AgentLine] = []

    def norm(text: str) -> str:
        return re.sub(r"[_\s]+", " ", text).strip(" _").lower()

    for raw in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!"):
            continue
        if "!" in line and "=" in line and "[" not in line:
            name, _, items = line.partition("=")
            markers[name.strip().strip("!")] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        if "[" not in line:
            continue
        text, _, rest = line.partition("[")
        code = rest.partition("]")[0].strip().replace("~", "")
        explicit: list[str] | None = None
        if "{" in text:
            text, _, braces = text.partition("{")
            inner = braces.partition("}")[0]
            explicit = [norm(p) for p in inner.split() if p.strip()]
        variants = [text]
        marker = re.search(r"!([A-Z]+)!", text)
        if marker:
            variants = [
                text.replace(marker.group(0), sub) for sub in markers.get(marker.group(1), [])
            ]
            explicit = []  # substitution sets already list the plurals
        if re.search(r"MINISTR?\s*$", text.replace("_", " ")):
            stem = re.sub(r"MINISTR?\s*$", "", text.replace("_", " "))
            variants = [stem + form for form in ("MINISTER", "MINISTRY")]
            explicit = None
        for variant in variants:
            phrase = norm(variant)
            if not phrase:
                continue
            out.append(AgentLine(phrase, code))
            plurals = explicit if explicit is not None else [p for p in [plural(phrase)] if p]
            out.extend(AgentLine(p, code) for p in plurals)
    return out


# ---------------------------------------------------------------- CountryInfo


@dataclass
class Leader:
    """A line of a CountryInfo <Leaders> list: names, terms and the list's title."""

    names: list[str]
    spans: list[tuple[dt.date | None, dt.date | None]]
    title: str


@dataclass
class Minister:
    """A line of a CountryInfo <Government> list: names, coded terms and the office comment."""

    names: list[str]
    codes: list[CodeSpan]
    comment: str


@dataclass
class CountryBlock:
    code: str  # as written: "KHM", or "USAASM" for a territory
    iso3: str | None  # the current ISO code it stands for; None for a sub-national block
    name: str
    nationality: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    government: list[Minister] = field(default_factory=list)


# CountryInfo's <Government> lists start at the first CIA World Leaders coding, January 2003:
# "[<date]" there means "in office then, and until date".
WORLD_LEADERS_START = dt.date(2003, 1, 1)
LEADER_SPAN = re.compile(r"\[\s*([<>]?)\s*(\d{6,8})\s*(?:-\s*(\d{6,8}))?\s*\]")


def _tag(block: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return match.group(1) if match else ""


def _list_lines(text: str) -> list[str]:
    out = []
    for raw in text.split("\n"):
        line = raw.split("#", 1)[0].strip()
        if line and not line.startswith("<") and line != "--":
            out.append(line)
    return out


def _names(text: str) -> list[str]:
    braces = re.findall(r"\{([^}]*)\}", text)
    names = braces if braces else [text]
    return [n.strip() for n in names if n.strip(" _")]


def _leaders(text: str) -> list[Leader]:
    leaders = []
    title = ""
    for raw in text.split("\n"):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("</"):
            title = ""
            continue
        if line.startswith("<"):
            title = line.strip("<>").replace("_", " ").strip().lower()
            continue
        head = line.split("[", 1)[0]
        spans: list[tuple[dt.date | None, dt.date | None]] = []
        for kind, first, second in LEADER_SPAN.findall(line):
            day = tabari_date(first)
            if kind == ">":
                spans.append((day, None))
            elif kind == "<":
                spans.append((None, day))
            elif second:
                spans.append((day, tabari_date(second)))
        if spans:
            leaders.append(Leader(_names(head), spans, title))
    return leaders


def _government(text: str) -> list[Minister]:
    ministers = []
    for raw in text.split("\n"):
        body, comment = _split_comment(raw.strip())
        if not body or body.startswith("<") or "[" not in body:
            continue
        codes = []
        for match in CODE_SPEC.finditer(body):
            span = parse_code(match.group(1), match.group(2))
            if span is None:
                continue
            if span.start is None and span.end is not None:
                span = CodeSpan(span.code, WORLD_LEADERS_START, span.end)
            codes.append(span)
        if codes:
            ministers.append(Minister(_names(body.split("[", 1)[0]), codes, comment))
    return ministers


def read_countryinfo(path: Path, known: set[str]) -> list[CountryBlock]:
    text = path.read_text(encoding="utf-8", errors="replace")
    blocks = []
    for body in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        code = _tag(body, "CountryCode").strip()
        iso3 = country_code(code[-3:] if len(code) == 6 else code, known)
        if len(code) == 6 and code[-3:] not in known:
            iso3 = None  # CHNTIB, BIHSPR, BIHBHF: parts of a state, not ISO entries
        blocks.append(
            CountryBlock(
                code=code,
                iso3=iso3,
                name=_tag(body, "CountryName").strip(),
                nationality=_list_lines(_tag(body, "Nationality")),
                capitals=_list_lines(_tag(body, "Capital")),
                cities=_list_lines(_tag(body, "MajorCities")),
                regions=_list_lines(_tag(body, "Regions")),
                leaders=_leaders(_tag(body, "Leaders")),
                government=_government(_tag(body, "Government")),
            )
        )
    return blocks


def country_code(code: str, known: set[str]) -> str | None:
    """The current ISO3 code for a code the sources use, or None when it names no state."""
    code = ISO3_VARIANTS.get(code, code)
    return code if code in known or code in FORMER_STATES else None


# ---------------------------------------------------------------- countries


FORM_WORDS = (
    "grand duchy", "kingdom", "republic", "emirates", "emirate", "sultanate", "principality",
    "confederation", "federation", "commonwealth", "union", "state", "states", "territory",
    "bailiwick", "collectivity", "department", "region", "country", "nation",
)  # fmt: skip


def form_of(official_name: str) -> str:
    """The noun of an official name that "the Kingdom" or "the Republic" can refer back to:
    the first one in the name ("Federal Republic of Germany" → "republic")."""
    lowered = official_name.lower()
    best: tuple[int, str] | None = None
    for word in FORM_WORDS:
        match = re.search(rf"\b{word}\b", lowered)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), word)
    if best is None:
        return ""
    word = best[1]
    return {"emirates": "emirate", "states": "state"}.get(word, word)


@dataclass(frozen=True)
class CountryRow:
    iso3: str
    iso2: str
    name: str
    official_name: str
    form: str
    capitals: tuple[str, ...]
    independent: bool
    languages: tuple[str, ...] = ()  # official languages, ISO 639-3: "eng", "ara"
    region: str = ""  # mledoze's subregion: "Northern Europe", "Western Asia"


def read_mledoze(path: Path) -> list[dict[str, object]]:
    records: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    for record in records:
        record["cca3"] = ISO3_VARIANTS.get(str(record["cca3"]), str(record["cca3"]))
    return records


def country_rows(mledoze: list[dict[str, object]]) -> list[CountryRow]:
    rows = []
    for record in mledoze:
        names = record["name"]
        assert isinstance(names, dict)
        capitals = record.get("capital") or []
        assert isinstance(capitals, list)
        languages = record.get("languages") or {}
        assert isinstance(languages, dict)
        rows.append(
            CountryRow(
                iso3=str(record["cca3"]),
                iso2=str(record["cca2"]),
                name=clean_cell(names["common"]),
                official_name=clean_cell(names["official"]),
                form=form_of(names["official"]),
                capitals=tuple(clean_cell(c) for c in capitals),
                independent=record.get("independent") is True or record["cca3"] == "XKX",
                languages=tuple(sorted(languages)),
                region=clean_cell(str(record.get("subregion") or record.get("region") or "")),
            )
        )
    return sorted(rows, key=lambda r: r.iso3)


# ---------------------------------------------------------------- country names

COUNTRY, DEMONYM, CAPITAL, CITY = "country", "demonym", "capital", "city"
KIND_ORDER = {COUNTRY: 0, DEMONYM: 1, CAPITAL: 2, CITY: 3}
# Which source to believe when sources disagree on a phrase (lower is better).
SOURCE_PRIORITY = {"mledoze": 0, "tieline": 0, "countryinfo": 1, "ngec": 2, "phoenix": 3}
DEMONYM_END = re.compile(r"(ians?|eans?|ese|ish|lsh|ch|is|ic|ois|inos?|ites?)$")
# Endings a misspelt demonym keeps ("Filipines", "Japaneese"); "England" has none.
DEMONYM_LIKE_END = re.compile(r"(an|ans|ese|ish|i|is|ic|ch|inos?|inas?|ines|ers?|ites?|ois|ene)$")
# A phrase this close (difflib ratio) to a known name or demonym is a spelling of it:
# "Giapan" (0.73 to "japan") is a name, "Phillipines" a name, "Filipines" a demonym.
SPELLING_SIMILARITY = 0.7
DEMONYM_SIMILARITY = 0.8  # stricter: "Ghazni" (a province) is 0.77 from "Afghani"
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True)
class NameRow:
    iso3: str
    kind: str
    phrase: str
    case_sensitive: bool
    source: str


@dataclass
class Known:
    """What the curated sources say each folded phrase is, per country: the classifier for the
    uncurated lists (CountryInfo <Nationality>, Phoenix synonyms)."""

    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    demonyms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    capitals: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    cities: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    regions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def classify(self, iso3: str, phrase: str, fallback: str, suffix: bool = True) -> str:
        """CAPITAL, CITY, DEMONYM or COUNTRY for a phrase of an uncurated list; `suffix` lets
        a demonym ending ("-ian", "-ese", "-i"...) decide when nothing else does."""
        key = fold(phrase)
        for kind, table in (
            (CAPITAL, self.capitals),
            (CITY, self.cities),
            (CITY, self.regions),
            (DEMONYM, self.demonyms),
            (COUNTRY, self.names),
        ):
            if key in table[iso3]:
                return kind
        names, demonyms = self.names[iso3], self.demonyms[iso3]
        if any(f" {n} " in f" {key} " for n in names if len(n) > 3):
            return COUNTRY  # "Soviet occupied Afghanistan"
        name_like = max((_similar(key, n) for n in names), default=0.0)
        demonym_like = max((_similar(key, d) for d in demonyms), default=0.0)
        if max(name_like, demonym_like) >= SPELLING_SIMILARITY:  # misspellings
            looks_demonym = (
                demonym_like > max(name_like, DEMONYM_SIMILARITY)
                and DEMONYM_LIKE_END.search(key)
                and not key.endswith("stan")
            )
            if looks_demonym:
                return DEMONYM
            if name_like >= max(demonym_like, SPELLING_SIMILARITY):
                return COUNTRY
        if suffix and len(key.split()) <= 2 and DEMONYM_END.search(key):
            return DEMONYM
        return fallback


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


def _usable_name(phrase: str) -> bool:
    key = fold(phrase)
    if phrase in SHORT_FORMS:
        return True
    return (
        len(key.replace(" ", "")) >= 3
        and not re.search(r"[(),\[\]/\d]", phrase)
        and len(key.split()) <= MAX_PHRASE_WORDS
    )


def demonym_plurals(phrase: str) -> list[str]:
    """ "Cambodian" → "Cambodians", "Filipino" → "Filipinos"; none for "Japanese", "British"."""
    if re.search(r"(an|i|ino|er)$", phrase) and not phrase.endswith("stan"):
        return [phrase + "s"]
    return []


class NameBook:
    """Every (kind, phrase) claim of every source, resolved to at most one country."""

    def __init__(self, independent: set[str]) -> None:
        self.independent = independent
        # (kind, folded phrase) → iso3 → best (priority, phrase, source)
        self.claims: dict[tuple[str, str], dict[str, tuple[int, str, str]]] = defaultdict(dict)
        self.dropped: list[str] = []  # one line per phrase left out, with the reason

    def add(self, iso3: str, kind: str, phrase: str, source: str) -> None:
        phrase = clean_cell(phrase)
        if not phrase or not _usable_name(phrase):
            return
        claim = (SOURCE_PRIORITY[source], phrase, source)
        bucket = self.claims[(kind, fold(phrase))]
        if iso3 not in bucket or claim < bucket[iso3]:
            bucket[iso3] = claim
        plain = ascii_fold(phrase)
        if plain != phrase:
            self.add(iso3, kind, plain, source)

    def kind_of(self, iso3: str, phrase: str) -> str | None:
        """The kind a better source already gave this phrase for this country, if any."""
        key = fold(phrase)
        found = [
            (self.claims[(kind, key)][iso3][0], KIND_ORDER[kind], kind)
            for kind in KIND_ORDER
            if (kind, key) in self.claims and iso3 in self.claims[(kind, key)]
        ]
        return min(found)[2] if found else None

    def _winner(self, kind: str, key: str) -> str | None:
        """The one country a (kind, phrase) names: the best-ranked source's; among equally
        ranked sources that disagree, the only independent state, else none."""
        bucket = self.claims[(kind, key)]
        if key in AMBIGUOUS_WORDS:
            self.dropped.append(f"{key}\t{kind}\t{'|'.join(sorted(bucket))}\tlisted as ambiguous")
            return None
        best = min(claim[0] for claim in bucket.values())
        isos = sorted(iso for iso, claim in bucket.items() if claim[0] == best)
        if len(isos) > 1:
            states = [iso for iso in isos if iso in self.independent]
            if len(states) != 1:
                self.dropped.append(f"{key}\t{kind}\t{'|'.join(isos)}\tsources name several")
                return None
            isos = states
        return isos[0]

    def resolve(self) -> list[NameRow]:
        """One row per phrase: its best claim by source rank, then kind (country, demonym,
        capital, city); claims on other countries are dropped, and a city that is a common
        English word is left out."""
        best: dict[str, tuple[tuple[int, int], str, str, tuple[int, str, str]]] = {}
        for kind, key in sorted(self.claims):
            iso3 = self._winner(kind, key)
            if iso3 is None:
                continue
            claim = self.claims[(kind, key)][iso3]
            rank = (claim[0], KIND_ORDER[kind])
            held = best.get(key)
            if held is None or rank < held[0]:
                if held is not None and held[2] != iso3:
                    self.dropped.append(f"{key}\t{held[1]}\t{held[2]}\tthe {kind} of {iso3}")
                best[key] = (rank, kind, iso3, claim)
            elif held[2] != iso3:
                self.dropped.append(f"{key}\t{kind}\t{iso3}\tthe {held[1]} of {held[2]}")
        rows = []
        for key, (_, kind, iso3, (_, phrase, source)) in best.items():
            common = is_common_word(phrase)
            if common and kind == CITY and len(key.split()) == 1:
                self.dropped.append(f"{key}\t{kind}\t{iso3}\ta common word")
                continue
            rows.append(NameRow(iso3, kind, phrase, needs_case(phrase) or common, source))
        return sorted(
            rows, key=lambda r: (r.iso3, KIND_ORDER[r.kind], r.phrase.casefold(), r.phrase)
        )


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


# Official languages of one country in mledoze that would still mislead as its demonym: widely
# spoken elsewhere ("Catalan", "Sami", "Urdu", "Aramaic"), a word ("Latin"), a country's own
# name ("Tonga", "Nauru"), or one minority's language among many ("Lozi", "Ndau").
MISLEADING_LANGUAGES = {
    "Latin", "Catalan", "Sami", "Aramaic", "Urdu", "Sorani", "Tonga", "Nauru", "Herero",
    "Kalanga", "Khoisan", "Lozi", "Ndau", "Kwangali", "Ndonga", "Chibarwe", "Khoekhoe",
}  # fmt: skip


def unique_languages(mledoze: list[dict[str, object]]) -> dict[str, str]:
    """Official languages spoken in one country only ("Khmer" → KHM): usable as demonyms."""
    speakers: dict[str, set[str]] = defaultdict(set)
    for record in mledoze:
        languages = record.get("languages") or {}
        assert isinstance(languages, dict)
        for name in languages.values():
            speakers[name].add(str(record["cca3"]))
    return {
        name: next(iter(isos))
        for name, isos in speakers.items()
        if len(isos) == 1 and " " not in name and name not in MISLEADING_LANGUAGES
    }


def build_country_names(
    mledoze: list[dict[str, object]],
    countryinfo: list[CountryBlock],
    ngec: list[dict[str, str]],
    phoenix_countries: list[tuple[str, list[str]]],
    known_codes: set[str],
) -> NameBook:
    book = NameBook({str(r["cca3"]) for r in mledoze if r.get("independent") is True} | {"XKX"})
    known = Known()

    for record in mledoze:
        iso3 = str(record["cca3"])
        names = record["name"]
        assert isinstance(names, dict)
        for phrase in (names["common"], names["official"]):
            book.add(iso3, COUNTRY, phrase, "mledoze")
            known.names[iso3].add(fold(phrase))
        demonyms = record.get("demonyms") or {}
        assert isinstance(demonyms, dict)
        english = {fold(v) for v in (demonyms.get("eng") or {}).values() if v}
        for alt in _strings(record.get("altSpellings")):
            if (len(alt) > 2 or alt in SHORT_FORMS) and fold(alt) not in english:
                book.add(iso3, COUNTRY, alt, "mledoze")  # ("Thai" is a demonym, not a name)
                known.names[iso3].add(fold(alt))
        for form in sorted({v for v in (demonyms.get("eng") or {}).values() if v}):
            for phrase in [form, *demonym_plurals(form)]:
                book.add(iso3, DEMONYM, phrase, "mledoze")
                known.demonyms[iso3].add(fold(phrase))
        for capital in _strings(record.get("capital")):
            book.add(iso3, CAPITAL, capital, "mledoze")
            known.capitals[iso3].add(fold(capital))
    for language, iso3 in sorted(unique_languages(mledoze).items()):
        if (DEMONYM, fold(language)) not in book.claims:
            book.add(iso3, DEMONYM, language, "mledoze")
            known.demonyms[iso3].add(fold(language))

    for row in ngec:
        iso3 = ISO3_VARIANTS.get(row["CCA3"], row["CCA3"])
        if iso3 not in known_codes:
            continue
        book.add(iso3, COUNTRY, row["Name"], "ngec")
        known.names[iso3].add(fold(row["Name"]))
        for item in row["Nationality"].split(","):
            item = item.strip()
            if item and len(item.split()) == 1 and DEMONYM_LIKE_END.search(fold(item)):
                known.demonyms[iso3].add(fold(item))

    for block in countryinfo:
        if block.iso3 is None or block.iso3 in FORMER_STATES:
            continue
        known.names[block.iso3].add(fold(natural_case(block.name)))
        known.capitals[block.iso3].update(fold(natural_case(c)) for c in block.capitals)
        known.cities[block.iso3].update(fold(natural_case(c)) for c in block.cities)
        known.regions[block.iso3].update(fold(natural_case(r)) for r in block.regions)

    for row in ngec:  # after every curated list is known, so the classifier can use them
        iso3 = ISO3_VARIANTS.get(row["CCA3"], row["CCA3"])
        if iso3 not in known_codes:
            continue
        for item in row["Nationality"].split(","):
            if item.strip():
                kind = book.kind_of(iso3, item) or known.classify(iso3, item.strip(), COUNTRY)
                for phrase in [item.strip()] + (
                    demonym_plurals(item.strip()) if kind == DEMONYM else []
                ):
                    book.add(iso3, kind, phrase, "ngec")

    for block in countryinfo:
        if block.iso3 is None or block.iso3 in FORMER_STATES:
            continue
        iso3 = block.iso3
        book.add(iso3, COUNTRY, natural_case(block.name), "countryinfo")
        for raw in block.nationality:
            phrase = natural_case(raw)
            kind = book.kind_of(iso3, phrase) or known.classify(iso3, phrase, COUNTRY)
            for form in [phrase] + (demonym_plurals(phrase) if kind == DEMONYM else []):
                book.add(iso3, kind, form, "countryinfo")
        for raw in block.capitals:
            book.add(iso3, CAPITAL, natural_case(raw), "countryinfo")
        for raw in block.cities:
            book.add(iso3, CITY, natural_case(raw), "countryinfo")

    for iso3, phrases in phoenix_countries:
        for raw in phrases:
            phrase = natural_case(raw)
            kind = book.kind_of(iso3, phrase) or known.classify(iso3, phrase, CITY, suffix=False)
            book.add(iso3, kind, phrase, "phoenix")

    for short, iso3 in sorted(EXTRA_SHORT_FORMS.items()):
        book.add(iso3, COUNTRY, short, "tieline")
    return book


# ---------------------------------------------------------------- codes and sectors

# CAMEO role codes as tieline names them (PLOVER's vocabulary): CAMEO's MED is the media,
# which PLOVER calls JRN, and PLOVER's MED is CAMEO's HLH (health).
SECTOR_NAMES = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "MNC": "BUS", "NGM": "NGO",
    "SOC": "CVL", "PPL": "CVL", "HRI": "CVL", "ENV": "CVL", "DEV": "CVL", "RAD": "CVL",
    "MOD": "CVL", "PRM": "UAF", "IMG": "REB",
}  # fmt: skip
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "BUS", "CVL", "JUD", "LEG", "COP", "EDU", "LAB", "REF", "ELI",
    "SPY", "UAF", "IGO", "NGO", "CRM", "AGR", "PTY", "REL", "JRN", "MED",
}  # fmt: skip
RELIGIONS = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "ITH", "JAI",
    "JEW", "MOS", "MUS", "NEW", "ORT", "PRO", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO", "SFI",
}  # fmt: skip
# Agent codes with no sector: junk, non-actors, unknowns, would-be states.
NO_SECTOR = {"JNK", "NON", "UNK", "PRE"}


def sector_of(chunk: str, plover: bool = False) -> str | None:
    """The tieline sector for one three-letter code, or None; `plover` for PLOVER's codes,
    where MED and JRN already mean what tieline means by them."""
    if chunk in RELIGIONS:
        return "REL"
    name = chunk if plover and chunk in ("MED", "JRN") else SECTOR_NAMES.get(chunk, chunk)
    return name if name in SECTORS else None


def chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]


@dataclass(frozen=True)
class ActorCode:
    """An actor code read: "KHMGOVHLH" → country KHM, sector GOV; "IGOUNOKID" → sector IGO,
    organisation code IGOUNOKID; "MNCUSA" → sector BUS, country USA."""

    country: str | None
    sector: str | None
    igo: str | None = None  # the whole code, for IGO and NGO codes


def read_code(code: str, known: set[str]) -> ActorCode:
    parts = chunks(code)
    if not parts:
        return ActorCode(None, None)
    head, rest = parts[0], parts[1:]
    if head in ("IGO", "NGO"):
        country = next((country_code(c, known) for c in rest if country_code(c, known)), None)
        return ActorCode(country, head, igo=code)
    if head == "MNC":
        country = country_code(rest[0], known) if rest else None
        return ActorCode(country, "BUS")
    country = country_code(head, known)
    if country is None:
        sector = sector_of(head)
        following = next((s for c in rest if (s := sector_of(c))), None)
        return ActorCode(None, following if head == "IMG" and following else sector)
    sector = next((s for c in rest if (s := sector_of(c))), None)
    return ActorCode(country, sector)


# ---------------------------------------------------------------- Phoenix groups


def place_of(code: str, known: set[str]) -> str | None:
    """The state or territory a bare place code names: "JPN", "DDR", "GBRMSR" (Montserrat)."""
    if len(code) == 3:
        return country_code(code, known)
    if len(code) == 6 and country_code(code[:3], known):
        return country_code(code[3:], known)
    return None


def group_place(group: DictGroup, known: set[str]) -> str | None:
    """For a Phoenix entry whose codes are places (a country's names and cities), the place it
    names today: its default code, else its latest dated one."""
    places = [(span, place_of(span.code, known)) for span in group.codes]
    if not places or any(p is None for _, p in places):
        return None
    defaults = [p for span, p in places if not span.dated]
    if defaults:
        return defaults[-1]
    return max(places, key=lambda sp: (sp[0].end or dt.date.max, sp[0].start or dt.date.min))[1]


def phoenix_places(groups: list[DictGroup], known: set[str]) -> list[tuple[str, list[str]]]:
    out = []
    for group in groups:
        iso3 = group_place(group, known)
        if iso3 and iso3 not in FORMER_STATES:
            out.append((iso3, group.phrases))
    return out


# ---------------------------------------------------------------- organisations

ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "COUNCIL", "COMMISSION", "COMMITTEE", "UNION", "FUND",
    "BANK", "AGENCY", "INSTITUTE", "INSTITUTION", "ASSOCIATION", "FOUNDATION", "FEDERATION",
    "MINISTRY", "DEPARTMENT", "OFFICE", "ARMY", "NAVY", "FORCE", "FORCES", "POLICE", "GUARD",
    "PARTY", "FRONT", "MOVEMENT", "GROUP", "BRIGADE", "BRIGADES", "COURT", "ASSEMBLY",
    "PARLIAMENT", "CONGRESS", "SENATE", "GOVERNMENT", "AUTHORITY", "SERVICE", "SERVICES",
    "CORPORATION", "CORP", "COMPANY", "INC", "LTD", "BUREAU", "CENTER", "CENTRE", "SOCIETY",
    "NETWORK", "ALLIANCE", "COALITION", "LEAGUE", "UNIVERSITY", "COLLEGE", "SCHOOL", "ACADEMY",
    "TRIBUNAL", "NEWS", "RADIO", "TELEVISION", "PROGRAMME", "PROGRAM", "PROJECT", "TRUST",
    "INTERNATIONAL", "NATIONAL", "SECRETARIAT", "MISSION", "UNITED", "NATIONS", "WORLD",
    "GLOBAL", "FORUM", "CONFERENCE", "INITIATIVE", "CAMPAIGN", "WATCH", "RIGHTS", "RELIEF",
    "CHURCH", "COUNCILS", "PEACEKEEPER", "PEACEKEEPERS", "CONTINGENT", "MONITOR", "MONITORS",
    "TEAM", "BOARD", "CHAMBER", "CLUB", "SYNDICATE", "CARTEL", "COMMAND", "UNIT", "CORPS",
    "LLC", "LP", "GP", "PLC", "HOLDINGS", "ENERGY", "RESOURCES", "PARTNERS", "CAPITAL",
    "FINANCIAL", "BANCORP", "SYSTEMS", "TECHNOLOGIES", "PHARMACEUTICALS", "INDUSTRIES", "SOVIET",
    "SFSR", "SSR", "PRESIDIUM",
}  # fmt: skip
STOP_FOR_ACRONYMS = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "la", "du", "des"}
COMPANY_SUFFIXES = {
    "inc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "ag", "sa",
    "nv", "group", "holdings", "holding", "international", "incorporated", "lp", "se", "spa",
}  # fmt: skip


def acronym_of(acronym: str, phrase: str) -> bool:
    """Whether `acronym` ("ASEAN", "U.N.") abbreviates `phrase` ("Association of Southeast Asian
    Nations"): each main word gives its first letter and maybe more of its letters, in order;
    "of", "the"... may give theirs ("ECOWAS")."""
    letters = ascii_fold(acronym).replace(".", "").replace(" ", "").upper()
    words = [w for w in re.split(r"[^A-Za-z]+", ascii_fold(phrase).upper()) if w]
    if len(letters) < 2 or len(words) < 2 or not letters.isalpha():
        return False

    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word, optional = words[j], words[j].lower() in STOP_FOR_ACRONYMS
        if optional and match(i, j + 1):
            return True
        if i >= len(letters) or letters[i] != word[0]:
            return False
        # this word gives letters[i:k]: its first letter, then more of its letters in order
        k, pos = i + 1, 1
        if match(k, j + 1):
            return True
        while k < len(letters):
            pos = word.find(letters[k], pos)
            if pos < 0:
                return False
            k, pos = k + 1, pos + 1
            if match(k, j + 1):
                return True
        return False

    return match(0, 0)


def org_phrases(raw_phrases: Iterable[str]) -> list[str]:
    """Natural-cased names of an organisation, with "(ABC)" acronyms split off as names of
    their own and a leading "The" dropped."""
    out: list[str] = []
    for raw in raw_phrases:
        text = raw.strip().strip("_").replace("_", " ")
        found = re.findall(r"\(([^()]*)\)", text)
        text = re.sub(r"\([^()]*\)", " ", text)
        for candidate in [text, *found]:
            single = candidate is not text and len(candidate.split()) == 1
            phrase = candidate.strip().upper() if single else natural_case(candidate)
            if looks_acronym(phrase):
                phrase = phrase.upper()
            phrase = re.sub(r"^(?:The|THE|the)\s+", "", phrase).strip(" -,.")
            if len(fold(phrase)) >= 2 and not re.search(r"[\[\]{}<>;]", phrase):
                out.append(phrase)
    return _dedupe(out)


def looks_acronym(phrase: str) -> bool:
    """A one-word name of an organisation that is surely an acronym: "DGSE", "MI6" (not "Duma",
    "Hamas")."""
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    if " " in phrase or not letters or len(phrase) > 5:
        return False
    vowels = sum(1 for c in letters.upper() if c in "AEIOU")
    return any(c.isdigit() for c in phrase) or (len(letters) <= 4 and vowels <= 1)


def _dedupe(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = fold(name.replace(".", ""))
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


@dataclass
class OrgDraft:
    kind: str  # "igo", "ngo", "institution", "company", "armed_group"
    phrases: list[str]
    code: str
    country: str | None
    sector: str
    source: str


def finish_phrases(phrases: list[str]) -> list[str]:
    """Upper-case one-word names that abbreviate another name of the same organisation."""
    out = []
    for phrase in phrases:
        if " " not in phrase and any(
            acronym_of(phrase, other) for other in phrases if other != phrase
        ):
            phrase = phrase.upper()
        out.append(phrase)
    return _dedupe(out)


def best_name(phrases: list[str]) -> str:
    """The first name, or when that is an acronym ("ASEAN"), its expansion among the others."""
    first = phrases[0]
    if " " in first or not is_acronym(first):
        return first
    expansions = [p for p in phrases[1:] if acronym_of(first, p)]
    return (
        min(expansions, key=lambda p: (len(p.split()), phrases.index(p))) if expansions else first
    )


def merge_orgs(drafts: list[OrgDraft]) -> list[OrgDraft]:
    """Entries of one code that name the same body ("ASEAN", "Association of South East Asian
    Nations") become one: equal names, or one an acronym of the other."""
    buckets: dict[tuple[str, str, str | None], list[OrgDraft]] = defaultdict(list)
    for draft in drafts:
        buckets[(draft.kind, draft.code, draft.country)].append(draft)
    merged = []
    for bucket in buckets.values():
        parent = list(range(len(bucket)))
        for i, j in _related_pairs(bucket):
            if _root(parent, i) != _root(parent, j):
                parent[_root(parent, j)] = _root(parent, i)
        groups: dict[int, list[OrgDraft]] = defaultdict(list)
        for i, draft in enumerate(bucket):
            groups[_root(parent, i)].append(draft)
        for members in groups.values():
            first = members[0]
            phrases = finish_phrases([p for m in members for p in m.phrases])
            name = best_name(phrases)
            merged.append(
                OrgDraft(
                    first.kind,
                    [name] + [p for p in phrases if p != name],
                    first.code,
                    first.country,
                    first.sector,
                    first.source,
                )
            )
    return merged


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _related_pairs(bucket: list[OrgDraft]) -> Iterable[tuple[int, int]]:
    """Pairs of drafts sharing a name (case, dots and spacing aside), or where a one-word name
    of one abbreviates a name of the other. Names are indexed, so a bucket of thousands of
    companies is not compared pair by pair."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_initial: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, draft in enumerate(bucket):
        for phrase in draft.phrases:
            by_key[fold(phrase.replace(".", ""))].append(i)
            if " " in phrase:
                by_initial[ascii_fold(phrase)[:1].upper()].append((i, phrase))
    for owners in by_key.values():
        yield from ((owners[0], j) for j in owners[1:])
    for i, draft in enumerate(bucket):
        for short in draft.phrases:
            if " " in short or len(short.replace(".", "")) < 2:
                continue
            initial = ascii_fold(short)[:1].upper()
            yield from (
                (i, j) for j, long in by_initial[initial] if j != i and acronym_of(short, long)
            )


def company_aliases(name: str) -> list[str]:
    """ "Emerson Electric Company" → "Emerson Electric"; nothing when one word would remain."""
    words = name.split()
    while words and words[-1].lower().strip(".,") in COMPANY_SUFFIXES:
        words.pop()
    if len(words) >= 2 and len(words) < len(name.split()):
        return [" ".join(words).rstrip(",")]
    return []


# ---------------------------------------------------------------- people and bodies in Phoenix

TITLES = {
    "prince", "princess", "king", "queen", "samdech", "sheikh", "sheikha", "sheik", "shaikh",
    "emir", "amir", "sultan", "general", "gen", "lt", "lieutenant", "col", "colonel", "major",
    "maj", "marshal", "admiral", "adm", "brigadier", "captain", "capt", "commander", "dr",
    "doctor", "prof", "professor", "mr", "mrs", "ms", "sir", "dame", "lord", "lady", "baron",
    "baroness", "hrh", "his", "her", "majesty", "highness", "excellency", "emperor", "empress",
    "cardinal", "ayatollah", "mullah", "mawlawi", "maulvi", "imam", "haji", "hajji", "rabbi",
    "archbishop", "bishop", "reverend", "rev", "president", "premier", "prime", "minister",
    "chancellor", "chairman", "secretary", "senator", "sen", "rep", "governor", "mayor", "judge",
    "justice", "crown", "comrade", "tsar", "kaiser", "chief", "vice", "deputy", "acting",
    "former", "late", "honorable", "hon", "datuk", "dato", "mufti", "pope", "un", "us", "eu",
    "nato", "iaea", "unicef", "cpp", "f", "funcinpec", "srp",
}  # fmt: skip


def bare_name(name: str) -> str:
    """A name without the titles and party prefixes in front of it: "Samdech Hun Sen" → "Hun
    Sen", "CPP Mam Bun Heng" → "Mam Bun Heng", "President Karzai" → "Karzai"."""
    words = name.split()
    while len(words) > 1 and all(w in TITLES for w in fold(words[0]).split()):
        words.pop(0)
    return " ".join(words)


def person_phrases(raw_phrases: Iterable[str]) -> list[str]:
    out = []
    for raw in raw_phrases:
        text = raw.strip().strip("_")
        if not text or "," in text or re.search(r"[()\[\]{}<>;/\d]", text):
            continue
        phrase = natural_case(text, person=True)
        if len(fold(phrase)) >= 2:
            out.append(phrase)
    return _dedupe(out)


def first_names(groups: Iterable[DictGroup], countryinfo: Iterable[CountryBlock]) -> set[str]:
    """Given names seen in the person lists: with the ORG_WORDS, tells a person's name from a
    body's in entries that carry no date."""
    names: set[str] = set()

    def take(raw: str) -> None:
        words = fold(bare_name(natural_case(raw, person=True))).split()
        if len(words) >= 2 and words[0] not in TITLES and len(words[0]) > 1:
            names.add(words[0])

    for group in groups:
        if any("CountryInfo" in c for c in group.comments):
            take(group.phrases[0])
    for block in countryinfo:
        for leader in block.leaders:
            for raw in leader.names:
                take(raw)
        for minister in block.government:
            for raw in minister.names:
                take(raw)
    return names - {fold(w) for w in ORG_WORDS}


def looks_like_person(raw: str, given: set[str]) -> bool:
    words = [w for w in re.split(r"[_\s]+", raw.strip("_ ").upper()) if w]
    if not 2 <= len(words) <= 5 or any(w in ORG_WORDS for w in words):
        return False
    core = fold(bare_name(natural_case(raw, person=True))).split()
    return bool(core) and core[0] in given and not any(c.isdigit() for c in raw)


@dataclass(frozen=True)
class TermDraft:
    country: str | None
    sector: str
    role: str
    start: dt.date | None
    end: dt.date | None
    source: str
    igo: str = ""

    def overlaps(self, other: TermDraft) -> bool:
        return (self.start is None or other.end is None or self.start < other.end) and (
            other.start is None or self.end is None or other.start < self.end
        )


@dataclass
class PersonDraft:
    names: list[str]  # natural case, titles kept
    terms: list[TermDraft]
    source: str
    country: str | None = None

    def __post_init__(self) -> None:
        if self.country is None:
            counts = Counter(t.country for t in self.terms if t.country)
            self.country = min(counts, key=lambda c: (-counts[c], c)) if counts else None

    @property
    def domain(self) -> str:
        """Where the name is unique: the country, else the organisation served, else ""."""
        return self.country or next((t.igo for t in self.terms if t.igo), "")


def role_from_note(note: str) -> str:
    """A role from an office as the sources write it ("Minister of Foreign Affairs", "Acting
    PM", "Sec Def"); "" when the note says nothing certain."""
    text = note.lower().strip()
    if not text:
        return ""
    junior = re.search(
        r"\b(deputy|vice|assistant|under|junior|alternate)\b|state secretary|secretary general"
        r"|permanent secretary|\bdep\.",
        text,
    )
    if re.search(r"\b(prime minister|premier|pm|chancellor)\b", text) and "exchequer" not in text:
        return "minister" if junior else "head of government"
    if junior:
        return ""
    if re.fullmatch(r"(acting |interim )?(president|king|queen|emir|sultan|head of state)", text):
        return "head of state"
    foreign = r"foreign (affairs|minister)|external (affairs|relations)|foreign relations"
    if re.search(foreign, text) and re.search(r"minister|secretary", text):
        return "foreign minister"
    if re.fullmatch(r"(u\.?s\.? )?secretary of state", text):
        return "foreign minister"
    if re.search(r"defen[cs]e|sec def", text) and re.search(r"minister|secretary|sec def", text):
        return "defence minister"
    if re.search(r"\bminister\b|\bmin\.", text):
        return "minister"
    return ""


HEAD_OF_GOVERNMENT = re.compile(
    r"prime minister|premier|chancellor|chief minister|heads? of government|council of ministers"
    r"|chiefs? of government|government leader|leader of government business|executive yuan"
    r"|federal executive council|cabinet chief|chief executive|presidents of the government"
)
HEAD_OF_STATE = re.compile(
    r"^(interim )?presidents?$|^presidents?,|king|queen|emperor|empress|emir|sultan|shah|"
    r"heads? of state|prince|grand duke|governors?[- ]general|presidency|council of state"
    r"|presidium|captains-regent|paramount ruler|^rulers?|head of state"
)


def role_from_title(title: str) -> str:
    """The role of a CountryInfo <Leaders> list ("prime ministers" → head of government)."""
    if HEAD_OF_GOVERNMENT.search(title):
        return "head of government"
    if HEAD_OF_STATE.search(title):
        return "head of state"
    return "leader"


def phoenix_terms(group: DictGroup, known: set[str], source: str) -> list[TermDraft]:
    terms = []
    for span in group.codes:
        if span.code.startswith("-"):
            continue
        if span.code == "ELI":
            terms.append(TermDraft(None, "ELI", "", span.start, span.end, source))
            continue
        code = read_code(span.code, known)
        if code.igo:
            terms.append(
                TermDraft(
                    None,
                    code.sector or "IGO",
                    role_from_note(span.note),
                    span.start,
                    span.end,
                    source,
                    code.igo,
                )
            )
        elif code.country and code.sector:
            terms.append(
                TermDraft(
                    code.country,
                    code.sector,
                    role_from_note(span.note),
                    span.start,
                    span.end,
                    source,
                )
            )
    return terms


@dataclass
class PhoenixRead:
    people: list[PersonDraft] = field(default_factory=list)
    orgs: list[OrgDraft] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def is_person_group(group: DictGroup, given: set[str]) -> bool:
    """A person: an entry from CountryInfo or IGOrulers, else one whose first name has no word
    of an organisation's and whose codes carry dates (or ELI), or whose first word is a given
    name."""
    notes = group.comments + [span.note for span in group.codes]
    if any("CountryInfo" in c or "IGOrulers" in c for c in notes):
        return True
    if set(re.split(r"[_\s-]+", group.phrases[0].upper())) & ORG_WORDS:
        return False
    if any(span.dated or span.code == "ELI" for span in group.codes):
        return True
    if all(span.code.startswith("MNC") for span in group.codes):
        return False  # "Eli Lilly", "Charles Schwab": companies named after people
    return looks_like_person(group.phrases[0], given)


def read_phoenix_actors(
    groups: list[DictGroup], known: set[str], given: set[str], file_kind: str
) -> PhoenixRead:
    """Split Phoenix entries into people (with their terms) and bodies: IGOs and NGOs,
    companies, national institutions and armed groups. `file_kind` is "countries",
    "international" or "nonstate"."""
    read = PhoenixRead()
    for group in groups:
        codes = [s for s in group.codes if not s.code.startswith("-")]
        if not codes or (file_kind == "countries" and group_place(group, known)):
            continue
        elite = all(read_code(span.code, known).sector == "ELI" for span in codes)
        if file_kind != "nonstate" and (elite or is_person_group(group, given)):
            names = person_phrases(group.phrases)
            terms = phoenix_terms(group, known, "phoenix")
            if names and terms:
                read.people.append(PersonDraft(names, terms, "phoenix"))
            else:
                read.skipped["person without a usable name or code"] += 1
            continue
        for entry in group.entries:  # primaries sharing a code are bodies of their own
            phrases = org_phrases(entry)
            if not phrases:
                read.skipped["body without a usable name"] += 1
                continue
            draft = body_draft(codes[0].code, phrases, known, file_kind)
            if draft is None:
                read.skipped[f"body code {codes[0].code[:3]}"] += 1
            else:
                read.orgs.append(draft)
    return read


ARMED_SECTORS = {"REB", "UAF", "OPP", "CRM", "MIL", "SPY", "COP"}


def body_draft(code: str, phrases: list[str], known: set[str], file_kind: str) -> OrgDraft | None:
    parts = chunks(code)
    if not parts:
        return None
    head = parts[0]
    if file_kind == "nonstate":
        country = country_code(head, known)
        sector = next((sector_of(c) for c in parts[1:] if sector_of(c) in ARMED_SECTORS), "REB")
        return OrgDraft("armed_group", phrases, code, country, sector or "REB", "phoenix")
    read = read_code(code, known)
    if head in ("IGO", "NGO"):
        return OrgDraft(head.lower(), phrases, code, None, head, "phoenix")
    if head == "MNC":
        phrases = _dedupe(phrases + [a for p in phrases for a in company_aliases(p)])
        return OrgDraft("company", phrases, code, read.country, "BUS", "phoenix")
    if head == "MED" or (read.country and read.sector == "JRN" and file_kind == "international"):
        return OrgDraft("company", phrases, code, read.country, "JRN", "phoenix")
    if sector_of(head) == "REL" and file_kind == "international":
        return OrgDraft("ngo", phrases, code, None, "REL", "phoenix")
    if read.country and read.sector:
        kind = "armed_group" if read.sector in ("REB", "UAF") else "institution"
        return OrgDraft(kind, phrases, code, read.country, read.sector, "phoenix")
    return None


# ---------------------------------------------------------------- leader lists


def countryinfo_people(blocks: Iterable[CountryBlock], known: set[str]) -> list[PersonDraft]:
    """<Leaders> (rulers.org terms, role from the list's title) and <Government> (CIA World
    Leaders, role from the office comment; sector from the code)."""
    drafts = []
    for block in blocks:
        if block.iso3 is None:
            continue
        for leader in block.leaders:
            names = person_phrases(leader.names)
            role = role_from_title(leader.title)
            terms = [
                TermDraft(block.iso3, "GOV", role, start, end, "countryinfo")
                for start, end in leader.spans
            ]
            if names and terms:
                drafts.append(PersonDraft(names, terms, "countryinfo", block.iso3))
        for minister in block.government:
            names = person_phrases(minister.names)
            notes = [n.strip() for n in minister.comment.split("&")]
            terms = []
            for index, span in enumerate(minister.codes):
                code = read_code(span.code, known)
                if not code.country or not code.sector:
                    continue
                note = notes[index] if len(notes) == len(minister.codes) else ""
                if len(notes) == 1:
                    note = notes[0]
                role = role_from_note(note)
                terms.append(
                    TermDraft(code.country, code.sector, role, span.start, span.end, "countryinfo")
                )
            if names and terms:
                drafts.append(PersonDraft(names, terms, "countryinfo", block.iso3))
    return drafts


# COW state numbers the COW–ISO table leaves without an ISO code (or lacks).
COW_FALLBACK = {221: "MCO", 223: "LIE", 340: "SRB", 347: "XKX", 713: "TWN", 816: "VNM"}


class CowTable:
    """Correlates of War state numbers → ISO3, by year (Germany 255 → DEU; 265 → DDR)."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for row in rows:
            if row["cow_id"] and row["iso3"]:
                start = int(row["valid_from"] or 0)
                end = int(row["valid_until"] or 9999)
                self.rows[int(row["cow_id"])].append((start, end, row["iso3"]))

    def iso3(self, cow: int, year: int, known: set[str]) -> str | None:
        if cow == 365 and year < 1992:
            return "SUN"
        spans = self.rows.get(cow, [])
        for start, end, code in spans:
            if start <= year <= end:
                return country_code(code, known)
        if spans:
            nearest = min(spans, key=lambda s: min(abs(year - s[0]), abs(year - s[1])))
            return country_code(nearest[2], known)
        return COW_FALLBACK.get(cow)


# Leader-list rows that name a body, not a person ("Military Junta", "Regency").
COLLECTIVE = re.compile(
    r"junta|council|committee|government|regency|triumvirate|presidium|\bking of\b", re.I
)


def leader_name(raw: str) -> str:
    """REIGN's "Peron, Isabel" → "Isabel Peron"; "Nasser (president of UAR)" → "Nasser"; ""
    for a row that names a body ("Military Junta", "Provisional Government")."""
    raw = clean_cell(re.sub(r"\([^)]*\)", " ", raw))
    if COLLECTIVE.search(raw):
        return ""
    if raw.count(",") == 1:
        last, first = (p.strip() for p in raw.split(","))
        raw = f"{first} {last}"
    return raw


def read_latin_csv(path: Path) -> list[dict[str, str]]:
    """A CSV whose lines are UTF-8 or latin-1, line by line."""
    lines = []
    for raw in path.read_bytes().split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
    return list(csv.DictReader(lines))


# Archigos spells that ended before 1945 are left out: REIGN starts there, and the news
# tieline reads rarely names a leader of the nineteenth century as an actor.
ARCHIGOS_FROM = dt.date(1945, 1, 1)


def archigos_people(
    rows: list[dict[str, str]], cow: CowTable, known: set[str]
) -> list[PersonDraft]:
    """Archigos spells, one draft per leader id; a spell still running at the data's end
    (2015-12-31) is left open."""
    by_leader: dict[str, PersonDraft] = {}
    for row in rows:
        start = (
            dt.date.fromisoformat(row["startdate"]) if row["startdate"] not in ("", "NA") else None
        )
        if start is None:
            continue
        country = cow.iso3(int(row["ccode"]), start.year, known)
        if country is None:
            continue
        still = "Still in Office" in row["exit"]
        end = (
            None if still or row["enddate"] in ("", "NA") else dt.date.fromisoformat(row["enddate"])
        )
        if end is not None and end < ARCHIGOS_FROM:
            continue
        term = TermDraft(country, "GOV", "leader", start, end, "archigos")
        name = leader_name(row["leader"])
        if not name:
            continue
        key = row["leadid"] or f"{row['obsid']}"
        if key in by_leader:
            by_leader[key].terms.append(term)
        else:
            by_leader[key] = PersonDraft([name], [term], "archigos", country)
    return [by_leader[k] for k in sorted(by_leader)]


def reign_people(rows: list[dict[str, str]], cow: CowTable, known: set[str]) -> list[PersonDraft]:
    """REIGN spells (to March 2021); the end month's last day ends a term, an empty end year
    leaves it open."""
    drafts = []
    for row in rows:
        try:
            year, month = int(row["syear"]), int(row["smonth"])
            day = int(row["sdate"]) if row["sdate"] else 1
        except ValueError:
            continue
        start = make_date(year, month, day)
        country = cow.iso3(int(row["ccode"]), year, known)
        if start is None or country is None:
            continue
        end = None
        if row["eyear"] and row["emonth"]:
            end_year, end_month = int(row["eyear"]), int(row["emonth"])
            end = make_date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        name = leader_name(row["leader"])
        if not name:
            continue
        drafts.append(
            PersonDraft(
                [name], [TermDraft(country, "GOV", "leader", start, end, "reign")], "reign", country
            )
        )
    return drafts


# ---------------------------------------------------------------- merging people

TERM_SOURCE_RANK = {"countryinfo": 0, "phoenix": 1, "reign": 2, "archigos": 3}


@dataclass
class PersonRecord:
    names: list[str]
    terms: list[TermDraft]
    country: str | None
    domain: str


def _words(name: str) -> list[str]:
    return fold(bare_name(name)).split()


def _covers(short: list[str], full: list[str]) -> bool:
    """Every word of `short` is in `full`; a one-letter word matches a word it begins."""
    pool = list(full)
    for word in short:
        match = next(
            (w for w in pool if w == word or (len(word) == 1 and w.startswith(word))), None
        )
        if match is None:
            return False
        pool.remove(match)
    return True


class PeopleBook:
    """People from every source, one record per person. Within a domain (a country, or for an
    officer of an international organisation with no country, that organisation): the same
    full name, or the same words in another order, is one person; a name whose words are all
    in another's (a surname, "K. Annan"), or that holds all of another's, is that person when
    exactly one such person has an office term overlapping one of its own."""

    def __init__(self) -> None:
        self.records: list[PersonRecord] = []
        self.full: dict[tuple[str, str], int] = {}
        self.words: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.moved: dict[int, int] = {}  # a record joined into another → that one
        self.skipped: Counter[str] = Counter()

    def _index(self, number: int, names: Iterable[str]) -> None:
        domain = self.records[number].domain
        for name in names:
            words = _words(name)
            if len(words) >= 2:
                for key in (" ".join(words), " ".join(sorted(words))):
                    self.full.setdefault((domain, key), number)
                    self.full.setdefault(("*", key), number)
            for word in words:
                self.words[(domain, word)].add(number)

    def _exact(self, draft: PersonDraft) -> int | None:
        domains = [draft.domain] + (["*"] if draft.country is None else [])
        for name in draft.names:
            words = _words(name)
            if len(words) < 2:
                continue
            for domain in domains:
                for key in (" ".join(words), " ".join(sorted(words))):
                    found = self.full.get((domain, key))
                    if found is not None:
                        return self._live(found)
        return None

    def _partial(self, draft: PersonDraft) -> int | None:
        if not draft.domain:
            return None
        found: set[int] = set()
        drafted = [t for t in draft.terms if t.sector != "ELI"]
        for name in draft.names:
            words = _words(name)
            keys = [w for w in words if len(w) > 1]
            pool = set().union(*(self.words.get((draft.domain, w), set()) for w in keys))
            pool = {self._live(n) for n in pool}
            for number in pool:
                record = self.records[number]
                names = [_words(n) for n in record.names]
                if not any(_covers(words, n) or _covers(n, words) for n in names if n):
                    continue
                office = [t for t in record.terms if t.sector != "ELI"]
                if any(t.overlaps(d) for t in office for d in drafted):
                    found.add(number)
                elif (not office or not drafted) and words in names:
                    found.add(number)  # the same name, and one of the two holds no office
        if len(found) > 1 and all(
            any(_words(n) == _words(draft.names[0]) for n in self.records[f].names) for f in found
        ):
            return self._join(sorted(found))  # one name, one domain, terms that link them
        return found.pop() if len(found) == 1 else None

    def _join(self, numbers: list[int]) -> int:
        """Records found to be one person become the first of them; the rest are emptied."""
        first = self.records[numbers[0]]
        for number in numbers[1:]:
            other = self.records[number]
            first.names.extend(other.names)
            first.terms.extend(other.terms)
            self._index(numbers[0], other.names)  # the joined names now lead to the first
            other.names, other.terms = [], []
            self.moved[number] = numbers[0]
        return numbers[0]

    def _live(self, number: int) -> int:
        while number in self.moved:
            number = self.moved[number]
        return number

    def add(self, draft: PersonDraft) -> None:
        number = self._exact(draft)
        if number is None:
            number = self._partial(draft)
        if number is not None:
            record = self.records[number]
            record.names.extend(draft.names)
            record.terms.extend(draft.terms)
            self._index(number, draft.names)
            return
        words = [w for n in draft.names for w in _words(n)]
        if len(set(words)) <= 1 and (not words or is_common_word(words[0]) or len(words[0]) < 3):
            self.skipped[f"{draft.source}: a one-word name that is a common word"] += 1
            return
        record = PersonRecord(list(draft.names), list(draft.terms), draft.country, draft.domain)
        self.records.append(record)
        self._index(len(self.records) - 1, draft.names)


def tidy_terms(terms: list[TermDraft], country: str | None) -> list[TermDraft]:
    """One term per office spell: exact repeats go (the better source stays), a term saying
    no role goes where another says one for the same spell, a dated ELI spell goes where an
    undated ELI term of that country is the fallback anyway, an Archigos spell goes where REIGN
    has one that overlaps it, and an ELI term with no country takes the person's."""
    terms = [
        TermDraft(country, t.sector, t.role, t.start, t.end, t.source, t.igo)
        if t.sector == "ELI" and t.country is None and not t.igo
        else t
        for t in terms
    ]
    best: dict[tuple[object, ...], TermDraft] = {}
    for term in sorted(terms, key=lambda t: TERM_SOURCE_RANK.get(t.source, 9)):
        best.setdefault(
            (term.country, term.sector, term.role, term.start, term.end, term.igo), term
        )
    kept = list(best.values())
    with_role = {(t.country, t.sector, t.start, t.end, t.igo) for t in kept if t.role}
    kept = [
        t for t in kept if t.role or (t.country, t.sector, t.start, t.end, t.igo) not in with_role
    ]
    always = {(t.country, t.igo) for t in kept if t.sector == "ELI" and not t.start and not t.end}
    kept = [
        t
        for t in kept
        if t.sector != "ELI" or not (t.start or t.end) or (t.country, t.igo) not in always
    ]  # a dated ELI spell says no more than an ELI term that is always the fallback
    reign = [t for t in kept if t.source == "reign"]
    kept = [t for t in kept if t.source != "archigos" or not any(t.overlaps(r) for r in reign)]
    return sorted(
        kept,
        key=lambda t: (
            t.start or dt.date.min,
            t.end or dt.date.max,
            t.sector,
            t.role,
            t.country or "",
            t.igo,
            t.source,
        ),
    )


@dataclass(frozen=True)
class PersonRow:
    key: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[TermDraft, ...]


# The offices a CountryInfo snapshot (2012) leaves open, which REIGN's end of the same
# person's rule may close.
HEAD_ROLES = frozenset({"head of state", "head of government"})


def reign_spells(book: PeopleBook) -> dict[tuple[str, str], list[tuple[dt.date, dt.date]]]:
    """REIGN's ended spells of rule, by (country, the leader's last name word)."""
    spells: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for record in book.records:
        for term in record.terms:
            if term.source == "reign" and term.country and term.start and term.end:
                for name in record.names:
                    words = _words(name)
                    if words:
                        spells[(term.country, words[-1])].append((term.start, term.end))
    return spells


def close_stale_heads(
    terms: list[TermDraft],
    names: list[str],
    spells: dict[tuple[str, str], list[tuple[dt.date, dt.date]]],
) -> list[TermDraft]:
    """A head of state's or government's term CountryInfo leaves open ("Yahya Jammeh",
    Gambia's head of state from 1994, open in its 2012 snapshot) ends when REIGN says the rule
    of a leader of that state and name, begun by the term's first year, ended (2017-01-31)."""
    lasts = {words[-1] for n in names if (words := _words(n))}
    ends: dict[tuple[str, dt.date], dt.date] = {}
    for term in terms:
        if (
            term.source == "countryinfo"
            and term.role in HEAD_ROLES
            and term.start is not None
            and term.end is None
            and term.country
        ):
            found = [
                end
                for last in lasts
                for start, end in spells.get((term.country, last), ())
                if start.year <= term.start.year and end > term.start
            ]
            if found:
                ends[(term.country, term.start)] = max(found)
    # (and the same spell another source leaves open with no role: Phoenix's)
    return [
        replace(term, end=ends[(term.country, term.start)])
        if term.end is None
        and term.sector == "GOV"
        and term.source in ("countryinfo", "phoenix")
        and term.start is not None
        and (term.country or "", term.start) in ends
        else term
        for term in terms
    ]


def finish_people(book: PeopleBook) -> list[PersonRow]:
    rows = []
    spells = reign_spells(book)
    for record in book.records:
        if not record.names:
            continue  # joined into another
        full = [bare_name(n) for n in record.names if len(bare_name(n).split()) >= 2]
        display = full[0] if full else bare_name(record.names[0])  # a surname only if no more
        aliases = [n for n in _dedupe([display, *record.names]) if n != display]
        terms = tidy_terms(close_stale_heads(record.terms, record.names, spells), record.country)
        if terms:
            rows.append((display, record.country or "", aliases, terms))
    rows.sort(key=lambda r: (slug(r[0]), r[1], r[0], r[3][0].start or dt.date.min))
    taken: set[str] = set()
    out = []
    for display, country, aliases, terms in rows:
        base = slug(display) + (f"-{country.lower()}" if country else "")
        key, number = base, 2
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        taken.add(key)
        out.append(PersonRow(key, display, tuple(aliases), tuple(terms)))
    return out


def prune_orgs(
    drafts: list[OrgDraft], place_names: set[str], person_names: set[tuple[str, str]]
) -> list[OrgDraft]:
    """Names a body should not carry: a country's name ("Colombia" among a rebel group's
    aliases) or, for a national body, a person's full name of that country (Phoenix files
    "Bashar al-Assad" with the Assad government). A body left with no name goes."""
    kept = []
    for draft in drafts:
        phrases = [
            p
            for p in draft.phrases
            if fold(p) not in place_names and ((draft.country or "", fold(p)) not in person_names)
        ]
        if phrases:
            kept.append(
                OrgDraft(draft.kind, phrases, draft.code, draft.country, draft.sector, draft.source)
            )
    return kept


def finish_orgs(drafts: list[OrgDraft]) -> list[tuple[str, OrgDraft]]:
    """Organisations with their keys: "igo:asean", "inst:jpn-jmsdf", "company:...". Bodies of
    one kind and country with the same name become one."""
    merged = merge_orgs(drafts)
    merged.sort(key=lambda d: (d.kind, slug(d.phrases[0]), d.country or "", d.code))
    by_key: dict[str, OrgDraft] = {}
    for draft in merged:
        name = slug(draft.phrases[0])
        key = {
            "igo": f"igo:{name}",
            "ngo": f"ngo:{name}",
            "institution": f"inst:{(draft.country or 'xxx').lower()}-{name}",
            "company": f"company:{name}",
            "armed_group": f"armed:{name}",
        }[draft.kind]
        held = by_key.get(key)
        if held is not None:
            held.phrases = _dedupe(held.phrases + draft.phrases)
            continue
        by_key[key] = draft
    return sorted(by_key.items())


# ---------------------------------------------------------------- agents

# Agent nouns every news reader needs, with the sector tieline gives them, where the
# dictionaries lack them or (marked) say otherwise.
HAND_AGENTS = {
    "minister": "GOV", "ministers": "GOV", "prime minister": "GOV", "prime ministers": "GOV",
    "premier": "GOV", "president": "GOV", "foreign minister": "GOV", "defence minister": "GOV",
    "defense minister": "GOV", "ambassador": "GOV", "envoy": "GOV", "diplomat": "GOV",
    "official": "GOV", "officials": "GOV", "government": "GOV", "governor": "GOV",
    "mayor": "GOV", "army": "MIL", "navy": "MIL", "air force": "MIL", "military": "MIL",
    "troops": "MIL", "soldiers": "MIL", "police": "COP", "court": "JUD", "judge": "JUD",
    "parliament": "LEG", "lawmakers": "LEG", "company": "BUS", "firm": "BUS", "firms": "BUS",
    "businessman": "BUS", "businessmen": "BUS", "activist": "CVL", "activists": "CVL",
    "protesters": "CVL", "rebels": "REB", "militants": "UAF", "researcher": "EDU",
    "researchers": "EDU", "research fellow": "EDU", "research fellows": "EDU",
    "analyst": "EDU", "analysts": "EDU", "professor": "EDU", "students": "EDU",
    "journalist": "JRN", "journalists": "JRN",
}  # fmt: skip
# Where tieline overrides the dictionaries: an unqualified spokesman in the news speaks for a
# government far more often than for the press (PLOVER and Phoenix say JRN/MED).
AGENT_OVERRIDES = {
    "spokesman": "GOV", "spokesmen": "GOV", "spokeswoman": "GOV", "spokeswomen": "GOV",
    "spokesperson": "GOV", "spokespersons": "GOV", "spokespeople": "GOV",
}  # fmt: skip


# PLOVER's "civilian opposition" prefix says whose side an agent is on; where the code after
# it is the press, the agent is the press all the same ("opposition newspaper" CVLOPPJRN is a
# newspaper, as CAMEO codes it). Protesting students and workers (CVLOPPEDU, CVLOPPLAB) stay
# civil society, as PLOVER puts them first.
OPPOSITION_QUALIFIER = ("CVL", "OPP")
PRESS = "JRN"


def agent_sector(code: str, plover: bool) -> str | None:
    parts = chunks(code)
    if not parts or parts[0] in NO_SECTOR:
        return None
    if tuple(parts[:2]) == OPPOSITION_QUALIFIER and parts[2:3] == [PRESS]:
        return PRESS
    return next((s for c in parts if (s := sector_of(c, plover))), None)


TRAILING_FUNCTION_WORD = re.compile(r"\s(?:to|of|for|in|at|from|with|on|by)s?$")


def build_agents(plover: list[AgentLine], phoenix: list[AgentLine]) -> list[tuple[str, str, str]]:
    """(phrase, sector, source): PLOVER's agents file first (it names sectors as tieline does),
    then Phoenix's for nouns PLOVER lacks, then the hand list; the first code of an agent with
    several gives its sector."""
    table: dict[str, tuple[str, str]] = {}
    for source, lines in (("plover", plover), ("phoenix", phoenix)):
        for line in lines:
            sector = agent_sector(line.code, plover=source == "plover")
            # The dictionaries' patterns end some nouns with the word that took a country
            # ("ambassador to", "embassy in", and made plural, "ambassador tos"): left out,
            # the noun alone is listed too. As a phrase, "ambassador to" swallowed the word
            # that ends a title.
            if TRAILING_FUNCTION_WORD.search(line.phrase):
                continue
            if sector and re.fullmatch(r"[a-z][a-z '\-.]*[a-z.]", line.phrase):
                table.setdefault(line.phrase, (sector, source))
    for phrase, sector in HAND_AGENTS.items():
        table.setdefault(phrase, (sector, "tieline"))
    for phrase, sector in AGENT_OVERRIDES.items():
        table[phrase] = (sector, "tieline")
    return sorted((phrase, sector, source) for phrase, (sector, source) in table.items())


# ---------------------------------------------------------------- output


def write_table(path: Path, header: list[str], rows: Iterable[Iterable[object]]) -> int:
    lines = ["\t".join(header)]
    for row in rows:
        cells = [
            clean_cell(str(v)) if not isinstance(v, bool) else ("1" if v else "0") for v in row
        ]
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    return len(lines) - 1


def default_data_dir() -> Path:
    configured = os.environ.get("TIELINE_SHARED_DATA")
    return Path(configured) if configured else REPO.parent / "shared" / "data"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Sources:
    mledoze: list[dict[str, object]]
    known: set[str]
    countryinfo: list[CountryBlock]
    ngec: list[dict[str, str]]
    countries: list[DictGroup]
    international: list[DictGroup]
    nonstate: list[DictGroup]
    cow: CowTable
    archigos: list[dict[str, str]]
    reign: list[dict[str, str]]
    plover_agents: list[AgentLine]
    phoenix_agents: list[AgentLine]


def read_sources(data: Path) -> Sources:
    mledoze = read_mledoze(data / MLEDOZE)
    known = {str(r["cca3"]) for r in mledoze}
    return Sources(
        mledoze=mledoze,
        known=known,
        countryinfo=read_countryinfo(data / COUNTRYINFO, known),
        ngec=read_csv(data / NGEC / "countries.csv"),
        countries=read_actor_dictionary(data / PHOENIX / "Phoenix.Countries.actors.txt"),
        international=read_actor_dictionary(data / PHOENIX / "Phoenix.International.actors.txt"),
        nonstate=read_actor_dictionary(data / PHOENIX / "Phoenix.MilNonState.actors.txt"),
        cow=CowTable(read_csv(data / NGEC / "cow2iso.txt")),
        archigos=read_latin_csv(data / ARCHIGOS),
        reign=read_latin_csv(data / REIGN),
        plover_agents=read_agent_dictionary(data / NGEC / "PLOVER_agents.txt"),
        phoenix_agents=read_agent_dictionary(data / PHOENIX / "Phoenix.agents.txt"),
    )


ORG_HEADER = ["key", "name", "aliases", "country", "sector", "code", "source"]
# Every table the build writes: the ones the loader reads.
TABLES: tuple[str, ...] = _RULES.DERIVED_TABLES


def build(data: Path, out: Path) -> tuple[dict[str, int], list[str]]:
    """Read every source under `data` and write the tables into `out`; the row counts, and a
    note for each phrase or entry left out and why."""
    src = read_sources(data)
    known = src.known
    given = first_names(src.countries, src.countryinfo)
    phoenix = [
        read_phoenix_actors(src.countries, known, given, "countries"),
        read_phoenix_actors(src.international, known, given, "international"),
        read_phoenix_actors(src.nonstate, known, given, "nonstate"),
    ]
    names = build_country_names(
        src.mledoze, src.countryinfo, src.ngec, phoenix_places(src.countries, known), known
    )
    people = PeopleBook()
    for draft in [
        *countryinfo_people(src.countryinfo, known),
        *(d for read in phoenix for d in read.people),
        *reign_people(src.reign, src.cow, known),
        *archigos_people(src.archigos, src.cow, known),
    ]:
        people.add(draft)
    name_rows = names.resolve()
    person_rows = finish_people(people)
    person_names = {
        (t.country or "", fold(n))
        for p in person_rows
        for n in (p.name, *p.aliases)
        if len(n.split()) >= 2
        for t in p.terms
    }
    place_names = {fold(r.phrase) for r in name_rows}
    orgs = finish_orgs(prune_orgs([d for r in phoenix for d in r.orgs], place_names, person_names))

    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    counts["countries.tsv"] = write_table(
        out / "countries.tsv",
        ["iso3", "iso2", "name", "official_name", "form", "capitals", "languages", "region"],
        (
            (
                c.iso3,
                c.iso2,
                c.name,
                c.official_name,
                c.form,
                "|".join(c.capitals),
                "|".join(c.languages),
                c.region,
            )
            for c in country_rows(src.mledoze)
        ),
    )
    counts["country_names.tsv"] = write_table(
        out / "country_names.tsv",
        ["iso3", "kind", "phrase", "case_sensitive", "source"],
        ((r.iso3, r.kind, r.phrase, r.case_sensitive, r.source) for r in name_rows),
    )
    counts["igos.tsv"] = write_table(
        out / "igos.tsv",
        ["key", "name", "aliases", "sector", "code", "source"],
        (
            (k, d.phrases[0], "|".join(d.phrases[1:]), d.sector, d.code, d.source)
            for k, d in orgs
            if d.kind in ("igo", "ngo")
        ),
    )
    tables = {
        "institution": "institutions.tsv",
        "company": "companies.tsv",
        "armed_group": "armed_groups.tsv",
    }
    for kind, table in tables.items():
        counts[table] = write_table(
            out / table,
            ORG_HEADER,
            (
                (
                    k,
                    d.phrases[0],
                    "|".join(d.phrases[1:]),
                    d.country or "",
                    d.sector,
                    d.code,
                    d.source,
                )
                for k, d in orgs
                if d.kind == kind
            ),
        )
    counts["people.tsv"] = write_table(
        out / "people.tsv",
        ["key", "name", "aliases", "country", "sector", "role", "start", "end", "igo", "source"],
        (
            (
                p.key,
                p.name,
                "|".join(p.aliases) if i == 0 else "",
                t.country or "",
                t.sector,
                t.role,
                iso(t.start),
                iso(t.end),
                t.igo,
                t.source,
            )
            for p in person_rows
            for i, t in enumerate(p.terms)
        ),
    )
    counts["agents.tsv"] = write_table(
        out / "agents.tsv",
        ["phrase", "sector", "source"],
        build_agents(src.plover_agents, src.phoenix_agents),
    )
    notes = [f"country_names: left out\t{line}" for line in sorted(names.dropped)]
    for read in phoenix:
        notes += [f"phoenix: skipped\t{why}\t{n}" for why, n in sorted(read.skipped.items())]
    notes += [f"people: skipped\t{why}\t{n}" for why, n in sorted(people.skipped.items())]
    return counts, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="../shared/data")
    parser.add_argument("--out", type=Path, default=REPO / "tieline" / "data", help="tables")
    parser.add_argument("--notes", action="store_true", help="list what was left out, and why")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"{args.data} is not a folder")
    counts, notes = build(args.data, args.out)
    for table, count in counts.items():
        print(f"{table}\t{count} rows")
    if args.notes:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
