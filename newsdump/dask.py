"""
Parse a corpus on Dask: one machine or a cluster.

This module needs the ``dask`` extra (``pip install "newsdump[dask]"``);
importing it without Dask installed is fine, calling it raises
`ModuleNotFoundError` with that hint.

`read_bag` turns paths into a bag of records, reading each path on a
worker; `parse_bag` parses a bag of records into the same `newsdump.Parsed`
and `newsdump.Failure` results that `newsdump.parse_many` yields.
Both only ship top-level functions and frozen records, so they run
unchanged on a local cluster and on a cluster of many machines.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdump._batch import Parsed, parse_record
from newsdump._readers import Failure, Record, _walk, read_records
from newsdump._serialize import to_dict

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    import dask.bag

__all__ = ["parse_bag", "read_bag", "records_to_bag", "to_dicts"]


def _bag_module() -> Any:
    try:
        return importlib.import_module("dask.bag")
    except ModuleNotFoundError:
        msg = 'newsdump.dask needs Dask: pip install "newsdump[dask]"'
        raise ModuleNotFoundError(msg) from None


def _read_partition(
    groups: Iterable[list[str]], reader_options: dict[str, Any]
) -> list[Record | Failure]:
    records: list[Record | Failure] = []
    for group in groups:
        records.extend(read_records(group, **reader_options))
    return records


def _group_by_size(names: Iterable[str], target: int) -> list[list[str]]:
    """Consecutive files, grouped until a group holds *target* bytes."""
    groups: list[list[str]] = []
    group: list[str] = []
    size = 0
    for name in names:
        group.append(name)
        with contextlib.suppress(OSError):  # reading it reports the error
            size += Path(name).stat().st_size
        if size >= target:
            groups.append(group)
            group, size = [], 0
    if group:
        groups.append(group)
    return groups


def _parse_partition(
    records: Iterable[Record | Failure], options: dict[str, Any]
) -> list[Parsed | Failure]:
    return [parse_record(record, **options) for record in records]


def _to_dict_partition(results: Iterable[Parsed | Failure]) -> list[dict[str, Any]]:
    return [to_dict(result) for result in results]


def read_bag(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    partition_bytes: int = 64 * 1024 * 1024,
    **reader_options: Any,
) -> dask.bag.Bag:
    """
    Make a bag of the records held in *paths*.

    Folders are listed here, in the same sorted order `newsdump.read_records`
    walks them, and the files are grouped into partitions of about
    *partition_bytes* (on disk): a large export is a partition of its own,
    small pages are read a few hundred at a time.
    Each partition is read on a worker with `newsdump.read_records`, so on
    a cluster every worker must see the same files (a shared file system).

    Args:
        paths: Files or folders, as for `newsdump.read_records`.
        partition_bytes: How many bytes of files make a partition.
        **reader_options: Options for `newsdump.read_records`, such as
            *text_field* or *time_field*.

    Returns:
        A bag of `newsdump.Record` and `newsdump.Failure` items.

    Raises:
        ModuleNotFoundError: If Dask is not installed.
    """
    bag = _bag_module()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names: list[str] = []
    for path in paths:
        if Path(path).is_dir():
            names.extend(str(file) for file in _walk(Path(path)))
        else:
            names.append(os.fspath(path))
    groups = _group_by_size(names, partition_bytes)
    records: dask.bag.Bag = bag.from_sequence(
        groups, npartitions=max(len(groups), 1)
    ).map_partitions(partial(_read_partition, reader_options=reader_options))
    return records


def records_to_bag(
    records: Iterable[Record | Failure], *, npartitions: int = 8
) -> dask.bag.Bag:
    """
    Make a bag of records you already hold in memory.

    Args:
        records: `newsdump.Record` items (failures pass through).
        npartitions: How many partitions to split them into.

    Returns:
        A bag of the records, in order.

    Raises:
        ModuleNotFoundError: If Dask is not installed.
    """
    bag = _bag_module()
    items = list(records)
    parts = max(1, min(npartitions, len(items)))
    result: dask.bag.Bag = bag.from_sequence(items, npartitions=parts)
    return result


def parse_bag(bag: dask.bag.Bag, **options: Any) -> dask.bag.Bag:
    """
    Parse a bag of records, lazily, like `newsdump.parse_many`.

    Every record gives one `newsdump.Parsed` or `newsdump.Failure`, exactly
    what `newsdump.parse_record` gives for it; the order within and across
    partitions is kept.
    There is no per-record time limit here: Dask runs tasks in threads,
    where ``SIGALRM`` cannot reach them.

    Args:
        bag: A bag of `newsdump.Record` (and `newsdump.Failure`) items.
        **options: Parser options, such as *now* or *filters*; they are
            sent to the workers, so they must be picklable.

    Returns:
        A bag of results; call ``.compute()`` or write it out.
    """
    untyped: Any = bag  # dask.bag is not annotated
    parsed: dask.bag.Bag = untyped.map_partitions(
        partial(_parse_partition, options=options)
    )
    return parsed


def to_dicts(bag: dask.bag.Bag) -> dask.bag.Bag:
    """
    Turn a bag of results into plain dicts, ready for JSON or a data frame.

    Args:
        bag: The bag `parse_bag` returned.

    Returns:
        A bag of dicts, one per result, as `newsdump.to_dict` makes them.
    """
    untyped: Any = bag  # dask.bag is not annotated
    dicts: dask.bag.Bag = untyped.map_partitions(_to_dict_partition)
    return dicts
