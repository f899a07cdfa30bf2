"""Ingest jobs for the web server: queued, run one at a time by a worker thread, polled.

The worker owns its own store connection and the loaded language models (kept between jobs);
each job runs `tieline.pipeline.ingest` over URLs (fetched through `GuardedTransport` unless the
operator allows private addresses) or over uploaded files held in memory.
"""

from __future__ import annotations

import datetime as dt
import queue
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tieline.interfaces.urlguard import GuardedTransport
from tieline.models import DocumentKind, IngestOutcome, RawDocument, SourceProblem, Status
from tieline.pipeline import Coding, ingest
from tieline.settings import Settings
from tieline.sources import Fetcher
from tieline.store import Store

KEPT_JOBS = 200  # finished jobs remembered for polling; the oldest are forgotten first
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Upload:
    """A file sent to the server: its name (as the client gave it) and its bytes."""

    name: str
    content: bytes

    @property
    def kind(self) -> DocumentKind:
        if self.name.lower().endswith(HTML_SUFFIXES):
            return DocumentKind.HTML
        head = self.content[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return DocumentKind.HTML
        return DocumentKind.TEXT


@dataclass
class Job:
    """One request's worth of inputs and how far the worker has got with them."""

    id: str
    inputs: list[str]  # what the job reads, as shown to the user: URLs, "upload:name"
    urls: list[str] = field(default_factory=list)
    uploads: list[Upload] = field(default_factory=list)
    published: dt.date | None = None
    state: str = "queued"  # queued | running | done | failed
    outcomes: list[IngestOutcome] = field(default_factory=list)
    error: str | None = None
    created: str = field(default_factory=lambda: _now())
    finished: str | None = None

    def as_json(self) -> dict[str, Any]:
        counts = {s.value: 0 for s in Status}
        for outcome in self.outcomes:
            counts[outcome.status.value] += 1
        return {
            "id": self.id,
            "state": self.state,
            "inputs": list(self.inputs),
            "total": len(self.inputs),  # inputs given; a feed may yield more items than one
            "done": len(self.outcomes),
            "counts": counts,
            "outcomes": [
                {
                    "origin": o.origin,
                    "status": o.status.value,
                    "reason": o.reason,
                    "article_id": o.article_id,
                    "title": o.title,
                }
                for o in self.outcomes
            ],
            "error": self.error,
            "created": self.created,
            "finished": self.finished,
        }


class IngestJobs:
    """The queue and its single worker thread. `start()` before submitting; `stop()` at exit."""

    def __init__(
        self,
        db_path: str | Path,
        *,
        settings: Settings | None = None,
        coding: Coding | None = None,
        allow_private: bool = False,
    ) -> None:
        self.db_path = str(db_path)
        self.settings = settings or Settings()
        self.allow_private = allow_private
        self._coding = coding
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="tieline-ingest", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def submit(
        self,
        *,
        urls: Iterable[str] = (),
        uploads: Iterable[Upload] = (),
        published: dt.date | None = None,
    ) -> Job:
        urls, uploads = list(urls), list(uploads)
        inputs = urls + [_upload_origin(u) for u in uploads]
        job = Job(secrets.token_hex(8), inputs, urls, uploads, published)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> dict[str, Any] | None:
        """A snapshot of the job as JSON, taken under the lock."""
        with self._lock:
            job = self._jobs.get(job_id)
            return job.as_json() if job else None

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._lock:
            return [job.as_json() for job in reversed(list(self._jobs.values())[-limit:])]

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.state in ("done", "failed")]
        for job_id in finished[: max(0, len(self._jobs) - KEPT_JOBS)]:
            del self._jobs[job_id]

    # -- the worker ---------------------------------------------------------------------------

    def _work(self) -> None:
        coding = self._coding or Coding()
        with Store.open(self.db_path) as store:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                self._set(job, state="running")
                try:
                    for outcome in self._run(job, store, coding):
                        with self._lock:
                            job.outcomes.append(outcome)
                    self._set(job, state="done")
                except Exception as error:  # the worker must outlive any one job
                    self._set(job, state="failed", error=f"{type(error).__name__}: {error}")
                finally:
                    job.uploads = []  # the bytes are in the store now; free them

    def _run(self, job: Job, store: Store, coding: Coding) -> Iterator[IngestOutcome]:
        if job.urls:
            transport = None if self.allow_private else GuardedTransport()
            with Fetcher(self.settings.fetch, transport=transport) as fetcher:
                yield from ingest(
                    job.urls,
                    store,
                    self.settings,
                    published=job.published,
                    coding=coding,
                    fetcher=fetcher,
                )
        if job.uploads:
            yield from ingest(
                [_upload_origin(u) for u in job.uploads],
                store,
                self.settings,
                published=job.published,
                coding=coding,
                documents=_uploaded(job.uploads),
            )

    def _set(self, job: Job, *, state: str, error: str | None = None) -> None:
        with self._lock:
            job.state = state
            job.error = error
            if state in ("done", "failed"):
                job.finished = _now()


def _upload_origin(upload: Upload) -> str:
    return f"upload:{upload.name}"


def _uploaded(uploads: list[Upload]) -> Callable[..., Iterator[RawDocument | SourceProblem]]:
    """A `documents` function for `ingest` that yields the uploaded files as they are."""

    def documents(
        specs: Iterable[str], settings: Settings, *, published: dt.date | None, **_: object
    ) -> Iterator[RawDocument | SourceProblem]:
        for upload in uploads:
            yield RawDocument(
                origin=_upload_origin(upload),
                content=upload.content,
                kind=upload.kind,
                published=published,
                fetched_at=dt.datetime.now(dt.UTC),
            )

    return documents


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
