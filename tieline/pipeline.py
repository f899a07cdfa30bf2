"""The stages in order. Each input item ends as stored, duplicate, copy, skipped or failed.

    sources  → RawDocument        (tieline.sources)
    extract  → Article            (tieline.extract)
    store    → IngestOutcome      (tieline.store)

Later stages (annotate, actors, events, relations) read stored articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from tieline.extract import BinaryContent, extract
from tieline.models import IngestOutcome, RawDocument, SourceProblem, Status
from tieline.settings import Settings
from tieline.sources import iter_documents
from tieline.store import Store

CODED_LANGUAGES = frozenset({"en"})  # the coder reads English only, for now


def ingest(
    specs: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    published: dt.date | None = None,
    documents: Callable[..., Iterator[RawDocument | SourceProblem]] = iter_documents,
    **source_options: object,
) -> Iterator[IngestOutcome]:
    """Read every input in `specs` into `store`, yielding one outcome per item as it ends.

    Nothing raised while reading one item stops the batch: it becomes that item's FAILED
    outcome. Already-stored URLs are not fetched again.
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
        for item in items:
            if isinstance(item, SourceProblem):
                outcome = IngestOutcome(item.origin, item.status, item.reason)
                store.log_item(run, outcome)
            else:
                outcome = ingest_document(item, store, settings, run)
            yield outcome
    finally:
        store.finish_run(run)


def ingest_document(
    document: RawDocument, store: Store, settings: Settings, run: int
) -> IngestOutcome:
    """Extract one document and store it; every error becomes a FAILED outcome with a reason."""
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
                else (f"article text too short ({len(article.body)} characters)")
            )
            return _logged(store, run, document.origin, Status.SKIPPED, reason)
        coded = article.language in CODED_LANGUAGES
        if not coded:
            language = article.language or "unknown"
            article = replace(
                article,
                notes=(*article.notes, f"not coded: language '{language}' (only English is coded)"),
            )
        return store.save_article(article, document, coded=coded, run_id=run)
    except Exception as error:
        reason = f"internal error while reading: {type(error).__name__}: {error}"
        return _logged(store, run, document.origin, Status.FAILED, reason.splitlines()[0][:300])


def _logged(store: Store, run: int, origin: str, status: Status, reason: str) -> IngestOutcome:
    outcome = IngestOutcome(origin, status, reason)
    store.log_item(run, outcome)
    return outcome
