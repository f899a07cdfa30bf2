"""Small knowledge bases written in the shipped tables' format, for the loader's rules."""

from __future__ import annotations

from pathlib import Path

import pytest


def write_table(folder: Path, name: str, *rows: str) -> None:
    """A table whose rows are given with " | " between cells (a blank cell is "")."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [row if row.startswith("#") else row.replace(" | ", "\t") for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


PEOPLE = "key | name | aliases | country | sector | role | start | end | igo | source"
OFFICEHOLDERS = "name | aliases | country | sector | role | start | end | source | note"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A knowledge base of a few rows, in the shipped tables' format."""
    write_table(tmp_path, "countries.tsv", "iso3 | iso2 | name | official_name | form | capitals",
           "KHM | KH | Cambodia | Kingdom of Cambodia | kingdom | Phnom Penh")  # fmt: skip
    write_table(tmp_path, "country_names.tsv", "iso3 | kind | phrase | case_sensitive | source",
           "KHM | country | Cambodia | 0 | mledoze")  # fmt: skip
    write_table(tmp_path, "people.tsv", PEOPLE,
           "hun-sen-khm | Hun Sen | Samdech Hun Sen | KHM | ELI |  |  |  |  | phoenix",
           "hun-sen-khm | Hun Sen |  | KHM | GOV | head of government | 1998-11-30 |  |  | "
           "countryinfo")  # fmt: skip
    write_table(tmp_path, "igos.tsv", "key | name | aliases | sector | code | source",
           "igo:united-nations | United Nations | UN | IGO | IGOUNO | phoenix")  # fmt: skip
    write_table(tmp_path, "agents.tsv", "phrase | sector | source", "navy | MIL | plover")
    return tmp_path
