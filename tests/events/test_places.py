"""Where and when events happened: places named in the sentence, else the article's for its news
day; dates a past verb does not take from a future expression."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import SAMPLE
from tieline.events.places import PlaceFinder
from tieline.extract.text import extract_text
from tieline.models import Article
from tieline.pipeline import Coding


@pytest.fixture(scope="module")
def finder(resolver):  # type: ignore[no-untyped-def]
    return PlaceFinder(resolver.gazetteer)


@pytest.mark.parametrize(
    ("sentence", "country", "text"),
    [
        (
            "The two leaders held a working meeting in Kumamoto, Japan on Saturday.",
            "JPN",
            "Kumamoto, Japan",
        ),
        ("Hun Sen visited Tokyo last week.", "JPN", "Tokyo"),
        ("Talks were held in Beijing on Friday.", "CHN", "Beijing"),
        ("The ministers met in the Cambodian capital on Monday.", "KHM", "Cambodian capital"),
        ("The prime minister arrived in Hanoi for a two-day visit.", "VNM", "Hanoi"),
        ("The summit in Paris, France ended without a deal.", "FRA", "Paris, France"),
        ("Officials signed the accord at a ceremony in Jakarta.", "IDN", "Jakarta"),
        # towns the tables lack, from GeoNames: a city that dwarfs all others of its name, and
        # a town the country named after it has
        ("The two leaders met in Gyeongju on Thursday.", "KOR", "Gyeongju"),
        ("He was born in Tecumseh, Canada, in 1950.", "CAN", "Tecumseh, Canada"),
    ],
)
def test_a_place_named_as_a_place_is_found(finder, sentence, country, text):  # type: ignore[no-untyped-def]
    found = finder.find(sentence)
    assert found is not None, sentence
    assert (found.country, found.text) == (country, text)
    assert sentence[found.start : found.end] == text


@pytest.mark.parametrize(
    "sentence",
    [
        "Tokyo said it would help fund the port.",  # a capital that acts
        "Japan has large investments in Cambodia.",  # what the investments are about
        "Japan's role in Cambodia is growing.",
        "China's interests in Africa were discussed.",
        "The Japanese prime minister praised Cambodia.",
        "They met in Bethany.",  # towns of several states, none of them a city
        "He spoke at Independence Day events.",  # no town's whole name
    ],
)
def test_names_that_are_not_places_are_not_taken(finder, sentence):  # type: ignore[no-untyped-def]
    assert finder.find(sentence) is None


def test_sample_events_happened_in_kumamoto(resolver):  # type: ignore[no-untyped-def]
    """The meeting names Kumamoto; the day's other events take the caption's place; background
    and future events take none."""
    article = replace(
        extract_text(SAMPLE.read_text(encoding="utf-8")), published=dt.date(2022, 4, 25)
    )
    events = Coding(resolver).code_all(article).events
    meeting = next(e for e in events if e.type == "CONSULT" and "in Kumamoto" in e.sentence)
    assert (meeting.place, meeting.place_text) == ("JPN", "Kumamoto, Japan")
    accepted = next(e for e in events if e.type == "AGREE" and "Kishida has accepted" in e.sentence)
    assert accepted.place == "JPN"
    assert all(e.place is None for e in events if {"future", "historical"} & set(e.aux))


def test_a_past_verb_is_not_dated_by_a_future_expression(coding):  # type: ignore[no-untyped-def]
    """ "thanked Japan ... and said the two countries would sign a loan next month": the thanks
    happened on the news day, the loan is next month's."""
    article = Article(
        title=None,
        body="Cambodian Prime Minister Hun Manet thanked Japan on Tuesday for its long support "
        "and said the two countries would sign a loan agreement next month.",
        published=dt.date(2024, 6, 5),
        language="en",
    )
    events = coding.code_all(article).events
    thanks = [e for e in events if e.trigger == "thanked"]
    assert thanks and all(e.date and e.date.date == dt.date(2024, 6, 4) for e in thanks)
