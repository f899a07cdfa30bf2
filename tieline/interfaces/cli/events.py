"""Coded events: list and export them (events), and code stored articles again (code)."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tieline.events.codes import PLOVER_TYPES
from tieline.interfaces.cli.common import (
    ISO_DATE,
    country_code,
    db_option,
    err,
    open_store,
    out,
    output_stream,
)
from tieline.store import ArticleQuery, StoredArticle

FORMATS = ("table", "jsonl", "csv", "parquet")


@click.command()
@db_option
@click.option("--country", help="Events with this state (ISO alpha-3) on either side.")
@click.option("--dyad", nargs=2, metavar="A B", help="Events between two states, either way.")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(PLOVER_TYPES, case_sensitive=False),
    help="PLOVER type (repeat for several).",
)
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

    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    query = EventQuery(
        country=country_code(country, "--country") if country else None,
        dyad=(country_code(dyad[0], "--dyad"), country_code(dyad[1], "--dyad")) if dyad else None,
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
        print_events(found)
        return
    if fmt == "parquet":
        if output is None and sys.stdout.isatty():
            raise click.UsageError("parquet is binary: give --output FILE or redirect stdout")
        with output_stream(output, binary=True) as stream:
            exports.write_parquet(rows, stream)
        return
    with output_stream(output) as stream:
        (exports.write_jsonl if fmt == "jsonl" else exports.write_csv)(rows, stream)


def print_events(found: list[Any]) -> None:
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


@click.command()
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

    Run it after tieline's actor resolver or event coder changed, or after you added people
    to your local actor tables (`tieline who --help`); each article's old mentions and events
    are replaced in one transaction. Articles not in English are left alone.

    \b
    Examples:
      tieline code
      tieline code --since 2022-01-01
      tieline code --article 8c693bd632e4770d
    """
    from tieline.actors import RESOLVER
    from tieline.events.coder import CODER
    from tieline.interfaces.cli.actors import warn_local_tables
    from tieline.pipeline import CHUNK_DOCUMENTS, Coding, code_articles

    if not quiet:
        warn_local_tables()
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
            coded_ones = [stored for stored in chosen if stored.coded]
            progress.advance(task, len(chosen) - len(coded_ones))
            # A few articles at a time, their sentences parsed in one spaCy call.
            for start in range(0, len(coded_ones), CHUNK_DOCUMENTS):
                part = coded_ones[start : start + CHUNK_DOCUMENTS]
                for stored, coded in zip(
                    part, code_articles([s.article for s in part], coding), strict=True
                ):
                    progress.advance(task)
                    if isinstance(coded, Exception):
                        totals["failed"] += 1
                        err.print(
                            f"[red]not re-coded[/] {stored.id}: {type(coded).__name__}: {coded}"
                            " (its stored coding is kept)"
                        )
                        continue
                    store.replace_coding(
                        stored.id, coded.mentions, RESOLVER, coded.events, CODER, coded.tiers
                    )
                    totals["articles"] += 1
                    totals["mentions"] += len(coded.mentions)
                    totals["events"] += len(coded.events)
                    totals["tiers"] += len(coded.tiers)
    out.print(
        f"re-coded {totals['articles']} articles with {RESOLVER} and {CODER}: "
        f"{totals['mentions']} mentions, {totals['events']} events, "
        f"{totals['tiers']} tier facts"
        + (f"; {totals['failed']} could not be re-coded" if totals["failed"] else "")
    )
    if totals["failed"]:
        sys.exit(1)
