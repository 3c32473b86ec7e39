"""
The fast paths of `newsdump.times.resolve` against its general readers.

The commonest shapes ("3 hours ago", "in 2 months") are read by flattened
code that skips the general grammar's tiers; for generated strings and
reference times in any zone, it must give exactly what the general code
gives (same bounds, value, zone and granularity), or fail where it fails.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
import re
import subprocess
import sys
from unittest import mock
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsdump
from newsdump import times
from newsdump._lang import _expr, _grammar

UTC = dt.timezone.utc
FIXED = ("second", "minute", "hour", "day", "week")
CALENDAR = ("month", "year")

fixed_offsets = st.builds(
    dt.timezone,
    st.timedeltas(
        min_value=dt.timedelta(hours=-23, minutes=-59),
        max_value=dt.timedelta(hours=23, minutes=59),
    ),
)
reference_times = st.one_of(
    st.datetimes(
        min_value=dt.datetime(1975, 1, 1),  # noqa: DTZ001 - bounds for aware values
        max_value=dt.datetime(2095, 1, 1),  # noqa: DTZ001
        timezones=st.timezones(),
    ),
    # Fixed offsets (UTC above all), whose months are counted in seconds.
    st.datetimes(
        min_value=dt.datetime(1, 2, 1),  # noqa: DTZ001
        max_value=dt.datetime(9999, 11, 30),  # noqa: DTZ001
        timezones=fixed_offsets | st.just(UTC),
    ),
    # Month ends and clock changes, where calendar months are clipped and
    # wall clocks repeat an hour.
    st.sampled_from(
        [
            dt.datetime(2025, 3, 31, 23, 30, tzinfo=ZoneInfo("America/New_York")),
            dt.datetime(
                2025, 11, 2, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York")
            ),
            dt.datetime(2024, 2, 29, 12, tzinfo=ZoneInfo("Europe/Berlin")),
            dt.datetime(2025, 10, 26, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Berlin")),
        ]
    ),
)
habits = st.sampled_from(["either", "floor", "round"])


def _options(now: dt.datetime, habit: str) -> times._Options:
    return times._options(
        now,
        habit,
        None,
        dayfirst=False,
        future=False,
        languages=None,
    )


def _outcome(call: object) -> str:
    """The repr of a result (zones included), or the exception it raised."""
    assert callable(call)
    try:
        return repr(call())
    except (ValueError, OverflowError) as error:
        return type(error).__name__


# Counts the tables of half units reach (up to 255) and beyond.
counts = st.integers(min_value=0, max_value=260) | st.integers(
    min_value=0, max_value=1200
)


@given(reference_times, counts, st.sampled_from(FIXED + CALENDAR), habits)
def test_one_age_is_the_general_age(
    now: dt.datetime, n: int, unit: str, habit: str
) -> None:
    opts = _options(now, habit)
    fast = _outcome(lambda: times._one_age("t", opts, n, unit))
    general = _outcome(lambda: times._age("t", opts.now, [(n, unit)], "", habit))
    assert fast == general


@given(
    reference_times,
    st.integers(min_value=0, max_value=4000).map(lambda k: k / 4)
    | st.integers(min_value=0, max_value=5000).map(lambda k: k / 10),
    st.sampled_from((*FIXED, *CALENDAR, "decade", "century")),
    st.sampled_from([-1, 1]),
    st.booleans(),
)
def test_shift_part_is_shift_by(
    now: dt.datetime, amount: float, unit: str, direction: int, in_days: bool
) -> None:
    opts = _options(now, "either")
    fast = _outcome(
        lambda: times._shift_part(
            opts.now, opts.now_utc, amount, unit, direction, in_days=in_days
        )
    )
    general = _outcome(
        lambda: times._shift_by(opts.now, [(amount, unit)], direction, in_days=in_days)
    )
    assert fast == general


@given(
    reference_times,
    st.integers(min_value=0, max_value=120_000),
    st.sampled_from(CALENDAR),
    habits,
)
def test_calendar_age_in_seconds_is_the_wall_clock_age(
    now: dt.datetime, n: int, unit: str, habit: str
) -> None:
    """Ages in months and years counted in half days (fixed offsets) give
    what the wall-clock arithmetic of zones with daylight saving gives."""
    opts = _options(now, habit)
    fast = _outcome(lambda: times._calendar_age("t", opts, n, unit))
    general = _outcome(lambda: times._zoned_calendar_age("t", opts, n, unit))
    assert fast == general


_halves = st.integers(min_value=0, max_value=40_000).map(lambda k: k / 2)


@given(
    reference_times,
    st.tuples(_halves, _halves, _halves).map(sorted),
    st.sampled_from((*CALENDAR, "decade", "century")),
    st.sampled_from([-1, 1]),
)
def test_calendar_part_in_seconds_is_the_wall_clock_part(
    now: dt.datetime, amounts: list[float], unit: str, direction: int
) -> None:
    lo, last, hi = amounts
    opts = _options(now, "either")
    wall_clock = opts._replace(wall=None)
    fast = _outcome(lambda: times._one_part(opts, last, unit, lo, hi, direction))
    general = _outcome(
        lambda: times._one_part(wall_clock, last, unit, lo, hi, direction)
    )
    assert fast == general


@given(
    st.dates(),
    st.lists(
        st.integers(min_value=-120, max_value=120)
        | st.integers(min_value=-130_000, max_value=130_000),
        min_size=3,
        max_size=3,
    ),
)
def test_month_shifts_are_the_calendar_dates(day: dt.date, months: list[int]) -> None:
    """`_month_shifts` counts days from a table of months: the same as the
    dates datetime builds, clipped to the month's end (January 31st plus a
    month is February's last day), or a ValueError where a year is out of
    range."""
    last = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)

    def shift(count: int) -> int:
        return times._months_before(last, -count).date().toordinal() - day.toordinal()

    wall = (day.toordinal(), day.year, day.month, day.day)
    fast = _outcome(lambda: times._month_shifts(wall, *months))
    general = _outcome(lambda: tuple(shift(count) for count in months))
    assert fast == general


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2000, 2, 29), -1200, dt.date(1900, 2, 28)),
        (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
        (dt.date(1, 1, 1), 0, dt.date(1, 1, 1)),
        (dt.date(9999, 12, 31), -119_987, dt.date(1, 1, 31)),
    ],
)
def test_month_shifts_clip_to_the_month_end(
    day: dt.date, months: int, expected: dt.date
) -> None:
    wall = (day.toordinal(), day.year, day.month, day.day)
    days = expected.toordinal() - day.toordinal()

    assert (days, days, days) == times._month_shifts(wall, months, months, months)


@pytest.mark.parametrize(
    ("day", "months"), [(dt.date(1, 1, 1), -1), (dt.date(9999, 12, 1), 1)]
)
def test_month_shifts_refuse_years_out_of_range(day: dt.date, months: int) -> None:
    wall = (day.toordinal(), day.year, day.month, day.day)
    with pytest.raises(ValueError, match="out of range"):
        times._month_shifts(wall, 0, months, 0)


@given(
    reference_times,
    st.integers(min_value=0, max_value=12_000),
    st.sampled_from(CALENDAR),
    habits,
)
def test_calendar_ahead_is_the_general_part(
    now: dt.datetime, n: int, unit: str, habit: str
) -> None:
    """ "in 3 months" from a fixed offset, flattened, gives what `_one_part`
    and `_age_stamp` give on the wall clock (as zones with daylight saving
    are read)."""
    opts = _options(now, habit)
    if opts.wall is None:
        return  # daylight saving: the general path reads it
    wall_clock = opts._replace(wall=None)
    lo, hi = times._UNHEDGED[habit]

    def general() -> object:
        earliest, latest, value = times._one_part(
            wall_clock, float(n), unit, max(0.0, n + lo), n + hi, 1
        )
        return times._age_stamp("t", opts, earliest, latest, value, unit, 1)

    fast = _outcome(lambda: times._calendar_ahead("t", opts, n, unit))
    assert fast == _outcome(general)


_UNIT_WORDS = [
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "wk",
    "wks",
    "month",
    "months",
    "mo",
    "mos",
    "year",
    "years",
    "yr",
    "yrs",
    "h",
    "m",
    "d",
    "w",
    "y",
]
_NUMBERS = (
    st.integers(min_value=0, max_value=260).map(str)
    | st.integers(min_value=0, max_value=99_999).map(str)
    | st.sampled_from(["a", "an", "one", "A", "An"])
)


@st.composite
def english_ages(draw: st.DrawFn, *, future: bool) -> str:
    number = draw(_NUMBERS)
    word = draw(st.sampled_from(_UNIT_WORDS))
    glue = " " if not number[0].isdigit() else draw(st.sampled_from(["", " "]))
    dot = draw(st.sampled_from(["", "."]))
    body = f"{number}{glue}{word}{dot}"
    if future:
        form = draw(st.sampled_from(["in {}", "{} from now", "{} later", "In {}"]))
    else:
        form = draw(st.sampled_from(["{} ago", "{} before", "{} earlier", "{} AGO"]))
    return form.format(body)


@given(reference_times, english_ages(future=False), habits)
def test_plain_ago_reads_as_the_hand_grammar(
    now: dt.datetime, text: str, habit: str
) -> None:
    opts = _options(now, habit)
    fast = times._plain_ago(text, opts)
    if fast is None:
        return  # left to the general readers
    found = times._find(text, opts)
    assert found is not None, text
    assert repr(fast) == repr(found.stamp)


@given(reference_times, english_ages(future=True), habits)
def test_plain_future_reads_as_the_expression_grammar(
    now: dt.datetime, text: str, habit: str
) -> None:
    opts = _options(now, habit)
    fast = times._plain_future(text, opts)
    if fast is None:
        return  # left to the general readers
    found = times._from_expressions(text, opts, among_words=False)
    assert found is not None, text
    assert repr(fast) == repr(found.stamp)


def test_fast_paths_read_the_common_shapes() -> None:
    """The agreement above is not vacuous: these shapes take the fast paths."""
    opts = _options(dt.datetime(2025, 7, 13, 18, tzinfo=UTC), "either")
    for text in ("3 hours ago", "a month ago", "2y ago", "5 mins. ago"):
        assert times._plain_ago(text, opts) is not None, text
    for text in ("in 3 hours", "in a month", "2 years from now", "in 3mo"):
        assert times._plain_future(text, opts) is not None, text
    # "in 3 months" takes the calendar's own fast path.
    assert repr(times._plain_future("in 3 months", opts)) == repr(
        times._calendar_ahead("in 3 months", opts, 3, "month")
    )
    assert opts.wall is not None  # months counted in seconds
    assert (
        _options(dt.datetime(2025, 7, 13, tzinfo=ZoneInfo("UTC")), "floor").wall is None
    )


def test_options_follow_the_reference_time_not_its_value() -> None:
    """Equal instants in other zones are other reference times: the result
    is in the zone of the reference time given."""
    utc = dt.datetime(2025, 7, 13, 18, tzinfo=UTC)
    india = utc.astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30)))
    first = times.resolve("3 hours ago", utc)
    second = times.resolve("3 hours ago", india)
    assert first is not None
    assert second is not None
    assert first.value == second.value
    assert first.value.utcoffset() == dt.timedelta(0)
    assert second.value.utcoffset() == dt.timedelta(hours=5, minutes=30)
    later = times.resolve("3 hours ago", utc + dt.timedelta(hours=1))
    assert later is not None
    assert later.value - first.value == dt.timedelta(hours=1)


def test_importing_compiles_no_grammar() -> None:
    """The hand-written grammars compile on first use, not at import: a
    program that never reads a time does not pay for them."""
    code = (
        "import newsdump, newsdump.times as t; "
        "assert not t._GRAMMARS, t._GRAMMARS; "
        "import datetime as dt; "
        "t.resolve('3 hours ago', dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)); "
        "assert t._GRAMMARS"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


_TOKENS = [
    "1",
    "2",
    "10",
    "99",
    "1/2",
    "2:30",
    "2.5",
    "0,75",
    "a",
    "an",
    "one",
    "twenty-one",
    "few",
    "several",
    "couple",
    "of",
    "second",
    "seconds",
    "min",
    "mins",
    "h",
    "hours",
    "hr.",
    "day",
    "days",
    "d",
    "week",
    "wks",
    "month",
    "mo",
    "year",
    "decade",
    "ago",
    "before",
    "after",
    "from",
    "now",
    "later",
    "in",
    "within",
    "last",
    "next",
    "this",
    "past",
    "the",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "at",
    "2",
    "pm",
    "about",
    "over",
    "almost",
    "just",
    "or",
    "so",
    "and",
    "half",
    "quarter",
    "-",
    "+",
    ",",
    "·",
    "|",
    "early",
    "mid",
    "late",
    "monday",
    "march",
    "2024",
    "read",
    "top",
    "il",
    "y",
    "a",
    "vor",
    "hace",
    "назад",
    "前",
    "전",
]


@given(
    st.sampled_from(times.ALL_LANGUAGE_CODES),
    st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=8).map(" ".join),
)
def test_a_match_names_its_branch(code: str, text: str) -> None:
    """`ExprGrammar._read` picks a match's reader by `Match.lastindex`: it
    must be the group of the branch that matched, spanning the match."""
    grammar = _expr.grammar_for(code)
    names = {index: name for name, index in grammar.pattern.groupindex.items()}
    for match in grammar.pattern.finditer(_expr.normalize(text)):
        assert match.lastindex is not None
        assert names[match.lastindex].startswith("x"), names[match.lastindex]
        assert match.span(match.lastindex) == match.span()
        assert match.lastindex in grammar._readers


@pytest.mark.parametrize("code", times.ALL_LANGUAGE_CODES)
def test_grammar_words_are_single_spaced(code: str) -> None:
    """`_expr._word` looks a matched word up as printed first: right only
    if every key is its own white-space-collapsed form."""
    grammar = _expr.grammar_for(code)
    for table in (grammar.before, grammar.after, grammar.hedges):
        for key in table:
            assert key == " ".join(key.split()), (code, key)


_HAND_TOKENS = [
    *_TOKENS,
    *[
        "on",
        "vor",
        "il",
        "hace",
        "há",
        "fa",
        "gestern",
        "ayer",
        "hier",
        "heute",
        "jour",
        "14:05",
        "3pm",
        "mardi",
        "lundi",
    ],
    *[
        "12/07/2025",
        "13.07.2025",
        "jul.",
        "13",
        "july",
        "sept",
        "ca.",
        "~",
        "etwa",
        "über",
        "fast",
        "knapp",
    ],
]


@given(st.lists(st.sampled_from(_HAND_TOKENS), min_size=1, max_size=6).map(" ".join))
def test_anchored_forms_start_with_an_opening_word(text: str) -> None:
    """`_find_clean` tries its patterns read from the start of a text only
    if it starts with a digit or a `Grammar.opening` word: no pattern
    matches any other text."""
    grammar = times._grammar(None)
    assert grammar is not None
    cleaned = times._clean(text)
    if not cleaned or cleaned[0].isdigit() or grammar.opening.match(cleaned):
        return
    for pattern in (
        grammar.age,
        grammar.numeric,
        grammar.month_day,
        grammar.day_month,
        grammar.day_clock,
        grammar.weekday,
        grammar.clock,
    ):
        assert pattern.match(cleaned) is None, (pattern, cleaned)


@given(
    st.lists(
        st.sampled_from([t for t in _HAND_TOKENS if not any(c.isdigit() for c in t)]),
        min_size=1,
        max_size=6,
    ).map(" ".join)
)
def test_dates_and_clocks_hold_a_digit(text: str) -> None:
    """`_find_clean` tries only its age and weekday patterns on a text
    without a digit: no date or clock pattern matches one."""
    grammar = times._grammar(None)
    assert grammar is not None
    cleaned = times._clean(text)
    assert times._HAS_DIGIT.search(cleaned) is None
    for pattern in (
        grammar.numeric,
        grammar.month_day,
        grammar.day_month,
        grammar.day_clock,
        grammar.clock,
    ):
        assert pattern.match(cleaned) is None, (pattern, cleaned)
    # What the patterns need a digit for: a day, an hour.
    assert grammar.day_clock.match("yesterday at 3pm")
    assert grammar.month_day.match("july 13")


def test_future_hint_reads_both_ends() -> None:
    for text in (
        "in 3 days",
        "IN a week",
        "+3 weeks",
        "2 days from now!",
        "a day later",
    ):
        assert times._future_hint(text), text
    for text in ("3 days ago", "main 3 days", "from now on, 3 days", "later: 3 days"):
        assert not times._future_hint(text), text


@functools.cache
def _cased_and_first_characters() -> tuple[str, ...]:
    """The first pages of Unicode and every character with another case:
    the only ones a case-insensitive pattern may match to an ASCII letter
    (a character without cases matches itself)."""
    return tuple(
        char
        for char in map(chr, range(0x110000))
        if ord(char) < 0x3000
        or char.lower() != char
        or char.upper() != char
        or char.casefold() != char
    )


def test_future_hint_tests_only_the_characters_its_patterns_can_read() -> None:
    """`_future_hint` runs each end's pattern only where the end's
    character may start it: with any other character, no text it reads
    matches."""
    starts = [
        f"{word} 3 days"
        for word in (*times._EN.future_before, *times._EN.within_before)
    ]
    ends = [f"3 days {word}" for word in times._EN.future_after]
    for text in (*starts, "+3 weeks"):
        assert times._FUTURE_START.match(text) is not None, text
    for text in ends:
        assert times._FUTURE_END.match(text[::-1]) is not None, text
    for char in _cased_and_first_characters():
        if char not in times._FUTURE_FIRST_CHARS and not char.isspace():
            for text in (*starts, "+3 weeks"):
                assert times._FUTURE_START.match(char + text[1:]) is None, char
        if char not in times._FUTURE_LAST_CHARS and (char.isalnum() or char == "_"):
            for text in ends:
                assert times._FUTURE_END.match((text[:-1] + char)[::-1]) is None, char
    # The sets leave most letters out, or the test tells nothing.
    assert len(times._FUTURE_FIRST_CHARS) < 12
    assert len(times._FUTURE_LAST_CHARS) < 16
    assert not times._future_hint("today at 3pm 2 days")


_HINT_ENDS = ["", " ", "\t", "+", "in ", "IN ", "\u0130n ", "after ", "within ", "x"]
_HINT_TAILS = [
    "",
    " from now",
    " LATER",
    " hence!",
    " ahead.",
    "y",
    "_",
    " from today",
    " \u212a",
]


@given(
    st.sampled_from(_HINT_ENDS),
    st.text(alphabet=st.sampled_from("3 adysinow_!\u00a0")),
    st.sampled_from(_HINT_TAILS),
)
def test_future_hint_is_its_patterns(head: str, middle: str, tail: str) -> None:
    """The character tests change no answer."""
    text = head + middle + tail
    assert times._future_hint(text) is (
        times._FUTURE_START.match(text) is not None
        or times._FUTURE_END.match(text[::-1]) is not None
    )


@pytest.mark.parametrize("code", ["en", "de", "fr", "ru", "ja"])
def test_fixed_phrases_are_looked_up_as_scanned(code: str) -> None:
    """The grammar's fixed phrases ("tomorrow", "last week") are looked up,
    not scanned: what the lookup gives is what the scanner reads."""
    grammar = _expr.grammar_for(code)
    assert grammar.phrases, code
    for phrase, exprs in grammar.phrases.items():
        assert list(grammar.scan(phrase)) == list(grammar._scan(phrase)) == list(exprs)
    if code == "en":
        assert [e.period for e in grammar.phrases["tomorrow"]] == ["day"]
        assert len(grammar.phrases) > 1000  # "last", "next"... with every unit


@given(st.lists(st.sampled_from(_HAND_TOKENS), min_size=1, max_size=6).map(" ".join))
def test_numeric_dates_hold_a_digit(text: str) -> None:
    """`_find_clean` searches a digitless text for a month name only: no
    numeric date is found in it."""
    cleaned = times._clean(text)
    if times._HAS_DIGIT.search(cleaned) is None:
        assert times._NUMERIC_ANY.search(cleaned) is None, cleaned


def _spaced_amounts(grammar: _expr.ExprGrammar) -> list[str]:
    """The amounts `ExprGrammar._age` reads without `part`: digits, and
    the number and vague words that are no fraction."""
    words = [*grammar.numbers, *grammar.vague]
    return [
        "7",
        "12",
        *(w for w in words if w[:1].isalpha() and w not in grammar.fractions),
    ]


@pytest.mark.parametrize("code", times.ALL_LANGUAGE_CODES)
def test_spaced_durations_are_read_as_part_reads_them(code: str) -> None:
    """`ExprGrammar._age` reads a duration of an amount, a space and a
    unit word without running `part` over it: for every such amount and
    unit word of the grammar, `part` must find exactly one part in it,
    the amount all of group "n" or "w" and the unit word all of "u",
    nothing else."""
    grammar = _expr.grammar_for(code)
    units = [w for w in grammar.unit_of if " " not in w]
    for amount in _spaced_amounts(grammar):
        for word in units:
            dur = f"{amount} {word}"
            found = list(grammar.part.finditer(dur))
            assert len(found) == 1, (code, dur)
            groups = {k: v for k, v in found[0].groupdict().items() if v is not None}
            name = "n" if amount.isdecimal() else "w"
            assert {name: amount, "u": word} == groups, (code, dur)
            assert found[0].span() == (0, len(dur)), (code, dur)


@pytest.mark.parametrize(
    ("text", "parts", "step", "vague"),
    [
        ("five minutes ago", ((5.0, "minute"),), 1.0, None),
        ("12 hours ago", ((12.0, "hour"),), 1.0, None),
        ("a few days ago", ((3.5, "day"),), 1.0, (2.0, 5.0)),
        ("2 fortnights ago", ((4.0, "week"),), 2.0, None),
        ("about 3 hours ago", ((3.0, "hour"),), 1.0, None),
        ("twenty-one days ago", ((21.0, "day"),), 1.0, None),
        ("a couple of hours ago", ((2.5, "hour"),), 1.0, (2.0, 3.0)),
        ("ninety nine seconds ago", ((99.0, "second"),), 1.0, None),
    ],
)
def test_spaced_durations_keep_their_amounts(
    text: str,
    parts: tuple[tuple[float, str], ...],
    step: float,
    vague: tuple[float, float] | None,
) -> None:
    """A one-part duration read without `part` keeps its amount, unit,
    precision and vague range, a unit that is a multiple ("fortnight")
    scaled."""
    (expr,) = _expr.grammar_for("en").scan(text)

    assert (parts, step, vague, -1) == (
        expr.parts,
        expr.step,
        expr.vague,
        expr.direction,
    )


def test_optional_groups_become_branches() -> None:
    """`_grammar.branch_optionals` rewrites only optional non-capturing
    groups: not a capturing group, a lazy `??`, nor parentheses and
    question marks that are characters (escaped, or in a class)."""
    pattern = r"(?:a(?:b)?|[)?](?:c)?)?(?P<x>d)?(?:e)??\)?(?<=f)?"

    assert (
        r"(?:a(?:b|)|[)?](?:c|)|)(?P<x>d)?(?:e)??\)?(?<=f)?"
        == _grammar.branch_optionals(pattern)
    )


@functools.cache
def _optional_grammar(code: str) -> _expr.ExprGrammar:
    """The grammar of *code* compiled with its optional groups left as
    written (`?`)."""
    with mock.patch.object(_expr, "branch_optionals", lambda pattern: pattern):
        return _expr.ExprGrammar(code)


@pytest.mark.parametrize("code", ["en", "de", "fr", "ru", "ja", "ar"])
@given(text=st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=8).map(" ".join))
def test_branched_optionals_match_as_optionals(code: str, text: str) -> None:
    """A grammar's patterns with their optional groups as branches find
    the same matches, with the same groups, as written with `?`."""
    grammar, optional = _expr.grammar_for(code), _optional_grammar(code)
    low = _expr.normalize(text)
    assert "|)" in grammar.pattern.pattern
    assert "|)" not in optional.pattern.pattern
    for branched, pattern in (
        (grammar.pattern, optional.pattern),
        (grammar.part, optional.part),
    ):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(low)]

        assert expected == [(m.span(), m.groups()) for m in branched.finditer(low)]


_HAND_PATTERNS = (
    "age",
    "part",
    "day_clock",
    "weekday",
    "clock",
    "month_day",
    "day_month",
    "numeric",
    "lead",
    "month_word",
    "weekday_word",
    "opening",
)


@functools.cache
def _optional_hand_grammar() -> _grammar.Grammar:
    """The hand-written tables' grammar compiled with its optional groups
    left as written (`?`)."""
    with mock.patch.object(_grammar, "branch_optionals", lambda pattern: pattern):
        return _grammar.build(
            [times._BY_CODE[code] for code in times.LANGUAGE_CODES], times._ZONE_RE
        )


@given(st.lists(st.sampled_from(_HAND_TOKENS), min_size=1, max_size=6).map(" ".join))
def test_hand_grammar_branches_match_as_optionals(text: str) -> None:
    """The hand-written grammar's patterns, with their optional groups as
    branches, match as written with `?`: the same spans, the same groups,
    at the start of the text and anywhere in it."""
    grammar, optional = times._grammar(None), _optional_hand_grammar()
    assert grammar is not None
    cleaned = times._clean(text)
    for name in _HAND_PATTERNS:
        branched, pattern = getattr(grammar, name), getattr(optional, name)
        assert branched.pattern != pattern.pattern or "|)" not in branched.pattern
        for read in (_matched, _found_all):
            expected = read(pattern, cleaned)

            assert read(branched, cleaned) == expected, (name, cleaned)
    assert "|)" in grammar.age.pattern
    assert "|)" not in optional.age.pattern


def _matched(pattern: re.Pattern[str], text: str) -> object:
    match = pattern.match(text)
    return None if match is None else (match.span(), match.groups())


def _found_all(pattern: re.Pattern[str], text: str) -> object:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@given(reference_times, st.sampled_from(FIXED + CALENDAR))
def test_built_stamps_are_timestamps(now: dt.datetime, unit: str) -> None:
    """The fast paths fill a draft and make it a `Timestamp`: the result is
    one in every way the constructor's is."""
    earlier = now - dt.timedelta(hours=2)
    built = times._new_stamp("3 hours ago", earlier, now, now, unit)  # type: ignore[arg-type]
    made = newsdump.Timestamp(
        text="3 hours ago", value=now, earliest=earlier, latest=now, granularity=unit
    )
    assert type(built) is newsdump.Timestamp
    assert built == made
    assert hash(built) == hash(made)
    assert pickle.loads(pickle.dumps(built)) == made  # noqa: S301 - our own bytes
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]


@given(
    st.integers(min_value=0, max_value=2048)
    | st.integers(min_value=0, max_value=200_000)
)
def test_half_days_from_the_tables_are_half_days(count: int) -> None:
    assert times._half_days(count) == dt.timedelta(hours=12 * count)


# --------------------------------------------------------------------------
# The fast paths of the texts that are not plain ages: hedged and compound
# ages of the hand-written grammar, and the expression grammar's stamps.

hedges = st.sampled_from(["", "over", "almost", "under", "about"])


@given(
    reference_times,
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=1200), st.sampled_from(FIXED)),
        min_size=1,
        max_size=3,
    ),
    hedges,
    habits,
)
def test_elapsed_age_is_the_general_age(
    now: dt.datetime, parts: list[tuple[int, str]], hedge: str, habit: str
) -> None:
    """Ages in seconds to weeks, hedged or not, of one part or several
    ("about 3 hours ago", "1h 20m ago"), read as `_general_age` reads any
    age: the instants one unit older and newer."""
    opts = _options(now, habit)
    fast = _outcome(lambda: times._age("t", opts.now, parts, hedge, habit))
    general = _outcome(lambda: times._general_age("t", opts.now, parts, hedge, habit))
    assert fast == general


def test_half_steps_are_the_units_multiples() -> None:
    for unit, step in times._FIXED.items():
        halves = times._HALF_STEPS[unit]
        assert len(halves) == times._HALF_STEPS_REACH
        for k in (0, 1, 2, 3, 7, 120, times._HALF_STEPS_REACH - 1):
            assert halves[k] == step * (k / 2)


# The amounts of an expression's count range: whole and half units (most
# of them inside the table of half units), or any of tenths and hundredths
# ("2.5", "0,75") and amounts past the table.
_halves = st.integers(min_value=0, max_value=600).map(lambda k: k / 2)
_any_amount = (
    _halves
    | st.integers(min_value=0, max_value=5000).map(lambda k: k / 10)
    | st.integers(min_value=0, max_value=500).map(lambda k: k / 100)
    | st.integers(min_value=0, max_value=10**12).map(float)
)
expr_counts = st.tuples(_halves, _halves, _halves) | st.tuples(
    _any_amount, _any_amount, _any_amount
)


@given(
    reference_times,
    expr_counts,
    st.sampled_from(FIXED) | st.sampled_from((*CALENDAR, "decade", "century")),
    st.sampled_from([-1, 1]),
)
def test_one_part_is_shift_by(
    now: dt.datetime, counts: tuple[float, float, float], unit: str, direction: int
) -> None:
    """`_one_part`'s bounds and value are `_shift_by`'s of the low and high
    counts, the widest of both conventions for months and years."""
    last, lo, hi = counts
    opts = _options(now, "either")
    fast = _outcome(lambda: times._one_part(opts, last, unit, lo, hi, direction))

    def general() -> tuple[dt.datetime, dt.datetime, dt.datetime]:
        conventions = (False, True) if unit not in FIXED else (False,)
        bounds = [
            times._shift_by(opts.now, [(count, unit)], direction, in_days=in_days)
            for in_days in conventions
            for count in (lo, hi)
        ]
        value = times._shift_by(opts.now, [(last, unit)], direction, in_days=False)
        return min(bounds), max(bounds), value

    assert fast == _outcome(general)


@given(
    reference_times,
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.integers(min_value=1, max_value=420),
    st.sampled_from(["day", "week", "month", "year"]),
    st.booleans(),
    st.booleans(),
)
def test_fixed_days_are_the_general_days(  # noqa: PLR0917 - the pieces of a period
    now: dt.datetime,
    first: dt.date,
    days: int,
    granularity: str,
    clamp: bool,
    future: bool,
) -> None:
    """Whole days in a fixed offset, their end and middle looked up, are
    the days `_day_start` gives day by day (up to the last days of the
    calendar, which fail alike)."""
    opts = _options(now, "either")._replace(future=future)
    if not isinstance(opts.zone, dt.timezone):
        opts = opts._replace(zone=dt.timezone(now.utcoffset() or dt.timedelta()))
    fast = _outcome(
        lambda: times._days("t", first, days, opts, granularity, clamp=clamp)
    )
    with mock.patch.object(times, "_DAYS_REACH", 0):
        general = _outcome(
            lambda: times._days("t", first, days, opts, granularity, clamp=clamp)
        )
    assert fast == general


@given(
    st.dates(min_value=dt.date(9999, 12, 1), max_value=dt.date(9999, 12, 31))
    | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(1, 1, 3)),
    st.integers(min_value=1, max_value=40),
    fixed_offsets,
)
@example(dt.date(9999, 12, 31), 1, dt.timezone(dt.timedelta(hours=14)))
def test_fixed_days_fail_at_the_ends_of_the_calendar(
    first: dt.date, days: int, zone: dt.timezone
) -> None:
    """Days that run past the calendar's last day fail as the general
    code fails, in offsets east of UTC too, where their span would fit."""
    now = dt.datetime(2025, 7, 13, 18, tzinfo=zone)
    opts = _options(now, "either")
    fast = _outcome(lambda: times._days("t", first, days, opts, "day", clamp=True))
    with mock.patch.object(times, "_DAYS_REACH", 0):
        general = _outcome(
            lambda: times._days("t", first, days, opts, "day", clamp=True)
        )
    assert fast == general


# --------------------------------------------------------------------------
# The hand-written grammar tries only the patterns a text's first character
# allows (`newsdump.times._find_clean`).

_PIECES = st.sampled_from(
    [
        "3",
        "12",
        "2025",
        ":",
        ".",
        "/",
        "-",
        ",",
        " ",
        "pm",
        "am",
        "utc",
        "est",
        "h",
        "st",
        "de",
        "at",
        "on",
        "last",
        "hours",
        "ago",
        "about",
        "friday",
        "fri.",
        "july",
        "jul.",
        "juli",
        "yesterday",
        "today",
        "um",
        "uhr",
        "²",
        "٣",
    ]
)


@given(st.lists(_PIECES, min_size=1, max_size=8).map("".join))
def test_patterns_left_out_cannot_match(text: str) -> None:
    g = times._default_options(dt.datetime(2025, 7, 13, tzinfo=UTC), "either").grammar
    digit = text[0].isdigit()
    left_out = [g.month_day, g.weekday] if digit else [g.numeric, g.clock]
    for pattern in left_out:
        assert pattern.match(text) is None, (pattern, text)


def test_words_the_left_out_patterns_start_with_are_letters() -> None:
    """Dates with a month name and weekdays start with a word (a weekday, a
    month, "on", "last"), never a digit; numeric dates and clock times
    start with a digit."""
    g = times._default_options(dt.datetime(2025, 7, 13, tzinfo=UTC), "either").grammar
    for word in (*g.weekdays, *g.months, *g.starters):
        assert not word[0].isdigit(), word
    for pattern in (g.numeric, g.clock):
        assert pattern.pattern.startswith(r"^(?P<"), pattern.pattern[:20]
        first = pattern.pattern[pattern.pattern.index(">") + 1 :]
        assert first.startswith(r"\d"), first[:20]
    # Each left-out pattern does match where it is tried.
    assert g.weekday.match("last friday at 3pm")
    assert g.month_day.match("july 13, 2025")
    assert g.numeric.match("13/07/2025")
    assert g.clock.match("3:05 pm")


def test_dateutil_is_asked_only_after_the_cheaper_readings() -> None:
    """A text only dateutil reads is deferred, then read; one no reader
    reads costs no search for a month or a numeric date until the end."""
    opts = _options(dt.datetime(2025, 7, 13, 18, tzinfo=UTC), "either")
    deferred: list[str] = []
    assert times._find("3 min read", opts, deferred) is None
    assert deferred == ["3 min read"]
    assert not times._date_like("3 min read", opts.grammar)
    assert times._date_like("13 juillet 2025 à 10h", opts.grammar)
    stamp = times.resolve("2025.07.13", opts.now)
    assert stamp is not None
    assert stamp.value.date() == dt.date(2025, 7, 13)


@st.composite
def hedged_ages(draw: st.DrawFn) -> str:
    hedge = draw(
        st.sampled_from(
            [*times._HEDGE_KINDS, "About", "OVER", "just", "updated", "in", "in under"]
        )
    )
    return f"{hedge} {draw(english_ages(future=False))}"


@given(reference_times, hedged_ages(), habits)
def test_hedged_ago_reads_as_resolve_would(
    now: dt.datetime, text: str, habit: str
) -> None:
    """`_hedged_ago` gives what the tiers after it give (`_safe_find`, as
    `resolve` calls it), or leaves the text to them."""
    opts = _options(now, habit)
    fast = times._hedged_ago(text, opts)
    if fast is None:
        return
    found = times._safe_find(text, opts, among_words=True)
    assert found is not None, text
    assert repr(fast) == repr(found.stamp)


_FIRST_CHARS = [chr(point) for point in range(0x3000)] + [
    "\u0130",  # capital I with a dot
    "\u017f",  # long s
    "\u212a",  # Kelvin sign
    "\ufb00",  # ligature ff
    "\uff41",  # full-width a
    "\U0001d41a",  # mathematical bold a
]
"""Every character of the first pages of Unicode, and those that fold to an
ASCII letter in some engines."""


@pytest.mark.parametrize(
    ("pattern", "first", "samples"),
    [
        (
            times._PLAIN_AGO,
            times._AGO_FIRST,
            ["3 hours ago", "an hour ago", "One day ago"],
        ),
        (
            times._PLAIN_FUTURE,
            times._FUTURE_FIRST,
            [
                "in 3 hours",
                "In an hour",
                "3 hours from now",
                "one day from now",
                "a day later",
            ],
        ),
        (
            times._HEDGED_AGO,
            times._HEDGE_FIRST,
            [f"{hedge} 3 hours ago" for hedge in times._HEDGE_KINDS]
            + [f"{hedge.upper()} an hour ago" for hedge in times._HEDGE_KINDS],
        ),
    ],
)
def test_fast_paths_are_skipped_only_where_they_cannot_match(
    pattern: re.Pattern[str], first: frozenset[str], samples: list[str]
) -> None:
    """`resolve` tries a fast path only on texts whose first character is in
    its set: with any other first character, no sample it reads matches."""
    for sample in samples:
        assert pattern.fullmatch(sample) is not None, sample
        assert sample[0] in first
        for char in _FIRST_CHARS:
            if char not in first:
                assert pattern.fullmatch(char + sample[1:]) is None, (char, sample)


def test_fast_path_first_characters_are_not_all_characters() -> None:
    """The sets leave most texts out, or the test above tells nothing."""
    every = times._AGO_FIRST | times._FUTURE_FIRST | times._HEDGE_FIRST
    assert len(every) < 60
    for text in ("today", "yesterday", "tomorrow", "this week", "-2d", "+3 weeks"):
        assert text[0] not in every


def test_hedged_ago_reads_the_common_hedges() -> None:
    """The agreement above is not vacuous; labels and times to come are
    left to the general readers."""
    opts = _options(dt.datetime(2025, 7, 13, 18, tzinfo=UTC), "either")
    for text in ("about 3 hours ago", "Over 3 months ago", "less than a minute ago"):
        assert times._hedged_ago(text, opts) is not None, text
    for text in ("updated 3 hours ago", "in under 3 hours", "about 3 hours"):
        assert times._hedged_ago(text, opts) is None, text
    assert times._HEDGE_KINDS["nearly"] == "almost"
    assert times._HEDGE_KINDS["more than"] == "over"


# --------------------------------------------------------------------------
# Days in the options' own zone start from the reference day's midnight
# when the zone is a fixed offset (`newsdump.times._zone_day_start`).

odd_offsets = fixed_offsets | st.sampled_from(
    [
        UTC,
        dt.timezone(dt.timedelta(hours=5, minutes=45)),
        dt.timezone(-dt.timedelta(hours=9, minutes=30)),
        dt.timezone(dt.timedelta(hours=23, minutes=59, seconds=59)),
        dt.timezone(-dt.timedelta(hours=23, minutes=59, seconds=59)),
    ]
)
any_days = (
    st.dates()
    | st.dates(max_value=dt.date(1, 1, 3))
    | st.dates(min_value=dt.date(9999, 12, 29))
)


@given(odd_offsets, odd_offsets, st.datetimes(timezones=st.just(UTC)), any_days)
@example(
    dt.timezone(dt.timedelta(hours=5, minutes=45)),
    UTC,
    dt.datetime(2025, 7, 13, 18, tzinfo=UTC),
    dt.date(1, 1, 1),
)
@example(
    dt.timezone(-dt.timedelta(hours=9, minutes=30)),
    UTC,
    dt.datetime(2025, 7, 13, 18, tzinfo=UTC),
    dt.date(9999, 12, 31),
)
def test_zone_day_start_is_day_start(
    zone: dt.timezone, now_zone: dt.timezone, instant: dt.datetime, day: dt.date
) -> None:
    """A day's first microsecond counted in whole days from the reference
    day's midnight is `_day_start`'s, with the same zone object, and fails
    alike at either end of the calendar."""
    opts = _options_at(instant, now_zone, zone, future=False)
    if opts is None:
        return
    general = _outcome(lambda: times._day_start(day, zone))
    assert _outcome(lambda: times._zone_day_start(day, opts)) == general
    general_bounds = _outcome(lambda: times._day_bounds(day, zone))
    assert _outcome(lambda: times._zone_day_bounds(day, opts)) == general_bounds
    if opts.midnight is not None:
        assert opts.midnight.tzinfo is UTC
        assert times._zone_day_start(opts.now.astimezone(zone).date(), opts) == (
            opts.midnight
        )
        start = times._zone_day_start(day, opts) if general[0] != "O" else None
        assert start is None or start.tzinfo is UTC


@given(
    odd_offsets,
    st.datetimes(
        min_value=dt.datetime(1, 1, 1),  # noqa: DTZ001 - bounds for aware values
        max_value=dt.datetime(9999, 12, 31, 23),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    st.sampled_from(
        [
            "today",
            "yesterday",
            "tomorrow",
            "the day before yesterday",
            "earlier today",
            "later today",
            "this morning",
            "tonight",
            "last night",
            "yesterday at 2 pm",
            "tomorrow at 9:15",
            "last night at 11:30",
            "last week",
            "this month",
            "next monday",
            "monday",
            "2 days ago at 9:15 pm",
            "13 july",
            "2025-07-13",
            "14:05",
            "1 jan 0001",
            "31 dec 9999",
        ]
    ),
    st.booleans(),
)
def test_calendar_words_in_a_fixed_offset_as_the_general_path(
    zone: dt.timezone, instant: dt.datetime, text: str, future: bool
) -> None:
    """Calendar words and named days give the same Timestamp (zones
    included) from the reference day's midnight as from the general path,
    or fail alike."""
    opts = _options_at(instant, zone, None, future=future)
    if opts is None:
        return
    general_opts = opts._replace(midnight=None)
    for read in (times._find, _expr_stamp):
        fast = _outcome(lambda: read(text, opts))  # noqa: B023 - called at once
        general = _outcome(lambda: read(text, general_opts))  # noqa: B023
        assert fast == general


def _options_at(
    instant: dt.datetime,
    now_zone: dt.tzinfo,
    zone: dt.tzinfo | None,
    *,
    future: bool,
) -> times._Options | None:
    """The options of *instant* on *now_zone*'s clock, read in *zone*; None
    if that clock is past datetime's range."""
    try:
        now = instant.astimezone(now_zone)
    except OverflowError:
        return None
    return times._options(
        now, "either", zone, dayfirst=False, future=future, languages=None
    )


def _expr_stamp(text: str, opts: times._Options) -> object:
    exprs = times._expressions(text, opts)
    return [times._expr_stamp(text, expr, opts) for expr in exprs]
