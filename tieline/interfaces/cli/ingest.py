"""Reading news into the database and looking at what was stored: ingest, articles, show,
remove."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tieline.interfaces.cli.common import ISO_DATE, db_option, echoed, err, open_store, out
from tieline.interfaces.cli.events import print_events
from tieline.models import IngestOutcome, Mention, Status
from tieline.settings import FetchSettings, Settings
from tieline.store import ArticleQuery, StoredArticle

STATUS_STYLE = {
    Status.STORED: "green",
    Status.COPY: "cyan",
    Status.DUPLICATE: "blue",
    Status.SKIPPED: "yellow",
    Status.FAILED: "red",
}


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", type=ISO_DATE, help="Publication date for pages that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-item lines.")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=None,
    show_default=False,
    help=f"Seconds between requests to one host (default {FetchSettings.host_delay}).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
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
    from tieline.interfaces.cli.actors import warn_local_tables
    from tieline.pipeline import ingest as run_ingest

    if not quiet:
        warn_local_tables()
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
    with open_store(db_path, create=True) as store:
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


@click.command()
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


@click.command()
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
                raise click.ClickException(f"no article or input {echoed(article)} in {store.path}")
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
        print_events(coded_events)


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


@click.command()
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
