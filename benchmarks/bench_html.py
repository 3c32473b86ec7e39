"""
Score `newsdump.parse_html` on the article-extraction benchmark, side by side
with trafilatura, resiliparse and the bare selectolax parse, in one run.

    python benchmarks/bench_html.py [--limit N] [--worst K] [--page ID]
        [--data DIR] [--only NAMES] [--stages]

Prints F1, precision, recall, accuracy (exact token match), F1 spread over
bootstrap resamples, pages/s (one process) and time relative to the bare
selectolax parse.
Also scores `newsdump.parse_text` on the same pages rendered to plain text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _score import PageScore, score_page, shingles, summarize, tokens

import newsdump

DATA = Path(__file__).resolve().parents[2] / "shared/benchmarks/article-extraction"
BLOCK_TAGS = (
    "p, div, section, article, main, header, footer, nav, aside, h1, h2, h3, "
    "h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre, table, tr, td, th, "
    "figure, figcaption, form, address, br, hr"
)
NOT_TEXT = ["script", "style", "noscript", "template", "svg", "iframe", "head"]

Extractor = Callable[[str], str]


def load(data: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, truth) for every page, in id order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((data / "html").glob("*.html.gz"))[:limit]:
        page_id = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        entry = truth[page_id]
        pages.append((page_id, entry["url"], html, entry["articleBody"]))
    return pages


def render_text(html: str) -> str:
    """The page as a text dump: block-level elements on their own lines."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(NOT_TEXT)
    for node in tree.css(BLOCK_TAGS):
        node.insert_before("\n")
        node.insert_after("\n")
    body = tree.body or tree.root
    if body is None:
        return ""
    lines = (" ".join(line.split()) for line in body.text(deep=True).splitlines())
    return "\n".join(line for line in lines if line)


def bare(html: str) -> str:
    """The floor: parse, take the body's text."""
    tree = LexborHTMLParser(html)
    body = tree.body
    return body.text(separator="\n") if body is not None else ""


def ours(html: str) -> str:
    """newsdump.parse_html, paragraphs joined with newlines (no title)."""
    return "\n".join(newsdump.parse_html(html).paragraphs)


def ours_text(text: str) -> str:
    """newsdump.parse_text on the rendered dump."""
    return "\n".join(newsdump.parse_text(text).paragraphs)


def extractors() -> dict[str, Extractor]:
    """Every extractor that is installed, by name."""
    found: dict[str, Extractor] = {"newsdump": ours}
    try:
        import trafilatura  # noqa: PLC0415 - optional: the benchmarks extra
    except ImportError:
        print("trafilatura is not installed: skipped")
    else:

        def trafi(html: str) -> str:
            return trafilatura.extract(html) or ""

        found["trafilatura"] = trafi
    try:
        from resiliparse.extract.html2text import (  # noqa: PLC0415 - optional
            extract_plain_text,
        )
    except ImportError:
        print("resiliparse is not installed: skipped")
    else:

        def resili(html: str) -> str:
            return extract_plain_text(html, main_content=True)

        found["resiliparse"] = resili
    found["bare selectolax"] = bare
    return found


def run_interleaved(
    jobs: dict[str, tuple[Extractor, list[str]]], count: int
) -> dict[str, tuple[list[str], float, list[str | None]]]:
    """
    Run every extractor on page 1, then every extractor on page 2, ...:
    the machine's load changes over a run, and this way every extractor
    meets the same load, so their time ratios hold.
    """
    out: dict[str, tuple[list[str], float, list[str | None]]] = {
        name: ([], 0.0, []) for name in jobs
    }
    spent = dict.fromkeys(jobs, 0.0)
    for index in range(count):
        for name, (extract, inputs) in jobs.items():
            start = time.perf_counter()
            try:
                text = extract(inputs[index])
                error = None
            except Exception as exc:
                text, error = "", f"{type(exc).__name__}: {exc}"
            spent[name] += time.perf_counter() - start
            out[name][0].append(text)
            out[name][2].append(error)
    return {
        name: (preds, spent[name], errors) for name, (preds, _, errors) in out.items()
    }


def diff(predicted: str, truth: str, width: int = 300) -> tuple[str, str]:
    """Text that was predicted but is not true, and true text that was lost."""
    pred_tokens, true_tokens = tokens(predicted), tokens(truth)
    pred, true = shingles(pred_tokens), shingles(true_tokens)
    extra, lost = pred - true, true - pred
    return _spans(pred_tokens, extra, width), _spans(true_tokens, lost, width)


def _spans(words: list[str], wanted: Counter[tuple[str, ...]], width: int) -> str:
    marks = []
    for i in range(len(words) - 3):
        key = tuple(words[i : i + 4])
        if wanted[key] > 0:
            wanted[key] -= 1
            marks.append(i)
    text, last = [], -10
    for i in marks:
        if i > last + 1:
            text.append(" … ")
        text.append(words[i] + " ")
        last = i
    joined = "".join(text)
    return joined[:width] + ("…" if len(joined) > width else "")


def stages(htmls: list[str]) -> None:
    """
    Print where parse_html spends its time, stage by stage, in ms/page.

    CPU time of this process, so that other work on a shared machine does
    not blur the split.
    """
    from _stages import run_stages  # noqa: PLC0415 - only this report needs it

    spent: dict[str, float] = {}
    for html in htmls:
        at = time.process_time()
        for name in run_stages(html):
            now = time.process_time()
            spent[name] = spent.get(name, 0.0) + now - at
            at = now
    total = sum(spent.values())
    print("\nparse_html stages (CPU ms/page):")
    for name, seconds in spent.items():
        print(
            f"  {name:<28} {seconds / len(htmls) * 1000:6.2f}  {seconds / total:5.1%}"
        )
    print(f"  {'total':<28} {total / len(htmls) * 1000:6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N pages")
    parser.add_argument(
        "--worst", type=int, default=0, help="print newsdump's K worst pages"
    )
    parser.add_argument("--page", default=None, help="show one page by id prefix")
    parser.add_argument(
        "--only", default=None, help="comma-separated extractor names to run"
    )
    parser.add_argument(
        "--stages", action="store_true", help="print parse_html's time per stage"
    )
    args = parser.parse_args(argv)
    pages = load(args.data, args.limit)
    htmls = [p[2] for p in pages]
    truths = [p[3] for p in pages]
    print(f"{len(pages)} pages from {args.data}")

    chosen = extractors()
    if args.only:
        names = set(args.only.split(","))
        chosen = {k: v for k, v in chosen.items() if k in names or k == "newsdump"}
        chosen.setdefault("bare selectolax", bare)
    texts = [render_text(h) for h in htmls]
    jobs: dict[str, tuple[Extractor, list[str]]] = {
        name: (extract, htmls) for name, extract in chosen.items()
    }
    jobs["newsdump parse_text (rendered)"] = (ours_text, texts)
    results = run_interleaved(jobs, len(pages))
    rows = []
    predictions: dict[str, list[str]] = {}
    for name, (preds, spent, errors) in results.items():
        failed = [e for e in errors if e]
        if failed:
            print(f"{name}: {len(failed)} pages failed, first: {failed[0]}")
        predictions[name] = preds
        scores = {
            p[0]: score_page(pr, t)
            for p, pr, t in zip(pages, preds, truths, strict=True)
        }
        rows.append((name, summarize(scores), len(pages) / spent, spent))

    floor = next(r[3] for r in rows if r[0] == "bare selectolax")
    print()
    print(
        f"| {'extractor':<32} | F1    | prec  | recall | acc   | F1 std | pages/s | time vs bare |"
    )
    print(
        f"|{'-' * 34}|-------|-------|--------|-------|--------|---------|--------------|"
    )
    for name, s, rate, spent in rows:
        print(
            f"| {name:<32} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f}  | "
            f"{s.accuracy:.3f} | {s.f1_std:.3f}  | {rate:7.0f} | {spent / floor:11.1f}x |"
        )
    if "trafilatura" in chosen:
        ours_rate = next(r[2] for r in rows if r[0] == "newsdump")
        trafi_rate = next(r[2] for r in rows if r[0] == "trafilatura")
        print(f"\nnewsdump throughput vs trafilatura: {ours_rate / trafi_rate:.1f}x")

    if args.stages:
        stages(htmls)

    if args.worst:
        scored: list[tuple[float, str, str, PageScore, str, str]] = []
        for (page_id, url, _html, truth), pred in zip(
            pages, predictions["newsdump"], strict=True
        ):
            s = score_page(pred, truth)
            p, r = s.precision or 0.0, s.recall or 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            scored.append((f1, page_id, url, s, pred, truth))
        scored.sort(key=lambda x: x[0])
        print(f"\n{args.worst} worst pages for newsdump:")
        for f1, page_id, url, s, pred, truth in scored[: args.worst]:
            extra, lost = diff(pred, truth)
            print(f"\n{page_id[:12]} F1={f1:.3f} P={s.precision} R={s.recall} {url}")
            print(f"  added: {extra[:300]}")
            print(f"  lost : {lost[:300]}")
    if args.page:
        for (page_id, url, html, truth), pred in zip(
            pages, predictions["newsdump"], strict=True
        ):
            if page_id.startswith(args.page):
                print(f"\n{url}\n--- predicted ---\n{pred}\n--- truth ---\n{truth}")
                article = newsdump.parse_html(html)
                print("--- removed ---")
                for r in article.removed:
                    print(f"  [{r.filter}/{r.reason} {r.detail}] {r.text[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
