"""The `tieline` command: a thin layer that parses options and calls the library.

One module per group of commands; `common` holds the options and helpers they share.
"""

from __future__ import annotations

import click

from tieline import __version__
from tieline.interfaces.cli import actors, evaluate, events, ingest, relations, serve
from tieline.interfaces.cli.common import ISO_DATE, IsoDate, db_option, err, open_store, out

__all__ = ["ISO_DATE", "IsoDate", "cli", "db_option", "err", "main", "open_store", "out"]


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
      tieline events --dyad KHM JPN
      tieline dyad KHM JPN
      tieline serve
    """


# Grouped by module; `tieline --help` lists them alphabetically.
cli.add_command(ingest.ingest)
cli.add_command(ingest.articles)
cli.add_command(ingest.show)
cli.add_command(ingest.remove)
cli.add_command(events.events)
cli.add_command(events.code)
cli.add_command(relations.tiers)
cli.add_command(relations.dyad)
cli.add_command(relations.partners)
cli.add_command(relations.stories)
cli.add_command(actors.who)
cli.add_command(evaluate.eval_group)
cli.add_command(serve.serve)


def main() -> None:
    cli(prog_name="tieline")
