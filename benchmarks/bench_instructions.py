"""
Count the CPU instructions per page that `newsdump.parse_html`, each of its
stages, trafilatura and the bare selectolax parse spend on the
article-extraction benchmark, with valgrind's callgrind.

    python benchmarks/bench_instructions.py [--pages N] [--data DIR]

Wall-clock rates on a shared machine move by a fifth from run to run;
instruction counts do not (the hash seed is fixed), so they show what a
change costs, and the ratio between two extractors, to a fraction of a
percent. They are not time: a cache miss costs more than an addition.

Each workload runs in a child process under callgrind twice, once going
over the first N pages and once going over them twice; the difference,
divided by N, is its count per page, without what compiles on first use
(newsdump's time grammars compile when a page first needs them). The stages are cumulative: each
workload runs the stages before it too, and a stage's cost is the
difference to the previous workload.
Needs ``valgrind`` on the PATH, and trafilatura for its row (benchmark
extra); takes some minutes.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stages import STAGES, run_stages

DATA = Path(__file__).resolve().parents[2] / "shared/benchmarks/article-extraction"

_STAGE_KEYS = ("parse", "meta", "related", "blocks", "filters", "assemble")
"""Short names of `_stages.STAGES`, in order, for the child processes."""

_COLLECTED = re.compile(rb"Collected : (\d+)")


def _pages(data: Path, count: int) -> list[str]:
    paths = sorted((data / "html").glob("*.html.gz"))[:count]
    return [gzip.decompress(p.read_bytes()).decode("utf-8") for p in paths]


def _newsdump_upto(stage: str):  # noqa: ANN202 - a child-only helper
    """A function running `parse_html`'s stages up to *stage* on one page."""
    last = STAGES[_STAGE_KEYS.index(stage)]

    def run(html: str) -> None:
        for name in run_stages(html):
            if name == last:
                return

    return run


def _workload(name: str):  # noqa: ANN202 - a child-only helper
    if name == "newsdump":
        import newsdump  # noqa: PLC0415

        return newsdump.parse_html
    if name == "trafilatura":
        import trafilatura  # noqa: PLC0415 - optional: the benchmarks extra

        return trafilatura.extract
    if name == "selectolax":
        from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415

        def bare(html: str) -> str:
            body = LexborHTMLParser(html).body
            return body.text(separator="\n") if body is not None else ""

        return bare
    return _newsdump_upto(name)


def child(name: str, data: Path, count: int, measured: bool) -> None:
    """Run workload *name* once over *count* pages, then once more if
    *measured*: what compiles on first use (the time grammars of the
    languages the pages are in) is paid in the first pass."""
    pages = _pages(data, count)
    run = _workload(name)
    for html in pages:
        run(html)
    if measured:
        for html in pages:
            run(html)


def _collected(name: str, data: Path, count: int, measured: bool) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        name,
        "--data",
        str(data),
        "--pages",
        str(count),
        *(["--measured"] if measured else []),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, env=env, check=False)  # noqa: S603
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
        msg = f"{name}: callgrind run failed: {' | '.join(tail)}"
        raise SystemExit(msg)
    return int(found.group(1))


def per_page(name: str, data: Path, count: int) -> float:
    """Instructions per page of workload *name* over *count* pages."""
    base = _collected(name, data, count, measured=False)
    full = _collected(name, data, count, measured=True)
    return (full - base) / count


def _try_per_page(name: str, data: Path, count: int) -> float | None:
    """`per_page`, or ``None`` with a note if the workload cannot run."""
    try:
        return per_page(name, data, count)
    except SystemExit as exc:
        print(f"{name}: skipped ({exc})")
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pages", type=int, default=40, help="first N pages")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--measured", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.pages, args.measured)
        return
    if shutil.which("valgrind") is None:
        msg = "valgrind is not installed: nothing to count"
        raise SystemExit(msg)
    if not (args.data / "html").is_dir():
        msg = f"no benchmark pages in {args.data}"
        raise SystemExit(msg)

    print(f"instructions per page, first {args.pages} pages of {args.data}\n")
    rows: dict[str, float] = {}
    for name in ("newsdump", "selectolax", "trafilatura"):
        found = _try_per_page(name, args.data, args.pages)
        if found is not None:
            rows[name] = found
    for name, value in rows.items():
        print(f"  {name:<28} {value / 1e6:8.1f} M")
    if "trafilatura" in rows and "newsdump" in rows:
        ratio = rows["trafilatura"] / rows["newsdump"]
        print(f"\ntrafilatura / newsdump: {ratio:.2f}x")
        print(
            "newsdump's budget at 5x trafilatura: "
            f"{rows['trafilatura'] / 5 / 1e6:.1f} M per page"
        )

    print("\nparse_html stages (M instructions per page):")
    previous = 0.0
    total = 0.0
    for label, name in zip(STAGES, _STAGE_KEYS, strict=True):
        value = per_page(name, args.data, args.pages)
        print(f"  {label:<28} {(value - previous) / 1e6:8.1f}")
        total = value
        previous = value
    print(f"  {'total':<28} {total / 1e6:8.1f}")


if __name__ == "__main__":
    main()
