"""The `tieline` command as a user runs it: real processes, real database files."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE, SAMPLE_PUBLISHED
from tieline import __version__

COMMANDS = [
    "ingest", "articles", "show", "events", "code", "eval", "eval extraction", "eval actors",
    "eval events",
]  # fmt: skip


def tieline(
    *args: str,
    db: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    if db is not None:
        args = (*args, "--db", str(db))
    return subprocess.run(
        [sys.executable, "-m", "tieline", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        cwd=REPO,
    )


def last_json(result: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(result.stdout.strip().splitlines()[-1])


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>© Example News</footer></body></html>"
    )


STORY = [
    "Foreign ministers from Indonesia and Australia met in Jakarta on Tuesday to discuss "
    "maritime security, fisheries and a new trade framework, officials said.",
    "The two sides agreed to hold joint patrols in the Arafura Sea and to share data on "
    "illegal fishing vessels, according to a joint statement released after the talks.",
    "Australia also pledged further funding for climate adaptation projects in eastern "
    "Indonesia, where rising seas threaten coastal villages.",
]


def test_version():
    result = tieline("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str):
    result = tieline(*command.split(), "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    if command != "eval":
        assert "Examples:" in result.stdout


def test_every_command_appears_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"tieline {command}" in readme, command


def test_ingest_sample_then_show(db_file: Path):
    result = tieline("ingest", str(SAMPLE), "--published", SAMPLE_PUBLISHED, "--json", db=db_file)
    assert result.returncode == 0, result.stderr
    summary = last_json(result)
    [item] = summary["articles"]
    assert item["status"] == "stored"
    assert item["reason"] == ""
    shown = last_json(tieline("show", item["id"], "--json", db=db_file))
    assert shown["title"] == "Cambodia, Japan upgrade bilateral ties"
    assert shown["publisher"] == "Phnom Penh Post"
    assert shown["published"] == SAMPLE_PUBLISHED
    assert shown["language"] == "en"
    assert shown["body"].startswith("Japanese Prime Minister Fumio Kishida has accepted")
    assert shown["body"].endswith("has operated in Cambodia since 1997.")
    assert len(shown["captions"]) == 2
    assert len(shown["related"]) == 6
    for key in ("url", "mentions", "events"):
        assert key in shown


def test_reingest_adds_nothing(db_file: Path):
    first = last_json(tieline("ingest", str(SAMPLE), "--json", db=db_file))
    again = last_json(tieline("ingest", str(SAMPLE), "--json", db=db_file))
    assert again["articles"][0]["status"] == "duplicate"
    assert again["articles"][0]["id"] == first["articles"][0]["id"]
    listed = tieline("articles", "--format", "jsonl", db=db_file)
    assert len(listed.stdout.strip().splitlines()) == 1


def test_database_from_environment(tmp_path: Path):
    db = tmp_path / "env.db"
    result = tieline("ingest", str(SAMPLE), "--json", env={"TIELINE_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()
    assert last_json(result)["db"] == str(db)


def test_mixed_batch_goes_on_and_exit_status_reports_failure(tmp_path: Path, db_file: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_text(page("Ministers meet in Jakarta", STORY), encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "broken.html.gz").write_bytes(gzip.compress(page("x", STORY).encode())[:40])
    (folder / "nav-only.html").write_text("<html><body><nav>Home | News</nav></body></html>")
    result = tieline("ingest", str(folder), str(tmp_path / "missing.html"), "--json", db=db_file)
    assert result.returncode == 1  # the missing file failed
    statuses = {
        Path(a["origin"]).name: (a["status"], a["reason"]) for a in last_json(result)["articles"]
    }
    assert statuses["good.html"][0] == "stored"
    assert statuses["empty.html"][0] == "skipped"
    assert statuses["picture.png"][0] == "skipped"
    assert statuses["broken.html.gz"][0] == "failed"
    assert statuses["nav-only.html"][0] == "skipped"
    assert statuses["missing.html"][0] == "failed"
    assert all(reason for status, reason in statuses.values() if status != "stored")
    assert all("\n" not in reason for _, reason in statuses.values())


def test_batch_without_failures_exits_zero(tmp_path: Path, db_file: Path):
    (tmp_path / "good.html").write_text(page("Ministers meet in Jakarta", STORY), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    result = tieline("ingest", str(tmp_path), "--json", db=db_file)
    assert result.returncode == 0, result.stdout


def test_show_explains_a_skipped_input(tmp_path: Path, db_file: Path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    tieline("ingest", str(empty), db=db_file)
    result = tieline("show", str(empty), db=db_file)
    assert result.returncode == 0
    assert "skipped" in result.stdout
    assert "empty" in result.stdout


def test_show_unknown_article_is_a_clear_error(db_file: Path):
    result = tieline("show", "0123456789abcdef", db=db_file)
    assert result.returncode == 1
    assert "no article or input" in result.stderr


def test_stdin_and_non_english_page(db_file: Path):
    german = page(
        "Minister treffen sich in Berlin",
        [
            "Die Außenminister Deutschlands und Frankreichs haben sich am Dienstag in Berlin "
            "getroffen und über die Zusammenarbeit in der Verteidigung gesprochen, teilten "
            "Beamte mit.",
            "Beide Seiten vereinbarten, die gemeinsame Entwicklung eines Kampfflugzeugs "
            "fortzusetzen.",
        ],
    ).replace("lang='en'", "lang='de'")
    result = tieline("ingest", "-", "--json", db=db_file, stdin=german.encode())
    assert result.returncode == 0, result.stderr
    [item] = last_json(result)["articles"]
    assert item["status"] == "stored"
    shown = last_json(tieline("show", item["id"], "--json", db=db_file))
    assert shown["language"] == "de"
    assert shown["coded"] is False
    assert any("not coded" in note for note in shown["notes"])
    listed = tieline("articles", "--language", "de", "--format", "jsonl", db=db_file)
    assert json.loads(listed.stdout.splitlines()[0])["id"] == item["id"]


def test_bad_option_values_are_clear(db_file: Path):
    result = tieline("ingest", str(SAMPLE), "--published", "25/04/2022", db=db_file)
    assert result.returncode == 2
    assert "2022-04-25" in result.stderr


def test_eval_extraction_prints_metrics_as_last_line(tmp_path: Path):
    folder = tmp_path / "bench"
    (folder / "html").mkdir(parents=True)
    truth = {}
    for key, title in (("a", "Ministers meet in Jakarta"), ("b", "Leaders talk trade")):
        html = page(title, STORY)
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[key] = {"articleBody": "\n".join(STORY), "url": f"https://example.org/{key}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth))
    result = tieline("eval", "extraction", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    metrics = last_json(result)
    assert set(metrics) >= {"precision", "recall", "f1", "n"}
    assert metrics["n"] == 2
    assert metrics["recall"] > 0.9


def test_eval_on_unknown_folder_is_a_clear_error(tmp_path: Path):
    result = tieline("eval", "extraction", str(tmp_path))
    assert result.returncode == 1
    assert "not an extraction gold set" in result.stderr


def test_show_by_input_path_shows_the_article_it_became(db_file: Path):
    tieline("ingest", str(SAMPLE), "--published", SAMPLE_PUBLISHED, db=db_file)
    result = tieline("show", str(SAMPLE), db=db_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Cambodia, Japan upgrade bilateral ties")
    assert "captions (2)" in result.stdout
    assert "related (6)" in result.stdout


def test_show_actors_explains_each_mention(db_file: Path):
    tieline("ingest", str(SAMPLE), "--published", SAMPLE_PUBLISHED, db=db_file)
    result = tieline("show", str(SAMPLE), "--actors", db=db_file)
    assert result.returncode == 0, result.stderr
    for expected in ("Hun Sen", "KHMGOV", "JPNGOV", "pronoun", "kb:person", "JPNMIL"):
        assert expected in result.stdout
    shown = last_json(tieline("show", str(SAMPLE), "--json", db=db_file))
    mentions = shown["mentions"]
    assert len(mentions) > 20
    first = mentions[0]
    assert set(first) >= {"span", "text", "actor", "cue", "evidence", "confidence", "field"}
    assert first["actor"]["code"] == "JPNGOV"
    assert shown["body"][first["span"][0] : first["span"][1]] == first["text"]


def test_eval_actors_prints_metrics_as_last_line(tmp_path: Path):
    gold = [
        {"id": "DOC", "event": "DOCUMENT"},
        {
            "id": "T-1",
            "text": "Japanese Prime Minister Fumio Kishida met Cambodian officials in Tokyo.",
            "source": [
                {
                    "actorText": "Japanese Prime Minister Fumio Kishida",
                    "code": "JPN",
                    "sector": "GOV",
                }
            ],
            "target": [{"actorText": "Cambodian officials", "code": "KHM", "sector": "GOV"}],
        },
    ]
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(json.dumps(gold))
    result = tieline("eval", "actors", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    metrics = last_json(result)
    assert metrics["n"] == 1
    assert metrics["source_country_accuracy"] == 1.0
    assert metrics["target_sector_accuracy"] == 1.0


def test_eval_actors_counts_misses_by_kind(tmp_path: Path):
    sentence = {
        "id": "T-2",
        "date": "2023-01-01",
        "text": "Japanese Prime Minister Fumio Kishida met Cambodian officials. Cambodia grew.",
        "source": [
            {"actorText": "Japanese Prime Minister Fumio Kishida", "code": "JPN", "sector": "GOV"},
            {"actorText": "met", "code": "JPN", "sector": "GOV"},  # no mention over "met"
            {"actorText": "Cambodia", "code": "KHM", "sector": "BUS"},  # read with no sector
        ],
        "target": [
            {"actorText": "Cambodian officials", "code": "VNM", "sector": "GOV"},  # KHM read
            {"actorText": "Cambodian officials", "code": "KHM", "sector": "MIL"},  # GOV read
        ],
    }
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(json.dumps([sentence]))
    metrics = last_json(tieline("eval", "actors", str(tmp_path), "--json"))
    assert (metrics["source_no_mention"], metrics["source_no_sector"]) == (1, 1)
    assert (metrics["target_wrong_country"], metrics["target_wrong_sector"]) == (1, 1)
    assert metrics["source_wrong_country"] == metrics["target_no_mention"] == 0
    shown = tieline("eval", "actors", str(tmp_path)).stdout
    assert "source actors missed: no mention 1, wrong country 0, no sector 1" in shown
