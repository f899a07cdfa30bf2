"""tools/build_kb.py rebuilds the committed tables byte for byte, and does so every time."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.tools_loader import load_tool

REPO = Path(__file__).resolve().parents[2]
TABLES = REPO / "tieline" / "data"


def _build_module() -> ModuleType:
    return load_tool("build_kb")


def _tables(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.tsv"))}


@pytest.mark.gold
@pytest.mark.slow
def test_the_build_is_reproducible_and_matches_the_committed_tables(
    data_dir: Path, tmp_path: Path
) -> None:
    build_kb = _build_module()
    counts, _notes = build_kb.build(data_dir, tmp_path / "first")
    build_kb.build(data_dir, tmp_path / "second")
    first, second = _tables(tmp_path / "first"), _tables(tmp_path / "second")
    assert set(first) == set(counts) == set(build_kb.TABLES)
    assert first == second, "two builds from the same sources differ"
    committed = _tables(TABLES)
    drifted = sorted(name for name in first if committed.get(name) != first[name])
    assert drifted == [], f"rerun tools/build_kb.py and commit: {drifted} differ from the script"


def test_a_primary_whose_codes_cannot_be_read_keeps_to_itself(tmp_path: Path) -> None:
    """PETRARCH gives a primary with no readable code the next entry's codes; that made David
    Cameron (a nine-digit date) Alan Johnson, and a later "Johnson" with him."""
    build_kb = _build_module()
    path = tmp_path / "actors.txt"
    path.write_text(
        "DAVID_CAMERON_  # CountryInfo.txt\n"
        "+DAVID_WILLIAM_DONALD_CAMERON_\n"
        "\t[GBRGOV >201005011]\n"
        "ALAN_JOHNSON_\n"
        "\t[GBRGOV 041001-050531]\n"
        "INDIAN_OCEAN  [---]\n"
        "LOK_SABHA\n"
        "\t[INDGOVLEG]\n"
        "ANANDA_MARGA_UNIVERSAL_RELIEF_TEAM_\t[NGOHINDEN211DEV]\n",
        encoding="utf-8",
    )
    groups = build_kb.read_actor_dictionary(path)
    phrases = [g.phrases for g in groups]
    assert ["ALAN_JOHNSON_"] in phrases and ["LOK_SABHA"] in phrases
    assert not any("DAVID_CAMERON_" in p for p in phrases)  # no readable code: left out
    [ngo] = [g for g in groups if g.phrases == ["ANANDA_MARGA_UNIVERSAL_RELIEF_TEAM_"]]
    assert [c.code for c in ngo.codes] == ["NGOHINDEN211DEV"]


def test_agent_patterns_ending_in_a_function_word_are_left_out() -> None:
    """The dictionaries write "ambassador to [country]" as the agent "ambassador to" (and its
    plural "ambassador tos"): as a phrase it swallowed the "to", and the title was lost."""
    build_kb = _build_module()
    line = build_kb.AgentLine
    rows = build_kb.build_agents(
        [line("ambassador", "GOV"), line("ambassador to", "GOV"), line("ambassador tos", "GOV")],
        [line("observers in", "IGO")],
    )
    phrases = [phrase for phrase, _, _ in rows]
    assert "ambassador" in phrases
    assert not {"ambassador to", "ambassador tos", "observers in"} & set(phrases)


def test_a_head_of_state_countryinfo_leaves_open_ends_when_reign_ends_their_rule() -> None:
    build_kb = _build_module()
    term, day = build_kb.TermDraft, __import__("datetime").date
    spells = {("GMB", "jammeh"): [(day(1994, 7, 22), day(2017, 1, 31))]}
    terms = [
        term("GMB", "GOV", "head of state", day(1994, 7, 22), None, "countryinfo"),
        term("GMB", "GOV", "", day(1994, 7, 22), None, "phoenix"),  # the same spell, no role
        term("GMB", "GOV", "minister", day(1990, 1, 1), None, "countryinfo"),  # another office
    ]
    closed = build_kb.close_stale_heads(terms, ["Yahya Jammeh"], spells)
    assert [t.end for t in closed] == [day(2017, 1, 31), day(2017, 1, 31), None]
    # another leader's spell, or one begun after the term's year, closes nothing
    later = {("GMB", "jammeh"): [(day(1996, 1, 1), day(2017, 1, 31))]}
    assert build_kb.close_stale_heads(terms[:1], ["Yahya Jammeh"], later)[0].end is None
    assert build_kb.close_stale_heads(terms[:1], ["Adama Barrow"], spells)[0].end is None
