"""
Speed of `newsdump.parse_text`, next to the cost of only splitting the same
text into lines.

    python benchmarks/bench_text.py [--repeats N] [--corpus N] [--seed N] [--breakdown]

Prints dumps per second and MB per second (UTF-8 input) for:

- the sample dump (tests/fixtures/aggregator-page.txt), parsed over and over;
- a synthetic corpus of many dumps generated here (varying paragraphs,
  captions, furniture, related items, video notices and doubled spans).

Each figure is the best of many short rounds of CPU time (`time.process_time`)
on one core, so other work on a shared machine disturbs it less; the last
column is the ratio of parse time to ``str.splitlines`` time on the same
text, measured in the same rounds.
The target is at least 2,000 sample-size dumps per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable
from pathlib import Path

import newsdump
from newsdump import filters

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "aggregator-page.txt"
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)

WORDS = [
    "the",
    "council",
    "said",
    "on",
    "monday",
    "that",
    "talks",
    "with",
    "the",
    "union",
    "would",
    "resume",
    "after",
    "a",
    "week",
    "of",
    "strikes",
    "over",
    "pay",
    "and",
    "pensions",
    "while",
    "ministers",
    "met",
    "in",
    "the",
    "capital",
    "to",
    "discuss",
    "tariffs",
    "on",
    "steel",
    "copper",
    "and",
    "grain",
    "imports",
    "from",
    "the",
    "region",
    "and",
    "analysts",
    "warned",
    "that",
    "markets",
    "could",
    "fall",
    "further",
    "if",
    "no",
    "deal",
    "was",
    "reached",
]
SOURCES = ("City Post", "Valley Times", "DW", "The Bay Herald")
AGES = ("12 minutes ago", "an hour ago", "3 hours ago", "yesterday", "2 days ago")
FURNITURE = ("Hashtags", "Share this article", "Comments", "No comments yet...")
NOTICE = (
    "To view this video please enable JavaScript, and consider upgrading to a "
    "web browser that supports HTML5 video"
)


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 24))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


def body(rng: random.Random) -> str:
    text = " ".join(paragraph(rng) for _ in range(rng.randint(2, 12)))
    if rng.random() < 0.3:
        text += f" {NOTICE} {paragraph(rng)}"
    if rng.random() < 0.2:
        words = text.split()
        at = rng.randrange(len(words) - 12)
        span = " ".join(words[at : at + rng.randint(8, 12)])
        text = " ".join(words[:at]) + f" {span} {span} " + " ".join(words[at + 12 :])
    if rng.random() < 0.4:
        text += f" {sentence(rng).rstrip('.')} {rng.choice(('AFP', 'Reuters'))}"
    return text


def dump(rng: random.Random) -> str:
    """One synthetic dump laid out like the aggregator sample."""
    title = " ".join(rng.choices(WORDS, k=rng.randint(5, 10))).title()
    lines = ["", title, paragraph(rng)]
    lines += [paragraph(rng) for _ in range(rng.randint(3, 25))]
    if rng.random() < 0.6:
        lines[-1] += (
            f" {sentence(rng).rstrip('.')} {rng.choice(('AFP', 'Getty Images'))}"
        )
    lines += rng.sample(FURNITURE, rng.randint(0, len(FURNITURE)))
    items = rng.randint(0, 4)
    if items:
        lines.append("Related Articles")
        for _ in range(items):
            source = rng.choice(SOURCES)
            heading = " ".join(rng.choices(WORDS, k=rng.randint(5, 10))).title()
            if rng.random() < 0.3:
                heading += f" – {source} – 07/13/2025"
            lines += [
                "",
                "",
                source,
                rng.choice(AGES),
                f"- {source}",
                heading,
                body(rng),
            ]
    return "\n".join(lines) + "\n"


def best_seconds(work: Callable[[], object], repeats: int) -> float:
    """The fastest of *repeats* runs of *work*, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def report(label: str, texts: list[str], rounds: int, repeats: int) -> float:
    """Time parse_text and splitlines on *texts*; print one row."""
    size = sum(len(t.encode()) for t in texts) * rounds

    def parse_all() -> None:
        for _ in range(rounds):
            for text in texts:
                newsdump.parse_text(text, now=NOW)

    def split_all() -> None:
        for _ in range(rounds):
            for text in texts:
                text.splitlines()

    parse = split = float("inf")
    for _ in range(repeats):  # interleaved, so both see the same load
        parse = min(parse, best_seconds(parse_all, 1))
        split = min(split, best_seconds(split_all, 1))
    count = len(texts) * rounds
    print(
        f"{label:<28} {count / parse:>10,.0f} {size / parse / 1e6:>8.2f} "
        f"{count / split:>12,.0f} {size / split / 1e6:>9.1f} {parse / split:>8.0f}x"
    )
    return count / parse


def breakdown(sample: str, repeats: int) -> None:
    """Print what each default filter costs on the sample (leave one out)."""
    chains: dict[str, tuple[filters.Filter, ...]] = {
        "default chain": filters.DEFAULT_FILTERS,
        "no filters": (),
    }
    for flt in filters.TEXT_FILTERS:
        name = filters.filter_name(flt)
        chains[f"without {name}"] = filters.without(filters.DEFAULT_FILTERS, name)
    best = dict.fromkeys(chains, float("inf"))
    rounds = 20
    for _ in range(repeats):  # interleaved, so all see the same load
        for label, chain in chains.items():

            def work(chain: tuple[filters.Filter, ...] = chain) -> None:
                for _ in range(rounds):
                    newsdump.parse_text(sample, now=NOW, filters=chain)

            best[label] = min(best[label], best_seconds(work, 1) / rounds)
    full = best["default chain"]
    print()
    print("sample, CPU time per parse (best of the rounds, same run):")
    print(f"  {'chain':<30} {'us/parse':>9} {'dumps/s':>9} {'filter costs':>13}")
    for label, seconds in best.items():
        share = ""
        if label.startswith("without "):
            share = f"{(full - seconds) / full:>12.0%}"
        print(f"  {label:<30} {seconds * 1e6:>9.0f} {1 / seconds:>9,.0f} {share:>13}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=20, help="rounds; best is kept")
    parser.add_argument("--corpus", type=int, default=300, help="synthetic dumps")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also print what each text filter costs on the sample",
    )
    args = parser.parse_args()

    sample = SAMPLE.read_text(encoding="utf-8")
    rng = random.Random(args.seed)
    corpus = [dump(rng) for _ in range(args.corpus)]
    mean = sum(len(t.encode()) for t in corpus) / len(corpus)
    newsdump.parse_text(sample, now=NOW)  # warm up imports and caches

    print(
        f"sample: {len(sample.encode()):,} bytes; corpus: {len(corpus)} dumps, mean {mean:,.0f} bytes"
    )
    print(
        f"{'input':<28} {'dumps/s':>10} {'MB/s':>8} {'split dumps/s':>12} {'split MB/s':>9} {'ratio':>9}"
    )
    rate = report("sample (parse_text)", [sample], 40, args.repeats)
    report("synthetic corpus", corpus, 1, max(3, args.repeats // 4))
    verdict = "meets" if rate >= 2000 else "misses"
    print(
        f"target: >= 2,000 sample-size dumps/s on one core: {verdict} ({rate:,.0f}/s)"
    )
    if args.breakdown:
        breakdown(sample, max(3, args.repeats // 2))


if __name__ == "__main__":
    main()
