"""The web dashboard: server-rendered pages over the same read model as the REST API.

Pages: `/` (recent events, active pairs, tier changes, search), `/dyads/{a}/{b}` (a pair),
`/countries/{a}`, `/articles/{id}`, `/ingest`. Templates are Jinja2 with autoescaping on;
charts are SVG made on the server; the only script is the ingest page's progress poller.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup

from tieline import __version__
from tieline.interfaces import readmodel
from tieline.interfaces.dashboard import render
from tieline.store import EventQuery

if TYPE_CHECKING:
    from tieline.interfaces.api import Context

HERE = Path(__file__).parent
EVENTS_PER_PAGE = 50  # rows of a pair's or a country's event table
HOME_ROWS = 12  # rows in each list on the home page


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template: article text and titles are untrusted
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(version=__version__, type_colour=render.type_colour)
    env.filters.update(tier_label=tier_label, evidence=_evidence_filter)
    return env


def tier_label(tier: object) -> str:
    """ "comprehensive_strategic_partnership" → "Comprehensive Strategic Partnership"."""
    words = str(tier or "").replace("_", " ").replace("-", " ").split()
    small = {"of", "and", "for", "the"}
    return " ".join(w if w.isupper() else (w if w in small else w.capitalize()) for w in words)


def _evidence_filter(row: dict[str, Any]) -> Markup:
    source = (row.get("source") or {}).get("text")
    target = (row.get("target") or {}).get("text")
    return render.evidence(row.get("sentence") or "", source, target, row.get("trigger"))


class Pages:
    """Renders templates with what every page needs."""

    def __init__(self) -> None:
        self.env = _environment()

    def render(self, request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        context: Context = request.app.state.context
        template = self.env.get_template(name)
        html = template.render(
            request=request,
            countries=context.countries,
            writable=context.token is not None,
            **values,
        )
        return HTMLResponse(html, status_code=status)


def mount(app: FastAPI) -> None:
    pages = Pages()
    app.state.pages = pages
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(page_router(pages))


def error_page(request: Request, status: int, message: str) -> Response:
    pages: Pages = request.app.state.pages
    return pages.render(request, "error.html", status=status, status_code=status, message=message)


def page_router(pages: Pages) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def home(
        request: Request, q: str = Query("", max_length=100, description="search")
    ) -> Response:
        ctx: Context = request.app.state.context
        store = ctx.store()
        search = None
        if q.strip():
            search = {
                "countries": ctx.countries.search(q),
                "actors": store.search_actors(q, limit=20) if len(q.strip()) >= 2 else [],
            }
        merged = readmodel.merged_events(store, limit=HOME_ROWS)
        tier_changes = sorted(
            readmodel.tier_facts(store), key=lambda t: str(t.get("date") or ""), reverse=True
        )
        return pages.render(
            request,
            "home.html",
            q=q,
            search=search,
            merged=merged,
            pairs=store.active_dyads(HOME_ROWS),
            tier_changes=tier_changes[:HOME_ROWS],
            articles=store.count_articles(),
            events=store.count_events(),
        )

    @router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
    def dyad(
        request: Request,
        a: str,
        b: str,
        page: int = Query(1, ge=1, le=100_000),
        type: str = Query("", max_length=20),
    ) -> Response:
        ctx: Context = request.app.state.context
        first, second = ctx.country(a), ctx.country(b)
        if (first, second) != (a, b):
            return RedirectResponse(f"/dyads/{first}/{second}", status_code=308)
        if first == second:
            return error_page(request, 422, "a pair needs two different countries")
        store = ctx.store()
        state = ctx.cached(
            ("dyad", first, second), lambda s: readmodel.dyad_state(s, first, second)
        )
        types = (type.upper(),) if type else ()
        query = EventQuery(
            dyad=(first, second),
            types=types,
            limit=EVENTS_PER_PAGE,
            offset=(page - 1) * EVENTS_PER_PAGE,
            newest_first=True,
        )
        total = store.count_events(query)
        rows = readmodel.event_rows(store, store.events(query))
        chart = render.timeline_svg(state["timeline"], state["index"])
        legend = render.legend({t for month in state["timeline"] for t in month["types"]})
        return pages.render(
            request,
            "dyad.html",
            a=first,
            b=second,
            state=state,
            chart=chart,
            legend=legend,
            rows=rows,
            total=total,
            page=page,
            pages=max(1, math.ceil(total / EVENTS_PER_PAGE)),
            type=type.upper(),
        )

    @router.get("/countries/{code}", response_class=HTMLResponse)
    def country(request: Request, code: str) -> Response:
        ctx: Context = request.app.state.context
        found = ctx.country(code)
        if found != code:
            return RedirectResponse(f"/countries/{found}", status_code=308)
        store = ctx.store()
        partners = readmodel.partners(store, found)
        newest = EventQuery(country=found, limit=EVENTS_PER_PAGE, newest_first=True)
        return pages.render(
            request,
            "country.html",
            code=found,
            partners=partners,
            rows=readmodel.event_rows(store, store.events(newest)),
            total=store.count_events(EventQuery(country=found)),
        )

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str) -> Response:
        ctx: Context = request.app.state.context
        store = ctx.store()
        found = store.get(article_id) if len(article_id) <= 200 else None
        if found is None:
            return error_page(request, 404, f"No article {article_id[:40]!r} is stored.")
        detail = readmodel.article_detail(store, found)
        return pages.render(
            request,
            "article.html",
            a=detail,
            body=_annotated(detail, "body", detail["body"]),
            captions=[
                _annotated(detail, f"caption:{i}", caption)
                for i, caption in enumerate(detail["captions"])
            ],
        )

    @router.get("/ingest", response_class=HTMLResponse)
    def ingest(request: Request) -> Response:
        ctx: Context = request.app.state.context
        return pages.render(
            request,
            "ingest.html",
            jobs=ctx.jobs.recent(10),
            max_urls=ctx.max_urls,
            max_mib=ctx.max_upload_bytes / (1024 * 1024),
        )

    return router


def _annotated(detail: dict[str, Any], field: str, text: str) -> Markup:
    """A field's text with its event sentences and actor mentions marked."""
    sentences = [
        render.Span(
            e["span"][0],
            e["span"][1],
            "event-sentence",
            f"{e['type']}: {(e.get('source') or {}).get('name') or '?'} → "
            f"{(e.get('target') or {}).get('name') or '?'}",
            f"s-{field.replace(':', '-')}-{e['span'][0]}",
        )
        for e in detail["events"]
        if e.get("field") == field
    ]
    mentions = [
        render.Span(
            m["span"][0],
            m["span"][1],
            "actor",
            f"{m['actor']['name']} ({m['actor']['code']}) — {m['cue']}",
        )
        for m in detail["mentions"]
        if m.get("field") == field
    ]
    return render.annotated(text, sentences, mentions)
