"""
English forms read from their grammar beyond the issue's first categories:
ranges, written fractions, hours and minutes, days counted from a named
day, "or so", a unit without a number, fortnights, and the guard that keeps
half of a phrase from being read alone.

The reference time is Sunday 2025-07-13 18:00 UTC.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import Timestamp, times

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)
UNITS = {
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
    "week": dt.timedelta(weeks=1),
}


def _resolve(text: str, habit: times.Habit = "either") -> Timestamp:
    stamp = times.resolve(text, NOW, habit=habit)
    assert stamp is not None, text
    return stamp


def _whole_day(stamp: Timestamp, day: str) -> None:
    start = dt.datetime.fromisoformat(day).replace(tzinfo=UTC)
    assert stamp.earliest == start
    assert stamp.latest == start + dt.timedelta(days=1, microseconds=-1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a week from tomorrow", "2025-07-21"),
        ("two weeks from yesterday", "2025-07-26"),
        ("two days before yesterday", "2025-07-10"),
        ("3 days after today", "2025-07-16"),
        ("a fortnight from tomorrow", "2025-07-28"),
    ],
)
def test_days_counted_from_a_named_day(text: str, day: str) -> None:
    _whole_day(_resolve(text), day)


@pytest.mark.parametrize("text", ["3 days after Monday", "2 days before Fri"])
def test_days_counted_from_a_weekday_are_not_misread(text: str) -> None:
    assert times.resolve(text, NOW) is None


@pytest.mark.parametrize("text", ["a week today", "a week from Monday"])
def test_half_of_an_unread_phrase_is_not_taken_alone(text: str) -> None:
    assert times.resolve(text, NOW) is None


@pytest.mark.parametrize(
    "text",
    [
        "Updated 2 hours ago 5 min read",
        "2 hours ago 12 comments",
        "2 hours ago 5 min",
        "5 min read 2 hours ago",
    ],
)
def test_a_number_next_to_a_stamp_is_not_part_of_it(text: str) -> None:
    stamp = _resolve(text)
    assert NOW - dt.timedelta(hours=2) in stamp


def test_later_today_runs_from_now_to_midnight() -> None:
    stamp = _resolve("later today")
    assert stamp.earliest == NOW
    assert stamp.latest == dt.datetime(2025, 7, 13, 23, 59, 59, 999999, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("2-3 days ago", 2, 3, "day"),
        ("2 – 3 days ago", 2, 3, "day"),
        ("2 to 3 days ago", 2, 3, "day"),
        ("two or three days ago", 2, 3, "day"),
        ("a day or two ago", 1, 2, "day"),
        ("an hour or two ago", 1, 2, "hour"),
        ("5-10 minutes ago", 5, 10, "minute"),
    ],
)
def test_ranges_hold_both_ends(text: str, low: int, high: int, unit: str) -> None:
    step = UNITS[unit]
    for habit in ("floor", "round", "either"):
        stamp = _resolve(text, habit)  # type: ignore[arg-type]
        assert NOW - low * step in stamp
        assert NOW - high * step in stamp
        assert stamp.earliest >= NOW - (high + 1) * step
        assert stamp.latest <= NOW - (low - 0.5) * step


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("1 1/2 hours ago", 1.5),
        ("1/2 hour ago", 0.5),
        ("2:30 hours ago", 2.5),
        ("3 3/4 hours ago", 3.75),
    ],
)
def test_written_fractions_and_hours_with_minutes(text: str, hours: float) -> None:
    stamp = _resolve(text)
    instant = NOW - dt.timedelta(hours=hours)
    assert instant in stamp
    assert stamp.value == instant
    assert stamp.latest - stamp.earliest <= dt.timedelta(minutes=45)


def test_hours_and_minutes_to_come() -> None:
    stamp = _resolve("in 1:15 hours")
    assert NOW + dt.timedelta(minutes=75) in stamp
    assert stamp.earliest >= NOW


def test_a_clock_time_is_not_a_duration() -> None:
    stamp = times.resolve("14:30 h", NOW)
    assert stamp is not None
    assert stamp.earliest == dt.datetime(2025, 7, 13, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("an hour or so ago", dt.timedelta(hours=1)),
        ("a week or so ago", dt.timedelta(weeks=1)),
        ("a fortnight ago", dt.timedelta(weeks=2)),
        ("2 fortnights ago", dt.timedelta(weeks=4)),
        ("in a fortnight", -dt.timedelta(weeks=2)),
        ("couple hours ago", dt.timedelta(hours=2.5)),
        ("a hundred years ago", dt.timedelta(days=36524)),
    ],
)
def test_more_words(text: str, delta: dt.timedelta) -> None:
    assert NOW - delta in _resolve(text)


def test_or_so_reads_as_about() -> None:
    about = _resolve("about an hour ago", "either")
    for habit in ("floor", "round", "either"):
        so = _resolve("an hour or so ago", habit)  # type: ignore[arg-type]
        # The documented "about": the "either" interval whatever the habit.
        assert (so.earliest, so.latest) == (about.earliest, about.latest)


@pytest.mark.parametrize("text", ["a week from today", "a fortnight from today"])
def test_from_today_is_an_age_to_come_as_from_now(text: str) -> None:
    now_text = text.replace("today", "now")
    today, now = _resolve(text), _resolve(now_text)
    assert (today.earliest, today.latest) == (now.earliest, now.latest)


@pytest.mark.parametrize(
    ("text", "unit", "top"),
    [
        ("minutes ago", "minute", 60),
        ("hours ago", "hour", 24),
        ("Updated hours ago", "hour", 24),
        ("days ago", "day", 7),
        ("weeks ago", "week", 5),
    ],
)
def test_a_unit_without_a_number(text: str, unit: str, top: int) -> None:
    step = UNITS[unit]
    stamp = _resolve(text)
    assert NOW - 2 * step in stamp
    assert NOW - (top - 1) * step in stamp
    assert stamp.earliest >= NOW - (top + 1) * step
    assert stamp.latest <= NOW - step / 2


@pytest.mark.parametrize(
    "text",
    [
        "in the hours before the attack",
        "hours later",
        "2-3 players",
        "1/2 cup of flour",
        "the 24/7 news channel",
        "won 3-1",
    ],
)
def test_not_times(text: str) -> None:
    assert times.resolve(text, NOW) is None
    assert times.find(text, now=NOW) == []


def test_a_score_does_not_join_the_age_after_it() -> None:
    stamp = _resolve("won 3-1 two days ago")
    assert NOW - dt.timedelta(days=2) in stamp
    assert NOW - dt.timedelta(days=1) not in stamp


@settings(max_examples=150, deadline=None)
@given(
    low=st.integers(1, 60),
    span=st.integers(1, 30),
    unit=st.sampled_from(sorted(UNITS)),
    link=st.sampled_from(["-", " - ", " to ", " or "]),
    habit=st.sampled_from(["floor", "round", "either"]),
)
def test_any_range_holds_every_count_in_it(
    low: int, span: int, unit: str, link: str, habit: times.Habit
) -> None:
    high = low + span
    stamp = _resolve(f"{low}{link}{high} {unit}s ago", habit)
    step = UNITS[unit]
    for count in (low, (low + high) // 2, high):
        assert NOW - count * step in stamp


@pytest.mark.parametrize(
    "text",
    ["about 3 hours ago", "about a year ago", "around 2 months ago", "~5 min ago"],
)
def test_about_gives_the_either_interval_whatever_the_habit(text: str) -> None:
    # The time guide: the author says the age is approximate, so the site's
    # habit of flooring or rounding does not narrow it.
    either = _resolve(text, "either")
    for habit in ("floor", "round"):
        stamp = _resolve(text, habit)  # type: ignore[arg-type]
        assert (stamp.earliest, stamp.latest) == (either.earliest, either.latest)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("last weekend", "2025-07-05"),
        ("this past weekend", "2025-07-05"),
        # Sunday: this calendar week's weekend is the one under way.
        ("this weekend", "2025-07-12"),
        ("over the weekend", "2025-07-12"),
        ("next weekend", "2025-07-19"),
    ],
)
def test_weekends_are_saturday_and_sunday(text: str, first: str) -> None:
    stamp = _resolve(text)
    start = dt.datetime.fromisoformat(first).replace(tzinfo=UTC)
    assert stamp.earliest == start
    assert stamp.latest <= start + dt.timedelta(days=2)


def test_over_the_weekend_on_a_weekday_is_the_last_one() -> None:
    wednesday = dt.datetime(2025, 7, 16, 9, 0, tzinfo=UTC)
    stamp = times.resolve("over the weekend", wednesday)
    assert stamp is not None
    assert stamp.earliest == dt.datetime(2025, 7, 12, tzinfo=UTC)
    assert stamp.latest == dt.datetime(2025, 7, 13, 23, 59, 59, 999999, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "first", "days"),
    [
        ("the week before last", "2025-06-23", 7),
        ("the month before last", "2025-05-01", 31),
        ("the year before last", "2023-01-01", 365),
    ],
)
def test_before_last(text: str, first: str, days: int) -> None:
    stamp = _resolve(text)
    start = dt.datetime.fromisoformat(first).replace(tzinfo=UTC)
    assert stamp.earliest == start
    assert stamp.latest == start + dt.timedelta(days=days, microseconds=-1)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("this morning at 9:30", "2025-07-13T09:30"),
        ("last night at 11pm", "2025-07-12T23:00"),
        ("last night at 2am", "2025-07-13T02:00"),
        ("tonight at 8:15", "2025-07-13T20:15"),
        ("tomorrow evening at 7:30", "2025-07-14T19:30"),
        ("yesterday afternoon at 3:15 pm", "2025-07-12T15:15"),
    ],
)
def test_a_clock_time_in_a_part_of_a_day(text: str, when: str) -> None:
    stamp = _resolve(text)
    assert stamp.earliest == dt.datetime.fromisoformat(when).replace(tzinfo=UTC)
    assert stamp.granularity == "minute"


@pytest.mark.parametrize(
    ("text", "older", "newer"),
    [
        ("just over an hour ago", 1, 2),
        ("a little over an hour ago", 1, 2),
        ("a bit more than 3 hours ago", 3, 4),
        ("just under 2 hours ago", 0, 2),
        ("in just over an hour", 1, 2),
    ],
)
def test_hedge_phrases(text: str, older: int, newer: int) -> None:
    stamp = _resolve(text)
    ends = (stamp.earliest, stamp.latest)
    hours = sorted(abs((t - NOW) / dt.timedelta(hours=1)) for t in ends)
    assert hours[0] >= older - 1e-9
    assert hours[1] <= newer + 1e-9


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("2½ hours ago", 2.5),
        ("½ hour ago", 0.5),
        (".5 hours ago", 0.5),
        ("now+2h", -2),
        ("now-90 min", 1.5),
    ],
)
def test_more_amounts(text: str, hours: float) -> None:
    assert NOW - dt.timedelta(hours=hours) in _resolve(text)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("early March", "2025-03-01", "2025-03-10"),
        ("mid-March", "2025-03-11", "2025-03-20"),
        ("late March", "2025-03-21", "2025-03-31"),
        # A month not yet begun this year is last year's.
        ("early August", "2024-08-01", "2024-08-10"),
        ("mid-2024", "2024-05-01", "2024-08-31"),
        ("in early 2024", "2024-01-01", "2024-04-30"),
        ("late last year", "2024-09-01", "2024-12-31"),
        ("the end of last month", "2025-06-21", "2025-06-30"),
        ("the beginning of the week", "2025-07-07", "2025-07-08"),
        ("early last week", "2025-06-30", "2025-07-01"),
    ],
)
def test_thirds_of_a_period(text: str, first: str, last: str) -> None:
    stamp = _resolve(text)
    assert stamp.earliest == dt.datetime.fromisoformat(first).replace(tzinfo=UTC)
    end = dt.datetime.fromisoformat(last).replace(tzinfo=UTC) + dt.timedelta(days=1)
    assert stamp.latest == min(end - dt.timedelta(microseconds=1), NOW)


def test_a_month_by_name_looks_ahead_for_future_sites() -> None:
    stamp = times.resolve("early August", NOW, future=True)
    assert stamp is not None
    assert stamp.earliest == dt.datetime(2025, 8, 1, tzinfo=UTC)


@pytest.mark.parametrize("text", ["the mid-2000s", "late-night show", "early bird"])
def test_thirds_need_a_period(text: str) -> None:
    assert times.find(text, now=NOW) == []


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("vor wenigen Minuten", 3),
        ("vor ein paar Minuten", 3),
        ("vor einer halben Stunde", 30),
        ("vor anderthalb Stunden", 90),
        ("il y a quelques minutes", 3),
        ("il y a une demi-heure", 30),
        ("hace unos minutos", 3),
        ("hace un par de horas", 150),
        ("hace media hora", 30),
        ("qualche minuto fa", 3),
        ("há alguns minutos", 3),
        ("há meia hora", 30),
        ("een paar minuten geleden", 3),
        ("een half uur geleden", 30),
        ("около 3 часов назад", 180),
        ("około 3 godzin temu", 180),
        ("fra 3 giorni", -3 * 24 * 60),
        ("daqui a 3 dias", -3 * 24 * 60),
    ],
)
def test_vague_amounts_halves_and_more_words_in_other_languages(
    text: str, minutes: int
) -> None:
    stamp = _resolve(text)
    assert NOW - dt.timedelta(minutes=minutes) in stamp
    # Not read as one unit ("a minute ago") or as just now.
    if 0 < minutes < 60:
        assert NOW - dt.timedelta(minutes=1) not in stamp


def test_a_few_seconds_is_the_last_minute() -> None:
    for text in ("a few seconds ago", "qualche secondo fa", "59 qualche secondo fa"):
        stamp = _resolve(text)
        assert stamp.earliest == NOW - dt.timedelta(minutes=1)
        assert stamp.latest == NOW


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("next 2 weeks 3 days", 17),
        ("the next 2 weeks and 3 days", 17),
        ("the past 1 day 12 hours", -1.5),
    ],
)
def test_rolling_windows_of_several_units(text: str, days: float) -> None:
    stamp = _resolve(text)
    edge = NOW + dt.timedelta(days=days)
    assert (stamp.earliest, stamp.latest) == (min(NOW, edge), max(NOW, edge))
