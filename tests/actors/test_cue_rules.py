"""General cue rules of the actor resolver, each on sentences written for the test (and one
read page of set A): which words decide a mention's country and sector."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

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


def test_a_date_is_no_group_named_by_a_date(resolver):  # type: ignore[no-untyped-def]
    text = (
        "He flew to Athens on May 15 and on 17 November, and shopped on Black Friday. "
        "The Revolutionary Organization 17 November struck."
    )
    groups = [m.text for m in resolver.resolve(text, day=DAY) if m.actor.sector == "REB"]
    assert groups == ["Revolutionary Organization 17 November"]


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
        ("Kurdish-Arab forces in Syria shelled the port.", "Kurdish-Arab forces", "SYRREB"),
        # ... past a people's name between the faith and the armed men
        ("Shia Iraqi forces shelled the port.", "Shia Iraqi forces", "IRQREB"),
        ("Raqqa in Syria fell to Sunni Arab forces.", "Sunni Arab forces", "SYRREB"),
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


def test_societies_leagues_and_foundations_are_one_body(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In London, the Henry Jackson Society said the Premier League and the Royal "
        "Astronomical Society met. The Kenya Landlords Foundation objected."
    )
    mentions = resolve(resolver, text, dt.date(2019, 1, 1))
    # their words are no premier's, person's or place's
    assert set(mentions) == {"London", "Kenya Landlords Foundation"}
    assert mentions["Kenya Landlords Foundation"].actor.country == "KEN"


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


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A union or association of people of a trade has their sector.
        ("The Ghanaian Union of Teachers called a strike.", "Ghanaian Union of Teachers", "GHAEDU"),
        ("The Kenyan Journalists' Union protested.", "Kenyan Journalists' Union", "KENJRN"),
        # A state's commission or agency is its government.
        (
            "The Kenya Anti-Corruption Commission charged him.",
            "Kenya Anti-Corruption Commission",
            "KENGOV",
        ),
        # A named body of no known kind still has the state written before it.
        ("The Liberian Peace Council denied it.", "Liberian Peace Council", "LBR"),
    ],
)
def test_named_bodies(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # An agent word before a noun for a body of people says what the body is.
        (
            "Britain banned the largest extremist organization.",
            "largest extremist organization",
            "GBRREB",
        ),
        ("Kenya's opposition group called a boycott.", "Kenya's opposition group", "KENOPP"),
        # Aircraft and gunships stand for the air force that flies them.
        ("Russian aircraft bombed the village.", "Russian aircraft", "RUSMIL"),
        # A security chief is police.
        ("Cairo's security chief banned the rally.", "Cairo's security chief", "EGYCOP"),
    ],
)
def test_agent_words(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A capital after "in" and words for a part of it is a place: its people.
        ("Fighting raged in central Hanoi.", "VNMCVL"),
        ("Crowds blocked roads in the capital city of Hanoi.", "VNMCVL"),
        ("Talks with Hanoi failed.", "VNMGOV"),
    ],
)
def test_capital_after_in_and_a_part_of_it_is_a_place(resolver, text, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)["Hanoi"].actor.code == code


def test_ousted_opening_a_sentence_puts_the_person_out_of_office(resolver):  # type: ignore[no-untyped-def]
    day = dt.date(2004, 5, 1)  # Akayev was in office until 2005
    ousted = resolve(resolver, "Ousted President Askar Akayev flew to Moscow.", day)
    assert ousted["President Askar Akayev"].actor.code == "KGZELI"
    # As the verb of the event, he was still president when it happened.
    event = resolve(resolver, "The army ousted President Askar Akayev on Monday.", day)
    assert event["President Askar Akayev"].actor.code == "KGZGOV"


def test_state_written_after_a_name_with_of(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "King Hassan of Morocco was quoted as saying he would host talks.")
    assert mentions["King Hassan"].actor.code == "MARGOV"
    assert mentions["he"].actor.code == "MARGOV"
    # "of" and more than a state: what he was told, not where he is from.
    text = "Trump caved in, informed Erdoğan of the US withdrawal, and gave him a green light."
    assert resolve(resolver, text, dt.date(2018, 12, 20))["Erdoğan"].actor.code == "TURGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Albanians of southern Serbia demanded autonomy.", "Albanians", "SRBCVL"),
        ("The Kurds of northern Iraq held a vote.", "Kurds", "IRQCVL"),
        # People of a state found in another are not its people: soldiers, fighters, visitors.
        ("A bomb killed four Americans in Syria.", "Americans", "USACVL"),
    ],
)
def test_a_people_living_in_another_state(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # The name after an office's title, not the title, is the person.
        ("Special Rapporteur Agnes Callamard criticised Saudi Arabia.", "Agnes Callamard", "SAU"),
        # The holder of a state's office acts for that state.
        (
            "US Trade Representative Robert Lighthizer met Chinese officials.",
            "US Trade Representative Robert Lighthizer",
            "USAGOV",
        ),
    ],
)
def test_offices_before_names(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Palestinians living in the West Bank protested.", "Palestinians", "PSECVL"),
        # The state that holds a place is not the people's: "Israeli-" before it.
        (
            "Palestinians of the Israeli-occupied West Bank went on strike.",
            "Palestinians",
            "PSECVL",
        ),
    ],
)
def test_a_people_living_in_its_own_place(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


def test_an_agent_after_a_persons_possessive_is_theirs(resolver):  # type: ignore[no-untyped-def]
    day = dt.date(2018, 1, 1)
    mentions = resolve(resolver, "Erdoğan's spokesman denied the report.", day)
    assert mentions["spokesman"].actor.code == "TURGOV"
    assert mentions["spokesman"].cue == "agent+owner"
    mentions = resolve(resolver, "Donald Trump's lawyers met the prosecutor.", day)
    assert mentions["lawyers"].actor.code == "USAJUD"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A state after "anti-" or "pro-" is one the actor is against or for.
        ("An anti-Syria journalist was killed in Beirut.", "anti-Syria journalist", "LBNJRN"),
        ("Pro-Iranian militias attacked the base in Iraq.", "Pro-Iranian militias", "IRQREB"),
        # Hostage-takers are criminals, not hostages.
        ("The hostage-takers freed two hostages in Kenya.", "hostage-takers", "KENCRM"),
        (
            "The Palestinian administrators of the mosque resigned.",
            "Palestinian administrators",
            "PSEGOV",
        ),
    ],
)
def test_stances_and_agent_words(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


def test_a_word_of_a_name_the_derived_tables_file_as_a_place_is_not_a_cue(resolver):  # type: ignore[no-untyped-def]
    # Phoenix lists "Fatah" among Palestinian towns; names.tsv removes it.
    text = "Turkey distanced itself from Abdel Fatah al-Sisi’s military-backed regime."
    mentions = resolve(resolver, text, dt.date(2018, 10, 13))
    assert mentions["Sisi"].actor.code == "EGYGOV"
    assert mentions["military-backed regime"].actor.code == "EGYGOV"


def test_what_a_person_does_is_not_their_people(resolver):  # type: ignore[no-untyped-def]
    text = "James Mattis resigned. Most striking was Mattis’s quiet opposition to the president."
    mentions = resolve(resolver, text, dt.date(2018, 12, 21))
    assert mentions["Mattis"].actor.code == "USAGOV"
    assert all(m.cue != "agent+owner" for m in mentions.values())


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A region is its state's, of no sector; a city stands for its civilians.
        ("Aid reached the Darfur region.", "Darfur", "SDN"),
        ("Shells fell on Chechnya.", "Chechnya", "RUS"),
        ("Shells fell on Fallujah.", "Fallujah", "IRQCVL"),
    ],
)
def test_regions_and_cities_as_places(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


# -- parties, British titles and appositions (sentences written for these tests) ---------------

UK_DAY = dt.date(2018, 4, 14)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A party's leader or spokesman acts for the party; its MPs and ministers keep their
        # office's sector.
        (
            "Labour leader Jeremy Corbyn condemned the strikes.",
            "Labour leader Jeremy Corbyn",
            "GBRPTY",
        ),
        ("Labour MP Emily Thornberry spoke in Syria.", "Labour MP Emily Thornberry", "GBRLEG"),
        ("Tory MPs urged restraint on Syria.", "Tory MPs", "GBRLEG"),
        ("AKP spokesman Omer Celik criticised the plan.", "AKP spokesman Omer Celik", "TURPTY"),
        ("Senate Republicans blocked the bill.", "Senate Republicans", "USAPTY"),
        # A party named with its state, or a longer name holding the party's word, is not it.
        ("Norway's Labour Party won the vote.", "Norway's Labour Party", "NORPTY"),
        ("Syria's Republican Guard shelled Douma.", "Syria's Republican Guard", "SYRMIL"),
        (
            "Liberal Democrat leader Vince Cable met Iraqi officials.",
            "Liberal Democrat leader Vince Cable",
            "GBRPTY",
        ),
        # "shadow" before any title: the opposition's spokesperson.
        (
            "Shadow International Development Secretary Kate Osamor told British MPs.",
            "International Development Secretary Kate Osamor",
            "GBROPP",
        ),
        ("Britain's home secretary revoked the passport.", "Britain's home secretary", "GBRGOV"),
        (
            "The British backbencher Edward Leigh objected.",
            "British backbencher Edward Leigh",
            "GBRLEG",
        ),
    ],
)
def test_parties_and_british_titles(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[phrase].actor.code == code


def test_a_party_word_in_lower_case_is_no_party(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Cheap labour and law and justice reforms drew Republicans.")
    assert [m.actor.sector for m in mentions.values()] == ["PTY"]  # "Republicans" only


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A body named in an apposition that describes the person gives its state and sector.
        (
            "Brandon Lewis, the Conservative party chairman, defended the decision on Syria.",
            "Brandon Lewis",
            "GBRPTY",
        ),
        ("Ian Blackford, leader of the SNP, urged a vote on Syria.", "Ian Blackford", "GBRPTY"),
        # A former office holder is of the elite.
        ("Nick Clegg, the former Liberal Democrat leader, accused Turkey.", "Nick Clegg", "GBRELI"),
        ("Ann Jones, a former Syrian diplomat, said Turkey was wrong.", "Ann Jones", "SYRELI"),
        # ... but "former" before a trade keeps it.
        ("Karim Nassouh, a former Syrian teacher, fled to Turkey.", "Karim Nassouh", "SYREDU"),
    ],
)
def test_apposition_names_a_body_or_a_former_office(resolver, text, name, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[name].actor.code == code


def test_bodies_listed_after_a_comma_are_their_own_actors(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(
        resolver,
        "Israel, Erdoğan, al-Qaida and the Kurds fought. The Syrian Kurdish PYD and its "
        "military wings, the YPG and YPJ, objected.",
        UK_DAY,
    )
    assert mentions["al-Qaida"].actor.sector == "REB"
    assert mentions["YPG"].actor.code == "SYRREB"
    assert mentions["Syrian Kurdish PYD"].actor.code == "SYRPTY"


def test_an_honorific_alone_names_no_one(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(
        resolver, "The former intelligence chief Sir John Sawers criticised Russia.", UK_DAY
    )
    assert not any(text.endswith("Sir") for text in mentions)
    assert mentions["John Sawers"].actor.code == "GBRELI"


def test_a_hyphenated_lower_case_word_ends_a_name(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Kurdish-led forces advanced on Raqqa in Syria.", UK_DAY)
    assert all(m.actor.person is None for m in mentions.values())


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A name with a firm's legal or trade suffix is a firm: of the article's state when
        # no other is written (a guess, as for an unknown person).
        ("Zentrix Holdings cut jobs across the US.", "Zentrix Holdings", "USABUS"),
        ("Brellan Robotics won a US contract.", "Brellan Robotics", "USABUS"),
        (
            "Japan's Kiyora Technologies sued the Italian firm.",
            "Japan's Kiyora Technologies",
            "JPNBUS",
        ),
        # ... not a word joined to the suffix by a hyphen, nor a KB body.
        ("Wagner Group fighters attacked in Libya.", "Wagner Group fighters", "RUSREB"),
    ],
)
def test_firms_named_by_their_suffix(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[phrase].actor.code == code


def test_a_hyphenated_title_after_a_name_is_no_firm(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "In Syria, Rosa Gilbert Co-secretary of the campaign spoke.")
    assert all(m.actor.sector != "BUS" for m in mentions.values())


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A name right after "<state's envoy> to <host>" is the envoy, of the sending state.
        ("China's ambassador to Britain Liu Xiaoming warned London.", "Liu Xiaoming", "CHNGOV"),
        (
            "Russia's ambassador to Britain, Alexander Yakovenko, denied it.",
            "Alexander Yakovenko",
            "RUSGOV",
        ),
        (
            "The Russian ambassador to the UK Alexander Yakovenko spoke.",
            "Alexander Yakovenko",
            "RUSGOV",
        ),
        ("Britain's ambassador to Washington, Kim Darroch, resigned.", "Kim Darroch", "GBRGOV"),
        # ... but not a name after a state in another phrase (a person of no known office).
        ("Trade with Britain, Alexander Yakovenko said, grew.", "Alexander Yakovenko", "GBRCVL"),
    ],
)
def test_an_envoy_named_after_the_state_they_serve_in(resolver, text, name, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[name].actor.code == code


@pytest.mark.parametrize("host", ["Ukraine", "Kyiv"])
def test_an_envoy_described_after_the_name_is_not_of_the_host(resolver, host):  # type: ignore[no-untyped-def]
    text = (
        "The US president called his Ukrainian counterpart. Kurt Volker, the special envoy to "
        f"{host}, testified on Tuesday in Washington."
    )
    mention = resolve(resolver, text, dt.date(2019, 5, 1))["Kurt Volker"]
    assert mention.actor.code == "USAGOV"
    assert "posted to UKR" in mention.evidence


def test_the_title_before_to_is_an_agent(resolver):  # type: ignore[no-untyped-def]
    # The dictionaries' pattern "ambassador to" had swallowed "to", so the title was lost.
    mentions = resolve(resolver, "Russia's ambassador to Britain denied it.", UK_DAY)
    assert mentions["Russia's ambassador"].actor.code == "RUSGOV"


def test_a_sentence_naming_no_state_places_institutions_in_the_articles_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Kenya's president signed the law in Nairobi on Monday. Kenyan officials said the "
        "vote was close; Uganda's envoy agreed in Kampala with Ugandan traders. The jury "
        "acquitted the men. Lawmakers objected, and civilians fled."
    )
    mentions = resolve(resolver, text)
    assert mentions["jury"].actor.code == "KENJUD"
    assert mentions["Lawmakers"].actor.code == "KENLEG"
    assert "the article is mainly about KEN" in mentions["jury"].evidence
    # Civilians, soldiers and armed groups may be anyone's: in an article that names another
    # state as often, they are left without one.
    assert mentions["civilians"].actor.country is None


def test_an_article_about_one_state_places_everyone_in_it(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Kenya's president signed the law in Nairobi on Monday. Kenyan officials said the "
        "vote was close. Security forces fired on demonstrators, and civilians fled."
    )
    mentions = resolve(resolver, text)
    assert mentions["Security forces"].actor.code == "KENMIL"
    assert mentions["demonstrators"].actor.code == "KENCVL"
    assert "the article is about KEN" in mentions["civilians"].evidence


def test_an_article_naming_one_state_more_than_all_others_places_everyone_in_it(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Isis fighters entered Sinjar in Iraq in August. Iraqi soldiers had left the town; "
        "some families fled to Syria and Turkey. My husband drove us to the mountain. The children "
        "cried, and the fighters shot people in the street."
    )
    mentions = resolve(resolver, text)
    # Iraq and its town named three times, Syria and Turkey once each: the story is Iraq's
    assert mentions["husband"].actor.code == "IRQCVL"
    assert mentions["children"].actor.code == "IRQCVL"
    assert "the article is about IRQ" in mentions["children"].evidence


def test_the_two_leaders_are_the_last_two_officials_states(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Vladimir Putin met his Turkish counterpart, Recep Tayyip Erdoğan, in Sochi. Syrian "
        "and Russian jets will stay out of the zone, the two leaders agreed."
    )
    mention = resolve(resolver, text, dt.date(2018, 9, 17))["two leaders"]
    assert mention.actor.members == ("RUS", "TUR")  # not Syria, named last
    assert mention.actor.sector == "GOV"


def test_a_pair_of_officials_is_not_placed_in_one_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Kenya's president signed the law in Nairobi on Monday. The anniversary year will end "
        "with a new pact, which the two prime ministers agreed in November."
    )
    assert resolve(resolver, text)["prime ministers"].actor.country is None


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A name set off by commas after an office is its holder.
        (
            "Britain joined the strikes. The home secretary, Daniel Ashworth, said it.",
            "Daniel Ashworth",
            "GBRGOV",
        ),
        ("The Russian spokesman, Dmitri Orlov, denied it.", "Dmitri Orlov", "RUSGOV"),
        # ... but a general word with no state says little ("the group's leader").
        ("Syria was bombed. The group's leader, Karim Nassouh, fled.", "Karim Nassouh", "SYR"),
        # ... and kin are no office: a private person, a civilian
        (
            "In Guyana, Ramdehol’s sister, Inderdai Deyal said that he had left his home.",
            "Inderdai Deyal",
            "GUYCVL",
        ),
    ],
)
def test_a_name_set_off_after_its_office(resolver, text, name, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[name].actor.code == code


def test_a_list_of_people_is_no_apposition(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(
        resolver,
        "In Nigeria, Senator Bukola Saraki, Senator Dino Melaye and the police chief met.",
        UK_DAY,
    )
    assert mentions["Senator Dino Melaye"].actor.code == "NGALEG"


def test_a_surname_is_read_as_the_person_named_earlier(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Kenyan police officer Otieno Kamau arrested two men in Nairobi. On Friday Britain "
        "asked about the case, and Kamau said he had acted alone."
    )
    later = [m for m in resolver.resolve(text, day=UK_DAY) if m.text == "Kamau"]
    # Britain, the only state of the second sentence, is not his: the first sentence said.
    assert [m.actor.code for m in later] == ["KENCOP"]
    assert "named earlier" in later[0].evidence


def test_an_article_naming_only_towns_of_one_state_is_about_it(resolver):  # type: ignore[no-untyped-def]
    text = "Police in Fort Worth arrested Webb Tanner on Monday. A judge in Dallas freed Tanner."
    mentions = resolve(resolver, text, UK_DAY)
    assert mentions["Webb Tanner"].actor.country == "USA"
    assert "mainly about USA" in mentions["Webb Tanner"].evidence


def test_where_a_person_went_is_not_their_state(resolver):  # type: ignore[no-untyped-def]
    text = "Britain said Shamima Begum had left. Begum’s departure to Syria was seen as a triumph."
    assert resolve(resolver, text, UK_DAY)["Begum"].actor.country == "GBR"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # More trade words end a firm's name.
        ("In Ohio, Grey Lantern Records sued the singer.", "Grey Lantern Records", "USABUS"),
        (
            "In Ohio, Hollis Varga Productions sued the singer.",
            "Hollis Varga Productions",
            "USABUS",
        ),
        ("In Ohio, Tarvel Space Systems won a contract.", "Tarvel Space Systems", "USABUS"),
        # Names the tables lack, read as people, are firms in a list with a firm ...
        ("NASA picked SpaceX, Gray Meridian and Draper in Texas.", "Gray Meridian", "USABUS"),
        # ... or after "companies".
        (
            "In Texas, the companies Astrobotic, Quill Beyond and Draper won.",
            "Quill Beyond",
            "USABUS",
        ),
    ],
)
def test_firms_named_by_trade_words_and_lists(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, UK_DAY)
    assert mentions[phrase].actor.code == code
    assert mentions[phrase].actor.person is None


def test_a_list_of_people_stays_people(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "In Texas, Paul Jones, Mary Brown and Ann Lee met.", UK_DAY)
    assert mentions["Mary Brown"].actor.person == "Mary Brown"
    assert mentions["Mary Brown"].actor.sector == "CVL"  # a person of no known office


def test_the_company_is_the_firm_named_last(resolver):  # type: ignore[no-untyped-def]
    text = "Zentrix Holdings cut 2,400 jobs in Texas. The company said it would move."
    mention = resolve(resolver, text, UK_DAY)["company"]
    assert mention.actor.name == "Zentrix Holdings"
    assert mention.actor.code == "USABUS"
    assert mention.cue == "description"


def test_a_sentence_naming_only_a_firm_by_its_suffix_is_read(resolver):  # type: ignore[no-untyped-def]
    text = "Lawmakers in Texas met. Zentrix Holdings Inc. said nothing."
    assert resolve(resolver, text, UK_DAY)["Zentrix Holdings Inc."].actor.sector == "BUS"


def test_a_name_read_once_as_a_firm_is_a_firm_throughout(resolver):  # type: ignore[no-untyped-def]
    text = "Gray Meridian will bid for the lander in Texas. Gray Meridian Inc. was founded in 2000."
    first = [m for m in resolver.resolve(text, day=UK_DAY) if m.text == "Gray Meridian"]
    assert [m.actor.code for m in first] == ["USABUS"]
    assert "from another mention of Gray Meridian" in first[0].evidence


def test_the_next_item_of_a_list_of_names_is_no_apposition(resolver):  # type: ignore[no-untyped-def]
    # "Sierra Nevada" is a place in Spain: read as an apposition, it made the firm Spanish.
    text = "The United States chose three firms: Gray Meridian, Sierra Nevada Corp. and SpaceX."
    assert resolve(resolver, text, UK_DAY)["Gray Meridian"].actor.country == "USA"


def test_a_firms_name_keeps_its_last_letter(resolver):  # type: ignore[no-untyped-def]
    names = [m.actor.name for m in resolver.resolve("In Ohio, Zentrix Holdings sued.", day=UK_DAY)]
    assert "Zentrix Holdings" in names


def test_a_states_name_as_a_first_name_is_a_person(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "In Texas, Chad Wolf met Jordan Henderson.", UK_DAY)
    assert (
        mentions["Chad Wolf"].actor.person is not None
    )  # a person (the tables know him), not Chad
    assert mentions["Chad Wolf"].actor.country == "USA"  # the article is not about Chad
    assert mentions["Jordan Henderson"].actor.person == "Jordan Henderson"
    assert resolve(resolver, "Chad said no.", UK_DAY)["Chad"].actor.code == "TCD"


def test_an_institutions_word_inside_a_longer_word_is_no_institution(resolver):  # type: ignore[no-untyped-def]
    # "Office" in "Officers", "Court" in "Courts": the plural nouns are agents.
    mentions = resolve(resolver, "Officers in Kenya arrested him. Courts in France said no.")
    assert mentions["Officers"].actor.sector in ("MIL", "COP")
    assert mentions["Courts"].actor.code == "FRAJUD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # In a story of the police, officers are police officers ...
        ("Police in Dallas said officers arrested Webb.", "USACOP"),
        # ... and otherwise soldiers, as the dictionaries say.
        ("The army in Syria said officers arrested the rebels.", "SYRMIL"),
    ],
)
def test_officers_in_a_police_story_are_police(resolver, text, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)["officers"].actor.code == code


def test_what_follows_a_persons_possessive_is_theirs_not_a_person(resolver):  # type: ignore[no-untyped-def]
    # (made-up owners: the tables know Elon Musk and Jeff Bezos)
    text = "In Texas, Elmer Rusk’s SpaceX and Jeff Bostock’s Gray Meridian will compete."
    mentions = resolve(resolver, text, UK_DAY)
    assert mentions["SpaceX"].actor.code == "USABUS"  # had been lost with the person before it
    assert mentions["Gray Meridian"].actor.person is None
    assert mentions["Gray Meridian"].actor.country == "USA"
    # The owner, before the list's next item, stays a person: no firm of a list.
    assert mentions["Jeff Bostock"].actor.person == "Jeff Bostock"
    assert mentions["Jeff Bostock"].actor.sector is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # A town's name that opens a firm's is part of it ("Ithaca" is also a Greek island,
        # "Sierra Nevada" a Spanish range) ...
        ("In Texas, Braun’s Ithaca Holdings bought the label.", "Ithaca Holdings"),
        ("In Texas, NASA chose Sierra Nevada Corp. for the work.", "Sierra Nevada Corp."),
    ],
)
def test_a_town_that_opens_a_firms_name_is_part_of_it(resolver, text, phrase):  # type: ignore[no-untyped-def]
    [firm] = [m for m in resolver.resolve(text, day=UK_DAY) if phrase in m.text]
    assert firm.actor.code == "USABUS"


def test_a_possessive_pronoun_opens_a_noun_phrase(resolver):  # type: ignore[no-untyped-def]
    text = "In Texas, Gray Meridian will offer NASA its Blue Moon lander."
    assert resolve(resolver, text, UK_DAY)["NASA"].actor.code == "USAGOV"


def test_a_things_name_after_a_bodys_possessive_is_no_person(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Critics in Texas faulted NASA’s Human Landing System.", UK_DAY)
    assert mentions["NASA"].actor.code == "USAGOV"
    assert not any(m.actor.person for m in mentions.values())


@pytest.mark.parametrize("place", ["the Cabinet Room", "the Presidential Palace", "Evin Prison"])
def test_a_room_or_building_is_no_person(resolver, place):  # type: ignore[no-untyped-def]
    # "Cabinet Room" had been a person titled "Cabinet", and "he" after it pointed to "Room".
    text = f"President Trump met his advisers. Speaking in {place}, he warned Beijing."
    mentions = resolve(resolver, text, dt.date(2019, 11, 18))
    assert mentions["he"].actor.code == "USAGOV"
    assert not any(m.actor.person for m in mentions.values() if m.text.endswith(place[-4:]))


def test_a_one_word_name_the_story_repeats_is_an_actor(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Police in Texas said on Monday that investors had left Zentrix. A report said "
        "staff at Zentrix were told to work from home."
    )
    found = [m for m in resolver.resolve(text, day=UK_DAY) if m.text == "Zentrix"]
    # The second sentence names no state and no phrase of the tables: it is read all the same.
    assert [m.actor.country for m in found] == ["USA", "USA"]


@pytest.mark.parametrize(
    "text",
    [
        # Not a word before a noun, an acronym, a people's word, or a faith's.
        "In Burundi the Hutu rebel group left. The Hutu rebel group said so.",
        "In Syria the SNC met. Later the SNC left.",
        "In Syria the Kurdish fighters met. Later Kurdish fighters left.",
        "In Syria they thank God. Later they thanked God again.",
    ],
)
def test_what_a_repeated_word_may_not_name(resolver, text):  # type: ignore[no-untyped-def]
    assert not any(m.actor.person for m in resolver.resolve(text, day=UK_DAY))


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A firm named before the title: its officer, of its state and sector.
        ("In Texas, the BBC presenter Emily Maitlis spoke.", "Emily Maitlis", "GBRJRN"),
        ("In Texas, Boeing chief executive Dennis Mulberry met.", "Dennis Mulberry", "USABUS"),
        # A founder, with no body named, is in business (made-up names: not from the tables).
        ("In Texas, the co-founder Adam Newland spoke.", "Adam Newland", "USABUS"),
    ],
)
def test_officers_of_firms_and_founders(resolver, text, name, code):  # type: ignore[no-untyped-def]
    [mention] = [m for m in resolver.resolve(text, day=UK_DAY) if m.actor.person == name]
    assert mention.actor.code == code


def test_committees_of_the_us_house(resolver):  # type: ignore[no-untyped-def]
    text = "They testified before the House Intelligence Committee on Tuesday."
    # "on Tuesday" is no part of the committee's name.
    assert resolve(resolver, text, UK_DAY)["House Intelligence Committee"].actor.code == "USALEG"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # "an American" alone is one person of the state; "an American proposal" the state's.
        ("In Kabul, an American was freed.", "American", "USACVL"),
        ("In Kabul, an American proposal failed.", "American", "USA"),
        # A firm's products after its name are no agents of it.
        ("Emirates bought 30 Boeing jets.", "Boeing", "USABUS"),
    ],
)
def test_one_person_of_a_state_and_a_firms_products(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[phrase].actor.code == code


def test_an_agents_possessive_before_another_agent(resolver):  # type: ignore[no-untyped-def]
    text = "President Donald Trump met him. He was the President's physician."
    mentions = resolve(resolver, text, dt.date(2018, 1, 18))
    assert mentions["President"].actor.code == "USAGOV"  # had been the physician's sector
    assert mentions["physician"].actor.code == "USAMED"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # A town's name as a first name, after a title or before a long surname, or joined
        # to a surname by a hyphen, is the person's, not the town's (Alexandria, Egypt).
        ("In Texas, Rep. Alexandria Ocasio-Cortez spoke.", "Alexandria Ocasio-Cortez", "USALEG"),
        ("In Nigeria, Senator Ben Murray-Bruce spoke.", "Ben Murray-Bruce", "NGALEG"),
    ],
)
def test_a_towns_name_inside_a_persons(resolver, text, name, code):  # type: ignore[no-untyped-def]
    [mention] = [m for m in resolver.resolve(text, day=UK_DAY) if m.actor.person]
    assert mention.actor.code == code
    assert mention.actor.name.replace(" - ", "-") == name


def test_a_towns_name_before_a_bodys_or_a_roads_stays_the_town(resolver):  # type: ignore[no-untyped-def]
    text = "The Manchester Arena attack shut the Aleppo-Latakia highway."
    places = {m.text for m in resolver.resolve(text, day=UK_DAY) if m.cue == "place"}
    assert places == {"Manchester", "Aleppo", "Latakia"}


def test_the_company_with_no_firm_named_is_of_the_articles_state(resolver):  # type: ignore[no-untyped-def]
    text = "Lawmakers in Kenya met on Monday. The company said it would leave."
    mention = resolve(resolver, text, UK_DAY)["company"]
    assert mention.actor.code == "KENBUS"
    assert mention.cue == "context"


@pytest.mark.parametrize(
    "text",
    [
        # An age set off by commas, and a comma before "from", hide no apposition.
        "Mehmet Aksoy, 32, from London, was killed in Syria.",
        "Mehmet Aksoy, from London, was killed in Syria.",
    ],
)
def test_where_a_person_is_from_after_an_age(resolver, text):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, UK_DAY)["Mehmet Aksoy"]
    assert mention.actor.country == "GBR"
    assert mention.cue == "name+apposition"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # Police ranks and local offices written before a name, as British news writes them.
        # (the tagger reads "PC" into the name; alone, "PC" is a computer, no one)
        ("In Britain, PC John Smith arrested him.", "John Smith", "GBRCOP"),
        ("In Britain, Det Sgt Jane Doe arrested him.", "Jane Doe", "GBRCOP"),
        ("In Britain, Cllr Mary Jones voted.", "Mary Jones", "GBRGOV"),
        ("In Texas, State Senator Bob Hall voted.", "Bob Hall", "USALEG"),
        # An office's holder set off after it, with a plural-looking title.
        (
            "In Britain, the Director of Public Prosecutions, Roger Gaspard, agreed.",
            "Roger Gaspard",
            "GBRJUD",
        ),
    ],
)
def test_local_offices_and_police_ranks(resolver, text, name, code):  # type: ignore[no-untyped-def]
    [mention] = [
        m
        for m in resolver.resolve(text, day=UK_DAY)
        if m.actor.person == name and m.cue != "pronoun"
    ]
    assert mention.actor.code == code


def test_a_towns_council_or_court_is_its_states(resolver):  # type: ignore[no-untyped-def]
    text = "In Trinidad, the Leeds City Council and Manchester Crown Court ruled."
    mentions = resolve(resolver, text, UK_DAY)
    assert mentions["Leeds City Council"].actor.code == "GBRGOV"
    assert mentions["Manchester Crown Court"].actor.code == "GBRJUD"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # A police department or a sheriff's office is the police, not a government office.
        (
            "In Ohio, the Columbus Police Department arrested him.",
            "Columbus Police Department",
            "USACOP",
        ),
        (
            "In Ohio, the Franklin County Sheriff's Office said so.",
            "Franklin County Sheriff's Office",
            "USACOP",
        ),
        # a state's special forces, brigades and fleets are its military's
        (
            "In Riga, the Latvian Special Operations Forces raided a flat.",
            "Latvian Special Operations Forces",
            "LVAMIL",
        ),
        # a name that can only be a body's, read where a person's would be
        ("The US Pacific Fleet sailed from Hawaii.", "The US Pacific Fleet", "USAMIL"),
        ("Kazakhstan's Air Astana bought jets.", "Air Astana", "KAZBUS"),
        # and the police's prisons
        (
            "In New York, the Metropolitan Correctional Center said so.",
            "Metropolitan Correctional Center",
            "USACOP",
        ),
        ("In Ohio, the Department of Corrections said so.", "Department of Corrections", "USACOP"),
        # An institution's name ends before "and" when a known body follows.
        ("In Ohio, the Department of Justice and the FBI sued.", "Department of Justice", "USAGOV"),
    ],
)
def test_police_departments_and_names_before_and(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, UK_DAY)[phrase].actor.code == code


def test_a_persons_name_as_written_without_a_courtesy_title(resolver):  # type: ignore[no-untyped-def]
    text = "In Nigeria, Senator Ben Murray-Bruce met Dr. Ronny Jackson, Mr Sultana and Ms Sultana."
    people = {m.actor.person for m in resolver.resolve(text, day=UK_DAY) if m.actor.person}
    assert people == {"Ben Murray-Bruce", "Ronny Jackson", "Mr Sultana", "Ms Sultana"}


def test_a_news_agency_is_no_state_of_the_sentence_and_no_antecedent(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Lawmakers in Kenya met. The coalition told Reuters that it expects hard days. "
        "The police said so (Reuters)."
    )
    mentions = resolve(resolver, text, UK_DAY)
    assert mentions["it"].actor.code != "GBRJRN"  # the coalition, not the agency told
    # "(Reuters)" names no state for the police: they are placed in the article's state.
    assert mentions["police"].actor.code == "KENCOP"


def test_a_bodys_thing_is_no_person_but_its_officer_is(resolver):  # type: ignore[no-untyped-def]
    text = "In Texas, NASA chose Boeing's Blue Moon. NASA's Jim Bridenstine spoke."
    mentions = resolve(resolver, text, UK_DAY)
    assert "Blue Moon" not in mentions  # a lander, not a person
    assert mentions["Jim Bridenstine"].actor.code == "USAGOV"  # a first name: NASA's man


def test_a_plural_title_before_a_list_of_names_is_each_ones(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In Syria, Isis killed the British aid workers Otieno Kamau and Pieter Marais, and "
        "the American journalists Lars Eklund, Nuno Pires and Tomas Varga."
    )
    mentions = resolve(resolver, text, dt.date(2015, 1, 1))
    assert mentions["Pieter Marais"].actor.code == "GBRCVL"
    assert [mentions[n].actor.code for n in ("Nuno Pires", "Tomas Varga")] == ["USAJRN"] * 2
    # a singular title is one person's: "the British envoy Otieno Kamau and Pieter Marais"
    single = resolve(resolver, "In Syria, the British envoy Otieno Kamau and Pieter Marais met.")
    assert single["Pieter Marais"].actor.sector != "GOV"


def test_first_person_in_a_quotation_is_its_speaker(resolver):  # type: ignore[no-untyped-def]
    text = "In Kenya, “I will not resign and my party backs me,” Otieno Kamau said on Monday."
    mentions = resolver.resolve(text, day=UK_DAY)
    speaker = [m for m in mentions if m.text in ("I", "my", "me")]
    assert [m.text for m in speaker] == ["I", "my", "me"]
    assert {m.actor.person for m in speaker} == {"Otieno Kamau"}
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)  # in text order
    # Each refers back to the name, wherever it was put in the list.
    assert all(mentions[m.antecedent].text == "Otieno Kamau" for m in speaker)  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        # The speaker is named where the quotation ends, two sentences after "I" ...
        "In Kenya, “I will not resign. The party is with me,” Otieno Kamau said on Monday.",
        # ... or where it begins; a new paragraph of it opens without closing the last one.
        "In Kenya, Otieno Kamau said: “The vote was fair. I will not resign.\n\n"
        "“The party is with me.” Later, the court sat.",
    ],
)
def test_a_quotation_over_several_sentences_is_its_speakers(resolver, text):  # type: ignore[no-untyped-def]
    mentions = resolver.resolve(text, day=UK_DAY)
    speaker = [m for m in mentions if m.text in ("I", "me")]
    assert [m.text for m in speaker] == ["I", "me"]
    assert {m.actor.country for m in speaker} == {"KEN"}
    assert {m.actor.person for m in speaker} == {"Otieno Kamau"}
    assert all(mentions[m.antecedent].text == "Otieno Kamau" for m in speaker)  # type: ignore[index]
    places = [(m.sentence, m.start) for m in mentions]
    assert places == sorted(places)


def test_a_quotation_standing_alone_goes_on_with_the_speaker_before(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In Kenya, “The vote was fair,” Otieno Kamau said on Monday. “I will not resign.” "
        "Later, “the court sat,” a clerk said. Then the judge spoke: “I am tired.”"
    )
    mentions = resolver.resolve(text, day=UK_DAY)
    first = [m for m in mentions if m.text == "I"]
    assert first[0].actor.person == "Otieno Kamau"
    # the last quotation follows a sentence with no quotation ending in it: not carried on
    assert len(first) == 1 or first[1].actor.person != "Otieno Kamau"


def test_a_quotation_with_words_around_it_does_not_go_on_with_the_speaker_before(resolver):  # type: ignore[no-untyped-def]
    text = "In Kenya, “The vote was fair,” Otieno Kamau said. She read: “I will not resign.”"
    assert "I" not in resolve(resolver, text, UK_DAY)  # no verb of saying names its speaker


def test_the_one_told_is_not_the_speaker(resolver):  # type: ignore[no-untyped-def]
    text = "In Kenya, “I will not resign,” Otieno Kamau told Wanjiru Odhiambo on Monday."
    assert resolve(resolver, text, UK_DAY)["I"].actor.person == "Otieno Kamau"


def test_a_place_does_not_speak_for_us(resolver):  # type: ignore[no-untyped-def]
    text = "Otieno Kamau, a Kenyan from Nairobi said: “They fought for us.”"
    mentions = resolve(resolver, text, UK_DAY)
    assert mentions["us"].actor.person is None  # "we" is whom the speaker speaks for
    assert mentions["us"].antecedent is not None
    assert resolver.resolve(text, day=UK_DAY)[mentions["us"].antecedent].text == "Otieno Kamau"


def test_first_person_with_no_speaker_named_is_left_unread(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "In Kenya, “I will not resign,” the statement read.", UK_DAY)
    assert "I" not in mentions


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "In Syria, Amnesty’s Middle East campaign director Samah Hadid warned Turkey.",
            "Samah Hadid",
        ),
        ("An Amnesty International researcher, Diana Semaan, warned Turkey.", "Diana Semaan"),
        # a state after the body is the officer's beat, not their state
        ("Human Rights Watch's Syria researcher Sara Kayyali warned Turkey.", "Sara Kayyali"),
    ],
)
def test_a_human_rights_bodys_officer(resolver, text, name):  # type: ignore[no-untyped-def]
    [mention] = [m for m in resolver.resolve(text, day=UK_DAY) if m.actor.person == name]
    assert mention.actor.non_governmental
    assert mention.actor.country is None
    assert mention.actor.sector == "HRI"


def test_a_non_governmental_council_governs_nothing(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "The Norwegian Refugee Council warned Turkey.", UK_DAY)
    assert mentions["Norwegian Refugee Council"].actor.non_governmental
    assert mentions["Norwegian Refugee Council"].actor.sector is None
    assert (
        resolve(resolver, "The UN Security Council met.", UK_DAY)[
            "UN Security Council"
        ].actor.sector
        == "GOV"
    )


def test_amnesty_alone_is_the_body_only_as_written(resolver):  # type: ignore[no-untyped-def]
    assert resolve(resolver, "Amnesty warned Turkey.", UK_DAY)["Amnesty"].actor.non_governmental
    mentions = resolve(resolver, "Turkey offered an amnesty to deserters.", UK_DAY)
    assert not any(m.actor.non_governmental for m in mentions.values())


def test_the_terror_group_and_it_are_the_armed_group_named_before(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Residents fled as Isis seized Raqqa in 2014. The terror group's hold on the city, "
        "which it ruled for three years, is ending."
    )
    mentions = resolve(resolver, text, dt.date(2017, 6, 1))
    assert mentions["terror group"].actor.organisation == "armed:islamic-state"
    assert mentions["it"].actor.organisation == "armed:islamic-state"  # not "Residents"


@pytest.mark.parametrize("armed", ["Kurdish fighters", "Kurdish militias"])
def test_kurdish_fighters_are_the_kurds_of_the_syria_or_iraq_a_story_names(resolver, armed):  # type: ignore[no-untyped-def]
    text = f"Syria's war goes on near Afrin. Turkish jets bombed {armed} on Monday."
    mention = resolve(resolver, text, dt.date(2018, 2, 1))[armed]
    assert mention.actor.code == "SYRREB"  # not Turkey, the one state the sentence names
    assert "Kurdish region of SYR" in mention.evidence


def test_a_list_of_demonyms_shares_its_head(resolver):  # type: ignore[no-untyped-def]
    text = "Areas were taken by Russian, Iranian and Syrian government forces."
    mentions = resolve(resolver, text, dt.date(2018, 1, 1))
    assert [mentions[w].actor.code for w in ("Russian", "Iranian")] == ["RUSMIL", "IRNMIL"]
    # plural demonyms are people of their own, not a list before a head
    mentions = resolve(
        resolver, "The Russians, Iranian officials and Syria met.", dt.date(2018, 1, 1)
    )
    assert mentions["Russians"].actor.sector != "GOV"


@pytest.mark.parametrize("words", ["The pair", "The two men", "Both men"])
def test_the_pair_is_the_last_two_people_named(resolver, words):  # type: ignore[no-untyped-def]
    text = (
        "Kenyan police arrested the aid workers Otieno Kamau and Pieter Marais in Nairobi. "
        f"{words} were questioned on Monday."
    )
    [pair] = [m for m in resolver.resolve(text, day=UK_DAY) if m.cue == "group"]
    assert pair.actor.name == "Otieno Kamau and Pieter Marais"
    assert pair.actor.code == "KENCVL"  # what the two share


def test_kin_are_private_people(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The British journalist John Cantlie was taken hostage in Syria. Cantlie's sister "
        "Jessica appealed to Isis. SoftBank's Masayoshi Son spoke."
    )
    mentions = resolve(resolver, text, dt.date(2017, 1, 1))
    assert mentions["sister Jessica"].actor.code == "GBRCVL"
    assert mentions["Masayoshi Son"].actor.code == "JPNBUS"  # "Son" in a name is no kin


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The US-led coalition bombed Raqqa.", "The US-led coalition"),
        ("Jets of the U.S.-led coalition bombed Raqqa.", "the U.S.-led coalition"),
        ("The Saudi-led coalition struck Sanaa.", "Saudi-led coalition"),
        ("The Saudi-backed coalition struck Sanaa.", "Saudi-backed coalition"),
    ],
)
def test_a_led_coalition_is_multinational_not_its_leader(resolver, text, phrase):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, dt.date(2017, 6, 1))[phrase]
    assert mention.actor.igo is not None
    assert mention.actor.country is None


def test_for_or_against_the_government_is_of_the_articles_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Syria's war goes on: Syrian troops and Syrian rebels fight near Damascus. Washington "
        "has ended support for anti-regime rebels. More than 100 pro-regime fighters were "
        "killed by American forces."
    )
    mentions = resolve(resolver, text, dt.date(2018, 1, 1))
    assert mentions["anti-regime rebels"].actor.country == "SYR"  # not the US, named beside
    assert mentions["pro-regime fighters"].actor.country == "SYR"


def test_the_kurds_are_those_of_the_region_the_story_names(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In Syria, Islamic State fell to the advancing Kurds. Iraqi Kurds voted. The Kurds of "
        "Turkey protested."
    )
    mentions = [m for m in resolver.resolve(text, day=dt.date(2018, 1, 1)) if "Kurds" in m.text]
    assert [m.actor.code for m in mentions] == ["SYRCVL", "IRQCVL", "TURCVL"]


def test_the_charity_is_the_non_governmental_body_named_before(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Amnesty International issued a report on Syria. Diana Semaan, the charity’s Syria "
        "researcher, said it. The rights group warned Turkey."
    )
    mentions = resolve(resolver, text, dt.date(2017, 1, 1))
    assert mentions["Diana Semaan"].actor.code == "NGOHRI"  # not Syria's: her beat
    assert mentions["rights group"].actor.igo == "ngo:amnesty-international"


def test_a_presidency_is_no_person_and_hides_no_president(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Trump tweeted: “We won, my only reason for being there during the Trump Presidency.” "
        "Trump’s claim is at odds with his own administration."
    )
    mentions = [m for m in resolver.resolve(text, day=dt.date(2018, 12, 20)) if m.actor.person]
    assert {m.actor.person for m in mentions} == {"trump-usa"}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Abu Bakr al-Baghdadi lost his last town. Baghdadi fled.", "Baghdadi", "---REB"),
        ("Hezbollah's leader Hassan Nasrallah warned Israel.", "leader Hassan Nasrallah", "LBNREB"),
        ("Mazloum Abdi said the SDF would fight on.", "Mazloum Abdi", "SYRREB"),
    ],
)
def test_armed_groups_leaders_act_for_their_groups(resolver, text, name, code):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, dt.date(2019, 3, 1))[name]
    assert mention.actor.code == code
    assert mention.actor.person is not None and not name.endswith(mention.actor.person)


def test_an_armed_groups_leader_is_dated(resolver):  # type: ignore[no-untyped-def]
    # Akhundzada led the Taliban's insurgency until the takeover of 2021-08-15.
    mention = resolve(resolver, "Hibatullah Akhundzada spoke.", dt.date(2018, 1, 1))
    assert mention["Hibatullah Akhundzada"].actor.code == "AFGREB"


def test_a_hand_kept_non_governmental_body_is_one(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "In Syria, the White Helmets said Russian jets struck.", UK_DAY)
    assert mentions["the White Helmets"].actor.non_governmental


def test_towns_of_the_syrian_war(resolver):  # type: ignore[no-untyped-def]
    text = "The clash took place in a village next to Baghouz. Women in al-Hawl camp protested."
    mentions = resolve(resolver, text, dt.date(2019, 3, 1))
    assert mentions["Baghouz"].actor.country == "SYR"  # not a person
    assert mentions["al-Hawl"].actor.country == "SYR"


@pytest.mark.parametrize(
    "sentence",
    [
        "It is six weeks since the fall.",
        "It is clear that the war goes on.",
        "It seems over.",
        "It was reported that the town fell.",
        "It has been a year.",
    ],
)
def test_an_impersonal_it_is_no_one(resolver, sentence):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, f"Islamic State lost Baghuz. {sentence}", dt.date(2019, 3, 1))
    assert "It" not in mentions


@pytest.mark.parametrize("sentence", ["It would not leave.", "It attacked Raqqa."])
def test_a_referring_it_is_read(resolver, sentence):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, f"Islamic State lost Baghuz. {sentence}", dt.date(2019, 3, 1))
    assert "It" in mentions


def test_the_group_is_the_armed_group_or_body_named_last(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Isis seized Raqqa in 2014. The group's hold on the city is ending. Amnesty "
        "International issued a report. The group said Turkey must act. The group of "
        "protesters marched."
    )
    groups = [m for m in resolver.resolve(text, day=dt.date(2017, 6, 1)) if m.text == "group"]
    assert [m.actor.organisation for m in groups] == [
        "armed:islamic-state",
        "ngo:amnesty-international",
    ]  # "the group of protesters" is a group of people


def test_the_caliphate_and_is_are_islamic_state(resolver):  # type: ignore[no-untyped-def]
    text = "IS fighters fled the caliphate. IS lost Baghuz. Is it over?"
    found = [m for m in resolver.resolve(text, day=dt.date(2019, 3, 1))]
    named = [m.text for m in found if m.actor.organisation == "armed:islamic-state"]
    assert named == ["IS fighters", "the caliphate", "IS"]  # not "Is it over?"


def test_people_are_those_of_the_state_where_things_happen(resolver):  # type: ignore[no-untyped-def]
    text = "Putin began campaigns in Syria that targeted civilians and foreign volunteers."
    mentions = resolve(resolver, text, dt.date(2018, 1, 1))
    assert mentions["civilians"].actor.code == "SYRCVL"  # not Russia's, though Putin acts
    assert mentions["foreign volunteers"].actor.country is None


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # kin are of the state of the one whose kin they are
        ("The father of Shamima Begum said she must come home from Britain.", "father", "GBRCVL"),
        # "former" is the soldier's, not Britain's
        ("The parents of a former British soldier appealed to Turkey.", "parents", "GBRCVL"),
    ],
)
def test_kin_take_the_state_of_whose_kin_they_are(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


def test_many_states_are_no_one_state(resolver):  # type: ignore[no-untyped-def]
    text = "Britain was warned. The economies of former Soviet states grew."
    assert resolve(resolver, text)["former Soviet states"].actor.country is None


def test_hostages_are_not_of_their_captors_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The US said the men were killers. One of their former hostages, Nicolas Henin, "
        "a Frenchman, spoke on the BBC."
    )
    mentions = resolve(resolver, text)
    assert mentions["hostages"].actor.country is None
    assert mentions["Nicolas Henin"].actor.country == "FRA"


def test_names_after_a_group_of_a_people_are_of_its_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Syria was at war. The group killed two Britons, aid workers Alan Henning and David "
        "Haines, as well as three Americans, the journalists James Foley and Steven Sotloff "
        "and humanitarian worker Peter Kassig. Syria said so."
    )
    mentions = resolve(resolver, text)
    assert mentions["David Haines"].actor.code == "GBRCVL"
    assert mentions["journalists James Foley"].actor.code == "USAJRN"
    assert mentions["Steven Sotloff"].actor.code == "USAJRN"
    # a name with a title of its own keeps it, and takes the list's state
    kassig = mentions["humanitarian worker Peter Kassig"].actor
    assert kassig.country == "USA" and kassig.sector != "JRN"


def test_an_agent_noun_that_is_a_given_name_is_part_of_the_name(resolver):  # type: ignore[no-untyped-def]
    text = "Joe Biden spoke in Washington. Republicans asked about Hunter Biden."
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 19))
    hunter = mentions["Hunter Biden"]
    assert hunter.actor.person != mentions["Joe Biden"].actor.person
    assert "title 'Hunter'" not in hunter.evidence


def test_a_former_envoy_is_not_of_the_state_posted_to(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The US State Department and the White House spoke to Ukraine. Another diplomat, "
        "former special envoy to Ukraine Kurt Volker, shifted his own account."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 19))
    assert mentions["Kurt Volker"].actor.code == "USAELI"
    assert mentions["former special envoy"].actor.country is None


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # "X and its Y": X, and Y of X's
        ("Iran and its army attacked the rebels.", "Iran", "IRN"),
        ("Iran and its army attacked the rebels.", "army", "IRNMIL"),
        ("Turkey says the US and its allies are wrong.", "its", "USA"),
        ("Erdogan said Putin and his aides agreed.", "aides", "RUSGOV"),
        # a stateless people's armed men, though a state owns them
        (
            "The US armed Kurdish fighters in Syria. Turkey says the US and its Kurdish proxies "
            "threaten it.",
            "Kurdish proxies",
            "SYRREB",
        ),
    ],
)
def test_a_possessive_after_and_is_the_conjuncts(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day=dt.date(2019, 1, 19))[phrase].actor.code == code


def test_proxies_are_not_of_the_state_that_arms_them(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Iran and its proxies attacked Israel.", day=dt.date(2019, 1, 19))
    assert mentions["proxies"].actor.sector == "REB"
    assert mentions["proxies"].actor.country is None


@pytest.mark.parametrize("phrase", ["Kurd-led border security force", "Kurdish-led forces"])
def test_forces_led_by_a_stateless_people_are_its_armed_men(resolver, phrase):  # type: ignore[no-untyped-def]
    text = (
        "Syria and Turkey clashed. Turkey attacked a Kurd-led border security force in Syria. "
        "Kurdish-led forces advanced."
    )
    assert resolve(resolver, text, day=dt.date(2019, 1, 19))[phrase].actor.code == "SYRREB"


def test_a_royal_title_is_of_the_monarchy_the_article_names(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The US Justice Department and the FBI in Washington asked questions of the US court. "
        "Britain was also named. Prince Andrew met Jeffrey Epstein in New York."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["Prince Andrew"].actor.country == "GBR"
    assert "monarchy" in mentions["Prince Andrew"].evidence
    assert mentions["Jeffrey Epstein"].actor.country == "USA"  # no title: the main state


def test_lawmakers_are_of_the_articles_state_among_those_a_sentence_names(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The US Congress and the White House in Washington argued again. The US House met. "
        "Vindman told lawmakers that the White House had pressed Ukraine."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 19))
    assert mentions["lawmakers"].actor.code == "USALEG"


def test_a_leaders_surname_the_tagger_reads_as_a_noun_is_still_the_leader(resolver):  # type: ignore[no-untyped-def]
    text = "The US pulled out. But when Trump abandons the fight, he errs."
    mentions = resolve(resolver, text, day=dt.date(2018, 12, 30))
    assert mentions["Trump"].actor.code == "USAGOV"
    assert mentions["he"].actor.code == "USAGOV"


def test_a_state_after_a_persons_possessive_is_not_theirs(resolver):  # type: ignore[no-untyped-def]
    text = "James Mattis, who quit last week over Trump’s Syrian volte-face, understands this."
    mentions = resolve(resolver, text, day=dt.date(2018, 12, 30))
    assert mentions["Trump"].actor.code == "USAGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # an armed group's spokesman or commander acts for the group
        ("Talal Selo, a SDF spokesman, said so.", "Talal Selo", "SYRREB"),
        ("SDF commander Mazloum Abdi spoke.", "SDF commander Mazloum Abdi", "SYRREB"),
        ("An SDF commander said the town had fallen.", "SDF commander", "SYRREB"),
        ("A Hezbollah commander was killed.", "Hezbollah commander", "LBNREB"),
        ("Hezbollah MPs voted for the bill.", "Hezbollah MPs", "LBNLEG"),  # its MPs sit for it
        # a surname that is a town's name, after a given name, is the person's
        (
            "Mustafa Bali, spokesman of the Syrian Democratic Forces, agreed.",
            "Mustafa Bali",
            "SYRREB",
        ),
    ],
)
def test_officers_of_armed_groups(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day=dt.date(2018, 12, 30))[phrase].actor.code == code


def test_a_journalist_held_by_an_armed_group_is_no_officer_of_it(resolver):  # type: ignore[no-untyped-def]
    text = "Nicolas Henin, a French journalist held by Islamic State, spoke to the BBC."
    henin = resolve(resolver, text, day=dt.date(2018, 12, 30))["Nicolas Henin"]
    assert henin.actor.sector == "JRN"


def test_kurdish_authorities_are_of_the_kurdish_region_the_article_names(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Syria's war went on. Kurdish officials said they had engaged in promising "
        "negotiations with Britain and Canada."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    # Syria's Kurdish-led administration is recognised by no state: a non-state group's
    assert mentions["Kurdish officials"].actor.code == "SYRREB"
    text = "Iraq's war went on. Kurdish officials in Erbil met British envoys."
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["Kurdish officials"].actor.code == "IRQGOV"  # Iraq's Kurdistan Region


def test_forces_a_state_backs_are_a_non_state_armed_group(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Syria's war went on in Syria and Syria's north. The Syrian city of Raqqa has fallen "
        "to US-backed forces after a battle."
    )
    backed = resolve(resolver, text, day=dt.date(2017, 10, 20))["US-backed forces"]
    assert backed.actor.code == "SYRREB"  # the article is about Syria


def test_the_n_year_old_is_the_person_named_last(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Jack Letts, a Briton, went to Syria in 2014. Kurdish officials said the 21-year-old "
        "had been held since 2017."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["21-year-old"].actor.country == "GBR"
    assert mentions["21-year-old"].actor.person == mentions["Jack Letts"].actor.person


def test_a_place_rebels_hold_is_theirs(resolver):  # type: ignore[no-untyped-def]
    text = "Turkey shelled the Syrian rebel-held province of Idlib."
    mentions = resolve(resolver, text, day=dt.date(2018, 9, 1))
    assert mentions["Syrian rebel-held province"].actor.code == "SYRREB"


def test_his_own_people_are_the_nearest_persons_citizens(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Peter Beaumont writes that chemical weapons were taboo, until Bashar al-Assad "
        "allegedly used them against his own people."
    )
    mentions = resolve(resolver, text, day=dt.date(2018, 4, 20))
    assert mentions["his"].actor.person == mentions["Bashar al-Assad"].actor.person
    assert mentions["people"].actor.code == "SYRCVL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kurdish militias in Afrin called on the government of Bashar al-Assad to act.", "SYRGOV"),
        ("Turkey's neighbours watched. The government of Recep Tayyip Erdoğan said no.", "TURGOV"),
        ("China and Russia back the regime of Kim Jong-un.", "PRKGOV"),
    ],
)
def test_the_government_of_a_leader_is_of_the_state_they_lead(resolver, text, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, day=dt.date(2018, 2, 20))
    government = next(m for m in mentions.values() if m.text in ("government", "regime"))
    assert government.actor.code == code


def test_the_government_is_the_articles_own_among_the_states_a_sentence_names(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Britain's Home Office said it was studying the case. The father of Shamima Begum, a "
        "British-born teenager who travelled to Syria to join Islamic State, has urged the "
        "government not to revoke her UK citizenship. British ministers declined to comment."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["government"].actor.code == "GBRGOV"
    # "a government" names no state of its own
    text = "Britain was named. A government could act, Britain and Syria said."
    assert resolve(resolver, text, day=dt.date(2019, 2, 20))["government"].actor.country is None


def test_the_words_ending_a_bodys_name_are_no_person(resolver):  # type: ignore[no-untyped-def]
    text = (
        "According to the Syrian Network for Human Rights, 8,349 people have been detained "
        "and forcibly disappeared by Isis in all its territories."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert "Human Rights" not in mentions  # was read as a person, with "people" its apposition
    assert mentions["people"].actor.code == "SYRCVL"
    # "its" is Isis's: a demonym before a noun is no state "its" can refer to
    assert mentions["its"].actor.organisation == mentions["Isis"].actor.organisation
    # a name after a noun that only starts the sentence is still a name
    text = "News of Yusuf Ahmed's plight is now spreading in Britain."
    assert "Yusuf Ahmed" in resolve(resolver, text, day=dt.date(2019, 2, 20))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Syria's war went on. The foreign fighters have two choices, an SDF official said.",
            "foreign fighters",
        ),
        (
            "Britain's court agreed. Children of foreign nationals remain exposed in Britain.",
            "foreign nationals",
        ),
        (
            "Syria's war went on in Syria. Most governments balk at bringing them back.",
            "Most governments",
        ),
        (
            "Syria's war went on. Foreign states are using Syrian territory as a battlefield.",
            "Foreign states",
        ),
    ],
)
def test_foreigners_and_many_governments_are_no_one_states(resolver, text, phrase):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, day=dt.date(2019, 2, 20))[phrase]
    assert mention.actor.country is None


def test_a_foreign_minister_is_of_the_state_named(resolver):  # type: ignore[no-untyped-def]
    text = "Syria's war went on. The foreign minister said Syria would not yield."
    assert (
        resolve(resolver, text, day=dt.date(2019, 2, 20))["foreign minister"].actor.code == "SYRGOV"
    )


def test_an_american_county_places_a_story_that_names_no_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Harris County Sheriff's deputies arrested a man in Copperfield on Tuesday. Napa County "
        "officials said the fire was contained."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["Harris County Sheriff"].actor.code == "USACOP"
    assert mentions["Napa County officials"].actor.code == "USAGOV"
    # "County Cork" is Irish style, and a text with no county places nothing
    text = "Officials in County Cork said the fire was contained."
    assert resolve(resolver, text, day=dt.date(2019, 2, 20))["Officials"].actor.country != "USA"


def test_officers_in_a_story_of_prosecutors_are_police(resolver):  # type: ignore[no-untyped-def]
    text = "The district attorney charged the officer with manslaughter."
    assert resolve(resolver, text)["officer"].actor.sector == "COP"
    text = "The army said the officer was killed in the fighting."
    assert resolve(resolver, text)["officer"].actor.sector == "MIL"


def test_an_office_named_before_a_known_person_out_of_office_is_theirs(resolver):  # type: ignore[no-untyped-def]
    text = (
        "They arrived in the UK in 2015, as four of the 20,000 Syrian refugees the then prime "
        "minister, David Cameron, promised Britain would take."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 3, 1))
    assert mentions["David Cameron"].actor.code == "GBRGOV"  # not GBRELI: the office he held
    text = "David Cameron, who left office in 2016, spoke in London."
    assert resolve(resolver, text, day=dt.date(2019, 3, 1))["David Cameron"].actor.code == "GBRELI"


def test_a_firm_is_known_by_its_chief_executive_or_shareholders(resolver):  # type: ignore[no-untyped-def]
    text = (
        "SoftBank took control of WeWork in the United States. WeWork's chief executive "
        "resigned, and WeWork said it would cut jobs."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 10, 1))
    assert mentions["WeWork"].actor.sector == "BUS"
    assert mentions["WeWork"].actor.person is None
    text = "Michael Webb's shares fell in the United States. Webb denied it."
    assert resolve(resolver, text, day=dt.date(2019, 10, 1))["Webb"].actor.sector != "BUS"
    # or by its sale
    text = (
        "Her albums were released in Nashville, Tennessee, through Big Machine, which was "
        "bought out by a company owned by Scooter Braun. She accused Big Machine of lying."
    )
    machines = [
        m for m in resolver.resolve(text, day=dt.date(2019, 11, 15)) if m.text == "Big Machine"
    ]
    assert machines and all(m.actor.sector == "BUS" for m in machines)


def test_we_in_a_quotation_is_whom_its_speaker_speaks_for(resolver):  # type: ignore[no-untyped-def]
    text = "Syria's war went on. “They are killing us,” said Ahmed Ali, a resident of Raqqa."
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["us"].actor.code == "SYRCVL"
    assert mentions["us"].actor.person is None  # those he speaks for, not Ahmed Ali himself
    text = "Syria's war went on. “We are ready to help,” the UN refugee agency said."
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["We"].actor.igo == mentions["UN refugee agency"].actor.igo
    text = "“We will win,” said the US president. The US sent troops."  # "US" is no "us"
    assert "US" not in {m.text for m in resolver.resolve(text) if m.cue == "pronoun"}


def test_a_state_bodys_name_names_its_state(resolver):  # type: ignore[no-untyped-def]
    text = "The U.S. Army said on Monday it would send more troops. Officials declined to comment."
    mentions = resolve(resolver, text, day=dt.date(2019, 10, 20))
    assert mentions["Officials"].actor.code == "USAGOV"  # the article names the US in "U.S. Army"
    # an armed group's name does not name its state: "Syrian Democratic Forces" is no Syria
    text = "The Syrian Democratic Forces said they held the town. Officials declined to comment."
    assert resolve(resolver, text, day=dt.date(2019, 10, 20))["Officials"].actor.country is None


def test_the_people_of_a_stateless_group_are_placed_in_no_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Syria's war went on in Syria. Islamic State fighters and their followers fled to Baghuz."
    )
    followers = resolve(resolver, text, day=dt.date(2019, 3, 1))["followers"]
    assert followers.actor.country is None
    assert followers.actor.organisation == "armed:islamic-state"


def test_another_government_is_not_the_one_a_sentence_names(resolver):  # type: ignore[no-untyped-def]
    text = "Turkey's regime locks up more journalists than any other government on Earth."
    assert (
        resolve(resolver, text, day=dt.date(2018, 1, 1))["other government"].actor.country is None
    )
    text = "Syria's war went on in Syria. Other children fled Raqqa."  # the same people's
    assert resolve(resolver, text, day=dt.date(2018, 1, 1))["Other children"].actor.country == "SYR"


def test_an_armed_groups_own_forces_are_the_group(resolver):  # type: ignore[no-untyped-def]
    text = "Syria's war went on in Syria. The SDF said its forces had taken the town."
    assert resolve(resolver, text, day=dt.date(2019, 2, 20))["forces"].actor.code == "SYRREB"
    text = "Syria's war went on in Syria. The Syrian government said its forces had taken the town."
    assert resolve(resolver, text, day=dt.date(2019, 2, 20))["forces"].actor.code == "SYRMIL"


def test_the_regime_is_the_one_named_earlier_with_its_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Turkey and Russia met on Monday in Turkey. The Assad regime has retaken Ghouta. The "
        "talks were spared an assault by the regime last autumn."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    regime = next(m for m in mentions.values() if m.text == "regime")
    assert regime.actor.code == "SYRGOV"
    assert "Assad regime" in regime.evidence  # not the article's main state, Turkey


def test_an_apposition_gives_a_known_person_out_of_office_the_office_it_names(resolver):  # type: ignore[no-untyped-def]
    text = "Barack Obama, the US president at the time, spoke on Syria."
    assert resolve(resolver, text, day=dt.date(2019, 2, 20))["Barack Obama"].actor.code == "USAGOV"
    text = "Barack Obama, the former president, spoke on Syria."
    assert resolve(resolver, text, day=dt.date(2019, 2, 20))["Barack Obama"].actor.code == "USAELI"


def test_a_person_charged_or_convicted_of_a_crime_is_a_criminal(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Police in Texas rescued a girl on Monday. The suspect, Michael Webb, was convicted of "
        "kidnapping on Thursday. Webb grabbed the girl in May."
    )
    mentions = [m for m in resolver.resolve(text, day=dt.date(2019, 11, 18)) if "Webb" in m.text]
    assert [m.actor.code for m in mentions] == ["USACRM", "USACRM"]
    assert "was convicted" in mentions[0].evidence
    # an activist keeps her sector; a charge of insult makes no one a criminal
    text = "Police in Texas arrested an activist, Jane Ruddock. Ruddock was charged on Monday."
    day = dt.date(2019, 11, 18)
    assert resolve(resolver, text, day=day)["Jane Ruddock"].actor.sector != "CRM"
    text = (
        "Ayse Demirtas was jailed in Turkey for insulting the president. Demirtas was freed "
        "in Ankara, Turkey."
    )
    assert resolve(resolver, text, day=day)["Ayse Demirtas"].actor.sector != "CRM"


def test_a_named_star_is_one_of_the_elites_and_singers_are_civilians(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Kacey Rowland, the pop star, sued her label in Nashville, Tennessee. Actress Emma Stone "
        "said the singers had marched."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["Kacey Rowland"].actor.code == "USAELI"
    assert "pop star" in mentions["Kacey Rowland"].evidence
    assert mentions["Actress Emma Stone"].actor.sector == "ELI"
    assert mentions["singers"].actor.sector == "CVL"


def test_a_newspaper_named_after_its_town_is_a_newspaper_not_the_town(resolver):  # type: ignore[no-untyped-def]
    text = "The Houston Chronicle said the mayor of Houston, Texas, had lied."
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["Houston Chronicle"].actor.code == "USAJRN"
    assert mentions["Houston"].actor.code == "USACVL"  # the town named later is the town


def test_a_capitals_name_after_a_given_name_is_a_surname_there_and_later(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Cannabis use rose in Colorado and Oregon. Ian Hamilton, an expert at the University of "
        "York, spoke. Hamilton said the risk was real. Officials in Washington said so."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 18))
    assert not any(m.actor.country == "BMU" for m in mentions)  # Bermuda's capital
    hamilton = [m for m in mentions if m.text == "Hamilton"]
    assert [m.actor.person for m in hamilton] == ["Ian Hamilton"]
    assert any(m.text == "Washington" and m.actor.country == "USA" for m in mentions)


def test_a_states_name_after_a_given_name_is_a_surname_there_and_later(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Rep. Jim Jordan said the inquiry was a sham. Jordan, an Ohio Republican, spoke. Vernon "
        "Jordan died. King Abdullah of Jordan said so in Amman."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 18))
    jordan = [(m.text, m.actor.country) for m in mentions if "Jordan" in m.text]
    assert jordan == [
        ("Rep. Jim Jordan", "USA"),
        ("Jordan", "USA"),  # the congressman again
        ("Vernon Jordan", "USA"),
        ("Jordan", "JOR"),  # the state: "of Jordan"
    ]


def test_he_and_she_pass_over_a_person_of_the_other_gender(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Hillary Clinton met Sergei Lavrov in Moscow on Friday. He said the talks were useful, "
        "and she agreed. Ms Cruz met Evo Morales. She said he had lied."
    )
    mentions = resolver.resolve(text, day=dt.date(2010, 3, 19))
    pronouns = {m.text: m.actor.name for m in mentions if m.cue == "pronoun"}
    assert pronouns == {
        "He": "Sergey Lavrov",  # the first person of the sentence before is a woman
        "she": "Hillary Clinton",
        "She": "Ms Cruz",  # a title says so
        "he": "Evo Morales",
    }


def test_a_pronoun_with_no_one_of_its_gender_before_it_still_finds_someone(resolver):  # type: ignore[no-untyped-def]
    text = "Sergei Lavrov spoke in Moscow on Friday. She said the talks were useful."
    mentions = resolve(resolver, text, day=dt.date(2010, 3, 19))
    assert mentions["She"].actor.code == "RUSGOV"  # a woman no one named: of his country


def test_an_acronym_a_title_defines_or_a_bodys_initials_spell_is_that_actor(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The New York State Attorney General (NYAG) is investigating WeWork. A spokesperson for "
        "the NYAG declined to comment. The California Public Utilities Commission holds a "
        "hearing. Consumer advocates are urging the PUC to act. The CPUC said no. The "
        "president (XYZ) spoke."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 15))
    acronyms = {m.text: m.actor.code for m in mentions if m.cue == "acronym"}
    assert acronyms == {"NYAG": "USAGOV", "PUC": "USAGOV", "CPUC": "USAGOV"}


def test_a_thing_placed_by_a_guess_defines_no_acronym(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Toshiba showed Heat Assisted Magnetic Recording (HAMR) drives in Japan. HAMR could "
        "hold more data."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 15))
    assert not [m for m in mentions if m.text == "HAMR"]


def test_justice_capitalised_is_a_judges_title_not_a_governors_surname(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Justice Brett Kavanaugh wrote the opinion in Washington. Montoya-Lewis became the "
        "newest Supreme Court Justice. Gov. Jim Justice spoke. Justice said he would appeal."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 15))
    found = [(m.text, m.actor.code, m.actor.person) for m in mentions if "Justice" in m.text]
    assert found == [
        ("Justice Brett Kavanaugh", "USAJUD", "Brett Kavanaugh"),
        ("newest Supreme Court Justice", "USAJUD", "Justice"),
        ("Gov. Jim Justice", "USAGOV", found[2][2]),
        ("Justice", "USAGOV", found[2][2]),  # the governor, named before
    ]
    assert found[2][2] is not None


def test_indian_of_a_native_american_people_is_not_of_india(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Montoya-Lewis, of the Isleta Indian tribe, sits on Washington's Supreme Court. The "
        "American Indian community cheered in Seattle. Indian troops and the Indian community "
        "in Delhi did not."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 15))
    assert mentions["Isleta Indian tribe"].actor.code == "USACVL"
    assert mentions["American Indian community"].actor.code == "USACVL"
    assert mentions["Indian troops"].actor.code == "INDMIL"
    assert mentions["Indian community"].actor.code == "INDCVL"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Iran cracked down, said John Smith of Human Rights Watch.", "NGOHRI"),
        ("Iran cracked down, said John Smith, a researcher at Human Rights Watch.", "NGOHRI"),
        ("Iran cracked down, said John Smith, a spokesman for the UN.", "IGOGOV"),
        ("Iran cracked down, said John Smith of the Pentagon.", "USAMIL"),  # a state's body
        # past a beat, to the body served
        ("Iran cracked down, said John Smith, a researcher for the Middle East at Human "
         "Rights Watch.", "NGOHRI"),
        ("Iran cracked down, said John Smith, an expert on chemical weapons in Syria.",
         "IRNCVL"),  # a place past a beat is the beat's
        # a capitalised title ending in "Director" is an office, not another person's name
        ("Iran cracked down, said John Smith, Research and Advocacy Director for the Middle "
         "East and North Africa at Amnesty International.", "NGOHRI"),
    ],
)  # fmt: skip
def test_a_person_of_an_international_body_is_its_officer_of_no_state(resolver, sentence, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, sentence, day=dt.date(2019, 11, 20))
    assert mentions["John Smith"].actor.code == code


def test_a_capital_after_an_attitude_toward_it_is_its_government(resolver):  # type: ignore[no-untyped-def]
    text = "He showed anger toward Beijing, and missiles were fired toward Baghdad."
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 20))
    assert mentions["Beijing"].actor.code == "CHNGOV"
    assert mentions["Baghdad"].actor.code == "IRQCVL"  # a way, not a stance: a place


def test_a_strike_stands_for_the_force_that_makes_it(resolver):  # type: ignore[no-untyped-def]
    text = "Russian airstrikes killed 20 civilians in Idlib, and a US counterattack followed."
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 20))
    assert mentions["Russian airstrikes"].actor.code == "RUSMIL"
    assert mentions["US counterattack"].actor.code == "USAMIL"


def test_short_names_of_territories_and_words_of_two_states(resolver):  # type: ignore[no-untyped-def]
    text = "Cayman's prison is full, and Korean firms invest there."
    mentions = resolve(resolver, text, day=dt.date(2022, 5, 4))
    assert mentions["Cayman's prison"].actor.code == "CYMCOP"
    assert mentions["Korean firms"].actor.code == "KORBUS"
    text = "North Korea fired a missile. North Korean state media said Korea would be one."
    assert resolve(resolver, text, day=dt.date(2019, 5, 1))["Korea"].actor.country == "PRK"
    # "Virgin Islands" alone: the British ones, unless the article names the American ones
    text = "The U.S. Virgin Islands signed a pact. The Virgin Islands government said so."
    mentions = resolve(resolver, text, day=dt.date(2019, 5, 1))
    assert mentions["Virgin Islands government"].actor.code == "VIRGOV"
    text = "The Virgin Islands government said so."
    mentions = resolve(resolver, text, day=dt.date(2019, 5, 1))
    assert mentions["Virgin Islands government"].actor.code == "VGBGOV"


def test_a_given_name_alone_is_no_known_person_of_that_given_name(resolver):  # type: ignore[no-untyped-def]
    text = "He and his wife Kimberly went home to Iowa."  # not Kimberly Reynolds, its governor
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["wife Kimberly"].actor.role is None
    text = "Hun Sen met officials in Cambodia. Hun said so."  # a family name written first
    assert resolve(resolver, text, day=dt.date(2019, 11, 18))["Hun"].actor.code == "KHMGOV"


def test_a_name_with_a_capital_inside_is_a_firms(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The New York attorney general sued the startup in New York. She said WeWork had misled "
        "investors, and that Adam Neumann and WeWork would answer. Ron DeSantis said so."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 18))
    firms = [m for m in mentions if m.text == "WeWork"]
    assert firms and all(m.actor.sector == "BUS" for m in firms)
    assert "capital inside one word" in firms[0].evidence
    desantis = next(m for m in mentions if m.text == "Ron DeSantis")
    assert desantis.actor.sector == "GOV"


def test_an_international_body_with_a_field_takes_its_sector(resolver):  # type: ignore[no-untyped-def]
    text = "NATO warned Syria. The WHO warned Syria. The UN refugee agency said. The UN met."
    mentions = resolve(resolver, text, day=dt.date(2018, 11, 18))
    assert mentions["NATO"].actor.code == "IGOMIL"  # as the PLOVER gold codes it
    assert mentions["WHO"].actor.code == "IGOMED"
    assert mentions["UN refugee agency"].actor.code == "IGOREF"
    assert mentions["UN"].actor.code == "IGO"


def test_a_place_that_sues_or_speaks_is_its_local_government(resolver):  # type: ignore[no-untyped-def]
    text = "The city sued the firm in Texas. Those in the town refused to leave Texas."
    mentions = resolve(resolver, text, day=dt.date(2018, 11, 18))
    assert mentions["city"].actor.code == "USAGOV"
    assert "local government" in mentions["city"].evidence
    assert mentions["town"].actor.code == "USACVL"  # where people are, not who acts


def test_a_former_business_title_keeps_its_sector(resolver):  # type: ignore[no-untyped-def]
    text = "WeWork's former CEO Adam Neumann sued in New York. Former President Barack Obama spoke."
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["former CEO Adam Neumann"].actor.code == "USABUS"
    assert mentions["Former President Barack Obama"].actor.code == "USAELI"  # a public office


def test_a_spokesman_for_a_firm_is_of_the_firms_sector(resolver):  # type: ignore[no-untyped-def]
    text = (
        "A spokesman for Boeing said the jet was safe in Ohio. A lawyer for the family said so. "
        "A spokesman for the Pentagon said so."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 18))
    spokesmen = [m for m in mentions if m.text == "spokesman"]
    assert [m.actor.sector for m in spokesmen] == ["BUS", "MIL"]
    assert "speaks for" in spokesmen[0].evidence
    assert next(m for m in mentions if m.text == "lawyer").actor.sector == "JUD"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The leader of Hezbollah spoke in Beirut.", "LBNREB"),
        ("The leader of a rebel group in Northern Ireland spoke.", "GBRREB"),
        # a party's leader is no armed group's
        ("The leader of the Labour Party spoke in London.", "GBRGOV"),
    ],
)
def test_the_leader_of_an_armed_group_is_its_member(resolver, text, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["leader"].actor.code == code


def test_the_people_of_a_firm_named_before_them_are_its(resolver):  # type: ignore[no-untyped-def]
    text = (
        "WeWork Inc. said it would cut jobs in New York. A WeWork spokesperson declined to comment."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 10, 1))
    assert mentions["WeWork spokesperson"].actor.code == "USABUS"
    assert "of WeWork" in mentions["WeWork spokesperson"].evidence


def test_a_person_of_no_known_office_is_a_civilian(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Residents of Cleveland, Ohio, protested. Mike Beauvais said the plant had closed. "
        "He said so. Trump Tower was lit. Singh Jabarjung said: “I was deported.”"
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 1, 1))
    assert mentions["Mike Beauvais"].actor.code == "USACVL"
    assert "no known office" in mentions["Mike Beauvais"].evidence
    assert mentions["He"].actor.code == "USACVL"
    # no known given name, but "I" in his quotation refers to him
    assert mentions["Singh Jabarjung"].actor.sector == "CVL"
    # a capitalised phrase only guessed to be a name is no person
    assert mentions["Trump Tower"].actor.sector is None


def test_a_camelcase_word_read_as_a_common_noun_is_a_firms_name(resolver):  # type: ignore[no-untyped-def]
    text = (
        "WeWork is reportedly being investigated by the New York State Attorney General. "
        "A spokesperson for the MoD said so. Sharing songs on YouTube, he cited #MeToo."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert mentions["WeWork"].actor.code == "USABUS"  # the tagger reads it as NN
    assert "MoD" not in mentions  # an abbreviation, not a firm's name
    assert "MeToo" not in mentions  # a hashtag
    assert "he" not in mentions  # a firm is no "he"


def test_fighters_in_an_article_about_a_stateless_group_are_its(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Isis lost Baghuz in Syria. Isis had held it for years. Women fled Isis on Monday. "
        "In Syria, the fighters who remained fought on. In Syria, local fighters manned "
        "checkpoints, and fighters allied to the army waited."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 3, 1))
    fighters = [m for m in mentions if m.text.endswith("fighters")]
    assert [(m.text, m.actor.country) for m in fighters] == [
        ("fighters", None),  # Islamic State's: the article is about it
        ("local fighters", "SYR"),
        ("fighters", "SYR"),
    ]
    assert "Islamic State" in fighters[0].evidence
    # in an article about a state's war, its fighters are of the state the sentence names
    other = resolve(resolver, "In Syria, the fighters fought on.", day=dt.date(2019, 3, 1))
    assert other["fighters"].actor.country == "SYR"


def test_my_kin_in_a_quotation_are_of_the_speakers_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Jack Letts went to Syria from Britain in 2014. Turkey and Syria argued. "
        "“I miss my mum. I miss pasties,” Jack Letts told reporters."
    )
    mum = resolve(resolver, text, day=dt.date(2019, 1, 1))["mum"]
    assert mum.actor.code == "GBRCVL"
    assert "the speaker's, Jack Letts's" in mum.evidence


def test_a_town_the_tables_lack_is_no_persons_name_and_its_state_counts(resolver):  # type: ignore[no-untyped-def]
    text = (
        "SPRINGFIELD, Ill. — A man was hurt in Springfield on Monday. "
        "Springfield Mayor Misty Buscher said she was troubled."
    )
    mentions = resolver.resolve(text, day=dt.date(2024, 6, 4))
    # "Springfield", used twice, is the place the story is told from: no person
    assert not [m for m in mentions if m.actor.person == "Springfield"]
    mayor = next(m for m in mentions if m.actor.person == "Misty Buscher")
    # "Ill.", the Associated Press's abbreviation, puts the story in the United States
    assert mayor.actor.code == "USAGOV"


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("City Council member", "USAGOV"),  # not the body "City Council" and a "member"
        ("Pastor", "USAREL"),
        ("the Rev.", "USAREL"),
        ("Special Agent", "USACOP"),
        ("Comptroller", "USAGOV"),
        ("School board member", "USAEDU"),
    ],
)
def test_local_titles_before_a_name(resolver, title, code):  # type: ignore[no-untyped-def]
    text = f"In Ohio, {title} John Whitaker said on Monday that it was over."
    [person] = [m for m in resolver.resolve(text, day=DAY) if m.actor.person == "John Whitaker"]
    assert person.actor.code == code


def test_a_dated_office_outranks_phoenixs_undated_elite(resolver):  # type: ignore[no-untyped-def]
    # Phoenix files António Guterres as a Portuguese elite "… – today"; the hand-kept table
    # has him as the UN's Secretary-General from 2017.
    guterres = resolve(resolver, "António Guterres spoke.", day=dt.date(2019, 6, 4))
    assert guterres["António Guterres"].actor.igo == "UN"
    earlier = resolve(resolver, "António Guterres spoke.", day=dt.date(2005, 6, 4))
    assert earlier["António Guterres"].actor.code == "PRTELI"


def test_a_hyphenated_word_before_a_name_is_no_title(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "In Texas, 29-year-old Kevin Brooks will be sentenced.")
    assert "Kevin Brooks" in mentions  # not "old Kevin Brooks"


def test_courts_and_police_of_the_story_not_of_a_place_named(resolver):  # type: ignore[no-untyped-def]
    text = (
        "A Fort Worth man was jailed in Texas. The U.S. Attorney's Office in Texas said so. "
        "Prosecutors said Ortiz led a network that moved drugs from Mexico. "
        "A spokeswoman for Tarrant County Sheriff Bill Waybourn said the jail held him."
    )
    mentions = resolve(resolver, text, day=dt.date(2023, 6, 4))
    assert mentions["Prosecutors"].actor.code == "USAJUD"
    assert mentions["spokeswoman"].actor.code == "USACOP"  # speaks for the sheriff


@pytest.mark.parametrize(
    ("title", "police", "army"),
    [
        ("Sgt.", "USACOP", "USAMIL"),  # a rank police forces share with armies
        ("Lt.", "USACOP", "USAMIL"),
        ("Capt.", "USACOP", "USAMIL"),
        ("Det.", "USACOP", "USACOP"),  # only the police's
        ("Brig. Gen.", "USAMIL", "USAMIL"),  # only an army's
        ("Cpl.", "USAMIL", "USAMIL"),
    ],
)
def test_abbreviated_ranks_before_a_name(resolver, title, police, army):  # type: ignore[no-untyped-def]
    # The tokenizer keeps "Capt." whole and the sentence goes on after it.
    name = f"{title} Tom Walsh said patrols would increase."
    stories = [
        (police, f"Police arrested a man in Ohio. Detectives said so. {name}"),
        (army, f"US troops fought a battle in Ohio. Soldiers said so. {name}"),
    ]
    for code, text in stories:
        mentions = resolver.resolve(text, day=dt.date(2023, 6, 4))
        [walsh] = [m for m in mentions if m.actor.person == "Tom Walsh"]
        assert walsh.text == f"{title} Tom Walsh"
        assert walsh.actor.code == code


def test_former_firms_and_their_chiefs_are_still_businesses(resolver):  # type: ignore[no-untyped-def]
    # "former" makes a minister of the elite, not a record label or a chief executive; a
    # CamelCase firm before a title is the firm of its holder, not a person "WeWork".
    text = (
        "Taylor Swift said her former record label Big Machine blocked the show in Nashville. "
        "Ousted WeWork CEO Adam Neumann can still name directors in New York. "
        "A former US defense secretary criticised the plan. "
        "The former Secretary of State John Kerry agreed."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 20))
    [label] = [m for m in mentions if "label" in m.text]
    assert label.actor.sector == "BUS"
    [neumann] = [m for m in mentions if "Neumann" in m.text]
    assert (neumann.text, neumann.actor.sector) == ("CEO Adam Neumann", "BUS")
    assert not [m for m in mentions if m.text == "WeWork"]
    [secretary] = [m for m in mentions if "defense secretary" in m.text]
    assert secretary.actor.code == "USAELI"
    # "former Secretary" is no phrase of its own before a longer one
    [kerry] = [m for m in mentions if "Kerry" in m.text]
    assert (kerry.text, kerry.actor.code) == ("former Secretary of State John Kerry", "USAELI")


def test_the_head_of_a_body_that_governs_nothing(resolver):  # type: ignore[no-untyped-def]
    # "President" is GOV alone; after a firm's, an association's or a union's name, the
    # holder heads that body. An organisation of states' president is still its officer.
    text = (
        "National Rifle Association President Wayne LaPierre spoke in Dallas. "
        "Pinewood Holdings President Mark Jones agreed. "
        "Dockers Union President Jane Hill objected. "
        "European Union President Ursula von der Leyen spoke."
    )
    read = resolver.resolve(text, day=dt.date(2021, 5, 4))
    mentions = {m.actor.person: m.actor for m in read}
    assert mentions["Wayne LaPierre"].sector == "CVL"
    assert mentions["Mark Jones"].sector == "BUS"
    assert mentions["Jane Hill"].sector == "LAB"
    [leyen] = [m.actor for m in read if "Leyen" in m.text]
    assert (leyen.igo, leyen.sector) == ("igo:european-union", "GOV")


def test_chief_executives_are_firms_but_in_hong_kong(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Michael Sims, chief executive of Ceres Robotics, spoke in Houston. "
        "Hong Kong Chief Executive Carrie Lam met protesters. "
        "Hong Kong's chief executive said so."
    )
    read = resolver.resolve(text, day=dt.date(2019, 11, 15))
    [sims] = [m for m in read if m.actor.person == "Michael Sims"]
    assert sims.actor.sector == "BUS"
    [lam] = [m for m in read if m.actor.person == "Carrie Lam"]
    assert lam.actor.code == "HKGGOV"
    [office] = [m for m in read if m.text == "Hong Kong's chief executive"]
    assert office.actor.code == "HKGGOV"


def test_police_chiefs_and_prosecutors_titled_of_their_office(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The Inspector-General of Police, Ibrahim Idris, ordered an inquiry in Abuja. "
        "Deputy Director of Public Prosecution Eva-Marie Persson said Sweden would drop it."
    )
    read = resolver.resolve(text, day=dt.date(2019, 11, 19))
    [idris] = [m for m in read if m.actor.person == "Ibrahim Idris"]
    assert idris.actor.code == "NGACOP"
    # a given name written with a hyphen is one name with the surname after it
    [persson] = [m for m in read if "Persson" in m.text]
    assert persson.actor.person == "Eva-Marie Persson"
    assert persson.actor.code == "SWEJUD"


def test_a_reporters_paper_is_not_where_the_story_is(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Three cases of plague have been diagnosed in China. Officials in Beijing said so. "
        "Sui-Lee Wee of The New York Times wrote about it. China said the risk was low. "
        "Wee of the Times reports that censors had also blocked posts."
    )
    read = resolver.resolve(text, day=dt.date(2019, 11, 19))
    [censors] = [m for m in read if m.text == "censors"]
    assert censors.actor.code == "CHNGOV"


def test_a_states_specialist_is_not_of_that_state(resolver):  # type: ignore[no-untyped-def]
    # "a Ukraine specialist", "Russia experts": the state they study, not their own; "a
    # Chinese expert" is Chinese.
    text = (
        "Democratic lawmakers in Washington grilled Lt Col Alexander Vindman, a Ukraine "
        "specialist on the National Security Council, about the call. "
        "A Chinese expert, Li Wei, disagreed in Beijing."
    )
    read = resolver.resolve(text, day=dt.date(2019, 11, 19))
    [vindman] = [m for m in read if m.actor.person == "Alexander Vindman"]
    assert vindman.actor.code == "USAMIL"
    [li] = [m for m in read if m.actor.person == "Li Wei"]
    assert li.actor.country == "CHN"


def test_newspapers_named_after_their_towns(resolver):  # type: ignore[no-untyped-def]
    # "the Baltimore Sun", "the Miami Herald": papers (JRN), not the towns; "Mohegan Sun
    # Arena" is no paper; "in WeWork buildings" is a firm's, no place.
    text = (
        "Alden Global Capital owns the Baltimore Sun and the Miami Herald in America. "
        "The band played the Mohegan Sun Arena. "
        "WeWork hired 1,000 workers in WeWork buildings."
    )
    read = resolver.resolve(text, day=dt.date(2019, 11, 19))
    codes = {m.text: m.actor.code for m in read}
    assert codes["Baltimore Sun"] == "USAJRN"
    assert codes["Miami Herald"] == "USAJRN"
    assert not [m for m in read if m.actor.sector == "JRN" and "Mohegan" in m.text]
    assert [m.actor.sector for m in read if m.text == "WeWork"] == ["BUS"]
    assert not [m for m in read if m.cue == "unknown-place"]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Rohingya refugees", "MMRREF"),
        ("Uighur activists", "CHNCVL"),
        ("Chechen rebels", "RUSREB"),
        ("Tibetan monks", "CHNREL"),
        ("Basque separatists", "ESPREB"),
    ],
)
def test_peoples_of_one_state(resolver, phrase, code):  # type: ignore[no-untyped-def]
    # a people that lives within one state, with no state of its own, is coded by it
    [mention] = resolver.resolve(f"{phrase} marched on Sunday.", day=dt.date(2019, 11, 19))
    assert (mention.text, mention.actor.code) == (phrase, code)


THEATRE_STORY = (
    "Syrian government forces shelled Idlib and Aleppo on Monday. Residents of Idlib fled "
    "towards the border as the shelling of Aleppo and Homs went on, the worst in Syria for "
    "a year. {sentence}"
)


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        # rebels named by no state in a story set in Syria: Syria's, not the state acting on them
        ("Turkey had promised to remove the militants.", "militants", "SYRREB"),
        ("Trump has cut off backing for rebel groups.", "rebel groups", "SYRREB"),
        ("Trump ended support for anti-regime rebels.", "anti-regime rebels", "SYRREB"),
        # armed men who fight for the government are its forces
        ("Pro-regime fighters were killed.", "Pro-regime fighters", "SYRMIL"),
        ("Trump condemned pro-government militias.", "pro-government militias", "SYRMIL"),
        # "foreign fighters" are no people of where they fight; a named state still decides
        ("Turkey said foreign fighters had crossed.", "foreign fighters", "---REB"),
        ("Turkey said Kurdish militants had crossed.", "Kurdish militants", "SYRREB"),
        ("Iraqi insurgents crossed the border.", "Iraqi insurgents", "IRQREB"),
    ],
)
def test_rebels_are_of_the_state_where_the_story_happens(resolver, sentence, phrase, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, THEATRE_STORY.format(sentence=sentence), dt.date(2018, 5, 1))
    assert mentions[phrase].actor.code == code


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        # the sentence names the theatre among other states: its people
        (
            "Up to 400,000 people are at risk from Vladimir Putin’s air force and Syrian troops.",
            "people",
            "SYRCVL",
        ),
        ("Refugees fled from Russian and Syrian jets.", "Refugees", "SYRREF"),
        # it names none, and the article is mainly about the theatre, among others
        (
            "Turkey, Russia and Iran met. Turkey and Russia spoke. Many civilians fled.",
            "Many civilians",
            "SYRCVL",
        ),
        # people not of where they are; bodies of the states named keep their own rules
        ("Foreigners fled from Russian and Syrian jets.", "Foreigners", "---CVL"),
        ("Migrants fled from Russian and Syrian jets.", "Migrants", "---CVL"),
    ],
)
def test_people_are_of_the_state_where_the_story_happens(resolver, sentence, phrase, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, THEATRE_STORY.format(sentence=sentence), dt.date(2018, 5, 1))
    assert mentions[phrase].actor.code == code


def test_it_is_no_group_of_people(resolver):  # type: ignore[no-untyped-def]
    text = "Kenya said women would vote. It said the vote was fair."
    assert resolve(resolver, text, dt.date(2018, 5, 1))["It"].actor.code == "KEN"


def test_no_theatre_where_the_towns_are_of_a_state_hardly_named(resolver):  # type: ignore[no-untyped-def]
    # Geneva hosts the talks; the story is of Syria and Turkey, and Switzerland is never named
    text = (
        "Syria and Turkey sent envoys to Geneva. The talks in Geneva stalled. "
        "Turkey had promised to remove the militants."
    )
    assert resolve(resolver, text)["militants"].actor.code == "TURREB"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the state that keeps, sends or withdraws forces owns them, not the place after them
        ("The US has about 2,000 troops in Syria.", "USAMIL"),
        ("Donald Trump decided to withdraw troops from Syria.", "USAMIL"),
        ("Turkey sent troops into Syria in 2016.", "TURMIL"),
        ("The US military said it has about 500 troops in Syria.", "USAMIL"),
        # without such a verb, the place still says whose they are
        ("Troops in Syria clashed with rebels.", "SYRMIL"),
        ("Syrian troops in Aleppo attacked the town.", "SYRMIL"),
    ],
)
def test_troops_belong_to_the_state_that_deploys_them(resolver, text, code):  # type: ignore[no-untyped-def]
    [troops] = [m for m in resolver.resolve(text, day=dt.date(2018, 12, 20)) if "roops" in m.text]
    assert troops.actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # schools and hospitals by name, not a saint or a town taken for a person or a state
        (
            "London - St Mary's Primary School told parents to stay away.",
            "St Mary's Primary School",
            "GBREDU",
        ),
        (
            "London - He was taken to Aberdeen Royal Infirmary.",
            "Aberdeen Royal Infirmary",
            "GBRMED",
        ),
        # "and" joins the words of a name after "of", not a hospital and a man
        ("London - Whittington Hospital and Chris Kuo said no.", "Whittington Hospital", "GBRMED"),
        ("London - Whittington Hospital and Chris Kuo said no.", "Chris Kuo", "GBRCVL"),
        (
            "London - The Ministry of Energy and Mines said no.",
            "Ministry of Energy and Mines",
            "GBRGOV",
        ),
    ],
)
def test_schools_and_hospitals_named(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 6, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a name two states' bodies share is the body of the state the article names more
        ("Manila - The PNP said the Philippines would act.", "PNP", "PHLCOP"),
        ("Kingston, Jamaica - The PNP said Jamaica needs change.", "PNP", "JAMPTY"),
        ("Accra - The NDC said Ghana must recount.", "NDC", "GHAPTY"),
        ("The NDC said Grenada must recount.", "NDC", "GRDPTY"),
        # parties and unions of the hand-kept table
        ("Fianna Fáil and Fine Gael agreed.", "Fianna Fáil", "IRLPTY"),
        ("The AFL-CIO backed the strike.", "AFL-CIO", "USALAB"),
        ("London - Unite union members will strike.", "Unite union", "GBRLAB"),
    ],
)
def test_parties_and_unions_and_shared_names(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 6, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "day", "phrase", "code"),
    [
        # a king of several realms is the king of the one the article names
        (
            "London - King Charles met the Prime Minister.",
            dt.date(2023, 11, 15),
            "King Charles",
            "GBRGOV",
        ),
        (
            "London - King Charles met the Prime Minister.",
            dt.date(2023, 11, 15),
            "Prime Minister",
            "GBRGOV",
        ),
        (
            "Canberra - King Charles met Australia's Prime Minister.",
            dt.date(2023, 11, 15),
            "King Charles",
            "AUSGOV",
        ),
        # before his reign, his state is still the one the article names
        (
            "London - King Charles met the Prime Minister.",
            dt.date(2019, 11, 15),
            "King Charles",
            "GBR",
        ),
        # royal titles and the Church of England's archbishops
        (
            "London - The Duke of Sussex sued the paper.",
            dt.date(2019, 11, 15),
            "Duke of Sussex",
            "GBRGOV",
        ),
        (
            "London - Princess Anne opened the school.",
            dt.date(2019, 11, 15),
            "Princess Anne",
            "GBRGOV",
        ),
        (
            "London - Archbishop of Canterbury Justin Welby warned.",
            dt.date(2019, 11, 15),
            "Archbishop of Canterbury Justin Welby",
            "GBRREL",
        ),
    ],
)
def test_kings_of_several_realms_and_royal_titles(resolver, text, day, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day)[phrase].actor.code == code


ISIS_STORY = (
    "Islamic State lost its last village in Baghuz. Isis fighters surrendered as Isis "
    "collapsed. Isis had held the town for years. {sentence}"
)


@pytest.mark.parametrize(
    ("sentence", "phrase", "group"),
    [
        # in an article about a group of no state, its fighters' kin and its followers are its
        ("The wives of fighters were taken to camps.", "wives", True),
        ("It still has many followers in Europe.", "many followers", True),
        # whom "supporters of" support is named after them
        ("Supporters of the scheme said it worked.", "Supporters", False),
    ],
)
def test_kin_and_followers_of_a_stateless_group(resolver, sentence, phrase, group):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, ISIS_STORY.format(sentence=sentence), dt.date(2019, 3, 20))[phrase]
    assert (mention.actor.organisation == "armed:islamic-state") == group
    assert mention.actor.country is None


def test_it_refers_to_a_body_named_in_its_sentence(resolver):  # type: ignore[no-untyped-def]
    text = (
        "London - The headteacher told pupils to go home. "
        "Oxford University said it would review the decision."
    )
    read = resolver.resolve(text, day=dt.date(2020, 6, 1))
    [it] = [m for m in read if m.text == "it"]
    assert read[it.antecedent].text == "Oxford University"  # type: ignore[index]
    assert it.actor.sector == "EDU"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a portfolio's minister or secretary, the portfolio's words part of the title
        (
            "Kingston, Jamaica - National Security Minister Horace Chang said.",
            "National Security Minister Horace Chang",
            "JAMGOV",
        ),
        ("London - Housing Minister Esther McVey said.", "Housing Minister Esther McVey", "GBRGOV"),
        # a superintendent is the police's in a story of the police
        (
            "Kingston, Jamaica - Police charged a man. Superintendent Gary McKenzie said.",
            "Superintendent Gary McKenzie",
            "JAMCOP",
        ),
    ],
)
def test_portfolio_titles_and_superintendents(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 6, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "day", "phrase", "code"),
    [
        # a legislature's party leaders are its (LEG); a name set off after them holds the office
        (
            "WASHINGTON - Senate Majority Leader Mitch McConnell blocked the bill.",
            dt.date(2019, 11, 15),
            "Senate Majority Leader Mitch McConnell",
            "USALEG",
        ),
        (
            "Abuja - The Senate Leader, Ahmad Lawan, raised a motion.",
            dt.date(2018, 10, 9),
            "Ahmad Lawan",
            "NGALEG",
        ),
        (
            "Senate Leader, Ahmad Lawan raises a motion in Abuja.",
            dt.date(2018, 10, 9),
            "Ahmad Lawan",
            "NGALEG",
        ),
        # a general word for an office still says little of its holder
        (
            "The group's leader, Mohammed Emwazi, spoke in Syria.",
            dt.date(2015, 1, 1),
            "Mohammed Emwazi",
            "SYR",
        ),
    ],
)
def test_legislative_leaders_and_offices_set_off_before_a_name(resolver, text, day, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day)[phrase].actor.code == code


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        # a people in the plural, in a story set in another state that names its forces
        ("The Turks advanced on the town.", "Turks", "TURMIL"),
        # not where the story names none of its forces, nor the theatre's own people
        ("The Russians protested.", "Russians", "RUS"),
        ("The Syrians fled.", "Syrians", "SYR"),
    ],
)
def test_a_foreign_people_in_a_war_story_is_its_forces(resolver, sentence, phrase, code):  # type: ignore[no-untyped-def]
    story = (
        "Turkish troops shelled Afrin and Manbij. Fighting in Afrin went on near Manbij, in "
        f"Syria, Syria said. {sentence}"
    )
    assert resolve(resolver, story, dt.date(2018, 3, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        # a state's official answers to its own legislature, wherever the story is about
        (
            "Ukraine was named. Kenya's Otieno Kamau told lawmakers about Ukraine.",
            "lawmakers",
            "KENLEG",
        ),
        (
            "Ukraine was named. Kenya's Otieno Kamau testified before lawmakers on Ukraine.",
            "lawmakers",
            "KENLEG",
        ),
        # no one who tells them: the article's state, as before
        (
            "Ukraine was named. Kenya's Otieno Kamau met lawmakers on Ukraine.",
            "lawmakers",
            "UKRLEG",
        ),
        # the opposition is a state's own, as its lawmakers are: the article's state
        (
            "Kenya and Uganda met. Kenya held a vote. Uganda watched. The opposition objected.",
            "opposition",
            "KENOPP",
        ),
        (
            "Kenya held a vote. Kenya counted it. Uganda and the opposition met.",
            "opposition",
            "KENOPP",
        ),
    ],
)
def test_a_states_own_bodies_are_placed_at_home(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 11, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("About 100 Kurdish protesters gathered in London. The group carried signs.", "GBRCVL"),
        ("Workers at WeWork in New York formed a union. The group wrote to management.", "USALAB"),
    ],
)
def test_the_group_is_the_people_named_last(resolver, text, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2019, 10, 1))
    assert mentions["group"].actor.code == code
    assert mentions["group"].antecedent is not None


def test_the_group_is_no_crowd_named_long_before(resolver):  # type: ignore[no-untyped-def]
    text = "Kurdish protesters gathered in London. It rained. Trains ran late. The group sang."
    assert "group" not in resolve(resolver, text, dt.date(2019, 10, 1))


def test_a_description_opening_the_next_sentence_is_the_person_named(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Ricardo Vilanova never wanted to be part of the story. The Spanish photojournalist "
        "went to Syria in 2011. Later Vilanova was freed."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 1, 1))
    named = [m for m in mentions if m.text in ("Ricardo Vilanova", "Vilanova")]
    assert {m.actor.code for m in named} == {"ESPJRN"}
    described = next(m for m in mentions if m.text == "Spanish photojournalist")
    assert described.actor.person is not None
    assert mentions[described.antecedent].text == "Ricardo Vilanova"  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        # a child of the person, a name, or two people before: no description of one
        "In Britain, Otieno Kamau wept. The infant had died.",
        "In Britain, Otieno Kamau wrote. The Economist printed it.",
        "In Britain, Otieno Kamau met Wanjiru Odhiambo. The Kenyan photojournalist left.",
    ],
)
def test_no_description_of_the_person_named_before(resolver, text):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2019, 1, 1))
    assert mentions["Otieno Kamau"].actor.sector in (None, "CVL")


def test_a_spokesman_for_no_one_named_speaks_for_the_body_before(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In Syria, Kurdish-led authorities described the detainees as a timebomb. "
        "A spokesman said they would not free them."
    )
    mentions = resolve(resolver, text, dt.date(2019, 2, 18))
    assert mentions["spokesman"].actor.code == mentions["Kurdish-led authorities"].actor.code
    # a person named between: perhaps theirs, read as before
    text = (
        "In Syria, Kurdish-led authorities described the detainees as a timebomb. "
        "Otieno Kamau wept. A spokesman said they would not free them."
    )
    assert resolve(resolver, text, dt.date(2019, 2, 18))["spokesman"].actor.code == "SYRGOV"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a title only some states give: the one of them the article names
        ("Syria and Iraq were named. Britain is wary. The foreign secretary said no.", "GBRGOV"),
        ("Syria and Iraq were named. India is wary. The home secretary said no.", "INDGOV"),
        # none of them named: read as before, by the story's state
        ("Syria and Iraq were named. Syria is wary. The foreign secretary said no.", "SYRGOV"),
    ],
)
def test_a_title_only_some_states_give_is_theirs(resolver, text, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2019, 3, 1))
    title = next(m for p, m in mentions.items() if p.endswith("secretary"))
    assert title.actor.code == code


def test_a_degree_before_an_adjective_stays_in_the_noun_phrase(resolver):  # type: ignore[no-untyped-def]
    text = "Syria and Turkey were named. It blindsided Trump’s most senior officials."
    mentions = resolve(resolver, text, dt.date(2018, 12, 20))
    officials = next(m for p, m in mentions.items() if p.endswith("officials"))
    assert officials.actor.code == "USAGOV"  # the owner's, past "most"
    text = "Australia’s most wanted man was held in Turkey."
    assert (
        resolve(resolver, text, dt.date(2018, 12, 20))["Australia’s most wanted man"].actor.code
        == "AUSCVL"
    )


def test_a_surname_keeps_the_office_the_article_gave_the_full_name(resolver):  # type: ignore[no-untyped-def]
    # The tables end Tobias Ellwood's term in 2017; the article's words name his office.
    day = dt.date(2018, 2, 9)
    text = (
        "The defence minister Tobias Ellwood said the men should face a court. "
        "Ellwood said a terrorist must answer to a legitimate authority."
    )
    assert resolve(resolver, text, day)["Ellwood"].actor.code == "GBRGOV"
    # Without an office in the words, the tables' ended term makes him one of the elite.
    text = "Tobias Ellwood said the men should face a court. Ellwood said more."
    assert resolve(resolver, text, day)["Ellwood"].actor.sector == "ELI"


def test_a_surname_takes_no_office_from_a_year_told(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In 1988 Saddam Hussein gassed several Kurdish villages. "
        "Decades later, Saddam is remembered for it."
    )
    assert resolve(resolver, text, dt.date(2018, 3, 1))["Saddam"].actor.sector == "ELI"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Shamima Begum, a British-born teenager who travelled to Syria to join Islamic "
            "State, wants to return. Last month Begum said she wanted to go home.",
            "Begum",
        ),
        ("Ayla Brennan, 19, left the UK in 2015 to join Isis in Syria. She is in a camp.", "She"),
        ("Tom Hale, a British member of Isis, was killed in a drone strike.", "Tom Hale"),
        (
            "The coroner ruled that Ollie Hart, 24, of Manchester, died on active service while "
            "serving with the Kurdistan People’s Protection Units (YPG).",
            "Ollie Hart",
        ),
        (
            "Jac Holmer, 24, from Bournemouth, was killed fighting alongside the YPG in Raqqa.",
            "Jac Holmer",
        ),
        (
            "Those are the words of Alex Morton, a 31-year-old railway worker from east London. "
            "Morton has risked his life to fight Isis alongside Kurdish freedom fighters.",
            "Morton",
        ),
        (
            "Britain is giving consular help to the alleged senior Islamic State recruiter and "
            "conspirator Neil Pratt, a British minister said. Pratt left in 2013.",
            "Pratt",
        ),
    ],
)
def test_a_person_who_joined_an_armed_group_is_its_member(resolver, text, phrase):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, dt.date(2019, 3, 1))[phrase]
    assert (mention.actor.country, mention.actor.sector) == ("GBR", "REB")


def test_words_about_someone_else_joining_make_no_member(resolver):  # type: ignore[no-untyped-def]
    text = (
        "His parents, John Letts and Sally Lane, deny their son went to Syria to join Isis. "
        "Sally Lane spoke to ITV."
    )
    mentions = resolve(resolver, text, dt.date(2019, 3, 1))
    assert mentions["Sally Lane"].actor.sector != "REB"


def test_a_hostage_of_an_armed_group_is_no_member(resolver):  # type: ignore[no-untyped-def]
    text = "The British journalist and Isis hostage John Cantrell appeared in a video from Mosul."
    mentions = resolve(resolver, text, dt.date(2015, 3, 1))
    named = [m for phrase, m in mentions.items() if phrase.endswith("John Cantrell")]
    assert named and all(m.actor.sector != "REB" for m in named)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Britons who went to join Isis are dangerous, the head of MI6 said.", "Britons", "GBRREB"),
        # an armed group named by a noun for its men
        (
            "He would not risk lives to rescue UK citizens who joined the militants in Syria.",
            "UK citizens",
            "GBRREB",
        ),
        (
            "Jarrah was buried three weeks after the east London teenager who joined Islamic "
            "State gave birth.",
            "east London teenager",
            "GBRREB",
        ),
        # A clause of another kind makes no members
        ("Britons who went to Syria to help Isis's victims returned.", "Britons", "GBR"),
    ],
)
def test_people_who_joined_an_armed_group_are_its_members(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2019, 3, 1))
    assert mentions[phrase].actor.code == code


def test_their_armed_men_are_an_armed_groups_not_the_peoples_named_last(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Islamic State closed the doors of Raqqa to civilians a year ago. "
        "Then some of their fighters began taking money from civilians."
    )
    fighters = resolve(resolver, text, dt.date(2017, 10, 1))["fighters"]
    assert fighters.actor.country is None
    assert fighters.actor.organisation == "armed:islamic-state"
    # their own homes are still the people's
    text = "Islamic State closed Raqqa to civilians. Then their homes were shelled by soldiers."
    assert resolve(resolver, text, dt.date(2017, 10, 1))["their"].actor.sector == "CVL"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Ottawa reached an agreement with the Kurdish administration in north-eastern Syria "
            "to take home citizens held by its forces.",
            "SYRREB",
        ),
        ("Russia's embassy in the UK says it is concerned by the reports.", "RUSGOV"),
    ],
)
def test_it_is_the_body_not_the_state_named_as_where_it_is(resolver, text, code):  # type: ignore[no-untyped-def]
    mentions = resolver.resolve(text, day=dt.date(2019, 10, 1))
    [pronoun] = [m for m in mentions if m.text.lower() in ("it", "its")]
    assert pronoun.actor.code == code


def test_it_is_still_the_state_named_as_the_sentences_subject(resolver):  # type: ignore[no-untyped-def]
    text = "Cambodia stands ready to welcome the JMSDF in Sihanoukville to dock at its ports."
    [pronoun] = [m for m in resolver.resolve(text, day=DAY) if m.text == "its"]
    assert pronoun.actor.code == "KHM"


def test_the_kurds_of_syria_in_a_story_of_their_forces_are_a_non_state_group(resolver):  # type: ignore[no-untyped-def]
    day = dt.date(2019, 2, 20)
    text = (
        "The YPG has led the fight against Islamic State in Syria. "
        "Turkey has for years been threatening the Kurds in Syria."
    )
    assert resolve(resolver, text, day)["Kurds"].actor.code == "SYRREB"
    # with no forces of theirs named, the people
    text = "Turkey has for years been threatening the Kurds in Syria."
    assert resolve(resolver, text, day)["Kurds"].actor.code == "SYRCVL"
    # and Iraq's Kurdish region has a recognised government
    text = "The peshmerga fought in Mosul. Baghdad has long been threatening the Kurds in Iraq."
    assert resolve(resolver, text, day)["Kurds"].actor.code == "IRQCVL"


def test_a_spokesman_for_the_opposition_speaks_for_it(resolver):  # type: ignore[no-untyped-def]
    text = "Yahya Aridi, a spokesman for the opposition Syrian National Commission, spoke."
    assert resolve(resolver, text, dt.date(2017, 11, 28))["Yahya Aridi"].actor.sector == "OPP"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Hundreds were killed by Russian and Syrian bombs.", "Russian", "RUSMIL"),
        ("Hundreds were killed by Russian and Syrian bombs.", "Syrian", "SYRMIL"),
        ("Recent US Predator attacks killed eight leaders.", "US", "USAMIL"),
        ("Air defences downed two Israeli missiles.", "Israeli", "ISRMIL"),
        # before a jail, its prisons
        ("Aine Davis is doing time in a Turkish jail.", "Turkish", "TURCOP"),
    ],
)
def test_a_state_named_before_a_weapon_or_a_jail_holds_it(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2018, 2, 24))[phrase].actor.code == code


def test_a_state_named_before_other_things_is_not_its_armed_forces(resolver):  # type: ignore[no-untyped-def]
    text = "Hundreds were killed in Russian and Syrian towns."
    assert resolve(resolver, text, dt.date(2018, 2, 24))["Russian"].actor.sector != "MIL"


def test_an_agent_noun_the_tagger_takes_for_a_verb_is_still_read(resolver):  # type: ignore[no-untyped-def]
    # spaCy tags "airstrikes" here as a verb (VBZ) but parses it as the subject
    text = (
        "In recent days, airstrikes against the rebel-held district near Damascus "
        "have killed dozens."
    )
    assert resolve(resolver, text, dt.date(2018, 1, 23))["airstrikes"].actor.sector == "MIL"


def test_the_terrorist_group_is_the_group_of_no_state_named_before(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Raqqa, once the capital of Islamic State, has fallen. The Syrian Democratic Forces "
        "(SDF) said they had captured the stadium, the last holdout of the terrorist group."
    )
    group = resolve(resolver, text, dt.date(2017, 10, 17))["terrorist group"]
    assert group.actor.organisation == "armed:islamic-state"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Similarly, Kabul's authority rests in part on western troops.", "western troops"),
        ("Syrians say the international community has abandoned them.", "international community"),
    ],
)
def test_western_or_international_people_are_not_of_the_state_named(resolver, text, phrase):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 1, 1))[phrase].actor.country is None


def test_an_international_body_by_name_keeps_its_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Firms will pass the tariffs on to U.S. consumers, said Monica de Bolle, a fellow at "
        "the Peterson Institute for International Economics."
    )
    body = "Peterson Institute for International Economics"
    assert resolve(resolver, text, dt.date(2019, 1, 1))[body].actor.country == "USA"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Students protested at the university. The university's president resigned.", "EDU"),
        ("The company lost money. The company's president resigned.", "BUS"),
        # a state's own president is its government's
        ("Kenya held elections. The country's president resigned.", "GOV"),
    ],
)
def test_the_head_of_a_body_that_governs_nothing_is_of_its_sector(resolver, text, sector):  # type: ignore[no-untyped-def]
    mentions = resolver.resolve(text, day=dt.date(2023, 5, 1))
    [head] = [m for m in mentions if m.text.endswith("president")]
    assert head.actor.sector == sector


def test_pronouns_after_a_description_go_to_the_person_described(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Ricardo Vilanova never wanted to be part of the story. The Spanish photojournalist "
        "went to Syria in 2011 to cover the revolution against Bashar al-Assad. "
        "The rebels he thought would offer protection did not and he was taken hostage."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 1, 1))
    pronouns = [m for m in mentions if m.text == "he"]
    assert [m.actor.code for m in pronouns] == ["ESPJRN", "ESPJRN"]


def test_former_before_a_common_noun_makes_no_former_official(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Taylor Swift said her former label Big Machine blocked her. "
        "The record label Big Machine denied it."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 15))
    label = next(m for m in mentions if m.text.endswith("label Big Machine"))
    assert label.actor.sector == "BUS"
    # before a title, it does
    text = "Former AG Eric Schneiderman resigned in May."
    assert resolve(resolver, text, dt.date(2019, 11, 15))["Eric Schneiderman"].actor.sector == "ELI"


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("Holmes revealed it to impeachment investigators.", "impeachment investigators", "LEG"),
        ("Congressional investigators questioned him.", "Congressional investigators", "LEG"),
        ("Senate aides said the vote would slip.", "Senate aides", "LEG"),
        ("Police investigators questioned him.", "Police investigators", "COP"),
    ],
)
def test_a_legislatures_staff_and_investigators_are_its_own(resolver, text, phrase, sector):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 11, 15))[phrase].actor.sector == sector


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        ("He studied in Santa Cruz, California, then moved to Ohio.", "Santa Cruz", "USA"),
        ("A village southwest of Ithaca, New York, sued Ohio.", "Ithaca", "USA"),
        ("The ferry from Patras to Ithaca, Greece, sank.", "Ithaca", "GRC"),
        # a capital of one state and a town of another: the kind follows the state
        (
            "The Denver Post and the San Jose Mercury News, in California, merged.",
            "San Jose",
            "USA",
        ),
        ("Costa Rica's president flew home to San Jose on Monday.", "San Jose", "CRI"),
        # Caribbean names the derived tables lack
        ("The BVI government met on Monday.", "BVI government", "VGB"),
        ("Voters on Saba went to the polls.", "Saba", "BES"),
        ("Protesters in Oranjestad marched.", "Oranjestad", "ABW"),
    ],
)
def test_places_the_derived_tables_lack_or_give_one_state_only(resolver, text, phrase, country):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 11, 15))[phrase].actor.country == country


def test_the_bottom_line_is_no_capital_nor_ariana_a_town(resolver):  # type: ignore[no-untyped-def]
    text = "The bottom line is that Ariana Grande sang in Ohio."
    mentions = resolve(resolver, text, dt.date(2019, 11, 15))
    assert not any(m.actor.country in ("BES", "TUN") for m in mentions.values())


def test_a_town_two_states_name_is_of_the_one_whose_towns_the_story_names(resolver):  # type: ignore[no-untyped-def]
    day = dt.date(2019, 11, 15)
    text = (
        "Two people were killed in a crash in Osborne Store, Clarendon on Tuesday. "
        "They are Heather Grant, 33, of Christiana, Manchester and Nigel Ambersley."
    )
    assert resolve(resolver, text, day)["Manchester"].actor.country == "JAM"
    # by itself, the larger one's
    assert (
        resolve(resolver, "Police in Manchester arrested a man.", day)["Manchester"].actor.country
        == "GBR"
    )


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Douziech is the artist in residence at a studio in South LA.", "LA"),
        ("Ryan, a congressman from Wisconsin, will not run again.", "Wisconsin"),
        ("Police in Baltimore arrested a man.", "Baltimore"),
        (
            "The Washington, D.C. attorney general sued Facebook.",
            "Washington, D.C. attorney general",
        ),
    ],
)
def test_american_places_the_derived_tables_lack(resolver, text, phrase):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 1, 1))[phrase].actor.country == "USA"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Police in Bristol arrested a man.", "Bristol", "GBR"),
        ("The protest in Brixton ended peacefully.", "Brixton", "GBR"),
        ("Engineers in Cupertino unveiled a laptop.", "Cupertino", "USA"),
        ("Protesters marched in Lviv.", "Lviv", "UKR"),
        ("A farmer in County Kerry found him.", "County Kerry", "IRL"),
        # a town two states name, named alone: the one listed first
        ("Researchers in Cambridge said so.", "Cambridge", "GBR"),
    ],
)
def test_towns_the_derived_tables_lack(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 1, 1))[phrase].actor.country == code


def test_a_place_of_origin_in_apposition_names_no_office(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Ruby Kemp, 24, from Portsmouth, died on Tuesday. Kemp had been clearing mines. "
        "Her mother said she was proud."
    )
    assert resolve(resolver, text, dt.date(2019, 1, 1))["Ruby Kemp"].actor.code == "GBRCVL"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("John Malkin, 31, of Columbus, was booked into the county jail.", "John Malkin"),
        ("Police said Ann Petro faces two charges of burglary.", "Ann Petro"),
        ("Carl Benn pleaded not guilty on Monday.", "Carl Benn"),
        ("Prosecutors charged Eve Tull with murder.", "Eve Tull"),
    ],
)
def test_more_words_for_a_person_charged(resolver, text, phrase):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 11, 15))[phrase].actor.sector == "CRM"


def test_a_firm_charging_for_something_is_not_charged(resolver):  # type: ignore[no-untyped-def]
    text = "Wearables Inc. is charging Apple Watch buyers more. Apple said nothing."
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 15))
    assert all(m.actor.sector != "CRM" for m in mentions)


def test_a_superintendent_where_the_sentence_speaks_of_schools_is_a_schools(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Sheriff Sally Hernandez said deputies arrested him. "
        "Superintendent Matias Segura said teachers would be paid. "
        "Superintendent John Moss said officers responded."
    )
    mentions = resolve(resolver, text, dt.date(2023, 5, 1))
    assert mentions["Superintendent Matias Segura"].actor.sector == "EDU"
    assert mentions["Superintendent John Moss"].actor.sector == "COP"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Douglas Ross said the SNP was wrong.", "Douglas Ross"),
        ("Victoria Beckham smiled at the cameras.", "Victoria Beckham"),
        ("Stanley Johnson spoke on the radio.", "Stanley Johnson"),
        ("Thomas Mann wrote books.", "Thomas Mann"),
    ],
)
def test_a_small_states_capital_or_name_in_a_persons_name_names_no_state(resolver, text, phrase):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, dt.date(2019, 1, 1))[phrase]
    assert mention.actor.country not in ("IMN", "SYC", "FLK")


def test_those_capitals_as_places_still_name_their_states(resolver):  # type: ignore[no-untyped-def]
    text = "Officials in Hamilton, Bermuda agreed. The government in Douglas said so."
    mentions = resolve(resolver, text, dt.date(2019, 1, 1))
    assert mentions["Hamilton"].actor.country == "BMU"
    assert mentions["Douglas"].actor.country == "IMN"


def test_a_pronoun_after_a_pronoun_keeps_the_sector_its_person_was_given(resolver):  # type: ignore[no-untyped-def]
    # "he" refers through "He" to John Smith, whose arrest the article tells only later in
    # its reading: both pronouns take his sector.
    text = "Police in Ohio arrested John Smith on Monday. He said he would plead not guilty."
    mentions = resolver.resolve(text, day=DAY)
    assert [m.actor.code for m in mentions if m.text.lower() == "he"] == ["USACRM", "USACRM"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Judge Smith sentenced him to ten years.", "Judge Smith"),  # Rhodesia's Ian Smith
        ("Officer Johnson arrested him.", "Officer Johnson"),  # a Liberian record "Johnson"
    ],
)
def test_a_title_a_one_word_record_never_held_names_someone_else(resolver, text, phrase):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, day=dt.date(2019, 5, 1))[phrase]
    assert mention.actor.person is None or "smith" not in mention.actor.person
    assert mention.actor.country is None


def test_a_title_a_one_word_record_held_still_names_it(resolver):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, "President Suharto met the envoy.", day=dt.date(2019, 5, 1))
    assert mention["President Suharto"].actor.code == "IDNGOV"


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("The teachers' union called on the board to wait.", "teachers' union", "LAB"),
        ("The nurses' union threatened to strike.", "nurses' union", "LAB"),
        ("The prison workers' union said staff were exhausted.", "prison workers' union", "LAB"),
        ("The feds busted the drug ring.", "feds", "COP"),
    ],
)
def test_a_trades_union_and_the_feds(resolver, text, phrase, sector):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.sector == sector


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The NYPD arrested two men.", "NYPD", "USACOP"),
        ("The CDC warned of an outbreak.", "CDC", "USAGOV"),
        ("The Secret Service detained a man.", "Secret Service", "USACOP"),
        ("Border Force officers seized the drugs.", "Border Force officers", "GBRCOP"),
        ("Whitehall rejected the plan.", "Whitehall", "GBRGOV"),
    ],
)
def test_public_bodies_of_american_and_british_news(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day=dt.date(2019, 5, 1))[phrase].actor.code == code


def test_a_border_force_or_secret_service_in_lower_case_is_no_named_body(resolver):  # type: ignore[no-untyped-def]
    text = "The US would raise a border force; Moscow blamed a foreign secret service."
    found = {m.text: m.actor.organisation for m in resolver.resolve(text, day=dt.date(2019, 5, 1))}
    assert not any(org and ("border" in org or "secret" in org) for org in found.values())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Environmental Protection Agency fined it. The agency said so.", "USAGOV"),
        ("The Department of Justice sued. The department declined to comment.", "USAGOV"),
        ("The city council in Boston met. The council voted to ban the sale.", "USAGOV"),
        (
            "Jan Novak, an MP of the Czech Social Democratic Party, was arrested. "
            "The arrest was condemned by the party.",
            "CZEPTY",
        ),
        ("Kenya's Ministry of Health ordered tests. The ministry will send a bus.", "KENGOV"),
    ],
)
def test_the_agency_is_the_body_named_earlier_by_that_word(resolver, text, code):  # type: ignore[no-untyped-def]
    [mention] = [m for m in resolver.resolve(text, day=DAY) if m.cue == "description"]
    assert mention.actor.code == code
    assert mention.antecedent is not None


def test_the_agency_is_not_a_body_whose_word_only_qualifies_another(resolver):  # type: ignore[no-untyped-def]
    text = "A coalition bombing raid in Syria killed ten people. The coalition said so."
    assert not [m for m in resolver.resolve(text, day=DAY) if m.cue == "description"]


def test_a_title_of_courtesy_may_open_the_name_an_office_is_set_off_before(resolver):  # type: ignore[no-untyped-def]
    # (a made-up office for the test: the tables give Peter Phillips no term in 2022)
    text = "In Jamaica, the Minister of Tourism, Dr. Peter Phillips, said visitors were back."
    mention = resolve(resolver, text, day=dt.date(2022, 6, 1))["Peter Phillips"]
    assert (mention.actor.code, mention.cue) == ("JAMGOV", "name+title")


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Elon Musk criticised the regulator.", "Elon Musk", "USABUS"),
        ("Taylor Swift accused her former label of bullying.", "Taylor Swift", "USAELI"),
        ("Julian Assange was arrested in London.", "Julian Assange", "AUSJRN"),
    ],
)
def test_famous_people_of_no_office_are_known(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, day=dt.date(2019, 5, 1))[phrase]
    assert mention.actor.code == code
    assert "(manual)" in mention.evidence  # tieline/data/manual/notables.tsv


def test_a_famous_private_person_says_nothing_of_what_a_story_is_about(resolver):  # type: ignore[no-untyped-def]
    # James Foley (USA JRN) is named most, but the story is Syria's: its police are Syria's.
    text = (
        "James Foley was held in Raqqa, Syria. James Foley wrote to his family. James Foley "
        "was moved. Police arrested two men."
    )
    mentions = resolve(resolver, text, day=dt.date(2014, 5, 1))
    assert mentions["Police"].actor.country == "SYR"


def test_a_founders_title_leaves_a_known_persons_own_sector(resolver):  # type: ignore[no-untyped-def]
    text = "WikiLeaks co-founder Julian Assange was arrested in London."
    mentions = resolve(resolver, text, day=dt.date(2019, 5, 1))
    assert mentions["WikiLeaks co-founder Julian Assange"].actor.code == "AUSJRN"


def test_a_state_named_by_its_deed_after_a_preposition_is_not_the_phrases(resolver):  # type: ignore[no-untyped-def]
    text = "In Syria, fighters went to defend the besieged Kurdish city from Turkish attack."
    mentions = resolve(resolver, text, day=dt.date(2018, 3, 20))
    assert mentions["Kurdish city"].actor.country != "TUR"
    assert resolve(resolver, "Rebels in Syria shelled the port.")["Rebels"].actor.code == "SYRREB"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Texan officials said so.", "Texan officials", "USAGOV"),
        ("Two Londoners were arrested.", "Londoners", "GBRCVL"),
        ("Bavarian police said so.", "Bavarian police", "DEUCOP"),
    ],
)
def test_a_towns_or_regions_people_are_of_its_state(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day=dt.date(2019, 1, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will buy state-of-the-art missiles.",
        "They hold out on the banks of the Euphrates river.",
        "Shells fell on the eastern bank of the Tigris.",
    ],
)
def test_an_agent_noun_in_a_compound_or_a_rivers_bank_names_no_one(resolver, text):  # type: ignore[no-untyped-def]
    found = [m.text for m in resolver.resolve(text, day=DAY) if m.cue.startswith("agent")]
    assert not found


def test_a_central_bank_of_a_state_is_still_one(resolver):  # type: ignore[no-untyped-def]
    text = "The central bank of Iraq raised rates."
    assert resolve(resolver, text)["central bank"].actor.code == "IRQGOV"


def test_a_known_name_opening_with_an_ordinary_word_is_matched_only_as_written(resolver):  # type: ignore[no-untyped-def]
    text = "Beijing's diktats to Lam have achieved nothing. To Lam met Xi in Hanoi."
    found = {m.text: m.actor.person for m in resolver.resolve(text, day=dt.date(2024, 9, 1))}
    assert not any(text.startswith("diktats") for text in found)
    assert found["To Lam"] == "to-lam-vnm"


def test_governance_and_an_it_that_would_appear_name_no_one(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Rebels seized the pair. It would appear that they were questioned. Elections "
        "brought changes in governance."
    )
    found = [m.text for m in resolver.resolve(text, day=DAY)]
    assert "It" not in found and "governance" not in found


def test_a_name_ending_in_a_places_word_is_a_place_not_a_person(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Residents of Gladstone Avenue protested in Ohio. Police found him at Bethany, "
        "Essequibo Coast."
    )
    people = [m.text for m in resolver.resolve(text, day=dt.date(2022, 5, 6)) if m.actor.person]
    assert not [p for p in people if "Avenue" in p or "Coast" in p]


def test_players_of_sports_are_civilians(resolver):  # type: ignore[no-untyped-def]
    text = "Cleveland's lineman shoved Pittsburgh quarterback Mason Rudolph."
    found = resolve(resolver, text, day=dt.date(2019, 11, 18))
    assert found["Pittsburgh quarterback Mason Rudolph"].actor.code == "USACVL"


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "The Senate Judiciary Committee in Washington summoned him.",
            "Senate Judiciary Committee",
            "USALEG",
        ),
        (
            "The Commons Defence Committee questioned the British chiefs.",
            "Commons Defence Committee",
            "GBRLEG",
        ),
    ],
)
def test_a_legislatures_committee_is_the_legislature(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text)[phrase].actor.code == code


def test_he_is_the_man_his_own_sentence_names(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Ruaa Abu Rashed arrived in Germany in winter. "
        "A young Italian man at a railway station had taken a coat off his own back."
    )
    mentions = resolve(resolver, text, day=dt.date(2017, 8, 30))
    assert mentions["his"].actor.code == "ITACVL"
    assert "Italian man" in mentions["his"].evidence


def test_a_noun_after_as_says_what_someone_is_not_who(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Recep Tayyip Erdogan spoke in Ankara. "
        "Offering himself as the spokesman of the Muslim world, he criticised Europe."
    )
    mentions = resolve(resolver, text, day=dt.date(2018, 3, 1))
    assert mentions["he"].actor.code == "TURGOV"
    assert mentions["he"].evidence.startswith("refers to Recep Tayyip Erdogan")


def test_an_unknown_place_is_not_in_the_state_of_the_paper_that_went_there(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Felicia Perkins-Ferreira lives in Trinidad. "
        "The Guardian found Perkins-Ferreira in Petit Valley, outside Port of Spain."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 3, 1))
    assert mentions["Petit Valley"].actor.country == "TTO"


def test_it_that_puts_off_its_subject_refers_to_nothing(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The Americans left Kabul. "
        "It is not an exaggeration to say the videos shocked the world. "
        "It was a mistake to invade Iraq."
    )
    mentions = resolve(resolver, text)
    assert "It" not in mentions
    # ... but one minded or able to do it is someone: "Syria says it is willing to withdraw"
    said = resolve(resolver, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert said["it"].actor.code == "SYR"


def test_a_demonyms_state_is_the_state_as_a_whole(resolver):  # type: ignore[no-untyped-def]
    text = "The PKK fought an insurgency against the Turkish state. Turkish state media said so."
    mentions = resolve(resolver, text)
    assert mentions["Turkish state"].actor.code == "TUR"
    assert mentions["Turkish state media"].actor.code == "TURGOV"


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Turkish troops shelled Idlib province on Monday.", "Idlib province", "SYR"),
        ("Rockets hit the Turkish province of Kilis.", "Turkish province", "TUR"),
        # land the text calls rebel-held is the rebels'
        (
            "Jets struck the Syrian rebel-held province of Idlib.",
            "Syrian rebel-held province",
            "SYRREB",
        ),
        # a town's people, as before
        ("Jets struck the Syrian city of Raqqa.", "Syrian city", "SYRCVL"),
    ],
)
def test_a_province_named_by_its_state_is_the_states_land_not_its_people(  # type: ignore[no-untyped-def]
    resolver, text, phrase, code
):
    assert resolve(resolver, text, dt.date(2019, 2, 1))[phrase].actor.code == code


def test_they_may_refer_to_men_and_women(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The British government will not object in the case of two men from London. "
        "They are being held by the Syrian Democratic Forces."
    )
    mentions = resolve(resolver, text, day=dt.date(2018, 7, 23))
    assert mentions["They"].evidence.startswith("refers to London men")


def test_a_verbs_object_is_not_its_subject(resolver):  # type: ignore[no-untyped-def]
    text = "Barack Obama met David Cameron. Obama praised him warmly. Cameron thanked him."
    found = [m for m in resolver.resolve(text, day=dt.date(2016, 1, 1)) if m.text == "him"]
    assert [m.actor.person for m in found] == ["david-cameron-gbr", "barack-obama-usa"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # "their" in a clause with a plural subject of its own
        (
            "US-backed Kurdish forces in Syria have dismantled the caliphate, with Isis "
            "fighters making their last stand near the border.",
            "Islamic State",
        ),
        (
            "Syrian Kurdish forces lost ground after Turkish troops carved out an enclave "
            "that they continue to occupy.",
            "Turkish troops",
        ),
        # "them" as a verb's object: not that verb's subject, the clause above's
        ("Kurdish officials said that Syrian villagers had joined them.", "officials"),
    ],
)
def test_they_is_the_plural_subject_of_its_clause(resolver, text, who):  # type: ignore[no-untyped-def]
    [pronoun] = [m for m in resolver.resolve(text, day=dt.date(2019, 3, 1)) if m.cue == "pronoun"]
    assert pronoun.evidence.startswith(f"refers to {who}")


def test_europe_acting_is_the_european_union(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Europe told Washington it was not a smart idea. "
        "Erdogan criticised Europe. Refugees arrived in Europe. Europe's population grew. "
        "He called on Washington and Europe to end their aid. "  # named with a government
        "Migrants walked through Turkey and Europe."  # with a state as a place
    )
    found = [m for m in resolver.resolve(text, day=dt.date(2018, 1, 1)) if m.text == "Europe"]
    assert [m.sentence for m in found] == [0, 1, 4]
    assert {m.actor.igo for m in found} == {"igo:european-union"}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "Theresa May met Erdogan in London. Ankara criticised the environment secretary.",
            "environment secretary",
            "GBRGOV",
        ),
        (
            "The defense secretary resigned over Donald Trump's decision to pull US troops out "
            "of Syria.",
            "defense secretary",
            "USAGOV",
        ),
    ],
)
def test_a_cabinet_title_only_some_states_give(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day=dt.date(2018, 5, 1))[phrase].actor.code == code


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "Hamas spokesman Fawzi Barhoum said Israel would pay.",
            "Hamas spokesman Fawzi Barhoum",
            "PSEREB",
        ),
        (
            "The SDF spokesman Mustafa Bali said the fighters had surrendered in Syria.",
            "SDF spokesman Mustafa Bali",
            "SYRREB",
        ),
        # a group of no state leaves its man of none, whatever the article is about
        (
            "Israel struck. Islamic State spokesman Abu Hassan called for attacks.",
            "Islamic State spokesman Abu Hassan",
            "---REB",
        ),
    ],
)
def test_an_armed_groups_title_before_a_name(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day=dt.date(2019, 3, 1))[phrase].actor.code == code


def test_an_armed_opposition_is_rebels(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Syria's armed opposition attacked the town.")
    assert mentions["Syria's armed opposition"].actor.code == "SYRREB"


def test_a_title_set_off_before_its_known_holder_is_the_holders_state(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Australia's most wanted man, held in Turkey, has received help, the foreign affairs "
        "minister, Julie Bishop, has confirmed."
    )
    mentions = resolve(resolver, text, day=dt.date(2018, 2, 28))
    assert mentions["foreign affairs minister"].actor.code == "AUSGOV"
    assert "held by Julie Bishop" in mentions["foreign affairs minister"].evidence


def test_they_may_be_people_named_together(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Shamima Begum and Amira Abase left London in 2015. "
        "They had told their parents they were going out for the day. "
        "Barack Obama met David Cameron and Angela Merkel. They discussed Syria."
    )
    found = [m for m in resolver.resolve(text, day=dt.date(2019, 2, 20)) if m.cue == "pronoun"]
    assert [m.evidence for m in found[:3]] == ["refers to Shamima Begum and Amira Abase"] * 3
    assert found[0].actor.country == "GBR"
    # of two states: both, not the one the sentence names
    assert found[-1].actor.members == ("DEU", "GBR")


def test_it_is_not_whom_they_refer_to(resolver):  # type: ignore[no-untyped-def]
    text = "John Letts and Sally Lane live in Oxford. They say their son is ill. It is his day."
    found = [m for m in resolver.resolve(text, day=dt.date(2018, 1, 1)) if m.text == "It"]
    assert all("Letts" not in m.evidence for m in found)


def test_the_speaker_is_not_named_in_a_relative_clause_after_the_verb(resolver):  # type: ignore[no-untyped-def]
    text = (
        "“They want us to finish what is important to them,” said a senior Kurdish figure "
        "who has liaised regularly with US officials."
    )
    found = [m for m in resolver.resolve(text, day=dt.date(2018, 4, 1)) if m.text == "us"]
    assert all(m.actor.country != "USA" for m in found)


def test_it_may_be_a_body_its_sentence_names_by_a_noun(resolver):  # type: ignore[no-untyped-def]
    text = (
        "PG&E cut power in Sacramento and the Sierra Nevada foothills. "
        "The utility said it would restore power."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 11, 19))
    assert mentions["it"].evidence.startswith("refers to utility")
    # the Sierra Nevada of a Californian story is California's, not Spain's
    assert mentions["Sierra Nevada"].actor.country == "USA"


def test_a_rebel_leader_of_no_state_takes_none_from_his_sentence(resolver):  # type: ignore[no-untyped-def]
    text = "The Isis leader, Abu Bakr al-Baghdadi, survived a coup in his eastern Syrian hideout."
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 1))
    assert mentions["Abu Bakr al-Baghdadi"].actor.code == "---REB"
    assert mentions["his"].actor.code == "---REB"


def test_foreigners_are_not_of_the_place_named_after_them(resolver):  # type: ignore[no-untyped-def]
    text = "A coup was launched by foreign fighters in his eastern Syrian hideout."
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 1))
    assert mentions["foreign fighters"].actor.country is None


def test_many_set_off_after_a_name_are_not_its_apposition(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Backed by Russian air power and unopposed by Assad's foreign adversaries, government "
        "forces have swept through southwestern Syria."
    )
    mentions = resolve(resolver, text, day=dt.date(2018, 7, 20))
    assert mentions["government forces"].actor.sector == "MIL"


def test_she_who_left_to_join_an_armed_group_is_its_member(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Hoda Muthana, the US woman who fled Islamic State, wants to return home. "
        "Muthana described herself as ignorant when she fled the US to join Isis."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 20))
    assert mentions["Hoda Muthana"].actor.code == "USAREB"


def test_the_jihadi_group_and_the_un_secretary_general(resolver):  # type: ignore[no-untyped-def]
    text = (
        "The SDF captured fighters of Islamic State in Syria. The SDF is driving the remnants "
        "of the jihadi group from the desert. The UN secretary general called for calm."
    )
    mentions = resolve(resolver, text, day=dt.date(2019, 2, 1))
    group = mentions["Islamic State"].actor.organisation
    assert mentions["jihadi group"].actor.organisation == group
    assert mentions["UN secretary general"].actor.sector == "GOV"


def test_a_peoples_words_before_a_body_name_no_person(resolver):  # type: ignore[no-untyped-def]
    text = "The US-backed Kurdish-Arab Syrian Democratic Forces (SDF) are near the final stage."
    mentions = resolver.resolve(text, day=dt.date(2019, 2, 1))
    assert [m.actor.code for m in mentions] == ["SYRREB", "SYRREB"]


def test_government_forces_are_the_articles_states(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Syria's war goes on. Assad spoke in Damascus. Backed by Russian air power, government "
        "forces have swept through southwestern Syria in the last month."
    )
    mentions = resolve(resolver, text, day=dt.date(2018, 7, 20))
    assert mentions["government forces"].actor.code == "SYRMIL"


def test_a_known_officer_of_the_un_under_a_generic_title_acts_for_it_as_gov(resolver):  # type: ignore[no-untyped-def]
    # the tables file Dujarric's term under the organisation (sector IGO); "spokesman" is a
    # title too generic to say more: he is the UN's, GOV, not of a sector "IGO"
    text = "The UN spokesman Stéphane Dujarric said in a statement that talks would resume."
    mention = resolve(resolver, text, dt.date(2019, 2, 1))["UN spokesman Stéphane Dujarric"]
    assert mention.actor.code == "IGOGOV"
    assert mention.actor.igo == "igo:united-nations"


@pytest.mark.parametrize(
    "text, name, igo, sector",
    [
        # the post set off before the name, after the body's possessive, and its pronouns
        (
            "Unicef’s regional director for the Middle East, Geert Cappelaere, said many "
            "children were unwanted. “We estimate that 3,000 children are here,” he said.",
            "Geert Cappelaere",
            "igo:unicef",
            "GOV",
        ),
        # the post after the name
        (
            "Jane Okafor, Oxfam's country director, said aid was blocked at the border.",
            "Jane Okafor",
            "ngo:oxfam",
            "HRI",  # a campaigner's post in a body that governs nothing
        ),
        # the post between the body and the name, no possessive ("chief": a body's head)
        (
            "U.N. human rights chief Navi Pillay condemned the killings.",
            "U.N. human rights chief Navi Pillay",
            "igo:united-nations",
            "GOV",
        ),
        (
            "Unicef regional director Geert Cappelaere said the children were unwanted.",
            "Unicef regional director Geert Cappelaere",
            "igo:unicef",
            "GOV",
        ),
    ],
)
def test_a_post_on_an_organisations_staff_makes_a_name_its_officer(  # type: ignore[no-untyped-def]
    resolver, text, name, igo, sector
):
    mentions = resolve(resolver, text, dt.date(2019, 2, 1))
    assert mentions[name].actor.igo == igo
    assert mentions[name].actor.country is None
    assert mentions[name].actor.sector == sector
    if "he said" in text:
        # "he", and "We", whose speaker is named after the quotation, are the officer too
        assert mentions["he"].actor.igo == igo
        assert mentions["We"].actor.igo == igo


def test_a_name_beside_an_organisation_with_no_post_between_is_not_its_officer(resolver):  # type: ignore[no-untyped-def]
    text = "Kurdish officials met Unicef, Jane Okafor said on Monday."
    assert resolve(resolver, text, dt.date(2019, 2, 1))["Jane Okafor"].actor.igo is None


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Police raided on Thursday human rights groups in Cairo.", "human rights groups"),
        ("On Saturday the Senate adjourned in Washington.", "Senate"),
        ("Last week Egyptian officials condemned the arrests.", "Egyptian officials"),
    ],
)
def test_a_day_or_a_span_of_time_before_a_noun_phrase_is_no_part_of_it(resolver, text, phrase):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2019, 2, 1))
    assert phrase in mentions, sorted(mentions)
    assert not any(word in m for m in mentions for word in ("Thursday", "Saturday", "Last week")), (
        sorted(mentions)
    )


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # the state that backs armed men is not theirs, even where it is the only one named
        ("Iran-backed militias attacked the base.", "Iran-backed militias", "---REB"),
        ("Turkish-aligned troops entered the area.", "Turkish-aligned troops", "---MIL"),
        # a people's word the tagger reads as an adverb before "-led" still leads the phrase
        ("A Kurdish-led force took the town in Syria.", "Kurdish-led force", "SYRREB"),
    ],
)
def test_backers_and_leaders_before_armed_men(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2018, 2, 1))[phrase].actor.code == code


def test_a_one_word_record_needs_its_state_named(resolver):  # type: ignore[no-untyped-def]
    # REIGN knows Grenada's Keith Mitchell as "Mitchell" only: in a Texan story that names no
    # Grenada the surname is someone else's, and a given name before "Dean" makes it a name
    text = (
        "Robert Dean Mitchell, 45, shot a deputy in Texas. Mitchell was later arrested. "
        "Police said Mitchell had fled."
    )
    mentions = resolve(resolver, text, day=dt.date(2015, 5, 1))
    assert mentions["Robert Dean Mitchell"].actor.code == "USACRM"
    assert mentions["Mitchell"].actor.country == "USA"
    person = mentions["Mitchell"].actor.person
    assert person is None or "grd" not in person


def test_a_dean_with_no_given_name_before_is_still_a_title(resolver):  # type: ignore[no-untyped-def]
    text = "Dean Smith of the law school said the students would be heard."
    assert resolve(resolver, text, day=dt.date(2015, 5, 1))["Dean Smith"].actor.sector == "EDU"


def test_a_speaker_closing_the_sentence_is_no_apposition(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Police arrested John Kessler, a police spokesman said on Monday.")
    assert mentions["John Kessler"].actor.sector != "COP"
    # a comma left out before what is said: the words are still the name's apposition
    text = "Aram Kochar, a Kurdish military official said fighters were wary of the drones."
    assert resolve(resolver, text)["Aram Kochar"].actor.sector == "MIL"


def test_a_firm_called_by_the_first_word_of_its_name(resolver):  # type: ignore[no-untyped-def]
    # set A's page on newspaper chains (a read set): "The private equity firm Alden Capital ...
    # Alden on Tuesday announced"
    articles = Path(__file__).resolve().parents[1] / "fixtures/heldout-actors/ARTICLES.json"
    body = json.loads(articles.read_text(encoding="utf-8"))["8634d121"]["body"]
    alden = [m for m in resolver.resolve(body, day=dt.date(2019, 11, 15)) if m.text == "Alden"]
    assert alden and all(m.actor.code == "USABUS" for m in alden)
    assert all(m.actor.name == "Alden Capital" for m in alden)


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "Officials said the Federal Intelligence Service (BND) had raided a local office of a "
            "German-Israeli activist group.",
            "Federal Intelligence Service",
            "DEUSPY",
        ),
        (
            "The Centre for Disease Control (CDC) in Atlanta said so.",
            "Centre for Disease Control",
            "USAGOV",
        ),
    ],
)
def test_a_bodys_name_takes_the_body_its_acronym_in_brackets_names(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, dt.date(2019, 5, 1))[phrase].actor.code == code


def test_the_21_year_old_takes_what_the_article_settles_of_the_person(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Jack Lettsby was held in Syria. In May, the 21-year-old was captured by the Kurdish "
        "People’s Protection Units. Lettsby, 21, left the UK in 2014 to join Isis."
    )
    mentions = resolve(resolver, text, dt.date(2019, 3, 1))
    assert mentions["Jack Lettsby"].actor.code == "GBRREB"
    assert mentions["21-year-old"].actor.code == "GBRREB"


def test_the_world_body_is_the_united_nations(resolver):  # type: ignore[no-untyped-def]
    text = "The world body's top judges ruled against Britain."
    mention = resolve(resolver, text, dt.date(2019, 5, 1))["world body's top judges"]
    assert (mention.actor.igo, mention.actor.sector) == ("igo:united-nations", "JUD")


def test_the_owner_of_a_firm_named_after_their_possessive_is_in_business(resolver):  # type: ignore[no-untyped-def]
    text = (
        "In Nashville, Scooter Brauner fought Taylor Swift. Brauner’s Ithaca Holdings bought "
        "Big Machine. Swift attacked Brauner. Tottenham's manager resigned in London."
    )
    mentions = resolver.resolve(text, day=dt.date(2019, 11, 15))
    brauner = [m for m in mentions if "Brauner" in m.text]
    assert len(brauner) == 3 and all(m.actor.sector == "BUS" for m in brauner)
    # a firm's noun after the possessive makes no owner: a club's manager
    assert all(m.actor.sector != "BUS" for m in mentions if m.text == "Tottenham")


def test_a_number_alone_names_no_armed_group(resolver):  # type: ignore[no-untyped-def]
    # Phoenix lists a Pakistani group "313" (and aliases "380", "39649"): a count, here
    text = "The attack killed 313 people and wounded 380 in Pakistan."
    assert all(m.actor.sector != "REB" for m in resolver.resolve(text, day=DAY))


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Russia's troops went to Syria at Putin's request.", "Putin", "RUSGOV"),
        ("Kevin Mayer ran Disney's parks in the US. It is a first in Mayer's career.", "Mayer",
         "USACVL"),
    ],
)  # fmt: skip
def test_a_possessive_after_at_or_in_is_a_persons_not_a_place(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    mentions = resolver.resolve(text, day=dt.date(2018, 4, 15))
    [mention] = [m for m in mentions if m.text == phrase]
    assert mention.actor.code == code and mention.cue != "unknown-place"


@pytest.mark.parametrize(
    ("text", "phrase", "code", "cue"),
    [
        ("Real Madrid beat Bayern Munich in the semi-final.", "Real Madrid", "ESPCVL", "club"),
        ("Real Madrid beat Bayern Munich in the semi-final.", "Bayern Munich", "DEUCVL", "club"),
        ("He left Manchester United for Inter Milan.", "Manchester United", "GBRCVL", "club"),
        ("He left Manchester United for Inter Milan.", "Inter Milan", "ITACVL", "club"),
        # the city's own bodies and a capital's own name are no clubs
        ("Manchester City Council met on Monday.", "Manchester City Council", "GBRGOV",
         "org-name"),
        ("Madrid protested to Paris.", "Madrid", "ESPGOV", "capital"),
    ],
)  # fmt: skip
def test_a_club_named_after_its_city_is_no_government(resolver, text, phrase, code, cue):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2018, 4, 15))
    assert (mentions[phrase].actor.code, mentions[phrase].cue) == (code, cue)


@pytest.mark.parametrize(
    ("text", "phrase", "code", "cue"),
    [
        # a town of GeoNames' the other tables lack, in a state the article names
        ("Japan's prime minister met South Korea's president in Gyeongju.", "Gyeongju",
         "KORCVL", "place"),
        # a city that dwarfs all others of its name, where its state is not named (was: Japan)
        ("Japan's prime minister flew to the summit in Gyeongju.", "Gyeongju", "KORCVL",
         "place"),
        # a name several states' towns bear, none named: a guess, as before
        ("Britain's police said he grew up in Bethany.", "Bethany", "GBRCVL", "unknown-place"),
        # the sentence names a state without a town of the name: its state is kept
        ("He was born in Tecumseh, Canada's rival said in Washington.", "Tecumseh", "CANCVL",
         "place"),
    ],
)  # fmt: skip
def test_a_town_the_tables_lack_lies_in_the_state_geonames_gives(resolver, text, phrase, code, cue):  # type: ignore[no-untyped-def]
    mention = resolve(resolver, text, dt.date(2025, 11, 1))[phrase]
    assert (mention.actor.code, mention.cue) == (code, cue)


def test_they_of_two_officers_of_one_body_are_the_bodys(resolver):  # type: ignore[no-untyped-def]
    text = (
        "UN chief Antonio Guterres and UN refugee chief Filippo Grandi visited Kyiv, where "
        "Ukrainian President Volodymyr Zelensky thanked them."
    )
    them = resolve(resolver, text, dt.date(2022, 5, 20))["them"]
    assert (them.actor.igo, them.actor.country) == ("igo:united-nations", None)


@pytest.mark.parametrize(
    ("day", "code"),
    [(dt.date(2020, 6, 1), "SDNGOV"), (dt.date(2024, 6, 1), "SDNREB")],
)
def test_sudans_rapid_support_forces_leader_left_the_state_for_war(resolver, day, code):  # type: ignore[no-untyped-def]
    text = "Mohamed Hamdan Dagalo met Abdel Fattah al-Burhan in Khartoum."
    mentions = resolve(resolver, text, day)
    assert mentions["Mohamed Hamdan Dagalo"].actor.code == code
    assert mentions["Abdel Fattah al-Burhan"].actor.code == "SDNGOV"


def test_a_leaders_surname_opening_another_name_is_not_the_leader(resolver):  # type: ignore[no-untyped-def]
    # Barham Salih was Iraq's president in 2018; Salih Muslim led the Syrian Kurdish PYD
    text = "Ankara has hosted its head, Salih Muslim."
    mentions = resolver.resolve(text, day=dt.date(2018, 11, 1))
    assert all(m.actor.person != "barham-salih-irq" for m in mentions)


def test_a_bare_surname_is_the_hand_kept_holder_not_a_derived_record_out_of_office(resolver):  # type: ignore[no-untyped-def]
    # REIGN knows "Zelensky" by one word, to 2021; the hand-kept table as Volodymyr Zelenskyy
    text = "Ukraine's air force said so. Zelensky urged allies to send more air defences."
    mention = resolve(resolver, text, dt.date(2025, 9, 12))["Zelensky"]
    assert (mention.actor.code, mention.actor.role) == ("UKRGOV", "head of state")


def test_seas_named_after_a_state_name_no_state_and_no_one(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Chinese ships sailed in the South China Sea, the Taiwan Strait and the Sea of Japan, "
        "and near the Persian Gulf and the Baltic Sea. China warned Japan."
    )
    found = [m.text for m in resolver.resolve(text, day=dt.date(2025, 10, 15))]
    assert found == ["Chinese", "China", "Japan"]


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Both countries' leaders", "GOV"),
        ("two countries' foreign ministers", "GOV"),
        ("Both governments", "GOV"),
        ("two sides", None),
    ],
)
def test_the_pairs_officials_are_both_states(resolver, phrase, sector):  # type: ignore[no-untyped-def]
    text = (
        "Japan and Cambodia signed a deal. Both countries' leaders hailed it. The two "
        "countries' foreign ministers met. Both governments agreed. The two sides agreed."
    )
    mention = resolve(resolver, text, dt.date(2025, 8, 11))[phrase]
    assert (mention.actor.members, mention.actor.sector) == (("JPN", "KHM"), sector)


def test_she_prefers_a_woman_to_a_person_of_no_known_gender(resolver):  # type: ignore[no-untyped-def]
    text = (
        "Chinese President Xi Jinping met Japanese Prime Minister Sanae Takaichi. She said "
        "ties were stable. He said Japan must act."
    )
    mentions = resolve(resolver, text, dt.date(2025, 10, 31))
    assert mentions["She"].actor.person == "sanae-takaichi-jpn"
    assert mentions["He"].actor.code == "CHNGOV"  # "he": the first named, as before


@pytest.mark.parametrize(
    ("text", "igo"),
    [
        ("Indonesia signed a deal with the European Union. The bloc said it would help.",
         "igo:european-union"),
        ("NATO leaders met in The Hague; the alliance agreed to spend more.",
         "igo:north-atlantic-treaty-organization"),
    ],
)  # fmt: skip
def test_the_bloc_and_the_alliance_are_the_organisation_named_last(resolver, text, igo):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, text, dt.date(2025, 10, 26))
    referred = mentions.get("bloc") or mentions.get("alliance")
    assert referred is not None and referred.actor.igo == igo


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Islamic State lost Raqqa. The group's fighters fled to Syria's desert.", "fighters",
         (None, None, "REB")),
        ("The International Criminal Court issued warrants for Israeli Prime Minister Benjamin "
         "Netanyahu. The court's prosecutor, Karim Khan, said so.", "prosecutor",
         (None, "igo:icc", "JUD")),
    ],
)  # fmt: skip
def test_the_referred_bodys_agents_are_its_own(resolver, text, phrase, code):  # type: ignore[no-untyped-def]
    actor = resolve(resolver, text, dt.date(2024, 11, 21))[phrase].actor
    assert (actor.country, actor.igo, actor.sector) == code


SEAT_DAY, TALIBAN_DAY, FORCES_DAY = dt.date(2019, 5, 1), dt.date(2023, 3, 1), dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("day", "text", "phrase", "code"),
    [
        # seats of government stand for it
        (SEAT_DAY, "Zhongnanhai stayed silent.", "Zhongnanhai", "CHNGOV"),
        (SEAT_DAY, "Foggy Bottom disagreed.", "Foggy Bottom", "USAGOV"),
        (SEAT_DAY, "Capitol Hill balked at the bill.", "Capitol Hill", "USALEG"),
        (SEAT_DAY, "The Blue House welcomed the talks.", "Blue House", "KORGOV"),
        (SEAT_DAY, "The Casa Rosada rejected the claim.", "Casa Rosada", "ARGGOV"),
        (SEAT_DAY, "Aso Rock denied the report.", "Aso Rock", "NGAGOV"),
        # the government an armed group runs is its state's; its own men stay the group's
        (TALIBAN_DAY, "The Taliban government banned women from universities.",
         "Taliban government", "AFGGOV"),
        (TALIBAN_DAY, "The Hamas-run health ministry in Gaza gave the toll.",
         "Hamas-run health ministry", "PSEGOV"),
        (TALIBAN_DAY, "Taliban fighters attacked a checkpoint.", "Taliban fighters", "AFGREB"),
        # mobilising and dispatching are deploying; police and warships are forces sent
        (FORCES_DAY, "Maduro accused Guyana of provocation, while Caracas mobilised troops.",
         "troops", "VENMIL"),
        (FORCES_DAY, "Kenya's President William Ruto sent police to Haiti.", "police", "KENCOP"),
        (FORCES_DAY, "The US dispatched warships toward Venezuela.", "warships", "USAMIL"),
        (FORCES_DAY, "Russia mobilised reservists near Ukraine.", "reservists", "RUSMIL"),
    ],
)  # fmt: skip
def test_a_phrase_is_read_as_the_state_and_sector(resolver, day, text, phrase, code):  # type: ignore[no-untyped-def]
    assert resolve(resolver, text, day)[phrase].actor.code == code
