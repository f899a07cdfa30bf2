"""extract_html: a web page to an Article (metadata, body, captions, related items)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tieline.extract.body import Body
from tieline.extract.html import EXTRACTOR, extract_html
from tieline.extract.language import choose_language, iso639_1
from tieline.extract.metadata import parse_date
from tieline.models import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def read(name: str, url: str | None) -> Article:
    return extract_html((FIXTURES / name).read_text(encoding="utf-8"), url)


@pytest.fixture(scope="module")
def news() -> Article:
    """An English news page: JSON-LD, canonical link, share bar, figure, related box."""
    return read(
        "news_article.html",
        "https://mekongledger.example/world/asia/2023/12/17/cambodia-japan-partnership?utm=rss",
    )


@pytest.fixture(scope="module")
def broken() -> Article:
    """Unclosed paragraphs and headings, stray end tags, a caption repeated as a paragraph."""
    return read(
        "news_broken_markup.html",
        "https://harbourtimes.example/news/vietnam-philippines-coast-guard?ref=rss",
    )


@pytest.fixture(scope="module")
def french() -> Article:
    """A French page with no structured date: htmldate finds the <time> element."""
    return read("nouvelles_fr.html", "https://courrierdufleuve.example/afrique/2024/02/12/gaz-gta")


# --- the English news page -------------------------------------------------------------------


def test_metadata_from_json_ld_and_open_graph(news: Article) -> None:
    assert news.title == "Cambodia and Japan raise ties to comprehensive strategic partnership"
    assert news.publisher == "The Mekong Ledger"
    assert news.author == "Sophea Lim"
    assert news.published == dt.date(2023, 12, 17)
    assert news.published_source == "page"
    assert news.language == "en"
    assert news.extractor == EXTRACTOR


def test_urls(news: Article) -> None:
    assert news.url.endswith("?utm=rss")
    # the canonical link is relative in the page: made absolute against the page URL
    assert news.canonical_url == (
        "https://mekongledger.example/world/asia/2023/12/17/cambodia-japan-partnership"
    )


def test_body_is_the_article_paragraphs(news: Article) -> None:
    paragraphs = news.body.split("\n\n")
    assert paragraphs[0].startswith("Cambodia and Japan agreed on Saturday to lift")
    assert paragraphs[-1].startswith("The two governments plan to hold a first meeting")
    assert len(paragraphs) == 7
    assert all(p.strip() == p and p for p in paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        "Cambodia and Japan raise ties",  # the headline is the title, not body
        "Share on Facebook",
        "Advertisement",
        "Related:",
        "Hun Manet makes first foreign visit",  # the in-body "Related:" teaser
        "Sign up for our Asia briefing",
        "delivered to your inbox",
        "All rights reserved",
        "Privacy policy",
        "Politics",  # navigation
    ],
)
def test_body_leaves_out_page_furniture(news: Article, furniture: str) -> None:
    assert furniture not in news.body


def test_captions_kept_apart(news: Article) -> None:
    assert news.captions == (
        "Prime Minister Hun Manet and Prime Minister Fumio Kishida shake hands after signing "
        "the joint statement in Tokyo on Saturday.",
    )
    assert "shake hands" not in news.body


def test_related_items_from_box_and_body(news: Article) -> None:
    by_title = {item.title: item.url for item in news.related}
    assert by_title["Japan prepares for a summit with Southeast Asian leaders"] == (
        "https://mekongledger.example/world/asia/2023/11/30/japan-asean-summit-preview"
    )
    assert by_title["Investors eye ports along the lower Mekong"] == (
        "https://mekongledger.example/business/2023/12/01/mekong-ports-investment"
    )
    assert "Deminers race to clear the last fields on the Thai border" in by_title
    # the "Related: ..." line inside the story body becomes a related item too
    assert by_title["Hun Manet makes first foreign visit as prime minister"] == (
        "https://mekongledger.example/world/asia/2023/09/02/hun-manet-first-visit"
    )
    assert not any(title in news.body for title in by_title)


def test_notes_say_what_was_removed(news: Article) -> None:
    assert any(note.startswith("removed from body:") for note in news.notes)
    assert all("\n" not in note for note in news.notes)


def test_hover_cards_and_hidden_text_left_out() -> None:
    page = (FIXTURES / "news_article.html").read_text(encoding="utf-8")
    card = (
        '<span class="person-tooltip"><a href="/people/kishida">Fumio Kishida</a> '
        '<a href="/x">Kishida reshuffles cabinet after funding scandal</a></span>'
    )
    page = page.replace("signed by Hun Manet and Fumio Kishida", f"signed by Hun Manet and {card}")
    page = page.replace(
        "<p>Kishida told reporters",
        '<p style="display: none">Loading the live blog.</p><p>Kishida told reporters',
    )
    article = extract_html(page, None)
    assert "reshuffles cabinet" not in article.body
    assert "Loading the live blog" not in article.body
    assert "commits both governments to closer cooperation" in article.body


def test_hidden_wrapper_around_the_whole_page_is_kept() -> None:
    """A saved page with a modal open hides everything behind it; the text is still read."""
    page = (FIXTURES / "news_article.html").read_text(encoding="utf-8")
    page = page.replace("<main>", '<main aria-hidden="true">')
    article = extract_html(page, None)
    assert article.body.startswith("Cambodia and Japan agreed on Saturday")


def test_json_ld_article_body_when_the_page_is_a_script_shell() -> None:
    story = (
        "Ministers from both countries met in Jakarta to review the fisheries agreement. "
        "They agreed to share patrol data every month and to meet again in June.\n"
        "Officials said the accord would be extended to cover the eastern islands."
    )
    page = (
        "<html><head><script type='application/ld+json'>"
        + '{"@type": "NewsArticle", "headline": "Fisheries talks", "articleBody": '
        + json.dumps(story)
        + "}</script></head><body><div id='app'>Loading…</div>"
        "<script>render()</script></body></html>"
    )
    article = extract_html(page, None)
    # trafilatura's own baseline reads articleBody too; either way the story is the body
    assert article.body.split() == story.split()


def test_json_ld_article_body_replaces_a_body_too_short(monkeypatch: pytest.MonkeyPatch) -> None:
    import tieline.extract.html as html_module

    monkeypatch.setattr(
        html_module, "extract_body", lambda tree, url, clues: Body("Subscribe to read on.")
    )
    story = "First paragraph of the story, long enough to matter.\nSecond paragraph, as long."
    page = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps({"@type": "NewsArticle", "articleBody": story})
        + "</script></head><body><p>Subscribe to read on.</p></body></html>"
    )
    article = extract_html(page, None)
    assert article.body == story.replace("\n", "\n\n")
    assert any("JSON-LD articleBody" in note for note in article.notes)


# --- broken markup ---------------------------------------------------------------------------


def test_broken_markup_still_reads(broken: Article) -> None:
    assert broken.title == "Vietnam and the Philippines sign coast guard accord"
    assert broken.publisher == "Harbour Times"
    assert broken.author == "Maria Santos"  # "By " dropped
    assert broken.published == dt.date(2024, 1, 30)
    assert (
        broken.canonical_url == "https://harbourtimes.example/news/vietnam-philippines-coast-guard"
    )
    assert broken.language == "en"
    assert broken.body.startswith("Vietnam and the Philippines signed an agreement on Tuesday")
    assert broken.body.endswith("later this year to agree on procedures.")
    assert broken.body.count("\n\n") == 4


def test_broken_markup_caption_and_dateline_not_in_body(broken: Article) -> None:
    assert broken.captions == (
        "President Ferdinand Marcos Jr. is welcomed at the Presidential Palace in Hanoi. "
        "Photo: Harbour Times",
    )
    assert "is welcomed at the Presidential Palace" not in broken.body
    assert "21:05" not in broken.body
    for furniture in ("Advertisement", "Follow us", "Copyright", "Home"):
        assert furniture not in broken.body


# --- a page in French ------------------------------------------------------------------------


def test_french_page(french: Article) -> None:
    assert french.language == "fr"
    assert french.title == "Le Sénégal et la Mauritanie s'entendent sur le gaz du champ GTA"
    assert french.publisher == "Le Courrier du Fleuve"
    assert french.published == dt.date(2024, 2, 12)  # from <time>, via htmldate
    assert french.canonical_url is None  # the page declares none
    assert french.body.startswith("Les gouvernements du Sénégal et de la Mauritanie")
    assert french.body.endswith("former des techniciens locaux.")
    assert french.captions == ("La plateforme flottante au large de Saint-Louis, en janvier.",)
    assert [item.title for item in french.related] == [
        "Le projet de gazoduc entre le Nigeria et le Maroc franchit une étape",
        "À Saint-Louis, le prix du poisson inquiète les familles",
    ]
    assert "Tous droits réservés" not in french.body


def test_declared_language_overruled_by_the_text() -> None:
    page = (FIXTURES / "nouvelles_fr.html").read_text(encoding="utf-8")
    page = page.replace('lang="fr-FR"', 'lang="en"').replace('content="fr_FR"', 'content="en_US"')
    article = extract_html(page, None)
    assert article.language == "fr"
    assert any("declares language 'en'" in note for note in article.notes)


# --- odd input -------------------------------------------------------------------------------

ODD_INPUTS = {
    "empty": "",
    "whitespace": "   \n\t ",
    "control bytes": "\x00\x01\x02\x03 binary-looking junk \x7f",
    "angle brackets": "<<<<>>>><<</>>",
    "plain text": "Just a sentence of text with no markup at all.",
    "empty html": "<html></html>",
    "head only": "<html><head><title>Nothing here</title></head></html>",
    "script only": "<html><body><script>var a = '<p>not text</p>';</script></body></html>",
    "frameset": "<html><frameset><frame src='a.html'></frameset></html>",
    "bad json-ld": (
        '<html><head><script type=\'application/ld+json\'>{"@type": "NewsArticle", '
        '"datePublished": "yesterday", "author": [[{}]], </script></head>'
        "<body><p>Short.</p></body></html>"
    ),
    "deep nesting": "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
    "unclosed title": "<html><head><title>Lost title<body><p>" + "word " * 300 + "</p></body>",
    "malformed urls": (
        "<html><head><link rel='canonical' href='http://[::1'></head><body>"
        "<aside class='related'><a href='http://[::1/story'>A story with a broken link here</a>"
        "</aside><p>" + "Some words of text. " * 40 + "</p></body></html>"
    ),
    "xml declaration": "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
}


@pytest.mark.parametrize("text", list(ODD_INPUTS.values()), ids=list(ODD_INPUTS))
def test_odd_input_never_raises(text: str) -> None:
    article = extract_html(text, "https://example.org/page")
    assert isinstance(article, Article)
    assert article.extractor == EXTRACTOR
    assert article.url == "https://example.org/page"
    if not article.body:
        assert article.notes, "an empty body comes with a note saying why"
    assert article.title is None or len(article.title) <= 400


def test_malformed_page_url_is_tolerated() -> None:
    article = read("news_article.html", "http://[::1")
    assert article.url == "http://[::1"
    # the relative canonical link cannot be resolved against it; og:url is absolute
    assert article.canonical_url == (
        "https://mekongledger.example/world/asia/2023/12/17/cambodia-japan-partnership"
    )
    assert article.body.startswith("Cambodia and Japan agreed on Saturday")


def test_empty_input_says_so() -> None:
    article = extract_html("")
    assert article.body == ""
    assert article.title is None
    assert article.notes == ("not an HTML page",)


# --- helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-12-17T09:30:00+07:00", dt.date(2023, 12, 17)),
        ("20191119", dt.date(2019, 11, 19)),
        ("Tue, 19 Nov 2019 08:57:40 GMT", dt.date(2019, 11, 19)),
        ("not a date", None),
        ("1066-10-14", None),  # implausible for a web page
        ("2999-01-01", None),  # in the future
        ("", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value, today=dt.date(2025, 1, 1)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en-GB", "en"),
        ("fr_FR", "fr"),
        ("PT", "pt"),
        ("eng", "en"),
        ("x-klingon", None),
        ("", None),
    ],
)
def test_iso639_1(value: str, expected: str | None) -> None:
    assert iso639_1(value) == expected


def test_short_text_keeps_declared_language() -> None:
    assert choose_language("de", "Ein kurzer Satz.") == ("de", None)
    assert choose_language(None, "") == (None, None)
