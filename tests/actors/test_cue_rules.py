"""General cue rules of the actor resolver, each on sentences written for the test: which words
decide a mention's country and sector."""

from __future__ import annotations

import datetime as dt

import pytest

from tieline.models import Mention

DAY = dt.date(2012, 5, 1)


def resolve(resolver, text: str, day: dt.date | None = DAY) -> dict[str, Mention]:  # type: ignore[no-untyped-def]
    return {m.text: m for m in resolver.resolve(text, day=day)}


def test_transnational_armed_group_keeps_no_state(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Officials in Yemen said al-Qaeda had claimed the attack.")
    [mention] = [m for m in mentions.values() if m.actor.organisation == "armed:al-qaeda"]
    assert mention.actor.country is None
    assert mention.actor.sector == "REB"


def test_group_filed_under_a_region_takes_the_sentences_state(resolver):  # type: ignore[no-untyped-def]
    # Phoenix files the Islamic Salvation Front under a regional code, not as stateless.
    mentions = resolve(resolver, "Algeria said the Islamic Salvation Front would disarm.")
    assert mentions["Islamic Salvation Front"].actor.code == "DZAREB"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A qualifying agent word before a general one decides the sector.
        ("Ten Kenyan civilian advisers left Nairobi.", "Kenyan civilian advisers", "KENCVL"),
        ("Kenyan government advisers drafted the law.", "Kenyan government advisers", "KENGOV"),
        ("A presidential adviser in Peru resigned.", "presidential adviser", "PERGOV"),
        # Armed men qualified by a rebellion or a faith are a non-state armed group.
        ("Rebel fighters in Chad seized a town.", "Rebel fighters", "TCDREB"),
        ("Kenyan Muslim militiamen burned a market.", "Kenyan Muslim militiamen", "KENREB"),
        ("Christian forces in Lebanon shelled the port.", "Christian forces", "LBNREB"),
        # ... but not a state's own forces or soldiers.
        ("Kenyan government forces shelled the port.", "Kenyan government forces", "KENMIL"),
        ("Kenyan border guards shelled the port.", "Kenyan border guards", "KENMIL"),
    ],
)
def test_qualified_agent_nouns(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text)
    assert mentions[phrase].actor.code == code


def test_armed_group_reading_is_explained(resolver):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, "Rebel fighters in Chad seized a town.")["Rebel fighters"]
    assert "non-state armed group" in mention.evidence


def test_undated_bare_surname_of_the_one_leader_who_bore_it(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Putin met the envoy in Moscow.", day=None)
    assert mentions["Putin"].actor.code == "RUSGOV"
    assert mentions["Putin"].actor.person == "vladimir-putin-rus"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Bush met the envoy in Moscow.", "Bush"),  # two presidents: which one is not known
        ("In May the envoy went to Moscow.", "May"),  # a month, not Theresa May
    ],
)
def test_undated_surname_stays_unknown_when_ambiguous(resolver, text, word):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, day=None)
    assert all(m.actor.person is None or word not in m.text for m in mentions.values())


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Kenya said its army would withdraw.", "army", "KENMIL"),
        ("President Mwai Kibaki said his government would act.", "government", "KENGOV"),
        ("The Bosnian Serbs said their forces had pulled back.", "forces", "BIHMIL"),
        # A general word keeps the owner's sector: the rebels' leaders lead rebels.
        ("Rebels in Chad said their leaders would talk.", "leaders", "TCDREB"),
    ],
)
def test_agent_owned_by_an_earlier_actor(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text)[phrase]
    assert mention.actor.code == code
    assert mention.cue == "agent+owner"
    assert mention.antecedent is not None


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "The Zambian leader and his United Independence Party lost.",
            "United Independence Party",
            "ZMBPTY",
        ),
        (
            "President Kagame and his Rwandan Patriotic Front must agree.",
            "Rwandan Patriotic Front",
            "RWAREB",
        ),
        (
            "The Ugandan Ministry of Health and Makerere University met.",
            "Ugandan Ministry of Health",
            "UGAGOV",
        ),
        (
            "The Ugandan Ministry of Health and Makerere University met.",
            "Makerere University",
            "UGAEDU",
        ),
    ],
)
def test_names_of_parties_fronts_and_universities(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


def test_and_inside_one_institutions_name(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "The Laotian Ministry of Energy and Mines signed the deal.")
    assert mentions["Laotian Ministry of Energy and Mines"].actor.code == "LAOGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "A Kenyan non-governmental organisation was closed.",
            "Kenyan non-governmental organisation",
            "KENNGO",
        ),
        ("The Kenyan defense department denied it.", "Kenyan defense department", "KENMIL"),
        # A body's own name, or a common noun of its own state, stays that body.
        ("The Japanese defense ministry denied it.", "Japanese defense ministry", "JPNGOV"),
        ("Israeli military policies angered many.", "Israeli military", "ISRMIL"),
    ],
)
def test_common_noun_of_a_body_takes_the_state_written_before_it(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chile opened an embassy in Hanoi on Monday.", "VNMGOV"),
        ("Chile closed its embassy in Hanoi on Monday.", "VNMGOV"),
        ("Protesters gathered outside the embassy in Hanoi.", "VNMCVL"),  # a place
    ],
)
def test_capital_a_mission_is_opened_in_is_its_government(resolver, text, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)["Hanoi"].actor.code == code
