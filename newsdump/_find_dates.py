"""
`find_dates`: every date a page states, with where it states it and how it
ranks, so that a user can see why `newsdump.parse_html` chose its dates.
"""

from __future__ import annotations

import datetime as dt

from selectolax.lexbor import SelectolaxError

from newsdump._exceptions import NewsdumpError
from newsdump._html import _parse_tree, _to_str
from newsdump._html_dates import DateCandidate, gather
from newsdump._html_meta import _host, _language, _Page
from newsdump._limits import check_size

__all__ = ["find_dates"]


def find_dates(
    html: str | bytes,
    *,
    url: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[DateCandidate, ...]:
    """
    Every publication or update date a page states, best-ranked first.

    `newsdump.parse_html` takes its `Article.published` from the first
    candidate whose role is not ``"modified"`` and its `Article.modified`
    from the first whose role is; the guide's "Page dates" page explains
    the ranks.
    Each candidate's `Timestamp.source` says where it was read: "json-ld",
    "meta", "microdata", "rdfa", "time-element", "abbr", "element", "url"
    or "text".

    Args:
        html: The page, as text or bytes.
        url: The page's address: dates in its path are candidates, and its
            country domain helps read ``03/04/2025``.
        now: The reference time (the crawl time); dates after it (plus a
            day) are implausible and left out.

    Returns:
        The candidates sorted by rank, then page order; empty if the page
        states no date or cannot be read.
        It never raises for any string or bytes.

    Raises:
        ValueError: If *now* is naive.
    """
    if now is not None and (now.tzinfo is None or now.utcoffset() is None):
        msg = f"now must be timezone-aware, got {now!r}"
        raise ValueError(msg)
    try:
        tree = _parse_tree(_to_str(check_size(html, None), None))
        page = _Page(tree, url)
        return tuple(
            gather(
                page,
                now=now,
                language=_language(page),
                host=_host(url) or _host(page.arg_url),
                complete=True,
            )
        )
    except (NewsdumpError, SelectolaxError, RecursionError, ValueError):
        return ()
