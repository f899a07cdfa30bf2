"""Coder rules, one sentence each (written for these tests, not taken from a gold set): the
event's PLOVER type, CAMEO root and the states on each side, in PLOVER's conventions."""

from __future__ import annotations

import datetime as dt

import pytest

from tieline.events.coder import EventCoder
from tieline.events.plover import as_plover
from tieline.models import Event, Sentence

DAY = dt.date(2015, 6, 9)


@pytest.fixture(scope="module")
def coder(resolver) -> EventCoder:  # type: ignore[no-untyped-def]
    return EventCoder(resolver.nlp)


def coded(resolver, coder: EventCoder, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return [as_plover(e) for e in coder.code(text, resolver.resolve(text, day=DAY), published=DAY)]


def sides(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.actor.country if event.source else None,
        event.target.actor.country if event.target else None,
    )


@pytest.mark.parametrize(
    ("text", "plover", "root", "source", "target"),
    [
        # a domestic event's target is an actor of the source's own state in the clause
        ("President Museveni threatened to ban Ugandan opposition parties.", "THREATEN", "13",
         "UGA", "UGA"),
        # a bare surname names the one head of state or government who bears it on the day
        ("Obama condemned Iran.", "ACCUSE", "11", "USA", "IRN"),
        # "they" refers to the group named just before
        ("Kenyan rebels said they would release President Kenyatta.", "AGREE", "03", "KEN",
         "KEN"),
        # a speech verb with "must" in its complement states a demand
        ("Germany said that Greece must repay the loans.", "REQUEST", "10", "DEU", "GRC"),
        # wanting another to act is an appeal
        ("France wants Germany to lift the embargo.", "REQUEST", "02", "FRA", "DEU"),
        # the recipient of a thing received is the target of the aid
        ("Ukraine received weapons from Poland.", "AID", "07", "POL", "UKR"),
        # an organisation named in the clause is a target
        ("Serbia signed an agreement with the European Union.", "AGREE", "05", "SRB", None),
        # doubled consonants and prefixed irregular verbs are trigger forms
        ("Norway expelled two Russian diplomats.", "SANCTION", "16", "NOR", "RUS"),
    ],
)  # fmt: skip
def test_rule(resolver, coder, text, plover, root, source, target) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    found = [
        e
        for e in events
        if e.type == plover and (e.cameo or "")[:2] == root and sides(e) == (source, target)
    ]
    assert found, [(e.type, e.cameo, sides(e), e.rule) for e in events]


def test_a_condition_is_no_event(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "Iran will boycott the talks unless Israel agrees to withdraw.")
    assert [e.type for e in events if e.trigger.startswith("agree")] == []
    assert any(e.type == "THREATEN" for e in events)


def test_an_attempt_is_no_request(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "France is seeking to mend ties with China.")
    assert [e for e in events if e.type == "REQUEST"] == []


def test_a_passive_participle_acts_on_its_noun(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "Two Brazilian men sought by Guyana were freed.")
    assert all(
        e.source is None or e.source.actor.country != "BRA" for e in events if e.type == "REQUEST"
    )


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        # PLOVER codebook vocabulary (../shared/data/ngec-country-lists, structured codebook)
        ("Egyptian police opened fire on Sudanese migrants.", "ASSAULT", "firearms"),
        ("Nigerian teachers went on strike against the Nigerian government.", "PROTEST",
         "strike"),
        ("Jailed Kurdish activists began a hunger strike against the Turkish government.",
         "PROTEST", "hunger"),
        ("Thousands of Chileans protested against the Chilean government.", "PROTEST", "demo"),
        ("Ghana closed its embassy in Libya.", "SANCTION", "discontinue"),
        ("Pakistan closed its border with Afghanistan.", "COERCE", "restrict"),
        ("Russia expelled two British journalists.", "COERCE", "deport"),
        ("The United States withdrew from the treaty with Russia.", "SANCTION", "withdraw"),
        ("Uzbekistan reopened the border crossing with Afghanistan.", "RETREAT", "access"),
        ("Iran sentenced a French academic to five years in prison.", "SANCTION", "convict"),
        ("North Korea tested a ballistic missile near Japan.", "MOBILIZE", "weapons"),
        ("China expressed concern over Japan's defence budget.", "ACCUSE", "disapprove"),
        ("Egypt banned the Muslim Brotherhood.", "COERCE", "restrict"),  # a ban on a group
        # CAMEO codebook verbs (text_to_CAMEO): 181 hostage taking, 183 bombing, 144 obstruction
        ("Syrian rebels took twelve Lebanese soldiers hostage.", "ASSAULT", "abduct"),
        ("Afghan militants detonated a bomb near the Pakistani embassy.", "ASSAULT", "explosives"),
        ("Greek farmers obstructed the border crossing with Bulgaria.", "PROTEST", "obstruct"),
    ],
)  # fmt: skip
def test_codebook_vocabulary(resolver, coder, text, plover, mode) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert any(e.type == plover and e.mode == mode for e in events), [
        (e.type, e.mode, sides(e), e.rule) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a vow to do harm is a threat (PLOVER THREATEN), not a promise to cooperate
        ("Ethnic Albanians have sworn to fight the Macedonian army.", "MKD", "MKD"),
        ("Iran vowed to attack Israel.", "IRN", "ISR"),
        # a future act made the price of a condition is a threat
        ("Nigeria will withdraw its peacekeepers from Chad unless Chad holds elections.",
         "NGA", "TCD"),
    ],
)  # fmt: skip
def test_threats(resolver, coder, text, source, target) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert any(e.type == "THREATEN" and sides(e) == (source, target) for e in events), [
        (e.type, sides(e), e.rule) for e in events
    ]
    assert all(e.type != "AGREE" for e in events)


def test_a_vow_to_cooperate_stays_a_promise(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "Japan vowed to support Cambodia.")
    assert any(e.type == "AGREE" for e in events)
    assert all(e.type != "THREATEN" for e in events)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Turkey cracked down on Kurdish newspapers.", True),  # a phrasal verb with its particle
        ("Turkey cracked the case of the Kurdish newspapers.", False),  # no particle: no trigger
        ("Brazil called off its plans with Argentina.", False),  # no phone in "called" alone
        ("Brazil called Argentina by phone.", True),
        ("Russian-backed forces entered Aleppo.", False),  # a modifier, not a verb
        ("Russia backed the Syrian government.", True),
        ("The Syrian delegation came back to Geneva.", False),  # "back" as an adverb
    ],
)  # fmt: skip
def test_only_sentences_that_may_state_an_event_are_parsed(coder, text, parsed) -> None:  # type: ignore[no-untyped-def]
    assert coder.may_state(Sentence(0, 0, len(text), text)) is parsed


def test_a_phrasal_trigger_codes_its_event(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "The Turkish government cracked down on Kurdish newspapers.")
    assert any(e.type == "COERCE" and e.mode == "restrict" for e in events), [
        (e.type, e.mode, e.rule) for e in events
    ]


def test_a_protest_with_an_aim_is_the_protest(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(
        resolver,
        coder,
        "Kenyan students staged mass demonstrations to demand the resignation of the Kenyan "
        "president.",
    )
    assert [(e.type, sides(e)) for e in events] == [("PROTEST", ("KEN", "KEN"))]


def test_an_order_to_a_states_own_troops_is_the_act_ordered(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "Turkey ordered its troops to withdraw from Syria.")
    assert [(e.type, sides(e)) for e in events] == [("RETREAT", ("TUR", "SYR"))]
    # an order to another state stays a demand
    events = coded(resolver, coder, "Turkey ordered Syria to withdraw its troops.")
    assert any(e.type == "REQUEST" and sides(e) == ("TUR", "SYR") for e in events)


def test_an_ordered_arrest_is_coercion(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, "The Egyptian government ordered the arrest of 20 Islamists.")
    assert any(e.type == "COERCE" and e.mode == "arrest" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # a subordinate clause names a condition or a circumstance, not the target
        "Jordan said it will not accept more refugees if war starts in Syria.",
        # a resignation has no one on the other side unless the sentence says whom
        "The Peruvian president resigned to allow early elections in Peru.",
    ],
)
def test_no_target_from_a_condition_or_for_a_resignation(resolver, coder, text) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert events, "an event was expected"
    assert all(e.target is None or e.target.actor.country is None for e in events), [
        (e.type, sides(e), e.rule) for e in events
    ]


def test_a_commitment_stated_as_a_passive_is_its_subjects(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said Vietnam is committed to opening its economy."
    events = coded(resolver, coder, text)
    assert any(e.type == "AGREE" and sides(e)[0] == "VNM" for e in events), [
        (e.type, sides(e), e.rule) for e in events
    ]


def test_an_apposition_of_the_subject_is_not_the_target(resolver, coder) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistan, a key U.S. ally, has refused to deploy troops in Iraq."
    events = coded(resolver, coder, text)
    assert any(e.type == "REJECT" and sides(e) == ("PAK", "IRQ") for e in events), [
        (e.type, sides(e), e.rule) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In March, Russian troops entered Ukraine.",  # a month, not a march
        "Britain would go to great lengths to avoid air strikes on Russian forces.",  # no strike
        "Isis fighters were expelled from Raqqa by Kurdish forces.",  # a rout, not a deportation
    ],
)
def test_words_that_only_look_like_triggers(resolver, coder, text) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert not any(
        (e.type, e.mode) in (("PROTEST", "demo"), ("PROTEST", "strike"), ("COERCE", "deport"))
        for e in events
    ), [(e.type, e.mode, e.rule) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # a noun trigger that is what something stands for, means or is feared is no event
        "For many Syrians, the Russian flag stands for bombing and starvation.",
        "The Turkish flag is the symbol of an assault on Kurdish democracy.",
        "For Iraqis, the American flag symbolises the invasion of Iraq.",
        "Syrian Kurds fear a Turkish offensive on Afrin.",
        "Fears of a Turkish offensive against Syrian Kurds grew on Monday.",
        "There was talk of American air strikes on Syria.",
        # idioms: a betrayal, an illness, a walkout, a struggle to live
        "The US, he said, had stabbed Turkey in the back.",
        "The Iraqi president died of a heart attack.",
        "The Iranian delegation stormed out of the talks with the United States.",
        "The Syrian president is fighting for his life in a Russian hospital.",
    ],
)
def test_an_act_only_mentioned_is_no_assault(resolver, coder, text) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert [e for e in events if e.type == "ASSAULT"] == [], [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the same words when the sentence reports the act
        ("Russian bombing of Aleppo killed 20 people.", "bombing"),
        ("The Israeli attack on Gaza continued on Monday.", "attack"),
        ("Turkish troops carried out an assault on Afrin.", "assault"),
        ("Russian agents stabbed a Ukrainian journalist.", "stabbed"),
        ("The Kurds fought for their freedom against Turkey.", "fought"),  # an opponent named
        ("Turkey shot down a Russian jet.", "shot down"),
    ],
)
def test_a_reported_act_is_an_assault(resolver, coder, text, trigger) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert any(e.type == "ASSAULT" and e.trigger == trigger for e in events), [
        (e.type, e.trigger, e.rule) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Germany shot down the French proposal.", "DEU", "FRA"),
        ("Iran slammed the door on talks with the United States.", "IRN", "USA"),
    ],
)
def test_an_idiom_takes_the_reading_it_means(resolver, coder, text, source, target) -> None:  # type: ignore[no-untyped-def]
    events = coded(resolver, coder, text)
    assert any(e.type == "REJECT" and sides(e) == (source, target) for e in events), [
        (e.type, sides(e), e.rule) for e in events
    ]
    assert all(e.type not in ("ASSAULT", "ACCUSE") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Real Madrid beat Bayern Munich in the Champions League semi-final.",
        "Manchester United attacked Inter Milan throughout the second half.",
    ],
)
def test_a_match_between_clubs_is_no_assault(resolver, coder, text) -> None:  # type: ignore[no-untyped-def]
    assert coded(resolver, coder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "England beat France 2-1 in the World Cup quarter-final.",
        "Brazil attacked Germany throughout the semi-final.",
    ],
)
def test_a_game_between_national_teams_is_no_assault(resolver, coder, text) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in coded(resolver, coder, text) if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Ukraine on the night of 12-13 May.",
        "Russian troops attacked Ukraine during the World Cup.",
    ],
)
def test_an_attack_beside_days_or_a_game_is_still_an_assault(resolver, coder, text) -> None:  # type: ignore[no-untyped-def]
    assert [sides(e) for e in coded(resolver, coder, text) if e.type == "ASSAULT"] == [
        ("RUS", "UKR")
    ]
