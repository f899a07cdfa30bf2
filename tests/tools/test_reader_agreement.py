"""tools/reader_agreement.py: a second reader's codes against a gold set's, span by span."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.tools_loader import load_tool

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "tools" / "reader_agreement.py"


def _module() -> ModuleType:
    return load_tool("reader_agreement")


GOLD = [
    {
        "id": "S-1",
        "source": [{"actorText": "Isis fighters", "code": "IMG", "sector": "REB"}],
        "target": [{"actorText": "Kobani", "code": "SYR", "sector": "CVL"}],
    },
    {
        "id": "S-2",
        "source": [{"actorText": "Hall", "code": "GBR", "sector": "CVL"}],
        "target": [{"actorText": "Ankara", "code": "TUR", "sector": "GOV"}],
    },
]


def _second(*codes: tuple[str, str | None]) -> list[dict]:
    spans = [("S-1", "source", "Isis fighters"), ("S-1", "target", "Kobani")]
    spans += [("S-2", "source", "Hall"), ("S-2", "target", "Ankara")]
    records: dict[str, list[dict]] = {}
    for (key, role, text), (code, sector) in zip(spans, codes, strict=True):
        records.setdefault(key, []).append(
            {"role": role, "actorText": text, "code": code, "sector": sector}
        )
    return [{"id": key, "actors": actors} for key, actors in records.items()]


def test_country_and_sector_agreement_by_role_with_an_armed_group_coded_either_way() -> None:
    tool = _module()
    # IMG without REB is IMG REB; Hall's sector differs; Ankara's country differs
    second = _second(("IMG", None), ("SYR", "CVL"), ("GBR", "REB"), ("SYR", "GOV"))
    metrics = tool.agreement(tool.pairs(GOLD, second))
    assert metrics["n_source"] == 2 and metrics["n_target"] == 2 and metrics["n_all"] == 4
    assert metrics["source_country_agreement"] == 1.0
    assert metrics["source_sector_agreement"] == 0.5
    assert metrics["target_country_agreement"] == 0.5
    assert metrics["target_sector_agreement"] == 0.5
    assert metrics["all_country_agreement"] == 0.75
    assert metrics["all_sector_agreement"] == 0.5


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda s: s[0]["actors"][0].update(actorText="fighters"), "spans are not the gold's"),
        (lambda s: s[1]["actors"].pop(), "spans are not the gold's"),
        (lambda s: s[0]["actors"][1].update(role="source"), "spans are not the gold's"),
        (lambda s: s[1].update(id="S-9"), "not in the gold set"),
    ],
)
def test_a_second_reading_of_other_spans_is_refused(change, message: str) -> None:
    tool = _module()
    second = _second(("IMG", None), ("SYR", "CVL"), ("GBR", "REB"), ("SYR", "GOV"))
    change(second)
    with pytest.raises(ValueError, match=message):
        tool.pairs(GOLD, second)


def test_the_command_lists_disagreements_and_ends_with_json(tmp_path: Path) -> None:
    gold, second = tmp_path / "gold.json", tmp_path / "second.json"
    gold.write_text(json.dumps(GOLD))
    second.write_text(
        json.dumps(_second(("IMG", "REB"), ("SYR", "CVL"), ("GBR", "REB"), ("TUR", "GOV")))
    )
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(gold), str(second), "--list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = run.stdout.splitlines()
    assert lines[0] == "S-2 source 'Hall': GBR CVL / GBR REB"
    assert json.loads(lines[-1])["all_sector_agreement"] == 0.75
    broken = subprocess.run(
        [sys.executable, str(SCRIPT), str(gold), str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
    )
    assert broken.returncode != 0 and "none.json not found" in broken.stderr
    # a file of another shape (here, a list of ids) is refused with a message, no traceback
    second.write_text(json.dumps(["S-1", "S-2"]))
    wrong = subprocess.run(
        [sys.executable, str(SCRIPT), str(gold), str(second)], capture_output=True, text=True
    )
    assert wrong.returncode != 0 and "is not a gold set or a second reading" in wrong.stderr
    assert "Traceback" not in wrong.stderr


@pytest.mark.parametrize("name, half", [("b", None), ("e", "even"), ("f", "even")])
def test_the_committed_second_readings_code_every_gold_span_of_their_records(
    name: str, half: str | None
) -> None:
    """Set B: the second reader coded every actor of every record. Sets E and F: of the even
    half's records, and no record of the odd half (held out: nothing of it is read)."""
    tool = _module()
    folder = REPO / "tests" / "fixtures" / f"heldout-actors-{name}"
    gold = json.loads((folder / "HELDOUT_ACTORS.json").read_text())
    second = json.loads((folder / "SECOND_READER.json").read_text())
    rows = tool.pairs(gold, second)
    order = list(dict.fromkeys(str(record["article"]) for record in gold))
    wanted = {r["id"] for r in gold if half is None or order.index(str(r["article"])) % 2 == 0}
    assert {record["id"] for record in second} == wanted
    spans = sum(
        len(r.get("source") or []) + len(r.get("target") or []) for r in gold if r["id"] in wanted
    )
    assert len(rows) == spans
    assert all(b["code"] for _, _, _, b in rows)
