"""A batch killed with SIGKILL midway loses nothing already stored; re-running completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

PAGES = 120
POLL_S = 0.02
MAX_WAIT_S = 120.0

WORDS = [
    "minister",
    "embassy",
    "treaty",
    "summit",
    "border",
    "trade",
    "envoy",
    "talks",
    "agreement",
    "delegation",
    "port",
    "aid",
    "security",
    "council",
    "sanctions",
    "ceasefire",
    "visit",
    "partnership",
    "cooperation",
    "defence",
    "water",
    "energy",
    "investment",
    "pipeline",
    "railway",
    "loan",
    "grant",
    "observers",
    "election",
    "parliament",
    "statement",
]


def story(n: int) -> str:
    """A distinct article per n: words drawn at random with n as the seed."""
    rng = random.Random(n)
    paragraphs = []
    for p in range(4):
        words = [rng.choice(WORDS) for _ in range(40)]
        paragraphs.append(f"<p>Report {n} part {p}: " + " ".join(words) + f" ({n}-{p}).</p>")
    return (
        f"<html lang='en'><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        + "".join(paragraphs)
        + "</article></body></html>"
    )


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is still being created
        return 0


@pytest.mark.slow
def test_kill_midway_then_resume(tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(PAGES):
        (folder / f"page-{n:03d}.html").write_text(story(n), encoding="utf-8")
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "tieline", "ingest", str(folder), "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + MAX_WAIT_S
    while stored_count(db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(POLL_S)
    assert process.poll() is None, "the batch finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        killed_at = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = connection.execute(
            "SELECT count(*) FROM articles a LEFT JOIN raw_documents r ON r.article_id = a.id "
            "WHERE r.article_id IS NULL"
        ).fetchone()[0]
    assert 5 <= killed_at < PAGES
    assert orphans == 0  # every stored article came with its raw input: whole or nothing

    resumed = subprocess.run(
        [*command[:-1], "--json"], cwd=REPO, capture_output=True, text=True, timeout=MAX_WAIT_S
    )
    assert resumed.returncode == 0, resumed.stderr
    statuses = [a["status"] for a in json.loads(resumed.stdout.splitlines()[-1])["articles"]]
    assert statuses.count("duplicate") == killed_at
    assert statuses.count("stored") == PAGES - killed_at
    assert stored_count(db) == PAGES
