"""The REST API and the web dashboard: serve."""

from __future__ import annotations

from pathlib import Path

import click

from tieline.interfaces.cli.common import db_option
from tieline.store import default_db_path

SAMPLE_PAIR = ("KHM", "JPN")  # the pair of the bundled sample page, shown first
UVICORN_STARTUP_FAILURE = 3  # uvicorn's exit status when it cannot listen; ours is 1


@click.command()
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
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except SystemExit as stop:
        if stop.code == UVICORN_STARTUP_FAILURE:  # it has logged why: port taken, unknown host
            raise click.ClickException(f"cannot serve on {host}:{port} (see above)") from None
        raise
