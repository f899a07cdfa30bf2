"""Local tables: the user's own additions to the hand-kept actor tables.

The tables shipped in `tieline/data/manual/` stop at their compiler's horizon; offices change
every month. A user keeps them current without editing the package: a folder (`$TIELINE_TABLES`,
else `tables/` in the user data directory) holding any of `officeholders.tsv`,
`notables.tsv`, `organisations.tsv`, `names.tsv` and `agents.tsv`, in the format of the shipped
files (see `tieline/data/manual/README.md`). Their rows are merged over the shipped ones:

* an officeholder row ends every shipped term of the same office (country and role) still open
  on its start day, so entering a successor is one line; a row repeating a shipped term's name,
  country, role and start replaces it;
* a notable (a famous person of no office) replaces the shipped row of the same name;
* an organisation, place name or agent noun replaces the shipped row giving the same name.

Rows are checked as they are read. A row that cannot be used (a bad date, an unknown country
code, a missing field) is skipped and named in `LocalTables.problems` with its file and line;
the other rows still count, so a typo never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tieline.actors.kb import Row, numbered_rows

TABLES_ENV = "TIELINE_TABLES"
TABLE_NAMES = (
    "officeholders.tsv",
    "notables.tsv",
    "organisations.tsv",
    "names.tsv",
    "agents.tsv",
)
ORG_KINDS = frozenset({"igo", "institution", "company", "armed_group"})
NAME_KINDS = frozenset({"country", "demonym", "capital", "city", "region", "-"})
# The columns a table's header must name for its rows to be read.
REQUIRED = {
    "officeholders.tsv": ("name", "country", "sector", "role", "start"),
    "notables.tsv": ("name", "country", "sector"),
    "organisations.tsv": ("name", "kind"),
    "names.tsv": ("phrase", "kind", "iso3"),
    "agents.tsv": ("phrase", "sector"),
}
_CODE = re.compile(r"^[A-Z]{3}$")  # a sector (GOV) or an ISO 3166 alpha-3 code (JPN)


def local_tables_dir() -> Path:
    """`$TIELINE_TABLES` if set, else `tables/` in the user data directory."""
    configured = os.environ.get(TABLES_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("tieline", appauthor=False)) / "tables"


@dataclass
class LocalTables:
    """The usable rows of each local table (by file name), and why any others were skipped."""

    folder: Path
    rows: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def table(self, name: str) -> list[Row]:
        return self.rows.get(name, [])

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def read_local_tables(folder: Path, countries: Iterable[str]) -> LocalTables:
    """The local tables in `folder` (absent files are no error, nor an absent folder unless
    `$TIELINE_TABLES` names it), each row checked against the known ISO 3166 alpha-3
    `countries`. A file that cannot be used as a whole (unreadable, not UTF-8, no header row)
    is named in `problems` and left out."""
    known = frozenset(countries)
    tables = LocalTables(folder)
    configured = os.environ.get(TABLES_ENV)
    try:
        if not folder.is_dir():
            if folder.exists():
                tables.problems.append(f"{folder}: not a folder; no local tables read")
            elif configured and Path(configured).expanduser() == folder:
                tables.problems.append(f"{folder} (${TABLES_ENV}): no such folder")
            return tables
        for name in TABLE_NAMES:
            _read_table(folder / name, known, tables)
    except OSError as error:
        tables.problems.append(f"{folder}: cannot be read ({error.strerror or error})")
    return tables


def _read_table(path: Path, known: frozenset[str], tables: LocalTables) -> None:
    if not path.exists():
        return
    if not path.is_file():
        tables.problems.append(f"{path}: not a file; not read")
        return
    try:
        text = path.read_bytes().decode("utf-8-sig")  # a spreadsheet may save a BOM
    except UnicodeDecodeError:
        tables.problems.append(f"{path}: not UTF-8 text (save it as UTF-8); not read")
        return
    except OSError as error:
        tables.problems.append(f"{path}: cannot be read ({error.strerror or error}); not read")
        return
    header, rows = numbered_rows(text)
    missing = [column for column in REQUIRED[path.name] if column not in header]
    if header and missing:
        tables.problems.append(
            f"{path}: the first line is not a header naming {', '.join(missing)} "
            "(tab-separated, as in tieline/data/manual/README.md); not read"
        )
        return
    kept = []
    for line, row in rows:
        reason = _CHECKS[path.name](row, known)
        if reason:
            tables.problems.append(f"{path}:{line}: {reason}; row skipped")
        else:
            kept.append({**row, "source": row.get("source") or f"local table {path}"})
    tables.rows[path.name] = kept


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _country(value: str, known: frozenset[str]) -> str | None:
    """Why a country cell is wrong, or None when it is empty or a known code."""
    if value and (not _CODE.match(value) or value not in known):
        return f"country {value!r} is not a known ISO 3166 alpha-3 code"
    return None


def _officeholder(row: Row, known: frozenset[str]) -> str | None:
    for column in ("name", "sector", "role", "start"):
        if not row.get(column):
            return f"no {column}"
    if not _CODE.match(row["sector"]):
        return f"sector {row['sector']!r} is not a three-letter code such as GOV or MIL"
    start, end = _date(row["start"]), _date(row.get("end", "")) if row.get("end") else None
    if start is None:
        return f"start {row['start']!r} is not a date (YYYY-MM-DD)"
    if row.get("end") and end is None:
        return f"end {row['end']!r} is not a date (YYYY-MM-DD)"
    if end is not None and end <= start:
        return f"end {row['end']} is not after start {row['start']}"
    return _country(row.get("country", ""), known)


def _notable(row: Row, known: frozenset[str]) -> str | None:
    for column in ("name", "country", "sector"):
        if not row.get(column):
            return f"no {column}"
    if not _CODE.match(row["sector"]):
        return f"sector {row['sector']!r} is not a three-letter code such as BUS or ELI"
    return _country(row["country"], known)


def _organisation(row: Row, known: frozenset[str]) -> str | None:
    if not row.get("name"):
        return "no name"
    kind = row.get("kind", "").lower()
    if kind not in ORG_KINDS:
        return f"kind {row.get('kind')!r} is not one of {', '.join(sorted(ORG_KINDS))}"
    sector = row.get("sector", "")
    if sector and not _CODE.match(sector):
        return f"sector {sector!r} is not a three-letter code"
    return _country(row.get("country", ""), known)


def _name(row: Row, known: frozenset[str]) -> str | None:
    if not row.get("phrase"):
        return "no phrase"
    if row.get("kind") not in NAME_KINDS:
        return f"kind {row.get('kind')!r} is not one of {', '.join(sorted(NAME_KINDS))}"
    if not row.get("iso3"):
        return "no iso3"
    return _country(row["iso3"], known)


def _agent(row: Row, known: frozenset[str]) -> str | None:
    if not row.get("phrase"):
        return "no phrase"
    sector = row.get("sector", "")
    if sector != "-" and not _CODE.match(sector):
        return f"sector {sector!r} is not a three-letter code (or '-' to remove the phrase)"
    return None


_CHECKS = {
    "officeholders.tsv": _officeholder,
    "notables.tsv": _notable,
    "organisations.tsv": _organisation,
    "names.tsv": _name,
    "agents.tsv": _agent,
}
