"""What the web interfaces read, as JSON-ready dicts: store queries and the relations stage.

The REST API returns these dicts as they are and the dashboard's templates render them, so a
page and its endpoint always show the same facts. No SQL here: every query is a `Store` method
or a library function.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from tieline.interfaces import exports
from tieline.models import Mention
from tieline.relations import dyad
from tieline.store import ActorMatch, EventQuery, Store, StoredArticle, StoredEvent
from tieline.store.relations import StoredTierFact

ISO3 = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True)
class Countries:
    """ISO 3166 alpha-3 codes and their short English names, from tieline's country table."""

    names: dict[str, str]

    def name(self, code: str | None) -> str:
        if not code:
            return "—"
        return self.names.get(code, code)

    def __contains__(self, code: object) -> bool:
        return code in self.names

    def search(self, text: str, limit: int = 10) -> list[dict[str, str]]:
        """Countries whose name or code contains `text`, names that start with it first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        found = [
            (not name.casefold().startswith(needle) and code.casefold() != needle, name, code)
            for code, name in self.names.items()
            if needle in name.casefold() or needle == code.casefold()
        ]
        return [{"code": code, "name": name} for _, name, code in sorted(found)[:limit]]


def load_countries() -> Countries:
    table = resources.files("tieline") / "data" / "countries.tsv"
    lines = table.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    code_at, name_at = header.index("iso3"), header.index("name")
    names = {}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > max(code_at, name_at) and ISO3.match(cells[code_at]):
            names[cells[code_at]] = cells[name_at]
    return Countries(names)


# -- articles --------------------------------------------------------------------------------


def article_summary(row: StoredArticle) -> dict[str, Any]:
    a = row.article
    return {
        "id": row.id,
        "title": a.title,
        "publisher": a.publisher,
        "url": a.canonical_url or a.url,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "coded": row.coded,
        "copy_of": row.copy_of,
        "origin": row.origin,
    }


def article_detail(store: Store, row: StoredArticle) -> dict[str, Any]:
    """The fields of `tieline show --json`: metadata, body, captions, related items, notes,
    actor mentions and events."""
    a = row.article
    coded = store.events(EventQuery(article=row.id, limit=None))
    return {
        **article_summary(row),
        "fetched_url": a.url,
        "published_source": a.published_source,
        "author": a.author,
        "copies": store.copies_of(row.id),
        "body": a.body,
        "captions": list(a.captions),
        "related": [{"title": r.title, "text": r.text, "url": r.url} for r in a.related],
        "notes": list(a.notes),
        "extractor": a.extractor,
        "mentions": [mention_json(m) for m in store.mentions(row.id)],
        "events": [exports.tieline_row(e, lambda _: row) for e in coded],
        "history": [
            {"status": h.status.value, "reason": h.reason, "origin": h.origin, "at": h.at}
            for h in store.history(article=row.id)
        ],
    }


def mention_json(mention: Mention) -> dict[str, Any]:
    actor = mention.actor
    return {
        "field": mention.field,
        "sentence": mention.sentence,
        "span": [mention.start, mention.end],
        "text": mention.text,
        "actor": {
            "name": actor.name,
            "code": actor.code,
            "country": actor.country,
            "sector": actor.sector,
            "role": actor.role,
            "person": actor.person,
            "organisation": actor.organisation,
            "igo": actor.igo,
            "members": list(actor.members),
        },
        "cue": mention.cue,
        "evidence": mention.evidence,
        "confidence": mention.confidence,
        "antecedent": mention.antecedent,
    }


def event_rows(store: Store, events: Iterable[StoredEvent]) -> list[dict[str, Any]]:
    """Events as `tieline events --format jsonl` rows, each article read once."""
    cache: dict[str, StoredArticle | None] = {}

    def lookup(article_id: str) -> StoredArticle | None:
        if article_id not in cache:
            cache[article_id] = store.get(article_id)
        return cache[article_id]

    rows = []
    for stored in events:
        row = exports.tieline_row(stored, lookup)
        found = lookup(stored.article_id)
        row["article_title"] = found.article.title if found else None
        rows.append(row)
    return rows


def actor_json(match: ActorMatch) -> dict[str, Any]:
    return dataclasses.asdict(match)


# -- relations ---------------------------------------------------------------------------------


def dyad_state(store: Store, a: str, b: str) -> dict[str, Any]:
    """The state of a pair, as `tieline dyad A B --json`."""
    return dyad.dyad_state(store, a, b)


def partners(store: Store, country: str) -> list[dict[str, Any]]:
    """A country's partners, most events first: {country, name, events, last_date, tier...}."""
    return dyad.partners(store, country)


def tier_facts(
    store: Store, a: str | None = None, b: str | None = None, *, country: str | None = None
) -> list[dict[str, Any]]:
    """Dated partnership-tier facts, oldest first, as `tieline tiers --format jsonl` rows."""
    return [tier_row(s) for s in store.tier_facts(a, b, country=country)]


def tier_row(stored: StoredTierFact) -> dict[str, Any]:
    """A stored tier fact as one flat row, the shape of `tieline tiers --format jsonl` and of
    a tier gold file: a, b, tier, status, date (to its precision: "1953", "2022-04",
    "2022-04-23"), article_id, sentence, and how it was read."""
    f = stored.fact
    return {
        "id": stored.id,
        "a": f.a,
        "b": f.b,
        "tier": f.tier,
        "status": f.status.value,
        "date": f.date.shown,
        "date_precision": f.date.precision.value,
        "proposer": f.proposer,
        "previous": f.previous,
        "planned": f.planned.date.isoformat() if f.planned and f.planned.date else None,
        "article_id": stored.article_id,
        "url": stored.url,
        "publisher": stored.publisher,
        "published": stored.published.isoformat() if stored.published else None,
        "sentence": f.sentence,
        "span": list(f.span),
        "field": f.field,
        "cue": f.cue,
        "confidence": f.confidence,
        "rule": f.rule,
    }


def merged_events(
    store: Store,
    a: str | None = None,
    b: str | None = None,
    *,
    country: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events merged across the articles that report them, newest first."""
    found = store.merged_events(a, b, country=country, limit=limit, offset=offset)
    return [dyad.merged_json(m) for m in found]
