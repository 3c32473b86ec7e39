"""
Realistic time strings as news pages and aggregators print them, with the
answer a careful human reader would give, for `bench_times.py`.

Every string is read at NOW, Sunday 2025-07-13 18:00 UTC.
Each case has a nominal instant (the single best answer) and the interval
the text honestly denotes; `None` marks strings that hold no time.
Ages follow the documented convention (floored or rounded: N units ago is
between now-(N+1)u and now-(N-1/2)u); calendar words and dates without a
clock are the whole day in UTC; clock times are the whole minute.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

__all__ = ["CASES", "NOW", "Case"]

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)


class Case(NamedTuple):
    text: str
    lang: str
    nominal: dt.datetime | None
    earliest: dt.datetime | None
    latest: dt.datetime | None


_UNITS = {
    "s": dt.timedelta(seconds=1),
    "min": dt.timedelta(minutes=1),
    "h": dt.timedelta(hours=1),
    "d": dt.timedelta(days=1),
    "w": dt.timedelta(weeks=1),
}


def _minus(n: float, unit: str) -> dt.datetime:
    if unit in _UNITS:
        return NOW - n * _UNITS[unit]
    months = int(n) * (12 if unit == "y" else 1)
    return NOW - relativedelta(months=months)


def _minus_days(n: float, unit: str) -> dt.datetime:
    return NOW - dt.timedelta(days=n * (365 if unit == "y" else 30))


def age(text: str, n: int, unit: str, lang: str = "en") -> Case:
    """N units ago: floored or rounded; months and years counted on the
    calendar or as 30 and 365 days, as sites do both."""
    here, older = _minus(n, unit), _minus(n + 1, unit)
    latest = min(NOW, here + (NOW - _minus(1, unit)) / 2)
    if unit in {"mo", "y"}:
        older = min(older, _minus_days(n + 1, unit))
        latest = max(latest, _minus_days(n - 0.5, unit))
    return Case(text, lang, here, older, latest)


def span(text: str, earliest: str, latest: str, lang: str = "en") -> Case:
    """Any instant between two ISO times; nominal in the middle."""
    lo, hi = dt.datetime.fromisoformat(earliest), dt.datetime.fromisoformat(latest)
    return Case(text, lang, lo + (hi - lo) / 2, lo, hi)


def day(text: str, date: str, lang: str = "en") -> Case:
    """The whole UTC day *date*; nominal at noon."""
    start = dt.datetime.fromisoformat(date).replace(tzinfo=UTC)
    end = start + dt.timedelta(days=1) - dt.timedelta(microseconds=1)
    return Case(text, lang, start + dt.timedelta(hours=12), start, end)


def minute(text: str, when: str, lang: str = "en") -> Case:
    """The minute starting at *when* (ISO with offset)."""
    start = dt.datetime.fromisoformat(when)
    return Case(text, lang, start, start, start + dt.timedelta(seconds=59.999999))


def second(text: str, when: str, lang: str = "en") -> Case:
    """The second starting at *when* (ISO with offset)."""
    start = dt.datetime.fromisoformat(when)
    return Case(text, lang, start, start, start + dt.timedelta(seconds=0.999999))


def none(text: str, lang: str = "en") -> Case:
    """Text that holds no time."""
    return Case(text, lang, None, None, None)


JUST_NOW = ("2025-07-13T17:59:00+00:00", "2025-07-13T18:00:00+00:00")
TODAY = ("2025-07-13T00:00:00+00:00", "2025-07-13T18:00:00+00:00")

CASES: list[Case] = [
    # English ages, the bulk of what aggregators print.
    age("39 minutes ago", 39, "min"),
    age("3 hours ago", 3, "h"),
    age("an hour ago", 1, "h"),
    age("a minute ago", 1, "min"),
    age("1 day ago", 1, "d"),
    age("2 weeks ago", 2, "w"),
    age("3 months ago", 3, "mo"),
    age("a year ago", 1, "y"),
    age("5m", 5, "min"),
    age("2h", 2, "h"),
    age("3d", 3, "d"),
    age("1w", 1, "w"),
    age("3w", 3, "w"),
    age("5 mins ago", 5, "min"),
    age("2 hrs ago", 2, "h"),
    age("3 hr. ago", 3, "h"),
    age("10 secs ago", 10, "s"),
    age("3 wks ago", 3, "w"),
    age("1 minute ago", 1, "min"),
    age("2 minutes ago", 2, "min"),
    age("4 minutes ago", 4, "min"),
    age("7 minutes ago", 7, "min"),
    age("12 minutes ago", 12, "min"),
    age("15 minutes ago", 15, "min"),
    age("23 minutes ago", 23, "min"),
    age("30 minutes ago", 30, "min"),
    age("45 minutes ago", 45, "min"),
    age("58 minutes ago", 58, "min"),
    age("1 hour ago", 1, "h"),
    age("2 hours ago", 2, "h"),
    age("4 hours ago", 4, "h"),
    age("5 hours ago", 5, "h"),
    age("6 hours ago", 6, "h"),
    age("8 hours ago", 8, "h"),
    age("11 hours ago", 11, "h"),
    age("14 hours ago", 14, "h"),
    age("17 hours ago", 17, "h"),
    age("23 hours ago", 23, "h"),
    age("2 days ago", 2, "d"),
    age("3 days ago", 3, "d"),
    age("5 days ago", 5, "d"),
    age("6 days ago", 6, "d"),
    age("1 week ago", 1, "w"),
    age("3 weeks ago", 3, "w"),
    age("1 month ago", 1, "mo"),
    age("2 months ago", 2, "mo"),
    age("6 months ago", 6, "mo"),
    age("11 months ago", 11, "mo"),
    age("2 years ago", 2, "y"),
    age("5 years ago", 5, "y"),
    age("a day ago", 1, "d"),
    age("a week ago", 1, "w"),
    age("a month ago", 1, "mo"),
    age("30 seconds ago", 30, "s"),
    age("45 seconds ago", 45, "s"),
    age("1m", 1, "min"),
    age("12m", 12, "min"),
    age("45m", 45, "min"),
    age("1h", 1, "h"),
    age("5h", 5, "h"),
    age("9h", 9, "h"),
    age("19h", 19, "h"),
    age("1d", 1, "d"),
    age("6d", 6, "d"),
    age("2w", 2, "w"),
    age("30s", 30, "s"),
    age("1 min ago", 1, "min"),
    age("9 mins ago", 9, "min"),
    age("20 mins ago", 20, "min"),
    age("1 hr ago", 1, "h"),
    age("4 hrs ago", 4, "h"),
    age("7 hrs ago", 7, "h"),
    age("1 hr. ago", 1, "h"),
    age("2 wk ago", 2, "w"),
    age("1 yr ago", 1, "y"),
    age("3 yrs ago", 3, "y"),
    age("2 mos ago", 2, "mo"),
    age("Updated 5 mins ago", 5, "min"),
    age("Updated 2 hours ago", 2, "h"),
    age("Published 3 hours ago", 3, "h"),
    age("Published 1 day ago", 1, "d"),
    age("Posted 6 hours ago", 6, "h"),
    age("Last updated 20 minutes ago", 20, "min"),
    age("Updated: 1 hour ago", 1, "h"),
    age("About 2 hours ago", 2, "h"),
    age("3 HOURS AGO", 3, "h"),
    age("41 Minutes Ago", 41, "min"),
    age("2 Days Ago", 2, "d"),
    age("· 4h", 4, "h"),
    age("(8 hours ago)", 8, "h"),
    span("1h20m ago", "2025-07-13T16:39:00+00:00", "2025-07-13T16:40:30+00:00"),
    span("1 day 3 hours ago", "2025-07-12T14:00:00+00:00", "2025-07-12T15:30:00+00:00"),
    span(
        "2 hours 30 minutes ago",
        "2025-07-13T15:29:00+00:00",
        "2025-07-13T15:30:30+00:00",
    ),
    span("over 1 year ago", "2023-07-13T18:00:00+00:00", "2024-07-13T18:00:00+00:00"),
    span(
        "almost 2 years ago", "2023-07-13T18:00:00+00:00", "2024-07-13T18:00:00+00:00"
    ),
    span(
        "more than 3 hours ago",
        "2025-07-13T14:00:00+00:00",
        "2025-07-13T15:00:00+00:00",
    ),
    span("less than a minute ago", *JUST_NOW),
    # English "now" words and calendar words.
    span("just now", *JUST_NOW),
    span("Just now", *JUST_NOW),
    span("moments ago", *JUST_NOW),
    span("a few seconds ago", *JUST_NOW),
    span("now", *JUST_NOW),
    span("today", *TODAY),
    span("Today", *TODAY),
    span("earlier today", *TODAY),
    day("yesterday", "2025-07-12"),
    day("Yesterday", "2025-07-12"),
    day("Updated yesterday", "2025-07-12"),
    minute("yesterday at 3:04 PM", "2025-07-12T15:04:00+00:00"),
    minute("Yesterday, 11:20 AM", "2025-07-12T11:20:00+00:00"),
    minute("yesterday at 21:45", "2025-07-12T21:45:00+00:00"),
    minute("today at 09:15", "2025-07-13T09:15:00+00:00"),
    minute("Today, 2:30 PM", "2025-07-13T14:30:00+00:00"),
    minute("today at 5:00 a.m.", "2025-07-13T05:00:00+00:00"),
    # Weekdays (Sunday Jul 13 is the reference day).
    day("Mon", "2025-07-07"),
    day("Friday", "2025-07-11"),
    day("Saturday", "2025-07-12"),
    day("last Sunday", "2025-07-06"),
    day("on Tuesday", "2025-07-08"),
    day("Wed", "2025-07-09"),
    day("Thursday", "2025-07-10"),
    minute("Friday at 9:30 PM", "2025-07-11T21:30:00+00:00"),
    minute("Sat 10:15 AM", "2025-07-12T10:15:00+00:00"),
    # Month and day, without and with a year.
    day("Jul 13", "2025-07-13"),
    day("July 12", "2025-07-12"),
    day("Jul 4", "2025-07-04"),
    day("June 30", "2025-06-30"),
    day("Dec 24", "2024-12-24"),
    day("July 13, 2025", "2025-07-13"),
    day("13 July 2025", "2025-07-13"),
    day("Jul 13, 2025", "2025-07-13"),
    day("Jul. 13, 2025", "2025-07-13"),
    day("July 13th, 2025", "2025-07-13"),
    day("Sunday, July 13, 2025", "2025-07-13"),
    day("Sun, July 13, 2025", "2025-07-13"),
    day("June 2, 2025", "2025-06-02"),
    day("March 3, 2024", "2024-03-03"),
    day("1 May 2025", "2025-05-01"),
    day("Posted on July 12, 2025", "2025-07-12"),
    day("Published: 11 July 2025", "2025-07-11"),
    day("13-Jul-2025", "2025-07-13"),
    day("Jul 13 2025", "2025-07-13"),
    # Dates with clock times and zones.
    minute("Jul 13, 2025, 10:42 AM ET", "2025-07-13T10:42:00-04:00"),
    minute("July 13, 2025 10:42 a.m. EDT", "2025-07-13T10:42:00-04:00"),
    minute("July 13, 2025 at 10:42 AM EDT", "2025-07-13T10:42:00-04:00"),
    minute("Jul 12, 2025, 9:05 PM PT", "2025-07-12T21:05:00-07:00"),
    minute("July 13, 2025 7:00 AM CT", "2025-07-13T07:00:00-05:00"),
    minute("Jan 13, 2025, 10:42 AM ET", "2025-01-13T10:42:00-05:00"),
    minute("Jul 13, 2025 14:42 GMT", "2025-07-13T14:42:00+00:00"),
    minute("13 July 2025 14:42 BST", "2025-07-13T14:42:00+01:00"),
    minute("13 July 2025, 16:42 CEST", "2025-07-13T16:42:00+02:00"),
    minute("13 Jul 2025 09:00 CET", "2025-07-13T09:00:00+01:00"),
    minute("July 13, 2025 8:15 PM IST", "2025-07-13T20:15:00+05:30"),
    minute("13 Jul 2025 22:10 JST", "2025-07-13T22:10:00+09:00"),
    minute("13 July 2025 1:30pm AEST", "2025-07-13T13:30:00+10:00"),
    minute("July 13, 2025 12:00 UTC", "2025-07-13T12:00:00+00:00"),
    minute("Jul 13, 2025 10:42 EST", "2025-07-13T10:42:00-05:00"),
    minute("July 12, 2025 11:59 PM PDT", "2025-07-12T23:59:00-07:00"),
    minute("Sunday, July 13, 2025 at 10:42 AM CEST", "2025-07-13T10:42:00+02:00"),
    minute("Jul 13, 2025 10:42 +0200", "2025-07-13T10:42:00+02:00"),
    minute("13 Jul 2025 10:42 -05:00", "2025-07-13T10:42:00-05:00"),
    # Machine formats.
    second("2025-07-13T10:42:00Z", "2025-07-13T10:42:00+00:00"),
    second("2025-07-13T10:42:00+02:00", "2025-07-13T10:42:00+02:00"),
    second("2025-07-12T23:15:30-04:00", "2025-07-12T23:15:30-04:00"),
    minute("2025-07-13T08:05Z", "2025-07-13T08:05:00+00:00"),
    minute("2025-07-13 08:05", "2025-07-13T08:05:00+00:00"),
    day("2025-07-13", "2025-07-13"),
    day("2025-06-30", "2025-06-30"),
    second("Sun, 13 Jul 2025 10:42:00 GMT", "2025-07-13T10:42:00+00:00"),
    second("Sat, 12 Jul 2025 22:01:09 +0000", "2025-07-12T22:01:09+00:00"),
    day("07/13/2025", "2025-07-13"),
    day("13/07/2025", "2025-07-13"),
    day("7/4/2025", "2025-07-04"),
    day("07/12/25", "2025-07-12"),
    day("13.07.2025", "2025-07-13"),
    day("2025/07/13", "2025-07-13"),
    minute("07/13/2025 10:42 AM", "2025-07-13T10:42:00+00:00"),
    minute("13.07.2025, 10:42", "2025-07-13T10:42:00+00:00"),
    # Bare clock times: today, or yesterday when later than now.
    minute("10:42 AM", "2025-07-13T10:42:00+00:00"),
    minute("19:30", "2025-07-12T19:30:00+00:00"),
    minute("8:05 PM", "2025-07-12T20:05:00+00:00"),
    minute("10:42 ET", "2025-07-13T10:42:00-04:00"),
    # German.
    age("vor 3 Stunden", 3, "h", "de"),
    age("vor einer Stunde", 1, "h", "de"),
    age("vor 20 Minuten", 20, "min", "de"),
    age("vor 2 Tagen", 2, "d", "de"),
    age("vor 1 Woche", 1, "w", "de"),
    age("Aktualisiert vor 5 Min.", 5, "min", "de"),
    day("gestern", "2025-07-12", "de"),
    minute("gestern um 15:04", "2025-07-12T15:04:00+00:00", "de"),
    day("Freitag", "2025-07-11", "de"),
    day("13. Juli 2025", "2025-07-13", "de"),
    span("gerade eben", *JUST_NOW, lang="de"),
    span("heute", *TODAY, lang="de"),
    # French.
    age("il y a 3 heures", 3, "h", "fr"),
    age("il y a une heure", 1, "h", "fr"),
    age("il y a 12 minutes", 12, "min", "fr"),
    age("il y a 2 jours", 2, "d", "fr"),
    age("Mis à jour il y a 4 h", 4, "h", "fr"),
    day("hier", "2025-07-12", "fr"),
    minute("hier à 15h04", "2025-07-12T15:04:00+00:00", "fr"),
    day("vendredi", "2025-07-11", "fr"),
    day("13 juillet 2025", "2025-07-13", "fr"),
    span("à l'instant", *JUST_NOW, lang="fr"),
    # Spanish.
    age("hace 3 horas", 3, "h", "es"),
    age("hace una hora", 1, "h", "es"),
    age("hace 15 minutos", 15, "min", "es"),
    age("hace 2 días", 2, "d", "es"),
    day("ayer", "2025-07-12", "es"),
    day("viernes", "2025-07-11", "es"),
    day("13 de julio de 2025", "2025-07-13", "es"),
    span("ahora mismo", *JUST_NOW, lang="es"),
    # Italian.
    age("3 ore fa", 3, "h", "it"),
    age("un'ora fa", 1, "h", "it"),
    age("25 minuti fa", 25, "min", "it"),
    age("2 giorni fa", 2, "d", "it"),
    day("ieri", "2025-07-12", "it"),
    day("venerdì", "2025-07-11", "it"),
    day("13 luglio 2025", "2025-07-13", "it"),
    # Portuguese.
    age("há 3 horas", 3, "h", "pt"),
    age("há uma hora", 1, "h", "pt"),
    age("3 horas atrás", 3, "h", "pt"),
    age("há 2 dias", 2, "d", "pt"),
    day("ontem", "2025-07-12", "pt"),
    day("sexta-feira", "2025-07-11", "pt"),
    day("13 de julho de 2025", "2025-07-13", "pt"),
    # Dutch.
    age("3 uur geleden", 3, "h", "nl"),
    age("een uur geleden", 1, "h", "nl"),
    age("10 minuten geleden", 10, "min", "nl"),
    age("2 dagen geleden", 2, "d", "nl"),
    day("gisteren", "2025-07-12", "nl"),
    day("vrijdag", "2025-07-11", "nl"),
    day("13 juli 2025", "2025-07-13", "nl"),
    # Lines a dump prints next to times that hold none.
    none("Int'l Business Times"),
    none("- DW"),
    none("Related Articles"),
    none("Comments"),
    none("No comments yet..."),
    none("Read more"),
    none("Hashtags"),
    none("Try Our AI Features"),
    none("EU Chief Delays Retaliation For US Tariffs In Search Of Deal"),
    none("Rubio Meets Russia's Lavrov At ASEAN Talks"),
    none("Share"),
    none("AFP"),
]


# --------------------------------------------------------------------------
# English by category (issue 13), with the interval each category documents
# in docs/guide/time.md. Read at NOW (Sunday 2025-07-13 18:00 UTC).

_FIXED_UNITS = {
    "s": dt.timedelta(seconds=1),
    "min": dt.timedelta(minutes=1),
    "h": dt.timedelta(hours=1),
    "d": dt.timedelta(days=1),
    "w": dt.timedelta(weeks=1),
}


def ago(  # noqa: PLR0917 - one row of a table
    text: str, n: float, lo: float, hi: float, unit: str, sign: int = -1
) -> Case:
    """An age of *n* units (fixed units) that the text allows between *lo*
    and *hi* units; *sign* 1 for times to come. Never past NOW for ages,
    never before NOW for times to come."""
    step = _FIXED_UNITS[unit]
    a, b = NOW + sign * lo * step, NOW + sign * hi * step
    earliest, latest = min(a, b), max(a, b)
    if sign < 0:
        latest = min(latest, NOW)
    else:
        earliest = max(earliest, NOW)
    return Case(text, "en", NOW + sign * n * step, earliest, latest)


def either(text: str, n: float, unit: str, step: float = 1.0, sign: int = -1) -> Case:
    """An age read under either habit: n - step/2 to n + step units."""
    return ago(text, n, max(0.0, n - step / 2), n + step, unit, sign)


def clock(text: str, when: str) -> Case:
    return minute(text, when)


CATEGORIES: dict[str, list[Case]] = {
    "digits": [
        either("3 hours ago", 3, "h"),
        either("17 minutes ago", 17, "min"),
        either("45 seconds ago", 45, "s"),
        either("6 days ago", 6, "d"),
    ],
    "number words": [
        either("five minutes ago", 5, "min"),
        either("twenty-one days ago", 21, "d"),
        either("an hour ago", 1, "h"),
        either("a week ago", 1, "w"),
        either("ninety nine seconds ago", 99, "s"),
        either("twelve hours ago", 12, "h"),
    ],
    "vague amounts": [
        ago("a couple of hours ago", 2.5, 1.5, 4, "h"),
        ago("a few days ago", 3.5, 1.5, 6, "d"),
        ago("several minutes ago", 6, 2.5, 10, "min"),
        ago("in a few weeks", 3.5, 1.5, 6, "w", sign=1),
    ],
    "decimals": [
        either("2.5 weeks ago", 2.5, "w", 0.1),
        either("0,75 days ago", 0.75, "d", 0.01),
        either("1.5 hours ago", 1.5, "h", 0.1),
    ],
    "fractions": [
        either("half an hour ago", 0.5, "h", 0.25),
        either("an hour and a half ago", 1.5, "h", 0.5),
        either("a quarter of an hour ago", 0.25, "h", 0.25),
        either("one and a half days ago", 1.5, "d", 0.5),
    ],
    "units and abbreviations": [
        either("6 hr. ago", 6, "h"),
        either("3hrs", 3, "h"),
        either("9h", 9, "h"),
        either("39m", 39, "min"),
        either("4d", 4, "d"),
        either("5w", 5, "w"),
        age("4mo", 4, "mo"),
        age("2y", 2, "y"),
        either("8 mins", 8, "min"),
        either("2 wks", 2, "w"),
        either("3 HOURS AGO", 3, "h"),
        either("10sec ago", 10, "s"),
        either("4 Hrs Ago", 4, "h"),
        span("2 decades ago", "1995-07-13T18:00:00+00:00", "2010-07-18T18:00:00+00:00"),
    ],
    "compound": [
        span(
            "1 year, 2 months and 3 days ago",
            "2024-05-09T18:00:00+00:00",
            "2024-05-11T06:00:00+00:00",
        ),
        ago("1d 4h ago", 28, 27.5, 29, "h"),
        ago("2 hours and 30 minutes ago", 150, 149.5, 151, "min"),
        ago("1h 20m ago", 80, 79.5, 81, "min"),
    ],
    "future": [
        either("in 3 hours", 3, "h", sign=1),
        either("3 days from now", 3, "d", sign=1),
        either("2 weeks later", 2, "w", sign=1),
        either("after 5 minutes", 5, "min", sign=1),
        ago("within 2 hours", 1, 0, 2, "h", sign=1),
        either("in an hour", 1, "h", sign=1),
    ],
    "past words": [
        either("3 days before", 3, "d"),
        either("2 weeks earlier", 2, "w"),
        either("5 hours back", 5, "h"),
    ],
    "signed offsets": [
        either("now - 45 minutes", 45, "min"),
        either("+3 weeks", 3, "w", sign=1),
        either("-2d", 2, "d"),
        either("today -3h", 3, "h"),
    ],
    "named days": [
        span("today", *TODAY),
        day("yesterday", "2025-07-12"),
        day("the day before yesterday", "2025-07-11"),
        day("tomorrow", "2025-07-14"),
        day("day after tomorrow", "2025-07-15"),
        span(
            "tonight", "2025-07-13T18:00:00+00:00", "2025-07-13T23:59:59.999999+00:00"
        ),
        span(
            "this morning",
            "2025-07-13T06:00:00+00:00",
            "2025-07-13T11:59:59.999999+00:00",
        ),
        span(
            "last night",
            "2025-07-12T18:00:00+00:00",
            "2025-07-13T05:59:59.999999+00:00",
        ),
    ],
    "named periods": [
        span(
            "last week", "2025-06-30T00:00:00+00:00", "2025-07-06T23:59:59.999999+00:00"
        ),
        span("this week", "2025-07-07T00:00:00+00:00", "2025-07-13T18:00:00+00:00"),
        span(
            "next week", "2025-07-14T00:00:00+00:00", "2025-07-20T23:59:59.999999+00:00"
        ),
        span(
            "last month",
            "2025-06-01T00:00:00+00:00",
            "2025-06-30T23:59:59.999999+00:00",
        ),
        span(
            "next year", "2026-01-01T00:00:00+00:00", "2026-12-31T23:59:59.999999+00:00"
        ),
        span("past week", "2025-07-06T18:00:00+00:00", "2025-07-13T18:00:00+00:00"),
        span("past 3 days", "2025-07-10T18:00:00+00:00", "2025-07-13T18:00:00+00:00"),
        span(
            "the coming week", "2025-07-13T18:00:00+00:00", "2025-07-20T18:00:00+00:00"
        ),
        span("next 2 weeks", "2025-07-13T18:00:00+00:00", "2025-07-27T18:00:00+00:00"),
        day("last Monday", "2025-07-07"),
        day("next Friday", "2025-07-18"),
        day("this Wednesday", "2025-07-09"),
        span(
            "last July", "2024-07-01T00:00:00+00:00", "2024-07-31T23:59:59.999999+00:00"
        ),
        span(
            "next March",
            "2026-03-01T00:00:00+00:00",
            "2026-03-31T23:59:59.999999+00:00",
        ),
    ],
    "time of day attached": [
        clock("yesterday at 2 PM", "2025-07-12T14:00:00+00:00"),
        clock("2 weeks ago at 9:15 pm", "2025-06-29T21:15:00+00:00"),
        clock("today, 14:05", "2025-07-13T14:05:00+00:00"),
        clock("tomorrow at 10am", "2025-07-14T10:00:00+00:00"),
        clock("last Friday at 8:30", "2025-07-11T08:30:00+00:00"),
    ],
    "hedges": [
        either("about 3 hours ago", 3, "h"),
        either("around 2 days ago", 2, "d"),
        either("roughly 5 minutes ago", 5, "min"),
        ago("almost 4 weeks ago", 3.5, 3, 4, "w"),
        ago("nearly 2 hours ago", 1.5, 1, 2, "h"),
        span(
            "over 3 months ago",
            "2025-03-13T18:00:00+00:00",
            "2025-04-14T18:00:00+00:00",
        ),
        ago("more than 2 days ago", 2.5, 2, 3, "d"),
        ago("less than 3 hours ago", 1.5, 0, 3, "h"),
        ago("under 10 minutes ago", 5, 0, 10, "min"),
        either("just 5 minutes ago", 5, "min"),
    ],
    "among other words": [
        either("Updated 12 minutes ago | 3 min read", 12, "min"),
        either("By Maria Ortiz, 4 hours ago", 4, "h"),
        either("Submitted by u/example 9 hr. ago", 9, "h"),
        either("Reuters · 11h", 11, "h"),
        either("Posted 2 days ago in World News", 2, "d"),
    ],
    "not a time": [
        none("3 min read"),
        none("5 comments"),
        none("Top 10"),
        none("iPhone 15 review"),
        none("Chapter 3"),
        none("1,200 shares"),
    ],
}
"""English strings by category, each with its documented interval."""


# --------------------------------------------------------------------------
# Ages rendered by libraries that are not newsdump: Babel (CLDR, every
# language), arrow, pendulum and humanize (English).

# Ages in seconds from 5 seconds to 10 years, spread over every unit.
AGES_SECONDS: tuple[int, ...] = (
    5, 30, 59, 90, 150, 600, 1500, 2000, 3600, 5400, 7200, 14400, 36000,
    61200, 72000, 86400, 172800, 259200, 432000, 604800, 864000, 950400,
    1209600, 1814400, 2592000, 3888000, 5184000, 7776000, 17280000, 31536000,
    43200000, 63072000, 94608000, 157680000, 315360000,
)  # fmt: skip
# Babel's units and their lengths in seconds, largest first (months of 30
# days, years of 365), as `babel.dates.format_timedelta` counts them.
_BABEL_UNITS = (
    ("year", 31536000),
    ("month", 2592000),
    ("week", 604800),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
    ("second", 1),
)


class Rendered(NamedTuple):
    """An age a library printed, the instant it stands for, and the length
    of the unit it was printed in (seconds)."""

    text: str
    lang: str
    instant: dt.datetime
    unit_seconds: int
    source: str


def babel_unit(seconds: float) -> int:
    """The unit Babel prints *seconds* in (its 0.85 threshold)."""
    for _, size in _BABEL_UNITS:
        if abs(seconds) / size >= 0.85:
            return size
    return 1


def babel_rendered(code: str) -> list[Rendered]:
    """Every age of `AGES_SECONDS`, past and future, in every width."""
    from babel.dates import format_timedelta  # noqa: PLC0415 - optional

    out = []
    for seconds in AGES_SECONDS:
        for sign in (-1, 1):
            delta = dt.timedelta(seconds=sign * seconds)
            for width in ("long", "short", "narrow"):
                text = format_timedelta(
                    delta, add_direction=True, format=width, locale=code
                )
                out.append(
                    Rendered(text, code, NOW + delta, babel_unit(seconds), "babel")
                )
    return out


def english_rendered() -> list[Rendered]:
    """English ages printed by Babel, arrow, pendulum and humanize."""
    out = babel_rendered("en")
    try:
        import arrow  # noqa: PLC0415 - optional
        import humanize  # noqa: PLC0415 - optional
        import pendulum  # noqa: PLC0415 - optional
    except ImportError:
        return out
    base = pendulum.instance(NOW)
    for seconds in AGES_SECONDS:
        unit = babel_unit(seconds)
        for sign in (-1, 1):
            delta = dt.timedelta(seconds=sign * seconds)
            then = NOW + delta
            out.append(
                Rendered(arrow.get(then).humanize(NOW), "en", then, unit, "arrow")
            )
            text = pendulum.instance(then).diff_for_humans(base)
            out.append(Rendered(text, "en", then, unit, "pendulum"))
        for sign in (-1, 1):
            # naturaltime reads a positive timedelta as an age.
            text = humanize.naturaltime(dt.timedelta(seconds=-sign * seconds))
            then = NOW + dt.timedelta(seconds=sign * seconds)
            out.append(Rendered(text, "en", then, unit, "humanize"))
    return out
