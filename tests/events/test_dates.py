"""Dates in sentences, resolved against the publication date: one case per test id."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from tieline.annotate.sentences import split_sentences
from tieline.events.dates import DateMention, event_date, find_dates, is_historical
from tieline.models import DatePrecision, EventDate

D = dt.date
DAY, MONTH, YEAR, UNKNOWN = (
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.UNKNOWN,
)
SAMPLE_PUB = D(2022, 4, 25)  # a Monday; the sample page's publication date
JAN = D(2022, 1, 3)  # a Monday early in January, for rollover across the year boundary
WED = D(2022, 4, 27)

_ALLIES = "Cambodia and Japan have maintained positive diplomatic ties for more than seven decades"
SEVEN_DECADES = (
    _ALLIES
    + ", with the latter helping oversee peacekeeping efforts in the Kingdom since the 1990s."
)


def case(
    id: str,
    sentence: str,
    published: dt.date | None,
    text: str,
    date: dt.date | None,
    precision: DatePrecision,
    relation: str,
    end: dt.date | None = None,
) -> object:
    return pytest.param(sentence, published, text, date, precision, relation, end, id=id)


CASES = [
    # the sample page
    case("sample-caption-saturday", "Prime Minister Hun Sen (left) and his Japanese counterpart "
         "Fumio Kishida bump elbows prior to a bilateral working meeting in Kumamoto, Japan on "
         "Saturday.", SAMPLE_PUB, "on Saturday", D(2022, 4, 23), DAY, "at"),
    case("sample-on-april-24", "The Ministry of Foreign Affairs and International Cooperation said "
         "in a press statement on April 24 that Hun Sen lauded Japan for their role.", SAMPLE_PUB,
         "on April 24", D(2022, 4, 24), DAY, "at"),
    case("sample-seven-decades", SEVEN_DECADES, SAMPLE_PUB, "for more than seven decades",
         D(1952, 1, 1), YEAR, "since"),
    case("sample-since-the-1990s", SEVEN_DECADES, SAMPLE_PUB, "since the 1990s", D(1990, 1, 1),
         YEAR, "since"),
    case("sample-by-2050", "He said cooperation with Japan will be a “core component” in the quest "
         "to turn Cambodia into a developed and high-income nation by 2050.", SAMPLE_PUB, "by 2050",
         D(2050, 1, 1), YEAR, "by"),
    case("sample-since-1997", "The company also imports vehicles and installs elevators in the "
         "Kingdom, and has operated in Cambodia since 1997.", SAMPLE_PUB, "since 1997",
         D(1997, 1, 1), YEAR, "since"),
    case("sample-near-future-quoted", "He requested that the Cambodia-Japan “Strategic "
         "Partnership” be upgraded to “Comprehensive Strategic Partnership” in the “near future”.",
         SAMPLE_PUB,
         "in the “near future”", None, UNKNOWN, "future"),
    case("sample-range-2023-28", "CPP sets out five primary strategic goals for 2023-28",
         D(2023, 2, 1), "for 2023-28", D(2023, 1, 1), YEAR, "at", D(2028, 12, 31)),
    # weekdays
    case("weekday-same-day-past", "The two leaders met on Monday.", SAMPLE_PUB, "on Monday",
         SAMPLE_PUB, DAY, "at"),
    case("weekday-without-on", "Kishida said Sunday that ties were firm.", SAMPLE_PUB, "Sunday",
         D(2022, 4, 24), DAY, "at"),
    case("weekday-future", "The two leaders will meet on Thursday.", SAMPLE_PUB, "on Thursday",
         D(2022, 4, 28), DAY, "future"),
    case("weekday-future-same-day", "The leaders will meet on Monday.", SAMPLE_PUB, "on Monday",
         SAMPLE_PUB, DAY, "at"),
    case("weekday-said-then-will", "The minister said on Monday that the country will sign the "
         "deal.", WED, "on Monday", D(2022, 4, 25), DAY, "at"),
    case("weekday-nearest-cue-decides", "The minister said on Monday the country will sign the "
         "deal.", WED, "on Monday", D(2022, 4, 25), DAY, "at"),
    case("weekday-leading-future-clause", "On Monday, the leaders will sign the pact.", WED,
         "On Monday", D(2022, 5, 2), DAY, "future"),
    case("weekday-last", "He arrived last Monday.", SAMPLE_PUB, "last Monday", D(2022, 4, 18), DAY,
         "at"),
    case("weekday-next", "He will arrive next Monday.", SAMPLE_PUB, "next Monday", D(2022, 5, 2),
         DAY, "future"),
    case("weekday-with-date", "The deal was signed on Saturday, April 23.", SAMPLE_PUB,
         "on Saturday, April 23", D(2022, 4, 23), DAY, "at"),
    case("weekday-across-new-year", "The talks ended on Friday.", JAN, "on Friday", D(2021, 12, 31),
         DAY, "at"),
    # days named from publication
    case("yesterday", "Talks ended yesterday.", SAMPLE_PUB, "yesterday", D(2022, 4, 24), DAY, "at"),
    case("today", "Hun Sen arrives in Tokyo today.", SAMPLE_PUB, "today", SAMPLE_PUB, DAY, "at"),
    case("tomorrow", "He will fly home tomorrow.", SAMPLE_PUB, "tomorrow", D(2022, 4, 26), DAY,
         "future"),
    case("last-night", "The envoy spoke last night.", SAMPLE_PUB, "last night", D(2022, 4, 24), DAY,
         "at"),
    case("this-morning", "The ministers met this morning.", SAMPLE_PUB, "this morning", SAMPLE_PUB,
         DAY, "at"),
    case("yesterday-on-new-years-day", "Talks ended yesterday.", D(2022, 1, 1), "yesterday",
         D(2021, 12, 31), DAY, "at"),
    # weeks, months, years named from publication
    case("last-week-is-a-period", "Talks resumed last week.", WED, "last week", D(2022, 4, 18), DAY,
         "at", D(2022, 4, 24)),
    case("this-week", "Talks resume this week.", WED, "this week", D(2022, 4, 25), DAY, "at",
         D(2022, 5, 1)),
    case("next-week", "They will meet next week.", SAMPLE_PUB, "next week", D(2022, 5, 2), DAY,
         "future", D(2022, 5, 8)),
    case("over-the-weekend", "They met over the weekend.", SAMPLE_PUB, "over the weekend",
         D(2022, 4, 23), DAY, "at", D(2022, 4, 24)),
    case("last-month-in-january", "Exports rose last month.", D(2022, 1, 10), "last month",
         D(2021, 12, 1), MONTH, "at"),
    case("next-month", "The pact will be signed next month.", SAMPLE_PUB, "next month",
         D(2022, 5, 1), MONTH, "future"),
    case("last-year-in-january", "Ties were upgraded last year.", D(2022, 1, 5), "last year",
         D(2021, 1, 1), YEAR, "at"),
    case("earlier-this-year-in-january", "Ties were upgraded earlier this year.", D(2022, 1, 5),
         "earlier this year", D(2022, 1, 1), YEAR, "at"),
    case("late-last-year", "The deal was agreed late last year.", SAMPLE_PUB, "late last year",
         D(2021, 1, 1), YEAR, "at"),
    case("next-year", "The plant will open next year.", SAMPLE_PUB, "next year", D(2023, 1, 1),
         YEAR, "future"),
    case("second-half-of-this-year", "The two countries will hold a forum in the second half of "
         "this year.", SAMPLE_PUB, "in the second half of this year", D(2022, 7, 1), MONTH,
         "future", D(2022, 12, 31)),
    case("by-the-end-of-the-year", "Sales will rise by the end of the year.", SAMPLE_PUB,
         "by the end of the year", D(2022, 1, 1), YEAR, "by"),
    # months and days without a year
    case("december-rollover", "The talks were held in December.", JAN, "in December",
         D(2021, 12, 1), MONTH, "at"),
    case("december-day-rollover", "The accord was signed on December 30.", JAN, "on December 30",
         D(2021, 12, 30), DAY, "at"),
    case("january-future-rollover", "The leaders will meet on January 2.", D(2021, 12, 20),
         "on January 2", D(2022, 1, 2), DAY, "future"),
    case("march-past", "The ministers met in March.", SAMPLE_PUB, "in March", D(2022, 3, 1), MONTH,
         "at"),
    case("february-future", "They will meet in February.", SAMPLE_PUB, "in February", D(2023, 2, 1),
         MONTH, "future"),
    case("mid-april", "The ministers met in mid-April.", SAMPLE_PUB, "in mid-April", D(2022, 4, 1),
         MONTH, "at"),
    case("may-the-month-not-the-name", "Theresa May will visit in May.", SAMPLE_PUB, "in May",
         D(2022, 5, 1), MONTH, "future"),
    case("month-last-year", "The Russians told them they would stop the Kurds in April last "
         "year.", SAMPLE_PUB, "in April last year", D(2021, 4, 1), MONTH, "at"),
    case("day-near-publication-keeps-year", "In his statement (Assad will stay, Hunt acknowledges, "
         "4 January) the minister fails.", D(2019, 1, 6), "4 January", D(2019, 1, 4), DAY, "at"),
    case("past-cue-nearer-than-future-cue", "It was influenced by a vote two days earlier, on 29 "
         "August, when the plan to order strikes failed.", D(2018, 2, 10), "on 29 August",
         D(2017, 8, 29), DAY, "at"),
    case("leap-day-without-year", "The treaty was signed on February 29.", D(2025, 3, 10),
         "on February 29", D(2024, 2, 29), DAY, "at"),
    case("leap-day-with-year", "The treaty was signed on February 29, 2024.", D(2025, 3, 10),
         "on February 29, 2024", D(2024, 2, 29), DAY, "at"),
    # explicit dates
    case("month-year", "In March 2022, the ministers met.", SAMPLE_PUB, "In March 2022",
         D(2022, 3, 1), MONTH, "at"),
    case("year", "The embassy opened in 2021.", SAMPLE_PUB, "in 2021", D(2021, 1, 1), YEAR, "at"),
    case("day-month-year", "The deal was signed on 24 April 2022.", SAMPLE_PUB, "on 24 April 2022",
         D(2022, 4, 24), DAY, "at"),
    case("month-day-comma-year", "The deal was signed on April 24, 2022.", SAMPLE_PUB,
         "on April 24, 2022", D(2022, 4, 24), DAY, "at"),
    case("ordinal-of-month", "The deal was signed on the 24th of April.", SAMPLE_PUB,
         "on the 24th of April", D(2022, 4, 24), DAY, "at"),
    case("abbreviated-month", "The congress ended on Jan. 29.", D(2023, 2, 1), "on Jan. 29",
         D(2023, 1, 29), DAY, "at"),
    case("iso", "The deal was signed on 2022-04-24.", SAMPLE_PUB, "on 2022-04-24", D(2022, 4, 24),
         DAY, "at"),
    case("day-first-slash", "The deal was signed on 24/04/2022.", SAMPLE_PUB, "on 24/04/2022",
         D(2022, 4, 24), DAY, "at"),
    case("ambiguous-slash-keeps-year", "The deal was signed on 04/05/2022.", SAMPLE_PUB,
         "on 04/05/2022", D(2022, 1, 1), YEAR, "at"),
    case("until-year", "The agreement runs until 2025.", SAMPLE_PUB, "until 2025", D(2025, 1, 1),
         YEAR, "until"),
    case("between-years", "Trade doubled between 2012 and 2014.", SAMPLE_PUB,
         "between 2012 and 2014", D(2012, 1, 1), YEAR, "at", D(2014, 12, 31)),
    case("year-of-noun", "61% of 2022 imports came from just 3 markets", D(2023, 2, 1), "2022",
         D(2022, 1, 1), YEAR, "at"),
    # decades and centuries
    case("decade", "Relations soured in the 1990s.", SAMPLE_PUB, "in the 1990s", D(1990, 1, 1),
         YEAR, "at", D(1999, 12, 31)),
    case("late-decade", "Relations soured in the late 1990s.", SAMPLE_PUB, "in the late 1990s",
         D(1997, 1, 1), YEAR, "at", D(1999, 12, 31)),
    case("apostrophe-decade", "Relations soured in the '90s.", SAMPLE_PUB, "in the '90s",
         D(1990, 1, 1), YEAR, "at", D(1999, 12, 31)),
    case("century", "The war ended in the 20th century.", SAMPLE_PUB, "in the 20th century",
         D(1900, 1, 1), YEAR, "at", D(1999, 12, 31)),
    # counts back from publication
    case("years-ago", "The embassy opened three years ago.", SAMPLE_PUB, "three years ago",
         D(2019, 1, 1), YEAR, "ago"),
    case("weeks-ago", "The embassy opened two weeks ago.", SAMPLE_PUB, "two weeks ago",
         D(2022, 4, 11), DAY, "ago"),
    case("months-ago", "The embassy opened six months ago.", SAMPLE_PUB, "six months ago",
         D(2021, 10, 1), MONTH, "ago"),
    case("compound-number-ago", "The embassy opened twenty-five years ago.", SAMPLE_PUB,
         "twenty-five years ago", D(1997, 1, 1), YEAR, "ago"),
    case("vague-ago", "The embassy opened several years ago.", SAMPLE_PUB, "several years ago",
         None, UNKNOWN, "ago"),
    case("over-the-past-years", "Trade has grown over the past three years.", SAMPLE_PUB,
         "over the past three years", D(2019, 1, 1), YEAR, "since"),
    case("for-decades", "The two sides have cooperated for decades.", SAMPLE_PUB, "for decades",
         None, UNKNOWN, "since"),
    case("half-a-century", "They have been allies for more than half a century.", SAMPLE_PUB,
         "for more than half a century", D(1972, 1, 1), YEAR, "since"),
    case("anniversary", "This year marks the 70th anniversary of diplomatic relations.",
         D(2023, 4, 25), "the 70th anniversary", D(1953, 1, 1), YEAR, "since"),
    case("anniversary-in-words", "They celebrated the seventieth anniversary of ties.",
         D(2023, 4, 25), "the seventieth anniversary", D(1953, 1, 1), YEAR, "since"),
    case("coming-weeks", "Talks will be held in the coming weeks.", SAMPLE_PUB,
         "in the coming weeks", None, UNKNOWN, "future"),
    # without a publication date
    case("no-published-year", "The summit was held in 1997.", None, "in 1997", D(1997, 1, 1), YEAR,
         "at"),
    case("no-published-weekday", "The summit was held on Saturday.", None, "on Saturday", None,
         UNKNOWN, "at"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "published", "text", "date", "precision", "relation", "end"), CASES
)
def test_find_dates(
    sentence: str,
    published: dt.date | None,
    text: str,
    date: dt.date | None,
    precision: DatePrecision,
    relation: str,
    end: dt.date | None,
) -> None:
    mentions = {m.text: m for m in find_dates(sentence, published)}
    assert text in mentions, f"{text!r} not among {list(mentions)}"
    mention = mentions[text]
    assert mention.date == EventDate(date, precision, text, end)
    assert mention.relation == relation
    assert sentence[mention.start : mention.end] == text


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Japan pledged $4 billion to the project.", id="money"),
        pytest.param("The congress was attended by more than 3,000 members.", id="count"),
        pytest.param("Imports were up 11.99 per cent.", id="per-cent"),
        pytest.param("The talks lasted for two hours.", id="hours"),
        pytest.param("The deal must be approved within 24 hours.", id="24-hours"),
        pytest.param("He was jailed for five years.", id="duration-not-since"),
        pytest.param("The project would take around four years to complete.", id="bare-duration"),
        pytest.param("Resolution 2231 was adopted unanimously.", id="numbered-document"),
        pytest.param("Officials deployed 2000 troops at 1500 GMT.", id="troops-and-clock"),
        pytest.param("May I ask a question?", id="modal-may"),
        pytest.param("It goes on to call on May to engage with Turkey.", id="call-on-may"),
        pytest.param("The plan was backed by May and her cabinet.", id="backed-by-may"),
        pytest.param("He will march to the border.", id="verb-march"),
        pytest.param("He is in his sixties.", id="age-not-decade"),
        pytest.param("He told BBC Radio 4’s Today programme that talks went well.", id="programme"),
        pytest.param("The 4th Asia-Pacific Water Summit opened in Kumamoto.", id="ordinal"),
        pytest.param("Call 2345-6789 for details.", id="phone-number"),
        pytest.param("The treaty was signed on February 30.", id="impossible-day"),
        pytest.param("He requested an upgrade of ties.", id="no-date"),
    ],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, SAMPLE_PUB) == []


def test_mentions_are_in_order_and_do_not_overlap() -> None:
    sentence = "They met yesterday, will meet again on Friday and have been partners since 1953."
    mentions = find_dates(sentence, SAMPLE_PUB)
    assert [m.text for m in mentions] == ["yesterday", "on Friday", "since 1953"]
    assert [m.relation for m in mentions] == ["at", "future", "since"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_the_longest_reading_wins() -> None:
    (mention,) = find_dates("Peacekeepers have served there since the 1990s.", SAMPLE_PUB)
    assert mention.text == "since the 1990s"
    assert mention.date.end is None  # "since" states where a period starts, not where it ends


# --- event_date ----------------------------------------------------------------------------------

ACCEPTED_THEN_SIGNED = (
    "Kishida accepted the proposal on Saturday and the pact will be signed next month."
)


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        pytest.param("accepted", EventDate(D(2022, 4, 23), DAY, "on Saturday"), id="near-accepted"),
        pytest.param("signed", EventDate(D(2022, 5, 1), MONTH, "next month"), id="near-signed"),
    ],
)
def test_event_date_nearest_to_the_trigger(trigger: str, expected: EventDate) -> None:
    anchor = ACCEPTED_THEN_SIGNED.index(trigger)
    assert event_date(ACCEPTED_THEN_SIGNED, SAMPLE_PUB, anchor=anchor) == expected


def test_event_date_without_anchor_takes_the_first_event_date() -> None:
    sentence = "Cambodia, a partner since 1993, signed the deal two weeks ago on Monday."
    assert event_date(sentence, SAMPLE_PUB) == EventDate(D(2022, 4, 11), DAY, "two weeks ago")


def test_event_date_falls_back_to_publication() -> None:
    assert event_date("Kishida accepted the proposal.", SAMPLE_PUB) == EventDate(SAMPLE_PUB, DAY)
    # a "since" expression dates a state of affairs, not the event
    assert event_date("They have been partners since 1953.", SAMPLE_PUB) == EventDate(
        SAMPLE_PUB, DAY
    )


def test_event_date_without_publication_date() -> None:
    assert event_date("Kishida accepted the proposal.", None) == EventDate(None, UNKNOWN)
    assert event_date("The pact was signed in 1997.", None) == EventDate(
        D(1997, 1, 1), YEAR, "in 1997"
    )


# --- is_historical -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "historical"),
    [
        pytest.param(SEVEN_DECADES, SAMPLE_PUB, True, id="seven-decades"),
        pytest.param(_ALLIES + ".", SAMPLE_PUB, True, id="have-maintained-for-more-than"),
        pytest.param("The company has operated in Cambodia since 1997.", SAMPLE_PUB, True,
                     id="since-1997"),
        pytest.param("Relations soured in the 1990s.", SAMPLE_PUB, True, id="in-the-1990s"),
        pytest.param("The embassy opened three years ago.", SAMPLE_PUB, True, id="years-ago"),
        pytest.param("The two sides have cooperated for decades.", SAMPLE_PUB, True,
                     id="for-decades"),
        pytest.param("Trade rose in recent years.", SAMPLE_PUB, True, id="recent-years"),
        pytest.param("The company has operated there since 1997.", None, True,
                     id="since-without-publication"),
        pytest.param("Kishida accepted the proposal on Saturday.", SAMPLE_PUB, False,
                     id="new-event"),
        pytest.param("Ties were upgraded last year.", SAMPLE_PUB, False,
                     id="last-year-is-recent"),
        pytest.param("Talks have continued for two weeks.", SAMPLE_PUB, False,
                     id="recent-since"),
        pytest.param("They marked the 70th anniversary of ties by signing a pact on Saturday.",
                     SAMPLE_PUB, False, id="anniversary-is-not-history"),
        pytest.param("Cambodia aims to become a high-income nation by 2050.", SAMPLE_PUB, False,
                     id="by-2050"),
    ],
)  # fmt: skip
def test_is_historical(sentence: str, published: dt.date | None, historical: bool) -> None:
    assert is_historical(sentence, published, event_date(sentence, published)) is historical


# --- the sample page, read as the pipeline reads it ----------------------------------------------


def test_sample_page(sample_path: Path) -> None:
    sentences = [s.text for s in split_sentences(sample_path.read_text(encoding="utf-8"))]

    def the(words: str) -> str:
        return next(s for s in sentences if words in s)

    def mention(sentence: str, text: str) -> DateMention:
        return next(m for m in find_dates(sentence, SAMPLE_PUB) if m.text == text)

    bump = the("bump elbows")
    assert event_date(bump, SAMPLE_PUB) == EventDate(D(2022, 4, 23), DAY, "on Saturday")
    assert not is_historical(bump, SAMPLE_PUB, event_date(bump, SAMPLE_PUB))
    statement = the("press statement")
    assert event_date(statement, SAMPLE_PUB, anchor=statement.index("lauded")).date == D(
        2022, 4, 24
    )
    ties = the("seven decades")
    decades = mention(ties, "for more than seven decades")
    assert (decades.relation, decades.date.date, decades.date.precision) == (
        "since",
        D(1952, 1, 1),
        YEAR,
    )
    assert mention(ties, "since the 1990s").relation == "since"
    assert is_historical(ties, SAMPLE_PUB, event_date(ties, SAMPLE_PUB, anchor=ties.index("maint")))
    assert mention(the("high-income nation"), "by 2050").relation == "by"
    mitsubishi = the("since 1997")
    assert is_historical(mitsubishi, SAMPLE_PUB, event_date(mitsubishi, SAMPLE_PUB))
    near = mention(the("He requested"), "in the “near future”")
    assert (near.relation, near.date.date, near.date.precision) == ("future", None, UNKNOWN)


# --- odd input never raises ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        pytest.param("", SAMPLE_PUB, id="empty"),
        pytest.param("   \n\t", None, id="blank"),
        pytest.param("\x00\ufffd", SAMPLE_PUB, id="control-characters"),
        pytest.param("It happened on 9999-99-99 and 31/31/2022.", SAMPLE_PUB, id="impossible"),
        pytest.param(
            "It happened 999 centuries ago, 10 years ago.", SAMPLE_PUB, id="before-year-1"
        ),
        pytest.param("It happened last year and 3 years ago.", D(1, 1, 1), id="date-min"),
        pytest.param("It happens tomorrow and next year.", D(9999, 12, 31), id="date-max"),
        pytest.param("Monday " * 2000, SAMPLE_PUB, id="long"),
        pytest.param("since since in in the the 1990s 2022- -2022 April", SAMPLE_PUB, id="junk"),
    ],
)
def test_odd_input_never_raises(sentence: str, published: dt.date | None) -> None:
    mentions = find_dates(sentence, published)
    assert all(sentence[m.start : m.end] == m.text for m in mentions)
    assert isinstance(event_date(sentence, published, anchor=3), EventDate)
    assert isinstance(is_historical(sentence, published, EventDate(None, UNKNOWN)), bool)


def test_wrong_types_are_read_as_nothing() -> None:
    assert find_dates(None, SAMPLE_PUB) == []  # type: ignore[arg-type]
    assert find_dates("They met on Saturday.", "2022-04-25") == find_dates(  # type: ignore[arg-type]
        "They met on Saturday.", None
    )
    stamped = dt.datetime(2022, 4, 25, 9, 30)
    assert event_date("They met on Saturday.", stamped).date == D(2022, 4, 23)
