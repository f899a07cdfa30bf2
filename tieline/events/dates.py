"""When an event happened: temporal expressions in an English news sentence, resolved against the
publication date.

`find_dates` lists every temporal expression in a sentence with its character offsets, the date it
resolves to (an `EventDate` with precision) and how the sentence relates to that date:

- ``at``      the event happened then ("on Saturday", "in March 2022", "in the 1990s");
- ``since``   a state of affairs holds from then on ("since 1953", "for more than seven decades",
              "the 70th anniversary of diplomatic relations", "over the past three years");
- ``until``   up to then ("until 2025", "through 2024");
- ``by``      no later than then ("by 2050", "before the end of the year");
- ``ago``     a count back from publication ("three years ago");
- ``future``  an ``at`` date after publication ("next month", "on Thursday" in a sentence with
              "will"), or an unstated time to come ("in the near future": date None).

`event_date` picks the expression that dates one event, `is_historical` tells a past state of
affairs ("have maintained ties for seven decades") from a new event.

Conventions for the cases English leaves open (each one a choice; callers may rely on them):

- Weekdays: news reports the past, so "(on) Saturday" is the latest Saturday on or before the
  publication date (the same day when published on a Saturday). When the clause holding it, or
  failing that the sentence, has a future cue (will, shall, 'll, "is to", "plans to", "is expected
  to", upcoming...), it is the first such day on or after publication. "last Saturday" is strictly
  before publication, "next Saturday" strictly after.
- Tense is read from the clause around the expression (clauses end at ; : quotes commas and words
  like "that", "and", "which"), then from the whole sentence: the cue nearest the expression
  decides, a future cue making it future and a past cue (said, was, met, has/have, earlier, a word
  ending in -ed...) past; with neither it is neutral.
- A month or a day without a year ("in March", "on April 24") takes the publication year; a past
  sentence moves it a year back when it would fall after publication, a future sentence a year
  forward when it would fall before. A day date within `DAY_GRACE` of publication keeps the
  publication year whatever the tense says ("4 January" in a page of January 6). February 29
  falls back to the nearest leap year in the same direction. "in April last year" is April of the
  year before publication. A month name without a day or year is a month only after a preposition
  of time other than "on"/"at" ("in March", "since March"), and "May" only after in, since, until,
  during, from, through ("backed by May", "call on May to" name Theresa May).
- Weeks are periods of days: "last week" is the Monday of the previous week with precision DAY and
  `end` its Sunday; "this week" and "next week" likewise. The precision is that of the bounds, not
  a claim that the event was on that Monday: read `end` for the period. "(over) the weekend" is
  the latest Saturday-Sunday on or before publication (the coming one in a future sentence).
- "last night" is the day before publication (a morning paper reports the evening before);
  "tonight", "this morning" and "today" are the publication date.
- "last month" / "this month" / "next month" → precision MONTH; "last year", "earlier this
  year", "late last year" → precision YEAR (early/late/mid never narrow a month or a year);
  "the first (second) half of 2023" → precision MONTH with `end`.
- Decades: "the 1990s" → 1990-01-01 to 1999-12-31, precision YEAR ("early" 1990-1993, "mid"
  1993-1996, "late" 1997-1999); "'90s" is the 1990s and "'10s" the 2010s ('00s-'20s are 20xx).
  "the 20th century" → 1900-1999.
- Counts back: "N days/weeks ago" → precision DAY, "N months ago" → MONTH, "N years/decades ago"
  → YEAR (January 1 of that year); "for more than seven decades" (after has/have) → since
  January 1 of published.year − 70. Vague counts ("several years ago", "for decades", "in recent
  years") are found with date None and precision UNKNOWN. A "for N units" without has/have before
  it is a duration ("jailed for five years"), not a date, and is left out.
- "the 70th anniversary" → since published.year − 70, precision YEAR.
- "in the near future", "in the coming months" → relation future, date None, precision UNKNOWN:
  the text says the event is ahead but not when, and a made-up year would look like a fact.
- Numeric dates: ISO (2022-04-24) always; d/m/y or m/d/y (24/04/2022, 24.04.2022) only when one
  reading is impossible (a part above 12) or both agree; of "04/05/2022" only the year is kept
  (precision YEAR).
- A four-digit number alone is a year only from 1900 to 2100 and when no currency sign precedes it
  and no unit or per cent follows it ("2000 troops" is not a year); after a preposition ("in
  1453", "since 1997") any year from 1000 to 2999 is. "2023-28" and "between 2020 and 2024" are
  periods (precision YEAR, relation "at" unless a preposition says otherwise).
- An expression that needs the publication date gets date None and precision UNKNOWN when there is
  none; explicit dates still resolve.

Only the standard library; plain compiled regular expressions, one pass per family of patterns.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import NamedTuple

from tieline.models import DatePrecision, EventDate

__all__ = ["DateMention", "event_date", "find_dates", "is_historical"]

DAY, MONTH, YEAR, UNKNOWN = (
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.UNKNOWN,
)

# Relations between a sentence and a date.
AT, SINCE, UNTIL, BY, AGO, FUTURE = "at", "since", "until", "by", "ago", "future"

# "More than about a year before publication" makes an event historical: the product brief's rule
# of thumb, not calibrated against a gold set.
HISTORICAL_AGE = dt.timedelta(days=365)
# A day date without a year this close to publication keeps the publication year, whatever the
# tense: a date a few days off is far likelier than one a year off, and tense cues are noisy (read
# off the Guardian sample in ../shared/data; pages also carry dates from other time zones).
DAY_GRACE = dt.timedelta(days=7)
# Years read after a preposition ("in 1453"), and years read from a four-digit number alone.
_MIN_YEAR, _MAX_YEAR = 1000, 2999
_BARE_MIN_YEAR, _BARE_MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMention:
    """A temporal expression in a sentence, its resolved date and the sentence's relation to it."""

    start: int  # character offsets in the sentence
    end: int
    text: str  # the words, preposition included: "on Saturday", "since the 1990s"
    date: EventDate
    relation: str  # at, since, until, by, ago, future
    cue: str = ""  # the family of patterns that found it: "weekday", "explicit", "anniversary"...


# --- word tables ---------------------------------------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December".split()
)
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_MONTHS, 1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}

_ONES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {w: i for i, w in enumerate(_ONES, 1)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)
}
_ORDINAL_ONES = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = (
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
).split()
_ORDINAL_WORDS = (
    {w: i for i, w in enumerate(_ORDINAL_ONES, 1)}
    | {w: 20 + 10 * i for i, w in enumerate(_ORDINAL_TENS)}
    | {"hundredth": 100}
)
# Counts that say "more than one" without saying how many.
_VAGUE_COUNTS = frozenset({"a few", "few", "several", "many", "some"})
_FRACTIONS = {"half a": 0.5, "half an": 0.5, "a quarter of a": 0.25, "a quarter": 0.25}
_DECADE_WORDS = {w: 20 + 10 * i for i, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split()
)}  # fmt: skip


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of words, longest first so that a prefix never wins."""
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len)[::-1])


# --- regex building blocks -----------------------------------------------------------------------

_MONTH_FULL = "|".join(_MONTHS)
# A month name, or an abbreviation with its optional full stop ("Jan. 29").
_MONTH_ANY = _MONTH_FULL + r"|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b\.?"
_WEEKDAY = "|".join(_WEEKDAYS)
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"

# A preposition before an expression; it decides the relation (see _prep_relation).
_PREP = (
    r"(?:\b(?P<prep>(?i:ever\s+since|since|until|till|throughout|through|up\s+to|by|"
    r"no\s+later\s+than|before|after|from|starting(?:\s+(?:in|on|from))?|"
    r"beginning(?:\s+(?:in|on))?|as\s+of|between|in|on|at|during|for|over|around|within))\s+)?"
)
_PREP_SINCE = frozenset({"since", "ever", "after", "from", "starting", "beginning"})
_PREP_UNTIL = frozenset({"until", "till", "through", "up"})
_PREP_BY = frozenset({"by", "no", "before"})

_NUM = (
    r"(?:\d{1,3}|(?:"
    + "|".join(_TENS)
    + r")(?:[\s-](?:"
    + "|".join(_ONES[:9])
    + r"))?|"
    + _alternation([*_ONES, "a couple of", "couple of", "a few", "few", "several", "many", "some",
                    *_FRACTIONS, "a", "an"])
    + ")"
)  # fmt: skip
_APPROX = (
    r"(?:more\s+than|over|nearly|almost|about|around|some|roughly|approximately|at\s+least|"
    r"less\s+than|under|just\s+(?:over|under)|well\s+over|close\s+to|upwards\s+of)"
)
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|century|centuries)"
_YEAR_LIKE_UNITS = frozenset({"year", "decade", "century"})
_PART_OF_YEAR = (
    r"the\s+(?:first|second|latter)\s+half\s+of|the\s+(?:first|second|third|fourth|last)\s+"
    r"quarter\s+of|[HQ][1-4]"
)
_MODIFIER = (
    r"(?:(?P<mod>(?i:earlier|early|later|late|mid|the\s+(?:very\s+)?(?:end|beginning|start|middle)"
    r"\s+of|" + _PART_OF_YEAR + r"))[\s-]+)?"
)


# --- tense ---------------------------------------------------------------------------------------


class _Tense(Enum):
    PAST = "past"
    NEUTRAL = "neutral"
    FUTURE = "future"


_FUTURE_CUE = re.compile(
    r"(?i)\b(?:will|shall|won[’']t)\b|\w[’']ll\b"
    r"|\b(?:is|are|am)\s+(?:(?:due|set|scheduled|slated|expected|going|poised|planning|about)\s+)?"
    r"to\b|\b(?:plans?|intends?|aims?|hopes?|vows?|pledges?|prepares?)\s+to\b"
    r"|\b(?:upcoming|forthcoming)\b|\b(?:scheduled|slated|set)\s+for\b"
)
_PAST_CUE = re.compile(
    r"\b(?i:said|told|met|was|were|had|has|have|did|made|took|gave|came|went|saw|held|began|won|"
    r"lost|sent|spoke|wrote|left|led|paid|sold|bought|brought|thought|found|became|rose|fell|"
    r"struck|got|kept|stood|ran|chose|drew|flew|grew|knew|threw|oversaw|withdrew|sought|fought|"
    r"caught|laid|broke|spent|built|lent|dealt|fled|ago|previously|earlier)\b"
    r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )"
    r"\b(?!(?:shed|hundred|sacred|naked|wicked|rugged|aged|need|speed|seed|feed|indeed|proceed|"
    r"exceed|succeed|embed)\b)[a-z]{2,}ed\b"
)
# Where a clause ends: tense is read from the clause holding the expression first.
_CLAUSE_BREAK = re.compile(
    r"[;:“”\"()]|,\s|\s[–—-]\s|\b(?i:that|which|who|while|but|and|when|where|because|although)\b"
)
_PERFECT = re.compile(r"(?i)\b(?:has|have)(?:n[’']t)?\b|[’']ve\b")


class _Clauses:
    """Where a sentence's clauses end and where its tense cues stand: found once per sentence, so
    that reading the tense around each of many expressions stays cheap."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        breaks = [(b.start(), b.end()) for b in _CLAUSE_BREAK.finditer(text)]
        self.break_starts = [b[0] for b in breaks]
        self.break_ends = [b[1] for b in breaks]
        self.future = [(c.start(), c.end()) for c in _FUTURE_CUE.finditer(text)]
        self.past = [(c.start(), c.end()) for c in _PAST_CUE.finditer(text)]

    def tense(self, start: int, end: int) -> _Tense:
        """The tense of the clause around text[start:end], else of the sentence; the words of the
        expression itself ("earlier this year") do not count."""
        before = bisect_right(self.break_ends, start)
        left = self.break_ends[before - 1] if before else 0
        after = bisect_left(self.break_starts, end)
        right = self.break_starts[after] if after < len(self.break_starts) else self.length
        for low, high in ((left, right), (0, self.length)):
            future = _nearest_cue(self.future, low, high, start, end)
            past = _nearest_cue(self.past, low, high, start, end)
            if future is not None and (past is None or future <= past):
                return _Tense.FUTURE
            if past is not None:
                return _Tense.PAST
        return _Tense.NEUTRAL


def _nearest_cue(
    cues: list[tuple[int, int]], low: int, high: int, start: int, end: int
) -> int | None:
    """How far the nearest cue within [low, high) lies from the expression at [start, end), in
    characters; None when there is none. Cues inside the expression do not count."""
    nearest = None
    after = bisect_left(cues, (end, end))
    if after < len(cues) and cues[after][1] <= high:
        nearest = cues[after][0] - end
    before = bisect_left(cues, (start, start)) - 1
    while before >= 0 and cues[before][1] > start:  # overlaps the expression
        before -= 1
    if before >= 0 and cues[before][0] >= low:
        distance = start - cues[before][1]
        nearest = distance if nearest is None else min(nearest, distance)
    return nearest


class Resolved(NamedTuple):
    """What a family's resolver makes of one match; the driver adds text and offsets."""

    date: dt.date | None
    precision: DatePrecision
    end: dt.date | None = None
    relation: str | None = None  # None: from the preposition before the expression


_NOT_RESOLVED = Resolved(None, UNKNOWN)


# --- date arithmetic -----------------------------------------------------------------------------


def _add_months(first: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for_day(published: dt.date, month: int, day: int, tense: _Tense) -> dt.date | None:
    """A day and month without a year, placed in the year the tense points to."""
    step = 1 if tense is _Tense.FUTURE else -1
    for offset in range(9):  # a leap day is at most eight years away
        year = published.year + step * offset
        candidate = _valid(year, month, day)
        if candidate is None:
            continue
        if tense is _Tense.PAST and candidate > published + DAY_GRACE:
            continue
        if tense is _Tense.FUTURE and candidate < published - DAY_GRACE:
            continue
        return candidate
    return None


def _year_for_month(published: dt.date, month: int, tense: _Tense) -> int:
    """A month without a year, placed in the year the tense points to."""
    if tense is _Tense.PAST and month > published.month:
        return published.year - 1
    if tense is _Tense.FUTURE and month < published.month:
        return published.year + 1
    return published.year


def _weekday(published: dt.date, weekday: int, *, forward: bool, strict: bool) -> dt.date:
    """The nearest such weekday before (or after) publication; `strict` skips publication day."""
    if forward:
        days = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=days or (7 if strict else 0))
    days = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=days or (7 if strict else 0))


def _count(words: str | None) -> float | None:
    """The number a count says ("seven", "twenty-five", "70", "a", "half a"); None when vague."""
    if words is None:
        return None
    key = " ".join(words.lower().split())
    if key in _VAGUE_COUNTS:
        return None
    if key in _FRACTIONS:
        return _FRACTIONS[key]
    if key in ("a couple of", "couple of"):
        return 2
    if key in ("a", "an"):
        return 1
    if key.isdigit():
        return int(key)
    return sum(_NUMBER_WORDS.get(part, 0) for part in re.split(r"[\s-]", key)) or None


def _ordinal(words: str) -> int | None:
    key = words.lower()
    if key[:-2].isdigit():
        return int(key[:-2])
    parts = re.split(r"[\s-]", key)
    return sum(_ORDINAL_WORDS.get(p, _NUMBER_WORDS.get(p, 0)) for p in parts) or None


def _unit(word: str) -> str:
    """ "Decades" → "decade", "centuries" → "century"."""
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _back(published: dt.date, count: float, unit: str) -> tuple[dt.date, DatePrecision]:
    """The date `count` units before publication, at the precision the unit allows."""
    if unit in ("day", "week"):
        return published - dt.timedelta(days=round(count * (7 if unit == "week" else 1))), DAY
    months = round(count * {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit])
    if unit == "month" or months % 12:
        return _add_months(published.replace(day=1), -months), MONTH
    return dt.date(published.year - months // 12, 1, 1), YEAR


def _part_of_year(modifier: str | None) -> tuple[int, int] | None:
    """First and last month of "the second half of", "the first quarter of", "H2", "Q3"."""
    if not modifier:
        return None
    words = modifier.lower().split()
    if words[0][0] in "hq" and words[0][1:].isdigit():
        n, size = int(words[0][1:]), 6 if words[0][0] == "h" else 3
    elif len(words) >= 3 and words[2] in ("half", "quarter"):
        size = 6 if words[2] == "half" else 3
        n = {"first": 1, "second": 2, "latter": 2, "third": 3, "fourth": 4, "last": 12 // size}[
            words[1]
        ]
    else:
        return None
    if n * size > 12:
        return None
    return (n - 1) * size + 1, n * size


def _year_period(year: int, modifier: str | None) -> Resolved:
    part = _part_of_year(modifier)
    if part is None:
        return Resolved(dt.date(year, 1, 1), YEAR)
    last = _add_months(dt.date(year, part[1], 1), 1) - dt.timedelta(days=1)
    return Resolved(dt.date(year, part[0], 1), MONTH, last)


# --- families of patterns ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    text: str
    published: dt.date | None

    @cached_property
    def clauses(self) -> _Clauses:
        return _Clauses(self.text)

    def tense(self, match: re.Match[str]) -> _Tense:
        return self.clauses.tense(match.start(), match.end())


Resolver = Callable[[re.Match[str], _Context], Resolved | None]


def _prep(match: re.Match[str]) -> str:
    prep = match.groupdict().get("prep")
    return " ".join(prep.lower().split()) if prep else ""


def _prep_relation(prep: str) -> str:
    first = prep.split(" ", 1)[0]
    if first in _PREP_SINCE:
        return SINCE
    if first in _PREP_UNTIL:
        return UNTIL
    if first in _PREP_BY:
        return BY
    return AT


def _checked_year(text: str) -> int | None:
    year = int(text)
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


_ISO = re.compile(_PREP + r"(?<![\d/.-])(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")


def _r_iso(m: re.Match[str], ctx: _Context) -> Resolved | None:
    year = _checked_year(m["y"])
    return Resolved(dt.date(year, int(m["mo"]), int(m["d"])), DAY) if year else None


_NUMERIC = re.compile(
    _PREP
    + r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
    + r"(?![\d/]|\.\d)"
)


def _r_numeric(m: re.Match[str], ctx: _Context) -> Resolved | None:
    year, a, b = _checked_year(m["y"]), int(m["a"]), int(m["b"])
    if year is None:
        return None
    if a > 12 or a == b:
        return Resolved(dt.date(year, b, a), DAY)
    if b > 12:
        return Resolved(dt.date(year, a, b), DAY)
    return Resolved(dt.date(year, 1, 1), YEAR)  # 04/05/2022: April 5 or May 4; only the year


_EXPLICIT = re.compile(
    _PREP
    + rf"(?:(?:{_WEEKDAY}),?\s+)?(?:"
    + rf"(?:the\s+)?\b(?P<d2>\d{{1,2}}){_ORDINAL_SUFFIX}?(?:\s*[-–]\s*(?P<d2e>\d{{1,2}})"
    + rf"{_ORDINAL_SUFFIX}?)?\s+(?:of\s+)?(?P<m2>{_MONTH_ANY})\b"
    + rf"|(?P<m1>{_MONTH_ANY})\s+(?P<d1>\d{{1,2}})(?!\d){_ORDINAL_SUFFIX}?"
    + rf"(?:\s*[-–]\s*(?P<d1e>\d{{1,2}})(?!\d){_ORDINAL_SUFFIX}?)?)"
    + r"(?:,?\s+(?P<y>\d{4})\b)?"
)


def _r_explicit(m: re.Match[str], ctx: _Context) -> Resolved | None:
    month = _MONTH_NUMBER[(m["m1"] or m["m2"]).lower().rstrip(".")]
    day = int(m["d1"] or m["d2"])
    last_day = m["d1e"] or m["d2e"]
    if m["y"]:
        year = _checked_year(m["y"])
        if year is None:
            return None
        date = dt.date(year, month, day)
    elif ctx.published is None:
        return _NOT_RESOLVED
    else:
        found = _year_for_day(ctx.published, month, day, ctx.tense(m))
        if found is None:
            return None
        date = found
    end = dt.date(date.year, month, int(last_day)) if last_day else None
    if end is not None and end <= date:
        return None
    return Resolved(date, DAY, end)


_MONTH_NAME = re.compile(
    _PREP
    + _MODIFIER
    + r"(?:(?P<rel>(?i:last|this|next))\s+)?"
    + rf"(?P<m>{_MONTH_FULL})\b(?!\s+\d{{1,2}}(?!\d))(?P<possessive>['’]s)?"
    + r"(?:,?\s+(?P<y>\d{4})\b|\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b)?"
)


# Prepositions before "May" alone that make it the month rather than a name ("call on May to").
_MAY_PREPS = frozenset(
    "in since until till during from through throughout starting beginning ever".split()
)


def _r_month(m: re.Match[str], ctx: _Context) -> Resolved | None:
    prep = _prep(m)
    if not (m["mod"] or m["rel"] or m["y"] or m["yrel"]):
        if prep.split(" ", 1)[0] in ("", "on", "at"):
            return None  # "May" alone is a name or a verb as often as a month; "on May" a name
        if m["m"] == "May" and (m["possessive"] or prep.split(" ", 1)[0] not in _MAY_PREPS):
            return None  # "backed by May", "in May's cabinet"
    month = _MONTH_NUMBER[m["m"].lower()]
    rel = (m["rel"] or "").lower()
    if m["yrel"] and ctx.published is not None:
        year = ctx.published.year + _REL_STEP[m["yrel"].lower()]
    elif m["y"]:
        stated = _checked_year(m["y"])
        if stated is None:
            return None
        year = stated
    elif ctx.published is None:
        return _NOT_RESOLVED
    elif rel == "last":
        year = ctx.published.year - (1 if month >= ctx.published.month else 0)
    elif rel == "next":
        year = ctx.published.year + (1 if month <= ctx.published.month else 0)
    elif rel == "this":
        year = ctx.published.year
    else:
        year = _year_for_month(ctx.published, month, ctx.tense(m))
    return Resolved(dt.date(year, month, 1), MONTH)


_YEAR_RANGE = re.compile(
    _PREP
    + r"(?<![\d,.$€£])(?P<y1>\d{4})(?:\s*[-–/]\s*|\s+(?P<conj>(?i:to|and|until|through|till))\s+)"
    + r"(?P<y2>\d{4}|\d{2})\b(?![-/.,]\d)"
)


def _r_year_range(m: re.Match[str], ctx: _Context) -> Resolved | None:
    first = _checked_year(m["y1"])
    if first is None:
        return None
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if not first < second <= first + 100:
        return None
    prep = _prep(m)
    if (m["conj"] or "").lower() == "and" and prep != "between":
        return None  # "in 2020 and 2021": two years, found one by one
    relation = AT if prep in ("", "from", "between") else None
    return Resolved(dt.date(first, 1, 1), YEAR, dt.date(second, 12, 31), relation)


_DECADE = re.compile(
    _PREP
    + r"(?P<the>(?i:the)\s+)?(?:(?P<dmod>(?i:early|mid|late))[\s-]+)?"
    + r"(?:(?P<dec>1\d\d0|20\d0)s\b|['’‘](?P<dec2>\d0)s\b|(?P<decw>(?i:"
    + "|".join(_DECADE_WORDS)
    + r"))\b)"
)
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), "": (0, 9)}


def _r_decade(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if m["dec"]:
        start = int(m["dec"])
    elif m["dec2"]:
        short = int(m["dec2"])
        start = (2000 if short <= 20 else 1900) + short
    elif m["the"]:
        start = 1900 + _DECADE_WORDS[m["decw"].lower()]
    else:
        return None  # "in his sixties": an age
    first, last = _DECADE_PARTS[(m["dmod"] or "").lower()]
    return Resolved(dt.date(start + first, 1, 1), YEAR, dt.date(start + last, 12, 31))


_CENTURY = re.compile(
    _PREP
    + r"(?:(?i:the)\s+)?(?P<c>\d{1,2}"
    + _ORDINAL_SUFFIX
    + r"|(?i:nineteenth|twentieth|twenty[\s-]first))\s+(?i:century)\b"
)


def _r_century(m: re.Match[str], ctx: _Context) -> Resolved | None:
    number = _ordinal(m["c"])
    if not number or not 10 <= number <= 30:
        return None
    start = (number - 1) * 100
    return Resolved(dt.date(start, 1, 1), YEAR, dt.date(start + 99, 12, 31))


_YEAR = re.compile(_PREP + _MODIFIER + r"(?<![\d,./])(?<!\d-)\b(?P<y>\d{4})\b(?![.,]\d|[-–/]\d)")
# Prepositions after which any year from _MIN_YEAR counts; after others a year must look recent.
_YEAR_PREPS = frozenset(
    "since ever until till through throughout up by no before after from starting beginning as "
    "between in during".split()
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:[$€£¥#]\s*|\b(?i:resolution|no\.|nos\.|number|article|section|flight|route|room|chapter|"
    r"highway|page|p\.|pp\.|model|item|code|paragraph|rule)\s+)$"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"(?i)\s*(?:%|per\s*cent\b|percent\b|[-–\s]years?[-–\s]old\b)"
    r"|\s+(?:hours|hrs|h|GMT|UTC|ICT|local\s+time|years|months|weeks|days|km|kilomet(?:re|er)s|"
    r"met(?:re|er)s|m|kg|tonnes|tons|people|persons|members|troops|soldiers|units|cases|MW|"
    r"hectares|ha|feet|ft|miles|students|workers|families|households|vehicles|times|pieces|copies|"
    r"delegates|participants|candidates|seats|votes|dollars|riel|yen|baht|euros)\b"
)


def _r_year(m: re.Match[str], ctx: _Context) -> Resolved | None:
    year = int(m["y"])
    prep = _prep(m)
    strong = prep.split(" ", 1)[0] in _YEAR_PREPS if prep else False
    low, high = (_MIN_YEAR, _MAX_YEAR) if strong else (_BARE_MIN_YEAR, _BARE_MAX_YEAR)
    if not low <= year <= high:
        return None
    if _NOT_A_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    if _NOT_A_YEAR_BEFORE.search(ctx.text, max(0, m.start("y") - 20), m.start("y")):
        return None
    return _year_period(year, m["mod"])


_WEEKDAY_RE = re.compile(
    _PREP
    + r"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming))\s+)?"
    + rf"(?P<wd>{_WEEKDAY})\b(?:['’]s)?(?:\s+(?i:morning|afternoon|evening|night)\b)?"
)


def _r_weekday(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if ctx.published is None:
        return _NOT_RESOLVED
    weekday = _WEEKDAY_NUMBER[m["wd"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("last", "this past"):
        day = _weekday(ctx.published, weekday, forward=False, strict=True)
    elif rel in ("next", "this coming"):
        day = _weekday(ctx.published, weekday, forward=True, strict=True)
    elif rel == "coming":
        day = _weekday(ctx.published, weekday, forward=True, strict=False)
    else:
        forward = ctx.tense(m) is _Tense.FUTURE
        day = _weekday(ctx.published, weekday, forward=forward, strict=False)
    return Resolved(day, DAY)


_DEICTIC = re.compile(
    _PREP + r"(?<!USA\s)(?i:\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    r"yesterday|today(?!\s+(?:programme|program|show)\b)|"
    r"tonight|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening)|"
    r"(?:earlier|later)\s+today)\b(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night)\b)?)"
)
_DEICTIC_OFFSET = {"the day before yesterday": -2, "yesterday": -1, "last night": -1,
                   "last evening": -1, "tomorrow": 1, "the day after tomorrow": 2}  # fmt: skip


def _r_deictic(m: re.Match[str], ctx: _Context) -> Resolved | None:
    if ctx.published is None:
        return _NOT_RESOLVED
    words = " ".join(m["w"].lower().split())
    return Resolved(ctx.published + dt.timedelta(days=_DEICTIC_OFFSET.get(words, 0)), DAY)


_NAMED = re.compile(
    _PREP
    + _MODIFIER
    + r"(?:(?i:the)\s+)?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|coming))|"
    + r"(?P<the>(?i:the)))\s+(?P<unit>(?i:weekend|week|month|year))\b(?:['’]s)?"
)
_REL_STEP = {"last": -1, "this past": -1, "this": 0, "next": 1, "coming": 1, "this coming": 1}


def _r_named(m: re.Match[str], ctx: _Context) -> Resolved | None:
    unit, mod = m["unit"].lower(), (m["mod"] or "").lower()
    if m["the"] and not (mod.startswith("the") or unit == "weekend"):
        return None  # "the week", "the year": not tied to publication
    if ctx.published is None:
        return _NOT_RESOLVED
    pub = ctx.published
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    step = _REL_STEP[rel] if rel else 0
    relation = FUTURE if mod == "later" and step == 0 and not m["prep"] else None
    if unit == "weekend":
        return _weekend(m, ctx, rel)
    if unit == "week":
        monday = _monday(pub) + dt.timedelta(weeks=step)
        first, last = monday, monday + dt.timedelta(days=6)
        if step == 0 and mod == "earlier":
            last = pub
        elif step == 0 and mod == "later":
            first = min(pub + dt.timedelta(days=1), last)
        return Resolved(first, DAY, last, relation)
    if unit == "month":
        return Resolved(_add_months(pub.replace(day=1), step), MONTH, None, relation)
    period = _year_period(pub.year + step, m["mod"])
    return Resolved(period.date, period.precision, period.end, relation)


def _weekend(m: re.Match[str], ctx: _Context, rel: str | None) -> Resolved:
    pub = ctx.published
    assert pub is not None
    this_saturday = _monday(pub) + dt.timedelta(days=5)
    if rel in ("last", "this past"):
        saturday = this_saturday - dt.timedelta(weeks=1)
    elif rel in ("next", "this coming"):
        saturday = this_saturday + dt.timedelta(weeks=1)
    elif rel == "this" or pub >= this_saturday:
        saturday = this_saturday  # "this weekend", or published on the weekend itself
    elif rel == "coming" or ctx.tense(m) is _Tense.FUTURE:
        saturday = this_saturday
    else:
        saturday = this_saturday - dt.timedelta(weeks=1)
    return Resolved(saturday, DAY, saturday + dt.timedelta(days=1))


_AGO = re.compile(
    rf"(?i:\b(?:(?P<approx>{_APPROX})\s+)?(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNIT})\s+ago\b)"
)


def _r_ago(m: re.Match[str], ctx: _Context) -> Resolved | None:
    unit = _unit(m["unit"])
    plural = m["unit"].lower() != unit
    if m["num"] is None and not plural:
        return None
    count = _count(m["num"])
    if count is None or ctx.published is None:
        return Resolved(None, UNKNOWN, None, AGO)
    date, precision = _back(ctx.published, count, unit)
    return Resolved(date, precision, None, AGO)


# "for more than seven decades" (after has/have), "over the past three years", "for decades".
_SPAN = re.compile(
    r"(?i:\b(?P<sprep>for|over|in|during|within|throughout)\s+"
    r"(?P<past>the\s+(?:past|last|previous)\s+)?"
    rf"(?:(?P<approx>{_APPROX})\s+)?(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNIT})\b(?:\s+now\b)?)"
)


def _r_span(m: re.Match[str], ctx: _Context) -> Resolved | None:
    unit = _unit(m["unit"])
    plural = m["unit"].lower() != unit
    if not m["past"]:
        if m["sprep"].lower() != "for" or not _PERFECT.search(ctx.text, 0, m.start()):
            return None  # a duration ("jailed for five years"), not a date
        if m["num"] is None and not (plural and unit in _YEAR_LIKE_UNITS):
            return None
    count = _count(m["num"]) if m["num"] else (None if plural else 1)
    if count is None:
        # "for decades", "over the past few years": ongoing since an unstated time
        return Resolved(None, UNKNOWN, None, SINCE) if unit in _YEAR_LIKE_UNITS else None
    if ctx.published is None:
        return Resolved(None, UNKNOWN, None, SINCE)
    date, precision = _back(ctx.published, count, unit)
    return Resolved(date, precision, None, SINCE)


_ANNIVERSARY = re.compile(
    r"(?i:\b(?:the\s+)?(?P<ord>\d{1,3}"
    + _ORDINAL_SUFFIX
    + r"|(?:(?:"
    + "|".join(_TENS)
    + r")[\s-])?(?:"
    + _alternation(_ORDINAL_ONES[:9])
    + r")|"
    + _alternation(list(_ORDINAL_WORDS))
    + r")\s+anniversary\b)"
)


def _r_anniversary(m: re.Match[str], ctx: _Context) -> Resolved | None:
    years = _ordinal(m["ord"])
    if not years:
        return None
    if ctx.published is None:
        return Resolved(None, UNKNOWN, None, SINCE)
    return Resolved(dt.date(ctx.published.year - years, 1, 1), YEAR, None, SINCE)


_FUTURE_VAGUE = re.compile(
    r"(?i:\b(?:in|for)\s+the\s+(?:very\s+)?[“\"‘']?(?:near|not[\s-]+(?:too|so)[\s-]+distant|"
    r"foreseeable|immediate|distant)\s+future\b[”\"’']?"
    r"|\bin\s+(?:the\s+)?future\b"
    r"|\b(?:in|over|during)\s+the\s+(?:coming|next\s+few|upcoming)\s+"
    r"(?:days|weeks|months|years|decades)\b"
    r"|\bin\s+the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)\b)"
)


def _r_future_vague(m: re.Match[str], ctx: _Context) -> Resolved | None:
    return Resolved(None, UNKNOWN, None, FUTURE)


_RECENT = re.compile(r"(?i:\b(?:in|over)\s+recent\s+(?:years|decades)\b)")


def _r_recent(m: re.Match[str], ctx: _Context) -> Resolved | None:
    return Resolved(None, UNKNOWN, None, SINCE)


class _Family(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    # Words (lower case) of which a sentence must hold one for the pattern to be tried at all:
    # most sentences hold no date, and a substring test costs far less than a regex scan.
    gate: tuple[str, ...]


_DIGITS = tuple("0123456789")
_DIGIT_THEN = {sep: tuple(d + sep for d in _DIGITS) for sep in "-/."}
_UNIT_WORDS = ("day", "week", "month", "year", "decade", "centur")

# In order of preference when two matches of the same length cover the same words.
_FAMILIES = (
    _Family("iso", _ISO, _r_iso, _DIGIT_THEN["-"]),
    _Family("numeric", _NUMERIC, _r_numeric, _DIGIT_THEN["/"] + _DIGIT_THEN["."]),
    _Family("explicit", _EXPLICIT, _r_explicit, _DIGITS),
    _Family("month", _MONTH_NAME, _r_month, tuple(m.lower() for m in _MONTHS)),
    _Family("range", _YEAR_RANGE, _r_year_range, _DIGITS),
    _Family("decade", _DECADE, _r_decade, ("0s", "ties")),
    _Family("century", _CENTURY, _r_century, ("century",)),
    _Family("year", _YEAR, _r_year, _DIGITS),
    _Family("weekday", _WEEKDAY_RE, _r_weekday, ("day",)),
    _Family("deictic", _DEICTIC, _r_deictic, ("day", "tonight", "tomorrow", "morning",
                                              "afternoon", "evening", "night")),
    _Family("named", _NAMED, _r_named, ("week", "month", "year")),
    _Family("ago", _AGO, _r_ago, ("ago",)),
    _Family("span", _SPAN, _r_span, _UNIT_WORDS),
    _Family("anniversary", _ANNIVERSARY, _r_anniversary, ("anniversary",)),
    _Family("future", _FUTURE_VAGUE, _r_future_vague, ("future", "coming", "ahead", "to come",
                                                        "next few")),
    _Family("recent", _RECENT, _r_recent, ("recent",)),
)  # fmt: skip


# --- the API -------------------------------------------------------------------------------------


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """Every temporal expression in `sentence`, in order of position, resolved against `published`.

    Where expressions overlap, the longest wins ("since the 1990s" over "1990s"). Never raises:
    odd input gives an empty list.
    """
    if not sentence or not isinstance(sentence, str):
        return []
    return list(_find_dates(sentence, _as_date(published)))


@functools.lru_cache(maxsize=4096)
def _find_dates(sentence: str, published: dt.date | None) -> tuple[DateMention, ...]:
    """`find_dates`, cached: a sentence's dates are asked for once per event it states."""
    ctx = _Context(sentence, published)
    lowered = sentence.lower()
    found: list[DateMention] = []
    for family in _FAMILIES:
        if not any(word in lowered for word in family.gate):
            continue
        for match in family.pattern.finditer(sentence):
            mention = _mention(family, match, ctx)
            if mention is not None:
                found.append(mention)
    return tuple(_longest_first(found))


def event_date(
    sentence: str, published: dt.date | None, *, anchor: int | None = None, past: bool = False
) -> EventDate:
    """The date of the event `sentence` states.

    With `anchor` (the character offset of the trigger word), the expression dating an event
    (at, ago, or future with a known date) nearest to it, the one after the trigger on a tie;
    "since", "by" and "until" bound a period and never date an event ("cooperation will be a
    core component ... by 2050"). Without, the first expression dating an event.
    When there is none, the publication date (precision DAY, text ""); without a publication
    date, `EventDate(None, UNKNOWN)`. With `past` (the trigger is a verb in the past tense), a
    future expression dates something else ("thanked Japan and said they would sign a loan
    next month").
    """
    pub = _as_date(published)
    mentions = [m for m in find_dates(sentence, pub) if not (past and m.relation == FUTURE)]
    chosen: DateMention | None = None
    if anchor is not None and isinstance(anchor, int):
        chosen = min(
            (m for m in mentions if _dates_event(m)),
            key=lambda m: (_distance(m, anchor), m.start < anchor),
            default=None,
        )
    else:
        chosen = next((m for m in mentions if _dates_event(m)), None)
    if chosen is not None:
        return chosen.date
    if pub is not None:
        return EventDate(pub, DAY)
    return EventDate(None, UNKNOWN)


def is_historical(sentence: str, published: dt.date | None, event: EventDate) -> bool:
    """Whether `sentence` states a past state of affairs rather than a new event.

    True when the event's date is more than `HISTORICAL_AGE` before publication, or the sentence
    holds a "since" expression that old or vaguer ("since 1953", "for more than seven decades",
    "for decades", "in recent years"; an anniversary does not count: "on the 70th anniversary of
    ties they signed..." is a new event), or a period that ended that long ago ("in the 1990s").
    A date is measured by the last day it can mean: the end of its period, else the end of its year
    or month ("last year" in April is not yet a year old).
    """
    pub = _as_date(published)
    limit = pub - HISTORICAL_AGE if pub is not None and pub > dt.date.min + HISTORICAL_AGE else None
    if isinstance(event, EventDate) and limit is not None:
        last = _last_day(event)
        if last is not None and last < limit:
            return True
    for mention in find_dates(sentence, pub):
        stated = mention.date
        last = _last_day(stated)
        if mention.relation == SINCE and mention.cue != "anniversary":
            if last is None:
                if mention.cue in ("span", "recent"):  # "for decades", "in recent years"
                    return True
            elif limit is None or last < limit:
                return True
        elif mention.relation == AT and stated.end and limit and last and last < limit:
            return True
    return False


# --- helpers -------------------------------------------------------------------------------------


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _last_day(date: EventDate) -> dt.date | None:
    """The latest day a date can mean: its end, else the end of its year or month."""
    end, start = _as_date(date.end), _as_date(date.date)
    if end is not None or start is None:
        return end
    if date.precision is YEAR:
        return dt.date(start.year, 12, 31)
    if date.precision is MONTH:
        return _add_months(start.replace(day=1), 1) - dt.timedelta(days=1)
    return start


def _mention(family: _Family, match: re.Match[str], ctx: _Context) -> DateMention | None:
    try:
        resolved = family.resolve(match, ctx)
    except (ValueError, OverflowError):  # "February 30", a year before 1: not a date
        return None
    if resolved is None:
        return None
    relation = resolved.relation or _prep_relation(_prep(match))
    if relation == AT and ctx.published and resolved.date and resolved.date > ctx.published:
        relation = FUTURE
    end = None if relation == SINCE else resolved.end
    text = match.group(0)
    return DateMention(
        match.start(),
        match.end(),
        text,
        EventDate(resolved.date, resolved.precision, text, end),
        relation,
        family.name,
    )


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    """Drop matches that overlap a longer one; keep the rest in order of position."""
    kept: list[DateMention] = []
    starts: list[int] = []
    for mention in sorted(found, key=lambda m: m.start - m.end):  # stable: family order on ties
        index = bisect_left(starts, mention.start)
        if index < len(kept) and kept[index].start < mention.end:
            continue
        if index > 0 and kept[index - 1].end > mention.start:
            continue
        kept.insert(index, mention)
        starts.insert(index, mention.start)
    return kept


def _dates_event(mention: DateMention) -> bool:
    if mention.relation in (AT, AGO):
        return True
    return mention.relation == FUTURE and mention.date.date is not None


def _distance(mention: DateMention, anchor: int) -> int:
    if mention.start <= anchor < mention.end:
        return 0
    return mention.start - anchor if anchor < mention.start else anchor - mention.end + 1
