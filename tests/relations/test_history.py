"""Tier histories across articles and years, from text alone (tests/fixtures/relations/tiers).

The corpora were written for these tests (see their READMEs); the tier rules were developed on
tiers/ and tiers-heldout/, so their figures are development figures; tiers-blind/ was not looked at.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tieline.pipeline import ingest
from tieline.relations.dyad import dyad_state, partners
from tieline.store import Store

CORPUS = Path(__file__).parents[1] / "fixtures" / "relations" / "tiers"


@pytest.fixture(scope="module")
def history_db(tmp_path_factory, coding) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("history") / "history.db"
    with Store.open(path) as store:
        list(ingest([str(CORPUS / "articles.jsonl")], store, coding=coding))
        list(ingest([str(SAMPLE)], store, coding=coding, published=dt.date(2022, 4, 25)))
    return path


@pytest.fixture
def db(history_db, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    copy = tmp_path / "copy.db"
    shutil.copyfile(history_db, copy)
    return copy


def steps(state) -> list[tuple[str | None, str, str]]:  # type: ignore[no-untyped-def]
    return [(s["date"][:7] if s["date"] else None, s["tier"], s["status"]) for s in state["ladder"]]


def test_cambodia_japan_history(db):  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        state = dyad_state(store, "KHM", "JPN")
    ladder = steps(state)
    expected = [
        ("1953", "diplomatic relations", "established"),
        ("2013-12", "Strategic Partnership", "established"),
        ("2018-10", "Strategic Partnership", "reaffirmed"),
        ("2022-03", "Comprehensive Strategic Partnership", "proposed"),
        ("2022-04", "Comprehensive Strategic Partnership", "agreed"),
        ("2022-11", "Comprehensive Strategic Partnership", "agreed"),
        ("2023-12", "Comprehensive Strategic Partnership", "upgraded"),
    ]
    assert [step for step in ladder if step in expected] == expected
    november = next(s for s in state["ladder"] if s["date"].startswith("2022-11"))
    assert november["planned"] == "2023"  # "next year" in a November 2022 article
    assert november["proposer"] == "KHM"
    assert state["current_tier"]["tier"] == "Comprehensive Strategic Partnership"
    assert state["current_tier"]["since"].startswith("2023-12")
    assert state["current_tier"]["pending"] is None


def test_the_ladder_as_it_stood(db):  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        before = dyad_state(store, "JPN", "KHM", as_of=dt.date(2022, 6, 30))
        early = dyad_state(store, "JPN", "KHM", as_of=dt.date(2014, 1, 1))
    assert before["current_tier"]["tier"] == "Strategic Partnership"
    assert before["current_tier"]["pending"]["tier"] == "Comprehensive Strategic Partnership"
    assert before["current_tier"]["pending"]["status"] == "agreed"
    assert early["current_tier"]["tier"] == "Strategic Partnership"
    assert early["current_tier"]["since"].startswith("2013-12")


def test_severed_and_restored(db):  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        cut = dyad_state(store, "SAU", "IRN", as_of=dt.date(2022, 12, 31))
        now = dyad_state(store, "IRN", "SAU")
    assert cut["current_tier"]["state"] == "severed"
    assert cut["current_tier"]["since"].startswith("2016-01")
    assert now["current_tier"]["state"] == "active"
    assert now["current_tier"]["tier"] == "diplomatic relations"
    assert ("2016-01", "diplomatic relations", "severed") in steps(now)
    assert ("2023-03", "diplomatic relations", "agreed") in steps(now)
    assert ("2023-04", "diplomatic relations", "restored") in steps(now)


def test_the_sample_alone_gives_the_standing_tier_and_the_agreed_upgrade(tmp_path, coding):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "sample.db") as store:
        list(ingest([str(SAMPLE)], store, coding=coding, published=dt.date(2022, 4, 25)))
        state = dyad_state(store, "KHM", "JPN")
        found = partners(store, "KHM")
    current = state["current_tier"]
    assert current["tier"] == "Strategic Partnership"  # standing, as the text names it
    assert current["pending"]["status"] == "agreed"
    assert current["pending"]["proposer"] == "KHM"
    assert found[0]["country"] == "JPN" and found[0]["events"] > 0
    assert state["top_events"] and all(e["sentence"] for e in state["top_events"])
    assert "Phnom Penh Post" in {s["publisher"] for s in state["sources"]}
    months = {m["month"] for m in state["timeline"]}
    assert "2022-04" in months


@pytest.mark.parametrize(("corpus", "floor"), [("tiers", 0.95), ("tiers-heldout", 0.95)])
def test_tier_gate(coding, corpus, floor):  # type: ignore[no-untyped-def]
    """Pinned F1 on the two tier corpora (1.0 and 0.976 when pinned). Both were used to develop
    the rules (the second scored 0.50 when first run blind); tiers-blind/ is the honest one."""
    from tieline.evaluation import tiers

    metrics, _ = tiers.evaluate(CORPUS.parent / corpus, coding)
    assert metrics["f1"] >= floor
