"""
Property-based tests for `newsdump.times`.

For random reference times (any zone, DST transitions included), random
ages and every rendering style, the resolved interval holds the true
publication instant, whether the site floored or rounded the age.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from newsdump import Timestamp, times
from newsdump._lang import LANGUAGES

UTC = dt.timezone.utc
FIXED = {
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}
UNITS = (*FIXED, "month", "year")
MAX_N = {
    "second": 300,
    "minute": 300,
    "hour": 300,
    "day": 400,
    "week": 200,
    "month": 120,
    "year": 40,
}
# Instants at which a zone changes its offset, with that zone.
TRANSITIONS = [
    ("America/New_York", dt.datetime(2025, 3, 9, 7, tzinfo=UTC)),
    ("America/New_York", dt.datetime(2025, 11, 2, 6, tzinfo=UTC)),
    ("Europe/Berlin", dt.datetime(2025, 3, 30, 1, tzinfo=UTC)),
    ("Europe/Berlin", dt.datetime(2025, 10, 26, 1, tzinfo=UTC)),
    ("Australia/Sydney", dt.datetime(2025, 4, 5, 16, tzinfo=UTC)),
    ("Australia/Lord_Howe", dt.datetime(2025, 10, 4, 15, 30, tzinfo=UTC)),
    ("America/Sao_Paulo", dt.datetime(2018, 11, 4, 3, tzinfo=UTC)),
    ("Pacific/Apia", dt.datetime(2011, 12, 30, 10, tzinfo=UTC)),
]

anywhere = st.datetimes(
    min_value=dt.datetime(1975, 1, 1),  # noqa: DTZ001 - bounds for aware values
    max_value=dt.datetime(2095, 1, 1),  # noqa: DTZ001
    timezones=st.timezones(),
)


@st.composite
def near_transition(draw: st.DrawFn) -> dt.datetime:
    zone, instant = draw(st.sampled_from(TRANSITIONS))
    offset = draw(st.integers(min_value=-3 * 86400, max_value=3 * 86400))
    return (instant + dt.timedelta(seconds=offset)).astimezone(ZoneInfo(zone))


reference_times = st.one_of(anywhere, near_transition())


def point(now: dt.datetime, k: float, unit: str) -> dt.datetime:
    """*now* minus *k* units: elapsed time, or calendar months and years."""
    if unit in FIXED:
        return now.astimezone(UTC) - k * FIXED[unit]
    months = int(k) * (12 if unit == "year" else 1)
    # On the wall clock, keeping now's fold (relativedelta resets it to 0).
    return (now - relativedelta(months=months)).replace(fold=now.fold).astimezone(UTC)


def between(a: dt.datetime, b: dt.datetime, fraction: float) -> dt.datetime:
    return a + (b - a) * fraction


def true_instant(
    now: dt.datetime, n: int, unit: str, habit: str, fraction: float
) -> dt.datetime:
    """An instant whose age, floored or rounded, is *n* units."""
    here, older = point(now, n, unit), point(now, n + 1, unit)
    if habit == "floor":  # age in [n, n+1)
        return between(here, older, fraction)
    newer = point(now, n - 1, unit) if n > 0 else now.astimezone(UTC)
    low, high = between(here, older, 0.5), between(here, newer, 0.5)
    high = min(high, now.astimezone(UTC))  # age in [n-1/2, n+1/2), not negative
    return between(high, low, fraction)


def unit_words(unit: str) -> list[tuple[str, str]]:
    """Every (language, word) pair naming *unit*."""
    return [
        (table.code, word)
        for table in LANGUAGES
        for word, named in table.units.items()
        if named == unit
    ]


@st.composite
def rendered_ages(draw: st.DrawFn) -> tuple[str, int, str]:
    """An age as a site prints it: "N units ago", "Nu", "an hour ago" or
    the same in another shipped language."""
    unit = draw(st.sampled_from(UNITS))
    n = draw(st.integers(min_value=0, max_value=MAX_N[unit]))
    code, word = draw(st.sampled_from(unit_words(unit)))
    table = next(t for t in LANGUAGES if t.code == code)
    style = draw(st.sampled_from(["words", "compact", "article"]))
    number = str(n)
    if style == "article" and n == 1:
        number = draw(st.sampled_from(table.one))
    if style == "compact" and code == "en":
        return f"{number}{word}", n, unit
    body = f"{number}{'' if number.endswith(chr(39)) else ' '}{word}"
    if table.ago_before:
        return f"{table.ago_before[0]} {body}", n, unit
    return f"{body} {table.ago_after[0]}", n, unit


fractions = st.floats(min_value=0, max_value=1, exclude_max=True)


class TestAgesHoldTheTrueInstant:
    @given(
        reference_times, rendered_ages(), fractions, st.sampled_from(["floor", "round"])
    )
    def test_default_interval_holds_under_either_habit(
        self, now: dt.datetime, age: tuple[str, int, str], fraction: float, habit: str
    ) -> None:
        """With habit="either" the interval holds the instant whether the
        site floored or rounded."""
        text, n, unit = age
        stamp = times.resolve(text, now)

        assert stamp is not None, text
        assert true_instant(now, n, unit, habit, fraction) in stamp
        assert stamp.earliest <= stamp.value <= stamp.latest
        assert stamp.latest <= now
        assert unit == stamp.granularity

    @given(
        reference_times, rendered_ages(), fractions, st.sampled_from(["floor", "round"])
    )
    def test_habit_interval_holds_under_that_habit(
        self, now: dt.datetime, age: tuple[str, int, str], fraction: float, habit: str
    ) -> None:
        """With habit="floor" or "round" the narrower interval still holds
        the instant under that habit."""
        text, n, unit = age
        stamp = times.resolve(text, now, habit=habit)  # type: ignore[arg-type]

        assert stamp is not None, text
        assert true_instant(now, n, unit, habit, fraction) in stamp

    @given(reference_times, rendered_ages())
    def test_results_are_aware_in_the_reference_zone(
        self, now: dt.datetime, age: tuple[str, int, str]
    ) -> None:
        """Every bound is aware, with the offset the reference zone has at
        that instant."""
        stamp = times.resolve(age[0], now)

        assert stamp is not None
        for instant in (stamp.earliest, stamp.value, stamp.latest):
            assert instant.astimezone(now.tzinfo).utcoffset() == instant.utcoffset()


vocabulary = st.sampled_from(
    [
        "ago", "3", "12", "a", "an", "hours", "h", "m", "mo", "yesterday", "at",
        "10:42", "AM", "PM", "ET", "PT", "+02:00", "Jul", "July", "13,", "2025",
        "/", "07/13/2025", "31/02/2025", "vor", "il y a", "hace", "fa", "geleden",
        "Sunday", "last", "on", "Updated", "over", "almost", "and", ",", "-", "T",
        "2025-07-13", "Z", "99999999", "de", "um", "Uhr", "0", "-1", "\u00a0",
        "1/2", "1 1/2", "99999 1/2", "2:30", "½", ".5", "fortnight", "early",
        "mid-", "late", "weekend", "or", "to", "or so", "from", "before",
        "after", "today", "tomorrow", "hundred", "couple", "minutes", "days",
        "just over", "~", "next", "the next", "week", "two",
    ]
)  # fmt: skip
nasty_text = st.one_of(
    st.text(max_size=60),
    st.lists(vocabulary, max_size=8).map(" ".join),
    st.lists(vocabulary, max_size=6).map("".join),
)


class TestArbitraryText:
    @given(nasty_text, reference_times)
    def test_never_raises(self, text: str, now: dt.datetime) -> None:
        """Any text gives a Timestamp or None, never an exception."""
        stamp = times.resolve(text, now)

        assert stamp is None or isinstance(stamp, Timestamp)
        if stamp is not None:
            assert stamp.earliest <= stamp.value <= stamp.latest
        for match in times.find(text, now=now):
            assert match.stamp.earliest <= match.stamp.latest

    @pytest.mark.parametrize(
        "text", ["99999 1/2 minutes ago", "in 1000 1/2 fortnights", "mid 2024 1/2 min"]
    )
    def test_huge_written_fractions(self, text: str) -> None:
        """A whole number too long for the fraction pattern once raised."""
        now = dt.datetime(2025, 7, 13, 18, tzinfo=UTC)
        times.resolve(text, now)
        times.find(text, now=now)

    @given(nasty_text, reference_times)
    def test_deterministic(self, text: str, now: dt.datetime) -> None:
        """The same text and reference give the same result."""
        assert times.resolve(text, now) == times.resolve(text, now)

    @given(nasty_text, nasty_text)
    def test_inference_never_raises(self, first: str, second: str) -> None:
        """Reference inference on arbitrary strings gives a Timestamp or None."""
        ref = times.infer_reference([(first, second), (second, first)])

        assert ref is None or ref.earliest <= ref.latest


DATE_FORMATS = [
    ("%B %d, %Y", "day"),
    ("%d %B %Y", "day"),
    ("%b %d, %Y", "day"),
    ("%a, %b %d, %Y", "day"),
    ("%Y-%m-%d", "day"),
    ("%m/%d/%Y", "day"),
    ("%d.%m.%Y", "day"),
    ("%b %d, %Y, %I:%M %p UTC", "minute"),
    ("%B %d, %Y %H:%M GMT", "minute"),
    ("%d %b %Y %H:%M:%S +0000", "second"),
    ("%Y-%m-%dT%H:%M:%SZ", "second"),
    ("%Y-%m-%dT%H:%M%z", "minute"),
    ("%A, %d %B %Y at %H:%M UTC", "minute"),
]


class TestAbsoluteDatesRoundTrip:
    @given(
        st.datetimes(
            min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001 - bounds
            max_value=dt.datetime(2090, 1, 1),  # noqa: DTZ001
        ),
        st.sampled_from(DATE_FORMATS),
        reference_times,
    )
    def test_rendered_date_resolves_to_its_interval(
        self, when: dt.datetime, form: tuple[str, str], now: dt.datetime
    ) -> None:
        """A date rendered in a common shape resolves to an interval that holds
        it, with the shape's granularity, whatever the reference time."""
        pattern, granularity = form
        instant = when.replace(microsecond=0, tzinfo=UTC)
        if granularity != "second":
            instant = instant.replace(second=0)
        if granularity == "day":
            instant = instant.replace(hour=12, minute=0)
        text = instant.strftime(pattern)
        stamp = times.resolve(text, now, tz=UTC, dayfirst="%d.%m" in pattern)

        assert stamp is not None, text
        assert instant in stamp, text
        assert granularity == stamp.granularity, text


class TestIntersect:
    @given(reference_times, rendered_ages(), rendered_ages())
    def test_intersection_lies_in_both(
        self,
        now: dt.datetime,
        first: tuple[str, int, str],
        second: tuple[str, int, str],
    ) -> None:
        """An intersection lies inside both readings and is symmetric in its
        bounds; None only when the readings do not overlap."""
        a = times.resolve(first[0], now)
        b = times.resolve(second[0], now)
        assert a is not None
        assert b is not None

        both = times.intersect(a, b)
        other = times.intersect(b, a)

        if both is None:
            assert other is None
            assert a.latest < b.earliest or b.latest < a.earliest
        else:
            assert other is not None
            assert (both.earliest, both.latest) == (other.earliest, other.latest)
            assert a.earliest <= both.earliest <= both.latest <= a.latest
            assert b.earliest <= both.earliest <= both.latest <= b.latest
