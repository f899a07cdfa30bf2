"""The state of a pair of countries, and a country's partners, as JSON-ready data.

`dyad_state(store, a, b)` is what `tieline dyad A B --json` prints and the dashboard's pair page
shows: the current tier and its ladder of dated facts, a monthly timeline of merged events by
type, the cooperation–conflict index per month, the fields of cooperation, the most reported
events with their evidence, and the sources read. Only merged events that happened count in the
timeline and the index (not the future, hypothetical or negated ones).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from tieline.models import DatePrecision, EventDate, TierStatus
from tieline.relations.ladders import DIPLOMATIC, load_ladders

if TYPE_CHECKING:
    from tieline.store import Store
    from tieline.store.relations import MergedEvent, StoredTierFact

S = TierStatus
IN_FORCE = frozenset({S.ESTABLISHED, S.UPGRADED, S.RESTORED, S.REAFFIRMED})  # the tier holds
PENDING = frozenset({S.PROPOSED, S.AGREED})  # a change asked for or agreed, not yet made
TOP_EVENTS = 10  # most reported merged events shown


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 → short English name, from the bundled country table."""
    text = (resources.files("tieline") / "data" / "countries.tsv").read_text("utf-8")
    return {row["iso3"]: row["name"] for row in csv.DictReader(text.splitlines(), delimiter="\t")}


def country_name(code: str | None) -> str:
    return country_names().get(code or "", code or "—")


@dataclass(frozen=True)
class LadderStep:
    """One dated change of a pair's tier, with how many articles state it."""

    tier: str
    status: TierStatus
    date: dt.date | None
    precision: str
    proposer: str | None
    previous: str | None
    planned: dt.date | None
    planned_precision: str | None
    reports: int
    article_id: str
    sentence: str
    url: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "status": self.status.value,
            "date": _show_date(self.date, self.precision),
            "date_precision": self.precision,
            "proposer": self.proposer,
            "previous": self.previous,
            "planned": _show_date(self.planned, self.planned_precision),
            "reports": self.reports,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "url": self.url,
        }


def ladder(facts: list[StoredTierFact]) -> list[LadderStep]:
    """Tier facts as dated steps: one per (tier, status, month), oldest first."""
    steps: dict[tuple[str, str, str], list[StoredTierFact]] = {}
    for stored in facts:
        f = stored.fact
        key = (f.tier.lower(), f.status.value, f.date.month_key or "")
        steps.setdefault(key, []).append(stored)
    found = []
    for group in steps.values():
        first = min(group, key=lambda s: (-s.fact.confidence, s.published or dt.date.max, s.id))
        f = first.fact
        planned = next((s.fact.planned for s in group if s.fact.planned), None)
        found.append(
            LadderStep(
                tier=f.tier,
                status=f.status,
                date=f.date.date,
                precision=f.date.precision.value,
                proposer=next((s.fact.proposer for s in group if s.fact.proposer), None),
                previous=next((s.fact.previous for s in group if s.fact.previous), None),
                planned=planned.date if planned else None,
                planned_precision=planned.precision.value if planned else None,
                reports=len({s.article_id for s in group}),
                article_id=first.article_id,
                sentence=f.sentence,
                url=first.url,
            )
        )
    # "Strategic partners since 2018" restates the step another report dates to the month.
    found = [s for s in found if not _restates(s, found)]
    found.sort(key=lambda s: (s.date or dt.date.min, _STATUS_ORDER[s.status]))
    # An agreement to a proposal is the proposer's too, when the agreement's text omits it.
    proposed: dict[str, str] = {}
    for index, step in enumerate(found):
        if step.status is S.PROPOSED and step.proposer:
            proposed[step.tier.lower()] = step.proposer
        elif step.status is S.AGREED and not step.proposer and step.tier.lower() in proposed:
            found[index] = dataclasses.replace(step, proposer=proposed[step.tier.lower()])
    return found


def _by(step: LadderStep, day: dt.date) -> bool:
    """Whether the step happened on or before `day` (a month or year: its first day)."""
    return step.date is not None and step.date <= day


def _restates(step: LadderStep, steps: list[LadderStep]) -> bool:
    if step.precision != "year" or step.date is None:
        return False
    return any(
        other.precision in ("month", "day")
        and other.date is not None
        and other.date.year == step.date.year
        and other.tier.lower() == step.tier.lower()
        and other.status is step.status
        for other in steps
    )


_STATUS_ORDER = {status: index for index, status in enumerate(TierStatus)}


def current_tier(steps: list[LadderStep], a: str, b: str) -> dict[str, Any]:
    """The tier in force after the last step, and a change pending (proposed or agreed)."""
    ranks = load_ladders()
    tier: str | None = None
    since: LadderStep | None = None
    state = "unknown"
    pending: LadderStep | None = None
    for step in steps:
        partnership = step.tier != DIPLOMATIC
        if step.status in IN_FORCE:
            # Diplomatic relations under a partnership do not replace it; a reaffirmed tier
            # below the current one is background.
            replaces = partnership or tier is None or tier == DIPLOMATIC or state != "active"
            background = (
                step.status is S.REAFFIRMED
                and tier is not None
                and ranks.rank(step.tier, a, b) < ranks.rank(tier, a, b)
            )
            if replaces and not background:
                tier, since, state = step.tier, step, "active"
            if pending and pending.tier.lower() == step.tier.lower():
                pending = None
        elif step.status is S.DOWNGRADED:
            tier, since, state = step.tier, step, "downgraded"
        elif step.status is S.SUSPENDED:
            since, state = step, "suspended"
        elif step.status is S.SEVERED:
            tier, since, state = None, step, "severed"
        elif step.status in PENDING:
            if pending is None or step.status is S.AGREED or step.tier != pending.tier:
                pending = step
            if tier is None and step.previous:
                tier, state = step.previous, "active"  # the standing tier, as the text names it
    return {
        "tier": tier,
        "state": state,
        "since": _show_date(since.date, since.precision) if since else None,
        "rank": round(ranks.rank(tier, a, b), 2) if tier else None,
        "pending": pending.as_json() if pending else None,
    }


def dyad_state(store: Store, a: str, b: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """Everything known about the pair, as JSON-ready data (see the module's note); with
    `as_of`, the tier ladder as it stood on that day (facts dated after it left out)."""
    a, b = sorted((a.upper(), b.upper()))
    steps = [s for s in ladder(store.tier_facts(a, b)) if as_of is None or _by(s, as_of)]
    months: dict[str, dict[str, Any]] = {}
    for row in store.pair_months(a, b):
        month = months.setdefault(
            row["month"], {"month": row["month"], "types": {}, "score": 0.0, "quad_classes": {}}
        )
        month["types"][row["type"]] = month["types"].get(row["type"], 0) + row["n"]
        month["score"] = round(month["score"] + (row["score"] or 0.0), 2)
        if row["quad_class"]:
            quad = str(row["quad_class"])
            month["quad_classes"][quad] = month["quad_classes"].get(quad, 0) + row["n"]
    types, contexts = store.pair_totals(a, b)
    top = store.merged_events(a, b, order="reports", limit=TOP_EVENTS)
    return {
        "a": a,
        "b": b,
        "names": {a: country_name(a), b: country_name(b)},
        "current_tier": current_tier(steps, a, b),
        "ladder": [s.as_json() for s in steps],
        "timeline": [
            {"month": m["month"], "types": m["types"]} for m in sorted(months.values(), key=_m)
        ],
        "index": [
            {"month": m["month"], "score": m["score"], "quad_classes": m["quad_classes"]}
            for m in sorted(months.values(), key=_m)
        ],
        "totals": {"merged_events": sum(types.values()), "types": types},
        "contexts": [
            {"context": c, "events": n}
            for c, n in sorted(contexts.items(), key=lambda item: (-item[1], item[0]))
        ],
        "top_events": [merged_json(m) for m in top],
        "sources": [{"publisher": p, "articles": n} for p, n in store.pair_sources(a, b)],
    }


def partners(store: Store, country: str) -> list[dict[str, Any]]:
    """A country's partners ranked by activity (merged events), with their current tier."""
    country = country.upper()
    rows = {r["partner"]: r for r in store.partner_activity(country)}
    tiered = {
        (s.fact.b if s.fact.a == country else s.fact.a) for s in store.tier_facts(country=country)
    }
    found = []
    for partner in sorted(set(rows) | tiered):
        row = rows.get(partner)
        a, b = sorted((country, partner))
        tier = current_tier(ladder(store.tier_facts(a, b)), a, b)
        found.append(
            {
                "country": partner,
                "name": country_name(partner),
                "events": row["events"] if row else 0,
                "reports": row["reports"] if row else 0,
                "last_date": row["last_date"] if row else None,
                "tier": tier["tier"],
                "state": tier["state"],
            }
        )
    return sorted(found, key=lambda p: (-p["events"], -p["reports"], p["country"]))


def merged_json(m: MergedEvent) -> dict[str, Any]:
    return {
        "id": m.id,
        "a": m.a,
        "b": m.b,
        "type": m.type,
        "source_country": m.source_country,
        "target_country": m.target_country,
        "date": m.date.isoformat() if m.date else None,
        "date_precision": m.date_precision,
        "aux": list(m.aux),
        "contexts": list(m.contexts),
        "score": m.score,
        "quad_class": m.quad_class,
        "events": m.events,
        "articles": m.articles,
        "publishers": m.publishers,
        "first_report": m.first_report.isoformat() if m.first_report else None,
        "last_report": m.last_report.isoformat() if m.last_report else None,
        "sentence": m.sentence,
        "article_id": m.article_id,
        "url": m.url,
    }


def _m(month: dict[str, Any]) -> str:
    return str(month["month"])


def _show_date(date: dt.date | None, precision: str | None) -> str | None:
    return EventDate(date, DatePrecision(precision or "unknown")).shown
