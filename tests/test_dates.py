from __future__ import annotations

import datetime as dt

import attrs
import pytest

from newsdump import times
from newsdump._dates import (
    date_line,
    find_text_dates,
    label_role,
    make_stamp,
    month_first,
    month_names,
    plausible,
    url_dates,
)
from newsdump._models import Timestamp

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 20, 12, 0, tzinfo=UTC)


def first(text: str, *, first_month: bool = True) -> dt.date | None:
    found = find_text_dates(text, first_month=first_month)
    return found[0].date if found else None


def stamp(text: str, tz: dt.tzinfo | None = None) -> Timestamp:
    found = find_text_dates(text)
    assert found
    result = make_stamp(text, found[0], tz)
    assert result is not None
    return result


class TestFormats:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Published 18 October 2020", dt.date(2020, 10, 18)),
            ("18.10.2020, 14:32 Uhr", dt.date(2020, 10, 18)),
            ("Oct. 18, 2020 5:04 p.m. ET", dt.date(2020, 10, 18)),
            ("October 18th, 2020", dt.date(2020, 10, 18)),
            ("18th Dec 2025", dt.date(2025, 12, 18)),
            ("1er mai 2020", dt.date(2020, 5, 1)),
            ("18. Oktober 2020", dt.date(2020, 10, 18)),
            ("18 de octubre de 2020", dt.date(2020, 10, 18)),
            ("18 ottobre 2020", dt.date(2020, 10, 18)),
            ("18 outubro 2020", dt.date(2020, 10, 18)),
            ("18 oktober 2020", dt.date(2020, 10, 18)),
            ("2020年10月18日", dt.date(2020, 10, 18)),
            ("2020년 10월 18일", dt.date(2020, 10, 18)),
            ("2020-10-18T14:32:00+02:00", dt.date(2020, 10, 18)),
            ("2020/10/18", dt.date(2020, 10, 18)),
            ("2023 Jan 7", dt.date(2023, 1, 7)),
            ("Dec. 19, 2025 · Niko", dt.date(2025, 12, 19)),
            ("JUN 08, 2023 • 11 Minute Read", dt.date(2023, 6, 8)),
        ],
    )
    def test_absolute_dates(self, text, expected):
        """Month names (full, abbreviated, dotted, any case), ordinals, CJK
        and ISO forms give the printed day."""
        assert expected == first(text)

    def test_impossible_day_is_not_a_date(self):
        """2023-02-30 does not exist, so nothing is read."""
        assert [] == find_text_dates("2023-02-30 and 31.04.2024")

    def test_span_covers_date_and_clock(self):
        """The span of a date covers its clock and zone, not the label."""
        text = "Published: 13 July 2025 14:05 BST"
        found = find_text_dates(text)[0]

        assert "13 July 2025 14:05 BST" == text[found.start : found.end]

    def test_month_only(self):
        """ "October 2020" is a month: its interval is the whole month."""
        result = stamp("October 2020")

        assert "month" == result.granularity
        assert dt.date(2020, 10, 1) == (result.earliest + dt.timedelta(hours=14)).date()
        assert dt.date(2020, 10, 31) == (result.latest - dt.timedelta(hours=12)).date()

    def test_two_digit_years(self):
        """Two-digit years below 70 are this century, from 70 the last."""
        assert dt.date(2020, 10, 18) == first("18.10.20")
        assert dt.date(1998, 10, 18) == first("18.10.98")

    def test_months_come_from_the_language_tables(self):
        """Every shipped language's month names are known."""
        names = month_names()

        assert 10 == names["oktober"] == names["octobre"] == names["ottobre"]
        assert 3 == names["märz"]


class TestNumericOrder:
    def test_unambiguous_numbers_decide(self):
        """A part above 12 settles the order whatever the language."""
        assert dt.date(2025, 4, 13) == first("13/04/2025", first_month=True)
        assert dt.date(2025, 4, 13) == first("04/13/2025", first_month=False)

    @pytest.mark.parametrize(
        ("language", "host", "expected"),
        [
            ("en-US", None, True),
            ("en", "example.com", True),
            ("en-GB", None, False),
            ("en", "example.co.uk", False),
            ("en", "example.com.au", False),
            ("de", "example.com", False),
            ("fr-FR", None, False),
            (None, None, True),
        ],
    )
    def test_ambiguous_rule(self, language, host, expected):
        """03/04/2025 is month first only for English outside the day-first
        regions."""
        assert expected is month_first(language, host)

    def test_ambiguous_date_read_by_rule(self):
        """The rule picks March 4 or 3 April; dotted dates are day first."""
        assert dt.date(2025, 3, 4) == first("03/04/2025", first_month=True)
        assert dt.date(2025, 4, 3) == first("03/04/2025", first_month=False)
        assert dt.date(2025, 4, 3) == first("03.04.2025", first_month=True)


class TestStamps:
    def test_date_without_time_is_whole_day(self):
        """A bare date in a known offset spans its day; the value is noon."""
        plus2 = dt.timezone(dt.timedelta(hours=2))
        result = stamp("18 October 2020", plus2)

        assert dt.datetime(2020, 10, 18, tzinfo=plus2) == result.earliest
        assert dt.datetime(2020, 10, 18, 12, tzinfo=plus2) == result.value
        assert "day" == result.granularity

    def test_no_zone_is_widened(self):
        """Without any zone the day is widened to UTC-12 .. UTC+14."""
        result = stamp("18 October 2020")

        assert dt.datetime(2020, 10, 17, 10, tzinfo=UTC) == result.earliest
        assert dt.datetime(2020, 10, 18, 12, tzinfo=UTC) == result.value
        assert dt.datetime(2020, 10, 19, 11, 59, 59, 999999, tzinfo=UTC) == (
            result.latest
        )

    def test_page_offset_is_kept(self):
        """A time late in the evening keeps its own offset and day."""
        result = stamp("2020-10-18T23:30:00-05:00")

        assert dt.date(2020, 10, 18) == result.value.date()
        assert dt.timedelta(hours=-5) == result.value.utcoffset()

    @pytest.mark.parametrize(
        ("text", "offset"),
        [
            ("13 July 2025 14:05 BST", 1),
            ("13 July 2025 14:05 IST", 5.5),
            ("13 July 2025 14:05 CST", -6),
            ("July 13, 2025 2:05 pm ET", -4),
            ("January 13, 2025 2:05 pm ET", -5),
            ("13.07.2025 14:05 MESZ", 2),
        ],
    )
    def test_zone_abbreviations(self, text, offset):
        """Zone names give their offset; "ET" follows daylight saving."""
        result = stamp(text)

        assert dt.timedelta(hours=offset) == result.value.utcoffset()
        assert "minute" == result.granularity

    def test_twelve_hour_clock(self):
        """5:04 p.m. is 17:04, 12:30 a.m. is 00:30."""
        assert 17 == stamp("Oct. 18, 2020 5:04 p.m.").value.hour
        assert 0 == stamp("Oct. 18, 2020 12:30 am").value.hour


class TestUrls:
    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("https://x.org/2020/10/18/story", dt.date(2020, 10, 18)),
            ("https://x.org/news/20201018/story", dt.date(2020, 10, 18)),
            ("https://x.org/news/story-2020-10-18-more", dt.date(2020, 10, 18)),
            ("https://x.org/2020/1/8/story", dt.date(2020, 1, 8)),
        ],
    )
    def test_day_patterns(self, url, expected):
        """Dated paths give their day."""
        found = url_dates(url)

        assert expected == found[0].date
        assert "day" == found[0].granularity

    def test_month_only_path(self):
        """/2020/10/ alone gives a month, day unknown."""
        found = url_dates("https://x.org/2020/10/story")

        assert [(dt.date(2020, 10, 1), "month")] == [
            (f.date, f.granularity) for f in found
        ]

    @pytest.mark.parametrize(
        "url",
        [
            "https://x.org/p/12345678901",
            "https://x.org/story?date=2020-10-18",
            "https://x.org/2020/13/40/story",
            "https://2020-10-18.example.org/story",
        ],
    )
    def test_no_date(self, url):
        """Long ids, queries, impossible days and host names give nothing."""
        assert [] == url_dates(url)


class TestPlausible:
    def test_future_is_rejected(self):
        """A date after now plus a day of skew is not a publication date."""
        assert not plausible(stamp("2025-07-23"), now=NOW)
        assert plausible(stamp("2025-07-22"), now=NOW)

    def test_old_dates_need_structure(self):
        """Before 1995 only structured data may state a date."""
        old = stamp("1990-05-01")

        assert not plausible(old, now=NOW)
        assert plausible(old, now=NOW, structured=True)

    def test_template_date(self):
        """1970-01-01 is a template's zero, not a date."""
        assert not plausible(stamp("1970-01-01"), now=NOW, structured=True)


class TestDateLines:
    @pytest.mark.parametrize(
        ("line", "role", "day"),
        [
            ("Published: 13 July 2025 14:05 BST", "published", dt.date(2025, 7, 13)),
            ("July 13, 2025 · 5 min read", "unknown", dt.date(2025, 7, 13)),
            ("13.07.2025 um 14:05 Uhr", "unknown", dt.date(2025, 7, 13)),
            ("Updated Monday, 3 March 2025", "modified", dt.date(2025, 3, 3)),
            ("Veröffentlicht am 13.07.2025", "published", dt.date(2025, 7, 13)),
            ("Publié le 13 juillet 2025", "published", dt.date(2025, 7, 13)),
        ],
    )
    def test_date_lines(self, line, role, day):
        """A line of a date and its labels is a date line, with its role."""
        read = date_line(line)

        assert read is not None
        assert (role, day) == (read[0], read[1].date)

    @pytest.mark.parametrize(
        "line",
        [
            "The meeting on 3 March 2025 was long",
            "Deadline: 3 March 2025",
            "From 3 March 2025 to 4 March 2025",
            "No date here",
        ],
    )
    def test_not_date_lines(self, line):
        """Sentences, other kinds of dates and two dates are not date lines."""
        assert None is date_line(line)

    def test_label_roles(self):
        """Labels give the role; "Received" marks another kind of date."""
        assert "modified" == label_role("Last updated:")
        assert "published" == label_role("Posted on")
        assert "unknown" == label_role("")
        assert None is label_role("Received")


class TestTimestampSource:
    def test_times_built_stamps_have_no_source(self):
        """`newsdump.times` builds timestamps field by field for speed; they
        read no page, so their source is None, and they evolve."""
        now = dt.datetime(2025, 7, 13, 18, tzinfo=UTC)
        for text in ("3 hours ago", "in 2 days", "yesterday at 2 PM", "13 July 2025"):
            stamp = times.resolve(text, now)
            assert stamp is not None, text
            assert None is stamp.source
            assert "url" == attrs.evolve(stamp, source="url").source
