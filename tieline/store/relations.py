"""The relations stage's tables: tier facts and merged events, and the queries over a pair.

A mixin of `Store`: the methods use its connection, inside its transactions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from tieline.models import DatePrecision, EventDate, TierFact, TierStatus
from tieline.relations.merge import Cluster, Report, cluster, publisher_of

SQLITE_MAX_INTEGER = 2**63 - 1  # SQLite's largest integer; a larger LIMIT or OFFSET overflows


def page_bounds(limit: int, offset: int) -> list[int]:
    """LIMIT and OFFSET as SQLite takes them: a count past its largest integer (a caller's
    `--offset 99999999999999999999`) means "all" or "none", not an OverflowError."""
    return [min(max(limit, 0), SQLITE_MAX_INTEGER), min(max(offset, 0), SQLITE_MAX_INTEGER)]


@dataclass(frozen=True)
class StoredTierFact:
    id: str
    article_id: str
    fact: TierFact
    published: dt.date | None
    publisher: str
    url: str | None


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event and how it was reported."""

    id: str
    a: str
    b: str
    type: str
    source_country: str | None
    target_country: str | None
    date: dt.date | None
    date_precision: str
    aux: tuple[str, ...]
    contexts: tuple[str, ...]
    score: float | None
    quad_class: int | None
    events: int
    articles: int
    publishers: int
    first_report: dt.date | None
    last_report: dt.date | None
    best_event_id: str
    sentence: str  # the best report's evidence sentence
    article_id: str  # the best report's article
    url: str | None  # that article's URL


def tier_fact_id(article: str, fact: TierFact) -> str:
    key = "|".join(
        (article, fact.field, str(fact.span[0]), fact.a, fact.b, fact.tier, fact.status.value)
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class RelationsTables:
    """Tier facts and merged events (mixed into `Store`)."""

    _db: sqlite3.Connection

    # -- writing (called inside the store's transactions) -------------------------------------

    def _insert_tiers(self, article: str, facts: Sequence[TierFact]) -> None:
        rows = {}
        for f in facts:
            planned = f.planned
            rows[tier_fact_id(article, f)] = (
                tier_fact_id(article, f),
                article,
                f.a,
                f.b,
                f.tier,
                f.status.value,
                _iso(f.date.date),
                f.date.precision.value,
                f.date.text,
                _iso(planned.date) if planned else None,
                planned.precision.value if planned else None,
                f.proposer,
                f.previous,
                f.cue,
                f.field,
                f.sentence_index,
                f.sentence,
                f.span[0],
                f.span[1],
                f.confidence,
                f.rule,
            )
        self._db.executemany(
            "INSERT INTO tier_facts(id, article_id, a, b, tier, status, date, date_precision, "
            "date_text, planned, planned_precision, proposer, previous, cue, field, "
            "sentence_index, sentence, span_start, span_end, confidence, rule) VALUES ("
            + ", ".join("?" * 21)
            + ")",
            list(rows.values()),
        )

    def _touched(self, article: str) -> dict[tuple[str, str], set[int | None]]:
        """The pairs an article's events and merged events concern, each with the years
        (None: undated) they fall in: what re-merging after a change to it must revisit."""
        touched: dict[tuple[str, str], set[int | None]] = {}
        rows = self._db.execute(
            "SELECT source_country, target_country, substr(date, 1, 4) FROM events "
            "WHERE article_id = ? AND source_country IS NOT NULL AND target_country IS NOT NULL "
            "AND source_country != target_country "
            "UNION SELECT m.a, m.b, substr(m.date, 1, 4) FROM merged_events m "
            "JOIN merged_members x ON x.merged_id = m.id WHERE x.article_id = ?",
            (article, article),
        )
        for one, other, year in rows:
            pair = (one, other) if one < other else (other, one)
            touched.setdefault(pair, set()).add(int(year) if year else None)
        return touched

    def _remerge(self, touched: dict[tuple[str, str], set[int | None]]) -> None:
        """Merge again the events of each pair in the years given: the merged events dated in
        those years are taken apart and their events, with the pair's other events of those
        years that no merged event holds, merged again. Other years are left as they are, so
        adding an article costs what its years hold, not the pair's whole history."""
        for (a, b), years in sorted(touched.items(), key=lambda item: item[0]):
            dated = sorted(y for y in years if y is not None)
            where, params = self._years_clause(dated, None in years)
            if not where:
                continue
            taken = [
                r[0]
                for r in self._db.execute(
                    "SELECT x.event_id FROM merged_events m JOIN merged_members x "
                    f"ON x.merged_id = m.id WHERE m.a = ? AND m.b = ? AND ({where})",
                    (a, b, *params),
                )
            ]
            self._db.execute(
                "DELETE FROM merged_events WHERE a = ? AND b = ? AND "
                f"({where.replace('m.date', 'date')})",
                (a, b, *params),
            )
            event_where = where.replace("m.date", "e.date")
            rows = self._db.execute(
                f"{_REPORT_COLUMNS} WHERE ((e.source_country = ? AND e.target_country = ?) "
                "OR (e.source_country = ? AND e.target_country = ?)) AND ("
                f"({event_where}) AND NOT EXISTS "
                "(SELECT 1 FROM merged_members x WHERE x.event_id = e.id)"
                " OR e.id IN (SELECT value FROM json_each(?)))",
                (a, b, b, a, *params, json.dumps(taken)),
            ).fetchall()
            self._insert_clusters(cluster(_report(r) for r in rows))

    @staticmethod
    def _years_clause(years: list[int], undated: bool) -> tuple[str, list[object]]:
        parts: list[str] = []
        params: list[object] = []
        for year in years:
            parts.append("(m.date >= ? AND m.date < ?)")
            params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        if undated:
            parts.append("m.date IS NULL")
        return " OR ".join(parts), params

    def _insert_clusters(self, clusters: Sequence[Cluster]) -> None:
        for found in clusters:
            best = found.best
            row = self._db.execute(
                "SELECT contexts, score, quad_class FROM events WHERE id = ?", (best.event_id,)
            ).fetchone()
            published = [r.published for r in found.reports if r.published]
            a, b = best.pair
            self._db.execute(
                "INSERT OR REPLACE INTO merged_events(id, a, b, type, source_country, "
                "target_country, date, date_precision, aux, contexts, score, quad_class, events, "
                "articles, publishers, first_report, last_report, best_event_id) "
                "VALUES (" + ", ".join("?" * 18) + ")",
                (
                    found.id,
                    a,
                    b,
                    best.type,
                    best.source_country,
                    best.target_country,
                    _iso(found.anchor.date),
                    found.anchor.precision,
                    best.aux,
                    row["contexts"] if row else "",
                    row["score"] if row else None,
                    row["quad_class"] if row else None,
                    len(found.reports),
                    found.articles,
                    found.publishers,
                    _iso(min(published)) if published else None,
                    _iso(max(published)) if published else None,
                    best.event_id,
                ),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO merged_members(merged_id, event_id, article_id) "
                "VALUES (?, ?, ?)",
                [(found.id, r.event_id, r.article_id) for r in found.reports],
            )

    def rebuild_relations(self) -> int:
        """Merge every pair's events again from scratch; the number of pairs."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("DELETE FROM merged_events")
            rows = self._db.execute(
                f"{_REPORT_COLUMNS} WHERE e.source_country IS NOT NULL "
                "AND e.target_country IS NOT NULL AND e.source_country != e.target_country"
            ).fetchall()
            clusters = cluster(_report(r) for r in rows)
            self._insert_clusters(clusters)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return len({c.anchor.pair for c in clusters})

    def remove_article(self, article: str) -> bool:
        """Delete an article with everything read from it, and rebuild the merged events of
        the pairs it touched; False when there is no such article."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            touched = self._touched(article)
            self._db.execute("UPDATE articles SET copy_of = NULL WHERE copy_of = ?", (article,))
            self._db.execute(
                "UPDATE ingest_items SET article_id = NULL WHERE article_id = ?", (article,)
            )
            gone = self._db.execute("DELETE FROM articles WHERE id = ?", (article,)).rowcount
            self._remerge(touched)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return bool(gone)

    # -- reading -------------------------------------------------------------------------------

    def tier_facts(
        self, a: str | None = None, b: str | None = None, *, country: str | None = None
    ) -> list[StoredTierFact]:
        """Tier facts, oldest first; of one pair (either order) or of one country's pairs."""
        sql = (
            "SELECT t.*, ar.published, ar.publisher, ar.url FROM tier_facts t "
            "JOIN articles ar ON ar.id = t.article_id"
        )
        params: list[object] = []
        if a and b:
            sql += " WHERE t.a = ? AND t.b = ?"
            params += sorted((a.upper(), b.upper()))
        elif country:
            sql += " WHERE t.a = ? OR t.b = ?"
            params += [country.upper(), country.upper()]
        sql += " ORDER BY t.date IS NULL, t.date, ar.published, t.article_id, t.span_start, t.id"
        return [_stored_tier(r) for r in self._db.execute(sql, params)]

    def merged_events(
        self,
        a: str | None = None,
        b: str | None = None,
        *,
        country: str | None = None,
        facts_only: bool = False,
        order: str = "date",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MergedEvent]:
        """Merged events of a pair, or of a country, or all; newest first, or "reports" for
        the most reported first."""
        sql = (
            "SELECT m.*, e.sentence, e.article_id, ar.url FROM merged_events m "
            "JOIN events e ON e.id = m.best_event_id JOIN articles ar ON ar.id = e.article_id"
        )
        clause, params = _merged_filters(a, b, country)
        where = [clause] if clause else []
        if facts_only:
            where.append("m.aux = ''")
        if where:
            sql += " WHERE " + " AND ".join(where)
        if order == "reports":
            sql += " ORDER BY m.articles DESC, m.publishers DESC, m.date DESC, m.id"
        else:
            sql += " ORDER BY m.date DESC, m.id"  # NULL dates sort last; the index serves it
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += page_bounds(limit, offset)
        return [_merged(r) for r in self._db.execute(sql, params)]

    def count_merged_events(
        self, a: str | None = None, b: str | None = None, *, country: str | None = None
    ) -> int:
        """How many merged events `merged_events` would list without a limit."""
        where, params = _merged_filters(a, b, country)
        sql = "SELECT count(*) FROM merged_events m" + (" WHERE " + where if where else "")
        return int(self._db.execute(sql, params).fetchone()[0])

    def merged_of_articles(self) -> dict[str, set[str]]:
        """For each merged event, the articles that report it."""
        found: dict[str, set[str]] = {}
        for row in self._db.execute("SELECT merged_id, article_id FROM merged_members"):
            found.setdefault(row[0], set()).add(row[1])
        return found

    def pair_months(self, a: str, b: str) -> list[sqlite3.Row]:
        """Per month and type: merged events that happened (no future, negated...), their
        summed intensity, and their QuadClass."""
        x, y = sorted((a.upper(), b.upper()))
        return self._db.execute(
            "SELECT substr(date, 1, 7) AS month, type, quad_class, count(*) AS n, "
            "sum(coalesce(score, 0)) AS score FROM merged_events "
            "WHERE a = ? AND b = ? AND aux = '' AND date IS NOT NULL "
            "AND date_precision IN ('day', 'month') "
            "GROUP BY month, type, quad_class ORDER BY month, type",
            (x, y),
        ).fetchall()

    def pair_sources(self, a: str, b: str) -> list[tuple[str, int]]:
        """The publishers whose articles report events or tier facts of the pair, with
        article counts (the URL's host stands for a publisher a page does not name)."""
        x, y = sorted((a.upper(), b.upper()))
        rows = self._db.execute(
            "WITH reporting(id) AS ("
            " SELECT x.article_id FROM merged_events m JOIN merged_members x ON x.merged_id = m.id"
            " WHERE m.a = ? AND m.b = ?"
            " UNION SELECT t.article_id FROM tier_facts t WHERE t.a = ? AND t.b = ?) "
            "SELECT ar.publisher, CASE WHEN ar.publisher IS NULL THEN ar.url END AS url, "
            "count(*) AS n FROM reporting r JOIN articles ar ON ar.id = r.id GROUP BY 1, 2",
            (x, y, x, y),
        )
        counts: dict[str, int] = {}
        for row in rows:
            name = publisher_of(row["publisher"], row["url"])
            counts[name] = counts.get(name, 0) + row["n"]
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def pair_totals(self, a: str, b: str) -> tuple[dict[str, int], dict[str, int]]:
        """Merged events of the pair that happened (no auxiliary mode): counts by type, and
        by context."""
        x, y = sorted((a.upper(), b.upper()))
        types = {
            row[0]: row[1]
            for row in self._db.execute(
                "SELECT type, count(*) FROM merged_events WHERE a = ? AND b = ? AND aux = '' "
                "GROUP BY type ORDER BY count(*) DESC, type",
                (x, y),
            )
        }
        contexts: dict[str, int] = {}
        for row in self._db.execute(
            "SELECT contexts, count(*) FROM merged_events WHERE a = ? AND b = ? AND aux = '' "
            "AND contexts != '' GROUP BY contexts",
            (x, y),
        ):
            for context in row[0].split(","):
                contexts[context] = contexts.get(context, 0) + row[1]
        return types, contexts

    def partner_activity(self, country: str) -> list[sqlite3.Row]:
        """A country's partners: merged events with each, and the last one's date."""
        c = country.upper()
        return self._db.execute(
            "SELECT CASE WHEN a = ? THEN b ELSE a END AS partner, count(*) AS events, "
            "sum(articles) AS reports, max(date) AS last_date FROM merged_events "
            "WHERE (a = ? OR b = ?) GROUP BY partner ORDER BY events DESC, reports DESC, partner",
            (c, c, c),
        ).fetchall()


def _merged_filters(a: str | None, b: str | None, country: str | None) -> tuple[str, list[object]]:
    """The WHERE condition (without the keyword) and parameters choosing a pair's or a
    country's merged events."""
    if a and b:
        return "m.a = ? AND m.b = ?", list(sorted((a.upper(), b.upper())))
    if country:
        return "(m.a = ? OR m.b = ?)", [country.upper(), country.upper()]
    return "", []


_REPORT_COLUMNS = (
    "SELECT e.id, e.article_id, e.type, e.source_country, e.target_country, e.date, "
    "e.date_precision, e.date_text, e.aux, e.sentence, e.confidence, "
    "ar.published, ar.publisher, ar.url FROM events e JOIN articles ar ON ar.id = e.article_id"
)


def _report(r: sqlite3.Row) -> Report:
    return Report(
        event_id=r["id"],
        article_id=r["article_id"],
        type=r["type"],
        source_country=r["source_country"],
        target_country=r["target_country"],
        date=_date(r["date"]),
        precision=r["date_precision"],
        date_stated=bool(r["date_text"]),
        aux=r["aux"],
        sentence=r["sentence"],
        confidence=r["confidence"],
        published=_date(r["published"]),
        publisher=publisher_of(r["publisher"], r["url"]),
    )


def _event_date(date: str | None, precision: str | None, text: str = "") -> EventDate:
    return EventDate(_date(date), DatePrecision(precision or "unknown"), text)


def _stored_tier(row: sqlite3.Row) -> StoredTierFact:
    planned = (
        _event_date(row["planned"], row["planned_precision"]) if row["planned_precision"] else None
    )
    fact = TierFact(
        a=row["a"],
        b=row["b"],
        tier=row["tier"],
        status=TierStatus(row["status"]),
        date=_event_date(row["date"], row["date_precision"], row["date_text"]),
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
        cue=row["cue"],
        proposer=row["proposer"],
        previous=row["previous"],
        planned=planned,
        confidence=row["confidence"],
        rule=row["rule"],
        field=row["field"],
        sentence_index=row["sentence_index"],
    )
    return StoredTierFact(
        id=row["id"],
        article_id=row["article_id"],
        fact=fact,
        published=_date(row["published"]),
        publisher=publisher_of(row["publisher"], row["url"]),
        url=row["url"],
    )


def _merged(row: sqlite3.Row) -> MergedEvent:
    return MergedEvent(
        id=row["id"],
        a=row["a"],
        b=row["b"],
        type=row["type"],
        source_country=row["source_country"],
        target_country=row["target_country"],
        date=_date(row["date"]),
        date_precision=row["date_precision"],
        aux=tuple(filter(None, row["aux"].split(","))),
        contexts=tuple(filter(None, row["contexts"].split(","))),
        score=row["score"],
        quad_class=row["quad_class"],
        events=row["events"],
        articles=row["articles"],
        publishers=row["publishers"],
        first_report=_date(row["first_report"]),
        last_report=_date(row["last_report"]),
        best_event_id=row["best_event_id"],
        sentence=row["sentence"],
        article_id=row["article_id"],
        url=row["url"],
    )
