"""
Resolve the times news pages print ("39 minutes ago", "yesterday") to
timezone-aware datetimes with their uncertainty interval.

Minimal first version: ages in seconds to weeks, "a"/"an", "just now",
"yesterday". The time issue replaces this module with the full resolver,
keeping `resolve`'s signature.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Literal

from newsdump._models import Granularity, Timestamp

__all__ = ["Habit", "infer_reference", "resolve"]

Habit = Literal["either", "floor", "round"]
"""How a site turns an age into a number: floored, rounded, or unknown."""

_UNITS: dict[str, tuple[Granularity, dt.timedelta]] = {
    "second": ("second", dt.timedelta(seconds=1)),
    "minute": ("minute", dt.timedelta(minutes=1)),
    "hour": ("hour", dt.timedelta(hours=1)),
    "day": ("day", dt.timedelta(days=1)),
    "week": ("week", dt.timedelta(weeks=1)),
}
_AGO = re.compile(
    r"^(?P<n>\d{1,6}|an?)\s+(?P<unit>second|minute|hour|day|week)s?\s+ago$",
    re.IGNORECASE,
)


def resolve(
    text: str, now: dt.datetime, *, habit: Habit = "either"
) -> Timestamp | None:
    """
    Resolve a time expression against a reference time.

    Args:
        text: The text as printed, such as ``"3 hours ago"``.
        now: The reference time; must be timezone-aware.
        habit: ``"floor"`` if the site floors ages, ``"round"`` if it rounds
            them, ``"either"`` (default) for an interval that holds under
            both.

    Returns:
        The resolved `Timestamp`, or ``None`` if *text* holds no time.

    Raises:
        ValueError: If *now* is naive.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        msg = "'now' must be timezone-aware"
        raise ValueError(msg)
    cleaned = " ".join(text.split())
    lowered = cleaned.lower()
    if lowered == "just now":
        return Timestamp(
            text=text, value=now, earliest=now - dt.timedelta(minutes=1), latest=now
        )
    if lowered == "yesterday":
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        start = midnight - dt.timedelta(days=1)
        end = midnight - dt.timedelta(microseconds=1)
        return Timestamp(
            text=text,
            value=start + dt.timedelta(hours=12),
            earliest=start,
            latest=end,
            granularity="day",
        )
    match = _AGO.match(cleaned)
    if match is None:
        return None
    raw = match["n"].lower()
    n = 1 if raw in {"a", "an"} else int(raw)
    granularity, unit = _UNITS[match["unit"].lower()]
    value = now - n * unit
    floor_earliest, floor_latest = now - (n + 1) * unit, value
    round_earliest, round_latest = now - (n + 0.5) * unit, now - (n - 0.5) * unit
    if habit == "floor":
        earliest, latest = floor_earliest, floor_latest
    elif habit == "round":
        earliest, latest = round_earliest, round_latest
    else:
        earliest, latest = floor_earliest, round_latest
    return Timestamp(
        text=text,
        value=value,
        earliest=earliest,
        latest=min(latest, now),
        granularity=granularity,
    )


def infer_reference(
    observations: Iterable[Sequence[str]],
) -> Timestamp | None:
    """
    Estimate the time a dump was captured from what it prints.

    Each observation is the time-like strings printed for one item, such as
    ``("3 hours ago", "Ukraine updates ... – DW – 07/13/2025")``: an age
    next to an absolute date bounds the capture time.

    Args:
        observations: One sequence of strings per item.

    Returns:
        The estimated reference time with its bounds, or ``None`` if the
        dump prints nothing to anchor it (placeholder: always ``None``
        until the time issue lands).
    """
    del observations
    return None
