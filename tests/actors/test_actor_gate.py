"""Quality gate for actor resolution on the PLOVER gold-standard sentences (plover-gsr-cameo).

Pinned from `tieline eval actors ../shared/data/plover-gsr-cameo --json`, all 322 sentences
(both halves have been read for rules since; see README), at stop 25: source country 0.9532,
+sector 0.8509; target country 0.9481, +sector 0.8149 (stop 24: 0.9503, 0.8509, 0.9448, 0.8149;
stop 21: 0.9503, 0.8480, 0.9448, 0.8149;
stop 18: 0.9503, 0.8480, 0.9448, 0.8117;
stop 15: 0.9503, 0.8450, 0.9448, 0.8084; actors.v1 had given 0.9211, 0.8070, 0.9156, 0.7597).
The floors sit EPSILON below; lowering one is a deliberate change to explain in the commit that
does it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tieline.evaluation.actors import evaluate

EPSILON = 0.005  # room for platform differences in spaCy's tagger, not for regressions
FLOORS = {
    "source_country_accuracy": 0.9532,
    "source_sector_accuracy": 0.8509,
    "target_country_accuracy": 0.9481,
    "target_sector_accuracy": 0.8182,  # stop 27 (provinces named by their state: 0.8149 before)
}

pytestmark = pytest.mark.gold


def test_plover_gold_actor_accuracy(data_dir: Path, resolver) -> None:  # type: ignore[no-untyped-def]
    folder = data_dir / "plover-gsr-cameo"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found: gold-set gates run in CI")
    metrics, _ = evaluate(folder, lambda text, day: resolver.resolve(text, day=day))
    assert metrics["n"] == 322
    for key, floor in FLOORS.items():
        assert metrics[key] >= floor - EPSILON, (key, metrics)
