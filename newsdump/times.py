"""
Resolve the times news pages print to timezone-aware intervals.

"3 hours ago" read at 18:00 is not 15:00:00 exactly: the site floored or
rounded the age, so the story was published somewhere between 14:00 and
15:30.
`resolve` returns a `Timestamp` whose `earliest` and `latest` bound every
instant the text allows, and whose `granularity` is the unit of the text.

Ages, calendar words, weekdays, clock times and absolute dates are read in
seven languages (en, de, fr, es, it, pt, nl); each language is a table of
words in ``newsdump._lang``.
Absolute dates take a fast path for ISO 8601, numeric and
"month-name day, year" shapes and go through `dateutil.parser` otherwise.
Nothing here reads the clock: the reference time is always passed in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as du_parser

from newsdump._check import check_text as _check_text
from newsdump._exceptions import RelativeTimeError
from newsdump._lang import CLDR_CODES as _CLDR_CODES
from newsdump._lang import LANGUAGES as _LANGUAGES
from newsdump._lang import Unit as _Unit
from newsdump._lang._expr import MAX_COMPACT as _MAX_COMPACT
from newsdump._lang._expr import Expr as _Expr
from newsdump._lang._expr import ExprGrammar
from newsdump._lang._expr import grammar_for as _expr_grammar
from newsdump._lang._expr import normalize as _normalize
from newsdump._lang._grammar import Grammar as _Grammar
from newsdump._lang._grammar import alternation as _alternation
from newsdump._lang._grammar import build as _build_grammar
from newsdump._models import Granularity, Timestamp

__all__ = [
    "ALL_LANGUAGE_CODES",
    "LANGUAGE_CODES",
    "TIMEZONE_ABBREVIATIONS",
    "Habit",
    "TimeMatch",
    "find",
    "infer_reference",
    "intersect",
    "resolve",
    "resolve_strict",
    "title_date",
]

Habit = Literal["either", "floor", "round"]
"""How a site turns an age into a number: floored, rounded, or unknown."""

LANGUAGE_CODES: tuple[str, ...] = tuple(lang.code for lang in _LANGUAGES)
"""The codes of the hand-written language tables, in the order they are tried."""

ALL_LANGUAGE_CODES: tuple[str, ...] = _CLDR_CODES
"""Every language whose relative times `resolve` and `find` read: the
hand-written tables and those generated from Unicode CLDR."""

_UTC = dt.timezone.utc
_MICRO = dt.timedelta(microseconds=1)
_ZERO = dt.timedelta()
_MAX_LEN = 200
_ORDER: tuple[Granularity, ...] = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
)
_FIXED: dict[str, dt.timedelta] = {
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}
_HALF_STEPS_REACH = 512
_HALF_STEPS: dict[str, tuple[dt.timedelta, ...]] = {
    unit: tuple(k * step / 2 for k in range(_HALF_STEPS_REACH))
    for unit, step in _FIXED.items()
}
"""For each unit of elapsed time, its multiples by 0, 0.5, 1, 1.5...:
``_HALF_STEPS[unit][k] == k / 2 * _FIXED[unit]`` (exact: every unit is an
even number of microseconds). The instants and bounds of ages of up to 255
units are offsets from the reference time found here, looked up instead of
multiplied (a timedelta times a number goes through Python integers)."""
# Sites that count months and years in days use these lengths.
_DAYS_PER: dict[str, int] = {"month": 30, "year": 365}
# When a date is printed without a zone and none is known, the day it names
# may have started anywhere from UTC+14 to UTC-12.
_EARLIEST_ZONE = dt.timedelta(hours=14)
_LATEST_ZONE = dt.timedelta(hours=12)


def _fixed(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


def _zone(name: str, standard_hours: float) -> dt.tzinfo:
    """Load an IANA zone, or fall back to its standard-time offset."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # pragma: no cover
        return _fixed(standard_hours)


TIMEZONE_ABBREVIATIONS: Mapping[str, dt.tzinfo] = {
    "utc": _UTC,
    "ut": _UTC,
    "gmt": _UTC,
    "z": _UTC,
    "et": _zone("America/New_York", -5),
    "est": _fixed(-5),
    "edt": _fixed(-4),
    "ct": _zone("America/Chicago", -6),
    "cst": _fixed(-6),
    "cdt": _fixed(-5),
    "mt": _zone("America/Denver", -7),
    "mst": _fixed(-7),
    "mdt": _fixed(-6),
    "pt": _zone("America/Los_Angeles", -8),
    "pst": _fixed(-8),
    "pdt": _fixed(-7),
    "akst": _fixed(-9),
    "akdt": _fixed(-8),
    "hst": _fixed(-10),
    "wet": _UTC,
    "west": _fixed(1),
    "bst": _fixed(1),
    "cet": _fixed(1),
    "cest": _fixed(2),
    "mez": _fixed(1),
    "mesz": _fixed(2),
    "eet": _fixed(2),
    "eest": _fixed(3),
    "msk": _fixed(3),
    "ist": _fixed(5.5),
    "pkt": _fixed(5),
    "ict": _fixed(7),
    "wib": _fixed(7),
    "hkt": _fixed(8),
    "sgt": _fixed(8),
    "awst": _fixed(8),
    "jst": _fixed(9),
    "kst": _fixed(9),
    "acst": _fixed(9.5),
    "aest": _zone("Australia/Brisbane", 10),
    "aedt": _fixed(11),
    "nzst": _fixed(12),
    "nzdt": _fixed(13),
}
"""
Zone abbreviations news sites print, lower-case, mapped to a zone.

"ET", "CT", "MT" and "PT" are IANA zones, so they take the offset in force
on the date (EDT in July, EST in January); explicit standard or daylight
names ("EST", "EDT") are fixed offsets; "IST" is India, "BST" British
Summer Time.
If the system has no time zone database, the IANA zones fall back to their
standard-time offsets.
"""


# --------------------------------------------------------------------------
# Grammar: the language tables compiled into regular expressions.

_ZONE_RE = (
    r"(?:(?:utc|gmt)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|"
    + _alternation(TIMEZONE_ABBREVIATIONS)
    + r")"
)

_GRAMMARS: dict[tuple[str, ...], _Grammar] = {}
"""The hand-written tables' grammars by language codes, compiled on first
use (importing newsdump compiles none)."""
_BY_CODE = {lang.code: lang for lang in _LANGUAGES}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?")
_ISO_FULL = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?"
    r"\s*(?:z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_HAS_DIGIT = re.compile(r"\d")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_NUMERIC_ANY = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_STRIP = " \t\n,;:!?|•·-–—()[]\"'“”«»"


def _english_grammar() -> _Grammar:
    grammar = _grammar(("en",))
    assert grammar is not None
    return grammar


def _grammar(languages: Sequence[str] | None) -> _Grammar | None:
    """The hand-written tables' grammar for *languages*; None if none of
    them has a hand-written table."""
    key = LANGUAGE_CODES if languages is None else tuple(languages)
    grammar = _GRAMMARS.get(key)
    if grammar is None:
        unknown = [code for code in key if code not in _CLDR_CODES]
        if unknown or not key:
            msg = f"unknown language codes {unknown!r}; known: {_CLDR_CODES!r}"
            raise ValueError(msg)
        hand = [_BY_CODE[code] for code in key if code in _BY_CODE]
        if not hand:
            return None
        grammar = _build_grammar(hand, _ZONE_RE)
        _GRAMMARS[key] = grammar
    return grammar


# --------------------------------------------------------------------------
# Interval helpers.


def _mid(a: dt.datetime, b: dt.datetime) -> dt.datetime:
    return a + (b - a) / 2


def _local(instant: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """*instant* on *zone*'s wall clock, with that moment's fixed offset.

    Aware datetimes that share a tzinfo compare by wall clock and ignore
    ``fold``, which misorders the repeated hour when clocks go back;
    fixed offsets compare correctly.
    """
    if instant.tzinfo is zone and isinstance(zone, dt.timezone):
        return instant
    moved = instant.astimezone(zone)
    if isinstance(zone, dt.timezone):
        return moved
    offset = moved.utcoffset()
    return moved.replace(tzinfo=dt.timezone(offset if offset is not None else _ZERO))


def _stamp(
    text: str,
    earliest: dt.datetime,
    latest: dt.datetime,
    granularity: Granularity,
    *,
    value: dt.datetime | None = None,
    zone: dt.tzinfo | None = None,
) -> Timestamp:
    if latest < earliest:
        earliest, latest = latest, earliest
    if value is None:
        value = _mid(earliest, latest)
    elif value < earliest:
        value = earliest
    elif value > latest:
        value = latest
    return _ordered_stamp(text, earliest, value, latest, granularity, zone)


def _ordered_stamp(  # noqa: PLR0917 - a Timestamp's fields
    text: str,
    earliest: dt.datetime,
    value: dt.datetime,
    latest: dt.datetime,
    granularity: Granularity,
    zone: dt.tzinfo | None,
) -> Timestamp:
    """`_stamp` of instants already in order (earliest <= value <= latest),
    as the fast paths compute them: no checks to repeat."""
    if zone is None:
        pass
    elif isinstance(zone, dt.timezone):
        # `_local` of a fixed offset, inline: most times are in UTC already.
        if earliest.tzinfo is not zone:
            earliest = earliest.astimezone(zone)
        if value.tzinfo is not zone:
            value = value.astimezone(zone)
        if latest.tzinfo is not zone:
            latest = latest.astimezone(zone)
    else:
        earliest = _local(earliest, zone)
        value = _local(value, zone)
        latest = _local(latest, zone)
    return _new_stamp(text, earliest, value, latest, granularity)


def _new_stamp(
    text: str,
    earliest: dt.datetime,
    value: dt.datetime,
    latest: dt.datetime,
    granularity: Granularity,
) -> Timestamp:
    """A `Timestamp` of aware instants in order and in their zone already.

    The checks of Timestamp's validators hold by construction (aware
    datetimes, earliest <= value <= latest) and cost more than the rest of
    an age's arithmetic: the slots are filled on a `_Draft`, which then
    becomes the `Timestamp`.
    """
    stamp = _NEW(_Draft)
    stamp.text = text
    stamp.value = value
    stamp.earliest = earliest
    stamp.latest = latest
    stamp.granularity = granularity
    stamp.source = None
    stamp.__class__ = Timestamp  # type: ignore[assignment]
    return stamp  # type: ignore[return-value]  # a Timestamp now


class _Draft:
    """A `Timestamp` being built: the same slots, without the frozen
    class's ``__setattr__``.

    A frozen class refuses plain assignment, and filling its slots through
    their descriptors costs a call each; assignments to a class of plain
    slots run at the interpreter's fastest. Python lets an object change
    its class to one with the same slots, which makes the draft a
    `Timestamp` once filled (`Timestamp` has no ``__weakref__`` slot,
    which would stand in the way).
    """

    __slots__ = Timestamp.__slots__  # type: ignore[attr-defined]  # attrs' slots

    text: str
    value: dt.datetime
    earliest: dt.datetime
    latest: dt.datetime
    granularity: Granularity
    source: str | None


_NEW = object.__new__


def _day_start(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The first microsecond of *day* in *zone*, in UTC."""
    return dt.datetime.combine(day, _MIDNIGHT, tzinfo=zone).astimezone(_UTC)


_MIDNIGHT = dt.time()
_MIDNIGHT_UTC = dt.time(tzinfo=_UTC)
_ONE_DAY = dt.timedelta(days=1)


def _day_bounds(day: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The first and last microsecond of *day* in *zone*, in UTC."""
    return _day_start(day, zone), _day_start(day + _ONE_DAY, zone) - _MICRO


def _shift_one(now: dt.datetime, n: int, unit: _Unit, *, in_days: bool) -> dt.datetime:
    """`_shift` of one month or year part, without the loop."""
    if in_days:
        return now.astimezone(_UTC) - dt.timedelta(days=n * _DAYS_PER[unit])
    months = n * (12 if unit == "year" else 1)
    return (_months_before(now, months) if months else now).astimezone(_UTC)


def _months_before(now: dt.datetime, months: int) -> dt.datetime:
    """*now* minus whole months on the wall clock, clipped to the month's end
    (``dateutil.relativedelta`` semantics: one month before May 31 is Apr 30)."""
    index = now.year * 12 + now.month - 1 - months
    year, month0 = divmod(index, 12)
    # `calendar.monthrange(year, month0 + 1)[1]`, without its weekday.
    last = _LENGTHS[index % _CYCLE_MONTHS]
    if now.day <= last:
        return now.replace(year=year, month=month0 + 1)
    return now.replace(year=year, month=month0 + 1, day=last)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY = 86400
"""Seconds in a day: ages in months and years are counted in whole seconds
where the reference time's zone is a fixed offset."""
_MEAN_SECONDS = {"month": 2_629_746, "year": 31_556_952}
"""`_MEAN_DAYS` in seconds (a Gregorian year of 365.2425 days, a twelfth of
it): the fraction of a month or a year past its whole ones."""
_CYCLE_MONTHS = 4800
_CYCLE_DAYS = 146_097
"""The Gregorian calendar repeats every 400 years: 4800 months, 146097 days."""
_FIRST_MONTH = 12
_LAST_MONTH = 119_999
"""The first and last month numbers (``year * 12 + month - 1``) of
datetime's years 1 to 9999."""
_SHORTEST_MONTH = 28
"""No day up to the 28th is ever clipped to a month's end."""
_HALF_DAY = 43_200
_HALF_DAYS = _HALF_STEPS["day"]
"""Whole half days, up to 255.5 days: the instants of an age in months or
years and how far it reaches past them (a unit or half a unit, in days or
on the calendar), with `_half_days`."""
_LONG_HALF_DAYS = tuple(
    dt.timedelta(0, _HALF_DAY * _HALF_STEPS_REACH * k) for k in range(128)
)
"""Multiples of `_HALF_DAYS`'s length (about 89 years in all), for
`_half_days`."""


def _half_days(count: int) -> dt.timedelta:
    """*count* (>= 0) half days, from the tables when they reach: two
    look-ups and a sum cost less than building a timedelta."""
    if count < 512:  # _HALF_STEPS_REACH
        return _HALF_DAYS[count]
    high = count >> 9
    if high < 128:  # len(_LONG_HALF_DAYS)
        return _HALF_DAYS[count & 511] + _LONG_HALF_DAYS[high]
    return dt.timedelta(0, count * _HALF_DAY)


def _cycle_months() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The lengths of the 4800 months of a 400-year cycle starting with a
    leap year (year 0, 400, ...), and the day before each one starts, on
    `datetime.date.toordinal`'s count for the first cycle."""
    lengths = [
        days + (month0 == 1 and calendar.isleap(year))
        for year in range(400)
        for month0, days in enumerate(_MONTH_DAYS)
    ]
    # Year 0 has 366 days: its January 1st is day -365, as year 1's is day 1.
    starts = [-366]
    for days in lengths[:-1]:
        starts.append(starts[-1] + days)
    return tuple(lengths), tuple(starts)


_LENGTHS, _STARTS = _cycle_months()


def _month_shifts(
    wall: tuple[int, int, int, int], first: int, second: int, third: int
) -> tuple[int, int, int]:
    """The days from a wall-clock date to the same day *first*, *second*
    and *third* months later (earlier if negative), each clipped to its
    month's end as `_months_before` clips it.

    In a fixed-offset zone the instant moves by as many whole days.
    The dates are counted from a table of one 400-year cycle of months,
    which costs less than building them.

    Raises:
        ValueError: If a date falls outside datetime's years.
    """
    ordinal, year, month, day = wall
    here = year * 12 + month - 1
    a, b, c = here + first, here + second, here + third
    if not (
        _FIRST_MONTH <= a <= _LAST_MONTH
        and _FIRST_MONTH <= b <= _LAST_MONTH
        and _FIRST_MONTH <= c <= _LAST_MONTH
    ):
        msg = "year is out of range"
        raise ValueError(msg)
    cycles, a = divmod(a, _CYCLE_MONTHS)
    start_a = cycles * _CYCLE_DAYS + _STARTS[a]
    cycles, b = divmod(b, _CYCLE_MONTHS)
    start_b = cycles * _CYCLE_DAYS + _STARTS[b]
    cycles, c = divmod(c, _CYCLE_MONTHS)
    start_c = cycles * _CYCLE_DAYS + _STARTS[c]
    if day <= _SHORTEST_MONTH:
        day -= ordinal
        return start_a + day, start_b + day, start_c + day
    return (
        start_a + min(day, _LENGTHS[a]) - ordinal,
        start_b + min(day, _LENGTHS[b]) - ordinal,
        start_c + min(day, _LENGTHS[c]) - ordinal,
    )


def _elapsed_sum(parts: Sequence[tuple[int, _Unit]]) -> dt.timedelta:
    total = dt.timedelta()
    for n, unit in parts:
        total += n * _FIXED[unit]
    return total


def _elapsed(  # noqa: PLR0917 - the fast path of _age
    text: str,
    now_utc: dt.datetime,
    age: dt.timedelta,
    unit: _Unit,
    qualifier: str,
    habit: Habit,
    zone: dt.tzinfo | None,
) -> Timestamp:
    """An age in seconds to weeks: plain elapsed time (`_general_age`'s
    bounds of such units, flattened: one unit older and one newer are the
    age's instant minus and plus the unit)."""
    here = now_utc - age
    step = _FIXED[unit]
    if qualifier == "over" or (not qualifier and habit == "floor"):
        lo, hi = here - step, here
    elif qualifier == "almost":
        lo, hi = here, here + step
    elif qualifier == "under":
        lo, hi = here, now_utc
    elif habit == "round" and qualifier != "about":
        half = _HALF_STEPS[unit][1]
        lo, hi = here - half, here + half
    else:
        lo, hi = here - step, here + _HALF_STEPS[unit][1]
    if hi > now_utc:  # noqa: PLR1730 - min() costs a call more
        hi = now_utc
    # An age is never negative: lo <= here <= hi, and so is their middle,
    # so `_stamp` would neither swap nor clamp.
    value = here if not qualifier or qualifier == "about" else lo + (hi - lo) / 2
    return _ordered_stamp(text, lo, value, hi, unit, zone)


def _age_bounds(
    now: dt.datetime,
    big: Sequence[tuple[int, _Unit]],
    n: int,
    unit: _Unit,
    *,
    in_days: bool,
) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """An age's instant, and those one unit older and one unit newer."""
    step = _FIXED.get(unit)
    if step is not None:
        here = _shift_by(now, [*big, (n, unit)], -1, in_days=in_days)
        return here, here - step, here + step
    if not big:
        return (
            _shift_one(now, n, unit, in_days=in_days),
            _shift_one(now, n + 1, unit, in_days=in_days),
            _shift_one(now, n - 1, unit, in_days=in_days),
        )
    return (
        _shift_by(now, [*big, (n, unit)], -1, in_days=in_days),
        _shift_by(now, [*big, (n + 1, unit)], -1, in_days=in_days),
        _shift_by(now, [*big, (n - 1, unit)], -1, in_days=in_days),
    )


def _age(
    text: str,
    now: dt.datetime,
    parts: list[tuple[int, _Unit]],
    qualifier: str,
    habit: Habit,
) -> Timestamp:
    *big, (n, unit) = parts
    if unit in _FIXED and (not big or all(u in _FIXED for _, u in big)):
        # `n * _FIXED[unit]`, looked up where the table reaches; one part
        # ("about 3 hours ago") needs no sum of the others.
        age = (
            _HALF_STEPS[unit][2 * n]
            if 0 <= 2 * n < _HALF_STEPS_REACH
            else n * _FIXED[unit]
        )
        if big:
            age += _elapsed_sum(big)
        return _elapsed(
            text, now.astimezone(_UTC), age, unit, qualifier, habit, now.tzinfo
        )
    return _general_age(text, now, parts, qualifier, habit)


def _general_age(
    text: str,
    now: dt.datetime,
    parts: list[tuple[int, _Unit]],
    qualifier: str,
    habit: Habit,
) -> Timestamp:
    """`_age` of any units: the instants one unit older and newer, on the
    calendar and, for months and years, in days."""
    *big, (n, unit) = parts
    now_utc = now.astimezone(_UTC)
    conventions = (False, True) if unit in _DAYS_PER else (False,)
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None
    value: dt.datetime | None = None
    for in_days in conventions:
        here, older, newer = _age_bounds(now, big, n, unit, in_days=in_days)
        if qualifier == "over":
            lo, hi = older, here
        elif qualifier == "almost":
            lo, hi = here, newer
        elif qualifier == "under":
            lo, hi = here, now_utc
        elif habit == "floor" and qualifier != "about":
            lo, hi = older, here
        elif habit == "round" and qualifier != "about":
            lo, hi = _mid(older, here), _mid(here, newer)
        else:
            lo, hi = older, _mid(here, newer)
        hi = min(hi, now_utc)
        earliest = lo if earliest is None else min(earliest, lo)
        latest = hi if latest is None else max(latest, hi)
        if value is None:
            value = here if qualifier in {"", "about"} else _mid(lo, hi)
    assert earliest is not None
    assert latest is not None
    granularity: Granularity = unit
    return _stamp(text, earliest, latest, granularity, value=value, zone=now.tzinfo)


# --------------------------------------------------------------------------
# Clock times and zones.


def _zone_of(raw: str | None, default: dt.tzinfo) -> dt.tzinfo:
    if raw is None:
        return default
    raw = raw.replace(" ", "")
    known = TIMEZONE_ABBREVIATIONS.get(raw)
    if known is not None:
        return known
    match = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", raw)
    if match is None:
        return default
    sign = -1 if match[1] == "-" else 1
    offset = dt.timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
    return dt.timezone(sign * offset)


def _clock(
    match: re.Match[str], prefix: str
) -> tuple[dt.time, Granularity, str | None] | None:
    """Read a clock time matched by `time_pattern`; None if it is no clock."""
    hour_text = match[f"{prefix}h"]
    if hour_text is None:
        return None
    minute_text, second_text = match[f"{prefix}m"], match[f"{prefix}s"]
    ampm = match[f"{prefix}ap"]
    if minute_text is None and ampm is None and match[f"{prefix}suf"] is None:
        return None
    hour, minute = int(hour_text), int(minute_text or 0)
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    granularity: Granularity = "minute" if second_text is None else "second"
    if hour > 23 or minute > 59:
        return None
    second = int(second_text or 0)
    return dt.time(hour, minute, min(second, 59)), granularity, match[f"{prefix}z"]


def _at(
    text: str,
    day: dt.date,
    clock: tuple[dt.time, Granularity, str | None],
    zone: dt.tzinfo,
    out: dt.tzinfo | None,
) -> Timestamp:
    time, granularity, zone_text = clock
    where = _zone_of(zone_text, zone)
    start = dt.datetime.combine(day, time, tzinfo=where).astimezone(_UTC)
    width = _FIXED[granularity] - _MICRO
    return _stamp(text, start, start + width, granularity, value=start, zone=out)


def _whole_day(
    text: str,
    day: dt.date,
    zone: dt.tzinfo,
    now: dt.datetime | None,
    out: dt.tzinfo | None,
) -> Timestamp:
    start, end = _day_bounds(day, zone)
    if now is not None:
        end = max(start, min(end, now.astimezone(_UTC)))
    return _stamp(text, start, end, "day", value=None, zone=out)


# When the options' zone is a fixed offset (UTC above all), the midnight of
# every day is the reference day's (`_Options.midnight`) moved by whole days:
# the same instant as `_day_start` finds, without building the local time
# and converting it. Zones with daylight saving take the general path.


def _zone_day_start(day: dt.date, opts: _Options) -> dt.datetime:
    """`_day_start(day, opts.zone)`: the same instant, in `_UTC`, and the
    same `OverflowError` past datetime's first or last instant."""
    midnight, today = opts.midnight, opts.today
    if midnight is None or today is None:
        return _day_start(day, opts.zone)
    return midnight + (day - today)


def _zone_day_bounds(day: dt.date, opts: _Options) -> tuple[dt.datetime, dt.datetime]:
    """`_day_bounds(day, opts.zone)`, failing alike on the calendar's last
    day (it names the day after)."""
    if opts.midnight is None:
        return _day_bounds(day, opts.zone)
    start = _zone_day_start(day, opts)
    if day == dt.date.max:
        msg = "date value out of range"
        raise OverflowError(msg)
    return start, start + _LAST_MICROS[1]


def _zone_whole_day(
    text: str, day: dt.date, opts: _Options, *, clamp: bool
) -> Timestamp:
    """`_whole_day` in the options' zone, as a time in the reference time's
    zone; with *clamp*, not after the reference time."""
    if opts.midnight is None:
        now = opts.now
        return _whole_day(text, day, opts.zone, now if clamp else None, now.tzinfo)
    return _fixed_days(text, day, 1, opts, "day", clamp=clamp)


def _zone_at(
    text: str,
    day: dt.date,
    clock: tuple[dt.time, Granularity, str | None],
    opts: _Options,
) -> Timestamp:
    """`_at` in the options' zone (unless the clock names its own), as a
    time in the reference time's zone."""
    midnight, today = opts.midnight, opts.today
    time, granularity, zone_text = clock
    if midnight is None or today is None or zone_text is not None or time.microsecond:
        return _at(text, day, clock, opts.zone, opts.now.tzinfo)
    # One sum, from tables: only the instant itself must lie within
    # datetime's range, as for `_at`.
    start = midnight + (
        (day - today)
        + _CLOCK_HOURS[time.hour]
        + _CLOCK_MINUTES[time.minute]
        + _CLOCK_SECONDS[time.second]
    )
    return _ordered_stamp(
        text,
        start,
        start,
        start + _CLOCK_WIDTHS[granularity],
        granularity,
        opts.now.tzinfo,
    )


_CLOCK_HOURS = _HALF_STEPS["hour"][:48:2]
_CLOCK_MINUTES = _HALF_STEPS["minute"][:120:2]
_CLOCK_SECONDS = _HALF_STEPS["second"][:120:2]
"""A clock time's hours, minutes and seconds as timedeltas, for `_zone_at`."""
_CLOCK_WIDTHS = {unit: _FIXED[unit] - _MICRO for unit in ("minute", "second")}
"""The last microsecond of a clock time's minute or second, from its first."""


# --------------------------------------------------------------------------
# The resolver.


class _Found(NamedTuple):
    """A resolved time and how it depends on the reference time."""

    stamp: Timestamp
    kind: Literal["relative", "absolute"]
    zoned: bool = False
    bare: bool = False
    """An age that does not say whether it is past or future ("3 days")."""
    guess: bool = False
    """Read by dateutil's parser, which reads much as a date."""


class _Options(NamedTuple):
    now: dt.datetime
    zone: dt.tzinfo
    habit: Habit
    dayfirst: bool
    future: bool
    grammar: _Grammar
    languages: tuple[str, ...] | None
    hand: bool
    now_utc: dt.datetime
    """*now* in UTC, computed once."""
    wall: tuple[int, int, int, int] | None
    """*now*'s date on its own wall clock as (ordinal, year, month, day)
    when its zone is a fixed offset (then whole months move it by whole
    days in UTC too); None for zones with daylight saving."""
    today: dt.date | None
    """*now*'s date in *zone*, computed once; None if it falls outside
    datetime's range (the readers that need it then fail as they did)."""
    midnight: dt.datetime | None
    """The first microsecond of *today* in UTC when *zone* is a fixed offset,
    from which `_zone_day_start` counts whole days; None for zones with
    daylight saving, or if it falls outside datetime's range."""


def _today(opts: _Options) -> dt.date:
    """The reference day in the options' zone: `_Options.today`, or, where
    that could not be found, the error finding it raises."""
    return opts.today or opts.now.astimezone(opts.zone).date()


def _clean(text: str) -> str:
    cleaned = " ".join(text.lower().split()).strip(_STRIP)
    if "\u2019" in cleaned:
        cleaned = cleaned.replace("\u2019", "'")
    return cleaned


def _find(
    text: str, opts: _Options, deferred: list[str] | None = None
) -> _Found | None:
    """Read *text* whole with the hand-written grammar.

    With *deferred*, a text the grammar leaves unread is appended to it,
    for the caller to try cheaper readings before dateutil's parser.
    """
    if len(text) > _MAX_LEN:
        return None
    cleaned = _clean(text)
    if not cleaned:
        return None
    g = opts.grammar
    candidates = [cleaned]
    # "Updated on 3 July", but also "il y a 3 heures" ("il" is Italian for
    # "the"): peel labels one at a time and try the most peeled first.
    while candidates[0].split(" ", 1)[0].rstrip(":") in g.lead_first:
        stripped = g.lead.sub("", candidates[0], count=1).strip(_STRIP)
        if not stripped or stripped == candidates[0]:
            break
        candidates.insert(0, stripped)
    for candidate in candidates:
        try:
            found = _find_clean(text, candidate, opts, deferred)
        except (ValueError, OverflowError):
            # Out-of-range dates ("99999 years ago", "31/02/2025").
            found = None
        if found is not None:
            return found
    return None


def _may_hold_time(s: str, g: _Grammar) -> bool:
    """Whether *s*, which holds no digit, starts with a word a time can
    start with; most lines do not."""
    head = s.split(" ", 1)[0]
    if head in g.starters:
        return True
    return "'" in head and head[: head.index("'") + 1] in g.starters


def _find_clean(
    text: str, s: str, opts: _Options, deferred: list[str] | None = None
) -> _Found | None:
    g = opts.grammar
    if s[0].isdigit() and _ISO.match(s):
        return _iso(text, s, opts)
    digit = _HAS_DIGIT.search(s) is not None
    if not digit and not _may_hold_time(s, g):
        return None
    kind = g.exact.get(s.rstrip("."))
    if kind is not None:
        return _Found(_calendar_word(text, kind, opts), "relative")
    # The patterns below read from the start of the text: a digit or one
    # of the words they start with.
    if s[0].isdigit():
        anchored = _ANCHORED_DIGIT
    elif g.opening.match(s) is not None:
        anchored = _ANCHORED_WORD
    else:
        anchored = ()
    for name, read, needs_digit in anchored:
        # Numeric dates, dates with a month name and clock times hold a
        # digit (the day, the hour): only ages and weekdays can do without.
        if digit or not needs_digit:
            match = getattr(g, name).match(s)
            if match is not None:
                return read(text, match, opts)
    if deferred is not None:
        # Whether dateutil's parser may read it is asked only when no
        # cheaper reading does (`_safe_find`).
        deferred.append(s)
        return None
    return _dateutil(text, s, opts) if _date_like(s, g) else None


def _date_like(s: str, g: _Grammar) -> bool:
    """Whether *s* may be a date only dateutil's parser reads: it names a
    month or holds a numeric date."""
    return g.month_word.search(s) is not None or _NUMERIC_ANY.search(s) is not None


def _calendar_word(text: str, kind: str, opts: _Options) -> Timestamp:
    now = opts.now
    if kind == "now":
        start = now.astimezone(_UTC) - _FIXED["minute"]
        return _stamp(text, start, now, "minute", value=now, zone=now.tzinfo)
    today = _today(opts)
    if kind == "earlier":
        start, _ = _zone_day_bounds(today, opts)
        return _stamp(text, start, now, "day", value=None, zone=now.tzinfo)
    day = today - _DAYS_BACK[kind]
    return _zone_whole_day(text, day, opts, clamp=kind == "today")


_DAYS_BACK = {"today": _ZERO, "yesterday": _ONE_DAY, "before": 2 * _ONE_DAY}
"""The days back to the day a calendar word names."""


def _from_age(text: str, match: re.Match[str], opts: _Options) -> _Found | None:
    g = opts.grammar
    parts: list[tuple[int, _Unit]] = []
    found = (match,) if not match["more"] else g.part.finditer(match["body"])
    local = g.local_units.get(match["pre"] or match["post"] or "", g.units)
    for part in found:
        raw = (part["n1"] if part is match else part["n"]).strip()
        n = int(raw) if raw.isdigit() else 1
        name = "u1" if part is match else "u"
        unit_word = part[name]
        dotted = part.string[part.end(name) : part.end(name) + 1] == "."
        unit = (local.get(unit_word + ".") if dotted else None) or local.get(
            unit_word.rstrip(".")
        )
        parts.append((n, unit or g.units[unit_word.rstrip(".")]))
    # Largest unit first; the smallest unit sets the precision.
    if len(parts) > 1:
        parts.sort(key=lambda p: -_ORDER.index(p[1]))
    word = match["q"] or match["q2"] or ""
    qualifier = (
        "over"
        if word in g.words_over
        else "almost"
        if word in g.words_almost
        else "under"
        if word in g.words_under
        else "about"
        if word
        else ""
    )
    if qualifier or len(parts) > 1:
        stamp = _age(text, opts.now, parts, qualifier, opts.habit)
    else:
        # "2y", "5 days": the same bounds, without `_age`'s general loop.
        stamp = _one_age(text, opts, *parts[0])
    return _Found(stamp, "relative", bare=not (match["pre"] or match["post"]))


def _day_clock(text: str, match: re.Match[str], opts: _Options) -> _Found | None:
    prefix = "t" if match["day"] is not None else "u"
    kind = opts.grammar.exact[match["day"] or match["day2"]]
    clock = _clock(match, prefix)
    if clock is None or kind not in _DAYS_BACK:
        return None
    today = _today(opts)
    day = today - _DAYS_BACK[kind]
    return _Found(_zone_at(text, day, clock, opts), "relative")


def _weekday(text: str, match: re.Match[str], opts: _Options) -> _Found | None:
    wanted = opts.grammar.weekdays[match["wd"].rstrip(".")]
    today = _today(opts)
    last = match["last"] is not None or match["last2"] is not None
    if opts.future and not last:
        day = today + dt.timedelta(days=(wanted - today.weekday()) % 7)
    else:
        back = (today.weekday() - wanted) % 7
        day = today - dt.timedelta(days=back or (7 if last else 0))
    clock = _clock(match, "t")
    if match["th"] is not None and clock is None:
        return None  # "Wed 13": a number that is no clock time
    if clock is not None:
        return _Found(_zone_at(text, day, clock, opts), "relative")
    return _Found(_zone_whole_day(text, day, opts, clamp=False), "relative")


def _bare_clock(text: str, match: re.Match[str], opts: _Options) -> _Found | None:
    clock = _clock(match, "t")
    if clock is None:
        return None
    where = _zone_of(clock[2], opts.zone)
    day = _today(opts) if where is opts.zone else opts.now.astimezone(where).date()
    stamp = _zone_at(text, day, clock, opts)
    if stamp.earliest > opts.now and not opts.future:
        day -= dt.timedelta(days=1)
        stamp = _zone_at(text, day, clock, opts)
    # "1 h" alone is a clock time in German, an age elsewhere ("za 1 h").
    return _Found(stamp, "relative", bare=match["tsuf"] is not None)


def _dated(  # noqa: PLR0917 - a date and what qualifies it
    text: str,
    opts: _Options,
    year: int | None,
    month: int,
    day: int,
    match: re.Match[str],
) -> _Found | None:
    clock = _clock(match, "t") if match["th"] is not None else None
    zoned = clock is not None and clock[2] is not None
    where = _zone_of(clock[2], opts.zone) if clock is not None else opts.zone
    if year is not None:
        date = dt.date(year, month, day)
        kind: Literal["relative", "absolute"] = "absolute"
    else:
        today = (
            _today(opts) if where is opts.zone else opts.now.astimezone(where).date()
        )
        date = _nearest(month, day, today, opts.future)
        kind = "relative"
    if match["th"] is not None and clock is None:
        return None
    if clock is not None:
        # `_at` reads the clock's zone as *where* was read.
        return _Found(_zone_at(text, date, clock, opts), kind, zoned)
    return _Found(_zone_whole_day(text, date, opts, clamp=False), kind)


def _nearest(month: int, day: int, today: dt.date, future: bool) -> dt.date:
    """The closest (month, day) not after *today*, or not before if *future*."""
    step = 1 if future else -1
    year = today.year
    for _ in range(9):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            year += step
            continue
        if (date >= today) if future else (date <= today):
            return date
        year += step
    msg = f"no such day: {month}/{day}"
    raise ValueError(msg)


def _month_name(text: str, match: re.Match[str], opts: _Options) -> _Found | None:
    month = opts.grammar.months[match["mon"].rstrip(".")]
    year = int(match["y"]) if match["y"] else None
    return _dated(text, opts, year, month, int(match["d"]), match)


def _numeric(text: str, match: re.Match[str], opts: _Options) -> _Found | None:
    a, b = int(match["a"]), int(match["b"])
    year = int(match["y"])
    if year < 100:
        year += 2000
    if match["sep"] == "." or a > 12:
        dayfirst = True
    elif b > 12:
        dayfirst = False
    else:
        dayfirst = opts.dayfirst
    day, month = (a, b) if dayfirst else (b, a)
    return _dated(text, opts, year, month, day, match)


_ANCHORED: tuple[
    tuple[str, Callable[[str, re.Match[str], _Options], _Found | None], bool], ...
] = (
    ("age", _from_age, False),
    ("numeric", _numeric, True),
    ("month_day", _month_name, True),
    ("day_month", _month_name, True),
    ("day_clock", _day_clock, True),
    ("weekday", _weekday, False),
    ("clock", _bare_clock, True),
)
"""The hand-written grammar's patterns read from the start of a text, in
the order `_find_clean` tries them, with the reader of each and whether a
text must hold a digit to match it."""
_ANCHORED_DIGIT = tuple(a for a in _ANCHORED if a[0] not in {"month_day", "weekday"})
"""Those a text starting with a digit can match: dates with a month name
and weekdays start with a word."""
_ANCHORED_WORD = tuple(a for a in _ANCHORED if a[0] not in {"numeric", "clock"})
"""Those a text starting with anything else can match: numeric dates and
clock times start with a digit."""


def _iso(text: str, s: str, opts: _Options) -> _Found | None:
    if not _ISO_FULL.match(s):
        return _dateutil(text, s, opts)
    parsed = dt.datetime.fromisoformat(s.upper().replace(",", "."))
    out = opts.now.tzinfo
    if len(s) == 10:
        day = parsed.date()
        return _Found(_zone_whole_day(text, day, opts, clamp=False), "absolute")
    zoned = parsed.tzinfo is not None
    if not zoned:
        parsed = parsed.replace(tzinfo=opts.zone)
    granularity: Granularity = (
        "minute" if s.count(":") < 2 or s[16] != ":" else "second"
    )
    start = parsed.astimezone(_UTC)
    if granularity == "second" and start.microsecond:
        return _Found(
            _stamp(text, start, start, "second", value=start, zone=out),
            "absolute",
            zoned,
        )
    end = start + _FIXED[granularity] - _MICRO
    return _Found(
        _stamp(text, start, end, granularity, value=start, zone=out), "absolute", zoned
    )


# A zone right after a clock time ("10:42 AM ET, July 13") or at the end.
_DATEUTIL_TZ = re.compile(
    rf"(?:(?<=\d)|(?<=\d )|(?<=m )|(?<=m\. )|(?<=\s))\(?(?P<z>{_ZONE_RE})\)?"
    r"(?:(?![^\W\d_])(?=\s*,)|\.?$)"
)
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?!\d)")
_HAS_CLOCK = re.compile(r"\d{1,2}[:h.]\d{2}|\d\s*[ap]\.?m\b")


def _dateutil(text: str, s: str, opts: _Options) -> _Found | None:
    g = opts.grammar
    zone_match = _DATEUTIL_TZ.search(s)
    where = opts.zone
    zoned = False
    if zone_match is not None:
        # Zones are taken out here: dateutil only sees upper-case names.
        where = _zone_of(zone_match["z"], opts.zone)
        zoned = True
        s = f"{s[: zone_match.start('z')]} {s[zone_match.end('z') :]}".strip(" ,")
    s = g.weekday_word.sub(" ", s).replace(" de ", " ").strip(_STRIP)
    if not any(c.isdigit() for c in s):
        return None
    if not (g.month_word.search(s) or _NUMERIC_ANY.search(s)):
        return None
    local_today = opts.now.astimezone(where)
    default = dt.datetime(  # noqa: DTZ001 - dateutil fills naive fields from it
        local_today.year, local_today.month, local_today.day
    )
    parsed = du_parser.parse(
        s, parserinfo=g.info, default=default, dayfirst=opts.dayfirst
    )
    if parsed.tzinfo is not None:
        where, zoned = parsed.tzinfo, True
    naive = parsed.replace(tzinfo=None)
    out = opts.now.tzinfo
    has_year = _HAS_YEAR.search(s) is not None
    other_day = 2 if default.day == 1 else 1
    if _DAY_NUMBER.search(s) is None and (
        du_parser.parse(
            s,
            parserinfo=g.info,
            default=default.replace(day=other_day),
            dayfirst=opts.dayfirst,
        ).day
        != parsed.day
    ):
        # No day printed ("May 2025"): the whole month, if the year is there.
        if not has_year:
            return None
        first = naive.date().replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        start, _ = _day_bounds(first, where)
        end, _ = _day_bounds(following, where)
        stamp = _stamp(text, start, end - _MICRO, "month", zone=out)
        return _Found(stamp, "absolute", zoned, guess=True)
    date = naive.date()
    if not has_year:
        date = _nearest(date.month, date.day, local_today.date(), opts.future)
    kind: Literal["relative", "absolute"] = "absolute" if has_year else "relative"
    if _HAS_CLOCK.search(s) is None:
        return _Found(_whole_day(text, date, where, None, out), kind, guess=True)
    granularity: Granularity = "second" if naive.second else "minute"
    start = dt.datetime.combine(date, naive.time(), tzinfo=where).astimezone(_UTC)
    end = start + _FIXED[granularity] - _MICRO
    stamp = _stamp(text, start, end, granularity, value=start, zone=out)
    return _Found(stamp, kind, zoned, guess=True)


def _options(  # noqa: C901 - one check per argument, inline: built per reference time
    now: dt.datetime,
    habit: Habit,
    tz: dt.tzinfo | None,
    *,
    dayfirst: bool,
    future: bool,
    languages: Sequence[str] | None,
) -> _Options:
    if not isinstance(now, dt.datetime):
        msg = f"'now' must be a datetime or a Timestamp, not {type(now).__name__}"
        raise TypeError(msg)
    if now.tzinfo is None or now.utcoffset() is None:
        msg = f"'now' must be timezone-aware, got naive {now!r}"
        raise ValueError(msg)
    if habit not in {"either", "floor", "round"}:
        msg = f"'habit' must be 'either', 'floor' or 'round', not {habit!r}"
        raise ValueError(msg)
    if type(now) is not dt.datetime:
        # Subclasses (pendulum's, arrow's) redefine arithmetic; read the
        # same instant as a plain datetime.
        now = dt.datetime(
            now.year,
            now.month,
            now.day,
            now.hour,
            now.minute,
            now.second,
            now.microsecond,
            tzinfo=now.tzinfo,
            fold=now.fold,
        )
    zone = tz if tz is not None else now.tzinfo
    if zone is None:  # pragma: no cover - now is aware
        zone = _UTC
    grammar = _grammar(languages)
    wall = None
    if isinstance(now.tzinfo, dt.timezone):
        if now.fold:
            now = now.replace(fold=0)  # no repeated hour in a fixed offset
        wall = (now.toordinal(), now.year, now.month, now.day)
    # The reference day in *zone*; None where that fails, for the readers
    # that need it to fail as they did.
    today = midnight = None
    try:
        local = now.astimezone(zone)
        today = local.date()
        if isinstance(zone, dt.timezone):
            midnight = dt.datetime.combine(today, _MIDNIGHT_UTC)
            if zone is not _UTC:
                midnight -= local.utcoffset()  # type: ignore[operator]  # fixed
    except (ValueError, OverflowError):
        pass
    return _Options(
        now,
        zone,
        habit,
        dayfirst,
        future,
        grammar if grammar is not None else _english_grammar(),
        None if languages is None else tuple(languages),
        grammar is not None,
        now.astimezone(_UTC),
        wall,
        today,
        midnight,
    )


_LAST_DEFAULT: dict[str, tuple[dt.datetime, _Options]] = {}
"""By habit, the last reference time `resolve` was given with its other
options left at their defaults, and the options built for it."""


def _default_options(now: dt.datetime, habit: Habit) -> _Options:
    """`_options` for `resolve`'s defaults.

    A page's ages are all read at one reference time: the options of the
    last one are kept (keyed on the reference time's identity; datetimes
    are immutable and the entry holds it alive).
    """
    last = _LAST_DEFAULT.get(habit)
    if last is not None and last[0] is now:
        return last[1]
    opts = _options(now, habit, None, dayfirst=False, future=False, languages=None)
    _LAST_DEFAULT[habit] = (now, opts)
    return opts


_EN = _LANGUAGES[0]
_FUTURE_START = re.compile(
    rf"\s*(?:{_alternation([*_EN.future_before, *_EN.within_before])})\s|\s*\+",
    re.IGNORECASE,
)
_FUTURE_END = re.compile(
    rf"\W*(?:{_alternation(word[::-1] for word in _EN.future_after)})\s",
    re.IGNORECASE,
)
"""The words after an age to come ("from now") at the end of a text,
matched in the text reversed: one match at its start instead of a search
through it."""


_CASE_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""The characters other than "i", "k", "s" and their capitals that a
case-insensitive pattern matches to them (capital I with a dot, dotless i,
the Kelvin sign, the long s)."""


def _cases(letter: str) -> str:
    """The characters a case-insensitive pattern matches to *letter*."""
    return letter.lower() + letter.upper() + _CASE_FOLDS.get(letter.lower(), "")


_FUTURE_FIRST_CHARS = frozenset(
    "+" + "".join(_cases(word[0]) for word in (*_EN.future_before, *_EN.within_before))
)
"""The characters other than spaces `_FUTURE_START` can start with."""
_FUTURE_LAST_CHARS = frozenset("".join(_cases(word[-1]) for word in _EN.future_after))
"""The word characters `_FUTURE_END` can read last in a text."""


def _future_hint(text: str) -> bool:
    """Whether a text says it is still to come, in English ("in 3 hours",
    "2 days from now").

    Each end's pattern runs only if the character at that end can start
    it: most texts fail both tests, and a pattern call costs more.
    """
    first = text[:1]
    if (first in _FUTURE_FIRST_CHARS or first.isspace()) and _FUTURE_START.match(
        text
    ) is not None:
        return True
    last = text[-1:]
    if last in _FUTURE_LAST_CHARS or not (last.isalnum() or last == "_"):
        # A non-word character may stand after the words (`\W*`).
        return _FUTURE_END.match(text[::-1]) is not None
    return False


_PLAIN_AGO = re.compile(
    r"(?:(\d{1,6}) ?|([aA][nN]?|[oO][nN][eE]) )([a-zA-Z]+)(\.?) ([a-zA-Z]+)", re.ASCII
)
"""The commonest shape of all, "3 hours ago": digits or "a", "an", "one",
a unit word, a word after, in any case (spelled out: the engine matches
case-folded text more slowly)."""
_AGO_AFTER = frozenset(word for lang in _LANGUAGES for word in lang.ago_after)


def _plain_ago(text: str, opts: _Options) -> Timestamp | None:
    """Read "3 hours ago" directly, as the hand-written grammar reads it
    (`_find`, then `_from_age`), skipping the tiers that cannot match it;
    None for any other text."""
    match = _PLAIN_AGO.fullmatch(text)
    if match is None:
        return None
    digits, _, word, dot, post = match.groups()
    post = post.lower()
    if post not in _AGO_AFTER:
        return None
    g = opts.grammar
    word = word.lower()
    if digits is None and text.lower() in g.exact:
        return None
    units = g.units
    if dot:
        unit = _dotted_unit(g, g.local_units[post], word)
    else:
        unit = (g.local_units[post].get(word) or units[word]) if word in units else None
    if unit is None:
        return None
    count = 1 if digits is None else int(digits)
    try:
        return _one_age(text, opts, count, unit)
    except (ValueError, OverflowError):
        return None  # out of range: as `_find` does, leave it to the rest


def _hedge_kinds() -> dict[str, str]:
    """The hedges `_hedged_ago` reads, each with the qualifier `_from_age`
    gives it: ASCII words that are neither a label the hand-written grammar
    peels off nor the start of a time to come (`_FUTURE_START`)."""
    labels = {
        word.split(" ", 1)[0].rstrip(":")
        for lang in _LANGUAGES
        for word in (*lang.lead, *lang.on)
    }
    kinds: dict[str, str] = {}
    for kind in ("over", "almost", "under", "about"):
        for lang in _LANGUAGES:
            for word in getattr(lang, kind):
                if (
                    word.isascii()
                    and word.split(" ", 1)[0] not in labels
                    and _FUTURE_START.match(f"{word} ") is None
                ):
                    kinds.setdefault(word, kind)
    return kinds


_HEDGE_KINDS = _hedge_kinds()
_HEDGED_AGO = re.compile(
    rf"(?i:({_alternation(_HEDGE_KINDS)})) {_PLAIN_AGO.pattern}", re.ASCII
)
"""A hedge and the shape of `_PLAIN_AGO`: "about 3 hours ago"."""
_AGO_FIRST = frozenset("0123456789aAoO")
"""The characters `_PLAIN_AGO` can start with: an ASCII digit, "a", "an" or
"one" in any case."""
_HEDGE_FIRST = frozenset(
    case for hedge in _HEDGE_KINDS for case in (hedge[0].lower(), hedge[0].upper())
)
"""The characters `_HEDGED_AGO` can start with: a hedge's first letter in
either case (the hedges are ASCII, and so is the pattern's case folding)."""


def _hedged_ago(text: str, opts: _Options) -> Timestamp | None:
    """Read "about 3 hours ago" directly, as the hand-written grammar reads
    it (`_find`, then `_from_age` with a qualifier); None for any other
    text, and for an age out of range (left to the general readers)."""
    match = _HEDGED_AGO.fullmatch(text)
    if match is None:
        return None
    hedge, digits, _, word, dot, post = match.groups()
    post = post.lower()
    g = opts.grammar
    if post not in _AGO_AFTER or text.lower() in g.exact:
        return None
    word = word.lower()
    if dot:
        unit = _dotted_unit(g, g.local_units[post], word)
    else:
        unit = (
            (g.local_units[post].get(word) or g.units[word])
            if word in g.units
            else None
        )
    if unit is None:
        return None
    count = 1 if digits is None else int(digits)
    kind = _HEDGE_KINDS[hedge.lower()]
    try:
        return _age(text, opts.now, [(count, unit)], kind, opts.habit)
    except (ValueError, OverflowError):
        return None


# How far an unhedged age of k elapsed units reaches, by habit, in half
# units: back to 2k + first halves and forward to 2k - second halves (never
# past the reference time).
_HALVES_BACK: dict[str, tuple[int, int]] = {
    "floor": (2, 0),
    "round": (1, 1),
    "either": (2, 1),
}
# The same in time: the bounds are the age's instant minus the first offset
# and plus the second (`_elapsed` without a qualifier).
_REACH: dict[str, dict[str, tuple[dt.timedelta, dt.timedelta]]] = {
    habit: {unit: (step * older / 2, step * newer / 2) for unit, step in _FIXED.items()}
    for habit, (older, newer) in _HALVES_BACK.items()
}


def _one_age(text: str, opts: _Options, count: int, unit: _Unit) -> Timestamp:
    """`_age` of one part without a qualifier, flattened: the same bounds."""
    halves = _HALF_STEPS.get(unit)
    if halves is None:
        return _calendar_age(text, opts, count, unit)
    back, forward = _HALVES_BACK[opts.habit]
    twice = count + count
    if opts.wall is not None and twice + back < _HALF_STEPS_REACH:
        # A fixed offset: arithmetic on the reference time's own wall clock
        # is exact and leaves the instants in its zone.
        now = opts.now
        newest = twice - forward
        return _new_stamp(
            text,
            now - halves[twice + back],
            now - halves[twice],
            now - halves[newest] if newest > 0 else now,
            unit,
        )
    step = _FIXED[unit]
    now_utc = opts.now_utc
    here = now_utc - count * step
    older, newer = _REACH[opts.habit][unit]
    latest = here + newer
    if latest > now_utc:  # noqa: PLR1730 - min() costs a call more per age
        latest = now_utc
    # A count is never negative: here <= now, so here <= latest.
    return _ordered_stamp(text, here - older, here, latest, unit, opts.now.tzinfo)


def _calendar_age(text: str, opts: _Options, count: int, unit: _Unit) -> Timestamp:
    """`_age` of one month or year part without a qualifier: the instants
    *count* units back on the calendar and in days, one unit older and one
    newer, and the widest interval of the two conventions."""
    wall = opts.wall
    if wall is None:
        return _zoned_calendar_age(text, opts, count, unit)
    # Half days before the reference time, on the calendar then in days.
    # Calendar dates are whole days, the days conventions' lengths an even
    # number of days, so the midpoints `_zoned_calendar_age` takes are
    # whole half days and the bounds it finds are counted here in integers.
    per = 12 if unit == "year" else 1
    months = count * per
    here, older, newer = _month_shifts(wall, -months, -months - per, per - months)
    here *= -2
    older *= -2
    newer *= -2
    half = _DAYS_PER[unit]  # half a unit, in half days
    days_here = 2 * count * half
    habit = opts.habit
    if habit == "floor":
        lo, hi = older, here
        days_lo, days_hi = days_here + half + half, days_here
    elif habit == "round":
        lo, hi = (older + here) >> 1, (here + newer) >> 1
        days_lo, days_hi = days_here + half, days_here - half
    else:
        lo, hi = older, (here + newer) >> 1
        days_lo, days_hi = days_here + half + half, days_here - half
    # The widest of the two conventions, cut at the reference time.
    # (Tests, not `min` and `max`: a builtin call costs more than the rest
    # of a line here.)
    if days_lo > lo:  # noqa: PLR1730
        lo = days_lo
    if days_hi < hi:  # noqa: PLR1730
        hi = days_hi
    if hi < 0:  # noqa: PLR1730
        hi = 0
    # Both conventions' bounds hold their instants, and the calendar's
    # instant is the value: lo >= here >= hi >= 0. Arithmetic on the
    # reference time's own wall clock is exact in a fixed offset, and
    # leaves the instants in its zone.
    value = opts.now - _half_days(here)
    return _new_stamp(
        text, value - _half_days(lo - here), value, value + _half_days(here - hi), unit
    )


def _zoned_calendar_age(
    text: str, opts: _Options, count: int, unit: _Unit
) -> Timestamp:
    """`_calendar_age` on the wall clock of a zone with daylight saving."""
    now, now_utc, habit = opts.now, opts.now_utc, opts.habit
    per = 12 if unit == "year" else 1
    months = count * per
    days = _DAYS_PER[unit]
    earliest = latest = value = now_utc
    for first, (here, older, newer) in enumerate(
        (
            (
                _months_before(now, months).astimezone(_UTC) if months else now_utc,
                _months_before(now, months + per).astimezone(_UTC)
                if months + per
                else now_utc,
                _months_before(now, months - per).astimezone(_UTC)
                if months - per
                else now_utc,
            ),
            (
                now_utc - dt.timedelta(days=count * days),
                now_utc - dt.timedelta(days=(count + 1) * days),
                now_utc - dt.timedelta(days=(count - 1) * days),
            ),
        )
    ):
        if habit == "floor":
            lo, hi = older, here
        elif habit == "round":
            lo, hi = _mid(older, here), _mid(here, newer)
        else:
            lo, hi = older, _mid(here, newer)
        hi = min(hi, now_utc)
        if not first:
            earliest, latest, value = lo, hi, here
        else:
            earliest = min(earliest, lo)
            latest = max(latest, hi)
    return _stamp(text, earliest, latest, unit, value=value, zone=now.tzinfo)


def _dotted_unit(g: _Grammar, local: Mapping[str, _Unit], word: str) -> _Unit | None:
    """The unit `_from_age` reads in *word* and a dot after it."""
    # "hrs." is a unit name and so is "hrs": the grammar's own choice.
    unit_match = g.part.match(f"1 {word}.")
    if unit_match is None:
        return None
    name = unit_match["u"]
    unit = local.get(name + ".") if unit_match.end("u") == len(word) + 2 else None
    return unit or local.get(name.rstrip(".")) or g.units[name.rstrip(".")]


_PLAIN_FUTURE = re.compile(
    rf"in (?:(\d{{1,12}}) ?|(a|an|one) )([a-z]+\.?)"
    rf"|(?:(\d{{1,12}}) ?|(a|an|one) )([a-z]+\.?)"
    rf" ({_alternation(_EN.future_after)})",
    re.ASCII | re.IGNORECASE,
)
"""The commonest future shapes: "in 3 hours", "a month from now"."""
_FUTURE_FIRST = frozenset("0123456789aAoOiI")
"""The characters `_PLAIN_FUTURE` can start with: an ASCII digit, or the
first letter of "in", "a", "an" or "one" in either case."""


def _plain_future(text: str, opts: _Options) -> Timestamp | None:
    """Read "in 3 hours" or "3 hours from now" directly, as the English
    expression grammar reads it (`_future_hint`, then `_from_expressions`);
    None for any other text."""
    read = _read_future(text)
    if read is None:
        return None
    unit, value, step, vague, direction, hedge = read
    try:
        if vague is None and not hedge and direction == 1 and step == 1.0:
            fixed = _FIXED.get(unit)
            if fixed is not None:
                return _one_ahead(text, opts, int(value), unit, fixed)
            if opts.wall is not None and unit in _DAYS_PER:
                return _calendar_ahead(text, opts, int(value), unit)
        if vague is None and not hedge and direction in {-1, 1}:
            # `_expr_age` of this one part, without building the expression.
            lo, hi = _UNHEDGED[opts.habit]
            earliest, latest, instant = _one_part(
                opts,
                value,
                unit,
                max(0.0, value + lo * step),
                value + hi * step,
                direction,
            )
            return _age_stamp(text, opts, earliest, latest, instant, unit, direction)
        expr = _Expr(
            0,
            len(text),
            "age",
            ((value, unit),),
            step,
            vague,
            direction,
            hedge,
            lang="en",
        )
        return _expr_age(text, expr, opts)
    except (ValueError, OverflowError):
        return None  # out of range: leave it to the rest


def _read_future(
    text: str,
) -> tuple[str, float, float, tuple[float, float] | None, int, str] | None:
    """The unit, amount, step, vague range, direction and hedge of "in 3
    hours" or "3 hours from now", read as the English expression grammar
    reads them; None for any other text."""
    match = _PLAIN_FUTURE.fullmatch(text)
    if match is None:
        return None
    after_in, after_words = _future_units()
    if match[3] is not None:
        digits, words, digits_end = match[1], match[2], match.end(1)
        known = after_in.get(match[3].lower())
    else:
        digits, words, digits_end = match[4], match[5], match.end(4)
        known = after_words.get((match[6].lower(), match[7].lower()))
    if known is None:
        return None
    unit, direction, hedge = known
    if digits is None:
        value, step, vague = _expr_grammar("en")._amount(words.lower())  # noqa: SLF001 - the grammar's own reading
        return unit, value, step, vague, direction, hedge
    value = float(digits)
    if value >= _MAX_COMPACT and text[digits_end] != " ":
        return None  # "2000s": no compact age, as in the grammar
    return unit, value, 1.0, None, direction, hedge


_FutureUnit = tuple[str, int, str]


@functools.cache
def _future_units() -> tuple[
    dict[str, _FutureUnit], dict[tuple[str, str], _FutureUnit]
]:
    """The unit, direction and hedge of each unit word after "in", and of
    each unit word and word after it ("hours from now"), as the English
    expression grammar reads them with a number; words it reads otherwise
    ("a fortnight", "yr." outside its table) are left out."""
    grammar = _expr_grammar("en")
    after_in: dict[str, _FutureUnit] = {}
    after_words: dict[tuple[str, str], _FutureUnit] = {}
    bares = {unit.rstrip(".") for unit in grammar.units}
    words = [
        word
        for bare in sorted(bares)
        if bare in grammar.units and bare not in grammar.multiple
        for word in (bare, bare + ".")
    ]
    for word in words:
        known = _future_unit(grammar, word, ("in", word), grammar.before["in"])
        if known is not None:
            after_in[word] = known
        for after in _EN.future_after:
            key = ("", f"{word} {after}")
            known = _future_unit(grammar, word, key, (grammar.after[after], ""))
            if known is not None:
                after_words[word, after] = known
    return after_in, after_words


def _future_unit(
    grammar: ExprGrammar,
    word: str,
    key: tuple[str, str],
    direction_hedge: tuple[int, str],
) -> _FutureUnit | None:
    bare = word.rstrip(".")
    known = grammar.exact.get(key)
    if known is not None:
        return known[0], known[1], ""
    if bare != word:
        return None  # "yr." or "yr" and a dot: left to the grammar
    unit = grammar.unit_of.get(word) or grammar.unit_of.get(word + ".")
    if unit is None:
        return None
    return unit, *direction_hedge


# `_count_range` of an unhedged exact amount k, by habit: the range is
# k + first * step to k + second * step.
_UNHEDGED: dict[str, tuple[float, float]] = {
    "either": (-0.5, 1.0),
    "floor": (0.0, 1.0),
    "round": (-0.5, 0.5),
}


# How far an unhedged age to come in elapsed units reaches, by habit: the
# bounds are its instant plus the first offset and plus the second
# (`_count_range` of a whole amount, in time).
_REACH_AHEAD: dict[str, dict[str, tuple[dt.timedelta, dt.timedelta]]] = {
    habit: {unit: (lo * step, hi * step) for unit, step in _FIXED.items()}
    for habit, (lo, hi) in _UNHEDGED.items()
}


# `_UNHEDGED` in half units, by habit: an unhedged whole amount k allows
# k + first / 2 to k + second / 2 units (never less than none).
_HALVES_AHEAD: dict[str, tuple[int, int]] = {
    habit: (int(lo * 2), int(hi * 2)) for habit, (lo, hi) in _UNHEDGED.items()
}


def _one_ahead(
    text: str, opts: _Options, count: int, unit: str, step: dt.timedelta
) -> Timestamp:
    """`_expr_age` of "in 3 hours" (one whole amount of an elapsed unit,
    to come, without a hedge), flattened: the same bounds."""
    back, forward = _HALVES_AHEAD[opts.habit]
    twice = count + count
    if opts.wall is not None and twice + forward < _HALF_STEPS_REACH:
        # A fixed offset, as in `_one_age`.
        halves = _HALF_STEPS[unit]
        now = opts.now
        soonest = twice + back
        return _new_stamp(
            text,
            now + halves[soonest] if soonest > 0 else now,
            now + halves[twice],
            now + halves[twice + forward],
            unit,  # type: ignore[arg-type]
        )
    now_utc = opts.now_utc
    here = now_utc + count * step
    sooner, later = _REACH_AHEAD[opts.habit][unit]
    earliest = here + sooner
    if earliest < now_utc:  # noqa: PLR1730 - max() costs a call more per age
        earliest = now_utc
    # A count is never negative: now <= here, so earliest <= here.
    return _ordered_stamp(
        text,
        earliest,
        here,
        here + later,
        unit,  # type: ignore[arg-type]
        opts.now.tzinfo,
    )


def _calendar_ahead(text: str, opts: _Options, count: int, unit: str) -> Timestamp:
    """`_expr_age` of "in 3 months" (one whole amount of months or years, to
    come, without a hedge, from a reference time in a fixed offset),
    flattened: `_one_part`'s bounds in whole seconds, then `_age_stamp`.

    Raises:
        ValueError: If a date falls outside datetime's years.
    """
    wall = opts.wall
    assert wall is not None  # the caller's test
    per = 12 if unit == "year" else 1
    lo, hi = _HALVES_AHEAD[opts.habit]
    lo += 2 * count
    if lo < 0:  # noqa: PLR1730 - a builtin call costs more than the test
        lo = 0
    hi += 2 * count
    # Whole units on the calendar and half a mean unit; the days convention
    # counts half units of whole days. Both are whole seconds (days, and
    # the mean month and year, are even numbers of seconds).
    whole_lo, whole_hi = lo >> 1, hi >> 1
    low, high, here = _month_shifts(wall, whole_lo * per, whole_hi * per, count * per)
    half_mean = _MEAN_SECONDS[unit] // 2
    days = _DAYS_PER[unit]  # half a unit, in half days
    # Calendar months are clipped dates, never closer than 28 days, and
    # half a mean month is 15.2 days (half a year, 182.6 days, against 365
    # for twelve months): low <= here <= high, and the days convention's
    # bounds are ordered too. All are ahead of the reference time, which
    # leaves `_age_stamp` nothing to cut. The wider bound of the two is
    # chosen in seconds, then added to the reference time from the tables
    # (arithmetic on its own wall clock is exact in a fixed offset, and
    # leaves the instants in its zone).
    now = opts.now
    if lo * days * _HALF_DAY < _DAY * low + (lo & 1) * half_mean:
        earliest = now + _half_days(lo * days)
    elif lo & 1:
        earliest = now + (_half_days(low + low) + _HALF_MEANS[unit])
    else:
        earliest = now + _half_days(low + low)
    if hi * days * _HALF_DAY > _DAY * high + (hi & 1) * half_mean:
        latest = now + _half_days(hi * days)
    elif hi & 1:
        latest = now + (_half_days(high + high) + _HALF_MEANS[unit])
    else:
        latest = now + _half_days(high + high)
    return _new_stamp(
        text,
        earliest,
        now + _half_days(here + here),
        latest,
        unit,  # type: ignore[arg-type]
    )


_HALF_MEANS = {
    unit: dt.timedelta(0, seconds // 2) for unit, seconds in _MEAN_SECONDS.items()
}
"""Half a mean month and year (both whole seconds)."""


def _safe_find(
    text: str, opts: _Options, *, among_words: bool = False
) -> _Found | None:
    """Read *text* whole with the hand-written grammar, then with the
    expression grammars; with *among_words*, also a single stamp inside
    other words."""
    try:
        if opts.languages is None and _future_hint(text):
            # Times to come are the expression grammars' alone: skip the
            # hand-written grammar's attempt.
            ahead = _from_expressions(text, opts, among_words=False)
            if ahead is not None and not ahead.bare:
                return ahead
        deferred: list[str] = []
        found = _find(text, opts, deferred) if opts.hand else None
        if (
            found is not None
            and (found.guess or (found.bare and not text.lstrip()[:1].isdigit()))
            and len(text) <= _MAX_LEN
        ):
            # A word before a bare age may say which way it points ("em 5
            # seg.": Portuguese "in", taken for a label "on"); dateutil's
            # guesses give way to an age ("1.5 hours ago").
            better = _from_expressions(text, opts, among_words=False)
            if better is not None and not better.bare:
                found = better
        if found is None and len(text) <= _MAX_LEN:
            found = _from_expressions(text, opts, among_words=among_words)
        for cleaned in deferred:
            if found is not None:
                break
            if _date_like(cleaned, opts.grammar):
                found = _dateutil(text, cleaned, opts)
    except (ValueError, OverflowError):
        # Out-of-range dates ("99999 years ago", "31/02/2025") hold no time.
        return None
    return found


# --------------------------------------------------------------------------
# Time expressions read by the per-language grammars (newsdump._lang._expr).

_UNIT_YEARS = {"decade": 10, "century": 100}
# Fractions of a month or a year ("2.5 months") are counted in mean days.
_MEAN_DAYS = {"month": 30.436875, "year": 365.2425}
_SEPARATORS = frozenset("·|•-–—,;:()[]/")
_DAY_PARTS = {
    "morning": (6, 12),
    "afternoon": (12, 18),
    "evening": (18, 24),
    "night": (18, 30),
}
_HOURS = tuple(dt.timedelta(hours=hour) for hour in range(31))
"""The hours `_DAY_PARTS` start and end at, from their day's start."""
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LETTERS = re.compile(r"[^\W\d_]+")
_MAX_CANDIDATES = 4
_MIN_VOTES = 0.3
_PERIOD_GRANULARITY: dict[str, Granularity] = {
    "week": "week",
    "month": "month",
    "quarter": "month",
    "year": "year",
    "decade": "year",
}


class TimeMatch(NamedTuple):
    """A time expression `find` found in a longer text."""

    start: int
    """Where the expression starts in the text."""
    end: int
    """Where it ends (exclusive): ``text[start:end]`` is the expression."""
    stamp: Timestamp
    """What it resolves to; ``stamp.text`` is the expression as printed."""
    language: str
    """The code of the language it was read in."""


def _shift_by(
    now: dt.datetime,
    parts: Sequence[tuple[float, str]],
    direction: int,
    *,
    in_days: bool,
) -> dt.datetime:
    """*now* moved by a duration into the past (-1) or the future (1), in
    UTC; whole months and years on the calendar unless *in_days*."""
    months = 0
    fixed = _ZERO
    for amount, name in parts:
        unit = name
        factor = _UNIT_YEARS.get(unit)
        if factor is not None:
            amount, unit = amount * factor, "year"  # noqa: PLW2901 - scaled
        step = _FIXED.get(unit)
        if step is not None:
            fixed += amount * step
        elif in_days:
            fixed += dt.timedelta(days=amount * _DAYS_PER[unit])
        else:
            whole = int(amount)
            months += whole * (12 if unit == "year" else 1)
            fixed += dt.timedelta(days=(amount - whole) * _MEAN_DAYS[unit])
    if months:
        now = _months_before(now, months if direction < 0 else -months)
    return now.astimezone(_UTC) + direction * fixed


def _shift_part(
    now: dt.datetime,
    now_utc: dt.datetime,
    amount: float,
    unit: str,
    direction: int,
    *,
    in_days: bool,
) -> dt.datetime:
    """`_shift_by` of a single part, with *now* in UTC given."""
    factor = _UNIT_YEARS.get(unit)
    if factor is not None:
        amount, unit = amount * factor, "year"
    step = _FIXED.get(unit)
    if step is not None:
        return now_utc + direction * (amount * step)
    if in_days:
        return now_utc + direction * dt.timedelta(days=amount * _DAYS_PER[unit])
    whole = int(amount)
    months = whole * (12 if unit == "year" else 1)
    fixed = dt.timedelta(days=(amount - whole) * _MEAN_DAYS[unit])
    if not months:
        return now_utc + direction * fixed
    moved = _months_before(now, months if direction < 0 else -months)
    return moved.astimezone(_UTC) + direction * fixed


def _count_range(expr: _Expr, habit: Habit) -> tuple[float, float]:
    """The range of the last amount a text allows, by its hedge and habit."""
    k, step = expr.parts[-1][0], expr.step
    if expr.vague is not None:
        lo, hi = expr.vague
        return (
            max(0.0, lo - (0 if habit == "floor" else step / 2)),
            hi + (step / 2 if habit == "round" else step),
        )
    hedge = expr.hedge
    if hedge == "over":
        lo, hi = k, k + step
    elif hedge == "almost":
        lo, hi = k - step, k
    elif hedge in {"under", "within"}:
        lo, hi = 0.0, k
    elif hedge == "about" or habit == "either":
        lo, hi = k - step / 2, k + step
    elif habit == "floor":
        lo, hi = k, k + step
    else:
        lo, hi = k - step / 2, k + step / 2
    return max(0.0, lo), hi


def _one_part(  # noqa: PLR0917 - the pieces of `_expr_age`'s one part
    opts: _Options, last: float, unit: str, lo: float, hi: float, direction: int
) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """The bounds and value of a one-part age: `_shift_by` without its loop."""
    now, now_utc = opts.now, opts.now_utc
    step = _FIXED.get(unit)
    if step is not None:
        halves = _HALF_STEPS[unit]
        twice_lo, twice_hi, twice_last = lo * 2, hi * 2, last * 2
        if (
            0 <= twice_lo < _HALF_STEPS_REACH
            and 0 <= twice_hi < _HALF_STEPS_REACH
            and 0 <= twice_last < _HALF_STEPS_REACH
            and not (twice_lo % 1 or twice_hi % 1 or twice_last % 1)
        ):
            # Whole and half units: the products below, looked up (a
            # timedelta times a number goes through Python integers).
            near = halves[int(twice_lo)]
            far = halves[int(twice_hi)]
            at = halves[int(twice_last)]
            if direction < 0:
                earliest, latest, value = now_utc - near, now_utc - far, now_utc - at
            else:
                earliest, latest, value = now_utc + near, now_utc + far, now_utc + at
            if latest < earliest:
                earliest, latest = latest, earliest
            return earliest, latest, value
        earliest = now_utc + direction * (lo * step)
        latest = now_utc + direction * (hi * step)
        if latest < earliest:
            earliest, latest = latest, earliest
        return earliest, latest, now_utc + direction * (last * step)
    wall = opts.wall
    if wall is not None and not (lo * 2 % 1 or hi * 2 % 1 or last * 2 % 1):
        # Whole and half units in seconds: exact, as `_calendar_age`'s.
        factor = _UNIT_YEARS.get(unit)
        if factor is not None:
            last, lo, hi, unit = last * factor, lo * factor, hi * factor, "year"
        per = direction * (12 if unit == "year" else 1)
        mean = direction * _MEAN_SECONDS[unit]
        length = direction * _DAYS_PER[unit] * _DAY
        whole_lo, whole_hi, whole = int(lo), int(hi), int(last)
        days_lo, days_hi, days = _month_shifts(
            wall, whole_lo * per, whole_hi * per, whole * per
        )
        low = _DAY * days_lo + (lo - whole_lo) * mean
        high = _DAY * days_hi + (hi - whole_hi) * mean
        instant = _DAY * days + (last - whole) * mean
        offsets = (low, high, lo * length, hi * length)
        return (
            now_utc + dt.timedelta(0, min(offsets)),
            now_utc + dt.timedelta(0, max(offsets)),
            now_utc + dt.timedelta(0, instant),
        )
    bounds = [
        _shift_part(now, now_utc, count, unit, direction, in_days=in_days)
        for in_days in (False, True)
        for count in (lo, hi)
    ]
    value = _shift_part(now, now_utc, last, unit, direction, in_days=False)
    return min(bounds), max(bounds), value


def _expr_age(text: str, expr: _Expr, opts: _Options) -> Timestamp:
    now = opts.now
    if expr.direction == 2:
        # Printed alike for the past and the future (Tamil "5 வி."): both.
        past = _expr_age(text, expr._replace(direction=-1), opts)
        future = _expr_age(text, expr._replace(direction=1), opts)
        return _stamp(text, past.earliest, future.latest, past.granularity, value=now)
    now_utc = opts.now_utc
    direction = expr.direction or -1
    *big, (last, unit) = expr.parts
    lo, hi = _count_range(expr, opts.habit)
    if expr.vague is not None and unit == "second" and not big:
        lo, hi = 0.0, 60.0  # "a few seconds ago" is just now: the last minute
    step = _FIXED.get(unit)
    if not big:
        earliest, latest, value = _one_part(opts, last, unit, lo, hi, direction)
    elif step is not None and all(u in _FIXED for _, u in big):
        # Elapsed time alone: `_shift_by`'s sums, the older parts added once.
        # Sums of timedeltas are exact, so the bounds are the same.
        fixed = _ZERO
        for amount, name in big:
            fixed += amount * _FIXED[name]
        earliest = now_utc + direction * (fixed + lo * step)
        latest = now_utc + direction * (fixed + hi * step)
        if latest < earliest:
            earliest, latest = latest, earliest
        value = now_utc + direction * (fixed + last * step)
    else:
        bounds = [
            _shift_by(now, [*big, (count, unit)], direction, in_days=in_days)
            for in_days in (False, True)
            for count in (lo, hi)
        ]
        value = _shift_by(now, expr.parts, direction, in_days=False)
        earliest, latest = min(bounds), max(bounds)
    if expr.clock is not None:
        day = value.astimezone(opts.zone).date()
        return _zone_at(text, day, _clock_time(expr.clock), opts)
    return _age_stamp(text, opts, earliest, latest, value, unit, direction)


def _age_stamp(  # noqa: PLR0917 - the end of `_expr_age`
    text: str,
    opts: _Options,
    earliest: dt.datetime,
    latest: dt.datetime,
    value: dt.datetime,
    unit: str,
    direction: int,
) -> Timestamp:
    """An age's bounds cut at the reference time, as a `Timestamp`."""
    now_utc = opts.now_utc
    # min() and max() as tests: a builtin call costs more than the test.
    if direction < 0:
        if latest > now_utc:  # noqa: PLR1730
            latest = now_utc
    elif earliest < now_utc:
        earliest = now_utc
    granularity: Granularity = "year" if unit in _UNIT_YEARS else unit  # type: ignore[assignment]
    if earliest > latest:  # noqa: PLR1730
        latest = earliest
    # `_stamp`, its bounds already in order: the value clamped into them.
    if value < earliest:
        value = earliest
    elif value > latest:
        value = latest
    return _ordered_stamp(text, earliest, value, latest, granularity, opts.now.tzinfo)


def _clock_time(
    clock: tuple[int, int, int | None],
) -> tuple[dt.time, Granularity, str | None]:
    hour, minute, second = clock
    granularity: Granularity = "minute" if second is None else "second"
    return dt.time(hour, minute, second or 0), granularity, None


def _days(
    text: str,
    first: dt.date,
    days: int,
    opts: _Options,
    granularity: Granularity,
    *,
    clamp: bool,
) -> Timestamp:
    """Whole days from *first*, in the options' zone; with *clamp*, not
    after the reference time."""
    zone = opts.zone
    if 0 < days < _DAYS_REACH and opts.midnight is not None:
        return _fixed_days(
            text, first, days, opts, granularity, clamp=clamp and not opts.future
        )
    start = _day_start(first, zone)
    end = _day_start(first + days * _ONE_DAY, opts.zone) - _MICRO
    if clamp and not opts.future:
        end = max(start, min(end, opts.now_utc))
    elif end < start:  # in order, as `_stamp` puts them
        start, end = end, start
    # `_stamp` without a value: the middle of the days.
    return _ordered_stamp(
        text, start, start + (end - start) / 2, end, granularity, opts.now.tzinfo
    )


_DAYS_REACH = 400
_LAST_MICROS = tuple(k * _ONE_DAY - _MICRO for k in range(_DAYS_REACH))
"""The last microsecond of *k* whole days, from their first: the span
`_days` gives *k* days in a fixed offset."""
_MIDDLES = tuple(span / 2 for span in _LAST_MICROS)
"""Half the span of *k* whole days, as `_stamp` finds their middle."""
_LAST_ORDINAL = dt.date.max.toordinal()
_LAST_FIRSTS = tuple(
    dt.date.fromordinal(max(_LAST_ORDINAL - k, 1)) for k in range(_DAYS_REACH)
)
"""The last first day of *k* whole days within datetime's calendar (a date
compares for less than its ordinal costs)."""


def _fixed_days(
    text: str,
    first: dt.date,
    days: int,
    opts: _Options,
    granularity: Granularity,
    *,
    clamp: bool,
) -> Timestamp:
    """`_days` of 1 to 399 days in a fixed offset, where the days'
    midnights are whole days apart: their end and middle looked up; with
    *clamp*, not after the reference time."""
    start = _zone_day_start(first, opts)
    if first > _LAST_FIRSTS[days]:
        # As `_days` fails to name the day after them.
        msg = "date value out of range"
        raise OverflowError(msg)
    end = start + _LAST_MICROS[days]
    if clamp:
        # `max(start, min(end, now))`, as tests: a builtin call costs more.
        now_utc = opts.now_utc
        if end > now_utc:
            end = now_utc
            if end < start:  # noqa: PLR1730
                end = start
            return _ordered_stamp(
                text,
                start,
                start + (end - start) / 2,
                end,
                granularity,
                opts.now.tzinfo,
            )
    return _ordered_stamp(
        text, start, start + _MIDDLES[days], end, granularity, opts.now.tzinfo
    )


def _month_start(year: int, month: int) -> dt.date:
    year, month0 = divmod(year * 12 + month - 1, 12)
    return dt.date(year, month0 + 1, 1)


def _expr_named(text: str, expr: _Expr, opts: _Options) -> Timestamp | None:  # noqa: C901, PLR0911 - one return per kind of period
    now = opts.now
    period = expr.period
    if period == "second":
        start = now.astimezone(_UTC) - _FIXED["minute"]
        return _stamp(text, start, now, "minute", value=now, zone=now.tzinfo)
    if period in {"minute", "hour"}:
        here = now.astimezone(opts.zone)
        start = here.replace(second=0, microsecond=0)
        if period == "hour":
            start = start.replace(minute=0)
        unit: Granularity = period  # type: ignore[assignment]
        return _stamp(text, start, now, unit, zone=now.tzinfo)
    today = _today(opts)
    if period == "earlier":
        start = _zone_day_start(today, opts)
        return _stamp(text, start, now, "day", zone=now.tzinfo)
    if period == "later":
        _, end = _zone_day_bounds(today, opts)
        return _stamp(text, now, end, "day", zone=now.tzinfo)
    day = _named_day(period, expr.offset, today)
    if day is not None:
        if expr.clock is not None:
            return _zone_at(text, day, _clock_time(expr.clock), opts)
        return _days(text, day, 1, opts, "day", clamp=day == today)
    if period in _DAY_PARTS:
        from_hour, to_hour = _DAY_PARTS[period]
        day = today + dt.timedelta(days=expr.offset)
        if expr.clock is not None:
            return _part_clock(text, day, from_hour, expr.clock, opts)
        return _day_part(text, day, from_hour, to_hour, opts)
    offset = _month_offset(int(period[6:]), today, opts) if expr.latest else expr.offset
    span = _named_span(period, offset, today)
    if span is None:
        return None
    first, days, granularity = span
    if expr.third:
        first, days, granularity = _third_of(first, days, granularity, expr.third)
    return _days(text, first, days, opts, granularity, clamp=first <= today)


def _day_part(
    text: str, day: dt.date, from_hour: int, to_hour: int, opts: _Options
) -> Timestamp:
    """The hours of a part of *day* ("this morning", "last night")."""
    midnight, today = opts.midnight, opts.today
    if (
        midnight is not None
        and today is not None
        and (to_hour < 24 or day < dt.date.max)
    ):
        # Each bound in one sum, to fail only if it is out of range (a
        # night past the calendar's last day fails below, as its local
        # wall clock does).
        days = day - today
        start = midnight + (days + _HOURS[from_hour])
        end = midnight + (days + _HOURS[to_hour]) - _MICRO
    else:
        local = dt.datetime.combine(day, dt.time(), tzinfo=opts.zone)
        start = (local + dt.timedelta(hours=from_hour)).astimezone(_UTC)
        end = (local + dt.timedelta(hours=to_hour)).astimezone(_UTC) - _MICRO
    return _stamp(text, start, end, "hour", zone=opts.now.tzinfo)


def _month_offset(month: int, today: dt.date, opts: _Options) -> int:
    """The offset of the latest month of that name begun, or with *future*
    the next not yet over."""
    if opts.future:
        return 0 if month >= today.month else 1
    return 0 if month <= today.month else -1


def _third_of(
    first: dt.date, days: int, granularity: Granularity, third: int
) -> tuple[dt.date, int, Granularity]:
    """The first, middle or last third of a period ("early March": the 1st
    to the 10th; "late 2024": September to December)."""
    if granularity == "year":
        # Four months each: January to April, May to August, September on.
        start = _month_start(first.year, 1 + 4 * (third - 1))
        following = _month_start(first.year, 5 + 4 * (third - 1))
        return start, (following - start).days, "month"
    size = days // 3
    start = first + dt.timedelta(days=(third - 1) * size)
    length = size if third < 3 else days - 2 * size
    return start, length, "day"


def _part_clock(
    text: str,
    day: dt.date,
    from_hour: int,
    clock: tuple[int, int, int | None],
    opts: _Options,
) -> Timestamp:
    """A clock time in a part of a day ("last night at 11:30", "tonight at
    8:15"): a 12-hour time goes to the half of the day the part is in, and
    the small hours of a night to the next day."""
    hour, minute, second = clock
    if from_hour >= 12 and hour < 12:
        if from_hour >= 18 and hour < 6:
            day += dt.timedelta(days=1)
        else:
            hour += 12
    return _zone_at(text, day, _clock_time((hour, minute, second)), opts)


def _named_day(period: str, offset: int, today: dt.date) -> dt.date | None:
    """The day a named day or weekday names; None for longer periods."""
    if period == "day":
        return today + offset * _ONE_DAY
    if period not in _WEEKDAYS:
        return None
    wanted, weekday = _WEEKDAYS.index(period), today.weekday()
    if offset < 0:
        return today - dt.timedelta(days=(weekday - wanted) % 7 or 7)
    if offset > 0:
        return today + dt.timedelta(days=(wanted - weekday) % 7 or 7)
    return today + dt.timedelta(days=wanted - weekday)


def _named_span(  # noqa: C901 - one branch per kind of period
    period: str, offset: int, today: dt.date
) -> tuple[dt.date, int, Granularity] | None:
    """The first day, length in days and granularity of a named period:
    a calendar week (Monday first), month, quarter, year or decade, or a
    month by name ("month:7")."""
    if period == "week":
        monday = today - dt.timedelta(days=today.weekday() - 7 * offset)
        return monday, 7, "week"
    if period == "weekend":
        # Saturday and Sunday of a calendar week; offset 2 is the latest
        # weekend begun ("over the weekend").
        if offset == 2:
            offset = 0 if today.weekday() >= 5 else -1
        monday = today - dt.timedelta(days=today.weekday() - 7 * offset)
        return monday + dt.timedelta(days=5), 2, "day"
    if period == "month":
        first = _month_start(today.year, today.month + offset)
        following = _month_start(first.year, first.month + 1)
    elif period == "quarter":
        quarter = (today.month - 1) // 3 + offset
        first = _month_start(today.year, quarter * 3 + 1)
        following = _month_start(first.year, first.month + 3)
    elif period.startswith("year="):
        year = int(period[5:])
        first, following = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        period = "year"
    elif period in {"year", "decade"}:
        size = 10 if period == "decade" else 1
        year = today.year // size * size + size * offset
        first, following = dt.date(year, 1, 1), dt.date(year + size, 1, 1)
    elif period.startswith("month:"):
        month = int(period[6:])
        year = today.year
        if offset < 0 and month >= today.month:
            year -= 1
        elif offset > 0 and month <= today.month:
            year += 1
        first = dt.date(year, month, 1)
        following = _month_start(year, month + 1)
    else:
        return None
    granularity = _PERIOD_GRANULARITY.get(period, "month")
    return first, (following - first).days, granularity


def _expr_stamp(text: str, expr: _Expr, opts: _Options) -> Timestamp | None:
    if expr.kind == "age":
        return _expr_age(text, expr, opts)
    if expr.kind == "named":
        return _expr_named(text, expr, opts)
    # A rolling window: the last or next N units, up to the reference time.
    now_utc = opts.now.astimezone(_UTC)
    edge = _shift_by(opts.now, expr.parts, expr.direction, in_days=False)
    unit = expr.parts[-1][1]
    granularity: Granularity = "year" if unit in _UNIT_YEARS else unit  # type: ignore[assignment]
    lo, hi = (edge, now_utc) if expr.direction < 0 else (now_utc, edge)
    return _stamp(text, lo, hi, granularity, zone=opts.now.tzinfo)


@functools.cache
def _keyword_index() -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, str]]:
    from newsdump._lang.cldr import _index  # noqa: PLC0415 - loaded on first use

    return _index.KEYWORDS, _index.SCRIPTS


_SCRIPT_RANGES = (
    ("Grek", 0x370, 0x3FF),
    ("Cyrl", 0x400, 0x52F),
    ("Hebr", 0x590, 0x5FF),
    ("Arab", 0x600, 0x6FF),
    ("Deva", 0x900, 0x97F),
    ("Beng", 0x980, 0x9FF),
    ("Taml", 0xB80, 0xBFF),
    ("Telu", 0xC00, 0xC7F),
    ("Thai", 0xE00, 0xE7F),
    ("Hang", 0xAC00, 0xD7AF),
    ("Kana", 0x3040, 0x30FF),
    ("Hani", 0x3400, 0x9FFF),
)


def _scripts(text: str) -> set[str]:
    found = set()
    for char in text:
        point = ord(char)
        if point < 0x370 or not char.isalpha():
            continue
        for name, lo, hi in _SCRIPT_RANGES:
            if lo <= point <= hi:
                found.add(name)
                break
    return found


def _codes_for(low: str, opts: _Options) -> tuple[str, ...]:
    """The languages to read *low* in: the caller's, else English and the
    languages its script and words point to."""
    if opts.languages is not None:
        return opts.languages
    keywords, scripts = _keyword_index()
    votes: dict[str, float] = {}
    for word in _LETTERS.findall(low):
        codes_of_word = keywords.get(word, ())
        for code in codes_of_word:
            # A word many languages share tells little.
            votes[code] = votes.get(code, 0.0) + 1 / len(codes_of_word)
    codes = ["en"]
    if not low.isascii():
        for script in _scripts(low):
            of_script = [c for c, s in scripts.items() if s == script]
            voted = sorted(
                (c for c in of_script if c in votes), key=lambda c: -votes[c]
            )
            codes += voted[:_MAX_CANDIDATES] or of_script
    # Latin words many languages share ("in", "a", "za") point nowhere.
    latin = [c for c in votes if scripts[c] == "Latn" and votes[c] >= _MIN_VOTES]
    latin.sort(key=lambda c: -votes[c])
    codes += latin[:_MAX_CANDIDATES]
    if len(codes) == 1 and low.lstrip()[:1] in {"+", "-"}:
        # A signed offset names no language ("+1 sem."): the hand-written ones.
        codes += LANGUAGE_CODES
    return tuple(dict.fromkeys(codes))


def _expressions(text: str, opts: _Options, *, every: bool = False) -> list[_Expr]:
    """Every expression in *text*, leftmost first; where the grammars of two
    languages overlap, the longer reading wins, then the earlier language.

    Without `languages`, English is read first and the other languages
    only if English finds no expression that says which way it points
    (with *every*, always).
    """
    low = _normalize(text)
    found: list[_Expr] = []
    if opts.languages is None and not every:
        found.extend(_expr_grammar("en").scan(low))
        for expr in found:
            if expr.kind != "age" or expr.direction:
                return _leftmost(found)
    for code in _codes_for(low, opts):
        if code != "en" or opts.languages is not None or every:
            found.extend(_expr_grammar(code).scan(low))
    return _leftmost(found)


def _leftmost(found: list[_Expr]) -> list[_Expr]:
    if len(found) < 2:  # one expression is alone
        return found
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[_Expr] = []
    for expr in found:
        if not kept or expr.start >= kept[-1].end:
            kept.append(expr)
    return kept


def _stands_alone(text: str, expr: _Expr) -> bool:
    """A compact age ("11h") between separators or the ends of the text."""
    before = text[: expr.start].rstrip()
    after = text[expr.end :].lstrip()
    return (not before or before[-1] in _SEPARATORS) and (
        not after or after[0] in _SEPARATORS
    )


def _strong(text: str, expr: _Expr) -> bool:
    """Whether an expression inside other words is a time: it says which
    way it points, names a period, or is a compact age on its own."""
    return (
        expr.kind != "age"
        or expr.direction != 0
        or (expr.compact and _stands_alone(text, expr))
    )


def _joined(text: str, exprs: list[_Expr], chosen: _Expr) -> bool:
    """Whether *chosen* is one half of a larger expression the grammars do
    not read ("a week today"): another expression stands right before it,
    or one that is a time by itself right after it, with only spaces
    between ("2 hours ago 5 min read" is an age and a reading time, "5 min
    read 3 hours ago" too)."""
    for other in exprs:
        if other is chosen:
            continue
        if other.end <= chosen.start:
            between = text[other.end : chosen.start]
        elif _strong(text, other):
            between = text[chosen.end : other.start]
        else:
            continue
        if not between.strip():
            return True
    return False


def _from_expressions(text: str, opts: _Options, *, among_words: bool) -> _Found | None:
    exprs = _expressions(text, opts)
    if not exprs:
        return None
    first = exprs[0]
    if (
        len(exprs) == 1
        and first.start <= len(text) - len(text.lstrip(_STRIP))
        and first.end >= len(text.rstrip(_STRIP))
    ):
        chosen: _Expr | None = first
    elif among_words:
        chosen = next((e for e in exprs if _strong(text, e)), None)
        if chosen is not None and _joined(text, exprs, chosen):
            return None
    else:
        chosen = None
    if chosen is None:
        return None
    stamp = _expr_stamp(text[chosen.start : chosen.end], chosen, opts)
    if stamp is None:
        return None
    bare = chosen.kind == "age" and chosen.direction == 0
    # `_Found(stamp, "relative", bare=bare)`, every field given: a named
    # tuple's keywords and defaults cost more than the tuple.
    return _new_tuple(_Found, (stamp, "relative", False, bare, False))


_new_tuple = tuple.__new__


def find(
    text: str,
    *,
    now: dt.datetime,
    habit: Habit = "either",
    tz: dt.tzinfo | None = None,
    future: bool = False,
    languages: Sequence[str] | None = None,
) -> list[TimeMatch]:
    """
    Find every relative time expression in a longer text.

    Ages ("4 hours ago", "in 3 days", "now - 45 minutes"), named days and
    periods ("yesterday at 2 PM", "last week", "the past 3 days") and
    compact ages standing between separators ("Reuters · 11h") are found;
    numbers that are not times ("3 min read", "5 comments", "Top 10") are
    not.
    Absolute dates are left to `resolve`.
    Time is linear in the length of *text*.

    Args:
        text: Any text.
        now: The reference time, an aware datetime.
        habit: As for `resolve`.
        tz: As for `resolve`.
        future: As for `resolve`.
        languages: Language codes to read (any of `ALL_LANGUAGE_CODES`);
            default: English and the languages the text's script and words
            point to.

    Returns:
        The expressions in the order they appear, each with its span and
        resolved `Timestamp`; expressions whose time falls outside
        datetime's range are left out.

    Raises:
        ValueError: If *now* is naive, or *habit* or *languages* are
            unknown.
        TypeError: If *now* is not a datetime.
    """
    opts = _options(now, habit, tz, dayfirst=False, future=future, languages=languages)
    matches = []
    for expr in _expressions(text, opts, every=True):
        if not _strong(text, expr):
            continue
        try:
            stamp = _expr_stamp(text[expr.start : expr.end], expr, opts)
        except (ValueError, OverflowError):
            continue
        if stamp is not None:
            matches.append(TimeMatch(expr.start, expr.end, stamp, expr.lang))
    return matches


def resolve(  # noqa: C901, PLR0912 - the fast paths are tried inline, without a call more
    text: str,
    now: dt.datetime | Timestamp,
    *,
    habit: Habit = "either",
    tz: dt.tzinfo | None = None,
    dayfirst: bool = False,
    future: bool = False,
    languages: Sequence[str] | None = None,
) -> Timestamp | None:
    """
    Resolve a time expression against a reference time.

    Ages give the interval the age allows, calendar words and dates without
    a clock give whole days, clock times give whole minutes; see the time
    guide for every convention.

    Args:
        text: The text as printed, such as ``"3 hours ago"``,
            ``"yesterday at 3:04 PM"`` or ``"Jul 13, 2025, 10:42 AM ET"``.
            Labels such as "Updated" or "Published" are skipped.
        now: The reference time; an aware datetime, or a `Timestamp` (such
            as the one `infer_reference` returns) whose uncertainty is then
            carried into the result.
        habit: ``"floor"`` if the site floors ages, ``"round"`` if it rounds
            them, ``"either"`` (default) for an interval that holds under
            both.
        tz: The site's time zone, for calendar words and dates printed
            without a zone; default: the zone of *now*.
        dayfirst: Read an ambiguous numeric date such as ``"03/04/2025"`` as
            day/month (default: month/day, as US sites print).
            Dates with dots ("13.07.2025") are always day-first.
        future: The site prints future times (event listings): a weekday,
            a month and day or a clock time is then the next one, not the
            last.
        languages: _Language codes to read (default: all of
            `LANGUAGE_CODES`).

    Returns:
        The resolved `Timestamp`, in the zone of *now*, or ``None`` if
        *text* holds no time.

    Raises:
        ValueError: If *now* is naive, or *habit* or *languages* are
            unknown.
        TypeError: If *text* is not a `str`, or *now* is not a datetime or
            a `Timestamp`.
    """
    if type(text) is not str:
        _check_text(text, "newsdump.times.resolve", what="the time text")
    if isinstance(now, Timestamp):
        return _resolve_uncertain(
            text,
            now,
            habit=habit,
            tz=tz,
            dayfirst=dayfirst,
            future=future,
            languages=languages,
        )
    if tz is None and not dayfirst and not future and languages is None:
        # `_default_options`, its look-up inline: a call more per string.
        last = _LAST_DEFAULT.get(habit)
        if last is not None and last[0] is now:
            opts = last[1]
        else:
            opts = _default_options(now, habit)
    else:
        opts = _options(
            now, habit, tz, dayfirst=dayfirst, future=future, languages=languages
        )
    if languages is None and text:
        # The fast paths whose pattern may start with the text's first
        # character, in their order: the others cannot match it, and a
        # pattern call costs more than the test.
        first = text[0]
        if first in _AGO_FIRST:
            plain = _plain_ago(text, opts)
            if plain is not None:
                return plain
        if first in _FUTURE_FIRST:
            plain = _plain_future(text, opts)
            if plain is not None:
                return plain
        if first in _HEDGE_FIRST:
            plain = _hedged_ago(text, opts)
            if plain is not None:
                return plain
    found = _safe_find(text, opts, among_words=True)
    return None if found is None else found.stamp


def _resolve_line(text: str, now: dt.datetime) -> Timestamp | None:
    """`resolve` for a text that must be a time as a whole: the text
    parser's test of whether a line is a date line ("3 years later: the
    town rebuilds" is a headline, not an age)."""
    opts = _default_options(now, "either")
    found = _safe_find(text, opts)
    return None if found is None else found.stamp


def _resolve_uncertain(
    text: str,
    now: Timestamp,
    *,
    habit: Habit,
    tz: dt.tzinfo | None,
    dayfirst: bool,
    future: bool,
    languages: Sequence[str] | None,
) -> Timestamp | None:
    stamps = []
    for instant in (now.value, now.earliest, now.latest):
        opts = _options(
            instant, habit, tz, dayfirst=dayfirst, future=future, languages=languages
        )
        found = _safe_find(text, opts, among_words=True)
        if found is None:
            return None
        stamps.append(found.stamp)
    middle = stamps[0]
    return _stamp(
        text,
        min(s.earliest for s in stamps),
        max(s.latest for s in stamps),
        middle.granularity,
        value=middle.value,
        zone=now.value.tzinfo,
    )


def resolve_strict(
    text: str,
    now: dt.datetime | Timestamp,
    *,
    habit: Habit = "either",
    tz: dt.tzinfo | None = None,
    dayfirst: bool = False,
    future: bool = False,
    languages: Sequence[str] | None = None,
) -> Timestamp:
    """
    Resolve a time expression, raising if it holds no time.

    Args:
        text: The text as printed.
        now: The reference time, as for `resolve`.
        habit: As for `resolve`.
        tz: As for `resolve`.
        dayfirst: As for `resolve`.
        future: As for `resolve`.
        languages: As for `resolve`.

    Returns:
        The resolved `Timestamp`.

    Raises:
        newsdump.RelativeTimeError: If *text* holds no time newsdump can
            read.
        ValueError: If *now* is naive, or *habit* or *languages* are
            unknown.
    """
    stamp = resolve(
        text,
        now,
        habit=habit,
        tz=tz,
        dayfirst=dayfirst,
        future=future,
        languages=languages,
    )
    if stamp is None:
        msg = f"no time newsdump can read in {text!r}"
        raise RelativeTimeError(msg, locator=None)
    return stamp


# --------------------------------------------------------------------------
# Combining times: intersections, dates in titles, the reference time.


def intersect(a: Timestamp, b: Timestamp) -> Timestamp | None:
    """
    Combine two readings of the same instant into one.

    Use it when an item prints both an age and a date ("3 hours ago" and
    "07/13/2025"): the instant lies in both intervals.

    Args:
        a: One reading; the result keeps its time zone.
        b: The other reading.

    Returns:
        The overlap, with the finer granularity and the narrower reading's
        value moved into the overlap; ``None`` if the readings contradict
        each other (no overlap).
    """
    earliest = max(a.earliest, b.earliest)
    latest = min(a.latest, b.latest)
    if earliest > latest:
        return None
    narrow = a if a.latest - a.earliest <= b.latest - b.earliest else b
    finer = min(a.granularity, b.granularity, key=_ORDER.index)
    text = a.text if a.text == b.text else f"{a.text} | {b.text}"
    return _stamp(
        text, earliest, latest, finer, value=narrow.value, zone=a.value.tzinfo
    )


_PROBE = dt.datetime(2200, 1, 1, tzinfo=_UTC)
_TITLE_SPLIT = re.compile(r"\s+[–—|•·-]\s+|\s*[|•·]\s*")


def _absolute(
    text: str, tz: dt.tzinfo | None, dayfirst: bool, languages: Sequence[str] | None
) -> Timestamp | None:
    """An absolute date in *text*, widened over all zones if it has none."""
    opts = _options(
        _PROBE,
        "either",
        tz or _UTC,
        dayfirst=dayfirst,
        future=False,
        languages=languages,
    )
    found = _safe_find(text, opts)
    if found is None or found.kind != "absolute":
        return None
    stamp = found.stamp
    if tz is None and not found.zoned:
        return _stamp(
            stamp.text,
            stamp.earliest - _EARLIEST_ZONE,
            stamp.latest + _LATEST_ZONE,
            stamp.granularity,
            value=stamp.value,
            zone=_UTC,
        )
    return stamp


def title_date(
    title: str,
    *,
    tz: dt.tzinfo | None = None,
    dayfirst: bool = False,
    languages: Sequence[str] | None = None,
) -> Timestamp | None:
    """
    Read the date a title ends with, such as "... – DW – 07/13/2025".

    Args:
        title: The title as printed.
        tz: The publisher's time zone, if known.
            Without it, a date printed without a zone is widened to every
            zone on Earth (UTC+14 to UTC-12), since the day it names began
            and ended at different instants there.
        dayfirst: As for `resolve`.
        languages: As for `resolve`.

    Returns:
        The date with its interval, or ``None`` if the title does not end
        with a date that has a year.
    """
    if len(title) > 4 * _MAX_LEN:
        return None
    pieces = _TITLE_SPLIT.split(title.strip())
    if len(pieces) < 2 or _HAS_DIGIT.search(pieces[-1]) is None:
        return None  # a date with a year has digits
    return _absolute(pieces[-1], tz, dayfirst, languages)


def _granularity_for(width: dt.timedelta) -> Granularity:
    for unit in ("second", "minute", "hour", "day", "week"):
        if width <= 3 * _FIXED[unit]:
            return unit
    return "month" if width <= dt.timedelta(days=62) else "year"


def infer_reference(
    observations: Iterable[Sequence[str]],
    *,
    tz: dt.tzinfo | None = None,
    dayfirst: bool = False,
    languages: Sequence[str] | None = None,
) -> Timestamp | None:
    """
    Estimate the time a dump was captured from what it prints.

    Each observation is the strings printed for one item, such as
    ``("3 hours ago", "Ukraine updates ... – DW – 07/13/2025")``.
    An absolute date *D* next to an age *A* bounds the capture time:
    it lies between the start of *D* plus the least age *A* allows and the
    end of *D* plus the greatest.
    The bounds of all items are intersected; an item that contradicts the
    items before it is skipped.

    Args:
        observations: One sequence of strings per item: its age, its title
            or a date, in any order.
        tz: The site's time zone, if known; without it a date printed
            without a zone covers every zone on Earth.
        dayfirst: As for `resolve`.
        languages: As for `resolve`.

    Returns:
        The estimated reference time (value in the middle, earliest and
        latest the bounds, text saying how it was found), or ``None`` if no
        item prints both an age and a date.
    """
    earliest: dt.datetime | None = None
    latest: dt.datetime | None = None
    used: list[str] = []
    for observation in observations:
        dates: list[Timestamp] = []
        ages: list[str] = []
        for text in observation:
            # A date with a year has digits: most titles are not read at all.
            if _HAS_DIGIT.search(text) is None:
                ages.append(text)
                continue
            date = _absolute(text, tz, dayfirst, languages) or title_date(
                text, tz=tz, dayfirst=dayfirst, languages=languages
            )
            if date is not None:
                dates.append(date)
            else:
                ages.append(text)
        for date in dates:
            for age_text in ages:
                opts = _options(
                    date.value,
                    "either",
                    tz,
                    dayfirst=dayfirst,
                    future=False,
                    languages=languages,
                )
                found = _safe_find(age_text, opts)
                if found is None or found.kind != "relative":
                    continue
                least = date.value - found.stamp.latest
                most = date.value - found.stamp.earliest
                lo, hi = date.earliest + least, date.latest + most
                new_lo = lo if earliest is None else max(earliest, lo)
                new_hi = hi if latest is None else min(latest, hi)
                if new_lo > new_hi:
                    continue
                earliest, latest = new_lo, new_hi
                used.append(f"{age_text!r} with {date.text!r}")
    if earliest is None or latest is None:
        return None
    text = f"inferred from {len(used)} dated item(s): " + "; ".join(used)
    granularity = _granularity_for(latest - earliest)
    return _stamp(text, earliest, latest, granularity, value=None, zone=tz or _UTC)
