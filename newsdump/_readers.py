"""
Readers that stream input records out of files, folders, compressed files,
JSON Lines exports and WARC archives.

A reader never raises on bad input: a file it cannot read, a line that is
not JSON or a WARC record that is not HTML becomes a `Failure` carrying the
record's identity and the reason, and reading goes on with the next one.
Everything is streamed: at most one record (bounded by *max_bytes*) is held
in memory at a time, however large the input.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import importlib
import io
import json
import lzma
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from newsdump._api import looks_like_html
from newsdump._models import _optional_aware

__all__ = [
    "Failure",
    "Fields",
    "InputKind",
    "Record",
    "RecordKind",
    "input_kind",
    "read_jsonl_stream",
    "read_records",
]

RecordKind = Literal["text", "html", "auto"]
"""What a record holds: a text dump, an HTML page, or unknown (sniffed)."""

InputKind = Literal["document", "jsonl", "warc", "directory"]
"""How a path is read: one record, one record a line, a WARC archive, or a
folder walked recursively."""

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Records larger than this (64 MiB) become failures instead of being read."""

_SNIFF_BYTES = 64 * 1024
_COPY_BYTES = 1024 * 1024
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gz"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zst"),
)
_COMPRESSED_SUFFIXES = frozenset({".gz", ".bz2", ".xz", ".zst", ".zstd"})
_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})


@attrs.frozen(kw_only=True)
class Record:
    """
    One input page, before parsing.

    Args:
        id: Where the record came from: a path, ``path:line`` for JSON Lines,
            or the WARC record id.
        content: The page, as text or as the raw bytes read.
        kind: ``"text"`` for a text dump, ``"html"`` for an HTML page, or
            ``"auto"`` to decide from the content.
        url: The page's address, if the input gives one.
        crawled_at: When the page was fetched, if known; it becomes the
            reference time for ages such as "3 hours ago".
        charset: The charset the transport declared for *content* (the
            HTTP ``Content-Type`` charset of a WARC response), if known.
            HTML bytes are decoded with it before the page's own
            declaration, unless the parse options give an *encoding*.
    """

    id: str
    content: str | bytes = attrs.field(
        validator=attrs.validators.instance_of((str, bytes))
    )
    kind: RecordKind = attrs.field(
        default="auto", validator=attrs.validators.in_(("text", "html", "auto"))
    )
    url: str | None = None
    crawled_at: dt.datetime | None = attrs.field(
        default=None, validator=_optional_aware
    )
    charset: str | None = None


@attrs.frozen(kw_only=True)
class Failure:
    """
    A record that could not be read or parsed, and why.

    Args:
        id: The record's identity, as in `Record.id` (a path when the whole
            file failed).
        error: The kind of failure: an exception class name such as
            ``"DecodeError"``, or a reader code such as ``"not-html"``.
        message: What went wrong, in one line.
        url: The record's address, if known.
    """

    id: str
    error: str
    message: str
    url: str | None = None


def _sniff_kind(data: bytes) -> Literal["text", "html"]:
    return "html" if looks_like_html(data) else "text"


def input_kind(path: str | os.PathLike[str]) -> InputKind:
    """
    Tell how `read_records` will read a path.

    Folders are walked; files are recognised by content (compression magic
    numbers, a WARC header, a first line holding a JSON object) and, failing
    that, by suffix (``.jsonl``, ``.warc``).

    Args:
        path: A file or a folder.

    Returns:
        ``"directory"``, ``"warc"``, ``"jsonl"`` or ``"document"``.

    Raises:
        OSError: If the path cannot be opened.
    """
    file = Path(path)
    if file.is_dir():
        return "directory"
    with file.open("rb") as raw:
        magic = raw.read(6)
    compression = _compression(magic)
    name = file.name.lower()
    stem_suffix = Path(name).suffix
    if compression is not None or stem_suffix in _COMPRESSED_SUFFIXES:
        stem_suffix = Path(Path(name).stem).suffix
    if stem_suffix == ".warc":
        return "warc"
    if stem_suffix in _JSONL_SUFFIXES:
        return "jsonl"
    head = b""
    try:
        with _open(file, compression) as stream:
            head = stream.read(_SNIFF_BYTES)
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError):
        return "document"  # reading the document reports the damage
    except ModuleNotFoundError:
        return "document"
    return _content_kind(head)


def _content_kind(head: bytes) -> InputKind:
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith((b"WARC/", b"warc/")):
        return "warc"
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            value = json.loads(first)
        except ValueError:
            return "document"
        if isinstance(value, dict):
            return "jsonl"
    return "document"


def _compression(magic: bytes) -> str | None:
    for prefix, name in _MAGIC:
        if magic.startswith(prefix):
            return name
    return None


def _open(file: Path, compression: str | None) -> io.BufferedIOBase:
    if compression == "gz":
        return gzip.open(file, "rb")
    if compression == "bz2":
        return bz2.open(file, "rb")
    if compression == "xz":
        return lzma.open(file, "rb")
    if compression == "zst":
        zstandard = _optional("zstandard", "zstd", ".zst files")
        raw = file.open("rb")
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(reader)
    return file.open("rb")


class _MissingExtraError(ModuleNotFoundError):
    """An optional dependency is not installed."""


def _optional(module: str, extra: str, purpose: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError:
        msg = (
            f"reading {purpose} needs the {module!r} package: "
            f'pip install "newsdump[{extra}]"'
        )
        raise _MissingExtraError(msg) from None


_READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)


def read_records(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    text_field: str = "text",
    html_field: str = "html",
    url_field: str = "url",
    time_field: str | None = "crawled_at",
    id_field: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record | Failure]:
    """
    Stream the records held in files and folders.

    Each path is read according to `input_kind`:

    - a folder is walked recursively in sorted order, and every file in it
      is read as below (hidden files and folders, whose names start with
      ``.``, are skipped);
    - ``.gz``, ``.bz2`` and ``.xz`` files are decompressed on the fly, and
      ``.zst`` files too when the ``zstd`` extra is installed;
    - a JSON Lines file gives one record a line: *html_field* or, failing
      that, *text_field* holds the page, *url_field* its address and
      *time_field* its crawl time (ISO 8601, or seconds since the epoch;
      a time without an offset is taken as UTC);
    - a WARC archive (``warc`` extra) gives one record per HTTP response
      whose content type is HTML; other responses become ``not-html``
      failures, and requests, metadata and the like are skipped;
    - any other file is one page, a text dump or HTML decided by content.

    Args:
        paths: A path, or an iterable of paths.
        text_field: The JSON field holding a text dump.
        html_field: The JSON field holding an HTML page.
        url_field: The JSON field holding the page's address.
        time_field: The JSON field holding the crawl time, or ``None``.
        id_field: A JSON field holding the record's id; by default a JSON
            record's id is ``path:line``.
        max_bytes: Records larger than this become ``LimitError`` failures.

    Yields:
        A `Record` for each page, or a `Failure` for each page or file that
        could not be read.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    fields = Fields(
        text=text_field, html=html_field, url=url_field, time=time_field, id=id_field
    )
    for path in paths:
        yield from _read_path(Path(path), fields, max_bytes)


@attrs.frozen(kw_only=True)
class Fields:
    """The JSON Lines field names `read_records` looks up."""

    text: str
    html: str
    url: str
    time: str | None
    id: str | None


def _read_path(
    path: Path, fields: Fields, max_bytes: int
) -> Iterator[Record | Failure]:
    try:
        kind = input_kind(path)
    except OSError as exc:
        yield Failure(id=str(path), error=type(exc).__name__, message=_os_message(exc))
        return
    if kind == "directory":
        for file in _walk(path):
            yield from _read_path(file, fields, max_bytes)
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, fields, max_bytes)
    elif kind == "warc":
        yield from _read_warc(path, max_bytes)
    else:
        yield _read_document(path, max_bytes)


def _walk(root: Path) -> Iterator[Path]:
    """Files under *root*, depth first, names sorted, hidden names skipped."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        yield root  # reading it reports the error
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def _os_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _read_document(path: Path, max_bytes: int) -> Record | Failure:
    name = str(path)
    try:
        with path.open("rb") as raw:
            compression = _compression(raw.read(6))
        with _open(path, compression) as stream:
            data = stream.read(max_bytes + 1)
    except _MissingExtraError as exc:
        return Failure(id=name, error="missing-extra", message=str(exc))
    except _READ_ERRORS as exc:
        return Failure(id=name, error=type(exc).__name__, message=_os_message(exc))
    if len(data) > max_bytes:
        msg = f"larger than max_bytes={max_bytes}"
        return Failure(id=name, error="LimitError", message=msg)
    if b"\x00" in data[:_SNIFF_BYTES] and not data.startswith(
        (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
    ):
        return Failure(
            id=name, error="not-text", message="binary file (holds NUL bytes)"
        )
    return Record(id=name, content=data, kind=_sniff_kind(data))


def _read_jsonl(
    path: Path, fields: Fields, max_bytes: int
) -> Iterator[Record | Failure]:
    try:
        with path.open("rb") as raw:
            compression = _compression(raw.read(6))
        stream = _open(path, compression)
    except _MissingExtraError as exc:
        yield Failure(id=str(path), error="missing-extra", message=str(exc))
        return
    except _READ_ERRORS as exc:
        yield Failure(id=str(path), error=type(exc).__name__, message=_os_message(exc))
        return
    with stream:
        yield from read_jsonl_stream(
            stream, name=str(path), fields=fields, max_bytes=max_bytes
        )


def read_jsonl_stream(
    stream: IO[bytes] | io.BufferedIOBase,
    *,
    name: str,
    fields: Fields,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record | Failure]:
    """Records from an open binary stream of JSON Lines, ids ``name:line``."""
    line_number = 0
    while True:
        line_number += 1
        where = f"{name}:{line_number}"
        try:
            line = stream.readline(max_bytes + 1)
            too_long = len(line) > max_bytes
            if too_long:
                _skip_line(stream)
        except _READ_ERRORS as exc:
            yield Failure(id=where, error=type(exc).__name__, message=_os_message(exc))
            return
        if not line:
            return
        if too_long:
            msg = f"line longer than max_bytes={max_bytes}"
            yield Failure(id=where, error="LimitError", message=msg)
        elif line.strip():
            yield _json_record(line, where, fields)


def _skip_line(stream: IO[bytes] | io.BufferedIOBase) -> None:
    while True:
        rest = stream.readline(_COPY_BYTES)
        if not rest or rest.endswith(b"\n"):
            return


def _json_record(line: bytes, where: str, fields: Fields) -> Record | Failure:
    try:
        value = json.loads(line)
    except ValueError as exc:
        return Failure(id=where, error="not-json", message=f"not JSON: {exc}")
    if not isinstance(value, dict):
        msg = f"expected a JSON object, got {type(value).__name__}"
        return Failure(id=where, error="not-json", message=msg)
    url = value.get(fields.url)
    url = url if isinstance(url, str) else None
    if fields.id is not None and isinstance(value.get(fields.id), (str, int)):
        where = str(value[fields.id])
    kind: RecordKind
    if isinstance(value.get(fields.html), str):
        kind, content = "html", value[fields.html]
    elif isinstance(value.get(fields.text), str):
        kind, content = "text", value[fields.text]
    else:
        msg = f"no string field {fields.html!r} or {fields.text!r}"
        return Failure(id=where, error="missing-field", message=msg, url=url)
    crawled_at = None
    if fields.time is not None and value.get(fields.time) is not None:
        try:
            crawled_at = _to_datetime(value[fields.time])
        except (TypeError, ValueError, OverflowError) as exc:
            msg = f"field {fields.time!r}: {exc}"
            return Failure(id=where, error="bad-time", message=msg, url=url)
    return Record(id=where, content=content, kind=kind, url=url, crawled_at=crawled_at)


def _to_datetime(value: object) -> dt.datetime:
    if isinstance(value, bool):
        msg = "expected a time, got a boolean"
        raise TypeError(msg)
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc)
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 string or a number, got {type(value).__name__}"
        raise TypeError(msg)
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO 8601 time: {value!r}"
        raise ValueError(msg) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


def _read_warc(path: Path, max_bytes: int) -> Iterator[Record | Failure]:
    name = str(path)
    try:
        warc = _optional("fastwarc.warc", "warc", "WARC files")
        stream = path.open("rb")
    except _MissingExtraError as exc:
        yield Failure(id=name, error="missing-extra", message=str(exc))
        return
    except OSError as exc:
        yield Failure(id=name, error=type(exc).__name__, message=_os_message(exc))
        return
    with stream:
        try:
            records = warc.ArchiveIterator(
                stream, record_types=warc.WarcRecordType.response, parse_http=True
            )
            for item in records:
                yield _warc_record(item, name, max_bytes)
        except _READ_ERRORS as exc:
            yield Failure(id=name, error=type(exc).__name__, message=_os_message(exc))


def _warc_record(item: Any, path: str, max_bytes: int) -> Record | Failure:
    record_id = str(item.record_id or path)
    url = item.headers.get("WARC-Target-URI")
    content_type = str(item.http_content_type or "").lower()
    if "html" not in content_type:
        msg = f"content type {content_type or 'unknown'!r} is not HTML"
        return Failure(id=record_id, error="not-html", message=msg, url=url)
    body = item.reader.read(max_bytes + 1)
    if len(body) > max_bytes:
        msg = f"larger than max_bytes={max_bytes}"
        return Failure(id=record_id, error="LimitError", message=msg, url=url)
    crawled_at = item.record_date
    if crawled_at is not None and crawled_at.tzinfo is None:
        crawled_at = crawled_at.replace(tzinfo=dt.timezone.utc)
    return Record(
        id=record_id,
        content=bytes(body),
        kind="html",
        url=url,
        crawled_at=crawled_at,
        charset=item.http_charset or None,
    )
