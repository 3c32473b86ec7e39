"""
Parse many records, in worker processes, in bounded memory.

`parse_many` reads records lazily, sends them to workers in small chunks,
keeps only a few chunks in flight, and yields one result per record: a
`Parsed` article or a `Failure`, never an exception for a bad record.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import functools
import inspect
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import attrs

from newsdump._api import looks_like_html
from newsdump._decode import decode_html
from newsdump._html import parse_html
from newsdump._models import Article
from newsdump._readers import Failure, Record, read_records
from newsdump._text import parse_text

__all__ = ["Parsed", "parse_many", "parse_record"]

T = TypeVar("T")

_CHUNK_BYTES = 1024 * 1024
_MAX_CRASHES = 3
_IN_FLIGHT_PER_JOB = 4  # slack so a slow chunk at the head does not idle workers


@attrs.frozen(kw_only=True)
class Parsed:
    """
    A record that parsed, with its identity.

    Args:
        id: The record's identity, as in `Record.id`.
        url: The record's address, if the input gives one.
        article: What the parser read from it.
    """

    id: str
    url: str | None = None
    article: Article


@attrs.frozen(kw_only=True)
class _Options:
    """Parse options, shipped to workers with each chunk."""

    now: dt.datetime | None = None
    timeout: float | None = None
    extra: tuple[tuple[str, Any], ...] = ()


class _TimeoutExpired(BaseException):
    """
    Raised by ``SIGALRM`` when a record exceeds its time limit.

    A `BaseException`, like `KeyboardInterrupt`, so that the ``except
    Exception`` clauses inside parsers and the filter runner let it through.
    """


@functools.cache
def _accepted(parser: Callable[..., Article]) -> frozenset[str]:
    return frozenset(inspect.signature(parser).parameters)


def _call(
    parser: Callable[..., Article], content: str | bytes, options: dict[str, Any]
) -> Article:
    names = _accepted(parser)
    return parser(content, **{k: v for k, v in options.items() if k in names})


def parse_record(record: Record | Failure, **options: Any) -> Parsed | Failure:
    """
    Parse one record, turning any error into a `Failure`.

    A record's *crawled_at* becomes the reference time for ages; *now* in
    *options* is the fallback for records without one.
    HTML goes to `newsdump.parse_html` (with the record's *url*), text
    dumps to `newsdump.parse_text`; a record of kind ``"auto"`` is sorted
    by `newsdump.parse`'s rule.
    Each parser gets only the options it takes, so ``layouts=`` (text only)
    and ``limits=`` (HTML only) can be given together.

    Args:
        record: The record; a `Failure` is passed through unchanged.
        **options: Keyword options for the parser, such as *now*,
            *filters* or *encoding*.

    Returns:
        `Parsed` with the article, or `Failure` naming the exception.
    """
    if isinstance(record, Failure):
        return record
    opts = dict(options)
    if record.crawled_at is not None:
        opts["now"] = record.crawled_at
    kind = record.kind
    if kind == "auto":
        kind = "html" if looks_like_html(record.content) else "text"
    try:
        if kind == "html":
            opts["url"] = record.url
            content = record.content
            if (
                record.charset
                and isinstance(content, bytes)
                and not opts.get("encoding")
            ):
                content = decode_html(content, http_charset=record.charset)
            article = _call(parse_html, content, opts)
        else:
            article = _call(parse_text, record.content, opts)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        return Failure(
            id=record.id,
            error=type(exc).__name__,
            message=_one_line(str(exc)) or type(exc).__name__,
            url=record.url,
        )
    return Parsed(id=record.id, article=article, url=record.url)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _TimeoutExpired


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and (
        threading.current_thread() is threading.main_thread()
    )


def _timed(
    record: Record | Failure, options: _Options, render: Callable[[Parsed | Failure], T]
) -> T:
    """Parse *record* under *options.timeout* and render the result."""
    kwargs = dict(options.extra)
    if options.now is not None:
        kwargs["now"] = options.now
    if options.timeout is None or isinstance(record, Failure):
        return render(parse_record(record, **kwargs))
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, options.timeout)
        try:
            result = parse_record(record, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimeoutExpired:
        result = Failure(
            id=record.id,
            error="LimitError",
            message=f"took longer than the {options.timeout:g} s time limit",
            url=record.url,
        )
    finally:
        signal.signal(signal.SIGALRM, previous)
    return render(result)


def _identity(result: Parsed | Failure) -> Parsed | Failure:
    return result


def _run_chunk(
    chunk: Sequence[Record | Failure],
    options: _Options,
    render: Callable[[Parsed | Failure], T],
) -> list[T]:
    """Worker entry point: parse a chunk of records."""
    return [_timed(record, options, render) for record in chunk]


def _worker_init() -> None:
    """Leave Ctrl-C to the parent, which stops the pool cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(
    items: Iterable[Record | Failure], size: int
) -> Iterator[list[Record | Failure]]:
    chunk: list[Record | Failure] = []
    weight = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Record):
            weight += len(item.content)
        if len(chunk) >= size or weight >= _CHUNK_BYTES:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _as_records(
    inputs: Iterable[Record | Failure | str | os.PathLike[str]],
    reader_options: dict[str, Any],
) -> Iterator[Record | Failure]:
    for item in inputs:
        if isinstance(item, (Record, Failure)):
            yield item
        else:
            yield from read_records(Path(item), **reader_options)


def parse_many(
    inputs: Iterable[Record | Failure | str | os.PathLike[str]],
    *,
    jobs: int = 1,
    ordered: bool = True,
    timeout: float | None = None,
    chunksize: int = 16,
    now: dt.datetime | None = None,
    reader_options: dict[str, Any] | None = None,
    **options: Any,
) -> Iterator[Parsed | Failure]:
    """
    Parse many records, in parallel, in bounded memory.

    Paths are read with `read_records`; records are sent to *jobs* worker
    processes in chunks of *chunksize* records (or about 1 MiB), and at most
    ``4 * jobs`` chunks are in flight, so memory stays bounded however long
    the input is.
    Workers are started with the ``spawn`` method, so they work the same on
    every platform and never inherit the caller's threads.

    Every record gives exactly one result.
    A record the parser rejects, or one that exceeds *timeout*, gives a
    `Failure`; the run goes on.

    The time limit uses ``SIGALRM`` in the process that parses (POSIX only).
    It interrupts Python code; a single long call into C code is stopped
    when it returns.
    With ``jobs=1`` records are parsed in the calling process; there the
    time limit needs the main thread, and elsewhere one worker process is
    used instead.

    Args:
        inputs: Records, failures (passed through) or paths, in any mix.
        jobs: How many worker processes; 1 parses in this process.
        ordered: Yield results in input order (default), or as soon as
            each chunk is done.
        timeout: A time limit per record, in seconds.
        chunksize: How many records go to a worker at once.
        now: The reference time for records without a crawl time.
        reader_options: Options for `read_records` (*text_field*,
            *html_field*, *url_field*, *time_field*, *id_field*,
            *max_bytes*).
        **options: Further keyword options for the parser, such as
            *filters*; they must be picklable when *jobs* > 1.

    Yields:
        One `Parsed` or `Failure` per record.

    Raises:
        ValueError: If *jobs*, *chunksize* or *timeout* is not positive, or
            a *timeout* is given on a platform without ``SIGALRM``.
    """
    return _map(
        inputs,
        _identity,
        jobs=jobs,
        ordered=ordered,
        timeout=timeout,
        chunksize=chunksize,
        now=now,
        reader_options=reader_options,
        options=options,
    )


def _map(
    inputs: Iterable[Record | Failure | str | os.PathLike[str]],
    render: Callable[[Parsed | Failure], T],
    *,
    jobs: int,
    ordered: bool,
    timeout: float | None,
    chunksize: int,
    now: dt.datetime | None,
    reader_options: dict[str, Any] | None,
    options: dict[str, Any],
) -> Iterator[T]:
    """Like `parse_many`, with *render* applied to each result in the worker."""
    if jobs < 1:
        msg = f"jobs must be at least 1, got {jobs}"
        raise ValueError(msg)
    if chunksize < 1:
        msg = f"chunksize must be at least 1, got {chunksize}"
        raise ValueError(msg)
    if timeout is not None and not timeout > 0:
        msg = f"timeout must be positive, got {timeout}"
        raise ValueError(msg)
    if timeout is not None and not hasattr(signal, "setitimer"):  # pragma: no cover
        msg = "timeout needs POSIX signals (SIGALRM), which this platform lacks"
        raise ValueError(msg)
    opts = _Options(now=now, timeout=timeout, extra=tuple(sorted(options.items())))
    records = _as_records(inputs, dict(reader_options or {}))
    if jobs == 1 and (timeout is None or _can_alarm()):
        return (_timed(record, opts, render) for record in records)
    return _pooled(_chunks(records, chunksize), opts, render, jobs, ordered=ordered)


def _new_pool(jobs: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_init,
    )


def _crashed(record: Record | Failure) -> Failure:
    if isinstance(record, Failure):
        return record
    return Failure(
        id=record.id,
        error="WorkerCrashed",
        message="the worker process died while parsing this record",
        url=record.url,
    )


class _Pool:
    """
    A process pool that survives a worker dying.

    When a chunk kills its worker, the pool restarts and parses that chunk
    one record at a time, so only the culprit becomes a failure.
    If single records break it several times in a row, the problem is not
    the input (workers cannot start, say) and the error is raised.
    """

    def __init__(
        self, jobs: int, options: _Options, render: Callable[..., Any]
    ) -> None:
        self.jobs = jobs
        self.options = options
        self.render = render
        self.executor = _new_pool(jobs)
        self.crashes = 0

    def submit(self, chunk: list[Record | Failure]) -> cf.Future[list[Any]]:
        return self.executor.submit(_run_chunk, chunk, self.options, self.render)

    def result(
        self, future: cf.Future[list[Any]], chunk: list[Record | Failure]
    ) -> list[Any]:
        try:
            results = future.result()
        except BrokenProcessPool:
            self.restart()
            return [self._alone(record) for record in chunk]
        return results

    def restart(self) -> None:
        # A broken pool can leave a live worker blocked on its call queue;
        # waiting for it would hang, so end the workers first.
        self._terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = _new_pool(self.jobs)

    def _alone(self, record: Record | Failure) -> Any:
        try:
            result = self.submit([record]).result()[0]
        except BrokenProcessPool:
            self.crashes += 1
            if self.crashes >= _MAX_CRASHES:
                raise
            self.restart()
            return self.render(_crashed(record))
        self.crashes = 0
        return result

    def close(self, *, early: bool) -> None:
        """
        Stop the workers.

        After the last result they exit on their own. When the caller stops
        early (Ctrl-C, or it closed the generator), records still running
        are abandoned: the workers are terminated rather than waited for.
        """
        if early:
            self._terminate()
        with contextlib.suppress(Exception):
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _terminate(self) -> None:
        terminate = getattr(self.executor, "terminate_workers", None)  # 3.14+
        if terminate is not None:
            terminate()
            return
        processes: dict[int, Any] = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(Exception):
                process.terminate()


def _pooled(
    chunks: Iterator[list[Record | Failure]],
    options: _Options,
    render: Callable[[Parsed | Failure], T],
    jobs: int,
    *,
    ordered: bool,
) -> Iterator[T]:
    pool = _Pool(jobs, options, render)
    pending: deque[tuple[cf.Future[list[T]], list[Record | Failure]]] = deque()
    limit = _IN_FLIGHT_PER_JOB * jobs
    done = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append((pool.submit(chunk), chunk))
            if not pending:
                done = True
                return
            if ordered:
                future, chunk = pending.popleft()
            else:
                ready, _ = cf.wait(
                    [item[0] for item in pending], return_when=cf.FIRST_COMPLETED
                )
                future, chunk = next(item for item in pending if item[0] in ready)
                pending.remove((future, chunk))
            executor = pool.executor
            results = pool.result(future, chunk)
            if pool.executor is not executor:  # restarted: resend the rest
                pending = deque((pool.submit(c), c) for _, c in pending)
            yield from results
    finally:
        # Futures still pending are abandoned, not cancelled: when the pool
        # then ends its workers, Python 3.11's pool marks every pending
        # future as failed and breaks on one that was cancelled.
        pool.close(early=not done)
