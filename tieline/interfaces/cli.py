"""The `tieline` command: a thin layer that parses options and calls the library."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tieline import __version__
from tieline.models import IngestOutcome, Mention, Status
from tieline.settings import FetchSettings, Settings
from tieline.store import ArticleQuery, Store, StoredArticle, default_db_path

F = TypeVar("F", bound=Callable[..., Any])

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2022-04-25", param, ctx)


ISO_DATE = IsoDate()


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file. Default: $TIELINE_DB, else tieline.db in the user data directory.",
    )(function)


@contextmanager
def open_store(db_path: Path | None) -> Iterator[Store]:
    path = db_path or default_db_path()
    try:
        store = Store.open(path)
    except Exception as error:  # an unreadable file, a newer schema, a locked database...
        raise click.ClickException(f"cannot open database {path}: {error}") from error
    try:
        yield store
    finally:
        store.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="tieline")
def cli() -> None:
    """tieline: relations between states, read from the news.

    \b
    Reads raw news pages and keeps an auditable knowledge base in one SQLite file.
    Start with:
      tieline ingest page.html https://example.org/feed.xml crawl.warc.gz ./folder
      tieline articles
      tieline show ARTICLE_ID
    """


# -- ingest ------------------------------------------------------------------------------------

STATUS_STYLE = {
    Status.STORED: "green",
    Status.COPY: "cyan",
    Status.DUPLICATE: "blue",
    Status.SKIPPED: "yellow",
    Status.FAILED: "red",
}


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", type=ISO_DATE, help="Publication date for pages that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-item lines.")
@click.option(
    "--delay",
    type=float,
    default=None,
    show_default=False,
    help=f"Seconds between requests to one host (default {FetchSettings.host_delay}).",
)
@click.option(
    "--timeout",
    type=float,
    default=None,
    help=f"Seconds allowed per request (default {FetchSettings.timeout}).",
)
@click.option("--ignore-robots", is_flag=True, help="Fetch pages even where robots.txt forbids it.")
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that extract and code pages (each loads its own models, ~300 MiB).",
)
def ingest(
    inputs: tuple[str, ...],
    db_path: Path | None,
    published: dt.date | None,
    as_json: bool,
    quiet: bool,
    delay: float | None,
    timeout: float | None,
    ignore_robots: bool,
    workers: int,
) -> None:
    """Read news pages into the database.

    INPUTS may mix files (.html, .htm, .html.gz, .txt of scraped page text, .jsonl with one
    {url, html|text, published?} per line, .warc/.warc.gz, RSS/Atom/sitemap .xml), folders
    (read recursively), http(s) URLs of pages, feeds or sitemaps, and - for standard input.

    Each item ends as stored, copy (a near-identical copy of a stored article, linked to it),
    duplicate (already stored: nothing added), skipped or failed, with a one-line reason.
    Re-running the same inputs adds nothing twice. Exit status 1 if any item failed.

    \b
    Examples:
      tieline ingest page.html
      tieline ingest scraped.txt --published 2022-04-25
      tieline ingest https://example.org/feed.xml ./saved-pages crawl.warc.gz
      cat page.html | tieline ingest - --json
      tieline ingest crawl.warc.gz --workers 2
    """
    from tieline.pipeline import ingest as run_ingest

    fetch = FetchSettings()
    overrides: dict[str, Any] = {}
    if delay is not None:
        overrides["host_delay"] = delay
    if timeout is not None:
        overrides["timeout"] = timeout
    if ignore_robots:
        overrides["respect_robots"] = False
    settings = Settings(fetch=FetchSettings(**{**fetch.__dict__, **overrides}))
    counts: Counter[Status] = Counter()
    outcomes: list[IngestOutcome] = []
    show_progress = not quiet and err.is_terminal
    with open_store(db_path) as store:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingesting"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not show_progress,
        )
        with progress:
            task = progress.add_task("ingest", total=None, counts="")
            for outcome in run_ingest(
                inputs, store, settings, published=published, workers=workers
            ):
                counts[outcome.status] += 1
                outcomes.append(outcome)
                progress.update(task, counts=_count_line(counts))
                if not quiet and not as_json and outcome.status in (Status.SKIPPED, Status.FAILED):
                    style = STATUS_STYLE[outcome.status]
                    err.print(
                        f"[{style}]{outcome.status.value}[/] {outcome.origin}: {outcome.reason}"
                    )
        db_file = store.path
    if as_json:
        summary = {
            "db": db_file,
            "counts": {s.value: counts.get(s, 0) for s in Status},
            "articles": [
                {
                    "id": o.article_id,
                    "status": o.status.value,
                    "reason": o.reason,
                    "origin": o.origin,
                    "title": o.title,
                }
                for o in outcomes
            ],
        }
        click.echo(json.dumps(summary, ensure_ascii=False))
    elif not quiet:
        _print_ingest_summary(outcomes, counts, db_file)
    if counts[Status.FAILED]:
        sys.exit(1)


def _count_line(counts: Counter[Status]) -> str:
    return "  ".join(f"[{STATUS_STYLE[s]}]{s.value} {counts.get(s, 0)}[/]" for s in Status)


SUMMARY_ROWS = 50  # list the articles of a batch up to this size; beyond it, counts only


def _print_ingest_summary(outcomes: list[IngestOutcome], counts: Counter[Status], db: str) -> None:
    """The articles the batch stored or matched (skips and failures were printed as they
    happened), then the counts."""
    found = [o for o in outcomes if o.article_id]
    if 0 < len(found) <= SUMMARY_ROWS:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("status")
        table.add_column("id")
        table.add_column("title", overflow="fold")
        for o in found:
            title = o.title or o.origin
            if o.status is not Status.STORED:
                title = f"{title} [dim]({o.reason})[/]"
            table.add_row(f"[{STATUS_STYLE[o.status]}]{o.status.value}[/]", o.article_id, title)
        out.print(table)
    elif found:
        out.print(f"{len(found)} articles stored or matched: list them with `tieline articles`")
    out.print(f"{len(outcomes)} items: {_count_line(counts)}  → {db}")


# -- articles ----------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--source", help="Only articles whose URL or input path contains this text.")
@click.option("--publisher", help="Only articles from this publisher (exact name, any case).")
@click.option("--language", help="Only articles in this language (ISO 639-1, e.g. en).")
@click.option("--since", type=ISO_DATE, help="Published on or after this date.")
@click.option("--until", type=ISO_DATE, help="Published on or before this date.")
@click.option(
    "--no-copies", is_flag=True, help="Leave out near-identical copies of other articles."
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
def articles(
    db_path: Path | None,
    source: str | None,
    publisher: str | None,
    language: str | None,
    since: dt.date | None,
    until: dt.date | None,
    no_copies: bool,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List stored articles, newest first.

    \b
    Examples:
      tieline articles
      tieline articles --publisher "Phnom Penh Post" --since 2022-01-01
      tieline articles --language de --format jsonl
    """
    from tieline.interfaces import readmodel

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
    with open_store(db_path) as store:
        rows = store.articles(query)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(readmodel.article_summary(row), ensure_ascii=False))
        return
    if not rows:
        err.print("no articles match")
        return
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("id", "published", "lang", "publisher", "title"):
        table.add_column(
            name, overflow="fold" if name == "title" else "ellipsis", no_wrap=name != "title"
        )
    for row in rows:
        a = row.article
        flag = "" if row.coded else " [dim](not coded)[/]"
        copy = f" [cyan](copy of {row.copy_of})[/]" if row.copy_of else ""
        table.add_row(
            row.id,
            a.published.isoformat() if a.published else "-",
            a.language or "-",
            a.publisher or "-",
            (a.title or "(no title)") + flag + copy,
        )
    out.print(table)


# -- show --------------------------------------------------------------------------------------


@cli.command()
@click.argument("article")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the article as one JSON object.")
@click.option("--raw", is_flag=True, help="Print the raw input exactly as it was stored.")
@click.option(
    "--actors",
    "with_actors",
    is_flag=True,
    help="List the actor mentions and how each was resolved (cue, evidence, confidence).",
)
def show(article: str, db_path: Path | None, as_json: bool, raw: bool, with_actors: bool) -> None:
    """Show one article: metadata, body, captions, related items, and what was dropped and why.

    ARTICLE is an article id (or a unique prefix of one), a URL it was read from, or an input
    (path or URL) that did not become an article, to see why it was skipped or failed.

    \b
    Examples:
      tieline show 3f2a9c0d1e7b4a55
      tieline show 3f2a9c0d1e7b4a55 --actors
      tieline show https://example.org/news/story.html --json
      tieline show ./pages/empty.html
    """
    from tieline.interfaces import exports, readmodel

    with open_store(db_path) as store:
        found = store.get(article)
        history = [] if found else store.history(origin=article)
        became = [h.article_id for h in history if h.article_id]
        if became:  # an input that was stored (or matched a stored article): show that article
            found = store.get(became[-1])
        if found is None:
            if not history:
                raise click.ClickException(f"no article or input {article!r} in {store.path}")
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "origin": article,
                            "history": [
                                {
                                    "run": h.run_id,
                                    "status": h.status.value,
                                    "reason": h.reason,
                                    "article_id": h.article_id,
                                    "at": h.at,
                                }
                                for h in history
                            ],
                        },
                        ensure_ascii=False,
                    )
                )
                return
            out.print(f"[bold]{article}[/] is not an article. Ingest history:")
            for h in history:
                out.print(
                    f"  {h.at}  run {h.run_id}  [{STATUS_STYLE[h.status]}]{h.status.value}[/]  "
                    f"{h.reason}{'  → ' + h.article_id if h.article_id else ''}"
                )
            return
        if raw:
            document = store.raw_document(found.id)
            if document is None:
                raise click.ClickException(f"no raw input kept for {found.id}")
            sys.stdout.buffer.write(document.content)
            return
        copies = store.copies_of(found.id)
        mentions = store.mentions(found.id)
        from tieline.store import EventQuery

        coded_events = store.events(EventQuery(article=found.id, limit=None))
        history = store.history(article=found.id)
    a = found.article
    if as_json:
        click.echo(
            json.dumps(
                {
                    "id": found.id,
                    "title": a.title,
                    "publisher": a.publisher,
                    "url": a.canonical_url or a.url,
                    "fetched_url": a.url,
                    "published": a.published.isoformat() if a.published else None,
                    "published_source": a.published_source,
                    "author": a.author,
                    "language": a.language,
                    "coded": found.coded,
                    "copy_of": found.copy_of,
                    "copies": copies,
                    "body": a.body,
                    "captions": list(a.captions),
                    "related": [
                        {"title": r.title, "text": r.text, "url": r.url} for r in a.related
                    ],
                    "notes": list(a.notes),
                    "extractor": a.extractor,
                    "origin": found.origin,
                    "mentions": [readmodel.mention_json(m) for m in mentions],
                    "events": [exports.tieline_row(e, lambda _: found) for e in coded_events],
                },
                ensure_ascii=False,
            )
        )
        return
    if with_actors:
        _print_mentions(found, mentions)
        return
    _print_article(found, copies, history)
    if coded_events:
        out.rule(f"events ({len(coded_events)})")
        _print_events(coded_events)


def _print_mentions(found: StoredArticle, mentions: list[Mention]) -> None:
    """One line per mention (where, words, actor, cue and confidence), then why, indented."""
    out.print(f"[bold]{found.article.title or '(no title)'}[/]  [dim]{found.id}[/]")
    if not found.coded:
        out.print("[dim]not coded: no actors are resolved for this article[/]")
        return
    for m in mentions:
        a = m.actor
        role = f" ({a.role})" if a.role else ""
        out.print(
            f"[dim]{m.field}#{m.sentence:<3}[/] {m.text!r} → [bold]{a.code}[/] {a.name}{role}  "
            f"[dim]{m.cue} {m.confidence:.2f}[/]"
        )
        out.print(f"          [dim]{m.evidence}[/]")
    out.print(f"{len(mentions)} mentions")


def _print_article(found: StoredArticle, copies: list[str], history: list[Any]) -> None:
    a = found.article
    out.print(f"[bold]{a.title or '(no title)'}[/]")
    meta = [
        ("id", found.id),
        ("publisher", a.publisher),
        ("url", a.canonical_url or a.url),
        ("published", f"{a.published} ({a.published_source})" if a.published else None),
        ("author", a.author),
        ("language", (a.language or "?") + ("" if found.coded else " — not coded")),
        ("copy of", found.copy_of and f"{found.copy_of} (similarity {found.similarity:.2f})"),
        ("copies", ", ".join(copies) or None),
        ("input", found.origin),
        ("extractor", a.extractor),
    ]
    for key, value in meta:
        if value:
            out.print(f"[dim]{key:>10}[/] {value}")
    out.rule("body")
    out.print(a.body)
    if a.captions:
        out.rule(f"captions ({len(a.captions)}) — kept apart from the body")
        for caption in a.captions:
            out.print(f"• {caption}")
    if a.related:
        out.rule(f"related ({len(a.related)}) — other stories shown beside it, never coded")
        for item in a.related:
            out.print(f"• [bold]{item.title}[/]" + (f"  {item.url}" if item.url else ""))
            if item.text:
                out.print(f"  [dim]{item.text}[/]")
    if a.notes:
        out.rule("notes — what was dropped or not done, and why")
        for note in a.notes:
            out.print(f"• {note}")
    if len(history) > 1:
        out.rule("ingest history")
        for h in history:
            out.print(f"  {h.at}  {h.status.value}  {h.origin}  {h.reason}")


# -- events -------------------------------------------------------------------------------------

FORMATS = ("table", "jsonl", "csv", "parquet")


@cli.command()
@db_option
@click.option("--country", help="Events with this state (ISO alpha-3) on either side.")
@click.option("--dyad", nargs=2, metavar="A B", help="Events between two states, either way.")
@click.option("--type", "types", multiple=True, help="PLOVER type (repeat for several): AGREE...")
@click.option("--context", help="Only events in this context: military, economic, diplomatic...")
@click.option("--since", type=ISO_DATE, help="Events on or after this date.")
@click.option("--until", type=ISO_DATE, help="Events on or before this date.")
@click.option("--article", help="Only the events of this article (id).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option(
    "--facts-only",
    is_flag=True,
    help="Leave out future, hypothetical, negated and historical events.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--columns",
    type=click.Choice(["tieline", "gdelt", "polecat"]),
    default="tieline",
    show_default=True,
    help="Column set: tieline's own, or GDELT-like or POLECAT-like.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output (needed for parquet on a terminal).",
)
def events(
    db_path: Path | None,
    country: str | None,
    dyad: tuple[str, str] | None,
    types: tuple[str, ...],
    context: str | None,
    since: dt.date | None,
    until: dt.date | None,
    article: str | None,
    min_confidence: float,
    facts_only: bool,
    limit: int | None,
    fmt: str,
    columns: str,
    output: Path | None,
) -> None:
    """List coded events, oldest first, each with its evidence sentence.

    \b
    Examples:
      tieline events --dyad KHM JPN --since 2023-01-01
      tieline events --country JPN --type AGREE --type CONSULT --format jsonl
      tieline events --context military --format csv -o military.csv
      tieline events --columns gdelt --format parquet -o events.parquet
    """
    from tieline.interfaces import exports
    from tieline.store import EventQuery

    query = EventQuery(
        country=country.upper() if country else None,
        dyad=(dyad[0].upper(), dyad[1].upper()) if dyad else None,
        types=tuple(t.upper() for t in types),
        context=context,
        since=since,
        until=until,
        article=article,
        min_confidence=min_confidence,
        exclude_aux=("future", "hypothetical", "negated", "historical") if facts_only else (),
        limit=limit,
    )
    with open_store(db_path) as store:
        found = store.events(query)
        cache: dict[str, StoredArticle | None] = {}

        def lookup(article_id: str) -> StoredArticle | None:
            if article_id not in cache:
                cache[article_id] = store.get(article_id)
            return cache[article_id]

        rows = [exports.COLUMN_SETS[columns](e, lookup) for e in found]
    if fmt == "table":
        _print_events(found)
        return
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            raise click.UsageError("parquet is binary: give --output FILE or redirect stdout")
        exports.write_parquet(rows, output or sys.stdout.buffer)
        return
    with output.open("w", encoding="utf-8", newline="") if output else _stdout() as out:
        (exports.write_jsonl if fmt == "jsonl" else exports.write_csv)(rows, out)


@contextmanager
def _stdout() -> Iterator[Any]:
    yield sys.stdout


def _print_events(found: list[Any]) -> None:
    if not found:
        err.print("no events match")
        return
    for stored in found:
        e = stored.event
        day = e.date.date.isoformat() if e.date and e.date.date else "????-??-??"
        src = e.source.actor.code if e.source else "-"
        tgt = e.target.actor.code if e.target else "-"
        arrow = "↔" if e.symmetric else "→"
        flags = " ".join(f"({a})" for a in e.aux)
        out.print(
            f"{day} [bold]{e.type:<9}[/] {src:>8} {arrow} {tgt:<8} "
            f"[dim]{e.mode or ''} {flags} {','.join(e.contexts)} {e.confidence:.2f}[/]"
        )
        out.print(f"           [dim]{stored.article_id} {e.field}:[/] {e.sentence}")
    out.print(f"{len(found)} events")


@cli.command()
@db_option
@click.option("--article", "article_ids", multiple=True, help="Only this article (repeatable).")
@click.option("--source", help="Only articles whose URL or input path contains this text.")
@click.option("--since", type=ISO_DATE, help="Articles published on or after this date.")
@click.option("--until", type=ISO_DATE, help="Articles published on or before this date.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def code(
    db_path: Path | None,
    article_ids: tuple[str, ...],
    source: str | None,
    since: dt.date | None,
    until: dt.date | None,
    quiet: bool,
) -> None:
    """Re-code stored articles: resolve their actors and code their events again.

    Run it after tieline's actor resolver or event coder changed; each article's old mentions
    and events are replaced in one transaction. Articles not in English are left alone.

    \b
    Examples:
      tieline code
      tieline code --since 2022-01-01
      tieline code --article 8c693bd632e4770d
    """
    from tieline.actors import RESOLVER
    from tieline.events.coder import CODER
    from tieline.pipeline import Coding

    coding = Coding()
    with open_store(db_path) as store:
        if article_ids:
            chosen = [a for a in (store.get(i) for i in article_ids) if a is not None]
            missing = len(article_ids) - len(chosen)
            if missing:
                raise click.ClickException(
                    f"{missing} of the articles given are not in {store.path}"
                )
        else:
            chosen = store.articles(
                ArticleQuery(
                    source=source,
                    since=since,
                    until=until,
                    coded=True,
                    include_copies=False,
                    limit=None,
                )
            )
        totals = Counter[str]()
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]coding"),
            BarColumn(bar_width=None),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=quiet or not err.is_terminal,
        )
        with progress:
            task = progress.add_task("code", total=len(chosen))
            for stored in chosen:
                if not stored.coded:
                    continue
                coded = coding.code_all(stored.article)
                store.replace_coding(
                    stored.id, coded.mentions, RESOLVER, coded.events, CODER, coded.tiers
                )
                totals["articles"] += 1
                totals["mentions"] += len(coded.mentions)
                totals["events"] += len(coded.events)
                totals["tiers"] += len(coded.tiers)
                progress.advance(task)
    out.print(
        f"re-coded {totals['articles']} articles with {RESOLVER} and {CODER}: "
        f"{totals['mentions']} mentions, {totals['events']} events, "
        f"{totals['tiers']} tier facts"
    )


# -- serve -------------------------------------------------------------------------------------

SAMPLE_PAIR = ("KHM", "JPN")  # the pair of the bundled sample page, shown first


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option(
    "--token",
    envvar="TIELINE_TOKEN",
    default=None,
    help="Allow writes (POST /api/ingest) to callers sending 'Authorization: Bearer TOKEN'. "
    "Default: $TIELINE_TOKEN; without one the server is read-only.",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let API callers have private, loopback and link-local addresses fetched.",
)
def serve(
    db_path: Path | None, host: str, port: int, token: str | None, allow_private_urls: bool
) -> None:
    """Serve the REST API and the web dashboard over the database.

    The dashboard is at http://HOST:PORT/ (pages for pairs of states, countries, articles and
    an ingest page); the API under /api/, described by /openapi.json. Reads are open to anyone
    who can reach the address; writes need the token.

    \b
    Examples:
      tieline serve
      TIELINE_TOKEN=$(openssl rand -hex 16) tieline serve --port 9000
      tieline serve --host 0.0.0.0 --token s3cret --db team.db
    """
    import uvicorn

    from tieline.interfaces.api import create_app

    path = db_path or default_db_path()
    try:
        app = create_app(path, token=token, allow_private=allow_private_urls)
    except Exception as error:
        raise click.ClickException(f"cannot open database {path}: {error}") from error
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    base = f"http://{shown}:{port}"
    a, b = SAMPLE_PAIR
    say = [
        f"tieline dashboard on {base}/  (database {path})",
        f"  the sample's pair page: {base}/dyads/{a}/{b}",
        f"  API: {base}/api/  OpenAPI: {base}/openapi.json",
        "  writes: " + ("need the token" if token else "off (read-only; give --token)"),
    ]
    for line in say:
        click.echo(line, err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


# -- eval --------------------------------------------------------------------------------------


# -- relations ---------------------------------------------------------------------------------

TIER_FORMATS = ("table", "jsonl", "csv")


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise click.BadParameter(f"{value!r} is not an ISO 3166 alpha-3 code like KHM")
    return code


@cli.command()
@db_option
@click.option("--dyad", nargs=2, metavar="A B", help="Only this pair (ISO alpha-3, either order).")
@click.option("--country", help="Only pairs with this country (ISO alpha-3).")
@click.option("--status", "statuses", multiple=True, help="Only this status (repeatable).")
@click.option(
    "--format", "fmt", type=click.Choice(TIER_FORMATS), default="table", show_default=True
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
def tiers(
    db_path: Path | None,
    dyad: tuple[str, str] | None,
    country: str | None,
    statuses: tuple[str, ...],
    fmt: str,
    output: Path | None,
) -> None:
    """List partnership-tier facts: what articles say happens to a pair's named framework
    (Strategic Partnership, Comprehensive Strategic Partnership, diplomatic relations...):
    proposed, agreed, established, upgraded, reaffirmed, downgraded, suspended, severed or
    restored, dated, with the sentence that says so. Oldest first.

    \b
    Examples:
      tieline tiers --dyad KHM JPN
      tieline tiers --country VNM --status upgraded
      tieline tiers --format jsonl -o tiers.jsonl
    """
    from tieline.interfaces import exports, readmodel, relations_view

    pair = tuple(_country_code(c) for c in dyad) if dyad else (None, None)
    with open_store(db_path) as store:
        found = store.tier_facts(
            pair[0], pair[1], country=_country_code(country) if country else None
        )
    rows = [readmodel.tier_row(t) for t in found]
    if statuses:
        wanted = {s.lower() for s in statuses}
        rows = [r for r in rows if r["status"] in wanted]
    if fmt == "table":
        relations_view.print_tiers(out, rows)
        return
    with output.open("w", encoding="utf-8", newline="") if output else _stdout() as stream:
        (exports.write_jsonl if fmt == "jsonl" else exports.write_csv)(rows, stream)


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the state as one JSON object.")
@click.option(
    "--months",
    type=click.IntRange(min=1),
    default=24,
    show_default=True,
    help="Months of the timeline shown in the terminal (JSON has all).",
)
@click.option("--as-of", type=ISO_DATE, help="The tier ladder as it stood on this day.")
def dyad(
    a: str, b: str, db_path: Path | None, as_json: bool, months: int, as_of: dt.date | None
) -> None:
    """The state of a pair of countries: the tier in force and its ladder of dated changes,
    a monthly timeline of events by type with the cooperation-conflict index (summed
    Goldstein scores, counts by QuadClass), the fields of cooperation, the most reported
    events with their evidence, and the sources read. A and B are ISO alpha-3 codes.

    Events reported by several articles count once (merged); only events that happened count
    in the timeline (not future, hypothetical or negated ones).

    \b
    Examples:
      tieline dyad KHM JPN
      tieline dyad SAU IRN --json
      tieline dyad SAU IRN --as-of 2020-01-01
    """
    from tieline.interfaces import relations_view
    from tieline.relations.dyad import dyad_state

    first, second = _country_code(a), _country_code(b)
    if first == second:
        raise click.BadParameter("a pair needs two different countries")
    with open_store(db_path) as store:
        state = dyad_state(store, first, second, as_of)
    if as_json:
        click.echo(json.dumps(state, ensure_ascii=False))
        return
    relations_view.print_dyad(out, state, months)


@cli.command()
@click.argument("country")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the partners as a JSON list.")
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True)
def partners(country: str, db_path: Path | None, as_json: bool, limit: int) -> None:
    """A country's partners, ranked by activity (merged events), with the tier in force.

    \b
    Examples:
      tieline partners JPN
      tieline partners VNM --json
    """
    from tieline.interfaces import relations_view
    from tieline.relations.dyad import country_name
    from tieline.relations.dyad import partners as find_partners

    code = _country_code(country)
    with open_store(db_path) as store:
        rows = find_partners(store, code)[:limit]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    relations_view.print_partners(out, code, country_name(code), rows)


@cli.command()
@db_option
@click.option("--dyad", nargs=2, metavar="A B", help="Only this pair (ISO alpha-3, either order).")
@click.option("--country", help="Only pairs with this country (ISO alpha-3).")
@click.option("--min-reports", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def stories(
    db_path: Path | None,
    dyad: tuple[str, str] | None,
    country: str | None,
    min_reports: int,
    limit: int,
    as_json: bool,
) -> None:
    """List merged events: each real-world event once, with how many articles and publishers
    reported it, the first and last report, and the best evidence sentence. Newest first.

    \b
    Examples:
      tieline stories --dyad USA CHN
      tieline stories --min-reports 3 --json
    """
    from tieline.relations.dyad import merged_json

    pair = tuple(_country_code(c) for c in dyad) if dyad else (None, None)
    with open_store(db_path) as store:
        found = [
            m
            for m in store.merged_events(
                pair[0], pair[1], country=_country_code(country) if country else None
            )
            if m.articles >= min_reports
        ][:limit]
    if as_json:
        for m in found:
            click.echo(json.dumps(merged_json(m), ensure_ascii=False))
        return
    if not found:
        err.print("no merged events match")
        return
    for m in found:
        day = m.date.isoformat() if m.date else "????-??-??"
        flags = " ".join(f"({a})" for a in m.aux)
        out.print(
            f"{day} [bold]{m.type:<9}[/] {m.source_country} → {m.target_country} {flags} "
            f"[dim]{m.articles} articles, {m.publishers} publishers, "
            f"{m.first_report or '?'} … {m.last_report or '?'}[/]"
        )
        out.print(f"           [dim]{m.article_id}:[/] {m.sentence}")
    out.print(f"{len(found)} merged events")


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@db_option
def remove(article_ids: tuple[str, ...], db_path: Path | None) -> None:
    """Delete stored articles with their mentions, events and tier facts; the merged events of
    the pairs they touched are rebuilt without them. Exit status 1 if one was not found.

    \b
    Example:
      tieline remove 8c693bd632e4770d
    """
    missing = 0
    with open_store(db_path) as store:
        for ref in article_ids:
            found = store.get(ref)
            if found is None or not store.remove_article(found.id):
                err.print(f"[red]no article {ref}[/]")
                missing += 1
            else:
                out.print(f"removed {found.id} {found.article.title or ''}")
    if missing:
        sys.exit(1)


@cli.group(name="eval")
def eval_group() -> None:
    """Score tieline against a gold set; the last line printed is one JSON object of metrics."""


def gold_set_options(items: str) -> Callable[[F], F]:
    """DATASET, --json and --half, shared by every `tieline eval` command."""

    def decorate(function: F) -> F:
        function = click.option(
            "--half",
            type=click.Choice(["all", "even", "odd"]),
            default="all",
            show_default=True,
            help=f"Score a fixed half of the {items} (even or odd positions in the set's order).",
        )(function)
        function = click.option(
            "--json", "as_json", is_flag=True, help="Print only the JSON line of metrics."
        )(function)
        return click.argument("dataset", type=click.Path(exists=True, path_type=Path))(function)

    return decorate


@eval_group.command(name="extraction")
@gold_set_options("pages")
@click.option(
    "--compare",
    type=click.Choice(["trafilatura"]),
    default=None,
    help="Also score trafilatura alone (default settings) in the same run.",
)
@click.option(
    "--worst", type=click.IntRange(min=0), default=0, help="List the N pages with the lowest F1."
)
def eval_extraction(
    dataset: Path, as_json: bool, half: str, compare: str | None, worst: int
) -> None:
    """Score main-text extraction on a gold set.

    DATASET is the Scrapinghub benchmark folder (ground-truth.json + html/) or trafilatura's
    evaluation folder (evaldata*.json + html/), recognised by its files.

    \b
    Examples:
      tieline eval extraction ../shared/data/scrapinghub-article-extraction-benchmark --json
      tieline eval extraction ../shared/data/trafilatura-eval-en --compare trafilatura
    """
    from tieline.evaluation import extraction

    try:
        metrics, scores = extraction.evaluate(dataset, _tieline_body, half=half)
    except extraction.DatasetError as error:
        raise click.ClickException(str(error)) from error
    result: dict[str, Any] = dict(metrics)
    if compare:
        baseline, _ = extraction.evaluate(dataset, _trafilatura_body, half=half)
        result["baseline"] = {"name": "trafilatura", **baseline}
    if not as_json:
        out.print(
            f"[bold]extraction[/] on {dataset} ({half}): "
            f"F1 {metrics['f1']}  precision {metrics['precision']}  recall {metrics['recall']}"
            f"  n {metrics['n']}"
        )
        if compare:
            b = result["baseline"]
            out.print(
                f"trafilatura alone: F1 {b['f1']}  precision {b['precision']}  recall {b['recall']}"
            )
        for s in sorted(scores, key=lambda s: extraction.f1(s.precision, s.recall))[:worst]:
            out.print(
                f"  F1 {extraction.f1(s.precision, s.recall):.3f}  P {s.precision:.3f}  "
                f"R {s.recall:.3f}  {s.url or s.key}"
            )
    click.echo(json.dumps(result))


@eval_group.command(name="actors")
@gold_set_options("sentences")
@click.option(
    "--errors",
    type=click.IntRange(min=0),
    default=0,
    help="List the first N gold actors resolved wrongly.",
)
def eval_actors(dataset: Path, as_json: bool, half: str, errors: int) -> None:
    """Score actor resolution on the PLOVER gold-standard sentences.

    DATASET is ../shared/data/plover-gsr-cameo (or its PLOVER_GSR_CAMEO.txt). For each gold
    source and target actor, the mention tieline resolved over its words is compared on
    country, and on country and sector together.

    \b
    Examples:
      tieline eval actors ../shared/data/plover-gsr-cameo --json
      tieline eval actors ../shared/data/plover-gsr-cameo --half odd --errors 20
    """
    from tieline.actors import load_resolver
    from tieline.evaluation import actors as actor_eval

    resolver = load_resolver()
    try:
        metrics, scores = actor_eval.evaluate(
            dataset, lambda text: resolver.resolve(text), half=half
        )
    except actor_eval.DatasetError as error:
        raise click.ClickException(str(error)) from error
    if not as_json:
        out.print(
            f"[bold]actors[/] on {dataset} ({half}, {metrics['n']} sentences): "
            f"source country {metrics['source_country_accuracy']}, "
            f"+sector {metrics['source_sector_accuracy']} (n {metrics['n_source']}); "
            f"target country {metrics['target_country_accuracy']}, "
            f"+sector {metrics['target_sector_accuracy']} (n {metrics['n_target']})"
        )
        wrong = [s for s in scores if not s.sector_ok][:errors]
        for s in wrong:
            got = (
                f"{s.found.actor.code} ({s.found.cue}: {s.found.text!r})" if s.found else "nothing"
            )
            gold = s.actor.code + (s.actor.sector or "")
            out.print(f"  {s.sentence} {s.actor.role} {s.actor.text!r}: gold {gold}, got {got}")
    click.echo(json.dumps(metrics))


@eval_group.command(name="events")
@gold_set_options("sentences")
@click.option(
    "--errors",
    type=click.IntRange(min=0),
    default=0,
    help="List the first N sentences coded wrongly.",
)
def eval_events(dataset: Path, as_json: bool, half: str, errors: int) -> None:
    """Score event coding on a gold set.

    DATASET is ../shared/data/plover-gsr-cameo (PLOVER types: type and triple accuracy; the
    file's older categories are mapped to today's PLOVER types) or
    ../shared/data/petrarch2-validation (CAMEO triples: precision, recall and F1 of source
    country, target country and CAMEO root, no-event sentences counted).

    \b
    Examples:
      tieline eval events ../shared/data/plover-gsr-cameo --json
      tieline eval events ../shared/data/petrarch2-validation --half odd --errors 10
    """
    from tieline.evaluation import events as event_eval
    from tieline.pipeline import Coding

    coding = Coding()

    def code(sentence: str, day: dt.date | None) -> list[Any]:
        mentions = coding.resolver.resolve(sentence, day=day)
        return coding.events.code(sentence, mentions, published=day)

    try:
        metrics, scores = event_eval.evaluate(dataset, code, half=half)
    except event_eval.DatasetError as error:
        raise click.ClickException(str(error)) from error
    if not as_json:
        shown = "  ".join(f"{k} {v}" for k, v in metrics.items())
        out.print(f"[bold]events[/] on {dataset} ({half}): {shown}")
        for score in [s for s in scores if not _event_score_ok(s)][:errors]:
            out.print(f"  {_describe_event_score(score)}")
    click.echo(json.dumps(metrics))


@eval_group.command(name="tiers")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print only the metrics, as JSON.")
@click.option("--errors", type=click.IntRange(min=0), default=0, help="List N misses and N extras.")
def eval_tiers(dataset: Path, as_json: bool, errors: int) -> None:
    """Score tier facts against a gold file: precision, recall and F1 of (pair, tier, status,
    date to the month, or the year when the gold gives only a year).

    DATASET is a gold.jsonl (the shape of `tieline tiers --format jsonl`) with the articles
    it was read from in articles.jsonl beside it, or the folder holding both. The articles
    are ingested into a fresh temporary database.

    \b
    Example:
      tieline eval tiers tests/fixtures/relations/tiers
    """
    from tieline.evaluation import tiers as tier_eval

    try:
        metrics, result = tier_eval.evaluate(dataset)
    except tier_eval.DatasetError as error:
        raise click.ClickException(str(error)) from error
    if not as_json:
        shown = "  ".join(f"{k} {v}" for k, v in metrics.items())
        out.print(f"[bold]tiers[/] on {dataset}: {shown}")
        missed = [g for g in result.gold if g not in result.matched_gold]
        for g in missed[:errors]:
            out.print(f"  missed {g.a}–{g.b} {g.tier} {g.status} {g.date} | {g.sentence[:90]}")
        for p in result.unmatched_predicted[:errors]:
            out.print(f"  extra  {p.a}–{p.b} {p.tier} {p.status} {p.date} | {p.sentence[:90]}")
    click.echo(json.dumps(metrics))


@eval_group.command(name="merging")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print only the metrics, as JSON.")
def eval_merging(dataset: Path, as_json: bool) -> None:
    """Score the merging of events reported by several articles: pairwise precision and
    recall over reports (two reports are merged when one merged event holds an event of
    each; the gold says which reports tell the same story).

    DATASET is a gold.jsonl of `{url, story, ...}` lines with the reports in articles.jsonl
    beside it, or the folder holding both.

    \b
    Example:
      tieline eval merging tests/fixtures/relations/merge
    """
    from tieline.evaluation import merging
    from tieline.evaluation.tiers import DatasetError

    try:
        metrics, result = merging.evaluate(dataset)
    except DatasetError as error:
        raise click.ClickException(str(error)) from error
    if not as_json:
        shown = "  ".join(f"{k} {v}" for k, v in metrics.items())
        out.print(f"[bold]merging[/] on {dataset}: {shown}")
        for pair in sorted(result.wrong, key=sorted):
            out.print(f"  merged, not the same story: {' + '.join(sorted(pair))}")
        for pair in sorted(result.missed, key=sorted):
            out.print(f"  same story, not merged: {' + '.join(sorted(pair))}")
    click.echo(json.dumps(metrics))


def _event_score_ok(score: Any) -> bool:
    return bool(score.triple_ok) if hasattr(score, "triple_ok") else score.fp == score.fn == 0


def _describe_event_score(score: Any) -> str:
    def side(p: Any) -> str:
        return p.actor.code if p is not None else "-"

    if hasattr(score, "triple_ok"):
        e = score.predicted
        got = f"{e.type} {side(e.source)}→{side(e.target)} ({e.trigger})" if e else "nothing"
        gold = score.gold
        return (
            f"{gold.id}: gold {gold.type} {'/'.join(gold.sources) or '-'}→"
            f"{'/'.join(gold.targets) or '-'}, got {got} | {gold.text[:90]}"
        )
    gold = sorted(score.gold.triples)
    return f"{score.gold.id}: gold {gold}, got {sorted(score.predicted)} | {score.gold.text[:90]}"


def _tieline_body(page: bytes, url: str | None) -> str:
    from tieline.extract.decode import decode
    from tieline.extract.html import extract_html

    return extract_html(decode(page), url).body


def _trafilatura_body(page: bytes, url: str | None) -> str:
    import trafilatura

    from tieline.extract.decode import decode

    return trafilatura.extract(decode(page), url=url) or ""


def main() -> None:
    cli(prog_name="tieline")


if __name__ == "__main__":
    main()
