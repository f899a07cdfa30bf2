"""`tieline events` and `tieline code` on a real database made from the sample page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, SAMPLE_PUBLISHED
from tests.interfaces.test_cli import last_json, tieline

CONTRACT = {
    "id", "article_id", "type", "mode", "aux", "contexts", "source", "target", "symmetric",
    "date", "date_precision", "sentence", "span", "cameo", "quad_class", "score", "confidence",
    "rule",
}  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "tieline.db"
    result = tieline("ingest", str(SAMPLE), "--published", SAMPLE_PUBLISHED, db=path)
    assert result.returncode == 0, result.stderr
    return path


def jsonl(*args: str, db: Path) -> list[dict]:  # type: ignore[type-arg]
    result = tieline("events", *args, "--format", "jsonl", db=db)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_jsonl_carries_the_contract_fields(db: Path):
    rows = jsonl("--dyad", "KHM", "JPN", db=db)
    assert len(rows) >= 8
    for row in rows:
        assert set(row) >= CONTRACT
        assert set(row["source"] or {}) >= {"text", "actor_id", "country", "sector"} or (
            row["source"] is None
        )
    meeting = [r for r in rows if r["type"] == "CONSULT" and r["date"] == "2022-04-23"]
    assert meeting and meeting[0]["date_precision"] == "day"


def test_filters(db: Path):
    agree = jsonl("--type", "AGREE", db=db)
    assert agree and {r["type"] for r in agree} == {"AGREE"}
    military = jsonl("--context", "military", db=db)
    assert military and all("military" in r["contexts"] for r in military)
    assert jsonl("--dyad", "KHM", "HUN", db=db) == []
    assert jsonl("--since", "2023-01-01", db=db) == []
    facts = jsonl("--facts-only", db=db)
    assert facts and not any(r["aux"] for r in facts)


def test_csv_and_parquet_hold_the_same_rows(db: Path, tmp_path: Path):
    expected = len(jsonl(db=db))
    result = tieline("events", "--format", "csv", db=db)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == expected
    assert {"source_country", "target_country", "sentence"} <= set(rows[0])
    out = tmp_path / "events.parquet"
    result = tieline("events", "--format", "parquet", "-o", str(out), db=db)
    assert result.returncode == 0, result.stderr
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == expected


@pytest.mark.parametrize(
    ("columns", "keys"),
    [
        ("gdelt", {"GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "EventRootCode", "QuadClass"}),
        ("polecat", {"Event ID", "Event Type", "Actor Country", "Recipient Country", "Contexts"}),
    ],
)
def test_column_sets_for_people_moving_from_other_datasets(db: Path, columns: str, keys: set[str]):
    rows = jsonl("--columns", columns, db=db)
    assert rows and keys <= set(rows[0])


def test_table_output_names_the_evidence(db: Path):
    result = tieline("events", "--dyad", "KHM", "JPN", db=db)
    assert result.returncode == 0
    assert "CONSULT" in result.stdout and "on the sidelines" in result.stdout


def test_show_json_lists_the_articles_events(db: Path):
    shown = last_json(tieline("show", str(SAMPLE), "--json", db=db))
    assert len(shown["events"]) >= 8
    assert all(e["article_id"] == shown["id"] for e in shown["events"])


def test_recoding_replaces_and_adds_nothing_twice(db: Path):
    before = jsonl(db=db)
    result = tieline("code", db=db)
    assert result.returncode == 0, result.stderr
    assert "re-coded 1 articles" in result.stdout
    after = jsonl(db=db)
    assert sorted(r["id"] for r in after) == sorted(r["id"] for r in before)


def test_code_unknown_article_is_a_clear_error(db: Path):
    result = tieline("code", "--article", "ffffffffffffffff", db=db)
    assert result.returncode == 1
    assert "not in" in result.stderr
