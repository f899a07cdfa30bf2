"""`tieline tiers`, `dyad`, `partners`, `stories`, `remove` and `eval tiers|merging`, through
the real command on a database made from the sample page and the tier corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, SAMPLE_PUBLISHED
from tests.interfaces.test_cli import last_json, tieline

RELATIONS = Path(__file__).parents[1] / "fixtures" / "relations"
TIER_CONTRACT = {"a", "b", "tier", "status", "date", "article_id", "sentence"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relations") / "tieline.db"
    for args in (
        (str(SAMPLE), "--published", SAMPLE_PUBLISHED),
        (str(RELATIONS / "tiers" / "articles.jsonl"),),
    ):
        result = tieline("ingest", *args, "--quiet", db=path)
        assert result.returncode == 0, result.stderr
    return path


def test_tiers_jsonl_carries_the_contract_fields(db: Path):
    result = tieline("tiers", "--dyad", "JPN", "KHM", "--format", "jsonl", db=db)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(r) >= TIER_CONTRACT for r in rows)
    assert all((r["a"], r["b"]) == ("JPN", "KHM") for r in rows)
    assert {"proposed", "agreed", "established", "upgraded"} <= {r["status"] for r in rows}
    severed = tieline(
        "tiers", "--country", "IRN", "--status", "severed", "--format", "jsonl", db=db
    )
    assert {json.loads(line)["status"] for line in severed.stdout.splitlines()} == {"severed"}


def test_dyad_reads_well_in_a_terminal(db: Path):
    result = tieline("dyad", "KHM", "JPN", db=db, env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for words in (
        "Japan (JPN) – Cambodia (KHM)",
        "current tier: Comprehensive Strategic Partnership since 2023-12",
        "Tier ladder",
        "Monthly timeline",
        "Most reported events",
        "Sources read:",
        "Phnom Penh Post",
    ):
        assert words in text, words


def test_dyad_json_and_as_of(db: Path):
    state = last_json(tieline("dyad", "IRN", "SAU", "--json", db=db))
    assert (state["a"], state["b"]) == ("IRN", "SAU")
    assert {
        "current_tier",
        "ladder",
        "timeline",
        "index",
        "contexts",
        "top_events",
        "sources",
    } <= set(state)
    assert state["current_tier"]["state"] == "active"
    then = last_json(tieline("dyad", "IRN", "SAU", "--json", "--as-of", "2020-01-01", db=db))
    assert then["current_tier"]["state"] == "severed"


def test_partners_and_stories(db: Path):
    partners = last_json(tieline("partners", "KHM", "--json", db=db))
    assert partners[0]["country"] == "JPN"
    assert partners[0]["tier"] == "Comprehensive Strategic Partnership"
    table = tieline("partners", "KHM", db=db, env={"COLUMNS": "120"})
    assert "Japan (JPN)" in table.stdout
    stories = tieline("stories", "--dyad", "KHM", "JPN", "--json", db=db)
    rows = [json.loads(line) for line in stories.stdout.splitlines()]
    assert rows and all(r["articles"] >= 1 and r["sentence"] for r in rows)


def test_bad_country_codes_are_clear_errors(db: Path):
    result = tieline("dyad", "Cambodia", "JPN", db=db)
    assert result.returncode == 2 and "ISO 3166 alpha-3" in result.stderr
    same = tieline("dyad", "JPN", "jpn", db=db)
    assert same.returncode == 2 and "two different countries" in same.stderr


def test_remove_rebuilds_the_pair(tmp_path: Path):
    db = tmp_path / "one.db"
    ingested = tieline("ingest", str(SAMPLE), "--published", SAMPLE_PUBLISHED, "--json", db=db)
    ident = last_json(ingested)["articles"][0]["id"]
    assert tieline("remove", ident, db=db).returncode == 0
    assert last_json(tieline("dyad", "KHM", "JPN", "--json", db=db))["ladder"] == []
    missing = tieline("remove", "nosuchid", db=db)
    assert missing.returncode == 1 and "no article nosuchid" in missing.stderr


def test_eval_tiers_and_merging_print_metrics_last(tmp_path: Path):
    tiers = last_json(tieline("eval", "tiers", str(RELATIONS / "tiers"), "--json"))
    assert set(tiers) >= {"precision", "recall", "f1", "n"} and tiers["n"] == 18
    merging = last_json(tieline("eval", "merging", str(RELATIONS / "merge" / "gold.jsonl")))
    assert set(merging) >= {"precision", "recall", "f1", "n"}
    bad = tieline("eval", "tiers", str(tmp_path))
    assert bad.returncode == 1 and "gold.jsonl" in bad.stderr
