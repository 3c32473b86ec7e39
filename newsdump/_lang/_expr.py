"""
The grammar of relative time expressions, compiled per language.

A language's grammar comes from its CLDR table (``cldr/``): the relative
patterns ("{0} hours ago", "через {0} часа", "{0}小时前") are split around
the number into a word before it, a unit name and a word after it, so the
pieces combine beyond the patterns CLDR lists (compound ages, hedges,
decimals).
A hand-written table, where the language has one, adds news-specific words
on top ("hrs", "a couple of", "from now").
Patterns that do not split that way are kept whole.

Scanning yields `Expr` records: what the text says, with its span, and no
arithmetic; `newsdump.times` turns them into intervals.
Grammars compile on first use, one language at a time.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple, TypeVar

from newsdump._lang import CLDR_CODES, LANGUAGES, Language, cldr_table
from newsdump._lang._grammar import alternation, branch_optionals

__all__ = ["MAX_COMPACT", "Expr", "ExprGrammar", "grammar_for", "normalize"]

_T = TypeVar("_T")
_HAND: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}
# Scripts written without spaces between words: no word boundaries there.
_UNSPACED = frozenset({"Hani", "Kana", "Hang", "Thai"})
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMBER = r"\d{1,12}(?:[.,]\d{1,6})?"
# An amount in a duration: hours and minutes ("2:30 hours"), a whole number
# and a fraction ("1 1/2"), a fraction ("1/2"), or a plain number.
_AMOUNT = (
    r"\d{1,12}(?:[.,]\d{1,6}|:[0-5]\d(?![\d:])|\s+[1-9]/[1-9]\d?(?![\d/])|\s?[½¼¾])?"
    r"|[1-9]/[1-9]\d?(?![\d/])|[½¼¾]|\.\d{1,6}"
)
# A plain decimal amount, as `_AMOUNT` reads one.
_DECIMAL = re.compile(r"\d{1,12}[.,]\d{1,6}")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# How many of a unit the next larger one holds: "hours ago" is under a day.
_NEXT_UNIT = {
    "second": 60.0,
    "minute": 60.0,
    "hour": 24.0,
    "day": 7.0,
    "week": 5.0,
    "month": 12.0,
    "year": 10.0,
    "decade": 10.0,
}
MAX_COMPACT = 1000
"""A number glued to its unit ("11h") is an age only below this: "the
2000s" is a decade, not 2000 seconds."""
_FRACTION = re.compile(r"(?:(\d{1,12})\s+)?([1-9])/([1-9]\d?)")
_CLOCK = (
    r"(?=\d{1,2}(?::\d{2}|\s*[ap]\.?\s?m\b))(?P<ch>\d{1,2})(?::(?P<cm>\d{2}))?"
    r"(?::(?P<cs>\d{2}))?\s*(?P<cap>[ap])?(?:\.?\s?m\b\.?)?"
)
# Combining marks (Indic vowel signs, Arabic and Hebrew points) are no
# letters to the regex engine, yet a word goes on through them.
_MARKS = (
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957"
    "\u0962\u0963\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3\u0a01-\u0a03"
    "\u0a3c-\u0a51\u0a81-\u0a83\u0abc-\u0acd\u0b01-\u0b03\u0b3c-\u0b57"
    "\u0b82\u0bbe-\u0bcd\u0bd7\u0c00-\u0c04\u0c3e-\u0c56\u0c81-\u0c83"
    "\u0cbc-\u0cd6\u0d00-\u0d03\u0d3b-\u0d57\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d]"
)
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2212": "-", "\u2013": "-"})


def normalize(text: str) -> str:
    """Lower-case *text* keeping every character's position, so spans found
    in the result are spans of *text*."""
    low = text.lower()
    if low.isascii() and len(low) == len(text):
        return low  # _TRANSLATE maps only characters beyond ASCII
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_TRANSLATE)


class Expr(NamedTuple):
    """One time expression found in a text, before any arithmetic."""

    start: int
    end: int
    kind: str
    """ "age" (a duration from now), "named" (a named day or period),
    "rolling" (the last or next N units)."""
    parts: tuple[tuple[float, str], ...] = ()
    """Amounts and units of a duration, in the order printed."""
    step: float = 1.0
    """The precision of the last amount (0.5 for halves, 0.1 for "2.5")."""
    vague: tuple[float, float] | None = None
    """The range of counts a vague amount ("a few") allows."""
    direction: int = 0
    """-1 for the past, 1 for the future, 0 where the text does not say."""
    hedge: str = ""
    """ "", "about", "over", "almost", "under", "just" or "within"."""
    period: str = ""
    offset: int = 0
    clock: tuple[int, int, int | None] | None = None
    """A time of day attached: hour (0-23), minute, second."""
    compact: bool = False
    """A number glued to a unit letter or two ("11h")."""
    lang: str = ""
    third: int = 0
    """1, 2 or 3 for the first, middle or last third of the period
    ("early March", "late last year"); 0 for all of it."""
    latest: bool = False
    """A month by name alone: the latest one begun (the next with
    *future*)."""


def _alt(words: Iterable[str]) -> str:
    """A trie alternation in which a space matches any run of white space."""
    return alternation(w for w in words if w).replace("\\ ", r"\s+")


def _dotless(words: Iterable[str]) -> dict[str, str]:
    """Map each word and its spelling without a final dot to itself."""
    out: dict[str, str] = {}
    for word in words:
        out.setdefault(word, word)
        out.setdefault(word.rstrip("."), word)
    return out


class ExprGrammar:
    """The compiled expression grammar of one language."""

    def __init__(self, code: str) -> None:  # noqa: C901, PLR0912, PLR0915 - one pass over the tables
        self.code = code
        table = cldr_table(code)
        hand = _HAND.get(code)
        spaced = table.SCRIPT not in _UNSPACED
        units: dict[str, str] = {}
        for word, unit in table.UNITS.items():
            units.setdefault(word, unit)
        multiple: dict[str, float] = {}
        if hand is not None:
            for word, unit in hand.units.items():
                units.setdefault(word, unit)
            for word, (factor, unit) in hand.unit_multiples.items():
                units.setdefault(word, unit)
                multiple[word] = factor
        for word in list(units):
            units.setdefault(word.rstrip("."), units[word])
        before: dict[str, tuple[int, str]] = {}
        after: dict[str, int] = {}
        pairs: dict[tuple[str, str], tuple[str, int]] = {}
        # Every pattern whole, to settle what the pieces leave open: German
        # "vor {0} m" is minutes though "m" alone names months (CLDR's "M").
        exact: dict[tuple[str, str], tuple[str, int]] = {}
        for direction, patterns in ((-1, table.PAST), (1, table.FUTURE)):
            for key, unit in patterns.items():
                known = exact.get(key)
                if known is None:
                    exact[key] = (unit, direction)
                elif known[1] != direction:
                    exact[key] = (unit, 2)  # printed alike both ways
        by_length = sorted(units, key=len, reverse=True)
        undecided: list[tuple[str, str, str, int]] = []
        for direction, patterns in ((-1, table.PAST), (1, table.FUTURE)):
            for (pre, post), unit in patterns.items():
                word = next(
                    (
                        w
                        for w in by_length
                        if units[w] == unit
                        and post.startswith(w)
                        and (
                            not spaced
                            or len(post) == len(w)
                            or not _continues(post[len(w)])
                        )
                    ),
                    None,
                )
                if word is None:
                    pairs.setdefault((pre, post), (unit, direction))
                    undecided.append((pre, post, unit, direction))
                    continue
                rest = post[len(word) :].lstrip(". ")
                if rest:
                    after.setdefault(rest, direction)
                if pre:
                    before.setdefault(pre, (direction, ""))
        # A pattern whose unit is in a form the durations do not list
        # (Russian accusative "{0} неделю назад") gives that form, once the
        # words around it are known from the other patterns.
        # Twice: a form learnt from one pattern explains the words of another.
        for pre, post, unit, direction in undecided * 2:
            if pre and before.get(pre, (0, ""))[0] == direction and " " not in post:
                units.setdefault(post, unit)
                continue
            head, _, tail = post.rpartition(" ")
            if not head or " " in head:
                continue
            if after.get(tail) == direction or units.get(head) == unit:
                units.setdefault(head, unit)
                after.setdefault(tail, direction)
        named: dict[str, tuple[str, int]] = {}
        fixed: dict[str, tuple[int, str]] = dict(table.FIXED)
        for phrase, (unit, offset) in table.RELATIVE.items():
            named.setdefault(phrase, (unit, offset))
        numbers: dict[str, float] = {}
        vague: dict[str, tuple[float, float]] = {}
        hedges: dict[str, str] = {}
        fractions: dict[str, float] = {}
        links: tuple[str, ...] = ()
        halves: tuple[str, ...] = ()
        joiners = ["and"] if code == "en" else []
        relative: dict[str, str] = {}
        anchor_links: Mapping[str, int] = {}
        range_links: tuple[str, ...] = ()
        about_after: tuple[str, ...] = ()
        bare: Mapping[str, str] = {}
        thirds: Mapping[str, int] = {}
        if hand is not None:
            for phrase, meaning in hand.named.items():
                named.setdefault(phrase, meaning)
            for kind, words in (
                ("second", hand.just_now),
                ("day", hand.today),
                ("earlier", hand.earlier_today),
            ):
                for phrase in words:
                    named.setdefault(phrase, (kind, 0))
            for phrase in hand.yesterday:
                named.setdefault(phrase, ("day", -1))
            for phrase in hand.day_before_yesterday:
                named.setdefault(phrase, ("day", -2))
            for word in hand.ago_before:
                before.setdefault(word, (-1, ""))
            for word in hand.future_before:
                before.setdefault(word, (1, ""))
            for word in hand.within_before:
                before.setdefault(word, (1, "within"))
            for word, sign in hand.signs.items():
                before.setdefault(word, (sign, ""))
            for word in hand.ago_after:
                after.setdefault(word, -1)
            for word in hand.future_after:
                after.setdefault(word, 1)
            for kind, words in (
                ("over", hand.over),
                ("almost", hand.almost),
                ("about", hand.about),
                ("under", hand.under),
                ("just", hand.just),
            ):
                for word in words:
                    hedges.setdefault(word, kind)
            numbers.update(dict.fromkeys(hand.one, 1.0))
            numbers.update(hand.numbers)
            vague.update(hand.vague)
            fractions.update(hand.fractions)
            links, halves = hand.fraction_links, hand.and_half
            joiners += list(hand.joiners)
            relative.update(hand.relative_before)
            anchor_links, range_links = hand.anchor_links, hand.range_links
            about_after, bare = hand.about_after, hand.bare_ages
            thirds = hand.thirds
        # Signed offsets ("-3 h") follow a sign directly, as CLDR prints them.
        for mark, direction in (("-", -1), ("+", 1)):
            before.setdefault(mark, (direction, ""))
        self.units = _dotless(units)
        self.unit_of = units
        self.before, self.after, self.pairs = before, after, pairs
        self.exact = exact
        self.counted: Mapping[str, tuple[int, str | None]] = table.COUNTED
        self.named, self.fixed, self.hedges = named, fixed, hedges
        self.numbers, self.vague, self.fractions = numbers, vague, fractions
        self.relative = relative
        self.weekdays: Mapping[str, int] = table.WEEKDAYS
        self.months: Mapping[str, int] = table.MONTHS
        self.spaced = spaced
        self.multiple = multiple
        self.anchor_links, self.bare = anchor_links, bare
        self.anchor_days = {
            phrase: offset
            for phrase, (period, offset) in named.items()
            if period == "day"
        }

        start = rf"(?<![^\W\d_])(?<!{_MARKS})" if spaced else ""
        end = rf"(?![^\W\d_]|{_MARKS})" if spaced else ""
        # An amount starts no other number: "2" in "1/2", "30" in "2:30".
        lead = r"(?<![\w.,:/])(?<!\d-)" if spaced else r"(?<![\d.,:/])"
        unit_end = rf"(?:\.|{end})" if spaced else r"\.?"
        amounts = {**numbers, **dict.fromkeys(vague, 0.0)}
        number_words = _alt(amounts)
        halves_re = _alt(halves) if halves else ""
        range_re = r"\s*-\s*"
        if range_links:
            range_re = rf"(?:\s*-\s*|\s+(?:{_alt(range_links)})\s+)"
        self.range_split = re.compile(range_re)
        links_re = _alt(links) if links else ""

        def part(*, named: bool) -> str:
            """One amount and unit; with *named*, its pieces are groups."""

            def g(name: str) -> str:
                return f"(?P<{name}>" if named else "(?:"

            half = rf"(?:\s+{g('hb')}{halves_re}))?" if halves else ""
            if range_links:
                # "a day or two": the second amount after the unit.
                half += (
                    rf"(?:\s+(?:{_alt(range_links)})\s+{g('ro')}\d{{1,3}}|"
                    rf"{number_words}){end})?"
                )
            if about_after:
                half += rf"(?:\s+{g('os')}{_alt(about_after)}){end})?"
            half_mid = rf"(?:{g('ha')}{halves_re})\s+)?" if halves else ""
            unit = rf"{g('u')}{_alt(units)}){unit_end}"
            digits = rf"(?:{_AMOUNT})(?:{range_re}(?:{_AMOUNT}))?"
            body = rf"{g('n')}{digits})\s*"
            if amounts:
                words = rf"{number_words}(?:{range_re}{number_words})?"
                body = rf"(?:{g('n')}{digits})\s*|{start}{g('w')}{words})\s+)"
            out = rf"{body}{half_mid}{unit}{half}"
            if fractions:
                link = rf"(?:(?:{links_re})\s+)?" if links else ""
                out = (
                    rf"(?:{start}{g('f')}{_alt(fractions)})\s+{link}|{body}{half_mid})"
                )
                out += rf"{unit}{half}"
            return out

        joiner = r"(?:\s*,\s*|\s+|\s*(?=\d))"
        if joiners:
            joiner = (
                rf"(?:\s*,?\s+(?:{_alt(joiners)})\s+|\s*,\s*|\s+|(?<=[^\W\d_])(?=\d))"
            )
        # A hedge that is a sign ("~") needs no space after it.
        gap = r"(?:\s+|(?<=[^\w\s])\s*)"
        hedge = rf"(?:(?P<h1>{_alt(hedges)}){gap})?" if hedges else ""
        hedge2 = rf"(?:(?P<h2>{_alt(hedges)}){gap})?" if hedges else ""
        clock = rf"(?:,?\s*(?:at|@|-|,)?\s*{_CLOCK})?"
        anchored = ""
        if anchor_links and self.anchor_days:
            # "a week from tomorrow", "two days before yesterday"; but "a
            # week from today" is an age to come, as "a week from now".
            ages = [
                f"{link} {day}"
                for link in anchor_links
                for day in self.anchor_days
                if f"{link} {day}" in after
            ]
            not_age = rf"(?!(?:{_alt(ages)}){end})" if ages else ""
            anchored = (
                rf"\s+{not_age}(?P<alink>{_alt(anchor_links)})\s+"
                rf"(?P<aday>{_alt([*self.anchor_days, *table.WEEKDAYS])}){end}|"
            )
        age = (
            rf"{start}{hedge}(?:(?P<b>{_alt(before)})\s*)?{hedge2}"
            rf"(?P<dur>{lead}{part(named=False)}(?:{joiner}{part(named=False)})*)"
            rf"(?:{anchored}\s*(?P<a>{_alt(after)}){end})?{clock}"
        )
        # Each branch with the method that reads its matches.
        branches: list[tuple[Callable[[re.Match[str]], Expr | None], str]] = [
            (self._age, age)
        ]
        if bare:
            branches.append((self._bare, rf"{start}(?P<bare>{_alt(bare)}){end}"))
        if pairs:
            pres = _alt({p for p, _ in pairs})
            posts = _alt({q for _, q in pairs})
            branches.append(
                (
                    self._pair,
                    (
                        rf"(?:{start}(?P<pp>{pres})\s*)?(?P<pn>{lead}\d{{1,12}})\s*"
                        rf"(?P<pq>{posts})?{end}"
                    ),
                )
            )
        phrases = {**dict.fromkeys(named, 0), **dict.fromkeys(fixed, 0)}
        if phrases:
            branches.append(
                (
                    self._named,
                    (
                        rf"{start}(?P<named>{_alt(phrases)})\.?{end}"
                        rf"(?:,?\s*(?:at|@|,)?\s*{_CLOCK.replace('(?P<c', '(?P<n')})?"
                    ),
                )
            )
        if relative:
            targets = _dotless([*units, *self.weekdays, *self.months])
            self.targets = targets
            branches.append(
                (
                    self._relative,
                    (
                        rf"{start}(?P<rel>{_alt(relative)})\s+"
                        rf"(?:(?P<rn>{_NUMBER}|{number_words})\s+)?"
                        rf"(?P<ru>{_alt(targets)})\.?{end}"
                        # "the next 2 weeks and 3 days": more parts after a count.
                        rf"(?(rn)(?P<rmore>(?:{joiner}{part(named=False)})+)?)"
                    ),
                )
            )
        self.thirds = thirds
        if thirds and relative:
            # "early March", "mid-2024", "late last year", "the end of the month".
            periods = [w for w, u in units.items() if u in {"week", "month", "year"}]
            targets_re = _alt([*self.months, *periods])
            branches.append(
                (
                    self._third,
                    (
                        rf"{start}(?P<third>{_alt(thirds)})(?:\s+|\s*-\s*)"
                        rf"(?:(?P<trel>{_alt(relative)})\s+)?"
                        rf"(?P<tt>{targets_re}|(?:1[89]|2\d)\d\d){end}"
                    ),
                )
            )
        if code != "en":
            # A unit alone with a direction is one of it ("час назад").
            solo = [w for w in units if len(w.rstrip(".")) > 1 or not spaced]
            solo += list(table.COUNTED)
            branches.append(
                (
                    self._solo,
                    (
                        rf"{start}(?:(?P<sb>{_alt(before)})\s*)?(?P<su>{_alt(solo)}){unit_end}"
                        rf"(?(sb)(?:\s*(?P<sa>{_alt(after)}){end})?|\s*(?P<sa2>{_alt(after)}){end})"
                    ),
                )
            )
        # Each branch is a group of its own: the one that closes last,
        # `Match.lastindex`, says which branch matched.
        shared = ""
        if start and all(b.startswith(start) for _, b in branches):
            # Inside a word no branch starts: one test for all of them.
            shared = start
        self.pattern = re.compile(
            branch_optionals(
                shared
                + "(?:"
                + "|".join(
                    f"(?P<x{i}>{b[len(shared) :]})" for i, (_, b) in enumerate(branches)
                )
                + ")"
            )
        )
        self._readers = {
            self.pattern.groupindex[f"x{i}"]: reader
            for i, (reader, _) in enumerate(branches)
        }
        self.part = re.compile(branch_optionals(part(named=True)))
        # The groups this language's patterns have: reading a match asks
        # for those it needs (`groupdict` builds them all, at every match).
        self._names = frozenset(self.pattern.groupindex)
        # Groups read by position in one call: `groups()` with a None after
        # it, at which a group this language's patterns lack points.
        self._part_groups = _getter(
            self.part, ("u", "f", "n", "w", "ha", "hb", "ro", "os")
        )
        self._age_groups = _getter(self.pattern, ("b", "a", "h1", "h2", "ch", "aday"))
        self._fractions = "f" in self.part.groupindex
        self._halves = "ha" in self.part.groupindex
        self._ranges = "ro" in self.part.groupindex
        self._or_so = "os" in self.part.groupindex
        # Every number and vague word's amount, read once.
        self._word_amounts: dict[
            str, tuple[float, float, tuple[float, float] | None]
        ] = {}
        for word in (*numbers, *vague):
            self._word_amounts[word] = self._general_amount(word)

    def scan(self, text: str) -> Iterator[Expr]:
        """Every expression in *text* (already `normalize`-d), left to right."""
        known = self.phrases.get(text)
        if known is not None:
            return iter(known)
        return self._scan(text)

    @functools.cached_property
    def phrases(self) -> dict[str, tuple[Expr, ...]]:
        """What `scan` reads in each fixed phrase of the grammar said alone
        ("tomorrow", "last week", "next March"): read once, when the
        grammar is first used, then looked up rather than scanned."""
        targets: Iterable[str] = getattr(self, "targets", ())
        phrases = {*self.named, *self.fixed}
        phrases.update(f"{how} {target}" for how in self.relative for target in targets)
        return {phrase: tuple(self._scan(phrase)) for phrase in sorted(phrases)}

    def _scan(self, text: str) -> Iterator[Expr]:
        readers = self._readers
        for match in self.pattern.finditer(text):
            try:
                # The reader of the branch that matched.
                expr = readers[match.lastindex or 0](match)
            except (ValueError, OverflowError):  # an amount no float holds
                continue
            if expr is not None:
                yield expr

    def _amount(self, raw: str) -> tuple[float, float, tuple[float, float] | None]:
        """An amount as (value, step, vague range): `_general_amount`,
        with the grammar's number words looked up and a plain decimal
        ("2.5", "0,75") read directly."""
        if raw.isdigit():
            return float(raw), 1.0, None
        known = self._word_amounts.get(raw)
        if known is not None:
            return known
        digits = raw.replace(",", ".")
        whole, point, tail = digits.partition(".")
        if point and whole.isdecimal() and tail.isdecimal():
            # No space, sign or other mark: `_general_amount` finds no
            # word, range or written fraction in it, and reads it so.
            return float(digits), 10.0 ** -len(tail), None
        return self._general_amount(raw)

    def _general_amount(  # noqa: PLR0911 - one return per form of amount
        self, raw: str
    ) -> tuple[float, float, tuple[float, float] | None]:
        """An amount as (value, step, vague range)."""
        if raw.isdigit():
            return float(raw), 1.0, None
        key = " ".join(raw.split())
        value = self.numbers.get(key)
        if value is not None:
            return value, 1.0, None
        ends = self.range_split.split(key, maxsplit=1)
        if len(ends) == 2 and ends[0] and ends[1]:
            lo, lo_step, _ = self._amount(ends[0])
            hi, hi_step, _ = self._amount(ends[1])
            if not lo < hi:
                return hi, hi_step, None
            return (lo + hi) / 2, max(lo_step, hi_step), (lo, hi)
        written = _written(key)
        if written is not None:
            return written
        if key[0].isdigit():
            digits = key.replace(",", ".")
            step = (
                10.0 ** -(len(digits) - digits.index(".") - 1) if "." in digits else 1.0
            )
            return float(digits), step, None
        span = self.vague.get(key)
        if span is not None:
            return (span[0] + span[1]) / 2, 1.0, span
        return 1.0, 1.0, None

    def _age(  # noqa: C901, PLR0911, PLR0912, PLR0915 - one pass over the match
        self, match: re.Match[str]
    ) -> Expr | None:
        """The age *match* says, or, anchored on a named day ("a week from
        tomorrow"), that day."""
        before, after, h1, h2, hour, anchor = self._age_groups((*match.groups(), None))
        if anchor is not None:
            return self._anchored(match)
        parts: list[tuple[float, str]] = []
        step = 1.0
        vague: tuple[float, float] | None = None
        fraction: str | None = None
        or_so = False
        unit_of, part_groups = self.unit_of, self._part_groups
        dur = match["dur"]
        # The common duration, a whole amount, a space and a unit word
        # ("five minutes", "a few days", "12 hours"), is read without
        # running `part` over it: `part` reads it just so, in one match
        # covering it, digits all of group "n", a number word all of "w"
        # and the unit all of "u" (for every number word and unit of the
        # grammar: tests/test_times_fast.py checks them all). So are a
        # plain decimal and a space ("1.5 hours") and digits glued to a
        # unit word ("11h"; tests/test_times_expr_fast.py).
        amount, _, word = dur.rpartition(" ")
        glued = not amount
        if glued:
            word = dur.lstrip("0123456789")
            amount = dur[: len(dur) - len(word)]
        unit = unit_of.get(word)
        whole = amount.isdecimal()
        if unit is not None and (
            whole
            or (
                amount[:1].isalpha()
                and amount not in self.fractions
                and (amount in self.numbers or amount in self.vague)
            )
            or (not glued and _DECIMAL.fullmatch(amount) is not None)
        ):
            number = float(amount) if whole else self.numbers.get(amount)
            if number is not None:
                value = number
            else:
                value, step, vague = self._amount(amount)
            factor = self.multiple.get(word)
            if factor is not None:
                value, step = value * factor, step * factor
                if vague is not None:
                    vague = (vague[0] * factor, vague[1] * factor)
            parts.append((value, unit))
            amount_end, compact = len(amount), glued
            if glued and value >= MAX_COMPACT:
                return None  # as below
        else:
            first: re.Match[str] | None = None
            for part in self.part.finditer(dur):
                first = first or part
                word, fraction, digits, words, half_a, half_b, top, so = part_groups(
                    (*part.groups(), None)
                )
                unit = unit_of.get(word) or unit_of.get(word + ".")
                if unit is None:
                    return None
                factor = self.multiple.get(word, 1.0)
                if fraction is not None:
                    value = self.fractions[" ".join(fraction.split())]
                    # "half" is as precise as a half, "quarter" as a quarter.
                    step = 0.5 if value == 0.5 else 0.25
                else:
                    value, step, vague = self._amount(digits or words)
                if half_a is not None or half_b is not None:
                    value, step = value + 0.5, 0.5
                if top is not None:
                    most, _, _ = self._amount(top)
                    if most <= value:
                        return None
                    vague = (value, most)
                    value = (value + most) / 2
                if so is not None:
                    or_so = True
                if factor != 1.0:
                    value, step = value * factor, step * factor
                    if vague is not None:
                        vague = (vague[0] * factor, vague[1] * factor)
                parts.append((value, unit))
            compact = dur[0].isdigit() and " " not in dur
            if first is None or (compact and parts[0][0] >= MAX_COMPACT):
                return None  # "the 2000s" is a decade, not 2000 seconds
            amount_end = first.end("n" if digits else "w")
        clock = None if hour is None else _clock(match, "c")
        start, end = match.span()
        direction, hedge = 0, ""
        if len(parts) == 1 and not or_so and not h1 and not h2 and fraction is None:
            pre = "" if before is None else " ".join(before.split())
            post_end = match.end("dur") if after is None else match.end("a")
            cut = match.start("dur") + amount_end
            post = " ".join(match.string[cut:post_end].split())
            known = self.exact.get((pre, post))
            if known is not None:
                unit, direction = known
                return _new_expr(
                    Expr,
                    (start, end, "age", ((parts[0][0], unit),), step, vague,
                     direction, "", "", 0, clock, False, self.code, 0, False),
                )  # fmt: skip
        if before is not None:
            direction, hedge = _word(self.before, before)
        if after is not None:
            later = _word(self.after, after)
            if direction and later != direction:
                return None
            direction = later
        if ":" in dur and not direction:
            return None  # "2:30 h" alone is a clock time, not a duration
        if or_so:
            hedge = "about"
        for word in (h2, h1):
            # "just over 2 hours": the second hedge says more.
            if word is not None and not hedge:
                hedge = _word(self.hedges, word)
                hedge = "" if hedge == "just" else hedge
        return _new_expr(
            Expr,
            (start, end, "age", tuple(parts), step, vague, direction, hedge,
             "", 0, clock, compact, self.code, 0, False),
        )  # fmt: skip

    def _anchored(self, match: re.Match[str]) -> Expr | None:  # noqa: PLR0911 - one return per case left unread
        """A whole number of days or weeks before or after a named day."""
        days = 0.0
        if match["b"] or ("h1" in self._names and (match["h1"] or match["h2"])):
            return None
        for part in self.part.finditer(match["dur"]):
            pg = part.groupdict()
            if (
                pg.get("f")
                or pg.get("ha")
                or pg.get("hb")
                or pg.get("ro")
                or pg.get("os")
            ):
                return None
            unit = self.unit_of.get(part["u"]) or self.unit_of.get(part["u"] + ".")
            if unit not in {"day", "week"}:
                return None
            value, _, vague = self._amount(pg.get("n") or pg["w"])
            if vague is not None:
                return None
            days += (
                value * self.multiple.get(part["u"], 1.0) * (7 if unit == "week" else 1)
            )
        if not days or days != int(days):
            return None
        link_word = " ".join(match["alink"].split())
        day_word = " ".join(match["aday"].split())
        link = self.anchor_links[link_word]
        anchor = self.anchor_days.get(day_word)
        if anchor is None:
            return None  # counted from a weekday: not read rather than misread
        return Expr(
            match.start(),
            match.end(),
            "named",
            period="day",
            offset=anchor + link * int(days),
            lang=self.code,
        )

    def _bare(self, match: re.Match[str]) -> Expr:
        """A plural unit without a number ("hours ago"): more than one and
        less than the next larger unit."""
        unit = self.bare[" ".join(match["bare"].split())]
        top = _NEXT_UNIT[unit]
        return Expr(
            match.start(),
            match.end(),
            "age",
            (((1 + top) / 2, unit),),
            vague=(1.0, top),
            direction=-1,
            lang=self.code,
        )

    def _solo(self, match: re.Match[str]) -> Expr | None:
        word = " ".join(match["su"].split())
        count, unit = self.counted.get(word) or (1, self.unit_of.get(word))
        if unit is None:
            unit = self.unit_of.get(word + ".")
        before = match["sb"]
        after = match["sa"] or match["sa2"]
        if unit is None or (before is None and after is None):
            return None
        direction = 0
        if before is not None:
            direction, hedge = self.before[" ".join(before.split())]
            if hedge or before in {"-", "+"}:
                return None
        if after is not None:
            later = self.after[" ".join(after.split())]
            if direction and later != direction:
                return None
            direction = later
        return Expr(
            match.start(),
            match.end(),
            "age",
            ((float(count), unit),),
            direction=direction,
            lang=self.code,
        )

    def _pair(self, match: re.Match[str]) -> Expr | None:
        key = (
            " ".join((match["pp"] or "").split()),
            " ".join((match["pq"] or "").split()),
        )
        meaning = self.pairs.get(key)
        if meaning is None:
            return None
        unit, direction = meaning
        return Expr(
            match.start(),
            match.end(),
            "age",
            ((float(match["pn"]), unit),),
            direction=direction,
            lang=self.code,
        )

    def _named(self, match: re.Match[str]) -> Expr:
        phrase = " ".join(match["named"].split())
        fixed = self.fixed.get(phrase)
        if fixed is not None:
            count, unit = fixed
            return Expr(
                match.start(),
                match.end(),
                "age",
                ((float(abs(count)), unit),),
                direction=-1 if count < 0 else 1,
                lang=self.code,
            )
        period, offset = self.named[phrase]
        return Expr(
            match.start(),
            match.end(),
            "named",
            period=period,
            offset=offset,
            clock=_clock(match, "n"),
            lang=self.code,
        )

    def _relative(self, match: re.Match[str]) -> Expr | None:
        how = self.relative[" ".join(match["rel"].split())]
        target = self.targets[match["ru"]]
        count = None
        if match["rn"] is not None:
            count, _, _ = self._amount(match["rn"])
        unit = self.unit_of.get(target)
        start, end = match.start(), match.end()
        if unit is not None:
            if how in {"past", "coming"} or count is not None:
                direction = 1 if how in {"coming", "1"} else -1
                if how == "0":
                    return None
                parts: tuple[tuple[float, str], ...] = (
                    (count if count is not None else 1.0, unit),
                )
                more = match["rmore"] if "rmore" in self._names else None
                if more:
                    extra = self._more_parts(more)
                    if extra is None:
                        return None
                    parts += extra
                return Expr(
                    start, end, "rolling", parts, direction=direction, lang=self.code
                )
            return Expr(
                start, end, "named", period=unit, offset=int(how), lang=self.code
            )
        if count is not None:
            return None
        offset = {"past": -1, "coming": 1}.get(how)
        offset = int(how) if offset is None else offset
        weekday = self.weekdays.get(target)
        if weekday is not None:
            period = _WEEKDAY_KEYS[weekday]
        else:
            period = f"month:{self.months[target]}"
        return Expr(start, end, "named", period=period, offset=offset, lang=self.code)

    def _more_parts(self, text: str) -> tuple[tuple[float, str], ...] | None:
        """The whole-amount parts of a duration's tail ("3 days"); None if
        one is a fraction or a range."""
        parts = []
        for part in self.part.finditer(text):
            unit = self.unit_of.get(part["u"]) or self.unit_of.get(part["u"] + ".")
            fraction = self._fractions and part["f"] is not None
            half = self._halves and (part["ha"] is not None or part["hb"] is not None)
            if unit is None or fraction or half:
                return None
            value, _, vague = self._amount(part["n"] or part["w"])
            if vague is not None:
                return None
            parts.append((value * self.multiple.get(part["u"], 1.0), unit))
        return tuple(parts)

    def _third(self, match: re.Match[str]) -> Expr | None:
        third = self.thirds[" ".join(match["third"].split())]
        target = match["tt"].rstrip(".")
        how = (
            None
            if match["trel"] is None
            else self.relative[" ".join(match["trel"].split())]
        )
        start, end = match.start(), match.end()
        if target.isdigit():
            if how is not None:
                return None
            period, offset, latest = f"year={target}", 0, False
        elif target in self.months:
            period, latest = f"month:{self.months[target]}", how is None
            offset = 0 if how is None else int(how) if how in {"-1", "0", "1"} else 9
        else:
            period, latest = self.unit_of[target], False
            offset = 0 if how is None else int(how) if how in {"-1", "0", "1"} else 9
        if offset == 9:
            return None
        return Expr(
            start,
            end,
            "named",
            period=period,
            offset=offset,
            lang=self.code,
            third=third,
            latest=latest,
        )


_new_expr = tuple.__new__
"""`Expr` from a tuple of all its fields, without the keywords' cost."""


def _getter(
    pattern: re.Pattern[str], names: tuple[str, ...]
) -> Callable[[tuple[str | None, ...]], tuple[Any, ...]]:
    """Pick the groups *names* from ``(*match.groups(), None)``; a group
    the pattern lacks is None."""
    index = pattern.groupindex
    return operator.itemgetter(*(index.get(name, 0) - 1 for name in names))


def _word(table: Mapping[str, _T], raw: str) -> _T:
    """*table*'s entry for the words *raw*, white space collapsed.

    The keys are single-spaced: a match that is a key is its own
    collapsed form.
    """
    value = table.get(raw)
    return table[" ".join(raw.split())] if value is None else value


def _written(raw: str) -> tuple[float, float, None] | None:
    """Hours and minutes ("2:30") or a written fraction ("1 1/2") as
    (value, step, None); None for any other amount."""
    if ":" in raw:
        hours, minutes = raw.split(":")
        return int(hours) + int(minutes) / 60, 1 / 60, None
    if raw[-1] in _VULGAR:
        whole = raw[:-1].strip()
        value = _VULGAR[raw[-1]]
        return (int(whole) if whole else 0) + value, 0.25 if value != 0.5 else 0.5, None
    if raw[0] == ".":
        return float("0" + raw), 10.0 ** -(len(raw) - 1), None
    fraction = _FRACTION.fullmatch(raw)
    if fraction is None:
        return None
    whole, top, bottom = fraction.groups()
    return int(whole or 0) + int(top) / int(bottom), 1 / int(bottom), None


def _continues(char: str) -> bool:
    """Whether *char* goes on with the word before it."""
    return char.isalpha() or unicodedata.category(char).startswith("M")


def _clock(groups: re.Match[str], prefix: str) -> tuple[int, int, int | None] | None:
    name = f"{prefix}h"
    hour_text = groups[name] if name in groups.re.groupindex else None
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute = int(groups[f"{prefix}m"] or 0)
    ampm = groups[f"{prefix}ap"] if prefix == "n" else groups["cap"]
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    second = groups[f"{prefix}s"]
    return hour, minute, None if second is None else min(int(second), 59)


@functools.cache
def grammar_for(code: str) -> ExprGrammar:
    """The grammar of language *code*, compiled on first use.

    Raises:
        ValueError: If *code* has no CLDR table.
    """
    if code not in CLDR_CODES:
        msg = f"no time grammar for {code!r}; known: {CLDR_CODES!r}"
        raise ValueError(msg)
    return ExprGrammar(code)
