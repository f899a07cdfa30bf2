"""Score article-body extraction against the gold sets in ``../shared/data``.

Two dataset formats are recognised by their files:

* the Scrapinghub article-extraction benchmark (``ground-truth.json`` + ``html/<id>.html.gz``):
  the benchmark's own metric, re-implemented from its description. Tokens are ``\\w+`` matches,
  shingles are token 4-grams; per document, true/false positives and negatives are counted over
  the shingle multisets; precision and recall are averaged over documents (an empty prediction
  for an empty gold scores 1) and F1 is computed from the two means.
* trafilatura's evaluation set (``evaldata_en.json`` or ``evaldata*.json`` + ``html/``): per
  page, "with" snippets that must appear and "without" snippets that must not, matched as
  substrings of the whitespace-normalised output; counts are summed over the corpus.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tieline.evaluation.common import f1, select_half

TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4  # the Scrapinghub benchmark's n-gram size

Extractor = Callable[[bytes, str | None], str]  # (page bytes, page URL) -> body text


class DatasetError(ValueError):
    """The path is not an extraction gold set we know how to read."""


@dataclass(frozen=True)
class GoldPage:
    """One page of a gold set, with either a gold body or must/must-not snippets."""

    key: str
    url: str | None
    path: Path
    body: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()

    def read(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


@dataclass(frozen=True)
class PageScore:
    key: str
    url: str | None
    precision: float
    recall: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def shingle_precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """One document's precision and recall over token 4-gram multisets."""
    pred, ref = shingles(predicted), shingles(gold)
    if not pred and not ref:
        return 1.0, 1.0
    tp = sum((pred & ref).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def load_gold(path: Path) -> tuple[str, list[GoldPage]]:
    """Recognise a gold set by its files; return its format name and its pages, sorted by key."""
    path = Path(path)
    if (path / "ground-truth.json").is_file():
        return "scrapinghub", _read(path / "ground-truth.json", _load_scrapinghub)
    candidates = [path] if path.is_file() else sorted(path.glob("evaldata*.json"))
    if candidates:
        # Prefer the English subset when a folder holds both files.
        chosen = next((c for c in candidates if c.name == "evaldata_en.json"), candidates[0])
        return "snippets", _read(chosen, _load_snippets)
    raise DatasetError(
        f"{path}: not an extraction gold set (expected ground-truth.json + html/, "
        "or evaldata*.json + html/)"
    )


def _read(file: Path, load: Callable[[Path], list[GoldPage]]) -> list[GoldPage]:
    """The pages `load` reads from `file`; a file that is not such a gold set, or a page it
    names that is missing, is a DatasetError saying so."""
    try:
        return load(file)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DatasetError(
            f"{file}: not a readable extraction gold set ({error!s:.200})"
        ) from error


def _load_scrapinghub(truth_file: Path) -> list[GoldPage]:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = [
        GoldPage(
            key=key,
            url=item.get("url"),
            path=truth_file.parent / "html" / f"{key}.html.gz",
            body=item.get("articleBody") or "",
        )
        for key, item in sorted(truth.items())
    ]
    missing = [page.path for page in pages if not page.path.is_file()]
    if missing:
        raise FileNotFoundError(f"{len(missing)} pages missing, such as {missing[0]}")
    return pages


def _load_snippets(file: Path) -> list[GoldPage]:
    entries = json.loads(file.read_text(encoding="utf-8"))
    html_dir = file.parent / "html"
    pages = []
    for url, item in sorted(entries.items()):
        page_path = html_dir / item["file"]
        if not page_path.exists():
            continue
        pages.append(
            GoldPage(
                key=item["file"],
                url=url,
                path=page_path,
                with_snippets=tuple(item.get("with", ())),
                without_snippets=tuple(item.get("without", ())),
            )
        )
    return pages


def score_scrapinghub(
    pages: list[GoldPage], extract: Extractor
) -> tuple[dict[str, float | int], list[PageScore]]:
    scores = []
    for page in pages:
        predicted = extract(page.read(), page.url)
        p, r = shingle_precision_recall(predicted, page.body or "")
        scores.append(PageScore(page.key, page.url, p, r))
    n = len(scores)
    precision = sum(s.precision for s in scores) / n if n else 0.0
    recall = sum(s.recall for s in scores) / n if n else 0.0
    metrics: dict[str, float | int] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1(precision, recall), 4),
        "n": n,
    }
    return metrics, scores


def _normalise_space(text: str) -> str:
    return " ".join(text.split())


def score_snippets(
    pages: list[GoldPage], extract: Extractor
) -> tuple[dict[str, float | int], list[PageScore]]:
    tp = fp = fn = tn = 0
    scores = []
    for page in pages:
        output = _normalise_space(extract(page.read(), page.url))
        found = [_normalise_space(s) in output for s in page.with_snippets]
        leaked = [_normalise_space(s) in output for s in page.without_snippets]
        page_tp, page_fp = sum(found), sum(leaked)
        tp += page_tp
        fn += len(found) - page_tp
        fp += page_fp
        tn += len(leaked) - page_fp
        scores.append(
            PageScore(
                page.key,
                page.url,
                1 - page_fp / len(leaked) if leaked else 1.0,
                page_tp / len(found) if found else 1.0,
            )
        )
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    metrics: dict[str, float | int] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1(precision, recall), 4),
        "accuracy": round((tp + tn) / total, 4) if total else 0.0,
        "n": len(pages),
    }
    return metrics, scores


def evaluate(
    path: Path, extract: Extractor, half: str | None = None
) -> tuple[dict[str, float | int], list[PageScore]]:
    """Score `extract` on the gold set at `path`; return the metrics and per-page scores."""
    kind, pages = load_gold(path)
    pages = select_half(pages, half)
    if kind == "scrapinghub":
        return score_scrapinghub(pages, extract)
    return score_snippets(pages, extract)


def iter_pages(path: Path) -> Iterator[GoldPage]:
    yield from load_gold(path)[1]
