"""Events as rows for export: tieline's own fields, or column sets like GDELT's and POLECAT's
for people moving from those datasets, written as JSON lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from tieline.models import Participant
from tieline.store import StoredArticle, StoredEvent

Row = dict[str, Any]
ArticleLookup = Callable[[str], StoredArticle | None]


def _side(p: Participant | None) -> dict[str, Any] | None:
    if p is None:
        return None
    a = p.actor
    return {
        "text": p.text,
        "name": a.name,
        "actor_id": a.person or a.organisation or a.igo or a.code,
        "country": a.country,
        "sector": a.sector,
        "members": list(a.members),
    }


def tieline_row(stored: StoredEvent, article: ArticleLookup) -> Row:
    """The fields of PRODUCT.md's event contract, plus the article's URL and publisher."""
    e = stored.event
    found = article(stored.article_id)
    return {
        "id": stored.id,
        "article_id": stored.article_id,
        "type": e.type,
        "mode": e.mode,
        "aux": list(e.aux),
        "contexts": list(e.contexts),
        "source": _side(e.source),
        "target": _side(e.target),
        "symmetric": e.symmetric,
        "date": e.date.date.isoformat() if e.date and e.date.date else None,
        "date_precision": e.date.precision.value if e.date else "unknown",
        "date_text": e.date.text if e.date else "",
        "place": e.place,
        "sentence": e.sentence,
        "span": list(e.span),
        "field": e.field,
        "trigger": e.trigger,
        "quote": e.quote,
        "speaker": e.speaker,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "score": e.score,
        "confidence": e.confidence,
        "rule": e.rule,
        "coder": stored.coder,
        "url": (found.article.canonical_url or found.article.url) if found else None,
        "publisher": found.article.publisher if found else None,
    }


def gdelt_row(stored: StoredEvent, article: ArticleLookup) -> Row:
    """GDELT 2.0 event-table column names, filled where tieline has the fact."""
    e = stored.event
    found = article(stored.article_id)
    day = e.date.date if e.date and e.date.date else None
    row: Row = {
        "GLOBALEVENTID": stored.id,
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
    }
    for number, side in ((1, e.source), (2, e.target)):
        a = side.actor if side else None
        row[f"Actor{number}Code"] = a.code if a else None
        row[f"Actor{number}Name"] = a.name if a else None
        row[f"Actor{number}CountryCode"] = a.country if a else None
        row[f"Actor{number}Type1Code"] = a.sector if a else None
    row.update(
        {
            "IsRootEvent": int(e.field == "body" and e.sentence_index == 0),
            "EventCode": e.cameo,
            "EventBaseCode": e.cameo[:3] if e.cameo else None,
            "EventRootCode": e.cameo[:2] if e.cameo else None,
            "QuadClass": e.quad_class,
            "GoldsteinScale": e.score,
            "NumMentions": 1,
            "NumSources": 1,
            "NumArticles": 1,
            "ActionGeo_CountryCode": e.place,
            "SOURCEURL": (found.article.canonical_url or found.article.url) if found else None,
        }
    )
    return row


def polecat_row(stored: StoredEvent, article: ArticleLookup) -> Row:
    """POLECAT-style columns (PLOVER event, mode and contexts, actor and recipient)."""
    e = stored.event
    found = article(stored.article_id)
    src, tgt = e.source.actor if e.source else None, e.target.actor if e.target else None
    return {
        "Event ID": stored.id,
        "Event Date": e.date.date.isoformat() if e.date and e.date.date else None,
        "Event Type": e.type,
        "Event Mode": e.mode,
        "Event Intensity": e.score,
        "Contexts": ";".join(e.contexts),
        "Actor Name": src.name if src else None,
        "Actor Country": src.country if src else None,
        "Actor Sector": src.sector if src else None,
        "Recipient Name": tgt.name if tgt else None,
        "Recipient Country": tgt.country if tgt else None,
        "Recipient Sector": tgt.sector if tgt else None,
        "Country": e.place,
        "Story Date": (
            found.article.published.isoformat() if found and found.article.published else None
        ),
        "Headline": found.article.title if found else None,
        "Publisher": found.article.publisher if found else None,
        "Source URL": (found.article.canonical_url or found.article.url) if found else None,
        "Sentence": e.sentence,
    }


COLUMN_SETS = {"tieline": tieline_row, "gdelt": gdelt_row, "polecat": polecat_row}


def flatten(row: Row) -> Row:
    """Nested fields as flat columns (source.country → source_country), lists joined."""
    flat: Row = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for inner, item in value.items():
                flat[f"{key}_{inner}"] = ",".join(item) if isinstance(item, list) else item
        elif value is None and key in ("source", "target"):
            for inner in ("text", "name", "actor_id", "country", "sector", "members"):
                flat[f"{key}_{inner}"] = None
        elif isinstance(value, list):
            flat[key] = ",".join(str(v) for v in value)
        else:
            flat[key] = value
    return flat


def write_jsonl(rows: Iterable[Row], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[Row], out: TextIO) -> int:
    writer: csv.DictWriter[str] | None = None
    count = 0
    for row in rows:
        flat = flatten(row)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count


def write_parquet(rows: Iterable[Row], out: BinaryIO | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [flatten(row) for row in rows]
    pq.write_table(pa.Table.from_pylist(flat), out)
    return len(flat)
