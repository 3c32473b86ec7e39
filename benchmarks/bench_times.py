"""
Time `newsdump.times.resolve` against dateparser on realistic time strings,
side by side in one run, and score how many each reads correctly.

    python benchmarks/bench_times.py [--rounds N] [--passes N] [--show-misses]

It prints, in one run:

1. the hand-written strings of `time_strings.CASES` against dateparser
   (detecting the language, and limited to newsdump's seven tables);
2. accuracy by English category (`time_strings.CATEGORIES`), newsdump
   against dateparser;
3. accuracy by language on ages Babel renders from CLDR (every width, past
   and future), with the language given and with newsdump choosing it;
4. microseconds per string on the same English strings (the categories,
   and ages rendered by Babel, arrow, pendulum and humanize) for newsdump
   and for dateparser with ``languages=['en']``, one reused parser and
   ``RELATIVE_BASE`` set; and newsdump's English speed with every language
   loaded against English alone (two fresh processes, rounds interleaved).

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

from time_strings import (
    CASES,
    CATEGORIES,
    NOW,
    Case,
    Rendered,
    babel_rendered,
    english_rendered,
)

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


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument(
        "--passes",
        type=int,
        default=60,
        help="newsdump passes per round (about as long as dateparser's one pass)",
    )
    parser.add_argument("--show-misses", action="store_true")
    return parser.parse_args()


def main(args: argparse.Namespace) -> None:
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


def _english_parser() -> Callable[[str], dt.datetime | None]:
    """dateparser set up for speed: English only, one reused parser,
    ``RELATIVE_BASE`` set."""
    from dateparser.date import DateDataParser  # noqa: PLC0415 - optional

    settings = {
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
    }
    parser = DateDataParser(languages=["en"], settings=settings)

    def parse(text: str) -> dt.datetime | None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return parser.get_date_data(text).date_obj
            except Exception:  # dateparser raises on some inputs
                return None

    return parse


def _point_ok(case: Case, result: dt.datetime | None) -> bool:
    if case.nominal is None:
        return result is None
    if result is None:
        return False
    assert case.earliest is not None
    assert case.latest is not None
    if result.tzinfo is None:
        result = result.replace(tzinfo=dt.timezone.utc)
    return case.earliest <= result <= case.latest


def categories(show: bool) -> None:
    parse = _english_parser()
    print("\nEnglish by category (share correct)")
    print(f"{'category':28}{'strings':>8}{'newsdump':>10}{'dateparser':>12}")
    total = ours_n = theirs_n = 0
    for name, cases in CATEGORIES.items():
        ours_ok = [ours_correct(c, times.resolve(c.text, NOW)) for c in cases]
        theirs_ok = [_point_ok(c, parse(c.text)) for c in cases]
        total += len(cases)
        ours_n += sum(ours_ok)
        theirs_n += sum(theirs_ok)
        print(
            f"{name:28}{len(cases):8}{sum(ours_ok) / len(cases):10.0%}"
            f"{sum(theirs_ok) / len(cases):12.0%}"
        )
        if show:
            for case, ok in zip(cases, ours_ok, strict=True):
                if not ok:
                    print(f"    newsdump misses {case.text!r}")
    print(f"{'all':28}{total:8}{ours_n / total:10.1%}{theirs_n / total:12.1%}")


def _rendered_ok(item: Rendered, languages: list[str] | None) -> bool:
    stamp = times.resolve(item.text, NOW, habit="round", languages=languages)
    return stamp is not None and item.instant in stamp


def languages(show: bool) -> None:
    print(
        "\nAges rendered by Babel (CLDR), every width, past and future: share whose"
        "\ninterval holds the true instant (habit='round'), language given / chosen"
    )
    given_ok = 0
    rows = []
    for code in times.ALL_LANGUAGE_CODES:
        items = babel_rendered(code)
        given = sum(_rendered_ok(i, [code]) for i in items) / len(items)
        chosen = sum(_rendered_ok(i, None) for i in items) / len(items)
        given_ok += given >= 0.95
        rows.append(f"{code:>4} {given:7.1%} {chosen:7.1%}")
        if show:
            for item in items:
                if not _rendered_ok(item, [code]):
                    print(f"    {code} misses {item.text!r}")
    for i in range(0, len(rows), 4):
        print("   ".join(rows[i : i + 4]))
    print(f"{given_ok} of {len(rows)} languages at 95% or more with the language given")


def _rendered_case(item: Rendered) -> Case:
    unit = dt.timedelta(seconds=item.unit_seconds)
    return Case(item.text, "en", item.instant, item.instant - unit, item.instant + unit)


def english_speed(rounds: int, passes: int) -> None:
    rendered = english_rendered()
    by_source: dict[str, list[bool]] = {}
    for item in rendered:
        stamp = times.resolve(item.text, NOW)
        ok = stamp is not None and item.instant in stamp
        by_source.setdefault(item.source, []).append(ok)
    print("\nEnglish ages rendered by other libraries (interval holds the instant)")
    for source, oks in by_source.items():
        print(f"  {source:10}{len(oks):5} strings {sum(oks) / len(oks):8.1%}")
    texts = [c.text for cases in CATEGORIES.values() for c in cases]
    texts += [item.text for item in rendered]
    parse = _english_parser()

    def ours_all() -> None:
        for text in texts:
            times.resolve(text, NOW)

    def theirs_all() -> None:
        for text in texts:
            parse(text)

    ours_all()
    theirs_all()
    ours_s: list[float] = []
    theirs_s: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(passes):
            ours_all()
        ours_s.append((time.perf_counter() - start) / passes / len(texts) * 1e6)
        start = time.perf_counter()
        theirs_all()
        theirs_s.append((time.perf_counter() - start) / len(texts) * 1e6)
    ours_us, theirs_us = statistics.median(ours_s), statistics.median(theirs_s)
    # Each round's ratio compares two windows next to each other in time;
    # the machine's load changes less within a round than across rounds.
    ratios = sorted(t / o for o, t in zip(ours_s, theirs_s, strict=True))
    print(
        f"\nSpeed on the same {len(texts)} English strings (categories + rendered),"
        f" median of {rounds} rounds"
    )
    print(f"  newsdump.times.resolve            {ours_us:9.1f} us/string")
    print(f"  dateparser (en, reused parser)    {theirs_us:9.1f} us/string")
    print(
        f"  speed-up: {statistics.median(ratios):.0f}x (median of the rounds' ratios;"
        f" {ratios[0]:.0f}x to {ratios[-1]:.0f}x)"
    )
    dp_cases = [c for cases in CATEGORIES.values() for c in cases]
    dp_cases += [_rendered_case(i) for i in rendered]
    dp_ok = sum(_point_ok(c, parse(c.text)) for c in dp_cases) / len(dp_cases)
    print(
        f"  dateparser correct on them: {dp_ok:.1%} (within the category's interval,"
        " or one unit of a rendered age)"
    )


_CHILD = """
import sys, time
sys.path.insert(0, {bench!r})
from time_strings import CATEGORIES, NOW, english_rendered
from newsdump import times
texts = [c.text for cases in CATEGORIES.values() for c in cases]
texts += [i.text for i in english_rendered()]
if {load_all}:
    from newsdump._lang._expr import grammar_for
    for code in times.ALL_LANGUAGE_CODES:
        grammar_for(code)
        times.resolve("3", NOW, languages=[code])
for text in texts:
    times.resolve(text, NOW)
start = time.perf_counter()
for _ in range({passes}):
    for text in texts:
        times.resolve(text, NOW)
print((time.perf_counter() - start) / {passes} / len(texts) * 1e6)
"""


def loaded_speed(rounds: int, passes: int) -> None:
    import subprocess  # noqa: PLC0415 - only here

    bench = str(Path(__file__).resolve().parent)
    samples: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(rounds):
        for load_all in (False, True):
            code = _CHILD.format(bench=bench, load_all=load_all, passes=passes)
            out = subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", code],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            samples[load_all].append(float(out))
    alone = statistics.median(samples[False])
    loaded = statistics.median(samples[True])
    print(
        f"\nEnglish with all {len(times.ALL_LANGUAGE_CODES)} languages compiled:"
        f" {loaded:.1f} us/string against {alone:.1f} alone"
        f" ({loaded / alone - 1:+.0%}), median of {rounds} interleaved rounds"
    )


def main_all() -> None:
    args = _arguments()
    main(args)
    categories(args.show_misses)
    languages(args.show_misses)
    english_speed(args.rounds, args.passes)
    loaded_speed(args.rounds, args.passes)


if __name__ == "__main__":
    main_all()
