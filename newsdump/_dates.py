"""
Absolute dates in text and in URLs: "18 October 2020", "Oct. 18, 2020
5:04 p.m. ET", "18.10.2020, 14:32 Uhr", "2020年10月18日", ``/2020/10/18/``.

This module reads what a date says; `newsdump._html_dates` decides which
of a page's dates is its publication date.

Rules, stated once:

- Month names come from the language tables (`newsdump._lang`), full and
  abbreviated, with or without a dot, in any letter case; every shipped
  language is tried at once.
- Numeric dates: a part above 12 settles the order; otherwise
  ``03/04/2025`` is read month first only when the page is English and not
  from a day-first English region (see `month_first`), and day first
  everywhere else; dotted dates (``03.04.2025``) are always day first.
  Year-first numbers (``2025/04/03``) are always year, month, day.
- Two-digit years (``18.10.20``) are 2000 to 2069 below 70, 1970 to 1999
  from 70 up.
- Zone abbreviations are those of `newsdump.times.TIMEZONE_ABBREVIATIONS`:
  "IST" is India (UTC+5:30), "CST" US Central (UTC-6), "BST" British Summer
  Time; "ET", "PT" and the like take the offset in force on the date.
- A date without a time spans its whole day; a time without seconds its
  whole minute.
  A date printed without a zone is read in the page's own offset when the
  page states one elsewhere; otherwise its value is taken in UTC and its
  interval widened by 14 hours before and 12 after (the day began at
  different instants in UTC+14 and UTC-12).
  A stated offset is kept: the day is the page's day, not the UTC one.
- Plausibility (`plausible`): never after the reference time plus a day of
  clock skew, never before 1995 unless structured data states it, never the
  template date 1970-01-01.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from typing import Final, Literal

import attrs

from newsdump._lang import CLDR_CODES, LANGUAGES
from newsdump._lang import month_names as cldr_month_names
from newsdump._models import Granularity, Timestamp
from newsdump.times import TIMEZONE_ABBREVIATIONS

__all__ = [
    "DAY_FIRST_REGIONS",
    "LINE_WORDS",
    "MIN_YEAR",
    "MIN_YEAR_STRUCTURED",
    "ROLE_WORDS",
    "SKEW",
    "Role",
    "TextDate",
    "date_line",
    "find_text_dates",
    "label_role",
    "make_stamp",
    "month_first",
    "month_names",
    "plausible",
    "url_dates",
]

MIN_YEAR: Final = 1995
"""Dates read from text, elements or URLs before this year are rejected."""

MIN_YEAR_STRUCTURED: Final = 1900
"""Structured data (JSON-LD, meta, microdata) may state dates back to here."""

SKEW: Final = dt.timedelta(days=1)
"""How far past the reference time a date may lie (clock skew, zones)."""

DAY_FIRST_REGIONS: Final = frozenset(
    {"gb", "uk", "ie", "au", "nz", "in", "za", "sg", "my", "pk", "ng", "ke", "hk"}
)
"""English-speaking regions (language tag region or country TLD) that write
numeric dates day first."""

_HAND_CODES: Final = frozenset(lang.code for lang in LANGUAGES)
_TEMPLATE_DAYS: Final = frozenset({dt.date(1970, 1, 1)})
_EARLY_WIDEN: Final = dt.timedelta(hours=14)
_LATE_WIDEN: Final = dt.timedelta(hours=12)
_TICK: Final = dt.timedelta(microseconds=1)
_UTC: Final = dt.timezone.utc
_MAX_SCAN: Final = 20_000
_DIGIT: Final = re.compile(r"\d")

_EXTRA_MONTHS: Final[Mapping[str, int]] = {
    # Abbreviations sites print that the tables do not list as such.
    "sept": 9,
    "janv": 1,
    "févr": 2,
    "avr": 4,
    "juil": 7,
    "déc": 12,
    "okt": 10,
    "dez": 12,
    "mrz": 3,
    "mär": 3,
    "ene": 1,
    "abr": 4,
    "dic": 12,
    "gen": 1,
    "giu": 6,
    "lug": 7,
    "ott": 10,
    "fev": 2,
    "mei": 5,
    "mrt": 3,
}


@functools.cache
def month_names(language: str | None = None) -> Mapping[str, int]:
    """
    The month names dates are read with, lower case, to their number.

    Every name of the hand-written language tables (English, German,
    French, Spanish, Italian, Portuguese, Dutch) is always known; earlier
    tables win where two spell different months alike.
    A page in another language of the CLDR tables (`newsdump._lang.CLDR_CODES`:
    Russian, Polish, Turkish, Swedish, ...) adds its own names, which win
    over the others ("listopad" is November in Polish, October in Croatian).
    Names with a final dot are stored without it.

    Args:
        language: The page's language tag ("pl", "ru-RU"), if known.
    """
    names: dict[str, int] = {}
    code = (language or "").lower().replace("_", "-").split("-")[0]
    if code in CLDR_CODES and code not in _HAND_CODES:
        for name, month in cldr_month_names(code).items():
            if not any(ch.isdigit() for ch in name):  # "7月" is read as a date
                names.setdefault(name.rstrip(".").lower(), month)
    for lang in LANGUAGES:
        for index, group in enumerate(lang.months):
            for name in group:
                names.setdefault(name.rstrip(".").lower(), index + 1)
    for name, month in _EXTRA_MONTHS.items():
        names.setdefault(name, month)
    return names


def month_first(language: str | None, host: str | None = None) -> bool:
    """
    Tell whether an ambiguous numeric date (``03/04/2025``) is month first.

    Only English pages from outside the day-first regions are: an ``en-US``
    page, or an ``en`` page whose host's country code (".co.uk", ".com.au")
    is not in `DAY_FIRST_REGIONS`. Every other language reads day first.
    A page of unknown language counts as English.

    Args:
        language: The page's language tag ("en-GB"), if known.
        host: The page's host name, if known.

    Returns:
        ``True`` for month first.
    """
    tag = (language or "en").lower().replace("_", "-").split("-")
    if tag[0] != "en":
        return False
    if len(tag) > 1 and len(tag[1]) == 2:
        return tag[1] not in DAY_FIRST_REGIONS
    tld = (host or "").lower().rstrip(".").rsplit(".", 1)[-1]
    return tld not in DAY_FIRST_REGIONS


@attrs.frozen(kw_only=True)
class TextDate:
    """
    A date found in a text, before it is turned into a `Timestamp`.

    Args:
        start: Offset of its first character in the text.
        end: Offset one past its last character.
        date: The calendar day (the first of the month when *granularity*
            is "month").
        clock: The time of day, if printed.
        granularity: "day", "month", "minute" or "second".
        zone: The zone it was printed with, if any.
    """

    start: int
    end: int
    date: dt.date
    clock: dt.time | None = None
    granularity: Granularity = "day"
    zone: dt.tzinfo | None = None


def _alternation(words: Iterator[str] | list[str]) -> str:
    return "|".join(
        re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


_ZONE = (
    r"(?:(?:utc|gmt)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|z(?![^\W\d_])|"
    + _alternation([z for z in TIMEZONE_ABBREVIATIONS if z != "z"])
    + r")(?![^\W\d_])"
)
_CLOCK_TAIL = (
    r"(?:\s*,?\s*(?:at|um|à|a\s+las|às|alle|om|kl\.?|-|–|·|\||t)?\s*"
    r"(?P<h>\d{1,2})(?:[:h.](?P<mi>\d{2}))(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<ap>[ap]\.?\s?m(?![^\W\d_])\.?)?\s*(?:uhr|h(?![^\W\d_]))?"
    rf"\s*\(?(?P<z>{_ZONE})?\)?)?"
)


def _language_key(language: str | None) -> str | None:
    """The key of the month table for *language*: None for the shared one."""
    code = (language or "").lower().replace("_", "-").split("-")[0]
    return code if code in CLDR_CODES and code not in _HAND_CODES else None


_ISO_FORM: Final = (
    # 2020-10-18, 2020/10/18, 2020.10.18, with an ISO time and zone
    r"(?P<iy>(?:19|20)\d{2})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)"
    r"(?P<id>\d{1,2})(?!\d)(?:[t ](?P<ih>\d{2}):(?P<imi>\d{2})"
    r"(?::(?P<is>\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(?P<iz>z(?![^\W\d_])|[+-]\d{2}:?\d{2})?)?"
)
_ISO_HEAD: Final = re.compile(r"\s*(?:19|20)\d\d[-/.]\d")


@functools.cache
def _iso_pattern() -> re.Pattern[str]:
    """`_pattern`'s year-first form alone: structured values are mostly ISO,
    and this pattern is much cheaper than the one with every month name."""
    return re.compile(rf"\s*(?:{_ISO_FORM}){_CLOCK_TAIL}", re.IGNORECASE)


@functools.cache
def _pattern(key: str | None = None) -> re.Pattern[str]:
    months = _alternation(list(month_names(key)))
    mon = rf"(?P<{{}}>{months})(?![^\W\d_])\.?"
    ordinal = r"(?:st|nd|rd|th|er|e|º|°|\.)?"
    forms = [
        _ISO_FORM,
        # 2020年10月18日, 2020년 10월 18일
        r"(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})(?P<ce>\s*[日일])?",
        # 18.10.2020, 10/18/2020, 18-10-20
        r"(?P<na>\d{1,2})(?P<nsep>[./-])(?P<nb>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})(?!\d)",
        # 18 October 2020, 18. Oktober 2020, 1er mai 2020, 18 de octubre de 2020
        (
            rf"(?P<dd>\d{{1,2}}){ordinal}\s*(?:de\s+|of\s+)?{mon.format('dm')},?\s*"
            r"(?:de\s+|del\s+)?(?P<dy>\d{4})(?!\d)"
        ),
        # October 18, 2020, Oct. 18th 2020
        rf"{mon.format('mm')}\s*(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}})(?!\d)",
        # 2023 Jan 7 (bibliographic)
        (
            rf"(?P<by>(?:19|20)\d{{2}})\s+{mon.format('bm')}\s+(?P<bd>\d{{1,2}})(?!\d)"
            r"(?!(?:st|nd|rd|th)?,?\s*\d{4})"
        ),
        # October 2020 (a month)
        (
            rf"(?!(?:ago|out|set)\b){mon.format('om')},?\s+(?:de\s+)?"
            r"(?P<oy>(?:19|20)\d{2})(?!\d)"
        ),
    ]
    body = "|".join(f"(?:{form})" for form in forms)
    return re.compile(rf"(?<![\w/.-])(?:{body}){_CLOCK_TAIL}", re.IGNORECASE)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _numeric_day(
    match: re.Match[str], first_month: bool
) -> tuple[int, int, int] | None:
    a, b = int(match["na"]), int(match["nb"])
    year = _year(match["ny"])
    # Dotted dates (18.10.2020) are day first wherever they are written.
    first_month = first_month and match["nsep"] != "."
    if a > 12 or (not first_month and b <= 12):
        return year, b, a
    return year, a, b


def _day_of(  # noqa: PLR0911 - one return per form of `_pattern`
    match: re.Match[str], first_month: bool, months: Mapping[str, int]
) -> tuple[int, int, int, bool]:
    """(year, month, day, whole month?) of a match of `_pattern`."""
    if match["iy"]:  # the only form `_iso_pattern` has
        return int(match["iy"]), int(match["im"]), int(match["id"]), False
    if match["cy"]:
        return int(match["cy"]), int(match["cm"]), int(match["cd"]), False
    if match["na"]:
        found = _numeric_day(match, first_month)
        if found is None:
            return 0, 0, 0, False
        return (*found, False)
    if match["dm"]:
        return int(match["dy"]), months[match["dm"].lower()], int(match["dd"]), False
    if match["by"]:
        return int(match["by"]), months[match["bm"].lower()], int(match["bd"]), False
    if match["mm"]:
        return int(match["my"]), months[match["mm"].lower()], int(match["md"]), False
    return int(match["oy"]), months[match["om"].lower()], 1, True


def _zone_of(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    raw = text.strip().lower()
    if raw in TIMEZONE_ABBREVIATIONS:
        return TIMEZONE_ABBREVIATIONS[raw]
    offset = re.search(r"([+-])(\d{1,2}):?(\d{2})?$", raw)
    if offset is None:
        return None
    sign = -1 if offset[1] == "-" else 1
    minutes = int(offset[2]) * 60 + int(offset[3] or 0)
    if minutes >= 24 * 60:
        return None
    return dt.timezone(sign * dt.timedelta(minutes=minutes))


def _clock(match: re.Match[str]) -> tuple[dt.time | None, Granularity, str | None]:
    hour_text = match["ih"] or match["h"]
    if hour_text is None:
        return None, "day", None
    hour = int(hour_text)
    minute = int(match["imi"] or match["mi"] or 0)
    seconds = match["is"] or match["s"]
    meridiem = (match["ap"] or "").lower()[:1]
    if meridiem and not 1 <= hour <= 12:
        return None, "day", None
    if meridiem == "p" and hour != 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (seconds and int(seconds) > 59):
        return None, "day", None
    granularity: Granularity = "second" if seconds else "minute"
    clock = dt.time(hour, minute, int(seconds or 0))
    return clock, granularity, match["iz"] or match["z"]


def find_text_dates(
    text: str,
    *,
    first_month: bool = True,
    limit: int = 20,
    language: str | None = None,
) -> list[TextDate]:
    """
    Every absolute date in *text*, in order, with its span.

    Relative times ("3 hours ago") are not read here (`newsdump.times`
    reads them); nor are impossible days (2023-02-30) or bare years.

    Args:
        text: Any text.
        first_month: Read ambiguous numeric dates month first (see
            `month_first`).
        limit: Stop after this many dates.
        language: The page's language tag, for its month names (see
            `month_names`).

    Returns:
        The dates found, at most *limit*.
    """
    found: list[TextDate] = []
    if _DIGIT.search(text, 0, _MAX_SCAN) is None:
        return found
    key = _language_key(language)
    months = month_names(key)
    matches: Iterator[re.Match[str]]
    iso = _iso_pattern().match(text) if _ISO_HEAD.match(text) else None
    if iso is not None and limit == 1:
        matches = iter((iso,))
    else:
        matches = _pattern(key).finditer(text[:_MAX_SCAN])
    for match in matches:
        year, month, day, whole_month = _day_of(match, first_month, months)
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        clock, granularity, zone_text = _clock(match)
        start = match.start("iy") if match["iy"] else match.start()
        end = match.end() if clock is not None else _date_end(match)
        while end > start and text[end - 1] in " \t\n\r,(":
            end -= 1  # the clock's optional parts may have eaten spaces
        found.append(
            TextDate(
                start=start,
                end=end,
                date=date,
                clock=clock,
                granularity="month" if whole_month else granularity,
                zone=_zone_of(zone_text) if clock is not None else None,
            )
        )
        if len(found) >= limit:
            break
    return found


def _date_end(match: re.Match[str]) -> int:
    """Where the date part of a match ends (without an unread clock)."""
    groups = match.groupdict()
    ends = [
        match.end(group)
        for group in ("id", "ce", "cd", "ny", "dy", "my", "bd", "oy")
        if groups.get(group) is not None
    ]
    return max(ends) if ends else match.end()


def make_stamp(
    text: str, found: TextDate, tz: dt.tzinfo | None = None, source: str | None = None
) -> Timestamp | None:
    """
    The `Timestamp` a found date denotes.

    Args:
        text: The text to record as the timestamp's text.
        found: A date of `find_text_dates`.
        tz: The page's own offset, for dates printed without one; ``None``
            widens them as the module docstring says.
        source: The `Timestamp.source` to record.

    Returns:
        The timestamp, or ``None`` if it cannot be built.
    """
    zone = found.zone or tz
    clock = found.clock or dt.time()
    try:
        start = dt.datetime.combine(found.date, clock, tzinfo=zone or _UTC)
        if zone is not None and not isinstance(zone, dt.timezone):
            offset = start.utcoffset() or dt.timedelta()
            start = start.replace(tzinfo=dt.timezone(offset))
        latest = _span_end(start, found.granularity)
    except (ValueError, OverflowError):
        return None
    value = start
    if found.granularity in {"day", "month"}:
        value = start + (latest - start + _TICK) / 2
    earliest = start
    if zone is None:
        try:
            earliest, latest = start - _EARLY_WIDEN, latest + _LATE_WIDEN
        except OverflowError:
            return None
    return Timestamp(
        text=text,
        value=value,
        earliest=earliest,
        latest=latest,
        granularity=found.granularity,
        source=source,
    )


def _span_end(start: dt.datetime, granularity: Granularity) -> dt.datetime:
    if granularity == "month":
        year, month = (
            (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        )
        return start.replace(year=year, month=month) - _TICK
    step = {
        "second": dt.timedelta(seconds=1),
        "minute": dt.timedelta(minutes=1),
        "hour": dt.timedelta(hours=1),
    }.get(granularity, dt.timedelta(days=1))
    return start + step - _TICK


_URL_DAY = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2]|[1-9](?=/))"
    r"(?P=sep)(?P<d>0[1-9]|[12]\d|3[01]|[1-9](?=/))(?!\d)"
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])/(?!\d)")


def url_dates(url: str) -> list[TextDate]:
    """
    The dates in a page's address, best first.

    ``/2020/10/18/``, ``/20201018/`` and ``2020-10-18`` in a slug give the
    day; ``/2020/10/`` alone gives the month (day unknown).
    Query strings and fragments are ignored.

    Args:
        url: The page's address.

    Returns:
        The dates found: days first, then a month.
    """
    path = url.split("?", 1)[0].split("#", 1)[0]
    scheme_end = path.find("://")
    if scheme_end >= 0:
        slash = path.find("/", scheme_end + 3)
        path_start = slash if slash >= 0 else len(path)
    else:
        path_start = 0
    found: list[TextDate] = []
    for match in _URL_DAY.finditer(path, path_start):
        sep = match["sep"]
        # Eight bare digits must stand alone ("/20201018/", "-20201018-").
        if not sep and (match.end() < len(path) and path[match.end()].isalnum()):
            continue
        try:
            date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        found.append(TextDate(start=match.start(), end=match.end(), date=date))
    if not found:
        for match in _URL_MONTH.finditer(path, path_start):
            date = dt.date(int(match["y"]), int(match["m"]), 1)
            found.append(
                TextDate(
                    start=match.start() + 1,
                    end=match.end() - 1,
                    date=date,
                    granularity="month",
                )
            )
    return found


def plausible(
    stamp: Timestamp, *, now: dt.datetime | None, structured: bool = False
) -> bool:
    """
    Tell whether a date can be a page's publication or update date.

    Args:
        stamp: The date.
        now: The reference time (the crawl time), if known.
        structured: Whether structured data (JSON-LD, meta, microdata)
            states it; such dates may be older than `MIN_YEAR`.

    Returns:
        ``False`` for dates after *now* plus `SKEW`, before the minimum
        year, or on a template day (1970-01-01).
    """
    day = stamp.value.date()
    if day in _TEMPLATE_DAYS:
        return False
    if day.year < (MIN_YEAR_STRUCTURED if structured else MIN_YEAR):
        return False
    return not (now is not None and stamp.earliest > now + SKEW)


Role = Literal["published", "modified", "unknown"]

ROLE_WORDS: Final[tuple[tuple[re.Pattern[str], Role | None], ...]] = (
    (
        re.compile(
            r"\b(?:received|accepted|expires?|deadline|due|born|events?|starts?"
            r"|ends?|eingereicht|reçu|recibido)\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        re.compile(
            r"updated|modified|revised|aktualisiert|mis à jour|mise à jour"
            r"|actualizado|atualizado|aggiornato|bijgewerkt|last edited",
            re.IGNORECASE,
        ),
        "modified",
    ),
    (
        re.compile(
            r"publi|posted|veröffentlicht|erschienen|créé|gepubliceerd|pubblicato"
            r"|submitted|written|released",
            re.IGNORECASE,
        ),
        "published",
    ),
)
"""Words before a date, or in an element's class, that give its role; the
first row marks dates that are not the page's (they are skipped)."""


def label_role(*texts: str) -> Role | None:
    """
    The role the words around a date give it.

    Args:
        texts: The label before the date, class names, and the like.

    Returns:
        "modified" for "Updated", "published" for "Published", ``None``
        for another kind of date ("Received", "Deadline"), else "unknown".
    """
    for pattern, role in ROLE_WORDS:
        if any(pattern.search(text) for text in texts if text):
            return role
    return "unknown"


LINE_WORDS: Final = frozenset(
    {
        "published",
        "publication",
        "posted",
        "updated",
        "last",
        "modified",
        "on",
        "at",
        "date",
        "veröffentlicht",
        "aktualisiert",
        "zuletzt",
        "am",
        "um",
        "uhr",
        "stand",
        "publié",
        "publiée",
        "mis",
        "à",
        "jour",
        "le",
        "publicado",
        "actualizado",
        "atualizado",
        "el",
        "em",
        "pubblicato",
        "aggiornato",
        "il",
        "gepubliceerd",
        "bijgewerkt",
        "op",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
        "reading",
        "time",
        "lesezeit",
        "lecture",
        "lectura",
        "leitura",
        "lettura",
        "leestijd",
        "de",
    }
)
"""Words a date line may hold besides its date ("Published on", "5 min
read", "um ... Uhr"); weekday names of the language tables also count."""

_LINE_TOKEN: Final = re.compile(r"[^\W\d_]+|\d+")
_MAX_DATE_LINE: Final = 120


@functools.cache
def _weekday_names() -> frozenset[str]:
    return frozenset(
        name.rstrip(".").lower()
        for lang in LANGUAGES
        for group in lang.weekdays
        for name in group
    )


def date_line(text: str, *, first_month: bool = True) -> tuple[Role, TextDate] | None:
    """
    Read a line that is only a date, such as "Published: 13 July 2025 14:05
    BST", "July 13, 2025 · 5 min read" or "13.07.2025 um 14:05 Uhr".

    Args:
        text: One line of a text dump.
        first_month: As for `find_text_dates`.

    Returns:
        The date's role (from its label) and the date; ``None`` if the line
        holds no date, or more than a date and its labels.
    """
    if len(text) > _MAX_DATE_LINE:
        return None
    dates = find_text_dates(text, first_month=first_month, limit=2)
    if len(dates) != 1 or dates[0].granularity == "month":
        return None
    found = dates[0]
    rest = f"{text[: found.start]} {text[found.end :]}"
    weekdays = _weekday_names()
    numbers = 0
    for token in _LINE_TOKEN.findall(rest.lower()):
        if token.isdigit():
            numbers += 1  # "5 min read"
        elif token not in LINE_WORDS and token not in weekdays:
            return None
    if numbers > 1:
        return None
    role = label_role(text[: found.start])
    if role is None:
        return None
    return role, found
