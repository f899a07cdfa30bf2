"""The whole ingest path over a real loopback server and a real database: feed → pages → store."""

from __future__ import annotations

import datetime as dt

from tests.httpserver import LoopbackServer, Reply
from tests.sources.support import fixture_text
from tieline.models import Status
from tieline.pipeline import ingest
from tieline.settings import Settings
from tieline.store import Store

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
