"""How much spaCy parsing the pipeline does, deterministically: the share of sentences parsed
and the events found, over the Guardian sample. Speed follows the parsed share (the parse is
most of the time), so a change to the event lexicon or the actor rules can be checked here in
seconds, without the timing noise of `pipeline_speed.py`.

    .venv/bin/python benchmarks/parse_share.py [--data ../shared/data] [--limit 120]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from pipeline_speed import guardian  # noqa: E402

from tieline.actors import resolve_article  # noqa: E402
from tieline.annotate.sentences import split_sentences  # noqa: E402
from tieline.events.coder import code_article  # noqa: E402
from tieline.extract import extract  # noqa: E402
from tieline.models import DocumentKind, RawDocument  # noqa: E402
from tieline.pipeline import Coding  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TIELINE_SHARED_DATA") or str(REPO.parent / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--limit", type=int, default=120)
    args = parser.parse_args()
    coding = Coding()
    sentences = parsed = fruitful = events = 0
    for date, text in guardian(args.data, args.limit):
        day = dt.date.fromisoformat(date[:10]) if date else None
        article = extract(RawDocument("bench", text.encode(), DocumentKind.TEXT, published=day))
        docs: dict[str, dict[int, Doc]] = {}
        mentions = resolve_article(coding.resolver, article, docs, coding.events.may_state)
        found = code_article(coding.events, article, mentions, docs)
        body = docs.get("body", {})
        sentences += len(split_sentences(article.body))
        parsed += len(body)
        fruitful += len(body.keys() & {e.sentence_index for e in found if e.field == "body"})
        events += len(found)
    share = parsed / sentences
    print(f"{args.limit} Guardian articles: {sentences} sentences, {parsed} parsed ({share:.1%}),")
    print(f"{fruitful} of them with an event; {events} events")


if __name__ == "__main__":
    main()
