"""
The shape of a language table: the words one language uses for times.

A table is data only; `newsdump.times` compiles every table it is given
into regular expressions once, at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

__all__ = ["Language", "Unit"]

Unit = Literal["second", "minute", "hour", "day", "week", "month", "year"]
"""A unit an age can be counted in."""


def _frozen_map(value: Mapping[str, Unit]) -> Mapping[str, Unit]:
    return {key.lower(): unit for key, unit in value.items()}


def _lower(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.lower() for word in value)


def _lower_numbers(value: Mapping[str, float]) -> Mapping[str, float]:
    return {key.lower(): number for key, number in value.items()}


def _lower_spans(
    value: Mapping[str, tuple[float, float]],
) -> Mapping[str, tuple[float, float]]:
    return {key.lower(): span for key, span in value.items()}


def _lower_named(value: Mapping[str, tuple[str, int]]) -> Mapping[str, tuple[str, int]]:
    return {key.lower(): named for key, named in value.items()}


def _lower_groups(value: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(_lower(group) for group in value)


@attrs.frozen(kw_only=True)
class Language:
    """
    The words one language prints around times, as plain data.

    Every word is matched case-insensitively and whole; list each spelling
    (singular, plural, abbreviation, with and without accents) that sites
    print.

    Args:
        code: The ISO 639-1 code ("en").
        units: Unit words and abbreviations mapped to their unit
            (``{"hours": "hour", "hrs": "hour"}``).
        one: Words that stand for the number one before a unit ("an").
        ago_before: Words that precede an age ("vor", "il y a").
        ago_after: Words that follow an age ("ago", "fa").
        just_now: Whole phrases meaning "just now" ("moments ago").
        today: Words for today.
        earlier_today: Whole phrases meaning "earlier today".
        yesterday: Words for yesterday.
        day_before_yesterday: Words for the day before yesterday.
        weekdays: Seven groups of names, Monday first.
        months: Twelve groups of names, January first.
        last_before: Words before a weekday meaning "the last one"
            ("last", "letzten").
        last_after: Words after a weekday meaning the same ("dernier").
        at: Words joining a day and a clock time ("at", "um").
        on: Words before a day or date that add nothing ("on", "am").
        lead: Labels before a time that add nothing ("updated",
            "published").
        over: Qualifiers meaning "more than" an age ("over").
        almost: Qualifiers meaning "a little less than" ("almost").
        about: Qualifiers meaning "roughly" ("about").
        under: Qualifiers meaning "less than" ("less than").
        joiners: Words joining parts of an age ("and").
        future_before: Words before a duration that make it a time to
            come ("in", "after").
        future_after: Words after a duration that do the same ("from now",
            "later").
        within_before: Words before a duration meaning "at most that far
            ahead" ("within").
        signs: Signs and words before a duration that make it an offset
            from now (``{"now -": -1, "+": 1}``).
        just: Hedges that leave the interval as the bare age reads
            ("just").
        numbers: Number words to their value (``{"twelve": 12}``).
        vague: Vague amounts to the range of counts they allow
            (``{"a few": (2, 5)}``).
        fractions: Fraction words before a unit (``{"half": 0.5}``).
        fraction_links: Words between a fraction and its unit ("of an").
        and_half: Words adding a half to an amount ("and a half").
        named: Named days and periods beyond CLDR's, to (period, offset):
            ``{"tonight": ("evening", 0)}``; periods are "day", "week",
            "month", "year", "quarter", "morning", "afternoon", "evening",
            "night", or a weekday ("mon" to "sun").
        relative_before: Words before a unit, weekday or month naming a
            period around now, to an offset or a rolling window
            (``{"last": "-1", "past": "past"}``).
        anchor_links: Words joining a duration to the named day it counts
            from, to the direction they count in ("a week from tomorrow":
            ``{"from": 1}``).
        range_links: Words joining the two amounts of a range ("2 to 3
            days", "a day or two"); a hyphen always joins them.
        about_after: Words after a unit that make an age approximate ("an
            hour or so ago").
        bare_ages: Whole phrases giving a plural unit without a number
            ("hours ago"), to that unit: more than one of it and less than
            the next larger unit.
        unit_multiples: Unit words that stand for several of a unit
            ("fortnight"), to (factor, unit).
        thirds: Words before a month, a year or "this month" naming its
            first, middle or last third ("early", "mid", "late"), to 1, 2
            or 3.
    """

    code: str
    units: Mapping[str, Unit] = attrs.field(converter=_frozen_map)
    one: tuple[str, ...] = attrs.field(converter=_lower)
    ago_before: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    ago_after: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    just_now: tuple[str, ...] = attrs.field(converter=_lower)
    today: tuple[str, ...] = attrs.field(converter=_lower)
    earlier_today: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    yesterday: tuple[str, ...] = attrs.field(converter=_lower)
    day_before_yesterday: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    weekdays: tuple[tuple[str, ...], ...] = attrs.field(
        converter=_lower_groups, validator=attrs.validators.max_len(7)
    )
    months: tuple[tuple[str, ...], ...] = attrs.field(
        converter=_lower_groups, validator=attrs.validators.max_len(12)
    )
    last_before: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    last_after: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    at: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    on: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    lead: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    over: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    almost: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    about: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    under: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    joiners: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    future_before: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    future_after: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    within_before: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    signs: Mapping[str, int] = attrs.field(factory=dict)
    just: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    numbers: Mapping[str, float] = attrs.field(factory=dict, converter=_lower_numbers)
    vague: Mapping[str, tuple[float, float]] = attrs.field(
        factory=dict, converter=_lower_spans
    )
    fractions: Mapping[str, float] = attrs.field(factory=dict, converter=_lower_numbers)
    fraction_links: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    and_half: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    named: Mapping[str, tuple[str, int]] = attrs.field(
        factory=dict, converter=_lower_named
    )
    relative_before: Mapping[str, str] = attrs.field(factory=dict)
    anchor_links: Mapping[str, int] = attrs.field(factory=dict)
    range_links: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    about_after: tuple[str, ...] = attrs.field(default=(), converter=_lower)
    bare_ages: Mapping[str, str] = attrs.field(factory=dict)
    unit_multiples: Mapping[str, tuple[float, Unit]] = attrs.field(factory=dict)
    thirds: Mapping[str, int] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if len(self.weekdays) != 7 or len(self.months) != 12:
            msg = f"language {self.code!r} needs 7 weekday and 12 month groups"
            raise ValueError(msg)
