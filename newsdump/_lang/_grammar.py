"""
The language tables compiled into regular expressions, once per set of
tables.

Word lists become character tries (see `alternation`), so a failing match
stops after a character or two instead of trying every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from dateutil import parser as du_parser

from newsdump._lang._table import Language, Unit

__all__ = ["Grammar", "alternation", "build", "time_pattern"]


_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str]) -> str:
    """
    Build a regex matching any of *words*, as a trie of characters.

    ``re`` tries the branches of ``a|b|c`` one after the other; sharing
    prefixes ("minute", "minutes", "min") lets it reject a word after one
    character instead of trying every word.
    Longer words are still tried first, with backtracking to shorter ones.
    """
    root: _Trie = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root) or r"(?!x)x"


def _emit(node: _Trie) -> str:
    branches = [re.escape(c) + _emit(node[c]) for c in sorted(node) if c]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


def branch_optionals(pattern: str) -> str:
    """*pattern* with each optional non-capturing group ``(?:X)?`` written
    as the branch ``(?:X|)``.

    Both match the same text with the same groups (X first, else
    nothing), but ``re`` runs a group that is more than one character
    under `?` as a repeat, with more bookkeeping than a branch: about a
    third fewer instructions to scan "five minutes ago" in English.
    A capturing group keeps its `?` (skipped, it is None; as a branch it
    would match the empty string).
    """
    out: list[str] = []
    groups: list[bool] = []  # for each open group, whether it is "(?:"
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[":
            # A character class, up to its first unescaped "]" past the
            # one it may start with.
            end = index + 1
            end += pattern[end] == "^"
            end += pattern[end] == "]"
            while pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            out.append(pattern[index : end + 1])
            index = end + 1
            continue
        if char == "(":
            groups.append(pattern.startswith("?:", index + 1))
        elif char == ")" and groups.pop():
            after = pattern[index + 1 : index + 3]
            if after[:1] == "?" and after[1:] not in {"?", "+"}:
                out.append("|)")
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out)


def _compile(pattern: str) -> re.Pattern[str]:
    """*pattern* compiled with its optional groups as branches."""
    return re.compile(branch_optionals(pattern))


_CLOCK_SUFFIX = r"(?:uhr|hrs|horas|ore|uur|h|u)"


def time_pattern(prefix: str, zone_re: str) -> str:
    """A clock time with optional am/pm and zone; group names get *prefix*."""
    return (
        rf"(?P<{prefix}h>\d{{1,2}})(?:[:.h](?P<{prefix}m>\d{{2}}))?"
        rf"(?::(?P<{prefix}s>\d{{2}})(?:[.,]\d{{1,6}})?)?"
        rf"\s*(?P<{prefix}ap>[ap]\.?\s?m\b\.?)?"
        rf"(?:\s*(?P<{prefix}suf>{_CLOCK_SUFFIX})\b)?"
        rf"(?:\s*\(?(?P<{prefix}z>{zone_re})\)?)?"
    )


@attrs.frozen
class Grammar:
    """The compiled patterns and word lookups of a set of language tables."""

    exact: Mapping[str, str]
    units: Mapping[str, Unit]
    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    lead: re.Pattern[str]
    lead_first: frozenset[str]
    starters: frozenset[str]
    age: re.Pattern[str]
    part: re.Pattern[str]
    day_clock: re.Pattern[str]
    weekday: re.Pattern[str]
    clock: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    numeric: re.Pattern[str]
    month_word: re.Pattern[str]
    weekday_word: re.Pattern[str]
    info: du_parser.parserinfo
    words_over: frozenset[str]
    words_almost: frozenset[str]
    words_under: frozenset[str]
    opening: re.Pattern[str]
    """The words a time read by `age`, `day_clock`, `weekday`, `month_day`
    or `day_month` can start with when it does not start with a digit."""
    local_units: Mapping[str, Mapping[str, Unit]] = attrs.field(factory=dict)
    """For each word before or after an age ("il y a"), the unit names of
    its language, CLDR's first: French "m." is months, though English "m"
    is minutes."""


_UNITS: frozenset[str] = frozenset(
    ("second", "minute", "hour", "day", "week", "month", "year")
)


def _own_units(lang: Language) -> dict[str, Unit]:
    """The unit names of one language: its CLDR table's, then its own."""
    from newsdump._lang import cldr_table  # noqa: PLC0415 - avoids an import cycle

    table = cldr_table(lang.code)
    own: dict[str, Unit] = {}
    # A unit name a pattern prints after the number ("vor {0} m": minutes)
    # wins over the same name among the durations (German "{0} M": months).
    for (pre, post), unit in (*table.PAST.items(), *table.FUTURE.items()):
        if pre and " " not in post and unit in _UNITS:
            own.setdefault(post, unit)
    for word, unit in table.UNITS.items():
        if unit in _UNITS:
            own.setdefault(word, unit)
    for word, unit in lang.units.items():
        own.setdefault(word, unit)
    return own


def _merge(langs: Sequence[Language], attr: str) -> list[str]:
    words: list[str] = []
    for lang in langs:
        words.extend(getattr(lang, attr))
    return words


def _starters(
    langs: Sequence[Language],
    exact: Mapping[str, str],
    weekdays: Mapping[str, int],
    months: Mapping[str, int],
) -> frozenset[str]:
    """Every word a time without digits can start with."""
    words = [*exact, *weekdays, *(f"{w}." for w in weekdays), *months]
    words += [f"{m}." for m in months]
    for attr in ("one", "ago_before", "over", "almost", "about", "under"):
        words += _merge(langs, attr)
    words += _merge(langs, "last_before") + _merge(langs, "on") + ["the"]
    first = {w.split(" ", 1)[0] for w in words}
    return frozenset(first | {w.split("'", 1)[0] + "'" for w in first if "'" in w})


def build(langs: Sequence[Language], zone_re: str) -> Grammar:  # noqa: C901 - one pass over the tables
    """Compile *langs* (earlier tables win on conflicts); *zone_re* matches
    the zone names a clock time may carry."""
    exact: dict[str, str] = {}
    for kind, attr in (
        ("now", "just_now"),
        ("today", "today"),
        ("earlier", "earlier_today"),
        ("yesterday", "yesterday"),
        ("before", "day_before_yesterday"),
    ):
        for word in _merge(langs, attr):
            exact.setdefault(word, kind)
    units: dict[str, Unit] = {}
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    for lang in langs:
        for word, unit in lang.units.items():
            units.setdefault(word, unit)
        for index, names in enumerate(lang.weekdays):
            for name in names:
                weekdays.setdefault(name.rstrip("."), index)
        for index, names in enumerate(lang.months):
            for name in names:
                months.setdefault(name.rstrip("."), index + 1)
    one_spaced = [w for w in _merge(langs, "one") if not w.endswith(("'", "’"))]
    one_glued = [w for w in _merge(langs, "one") if w.endswith(("'", "’"))]
    spaced, glued = alternation(one_spaced), alternation(one_glued)
    number = rf"(?:\d{{1,6}}\s*|(?:{spaced})\s+|(?:{glued})\s*)"
    unit_re = rf"(?:{alternation(units)})\.?(?![^\W\d_])"
    part = rf"{number}{unit_re}"
    joiner = rf"(?:\s*,\s*|\s+(?:{alternation(_merge(langs, 'joiners'))})\s+|\s*)"
    quals = _merge(langs, "over") + _merge(langs, "almost") + _merge(langs, "about")
    quals += _merge(langs, "under")
    qual = rf"(?:(?P<q>{alternation(quals)})\s+)?"
    qual2 = rf"(?:(?P<q2>{alternation(quals)})\s+)?"
    age = _compile(
        rf"^{qual}(?:(?P<pre>{alternation(_merge(langs, 'ago_before'))})\s+)?{qual2}"
        rf"(?P<body>(?P<n1>{number})(?P<u1>{alternation(units)})\.?(?![^\W\d_])"
        rf"(?P<more>(?:{joiner}{part})*))"
        rf"(?:\s*(?P<post>{alternation(_merge(langs, 'ago_after'))}))?\.?$"
    )
    part_re = _compile(
        rf"(?P<n>{number})(?P<u>(?:{alternation(units)}))\.?(?![^\W\d_])"
    )
    at = rf"(?:,?\s+(?:{alternation(_merge(langs, 'at'))})\s*|,?\s+|\s*,\s*|\s+-\s+)"
    days = alternation(exact)
    day_clock = _compile(
        rf"^(?:(?P<day>{days}){at}{time_pattern('t', zone_re)}"
        rf"|{time_pattern('u', zone_re)},?\s+(?P<day2>{days}))\.?$"
    )
    wd = alternation([*weekdays, *(f"{w}." for w in weekdays)])
    weekday = _compile(
        rf"^(?:(?:{alternation(_merge(langs, 'on'))})\s+)?"
        rf"(?:(?P<last>{alternation(_merge(langs, 'last_before'))})\s+)?"
        rf"(?P<wd>{wd})(?:\s+(?P<last2>{alternation(_merge(langs, 'last_after'))}))?"
        rf"(?:{at}{time_pattern('t', zone_re)})?\.?$"
    )
    clock = _compile(rf"^{time_pattern('t', zone_re)}\.?$")
    mon = alternation([*months, *(f"{m}." for m in months)])
    date_time = rf"(?:(?:{at}|\s*[|•·]\s*){time_pattern('t', zone_re)})?"
    weekday_lead = rf"(?:(?:{wd}),?\s+)?"
    month_day = _compile(
        rf"^{weekday_lead}(?P<mon>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<y>\d{{4}}))?{date_time}\.?$"
    )
    day_month = _compile(
        rf"^{weekday_lead}(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?\s*"
        rf"(?:de\s+)?(?P<mon>{mon})(?:,?\s+(?:de\s+)?(?P<y>\d{{4}}))?"
        rf"{date_time}\.?$"
    )
    numeric = _compile(
        r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        rf"(?:(?:{at}|\s*[|•·]\s*|t){time_pattern('t', zone_re)})?\.?$"
    )

    class _Info(du_parser.parserinfo):
        MONTHS: Any = [  # noqa: RUF012 - dateutil reads this class attribute once
            tuple(name for name, month in months.items() if month == m)
            for m in range(1, 13)
        ]
        JUMP = [  # noqa: RUF012 - dateutil reads this class attribute once
            *du_parser.parserinfo.JUMP,
            *_merge(langs, "at"),
            *_merge(langs, "on"),
            "de",
            "del",
            "um",
            "uhr",
        ]

    local_units: dict[str, dict[str, Unit]] = {}
    for lang in langs:
        own = _own_units(lang)
        for word in (*lang.ago_before, *lang.ago_after):
            local_units.setdefault(word, own)

    return Grammar(
        local_units=local_units,
        exact=exact,
        units=units,
        weekdays=weekdays,
        months=months,
        lead=_compile(
            rf"^(?:(?:{alternation(_merge(langs, 'lead'))}"
            rf"|{alternation(_merge(langs, 'on'))})\s*:?\s*)"
        ),
        lead_first=frozenset(
            w.split(" ", 1)[0].rstrip(":")
            for w in (*_merge(langs, "lead"), *_merge(langs, "on"))
        ),
        starters=_starters(langs, exact, weekdays, months),
        age=age,
        part=part_re,
        day_clock=day_clock,
        weekday=weekday,
        clock=clock,
        month_day=month_day,
        day_month=day_month,
        numeric=numeric,
        month_word=_compile(rf"(?<![^\W\d_])(?:{mon})(?![^\W\d_])"),
        weekday_word=_compile(rf"(?<![^\W\d_])(?:{wd})(?![^\W\d_]),?"),
        info=_Info(),
        words_over=frozenset(_merge(langs, "over")),
        words_almost=frozenset(_merge(langs, "almost")),
        words_under=frozenset(_merge(langs, "under")),
        opening=_compile(
            alternation(
                [
                    *quals,
                    *_merge(langs, "ago_before"),
                    *_merge(langs, "one"),
                    *exact,
                    *_merge(langs, "on"),
                    *_merge(langs, "last_before"),
                    *weekdays,
                    *(f"{w}." for w in weekdays),
                    *months,
                    *(f"{m}." for m in months),
                ]
            )
        ),
    )
