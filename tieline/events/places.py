"""Where an event happened, when the text says so: a city, capital or country named as a place.

A place is a knowledge-base city, capital or country (`country_names.tsv`) written where a
place goes: after "in", "at" or "near" ("met in Kumamoto, Japan"), or as the destination of a
visit ("visited Tokyo", "a trip to Beijing"). Names that act ("Tokyo said") or that say what
something is about ("investments in Cambodia", "Japan's interests in Asia") are not places.

An event whose sentence names no place takes the article's own place, stated in a caption or
the lead, when it happened on the article's news day: the lead says where the news happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tieline.actors.gazetteer import Gazetteer, Hit, fold
from tieline.actors.kb import EntryKind, dominant_town, load_world_towns
from tieline.annotate.sentences import split_sentences
from tieline.events.coder import LEAD_SENTENCES, article_date
from tieline.models import Article, DatePrecision, Event, EventDate

PLACE_KINDS = (EntryKind.CITY, EntryKind.CAPITAL, EntryKind.COUNTRY)

# What comes right before a name that is written as a place.
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside)\s+(?:the\s+(?:city|capital)\s+of\s+)?$", re.I
)
_DESTINATION = re.compile(
    r"\b(?:visit(?:s|ed|ing)?(?:\s+to)?|trip\s+to|tour\s+of|arriv(?:e|es|ed|ing)\s+in"
    r"|travel(?:s|led|ed|ling|ing)?\s+to|fl(?:y|ies|ew|own)\s+to)\s+$",
    re.I,
)
# Nouns and verbs after which "in <country>" says what something is about, not where.
_ABOUT = re.compile(
    r"\b(?:invest(?:s|ed|ing|ment|ments|or|ors)?|interests?|stakes?|confidence|trust|role|"
    r"involvement|interference|intervention|meddling|shares?|belief)\s+in\s+$",
    re.I,
)
_LOCATIVE_THE = re.compile(r"\b(?:in|at|near|outside|inside|to)\s+the\s+$", re.I)
_CAPITAL_AFTER = re.compile(r"\s+capital\b")
# A capitalised name of up to three words after a place's preposition or a visit's verb.
_TOWN_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|visit(?:s|ed|ing)?|to)\s+"
    r"(?P<name>[A-Z][\w'’.-]*[\w](?:\s+[A-Z][\w'’.-]*[\w]){0,2})"
)
_COUNTRY_AFTER = re.compile(r"^,\s*(?:the\s+)?")


@dataclass(frozen=True)
class Place:
    country: str  # ISO 3166 alpha-3
    text: str  # as written: "Kumamoto, Japan"
    start: int
    end: int


class PlaceFinder:
    """Places named in sentences, read with the actor stage's gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def find(self, text: str) -> Place | None:
        """The first place `text` names as a place, or None."""
        hits = [h for h in self.gazetteer.find(text) if h.first(*PLACE_KINDS, EntryKind.DEMONYM)]
        for position, hit in enumerate(hits):
            before = text[max(0, hit.start - 40) : hit.start]
            demonym = hit.first(EntryKind.DEMONYM)
            if not hit.first(*PLACE_KINDS):  # "in the Cambodian capital"
                capital = _CAPITAL_AFTER.match(text, hit.end)
                if demonym and capital and _LOCATIVE_THE.search(before):
                    return Place(
                        demonym.ref, text[hit.start : capital.end()], hit.start, capital.end()
                    )
                continue
            if not (_LOCATIVE.search(before) or _DESTINATION.search(before)):
                continue
            entry = hit.first(*PLACE_KINDS)
            assert entry is not None
            if entry.kind is EntryKind.COUNTRY and (
                _ABOUT.search(before) or text[hit.end : hit.end + 2] in ("'s", "’s")
            ):
                continue
            end = hit.end
            country = _country_named_after(text, hit, hits[position + 1 :])
            if country is not None:  # "Kumamoto, Japan": the country says which Kumamoto
                end = country.end
            ref = (country or hit).first(*PLACE_KINDS)
            assert ref is not None
            return Place(ref.ref, text[hit.start : end], hit.start, end)
        return self._world_town(text, hits)

    def _world_town(self, text: str, hits: Sequence[Hit]) -> Place | None:
        """A town the tables lack, written where a place goes ("met in Gyeongju"): GeoNames'
        (`world_towns.tsv`), where a country named after it has a town of the name
        ("Tecumseh, Canada"), or where it is a city that dwarfs all others of its name
        (`dominant_town`)."""
        for match in _TOWN_AFTER_LOCATIVE.finditer(text):
            name = match.group("name")
            start, end = match.start("name"), match.end("name")
            if any(h.start < end and start < h.end for h in hits):
                continue  # a name the tables know: read above, or no place
            states = load_world_towns().get(fold(name))
            if not states:
                continue
            after = [h for h in hits if h.start >= end]
            country = after[0].first(EntryKind.COUNTRY) if after else None
            if country is not None and _COUNTRY_AFTER.fullmatch(text[end : after[0].start]):
                if any(state == country.ref for state, _ in states):
                    return Place(country.ref, text[start : after[0].end], start, after[0].end)
                continue
            if (town := dominant_town(states)) is not None:
                return Place(town[0], name, start, end)
        return None

    def article_place(self, article: Article) -> Place | None:
        """The place a caption or the lead gives for the article's news."""
        lead = " ".join(s.text for s in split_sentences(article.body)[:LEAD_SENTENCES])
        for text in (*article.captions, lead):
            found = self.find(text)
            if found is not None:
                return found
        return None

    def place_events(
        self, article: Article, events: Sequence[Event], news_day: EventDate | None = None
    ) -> list[Event]:
        """`events` with their place: the sentence's own, else the article's for the news day
        (`article_date`, found here when not given)."""
        news_day = news_day or article_date(article)
        default: Place | None = None
        default_read = False
        placed: list[Event] = []
        in_sentence: dict[str, Place | None] = {}  # a sentence states several events
        for event in events:
            if event.sentence not in in_sentence:
                in_sentence[event.sentence] = self.find(event.sentence)
            found = in_sentence[event.sentence]
            if found is None and _on_news_day(event, news_day):
                if not default_read:
                    default, default_read = self.article_place(article), True
                found = default
            if found is not None:
                event = replace(event, place=found.country, place_text=found.text)
            placed.append(event)
        return placed


def _country_named_after(text: str, hit: Hit, later: Sequence[Hit]) -> Hit | None:
    if not later or hit.first(EntryKind.COUNTRY):
        return None
    following = later[0]
    gap = text[hit.end : following.start]
    if _COUNTRY_AFTER.fullmatch(gap) and following.first(EntryKind.COUNTRY):
        return following
    return None


def _on_news_day(event: Event, news_day: EventDate | None) -> bool:
    if news_day is None or event.aux or event.date is None:
        return False
    return event.date.precision is DatePrecision.DAY and event.date.date == news_day.date
