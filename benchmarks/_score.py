"""
The article-extraction benchmark's metric, implemented from its README.

Tokens are runs of word characters; texts are compared as multisets of
4-token shingles.
Precision is averaged over pages with at least one predicted shingle,
recall over pages with a non-empty truth, and F1 is the harmonic mean of
the two averages.
Accuracy is the share of pages whose token sequence equals the truth's.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

__all__ = ["PageScore", "Summary", "score_page", "shingles", "summarize", "tokens"]

_WORD = re.compile(r"\w+")
SHINGLE = 4
BOOTSTRAP_ROUNDS = 1000


def tokens(text: str) -> list[str]:
    """Every run of word characters, case kept."""
    return _WORD.findall(text)


def shingles(words: Sequence[str]) -> Counter[tuple[str, ...]]:
    """The multiset of *SHINGLE*-token windows; a short text is one shingle."""
    if not words:
        return Counter()
    if len(words) < SHINGLE:
        return Counter([tuple(words)])
    return Counter(
        tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)
    )


@attrs.frozen(kw_only=True)
class PageScore:
    """One page: precision/recall (None where undefined) and exact match."""

    precision: float | None
    recall: float | None
    exact: bool


def score_page(predicted: str, truth: str) -> PageScore:
    """Score one prediction against its ground truth."""
    pred_tokens, true_tokens = tokens(predicted), tokens(truth)
    pred, true = shingles(pred_tokens), shingles(true_tokens)
    overlap = sum((pred & true).values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    return PageScore(
        precision=overlap / n_pred if n_pred else None,
        recall=overlap / n_true if n_true else None,
        exact=pred_tokens == true_tokens,
    )


@attrs.frozen(kw_only=True)
class Summary:
    """Averages over pages, and the bootstrap spread of F1."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    f1_std: float


def _averages(scores: Sequence[PageScore]) -> tuple[float, float, float, float]:
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return precision, recall, f1, accuracy


def summarize(scores: Mapping[str, PageScore], *, seed: int = 0) -> Summary:
    """Average the page scores; F1 spread from bootstrap resamples."""
    values = list(scores.values())
    precision, recall, f1, accuracy = _averages(values)
    rng = random.Random(seed)
    f1s = [
        _averages(rng.choices(values, k=len(values)))[2]
        for _ in range(BOOTSTRAP_ROUNDS if values else 0)
    ]
    return Summary(
        precision=precision,
        recall=recall,
        f1=f1,
        accuracy=accuracy,
        f1_std=statistics.pstdev(f1s) if f1s else 0.0,
    )
