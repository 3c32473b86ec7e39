"""
Language tables for time resolution: one module per language, data only.

The seven hand-written tables (`LANGUAGES`) hold the words news sites print
around times, with their news-specific extras ("Updated", "moments ago").
Under them lie the tables generated from Unicode CLDR (``cldr/``, written by
``scripts/cldr_times.py``): unit names, "ago"/"in" patterns, named days,
weekday and month names in every language of `CLDR_CODES`.
Generated tables are imported lazily, one language at a time.

To add a hand-written language, write a module with a `Language` named
``TABLE`` and add it to `LANGUAGES`; to add a CLDR language, add its code to
the generator and run it.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from newsdump._lang import de, en, es, fr, it, nl, pt
from newsdump._lang._table import Language, Unit
from newsdump._lang.cldr._index import CODES as CLDR_CODES

__all__ = [
    "CLDR_CODES",
    "LANGUAGES",
    "Language",
    "Unit",
    "cldr_table",
    "month_names",
    "weekday_names",
]

LANGUAGES: tuple[Language, ...] = (
    en.TABLE,
    de.TABLE,
    fr.TABLE,
    es.TABLE,
    it.TABLE,
    pt.TABLE,
    nl.TABLE,
)
"""Every hand-written table, English first (earlier tables win on conflicts)."""

_HAND = {lang.code: lang for lang in LANGUAGES}


@functools.cache
def cldr_table(code: str) -> ModuleType:
    """The generated CLDR module of language *code*, imported on first use.

    Raises:
        ValueError: If no table was generated for *code*.
    """
    if code not in CLDR_CODES:
        msg = f"no CLDR time table for {code!r}; known: {CLDR_CODES!r}"
        raise ValueError(msg)
    return importlib.import_module(f"newsdump._lang.cldr.{code}")


def _names(code: str, attr: str, groups: str, base: int) -> dict[str, int]:
    names: dict[str, int] = dict(getattr(cldr_table(code), attr))
    hand = _HAND.get(code)
    if hand is not None:
        for index, group in enumerate(getattr(hand, groups)):
            for name in group:
                names.setdefault(name.rstrip("."), index + base)
    return names


@functools.cache
def _month_names(code: str) -> dict[str, int]:
    return _names(code, "MONTHS", "months", 1)


@functools.cache
def _weekday_names(code: str) -> dict[str, int]:
    return _names(code, "WEEKDAYS", "weekdays", 0)


def month_names(lang: str) -> dict[str, int]:
    """
    Month names of language *lang*, lower-case, to their number (January 1).

    Full and abbreviated names, in CLDR's format (genitive, "июля") and
    stand-alone ("июль") forms, without a trailing dot ("janv" for
    "janv."), plus the spellings of the hand-written table if *lang* has
    one ("fevrier" for "février").

    Raises:
        ValueError: If *lang* is not in `CLDR_CODES`.
    """
    return dict(_month_names(lang))


def weekday_names(lang: str) -> dict[str, int]:
    """
    Weekday names of language *lang*, lower-case, to their index (Monday 0).

    Full, abbreviated and short names, as `month_names` gives months.

    Raises:
        ValueError: If *lang* is not in `CLDR_CODES`.
    """
    return dict(_weekday_names(lang))
