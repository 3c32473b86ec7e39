"""
How parse time grows with pathological inputs.

For each input kind, the input is doubled several times; each size is
parsed REPEATS times and the median time is kept.
The printed ratio is median(2n) / median(n): about 2.0 means linear time,
about 4.0 quadratic.

Usage::

    python benchmarks/bench_scaling.py [--repeats 5] [--doublings 4] [--only text|html|guard]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable

import newsdump
from newsdump._limits import limit_depth

NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)

Make = Callable[[int], str]

TEXT_INPUTS: dict[str, tuple[Make, int]] = {
    "one huge line": (lambda n: "word " * n, 40_000),
    "many tiny lines": (lambda n: "a\n" * n, 2_000),
    "thousands of repeated headings": (lambda n: "Related Articles\n" * n, 1_000),
    "long run of one character": (lambda n: "x" * n, 200_000),
    "many 'ago' phrases": (lambda n: "DW\n3 hours ago\n- DW\nTitle\nBody.\n" * n, 300),
    "ages on one line": (lambda n: "3 hours ago " * n, 5_000),
    "NUL bytes": (lambda n: "\x00" * n, 100_000),
    "NUL lines": (lambda n: "\x00\n" * n, 2_000),
    "huge base64 line": (lambda n: "QUJD" * n, 100_000),
    "video notices": (
        lambda n: (
            "Title\n"
            + "To view this video please enable JavaScript, and consider upgrading "
            "to a web browser that supports HTML5 video " * n
        ),
        500,
    ),
}

HTML_INPUTS: dict[str, tuple[Make, int]] = {
    "deep nesting (<div>)": (lambda n: "<div>" * n + "x", 4_000),
    "deep nesting (<b><i>)": (lambda n: "<b><i>" * n + "x", 2_000),
    "re-opened formatting (<b id> then <p>)": (
        lambda n: "<p>" + "".join(f"<b id={i}>" for i in range(n)) + "<p>x" * n,
        2_000,
    ),
    "one huge text node": (lambda n: "<p>" + "word " * n + "</p>", 40_000),
    "many tiny paragraphs": (lambda n: "<p>a</p>" * n, 1_000),
    "thousands of repeated headings": (lambda n: "<h2>Related</h2>" * n, 500),
    "long run of one character": (lambda n: "<p>" + "x" * n, 200_000),
    "many 'ago' phrases": (
        lambda n: (
            "<ul>" + "<li><a href='/s'>Title</a> <time>3 hours ago</time></li>" * n
        ),
        300,
    ),
    "huge inline base64 blob": (
        lambda n: "<img src='data:image/png;base64," + "QUJD" * n + "'><p>x</p>",
        250_000,
    ),
    "NUL bytes": (lambda n: "<p>" + "\x00" * n, 100_000),
    "unclosed tags": (lambda n: "<p><span><a href=x>" * n, 500),
    "unterminated comment": (lambda n: "<p>x<!--" + "<div>" * n, 20_000),
}

GUARD_INPUTS: dict[str, tuple[Make, int]] = {
    "deep nesting (<div>)": (lambda n: "<div>" * n, 20_000),
    "many attributes": (lambda n: "<a" + " b='c'" * n + ">", 20_000),
    "unterminated quote": (lambda n: "<a b='" + "<div>" * n, 20_000),
    "many '<' characters": (lambda n: "<" * n, 100_000),
    "many comments": (lambda n: "<!---->" * n, 20_000),
    "many end tags": (lambda n: "<div>" * 500 + "</span>" * n, 20_000),
}


def median_time(func: Callable[[str], object], data: str, repeats: int) -> float:
    """The median wall time of *repeats* calls of *func* on *data*."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(
    label: str,
    func: Callable[[str], object],
    inputs: dict[str, tuple[Make, int]],
    repeats: int,
    doublings: int,
) -> None:
    """Print one table: time per size and the ratio per doubling."""
    print(f"\n## {label}")
    print(f"{'input':34} {'chars':>10} {'median ms':>10} {'ratio':>6}")
    for name, (make, n) in inputs.items():
        func(make(n))  # warm up
        previous = None
        ratios = []
        for step in range(doublings + 1):
            data = make(n * 2**step)
            seconds = median_time(func, data, repeats)
            ratio = "" if previous is None else f"{seconds / previous:.2f}"
            if previous is not None:
                ratios.append(seconds / previous)
            print(f"{name:34} {len(data):>10,} {seconds * 1000:>10.2f} {ratio:>6}")
            previous = seconds
        print(f"{name:34} {'median ratio':>10} {statistics.median(ratios):>17.2f}")


def main() -> None:
    """Run the tables selected on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--only", choices=["text", "html", "guard"])
    args = parser.parse_args()
    if args.only in {None, "text"}:
        run(
            "parse_text",
            lambda s: newsdump.parse_text(s, now=NOW),
            TEXT_INPUTS,
            args.repeats,
            args.doublings,
        )
    if args.only in {None, "html"}:
        run(
            "parse_html",
            lambda s: newsdump.parse_html(s, now=NOW),
            HTML_INPUTS,
            args.repeats,
            args.doublings,
        )
    if args.only in {None, "guard"}:
        run(
            "limit_depth (the pre-pass alone)",
            limit_depth,
            GUARD_INPUTS,
            args.repeats,
            args.doublings,
        )


if __name__ == "__main__":
    main()
