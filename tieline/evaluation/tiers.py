"""Tier facts against a gold file: precision, recall and F1 of (pair, tier, status, date).

The gold is a JSONL file of the shape `tieline tiers --format jsonl` prints (`a, b, tier,
status, date`, plus `url` and `sentence` for the reader), with the articles it was read from
in `articles.jsonl` beside it (one `{url, published, text|html}` per line). The articles are
ingested into a fresh database and their tier facts compared with the gold:

* a fact's key is the pair (either order), the tier (any case), the status, and the date to
  the month — or to the year when the gold gives only a year;
* a fact restated by several articles counts once, on either side.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tieline.evaluation.common import precision_recall_f1

if TYPE_CHECKING:
    from tieline.models import TierFact
    from tieline.pipeline import Coding

ARTICLES = "articles.jsonl"
GOLD = "gold.jsonl"


class DatasetError(ValueError):
    """The path is not a tier gold set."""


@dataclass(frozen=True)
class GoldTier:
    a: str
    b: str
    tier: str
    status: str
    date: str  # "YYYY" or "YYYY-MM" (a longer date is cut to the month)
    sentence: str = ""

    def key(self) -> tuple[str, str, str, str]:
        a, b = sorted((self.a.upper(), self.b.upper()))
        return a, b, self.tier.lower(), self.status.lower()


@dataclass(frozen=True)
class TierScore:
    gold: list[GoldTier]
    predicted: list[GoldTier]
    matched_gold: list[GoldTier]
    unmatched_predicted: list[GoldTier]


def locate(path: Path) -> tuple[Path, Path]:
    """The gold file and the articles file for a folder or a gold file."""
    gold = path / GOLD if path.is_dir() else path
    articles = gold.parent / ARTICLES
    if not gold.is_file():
        raise DatasetError(f"{path}: no {GOLD} here (a tier gold set is {GOLD} + {ARTICLES})")
    if not articles.is_file():
        raise DatasetError(f"{gold}: no {ARTICLES} beside it to read the facts from")
    return gold, articles


def load_gold(path: Path) -> list[GoldTier]:
    facts = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            facts.append(
                GoldTier(
                    row["a"],
                    row["b"],
                    row["tier"],
                    row["status"],
                    str(row["date"])[:7],
                    row.get("sentence", ""),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise DatasetError(f"{path}:{number}: not a tier fact ({error})") from error
    return facts


def as_gold_shape(fact: TierFact) -> GoldTier:
    date = fact.date.month_key or ""
    return GoldTier(fact.a, fact.b, fact.tier, fact.status.value, date, fact.sentence)


def _date_agrees(gold: str, predicted: str) -> bool:
    if len(gold) == 4:  # the gold knows the year only
        return predicted[:4] == gold
    return predicted == gold


def score(gold: list[GoldTier], predicted: list[GoldTier]) -> TierScore:
    """Match each gold fact to at most one predicted fact with the same key and date."""
    unique: dict[tuple[str, ...], GoldTier] = {}
    for fact in predicted:
        unique.setdefault((*fact.key(), fact.date), fact)
    # "Strategic partners since 2018" restates the March 2018 fact another report dates.
    for key in [k for k in unique if len(k[-1]) == 4]:
        if any(k[:-1] == key[:-1] and len(k[-1]) > 4 and k[-1][:4] == key[-1] for k in unique):
            del unique[key]
    left = list(unique.values())
    matched = []
    for fact in gold:
        hit = next(
            (p for p in left if p.key() == fact.key() and _date_agrees(fact.date, p.date)), None
        )
        if hit is not None:
            left.remove(hit)
            matched.append(fact)
    return TierScore(gold, list(unique.values()), matched, left)


def metrics(result: TierScore) -> dict[str, float | int]:
    return {
        **precision_recall_f1(len(result.matched_gold), len(result.predicted), len(result.gold)),
        "n": len(result.gold),
        "predicted": len(result.predicted),
    }


def evaluate(
    path: Path, coding: Coding | None = None, progress: Callable[[int], None] | None = None
) -> tuple[dict[str, float | int], TierScore]:
    """Ingest the articles beside the gold into a fresh database and score their tier facts."""
    from tieline.pipeline import Coding, ingest
    from tieline.store import Store

    gold_file, articles = locate(path)
    gold = load_gold(gold_file)
    coding = coding or Coding()
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "tiers.db") as store:
        for done, _ in enumerate(ingest([str(articles)], store, coding=coding), 1):
            if progress:
                progress(done)
        predicted = [as_gold_shape(stored.fact) for stored in store.tier_facts()]
    result = score(gold, predicted)
    return metrics(result), result
