"""Bad input at the command line: every mistake ends in a one-line error and exit status 1 or 2,
never a Python traceback."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from tests.interfaces.test_cli import tieline
from tieline.store import Store


def clear_error(result: subprocess.CompletedProcess[str], status: int, words: str) -> None:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert words in result.stderr, result.stderr


def test_a_damaged_table_is_a_clear_error(tmp_path: Path):
    db = tmp_path / "damaged.db"
    Store.open(db).close()
    with sqlite3.connect(db) as connection:  # the file opens; only the articles table is damaged
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    with db.open("r+b") as file:
        file.seek((root - 1) * size)
        file.write(b"\xde\xad" * (size // 2))
    for command in (["show", "abcd"], ["remove", "abcd"]):
        clear_error(tieline(*command, db=db), 1, "database disk image is malformed")
