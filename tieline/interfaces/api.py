"""The REST API and the web dashboard, as one FastAPI application over a store.

    app = create_app("tieline.db", token="secret")     # served by `tieline serve`

Reads are open; writes (POST /api/ingest) need `Authorization: Bearer <token>`, and a server
started without a token is read-only. Every error is JSON `{"error": "..."}` under /api/ and an
HTML page elsewhere. OpenAPI at /openapi.json (no bundled docs page: it would load a CDN).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from tieline import __version__
from tieline.interfaces import readmodel
from tieline.interfaces.jobs import IngestJobs, Upload
from tieline.interfaces.urlguard import refusal
from tieline.pipeline import Coding
from tieline.settings import MIB, Settings
from tieline.store import ArticleQuery, EventQuery, Store

MAX_UPLOAD_BYTES = 5 * MIB  # one uploaded file; a news page is rarely over 1 MiB
MAX_FILES = 20  # files in one request
MAX_URLS = 100  # URLs in one request
MAX_REQUEST_BYTES = MAX_FILES * MAX_UPLOAD_BYTES + MIB  # the whole body, checked up front
MAX_PAGE = 500  # the largest `limit` a list endpoint accepts
CACHED_PER_THREAD = 32  # pair states each server thread keeps until the database changes
FACT_AUX = ("future", "hypothetical", "negated", "historical")  # left out by facts_only


T = TypeVar("T")


class ApiError(HTTPException):
    """An error answered as `{"error": message}` with its status."""


@dataclass
class Context:
    """What every request handler needs: where the store is, who may write, the job queue."""

    db_path: str
    token: str | None
    allow_private: bool
    countries: readmodel.Countries
    jobs: IngestJobs
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_urls: int = MAX_URLS
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Store] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self) -> Store:
        """This thread's read connection (SQLite connections are not shared between threads)."""
        found: Store | None = getattr(self._local, "store", None)
        if found is None:
            found = Store.open(self.db_path)
            self._local.store = found
            with self._lock:
                self._opened.append(found)
        return found

    def cached(self, key: tuple[object, ...], compute: Callable[[Store], T]) -> T:
        """`compute(store)`, remembered by this thread until the database changes.

        The pair page's state reads every merged event of the pair; while no one writes, the
        answer is the same, so it is kept per thread (each thread has its own connection, whose
        `data_version` moves when any other connection commits)."""
        store = self.store()
        version = store.data_version()
        cache: OrderedDict[tuple[object, ...], tuple[int, Any]] | None = getattr(
            self._local, "cache", None
        )
        if cache is None:
            cache = self._local.cache = OrderedDict()
        hit = cache.get(key)
        if hit is not None and hit[0] == version:
            cache.move_to_end(key)
            return cast(T, hit[1])
        value = compute(store)
        cache[key] = (version, value)
        while len(cache) > CACHED_PER_THREAD:
            cache.popitem(last=False)
        return value

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()

    def country(self, code: str) -> str:
        """`code` in upper case if it is a known ISO 3166 alpha-3 code; else a 422 or 404."""
        if not readmodel.ISO3.match(code):
            raise ApiError(422, f"{code[:20]!r} is not an ISO 3166 alpha-3 code like KHM or JPN")
        upper = code.upper()
        if upper not in self.countries:
            raise ApiError(404, f"unknown country code {upper}")
        return upper


def create_app(
    db_path: str | Path,
    token: str | None = None,
    allow_private: bool = False,
    *,
    settings: Settings | None = None,
    coding: Coding | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    max_urls: int = MAX_URLS,
) -> FastAPI:
    """The application over the database at `db_path` (created if absent).

    `token` enables writes for callers presenting it; `allow_private` lets ingest fetch private,
    loopback and link-local addresses; `coding` shares already-loaded models with the worker.
    """
    if str(db_path) == ":memory:":
        raise ValueError("the web server needs a database file: threads share it")
    Store.open(db_path).close()  # create and migrate it now, so a bad file fails at start
    jobs = IngestJobs(db_path, settings=settings, coding=coding, allow_private=allow_private)
    context = Context(
        str(db_path),
        token or None,
        allow_private,
        readmodel.load_countries(),
        jobs,
        max_upload_bytes=max_upload_bytes,
        max_urls=max_urls,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        jobs.start()
        try:
            yield
        finally:
            jobs.stop()
            context.close()

    app = FastAPI(
        title="tieline",
        version=__version__,
        description="Relations between states, read from the news: every fact with the "
        "sentence that states it. Writes need `Authorization: Bearer <token>`.",
        docs_url=None,  # the bundled docs pages load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = context
    app.include_router(api_router(), prefix="/api")
    from tieline.interfaces.dashboard import mount

    mount(app)
    _install_errors(app)

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_REQUEST_BYTES:
            return JSONResponse(
                {"error": f"request body over {MAX_REQUEST_BYTES // MIB} MiB"}, status_code=413
            )
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
        return response

    return app


def _install_errors(app: FastAPI) -> None:
    from tieline.interfaces.dashboard import error_page

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        message = str(error.detail)
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"error": message}, error.status_code, headers=error.headers)
        return error_page(request, error.status_code, message)

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, error: sqlite3.Error) -> Response:
        # A damaged file, a lock held past the busy timeout: the server's fault, said in one line.
        message = f"database error: {error}"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, 503)
        return error_page(request, 503, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = []
        for problem in error.errors():
            where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path"))
            text = str(problem.get("msg", "invalid"))
            problems.append(f"{where}: {text}" if where else text)
        message = "; ".join(problems) or "invalid request"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, 422)
        return error_page(request, 422, message)


def context_of(request: Request) -> Context:
    found: Context = request.app.state.context
    return found


async def require_writer(request: Request) -> None:
    """Writes need the server's token as a bearer token; without a token none are allowed."""
    context = context_of(request)
    if context.token is None:
        raise ApiError(
            403,
            "this server is read-only: start it with --token (or TIELINE_TOKEN) to allow writes",
        )
    given = request.headers.get("authorization", "")
    scheme, _, credential = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        credential.strip().encode(), context.token.encode()
    ):
        raise ApiError(
            401,
            "writes need the header 'Authorization: Bearer <token>' with the server's token",
            headers={"WWW-Authenticate": "Bearer"},
        )


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items.")]


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def api_router() -> APIRouter:
    router = APIRouter()

    @router.get("/articles", summary="List stored articles, newest first")
    def list_articles(
        request: Request,
        limit: Limit = 50,
        offset: Offset = 0,
        publisher: str | None = None,
        language: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        source: Annotated[str | None, Query(description="Text in the URL or input path")] = None,
        no_copies: bool = False,
    ) -> dict[str, Any]:
        store = context_of(request).store()
        query = ArticleQuery(
            publisher=publisher,
            language=language,
            since=since,
            until=until,
            source=source,
            include_copies=not no_copies,
            limit=limit,
            offset=offset,
        )
        rows = [readmodel.article_summary(r) for r in store.articles(query)]
        return page(rows, store.count_articles(query), limit, offset)

    @router.get("/articles/{article_id}", summary="One article with its text, mentions, events")
    def get_article(request: Request, article_id: str) -> dict[str, Any]:
        store = context_of(request).store()
        found = store.get(article_id) if len(article_id) <= 200 else None
        if found is None:
            raise ApiError(404, f"no article {article_id[:40]!r}")
        return readmodel.article_detail(store, found)

    @router.get("/events", summary="Coded events, filtered as `tieline events`, paged")
    def list_events(
        request: Request,
        limit: Limit = 100,
        offset: Offset = 0,
        country: Annotated[str | None, Query(description="ISO alpha-3, either side")] = None,
        dyad: Annotated[str | None, Query(description="Two ISO alpha-3 codes: KHM,JPN")] = None,
        type: Annotated[list[str] | None, Query(description="PLOVER types")] = None,
        context: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article: str | None = None,
        min_confidence: Annotated[float, Query(ge=0, le=1)] = 0.0,
        facts_only: bool = False,
        newest_first: bool = False,
    ) -> dict[str, Any]:
        ctx = context_of(request)
        pair = _dyad_param(ctx, dyad)
        query = EventQuery(
            country=ctx.country(country) if country else None,
            dyad=pair,
            types=tuple(t.upper() for t in type or ()),
            context=context,
            since=since,
            until=until,
            article=article,
            min_confidence=min_confidence,
            exclude_aux=FACT_AUX if facts_only else (),
            limit=limit,
            offset=offset,
            newest_first=newest_first,
        )
        store = ctx.store()
        rows = readmodel.event_rows(store, store.events(query))
        return page(rows, store.count_events(query), limit, offset)

    @router.get("/merged-events", summary="Events merged across the articles reporting them")
    def list_merged(
        request: Request,
        limit: Limit = 50,
        offset: Offset = 0,
        country: str | None = None,
        dyad: str | None = None,
    ) -> dict[str, Any]:
        ctx = context_of(request)
        a, b, found = _pair_and_country(ctx, dyad, country)
        store = ctx.store()
        rows = readmodel.merged_events(store, a, b, country=found, limit=limit, offset=offset)
        total = store.count_merged_events(a, b, country=found)
        return page(rows, total, limit, offset)

    @router.get("/dyads/{a}/{b}", summary="The state of a pair, as `tieline dyad A B --json`")
    def get_dyad(request: Request, a: str, b: str) -> dict[str, Any]:
        ctx = context_of(request)
        first, second = ctx.country(a), ctx.country(b)
        if first == second:
            raise ApiError(422, "a pair needs two different countries")
        return ctx.cached(("dyad", first, second), lambda s: readmodel.dyad_state(s, first, second))

    @router.get("/countries/{code}/partners", summary="A country's partners with their tiers")
    def get_partners(request: Request, code: str) -> dict[str, Any]:
        ctx = context_of(request)
        country = ctx.country(code)
        return {
            "country": country,
            "name": ctx.countries.name(country),
            "partners": readmodel.partners(ctx.store(), country),
        }

    @router.get("/tiers", summary="Partnership tier facts, as `tieline tiers --format jsonl`")
    def list_tiers(
        request: Request,
        limit: Limit = 100,
        offset: Offset = 0,
        country: str | None = None,
        dyad: str | None = None,
    ) -> dict[str, Any]:
        ctx = context_of(request)
        a, b, found = _pair_and_country(ctx, dyad, country)
        rows = readmodel.tier_facts(ctx.store(), a, b, country=found)
        return page(rows[offset : offset + limit], len(rows), limit, offset)

    @router.get("/actors", summary="Actors found by name among the stored mentions")
    def search_actors(
        request: Request,
        q: Annotated[str, Query(min_length=2, max_length=100, description="Part of a name")],
        limit: Limit = 20,
    ) -> dict[str, Any]:
        ctx = context_of(request)
        found = ctx.store().search_actors(q, limit=limit)
        return {
            "query": q,
            "items": [readmodel.actor_json(m) for m in found],
            "countries": ctx.countries.search(q),
        }

    @router.post(
        "/ingest",
        status_code=202,
        dependencies=[Depends(require_writer)],
        summary="Queue URLs or uploaded HTML/text files for ingest; returns a job to poll",
        openapi_extra=_INGEST_BODY,
    )
    async def post_ingest(request: Request) -> JSONResponse:
        ctx = context_of(request)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            urls, uploads, published = await _json_inputs(request)
        elif kind == "multipart/form-data":
            urls, uploads, published = await _form_inputs(request, ctx)
        else:
            raise ApiError(
                415,
                'send JSON {"urls": [...]} or multipart/form-data with "files" (and "urls")',
            )
        if not urls and not uploads:
            raise ApiError(400, "nothing to ingest: give urls or files")
        if len(urls) > ctx.max_urls:
            raise ApiError(413, f"at most {ctx.max_urls} URLs in one request")
        for url in urls:
            reason = await run_in_threadpool(refusal, url, allow_private=ctx.allow_private)
            if reason:
                raise ApiError(400, f"refused {url[:200]}: {reason}")
        job = ctx.jobs.submit(urls=urls, uploads=uploads, published=published)
        body = ctx.jobs.get(job.id) or {}
        return JSONResponse(
            {"job": job.id, "url": f"/api/ingest/{job.id}", **body},
            status_code=202,
            headers={"Location": f"/api/ingest/{job.id}"},
        )

    @router.get("/ingest", summary="Recent ingest jobs, newest first")
    def list_jobs(request: Request) -> dict[str, Any]:
        return {"items": context_of(request).jobs.recent()}

    @router.get("/ingest/{job_id}", summary="An ingest job's progress and outcomes")
    def get_job(request: Request, job_id: str) -> dict[str, Any]:
        found = context_of(request).jobs.get(job_id)
        if found is None:
            raise ApiError(404, f"no ingest job {job_id[:40]!r}")
        return found

    return router


def _dyad_param(ctx: Context, dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    codes = [c.strip() for c in dyad.replace("-", ",").split(",") if c.strip()]
    if len(codes) != 2:
        raise ApiError(422, "dyad: give two ISO alpha-3 codes, like KHM,JPN")
    return ctx.country(codes[0]), ctx.country(codes[1])


def _pair_and_country(
    ctx: Context, dyad: str | None, country: str | None
) -> tuple[str | None, str | None, str | None]:
    """The `dyad` and `country` filters of the relations endpoints, checked: (a, b, country)."""
    a, b = _dyad_param(ctx, dyad) or (None, None)
    return a, b, ctx.country(country) if country else None


def _published(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        shown = str(value)[:40]
        raise ApiError(400, f"published: {shown!r} is not a date like 2022-04-25") from error


async def _json_inputs(request: Request) -> tuple[list[str], list[Upload], dt.date | None]:
    try:
        payload = json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ApiError(400, f"the body is not valid JSON: {error}") from error
    if not isinstance(payload, dict):
        raise ApiError(400, 'send a JSON object: {"urls": ["https://..."]}')
    urls = payload.get("urls", [])
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise ApiError(400, "urls: give a list of strings")
    return [u.strip() for u in urls if u.strip()], [], _published(payload.get("published"))


async def _form_inputs(
    request: Request, ctx: Context
) -> tuple[list[str], list[Upload], dt.date | None]:
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=20)
    except HTTPException as error:  # too many files or fields, a part too large
        detail = str(error.detail).lower()
        status = 413 if "too many" in detail or "exceed" in detail else 400
        raise ApiError(status, error.detail) from error
    uploads = []
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile):
            raise ApiError(400, "files: send files, not text fields")
        content = await item.read(ctx.max_upload_bytes + 1)
        if len(content) > ctx.max_upload_bytes:
            limit = ctx.max_upload_bytes / MIB
            raise ApiError(413, f"{item.filename}: larger than {limit:g} MiB")
        if content:
            uploads.append(Upload((item.filename or "upload")[:200], content))
    text = form.get("urls")
    urls = [u.strip() for u in text.splitlines() if u.strip()] if isinstance(text, str) else []
    published = form.get("published")
    return urls, uploads, _published(published if isinstance(published, str) else None)


_INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "urls": {
                            "type": "array",
                            "items": {"type": "string", "format": "uri"},
                            "maxItems": MAX_URLS,
                        },
                        "published": {"type": "string", "format": "date"},
                    },
                    "required": ["urls"],
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "maxItems": MAX_FILES,
                        },
                        "urls": {"type": "string", "description": "one URL a line"},
                        "published": {"type": "string", "format": "date"},
                    },
                }
            },
        },
    }
}
