"""
The ``newsdump`` command line.

    newsdump parse FILE|- [--now ISO8601] [--format json|jsonl]
    newsdump parse --example
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from newsdump._exceptions import NewsdumpError
from newsdump._serialize import to_json
from newsdump._text import parse_text

__all__ = ["main"]

EXAMPLE = "example.txt"


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdump",
        description="Turn scraped news pages into clean, structured records.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse a dump and print JSON")
    parse.add_argument("path", nargs="?", help="a dump file, or - for stdin")
    parse.add_argument(
        "--example", action="store_true", help="parse the bundled example dump"
    )
    parse.add_argument(
        "--now",
        type=_aware_datetime,
        help="reference time for ages, ISO 8601 with offset",
    )
    parse.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="indented JSON (default) or one line per article",
    )
    return parser


def _read(path: str | None, *, example: bool) -> bytes:
    if example:
        return resources.files("newsdump").joinpath("_data", EXAMPLE).read_bytes()
    if path is None:
        msg = "give a FILE, - for standard input, or --example"
        raise _UserError(msg)
    if path == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            msg = "standard input is empty"
            raise _UserError(msg)
        return data
    file = Path(path)
    if file.is_dir():
        msg = f"{path}: is a directory"
        raise _UserError(msg)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise _UserError(msg) from None
    except OSError as exc:
        msg = f"{path}: {exc.strerror or exc}"
        raise _UserError(msg) from None
    if not data.strip():
        msg = f"{path}: input is empty"
        raise _UserError(msg)
    return data


class _UserError(Exception):
    """A mistake the user can fix; printed as one line."""


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line.

    Args:
        argv: The arguments, without the program name; defaults to
            ``sys.argv[1:]``.

    Returns:
        The exit status: 0 on success, 1 on bad input, 2 on bad usage.
    """
    args = _parser().parse_args(argv)
    try:
        data = _read(args.path, example=args.example)
        article = parse_text(data, now=args.now)
    except (_UserError, NewsdumpError) as exc:
        print(f"newsdump: error: {exc}", file=sys.stderr)
        return 1
    indent = 2 if args.format == "json" else None
    sys.stdout.write(to_json(article, indent=indent) + "\n")
    return 0
