"""
The plain-text dump parser (placeholder: replaced by the core text parser).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from newsdump._chain import Block, Decision, Trim
from newsdump._decode import decode_text
from newsdump._models import Article

__all__ = ["parse_text"]


def parse_text(
    text: str | bytes,
    *,
    now: dt.datetime | None = None,
    filters: Sequence[Callable[[Block], Decision | Trim | None]] | None = None,
    encoding: str | None = None,
) -> Article:
    """
    Parse a plain-text dump into an `Article`.
    """
    del now, filters
    if isinstance(text, bytes):
        text = decode_text(text, encoding=encoding)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return Article()
    return Article(title=lines[0], paragraphs=lines[1:])
