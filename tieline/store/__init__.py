"""The store: where articles (and, later, events and relations) are kept.

SQLite by default, one file, no server. Every SQL statement tieline runs lives under this
package, so another backend (PostgreSQL for shared servers) can stand beside it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from tieline.store.sqlite import (
    ActorMatch,
    ArticleQuery,
    DyadCount,
    EventQuery,
    ItemRecord,
    Store,
    StoredArticle,
    StoredEvent,
)

DB_ENV = "TIELINE_DB"
DB_FILENAME = "tieline.db"


def default_db_path() -> Path:
    """`TIELINE_DB` if set, else `tieline.db` in the user data directory."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("tieline", appauthor=False)) / DB_FILENAME


__all__ = [
    "DB_ENV",
    "ActorMatch",
    "ArticleQuery",
    "DyadCount",
    "EventQuery",
    "ItemRecord",
    "Store",
    "StoredArticle",
    "StoredEvent",
    "default_db_path",
]
