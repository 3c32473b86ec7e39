"""
Turning bytes into text without silent mojibake.
"""

from __future__ import annotations

import codecs

from newsdump._exceptions import DecodeError

__all__ = ["decode_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """Return ``(encoding, bom_length)`` if *data* starts with a BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def decode_text(data: bytes, *, encoding: str | None = None) -> str:
    """
    Decode a text dump.

    The byte-order mark wins if there is one; otherwise *encoding* if given;
    otherwise strict UTF-8.
    Bytes that do not decode raise `DecodeError` naming the offset: newsdump
    never replaces characters silently.
    Pass ``encoding="cp1252"`` (or another codec) for dumps known to be in a
    legacy encoding.

    Raises:
        DecodeError: If the bytes are not valid in the chosen encoding, or
            the encoding is unknown.
    """
    bom = sniff_bom(data)
    if bom is not None:
        chosen, skip = bom
    else:
        chosen, skip = encoding or "utf-8", 0
    try:
        return data[skip:].decode(chosen)
    except LookupError as exc:
        msg = f"unknown encoding {chosen!r}"
        raise DecodeError(msg) from exc
    except UnicodeDecodeError as exc:
        msg = (
            f"input is not valid {chosen} at byte {exc.start + skip}; "
            "pass encoding=... if you know the right one"
        )
        raise DecodeError(msg, locator=f"byte {exc.start + skip}") from exc
