"""The named frameworks of bilateral relationships and the ladders that rank them.

Loaded from `tieline/data/partnership_tiers.tsv`. A name the table does not know is let
through as written ("Strategic Partnership for Peace and Prosperity"), ranked by its words.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from importlib import resources

GENERIC = "generic"
DIPLOMATIC = "diplomatic relations"
ALLIANCE = "alliance"


@dataclass(frozen=True)
class Ladders:
    """Tier names, their spellings, and their rank on each country's ladder."""

    names: dict[str, str]  # lower-cased spelling → canonical name
    ranks: dict[str, dict[str, int]] = field(default_factory=dict)  # ladder → name → rank

    def canonical(self, written: str) -> str:
        """The table's name for a written tier, or the written name tidied up."""
        key = _key(written)
        if key in self.names:
            return self.names[key]
        return " ".join(w if w.isupper() else w.capitalize() for w in written.split())

    def rank(self, tier: str, a: str | None = None, b: str | None = None) -> float:
        """The tier's rank on `a`'s or `b`'s own ladder, else the generic one; an unknown
        name ranks by its words (strategic, comprehensive) among the generic steps."""
        for ladder in (a, b, GENERIC):
            if ladder and tier in self.ranks.get(ladder, {}):
                generic = self.ranks[GENERIC]
                # Put a country's ladder on the generic scale by its top step's generic rank.
                own = self.ranks[ladder]
                if ladder == GENERIC:
                    return float(own[tier])
                top = max(own.values())
                return own[tier] / top * max(generic.values())
        words = tier.lower()
        return 1 + 2 * ("strategic" in words) + 1.5 * ("comprehensive" in words)

    def pattern(self) -> re.Pattern[str]:
        """A regular expression matching any known spelling, longest first."""
        return _pattern(tuple(sorted(self.names, key=len, reverse=True)))


@functools.lru_cache(maxsize=4)
def _pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(s).replace(r"\ ", r"[\s-]+") for s in spellings)
    return re.compile(rf"\b(?:{alternation})\b", re.I)


def _key(written: str) -> str:
    return " ".join(written.lower().replace("-", " ").split())


@functools.lru_cache(maxsize=1)
def load_ladders() -> Ladders:
    """The bundled table, read once."""
    text = (resources.files("tieline") / "data" / "partnership_tiers.tsv").read_text("utf-8")
    rows = csv.DictReader(
        (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
    )
    names: dict[str, str] = {}
    ranks: dict[str, dict[str, int]] = {}
    for row in rows:
        tier = row["tier"]
        ranks.setdefault(row["ladder"], {})[tier] = int(row["rank"])
        for spelling in (tier, *filter(None, (row.get("aliases") or "").split("|"))):
            names.setdefault(_key(spelling), tier)
    return Ladders(names, ranks)
