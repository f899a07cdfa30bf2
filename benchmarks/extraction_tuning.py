"""Body extraction: tieline's `extract_html` against trafilatura alone, on both gold sets.

Prints precision, recall and F1 for the even half (where the body rules were tuned), the odd
half (held out) and all pages of the Scrapinghub benchmark, then the same extractors on
trafilatura's English evaluation set (snippet metric), and the time per page of each, with
tieline's time as a ratio of trafilatura's in the same run.

    .venv/bin/python benchmarks/extraction_tuning.py [--data ../shared/data] [--quick]

--quick skips the trafilatura-alone rows except the precision configuration tieline builds on.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from tieline.evaluation.extraction import (
    Extractor,
    GoldPage,
    load_gold,
    score_scrapinghub,
    score_snippets,
    select_half,
)
from tieline.extract.decode import decode
from tieline.extract.html import extract_html

REPO = Path(__file__).resolve().parents[1]
SCRAPINGHUB = "scrapinghub-article-extraction-benchmark"
SNIPPETS = "trafilatura-eval-en"


def _trafilatura(**options: bool) -> Extractor:
    def run(data: bytes, url: str | None) -> str:
        return trafilatura.extract(decode(data), url=url, **options) or ""

    return run


def _tieline(data: bytes, url: str | None) -> str:
    return extract_html(decode(data), url).body


def extractors(quick: bool) -> dict[str, Extractor]:
    chosen: dict[str, Extractor] = {}
    if not quick:
        chosen["trafilatura (default)"] = _trafilatura()
        chosen["trafilatura favor_precision"] = _trafilatura(favor_precision=True)
    chosen["trafilatura favor_precision, no comments"] = _trafilatura(
        favor_precision=True, include_comments=False
    )
    if not quick:
        chosen["trafilatura favor_recall, no comments"] = _trafilatura(
            favor_recall=True, include_comments=False
        )
    chosen["tieline extract_html"] = _tieline
    return chosen


def _timed(
    score: Callable[[list[GoldPage], Extractor], tuple[dict[str, float | int], object]],
    pages: list[GoldPage],
    extract: Extractor,
) -> tuple[dict[str, float | int], float]:
    """Score `extract` on `pages`; time only the extractor's calls (not file reading)."""
    spent = [0.0]

    def timed(data: bytes, url: str | None) -> str:
        started = time.perf_counter()
        try:
            return extract(data, url)
        finally:
            spent[0] += time.perf_counter() - started

    metrics, _ = score(pages, timed)
    return metrics, spent[0] * 1000 / max(len(pages), 1)


def _row(name: str, metrics: dict[str, float | int], ms: float) -> str:
    return (
        f"  {name:44s} F1 {metrics['f1']:.4f}  P {metrics['precision']:.4f}  "
        f"R {metrics['recall']:.4f}  n={metrics['n']:<4}  {ms:6.1f} ms/page"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TIELINE_SHARED_DATA") or str(REPO.parent / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not (args.data / SCRAPINGHUB).is_dir():
        print(f"{args.data}: gold sets not found (set --data or TIELINE_SHARED_DATA)")
        return 2
    chosen = extractors(args.quick)
    extract_html("<html><body><p>warm up the language model</p></body></html>")

    _, pages = load_gold(args.data / SCRAPINGHUB)
    timings: dict[str, float] = {}
    for half in ("even", "odd", "all"):
        print(f"Scrapinghub benchmark, {half} half" if half != "all" else "Scrapinghub, all")
        for name, extract in chosen.items():
            metrics, ms = _timed(score_scrapinghub, select_half(pages, half), extract)
            timings[name] = ms if half == "all" else timings.get(name, ms)
            print(_row(name, metrics, ms))
    if (args.data / SNIPPETS).is_dir():
        _, snippet_pages = load_gold(args.data / SNIPPETS)
        print("trafilatura evaluation set, English subset (snippet metric)")
        for name, extract in chosen.items():
            metrics, ms = _timed(score_snippets, snippet_pages, extract)
            print(_row(name, metrics, ms))
    ours, base = (
        timings["tieline extract_html"],
        timings["trafilatura favor_precision, no comments"],
    )
    print(
        f"time per page on Scrapinghub: tieline {ours:.1f} ms, "
        f"{ours / base:.2f}x trafilatura favor_precision's {base:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
