"""The tables of `tieline/data` built from an installed package's data (given names, the
world's towns): the committed table is what the pinned package gives, byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.tools_loader import load_tool

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("tool", "table"),
    [("build_given_names", "given_names.tsv"), ("build_world_towns", "world_towns.tsv")],
)
def test_the_committed_table_is_what_the_installed_source_gives(
    tmp_path: Path, tool: str, table: str
) -> None:
    build = load_tool(tool)
    if importlib.util.find_spec(build.SOURCE_PACKAGE) is None:
        pytest.skip(f"{build.SOURCE_PACKAGE} is not installed (a development dependency)")
    build.build(tmp_path / table)
    committed = (REPO / "tieline" / "data" / table).read_bytes()
    assert (tmp_path / table).read_bytes() == committed, (
        f"rerun tools/{tool}.py and commit tieline/data/{table}"
    )
