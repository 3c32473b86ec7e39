"""
Exceptions raised by newsdump on purpose.

Every error that newsdump raises deliberately derives from
`NewsdumpError`, so one ``except`` clause catches them all.
Programming errors (a wrong argument type, a naive datetime passed where an
aware one is required) stay ordinary `TypeError`/`ValueError`.

    NewsdumpError(Exception)                  catch-all
    ├── ParseError(NewsdumpError, ValueError)   input could not be parsed
    │   ├── DecodeError                         bytes that are not text
    │   ├── RelativeTimeError                   strict time resolution failed
    │   └── LimitError                          input exceeds a configured limit
    └── FilterError(NewsdumpError)            a filter raised or returned junk

`ParseError` also subclasses `ValueError`, so ``except ValueError`` keeps
working for callers who do not know about newsdump.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "FilterError",
    "LimitError",
    "NewsdumpError",
    "ParseError",
    "RelativeTimeError",
]


class NewsdumpError(Exception):
    """
    Base class of every error newsdump raises on purpose.
    """


class ParseError(NewsdumpError, ValueError):
    """
    The input could not be parsed.

    Args:
        message: What was wrong, in one line.
        locator: Where it was wrong: a path, a record id or a character
            offset, if known.
    """

    def __init__(self, message: str, *, locator: str | None = None) -> None:
        super().__init__(message)
        self.locator = locator

    def __str__(self) -> str:
        message = super().__str__()
        if self.locator is None:
            return message
        return f"{self.locator}: {message}"


class DecodeError(ParseError):
    """
    Bytes could not be decoded to text without guessing.
    """


class RelativeTimeError(ParseError):
    """
    A time expression could not be resolved (strict resolution only).
    """


class LimitError(ParseError):
    """
    The input exceeds a configured limit (size, nesting depth, time).
    """


class FilterError(NewsdumpError):
    """
    A boilerplate filter raised an exception or returned something that is
    not a decision.

    Args:
        message: What went wrong.
        filter_name: The name of the offending filter.
    """

    def __init__(self, message: str, *, filter_name: str) -> None:
        super().__init__(message)
        self.filter_name = filter_name
