"""
Score newsdump on the WCXB development articles, side by side with
trafilatura and htmldate, in one run.

    python benchmarks/bench_wcxb.py [--limit N] [--only NAMES] [--worst K]
        [--pages-json FILE] [--data DIR] [--dates] [--failures]

Prints, per extractor: body F1, precision, recall (the benchmark's
bag-of-words metric, macro mean over pages), the with/without snippet
rates, title, author and date accuracy (date: right / none / wrong day
over the pages with a date truth), lost pages (recall below 0.2 where
trafilatura's is at least 0.8) and pages per CPU second.
`parse_text` is also scored on each page rendered to text, by
`newsdump.visible_text` and by html-text (an independent renderer).

``--dates`` runs the date and author finders alone (newsdump's metadata
reader, trafilatura's ``extract_metadata``, htmldate's ``find_date``) and
prints date right / none / wrong, author accuracy and seconds per page;
``--failures`` then lists newsdump's date and author misses.

Data: WCXB v1.0 development split, article pages, by Murrough Foley,
CC-BY-4.0 (see `_wcxb.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _wcxb import (
    DATA,
    BodyScore,
    Page,
    author_right,
    date_verdict,
    load,
    mean_body,
    score_body,
    title_right,
)

import newsdump


@attrs.frozen(kw_only=True)
class Answer:
    """What one extractor gave for one page."""

    body: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    day: str | None = None
    latest_day: str | None = None
    error: str | None = None


Extractor = Callable[[Page], Answer]


def _day(stamp: newsdump.Timestamp | None) -> str | None:
    return stamp.value.date().isoformat() if stamp is not None else None


def _page_day(
    published: newsdump.Timestamp | None, modified: newsdump.Timestamp | None
) -> str | None:
    """The page's date as htmldate gives it: the publication date, else the
    update date (a page that prints only "Updated ..." has no other)."""
    return _day(published or modified)


def ours(page: Page) -> Answer:
    article = newsdump.parse_html(page.html, url=page.url)
    return Answer(
        body="\n".join(article.paragraphs),
        title=article.title,
        authors=article.authors,
        day=_page_day(article.published, article.modified),
    )


def _text_mode(render: Callable[[str], str]) -> Extractor:
    def run(page: Page) -> Answer:
        article = newsdump.parse_text(render(page.html))
        return Answer(
            body="\n".join(article.paragraphs),
            title=article.title,
            authors=article.authors,
            day=_page_day(article.published, article.modified),
        )

    return run


def date_extractors() -> dict[str, Extractor]:
    """The date and author finders alone, by name (for ``--dates``)."""
    from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415

    from newsdump._html_meta import read_meta  # noqa: PLC0415 - the finder alone

    def ours_meta(page: Page) -> Answer:
        meta = read_meta(LexborHTMLParser(page.html), url=page.url)
        return Answer(
            authors=meta.authors,
            day=_page_day(meta.published, meta.modified),
            latest_day=_page_day(meta.modified, meta.published),
        )

    found: dict[str, Extractor] = {"newsdump": ours_meta}
    try:
        import trafilatura  # noqa: PLC0415 - optional: the benchmarks extra
    except ImportError:
        print("trafilatura is not installed: skipped")
    else:

        def trafi_meta(page: Page) -> Answer:
            doc = trafilatura.extract_metadata(page.html, default_url=page.url)
            author = doc.author or ""
            return Answer(
                authors=tuple(a.strip() for a in author.split(";") if a.strip()),
                day=doc.date,
            )

        found["trafilatura"] = trafi_meta
    hdate = _htmldate()
    if hdate is not None:
        found["htmldate"] = hdate
    return found


def _htmldate() -> Extractor | None:
    """htmldate's ``find_date`` (the original date), if it is installed."""
    try:
        import htmldate  # noqa: PLC0415 - optional: the benchmarks extra
    except ImportError:
        print("htmldate is not installed: skipped")
        return None

    def hdate(page: Page) -> Answer:
        return Answer(
            day=htmldate.find_date(page.html, url=page.url, original_date=True)
        )

    return hdate


def extractors() -> dict[str, Extractor]:
    """Every extractor that is installed, by name."""
    found: dict[str, Extractor] = {"newsdump": ours}
    try:
        import trafilatura  # noqa: PLC0415 - optional: the benchmarks extra
    except ImportError:
        print("trafilatura is not installed: skipped")
    else:

        def trafi(page: Page) -> Answer:
            raw = trafilatura.extract(
                page.html, url=page.url, with_metadata=True, output_format="json"
            )
            data = json.loads(raw) if raw else {}
            author = data.get("author") or ""
            return Answer(
                body=data.get("text") or "",
                title=data.get("title"),
                authors=tuple(a.strip() for a in author.split(";") if a.strip()),
                day=data.get("date"),
            )

        found["trafilatura"] = trafi
    hdate = _htmldate()
    if hdate is not None:
        found["htmldate"] = hdate
    found["parse_text(visible_text)"] = _text_mode(newsdump.visible_text)
    try:
        import html_text  # noqa: PLC0415 - optional: the benchmarks extra
    except ImportError:
        print("html-text is not installed: skipped")
    else:
        found["parse_text(html-text)"] = _text_mode(html_text.extract_text)
    return found


def run(
    jobs: dict[str, Extractor], pages: list[Page]
) -> dict[str, tuple[list[Answer], float]]:
    """Every extractor on page 1, then on page 2, ...: each meets the same load."""
    answers: dict[str, list[Answer]] = {name: [] for name in jobs}
    spent = dict.fromkeys(jobs, 0.0)
    for page in pages:
        for name, extract in jobs.items():
            start = time.process_time()
            try:
                answer = extract(page)
            except Exception as exc:
                answer = Answer(error=f"{type(exc).__name__}: {exc}")
            spent[name] += time.process_time() - start
            answers[name].append(answer)
    return {name: (answers[name], spent[name]) for name in jobs}


def _rate(flags: list[bool | None]) -> str:
    known = [flag for flag in flags if flag is not None]
    return f"{sum(known) / len(known):.3f}" if known else "  -  "


def _print_failures(answers: list[Answer], pages: list[Page]) -> None:
    """newsdump's date and author misses, one line each."""
    print("\nnewsdump's date misses (id, truth, found):")
    for answer, page in zip(answers, pages, strict=True):
        if date_verdict(answer.day, page) in {"none", "wrong"}:
            print(f"  {page.id}  {page.date}  {answer.day}  {page.url[:70]}")
    print("\nnewsdump's author misses (id, truth, found):")
    for answer, page in zip(answers, pages, strict=True):
        if author_right(answer.authors or (), page) is False:
            print(f"  {page.id}  {page.author!r}  {list(answer.authors or ())!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N pages")
    parser.add_argument("--only", default=None, help="comma-separated extractors")
    parser.add_argument("--worst", type=int, default=0, help="newsdump's K worst")
    parser.add_argument("--pages-json", type=Path, help="write per-page results")
    parser.add_argument("--dates", action="store_true", help="date/author finders")
    parser.add_argument("--failures", action="store_true", help="list date misses")
    args = parser.parse_args(argv)

    pages = load(args.data, args.limit)
    jobs = date_extractors() if args.dates else extractors()
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        jobs = {name: job for name, job in jobs.items() if name in wanted}
    results = run(jobs, pages)
    print(f"WCXB dev articles: {len(pages)} pages (WCXB v1.0, CC-BY-4.0)\n")
    header = (
        f"{'extractor':<26} {'F1':>5} {'P':>5} {'R':>5} {'with':>5} {'w/o':>5} "
        f"{'title':>5} {'auth':>5} {'date':>5} {'none':>5} {'wrong':>5} "
        f"{'lost':>4} {'pg/cpu-s':>8} {'ms/pg':>6}"
    )
    print(header)
    print("-" * len(header))
    trafi = results.get("trafilatura")
    trafi_scores = (
        [score_body(a.body or "", p) for a, p in zip(trafi[0], pages, strict=True)]
        if trafi
        else None
    )
    per_page: dict[str, list[dict[str, object]]] = {}
    for name, (answers, seconds) in results.items():
        has_body = any(a.body is not None for a in answers)
        scores: list[BodyScore] = [
            score_body(a.body or "", p) for a, p in zip(answers, pages, strict=True)
        ]
        verdicts = [date_verdict(a.day, p) for a, p in zip(answers, pages, strict=True)]
        dated = [v for v in verdicts if v is not None]
        titles = [
            title_right(a.title, p) if a.title is not None or has_body else None
            for a, p in zip(answers, pages, strict=True)
        ]
        authors = [
            author_right(a.authors, p) if a.authors is not None else None
            for a, p in zip(answers, pages, strict=True)
        ]
        lost = (
            sum(
                s.recall < 0.2 and t.recall >= 0.8
                for s, t in zip(scores, trafi_scores, strict=True)
            )
            if trafi_scores and has_body
            else 0
        )
        means = mean_body(scores)
        body_cols = (
            f"{means['f1']:5.3f} {means['precision']:5.3f} {means['recall']:5.3f} "
            f"{means['with']:5.3f} {means['without']:5.3f}"
            if has_body
            else f"{'-':>5} {'-':>5} {'-':>5} {'-':>5} {'-':>5}"
        )
        date_cols = " ".join(
            f"{sum(v == kind for v in dated) / len(dated):5.3f}"
            for kind in ("right", "none", "wrong")
        )
        print(
            f"{name:<26} {body_cols} {_rate(titles):>5} {_rate(authors):>5} "
            f"{date_cols} {lost if has_body else '-':>4} "
            f"{len(pages) / seconds if seconds else float('inf'):8.1f} "
            f"{1000 * seconds / len(pages):6.2f}"
        )
        errors = [a.error for a in answers if a.error]
        if errors:
            print(f"  {len(errors)} errors, first: {errors[0]}")
        per_page[name] = [
            {
                "id": p.id,
                "f1": s.f1 if has_body else None,
                "precision": s.precision if has_body else None,
                "recall": s.recall if has_body else None,
                "title": a.title,
                "authors": list(a.authors) if a.authors is not None else None,
                "day": a.day,
                "date": v,
                "error": a.error,
            }
            for a, p, s, v in zip(answers, pages, scores, verdicts, strict=True)
        ]
    if args.pages_json:
        args.pages_json.write_text(json.dumps(per_page, indent=1), encoding="utf-8")
    if args.dates and "newsdump" in results:
        latest = [
            date_verdict(a.latest_day, p)
            for a, p in zip(results["newsdump"][0], pages, strict=True)
        ]
        shares = " / ".join(
            f"{kind} {latest.count(kind) / sum(v is not None for v in latest):.3f}"
            for kind in ("right", "none", "wrong")
        )
        print(f"\nnewsdump, the update date where there is one: {shares}")
    if args.failures and "newsdump" in results:
        _print_failures(results["newsdump"][0], pages)
    if args.worst and "newsdump" in per_page:
        rows = sorted(per_page["newsdump"], key=lambda row: row["f1"] or 0.0)
        print(f"\nnewsdump's {args.worst} worst pages (F1, P, R):")
        for row in rows[: args.worst]:
            print(
                f"  {row['id']}  {row['f1']:.3f} {row['precision']:.3f} "
                f"{row['recall']:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
