"""Write the stories of actor set S (synthetic) from the NGEC synthetic sample in ../shared/data.

    .venv/bin/python tools/synthetic_articles.py [--data ../shared/data] [--candidates N]

Set S (tests/fixtures/heldout-actors-s) quotes its sentences from NGEC's LLM-written news
stories (`ngec-synthetic-plover`), whose repository carries no licence file; like sets C to F,
the repository keeps only the labelled sentences, and this script puts the stories they name
beside them as ARTICLES.json ({key: {"id", "date", "body"}}, the key being the story's row in
the CSV, the body its headline and text). The stories are not news: set S is read to find
errors, never reported as a measurement. With --candidates N it instead writes CANDIDATES.json,
a seeded sample of N stories for a labeller to go through in order. Both files are ignored by
git.

Offline only: the package never imports this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "tests" / "fixtures" / "heldout-actors-s"
SAMPLE = Path("ngec-synthetic-plover") / "gpt_synthetic_events_2023-10-19_19.csv.zip"
SEED = 20261129  # the order a labeller reads the candidates in


def stories(data: Path) -> dict[str, dict[str, str | None]]:
    """Every story, keyed by its row: its headline (the prompt's first line, with the places
    filled in) and its text, as one body; the stories carry no date."""
    csv.field_size_limit(sys.maxsize)
    with zipfile.ZipFile(data / SAMPLE) as archive, archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))
    out: dict[str, dict[str, str | None]] = {}
    for index, row in enumerate(rows):
        headline = row["prompt"].split("\n", 1)[0].strip()
        body = f"{headline}\n\n{row['text'].strip()}"
        out[str(index)] = {"id": str(index), "date": None, "body": body}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument(
        "--candidates", type=int, help="write a seeded sample of this many stories to label"
    )
    args = parser.parse_args()
    if not (args.data / SAMPLE).is_file():
        sys.exit(f"{args.data / SAMPLE} not found: the synthetic sample is in ../shared/data")
    every = stories(args.data)
    if args.candidates:
        keys = random.Random(SEED).sample(sorted(every, key=int), args.candidates)
        out, chosen = FOLDER / "CANDIDATES.json", {key: every[key] for key in keys}
    else:
        labels = FOLDER / "HELDOUT_ACTORS.json"
        if not labels.is_file():
            sys.exit(f"{labels} not found: label set S first")
        records = json.loads(labels.read_text(encoding="utf-8"))
        wanted = sorted({str(r["article"]) for r in records}, key=int)
        missing = [key for key in wanted if key not in every]
        if missing:
            sys.exit(f"stories {missing} are not in the synthetic sample")
        out, chosen = FOLDER / "ARTICLES.json", {key: every[key] for key in wanted}
    FOLDER.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(chosen, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(chosen)} stories to {out}")


if __name__ == "__main__":
    main()
