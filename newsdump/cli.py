"""
The ``newsdump`` command line.

    newsdump parse FILE|- [--now TIME] [--format json|jsonl|markdown|text] [-o OUT]
    newsdump parse --example
    newsdump parse PATH... -o out.jsonl [--jobs N] [--timeout S]
                   [--text-field F] [--html-field F] [--url-field F]
                   [--time-field F] [--id-field F]
    newsdump parse PATH... --format markdown|text -o DIR
    newsdump audit FILE|- [-o report.html] [--now TIME]
    newsdump --version

One page (a file, standard input or ``--example``) prints one article.
Anything more (several paths, a folder, a JSON Lines or WARC file) is a
corpus: one result a line, streamed as records finish, with a progress bar
when standard error is a terminal and a summary line at the end; in
Markdown or text, one file per record in DIR.
``audit`` writes an HTML report of what the filters removed from one page.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import importlib.metadata
import json
import os
import platform
import re
import shlex
import signal
import sys
import threading
import time
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any, Protocol

from newsdump._api import looks_like_html, parse
from newsdump._audit import audit_html
from newsdump._batch import Parsed, _map
from newsdump._decode import decode_text
from newsdump._exceptions import NewsdumpError
from newsdump._files import read_page
from newsdump._html import visible_text
from newsdump._markdown import to_markdown, to_text
from newsdump._readers import (
    _READ_ERRORS,
    Failure,
    Fields,
    Record,
    _content_kind,
    input_kind,
    read_jsonl_stream,
)
from newsdump._serialize import to_dict, to_json

__all__ = ["main"]

EXAMPLE = "example.txt"
_INTERRUPTED = 130
_PEEK_BYTES = 64 * 1024


EXAMPLES = (
    "newsdump parse page.txt --now 2025-07-13T18:00:00+00:00",
    "newsdump parse - --format jsonl < page.txt",
    "newsdump parse page.txt --format markdown",
    "newsdump parse pages/ -o articles.jsonl",
    (
        "newsdump parse export.jsonl --text-field body --time-field fetched_at"
        " -o articles.jsonl"
    ),
    "newsdump parse --example",
    "newsdump audit page.txt -o report.html",
)
"""The examples that end ``--help``: the README's command-line quickstart."""

_EPILOG = "examples:\n" + "\n".join(f"  {line}" for line in EXAMPLES)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_NOW_FORMS = "2025-07-13T18:00:00+00:00, 2025-07-13T18:00:00Z or now"


def _aware_datetime(value: str) -> dt.datetime:
    """Read ``--now``: ISO 8601 with an offset or ``Z``, or ``now``."""
    text = value.strip()
    if text.lower() == "now":
        return dt.datetime.now(dt.timezone.utc)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        msg = f"not an ISO 8601 date and time: {value!r}; write {_NOW_FORMS}"
        raise argparse.ArgumentTypeError(msg) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        example = parsed.replace(tzinfo=dt.timezone.utc).isoformat()
        msg = (
            f"{value!r} has no timezone offset; write it with one, such as "
            f"{example} (accepted: {_NOW_FORMS})"
        )
        raise argparse.ArgumentTypeError(msg)
    return parsed


def _version() -> str:
    """The one-line ``--version`` text: newsdump, selectolax, Lexbor, Python."""
    from selectolax import lexbor  # noqa: PLC0415 - only for the version

    import newsdump  # noqa: PLC0415 - the package imports this module's parts

    selectolax_version = importlib.metadata.version("selectolax")
    major = getattr(lexbor, "LEXBOR_VERSION_MAJOR", None)
    minor = getattr(lexbor, "LEXBOR_VERSION_MINOR", None)
    lexbor_version = "unknown" if major is None else f"{major}.{minor}"
    return (
        f"newsdump {newsdump.__version__} (selectolax {selectolax_version}, "
        f"Lexbor {lexbor_version}, Python {platform.python_version()})"
    )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"newsdump: error: {message} (see {self.prog} --help)\n")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        msg = f"not a whole number: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if jobs < 0:
        msg = f"must be 0 (all cores) or more, got {jobs}"
        raise argparse.ArgumentTypeError(msg)
    return jobs or os.cpu_count() or 1


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        msg = f"not a number of seconds: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not seconds > 0:
        msg = f"must be positive, got {value}"
        raise argparse.ArgumentTypeError(msg)
    return seconds


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        msg = f"must be a whole number of at least 1, got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdump",
        description="Turn scraped news pages into clean, structured records.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=_version(),
        help="print the versions of newsdump, selectolax, Lexbor and Python",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parse_cmd = commands.add_parser(
        "parse",
        help="parse pages and print JSON",
        description=(
            "Parse one page, or a whole corpus: files, folders, JSON Lines "
            "and WARC files, compressed or not."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_cmd.add_argument(
        "path",
        nargs="*",
        help="files or folders to read, or - for standard input",
    )
    parse_cmd.add_argument(
        "--example", action="store_true", help="parse the bundled example dump"
    )
    parse_cmd.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here instead of standard output",
    )
    parse_cmd.add_argument(
        "--format",
        choices=("json", "jsonl", "markdown", "text"),
        default=None,
        help=(
            "json: indented JSON (one page) or a JSON array (corpus); "
            "jsonl: one line per result (default for a corpus); "
            "markdown, text: the article to read (a corpus needs -o DIR: "
            "one file per record)"
        ),
    )
    parse_cmd.add_argument(
        "--now",
        type=_aware_datetime,
        metavar="TIME",
        help=f"reference time for ages: {_NOW_FORMS}",
    )
    parse_cmd.add_argument(
        "--encoding", help="encoding of inputs that do not declare one"
    )
    corpus = parse_cmd.add_argument_group("corpus options")
    corpus.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes; 0 means one per core (default 1)",
    )
    corpus.add_argument(
        "--timeout",
        type=_seconds,
        metavar="S",
        help="give up on a record after S seconds",
    )
    corpus.add_argument(
        "--chunksize",
        type=_positive,
        default=16,
        metavar="N",
        help="records sent to a worker at once (default 16)",
    )
    corpus.add_argument(
        "--text-field", default="text", metavar="F", help="JSON field with a text dump"
    )
    corpus.add_argument(
        "--html-field", default="html", metavar="F", help="JSON field with HTML"
    )
    corpus.add_argument(
        "--url-field", default="url", metavar="F", help="JSON field with the address"
    )
    corpus.add_argument(
        "--time-field",
        default="crawled_at",
        metavar="F",
        help="JSON field with the crawl time, the reference for ages",
    )
    corpus.add_argument(
        "--id-field",
        metavar="F",
        help="JSON field with the record id (default: path:line)",
    )
    corpus.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )
    _add_audit(commands)
    return parser


def _add_audit(commands: Any) -> None:
    audit = commands.add_parser(
        "audit",
        help="write an HTML report of what the filters removed and why",
        description=(
            "Parse one page and write one self-contained HTML report: the "
            "input with every removed span highlighted and labelled with its "
            "filter and reason, a legend with the removals per filter, and "
            "the article as kept."
        ),
        epilog=(
            "examples:\n  newsdump audit page.html -o report.html\n"
            "  newsdump audit --example -o report.html"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    audit.add_argument("path", nargs="?", help="the page, or - for standard input")
    audit.add_argument(
        "--example", action="store_true", help="audit the bundled example dump"
    )
    audit.add_argument(
        "-o",
        "--output",
        metavar="REPORT",
        help="write the report here (default: standard output)",
    )
    audit.add_argument(
        "--now",
        type=_aware_datetime,
        metavar="TIME",
        help=f"reference time for ages: {_NOW_FORMS}",
    )
    audit.add_argument("--encoding", help="encoding of an input that declares none")


class _UserError(Exception):
    """A mistake the user can fix; printed as one line."""


def _check_not_empty(data: bytes, where: str) -> bytes:
    if not data.strip():
        msg = f"{where}: input is empty"
        raise _UserError(msg)
    return data


def _read(path: str | None, *, example: bool) -> tuple[bytes | str, str | None]:
    """Read the one page of a single-page run, with its URL if known."""
    if example:
        data = resources.files("newsdump").joinpath("_data", EXAMPLE).read_bytes()
        return data, None
    if path is None:
        msg = "give a FILE, - for standard input, or --example"
        raise _UserError(msg)
    if path == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            msg = "standard input is empty"
            raise _UserError(msg)
        return data, None
    try:
        data = read_page(path)
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise _UserError(msg) from None
    except ModuleNotFoundError as exc:  # a .zst file without the zstd extra
        msg = f"{path}: {exc}"
        raise _UserError(msg) from None
    except _READ_ERRORS as exc:
        msg = f"{path}: {getattr(exc, 'strerror', None) or exc}"
        raise _UserError(msg) from None
    return _check_not_empty(data, path), None


def _is_single(args: argparse.Namespace) -> bool:
    """Tell whether the run is one page (the original command line)."""
    if args.example or not args.path:
        return True
    if len(args.path) != 1:
        return False
    (path,) = args.path
    if path == "-":
        return not _stdin_is_jsonl()
    try:
        return input_kind(path) == "document"
    except OSError:
        return True  # reading it reports the error in the usual words


def _stdin_is_jsonl() -> bool:
    """Tell, without consuming it, whether standard input is JSON Lines."""
    peek = getattr(sys.stdin.buffer, "peek", None)
    if peek is None:
        return False
    head: bytes = peek(_PEEK_BYTES)
    if b"\n" in head:
        return _content_kind(head) == "jsonl"
    return head.lstrip().startswith(b"{")


def _open_output(output: str | None) -> IO[str]:
    if output is None or output == "-":
        return sys.stdout
    try:
        return Path(output).open("w", encoding="utf-8")
    except OSError as exc:
        msg = f"{output}: {exc.strerror or exc}"
        raise _UserError(msg) from None


def _run_single(args: argparse.Namespace) -> int:
    path = args.path[0] if args.path else None
    try:
        data, url = _read(path, example=args.example)
        article = parse(data, url=url, now=args.now, encoding=args.encoding)
        out = _open_output(args.output)
    except (_UserError, NewsdumpError) as exc:
        print(f"newsdump: error: {exc}", file=sys.stderr)
        return 1
    fmt = args.format or "json"
    if fmt == "markdown":
        rendered = to_markdown(article)
    elif fmt == "text":
        rendered = to_text(article)
    else:
        rendered = to_json(article, indent=2 if fmt == "json" else None) + "\n"
    with contextlib.ExitStack() as stack:
        if out is not sys.stdout:
            stack.enter_context(out)
        out.write(rendered)
    return 0


def _run_audit(args: argparse.Namespace) -> int:
    if args.path is not None and _URL.match(args.path):
        print(f"newsdump: error: {_no_fetch(args.path)}", file=sys.stderr)
        return 1
    try:
        data, _url = _read(args.path, example=args.example)
        article = parse(data, now=args.now, encoding=args.encoding)
        source = _source_text(data, args.encoding)
        name = "example" if args.example else args.path
        report = audit_html(article, source, name=name)
        out = _open_output(args.output)
    except (_UserError, NewsdumpError) as exc:
        print(f"newsdump: error: {exc}", file=sys.stderr)
        return 1
    with contextlib.ExitStack() as stack:
        if out is not sys.stdout:
            stack.enter_context(out)
        out.write(report)
    if out is not sys.stdout:
        filters = len({r.filter for r in article.removed})
        print(
            f"newsdump: {args.output}: {len(article.removed)} removals by "
            f"{filters} filters",
            file=sys.stderr,
        )
    return 0


def _source_text(data: bytes | str, encoding: str | None) -> str:
    """The text the removal offsets of *data*'s article point into."""
    if looks_like_html(data):
        return visible_text(data, encoding=encoding)
    if isinstance(data, str):
        return data
    return decode_text(data, encoding=encoding)


def _json_line(result: Parsed | Failure) -> tuple[bool, str, str]:
    """Render a result as one JSON line; runs in the worker."""
    line = json.dumps(to_dict(result), ensure_ascii=False)
    return isinstance(result, Failure), result.id, line


def _markdown_file(result: Parsed | Failure) -> tuple[bool, str, str]:
    """Render a result as a Markdown document (a failure as JSON); in the worker."""
    if isinstance(result, Failure):
        return _json_line(result)
    return False, result.id, to_markdown(result.article)


def _text_file(result: Parsed | Failure) -> tuple[bool, str, str]:
    """Render a result as plain text (a failure as JSON); in the worker."""
    if isinstance(result, Failure):
        return _json_line(result)
    return False, result.id, to_text(result.article)


class _Progress(Protocol):
    def update(self, done: int, errors: int) -> None: ...

    def close(self) -> None: ...


class _Quiet:
    def update(self, done: int, errors: int) -> None:
        pass

    def close(self) -> None:
        pass


class _Meter:
    """A one-line progress display for terminals without tqdm."""

    def __init__(self, stream: IO[str], *, every: float = 0.2) -> None:
        self.stream = stream
        self.every = every
        self.start = time.monotonic()
        self.shown = 0.0
        self.width = 0

    def update(self, done: int, errors: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.shown < self.every:
            return
        self.shown = now
        elapsed = max(now - self.start, 1e-9)
        text = f"{done} records, {errors} errors, {done / elapsed:.1f} records/s"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()


class _Tqdm:
    """Progress through tqdm, when the ``progress`` extra is installed."""

    def __init__(self, tqdm: Any, stream: IO[str]) -> None:
        self.bar = tqdm(unit=" records", file=stream, dynamic_ncols=True)
        self.done = 0
        self.errors = -1

    def update(self, done: int, errors: int) -> None:
        self.bar.update(done - self.done)
        self.done = done
        if errors != self.errors:
            self.errors = errors
            self.bar.set_postfix(errors=errors, refresh=False)

    def close(self) -> None:
        self.bar.close()


def _progress(wanted: bool | None) -> _Progress:
    stream = sys.stderr
    if wanted is None:
        wanted = stream.isatty()
    if not wanted:
        return _Quiet()
    try:
        module = importlib.import_module("tqdm")
    except ModuleNotFoundError:
        return _Meter(stream)
    return _Tqdm(module.tqdm, stream)


def _inputs(
    paths: Sequence[str], reader_options: dict[str, Any]
) -> Iterable[str | Record | Failure]:
    if list(paths) == ["-"]:  # JSON Lines on standard input
        fields = Fields(
            text=reader_options["text_field"],
            html=reader_options["html_field"],
            url=reader_options["url_field"],
            time=reader_options["time_field"],
            id=reader_options["id_field"],
        )
        return read_jsonl_stream(sys.stdin.buffer, name="-", fields=fields)
    for path in paths:
        if path == "-":
            msg = "- (standard input) takes no other paths"
            raise _UserError(msg)
        if not Path(path).exists():
            msg = f"{path}: no such file or directory"
            raise _UserError(msg)
    return list(paths)


@contextlib.contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold back a SIGINT that arrives inside the block until it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield  # pragma: no cover - signals only reach the main thread
        return
    caught: list[int] = []
    previous = signal.signal(
        signal.SIGINT, lambda number, _frame: caught.append(number)
    )
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


class _Writer:
    """Write results as JSON lines or as one streamed JSON array."""

    def __init__(self, out: IO[str], *, as_array: bool) -> None:
        self.out = out
        self.as_array = as_array
        self.done = 0
        self.errors = 0
        if as_array:
            out.write("[")

    def summary(self) -> str:
        return f"{self.done} records, {self.errors} errors"

    def write(self, item: tuple[bool, str, str]) -> None:
        failed, _id, line = item
        # Ctrl-C must not land between writing a record and counting it:
        # the summary would then disagree with the file.
        with _deferred_interrupt():
            if self.as_array:
                self.out.write(("\n" if self.done == 0 else ",\n") + line)
            else:
                self.out.write(line + "\n")
            self.out.flush()
            self.done += 1
            self.errors += failed

    def close(self) -> None:
        if self.as_array:
            self.out.write("\n]\n" if self.done else "]\n")
        self.out.flush()
        if self.out is not sys.stdout:
            self.out.close()


_SAFE_CHARS = re.compile(r"[^\w.-]+")
_MAX_NAME = 120
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", re.IGNORECASE)
FAILURES_FILE = "failures.jsonl"
"""Where a one-file-per-record run writes the records that failed."""


def safe_name(record_id: str, extension: str, used: set[str]) -> str:
    """
    A file name for a record: its id made safe, unique within *used*.

    Only letters, digits, ``_``, ``.`` and ``-`` are kept (other runs become
    ``_``), so there is no separator and no ``..``: the name never leads out
    of the output folder. Leading dots are dropped (no hidden files), the
    length is capped, Windows device names get a ``_`` first, and a name
    already in *used* (compared case-insensitively) gets ``-2``, ``-3``...
    before *extension*. The name is added to *used*.
    """
    stem = _SAFE_CHARS.sub("_", record_id).strip("._") or "record"
    stem = stem[:_MAX_NAME].rstrip("._") or "record"
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    name = stem + extension
    number = 1
    while name.lower() in used or name == FAILURES_FILE:
        number += 1
        name = f"{stem}-{number}{extension}"
    used.add(name.lower())
    return name


class _FolderWriter:
    """Write each record into a file of its own in one folder."""

    def __init__(self, folder: Path, extension: str) -> None:
        self.folder = folder
        self.extension = extension
        self.used: set[str] = set()
        self.done = 0
        self.errors = 0
        self.files = 0
        self.failures: IO[str] | None = None

    def summary(self) -> str:
        return (
            f"{self.done} records, {self.errors} errors, {self.files} files "
            f"written to {self.folder}"
        )

    def write(self, item: tuple[bool, str, str]) -> None:
        failed, record_id, content = item
        with _deferred_interrupt():
            if failed:
                if self.failures is None:
                    self.failures = (self.folder / FAILURES_FILE).open(
                        "w", encoding="utf-8"
                    )
                self.failures.write(content + "\n")
                self.failures.flush()
            else:
                name = safe_name(record_id, self.extension, self.used)
                _write_new(self.folder / name, content)
                self.files += 1
            self.done += 1
            self.errors += failed

    def close(self) -> None:
        if self.failures is not None:
            self.failures.close()


def _write_new(path: Path, content: str) -> None:
    """Write *path* without following a symbolic link planted there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o644)
    with open(fd, "w", encoding="utf-8") as stream:  # noqa: PTH123 - a descriptor
        stream.write(content)


def _folder_writer(args: argparse.Namespace) -> _FolderWriter:
    if args.output is None or args.output == "-":
        msg = (
            f"--format {args.format} for several records writes one file per "
            "record: give a folder with -o DIR"
        )
        raise _UserError(msg)
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        msg = (
            f"{args.output}: not a folder (--format {args.format} writes one "
            "file per record into -o DIR)"
        )
        raise _UserError(msg) from None
    except OSError as exc:
        msg = f"{args.output}: {exc.strerror or exc}"
        raise _UserError(msg) from None
    return _FolderWriter(folder, ".md" if args.format == "markdown" else ".txt")


def _run_corpus(args: argparse.Namespace) -> int:
    reader_options = {
        "text_field": args.text_field,
        "html_field": args.html_field,
        "url_field": args.url_field,
        "time_field": args.time_field,
        "id_field": args.id_field,
    }
    render: Callable[[Parsed | Failure], tuple[bool, str, str]] = _json_line
    writer: _Writer | _FolderWriter
    try:
        inputs = _inputs(args.path, reader_options)
        if args.format in ("markdown", "text"):
            writer = _folder_writer(args)
            render = _markdown_file if args.format == "markdown" else _text_file
        else:
            writer = _Writer(_open_output(args.output), as_array=args.format == "json")
    except _UserError as exc:
        print(f"newsdump: error: {exc}", file=sys.stderr)
        return 1
    start = time.monotonic()
    interrupted = False
    failure: str | None = None
    progress = _progress(args.progress)
    results = _map(
        inputs,
        render,
        jobs=args.jobs,
        ordered=True,
        timeout=args.timeout,
        chunksize=args.chunksize,
        now=args.now,
        reader_options=reader_options,
        options={} if args.encoding is None else {"encoding": args.encoding},
    )
    try:
        for item in results:
            writer.write(item)
            progress.update(writer.done, writer.errors)
    except KeyboardInterrupt:
        interrupted = True
    except (OSError, RuntimeError) as exc:  # a full disk, a pool that broke
        failure = str(exc) or type(exc).__name__
    finally:
        with contextlib.suppress(KeyboardInterrupt):
            _close(results)
            writer.close()
            progress.close()
    seconds = time.monotonic() - start
    if failure is not None:
        print(f"newsdump: error: {failure}", file=sys.stderr)
    state = "interrupted: " if interrupted else ""
    print(f"newsdump: {state}{writer.summary()}, {seconds:.1f} s", file=sys.stderr)
    if interrupted:
        return _INTERRUPTED
    return 0 if failure is None else 1


def _close(results: Iterator[Any]) -> None:
    close = getattr(results, "close", None)
    if close is not None:
        close()


_COMMANDS = ("parse", "audit")


def _command_hint(argv: Sequence[str]) -> str | None:
    """Suggest ``parse`` when the first argument is a file, folder or ``-``."""
    if not argv or argv[0] in _COMMANDS:
        return None
    first = argv[0]
    if _URL.match(first):
        return _no_fetch(first)
    if first != "-" and (first.startswith("-") or not Path(first).exists()):
        return None
    suggestion = shlex.join(["newsdump", "parse", *argv])
    return f"{first!r} is not a command; did you mean: {suggestion}"


def _no_fetch(url: str) -> str:
    quoted = shlex.quote(url)
    return (
        f"{url}: newsdump does not fetch pages; download the page first "
        f"(curl -sL {quoted} -o page.html && newsdump parse page.html) "
        f"or pipe it in (curl -sL {quoted} | newsdump parse -)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line.

    Args:
        argv: The arguments, without the program name; defaults to
            ``sys.argv[1:]``.

    Returns:
        The exit status: 0 on success, 1 on bad input, 2 on bad usage,
        130 when interrupted with Ctrl-C.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    hint = _command_hint(argv)
    if hint is not None:
        print(f"newsdump: error: {hint}", file=sys.stderr)
        return 2
    args = _parser().parse_args(argv)
    if args.command == "audit":
        return _run_audit(args)
    for path in args.path:
        if _URL.match(path):
            print(f"newsdump: error: {_no_fetch(path)}", file=sys.stderr)
            return 1
    if _is_single(args):
        return _run_single(args)
    return _run_corpus(args)
