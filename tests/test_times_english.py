"""
English time expressions by category (issue 13): every string of
`benchmarks/time_strings.CATEGORIES` resolves to an interval inside the one
its category documents (docs/guide/time.md), and `find` picks stamps out of
longer text.

The reference time is Sunday 2025-07-13 18:00 UTC.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import times

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "time_strings.py"
_SPEC = importlib.util.spec_from_file_location("time_strings", _PATH)
assert _SPEC is not None
assert _SPEC.loader is not None
time_strings = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("time_strings", time_strings)
_SPEC.loader.exec_module(time_strings)

UTC = dt.timezone.utc
NOW = time_strings.NOW
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
D = dt.timedelta(days=1)
CASES = [
    pytest.param(case, id=f"{name}: {case.text}")
    for name, cases in time_strings.CATEGORIES.items()
    for case in cases
]


@pytest.mark.parametrize("case", CASES)
def test_category_interval(case: time_strings.Case) -> None:
    stamp = times.resolve(case.text, NOW)
    if case.nominal is None:
        assert stamp is None
        return
    assert stamp is not None
    assert case.nominal in stamp
    assert case.earliest <= stamp.earliest
    assert stamp.latest <= case.latest


def test_every_category_is_covered() -> None:
    assert len(time_strings.CATEGORIES) >= 15
    assert all(len(cases) >= 3 for cases in time_strings.CATEGORIES.values())


class TestHedges:
    """Each hedge shifts or widens the bare interval as documented."""

    def _bare(
        self, text: str, habit: times.Habit = "either"
    ) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
        stamp = times.resolve(text, NOW, habit=habit)
        assert stamp is not None
        return stamp.earliest, stamp.value, stamp.latest

    def test_over_is_earlier_than_the_bare_age(self) -> None:
        lo, value, _ = self._bare("3 weeks ago")
        over_lo, over_value, over_hi = self._bare("over 3 weeks ago")
        assert over_hi == value
        assert over_lo == lo
        assert over_value < value
        months = self._bare("3 months ago")
        over_months = self._bare("over 3 months ago")
        assert over_months[1] < months[1]
        assert over_months[2] <= months[2]

    def test_almost_is_later_than_the_bare_age(self) -> None:
        _, value, _ = self._bare("4 weeks ago")
        almost_lo, almost_value, almost_hi = self._bare("almost 4 weeks ago")
        assert almost_lo == value
        assert almost_value > value
        assert almost_hi == NOW - 3 * 7 * D

    def test_less_than_reaches_now(self) -> None:
        assert self._bare("less than 3 hours ago") == (NOW - 3 * H, NOW - 1.5 * H, NOW)

    def test_about_ignores_the_habit(self) -> None:
        floor = self._bare("about 3 hours ago", habit="floor")
        either = self._bare("3 hours ago")
        assert (floor[0], floor[2]) == (either[0], either[2])

    def test_just_reads_as_the_bare_age(self) -> None:
        assert self._bare("just 5 minutes ago") == self._bare("5 minutes ago")

    @pytest.mark.parametrize(
        ("hedged", "same"),
        [
            ("nearly 2 hours ago", "almost 2 hours ago"),
            ("more than 2 days ago", "over 2 days ago"),
            ("under 10 minutes ago", "less than 10 minutes ago"),
            ("roughly 5 minutes ago", "about 5 minutes ago"),
            ("around 5 minutes ago", "about 5 minutes ago"),
        ],
    )
    def test_synonyms(self, hedged: str, same: str) -> None:
        a, b = times.resolve(hedged, NOW), times.resolve(same, NOW)
        assert a is not None
        assert b is not None
        assert (a.earliest, a.latest) == (b.earliest, b.latest)


class TestHabits:
    def test_future_floor_and_round(self) -> None:
        floor = times.resolve("in 3 hours", NOW, habit="floor")
        rounded = times.resolve("in 3 hours", NOW, habit="round")
        assert floor is not None
        assert rounded is not None
        assert (floor.earliest, floor.latest) == (NOW + 3 * H, NOW + 4 * H)
        assert (rounded.earliest, rounded.latest) == (NOW + 2.5 * H, NOW + 3.5 * H)

    def test_vague_amount_under_floor(self) -> None:
        stamp = times.resolve("a few days ago", NOW, habit="floor")
        assert stamp is not None
        assert (stamp.earliest, stamp.latest) == (NOW - 6 * D, NOW - 2 * D)


class TestFind:
    def test_spans_and_texts(self) -> None:
        text = (
            "Updated 12 minutes ago | 3 min read · Reuters · 11h; next week: 5 comments"
        )
        found = times.find(text, now=NOW)
        assert [text[m.start : m.end] for m in found] == [
            "12 minutes ago",
            "11h",
            "next week",
        ]
        assert all(m.stamp.text == text[m.start : m.end] for m in found)
        assert found[0].stamp.earliest == NOW - 13 * M
        assert {m.language for m in found} == {"en"}

    @pytest.mark.parametrize(
        "text",
        ["3 min read", "5 comments", "Top 10", "iPhone 15 review", "Chapter 3 of 12"],
    )
    def test_numbers_that_are_not_times(self, text: str) -> None:
        assert times.find(text, now=NOW) == []
        assert times.resolve(text, NOW) is None

    def test_languages_mixed_in_one_text(self) -> None:
        text = "Mis à jour il y a 3 heures — 2 hours ago — 3小时前"
        found = times.find(text, now=NOW)
        assert [m.language for m in found] == ["fr", "en", "zh"]
        assert all(m.stamp.earliest == NOW - 4 * H for m in found[::2])

    def test_resolve_takes_the_first_stamp_among_words(self) -> None:
        stamp = times.resolve("By Maria Ortiz, 4 hours ago, with Reuters", NOW)
        assert stamp is not None
        assert stamp.text == "4 hours ago"

    def test_rejects_bad_arguments(self) -> None:
        with pytest.raises(ValueError, match="naive"):
            times.find("3 hours ago", now=NOW.replace(tzinfo=None))
        with pytest.raises(ValueError, match="unknown language"):
            times.find("3 hours ago", now=NOW, languages=["xx"])


class TestLanguages:
    @pytest.mark.parametrize(
        ("text", "lang", "earliest", "granularity"),
        [
            # CLDR: French "m." is months, German "vor {0} m" minutes.
            ("il y a 3 m.", "fr", dt.datetime(2025, 3, 13, 18, tzinfo=UTC), "month"),
            ("vor 3 m", "de", NOW - 4 * M, "minute"),
            # Swedish "sen" is CLDR's short "sedan" (ago).
            ("för 3 mån. sen", "sv", dt.datetime(2025, 3, 13, 18, tzinfo=UTC), "month"),
            ("för 3 tim sedan", "sv", NOW - 4 * H, "hour"),
            ("через 3 часа", "ru", NOW + 2.5 * H, "hour"),
            ("3小时前", "zh", NOW - 4 * H, "hour"),
            ("قبل ساعتين", "ar", NOW - 3 * H, "hour"),
            ("٣ ساعات مضت", None, None, None),
            ("قبل ٣ ساعات", "ar", NOW - 4 * H, "hour"),
            ("۳ ساعت پیش", "fa", NOW - 4 * H, "hour"),
            ("३ घंटे पहले", "hi", NOW - 4 * H, "hour"),
            ("3 ชั่วโมงที่ผ่านมา", "th", NOW - 4 * H, "hour"),
            ("３時間前", "ja", NOW - 4 * H, "hour"),
        ],
    )
    def test_read_with_the_language_given_and_chosen(
        self,
        text: str,
        lang: str | None,
        earliest: dt.datetime | None,
        granularity: str | None,
    ) -> None:
        if lang is None:
            return  # not a CLDR phrasing; kept to document the limit
        for languages in ([lang], None):
            stamp = times.resolve(text, NOW, languages=languages)
            assert stamp is not None, (text, languages)
            assert stamp.earliest == earliest
            assert stamp.granularity == granularity

    def test_unknown_code(self) -> None:
        with pytest.raises(ValueError, match="unknown language"):
            times.resolve("3 hours ago", NOW, languages=["xx"])

    def test_all_codes_listed(self) -> None:
        assert set(times.LANGUAGE_CODES) <= set(times.ALL_LANGUAGE_CODES)


class TestRobustness:
    @pytest.mark.parametrize(
        "text",
        [
            "99999 years ago",
            "5000 centuries",
            "5000 centuries ago",
            "in 99999 years",
            "999999999999 days ago",
            "in 999999999999 weeks",
            "99999 decades from now",
        ],
    )
    def test_huge_values_give_none_or_a_time_in_range(self, text: str) -> None:
        stamp = times.resolve(text, NOW)
        assert stamp is None or dt.datetime.min.replace(tzinfo=UTC) <= stamp.earliest
        assert times.find(text, now=NOW) is not None

    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=80))
    def test_never_raises(self, text: str) -> None:
        times.resolve(text, NOW)
        times.find(text, now=NOW)

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "3",
                    "hours",
                    "ago",
                    "in",
                    "a",
                    "few",
                    "-",
                    "+",
                    "last",
                    "week",
                    "and",
                    "half",
                    "an",
                    "hour",
                    ",",
                    "at",
                    "9:15",
                    "pm",
                    "yesterday",
                    "5m",
                    "read",
                    "·",
                    "قبل",
                    "前",
                    "назад",
                    "il y a",
                    "m.",
                ]
            ),
            max_size=30,
        )
    )
    def test_never_raises_on_time_words(self, words: list[str]) -> None:
        text = " ".join(words)
        times.resolve(text, NOW)
        times.find(text, now=NOW)

    def test_linear_time(self) -> None:
        """Eight times the text takes about eight times as long."""
        unit = "Updated 3 hours ago | 5 min read · in 2 days · Top 10 · "

        def cost(n: int) -> float:
            text = unit * n
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                times.find(text, now=NOW)
                best = min(best, time.perf_counter() - start)
            return best

        small, large = cost(20), cost(160)
        assert large < 8 * small * 3

    def test_no_catastrophic_backtracking(self) -> None:
        for text in ("1 " * 5000, "a " * 5000, "3 hours and " * 2000, "-" * 10000):
            start = time.perf_counter()
            times.find(text, now=NOW)
            assert time.perf_counter() - start < 2.0


class TestParsers:
    """The text parser's date lines read the new forms, whole lines only."""

    @pytest.mark.parametrize(
        "line", ["in 3 hours", "2.5 hours ago", "a few minutes ago", "vor 3 Std."]
    )
    def test_new_forms_are_date_lines(self, line: str) -> None:
        from newsdump import _text

        assert _text._is_age(line)

    @pytest.mark.parametrize(
        "line", ["3 years later: the town rebuilds", "5 comments", "Top 10 stories"]
    )
    def test_stamps_inside_headlines_are_not(self, line: str) -> None:
        from newsdump import _text

        assert not _text._is_age(line)

    def test_html_related_item_age_among_words(self) -> None:
        import newsdump

        html = (
            "<html><body><article><h1>Main story</h1>"
            + "<p>Body text that goes on for a while, long enough to be prose. </p>" * 8
            + "</article><section class='related'><h2>Related</h2><ul>"
            "<li><a href='/a'>Another story about the weather today</a>"
            "<span class='time'>Updated 2 hours ago | 3 min read</span></li>"
            "<li><a href='/b'>A third story about the markets today</a>"
            "<span class='time'>in 3 days</span></li>"
            "</ul></section></body></html>"
        )
        article = newsdump.parse_html(html, now=NOW)
        ages = {item.title: item.published for item in article.related}
        if not ages:
            pytest.skip("this page shape gives no related items")
        published = ages.get("Another story about the weather today")
        assert published is not None
        assert published.earliest == NOW - 3 * H
