"""The actor knowledge base: who held which office when (`tieline who`)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import click

from tieline.interfaces.cli.common import ISO_DATE, echoed, out

if TYPE_CHECKING:
    from tieline.actors.kb import KnowledgeBase, Term


def warn_local_tables(problems: list[str] | None = None) -> None:
    """Name on stderr what of the user's local tables will be skipped, and why (`problems`,
    else read from the tables themselves)."""
    from tieline.actors.kb import local_table_problems

    for problem in local_table_problems() if problems is None else problems:
        click.echo(f"warning: {problem}", err=True)


def _term_row(person_name: str, term: Term) -> dict[str, object]:
    return {
        "name": person_name,
        "country": term.country,
        "sector": term.sector,
        "role": term.role,
        "igo": term.igo,
        "start": term.start.isoformat() if term.start else None,
        "end": term.end.isoformat() if term.end else None,
        "source": term.source,
        "citation": term.citation or None,
    }


def _span(row: dict[str, object]) -> str:
    return f"{row['start'] or '…'} – {row['end'] or 'open'}"


@click.command()
@click.argument("query")
@click.option(
    "--on",
    "day",
    type=ISO_DATE,
    default=None,
    help="The day to ask about. Default: today.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def who(query: str, day: dt.date | None, as_json: bool) -> None:
    """Who held office, as tieline resolves actors: by country or by person.

    QUERY is a country (ISO alpha-3 or English name): the people holding its offices on the
    day; or a person's name (or part of it): each of their terms, marking the one held on the
    day. Terms come from the bundled tables (REIGN, Archigos, Phoenix, CountryInfo and the
    hand-kept table checked to mid-2025) and from your local tables, which keep them current.

    \b
    Local tables: a folder, $TIELINE_TABLES or tables/ in the user data directory, holding
    officeholders.tsv (and notables.tsv, organisations.tsv, names.tsv, agents.tsv) in the
    format of tieline/data/manual/README.md. A new officeholder row ends its predecessor's
    term on its start day. Run `tieline code` afterwards to re-resolve stored articles.

    \b
    Examples:
      tieline who JPN
      tieline who Cambodia --on 2023-01-01
      tieline who "Hun Sen"
    """
    from tieline.actors.kb import country_named, load_kb, office_holders, people_named

    day = day or dt.date.today()
    kb = load_kb()
    if kb.local is not None:
        warn_local_tables(kb.local.problems)
    country = country_named(kb, query)
    if country is not None:
        rows = [_term_row(p.name, t) for p, t in office_holders(kb, country, day)]
        if not rows:
            raise click.ClickException(
                f"no office of {country} known on {day}: the tables may stop before it; "
                "add the holders to your local tables (see --help)"
            )
        if as_json:
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
            return
        out.print(f"[bold]{kb.countries[country].name}[/] ({country}) on {day}:")
        for row in rows:
            role = row["role"] or "office"
            out.print(
                f"  {role}: [bold]{row['name']}[/] {row['sector']}  {_span(row)}  "
                f"[dim]{row['citation'] or row['source']}[/]"
            )
        _footer(kb)
        return
    people = people_named(kb, query)
    if not people:
        raise click.ClickException(
            f"no country or person called {echoed(query)} in the tables; "
            "add a person to your local tables (see --help)"
        )
    for person in people:
        held = person.role_on(day)
        terms = sorted(person.terms, key=lambda t: t.start or dt.date.min)
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "key": person.key,
                        "name": person.name,
                        "aliases": list(person.aliases),
                        "on": day.isoformat(),
                        "held": _term_row(person.name, held) if held else None,
                        "terms": [_term_row(person.name, t) for t in terms],
                    },
                    ensure_ascii=False,
                )
            )
            continue
        now = (
            f"{held.country or held.igo or ''} {held.sector} {held.role}".strip()
            if held
            else ("no office known")
        )
        out.print(f"[bold]{person.name}[/] ({person.key}) on {day}: {now}")
        for term in terms:
            row = _term_row(person.name, term)
            mark = "→" if term == held else " "
            where = term.country or term.igo or ""
            out.print(
                f"  {mark} {where} {term.sector} {term.role or '(no role given)'}  "
                f"{_span(row)}  [dim]{term.citation or term.source}[/]"
            )
    if not as_json:
        _footer(kb)


def _footer(kb: KnowledgeBase) -> None:
    if kb.local is not None:
        out.print(f"[dim]local tables: {kb.local.folder} ({kb.local.count} rows)[/]")
