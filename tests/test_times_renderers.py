"""
Ages rendered by libraries that are not newsdump, read back by
`newsdump.times.resolve`: the interval must hold the instant the library
was asked to print.

- Babel's ``format_timedelta`` (Unicode CLDR) in every table language,
  every width, past and future; Babel rounds, so ``habit="round"``.
- arrow's ``humanize`` and pendulum's ``diff_for_humans`` in their locales;
  arrow floors most ages but prints "an hour" from 45 minutes, pendulum
  prints 11 days as "2 weeks", so the default habit ("either").
- humanize's ``naturaltime`` for English.

The reference time is Sunday 2025-07-13 18:00 UTC, except for pendulum,
which renders against the clock.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import times
from tests.test_times_cldr import NAMED

babel_dates = pytest.importorskip("babel.dates")
arrow = pytest.importorskip("arrow")
pendulum = pytest.importorskip("pendulum")
humanize = pytest.importorskip("humanize")

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)
# From seconds to years, across every unit and Babel's rounding thresholds.
AGES = (5, 59, 150, 2000, 5400, 36000, 72000, 172800, 604800, 950400, 2592000)
AGES += (7776000, 31536000, 63072000, 157680000)
WIDTHS = ("long", "short", "narrow")
REQUIRED = list(NAMED)


def _holds(text: str, instant: dt.datetime, **kwargs: object) -> bool:
    stamp = times.resolve(
        text, NOW if "now" not in kwargs else kwargs.pop("now"), **kwargs
    )  # type: ignore[arg-type]
    return stamp is not None and stamp.earliest <= instant <= stamp.latest


def _babel_share(code: str, languages: list[str] | None) -> float:
    good = total = 0
    for seconds in AGES:
        for sign in (-1, 1):
            delta = dt.timedelta(seconds=sign * seconds)
            for width in WIDTHS:
                text = babel_dates.format_timedelta(
                    delta, add_direction=True, format=width, locale=code
                )
                total += 1
                good += _holds(text, NOW + delta, habit="round", languages=languages)
    return good / total


def test_enough_languages() -> None:
    assert len(times.ALL_LANGUAGE_CODES) >= 40
    assert set(REQUIRED) <= set(times.ALL_LANGUAGE_CODES)


@pytest.mark.parametrize("code", times.ALL_LANGUAGE_CODES)
def test_babel_ages_with_the_language_given(code: str) -> None:
    assert _babel_share(code, [code]) >= 0.95


@pytest.mark.parametrize("code", [*REQUIRED, "en", "de", "fr", "es", "ru", "uk"])
def test_babel_ages_with_the_language_chosen(code: str) -> None:
    """Without `languages`, the script and the words choose the table."""
    assert _babel_share(code, None) >= 0.95


@settings(max_examples=60, deadline=None)
@given(
    seconds=st.integers(min_value=1, max_value=20 * 365 * 86400),
    sign=st.sampled_from((-1, 1)),
    width=st.sampled_from(WIDTHS),
    code=st.sampled_from(times.ALL_LANGUAGE_CODES),
)
def test_any_babel_age_holds_its_instant_under_round(
    seconds: int, sign: int, width: str, code: str
) -> None:
    delta = dt.timedelta(seconds=sign * seconds)
    text = babel_dates.format_timedelta(
        delta, add_direction=True, format=width, locale=code
    )
    assert _holds(text, NOW + delta, habit="round", languages=[code]), text


# arrow locales whose phrasing follows CLDR closely enough; the others
# (arrow's own words for "one", or word orders CLDR does not print) are
# measured by benchmarks/bench_times.py.
ARROW = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "zh",
    "ru",
    "pl",
    "tr",
    "id",
    "vi",
    "th",
    "uk",
    "cs",
    "sk",
    "lv",
    "lt",
    "hr",
    "sl",
    "kk",
    "az",
]


@pytest.mark.parametrize("code", ARROW)
def test_arrow_humanize(code: str) -> None:
    misses = []
    ages = (*AGES, 90, 600, 3600, 14400, 86400, 259200, 1209600, 5184000)
    for seconds in ages:
        for sign in (-1, 1):
            instant = NOW + dt.timedelta(seconds=sign * seconds)
            try:
                text = arrow.get(instant).humanize(NOW, locale=code)
            except ValueError:  # arrow lacks some units in some locales
                continue
            if not _holds(text, instant, languages=[code]):
                misses.append(text)
    # "now" ("just now", "сейчас") ends at the reference time, but arrow
    # prints it for 5 seconds to come too.
    assert len(misses) <= 0.1 * 2 * len(ages), misses


# nb is left out: CLDR counts Norwegian days in "døgn", pendulum in "dager".
PENDULUM = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "nl",
    "ru",
    "pl",
    "tr",
    "ja",
    "zh",
    "ko",
    "id",
    "he",
    "fa",
    "sv",
    "da",
    "cs",
    "uk",
    "lt",
    "sk",
]


@pytest.mark.parametrize("code", PENDULUM)
def test_pendulum_diff_for_humans(code: str) -> None:
    misses = []
    for seconds in (150, 2000, 5400, 36000, 172800, 950400, 7776000, 63072000):
        for sign in (-1, 1):
            now = pendulum.now("UTC")
            then = now.add(seconds=sign * seconds)
            text = then.diff_for_humans(locale=code)
            if not _holds(text, then, now=now, languages=[code]):
                misses.append(text)
    assert not misses


@pytest.mark.parametrize("seconds", [*AGES, 90, 600, 3600, 86400, 43200000])
@pytest.mark.parametrize("sign", [-1, 1])
def test_humanize_naturaltime(seconds: int, sign: int) -> None:
    # naturaltime reads a positive timedelta as an age.
    text = humanize.naturaltime(dt.timedelta(seconds=-sign * seconds))
    assert _holds(text, NOW + dt.timedelta(seconds=sign * seconds)), text


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """*n* (1 to 99) in English words, as people write it."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")


@settings(max_examples=60, deadline=None)
@given(
    amount=st.floats(min_value=0.1, max_value=99.0),
    unit=st.sampled_from(("minute", "hour", "day", "week")),
    habit=st.sampled_from(("floor", "round")),
    comma=st.booleans(),
)
def test_decimal_ages_hold_under_their_habit(
    amount: float, unit: str, habit: str, comma: bool
) -> None:
    tenths = math.floor(amount * 10) if habit == "floor" else round(amount * 10)
    if tenths == 0:
        return
    number = f"{tenths // 10}.{tenths % 10}"
    text = f"{number.replace('.', ',') if comma else number} {unit}s ago"
    instant = NOW - amount * dt.timedelta(seconds=UNITS[unit])
    stamp = times.resolve(text, NOW, habit=habit)  # type: ignore[arg-type]
    assert stamp is not None, text
    assert stamp.earliest <= instant <= stamp.latest, text


# Our own renderer of every English form, floored and rounded; amounts
# under 100 are spelled out in words where the form has a space.
UNITS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
}
FORMS = (
    "{n} {u}s ago",
    "{n}{c} ago",
    "{n} {u}s before",
    "in {n} {u}s",
    "{n} {u}s from now",
    "{n} {u}s later",
    "now - {n} {u}s",
    "+{n} {u}s",
)
FUTURE = ("in ", "from now", "later", "+")


@settings(max_examples=80, deadline=None)
@given(
    amount=st.floats(min_value=1.0, max_value=500.0),
    unit=st.sampled_from(sorted(UNITS)),
    form=st.sampled_from(FORMS),
    habit=st.sampled_from(("floor", "round")),
)
def test_rendered_english_holds_under_its_habit(
    amount: float, unit: str, form: str, habit: str
) -> None:
    n = math.floor(amount) if habit == "floor" else max(1, round(amount))
    text = form.format(n=n, u=unit, c=unit[0])
    if n < 100 and "{n} {u}s" in form:
        text = text.replace(str(n), _words(n), 1)
    sign = 1 if any(word in form for word in FUTURE) else -1
    instant = NOW + sign * amount * dt.timedelta(seconds=UNITS[unit])
    stamp = times.resolve(text, NOW, habit=habit)  # type: ignore[arg-type]
    assert stamp is not None, text
    assert stamp.earliest <= instant <= stamp.latest, text


@settings(max_examples=60, deadline=None)
@given(
    amount=st.floats(min_value=0.5, max_value=30.0),
    unit=st.sampled_from(("minute", "hour", "day", "week")),
    habit=st.sampled_from(("floor", "round")),
    future=st.booleans(),
)
def test_half_units_hold_under_their_habit(
    amount: float, unit: str, habit: str, future: bool
) -> None:
    """Ages in halves ("an hour and a half", "half a day", "3 and a half
    days") from a renderer that floors or rounds to the half."""
    halves = math.floor(amount * 2) if habit == "floor" else max(1, round(amount * 2))
    whole, half = divmod(halves, 2)
    article = "an" if unit == "hour" else "a"
    if whole == 0:
        phrase = f"half {article} {unit}"
    elif not half:
        phrase = f"{whole} {unit}s"
    elif whole == 1:
        phrase = f"{article} {unit} and a half"
    else:
        phrase = f"{whole} and a half {unit}s"
    text = f"in {phrase}" if future else f"{phrase} ago"
    sign = 1 if future else -1
    instant = NOW + sign * amount * dt.timedelta(seconds=UNITS[unit])
    stamp = times.resolve(text, NOW, habit=habit)  # type: ignore[arg-type]
    assert stamp is not None, text
    assert stamp.earliest <= instant <= stamp.latest, text
