"""
English time words.
"""

from __future__ import annotations

from newsdump._lang._table import Language

__all__ = ["TABLE"]

_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen"
)
_ONES = _WORDS.split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905


def _number_words() -> dict[str, float]:
    """ "one" to "ninety-nine", with a hyphen or a space in compounds."""
    words: dict[str, float] = {word: i + 1 for i, word in enumerate(_ONES)}
    for i, tens in enumerate(_TENS):
        value = 20 + 10 * i
        words[tens] = value
        for j, one in enumerate(_ONES[:9]):
            words[f"{tens}-{one}"] = value + j + 1
            words[f"{tens} {one}"] = value + j + 1
    words["a dozen"] = 12
    words["dozen"] = 12
    for word, value in (("hundred", 100), ("thousand", 1000)):
        for lead in ("a ", "one ", ""):
            words[lead + word] = value
    return words


TABLE = Language(
    code="en",
    units={
        "second": "second",
        "seconds": "second",
        "sec": "second",
        "secs": "second",
        "s": "second",
        "minute": "minute",
        "minutes": "minute",
        "min": "minute",
        "mins": "minute",
        "m": "minute",
        "hour": "hour",
        "hours": "hour",
        "hr": "hour",
        "hrs": "hour",
        "h": "hour",
        "day": "day",
        "days": "day",
        "d": "day",
        "week": "week",
        "weeks": "week",
        "wk": "week",
        "wks": "week",
        "w": "week",
        "month": "month",
        "months": "month",
        "mo": "month",
        "mos": "month",
        "mth": "month",
        "mths": "month",
        "secs.": "second",
        "mins.": "minute",
        "hrs.": "hour",
        "yrs.": "year",
        "year": "year",
        "years": "year",
        "yr": "year",
        "yrs": "year",
        "y": "year",
    },
    one=("a", "an", "one"),
    ago_after=("ago", "before now", "before", "earlier", "back", "prior"),
    just_now=(
        "just now",
        "now",
        "moments ago",
        "a moment ago",
        "a few seconds ago",
        "few seconds ago",
        "seconds ago",
        "right now",
        "just in",
    ),
    today=("today",),
    earlier_today=("earlier today",),
    yesterday=("yesterday",),
    day_before_yesterday=("the day before yesterday", "day before yesterday"),
    weekdays=(
        ("monday", "mon", "mon."),
        ("tuesday", "tue", "tues", "tue."),
        ("wednesday", "wed", "wed."),
        ("thursday", "thu", "thur", "thurs", "thu."),
        ("friday", "fri", "fri."),
        ("saturday", "sat", "sat."),
        ("sunday", "sun", "sun."),
    ),
    months=(
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    last_before=("last", "this past", "past"),
    at=("at", "@"),
    on=("on",),
    lead=(
        "updated",
        "last updated",
        "published",
        "posted",
        "first published",
        "modified",
        "edited",
        "date",
        "time",
    ),
    over=("over", "more than"),
    almost=("almost", "nearly"),
    about=("about", "around", "approximately", "approx.", "roughly", "~"),
    under=("less than", "under"),
    joiners=("and",),
    future_before=("in", "after"),
    future_after=("from now", "later", "hence", "ahead", "from today", "after"),
    within_before=("within", "in under", "in less than"),
    signs={
        "-": -1,
        "+": 1,
        "now -": -1,
        "now +": 1,
        "now minus": -1,
        "now plus": 1,
        "today -": -1,
        "today +": 1,
    },
    just=("just", "exactly", "only"),
    numbers=_number_words(),
    vague={
        "a couple of": (2, 3),
        "a couple": (2, 3),
        "couple of": (2, 3),
        "couple": (2, 3),
        "a few": (2, 5),
        "few": (2, 5),
        "several": (3, 9),
        "a handful of": (3, 6),
    },
    fractions={
        "half": 0.5,
        "a half": 0.5,
        "quarter": 0.25,
        "a quarter": 0.25,
        "three quarters": 0.75,
        "three-quarters": 0.75,
    },
    fraction_links=("of an", "of a", "an", "a"),
    and_half=("and a half",),
    named={
        "the day before yesterday": ("day", -2),
        "day before yesterday": ("day", -2),
        "the day after tomorrow": ("day", 2),
        "day after tomorrow": ("day", 2),
        "tonight": ("evening", 0),
        "this morning": ("morning", 0),
        "this afternoon": ("afternoon", 0),
        "this evening": ("evening", 0),
        "last night": ("night", -1),
        "yesterday morning": ("morning", -1),
        "yesterday afternoon": ("afternoon", -1),
        "yesterday evening": ("evening", -1),
        "tomorrow morning": ("morning", 1),
        "tomorrow afternoon": ("afternoon", 1),
        "tomorrow evening": ("evening", 1),
        "tomorrow night": ("night", 1),
        "earlier this week": ("week", 0),
        "earlier this month": ("month", 0),
        "earlier this year": ("year", 0),
        "later today": ("later", 0),
        "last decade": ("decade", -1),
        "this decade": ("decade", 0),
    },
    relative_before={
        "last": "-1",
        "previous": "-1",
        "this": "0",
        "next": "1",
        "following": "1",
        "past": "past",
        "the past": "past",
        "the last": "past",
        "over the past": "past",
        "in the past": "past",
        "in the last": "past",
        "coming": "coming",
        "the coming": "coming",
        "the next": "coming",
        "in the next": "coming",
        "over the next": "coming",
        "in the coming": "coming",
    },
    anchor_links={"before": -1, "after": 1, "from": 1},
    range_links=("to", "or"),
    about_after=("or so",),
    bare_ages={
        "minutes ago": "minute",
        "hours ago": "hour",
        "days ago": "day",
        "weeks ago": "week",
        "months ago": "month",
        "years ago": "year",
        "decades ago": "decade",
    },
    unit_multiples={"fortnight": (2, "week"), "fortnights": (2, "week")},
)
