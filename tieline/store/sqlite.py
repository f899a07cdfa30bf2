"""The embedded SQLite store: one file, no server. The only module that writes SQL.

Every article is written in one transaction together with its raw input, its URLs, its
near-duplicate band keys and the log line of the item that produced it, so a batch killed at any
point leaves whole articles only, and a re-run finds them and adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tieline import dedup
from tieline.models import (
    Actor,
    Article,
    DatePrecision,
    DocumentKind,
    Event,
    EventDate,
    IngestOutcome,
    Mention,
    Participant,
    RawDocument,
    RelatedItem,
    Status,
    TierFact,
)
from tieline.store import migrations
from tieline.store.relations import RelationsTables, page_bounds

BUSY_TIMEOUT_S = 30.0  # wait this long for another writer before giving up
RAW_COMPRESSION_LEVEL = 6  # zlib: a good ratio for HTML at a small cost in time


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored, with what the store knows about it beyond the extraction."""

    id: str
    article: Article
    coded: bool
    copy_of: str | None
    similarity: float | None
    origin: str
    ingested_at: str
    raw_size: int | None = None


@dataclass(frozen=True)
class ArticleQuery:
    """Filters for listing articles; None means "any"."""

    publisher: str | None = None  # exact match, case-insensitive
    language: str | None = None
    since: dt.date | None = None  # published on or after
    until: dt.date | None = None  # published on or before
    source: str | None = None  # substring of the URL or of the input's path
    coded: bool | None = None
    include_copies: bool = True
    limit: int | None = 100
    offset: int = 0


@dataclass(frozen=True)
class EventQuery:
    """Filters for listing events; None means "any". A dyad matches either direction."""

    country: str | None = None  # on either side
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    context: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article: str | None = None
    min_confidence: float = 0.0
    exclude_aux: tuple[str, ...] = ()  # leave out events with these auxiliary modes
    limit: int | None = 1000
    offset: int = 0
    newest_first: bool = False  # by date, latest first (undated events last either way)


@dataclass(frozen=True)
class StoredEvent:
    id: str
    article_id: str
    event: Event
    coder: str


@dataclass(frozen=True)
class ActorMatch:
    """An actor found by name among the stored mentions, with how often it is mentioned."""

    name: str
    country: str | None
    sector: str | None
    role: str | None
    person: str | None
    organisation: str | None
    igo: str | None
    mentions: int
    articles: int


@dataclass(frozen=True)
class DyadCount:
    """A pair of states (a before b in code order) and the events between them."""

    a: str
    b: str
    events: int
    last_date: str | None


@dataclass(frozen=True)
class ItemRecord:
    """One line of the ingest log."""

    run_id: int
    origin: str
    status: Status
    reason: str
    article_id: str | None
    at: str


def article_identity(article: Article) -> str:
    """The key that makes two inputs the same article: canonical URL, else URL, else text."""
    url = article.canonical_url or article.url
    if url:
        return "url:" + dedup.normalise_url(url)
    return "text:" + dedup.content_hash(article.body)


def article_id(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store(RelationsTables):
    """A tieline database. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the database at `path`; ":memory:" gives a private one."""
        location = str(path)
        if location != ":memory:":
            Path(location).expanduser().parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            location, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        if location != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            connection.execute("PRAGMA synchronous = NORMAL")  # WAL keeps commits durable enough
        migrations.apply(connection)
        return cls(connection, location)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> int:
        cursor = self._db.execute(
            "INSERT INTO ingest_runs(started_at, inputs) VALUES (?, ?)",
            (_now(), json.dumps(list(inputs))),
        )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        self._db.execute("UPDATE ingest_runs SET finished_at = ? WHERE id = ?", (_now(), run_id))

    def log_item(self, run_id: int, outcome: IngestOutcome) -> None:
        """Record an item that wrote no article (duplicate, skipped, failed)."""
        self._db.execute(
            "INSERT INTO ingest_items(run_id, origin, status, reason, article_id, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                run_id,
                outcome.origin,
                outcome.status.value,
                outcome.reason,
                outcome.article_id,
                _now(),
            ),
        )

    def save_article(
        self,
        article: Article,
        raw: RawDocument,
        *,
        coded: bool,
        run_id: int,
        mentions: Sequence[Mention] = (),
        resolver: str = "",
        events: Sequence[Event] = (),
        coder: str = "",
        tiers: Sequence[TierFact] = (),
    ) -> IngestOutcome:
        """Store `article` unless it is already here; link it when it copies another.

        Returns STORED, COPY (stored and linked) or DUPLICATE (nothing written but the log line).
        """
        identity = article_identity(article)
        new_id = article_id(identity)
        # Every URL this article is known by, so none of them is fetched again: the one asked
        # for (perhaps a redirecting short link), the one it was read from, the canonical one.
        asked = raw.origin if raw.origin.startswith(("http://", "https://")) else None
        urls = sorted(
            {
                dedup.normalise_url(u)
                for u in (asked, raw.url, article.url, article.canonical_url)
                if u
            }
        )
        text_hash = dedup.content_hash(article.body)
        signature = dedup.minhash(article.body)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            existing = self._existing(identity, urls, text_hash, has_url=bool(urls))
            if existing is not None:
                outcome = IngestOutcome(
                    raw.origin, Status.DUPLICATE, "already stored", existing, article.title
                )
                self._add_urls(existing, urls)
                self._log(run_id, outcome)
                self._db.execute("COMMIT")
                return outcome
            copy_of, score = self._near_copy(text_hash, signature)
            self._insert(
                new_id, identity, article, raw, coded, copy_of, score, text_hash, signature
            )
            self._add_urls(new_id, urls)
            if signature is not None:
                self._db.executemany(
                    "INSERT OR IGNORE INTO article_bands(band_key, article_id) VALUES (?, ?)",
                    [(key, new_id) for key in dedup.band_keys(signature)],
                )
            self._insert_mentions(new_id, mentions, resolver)
            self._insert_events(new_id, events, coder)
            self._insert_tiers(new_id, tiers)
            self._remerge(self._touched(new_id))
            if copy_of:
                outcome = IngestOutcome(
                    raw.origin,
                    Status.COPY,
                    f"near-identical copy of {copy_of} (similarity {score:.2f})",
                    new_id,
                    article.title,
                )
            else:
                outcome = IngestOutcome(raw.origin, Status.STORED, "", new_id, article.title)
            self._log(run_id, outcome)
            self._db.execute("COMMIT")
            return outcome
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _existing(
        self, identity: str, urls: list[str], text_hash: str, *, has_url: bool
    ) -> str | None:
        row = self._db.execute("SELECT id FROM articles WHERE identity = ?", (identity,)).fetchone()
        if row:
            return str(row["id"])
        for url in urls:
            row = self._db.execute(
                "SELECT article_id FROM article_urls WHERE url = ?", (url,)
            ).fetchone()
            if row:
                return str(row["article_id"])
        if not has_url:
            # A page without a URL whose text we already hold is the same input again.
            row = self._db.execute(
                "SELECT id FROM articles WHERE text_hash = ? ORDER BY ingested_at LIMIT 1",
                (text_hash,),
            ).fetchone()
            if row:
                return str(row["id"])
        return None

    def _near_copy(
        self, text_hash: str, signature: bytes | None
    ) -> tuple[str | None, float | None]:
        """The original this text copies, and how similar it is; (None, None) when none."""
        row = self._db.execute(
            "SELECT id, copy_of FROM articles WHERE text_hash = ? ORDER BY ingested_at, id LIMIT 1",
            (text_hash,),
        ).fetchone()
        if row:
            return str(row["copy_of"] or row["id"]), 1.0
        if signature is None:
            return None, None
        keys = dedup.band_keys(signature)
        marks = ",".join("?" * len(keys))
        candidates = self._db.execute(
            "SELECT DISTINCT a.id, a.copy_of, a.minhash FROM article_bands b "
            f"JOIN articles a ON a.id = b.article_id WHERE b.band_key IN ({marks})",
            keys,
        ).fetchall()
        best: tuple[str | None, float | None] = (None, None)
        for candidate in candidates:
            score = dedup.similarity(signature, candidate["minhash"])
            if score >= dedup.NEAR_DUPLICATE_JACCARD and score > (best[1] or 0.0):
                best = (str(candidate["copy_of"] or candidate["id"]), score)
        return best

    def _insert(
        self,
        new_id: str,
        identity: str,
        article: Article,
        raw: RawDocument,
        coded: bool,
        copy_of: str | None,
        similarity: float | None,
        text_hash: str,
        signature: bytes | None,
    ) -> None:
        now = _now()
        self._db.execute(
            "INSERT INTO articles(id, identity, url, canonical_url, title, publisher, author, "
            "published, published_source, language, body, captions, related, notes, coded, "
            "copy_of, similarity, text_hash, minhash, extractor, origin, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id,
                identity,
                article.url,
                article.canonical_url,
                article.title,
                article.publisher,
                article.author,
                article.published.isoformat() if article.published else None,
                article.published_source,
                article.language,
                article.body,
                json.dumps(list(article.captions), ensure_ascii=False),
                json.dumps(
                    [{"title": r.title, "text": r.text, "url": r.url} for r in article.related],
                    ensure_ascii=False,
                ),
                json.dumps(list(article.notes), ensure_ascii=False),
                int(coded),
                copy_of,
                similarity,
                text_hash,
                signature,
                article.extractor,
                raw.origin,
                now,
            ),
        )
        self._db.execute(
            "INSERT INTO raw_documents(article_id, kind, url, content_type, published, fetched_at, "
            "size, compression, content) VALUES (?, ?, ?, ?, ?, ?, ?, 'zlib', ?)",
            (
                new_id,
                raw.kind.value,
                raw.url,
                raw.content_type,
                raw.published.isoformat() if raw.published else None,
                raw.fetched_at.isoformat() if raw.fetched_at else None,
                len(raw.content),
                zlib.compress(raw.content, RAW_COMPRESSION_LEVEL),
            ),
        )

    def _add_urls(self, article: str, urls: list[str]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO article_urls(url, article_id) VALUES (?, ?)",
            [(u, article) for u in urls],
        )

    def _insert_mentions(self, article: str, mentions: Sequence[Mention], resolver: str) -> None:
        positions: dict[str, int] = {}
        rows = []
        for mention in mentions:
            position = positions.get(mention.field, 0)
            positions[mention.field] = position + 1
            actor = mention.actor
            rows.append(
                (
                    article,
                    position,
                    mention.field,
                    mention.sentence,
                    mention.start,
                    mention.end,
                    mention.text,
                    actor.name,
                    actor.country,
                    actor.sector,
                    actor.role,
                    actor.person,
                    actor.organisation,
                    actor.igo,
                    "+".join(actor.members) or None,
                    mention.cue,
                    mention.evidence,
                    mention.confidence,
                    mention.antecedent,
                    resolver,
                )
            )
        self._db.executemany(
            "INSERT INTO mentions(article_id, position, field, sentence, start_char, end_char, "
            "text, name, country, sector, role, person, organisation, igo, members, cue, "
            "evidence, confidence, antecedent, resolver) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def replace_coding(
        self,
        article: str,
        mentions: Sequence[Mention],
        resolver: str,
        events: Sequence[Event],
        coder: str,
        tiers: Sequence[TierFact] = (),
    ) -> None:
        """Replace an article's mentions, events and tier facts (after the resolver or the
        coder changed), and rebuild the merged events of the pairs it touched, in one
        transaction."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            before = self._touched(article)
            self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article,))
            self._db.execute("DELETE FROM events WHERE article_id = ?", (article,))
            self._db.execute("DELETE FROM tier_facts WHERE article_id = ?", (article,))
            self._insert_mentions(article, mentions, resolver)
            self._insert_events(article, events, coder)
            self._insert_tiers(article, tiers)
            after = self._touched(article)
            for pair, years in before.items():
                after.setdefault(pair, set()).update(years)
            self._remerge(after)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _insert_events(self, article: str, events: Sequence[Event], coder: str) -> None:
        rows = []
        seen: set[str] = set()
        for e in events:
            event_id = event_key(article, e)
            if event_id in seen:
                continue
            seen.add(event_id)
            date = e.date or EventDate(None, DatePrecision.UNKNOWN)
            rows.append(
                (
                    event_id,
                    article,
                    e.type,
                    e.mode,
                    ",".join(e.aux),
                    ",".join(e.contexts),
                    int(e.symmetric),
                    *_side_columns(e.source),
                    *_side_columns(e.target),
                    date.date.isoformat() if date.date else None,
                    date.precision.value,
                    date.text,
                    e.place,
                    e.place_text,
                    e.field,
                    e.sentence_index,
                    e.sentence,
                    e.span[0],
                    e.span[1],
                    e.trigger,
                    e.cameo,
                    e.quad_class,
                    e.score,
                    e.confidence,
                    int(e.quote),
                    e.speaker,
                    e.rule,
                    coder,
                )
            )
        self._db.executemany(
            "INSERT INTO events(id, article_id, type, mode, aux, contexts, symmetric, "
            "source_text, source_name, source_country, source_sector, source_person, "
            "source_organisation, source_igo, source_members, target_text, target_name, "
            "target_country, target_sector, target_person, target_organisation, target_igo, "
            "target_members, date, date_precision, date_text, place, place_text, field, "
            "sentence_index, sentence, span_start, span_end, trigger, cameo, quad_class, score, "
            "confidence, quote, speaker, rule, coder) VALUES (" + ", ".join("?" * 42) + ")",
            rows,
        )

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        query = query or EventQuery()
        where, params = _event_filters(query)
        sql = "SELECT * FROM events" + where
        if query.newest_first:
            # Undated events sort last in descending order; an index on date serves it.
            sql += " ORDER BY date DESC, article_id, field, span_start, id"
        else:
            sql += " ORDER BY date IS NULL, date, article_id, field, span_start, id"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend(page_bounds(query.limit, query.offset))
        return [_stored_event(row) for row in self._db.execute(sql, params)]

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match `query`, its limit and offset aside."""
        where, params = _event_filters(query or EventQuery())
        return int(self._db.execute("SELECT count(*) FROM events" + where, params).fetchone()[0])

    def mentions(self, article: str) -> list[Mention]:
        """An article's mentions: the body's first, then each caption's, in text order."""
        rows = self._db.execute(
            "SELECT * FROM mentions WHERE article_id = ? ORDER BY field != 'body', field, position",
            (article,),
        )
        return [
            Mention(
                start=r["start_char"],
                end=r["end_char"],
                text=r["text"],
                actor=Actor(
                    r["name"],
                    country=r["country"],
                    sector=r["sector"],
                    role=r["role"],
                    person=r["person"],
                    organisation=r["organisation"],
                    igo=r["igo"],
                    members=tuple(r["members"].split("+")) if r["members"] else (),
                ),
                cue=r["cue"],
                evidence=r["evidence"],
                confidence=r["confidence"],
                sentence=r["sentence"],
                field=r["field"],
                antecedent=r["antecedent"],
            )
            for r in rows
        ]

    def _log(self, run_id: int, outcome: IngestOutcome) -> None:
        self.log_item(run_id, outcome)

    # -- reading -----------------------------------------------------------------------------

    def known_url(self, url: str) -> str | None:
        """The id of the article already read from `url`, if any."""
        row = self._db.execute(
            "SELECT article_id FROM article_urls WHERE url = ?", (dedup.normalise_url(url),)
        ).fetchone()
        return str(row["article_id"]) if row else None

    def get(self, ref: str) -> StoredArticle | None:
        """An article by id (or a unique id prefix of at least 4 characters), or by URL."""
        row = self._db.execute(_SELECT_ARTICLE + " WHERE a.id = ?", (ref,)).fetchone()
        if row is None and len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref):
            rows = self._db.execute(
                _SELECT_ARTICLE + " WHERE a.id LIKE ? LIMIT 2", (ref + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None and "://" in ref:
            found = self.known_url(ref)
            if found:
                row = self._db.execute(_SELECT_ARTICLE + " WHERE a.id = ?", (found,)).fetchone()
        return _stored(row) if row else None

    def articles(self, query: ArticleQuery | None = None) -> list[StoredArticle]:
        query = query or ArticleQuery()
        where, params = _article_filters(query)
        sql = _SELECT_ARTICLE + where
        sql += " ORDER BY a.published IS NULL, a.published DESC, a.ingested_at DESC, a.id"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend(page_bounds(query.limit, query.offset))
        return [_stored(row) for row in self._db.execute(sql, params)]

    def data_version(self) -> int:
        """A number that changes whenever another connection (or process) commits a change:
        what a reader caches is still good while it stays the same."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def count_articles(self, query: ArticleQuery | None = None) -> int:
        """How many articles are stored, or match `query` (its limit and offset aside)."""
        where, params = _article_filters(query) if query else ("", [])
        sql = "SELECT count(*) FROM articles a" + where
        return int(self._db.execute(sql, params).fetchone()[0])

    def search_actors(self, text: str, limit: int = 20) -> list[ActorMatch]:
        """Actors whose resolved name or mention text contains `text` (any case), the most
        mentioned first."""
        pattern = "%" + _like_escape(text.strip()) + "%"
        rows = self._db.execute(
            "SELECT name, country, sector, role, person, organisation, igo, "
            "count(*) AS mentions, count(DISTINCT article_id) AS articles "
            "FROM mentions WHERE name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' "
            "GROUP BY name, country, sector, person, organisation, igo "
            "ORDER BY mentions DESC, name LIMIT ?",
            (pattern, pattern, limit),
        )
        return [
            ActorMatch(
                name=r["name"],
                country=r["country"],
                sector=r["sector"],
                role=r["role"],
                person=r["person"],
                organisation=r["organisation"],
                igo=r["igo"],
                mentions=int(r["mentions"]),
                articles=int(r["articles"]),
            )
            for r in rows
        ]

    def active_dyads(self, limit: int = 10, since: dt.date | None = None) -> list[DyadCount]:
        """Pairs of states with the most events between them (either direction), most first."""
        sql = (
            "SELECT min(source_country, target_country) AS a, "
            "max(source_country, target_country) AS b, count(*) AS events, max(date) AS last "
            "FROM events WHERE min(source_country, target_country) IS NOT NULL "  # both known
            "AND min(source_country, target_country) != max(source_country, target_country)"
        )
        params: list[object] = []
        if since:
            sql += " AND date >= ?"
            params.append(since.isoformat())
        sql += " GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?"
        params.append(limit)
        return [
            DyadCount(r["a"], r["b"], int(r["events"]), r["last"])
            for r in self._db.execute(sql, params)
        ]

    def raw_document(self, article: str) -> RawDocument | None:
        row = self._db.execute(
            "SELECT r.*, a.origin FROM raw_documents r JOIN articles a ON a.id = r.article_id "
            "WHERE r.article_id = ?",
            (article,),
        ).fetchone()
        if row is None:
            return None
        return RawDocument(
            origin=row["origin"],
            content=zlib.decompress(row["content"]),
            kind=DocumentKind(row["kind"]),
            url=row["url"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            content_type=row["content_type"],
            fetched_at=dt.datetime.fromisoformat(row["fetched_at"]) if row["fetched_at"] else None,
        )

    def copies_of(self, article: str) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE copy_of = ? ORDER BY ingested_at, id", (article,)
        )
        return [str(r["id"]) for r in rows]

    def history(self, *, origin: str | None = None, article: str | None = None) -> list[ItemRecord]:
        """Log lines for an input (by origin) or for an article, oldest first."""
        if origin is None and article is None:
            raise ValueError("give an origin or an article id")
        rows = self._db.execute(
            "SELECT * FROM ingest_items WHERE origin = ? OR article_id = ? ORDER BY id",
            (origin, article),
        )
        return [
            ItemRecord(
                r["run_id"], r["origin"], Status(r["status"]), r["reason"], r["article_id"], r["at"]
            )
            for r in rows
        ]

    def iter_ids(self) -> Iterator[str]:
        for row in self._db.execute("SELECT id FROM articles ORDER BY ingested_at, id"):
            yield str(row["id"])


_SELECT_ARTICLE = (
    "SELECT a.*, r.size AS raw_size "
    "FROM articles a LEFT JOIN raw_documents r ON r.article_id = a.id"
)


def _like_escape(text: str) -> str:
    """`text` as a literal inside a LIKE pattern whose escape character is a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _article_filters(query: ArticleQuery) -> tuple[str, list[object]]:
    """The WHERE clause (with its leading space, or empty) and parameters of `query`."""
    where: list[str] = []
    params: list[object] = []
    if query.publisher:
        where.append("a.publisher = ? COLLATE NOCASE")
        params.append(query.publisher)
    if query.language:
        where.append("a.language = ?")
        params.append(query.language)
    if query.since:
        where.append("a.published >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("a.published <= ?")
        params.append(query.until.isoformat())
    if query.source:
        where.append("(instr(a.url, ?) > 0 OR instr(a.origin, ?) > 0)")
        params.extend([query.source, query.source])
    if query.coded is not None:
        where.append("a.coded = ?")
        params.append(int(query.coded))
    if not query.include_copies:
        where.append("a.copy_of IS NULL")
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _event_filters(query: EventQuery) -> tuple[str, list[object]]:
    """The WHERE clause (with its leading space, or empty) and parameters of `query`."""
    where: list[str] = []
    params: list[object] = []
    if query.country:
        where.append("(source_country = ? OR target_country = ?)")
        params.extend([query.country, query.country])
    if query.dyad:
        # Either direction, written as the expressions of the events_pair index (0005_web).
        where.append(
            "min(source_country, target_country) = ? AND max(source_country, target_country) = ?"
        )
        params.extend(sorted(query.dyad))
    if query.types:
        where.append(f"type IN ({','.join('?' * len(query.types))})")
        params.extend(query.types)
    if query.context:
        where.append("(',' || contexts || ',') LIKE ?")
        params.append(f"%,{query.context},%")
    if query.since:
        where.append("date >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("date <= ?")
        params.append(query.until.isoformat())
    if query.article:
        where.append("article_id = ?")
        params.append(query.article)
    if query.min_confidence:
        where.append("confidence >= ?")
        params.append(query.min_confidence)
    for aux in query.exclude_aux:
        where.append("(',' || aux || ',') NOT LIKE ?")
        params.append(f"%,{aux},%")
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _stored(row: sqlite3.Row) -> StoredArticle:
    article = Article(
        title=row["title"],
        body=row["body"],
        publisher=row["publisher"],
        url=row["url"],
        canonical_url=row["canonical_url"],
        published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        published_source=row["published_source"],
        author=row["author"],
        language=row["language"],
        captions=tuple(json.loads(row["captions"])),
        related=tuple(RelatedItem(**item) for item in json.loads(row["related"])),
        notes=tuple(json.loads(row["notes"])),
        extractor=row["extractor"],
    )
    return StoredArticle(
        id=row["id"],
        article=article,
        coded=bool(row["coded"]),
        copy_of=row["copy_of"],
        similarity=row["similarity"],
        origin=row["origin"],
        ingested_at=row["ingested_at"],
        raw_size=row["raw_size"],
    )


def event_key(article: str, event: Event) -> str:
    """A stable id: the same event of the same article always gets the same one."""

    def side(p: Participant | None) -> str:
        return "-" if p is None else f"{p.actor.code}:{p.actor.person or ''}:{p.start}"

    parts = (
        article,
        event.field,
        str(event.span[0]),
        event.type,
        side(event.source),
        side(event.target),
        event.trigger,
    )
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _side_columns(p: Participant | None) -> tuple[object, ...]:
    if p is None:
        return (None,) * 8
    a = p.actor
    return (
        p.text,
        a.name,
        a.country,
        a.sector,
        a.person,
        a.organisation,
        a.igo,
        "+".join(a.members) or None,
    )


def _participant_from(row: sqlite3.Row, side: str) -> Participant | None:
    if row[f"{side}_name"] is None:
        return None
    actor = Actor(
        row[f"{side}_name"],
        country=row[f"{side}_country"],
        sector=row[f"{side}_sector"],
        person=row[f"{side}_person"],
        organisation=row[f"{side}_organisation"],
        igo=row[f"{side}_igo"],
        members=tuple(row[f"{side}_members"].split("+")) if row[f"{side}_members"] else (),
    )
    return Participant(row[f"{side}_text"] or "", actor, 0, 0)


def _stored_event(row: sqlite3.Row) -> StoredEvent:
    date = EventDate(
        dt.date.fromisoformat(row["date"]) if row["date"] else None,
        DatePrecision(row["date_precision"]),
        row["date_text"],
    )
    event = Event(
        type=row["type"],
        source=_participant_from(row, "source"),
        target=_participant_from(row, "target"),
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
        trigger=row["trigger"],
        mode=row["mode"],
        aux=tuple(a for a in row["aux"].split(",") if a),
        contexts=tuple(c for c in row["contexts"].split(",") if c),
        symmetric=bool(row["symmetric"]),
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        score=row["score"],
        confidence=row["confidence"],
        rule=row["rule"],
        date=date,
        place=row["place"],
        place_text=row["place_text"],
        quote=bool(row["quote"]),
        speaker=row["speaker"],
        field=row["field"],
        sentence_index=row["sentence_index"],
    )
    return StoredEvent(row["id"], row["article_id"], event, row["coder"])
