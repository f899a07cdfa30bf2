"""Scoring against gold sets: the `tieline eval` group and its commands."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tieline.interfaces.cli.common import F, out


@click.group(name="eval")
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
    """Score actor resolution on gold sentences in the PLOVER gold-standard format.

    DATASET is ../shared/data/plover-gsr-cameo (or its PLOVER_GSR_CAMEO.txt), or a file in
    the same format such as the blind-labelled held-out sets in tests/fixtures; a set whose
    records name an `article` has an ARTICLES.json beside it, and each sentence is then read
    inside its article, on its date; its halves (--half) are of its articles, so that no
    article has sentences in both. For each gold source and target actor, the mention
    tieline resolved over its words is compared on country, and on country and sector
    together; the misses are counted by kind (no mention over the words, another country, no
    sector, another sector). Sets C's and D's ARTICLES.json are written by
    tools/guardian_articles.py.

    \b
    Examples:
      tieline eval actors ../shared/data/plover-gsr-cameo --json
      tieline eval actors ../shared/data/plover-gsr-cameo --half odd --errors 20
      tieline eval actors tests/fixtures/heldout-actors-b/HELDOUT_ACTORS.json --json
      tieline eval actors tests/fixtures/heldout-actors-c/HELDOUT_ACTORS.json --half even
    """
    from tieline.actors import load_resolver
    from tieline.evaluation import actors as actor_eval

    resolver = load_resolver()
    try:
        metrics, scores = actor_eval.evaluate(
            dataset, lambda text, day: resolver.resolve(text, day=day), half=half
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
        for role in ("source", "target"):
            missed = ", ".join(
                f"{failure.replace('_', ' ')} {metrics[f'{role}_{failure}']}"
                for failure in actor_eval.FAILURES
            )
            out.print(f"  {role} actors missed: {missed}")
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
