"""
The ``newsdump`` command line.

    newsdump parse FILE|- [--now ISO8601] [--format json|jsonl] [-o OUT]
    newsdump parse --example
    newsdump parse PATH... -o out.jsonl [--jobs N] [--timeout S]
                   [--text-field F] [--html-field F] [--url-field F]
                   [--time-field F] [--id-field F]

One page (a file, standard input or ``--example``) prints one article.
Anything more (several paths, a folder, a JSON Lines or WARC file) is a
corpus: one result a line, streamed as records finish, with a progress bar
when standard error is a terminal and a summary line at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any, Protocol

from newsdump._api import parse
from newsdump._batch import Parsed, _map
from newsdump._exceptions import NewsdumpError
from newsdump._readers import (
    Failure,
    Fields,
    Record,
    _content_kind,
    input_kind,
    read_jsonl_stream,
    read_records,
)
from newsdump._serialize import to_dict, to_json

__all__ = ["main"]

EXAMPLE = "example.txt"
_INTERRUPTED = 130
_PEEK_BYTES = 64 * 1024
_COMPRESSION_MAGIC = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd")


def _aware_datetime(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        msg = f"not an ISO 8601 date and time: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if parsed.tzinfo is None:
        msg = f"--now needs a timezone offset, such as {value}+00:00"
        raise argparse.ArgumentTypeError(msg)
    return parsed


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
    parser = argparse.ArgumentParser(
        prog="newsdump",
        description="Turn scraped news pages into clean, structured records.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parse_cmd = commands.add_parser(
        "parse",
        help="parse pages and print JSON",
        description=(
            "Parse one page, or a whole corpus: files, folders, JSON Lines "
            "and WARC files, compressed or not."
        ),
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
        choices=("json", "jsonl"),
        default=None,
        help=(
            "json: indented JSON (one page) or a JSON array (corpus); "
            "jsonl: one line per result (default for a corpus)"
        ),
    )
    parse_cmd.add_argument(
        "--now",
        type=_aware_datetime,
        help="reference time for ages, ISO 8601 with offset",
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
    return parser


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
    file = Path(path)
    try:
        with file.open("rb") as stream:
            magic = stream.read(6)
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise _UserError(msg) from None
    except OSError as exc:
        msg = f"{path}: {exc.strerror or exc}"
        raise _UserError(msg) from None
    if magic.startswith(_COMPRESSION_MAGIC):
        (item,) = read_records(file)
        if isinstance(item, Failure):
            msg = f"{path}: {item.message}"
            raise _UserError(msg)
        content = item.content
        return _check_not_empty(
            content.encode() if isinstance(content, str) else content, path
        ), None
    try:
        return _check_not_empty(file.read_bytes(), path), None
    except OSError as exc:  # pragma: no cover - raced with a deletion
        msg = f"{path}: {exc.strerror or exc}"
        raise _UserError(msg) from None


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
    indent = 2 if (args.format or "json") == "json" else None
    with contextlib.ExitStack() as stack:
        if out is not sys.stdout:
            stack.enter_context(out)
        out.write(to_json(article, indent=indent) + "\n")
    return 0


def _json_line(result: Parsed | Failure) -> tuple[bool, str]:
    """Render a result as one JSON line; runs in the worker."""
    line = json.dumps(to_dict(result), ensure_ascii=False)
    return isinstance(result, Failure), line


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

    def write(self, line: str, *, failed: bool) -> None:
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


def _run_corpus(args: argparse.Namespace) -> int:
    reader_options = {
        "text_field": args.text_field,
        "html_field": args.html_field,
        "url_field": args.url_field,
        "time_field": args.time_field,
        "id_field": args.id_field,
    }
    try:
        inputs = _inputs(args.path, reader_options)
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
        _json_line,
        jobs=args.jobs,
        ordered=True,
        timeout=args.timeout,
        chunksize=args.chunksize,
        now=args.now,
        reader_options=reader_options,
        options={} if args.encoding is None else {"encoding": args.encoding},
    )
    try:
        for failed, line in results:
            writer.write(line, failed=failed)
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
    print(
        f"newsdump: {state}{writer.done} records, {writer.errors} errors, "
        f"{seconds:.1f} s",
        file=sys.stderr,
    )
    if interrupted:
        return _INTERRUPTED
    return 0 if failure is None else 1


def _close(results: Iterator[Any]) -> None:
    close = getattr(results, "close", None)
    if close is not None:
        close()


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
    args = _parser().parse_args(argv)
    if _is_single(args):
        return _run_single(args)
    return _run_corpus(args)
