"""
Time `newsdump.times.resolve` against dateparser on realistic time strings,
side by side in one run, and score how many each reads correctly.

    python benchmarks/bench_times.py [--rounds N] [--passes N] [--show-misses]

Both read every string in `time_strings.CASES` at the same reference time.
newsdump is correct when the nominal instant lies in its interval and its
interval lies in the honest interval; dateparser is correct when its single
datetime lies in the honest interval.
For strings that hold no time, correct means returning nothing.
Prints microseconds per string (median over rounds; each round times
every resolver back to back so they share the machine's load), the speed
ratio and the share correct, for English and for all languages.
dateparser runs twice: detecting the language (its default) and limited to
newsdump's seven languages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from time_strings import CASES, NOW, Case

from newsdump import Timestamp, times

Resolver = Callable[[Case], object]


def ours(case: Case) -> object:
    return times.resolve(case.text, NOW)


def _dateparser(languages: list[str] | None) -> Resolver:
    try:
        import dateparser  # type: ignore[import-untyped]  # noqa: PLC0415 - optional benchmark dependency
    except ImportError:
        sys.exit("dateparser is missing: pip install 'newsdump[benchmarks]'")
    settings = {
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
    }

    def parse(case: Case) -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return dateparser.parse(case.text, languages=languages, settings=settings)

    return parse


def ours_correct(case: Case, result: object) -> bool:
    if case.nominal is None:
        return result is None
    if not isinstance(result, Timestamp):
        return False
    assert case.earliest is not None
    assert case.latest is not None
    return (
        case.nominal in result
        and case.earliest <= result.earliest
        and result.latest <= case.latest
    )


def dateparser_correct(case: Case, result: object) -> bool:
    if case.nominal is None:
        return result is None
    if not isinstance(result, dt.datetime):
        return False
    assert case.earliest is not None
    assert case.latest is not None
    if result.tzinfo is None:
        result = result.replace(tzinfo=dt.timezone.utc)
    return case.earliest <= result <= case.latest


def pass_us(resolve: Resolver, passes: int) -> float:
    """Mean time per string over *passes* passes, in microseconds."""
    start = time.perf_counter()
    for _ in range(passes):
        for case in CASES:
            resolve(case)
    return (time.perf_counter() - start) / (passes * len(CASES)) * 1e6


def interleaved_us(
    resolvers: list[Resolver], passes: list[int], rounds: int
) -> list[float]:
    """Median over rounds of each resolver's time per string; every round
    times all resolvers back to back, so they share the machine's load."""
    for resolve in resolvers:  # warm up caches and lazy imports
        pass_us(resolve, 1)
    samples: list[list[float]] = [[] for _ in resolvers]
    for _ in range(rounds):
        for i, resolve in enumerate(resolvers):
            samples[i].append(pass_us(resolve, passes[i]))
    return [statistics.median(s) for s in samples]


def share(
    resolve: Resolver, judge: Callable[[Case, object], bool], lang: str | None
) -> tuple[float, list[tuple[Case, object]]]:
    cases = [c for c in CASES if lang is None or c.lang == lang]
    misses = []
    for case in cases:
        result = resolve(case)
        if not judge(case, result):
            misses.append((case, result))
    return 1 - len(misses) / len(cases), misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--passes", type=int, default=20, help="newsdump passes per round"
    )
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    detect = _dateparser(None)
    seven = _dateparser(list(times.LANGUAGE_CODES))

    english = sum(c.lang == "en" for c in CASES)
    print(f"{len(CASES)} strings ({english} English), reference {NOW.isoformat()}")
    ours_us, detect_us, seven_us = interleaved_us(
        [ours, detect, seven], [args.passes, 1, 1], args.rounds
    )
    print(f"{'':34}{'us/string':>12}{'EN correct':>12}{'all correct':>13}")
    rows = [
        ("newsdump.times", ours, ours_correct, ours_us),
        ("dateparser (detect language)", detect, dateparser_correct, detect_us),
        ("dateparser (our 7 languages)", seven, dateparser_correct, seven_us),
    ]
    all_misses = {}
    for name, resolve, judge, us in rows:
        en_share, _ = share(resolve, judge, "en")
        all_share, misses = share(resolve, judge, None)
        all_misses[name] = misses
        print(f"{name:34}{us:12.1f}{en_share:12.1%}{all_share:13.1%}")
    for name, us in (("detect language", detect_us), ("our 7 languages", seven_us)):
        print(f"speed-up over dateparser ({name}): {us / ours_us:.0f}x")
    if args.show_misses:
        for name, misses in all_misses.items():
            print(f"\n{name} misses ({len(misses)}):")
            for case, result in misses:
                print(f"  {case.text!r:45} -> {result!r}")


if __name__ == "__main__":
    main()
