"""One event, many reports: deterministic, incremental merging, undone on re-code or removal."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from tieline.pipeline import ingest
from tieline.relations.merge import Report, cluster, publisher_of
from tieline.store import Store

MERGE_SET = Path(__file__).parents[1] / "fixtures" / "relations" / "merge"


def report(
    event_id: str,
    day: int,
    *,
    type_: str = "CONSULT",
    source: str = "USA",
    target: str = "CHN",
    stated: bool = True,
    sentence: str = "Blinken met Wang Yi in Beijing to discuss trade and Taiwan.",
    publisher: str = "wire",
) -> Report:
    return Report(
        event_id=event_id,
        article_id=f"article-{event_id}",
        type=type_,
        source_country=source,
        target_country=target,
        date=dt.date(2024, 4, day),
        precision="day",
        date_stated=stated,
        aux="",
        sentence=sentence,
        confidence=0.8,
        published=dt.date(2024, 4, day),
        publisher=publisher,
    )


def groups(reports: list[Report]) -> set[frozenset[str]]:
    return {frozenset(r.event_id for r in c.reports) for c in cluster(reports)}


def test_same_pair_type_and_day_is_one_event_either_way_round():
    found = groups([report("a", 26), report("b", 26, source="CHN", target="USA")])
    assert found == {frozenset({"a", "b"})}


def test_different_stated_days_are_different_events():
    assert groups([report("a", 5), report("b", 19)]) == {frozenset({"a"}), frozenset({"b"})}
    assert groups([report("a", 5), report("b", 6)]) == {frozenset({"a"}), frozenset({"b"})}


def test_a_report_dated_by_its_publication_day_joins_a_similar_event_a_day_earlier():
    later = report(
        "b", 27, stated=False, sentence="Blinken and Wang Yi discussed trade and Taiwan."
    )
    assert groups([report("a", 26), later]) == {frozenset({"a", "b"})}
    unrelated = report("c", 27, stated=False, sentence="Officials held consultations on fentanyl.")
    assert frozenset({"c"}) in groups([report("a", 26), unrelated])


def test_other_types_pairs_and_directions_stay_apart():
    sanction = report("s", 14, type_="SANCTION", sentence="The US raised tariffs on Chinese cars.")
    other_pair = report("k", 14, target="KOR")
    accuse = report("x", 14, type_="ACCUSE")
    accused_back = report("y", 14, type_="ACCUSE", source="CHN", target="USA")
    found = groups([report("a", 14), sanction, other_pair, accuse, accused_back])
    assert len(found) == 5


def test_merging_does_not_depend_on_arrival_order():
    reports = [report(str(i), 10 + i % 3, stated=i % 2 == 0) for i in range(12)]
    expected = groups(reports)
    ids = {c.id for c in cluster(reports)}
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert groups(shuffled) == expected
        assert {c.id for c in cluster(shuffled)} == ids


def test_publisher_falls_back_to_the_host():
    assert publisher_of(None, "https://www.seoulwire.example/a") == "seoulwire.example"
    assert publisher_of("Reuters", "https://x.example/") == "Reuters"
    assert publisher_of(None, None) == "unknown"
    assert publisher_of(None, "http://[::1") == "unknown"  # a malformed URL from a WARC record


def lines(*stories: str) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in (MERGE_SET / "articles.jsonl").read_text().splitlines()]
    gold = {
        json.loads(line)["url"]: json.loads(line)["story"]
        for line in (MERGE_SET / "gold.jsonl").read_text().splitlines()
    }
    return [r for r in rows if gold[r["url"]] in stories]


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_reports_merge_incrementally_and_removal_undoes_it(tmp_path, coding):  # type: ignore[no-untyped-def]
    rows = lines("blinken-wang-beijing-2024-04-26")
    assert len(rows) >= 2
    first = write(tmp_path / "first.jsonl", rows[:1])
    rest = write(tmp_path / "rest.jsonl", rows[1:])
    with Store.open(tmp_path / "m.db") as store:
        list(ingest([str(first)], store, coding=coding))
        alone = [m for m in store.merged_events("USA", "CHN") if m.type == "CONSULT"]
        assert len(alone) == 1 and alone[0].articles == 1
        outcomes = list(ingest([str(rest)], store, coding=coding))
        merged = [m for m in store.merged_events("USA", "CHN") if m.type == "CONSULT"]
        assert len(merged) == 1, [(m.date, m.sentence) for m in merged]
        assert merged[0].articles == len(rows) and merged[0].publishers == len(rows)
        assert merged[0].id == alone[0].id  # later reports join; the id stays
        assert merged[0].first_report <= merged[0].last_report
        # Re-running the same input adds nothing.
        list(ingest([str(first), str(rest)], store, coding=coding))
        again = [m for m in store.merged_events("USA", "CHN") if m.type == "CONSULT"]
        assert [(m.id, m.articles) for m in again] == [(m.id, m.articles) for m in merged]
        # Removing a report takes it out of the merged event.
        assert store.remove_article(outcomes[0].article_id)
        after = [m for m in store.merged_events("USA", "CHN") if m.type == "CONSULT"]
        assert sum(m.articles for m in after) == len(rows) - 1
        members = store.merged_of_articles()
        assert all(outcomes[0].article_id not in arts for arts in members.values())


def test_recoding_an_article_replaces_its_share_of_merged_events(tmp_path, coding):  # type: ignore[no-untyped-def]
    rows = lines("blinken-wang-beijing-2024-04-26")
    with Store.open(tmp_path / "m.db") as store:
        outcomes = list(ingest([str(write(tmp_path / "a.jsonl", rows))], store, coding=coding))
        before = {m.id: m.articles for m in store.merged_events("USA", "CHN")}
        target = outcomes[0].article_id
        stored = store.get(target)
        coded = coding.code_all(stored.article)
        store.replace_coding(target, coded.mentions, "r", coded.events, "c", coded.tiers)
        assert {m.id: m.articles for m in store.merged_events("USA", "CHN")} == before
        store.replace_coding(target, [], "r", [], "c", [])  # a coder that finds nothing
        after = store.merged_of_articles()
        assert all(target not in arts for arts in after.values())
        assert store.rebuild_relations() >= 1
        assert {m.id: m.articles for m in store.merged_events("USA", "CHN")} != before


def test_merging_on_the_story_set(coding):  # type: ignore[no-untyped-def]
    """Pairwise precision and recall over reports (tests/fixtures/relations/merge). Merging
    itself errs little; recall is bounded by reports whose event the coder misses."""
    from tieline.evaluation import merging

    metrics, _ = merging.evaluate(MERGE_SET, coding)
    assert metrics["n"] == 29
    assert metrics["precision"] >= 0.9
    assert metrics["recall"] >= 0.3


def test_merging_rules_on_the_gold_coding():
    """The merge rules alone, given each report's gold pair, type and date (as a perfect coder
    would give them) and its first sentence: every same-story pair merged, no other."""
    from tieline.evaluation.merging import pairs_of

    rows = {
        r["url"]: r
        for r in map(json.loads, (MERGE_SET / "articles.jsonl").read_text().splitlines())
    }
    gold = [json.loads(line) for line in (MERGE_SET / "gold.jsonl").read_text().splitlines()]
    reports = [
        Report(
            event_id=g["url"],
            article_id=g["url"],
            type=g["type"],
            source_country=g["a"],
            target_country=g["b"],
            date=dt.date.fromisoformat(g["date"]),
            precision="day",
            date_stated=True,
            aux="",
            sentence=rows[g["url"]]["text"].split("\n\n")[1],
            confidence=0.8,
            published=dt.date.fromisoformat(rows[g["url"]]["published"]),
            publisher=publisher_of(None, g["url"]),
        )
        for g in gold
    ]
    stories: dict[str, set[str]] = {}
    for g in gold:
        stories.setdefault(g["story"], set()).add(g["url"])
    merged = {c.id: {r.article_id for r in c.reports} for c in cluster(reports)}
    assert pairs_of(merged) == pairs_of(stories)


def test_incremental_merging_equals_a_full_rebuild(tmp_path, coding):  # type: ignore[no-untyped-def]
    """Articles arriving one by one, each re-merging only its pairs' years, end where merging
    everything at once does."""
    corpus = MERGE_SET.parent / "tiers" / "articles.jsonl"
    with Store.open(tmp_path / "m.db") as store:
        list(ingest([str(MERGE_SET / "articles.jsonl"), str(corpus)], store, coding=coding))
        incremental = {frozenset(arts) for arts in store.merged_of_articles().values()}
        ids = {m.id for m in store.merged_events()}
        assert store.rebuild_relations() > 10
        assert {frozenset(arts) for arts in store.merged_of_articles().values()} == incremental
        assert {m.id for m in store.merged_events()} == ids
