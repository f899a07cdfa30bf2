"""How often a second reader codes a gold set's actors as its first reader did.

    .venv/bin/python tools/reader_agreement.py GOLD SECOND [--list] [--json]

GOLD is a held-out set's HELDOUT_ACTORS.json; SECOND lists, for some of its records, the same
actor spans coded again by a reader who saw the spans, the articles and the written conventions
but not GOLD's codes ({"id", "actors": [{"role", "actorText", "code", "sector", "note"?}]}).
The two are compared as `tieline eval actors` compares the resolver with GOLD: the country code
alone, then the country code and sector together (an Islamic State fighter coded IMG with or
without REB is the same). The share the readers agree on is the most the resolver could be
expected to score: where careful readers differ, the gold is a judgement, not a fact.

Offline only: the package never imports this script.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tieline.evaluation.actors import STATELESS_ARMED_GROUP  # noqa: E402

ROLES = ("source", "target")


def _coded(actor: dict[str, str | None]) -> tuple[str | None, str | None]:
    code, sector = actor.get("code"), actor.get("sector") or None
    if code == STATELESS_ARMED_GROUP and sector == "REB":
        sector = None  # the code itself says "armed group"
    return code, sector


def pairs(gold: list[dict], second: list[dict]) -> list[tuple[str, str, dict, dict]]:
    """Each actor of the second reading beside the gold's: (record id, role, gold, second).
    A record the gold lacks, or whose actors differ in number, role or span, is an error: the
    readers must have coded the same spans."""
    by_id = {record["id"]: record for record in gold}
    out = []
    for record in second:
        first = by_id.get(record["id"])
        if first is None:
            raise ValueError(f"{record['id']}: not in the gold set")
        mine = [(role, actor) for role in ROLES for actor in first.get(role) or []]
        theirs = record["actors"]
        if [(role, a["actorText"]) for role, a in mine] != [
            (a["role"], a["actorText"]) for a in theirs
        ]:
            raise ValueError(f"{record['id']}: the second reader's spans are not the gold's")
        out += [(record["id"], role, a, b) for (role, a), b in zip(mine, theirs, strict=True)]
    return out


def agreement(rows: list[tuple[str, str, dict, dict]]) -> dict[str, float | int]:
    """The share of actors both readers gave one country, and one country and sector, by role
    and in all."""
    metrics: dict[str, float | int] = {}
    for role in (*ROLES, "all"):
        mine = [(a, b) for _, r, a, b in rows if role in (r, "all")]
        country = sum(a.get("code") == b.get("code") for a, b in mine)
        both = sum(_coded(a) == _coded(b) for a, b in mine)
        metrics[f"n_{role}"] = len(mine)
        metrics[f"{role}_country_agreement"] = round(country / len(mine), 4) if mine else 0.0
        metrics[f"{role}_sector_agreement"] = round(both / len(mine), 4) if mine else 0.0
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="a held-out set's HELDOUT_ACTORS.json")
    parser.add_argument("second", type=Path, help="the second reader's codes of its spans")
    parser.add_argument("--list", action="store_true", help="print each disagreement")
    parser.add_argument("--json", action="store_true", help="end with the figures as JSON")
    args = parser.parse_args()
    for path in (args.gold, args.second):
        if not path.is_file():
            sys.exit(f"{path} not found")
    try:
        rows = pairs(json.loads(args.gold.read_text()), json.loads(args.second.read_text()))
    except ValueError as error:  # not JSON, or a second reading of other spans
        sys.exit(str(error))
    except (KeyError, TypeError, AttributeError) as error:
        sys.exit(f"{args.gold} or {args.second} is not a gold set or a second reading ({error!r})")
    if args.list:
        for key, role, a, b in rows:
            if _coded(a) != _coded(b):
                first = " ".join(filter(None, _coded(a)))
                second = " ".join(filter(None, _coded(b)))
                print(f"{key} {role} {a['actorText'][:60]!r}: {first} / {second}")
    metrics = agreement(rows)
    for role in (*ROLES, "all"):
        print(
            f"{role:6} {metrics[f'n_{role}']:4} actors: country "
            f"{metrics[f'{role}_country_agreement']:.3f}, country+sector "
            f"{metrics[f'{role}_sector_agreement']:.3f}"
        )
    if args.json:
        print(json.dumps(metrics))


if __name__ == "__main__":
    main()
