"""The CAMEO/PLOVER code table: known rows, prefix look-up, legacy names, and the build."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.tools_loader import load_tool
from tieline.events.codes import (
    LEGACY_TYPES,
    PLOVER_MODES,
    PLOVER_TO_CAMEO_ROOT,
    PLOVER_TYPES,
    cameo_root,
    load_codes,
    modern_event,
    parse_table,
    plover_root,
)

REPO = Path(__file__).resolve().parents[2]
ROOTS = [f"{n:02d}" for n in range(1, 21)]


def _build_module() -> ModuleType:
    return load_tool("build_cameo")


def test_the_table_loads_once_with_every_root() -> None:
    table = load_codes()
    assert load_codes() is table
    assert len(table) > 300
    assert all(root in table for root in ROOTS)
    assert all(code.cameo.isdigit() and 2 <= len(code.cameo) <= 4 for code in table)


@pytest.mark.parametrize(
    ("cameo", "plover", "mode", "contexts", "quad", "goldstein"),
    [
        ("036", "AGREE", None, ("diplomatic",), 1, 4.0),
        ("042", "CONSULT", "visit", (), 1, 1.9),
        ("043", "CONSULT", "visit", (), 1, 2.8),
        ("057", "SUPPORT", None, ("diplomatic",), 1, 8.0),
        ("061", "COOPERATE", None, ("economic",), 2, 6.4),
        ("0841", "RETREAT", "release", ("legal",), 2, 7.0),
        ("091", "ACCUSE", "investigate", ("corruption", "crime"), 3, -2.0),
        ("112", "ACCUSE", "disapprove", (), 3, -2.0),
        ("163", "COERCE", "restrict", ("diplomatic",), 4, -8.0),
        ("173", "COERCE", "arrest", ("legal",), 4, -5.0),
        ("190", "ASSAULT", None, ("military",), 4, -10.0),
        ("195", "ASSAULT", "aerial", ("military",), 4, -10.0),
        ("010", None, None, (), 1, 0.0),
        ("020", None, None, (), 1, 3.0),
    ],
)
def test_known_rows(
    cameo: str,
    plover: str | None,
    mode: str | None,
    contexts: tuple[str, ...],
    quad: int,
    goldstein: float,
) -> None:
    code = load_codes().get(cameo)
    assert code is not None and code.cameo == cameo
    assert (code.plover, code.mode, code.contexts) == (plover, mode, contexts)
    assert (code.quad_class, code.goldstein) == (quad, goldstein)


@pytest.mark.parametrize(
    ("cameo", "label"),
    [
        ("036", "Express intent to meet or negotiate"),
        ("018", "Make empathetic comment"),  # the second of two LABEL lines corrects the first
        ("055", "Apologize"),  # misspelt "Apolgize" in the code list
        ("01", "Make public statement"),  # a root: its heading, in sentence case
    ],
)
def test_labels_come_from_the_cameo_code_list(cameo: str, label: str) -> None:
    code = load_codes().get(cameo)
    assert code is not None and code.label == label


@pytest.mark.parametrize(
    ("asked", "found"),
    [("0311", "0311"), ("0319", "031"), ("0399", "039"), ("03", "03"), (" 036 ", "036")],
)
def test_unknown_codes_fall_back_to_the_longest_known_prefix(asked: str, found: str) -> None:
    code = load_codes().get(asked)
    assert code is not None and code.cameo == found


@pytest.mark.parametrize("asked", ["", None, "99", "abc", "3", "21"])
def test_codes_with_no_known_prefix_are_not_found(asked: str | None) -> None:
    assert load_codes().get(asked) is None


def test_plover_root() -> None:
    assert plover_root("0841") == "RETREAT"
    assert plover_root("08") == "CONCEDE"
    assert plover_root("1959") == "ASSAULT"
    assert plover_root("020") is None  # CAMEO 02 APPEAL: dropped by PLOVER
    assert plover_root("nonsense") is None


def test_every_plover_type_is_reachable_and_no_other() -> None:
    found = {code.plover for code in load_codes()}
    assert found == set(PLOVER_TYPES) | {None}
    assert len(PLOVER_TYPES) == 16


def test_every_mode_is_one_of_its_types_modes() -> None:
    wrong = [
        (code.cameo, code.plover, code.mode)
        for code in load_codes()
        if code.mode and code.mode not in PLOVER_MODES.get(code.plover or "", ())
    ]
    assert wrong == []


def test_every_trigger_mode_is_one_of_its_types_modes() -> None:
    from tieline.events.lexicon import load_lexicon

    wrong = [
        (trigger.name, trigger.plover, trigger.mode)
        for readings in load_lexicon().triggers.values()
        for trigger in readings
        if trigger.mode and trigger.mode not in PLOVER_MODES.get(trigger.plover, ())
    ]
    assert wrong == []


def test_quad_class_follows_the_cameo_root_and_weights_are_on_the_scale() -> None:
    quads = {root: 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r, root in
             enumerate(ROOTS, start=1)}  # fmt: skip
    for code in load_codes():
        assert code.quad_class == quads[code.root], code
        assert -10.0 <= code.goldstein <= 10.0, code


def test_only_cameo_01_and_02_lack_a_plover_type() -> None:
    lacking = {code.root for code in load_codes() if code.plover is None}
    assert lacking == {"01", "02"}


@pytest.mark.parametrize("plover", PLOVER_TYPES)
def test_each_type_has_a_representative_root_holding_it(plover: str) -> None:
    root = cameo_root(plover)
    assert root == PLOVER_TO_CAMEO_ROOT[plover]
    assert any(code.plover == plover for code in load_codes() if code.root == root)


@pytest.mark.parametrize(
    ("plover", "mode", "root"),
    [("ACCUSE", "investigate", "09"), ("ACCUSE", "allege", "11"), ("ASSAULT", None, "19"),
     ("ASSAULT", "targeted", "18"), ("ASSAULT", "unconventional", "20"), ("NONSENSE", None, None)],
)  # fmt: skip
def test_modes_that_decide_the_cameo_root(plover: str, mode: str | None, root: str | None) -> None:
    assert cameo_root(plover, mode) == root
    if root is not None:
        assert any(c.plover == plover for c in load_codes() if c.root == root)


@pytest.mark.parametrize(
    ("legacy", "mode", "expected"),
    [
        ("DEMAND", None, ("REQUEST", None)),
        ("DISAPPROVE", None, ("ACCUSE", "disapprove")),
        ("INVESTIGATE", "", ("ACCUSE", "investigate")),
        ("FIGHT", None, ("ASSAULT", None)),
        ("FIGHT", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("FIGHT", "assassinate", ("ASSAULT", "targeted")),
        ("FIGHT", "other", ("ASSAULT", None)),
        ("CONSULT", "host", ("CONSULT", "visit")),
        ("PROTEST", "strike-hun", ("PROTEST", "hunger")),
        ("PROTEST", "demo-spon", ("PROTEST", "demo")),
        ("THREATEN", "curfew", ("THREATEN", "restrict")),
        ("COERCE", "curfew", ("COERCE", "curfew")),
        ("COERCE", "detain", ("COERCE", "arrest")),
        ("COERCE", "destroy", ("COERCE", None)),
        ("agree", None, ("AGREE", None)),
    ],
)
def test_legacy_categories_and_modes(
    legacy: str, mode: str | None, expected: tuple[str, str | None]
) -> None:
    assert modern_event(legacy, mode) == expected


def test_legacy_types_map_to_types_of_today() -> None:
    assert set(LEGACY_TYPES.values()) <= set(PLOVER_TYPES)
    assert not set(LEGACY_TYPES) & set(PLOVER_TYPES)


def test_a_table_with_the_wrong_header_is_refused() -> None:
    with pytest.raises(ValueError, match="header"):
        parse_table("code\tlabel\n036\tMeet\n")


@pytest.mark.gold
def test_every_gold_category_maps_to_a_type_of_today(data_dir: Path) -> None:
    records = json.loads((data_dir / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt").read_text())
    categories = {r["event"] for r in records if r["event"] != "DOCUMENT"}
    assert {modern_event(c)[0] for c in categories} <= set(PLOVER_TYPES)


@pytest.mark.gold
def test_the_build_is_reproducible_and_matches_the_committed_table(
    data_dir: Path, tmp_path: Path
) -> None:
    build = _build_module()
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    count = build.build(data_dir, first)
    build.build(data_dir, second)
    assert first.read_bytes() == second.read_bytes(), "two builds from the same sources differ"
    committed = REPO / "tieline" / "data" / "cameo.tsv"
    assert first.read_bytes() == committed.read_bytes(), "rerun tools/build_cameo.py and commit"
    assert count == len(load_codes())
