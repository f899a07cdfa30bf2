"""tools/build_given_names.py: which names it keeps (the committed table is checked in
test_package_tables.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from tests.tools_loader import load_tool


def _build_module() -> ModuleType:
    return load_tool("build_given_names")


def test_names_are_a_womans_a_mans_or_either_and_rare_or_odd_ones_are_left_out(
    tmp_path: Path,
) -> None:
    build = _build_module()
    source = tmp_path / "name_data.json"
    table = {
        "mary": [30, 900_000, 0.99, 3],
        "john": [30, 900_000, 0.004, 3],
        "taylor": [30, 400_000, 0.356, [0, 0, 3]],  # either
        "scooter": [6, 31, 0.095, 3],  # too few people to tell
        "&#26519;": [1, 5000, 1.0, 3],  # not a name of letters
        "o'neil": [5, 400, 0.05, 3],
    }
    source.write_text(json.dumps(table), encoding="utf-8")
    out = tmp_path / "given_names.tsv"
    assert build.build(out, source) == 4
    assert out.read_text(encoding="utf-8") == (
        "name\tgender\njohn\tm\nmary\tf\no'neil\tm\ntaylor\tu\n"
    )
