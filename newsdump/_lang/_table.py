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

    def __attrs_post_init__(self) -> None:
        if len(self.weekdays) != 7 or len(self.months) != 12:
            msg = f"language {self.code!r} needs 7 weekday and 12 month groups"
            raise ValueError(msg)
