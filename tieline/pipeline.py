"""The stages in order. Each input item ends as stored, duplicate, copy, skipped or failed.

    sources   → RawDocument        (tieline.sources)
    extract   → Article            (tieline.extract)
    annotate  → sentences, tags    (tieline.annotate)
    actors    → Mention            (tieline.actors)
    events    → Event              (tieline.events)
    store     → IngestOutcome      (tieline.store)

The relations stage reads stored events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from tieline.actors import RESOLVER, Resolver, load_resolver, resolve_article
from tieline.events.coder import CODER, EventCoder, code_article
from tieline.extract import BinaryContent, extract
from tieline.models import (
    Article,
    Event,
    IngestOutcome,
    Mention,
    RawDocument,
    SourceProblem,
    Status,
)
from tieline.settings import Settings
from tieline.sources import iter_documents
from tieline.store import Store

if TYPE_CHECKING:
    from spacy.tokens import Doc

CODED_LANGUAGES = frozenset({"en"})  # the coder reads English only, for now


def ingest(
    specs: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    published: dt.date | None = None,
    documents: Callable[..., Iterator[RawDocument | SourceProblem]] = iter_documents,
    coding: Coding | None = None,
    **source_options: object,
) -> Iterator[IngestOutcome]:
    """Read every input in `specs` into `store`, yielding one outcome per item as it ends.

    Nothing raised while reading one item stops the batch: it becomes that item's FAILED
    outcome. Already-stored URLs are not fetched again.
    """
    settings = settings or Settings()
    specs = list(specs)
    coding = coding or Coding()
    run = store.start_run(specs)
    try:
        items = documents(
            specs,
            settings,
            published=published,
            is_known_url=lambda url: store.known_url(url) is not None,
            **source_options,
        )
        for item in items:
            if isinstance(item, SourceProblem):
                outcome = IngestOutcome(item.origin, item.status, item.reason)
                store.log_item(run, outcome)
            else:
                outcome = ingest_document(item, store, settings, run, coding)
            yield outcome
    finally:
        store.finish_run(run)


class Coding:
    """The models the actor and event stages need, loaded on the first article coded."""

    def __init__(self, resolver: Resolver | None = None, events: EventCoder | None = None) -> None:
        self._resolver = resolver
        self._events = events

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

    def code(self, article: Article) -> tuple[list[Mention], list[Event]]:
        """An article's actor mentions and events."""
        parsed: dict[str, dict[int, Doc]] = {}
        mentions = resolve_article(self.resolver, article, parsed, self.events.may_state)
        return mentions, code_article(self.events, article, mentions, parsed)


def ingest_document(
    document: RawDocument, store: Store, settings: Settings, run: int, coding: Coding | None = None
) -> IngestOutcome:
    """Extract one document, code it and store it; every error becomes a FAILED outcome."""
    try:
        if len(document.content) > settings.max_page_bytes:
            limit = settings.max_page_bytes // (1024 * 1024)
            return _logged(
                store, run, document.origin, Status.SKIPPED, f"too large: over {limit} MiB"
            )
        try:
            article = extract(document)
        except BinaryContent as kind:
            return _logged(store, run, document.origin, Status.SKIPPED, f"binary content ({kind})")
        if len(article.body) < settings.min_body_chars:
            reason = (
                "no article text found"
                if not article.body.strip()
                else f"article text too short ({len(article.body)} characters)"
            )
            return _logged(store, run, document.origin, Status.SKIPPED, reason)
        coded = article.language in CODED_LANGUAGES
        if not coded:
            language = article.language or "unknown"
            article = replace(
                article,
                notes=(*article.notes, f"not coded: language '{language}' (only English is coded)"),
            )
        mentions, events = (coding or Coding()).code(article) if coded else ([], [])
        return store.save_article(
            article,
            document,
            coded=coded,
            run_id=run,
            mentions=mentions,
            resolver=RESOLVER,
            events=events,
            coder=CODER,
        )
    except Exception as error:
        reason = f"internal error while reading: {type(error).__name__}: {error}"
        return _logged(store, run, document.origin, Status.FAILED, reason.splitlines()[0][:300])


def _logged(store: Store, run: int, origin: str, status: Status, reason: str) -> IngestOutcome:
    outcome = IngestOutcome(origin, status, reason)
    store.log_item(run, outcome)
    return outcome
