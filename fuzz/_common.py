"""
Shared set-up for the atheris fuzz targets.

Each target feeds the fuzzer's bytes to a parse function, as bytes and as
text, and fails on any exception that is not a `newsdump.NewsdumpError`.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["NOW", "as_text"]

NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)
"""A fixed reference time, so ages are resolved and runs are repeatable."""


def as_text(data: bytes) -> str:
    """
    The fuzzer's bytes as text: UTF-8 where valid, a lone surrogate per
    byte that is not (as ``open(..., errors="surrogateescape")`` gives).
    """
    return data.decode("utf-8", errors="surrogateescape")
