"""The store's read queries for the web interfaces: counts, paging newest first, pairs either
way, actor search, the most active pairs, and the version readers cache by."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tieline.models import (
    Actor,
    Article,
    DatePrecision,
    DocumentKind,
    Event,
    EventDate,
    Mention,
    Participant,
    RawDocument,
)
from tieline.store import ArticleQuery, EventQuery, Store

BODY = "Japan and Cambodia agreed on Monday to widen trade links, officials said in Tokyo."


def event(source: str, target: str, day: str, kind: str = "AGREE", at: int = 0) -> Event:
    return Event(
        type=kind,
        source=Participant(source, Actor(source, country=source), 0, 0),
        target=Participant(target, Actor(target, country=target), 0, 0),
        sentence=BODY,
        span=(at, at + 10),
        trigger="agreed",
        date=EventDate(dt.date.fromisoformat(day), DatePrecision.DAY),
    )


def store_with(db: Store, n: int, events: list[Event], mentions: tuple[Mention, ...] = ()) -> str:
    article = Article(
        title=f"Story {n}", body=f"{BODY} ({n})", url=f"https://x.example/{n}", language="en"
    )
    raw = RawDocument(f"https://x.example/{n}", article.body.encode(), DocumentKind.HTML)
    run = db.start_run([raw.origin])
    outcome = db.save_article(
        article, raw, coded=True, run_id=run, events=events, mentions=mentions, coder="t"
    )
    assert outcome.article_id
    return outcome.article_id


def test_pair_events_either_way_newest_first_with_a_count(db_file: Path):
    with Store.open(db_file) as db:
        store_with(
            db,
            1,
            [
                event("JPN", "KHM", "2022-04-23", at=0),
                event("KHM", "JPN", "2023-12-16", at=20),
                event("KHM", "THA", "2024-01-01", at=40),
                event("JPN", "JPN", "2021-01-01", at=60),
            ],
        )
        pair = EventQuery(dyad=("KHM", "JPN"))
        assert db.count_events(pair) == 2
        assert db.count_events(EventQuery(dyad=("JPN", "KHM"))) == 2
        newest = db.events(EventQuery(dyad=("KHM", "JPN"), newest_first=True, limit=1))
        assert [
            e.event.date.date.isoformat() for e in newest if e.event.date and e.event.date.date
        ] == ["2023-12-16"]
        oldest = db.events(EventQuery(dyad=("KHM", "JPN"), limit=1))
        assert oldest[0].event.date and oldest[0].event.date.date == dt.date(2022, 4, 23)
        assert db.count_events(EventQuery(dyad=("JPN", "JPN"))) == 1
        assert db.count_events() == 4


def test_most_active_pairs_leave_out_a_state_with_itself(db_file: Path):
    with Store.open(db_file) as db:
        store_with(
            db,
            1,
            [
                event("JPN", "KHM", "2022-04-23", at=0),
                event("KHM", "JPN", "2023-12-16", at=20),
                event("KHM", "THA", "2024-01-01", at=40),
                event("JPN", "JPN", "2021-01-01", at=60),
            ],
        )
        pairs = db.active_dyads(10)
        assert [(p.a, p.b, p.events, p.last_date) for p in pairs] == [
            ("JPN", "KHM", 2, "2023-12-16"),
            ("KHM", "THA", 1, "2024-01-01"),
        ]
        assert [(p.a, p.b) for p in db.active_dyads(10, since=dt.date(2024, 1, 1))] == [
            ("KHM", "THA")
        ]


def test_actor_search_counts_mentions_and_treats_wildcards_literally(db_file: Path):
    kishida = Actor("Fumio Kishida", country="JPN", sector="GOV", person="kishida")
    mention = Mention(0, 5, "Kishida", kishida, "kb:person", "table", 0.9, 0)
    with Store.open(db_file) as db:
        store_with(db, 1, [], (mention, mention))
        store_with(db, 2, [], (mention,))
        found = db.search_actors("kishi")
        assert [(m.name, m.country, m.mentions, m.articles) for m in found] == [
            ("Fumio Kishida", "JPN", 3, 2)
        ]
        assert db.search_actors("KISHIDA")[0].person == "kishida"
        assert db.search_actors("%") == [] and db.search_actors("_") == []


def test_article_counts_follow_the_query(db_file: Path):
    with Store.open(db_file) as db:
        store_with(db, 1, [])
        store_with(db, 2, [])
        assert db.count_articles() == 2
        assert db.count_articles(ArticleQuery(source="x.example/2")) == 1
        assert db.count_articles(ArticleQuery(language="de")) == 0


def test_data_version_moves_when_another_connection_writes(db_file: Path):
    with Store.open(db_file) as reader, Store.open(db_file) as writer:
        before = reader.data_version()
        assert reader.data_version() == before
        store_with(writer, 1, [])
        assert reader.data_version() != before
