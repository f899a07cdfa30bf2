"""What every gold-set evaluation shares: the fixed halves, when an actor is a gold code, and
precision, recall and F1."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from tieline.models import Actor

T = TypeVar("T")
HALVES = ("all", "even", "odd")


def select_half(
    records: list[T], half: str | None, group: Callable[[T], Hashable | None] | None = None
) -> list[T]:
    """The fixed halves used for tuning and held-out measurement: "even" or "odd" positions
    in the gold set's order, or all of it. With `group` (a record's article), the halves are
    of the groups, in order of first appearance, so that no article has sentences in both;
    a record of no group counts as its own."""
    if half in (None, "all"):
        return records
    if half not in ("even", "odd"):
        raise ValueError(f"half must be 'even', 'odd' or 'all', not {half!r}")
    parity = 0 if half == "even" else 1
    if group is None:
        return records[parity::2]
    positions: dict[Hashable, int] = {}
    kept = []
    for i, record in enumerate(records):
        key = group(record)
        key = ("record", i) if key is None else key
        if positions.setdefault(key, len(positions)) % 2 == parity:
            kept.append(record)
    return kept


def is_actor(actor: Actor, code: str) -> bool:
    """Whether a resolved actor is a gold code's country: "IGO" is any international
    organisation, "NGO" any non-governmental one, and a group counts for each member."""
    if code == "IGO":
        return actor.igo is not None
    if code == "NGO":
        return actor.sector == "NGO" or actor.non_governmental
    return actor.country == code or code in actor.members


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def precision_recall_f1(right: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 of `right` matches among `predicted` items and `gold` ones,
    rounded to four places as the evaluations print them (0 where a count is 0)."""
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1(precision, recall), 4),
    }
