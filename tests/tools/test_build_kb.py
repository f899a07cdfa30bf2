"""tools/build_kb.py rebuilds the committed tables byte for byte, and does so every time."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
TABLES = REPO / "tieline" / "data"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_kb", REPO / "tools" / "build_kb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_kb"] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def _tables(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.tsv"))}


@pytest.mark.gold
@pytest.mark.slow
def test_the_build_is_reproducible_and_matches_the_committed_tables(
    data_dir: Path, tmp_path: Path
) -> None:
    build_kb = _build_module()
    counts, _notes = build_kb.build(data_dir, tmp_path / "first")
    build_kb.build(data_dir, tmp_path / "second")
    first, second = _tables(tmp_path / "first"), _tables(tmp_path / "second")
    assert set(first) == set(counts) == set(build_kb.TABLES)
    assert first == second, "two builds from the same sources differ"
    committed = _tables(TABLES)
    drifted = sorted(name for name in first if committed.get(name) != first[name])
    assert drifted == [], f"rerun tools/build_kb.py and commit: {drifted} differ from the script"
