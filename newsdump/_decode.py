"""
Turning bytes into text without silent mojibake.
"""

from __future__ import annotations

import codecs
import re

from newsdump._exceptions import DecodeError

__all__ = ["FALLBACK_ENCODING", "declared_charset", "decode_html", "decode_text"]

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


# --- HTML ------------------------------------------------------------------

_SNIFF_BYTES = 4096
"""How far into the bytes a `<meta charset>` declaration is looked for."""

_DECLARED = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.+-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_:.+-]{1,40})""",
    re.IGNORECASE,
)
"""A declared charset in the first bytes: ``<meta charset>``, the
``http-equiv="Content-Type"`` form, or an XML declaration."""

FALLBACK_ENCODING = "windows-1252"
"""The encoding used when nothing is declared and the bytes are not UTF-8.

It is the WHATWG default for unlabelled Western pages and decodes every byte.
"""

_LABELS = {
    # WHATWG treats these as windows-1252, which is a superset of them.
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "iso_8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "l1": "windows-1252",
    "cp1252": "windows-1252",
    "x-cp1252": "windows-1252",
    "windows-1252": "windows-1252",
    "cp819": "windows-1252",
    # A page that declares UTF-16 in a <meta> cannot be UTF-16 (the
    # declaration itself was read as ASCII): WHATWG reads it as UTF-8.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "gb2312": "gbk",
    "x-gbk": "gbk",
    "chinese": "gbk",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "x-sjis": "shift_jis",
    "ms_kanji": "shift_jis",
    "windows-31j": "cp932",
    "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
}
"""Charset labels whose meaning on the web differs from Python's codec names."""

_ALLOWED_CODECS = frozenset(
    {
        "utf-8",
        *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
        *(f"cp{n}" for n in range(1250, 1259)),
        "cp866",
        "cp874",
        "cp932",
        "cp949",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "shift_jis",
        "euc_jp",
        "iso2022_jp",
        "gbk",
        "gb18030",
        "big5",
        "big5hkscs",
    }
)
"""Python codecs a page may select by declaration (the web's encodings).

Anything else a page declares (``utf-7``, ``unicode_escape``, a typo) is
ignored, so a page cannot make newsdump run an arbitrary codec.
"""

_SINGLE_BYTE_LATIN = frozenset(
    {"windows-1252", "iso8859-15", "iso8859-2", "cp1250", "cp1254"}
)

_WINDOWS_1252_TABLE = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)
"""windows-1252 as browsers decode it: the five bytes Python's ``cp1252``
leaves undefined map to the C1 controls of the same number."""


def _codec_for_label(label: str) -> str | None:
    """Map a declared charset label to a Python codec, or None if unknown."""
    key = label.strip().lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return name if name in _ALLOWED_CODECS else None


def declared_charset(data: bytes) -> str | None:
    """
    Find the charset a page declares in its first bytes.

    Args:
        data: The page as bytes.

    Returns:
        The Python codec name for the first recognised declaration, or
        ``None`` if there is none or it names no web encoding.
    """
    for match in _DECLARED.finditer(data, 0, _SNIFF_BYTES):
        raw = match.group(1) or match.group(2)
        codec = _codec_for_label(raw.decode("ascii"))
        if codec is not None:
            return codec
    return None


def _decode_windows_1252(data: bytes) -> str:
    text, _ = codecs.charmap_decode(data, "strict", _WINDOWS_1252_TABLE)
    return text


def _decode_strict(data: bytes, codec: str) -> str | None:
    if codec == "windows-1252":
        return _decode_windows_1252(data)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-8" and exc.end == len(data) and exc.start >= len(data) - 3:
            # Cut off in the middle of the last character, as truncated
            # downloads often are: drop the partial character, but only if
            # the rest proves to be UTF-8 (has non-ASCII characters).
            try:
                head = data[: exc.start].decode(codec)
            except UnicodeDecodeError:
                return None
            return None if head.isascii() else head
        return None


def _utf8_or_fallback(data: bytes) -> str:
    """Decode bytes that are not strict UTF-8.

    Mostly-UTF-8 bytes (more valid multi-byte characters than broken
    sequences) are UTF-8 with damage: broken sequences become U+FFFD, which
    is visible.
    Otherwise the bytes are a legacy single-byte page and decode as
    windows-1252.
    """
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for char in lenient if char > "\x7f") - broken
    if valid > broken:
        return lenient
    return _decode_windows_1252(data)


def decode_html(
    data: bytes, *, encoding: str | None = None, http_charset: str | None = None
) -> str:
    """
    Decode an HTML page, following the web's rules without silent mojibake.

    The encoding is chosen in this order:

    1. A byte-order mark (UTF-8, UTF-16, UTF-32).
    2. *encoding*, if the caller gives one.
    3. *http_charset*, the charset of the HTTP ``Content-Type`` header the
       page came with, as browsers do, under the same rules as the next
       step (an unknown label is ignored).
    4. The charset the page declares in its first 4 KB (``<meta charset>``,
       ``<meta http-equiv="Content-Type">``, an XML declaration), if it
       names a web encoding and the bytes decode in it.
       Labels are read as browsers read them (``iso-8859-1`` is
       windows-1252).
       One exception: a page declaring a single-byte Latin charset whose
       bytes are valid UTF-8 with non-ASCII characters is read as UTF-8,
       the usual mislabelling.
    5. Strict UTF-8 (a character cut off at the very end is dropped).
    6. If the bytes are mostly UTF-8 with a few broken sequences, UTF-8
       with U+FFFD for each broken sequence; otherwise windows-1252
       (`FALLBACK_ENCODING`), which decodes every byte.

    Args:
        data: The page as bytes.
        encoding: The encoding the caller knows the page is in; the bytes
            must decode in it.
        http_charset: The charset label of the HTTP response the page came
            in (from a WARC record, say): a strong hint, not a promise.

    Returns:
        The page as text, without a byte-order mark.

    Raises:
        DecodeError: If a byte-order mark or the caller's *encoding* is
            contradicted by the bytes, or *encoding* is unknown: newsdump
            does not guess against an explicit statement.
    """
    bom = sniff_bom(data)
    if bom is not None or encoding is not None:
        return decode_text(data, encoding=encoding)
    transport = _codec_for_label(http_charset) if http_charset else None
    for declared in (transport, declared_charset(data)):
        if declared is None:
            continue
        if declared in _SINGLE_BYTE_LATIN and not data.isascii():
            as_utf8 = _decode_strict(data, "utf-8")
            if as_utf8 is not None:
                return as_utf8
        text = _decode_strict(data, declared)
        if text is not None:
            return text
    text = _decode_strict(data, "utf-8")
    if text is not None:
        return text
    return _utf8_or_fallback(data)
