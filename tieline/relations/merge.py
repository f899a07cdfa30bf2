"""One event, many reports: events that several articles report become one merged event.

Two reports are of the same real-world event when they concern the same pair of states (in the
same direction, unless the type is one both sides do: meeting, agreeing, cooperating), have a
compatible type, the same auxiliary modes, and dates that agree:

* the same day (or month, or year, at those precisions): the same event — two meetings of one
  pair on one day are rarer than one meeting told twice;
* within `WINDOW_DAYS`, when one of the two dates was not stated but taken from the
  publication day, and the sentences share enough words (`MIN_SIMILARITY`).

Clustering is deterministic and order-free: a pair's reports are sorted by date and event id
and each joins the best matching earlier cluster, so the same events always give the same
merged events, whatever order the articles arrived in. The store rebuilds a pair's merged events
whenever its events change (an article stored, re-coded or removed).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

WINDOW_DAYS = 2  # a report dated by its publication day may be a day or two after the event
# Share of content words two sentences must have in common (Jaccard) to merge reports whose
# dates differ; set by reading pairs of real reports, not fitted to the merge test set.
MIN_SIMILARITY = 0.15
MAX_COMPARED = 25  # a report is compared with a cluster's first reports, not all of a big one
BOTH_SIDES_ACT = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # direction does not matter
# Types that reports of one event are coded as interchangeably.
FAMILY = {"COOPERATE": "AGREE"}

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an and or of to in on at for with by from as is was were be been has have had "
    "its their his her that this which who said says will would after over two both".split()
)


@dataclass(frozen=True)
class Report:
    """One stored event as merging sees it."""

    event_id: str
    article_id: str
    type: str
    source_country: str
    target_country: str
    date: dt.date | None
    precision: str  # day, month, year, unknown
    date_stated: bool  # the sentence gave the date (not the publication day)
    aux: str  # comma-joined auxiliary modes
    sentence: str
    confidence: float
    published: dt.date | None
    publisher: str

    @property
    def pair(self) -> tuple[str, str]:
        a, b = sorted((self.source_country, self.target_country))
        return a, b

    @property
    def key(self) -> tuple[str, ...]:
        """Reports that may be of one event share this key."""
        family = FAMILY.get(self.type, self.type)
        if family in BOTH_SIDES_ACT or self.type in BOTH_SIDES_ACT:
            return (*self.pair, family, self.aux)
        return (self.source_country, self.target_country, family, self.aux)


@dataclass
class Cluster:
    """Reports of one event; the first is the earliest."""

    reports: list[Report]

    @property
    def anchor(self) -> Report:
        return self.reports[0]

    @property
    def id(self) -> str:
        """Stable as later reports join: from the earliest report's event."""
        first = min(self.reports, key=lambda r: (r.published or dt.date.max, r.event_id))
        return hashlib.sha256(f"merged:{first.event_id}".encode()).hexdigest()[:16]

    @property
    def best(self) -> Report:
        """The report with the best evidence: most confident, dated by its own words, first."""
        return min(
            self.reports,
            key=lambda r: (
                -r.confidence,
                not r.date_stated,
                r.published or dt.date.max,
                r.event_id,
            ),
        )

    @property
    def articles(self) -> int:
        return len({r.article_id for r in self.reports})

    @property
    def publishers(self) -> int:
        return len({r.publisher for r in self.reports})


def cluster(reports: Iterable[Report]) -> list[Cluster]:
    """Reports grouped into events, deterministically (see the module's note)."""
    by_key: dict[tuple[str, ...], list[Report]] = {}
    for report in reports:
        if report.source_country != report.target_country:
            by_key.setdefault(report.key, []).append(report)
    clusters: list[Cluster] = []
    for key in sorted(by_key):
        ordered = sorted(
            by_key[key], key=lambda r: (r.precision, r.date or dt.date.min, r.event_id)
        )
        active: list[Cluster] = []  # clusters a later report may still join
        for report in ordered:
            active = [c for c in active if _may_join(report, c.anchor)]
            best = _best_match(report, active)
            if best is None:
                made = Cluster([report])
                active.append(made)
                clusters.append(made)
            else:
                best.reports.append(report)
    return clusters


def _may_join(report: Report, anchor: Report) -> bool:
    """Whether a cluster anchored at `anchor` is still within reach of `report` (reports come
    sorted by precision and date, so a cluster out of reach stays out of reach)."""
    if report.precision != anchor.precision:
        return False
    if report.date is None or anchor.date is None:
        return report.date is None and anchor.date is None
    if report.precision == "day":
        return (report.date - anchor.date).days <= WINDOW_DAYS
    if report.precision == "month":
        return (report.date.year, report.date.month) == (anchor.date.year, anchor.date.month)
    return report.date.year == anchor.date.year


def _best_match(report: Report, clusters: Sequence[Cluster]) -> Cluster | None:
    best: tuple[float, int] | None = None
    chosen = None
    for index, candidate in enumerate(clusters):
        score = _match(report, candidate)
        if score is not None and (best is None or (score, -index) > best):
            best, chosen = (score, -index), candidate
    return chosen


def _match(report: Report, candidate: Cluster) -> float | None:
    """How well `report` fits the cluster, or None when it is another event."""
    anchor = candidate.anchor
    similarity = max(
        _similarity(report.sentence, r.sentence) for r in candidate.reports[:MAX_COMPARED]
    )
    if report.date is None or anchor.date is None:
        same = report.date is None and anchor.date is None
        return similarity if same and similarity >= 2 * MIN_SIMILARITY else None
    if report.precision != anchor.precision:
        return None
    if report.precision == "day":
        gap = abs((report.date - anchor.date).days)
        if gap == 0:
            return 1.0 + similarity
        stated_both = report.date_stated and anchor.date_stated
        if gap <= WINDOW_DAYS and not stated_both and similarity >= MIN_SIMILARITY:
            return similarity
        return None
    if report.precision == "month":
        same_month = (report.date.year, report.date.month) == (anchor.date.year, anchor.date.month)
        return 1.0 + similarity if same_month else None
    if report.date.year == anchor.date.year and similarity >= 2 * MIN_SIMILARITY:
        return similarity
    return None


def _similarity(one: str, other: str) -> float:
    a, b = _words(one), _words(other)  # cached: a sentence is compared many times
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def publisher_of(publisher: str | None, url: str | None) -> str:
    """The publisher's name, else the URL's host without "www.", else "unknown"."""
    if publisher:
        return publisher.strip()
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[::1" and the like, as a WARC or JSONL record may give
            host = ""
        return host.removeprefix("www.") or "unknown"
    return "unknown"
