"""Named schema migrations: `NNNN_name.sql` files applied once each, in name order."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from importlib import resources

MIGRATION_NAME = re.compile(r"^\d{4}_[a-z0-9_]+$")


class SchemaTooNew(RuntimeError):
    """The database was written by a newer tieline than this one."""


def available() -> list[tuple[str, str]]:
    """(name, sql) of every migration shipped with the package, in order."""
    folder = resources.files("tieline.store") / "migrations"
    scripts = sorted(
        (entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    )
    for name, _ in scripts:
        # Names are interpolated into the migration's own script below; they come from the
        # package, and this keeps them to digits, lower-case letters and underscores.
        if not MIGRATION_NAME.match(name):
            raise ValueError(f"bad migration file name: {name}.sql")
    return scripts


def apply(connection: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction; return their names."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in connection.execute("SELECT name FROM schema_migrations")}
    scripts = available()
    unknown = done - {name for name, _ in scripts}
    if unknown:
        raise SchemaTooNew(
            "the database has migrations this tieline does not know "
            f"({', '.join(sorted(unknown))}); upgrade tieline"
        )
    applied = []
    for name, sql in scripts:
        if name in done:
            continue
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        # executescript commits first; the script and its record go in one explicit transaction.
        connection.executescript(
            f"BEGIN IMMEDIATE;\n{sql}\n"
            f"INSERT INTO schema_migrations(name, applied_at) VALUES ('{name}', '{now}');\nCOMMIT;"
        )
        applied.append(name)
    return applied
