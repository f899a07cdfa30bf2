"""Options, parameter types and consoles shared by the `tieline` commands."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from tieline.store import Store, default_db_path

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
ECHOED_CHARS = 60  # a user's text quoted back in an error message is cut to this length


def echoed(text: str) -> str:
    """`text` quoted for an error message, cut short so that a pasted page stays one line."""
    return repr(text) if len(text) <= ECHOED_CHARS else repr(text[:ECHOED_CHARS]) + "…"


def country_code(value: str, hint: str | None = None) -> str:
    """`value` as a known ISO 3166 alpha-3 code in upper case, else a usage error (status 2)
    naming the option or argument `hint`."""
    from tieline.interfaces import readmodel

    code = value.strip().upper()
    if not readmodel.ISO3.match(code):
        message = f"{value[:20]!r} is not an ISO 3166 alpha-3 code like KHM"
        raise click.BadParameter(message, param_hint=hint)
    if code not in readmodel.load_countries():
        raise click.BadParameter(f"unknown country code {code}", param_hint=hint)
    return code


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file. Default: $TIELINE_DB, else tieline.db in the user data directory.",
    )(function)


@contextmanager
def open_store(db_path: Path | None, *, create: bool = False) -> Iterator[Store]:
    """The database at `db_path` (default: `default_db_path()`). Only a command that stores
    something (`create`) makes a new one: a mistyped --db is an error, not an empty database
    in a new folder."""
    path = db_path or default_db_path()
    if not create and not path.exists():
        raise click.ClickException(
            f"no database at {path}: `tieline ingest` makes one (or pass --db, or set $TIELINE_DB)"
        )
    try:
        store = Store.open(path)
    except Exception as error:  # an unreadable file, a newer schema, a locked database...
        raise click.ClickException(f"cannot open database {path}: {error}") from error
    try:
        yield store
    except sqlite3.Error as error:  # a damaged file, a database locked by another writer...
        raise click.ClickException(f"database {path}: {error}") from error
    finally:
        store.close()


@contextmanager
def output_stream(path: Path | None, *, binary: bool = False) -> Iterator[Any]:
    """`path` opened for writing, or standard output when there is none; a path that cannot be
    written (a missing folder, no permission) is a one-line error."""
    if path is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    try:
        stream = path.open("wb") if binary else path.open("w", encoding="utf-8", newline="")
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise click.ClickException(f"cannot write {path}: {reason}") from error
    with stream:
        yield stream
