"""The user's local tables: rows merged over the shipped ones, successors ending their
predecessors' terms, and bad rows skipped with a reason instead of stopping the load."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.actors.conftest import OFFICEHOLDERS, write_table
from tieline.actors.kb import EntryKind, load_kb, local_table_problems
from tieline.actors.local import TABLES_ENV, local_tables_dir
from tieline.interfaces.cli import cli

SHIPPED_TERM = (
    "Hun Sen | Samdech Techo Hun Sen | KHM | GOV | head of government | 1985-01-14 |  | "
    "Wikipedia | "
)


@pytest.fixture
def shipped(tiny: Path) -> Path:
    """The tiny knowledge base with a hand-kept table whose last term is still open."""
    write_table(tiny, "manual/officeholders.tsv", OFFICEHOLDERS, SHIPPED_TERM)
    return tiny


def test_a_local_successor_ends_the_shipped_open_term(shipped: Path, tmp_path: Path) -> None:
    local = tmp_path / "mine"
    write_table(
        local,
        "officeholders.tsv",
        OFFICEHOLDERS,
        "Hun Manet |  | KHM | GOV | head of government | 2023-08-22 |  | my notes | ",
    )
    kb = load_kb(shipped, local=local)
    hun_sen = kb.people["hun-sen-khm"].role_on(dt.date(2024, 1, 1))
    assert hun_sen is None or hun_sen.sector == "ELI"
    assert kb.people["hun-sen-khm"].role_on(dt.date(2020, 1, 1)).role == "head of government"  # type: ignore[union-attr]
    [manet] = [p for p in kb.people.values() if p.name == "Hun Manet"]
    term = manet.role_on(dt.date(2024, 1, 1))
    assert term is not None and (term.country, term.sector) == ("KHM", "GOV")
    assert term.citation == "my notes"
    assert any(e.phrase == "Hun Manet" and e.kind is EntryKind.PERSON for e in kb.entries)
    assert kb.local is not None and kb.local.count == 1 and kb.local.problems == []


def test_without_local_tables_the_shipped_term_stays_open(shipped: Path) -> None:
    kb = load_kb(shipped, local=False)
    assert kb.local is None
    assert kb.people["hun-sen-khm"].role_on(dt.date(2024, 1, 1)).sector == "GOV"  # type: ignore[union-attr]


def test_a_local_row_repeating_a_shipped_term_replaces_it(shipped: Path, tmp_path: Path) -> None:
    local = tmp_path / "mine"
    write_table(
        local,
        "officeholders.tsv",
        OFFICEHOLDERS,
        SHIPPED_TERM.replace("|  | Wikipedia", "| 2023-08-22 | corrected"),
    )
    kb = load_kb(shipped, local=local)
    terms = [t for t in kb.people["hun-sen-khm"].terms if t.role == "head of government"]
    assert [(t.end, t.citation) for t in terms] == [(dt.date(2023, 8, 22), "corrected")]


def test_bad_rows_are_skipped_with_their_line_and_reason(shipped: Path, tmp_path: Path) -> None:
    local = tmp_path / "mine"
    write_table(
        local,
        "officeholders.tsv",
        "# my additions",
        OFFICEHOLDERS,
        "Good Minister |  | KHM | GOV | foreign minister | 2025-01-01 |  | notes | ",
        "Typo Date |  | KHM | GOV | foreign minister | 2025-13-01 |  | notes | ",
        "Unknown State |  | XYZ | GOV | foreign minister | 2025-01-01 |  | notes | ",
        "Backwards |  | KHM | GOV | defence minister | 2025-01-01 | 2024-01-01 | n | ",
        " |  | KHM | GOV | defence minister | 2025-01-01 |  | n | ",
    )
    write_table(
        local,
        "organisations.tsv",
        "name | aliases | kind | country | sector | source",
        "Moon Base |  | planet |  |  | nowhere",
    )
    kb = load_kb(shipped, local=local)
    assert kb.local is not None
    problems = kb.local.problems
    assert len(problems) == 5
    assert problems[0].endswith(
        "officeholders.tsv:4: start '2025-13-01' is not a date (YYYY-MM-DD); row skipped"
    )
    assert "officeholders.tsv:5: country 'XYZ'" in problems[1]
    assert "officeholders.tsv:6: end 2024-01-01 is not after start 2025-01-01" in problems[2]
    assert "officeholders.tsv:7: no name" in problems[3]
    assert "organisations.tsv:2: kind 'planet'" in problems[4]
    assert [p.name for p in kb.people.values() if p.name == "Good Minister"] == ["Good Minister"]
    assert local_table_problems(local) == problems


def test_local_names_agents_and_organisations_win(tiny: Path, tmp_path: Path) -> None:
    local = tmp_path / "mine"
    write_table(
        local,
        "organisations.tsv",
        "name | aliases | kind | country | sector | source",
        "United Nations | UN|U.N. | igo |  | IGO | my notes",
    )
    write_table(
        local,
        "names.tsv",
        "phrase | kind | iso3 | case_sensitive | source",
        "Kampuchea | country | KHM | 0 | my notes",
    )
    write_table(
        local,
        "agents.tsv",
        "phrase | sector | source",
        "navy | - | mine",
        "coastguard | MIL | mine",
    )
    kb = load_kb(tiny, local=local)
    assert kb.organisations["igo:united-nations"].citation == "my notes"
    assert "U.N." in kb.organisations["igo:united-nations"].aliases
    assert any(e.phrase == "Kampuchea" and e.ref == "KHM" for e in kb.entries)
    assert "navy" not in kb.agents and kb.agents["coastguard"] == "MIL"


def test_local_names_may_mark_a_region_or_remove_a_phrase(tiny: Path, tmp_path: Path) -> None:
    local = tmp_path / "mine"
    write_table(
        local,
        "names.tsv",
        "phrase | kind | iso3 | case_sensitive | source",
        "Tonle Sap | region | KHM | 0 | my notes",
        "Cambodia | - | KHM | 0 | my notes",
    )
    kb = load_kb(tiny, local=local)
    assert kb.local is not None and kb.local.problems == []
    assert any(e.phrase == "Tonle Sap" and e.kind is EntryKind.CITY for e in kb.entries)
    assert kb.regions == {"tonle sap"}
    assert not any(e.phrase == "Cambodia" for e in kb.entries)


def test_the_folder_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(TABLES_ENV, str(tmp_path / "t"))
    assert local_tables_dir() == tmp_path / "t"
    monkeypatch.delenv(TABLES_ENV)
    assert local_tables_dir().name == "tables"


# ---------------------------------------------------------------- tieline who


def test_who_lists_a_countrys_office_holders_on_a_day(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    result = CliRunner().invoke(cli, ["who", "Japan", "--on", "2019-06-01", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    holders = {row["role"]: row["name"] for row in rows}
    assert holders["head of government"] == "Shinzo Abe"
    assert holders["head of state"] == "Naruhito"
    assert holders["foreign minister"] == "Taro Kono"
    assert "Yasuo Fukuda" not in {row["name"] for row in rows}  # a stale derived term


def test_who_takes_a_local_successor_and_warns_of_bad_rows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_table(
        tmp_path,
        "officeholders.tsv",
        OFFICEHOLDERS,
        "Taro Example |  | JPN | GOV | head of government | 2026-03-01 |  | my notes | ",
        "Bad Row |  | JPN | GOV | foreign minister | someday |  | my notes | ",
    )
    monkeypatch.setenv(TABLES_ENV, str(tmp_path))
    result = CliRunner().invoke(cli, ["who", "JPN", "--on", "2026-05-01"])
    assert result.exit_code == 0, result.output
    assert "head of government: Taro Example GOV  2026-03-01 – open  my notes" in result.output
    assert "Sanae Takaichi" not in result.output
    assert "officeholders.tsv:3: start 'someday' is not a date" in result.stderr
    assert f"local tables: {tmp_path} (1 rows)" in result.output


def test_who_shows_a_persons_terms_and_the_one_held(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["who", "Hun Sen", "--on", "2024-06-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Hun Sen (hun-sen-khm) on 2024-06-01: KHM ")
    held = [line for line in lines if line.lstrip().startswith("→")]
    assert len(held) == 1
    assert any("head of government  1985-01-14 – 2023-08-22" in line for line in lines)


def test_who_explains_an_unknown_name() -> None:
    result = CliRunner().invoke(cli, ["who", "Nobody Atall"])
    assert result.exit_code == 1
    assert "no country or person called 'Nobody Atall'" in result.output


def test_code_names_bad_local_rows_before_it_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_table(
        tmp_path / "t",
        "officeholders.tsv",
        OFFICEHOLDERS,
        "Bad Row |  | JPN | GOV | foreign minister | someday |  | my notes | ",
    )
    monkeypatch.setenv(TABLES_ENV, str(tmp_path / "t"))
    result = CliRunner().invoke(cli, ["code", "--db", str(tmp_path / "empty.db")])
    assert "warning: " in result.stderr and "officeholders.tsv:2: start 'someday'" in result.stderr
    quiet = CliRunner().invoke(cli, ["code", "--db", str(tmp_path / "empty.db"), "--quiet"])
    assert "warning" not in quiet.stderr


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Taro Example\t\tJPN\tGOV\thead of government\t2026-03-01\t\t\t\n", "not a header"),
        ("name\tcountry\nÉ\tJPN\n".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_table_is_named(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    (tmp_path / "officeholders.tsv").write_bytes(content)
    problems = local_table_problems(tmp_path)
    assert len(problems) == 1 and problem in problems[0] and "officeholders.tsv" in problems[0]


def test_a_spreadsheets_byte_order_mark_is_no_problem(shipped: Path, tmp_path: Path) -> None:
    local = tmp_path / "mine"
    row = "Hun Manet |  | KHM | GOV | head of government | 2023-08-22 |  | my notes | "
    write_table(local, "officeholders.tsv", OFFICEHOLDERS, row)
    path = local / "officeholders.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    kb = load_kb(shipped, local=local)
    assert kb.local is not None and kb.local.problems == [] and kb.local.count == 1


def test_a_folder_in_the_wrong_place_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "officeholders.tsv").mkdir()
    assert local_table_problems(tmp_path) == [
        f"{tmp_path / 'officeholders.tsv'}: not a file; not read"
    ]
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    assert local_table_problems(plain) == [f"{plain}: not a folder; no local tables read"]
    monkeypatch.setenv(TABLES_ENV, str(tmp_path / "missing"))
    assert local_table_problems() == [f"{tmp_path / 'missing'} (${TABLES_ENV}): no such folder"]
    assert local_table_problems(tmp_path / "elsewhere") == []  # not the configured one


def test_a_local_notable_replaces_the_shipped_one_and_bad_ones_are_named(
    tiny: Path, tmp_path: Path
) -> None:
    notables = "name | aliases | country | sector | role | source | note"
    write_table(tiny, "manual/notables.tsv", notables, "Ada Lovell |  | KHM | ELI | singer | W | ")
    local = tmp_path / "mine"
    write_table(
        local,
        "notables.tsv",
        notables,
        "Ada Lovell |  | KHM | BUS | businesswoman | my notes | ",
        "Bo Strand |  | XXX | BUS | investor | my notes | ",
    )
    shipped = load_kb(tiny, local=False)
    assert [t.sector for t in shipped.people["ada-lovell-khm"].terms] == ["ELI"]
    kb = load_kb(tiny, local=local)
    assert [t.sector for t in kb.people["ada-lovell-khm"].terms] == ["BUS"]
    assert not any(p.name == "Bo Strand" for p in kb.people.values())
    assert any("notables.tsv:3" in p and "XXX" in p for p in kb.local.problems)
