"""The stages in order. Each input item ends as stored, duplicate, copy, skipped or failed.

sources   → RawDocument        (tieline.sources)
extract   → Article            (tieline.extract)
annotate  → sentences, tags    (tieline.annotate)
actors    → Mention            (tieline.actors)
events    → Event, place       (tieline.events)
tiers     → TierFact           (tieline.relations.tiers)
store     → IngestOutcome      (tieline.store; merged events rebuilt for the pairs touched)
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tieline.actors import (
    PARSE_BATCH,
    RESOLVER,
    Plan,
    Resolver,
    load_resolver,
    plan_article,
    resolve_article,
)
from tieline.events.coder import CODER, EventCoder, article_date, code_article
from tieline.events.places import PlaceFinder
from tieline.extract import BinaryContent, extract
from tieline.models import (
    Article,
    Event,
    IngestOutcome,
    Mention,
    RawDocument,
    SourceProblem,
    Status,
    TierFact,
)
from tieline.relations.tiers import TierReader
from tieline.settings import Settings
from tieline.sources import iter_documents
from tieline.store import Store

if TYPE_CHECKING:
    from spacy.tokens import Doc

CODED_LANGUAGES = frozenset({"en"})  # the coder reads English only, for now
# Documents read together in one process: their sentences go to spaCy in one call, which parses
# faster than a call per article (its batches are full). On the 249 Guardian articles 16 and 32
# measured alike, the whole ingest about 4% faster than one by one; 16 keeps outcomes coming
# every second or so and the peak memory within 15 MiB of one by one.
CHUNK_DOCUMENTS = 16
# A chunk still filling after this long is read as it is: local files fill it at once, pages
# fetched over the network trickle in.
CHUNK_WAIT_SECONDS = 0.5


def ingest(
    specs: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    published: dt.date | None = None,
    documents: Callable[..., Iterator[RawDocument | SourceProblem]] = iter_documents,
    coding: Coding | None = None,
    workers: int = 1,
    chunk: int = CHUNK_DOCUMENTS,
    **source_options: object,
) -> Iterator[IngestOutcome]:
    """Read every input in `specs` into `store`, yielding one outcome per item as it ends.

    Nothing raised while reading one item stops the batch: it becomes that item's FAILED
    outcome. Already-stored URLs are not fetched again. Items are read `chunk` at a time (see
    `read_documents`). With `workers` above 1, extraction and coding run in that many processes,
    one item at a time each, while this one reads the inputs and writes the store; outcomes
    still come in input order.
    """
    settings = settings or Settings()
    specs = list(specs)
    run = store.start_run(specs)
    try:
        items = documents(
            specs,
            settings,
            published=published,
            is_known_url=lambda url: store.known_url(url) is not None,
            **source_options,
        )
        if workers > 1:
            read = _read_in_processes(items, settings, workers)
        else:
            coding = coding or Coding()
            read = (
                result
                for part in _chunks(items, chunk)
                for result in read_documents(part, settings, coding)
            )
        for item in read:
            outcome = _store(item, store, run)
            yield outcome
    finally:
        store.finish_run(run)


class Coding:
    """The models the actor and event stages need, loaded on the first article coded."""

    def __init__(self, resolver: Resolver | None = None, events: EventCoder | None = None) -> None:
        self._resolver = resolver
        self._events = events
        self._places: PlaceFinder | None = None
        self._tiers: TierReader | None = None

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = load_resolver()
        return self._resolver

    @property
    def events(self) -> EventCoder:
        if self._events is None:
            self._events = EventCoder(self.resolver.nlp)  # one spaCy pipeline for both
        return self._events

    @property
    def places(self) -> PlaceFinder:
        if self._places is None:
            self._places = PlaceFinder(self.resolver.gazetteer)
        return self._places

    @property
    def tiers(self) -> TierReader:
        if self._tiers is None:
            self._tiers = TierReader()
        return self._tiers

    def plan(self, article: Article) -> dict[str, Plan]:
        """By field, the sentences `code_all` reads of an article, and those it parses: the
        ones that may hold an actor and state an event."""
        return plan_article(self.resolver, article, self.events.may_state)

    def parse(self, plans: Sequence[Mapping[str, Plan]]) -> list[dict[str, dict[int, Doc]]]:
        """The sentences several articles' plans parse, in one spaCy call: by article in the
        order given, then field, then sentence index."""
        wanted = [
            (n, name, sentence)
            for n, plan in enumerate(plans)
            for name, field_plan in plan.items()
            for sentence in field_plan.deep
        ]
        texts = (sentence.text for _, _, sentence in wanted)
        docs: list[dict[str, dict[int, Doc]]] = [{} for _ in plans]
        for (n, name, sentence), doc in zip(
            wanted, self.resolver.nlp.pipe(texts, batch_size=PARSE_BATCH), strict=True
        ):
            docs[n].setdefault(name, {})[sentence.index] = doc
        return docs

    def code_all(
        self,
        article: Article,
        plans: Mapping[str, Plan] | None = None,
        preparsed: Mapping[str, Mapping[int, Doc]] | None = None,
    ) -> Coded:
        """An article's actor mentions, events and tier facts. `plans` (`self.plan(article)`)
        and `preparsed` (from `self.parse`) are what the caller has made of it already."""
        parsed: dict[str, dict[int, Doc]] = {}
        mentions = resolve_article(
            self.resolver,
            article,
            parsed,
            self.events.may_state,
            plans=plans,
            preparsed=preparsed,
        )
        news_day = article_date(article)
        events = code_article(self.events, article, mentions, parsed, news_day)
        events = self.places.place_events(article, events, news_day)
        tiers = self.tiers.read(article, mentions, news_day, events)
        return Coded(mentions, events, tiers)


@dataclass(frozen=True)
class Coded:
    """What the actor, event and tier readers found in one article."""

    mentions: list[Mention]
    events: list[Event]
    tiers: list[TierFact]


@dataclass(frozen=True)
class ReadDocument:
    """A document extracted and coded, ready to store."""

    document: RawDocument
    article: Article
    coded: bool
    mentions: list[Mention]
    events: list[Event]
    tiers: list[TierFact]


def read_document(
    document: RawDocument, settings: Settings, coding: Coding
) -> ReadDocument | SourceProblem:
    """Extract and code one document; what cannot be stored becomes a SKIPPED or FAILED item.

    Touches no store, so it can run in a worker process.
    """
    return _coded(_extracted(document, settings), coding)


def read_documents(
    items: Sequence[RawDocument | SourceProblem], settings: Settings, coding: Coding
) -> list[ReadDocument | SourceProblem]:
    """`read_document` of each document in `items` (problems pass through), with the sentences
    of all of them parsed in one spaCy call. The results are the same as one by one: an error
    in one document's planning or parse is met again when that document alone is coded."""
    read = [
        item if isinstance(item, SourceProblem) else _extracted(item, settings) for item in items
    ]
    to_code = [
        (n, item) for n, item in enumerate(read) if isinstance(item, ReadDocument) and item.coded
    ]
    found = code_articles([item.article for _, item in to_code], coding)
    for (n, item), coding_found in zip(to_code, found, strict=True):
        read[n] = _with_coding(item, coding_found)
    return read


def code_articles(articles: Sequence[Article], coding: Coding) -> list[Coded | Exception]:
    """`Coding.code_all` of each article, with the sentences of all of them parsed in one spaCy
    call (as `read_documents` does): for re-coding stored articles. An article that cannot be
    coded gives its exception in its place; the others are coded all the same."""
    plans: dict[int, dict[str, Plan]] = {}
    for n, article in enumerate(articles):
        try:
            plans[n] = coding.plan(article)
        except Exception:
            continue  # planned again below, where the error becomes this article's
    try:
        parsed = dict(zip(plans, coding.parse(list(plans.values())), strict=True))
    except Exception:
        parsed = {}  # each article parses its own sentences, so the one at fault fails alone
    results: list[Coded | Exception] = []
    for n, article in enumerate(articles):
        try:
            results.append(coding.code_all(article, plans.get(n), parsed.get(n)))
        except Exception as error:
            results.append(error)
    return results


def _coded(item: ReadDocument | SourceProblem, coding: Coding) -> ReadDocument | SourceProblem:
    """An extracted document with its mentions, events and tier facts."""
    if not isinstance(item, ReadDocument) or not item.coded:
        return item
    try:
        found: Coded | Exception = coding.code_all(item.article)
    except Exception as error:
        found = error
    return _with_coding(item, found)


def _with_coding(item: ReadDocument, found: Coded | Exception) -> ReadDocument | SourceProblem:
    """The document with what coding it found, or its FAILED outcome when coding raised."""
    if isinstance(found, Exception):
        return SourceProblem(item.document.origin, Status.FAILED, _internal(found))
    return replace(item, mentions=found.mentions, events=found.events, tiers=found.tiers)


def _chunks(
    items: Iterable[RawDocument | SourceProblem],
    size: int,
    wait: float = CHUNK_WAIT_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[list[RawDocument | SourceProblem]]:
    """`size` items at a time, or fewer when they come slowly: a chunk is handed on as soon as
    an item comes `wait` seconds or more after the chunk's first, so that pages fetched one by
    one over the network are stored an item or two behind, not `size` at a time."""
    part: list[RawDocument | SourceProblem] = []
    started = 0.0
    for item in items:
        if not part:
            started = clock()
        part.append(item)
        if len(part) >= max(size, 1) or clock() - started >= wait:
            yield part
            part = []
    if part:
        yield part


def _extracted(document: RawDocument, settings: Settings) -> ReadDocument | SourceProblem:
    """One document's article, not yet coded."""
    origin = document.origin
    try:
        if len(document.content) > settings.max_page_bytes:
            limit = settings.max_page_bytes // (1024 * 1024)
            return SourceProblem(origin, Status.SKIPPED, f"too large: over {limit} MiB")
        try:
            article = extract(document)
        except BinaryContent as kind:
            return SourceProblem(origin, Status.SKIPPED, f"binary content ({kind})")
        if len(article.body) < settings.min_body_chars:
            reason = (
                "no article text found"
                if not article.body.strip()
                else f"article text too short ({len(article.body)} characters)"
            )
            return SourceProblem(origin, Status.SKIPPED, reason)
        coded = article.language in CODED_LANGUAGES
        if not coded:
            language = article.language or "unknown"
            article = replace(
                article,
                notes=(*article.notes, f"not coded: language '{language}' (only English is coded)"),
            )
        return ReadDocument(document, article, coded, [], [], [])
    except Exception as error:
        return SourceProblem(origin, Status.FAILED, _internal(error))


def ingest_document(
    document: RawDocument, store: Store, settings: Settings, run: int, coding: Coding | None = None
) -> IngestOutcome:
    """Extract one document, code it and store it; every error becomes a FAILED outcome."""
    return _store(read_document(document, settings, coding or Coding()), store, run)


def _store(item: ReadDocument | SourceProblem, store: Store, run: int) -> IngestOutcome:
    if isinstance(item, SourceProblem):
        return _logged(store, run, item.origin, item.status, item.reason)
    try:
        return store.save_article(
            item.article,
            item.document,
            coded=item.coded,
            run_id=run,
            mentions=item.mentions,
            resolver=RESOLVER,
            events=item.events,
            coder=CODER,
            tiers=item.tiers,
        )
    except Exception as error:
        return _logged(store, run, item.document.origin, Status.FAILED, _internal(error))


def _internal(error: Exception) -> str:
    reason = f"internal error while reading: {type(error).__name__}: {error}"
    return reason.splitlines()[0][:300]


# Work in flight per worker process: enough to keep each busy while the inputs are read, few
# enough that a large archive is never held in memory whole.
QUEUE_PER_WORKER = 4

_worker_coding: Coding | None = None  # one per worker process, loaded by _start_worker


def _start_worker() -> None:
    global _worker_coding
    _worker_coding = Coding()


def _read_in_worker(document: RawDocument, settings: Settings) -> ReadDocument | SourceProblem:
    assert _worker_coding is not None, "worker not started"
    return read_document(document, settings, _worker_coding)


def _read_in_processes(
    items: Iterable[RawDocument | SourceProblem], settings: Settings, workers: int
) -> Iterator[ReadDocument | SourceProblem]:
    """Read documents in `workers` processes, yielding results in input order."""
    context = multiprocessing.get_context("spawn")  # no store connection or thread is inherited
    pending: deque[tuple[str, Future[ReadDocument | SourceProblem]] | SourceProblem] = deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
        for item in items:
            if isinstance(item, SourceProblem):
                pending.append(item)
            else:
                try:
                    pending.append((item.origin, pool.submit(_read_in_worker, item, settings)))
                except Exception as error:  # the pool is broken: a worker died
                    pending.append(SourceProblem(item.origin, Status.FAILED, _internal(error)))
            while len(pending) > workers * QUEUE_PER_WORKER:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(
    item: tuple[str, Future[ReadDocument | SourceProblem]] | SourceProblem,
) -> ReadDocument | SourceProblem:
    if isinstance(item, SourceProblem):
        return item
    origin, future = item
    try:
        return future.result()
    except Exception as error:  # the worker died (out of memory, killed): that item fails
        return SourceProblem(origin, Status.FAILED, _internal(error))


def _logged(store: Store, run: int, origin: str, status: Status, reason: str) -> IngestOutcome:
    outcome = IngestOutcome(origin, status, reason)
    store.log_item(run, outcome)
    return outcome
