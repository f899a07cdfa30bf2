"""Which of an article's states an unknown person's name most likely comes from.

A name the tables lack ("Joe Robinson", "Tim Morrison") is placed, as a last resort, in the
state the article names most. In an article that names two states (a Briton arrested in
Turkey, an American official in a story about Ukraine) the name itself tells which: its words
are common among the people of some states and unheard of in others. The counts come from
the people the knowledge base knows (about 20,000 leaders and ministers of every state), pooled
by the official languages and regions of their states (mledoze-countries), since a hundred
names a state are too few on their own: "Tim" is known in New Zealand and Trinidad, so it is an
English name, and as likely in Britain or the United States; "Ahmed" is common among the
English-speaking states too (Pakistan, Nigeria), but not among those of Northern Europe.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tieline.actors.kb import Country, Person

# Words of names that say nothing of where a name is from, or belong to many languages.
PARTICLES = frozenset(
    "al el bin ben ibn bint abu abd de da das do dos di del della la le van von der den ter "
    "mac mc st jr sr ii iii iv the".split()
)
WORD = re.compile(r"[^\W\d_]{2,}")
# Shares of P(word | state): the state's own names; the names of the states of its region that
# share a language with it ("English in Northern Europe": Britain, Ireland); the names of all
# states that share a language with it (English: also Nigeria, India, Jamaica...). The rest is
# the whole table's.
COUNTRY_SHARE = 0.3
LOCAL_SHARE = 0.3
LANGUAGE_SHARE = 0.3
# A name moves an unknown person from the article's most-named state only when another state
# it names is this many times likelier, counting both how often each is named and the name.
SWITCH_ODDS = 3.0


def name_words(name: str) -> list[str]:
    """The words of a name that may say where it is from: "Joe Robinson" → joe, robinson."""
    words = [w.casefold() for w in WORD.findall(name)]
    return [w for w in words if w not in PARTICLES]


@dataclass
class NameOrigins:
    """Counts of name words by state and by pools of states, and the odds they give."""

    by_country: Mapping[str, Counter[str]]
    # a state of n languages counts 1/n in the pool of each ("eng"), and of each in its region
    # ("eng@Northern Europe")
    by_pool: Mapping[str, Mapping[str, float]]
    overall: Counter[str]
    pools: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]  # a state's: local, language
    # words counted per state ("GBR"), per pool, and in all ("")
    totals: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, people: Iterable[Person], countries: Iterable[Country]) -> NameOrigins:
        """Count the words of the names of `people` by their state and its pools, from the
        official languages and regions of `countries`."""
        pools = {
            c.iso3: (tuple(f"{lang}@{c.region}" for lang in c.languages), c.languages)
            for c in countries
        }
        by_country: dict[str, Counter[str]] = defaultdict(Counter)
        by_pool: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        overall: Counter[str] = Counter()
        for person in people:
            country = person.country or next((t.country for t in person.terms if t.country), None)
            if country is None:
                continue
            local, spoken = pools.get(country, ((), ()))
            for word in set(name_words(person.name)):
                by_country[country][word] += 1
                overall[word] += 1
                for pool in local + spoken:
                    by_pool[pool][word] += 1 / len(spoken)
        totals = {key: float(sum(words.values())) for key, words in by_country.items()}
        totals.update({key: sum(words.values()) for key, words in by_pool.items()})
        totals[""] = float(sum(overall.values()))  # the whole table
        return cls(by_country, by_pool, overall, pools, totals)

    def likelihood(self, word: str, country: str) -> float:
        """P(word | state): a mix of the state's own names, its pools and the whole table, in
        fixed shares, so that a word unheard of in two states is as likely in either, however
        many names each has. A share with nothing to count falls to the next wider one."""
        base = (self.overall[word] + 1) / (self.totals[""] + len(self.overall))
        local, spoken = self.pools.get(country, ((), ()))
        language = self._pooled(word, spoken, base)
        nearby = self._pooled(word, local, language)
        own = self.by_country.get(country)
        mine = own[word] / self.totals[country] if own else nearby
        rest = 1 - COUNTRY_SHARE - LOCAL_SHARE - LANGUAGE_SHARE
        return COUNTRY_SHARE * mine + LOCAL_SHARE * nearby + LANGUAGE_SHARE * language + rest * base

    def _pooled(self, word: str, pools: Iterable[str], fallback: float) -> float:
        known = [pool for pool in pools if pool in self.by_pool]
        if not known:
            return fallback
        return sum(self.by_pool[pool].get(word, 0.0) / self.totals[pool] for pool in known) / len(
            known
        )

    def likeliest(self, name: str, named: Mapping[str, int]) -> tuple[str, float] | None:
        """Of the states an article names (with how often), the one a person so named is
        likeliest from, and its odds over the most-named one, when the name has two words or
        more, some of them known at all, and those odds reach `SWITCH_ODDS`; else None."""
        written = name_words(name)
        words = [w for w in written if self.overall[w]]
        if not words or len(written) < 2 or len(named) < 2:
            return None  # one word ("Stewart") is too little to go on
        scores = {
            country: math.log(count) + sum(math.log(self.likelihood(w, country)) for w in words)
            for country, count in named.items()
        }
        main = max(named, key=lambda c: named[c])
        best = max(scores, key=lambda c: scores[c])
        odds = math.exp(scores[best] - scores[main])
        return (best, odds) if best != main and odds >= SWITCH_ODDS else None
