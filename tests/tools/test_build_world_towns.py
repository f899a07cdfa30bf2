"""tools/build_world_towns.py: which towns it keeps (the committed table is checked in
test_package_tables.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from tests.tools_loader import load_tool


def _build_module() -> ModuleType:
    return load_tool("build_world_towns")


def test_a_states_towns_of_one_name_are_one_row_and_unwritten_ones_are_left_out(
    tmp_path: Path,
) -> None:
    build = _build_module()
    (tmp_path / "data").mkdir()
    towns = {
        "1": {"name": "Springfield", "countrycode": "US", "population": 114_394},
        "2": {"name": "Springfield", "countrycode": "US", "population": 170_188},
        "3": {"name": "Windsor", "countrycode": "CA", "population": 229_660},
        "4": {"name": "Windsor", "countrycode": "GB", "population": 31_560},
        "5": {"name": "A Coruña", "countrycode": "ES", "population": 250_438},
        "6": {"name": "东莞", "countrycode": "CN", "population": 8_000_000},  # not Latin letters
        "7": {"name": "Nowhere", "countrycode": "ZZ", "population": 20_000},  # no known state
    }
    codes = (("US", "USA"), ("CA", "CAN"), ("GB", "GBR"), ("ES", "ESP"), ("CN", "CHN"))
    countries = {code: {"iso": code, "iso3": iso3} for code, iso3 in codes}
    (tmp_path / build.TOWNS_FILE).write_text(json.dumps(towns), encoding="utf-8")
    (tmp_path / build.COUNTRIES_FILE).write_text(json.dumps(countries), encoding="utf-8")
    out = tmp_path / "world_towns.tsv"
    assert build.build(out, tmp_path) == 4
    assert out.read_text(encoding="utf-8") == (
        "name\tiso3\tpopulation\nA Coruña\tESP\t250438\nSpringfield\tUSA\t170188\n"
        "Windsor\tCAN\t229660\nWindsor\tGBR\t31560\n"
    )
