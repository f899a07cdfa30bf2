"""Score actor resolution against the PLOVER gold-standard records (plover-gsr-cameo).

Each gold sentence names its source and target actors: the words (`actorText`), a country
(ISO 3166 alpha-3, or "IGO"/"NGO") and often a sector. For each gold actor we find its words in
the sentence and the mention tieline resolved over them (the one overlapping them most), and
count it right when:

* country: the mention's country is the gold one ("IGO": the mention is an international
  organisation; a group mention counts when the gold country is among its members);
A gold phrase covering several mentions is resolved by the one covering its first word (a
noun phrase's head comes before its modifiers: "rebels in the Ivory Coast"), else by the one
overlapping it most.

* country+sector: the country is right and the sectors agree, where a gold actor without a
  sector (or "***") is a state named as a whole and must be resolved without one, and gold
  sub-codes ("CVLalb", "REBkur") are compared on their first three letters.

"IMG" is CAMEO's international militarized group (the CAMEO agent codes in
../shared/data/ngec-country-lists/text_to_CAMEO.agentnames.txt file international radicals,
terrorists, rebels, insurgents and separatists under it; the Phoenix dictionaries code
al-Qaeda IMG): an armed group acting for no state. It is met by a mention of an armed group
(REB), or of people read as the group's ("their followers", after "Isis fighters"), with no
country and no international organisation, and the code holds the sector: such a mention's REB
is the gold's "no sector", while a gold sub-sector ("IMGGOV", its leaders; "IMGCVL", its
followers) must be resolved as such.

A gold actor whose words no mention covers is counted wrong on both. The file's few non-ISO
codes are read as the countries they stand for (JAP → JPN, ITL → ITA, VTN → VNM), and its
sector "CIV" as CVL (civilians).

A gold file in the same format may quote its sentences from whole articles, as tieline's own
held-out set does (tests/fixtures/heldout-actors): then a record names its `article`, an
`ARTICLES.json` beside the file holds the articles' text, and the sentence is resolved as
tieline reads it, inside its article on the record's date (earlier sentences name the people
a pronoun or a surname refers to, and the states the article is about); a record whose
article is missing, or does not quote it, is a `DatasetError`. The PLOVER records' sentences
stand alone and their dates are placeholders: they are resolved alone, undated.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from tieline.evaluation.common import is_actor, select_half
from tieline.models import Mention

# Codes in the gold file that are not ISO 3166 alpha-3, and what they stand for.
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
_MARKUP = re.compile(r"\((SRC|TAR|SRC/TAR|TAR/SRC): ([^()]*(?:\([^()]*\)[^()]*)*)\)")

# resolve(text, day): the mentions tieline finds in a text read on that day (None: undated)
Resolve = Callable[[str, dt.date | None], list[Mention]]
ARTICLES = "ARTICLES.json"  # beside a gold file whose sentences are quoted from articles
# Where an ARTICLES.json is missing altogether: the held-out sets that quote the Guardian
# sample keep no article text in the repository.
MISSING_ARTICLES = (
    f" (there is no {ARTICLES} beside it; for the held-out sets quoting the Guardian sample, "
    "`.venv/bin/python tools/guardian_articles.py` writes it from ../shared/data)"
)


class DatasetError(ValueError):
    """The path is not a PLOVER gold-standard file or folder."""


@dataclass(frozen=True)
class GoldActor:
    role: str  # "source" or "target"
    text: str
    code: str
    sector: str | None


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    markup: str
    actors: tuple[GoldActor, ...]
    article: str | None = None  # the whole article the sentence is quoted from, if given
    day: dt.date | None = None  # the article's date, if given


@dataclass(frozen=True)
class ActorScore:
    sentence: str
    actor: GoldActor
    found: Mention | None
    country_ok: bool
    sector_ok: bool

    @property
    def failure(self) -> str | None:
        """Why the actor was missed, if it was: one of `FAILURES`."""
        if self.sector_ok:
            return None
        if self.found is None:
            return "no_mention"
        if not self.country_ok:
            return "wrong_country"
        return "no_sector" if not self.found.actor.sector else "wrong_sector"


# Why a gold actor is missed: no mention over its words; a mention of another country; the
# right country with no sector; the right country with another sector (or a sector where the
# gold has none).
FAILURES = ("no_mention", "wrong_country", "no_sector", "wrong_sector")


def load_gold(path: Path) -> list[GoldSentence]:
    """Read PLOVER_GSR_CAMEO.txt (a JSON list despite its name), or the folder holding it."""
    path = Path(path)
    if path.is_dir():
        path = path / "PLOVER_GSR_CAMEO.txt"
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DatasetError(f"{path}: not a PLOVER gold-standard file ({error})") from error
    if not isinstance(records, list):
        raise DatasetError(f"{path}: not a PLOVER gold-standard file (not a JSON list)")
    articles = _articles(path.parent / ARTICLES)
    sentences: list[GoldSentence] = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            continue
        if "text" not in record:
            continue
        actors = []
        for role in ("source", "target"):
            value = record.get(role)
            if not isinstance(value, list):
                continue
            for item in value:
                if not isinstance(item, dict):
                    continue
                given = str(item.get("code", ""))
                code = GOLD_CODE_FIXES.get(given, given)
                actors.append(
                    GoldActor(role, item.get("actorText", ""), code, _sector(item.get("sector")))
                )
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else ""
        ident = str(record.get("id", len(sentences)))
        article = _article_of(record, ident, articles, path)
        day = _day(record.get("date")) if article is not None else None
        sentences.append(
            GoldSentence(ident, str(record["text"]), markup, tuple(actors), article, day)
        )
    return sentences


def _article_of(
    record: dict[str, object], ident: str, articles: dict[str, str], path: Path
) -> str | None:
    """The text of the article a record quotes its sentence from, if it names one; a record
    that names an article the ARTICLES.json beside it lacks, or does not quote, is an error
    (read alone, it would score another reading without a word)."""
    key = record.get("article")
    if key is None:
        return None
    article = articles.get(str(key))
    if article is None:
        hint = "" if articles else MISSING_ARTICLES
        raise DatasetError(
            f"{path}: record {ident} names article {key!r}, not in its {ARTICLES}{hint}"
        )
    if str(record["text"]) not in article:
        raise DatasetError(f"{path}: record {ident}'s sentence is not in article {key!r}")
    return article


def _articles(path: Path) -> dict[str, str]:
    """The article texts, by key, of an ARTICLES.json ({key: {"body": text, ...}}), if any."""
    if not path.is_file():
        return {}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        return {str(key): str(item["body"]) for key, item in found.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        raise DatasetError(f"{path}: not an articles file ({error})") from error


PLACEHOLDER_DATE = "2000-01-01"  # what a gold record gives when it has no date


def _day(value: object) -> dt.date | None:
    if not isinstance(value, str) or value == PLACEHOLDER_DATE:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# Sector codes in the gold file that are not CAMEO's, and what they stand for ("CIV" for
# civilians, CAMEO's CVL; CIV is otherwise Côte d'Ivoire's country code).
GOLD_SECTOR_FIXES = {"CIV": "CVL"}


def _sector(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip() or value.strip() == "***":
        return None
    code = value.strip()[:3].upper()
    return GOLD_SECTOR_FIXES.get(code, code)


def locate(sentence: GoldSentence, actor: GoldActor) -> tuple[int, int] | None:
    """Where the gold actor's words stand in the sentence: its `actorText`, else the marked-up
    span of its role that shares most words with it."""
    text = sentence.text
    found = _find(text, actor.text)
    if found:
        return found
    wanted = set(re.findall(r"\w+", actor.text.lower()))
    best, best_overlap = None, 0
    for match in _MARKUP.finditer(sentence.markup):
        roles = match.group(1)
        if (actor.role == "source" and "SRC" not in roles) or (
            actor.role == "target" and "TAR" not in roles
        ):
            continue
        words = set(re.findall(r"\w+", match.group(2).lower()))
        overlap = len(words & wanted)
        span = _find(text, match.group(2))
        if span and overlap > best_overlap:
            best, best_overlap = span, overlap
    if best:
        return best
    for word in re.findall(r"\w+", actor.text):
        span = _find(text, word)
        if span and len(word) > 2:
            return span
    # A misspelt gold word ("Ghanians" for "Ghanaians"): the most similar word of the sentence.
    for word in re.findall(r"\w{4,}", actor.text):
        similar = _most_similar_word(text, word.lower())
        if similar is not None:
            return similar
    return None


MISSPELLING_SIMILARITY = 0.85  # difflib ratio above which two words are one, misspelt


def _most_similar_word(text: str, word: str) -> tuple[int, int] | None:
    best, best_ratio = None, 0.0
    for match in re.finditer(r"\w+", text):
        ratio = difflib.SequenceMatcher(None, match.group().lower(), word).ratio()
        if ratio > best_ratio:
            best, best_ratio = match, ratio
    if best is None or best_ratio < MISSPELLING_SIMILARITY:
        return None
    return best.start(), best.end()


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    words = [re.escape(w) for w in phrase.split() if w not in ("...", "…")]
    if not words:
        return None
    match = re.search(r"\b" + r"\s+".join(words) + r"(?!\w)", text, re.I)
    return (match.start(), match.end()) if match else None


def _best_mention(mentions: list[Mention], span: tuple[int, int], text: str) -> Mention | None:
    """The mention that resolves the gold words: the one covering their first word (an
    English noun phrase's head comes before its modifiers: "rebels in the Ivory Coast"; an
    article before it is skipped: "The parents of a former British soldier"),
    else the one overlapping them most. A mention that only qualifies the words after it is
    passed over where another one overlaps them: an owner ("his Turkish counterpart, Recep
    Tayyip Erdoğan", "Germany's fighters") or a patron ("the US-backed Syrian Democratic
    Forces")."""
    overlapping = [m for m in mentions if min(m.end, span[1]) > max(m.start, span[0])]
    heads = [m for m in overlapping if not _qualifier(m, span, text)]
    candidates = heads or overlapping
    if not candidates:
        return None
    first = span[0] + len(DETERMINER.match(text, span[0], span[1]).group())  # type: ignore[union-attr]
    at_start = [m for m in candidates if m.start <= first < m.end]
    if at_start:
        return at_start[0]
    return max(candidates, key=lambda m: min(m.end, span[1]) - max(m.start, span[0]))


# Words before a noun phrase's head that no mention need cover: "The parents of a former British
# soldier" is read at "parents".
DETERMINER = re.compile(r"(?:(?:the|a|an|this|these|those)\s+)?", re.I)
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})


def _qualifier(mention: Mention, span: tuple[int, int], text: str) -> bool:
    """Whether a mention qualifies more of the gold words after it: a possessive, or a name
    followed by "'s" or a hyphen ("US-backed")."""
    if mention.end >= span[1]:
        return False
    return mention.text.lower() in POSSESSIVES or text.startswith(("'s", "’s", "-"), mention.end)


# CAMEO's code for an international militarized group: an armed group of no state.
STATELESS_ARMED_GROUP = "IMG"
ARMED_GROUP_KEY = "armed:"  # the knowledge base's keys of armed groups


def _country_ok(mention: Mention | None, code: str) -> bool:
    if mention is None:
        return False
    if code == STATELESS_ARMED_GROUP:
        actor = mention.actor
        # the group itself (REB), or its people read as of it ("their followers": CVL)
        of_group = actor.sector == "REB" or (actor.organisation or "").startswith(ARMED_GROUP_KEY)
        return not actor.country and actor.igo is None and not actor.members and of_group
    return is_actor(mention.actor, code)


def _sector_ok(mention: Mention | None, actor: GoldActor) -> bool:
    predicted = (mention.actor.sector if mention else None) or None
    if actor.code == STATELESS_ARMED_GROUP and predicted == "REB" and actor.sector is None:
        predicted = None  # the code itself says "armed group"; the gold may say REB again
    return predicted == actor.sector


def score(
    sentences: list[GoldSentence], resolve: Resolve
) -> tuple[dict[str, float | int], list[ActorScore]]:
    results: list[ActorScore] = []
    read: dict[tuple[str, dt.date | None], list[Mention]] = {}  # each article is read once
    for sentence in sentences:
        mentions = _mentions(sentence, resolve, read)
        for actor in sentence.actors:
            span = locate(sentence, actor)
            mention = _best_mention(mentions, span, sentence.text) if span else None
            country_ok = _country_ok(mention, actor.code)
            sector_ok = country_ok and _sector_ok(mention, actor)
            results.append(ActorScore(sentence.id, actor, mention, country_ok, sector_ok))
    metrics: dict[str, float | int] = {}
    for role in ("source", "target"):
        mine = [r for r in results if r.actor.role == role]
        metrics[f"{role}_country_accuracy"] = _share(sum(r.country_ok for r in mine), len(mine))
        metrics[f"{role}_sector_accuracy"] = _share(sum(r.sector_ok for r in mine), len(mine))
        metrics[f"n_{role}"] = len(mine)
        for failure in FAILURES:
            metrics[f"{role}_{failure}"] = sum(r.failure == failure for r in mine)
    metrics["n"] = len(sentences)
    return metrics, results


def _mentions(
    sentence: GoldSentence, resolve: Resolve, read: dict[tuple[str, dt.date | None], list[Mention]]
) -> list[Mention]:
    """The mentions in the sentence, with offsets in it: read alone, or inside its article
    (which `load_gold` has checked quotes it)."""
    if sentence.article is None:
        return resolve(sentence.text, None)
    start = sentence.article.find(sentence.text)
    key = (sentence.article, sentence.day)
    if key not in read:
        read[key] = resolve(sentence.article, sentence.day)
    end = start + len(sentence.text)
    return [
        replace(m, start=m.start - start, end=m.end - start)
        for m in read[key]
        if start <= m.start and m.end <= end
    ]


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate(
    path: Path, resolve: Resolve, half: str | None = None
) -> tuple[dict[str, float | int], list[ActorScore]]:
    # sentences quoted from one article go to one half: its people and states are shared
    return score(select_half(load_gold(path), half, lambda s: s.article), resolve)
