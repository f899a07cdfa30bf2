"""Event merging against a gold set: pairwise precision and recall over reports.

The gold is `gold.jsonl` (one `{url, story, a, b, type, date}` per report) with the reports in
`articles.jsonl` beside it. The reports are ingested into a fresh database; two reports are
*merged* when one merged event holds an event of each, and *the same story* when the gold says
so. Precision is the share of merged pairs that are the same story; recall the share of
same-story pairs that were merged.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tieline.evaluation.common import precision_recall_f1
from tieline.evaluation.tiers import ARTICLES, GOLD, DatasetError

if TYPE_CHECKING:
    from tieline.pipeline import Coding


@dataclass(frozen=True)
class MergeScore:
    gold_pairs: set[frozenset[str]]  # same-story report pairs, by URL
    merged_pairs: set[frozenset[str]]  # report pairs tieline merged
    stories: int
    reports: int

    @property
    def wrong(self) -> set[frozenset[str]]:
        return self.merged_pairs - self.gold_pairs

    @property
    def missed(self) -> set[frozenset[str]]:
        return self.gold_pairs - self.merged_pairs


def load_stories(path: Path) -> dict[str, str]:
    """URL → story id."""
    stories = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
                stories[str(row["url"])] = str(row["story"])
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise DatasetError(f"{path}:{number}: not a report line ({error})") from error
    return stories


def pairs_of(groups: dict[str, set[str]]) -> set[frozenset[str]]:
    found: set[frozenset[str]] = set()
    for members in groups.values():
        found.update(frozenset(p) for p in itertools.combinations(sorted(members), 2))
    return found


def metrics(result: MergeScore) -> dict[str, float | int]:
    right = len(result.merged_pairs & result.gold_pairs)
    return {
        **precision_recall_f1(right, len(result.merged_pairs), len(result.gold_pairs)),
        "n": len(result.gold_pairs),
        "merged_pairs": len(result.merged_pairs),
        "reports": result.reports,
        "stories": result.stories,
    }


def evaluate(path: Path, coding: Coding | None = None) -> tuple[dict[str, float | int], MergeScore]:
    """Ingest the reports beside the gold into a fresh database and score the merging."""
    from tieline.pipeline import Coding, ingest
    from tieline.store import Store

    gold_file = path / GOLD if path.is_dir() else path
    articles = gold_file.parent / ARTICLES
    if not gold_file.is_file() or not articles.is_file():
        raise DatasetError(f"{path}: a merge gold set is {GOLD} with {ARTICLES} beside it")
    stories = load_stories(gold_file)
    by_story: dict[str, set[str]] = {}
    for url, story in stories.items():
        by_story.setdefault(story, set()).add(url)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "merge.db") as store:
        url_of: dict[str, str] = {}
        for outcome in ingest([str(articles)], store, coding=coding or Coding()):
            if outcome.article_id:
                found = store.get(outcome.article_id)
                if found is not None and found.article.url:
                    url_of[outcome.article_id] = found.article.url
        merged = {
            merged_id: {url_of[a] for a in members if a in url_of}
            for merged_id, members in store.merged_of_articles().items()
        }
    result = MergeScore(pairs_of(by_story), pairs_of(merged), len(by_story), len(stories))
    return metrics(result), result
