"""Agent nouns of organisations and groups map to their sector, with the country written
before them: the coverage of agents.tsv and manual/agents.tsv, read in sentences written for
the test."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2012, 5, 1)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("A Kenyan bank lent the money.", "Kenyan bank", "KENBUS"),
        ("Two old ladies in Germany gave her clothes.", "old ladies", "DEUCVL"),
        ("Trump supporters in the United States rallied.", "Trump supporters", "USACVL"),
        ("American prison guards were charged.", "American prison guards", "USACOP"),
        ("Iraqi sleeper cells attacked the checkpoint.", "Iraqi sleeper cells", "IRQREB"),
        ("The Dutch royal family visited Paris.", "Dutch royal family", "NLDGOV"),
        ("US presidential candidates debated in Ohio.", "US presidential candidates", "USAPTY"),
        ("Gov. Andrew Cuomo ordered schools closed in New York.", "Gov. Andrew Cuomo", "USAGOV"),
        ("The Kenyan central bank raised rates.", "Kenyan central bank", "KENGOV"),
        ("A Kenyan charity sent food.", "Kenyan charity", "KENNGO"),
        ("Kenyan aid agencies sent food.", "Kenyan aid agencies", "KENNGO"),
        ("A Kenyan think tank published a report.", "Kenyan think tank", "KENCVL"),
        ("Kenyan tribal leaders met the envoy.", "Kenyan tribal leaders", "KENCVL"),
        ("Kenyan church leaders met the envoy.", "Kenyan church leaders", "KENREL"),
        ("Kenyan union leaders called a strike.", "Kenyan union leaders", "KENLAB"),
        ("Kenyan hostages were freed on Monday.", "Kenyan hostages", "KENCVL"),
        # a humanitarian worker is an aid worker, not a labourer
        ("A Kenyan humanitarian worker was freed.", "Kenyan humanitarian worker", "KENCVL"),
        # an air raid is the armed forces' (the PLOVER gold once codes such a target as the
        # state alone: "Israeli air raids", ISR)
        ("Kenyan air raids hit the camp.", "Kenyan air raids", "KENMIL"),
        # members of a royal family, by the noun ("royal" alone names a hospital or a whisky)
        ("Dutch royals were accused of fraud.", "Dutch royals", "NLDGOV"),
        ("A Kenyan air blitz hit the camp.", "Kenyan air blitz", "KENMIL"),
        ("The Kenyan state broadcaster reported it.", "Kenyan state broadcaster", "KENGOV"),
        ("A Kenyan broadcaster reported it.", "Kenyan broadcaster", "KENJRN"),
        # PLOVER's CVLOPPJRN: an opposition paper or journalist is the press.
        ("A Kenyan opposition newspaper was closed.", "Kenyan opposition newspaper", "KENJRN"),
        ("Kenyan opposition journalists were held.", "Kenyan opposition journalists", "KENJRN"),
        # ... while protesting students stay civil society, as PLOVER puts them first.
        ("Kenyan student protesters marched.", "Kenyan student protesters", "KENCVL"),
        ("Kenyan riot police dispersed the crowd.", "Kenyan riot police", "KENCOP"),
        ("Kenyan lawmakers approved the bill.", "Kenyan lawmakers", "KENLEG"),
        ("Kenyan wireless providers raised prices.", "Kenyan wireless providers", "KENBUS"),
        ("Kenyan health care providers were paid.", "Kenyan health care providers", "KENMED"),
        ("A Kenyan music label signed her.", "Kenyan music label", "KENBUS"),
        ("Kenyan hedge funds sold the bonds.", "Kenyan hedge funds", "KENBUS"),
        ("Kenyan protestors marched.", "Kenyan protestors", "KENCVL"),  # the other spelling
        ("Kenyan longshoremen walked out.", "Kenyan longshoremen", "KENLAB"),
        ("Kenya's leadership rejected the plan.", "Kenya's leadership", "KENGOV"),
        ("A Kenyan pulmonologist saw him.", "Kenyan pulmonologist", "KENMED"),
        ("Kenyan epidemiologists warned of it.", "Kenyan epidemiologists", "KENMED"),
        (
            "Kenyan human rights organizations objected.",
            "Kenyan human rights organizations",
            "KENNGO",
        ),
        # an advocate campaigns for a cause; the title "Senior Advocate" is a lawyer's
        ("Kenyan child welfare advocates objected.", "Kenyan child welfare advocates", "KENCVL"),
        ("A Kenyan Senior Advocate filed the suit.", "Kenyan Senior Advocate", "KENJUD"),
    ],
)
def test_agent_noun_with_country(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mentions = {m.text: m for m in resolver.resolve(text, day=DAY)}
    assert mentions[phrase].actor.code == code


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # a hand-kept agent noun written with capitals is found only so written: Japan's
        # parliament is the Diet, what people eat a diet; a PC before a name is a constable
        ("Japan's Diet passed the bill.", "Japan's Diet", "JPNLEG"),
        ("Japanese doctors urged a healthy diet.", "healthy diet", None),
        ("Kenyan gamers sat at a console or PC.", "PC", None),
        # a leadership is a state's only right after its name or people
        ("A Kenyan took an online leadership role.", "online leadership", None),
        # force as it is used, and a kind of mind, are no body of people
        ("Kenyan police used lethal force.", "lethal force", None),
        ("Kenyan firms use artificial intelligence.", "artificial intelligence", None),
        ("The Kenyan air force struck.", "Kenyan air force", "KENMIL"),
        # a faction bearing arms is no state's army
        ("Kenyan military factions clashed.", "Kenyan military factions", "KENREB"),
        # another firm or person to a deal is no political party
        ("Kenyan banks sold the data to shady third party brokers.", "shady third party", None),
        ("Most third-party distributors ship it in Kenya.", "Most third-party", None),
        ("Kenya's opposition party won.", "Kenya's opposition party", "KENPTY"),
        # opposition as someone's stance, not the opposition
        ("Kenya's principled opposition to the death penalty holds.", "opposition", None),
        ("Kenya acted in opposition to the plan.", "opposition", None),
        ("The Kenyan opposition to the president marched.", "Kenyan opposition", "KENOPP"),
    ],
)
def test_an_agent_noun_is_found_only_where_it_names_someone(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mentions = {m.text: m for m in resolver.resolve(text, day=DAY)}
    assert (mentions[phrase].actor.code if phrase in mentions else None) == code


def test_a_union_of_states_is_no_labour_union(resolver):  # type: ignore[no-untyped-def]
    mentions = resolver.resolve("The Soviet Union signed a customs union accord.", day=DAY)
    assert all(m.actor.sector != "LAB" for m in mentions)


def test_an_attorney_general_holds_a_government_office(resolver):  # type: ignore[no-untyped-def]
    # PLOVER_agents: ATTORNEY_GENERAL and STATE_ATTORNEY_GENERAL [~GOV]
    mentions = {
        m.text: m
        for m in resolver.resolve(
            "The New York State Attorney General sued the firm in New York.",
            day=dt.date(2019, 11, 18),
        )
    }
    assert mentions["New York State Attorney General"].actor.code == "USAGOV"
