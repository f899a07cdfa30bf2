"""The relations stage in a terminal: a pair's state, tier facts, a country's partners.

Renders the JSON-ready data of `tieline.relations.dyad` with rich; nothing here reads the
store itself.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

STATUS_STYLE = {
    "proposed": "yellow",
    "agreed": "bold yellow",
    "established": "green",
    "upgraded": "bold green",
    "reaffirmed": "green",
    "restored": "bold green",
    "downgraded": "red",
    "suspended": "bold red",
    "severed": "bold red",
}
QUAD_NAMES = {
    "1": "verbal coop",
    "2": "material coop",
    "3": "verbal conflict",
    "4": "material conflict",
}
BAR_WIDTH = 24  # characters of the widest index bar
SENTENCE_CHARS = 160  # evidence sentences are cut to this in tables


def print_dyad(console: Console, state: dict[str, Any], months: int | None = None) -> None:
    a, b = state["a"], state["b"]
    names = state["names"]
    current = state["current_tier"]
    title = f"{names[a]} ({a}) – {names[b]} ({b})"
    lines = [Text.assemble(("current tier: ", "dim"), _tier_text(current))]
    pending = current.get("pending")
    if pending:
        planned = f", to take effect {pending['planned']}" if pending.get("planned") else ""
        by = f" (proposed by {pending['proposer']})" if pending.get("proposer") else ""
        lines.append(
            Text.assemble(
                ("pending: ", "dim"),
                (f"{pending['tier']} ", "bold"),
                (pending["status"], STATUS_STYLE[pending["status"]]),
                f" {pending['date'] or ''}{by}{planned}",
            )
        )
    totals = state["totals"]
    lines.append(
        Text(
            f"{totals['merged_events']} events (merged across reports) from "
            f"{sum(s['articles'] for s in state['sources'])} articles by "
            f"{len(state['sources'])} publishers",
            style="dim",
        )
    )
    console.print(Panel(Group(*lines), title=title, title_align="left", expand=False))
    _print_ladder(console, state["ladder"])
    _print_timeline(console, state, months)
    if state["contexts"]:
        fields = ", ".join(f"{c['context']} {c['events']}" for c in state["contexts"])
        console.print(Text.assemble(("Fields of cooperation and conflict: ", "bold"), fields))
    _print_top_events(console, state["top_events"])
    if state["sources"]:
        sources = ", ".join(f"{s['publisher']} ({s['articles']})" for s in state["sources"])
        console.print(Text.assemble(("Sources read: ", "bold"), sources))


def _tier_text(current: dict[str, Any]) -> Text:
    if current["state"] == "severed":
        return Text(f"none — relations severed {current['since'] or ''}", style="bold red")
    if current["tier"] is None:
        return Text("not known", style="dim")
    since = f" since {current['since']}" if current.get("since") else " (standing, as stated)"
    state = "" if current["state"] == "active" else f" ({current['state']})"
    return Text.assemble((current["tier"], "bold green"), state, since)


def _print_ladder(console: Console, ladder: list[dict[str, Any]]) -> None:
    if not ladder:
        console.print("[dim]No tier facts read for this pair.[/]")
        return
    table = Table(title="Tier ladder", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("tier", max_width=24)
    table.add_column("status", no_wrap=True)
    table.add_column("detail", max_width=24)
    table.add_column("reports", justify="right")
    table.add_column("evidence", overflow="fold", ratio=1, min_width=40)
    for step in ladder:
        detail = []
        if step.get("previous"):
            detail.append(f"from {step['previous']}")
        if step.get("proposer"):
            detail.append(f"proposed by {step['proposer']}")
        if step.get("planned"):
            detail.append(f"takes effect {step['planned']}")
        table.add_row(
            step["date"] or "?",
            step["tier"],
            Text(step["status"], style=STATUS_STYLE.get(step["status"], "")),
            "; ".join(detail),
            str(step["reports"]),
            _cut(step["sentence"]),
        )
    console.print(table)


def _print_timeline(console: Console, state: dict[str, Any], months: int | None) -> None:
    timeline = state["timeline"]
    index = {m["month"]: m for m in state["index"]}
    if not timeline:
        console.print("[dim]No dated events for this pair.[/]")
        return
    shown = timeline[-months:] if months else timeline
    widest = max(abs(index[m["month"]]["score"]) for m in shown) or 1.0
    table = Table(
        title="Monthly timeline (events by type; index = summed Goldstein scores)",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("month", no_wrap=True)
    table.add_column("events by type")
    table.add_column("QuadClass 1/2/3/4", no_wrap=True)
    table.add_column("index", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for month in shown:
        mark = index[month["month"]]
        score = mark["score"]
        quads = "/".join(str(mark["quad_classes"].get(q, 0)) for q in "1234")
        bar = "█" * max(1, round(abs(score) / widest * BAR_WIDTH)) if score else ""
        types = ", ".join(f"{t} {n}" for t, n in sorted(month["types"].items()))
        table.add_row(
            month["month"],
            types,
            quads,
            f"{score:+.1f}",
            Text(bar, style="green" if score >= 0 else "red"),
        )
    console.print(table)


def _print_top_events(console: Console, top: list[dict[str, Any]]) -> None:
    if not top:
        return
    table = Table(
        title="Most reported events", title_justify="left", show_edge=False, pad_edge=False
    )
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("reports", justify="right")
    table.add_column("evidence", overflow="fold", ratio=1)
    for event in top:
        flags = " ".join(f"({a})" for a in event["aux"])
        table.add_row(
            event["date"] or "?",
            f"{event['type']} {event['source_country']}→{event['target_country']} {flags}",
            f"{event['articles']}/{event['publishers']}",
            _cut(event["sentence"]),
        )
    console.print(table)
    console.print("[dim]reports: articles/publishers[/]")


def print_tiers(console: Console, rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print("[dim]no tier facts match[/]")
        return
    table = Table(show_edge=False, pad_edge=False)
    for column in ("date", "pair", "tier", "status", "article", "evidence"):
        table.add_column(column, overflow="fold", ratio=1 if column == "evidence" else None)
    for row in rows:
        table.add_row(
            row["date"] or "?",
            f"{row['a']}–{row['b']}",
            row["tier"],
            Text(row["status"], style=STATUS_STYLE.get(row["status"], "")),
            row["article_id"],
            _cut(row["sentence"]),
        )
    console.print(table)
    console.print(f"{len(rows)} tier facts")


def print_partners(console: Console, country: str, name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print(f"[dim]no partners of {country} in the database[/]")
        return
    table = Table(title=f"Partners of {name} ({country})", title_justify="left", show_edge=False)
    for column in ("partner", "events", "reports", "last event", "tier"):
        table.add_column(column, justify="right" if column in ("events", "reports") else "left")
    for row in rows:
        tier = row["tier"] or ""
        if row["state"] not in ("active", "unknown"):
            tier = f"{tier} ({row['state']})".strip()
        table.add_row(
            f"{row['name']} ({row['country']})",
            str(row["events"]),
            str(row["reports"]),
            row["last_date"] or "",
            tier,
        )
    console.print(table)


def _cut(text: str) -> str:
    return text if len(text) <= SENTENCE_CHARS else text[: SENTENCE_CHARS - 1] + "…"
