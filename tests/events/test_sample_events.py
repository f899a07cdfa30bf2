"""The sample page's events, as ../shared/samples/README.md lists them (golden test): found with
the right types, directions, dates and evidence, and none from the teasers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import SAMPLE
from tieline.events.coder import CODER, EventCoder, code_article
from tieline.extract.text import extract_text
from tieline.models import Event

PUBLISHED = dt.date(2022, 4, 25)
MEETING = dt.date(2022, 4, 23)  # the Saturday before publication


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return replace(extract_text(SAMPLE.read_text(encoding="utf-8")), published=PUBLISHED)


@pytest.fixture(scope="module")
def events(resolver, article) -> list[Event]:  # type: ignore[no-untyped-def]
    from tieline.actors import resolve_article

    coder = EventCoder(resolver.nlp)
    return code_article(coder, article, resolve_article(resolver, article))


def countries(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.actor.country if event.source else None,
        event.target.actor.country if event.target else None,
    )


def find(events: list[Event], type_: str, pair: tuple[str, str], words: str) -> Event:
    """The event of this type between these states whose sentence holds these words."""
    for event in events:
        if (
            event.type == type_
            and words in event.sentence
            and (countries(event) == pair or (event.symmetric and countries(event) == pair[::-1]))
        ):
            return event
    raise AssertionError(f"no {type_} {pair} in a sentence with {words!r}")


EXPECTED = [
    # (README item, type, (source, target), words of the evidence sentence)
    ("1 proposal", "REQUEST", ("KHM", "JPN"), "accepted Hun Sen’s proposal"),
    ("2 accepts", "AGREE", ("JPN", "KHM"), "Kishida has accepted"),
    ("3 meeting", "CONSULT", ("KHM", "JPN"), "bilateral working meeting in Kumamoto"),
    ("4 port aid", "AID", ("JPN", "KHM"), "Preah Sihanouk deep-sea port"),
    ("5 JMSDF", "COOPERATE", ("KHM", "JPN"), "welcome JMSDF visits and docking"),
    ("6 MoU", "AGREE", ("KHM", "JPN"), "signing of an MoU"),
    ("7 praise", "SUPPORT", ("KHM", "JPN"), "lauded Japan"),
    ("8 governor", "CONSULT", ("KHM", "JPN"), "Kumamoto prefecture governor"),
    ("8 Mitsubishi", "CONSULT", ("KHM", "JPN"), "Mitsubishi Corporation"),
]


@pytest.mark.parametrize(("item", "type_", "pair", "words"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_sample_event(events, article, item, type_, pair, words):  # type: ignore[no-untyped-def]
    event = find(events, type_, pair, words)
    text = article.body if event.field == "body" else article.captions[int(event.field[8:])]
    assert text[event.span[0] : event.span[1]] == event.sentence  # evidence points at its text
    assert event.rule.startswith(f"{CODER}:")
    assert 0 < event.confidence <= 1


def test_meeting_is_symmetric_and_dated_saturday(events):  # type: ignore[no-untyped-def]
    meeting = find(events, "CONSULT", ("KHM", "JPN"), "bilateral working meeting in Kumamoto")
    assert meeting.symmetric
    assert meeting.date is not None and meeting.date.date == MEETING
    assert meeting.date.text == "on Saturday"


def test_port_aid_is_future(events):  # type: ignore[no-untyped-def]
    aid = find(events, "AID", ("JPN", "KHM"), "Preah Sihanouk deep-sea port")
    assert "future" in aid.aux


def test_jmsdf_cooperation_is_military(events):  # type: ignore[no-untyped-def]
    cooperation = find(events, "COOPERATE", ("KHM", "JPN"), "welcome JMSDF visits and docking")
    assert "military" in cooperation.contexts


def test_mou_signing_is_symmetric(events):  # type: ignore[no-untyped-def]
    assert find(events, "AGREE", ("KHM", "JPN"), "signing of an MoU").symmetric


def test_no_event_comes_from_the_teasers(events):  # type: ignore[no-untyped-def]
    states = {c for e in events for c in countries(e)}
    assert states <= {"KHM", "JPN", None}
    teaser_words = ("Hungary", "Poipet", "SEA Games", "Siem Reap", "imports came", "CPP")
    assert not any(word in e.sentence for e in events for word in teaser_words)


def test_quotations_are_marked(events):  # type: ignore[no-untyped-def]
    quoted = find(events, "COOPERATE", ("KHM", "JPN"), "welcome JMSDF visits and docking")
    assert quoted.quote
