"""
`parse`: one entry point for text dumps and HTML pages.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence

from newsdump._chain import Filter
from newsdump._check import check_page
from newsdump._decode import sniff_bom
from newsdump._html import parse_html
from newsdump._limits import DEFAULT_LIMITS, Limits
from newsdump._models import Article
from newsdump._text import parse_text

__all__ = ["looks_like_html", "parse"]

SNIFF_CHARS = 2048
"""How much of the input's start `looks_like_html` reads."""

# Leading comments are skipped one at a time by _COMMENT: a repeated group
# around a lazy ".*?" would let one comment span several and backtrack
# exponentially ("<!---->" * 30 + "x" took minutes).
_COMMENT = re.compile(r"\s*<!--.*?-->", re.DOTALL)
_HTML_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|meta|title"
    r"|article|main|div|p|section|header|h[1-6])\b",
    re.IGNORECASE,
)


def looks_like_html(data: str | bytes) -> bool:
    """
    Tell whether *data* is an HTML page rather than a text dump.

    An input is HTML if, after an optional byte-order mark, white space and
    comments, it starts with a doctype or a structural tag (``<html>``,
    ``<head>``, ``<body>``, ``<div>``, ``<p>``...).

    Args:
        data: The input, as text or bytes.

    Returns:
        ``True`` for HTML.
    """
    if isinstance(data, bytes):
        head = data[: SNIFF_CHARS * 4]
        bom = sniff_bom(head)
        if bom is not None:
            encoding, skip = bom
            text = head[skip:].decode(encoding, errors="ignore")
        else:
            text = head.decode("latin-1")
    else:
        text = data[:SNIFF_CHARS].lstrip("\ufeff")
    pos = 0
    while (comment := _COMMENT.match(text, pos)) is not None:
        pos = comment.end()
    return _HTML_START.match(text, pos) is not None


def parse(
    data: str | bytes | os.PathLike[str],
    *,
    url: str | None = None,
    now: dt.datetime | None = None,
    filters: Sequence[Filter] | None = None,
    encoding: str | None = None,
    limits: Limits | None = None,
) -> Article:
    """
    Parse a news page, HTML or text dump, into an `Article`.

    Whether the input is HTML is decided by `looks_like_html`; HTML goes to
    `parse_html`, anything else to `parse_text`.

    A path (`pathlib.Path` or any `os.PathLike`) is read as the command line
    reads a file: its bytes, decompressed if it is a gzip, bzip2, xz or zstd
    file, then decoded by the parser (byte-order mark, declared charset,
    *encoding*, UTF-8). A `str` is always the page itself, never a path.

    Args:
        data: The page, as text or bytes, or the path of a file holding it.
        url: The page's address (HTML only: used for absolute links).
        now: The reference time for ages; must be timezone-aware.
        filters: The filter chain; `DEFAULT_FILTERS` if ``None``.
        encoding: The encoding of bytes that do not declare one.
        limits: Size and depth limits (see `Limits`); `Limits()` if ``None``.

    Returns:
        The article.

    Raises:
        TypeError: If *data* is not text, bytes or a path.
        OSError: If *data* is a path that cannot be read.
        ParseError: If the input cannot be decoded or parsed.
        FilterError: If a filter raises or returns something invalid.
    """
    check_page(data, "newsdump.parse", paths=True)
    if isinstance(data, os.PathLike):
        from newsdump._files import read_page  # noqa: PLC0415 - _readers imports us

        max_size = (DEFAULT_LIMITS if limits is None else limits).max_size
        data = read_page(data, max_bytes=max_size)
    if looks_like_html(data):
        return parse_html(
            data, url=url, now=now, filters=filters, encoding=encoding, limits=limits
        )
    return parse_text(data, now=now, filters=filters, encoding=encoding, limits=limits)
