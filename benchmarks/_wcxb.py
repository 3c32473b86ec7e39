"""
The WCXB development articles: loading, and the benchmark's metrics.

Data: `../shared/benchmarks/wcxb-dev-articles` (793 article pages of the
2025 web), from "WCXB: Web Content eXtraction Benchmark" v1.0 by Murrough
Foley, CC-BY-4.0. Only the development split is used; the test split is
reserved for independent evaluation.

Body metric (the benchmark's own, from its README): lower-cased runs of
word characters compared as bags of words per page; precision, recall and
F1 per page, then the plain mean over pages. Snippets: the share of a
page's `with` (and `without`) snippets found in the prediction,
case-insensitive, averaged over pages that have any.

Title, author and date checks are ours (the benchmark states none):

- title: the same lower-cased word sequence;
- author: the same set of lower-cased name words, once connectives ("and",
  "by") are dropped, over pages whose truth names an author;
- date: the day of the prediction (as printed by the page, in its own
  offset) equals the truth's `YYYY-MM-DD`; a `YYYY-MM` truth needs the same
  month. Every page with a date truth is exactly one of right, none or
  wrong.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

__all__ = [
    "DATA",
    "BodyScore",
    "Page",
    "author_right",
    "date_verdict",
    "load",
    "mean_body",
    "score_body",
    "title_right",
]

DATA = Path(__file__).resolve().parents[2] / "shared/benchmarks/wcxb-dev-articles"
_WORD = re.compile(r"\w+")
_CONNECTIVES = frozenset({"and", "by", "und", "et", "y", "e", "en"})


@attrs.frozen(kw_only=True)
class Page:
    """One page and its truth."""

    id: str
    url: str
    html: str
    title: str | None
    author: str | None
    date: str | None
    body: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


def load(data: Path = DATA, limit: int | None = None) -> list[Page]:
    """Every page with its truth, in id order."""
    pages = []
    with (data / "ground-truth.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    for row in sorted(rows, key=lambda row: row["id"])[:limit]:
        raw = gzip.decompress((data / "html" / f"{row['id']}.html.gz").read_bytes())
        pages.append(
            Page(
                id=row["id"],
                url=row["url"],
                html=raw.decode("utf-8", errors="replace"),
                title=row.get("title"),
                author=row.get("author"),
                date=row.get("publish_date"),
                body=row.get("main_content") or "",
                with_=tuple(row.get("with") or ()),
                without=tuple(row.get("without") or ()),
            )
        )
    return pages


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@attrs.frozen(kw_only=True)
class BodyScore:
    """One page's body score."""

    precision: float
    recall: float
    f1: float
    with_: float | None
    without: float | None


def score_body(predicted: str, page: Page) -> BodyScore:
    """The benchmark's bag-of-words score and snippet rates for one page."""
    pred, true = Counter(_words(predicted)), Counter(_words(page.body))
    n_pred, n_true = sum(pred.values()), sum(true.values())
    if n_true == 0:
        precision = recall = f1 = 1.0 if n_pred == 0 else 0.0
    elif n_pred == 0:
        precision = recall = f1 = 0.0
    else:
        shared = sum((pred & true).values())
        precision, recall = shared / n_pred, shared / n_true
        f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    low = predicted.lower()
    return BodyScore(
        precision=precision,
        recall=recall,
        f1=f1,
        with_=_share(page.with_, low),
        without=_share(page.without, low),
    )


def _share(snippets: Sequence[str], text: str) -> float | None:
    if not snippets:
        return None
    return sum(snippet.lower() in text for snippet in snippets) / len(snippets)


def mean_body(scores: Iterable[BodyScore]) -> dict[str, float]:
    """Macro means of a run's page scores."""
    rows = list(scores)
    withs = [s.with_ for s in rows if s.with_ is not None]
    withouts = [s.without for s in rows if s.without is not None]
    return {
        "f1": statistics.fmean(s.f1 for s in rows),
        "precision": statistics.fmean(s.precision for s in rows),
        "recall": statistics.fmean(s.recall for s in rows),
        "with": statistics.fmean(withs) if withs else float("nan"),
        "without": statistics.fmean(withouts) if withouts else float("nan"),
    }


def title_right(predicted: str | None, page: Page) -> bool | None:
    """Whether the title matches; None when the page has no title truth."""
    if not page.title:
        return None
    return _words(predicted or "") == _words(page.title)


def _name_words(names: Iterable[str]) -> frozenset[str]:
    return frozenset(
        word for name in names for word in _words(name) if word not in _CONNECTIVES
    )


def author_right(predicted: Sequence[str], page: Page) -> bool | None:
    """Whether the authors match; None when the page has no author truth."""
    if not page.author:
        return None
    return _name_words(predicted) == _name_words([page.author])


def date_verdict(predicted_day: str | None, page: Page) -> str | None:
    """ "right", "none" or "wrong"; None when the page has no date truth."""
    if not page.date:
        return None
    if not predicted_day:
        return "none"
    return "right" if predicted_day[: len(page.date)] == page.date else "wrong"
