"""The whole pipeline's speed and memory against a naive baseline, in one run.

Pipeline: extract → annotate → actors → events → store, as `tieline ingest` runs it, into a
fresh SQLite file. Baseline: trafilatura (or the page text) followed by spaCy's full English
pipeline over every sentence, which is what a coder that parses everything pays. Both run on:

  * the 181 Scrapinghub benchmark pages (HTML), and
  * the 249 Guardian articles of ngec-guardian-sample (text; extraction is skipped for both),

and the script prints articles per second, the ratio, and the peak memory of a separate
ingest of all 249 Guardian articles (measured in a child process, so the numbers are its own).

    .venv/bin/python benchmarks/pipeline_speed.py [--data DIR] [--limit N] [--repeat N]
        [--workers N]

"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def guardian(data: Path, limit: int) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    archive = zipfile.ZipFile(data / "ngec-guardian-sample" / "Guardian_SDF_sample.csv.zip")
    with archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))[:limit]
    return [(r["date"], r["text"]) for r in rows]


def scrapinghub(data: Path, limit: int) -> list[tuple[str, bytes]]:
    folder = data / "scrapinghub-article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text())
    keys = sorted(truth)[:limit]
    return [
        (truth[k]["url"], gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()))
        for k in keys
    ]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def pipeline_seconds(jsonl: Path) -> float:
    """Ingest a JSONL file into a fresh database with the real CLI path (models loaded first)."""
    from tieline.extract.language import detect_language
    from tieline.pipeline import Coding, ingest
    from tieline.store import Store

    coding = Coding()
    # Load every model outside the timing, as the baseline's spaCy is: the actor and event
    # stages' knowledge base and spaCy pipeline, and the language identifier's model.
    _ = coding.resolver, coding.events
    detect_language("The ministers met in the capital on Monday to discuss trade.")
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        outcomes = list(ingest([str(jsonl)], store, coding=coding))
        seconds = time.perf_counter() - start
    stored = sum(o.status.value in ("stored", "copy") for o in outcomes)
    print(f"    pipeline stored {stored} of {len(outcomes)} items")
    return seconds


def baseline_seconds(texts: list[str], pages: list[bytes] | None) -> float:
    import spacy
    import trafilatura

    from tieline.annotate.nlp import MODEL
    from tieline.annotate.sentences import split_sentences

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    if pages is not None:
        texts = [trafilatura.extract(p.decode("utf-8", "replace")) or "" for p in pages]
    for text in texts:
        for _ in nlp.pipe([s.text for s in split_sentences(text)]):
            pass
    return time.perf_counter() - start


def command_seconds(jsonl: Path, workers: int) -> float:
    """Wall time of the whole `tieline ingest` command into a fresh database."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tieline", "ingest", str(jsonl), "--db", f"{tmp}/w.db",
             "--quiet", "--workers", str(workers)],
            check=True, cwd=REPO, capture_output=True,
        )  # fmt: skip
        return time.perf_counter() - start


def peak_memory_mib(jsonl: Path) -> float:
    """Peak resident memory (kB → MiB) of `tieline ingest` on the file, in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        code = (
            "import resource, sys; from tieline.interfaces.cli import main; "
            f"sys.argv=['tieline','ingest','{jsonl}','--db','{tmp}/m.db','--quiet']; "
            "\ntry:\n main()\nexcept SystemExit:\n pass\n"
            # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent at fork and
            # exec, so the child's figure would include this process's own memory.
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
        ).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TIELINE_SHARED_DATA") or str(REPO.parent / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--limit", type=int, default=1000, help="at most this many per set")
    parser.add_argument("--repeat", type=int, default=1, help="runs per arm; medians shown")
    parser.add_argument(
        "--workers", type=int, default=2, help="also time `tieline ingest --workers N` (1: skip)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        news = guardian(args.data, args.limit)
        pages = scrapinghub(args.data, args.limit)
        write_jsonl(
            folder / "guardian.jsonl",
            [
                {"url": f"https://guardian.example/{i}", "text": t, "published": d}
                for i, (d, t) in enumerate(news)
            ],
        )
        write_jsonl(
            folder / "pages.jsonl",
            [{"url": u, "html": p.decode("utf-8", "replace")} for u, p in pages],
        )
        for name, jsonl, texts, raw in (
            ("Scrapinghub pages", folder / "pages.jsonl", [], [p for _, p in pages]),
            ("Guardian articles", folder / "guardian.jsonl", [t for _, t in news], None),
        ):
            n = len(raw) if raw is not None else len(texts)
            print(f"{name} ({n}):")
            # The arms alternate and each figure is the median of --repeat runs: on a shared
            # machine the speed drifts by tens of percent within minutes.
            runs = [
                (pipeline_seconds(jsonl), baseline_seconds(texts, raw)) for _ in range(args.repeat)
            ]
            ours = statistics.median(r[0] for r in runs)
            naive = statistics.median(r[1] for r in runs)
            if args.repeat > 1:
                ratios = ", ".join(f"{b / a:.2f}" for a, b in runs)
                print(f"    runs (ratio each): {ratios}")
            print(f"    tieline pipeline  {n / ours:7.2f} articles/s  ({ours:6.1f} s)")
            print(f"    naive baseline    {n / naive:7.2f} articles/s  ({naive:6.1f} s)")
            print(f"    ratio             {naive / ours:7.2f}x")
        if args.workers > 1:
            print("`tieline ingest` of the Guardian articles, whole command (models load in it):")
            one = command_seconds(folder / "guardian.jsonl", 1)
            many = command_seconds(folder / "guardian.jsonl", args.workers)
            print(f"    --workers 1        {one:6.1f} s")
            print(f"    --workers {args.workers:<8} {many:6.1f} s   ({one / many:.2f}x)")
        peak = peak_memory_mib(folder / "guardian.jsonl")
        print(f"peak memory, `tieline ingest` of the Guardian articles: {peak:.0f} MiB")
        print(
            f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)"
        )


if __name__ == "__main__":
    main()
