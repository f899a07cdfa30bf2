"""Partnership tiers read from sentences and articles (tiers.v1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import SAMPLE
from tieline.events.coder import article_date
from tieline.extract.text import extract_text
from tieline.models import Article, TierFact
from tieline.relations.ladders import load_ladders
from tieline.relations.tiers import TierReader


def read(coding, text: str, published: dt.date) -> list[TierFact]:  # type: ignore[no-untyped-def]
    article = Article(title=None, body=text, published=published, language="en")
    return coding.code_all(article).tiers


def summary(facts: list[TierFact]) -> set[tuple[str, str, str, str, str | None]]:
    return {
        (
            f"{f.a}-{f.b}",
            f.tier,
            f.status.value,
            f.date.date.isoformat()[: 4 if f.date.precision.value == "year" else 7]
            if f.date.date
            else "",
            f.proposer,
        )
        for f in facts
    }


CASES = [
    (
        "upgrade-from-to",
        "Vietnam and Australia upgraded their ties from a Strategic Partnership to a "
        "Comprehensive Strategic Partnership on Thursday.",
        dt.date(2024, 3, 9),
        {("AUS-VNM", "Comprehensive Strategic Partnership", "upgraded", "2024-03", None)},
    ),
    (
        "severed",
        "Saudi Arabia severed diplomatic relations with Iran on Sunday after protesters "
        "stormed its embassy in Tehran.",
        dt.date(2016, 1, 4),
        {("IRN-SAU", "diplomatic relations", "severed", "2016-01", None)},
    ),
    (
        "bare-ties-restored",
        "Qatar and Saudi Arabia restored ties on Tuesday, ending a three-year rift.",
        dt.date(2021, 1, 6),
        {("QAT-SAU", "diplomatic relations", "restored", "2021-01", None)},
    ),
    (
        "anniversary-next-year",
        "The two countries will celebrate 70 years of diplomatic ties next year, Japan and "
        "Cambodia said in a joint statement on Friday.",
        dt.date(2022, 11, 12),
        {("JPN-KHM", "diplomatic relations", "established", "1953", None)},
    ),
    (
        "proposal-by-subject",
        "Prime Minister Hun Sen on Sunday proposed that Cambodia and Japan upgrade their "
        "Strategic Partnership to a Comprehensive Strategic Partnership.",
        dt.date(2022, 3, 21),
        {("JPN-KHM", "Comprehensive Strategic Partnership", "proposed", "2022-03", "KHM")},
    ),
    (
        "agreed-next-year-is-planned",
        "Cambodia and Japan agreed on Saturday to upgrade relations to a Comprehensive "
        "Strategic Partnership next year.",
        dt.date(2022, 11, 13),
        {("JPN-KHM", "Comprehensive Strategic Partnership", "agreed", "2022-11", None)},
    ),
    (
        "unknown-name-let-through",
        "China and Pakistan reaffirmed their All-Weather Strategic Cooperative Partnership "
        "during talks in Beijing on Wednesday.",
        dt.date(2022, 11, 3),
        {
            (
                "CHN-PAK",
                "All-weather Strategic Cooperative Partnership",
                "reaffirmed",
                "2022-11",
                None,
            )
        },
    ),
    (
        "downgrade-clause",
        "Bahrain cut its ties with Iran on Monday, while the United Arab Emirates downgraded "
        "its diplomatic relations with Iran to the level of charge d'affaires.",
        dt.date(2016, 1, 5),
        {
            ("BHR-IRN", "diplomatic relations", "severed", "2016-01", None),
            ("ARE-IRN", "diplomatic relations", "downgraded", "2016-01", None),
        },
    ),
]

CASES += [
    (
        "dateline-is-a-place",
        "MANILA -- Vietnam established diplomatic relations with Brunei on Thursday, officials "
        "said.",
        dt.date(2024, 5, 10),
        {("BRN-VNM", "diplomatic relations", "established", "2024-05", None)},
    ),
    (
        "years-since",
        "This year marks 50 years since Malaysia and China set up diplomatic relations.",
        dt.date(2024, 5, 31),
        {("CHN-MYS", "diplomatic relations", "established", "1974", None)},
    ),
    (
        "turns",
        "Their strategic partnership, signed by Germany and Brazil's leaders, turns 20 next year.",
        dt.date(2021, 6, 1),
        {("BRA-DEU", "Strategic Partnership", "established", "2002", None)},
    ),
    (
        "replaced-tier",
        "Vietnam and Malaysia agreed on Friday to a Comprehensive Strategic Partnership, which "
        "takes the place of the Strategic Partnership.",
        dt.date(2024, 11, 23),
        {("MYS-VNM", "Comprehensive Strategic Partnership", "agreed", "2024-11", None)},
    ),
]

NO_FACT = [
    ("not-on-the-table", "Erdogan said cutting diplomatic ties with Sweden was not on the table."),
    ("negated", "Japan did not agree to upgrade its Strategic Partnership with Cambodia."),
    (
        "advice",
        "Analysts say Japan and Cambodia should upgrade to a Comprehensive Strategic Partnership.",
    ),
    (
        "gerund",
        "Upgrading their strategic partnership to a comprehensive strategic partnership "
        "will strengthen Cambodia and Japan, a researcher said.",
    ),
    ("companies", "Toyota and Hyundai announced a strategic partnership on batteries on Monday."),
    (
        "skipped-level",
        "Vietnam lifted the United States to its top tier, skipping the level of "
        "strategic partnership.",
    ),
    ("plain-partnership", "Japan and Cambodia said their partnership would keep growing."),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_tier_facts_of_a_sentence(coding, text, published, expected):  # type: ignore[no-untyped-def]
    facts = read(coding, text, published)
    assert summary(facts) >= expected if len(expected) > 1 else summary(facts) == expected
    for fact in facts:
        assert fact.sentence in text and fact.rule.startswith("tiers.v1:")


@pytest.mark.parametrize("text", [c[1] for c in NO_FACT], ids=[c[0] for c in NO_FACT])
def test_sentences_that_state_no_tier_fact(coding, text):  # type: ignore[no-untyped-def]
    facts = read(coding, text, dt.date(2023, 5, 1))
    assert facts == []


def test_sample_page_proposal_and_acceptance(coding):  # type: ignore[no-untyped-def]
    """The sample: the Strategic Partnership is the standing tier; the Comprehensive Strategic
    Partnership proposed by Cambodia and accepted by Japan in April 2022."""
    article = replace(extract_text(SAMPLE.read_text("utf-8")), published=dt.date(2022, 4, 25))
    facts = coding.code_all(article).tiers
    by_status = {
        f.status.value: f for f in facts if f.tier == "Comprehensive Strategic Partnership"
    }
    assert set(by_status) == {"proposed", "agreed"}
    for fact in by_status.values():
        assert (fact.a, fact.b, fact.proposer, fact.previous) == (
            "JPN",
            "KHM",
            "KHM",
            "Strategic Partnership",
        )
        assert fact.date.date == dt.date(2022, 4, 23)  # the Saturday of the meeting
        assert article.body[fact.span[0] : fact.span[1]] == fact.sentence
    assert "accepted Hun Sen’s proposal" in by_status["agreed"].cue
    # No fact from the teasers or the researcher's "Upgrading ... will strengthen".
    assert len(facts) == 2


def test_ladders_rank_each_countrys_names(coding):  # type: ignore[no-untyped-def]
    ladders = load_ladders()
    assert ladders.canonical("comprehensive strategic partnership") == (
        "Comprehensive Strategic Partnership"
    )
    assert ladders.canonical("Strategic Partnership for Peace") == "Strategic Partnership For Peace"
    assert (
        ladders.rank("Comprehensive Strategic Partnership", "VNM")
        > ladders.rank("Strategic Partnership", "VNM")
        > ladders.rank("Comprehensive Partnership", "VNM")
    )
    assert ladders.rank("diplomatic relations") < ladders.rank("Strategic Partnership")


def test_reader_needs_no_store(coding):  # type: ignore[no-untyped-def]
    """The reader works on an article and its mentions alone (it runs in worker processes)."""
    article = Article(
        title=None,
        body="Japan and Cambodia established a strategic partnership on Monday.",
        published=dt.date(2013, 12, 17),
        language="en",
    )
    mentions = coding.code_all(article).mentions
    facts = TierReader().read(article, mentions, article_date(article))
    assert summary(facts) == {("JPN-KHM", "Strategic Partnership", "established", "2013-12", None)}


def test_a_dateline_is_neither_actor_nor_party(coding):  # type: ignore[no-untyped-def]
    """ "WASHINGTON --" says where the story was filed: the treaty is between the two states."""
    article = Article(
        title=None,
        body="WASHINGTON -- The United Arab Emirates formally established diplomatic relations "
        "with Israel on Tuesday, as their leaders put their names to a peace treaty.",
        published=dt.date(2020, 9, 16),
        language="en",
    )
    coded = coding.code_all(article)
    assert all(m.text != "WASHINGTON" for m in coded.mentions)
    assert {(e.source.actor.country, e.target.actor.country) for e in coded.events
            if e.source and e.target} <= {("ARE", "ISR"), ("ISR", "ARE")}  # fmt: skip
    assert summary(coded.tiers) == {
        ("ARE-ISR", "diplomatic relations", "established", "2020-09", None)
    }
