"""Build `tieline/data/given_names.tsv`: given names, and whether each is a woman's or a man's.

    .venv/bin/python tools/build_given_names.py [--out tieline/data/given_names.tsv]

The source is the name table of the `nomquamgender` package (Van Buskirk, Clauset & Larremore,
"An open-source cultural consensus approach to name-based gender classification", ICWSM 2023;
MIT licence), a development dependency pinned in requirements-dev.lock: for each name, how many
of its sources list it, how many people they count under it, and the share of them who are
women, p(gf). Kept are names of letters (an apostrophe or hyphen inside) counted for at least
`MIN_COUNT` people: "f" where p(gf) >= 0.9, "m" where p(gf) <= 0.1 (`MAX_UNCERTAINTY`, the
package's own default threshold), "u" in between ("Taylor", "Jean", "Kim"): a given name, of
either.

The resolver reads the table to match he/she to a person of the same gender, and to tell a
person's name from a phrase that only looks like one. The output is sorted and depends only on
the package's data, so a rerun gives a byte-identical file (tests/tools/test_package_tables.py).
Offline only: the package never imports this script, and this script reads the package's data
file without importing the package (which would import pandas).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from package_tables import package_dir, run

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tieline" / "data" / "given_names.tsv"
SOURCE_PACKAGE = "nomquamgender"
SOURCE_FILE = "name_data.json"
MIN_COUNT = 300  # people counted under the name, over all sources
MAX_UNCERTAINTY = 0.1  # p(gf) within this of 0 (a man's name) or of 1 (a woman's)
_NAME = re.compile(r"[a-z](?:[a-z'-]*[a-z])?")


def source_path() -> Path:
    """The package's name table, found without importing the package."""
    return package_dir(SOURCE_PACKAGE) / SOURCE_FILE


def given_names(table: dict[str, list[object]]) -> list[tuple[str, str]]:
    """(name, "f", "m" or "u") for each name counted often enough, sorted by name."""
    rows = []
    for name, record in table.items():
        count, p_female = record[1], record[2]
        if not _NAME.fullmatch(name) or not isinstance(count, int) or count < MIN_COUNT:
            continue
        if not isinstance(p_female, int | float):
            continue
        if p_female >= 1 - MAX_UNCERTAINTY:
            rows.append((name, "f"))
        elif p_female <= MAX_UNCERTAINTY:
            rows.append((name, "m"))
        else:
            rows.append((name, "u"))
    return sorted(rows)


def build(out: Path = OUT, source: Path | None = None) -> int:
    """Write the table to `out`; the number of names written."""
    with (source or source_path()).open(encoding="utf-8") as file:
        rows = given_names(json.load(file))
    lines = ["name\tgender"] + [f"{name}\t{gender}" for name, gender in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    run(__doc__.split("\n\n")[0], build, OUT, "names")


if __name__ == "__main__":
    main()
