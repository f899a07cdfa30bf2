"""What every gold-set evaluation shares: the fixed halves, and when an actor is a gold code."""

from __future__ import annotations

from typing import TypeVar

from tieline.models import Actor

T = TypeVar("T")
HALVES = ("all", "even", "odd")


def select_half(records: list[T], half: str | None) -> list[T]:
    """The fixed halves used for tuning and held-out measurement: "even" or "odd" positions
    in the gold set's order, or all of it."""
    if half in (None, "all"):
        return records
    if half not in ("even", "odd"):
        raise ValueError(f"half must be 'even', 'odd' or 'all', not {half!r}")
    return records[0 if half == "even" else 1 :: 2]


def is_actor(actor: Actor, code: str) -> bool:
    """Whether a resolved actor is a gold code's country: "IGO" is any international
    organisation, "NGO" any non-governmental one, and a group counts for each member."""
    if code == "IGO":
        return actor.igo is not None
    if code == "NGO":
        return actor.sector == "NGO"
    return actor.country == code or code in actor.members
