"""
Date lines of plain-text dumps: "Published: 13 July 2025 14:05 BST" under
the headline becomes `Article.published` ("Updated ..." `Article.modified`),
and its line is removed as a byline is.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsdump._dates import date_line, find_text_dates, label_role, make_stamp
from newsdump._models import Timestamp

__all__ = ["is_date_line", "line_dates"]


def is_date_line(raw: str) -> bool:
    """Tell whether a dump line is only a date and its labels."""
    return date_line(raw.strip()) is not None


def line_dates(
    lines: Iterable[tuple[str, bool]],
) -> tuple[Timestamp | None, Timestamp | None]:
    """
    The publication and update dates that a dump's byline and date lines
    print.

    A dump states no zone for the page, so a date without one is widened as
    `newsdump._dates` says; ambiguous numeric dates are read month first
    (the dump's language is not known).

    Args:
        lines: Each line with whether it is a byline ("By Jane Doe, July 13,
            2025") rather than a date line.

    Returns:
        ``(published, modified)``, each with ``source="text"``.
    """
    published: Timestamp | None = None
    modified: Timestamp | None = None
    for text, byline in lines:
        line = text.strip()
        if byline:
            dates = find_text_dates(line, limit=1)
            if not dates:
                continue
            found = dates[0]
            role = label_role(line[: found.start])
        else:
            read = date_line(line)
            if read is None:
                continue
            role, found = read
        stamp = make_stamp(line, found, source="text")
        if stamp is None or role is None:
            continue
        if role == "modified":
            modified = modified or stamp
        else:
            published = published or stamp
    return published, modified
