"""Bad input at the command line: every mistake ends in a one-line error and exit status 1 or 2,
never a Python traceback."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.interfaces.test_cli import tieline
from tieline.store import Store

WIDE = {"COLUMNS": "200"}  # one line per message, as rich wraps at the terminal's width


def clear_error(result: subprocess.CompletedProcess[str], status: int, words: str) -> None:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert words in result.stderr, result.stderr


def damaged_database(db: Path) -> Path:
    """A database that opens, with its articles table overwritten by junk."""
    Store.open(db).close()
    with sqlite3.connect(db) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
        ).fetchone()
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    with db.open("r+b") as file:
        file.seek((root - 1) * size)
        file.write(b"\xde\xad" * (size // 2))
    return db


def test_a_damaged_table_is_a_clear_error(tmp_path: Path):
    db = damaged_database(tmp_path / "damaged.db")
    for command in (["show", "abcd"], ["remove", "abcd"]):
        clear_error(tieline(*command, db=db), 1, "database disk image is malformed")


def test_a_malformed_url_fails_alone_and_a_record_carrying_one_is_stored(tmp_path: Path):
    text = (
        "Cambodia and Japan signed an agreement on water supply in Phnom Penh on Monday, "
        "officials said, and pledged to meet again next year."
    )
    records = tmp_path / "pages.jsonl"
    records.write_text(json.dumps({"url": "http://[::1", "text": text}) + "\n")
    result = tieline(
        "ingest",
        "http://[::1",
        "http://example.org:99999/",
        str(records),
        db=tmp_path / "t.db",
        env=WIDE,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "failed http://[::1: invalid URL" in result.stderr
    assert "Port out of range" in result.stderr
    assert "stored" in result.stdout and "pages.jsonl:1" in result.stdout


def test_output_into_a_missing_folder_is_a_clear_error(db_file: Path, tmp_path: Path):
    db = db_file
    missing = tmp_path / "no" / "such" / "folder"
    for command in (
        ["events", "--format", "csv", "-o", str(missing / "e.csv")],
        ["events", "--format", "parquet", "-o", str(missing / "e.parquet")],
        ["tiers", "--format", "jsonl", "-o", str(missing / "t.jsonl")],
    ):
        clear_error(tieline(*command, db=db, env=WIDE), 1, "no such file or directory")
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["events", "--country", "ZZZ"],
        ["events", "--dyad", "KHM", "zzz"],
        ["tiers", "--dyad", "ZZZ", "JPN"],
        ["tiers", "--country", "ZZZ"],
        ["dyad", "KHM", "ZZZ"],
        ["partners", "ZZZ"],
        ["stories", "--country", "ZZZ"],
    ],
    ids=" ".join,
)
def test_an_unknown_country_code_is_a_usage_error(tmp_path: Path, command: list[str]):
    """As the API answers 404: "no events match" would hide the typo. The options are read
    before the database is looked for: the usage error comes first even with none there."""
    result = tieline(*command, db=tmp_path / "none.db", env=WIDE)
    clear_error(result, 2, "unknown country code ZZZ")


@pytest.mark.parametrize(
    ("command", "file", "content"),
    [
        ("extraction", "ground-truth.json", b"[1, 2]"),
        ("extraction", "ground-truth.json", b"\xff\xfe not UTF-8"),
        ("extraction", "ground-truth.json", b'{"a": {"articleBody": "text"}}'),  # no html/a.html.gz
        ("extraction", "evaldata.json", b"[]"),
        ("events", "PETR2_GSR_validation.jsonl", b"\xff\xfe not UTF-8\n"),
        ("actors", "PLOVER_GSR_CAMEO.txt", b'{"id": 1}'),
    ],
    ids=lambda value: value.decode("latin-1")[:12] if isinstance(value, bytes) else value,
)
def test_a_malformed_gold_set_is_a_clear_error(
    tmp_path: Path, command: str, file: str, content: bytes
):
    (tmp_path / file).write_bytes(content)
    clear_error(tieline("eval", command, str(tmp_path), env=WIDE), 1, str(tmp_path / file))


@pytest.mark.parametrize(
    ("option", "value"), [("--delay", "-1"), ("--timeout", "0"), ("--timeout", "-5")]
)
def test_ingest_refuses_a_negative_delay_or_a_timeout_that_cannot_be_met(
    tmp_path: Path, option: str, value: str
):
    result = tieline("ingest", "-", option, value, db=tmp_path / "t.db", stdin=b"", env=WIDE)
    clear_error(result, 2, f"Invalid value for '{option}'")


def test_serve_on_a_port_in_use_exits_with_status_1(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = tieline("serve", "--port", port, db=tmp_path / "t.db", env=WIDE)
    clear_error(result, 1, f"cannot serve on 127.0.0.1:{port}")
    assert "address already in use" in result.stderr


def test_a_pasted_page_is_not_echoed_whole(db_file: Path):
    pasted = "Kishida " * 1250  # 10,000 characters
    for command in (["who", pasted], ["show", pasted, "--db", str(db_file)]):
        result = tieline(*command, env=WIDE)
        clear_error(result, 1, "'Kishida Kishida")
        assert len(result.stderr) < 300, result.stderr


def test_a_read_command_on_a_missing_database_says_so_and_creates_nothing(tmp_path: Path):
    typo = tmp_path / "typo" / "dir" / "x.db"
    for command in (["articles"], ["events"], ["tiers"], ["show", "0123"], ["stories"]):
        clear_error(tieline(*command, db=typo, env=WIDE), 1, "no database at")
    assert not (tmp_path / "typo").exists()


def test_an_unknown_type_or_a_backwards_range_is_a_usage_error(db_file: Path):
    clear_error(tieline("events", "--type", "NOPE", db=db_file, env=WIDE), 2, "'NOPE'")
    result = tieline("events", "--since", "2023-01-01", "--until", "2022-01-01", db=db_file)
    clear_error(result, 2, "--since 2023-01-01 is after --until 2022-01-01")
    assert tieline("events", "--type", "agree", db=db_file).returncode == 0
