"""The whole ingest path over a real loopback server and a real database: feed → pages → store."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from tests.httpserver import LoopbackServer, Reply
from tests.sources.support import fixture_text
from tieline.models import Status
from tieline.pipeline import ingest
from tieline.settings import Settings
from tieline.store import Store

REPO = Path(__file__).resolve().parents[1]
PARAGRAPHS = [
    "Cambodia and Japan agreed on Saturday to deepen maritime cooperation, including port "
    "calls by Japanese naval vessels and training for Cambodian coast guard officers.",
    "The agreement was reached during talks between the two countries' defence ministers in "
    "Phnom Penh, officials from both sides said in a joint statement.",
    "Japan will also fund a new radar station on the southern coast, the statement said, "
    "adding that the two governments would meet again later this year to review progress.",
]


def news_page(title: str, paragraphs: list[str], canonical: str | None = None) -> str:
    link = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>{link}</head><body>"
        f"<header><a href='/'>The Harbour Ledger</a></header><main><article><h1>{title}</h1>"
        f"{body}</article></main><footer>Contact us</footer></body></html>"
    )


def serve_feed(server: LoopbackServer) -> str:
    server.page(
        "/news/1", news_page("Cambodia and Japan agree to deepen maritime cooperation", PARAGRAPHS)
    )
    server.page(
        "/news/2",
        news_page(
            "Trade talks resume",
            [
                "Trade negotiators from Vietnam and the Philippines resumed talks in Hanoi on "
                "Sunday on rice exports, tariffs on electronics and a joint fisheries code.",
                "The talks had stalled last year over quotas, but both delegations said they "
                "expected a framework agreement to be signed before the end of the year.",
            ],
        ),
    )
    server.route("/news/3", Reply(404, b"gone", content_type="text/plain"))
    return server.page(
        "/feed.xml", fixture_text("rss.xml", base=server.base), content_type="application/rss+xml"
    )


def run(specs: list[str], store: Store, settings: Settings) -> list:  # type: ignore[type-arg]
    return list(ingest(specs, store, settings))


def test_feed_pages_are_stored_with_feed_dates(
    server: LoopbackServer, store: Store, settings: Settings
):
    feed = serve_feed(server)
    outcomes = {o.origin: o for o in run([feed], store, settings)}
    first = outcomes[server.url("/news/1")]
    assert first.status is Status.STORED
    assert outcomes[server.url("/news/2")].status is Status.STORED
    assert outcomes[server.url("/news/3")].status is Status.FAILED
    assert "404" in outcomes[server.url("/news/3")].reason
    stored = store.get(first.article_id or "")
    assert stored is not None
    assert stored.article.title == "Cambodia and Japan agree to deepen maritime cooperation"
    assert stored.article.published == dt.date(2024, 3, 16)  # from the feed: the page has none
    assert stored.article.url == server.url("/news/1")
    assert stored.article.body.startswith("Cambodia and Japan agreed on Saturday")
    raw = store.raw_document(stored.id)
    assert raw is not None and b"<article>" in raw.content


def test_second_run_fetches_no_stored_page_again(
    server: LoopbackServer, store: Store, settings: Settings
):
    feed = serve_feed(server)
    run([feed], store, settings)
    again = run([feed], store, settings)
    statuses = {o.origin: o.status for o in again}
    assert statuses[server.url("/news/1")] is Status.DUPLICATE
    assert statuses[server.url("/news/2")] is Status.DUPLICATE
    assert len(server.requests_for("/news/1")) == 1
    assert len(server.requests_for("/news/2")) == 1
    assert store.count_articles() == 2


def test_syndicated_copy_under_another_url_is_linked(
    server: LoopbackServer, store: Store, settings: Settings
):
    original = server.page("/wire/story", news_page("Japan, Cambodia deepen ties", PARAGRAPHS))
    reprint = server.page(
        "/paper/world/123",
        news_page(
            "Cambodia, Japan step up maritime cooperation",  # the desk's own headline
            [*PARAGRAPHS, "Reporting by the wire's Phnom Penh bureau."],
        ),
    )
    first, second = run([original, reprint], store, settings)
    assert first.status is Status.STORED
    assert second.status is Status.COPY
    copy = store.get(second.article_id or "")
    assert copy is not None and copy.copy_of == first.article_id


def test_redirected_page_is_known_by_its_final_and_canonical_urls(
    server: LoopbackServer, store: Store, settings: Settings
):
    canonical = server.url("/news/maritime-cooperation")
    server.page(
        "/news/maritime-cooperation",
        news_page("Maritime cooperation", PARAGRAPHS, canonical=canonical),
    )
    short = server.redirect("/s/abc", canonical)
    [first] = run([short], store, settings)
    assert first.status is Status.STORED
    [again] = run([canonical], store, settings)
    assert again.status is Status.DUPLICATE
    assert len(server.requests_for("/news/maritime-cooperation")) == 1
    [short_again] = run([short], store, settings)
    assert short_again.status is Status.DUPLICATE
    assert len(server.requests_for("/s/abc")) == 1  # the short link itself is not fetched again


def test_workers_store_the_same_articles_and_events_in_input_order(tmp_path, settings):
    """`--workers 2` reads in two processes; outcomes keep input order, the data is the same."""
    import json

    from tieline.store import EventQuery

    lines = [
        {
            "url": "https://harbour.example/1",
            "published": "2024-03-04",
            "text": "\n\n".join(
                ["Cambodia and Japan agree to deepen maritime cooperation", *PARAGRAPHS]
            ),
        },
        {"url": "https://harbour.example/empty", "text": ""},
        "not json",
        {
            "url": "https://harbour.example/2",
            "published": "2024-03-05",
            "text": (
                "Vietnam protests Chinese ships\n\nVietnam's foreign ministry on Monday accused "
                "China of sending coast guard ships into its exclusive economic zone and demanded "
                "that Beijing withdraw them at once, a spokeswoman said in Hanoi."
            ),
        },
    ]
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    )

    def outcomes_and_events(workers: int) -> tuple[list[tuple[str, str]], list[tuple]]:  # type: ignore[type-arg]
        with Store.open(tmp_path / f"w{workers}.db") as store:
            outcomes = list(ingest([str(jsonl)], store, settings, workers=workers))
            events = sorted(
                (e.article_id, e.event.type, e.event.sentence) for e in store.events(EventQuery())
            )
        return [(o.origin.rsplit("#", 1)[-1], o.status.value) for o in outcomes], events

    serial, parallel = outcomes_and_events(1), outcomes_and_events(2)
    assert [status for _, status in parallel[0]] == ["stored", "skipped", "failed", "stored"]
    assert parallel == serial
    assert any(kind == "ACCUSE" for _, kind, _ in parallel[1])


def _jsonl_with_problems(tmp_path: Path) -> Path:
    """The merge fixture's 30 articles with an empty one and a broken line among them."""
    lines = (REPO / "tests" / "fixtures" / "relations" / "merge" / "articles.jsonl").read_text()
    articles = lines.splitlines()
    articles[4:4] = ['{"url": "https://harbour.example/empty", "text": ""}', "not json"]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(articles) + "\n")
    return path


def _stored(db: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    with sqlite3.connect(db) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("events", "mentions", "tier_facts", "merged_events")
        }


def test_articles_read_together_store_what_one_by_one_stores(tmp_path, settings, coding):
    """Read `chunk` at a time, with one spaCy call for them all, the stored data is the same."""
    jsonl = _jsonl_with_problems(tmp_path)

    def read(chunk: int) -> tuple[list[tuple[str, str]], dict[str, list[tuple]]]:  # type: ignore[type-arg]
        db = tmp_path / f"chunk{chunk}.db"
        with Store.open(db) as store:
            outcomes = list(ingest([str(jsonl)], store, settings, coding=coding, chunk=chunk))
        return [(o.origin, o.status.value) for o in outcomes], _stored(db)

    one_by_one, together = read(1), read(7)
    assert together == one_by_one
    outcomes, stored = together
    assert [status for _, status in outcomes].count("stored") == 30
    assert [status for _, status in outcomes[4:6]] == ["skipped", "failed"]
    assert len(stored["events"]) > 30 and len(stored["mentions"]) > 100


def test_a_document_that_cannot_be_coded_fails_alone_in_its_chunk(tmp_path, settings, coding):
    """When the chunk's one spaCy call fails, each document is parsed on its own: the one at
    fault fails with its reason, the others are stored as they would be anyway."""
    from tieline.pipeline import Coded, Coding

    jsonl = _jsonl_with_problems(tmp_path)
    poisoned = "The Quiet Ledger"

    class Fragile(Coding):
        def parse(self, plans):  # type: ignore[no-untyped-def]
            raise MemoryError("spaCy gave up on the chunk")

        def code_all(self, article, plans=None, preparsed=None) -> Coded:  # type: ignore[no-untyped-def]
            if poisoned in article.body:
                raise ValueError("cannot read this one")
            return super().code_all(article, plans, preparsed)

    lines = jsonl.read_text().splitlines()
    first = json.loads(lines[0])
    first["text"] += f"\n\n{poisoned} was founded in 1901."
    lines[0] = json.dumps(first)
    jsonl.write_text("\n".join(lines) + "\n")

    with Store.open(tmp_path / "fragile.db") as store:
        outcomes = list(
            ingest([str(jsonl)], store, settings, coding=Fragile(coding.resolver, coding.events))
        )
    assert (outcomes[0].status, outcomes[0].reason) == (
        Status.FAILED,
        "internal error while reading: ValueError: cannot read this one",
    )
    assert [o.status.value for o in outcomes[1:]].count("stored") == 29


def test_recoding_stored_articles_together_codes_each_as_alone(tmp_path, settings, coding):
    """`code_articles` (what `tieline code` runs) parses several stored articles in one spaCy
    call: each gets what coding it alone gives, and one that cannot be coded gives its error
    in its place without stopping the others."""
    from tieline.pipeline import Coded, Coding, code_articles

    with Store.open(tmp_path / "recode.db") as store:
        list(ingest([str(_jsonl_with_problems(tmp_path))], store, settings, coding=coding))
        articles = [a.article for a in store.articles()][:6]
    assert len(articles) == 6
    alone = [coding.code_all(article) for article in articles]
    assert code_articles(articles, coding) == alone

    class Fragile(Coding):
        def code_all(self, article, plans=None, preparsed=None) -> Coded:  # type: ignore[no-untyped-def]
            if article is articles[2]:
                raise ValueError("cannot read this one")
            return super().code_all(article, plans, preparsed)

    results = code_articles(articles, Fragile(coding.resolver, coding.events))
    assert isinstance(results[2], ValueError)
    assert [r for n, r in enumerate(results) if n != 2] == alone[:2] + alone[3:]


def test_a_chunk_is_handed_on_when_its_items_come_slowly() -> None:
    """Local files fill a chunk at once; pages fetched one by one are not held back for it."""
    from tieline.pipeline import _chunks

    arrivals = {"a": 0.0, "b": 0.1, "c": 0.2, "d": 0.3, "e": 5.0, "f": 5.1, "g": 9.0}
    now = [0.0]

    def items():  # type: ignore[no-untyped-def]
        for name, at in arrivals.items():
            now[0] = at  # the item has just come in (fetched, say)
            yield name

    parts = list(_chunks(items(), 3, wait=0.5, clock=lambda: now[0]))
    # a, b and c come together and fill a chunk; d waits for e, which comes 4.7 s later, and
    # the chunk goes on with two; so do f and g.
    assert parts == [["a", "b", "c"], ["d", "e"], ["f", "g"]]
