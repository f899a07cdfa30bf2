"""Where an unknown person's name places them, among the states their article names."""

from __future__ import annotations

import datetime as dt

from tieline.actors.kb import Country, Person, Term
from tieline.actors.origin import SWITCH_ODDS, NameOrigins, name_words

DAY = dt.date(2017, 8, 1)


def test_name_words_drop_particles_initials_and_digits() -> None:
    assert name_words("Abu Bakr al-Baghdadi") == ["bakr", "baghdadi"]
    assert name_words("J. R. Smith Jr.") == ["smith"]
    assert name_words("Ricardo Vilanova, 41") == ["ricardo", "vilanova"]


def _person(name: str, country: str) -> Person:
    term = Term(country=country, sector="GOV", role="", start=None, end=None, source="test")
    return Person(key=name.lower(), name=name, terms=(term,))


def _country(iso3: str, languages: tuple[str, ...], region: str) -> Country:
    return Country(iso3, iso3[:2], iso3, iso3, languages=languages, region=region)


def _origins() -> NameOrigins:
    # "Tim" is known only in New Zealand, but English is spoken in Britain too; no one in
    # Turkey is so named
    people = [_person(f"Tim Shadbolt{i}", "NZL") for i in range(40)]
    people += [_person(f"Ahmet Yilmaz{i}", "TUR") for i in range(40)]
    return NameOrigins.build(
        people,
        [
            _country("NZL", ("eng",), "Australia and New Zealand"),
            _country("GBR", ("eng",), "Northern Europe"),
            _country("TUR", ("tur",), "Western Asia"),
        ],
    )


def test_a_language_pool_carries_a_name_to_states_that_share_the_language() -> None:
    origins = _origins()
    assert origins.likelihood("tim", "GBR") > 10 * origins.likelihood("tim", "TUR")
    found = origins.likeliest("Tim Brown", {"TUR": 2, "GBR": 1})
    assert found is not None and found[0] == "GBR"
    # the state most named keeps a name of its own
    assert origins.likeliest("Ahmet Brown", {"TUR": 5, "GBR": 1}) is None
    # a name none of whose words is known says nothing
    assert origins.likeliest("Zyx Qwv", {"TUR": 1, "GBR": 5}) is None
    # one state named: nothing to choose
    assert origins.likeliest("Tim Brown", {"TUR": 5}) is None


def test_the_odds_must_beat_how_much_more_the_main_state_is_named() -> None:
    origins = _origins()
    found = origins.likeliest("Tim Brown", {"TUR": 1, "GBR": 1})
    assert found is not None and found[0] == "GBR" and found[1] >= SWITCH_ODDS
    # named far more often, Turkey keeps a person whose name only leans British
    assert origins.likeliest("Tim Brown", {"TUR": int(found[1]) + 1, "GBR": 1}) is None
    # one word is too little to go on
    assert origins.likeliest("Tim", {"TUR": 1, "GBR": 1}) is None


def test_the_real_tables_tell_english_from_turkish_and_arabic_names(resolver) -> None:  # type: ignore[no-untyped-def]
    origins = resolver.origins
    assert origins.likeliest("Joe Robinson", {"TUR": 4, "GBR": 1})[0] == "GBR"
    assert origins.likeliest("Ahmed Hassan", {"GBR": 1, "IRQ": 1})[0] == "IRQ"
    assert origins.likeliest("Mehmet Yilmaz", {"GBR": 4, "TUR": 1})[0] == "TUR"


def _by_text(resolver, text: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {m.text: m for m in resolver.resolve(text, day=DAY)}


def test_a_briton_arrested_in_turkey_is_british(resolver) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Joe Robinson was arrested in Turkey. Turkey said he had fought for a militia. "
        "Turkish police held him in Aydin. His family in Britain said he was a volunteer."
    )
    mentions = _by_text(resolver, text)
    person = mentions["Joe Robinson"]
    assert person.actor.country == "GBR"  # type: ignore[attr-defined]
    assert "likelier from GBR" in person.evidence  # type: ignore[attr-defined]
    assert mentions["he"].actor.country == "GBR"  # type: ignore[attr-defined]


def test_without_a_second_state_the_article_state_stands(resolver) -> None:  # type: ignore[no-untyped-def]
    text = "Joe Robinson was arrested in Turkey. Turkey said he had fought for a militia."
    assert _by_text(resolver, text)["Joe Robinson"].actor.country == "TUR"  # type: ignore[attr-defined]


def test_a_guessed_speaker_does_not_hide_the_state_a_place_names(resolver) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Singh Jabarjung flew home to India from the United States last week. "
        "“I tried to enter California but was caught by police,” Singh Jabarjung said."
    )
    mentions = resolver.resolve(text, day=DAY)
    [police] = [m for m in mentions if m.text == "police"]
    assert police.actor.code == "USACOP"


def test_a_word_unheard_of_in_both_states_tips_nothing() -> None:
    people = [_person(f"Ahmet Yilmaz{i}", "TUR") for i in range(5)]
    people += [_person(f"Omar Hassan{i}", "SYR") for i in range(50)]
    people += [_person("James Brown", "USA")]
    countries = [
        _country("TUR", ("tur",), "Western Asia"),
        _country("SYR", ("ara",), "Western Asia"),
        _country("USA", ("eng",), "North America"),
    ]
    origins = NameOrigins.build(people, countries)
    # "james" is known (in the US) but neither in Turkey nor Syria, whose pools differ in size
    assert origins.likelihood("james", "TUR") == origins.likelihood("james", "SYR")
    assert origins.likeliest("James Foley", {"SYR": 1, "TUR": 1}) is None


def test_a_region_pool_keeps_a_name_from_distant_speakers_of_a_language() -> None:
    # English is official in Pakistan too, where "Ahmed" is common; not in Northern Europe
    people = [_person(f"Ahmed Khan{i}", "PAK") for i in range(40)]
    people += [_person(f"Ahmed Jabouri{i}", "IRQ") for i in range(40)]
    people += [_person(f"Tim Brown{i}", "IRL") for i in range(40)]
    countries = [
        _country("PAK", ("eng", "urd"), "Southern Asia"),
        _country("IRQ", ("ara",), "Western Asia"),
        _country("IRL", ("eng", "gle"), "Northern Europe"),
        _country("GBR", ("eng",), "Northern Europe"),
    ]
    origins = NameOrigins.build(people, countries)
    found = origins.likeliest("Ahmed Smith", {"GBR": 1, "IRQ": 1})
    assert found is not None and found[0] == "IRQ"
    assert origins.likelihood("tim", "GBR") > origins.likelihood("tim", "PAK")


def test_a_surname_keeps_the_state_guessed_for_the_whole_name(resolver) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Joe Robinson was arrested in Turkey. Turkey said he had fought for a militia. "
        "Turkish police held him in Aydin. His family in Britain said he was a volunteer. "
        "Robinson denied the charge in a court in Turkey."
    )
    mentions = resolver.resolve(text, day=DAY)
    [surname] = [m for m in mentions if m.text == "Robinson"]
    assert surname.actor.country == "GBR"
    assert "Joe Robinson, named earlier, of GBR" in surname.evidence
