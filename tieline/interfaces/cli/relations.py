"""Relations between pairs of states: tiers, dyad, partners, stories."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from tieline.interfaces.cli.common import (
    ISO_DATE,
    country_code,
    db_option,
    err,
    open_store,
    out,
    output_stream,
)

TIER_FORMATS = ("table", "jsonl", "csv")


@click.command()
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

    pair = tuple(country_code(c, "--dyad") for c in dyad) if dyad else (None, None)
    code = country_code(country, "--country") if country else None
    with open_store(db_path) as store:
        found = store.tier_facts(pair[0], pair[1], country=code)
    rows = [readmodel.tier_row(t) for t in found]
    if statuses:
        wanted = {s.lower() for s in statuses}
        rows = [r for r in rows if r["status"] in wanted]
    if fmt == "table":
        relations_view.print_tiers(out, rows)
        return
    with output_stream(output) as stream:
        (exports.write_jsonl if fmt == "jsonl" else exports.write_csv)(rows, stream)


@click.command()
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

    first, second = country_code(a, "A"), country_code(b, "B")
    if first == second:
        raise click.BadParameter("a pair needs two different countries")
    with open_store(db_path) as store:
        state = dyad_state(store, first, second, as_of)
    if as_json:
        click.echo(json.dumps(state, ensure_ascii=False))
        return
    relations_view.print_dyad(out, state, months)


@click.command()
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

    code = country_code(country, "COUNTRY")
    with open_store(db_path) as store:
        rows = find_partners(store, code)[:limit]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    relations_view.print_partners(out, code, country_name(code), rows)


@click.command()
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

    pair = tuple(country_code(c, "--dyad") for c in dyad) if dyad else (None, None)
    code = country_code(country, "--country") if country else None
    with open_store(db_path) as store:
        found = [
            m
            for m in store.merged_events(pair[0], pair[1], country=code)
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
