"""Which of an article's states an unknown person's name most likely comes from.

A name the tables lack ("Joe Robinson", "Tim Morrison") is placed, as a last resort, in the
state the article names most. In an article that names two states (a Briton arrested in
Turkey, an American official in a story about Ukraine) the name itself tells which: its words
are common among the people of some states and unheard of in others. The counts come from
the people the knowledge base knows (about 20,000 leaders and ministers of every state), pooled
by the official languages of their states (mledoze-countries), since a hundred names a state
are too few on their own: "Tim" is known in New Zealand and Trinidad, so it is an English name,
and as likely in Britain or the United States.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tieline.actors.kb import Person

# Words of names that say nothing of where a name is from, or belong to many languages.
PARTICLES = frozenset(
    "al el bin ben ibn bint abu abd de da das do dos di del della la le van von der den ter "
    "mac mc st jr sr ii iii iv".split()
)
WORD = re.compile(r"[^\W\d_]{2,}")
COUNTRY_WEIGHT = 20.0  # how many of a state's own names its language pool is worth
LANGUAGE_WEIGHT = 50.0  # how many names of the whole table a language pool's smoothing is worth
# A name moves an unknown person from the article's most-named state only when another state
# it names is this many times likelier, counting both how often each is named and the name.
SWITCH_ODDS = 8.0


def name_words(name: str) -> list[str]:
    """The words of a name that may say where it is from: "Joe Robinson" → joe, robinson."""
    words = [w.casefold() for w in WORD.findall(name)]
    return [w for w in words if w not in PARTICLES]


@dataclass
class NameOrigins:
    """Counts of name words by state and by language, and the odds they give."""

    by_country: Mapping[str, Counter[str]]
    by_language: Mapping[str, Mapping[str, float]]  # a state's names count 1/n in each of n
    overall: Counter[str]
    languages: Mapping[str, tuple[str, ...]]  # a state's official languages
    # words counted per state ("GBR"), per language ("eng"), and in all ("")
    totals: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def build(
        cls, people: Iterable[Person], languages: Mapping[str, tuple[str, ...]]
    ) -> NameOrigins:
        """Count the words of the names of `people` by their state and its `languages`."""
        by_country: dict[str, Counter[str]] = defaultdict(Counter)
        by_language: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        overall: Counter[str] = Counter()
        for person in people:
            country = person.country or next((t.country for t in person.terms if t.country), None)
            if country is None:
                continue
            spoken = languages.get(country, ())
            for word in set(name_words(person.name)):
                by_country[country][word] += 1
                overall[word] += 1
                for language in spoken:
                    by_language[language][word] += 1 / len(spoken)
        totals = {key: float(sum(words.values())) for key, words in by_country.items()}
        totals.update({key: sum(words.values()) for key, words in by_language.items()})
        totals[""] = float(sum(overall.values()))  # the whole table
        return cls(by_country, by_language, overall, languages, totals)

    def likelihood(self, word: str, country: str) -> float:
        """P(word | state): the state's own names, backed by the pool of its languages,
        backed by the whole table."""
        base = (self.overall[word] + 1) / (self.totals.get("", 0.0) + len(self.overall))
        spoken = self.languages.get(country, ())
        pooled = base
        if spoken:
            pooled = sum(
                (self.by_language[language].get(word, 0.0) + LANGUAGE_WEIGHT * base)
                / (self.totals.get(language, 0.0) + LANGUAGE_WEIGHT)
                for language in spoken
                if language in self.by_language
            ) / len(spoken)
        own = self.by_country.get(country)
        if own is None:
            return pooled
        return (own[word] + COUNTRY_WEIGHT * pooled) / (self.totals[country] + COUNTRY_WEIGHT)

    def likeliest(self, name: str, named: Mapping[str, int]) -> tuple[str, float] | None:
        """Of the states an article names (with how often), the one a person so named is
        likeliest from, and its odds over the most-named one, when some word of the name is
        known at all and those odds reach `SWITCH_ODDS`; else None."""
        words = [w for w in name_words(name) if self.overall[w]]
        if not words or len(named) < 2:
            return None
        scores = {
            country: math.log(count) + sum(math.log(self.likelihood(w, country)) for w in words)
            for country, count in named.items()
        }
        main = max(named, key=lambda c: named[c])
        best = max(scores, key=lambda c: scores[c])
        odds = math.exp(scores[best] - scores[main])
        return (best, odds) if best != main and odds >= SWITCH_ODDS else None
