"""
Argument checks shared by the public entry points.

Each entry point checks the type of its first argument before doing any
work, so that a wrong call fails with a `TypeError` that names what was
given and what is taken, not with an error from deep inside the parser.
"""

from __future__ import annotations

import os
import reprlib

__all__ = ["check_page", "check_text"]

_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40


def _got(value: object) -> str:
    if value is None:
        return "None"
    return f"{type(value).__name__} {_SHORT.repr(value)}"


def check_page(value: object, function: str, *, paths: bool = False) -> None:
    """
    Check that *value* is a page: text or bytes (or a path, if *paths*).

    Args:
        value: The caller's argument.
        function: The public name of the entry point, such as
            ``"newsdump.parse_text"``.
        paths: Whether the entry point also reads `os.PathLike` paths.

    Raises:
        TypeError: If *value* is of another type; the message names the
            type given, the types taken, and the way to pass a file or
            several pages.
    """
    if isinstance(value, str | bytes | bytearray):
        return
    if paths and isinstance(value, os.PathLike):
        return
    takes = "str, bytes or a path (os.PathLike)" if paths else "str or bytes"
    msg = f"{function}() takes the page as {takes}, got {_got(value)}"
    if isinstance(value, os.PathLike):
        msg += (
            f"; to parse a file, pass the path to newsdump.parse() or read it "
            f"first: {function}(path.read_bytes())"
        )
    elif isinstance(value, list | tuple):
        msg += (
            "; to parse several pages, call it once per page or use "
            "newsdump.parse_many()"
        )
    raise TypeError(msg)


def check_text(value: object, function: str, *, what: str) -> None:
    """
    Check that *value* is a `str`.

    Args:
        value: The caller's argument.
        function: The public name of the entry point.
        what: What the argument is, for the message ("the time text").

    Raises:
        TypeError: If *value* is not a `str`.
    """
    if isinstance(value, str):
        return
    msg = f"{function}() takes {what} as str, got {_got(value)}"
    if isinstance(value, bytes | bytearray):
        msg += "; decode it first, such as value.decode('utf-8')"
    raise TypeError(msg)
