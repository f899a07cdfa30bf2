"""Score event coding against the event gold sets in ``../shared/data``.

Two formats, recognised by their files:

* **PLOVER gold** (the ``plover-gsr-cameo`` folder or its ``PLOVER_GSR_CAMEO.txt``, a JSON list
  whose first record is a DOCUMENT): 322 sentences, each with one gold event coded in PLOVER
  0.5b1. Gold categories and modes are read as today's with `modern_event` (DEMAND → REQUEST,
  DISAPPROVE → ACCUSE 'disapprove', FIGHT → ASSAULT, ...; see `tieline.events.codes`). The
  coder's answer for a sentence is its most confident event (the first of equals), or none.

  - ``type_accuracy``: the answer's type is the gold type (no event: wrong).
  - ``triple_accuracy``: the type, the source and the target are all right. A gold side lists
    one or more actors by code (ISO alpha-3, or IGO/NGO); a predicted side is right when its
    actor is any of them: its country, one of its members (a group), an international
    organisation for IGO, sector NGO for NGO — the rules of the actor evaluation. Codes the
    file spells wrongly are fixed with that evaluation's GOLD_CODE_FIXES (JAP → JPN).
    A gold side that is empty requires no predicted participant on that side, with one
    exception: when gold has no target and several sources, a predicted target that is one of
    the gold sources also counts (PLOVER codes every party of a reciprocal event — "X and Y
    agreed" — as an actor; a coder that puts Y in the target has the same parties). CONSULT
    sides may also match the other way round: the gold file codes a host as the source (mode
    'host'), while today's PLOVER makes the visitor the actor and the host the recipient
    (manual §3.2.2).
  - ``mode_accuracy`` over the ``n_mode`` gold sentences with a mode (their own, renamed, or the
    one their category implies: INVESTIGATE → 'investigate'; a gold mode today's type lacks is
    no mode): type and mode both right, as a mode means something only within its type.
  - ``n``: sentences. `by_type` gives the accuracies per gold type from the per-sentence scores.

  Gold dates are placeholders (always 2000-01-01), so the coder is given no date.

* **PETR-2 validation** (the ``petrarch2-validation`` folder → ``PETR2_GSR_validation.jsonl``,
  or that .jsonl, or the .xml with the .jsonl beside it): sentences with CAMEO codings
  (source code, target code, event code). Each coding and each predicted event is reduced to a
  triple (source country, target country, CAMEO root): a country is the first three letters of a
  code ("GUYJUD" → GUY, "IGOUNO" → IGO, "---GOV" → ---); a predicted side is its actor's country,
  IGO for an international organisation, each member of a group (one triple per pair), or ---
  when absent or unknown; the root is the first two digits of ``event.cameo``, else the
  representative root of its PLOVER type (`cameo_root`). Triples are compared as sets per
  sentence and counted over all sentences (micro-averaged): a predicted triple on a sentence
  that expects no event is a false positive. ``precision``, ``recall``, ``f1``, ``n``
  (sentences), ``gold_triples``, ``predicted_triples``. With no predicted triples precision is
  0.0 (and with no gold triples recall is 0.0), as in the extraction evaluation: a coder that
  says nothing earns nothing. Records marked ``"evaluate": "false"`` are skipped.
  A predicted event with no source participant gives no triple: the gold (PETRARCH-2's output,
  corrected by hand) codes an event only where a source actor was found. None of its 80
  codings has a bare "---" source, while bare "---" targets occur (an event without a target);
  "---" with a sector ("---REB", "---LEG") is an actor found without a country.

Both sets are split into fixed halves by position in file order (`select_half`). Before
comparison every predicted event is put in PLOVER's and CAMEO's own conventions with
`tieline.events.plover.as_plover`: a stated intention to cooperate ("will provide aid", tieline's
AID with the auxiliary mode future) is AGREE / CAMEO 03, an intention to harm THREATEN / 13, a
refusal to cooperate REJECT / 12. The stored events keep tieline's richer coding.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from tieline.evaluation.actors import GOLD_CODE_FIXES, DatasetError
from tieline.evaluation.common import is_actor, precision_recall_f1, select_half
from tieline.events.codes import PLOVER_TYPES, cameo_root, modern_event
from tieline.events.plover import as_plover
from tieline.models import Event, Participant

Coder = Callable[[str, dt.date | None], list[Event]]  # (sentence text, date) -> events

PLOVER_FILE = "PLOVER_GSR_CAMEO.txt"
PETR2_FILE = "PETR2_GSR_validation.jsonl"
NO_COUNTRY = "---"  # CAMEO's code for a side with no known country

__all__ = [
    "Coder",
    "DatasetError",
    "GoldEvent",
    "GoldTriples",
    "PloverScore",
    "TripleScore",
    "by_type",
    "evaluate",
    "load_petr2",
    "load_plover",
    "score_petr2",
    "score_plover",
    "select_half",
]


@dataclass(frozen=True)
class GoldEvent:
    """One PLOVER gold sentence and its event, in today's PLOVER names."""

    id: str
    text: str
    legacy_type: str  # the category as the file writes it: "DEMAND"
    type: str  # today's: "REQUEST"
    mode: str | None  # today's mode, when the record has one
    sources: tuple[str, ...]  # gold actor codes (ISO alpha-3, IGO, NGO...)
    targets: tuple[str, ...]


@dataclass(frozen=True)
class PloverScore:
    gold: GoldEvent
    predicted: Event | None  # the coder's most confident event for the sentence
    type_ok: bool
    source_ok: bool
    target_ok: bool
    mode_ok: bool | None  # None when the gold sentence has no mode

    @property
    def triple_ok(self) -> bool:
        return self.type_ok and self.source_ok and self.target_ok


Triple = tuple[str, str, str]  # (source country, target country, CAMEO root)


@dataclass(frozen=True)
class GoldTriples:
    """One PETR-2 validation sentence and its codings."""

    id: str
    text: str
    date: dt.date | None
    codings: tuple[Triple, ...]  # as the file gives them: ("USA", "IRQMUS", "195")
    triples: frozenset[Triple]  # reduced to (country, country, root)


@dataclass(frozen=True)
class TripleScore:
    gold: GoldTriples
    predicted: frozenset[Triple]

    @property
    def tp(self) -> int:
        return len(self.predicted & self.gold.triples)

    @property
    def fp(self) -> int:
        return len(self.predicted - self.gold.triples)

    @property
    def fn(self) -> int:
        return len(self.gold.triples - self.predicted)


EventScore = PloverScore | TripleScore


# ---------------------------------------------------------------- recognising the format


def recognise(path: Path) -> tuple[str, Path]:
    """("plover" | "petr2", the file to read) for a gold folder or file."""
    path = Path(path)
    if path.is_dir():
        for name, kind in ((PLOVER_FILE, "plover"), (PETR2_FILE, "petr2")):
            if (path / name).is_file():
                return kind, path / name
        raise DatasetError(f"{path}: holds neither {PLOVER_FILE} nor {PETR2_FILE}")
    if path.suffix == ".jsonl":
        return "petr2", path
    if path.suffix == ".xml":
        beside = path.with_suffix(".jsonl")
        if beside.is_file():
            return "petr2", beside
        raise DatasetError(f"{path}: read from its .jsonl version, and {beside.name} is missing")
    return "plover", path


# ---------------------------------------------------------------- PLOVER gold


def load_plover(path: Path) -> list[GoldEvent]:
    """The sentences of PLOVER_GSR_CAMEO.txt (a JSON list despite its name), DOCUMENT left out."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DatasetError(f"{path}: not a PLOVER gold-standard file ({error})") from error
    if not isinstance(records, list):
        raise DatasetError(f"{path}: not a PLOVER gold-standard file (not a JSON list)")
    gold: list[GoldEvent] = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT"):
            continue
        if "text" not in record:
            continue
        plover, mode = modern_event(str(record["event"]), record.get("mode"))
        if plover not in PLOVER_TYPES:
            raise DatasetError(f"{path}: {record.get('id')}: unknown category {plover!r}")
        gold.append(
            GoldEvent(
                id=str(record.get("id", len(gold))),
                text=record["text"],
                legacy_type=str(record["event"]),
                type=plover,
                mode=mode,
                sources=_codes(record.get("source")),
                targets=_codes(record.get("target")),
            )
        )
    return gold


def _codes(value: object) -> tuple[str, ...]:
    """The actor codes of a gold side; a side that is not a list (None, "", "diplomatic") is
    empty."""
    if not isinstance(value, list):
        return ()
    codes = []
    for item in value:
        code = str(item.get("code") or "").strip().upper() if isinstance(item, dict) else ""
        if code:
            codes.append(GOLD_CODE_FIXES.get(code, code))
    return tuple(codes)


def _side_ok(participant: Participant | None, codes: Sequence[str]) -> bool:
    if not codes:
        return participant is None
    return participant is not None and any(is_actor(participant.actor, c) for c in codes)


def _sides_ok(event: Event, gold: GoldEvent) -> tuple[bool, bool]:
    source_ok = _side_ok(event.source, gold.sources)
    target_ok = _side_ok(event.target, gold.targets)
    if not gold.targets and len(gold.sources) > 1 and event.target is not None:
        # A reciprocal event: every party is a gold source; a predicted target among them counts.
        target_ok = _side_ok(event.target, gold.sources)
    if gold.type == "CONSULT" and gold.targets and not (source_ok and target_ok):
        swapped = _side_ok(event.source, gold.targets) and _side_ok(event.target, gold.sources)
        if swapped:
            return True, True
    return source_ok, target_ok


def most_confident(events: Iterable[Event]) -> Event | None:
    """The coder's answer for a sentence: its most confident event, the first of equals."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def score_plover(
    sentences: list[GoldEvent], code: Coder
) -> tuple[dict[str, float | int], list[PloverScore]]:
    scores = []
    for gold in sentences:
        event = most_confident(as_plover(e) for e in code(gold.text, None))
        if event is None:
            mode_ok = False if gold.mode else None
            scores.append(PloverScore(gold, None, False, False, False, mode_ok))
            continue
        type_ok = event.type == gold.type
        source_ok, target_ok = _sides_ok(event, gold)
        mode_ok = None
        if gold.mode:
            mode_ok = type_ok and (event.mode or "").lower() == gold.mode
        scores.append(PloverScore(gold, event, type_ok, source_ok, target_ok, mode_ok))
    with_mode = [s for s in scores if s.mode_ok is not None]
    metrics: dict[str, float | int] = {
        "type_accuracy": _share(sum(s.type_ok for s in scores), len(scores)),
        "triple_accuracy": _share(sum(s.triple_ok for s in scores), len(scores)),
        "mode_accuracy": _share(sum(bool(s.mode_ok) for s in with_mode), len(with_mode)),
        "n_mode": len(with_mode),
        "n": len(scores),
    }
    return metrics, scores


def by_type(scores: Iterable[PloverScore]) -> dict[str, dict[str, float | int]]:
    """Type and triple accuracy per gold type (today's names), in PLOVER's order."""
    groups: dict[str, list[PloverScore]] = defaultdict(list)
    for score in scores:
        groups[score.gold.type].append(score)
    return {
        plover: {
            "type_accuracy": _share(sum(s.type_ok for s in groups[plover]), len(groups[plover])),
            "triple_accuracy": _share(
                sum(s.triple_ok for s in groups[plover]), len(groups[plover])
            ),
            "n": len(groups[plover]),
        }
        for plover in PLOVER_TYPES
        if plover in groups
    }


# ---------------------------------------------------------------- PETR-2 validation


def load_petr2(path: Path) -> list[GoldTriples]:
    """The sentences of a PETR-2 .jsonl file (one sentence a line), in file order."""
    gold = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as error:  # ValueError: not UTF-8
        raise DatasetError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if str(record.get("evaluate", "true")).lower() == "false":
                continue
            codings = tuple(
                (str(e["sourcecode"]), str(e["targetcode"]), str(e["eventcode"]))
                for e in record.get("events", [])
            )
            text = str(record["text"])
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise DatasetError(f"{path} line {number}: not a PETR-2 record ({error})") from error
        triples = frozenset((_country(s), _country(t), e.strip()[:2]) for s, t, e in codings)
        gold.append(
            GoldTriples(
                str(record.get("id", number)),
                text,
                _date(record.get("date")),
                codings,
                triples,
            )
        )
    return gold


def _country(code: str) -> str:
    return code.strip().upper()[:3] or NO_COUNTRY


def _date(value: object) -> dt.date | None:
    try:
        return dt.datetime.strptime(str(value), "%Y%m%d").date()
    except ValueError:
        return None


def _countries(participant: Participant | None) -> tuple[str, ...]:
    if participant is None:
        return (NO_COUNTRY,)
    actor = participant.actor
    if actor.members:
        return tuple(actor.members)
    if actor.country:
        return (actor.country,)
    return ("IGO",) if actor.igo else (NO_COUNTRY,)


def event_triples(event: Event) -> set[Triple]:
    """A predicted event as CAMEO triples: one per (source, target) country pair."""
    cameo = (event.cameo or "").strip()
    root = cameo[:2] if len(cameo) >= 2 else cameo_root(event.type, event.mode) or ""
    return set(product(_countries(event.source), _countries(event.target), (root,)))


def score_petr2(
    sentences: list[GoldTriples], code: Coder
) -> tuple[dict[str, float | int], list[TripleScore]]:
    scores = []
    for gold in sentences:
        predicted: set[Triple] = set()
        for event in code(gold.text, gold.date):
            if event.source is not None:  # CAMEO codes no event without a source actor
                predicted |= event_triples(as_plover(event))
        scores.append(TripleScore(gold, frozenset(predicted)))
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    fn = sum(s.fn for s in scores)
    metrics: dict[str, float | int] = {
        **precision_recall_f1(tp, tp + fp, tp + fn),
        "n": len(scores),
        "gold_triples": tp + fn,
        "predicted_triples": tp + fp,
    }
    return metrics, scores


# ---------------------------------------------------------------- both


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate(
    path: Path, code: Coder, half: str | None = None
) -> tuple[dict[str, float | int], list[EventScore]]:
    """Score a coder on a gold folder or file, recognised by its files (see the module doc)."""
    kind, file = recognise(path)
    results: list[EventScore] = []
    if kind == "plover":
        metrics, plover_scores = score_plover(select_half(load_plover(file), half), code)
        results.extend(plover_scores)
    else:
        metrics, triple_scores = score_petr2(select_half(load_petr2(file), half), code)
        results.extend(triple_scores)
    return metrics, results
