"""The SQLite store: migrations, identity, copies, raw input, queries — on real database files."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from pathlib import Path

import pytest

from tieline.models import Article, DocumentKind, RawDocument, RelatedItem, Status
from tieline.store import ArticleQuery, EventQuery, Store, default_db_path
from tieline.store import migrations as schema

BODY = (
    "The foreign ministers of Cambodia and Japan met in Phnom Penh on Monday and agreed to "
    "expand cooperation on water management, demining and port development, officials said. "
    "Both sides pledged to hold annual talks on security and to widen trade links next year."
)


def make(
    body: str = BODY, url: str | None = "https://news.example.org/a", **fields: object
) -> tuple[Article, RawDocument]:
    article = Article(
        title=fields.pop("title", "Ministers meet"),
        body=body,
        url=url,
        language="en",
        extractor="test",
        **fields,
    )  # type: ignore[arg-type]
    raw = RawDocument(
        origin=url or "input.txt", content=body.encode(), kind=DocumentKind.HTML, url=url
    )
    return article, raw


def save(store: Store, article: Article, raw: RawDocument, coded: bool = True):
    run = store.start_run([raw.origin])
    return store.save_article(article, raw, coded=coded, run_id=run)


def test_migrations_are_recorded_and_applied_once(db_file: Path):
    with Store.open(db_file):
        pass
    with Store.open(db_file):
        pass
    connection = sqlite3.connect(db_file)
    names = [r[0] for r in connection.execute("SELECT name FROM schema_migrations")]
    assert names == [name for name, _ in schema.available()]
    assert "0001_articles" in names


def test_database_from_a_newer_tieline_is_refused(db_file: Path):
    with Store.open(db_file):
        pass
    connection = sqlite3.connect(db_file)
    connection.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'x')")
    connection.commit()
    with pytest.raises(schema.SchemaTooNew):
        Store.open(db_file)


def test_article_round_trips_with_raw_input(store: Store):
    article, raw = make(
        canonical_url="https://news.example.org/a?utm_source=feed",
        publisher="Example News",
        published=dt.date(2022, 4, 25),
        published_source="page",
        captions=("A caption",),
        related=(RelatedItem("Other story", "teaser", "https://news.example.org/b"),),
        notes=("dropped 1 logo line",),
    )
    outcome = save(store, article, raw)
    assert outcome.status is Status.STORED
    stored = store.get(outcome.article_id or "")
    assert stored is not None
    assert stored.article == article
    assert stored.coded
    document = store.raw_document(stored.id)
    assert document is not None and document.content == raw.content


def test_raw_input_is_compressed_on_disk(db_file: Path):
    page = ("<p>" + BODY + "</p>") * 200
    article, _ = make()
    raw = RawDocument(origin="big.html", content=page.encode(), kind=DocumentKind.HTML)
    with Store.open(db_file) as store:
        save(store, article, raw)
    connection = sqlite3.connect(db_file)
    size, blob = connection.execute("SELECT size, content FROM raw_documents").fetchone()
    assert size == len(page.encode())
    assert len(blob) < size / 10
    assert zlib.decompress(blob) == page.encode()


def test_same_url_twice_is_a_duplicate(store: Store):
    first = save(store, *make())
    again = save(store, *make(title="Changed headline"))
    assert again.status is Status.DUPLICATE
    assert again.article_id == first.article_id
    assert store.count_articles() == 1


def test_url_variants_are_one_article(store: Store):
    save(store, *make(url="https://news.example.org/a"))
    again = save(store, *make(url="HTTPS://News.Example.org:443/a?utm_campaign=x#top"))
    assert again.status is Status.DUPLICATE


def test_canonical_url_identifies_a_page_read_from_another_url(store: Store):
    save(store, *make(url="https://m.example.org/a", canonical_url="https://news.example.org/a"))
    assert store.known_url("https://m.example.org/a")
    again = save(store, *make(url="https://news.example.org/a"))
    assert again.status is Status.DUPLICATE


def test_text_without_url_is_identified_by_its_words(store: Store):
    first = save(store, *make(url=None))
    again = save(store, *make(body=BODY.replace("Monday", "Monday "), url=None))
    assert first.status is Status.STORED
    assert again.status is Status.DUPLICATE


WIRE_STORY = BODY + (
    " The meeting was the first in person since the pandemic. Japan has been one of Cambodia's "
    "largest donors since the 1990s, when it helped oversee peacekeeping efforts in the country. "
    "Officials said the port at Sihanoukville would receive new funding for dredging and a second "
    "container terminal, with work to begin before the end of the year. The ministers also "
    "discussed regional security, including the situation in Myanmar, and agreed to coordinate "
    "positions ahead of the ASEAN summit in November. A joint statement issued after the talks "
    "said both governments were committed to a free and open Indo-Pacific and to the rule of "
    "law at sea. Trade between the two countries reached a record last year, driven by garment "
    "exports and Japanese investment in manufacturing plants near the Thai border."
)


def test_near_identical_copy_is_linked_not_duplicated(store: Store):
    original = save(store, *make(body=WIRE_STORY, url="https://wire.example.com/story"))
    # A syndicated copy: one phrase edited by the desk, a credit line added at the end.
    wire_copy = (
        WIRE_STORY.replace("officials said.", "officials told reporters.")
        + " (Reporting by A. Writer; editing by B. Editor)"
    )
    copy = save(store, *make(body=wire_copy, url="https://paper.example.net/world/story-123"))
    assert copy.status is Status.COPY
    assert original.article_id and original.article_id in copy.reason
    stored = store.get(copy.article_id or "")
    assert stored is not None and stored.copy_of == original.article_id
    assert stored.similarity is not None and stored.similarity >= 0.8
    assert store.copies_of(original.article_id) == [copy.article_id]


def test_different_story_on_same_event_is_not_a_copy(store: Store):
    save(store, *make(url="https://wire.example.com/story"))
    other = (
        "Japan will help Cambodia build a deep-sea port, its foreign minister said after talks in "
        "Phnom Penh, where the two governments discussed demining, water supply and trade. The "
        "minister also promised more scholarships for Cambodian students in Japanese universities."
    )
    outcome = save(store, *make(body=other, url="https://paper.example.net/other"))
    assert outcome.status is Status.STORED


def test_query_filters(store: Store):
    for i, (lang, pub, day) in enumerate(
        [("en", "Example News", 1), ("en", "Other Daily", 15), ("de", "Example News", 28)]
    ):
        body = f"Story number {i}. " + " ".join(f"word{i}x{j}" for j in range(60))
        article, raw = make(
            body=body,
            url=f"https://site{i}.example.org/{i}",
            publisher=pub,
            published=dt.date(2022, 4, day),
        )
        article = Article(**{**article.__dict__, "language": lang})
        save(store, article, raw, coded=lang == "en")
    titles = lambda q: [a.article.url for a in store.articles(q)]  # noqa: E731
    assert len(store.articles()) == 3
    assert titles(ArticleQuery(language="de")) == ["https://site2.example.org/2"]
    assert titles(ArticleQuery(publisher="example news")) == [
        "https://site2.example.org/2",
        "https://site0.example.org/0",
    ]
    assert titles(ArticleQuery(since=dt.date(2022, 4, 10), until=dt.date(2022, 4, 20))) == [
        "https://site1.example.org/1"
    ]
    assert titles(ArticleQuery(source="site1.")) == ["https://site1.example.org/1"]
    assert len(store.articles(ArticleQuery(coded=False))) == 1
    assert len(store.articles(ArticleQuery(limit=1, offset=1))) == 1


def test_get_by_prefix_and_by_url(store: Store):
    outcome = save(store, *make())
    assert outcome.article_id
    assert store.get(outcome.article_id[:6]) is not None
    assert store.get("https://news.example.org/a") is not None
    assert store.get("ffffffffffffffff") is None


def test_every_item_is_logged(store: Store):
    from tieline.models import IngestOutcome

    run = store.start_run(["a", "b"])
    store.log_item(run, IngestOutcome("empty.html", Status.SKIPPED, "empty file"))
    article, raw = make()
    stored = store.save_article(article, raw, coded=True, run_id=run)
    history = store.history(origin="empty.html")
    assert [(h.status, h.reason) for h in history] == [(Status.SKIPPED, "empty file")]
    assert [h.status for h in store.history(article=stored.article_id)] == [Status.STORED]


def test_failed_write_leaves_nothing_half_stored(db_file: Path):
    article, raw = make()
    with Store.open(db_file) as store:
        run = store.start_run(["x"])
        bad_raw = RawDocument(origin="x", content=object(), kind=DocumentKind.HTML)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            store.save_article(article, bad_raw, coded=True, run_id=run)
        assert store.count_articles() == 0
        assert store.known_url("https://news.example.org/a") is None
        assert save(store, article, raw).status is Status.STORED


def test_default_path_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("TIELINE_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
    monkeypatch.delenv("TIELINE_DB")
    assert default_db_path().name == "tieline.db"


def test_a_page_past_sqlites_largest_integer_is_empty_or_everything(store: Store):
    """`--offset 99999999999999999999` and `?offset=...` gave an OverflowError (a traceback, a
    500); SQLite's integers stop at 2**63 - 1."""
    huge = 10**30
    assert store.articles(ArticleQuery(offset=huge)) == []
    assert store.articles(ArticleQuery(limit=huge)) == store.articles(ArticleQuery(limit=None))
    assert store.events(EventQuery(offset=huge)) == []
    assert store.merged_events(limit=5, offset=huge) == []
