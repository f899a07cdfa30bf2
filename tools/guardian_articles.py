"""Write the ARTICLES.json of held-out sets C to F from the Guardian sample in ../shared/data.

    .venv/bin/python tools/guardian_articles.py [--data ../shared/data] [--set FOLDER ...]

Sets C to F (tests/fixtures/heldout-actors-c, -d, -e, -f) quote their sentences from the NGEC
Guardian sample, whose articles may not be redistributed (`ngec-guardian-sample/SOURCE.md`). The
repository therefore keeps only the labelled sentences; this script puts the bodies of the
articles they name beside them, as `tieline eval actors` reads them ({key: {"id", "date",
"body"}}, the key being the CSV's index column). The files it writes are ignored by git.

Offline only: the package never imports this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUARDIAN_SETS = [REPO / "tests" / "fixtures" / f"heldout-actors-{name}" for name in "cdef"]
SAMPLE = Path("ngec-guardian-sample") / "Guardian_SDF_sample.csv.zip"


def guardian_rows(data: Path) -> list[dict[str, str]]:
    """The sample's rows: the index column (""), date, text and source."""
    csv.field_size_limit(sys.maxsize)
    with zipfile.ZipFile(data / SAMPLE) as archive, archive.open(archive.namelist()[0]) as raw:
        return list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))


def articles_of(records: list[dict[str, object]], rows: list[dict[str, str]]) -> dict[str, dict]:
    """The articles the records name, by key; a key the sample lacks is an error."""
    by_key = {row[""]: row for row in rows}
    wanted = sorted({str(r["article"]) for r in records if r.get("article")}, key=int)
    missing = [key for key in wanted if key not in by_key]
    if missing:
        raise SystemExit(f"articles {missing} are not in the Guardian sample")
    return {
        key: {"id": key, "date": by_key[key]["date"], "body": by_key[key]["text"]} for key in wanted
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument(
        "--set",
        type=Path,
        action="append",
        help="a held-out set's folder (repeatable; default: sets C to F)",
    )
    args = parser.parse_args()
    if not (args.data / SAMPLE).is_file():
        sys.exit(f"{args.data / SAMPLE} not found: the Guardian sample is in ../shared/data")
    rows = guardian_rows(args.data)
    for folder in args.set or GUARDIAN_SETS:
        labels = folder / "HELDOUT_ACTORS.json"
        if not labels.is_file():
            sys.exit(f"{labels} not found: --set names a held-out set's folder")
        records = json.loads(labels.read_text(encoding="utf-8"))
        articles = articles_of(records, rows)
        out = folder / "ARTICLES.json"
        out.write_text(json.dumps(articles, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {len(articles)} articles to {out}")


if __name__ == "__main__":
    main()
