"""Scraped page text: the sample page exactly as samples/README.md describes, and the rules on
other shapes of scraped text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tieline.extract.text import extract_text

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture(scope="module")
def sample():
    from tests.conftest import SAMPLE

    return extract_text(SAMPLE.read_text(encoding="utf-8"))


def test_sample_matches_golden_body_exactly(sample):
    expected = (GOLDEN / "sample_body.txt").read_text(encoding="utf-8").rstrip("\n")
    assert sample.body == expected


def test_sample_metadata_captions_and_teasers_match_golden(sample):
    golden = json.loads((GOLDEN / "sample_article.json").read_text(encoding="utf-8"))
    assert sample.title == golden["title"] == "Cambodia, Japan upgrade bilateral ties"
    assert sample.publisher == golden["publisher"] == "Phnom Penh Post"
    assert list(sample.captions) == golden["captions"]
    assert [{"title": r.title, "text": r.text} for r in sample.related] == golden["related"]


def test_sample_body_boundaries(sample):
    paragraphs = sample.body.split("\n\n")
    assert paragraphs[0].startswith("Japanese Prime Minister Fumio Kishida has accepted")
    assert paragraphs[-1].startswith("The prime minister also met with Yogo Kanda")
    assert paragraphs[-1].endswith("has operated in Cambodia since 1997.")
    assert len(paragraphs) == 17


@pytest.mark.parametrize(
    "fragment",
    [
        "Logo of Phnom Penh Post",
        "Content image",
        "bump elbows",  # first caption
        "preside over the signing",  # second caption, in the middle of the page
        "Hungary",
        "SEA Games",
        "Poipet",
        "CPP sets out",
    ],
)
def test_sample_body_leaves_out_page_furniture(sample, fragment):
    assert fragment not in sample.body


def test_sample_title_appears_in_body_never(sample):
    assert sample.title not in sample.body.split("\n\n")


def test_sample_has_six_teasers_and_two_captions(sample):
    assert len(sample.related) == 6
    assert sample.related[0].title == "Second Hungary business forum set for H2"
    assert len(sample.captions) == 2
    assert all(c.endswith("SPM") for c in sample.captions)


def test_notes_say_what_was_dropped(sample):
    notes = " | ".join(sample.notes)
    for expected in (
        "logo line",
        "2 image markers",
        "2 repeated title lines",
        "6 related-story teasers",
    ):
        assert expected in notes


BYLINED = """World News

Ministers agree on river pact

By Jane Doe
Updated 3 May 2024

The foreign ministers of the two countries agreed on Tuesday to share data on river flows, \
officials said.

The agreement follows two years of talks.

Advertisement

Officials will meet again in June to review the first results of the exchange.

Related stories
Floods hit the delta
Dam talks stall
"""


def test_header_byline_and_related_heading():
    article = extract_text(BYLINED)
    assert article.title == "Ministers agree on river pact"
    assert article.author == "Jane Doe"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The foreign ministers")
    assert paragraphs[-1].startswith("Officials will meet again in June")
    assert "Advertisement" not in article.body
    assert "World News" not in article.body
    assert [r.title for r in article.related] == ["Floods hit the delta", "Dam talks stall"]


def test_bulleted_list_inside_body_is_kept():
    text = (
        "Leaders sign three accords\n\n"
        "The two leaders signed three accords on Friday covering these fields:\n\n"
        "• trade in farm goods\n"
        "• customs cooperation\n\n"
        "The accords take effect next year, the statement said.\n"
    )
    article = extract_text(text)
    assert "• trade in farm goods" in article.body
    assert article.body.endswith("the statement said.")
    assert article.related == ()


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Envoys meet in Geneva\n\n"
        "The envoys met in Geneva on Monday for a second round of talks on\n"
        "the ceasefire, a spokesperson said, adding that both sides had\n"
        "agreed to meet again.\n\n"
        "No date was set.\n"
    )
    article = extract_text(text)
    assert article.body.split("\n\n") == [
        "The envoys met in Geneva on Monday for a second round of talks on the ceasefire, "
        "a spokesperson said, adding that both sides had agreed to meet again.",
        "No date was set.",
    ]


@pytest.mark.parametrize("text", ["", "\n\n\n", "   ", "•", "Logo", "\x00\x01 odd"])
def test_odd_input_never_raises(text):
    article = extract_text(text)
    assert isinstance(article.body, str)
