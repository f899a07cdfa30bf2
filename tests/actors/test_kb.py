"""The actor knowledge base as shipped: the derived tables in tieline/data/ with the hand-kept
ones merged in, and the loader's merge rules on small tables of their own."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from tests.actors.conftest import OFFICEHOLDERS, PEOPLE, write_table
from tieline.actors.kb import (
    Entry,
    EntryKind,
    KnowledgeBase,
    Person,
    Term,
    fold,
    load_kb,
    needs_case,
)

DATA = Path(__file__).resolve().parents[2] / "tieline" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _phrases(kb: KnowledgeBase, ref: str, *kinds: EntryKind) -> set[str]:
    return {e.phrase for e in kb.entries if e.ref == ref and (not kinds or e.kind in kinds)}


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


# ---------------------------------------------------------------- countries and their names


def test_japan_is_named_by_its_name_demonym_and_capital(kb: KnowledgeBase) -> None:
    assert "Japan" in _phrases(kb, "JPN", EntryKind.COUNTRY)
    assert "Japanese" in _phrases(kb, "JPN", EntryKind.DEMONYM)
    assert "Tokyo" in _phrases(kb, "JPN", EntryKind.CAPITAL)


def test_cambodia_is_a_kingdom_with_its_capital(kb: KnowledgeBase) -> None:
    cambodia = kb.countries["KHM"]
    assert cambodia.form == "kingdom"
    assert cambodia.official_name == "Kingdom of Cambodia"
    assert "Phnom Penh" in cambodia.capitals
    assert {"Cambodian", "Cambodians", "Khmer"} <= _phrases(kb, "KHM", EntryKind.DEMONYM)


@pytest.mark.parametrize(
    ("iso3", "form"),
    [("GBR", "kingdom"), ("DEU", "republic"), ("ARE", "emirate"), ("OMN", "sultanate"),
     ("RUS", "federation"), ("AUS", "commonwealth"), ("JPN", None), ("LUX", "grand duchy")],
)  # fmt: skip
def test_form_comes_from_the_official_name(kb: KnowledgeBase, iso3: str, form: str | None) -> None:
    assert kb.countries[iso3].form == form


def test_current_states_and_kosovo_are_listed(kb: KnowledgeBase) -> None:
    assert 240 <= len(kb.countries) <= 260
    assert "XKX" in kb.countries
    assert kb.countries["XKX"].name == "Kosovo"


def test_filipinos_and_short_forms(kb: KnowledgeBase) -> None:
    assert {"Filipino", "Filipinos"} <= _phrases(kb, "PHL", EntryKind.DEMONYM)
    for short, iso3 in [("US", "USA"), ("UK", "GBR"), ("UAE", "ARE"), ("DPRK", "PRK")]:
        entry = next(e for e in kb.entries if e.phrase == short and e.kind is EntryKind.COUNTRY)
        assert entry.ref == iso3
        assert entry.case_sensitive


def test_no_phrase_names_two_countries_in_country_names() -> None:
    countries: dict[str, set[str]] = defaultdict(set)
    for iso3, _kind, phrase, _case, _source in _rows("country_names.tsv"):
        countries[fold(phrase)].add(iso3)
    shared = {phrase: isos for phrase, isos in countries.items() if len(isos) > 1}
    assert shared == {}


def test_ambiguous_words_name_both_states_the_larger_first(kb: KnowledgeBase) -> None:
    """The derived tables leave "Congo", "Congolese" and "Guinean" out (two states each); the
    hand-kept names give them both, the one the news means more often first."""
    names = {fold(e.phrase) for e in kb.entries if e.kind is EntryKind.COUNTRY}
    assert {"democratic republic of the congo", "republic of the congo"} <= names
    for phrase, states in (("Congo", ["COD", "COG"]), ("Congolese", ["COD", "COG"]),
                           ("Guinean", ["GIN", "GNB"]), ("Korea", ["KOR", "PRK"]),
                           ("Dominican", ["DOM", "DMA"])):  # fmt: skip
        assert [e.ref for e in kb.entries if e.phrase == phrase] == states


def test_common_words_are_matched_as_written(kb: KnowledgeBase) -> None:
    by_phrase = {(e.phrase, e.kind): e for e in kb.entries}
    assert by_phrase[("Turkey", EntryKind.COUNTRY)].case_sensitive
    assert by_phrase[("Chad", EntryKind.COUNTRY)].case_sensitive
    assert not by_phrase[("Cambodia", EntryKind.COUNTRY)].case_sensitive
    cities = {e.phrase for e in kb.entries if e.kind is EntryKind.CITY}
    assert not {"Nice", "Reading", "Split", "Mobile"} & cities


def test_entries_have_phrases_and_refs(kb: KnowledgeBase) -> None:
    assert len(kb.entries) > 20_000
    assert all(e.phrase.strip() and e.phrase == e.phrase.strip() for e in kb.entries)
    assert all(e.ref for e in kb.entries)
    people = {e.ref for e in kb.entries if e.kind is EntryKind.PERSON}
    assert people <= set(kb.people)
    orgs = {e.ref for e in kb.entries if e.kind in (EntryKind.IGO, EntryKind.COMPANY)}
    assert orgs <= set(kb.organisations)


def test_people_are_found_by_full_names_only(kb: KnowledgeBase) -> None:
    person_phrases = [e.phrase for e in kb.entries if e.kind is EntryKind.PERSON]
    assert all(len(p.split()) >= 2 for p in person_phrases)
    assert "Sen" not in person_phrases


# ---------------------------------------------------------------- people


def test_hun_sen_was_in_government_in_1990(kb: KnowledgeBase) -> None:
    hun_sen = kb.people["hun-sen-khm"]
    assert "Hun Sen" in _phrases(kb, "hun-sen-khm", EntryKind.PERSON)
    term = hun_sen.role_on(dt.date(1990, 6, 1))
    assert term is not None
    assert (term.country, term.sector) == ("KHM", "GOV")
    assert hun_sen.country == "KHM"


def test_hun_sen_was_elite_before_office(kb: KnowledgeBase) -> None:
    term = kb.people["hun-sen-khm"].role_on(dt.date(1980, 1, 1))
    assert term is not None
    assert term.sector == "ELI"


def test_fumio_kishida_is_known(kb: KnowledgeBase) -> None:
    kishida = kb.people["fumio-kishida-jpn"]
    assert kishida.name == "Fumio Kishida"
    assert "Fumio Kishida" in _phrases(kb, kishida.key, EntryKind.PERSON)
    term = kishida.role_on(dt.date(2008, 1, 1))
    assert term is not None
    assert (term.country, term.sector) == ("JPN", "GOV")


def test_an_un_secretary_general_serves_the_organisation(kb: KnowledgeBase) -> None:
    annan = kb.people["kofi-annan"]
    term = annan.role_on(dt.date(2000, 1, 1))
    assert term is not None
    assert (term.sector, term.igo, term.country) == ("IGO", "IGOUNO", None)


def test_derived_people_rows_are_well_formed() -> None:
    rows = _rows("people.tsv")
    roles = {"head of government", "head of state", "leader", "foreign minister",
             "defence minister", "minister", ""}  # fmt: skip
    for row in rows:
        key, name, _aliases, country, sector, role, start, end, _igo, source = row
        assert key and name and sector and source in {"phoenix", "countryinfo", "archigos", "reign"}
        assert role in roles
        assert len(country) in (0, 3)
        if start and end:
            assert dt.date.fromisoformat(start) <= dt.date.fromisoformat(end)


# ---------------------------------------------------------------- organisations and agents


def test_asean_and_the_united_nations_are_igos(kb: KnowledgeBase) -> None:
    igos = {e.phrase: e.ref for e in kb.entries if e.kind is EntryKind.IGO}
    assert {"ASEAN", "United Nations"} <= set(igos)
    assert kb.organisations[igos["ASEAN"]].sector == "IGO"
    assert kb.organisations[igos["United Nations"]].country is None


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [("prime minister", "GOV"), ("navy", "MIL"), ("company", "BUS"), ("activist", "CVL"),
     ("journalists", "JRN"), ("research fellow", "CVL"), ("spokesman", "GOV"),
     ("police", "COP"), ("rebels", "REB"), ("lawmakers", "LEG"),
     # "officer" alone is MIL; a firm's or a ministry's chief officers are not
     ("chief technology officer", "BUS"), ("chief medical officer", "MED"),
     # trades of pages beyond politics: sport, the arts, firms
     ("coach", "CVL"), ("photographer", "JRN"), ("manager", "BUS"), ("developers", "BUS"),
     ("ombudsman", "GOV"), ("airstrikes", "MIL")],
)  # fmt: skip
def test_agent_nouns_give_a_sector(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    # "research fellow" is CVL by the hand-kept manual/agents.tsv (a think tank's researcher
    # is civil society), overriding the derived EDU.
    assert kb.agents[phrase] == sector
    assert Entry(phrase, EntryKind.AGENT, sector, False, "agents") in kb.entries


def test_hand_kept_agents_override_and_remove(kb: KnowledgeBase) -> None:
    assert "kingdom" not in kb.agents  # a state form, resolved as "the Kingdom", not an agent
    assert kb.agents["forces"] == "MIL"
    assert not any(e.kind is EntryKind.AGENT and e.phrase == "kingdom" for e in kb.entries)


def test_hand_kept_place_names_replace_derived_ones(kb: KnowledgeBase) -> None:
    bosnia = [e for e in kb.entries if e.phrase == "Bosnia"]
    assert [(e.kind, e.ref) for e in bosnia] == [(EntryKind.COUNTRY, "BIH")]
    assert any(e.phrase == "U.S." and e.case_sensitive for e in kb.entries)


# ---------------------------------------------------------------- the loader's rules


def test_role_on_prefers_office_to_elite_and_the_more_specific_role() -> None:
    person = Person(
        "x-khm",
        "X Y",
        terms=(
            Term("KHM", "ELI", "", None, None, "phoenix"),
            Term("KHM", "GOV", "leader", dt.date(2000, 1, 1), None, "reign"),
            Term("KHM", "GOV", "head of government", dt.date(2000, 1, 1), None, "countryinfo"),
        ),
    )
    assert person.role_on(dt.date(1999, 1, 1)).sector == "ELI"  # type: ignore[union-attr]
    assert person.role_on(dt.date(2001, 1, 1)).role == "head of government"  # type: ignore[union-attr]
    assert person.role_on(None).role == "head of government"  # type: ignore[union-attr]
    assert Person("z", "Z").role_on(dt.date(2001, 1, 1)) is None


def test_missing_manual_tables_are_no_error(tiny: Path) -> None:
    kb = load_kb(tiny)
    assert set(kb.people) == {"hun-sen-khm"}
    assert kb.organisations["igo:united-nations"].aliases == ("UN",)
    assert {e.phrase for e in kb.entries} == {"Cambodia", "Hun Sen", "Samdech Hun Sen",
                                              "United Nations", "UN", "navy"}  # fmt: skip


def test_hand_kept_terms_win_where_they_overlap(tiny: Path) -> None:
    write_table(tiny, "manual/officeholders.tsv", "# checked up to 2025-06-30", OFFICEHOLDERS,
           "Hun Sen | Samdech Techo Hun Sen | KHM | GOV | head of government | 1985-01-14 | "
           "2023-08-22 | Wikipedia | ",
           "Hun Sen |  | KHM | GOV | senate president | 2024-04-03 |  | Wikipedia | ",
           "Ban Ki-moon |  |  | IGO | secretary-general | 2007-01-01 | 2017-01-01 | Wikipedia | "
           "igo:UN")  # fmt: skip
    kb = load_kb(tiny)
    hun_sen = kb.people["hun-sen-khm"]
    assert "Samdech Techo Hun Sen" in hun_sen.aliases
    # The derived term was left open by its source (CountryInfo, 2012): the hand-kept rows
    # cover the office, so it ends at that source's horizon, inside the hand-kept term.
    assert [t for t in hun_sen.terms if t.source == "countryinfo"] == []
    assert hun_sen.role_on(dt.date(2023, 10, 1)).sector == "ELI"  # type: ignore[union-attr]
    on_2020 = hun_sen.role_on(dt.date(2020, 1, 1))
    assert on_2020 is not None and on_2020.source == "manual" and on_2020.citation == "Wikipedia"
    assert hun_sen.role_on(dt.date(2025, 1, 1)).role == "senate president"  # type: ignore[union-attr]
    ban = kb.people["ban-ki-moon"]
    assert ban.terms[0].igo == "UN" and ban.country is None
    assert "Ban Ki-moon" in {e.phrase for e in kb.entries if e.ref == "ban-ki-moon"}


def test_hand_kept_organisations_replace_derived_ones(tiny: Path) -> None:
    header = "name | aliases | kind | country | sector | source"
    write_table(tiny, "manual/organisations.tsv", header,
           "United Nations Security Council | UNSC | igo |  | IGO | Wikipedia",
           "United Nations | UN|U.N. | igo |  | IGO | Wikipedia",
           "Royal Cambodian Armed Forces | RCAF | institution | KHM | MIL | Wikipedia",
           "Nonsense |  | planet |  |  | nowhere")  # fmt: skip
    kb = load_kb(tiny)
    un = kb.organisations["igo:united-nations"]
    assert (un.source, un.code, un.citation) == ("manual", "IGOUNO", "Wikipedia")
    assert "U.N." in un.aliases
    rcaf = next(o for o in kb.organisations.values() if o.name == "Royal Cambodian Armed Forces")
    assert (rcaf.kind, rcaf.country, rcaf.sector) == (EntryKind.INSTITUTION, "KHM", "MIL")
    assert Entry("RCAF", EntryKind.INSTITUTION, rcaf.key, True, "manual") in kb.entries
    council = next(o for o in kb.organisations.values() if o.aliases == ("UNSC",))
    assert council.key != un.key and council.code is None
    assert len(kb.organisations) == 3


def test_a_term_its_source_left_open_ends_when_the_office_changes_hands(tiny: Path) -> None:
    write_table(
        tiny,
        "people.tsv",
        PEOPLE,
        "a-khm | Old Premier |  | KHM | GOV | head of government | 1998-11-30 |  |  | countryinfo",
        "b-khm | New Premier |  | KHM | GOV | head of government | 2005-02-01 |  |  | reign",
        "c-khm | Long King |  | KHM | GOV | head of state | 2004-10-14 |  |  | countryinfo",
        "d-khm | A Minister |  | KHM | GOV | minister | 2009-01-01 |  |  | countryinfo",
    )
    kb = load_kb(tiny)
    old = kb.people["a-khm"].terms[0]
    assert (old.start, old.end) == (dt.date(1998, 11, 30), dt.date(2005, 2, 1))
    assert kb.people["a-khm"].role_on(dt.date(2026, 1, 1)) is None
    # No successor known and no hand-kept row for the office: still the best guess.
    assert kb.people["b-khm"].terms[0].end is None
    assert kb.people["c-khm"].role_on(dt.date(2026, 1, 1)) is not None
    assert kb.people["d-khm"].terms[0].end is None

    write_table(
        tiny,
        "manual/officeholders.tsv",
        OFFICEHOLDERS,
        "Hand Premier |  | KHM | GOV | head of government | 2013-09-24 |  | Wikipedia | ",
    )
    kb = load_kb(tiny)
    # REIGN's open term ends at the hand-kept successor; CountryInfo's lesser offices of a
    # country the hand-kept rows head end at CountryInfo's horizon (2012-01-16).
    assert kb.people["b-khm"].terms[0].end == dt.date(2013, 9, 24)
    assert kb.people["d-khm"].terms[0].end == dt.date(2012, 1, 16)
    assert kb.people["c-khm"].terms[0].end == dt.date(2012, 1, 16)


def test_a_surname_only_leader_joins_the_hand_kept_full_name(tiny: Path) -> None:
    """REIGN names leaders by surname ("Johnson"); the hand-kept row of the same office in the
    same years is that person, under the full name."""
    write_table(
        tiny,
        "people.tsv",
        PEOPLE,
        "johnson-khm | Johnson |  | KHM | GOV | leader | 2019-07-24 |  |  | reign",
        "johnson-khm-2 | Johnson |  | KHM | GOV | leader | 1990-01-01 | 1991-01-01 |  | reign",
    )
    write_table(
        tiny,
        "manual/officeholders.tsv",
        OFFICEHOLDERS,
        "Boris Johnson |  | KHM | GOV | head of government | 2019-07-24 | 2022-09-06 | W | ",
    )
    kb = load_kb(tiny)
    boris = kb.people["johnson-khm"]
    assert boris.name == "Boris Johnson" and "Johnson" in boris.aliases
    assert boris.role_on(dt.date(2020, 1, 1)).role == "head of government"  # type: ignore[union-attr]
    assert kb.people["johnson-khm-2"].name == "Johnson"  # no overlapping term: someone else
    assert not [p for p in kb.people.values() if p.key.startswith("boris-johnson")]


def test_a_former_prime_minister_is_not_in_office_years_later(kb: KnowledgeBase) -> None:
    """Yasuo Fukuda (prime minister 2007-2008) is an open CountryInfo term in the derived
    tables; Yoshihide Suga's REIGN term is open after his hand-kept one ends (2021-10-04)."""
    for name in ("Yasuo Fukuda", "Yoshihide Suga"):
        [person] = [p for p in kb.people.values() if p.name == name and p.country == "JPN"]
        term = person.role_on(dt.date(2026, 1, 1))
        assert term is None or term.sector == "ELI", (name, term)
    [fukuda] = [p for p in kb.people.values() if p.name == "Yasuo Fukuda"]
    assert fukuda.role_on(dt.date(2008, 3, 1)).role == "head of government"  # type: ignore[union-attr]


def test_a_month_dated_term_leaves_no_sliver_beside_a_hand_kept_one(kb: KnowledgeBase) -> None:
    """REIGN dates a rule to the end of its last month: Michel Temer's to 2019-01-31, Barack
    Obama's to 2017-01-31. Beside the hand-kept terms that end on 2019-01-01 and 2017-01-20, the
    days left over are the source's rounding: no office then."""
    [temer] = [p for p in kb.people.values() if p.name == "Michel Temer" and p.country == "BRA"]
    on = temer.role_on(dt.date(2019, 1, 15))
    assert on is None or on.sector == "ELI", on
    [obama] = [p for p in kb.people.values() if p.name == "Barack Obama"]
    assert max(t.end for t in obama.terms if t.sector == "GOV" and t.end) == dt.date(2017, 1, 20)


def test_hand_kept_heads_do_not_close_a_rebel_or_opposition_term(kb: KnowledgeBase) -> None:
    """Syria's hand-kept rows say who held its government offices, not who led its rebels or
    opposition: those derived terms stay open."""
    day = dt.date(2018, 6, 1)
    for name, sector in (("Abu Mohammad al Jawlani", "REB"), ("Moaz al Khatib", "OPP")):
        [person] = [p for p in kb.people.values() if p.name == name and p.country == "SYR"]
        assert person.role_on(day).sector == sector  # type: ignore[union-attr]
    [otari] = [p for p in kb.people.values() if p.name == "Muhammad Naji al-Otari"]
    term = otari.role_on(day)  # Syria's prime minister to 2011: closed, an elite since
    assert term is None or term.sector == "ELI", term


def test_a_hand_kept_body_replaces_its_derived_double_filed_under_no_state(tiny: Path) -> None:
    derived = "key | name | aliases | country | sector | code | source"
    hand_kept = "name | aliases | kind | country | sector | source"
    write_table(tiny, "armed_groups.tsv", derived,
                "armed:abu-sayyaf | Abu Sayyaf | Joseph Kony |  | REB | IMG | phoenix")  # fmt: skip
    write_table(tiny, "manual/organisations.tsv", hand_kept,
                "Abu Sayyaf | ASG | armed_group | KHM | REB | Wikipedia")  # fmt: skip
    kb = load_kb(tiny)
    [abu] = [o for o in kb.organisations.values() if o.name == "Abu Sayyaf"]
    assert (abu.country, abu.source, abu.key != "armed:abu-sayyaf") == ("KHM", "manual", True)
    assert "Joseph Kony" in abu.aliases
    assert [e.ref for e in kb.entries if e.phrase == "Abu Sayyaf"] == [abu.key]


@pytest.mark.parametrize(
    ("phrase", "case"),
    [("US", True), ("U.N.", True), ("ASEAN", True), ("UNICEF", False), ("Chad", True),
     ("Cambodia", False), ("Hun Sen", False), ("Of", True), ("LeT", True), ("Isis", False)],
)  # fmt: skip
def test_which_phrases_are_matched_as_written(phrase: str, case: bool) -> None:
    assert needs_case(phrase) is case


def test_chechnyas_head_and_the_sdcs_chair_are_known(kb: KnowledgeBase) -> None:
    [kadyrov] = [p for p in kb.people.values() if p.name == "Ramzan Kadyrov"]
    assert kadyrov.role_on(dt.date(2019, 2, 20)).sector == "GOV"  # type: ignore[union-attr]
    [ahmed] = [p for p in kb.people.values() if p.name == "Ilham Ahmed"]
    assert (ahmed.country, ahmed.role_on(dt.date(2019, 2, 20)).sector) == ("SYR", "REB")  # type: ignore[union-attr]
