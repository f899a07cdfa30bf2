"""How fast the actor stage reads text, on the 249 Guardian articles in ../shared/data.

Measures, in one run on the same texts:
  * the gazetteer alone (Aho-Corasick over whole articles), in words per second;
  * a naive baseline: one compiled regular expression alternating every phrase;
  * the whole actor resolver (gazetteer, spaCy tagging of the sentences that need it, phrase
    reading, coreference), in words per second and milliseconds per article;
  * spaCy's full pipeline over every sentence, for reference.
and prints the ratios. Usage:

    .venv/bin/python benchmarks/actors_speed.py [--data ../shared/data] [--articles 249]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import re
import statistics
import sys
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def guardian_articles(data: Path, limit: int) -> list[tuple[dt.date, str]]:
    csv.field_size_limit(sys.maxsize)
    archive = zipfile.ZipFile(data / "ngec-guardian-sample" / "Guardian_SDF_sample.csv.zip")
    with archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))
    return [(dt.date.fromisoformat(r["date"]), r["text"]) for r in rows[:limit]]


def timed(function, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    """The median of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TIELINE_SHARED_DATA") or str(REPO.parent / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--articles", type=int, default=249)
    args = parser.parse_args()
    if not (args.data / "ngec-guardian-sample").is_dir():
        sys.exit(f"{args.data}/ngec-guardian-sample not found")

    from tieline.actors import load_resolver
    from tieline.actors.gazetteer import Gazetteer
    from tieline.actors.kb import load_kb

    articles = guardian_articles(args.data, args.articles)
    words = sum(len(text.split()) for _, text in articles)
    print(f"{len(articles)} Guardian articles, {words:,} words")

    start = time.perf_counter()
    kb = load_kb()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    gazetteer = Gazetteer(kb.entries)
    build_s = time.perf_counter() - start
    print(
        f"knowledge base: {load_s:.2f} s to load; gazetteer: {gazetteer.size:,} phrases, "
        f"{build_s:.2f} s to build"
    )

    hits = sum(len(gazetteer.find(text)) for _, text in articles)
    aho = timed(lambda: [gazetteer.find(text) for _, text in articles])
    print(f"gazetteer (Aho-Corasick): {words / aho / 1e6:.2f} M words/s, {hits:,} hits")

    phrases = sorted({e.phrase for e in kb.entries}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)
    subset = articles[:10]
    subset_words = sum(len(text.split()) for _, text in subset)
    naive = timed(lambda: [pattern.findall(text) for _, text in subset], repeat=1)
    naive_rate = subset_words / naive
    print(
        f"baseline (one alternation regex, {len(subset)} articles): "
        f"{naive_rate / 1e6:.3f} M words/s; Aho-Corasick is {words / aho / naive_rate:.0f}x faster"
    )

    resolver = load_resolver(kb)
    start = time.perf_counter()
    mentions = sum(len(resolver.resolve(text, day=day)) for day, text in articles)
    resolve_s = time.perf_counter() - start
    print(
        f"actor resolver: {words / resolve_s:,.0f} words/s, "
        f"{1000 * resolve_s / len(articles):.1f} ms/article, {mentions:,} mentions"
    )

    import spacy

    from tieline.annotate.nlp import MODEL

    full = spacy.load(MODEL)
    start = time.perf_counter()
    for _, text in articles[:50]:
        full(text)
    full_s = (time.perf_counter() - start) * len(articles) / 50
    print(
        f"spaCy full pipeline over every sentence (50 articles, scaled): {words / full_s:,.0f} "
        f"words/s; the actor resolver is {full_s / resolve_s:.1f}x faster"
    )


if __name__ == "__main__":
    main()
