"""
Tests for `newsdump.times`: every English form, the interval conventions,
the policies, intersections and reference-time inference.

Unless a test says otherwise the reference time is Sunday 2025-07-13 18:00
UTC.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsdump import Article, RelativeTimeError, Timestamp, parse_text, times

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
D = dt.timedelta(days=1)
US = dt.timedelta(microseconds=1)


def at(*args: int, tz: dt.tzinfo = UTC) -> dt.datetime:
    return dt.datetime(*args, tzinfo=tz)  # type: ignore[arg-type, misc]


def day(
    year: int, month: int, dd: int, tz: dt.tzinfo = UTC
) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(year, month, dd, tzinfo=tz)
    return start, start + D - US


def bounds(
    text: str, now: dt.datetime = NOW, **kwargs: object
) -> tuple[dt.datetime, dt.datetime]:
    stamp = times.resolve(text, now, **kwargs)  # type: ignore[arg-type]
    assert stamp is not None, text
    return stamp.earliest, stamp.latest


class TestAges:
    @pytest.mark.parametrize(
        ("text", "n", "unit", "granularity"),
        [
            ("39 minutes ago", 39, M, "minute"),
            ("3 hours ago", 3, H, "hour"),
            ("an hour ago", 1, H, "hour"),
            ("a minute ago", 1, M, "minute"),
            ("1 day ago", 1, D, "day"),
            ("2 weeks ago", 2, 7 * D, "week"),
            ("5m", 5, M, "minute"),
            ("2h", 2, H, "hour"),
            ("3d", 3, D, "day"),
            ("1w", 1, 7 * D, "week"),
            ("3w", 3, 7 * D, "week"),
            ("5 mins ago", 5, M, "minute"),
            ("2 hrs ago", 2, H, "hour"),
            ("3 hr. ago", 3, H, "hour"),
            ("10 secs ago", 10, dt.timedelta(seconds=1), "second"),
            ("3 wks ago", 3, 7 * D, "week"),
            ("3 Hours Ago", 3, H, "hour"),
            ("  3\u00a0hours   ago ", 3, H, "hour"),
        ],
    )
    def test_fixed_unit_age_covers_floor_and_round(
        self, text: str, n: int, unit: dt.timedelta, granularity: str
    ) -> None:
        """An age of N units spans now-(N+1)u .. now-(N-1/2)u; value is now-Nu."""
        stamp = times.resolve(text, NOW)

        assert stamp is not None
        assert (NOW - (n + 1) * unit, NOW - (n - 0.5) * unit) == (
            stamp.earliest,
            stamp.latest,
        )
        assert NOW - n * unit == stamp.value
        assert granularity == stamp.granularity
        assert text == stamp.text

    @pytest.mark.parametrize(
        ("habit", "earliest", "latest"),
        [
            ("floor", NOW - 4 * H, NOW - 3 * H),
            ("round", NOW - 3.5 * H, NOW - 2.5 * H),
            ("either", NOW - 4 * H, NOW - 2.5 * H),
        ],
    )
    def test_habit_chooses_the_interval(
        self, habit: str, earliest: dt.datetime, latest: dt.datetime
    ) -> None:
        """habit="floor"/"round" give that habit's interval; "either" their union."""
        assert (earliest, latest) == bounds("3 hours ago", habit=habit)

    def test_zero_age_never_reaches_the_future(self) -> None:
        """The latest bound never passes the reference time."""
        assert (NOW - M, NOW) == bounds("0 minutes ago")

    def test_months_use_the_calendar_and_thirty_days(self) -> None:
        """3 months ago at Jul 13 is Apr 13; the interval also covers 30-day months."""
        stamp = times.resolve("3 months ago", NOW)

        assert stamp is not None
        assert at(2025, 4, 13, 18) == stamp.value
        assert at(2025, 3, 13, 18) == stamp.earliest  # 4 calendar months
        assert NOW - 75 * D == stamp.latest  # 2.5 months of 30 days
        assert "month" == stamp.granularity

    def test_month_end_is_clipped(self) -> None:
        """1 month before May 31 is Apr 30 (relativedelta clips to the month end)."""
        stamp = times.resolve("1 month ago", at(2025, 5, 31, 12))

        assert stamp is not None
        assert at(2025, 4, 30, 12) == stamp.value

    def test_a_year_ago(self) -> None:
        """ "a year ago" is one to about one and a half years before now."""
        stamp = times.resolve("a year ago", NOW)

        assert stamp is not None
        assert at(2024, 7, 13, 18) == stamp.value
        assert at(2023, 7, 13, 18) == stamp.earliest
        assert "year" == stamp.granularity

    @pytest.mark.parametrize(
        ("text", "n_total", "unit"),
        [
            ("1h20m ago", 80, M),
            ("1 day 3 hours ago", 27, H),
            ("2 hours and 5 minutes ago", 125, M),
            ("1 hour, 5 minutes ago", 65, M),
        ],
    )
    def test_compound_ages_take_the_smallest_unit(
        self, text: str, n_total: int, unit: dt.timedelta
    ) -> None:
        """A compound age is as precise as its smallest part."""
        assert (NOW - (n_total + 1) * unit, NOW - (n_total - 0.5) * unit) == bounds(
            text
        )

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            ("over 1 year ago", at(2023, 7, 13, 18), at(2024, 7, 13, 18)),
            ("more than 3 hours ago", NOW - 4 * H, NOW - 3 * H),
            ("almost 2 years ago", at(2023, 7, 13, 18), at(2024, 7, 13, 18)),
            ("nearly 3 hours ago", NOW - 3 * H, NOW - 2 * H),
            ("less than a minute ago", NOW - M, NOW),
            ("about 2 hours ago", NOW - 3 * H, NOW - 1.5 * H),
        ],
    )
    def test_qualifiers(
        self, text: str, earliest: dt.datetime, latest: dt.datetime
    ) -> None:
        """ "over N" is N..N+1 units, "almost N" N-1..N, "less than N" 0..N."""
        assert (earliest, latest) == bounds(text)

    def test_ages_are_elapsed_time_across_dst(self) -> None:
        """3 hours before 04:00 EDT on the spring-forward day is 00:00 EST."""
        now = at(2025, 3, 9, 4, tz=NEW_YORK)
        stamp = times.resolve("3 hours ago", now)

        assert stamp is not None
        assert at(2025, 3, 9, 5) == stamp.value
        assert dt.timedelta(hours=-5) == stamp.value.utcoffset()


class TestNowWords:
    @pytest.mark.parametrize(
        "text", ["just now", "moments ago", "now", "a few seconds ago", "Just now."]
    )
    def test_within_the_last_minute(self, text: str) -> None:
        """Words for "just now" give the minute before the reference time."""
        assert (NOW - M, NOW) == bounds(text)


class TestCalendarWords:
    def test_today_is_the_day_so_far(self) -> None:
        """ "today" runs from midnight to the reference time."""
        assert (at(2025, 7, 13), NOW) == bounds("today")

    def test_earlier_today(self) -> None:
        """ "earlier today" runs from midnight to the reference time."""
        assert (at(2025, 7, 13), NOW) == bounds("earlier today")

    def test_yesterday_is_a_whole_day(self) -> None:
        """ "yesterday" is the whole previous calendar day."""
        stamp = times.resolve("yesterday", NOW)

        assert stamp is not None
        assert day(2025, 7, 12) == (stamp.earliest, stamp.latest)
        assert "day" == stamp.granularity

    def test_yesterday_at_a_clock_time(self) -> None:
        """ "yesterday at 3:04 PM" is that minute of the previous day."""
        stamp = times.resolve("yesterday at 3:04 PM", NOW)

        assert stamp is not None
        assert (at(2025, 7, 12, 15, 4), at(2025, 7, 12, 15, 5) - US) == (
            stamp.earliest,
            stamp.latest,
        )
        assert "minute" == stamp.granularity

    def test_today_at_a_clock_time(self) -> None:
        """ "today at 09:15" is that minute of today."""
        assert (at(2025, 7, 13, 9, 15), at(2025, 7, 13, 9, 16) - US) == bounds(
            "today at 09:15"
        )

    def test_day_before_yesterday(self) -> None:
        """ "the day before yesterday" is two calendar days back."""
        assert day(2025, 7, 11) == bounds("the day before yesterday")

    def test_days_follow_the_reference_zone(self) -> None:
        """Calendar days are days in the zone of the reference time."""
        now = at(2025, 7, 13, 1, tz=NEW_YORK)

        assert day(2025, 7, 12, NEW_YORK) == bounds("yesterday", now)

    def test_tz_parameter_sets_the_site_zone(self) -> None:
        """With tz, calendar days are the site's days, whatever now's zone."""
        now = at(2025, 7, 13, 3)  # still Jul 12 in New York

        assert day(2025, 7, 11, NEW_YORK) == bounds("yesterday", now, tz=NEW_YORK)

    def test_yesterday_on_a_dst_day_is_23_hours(self) -> None:
        """A calendar day keeps its wall-clock bounds when DST starts."""
        earliest, latest = bounds("yesterday", at(2025, 3, 10, 12, tz=NEW_YORK))

        assert dt.timedelta(hours=23) - US == latest.astimezone(
            UTC
        ) - earliest.astimezone(UTC)


class TestLabels:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Updated 5 mins ago", (NOW - 6 * M, NOW - 4.5 * M)),
            ("Published 3 hours ago", (NOW - 4 * H, NOW - 2.5 * H)),
            ("Posted on July 12, 2025", day(2025, 7, 12)),
            ("Last updated: yesterday", day(2025, 7, 12)),
            ("Published: 2025-07-13", day(2025, 7, 13)),
        ],
    )
    def test_labels_are_skipped(
        self, text: str, expected: tuple[dt.datetime, dt.datetime]
    ) -> None:
        """ "Updated", "Published", "Posted on" before a time add nothing."""
        assert expected == bounds(text)


class TestWeekdays:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Mon", day(2025, 7, 7)),
            ("Sunday", day(2025, 7, 13)),
            ("last Sunday", day(2025, 7, 6)),
            ("on Tuesday", day(2025, 7, 8)),
            ("Sat.", day(2025, 7, 12)),
        ],
    )
    def test_most_recent_such_day(
        self, text: str, expected: tuple[dt.datetime, dt.datetime]
    ) -> None:
        """A weekday is the most recent such day not after the reference;
        "last" excludes today."""
        assert expected == bounds(text)

    def test_weekday_with_time(self) -> None:
        """ "Friday at 9:30 PM" is that minute of the last Friday."""
        assert (at(2025, 7, 11, 21, 30), at(2025, 7, 11, 21, 31) - US) == bounds(
            "Friday at 9:30 PM"
        )

    def test_future_weekday(self) -> None:
        """With future=True a weekday is the next such day."""
        assert day(2025, 7, 14) == bounds("Mon", future=True)


class TestAbsoluteDates:
    @pytest.mark.parametrize(
        "text",
        [
            "July 13, 2025",
            "13 July 2025",
            "Jul 13",
            "Jul. 13, 2025",
            "July 13th, 2025",
            "Sunday, July 13, 2025",
            "2025-07-13",
            "07/13/2025",
            "13/07/2025",
            "13.07.2025",
            "13-Jul-2025",
            "2025/07/13",
        ],
    )
    def test_dates_are_whole_days(self, text: str) -> None:
        """A date without a clock time is the whole day in the reference zone."""
        stamp = times.resolve(text, NOW)

        assert stamp is not None
        assert day(2025, 7, 13) == (stamp.earliest, stamp.latest)
        assert "day" == stamp.granularity

    def test_month_day_is_the_most_recent(self) -> None:
        """ "Jul 14" read on Jul 13 2025 is Jul 14 2024."""
        assert day(2024, 7, 14) == bounds("Jul 14")

    def test_month_day_in_the_future(self) -> None:
        """With future=True, "Jul 14" is the coming one."""
        assert day(2025, 7, 14) == bounds("Jul 14", future=True)

    def test_ambiguous_numeric_date_is_month_first(self) -> None:
        """ "03/04/2025" is March 4 by default and April 3 with dayfirst."""
        assert day(2025, 3, 4) == bounds("03/04/2025")
        assert day(2025, 4, 3) == bounds("03/04/2025", dayfirst=True)

    def test_unambiguous_numeric_date_ignores_dayfirst(self) -> None:
        """A part above 12 settles the order."""
        assert day(2025, 7, 13) == bounds("07/13/2025", dayfirst=True)
        assert day(2025, 7, 13) == bounds("13/07/2025", dayfirst=False)

    def test_date_with_minutes_is_a_minute(self) -> None:
        """ "Jul 13, 2025, 10:42 AM ET" is one minute; ET is EDT in July."""
        stamp = times.resolve("Jul 13, 2025, 10:42 AM ET", NOW)

        assert stamp is not None
        assert (at(2025, 7, 13, 14, 42), at(2025, 7, 13, 14, 43) - US) == (
            stamp.earliest,
            stamp.latest,
        )
        assert "minute" == stamp.granularity

    def test_et_is_est_in_winter(self) -> None:
        """ET takes the offset in force on the date: EST in January."""
        assert at(2025, 1, 13, 15, 42) == bounds("Jan 13, 2025, 10:42 AM ET")[0]

    def test_iso_with_zone(self) -> None:
        """ISO 8601 with Z is that second."""
        stamp = times.resolve("2025-07-13T10:42:00Z", NOW)

        assert stamp is not None
        assert (at(2025, 7, 13, 10, 42), at(2025, 7, 13, 10, 42, 1) - US) == (
            stamp.earliest,
            stamp.latest,
        )
        assert "second" == stamp.granularity

    def test_iso_without_zone_uses_tz(self) -> None:
        """An ISO time without zone is read in tz (else now's zone)."""
        assert at(2025, 7, 13, 14, 42) == bounds("2025-07-13T10:42", tz=NEW_YORK)[0]

    @pytest.mark.parametrize(
        ("zone", "offset_hours"),
        [
            ("ET", -4),
            ("EST", -5),
            ("EDT", -4),
            ("CT", -5),
            ("PT", -7),
            ("GMT", 0),
            ("BST", 1),
            ("CET", 1),
            ("CEST", 2),
            ("IST", 5.5),
            ("JST", 9),
            ("AEST", 10),
            ("UTC", 0),
            ("+0200", 2),
            ("-05:00", -5),
            ("GMT+2", 2),
            ("UTC-3", -3),
        ],
    )
    def test_zone_abbreviations_and_offsets(
        self, zone: str, offset_hours: float
    ) -> None:
        """A zone after the time sets the offset (IANA zone for ET/CT/PT)."""
        wall = at(2025, 7, 13, 10, 42)

        assert (
            wall - dt.timedelta(hours=offset_hours)
            == bounds(f"July 13, 2025 10:42 {zone}")[0]
        )

    def test_through_dateutil(self) -> None:
        """Shapes outside the fast paths go through dateutil."""
        assert at(2025, 7, 13, 8, 42) == bounds("Sunday, 13 Jul 2025 10:42:00 +0200")[0]

    def test_clock_and_zone_before_the_date(self) -> None:
        """ "10:42 AM ET, Sun July 13, 2025" keeps its zone through dateutil."""
        assert at(2025, 7, 13, 14, 42) == bounds("10:42 AM ET, Sun July 13, 2025")[0]

    def test_month_and_year_is_the_whole_month(self) -> None:
        """ "May 2025" is all of May, with month granularity."""
        stamp = times.resolve("May 2025", NOW)

        assert stamp is not None
        assert (at(2025, 5, 1), at(2025, 6, 1) - US, "month") == (
            stamp.earliest,
            stamp.latest,
            stamp.granularity,
        )

    def test_bare_clock_later_than_now_is_yesterday(self) -> None:
        """A clock time later than the reference means yesterday."""
        assert at(2025, 7, 12, 19, 30) == bounds("19:30")[0]
        assert at(2025, 7, 13, 10, 42) == bounds("10:42 AM")[0]

    def test_bare_clock_future(self) -> None:
        """With future=True a later clock time stays today."""
        assert at(2025, 7, 13, 19, 30) == bounds("19:30", future=True)[0]


class TestNoTime:
    @pytest.mark.parametrize(
        "text",
        [
            "",
            "   ",
            "Hello world",
            "Int'l Business Times",
            "- DW",
            "May",
            "12",
            "Trump",
            "Read more",
            "31/02/2025",
            "99999 years ago",
            "25:99",
            "x" * 1000,
            "Comments",
            "Wed 13",
            "5 min read",
        ],
    )
    def test_returns_none(self, text: str) -> None:
        """Text that holds no time gives None, not an error."""
        assert None is times.resolve(text, NOW)

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            # Read since issue 13: a future age, and one stamp among words.
            ("in 3 hours", NOW + 2.5 * H, NOW + 4 * H),
            ("2 hours ago • 3 min read", NOW - 3 * H, NOW - 1.5 * H),
            ("10 minutes ago via Reuters", NOW - 11 * M, NOW - 9.5 * M),
        ],
    )
    def test_stamps_once_left_unread(
        self, text: str, earliest: dt.datetime, latest: dt.datetime
    ) -> None:
        stamp = times.resolve(text, NOW)
        assert stamp is not None
        assert (earliest, latest) == (stamp.earliest, stamp.latest)

    def test_strict_raises(self) -> None:
        """resolve_strict raises RelativeTimeError where resolve gives None."""
        with pytest.raises(RelativeTimeError, match="Hello"):
            times.resolve_strict("Hello", NOW)

    def test_strict_returns_the_same(self) -> None:
        """resolve_strict returns what resolve returns when there is a time."""
        assert times.resolve("3 hours ago", NOW) == times.resolve_strict(
            "3 hours ago", NOW
        )

    def test_naive_now_is_rejected(self) -> None:
        """A naive reference time is a programming error."""
        with pytest.raises(ValueError, match="timezone-aware"):
            times.resolve("3 hours ago", dt.datetime(2025, 7, 13, 18))  # noqa: DTZ001

    def test_unknown_habit_and_language(self) -> None:
        """Unknown options raise ValueError."""
        with pytest.raises(ValueError, match="habit"):
            times.resolve("3 hours ago", NOW, habit="ceil")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="language"):
            times.resolve("3 hours ago", NOW, languages=["xx"])

    def test_result_keeps_the_reference_zone(self) -> None:
        """Results are aware, on the reference zone's clock with a fixed offset."""
        stamp = times.resolve("Jul 13, 2025, 10:42 AM ET", NOW.astimezone(NEW_YORK))

        assert stamp is not None
        assert (10, 42) == (stamp.earliest.hour, stamp.earliest.minute)
        assert dt.timezone(dt.timedelta(hours=-4)) == stamp.earliest.tzinfo

    def test_repeated_hour_orders_correctly(self) -> None:
        """In the hour repeated when clocks go back, bounds stay ordered."""
        now = dt.datetime(2025, 11, 2, 1, 0, fold=1, tzinfo=NEW_YORK)  # 06:00 UTC
        stamp = times.resolve("10 secs ago", now)

        assert stamp is not None
        assert (at(2025, 11, 2, 5, 59, 49), at(2025, 11, 2, 5, 59, 50, 500000)) == (
            stamp.earliest,
            stamp.latest,
        )


class TestLanguagesParameter:
    def test_restricting_languages(self) -> None:
        """languages limits the tables that are read."""
        assert None is times.resolve("vor 3 Stunden", NOW, languages=["en"])
        assert (NOW - 4 * H, NOW - 2.5 * H) == bounds("vor 3 Stunden", languages=["de"])


class TestUncertainReference:
    def test_reference_uncertainty_widens_the_result(self) -> None:
        """With a Timestamp as now, the result covers every possible now."""
        ref = Timestamp(text="ref", value=NOW, earliest=NOW - H, latest=NOW + H)

        assert (NOW - 5 * H, NOW - 1.5 * H) == bounds("3 hours ago", ref)  # type: ignore[arg-type]


class TestIntersect:
    def test_overlap(self) -> None:
        """The intersection keeps the overlap and the finer granularity."""
        age = times.resolve("3 hours ago", NOW)
        date = times.resolve("07/13/2025", NOW)
        assert age is not None
        assert date is not None

        both = times.intersect(age, date)

        assert both is not None
        assert (age.earliest, age.latest) == (both.earliest, both.latest)
        assert "hour" == both.granularity
        assert "3 hours ago | 07/13/2025" == both.text

    def test_contradiction(self) -> None:
        """Readings that do not overlap give None."""
        age = times.resolve("3 hours ago", NOW)
        date = times.resolve("07/10/2025", NOW)
        assert age is not None
        assert date is not None

        assert None is times.intersect(age, date)


class TestTitleDate:
    def test_publisher_and_date_suffix(self) -> None:
        """A title ending in "– DW – 07/13/2025" gives that day, widened over
        all zones when the zone is unknown."""
        stamp = times.title_date(
            "Ukraine updates: Russia seizes more territory in Donetsk – DW – 07/13/2025"
        )

        assert stamp is not None
        assert (at(2025, 7, 12, 10), at(2025, 7, 14, 12) - US) == (
            stamp.earliest,
            stamp.latest,
        )

    def test_with_zone(self) -> None:
        """With tz the date is that zone's day."""
        stamp = times.title_date("Story – DW – 07/13/2025", tz=UTC)

        assert stamp is not None
        assert day(2025, 7, 13) == (stamp.earliest, stamp.latest)

    @pytest.mark.parametrize(
        "title",
        ["EU Chief Delays Retaliation", "Tariffs – 2025", "Jul 13 – Reuters", ""],
    )
    def test_no_dated_suffix(self, title: str) -> None:
        """Titles without a dated suffix (with a year) give None."""
        assert None is times.title_date(title)


class TestInferReference:
    SAMPLE = (
        ("39 minutes ago", "'Inexcusable' Failures Led To Trump Assassination"),
        ("3 hours ago", "Ukraine updates: Russia seizes – DW – 07/13/2025"),
        ("3 hours ago", "EU Chief Delays Retaliation For US Tariffs"),
    )

    def test_date_and_age_bound_the_capture_time(self) -> None:
        """A date D next to an age A puts now in D + A's offsets."""
        ref = times.infer_reference(self.SAMPLE)

        assert ref is not None
        assert (at(2025, 7, 12, 12, 30), at(2025, 7, 14, 16) - US) == (
            ref.earliest,
            ref.latest,
        )
        assert "07/13/2025" in ref.text

    def test_observations_intersect(self) -> None:
        """Several dated items narrow the estimate."""
        ref = times.infer_reference(
            [
                ("1 day ago", "A – X – 07/12/2025"),
                ("2 hours ago", "B – Y – 2025-07-13T16:00:00Z"),
            ]
        )

        assert ref is not None
        assert (at(2025, 7, 13, 17, 30), at(2025, 7, 13, 19, 0, 0, 999999)) == (
            ref.earliest,
            ref.latest,
        )

    def test_contradicting_item_is_skipped(self) -> None:
        """An item that contradicts the earlier ones does not empty the estimate."""
        ref = times.infer_reference(
            [
                ("2 hours ago", "B – Y – 2025-07-13T16:00:00Z"),
                ("2 hours ago", "C – Z – 2020-01-01T00:00:00Z"),
            ]
        )

        assert ref is not None
        assert (at(2025, 7, 13, 17, 30), at(2025, 7, 13, 19, 0, 0, 999999)) == (
            ref.earliest,
            ref.latest,
        )

    @pytest.mark.parametrize(
        "observations",
        [[], [("3 hours ago", "No date here")], [("Nothing", "A – B – 07/13/2025")]],
    )
    def test_nothing_to_anchor(self, observations: list[tuple[str, ...]]) -> None:
        """Without an age next to a date there is no estimate."""
        assert None is times.infer_reference(observations)

    def test_items_resolved_against_the_estimate(self) -> None:
        """Every sample item, resolved against the inferred reference, falls
        within 2025-07-12..2025-07-14 UTC."""
        ref = times.infer_reference(self.SAMPLE)
        assert ref is not None

        for age, _title in self.SAMPLE:
            stamp = times.resolve(age, ref)
            assert stamp is not None
            assert at(2025, 7, 12) <= stamp.earliest
            assert stamp.latest < at(2025, 7, 15)


SAMPLE_DUMP = Path(__file__).parent / "fixtures" / "aggregator-page.txt"


class TestSampleDump:
    def parse(self, now: dt.datetime | None = None) -> Article:
        return parse_text(SAMPLE_DUMP.read_text(encoding="utf-8"), now=now)

    def test_without_now_every_item_falls_in_the_window(self) -> None:
        """With no now, the reference is inferred and every related item's
        interval lies within 2025-07-12..2025-07-14 UTC."""
        article = self.parse()

        assert "inferred" == article.reference_how
        assert 3 == len(article.related)
        for item in article.related:
            assert item.published is not None, item.title
            assert at(2025, 7, 12) <= item.published.earliest, item.title
            assert item.published.latest < at(2025, 7, 15), item.title

    def test_title_date_narrows_the_age(self) -> None:
        """The DW item's "– DW – 07/13/2025" feeds its time: with no now the
        interval is the title date's, not the wider inferred age."""
        article = self.parse()
        dw = next(i for i in article.related if "Donetsk" in i.title)
        ibt = next(i for i in article.related if "EU Chief" in i.title)

        assert dw.published is not None
        assert ibt.published is not None
        assert (at(2025, 7, 12, 10), at(2025, 7, 14, 12) - US) == (
            dw.published.earliest,
            dw.published.latest,
        )
        assert ibt.published.earliest < dw.published.earliest

    def test_with_now_the_age_decides(self) -> None:
        """With a given now, the age is inside the title date and is kept."""
        article = self.parse(NOW)
        dw = next(i for i in article.related if "Donetsk" in i.title)

        assert "given" == article.reference_how
        assert dw.published is not None
        assert (NOW - 4 * H, NOW - 2.5 * H) == (
            dw.published.earliest,
            dw.published.latest,
        )
