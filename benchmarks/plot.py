"""
Draw the figures of the Performance page from saved benchmark output.

    python benchmarks/plot.py [--results DIR] [--out DIR]

Each benchmark script prints its figures; save that output first, one file
per script, under ``benchmarks/results/`` (the Performance page lists the
commands). This script reads the Markdown tables in those files and draws
``docs/img/*.png``. It never runs a benchmark and never makes up a number: a
result file that is missing is reported and skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
OUT = HERE.parent / "docs" / "img"
NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?")
OURS = "#3f51b5"
OTHERS = "#9e9e9e"

Table = list[dict[str, str]]


def tables(text: str) -> list[Table]:
    """Every Markdown table in *text*, as rows keyed by the header cells."""
    found: list[Table] = []
    lines = text.splitlines()
    i = 0
    while i + 1 < len(lines):
        header, rule = lines[i].strip(), lines[i + 1].strip()
        if header.startswith("|") and re.fullmatch(r"\|[\s:|-]+\|", rule):
            keys = [cell.strip() for cell in header.strip("|").split("|")]
            rows: Table = []
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [
                    cell.strip() for cell in lines[i].strip().strip("|").split("|")
                ]
                rows.append(dict(zip(keys, cells, strict=False)))
                i += 1
            found.append(rows)
        else:
            i += 1
    return found


def number(cell: str) -> float | None:
    """The leading number of a cell ("26.4x" is 26.4, "1,944" is 1944)."""
    match = NUMBER.match(cell.strip())
    if match is None:
        return None
    return float(match.group().replace(",", ""))


def column(table: Table, *names: str) -> str | None:
    """The first header of *table* that starts with one of *names*."""
    if not table:
        return None
    for name in names:
        for key in table[0]:
            if key.lower().startswith(name.lower()):
                return key
    return None


def find_table(found: list[Table], *needed: str) -> Table | None:
    """The first table that has a column for each of *needed*."""
    for table in found:
        if all(column(table, name) for name in needed):
            return table
    return None


def _bar_colours(labels: list[str]) -> list[str]:
    return [OURS if "newsdump" in label.lower() else OTHERS for label in labels]


def _barh(
    ax: Axes,
    labels: list[str],
    values: list[float],
    title: str,
    fmt: str,
    *,
    all_ours: bool = False,
) -> None:
    colours = [OURS] * len(labels) if all_ours else _bar_colours(labels)
    ax.barh(labels, values, color=colours)
    ax.invert_yaxis()
    ax.set_title(title)
    for y, value in enumerate(values):
        ax.text(value, y, " " + format(value, fmt), va="center", fontsize=8)
    ax.margins(x=0.25)


def plot_html(found: list[Table], out: Path) -> list[Path]:
    """F1 and pages/s of every extractor in the HTML benchmark."""
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    table = find_table(found, "extractor", "F1", "pages/s")
    if table is None:
        return []
    name_col = column(table, "extractor")
    f1_col = column(table, "F1")
    rate_col = column(table, "pages/s")
    if name_col is None or f1_col is None or rate_col is None:
        return []
    rows = [r for r in table if number(r[f1_col]) is not None]
    labels = [r[name_col] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 0.5 * len(rows) + 1.5))
    _barh(left, labels, [number(r[f1_col]) or 0.0 for r in rows], "F1", ".3f")
    left.set_xlim(0, 1.15)
    rates = [number(r[rate_col]) or 0.0 for r in rows]
    _barh(right, labels, rates, "pages per second (one core, log scale)", ".0f")
    right.set_xscale("log")
    right.set_yticklabels([])
    fig.suptitle("HTML extraction: quality and speed, measured in one run")
    fig.tight_layout()
    path = out / "html.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return [path]


def plot_generic(name: str, found: list[Table], out: Path) -> list[Path]:
    """One bar chart per numeric column of the first table of a result."""
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    if not found or not found[0]:
        return []
    table = found[0]
    keys = list(table[0])
    label_col = keys[0]
    numeric = [
        k for k in keys[1:] if all(number(r.get(k, "")) is not None for r in table)
    ]
    if not numeric:
        return []
    labels = [r[label_col] for r in table]
    fig, axes = plt.subplots(
        1, len(numeric), figsize=(4.5 * len(numeric), 0.5 * len(table) + 1.5)
    )
    axes_list = list(axes) if len(numeric) > 1 else [axes]
    for i, (ax, key) in enumerate(zip(axes_list, numeric, strict=True)):
        _barh(ax, labels, [number(r[key]) or 0.0 for r in table], key, ".4g")
        if i:
            ax.set_yticklabels([])
    fig.suptitle(f"{name} benchmark")
    fig.tight_layout()
    path = out / f"{name}.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return [path]


def aligned_rows(text: str) -> list[tuple[str, list[float]]]:
    """Rows of a whitespace-aligned table: a label, then numeric cells.

    Cells are separated by two or more spaces; a row counts if every cell
    after the label is a number ("100,112", "313x" and "87.6%" are).
    """
    rows: list[tuple[str, list[float]]] = []
    for line in text.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) < 2:
            continue
        numbers = [number(cell) for cell in cells[1:]]
        if all(n is not None for n in numbers):
            rows.append((cells[0], [n for n in numbers if n is not None]))
    return rows


def _save(fig: Figure, path: Path) -> list[Path]:
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return [path]


def plot_text(text: str, out: Path) -> list[Path]:
    """Dumps per second of parse_text next to only splitting lines."""
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    rows = [(label, nums) for label, nums in aligned_rows(text) if len(nums) == 5]
    if not rows:
        return []
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(rows) + 1.6))
    labels = [label for label, _ in rows]
    rates = [nums[0] for _, nums in rows]
    _barh(ax, labels, rates, "dumps per second", ",.0f", all_ours=True)
    target = re.search(r">=\s*([\d,]+)\s*sample-size dumps/s", text)
    if target:
        goal = float(target.group(1).replace(",", ""))
        ax.axvline(goal, color="#c62828", linestyle="--", linewidth=1)
        ax.text(goal, -0.6, f" target {goal:,.0f}/s", color="#c62828", fontsize=8)
    fig.suptitle("parse_text on one core (best of several rounds)")
    return _save(fig, out / "text.png")


def plot_times(text: str, out: Path) -> list[Path]:
    """Microseconds per string and share correct, newsdump and dateparser."""
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    rows = [(label, nums) for label, nums in aligned_rows(text) if len(nums) == 3]
    if not rows:
        return []
    labels = [label for label, _ in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 0.6 * len(rows) + 1.6))
    _barh(left, labels, [n[0] for _, n in rows], "µs per string (log scale)", ".1f")
    left.set_xscale("log")
    _barh(right, labels, [n[1] for _, n in rows], "% correct, English", ".1f")
    right.set_xlim(0, 115)
    right.set_yticklabels([])
    fig.suptitle("Time resolution: speed and accuracy, measured in one run")
    return _save(fig, out / "times.png")


CORPUS_RUN = re.compile(
    r"--jobs (?P<jobs>\d+): (?P<records>[\d,]+) records .*?= (?P<rate>[\d,.]+) "
    r"records/s, peak RSS (?P<rss>[\d,.]+) MB"
)


def plot_corpus(text: str, out: Path) -> list[Path]:
    """Records per second and peak memory for each --jobs setting."""
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    best: dict[str, dict[str, str]] = {}  # --repeat runs each setting again
    for m in CORPUS_RUN.finditer(text):
        run = m.groupdict()
        kept = best.get(run["jobs"])
        if kept is None or (number(run["rate"]) or 0) > (number(kept["rate"]) or 0):
            best[run["jobs"]] = run
    runs = [best[jobs] for jobs in sorted(best, key=int)]
    if not runs:
        return []
    labels = [f"{r['records']} records, --jobs {r['jobs']}" for r in runs]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 0.6 * len(runs) + 1.6))
    rates = [number(r["rate"]) or 0.0 for r in runs]
    memory = [number(r["rss"]) or 0.0 for r in runs]
    _barh(left, labels, rates, "records/s", ",.0f", all_ours=True)
    _barh(right, labels, memory, "peak RSS, MB", ",.0f", all_ours=True)
    right.set_yticklabels([])
    fig.suptitle("newsdump parse on a synthetic corpus")
    return _save(fig, out / "corpus.png")


def plot_scaling(text: str, out: Path) -> list[Path]:
    """Parse time against input size, log-log, one panel per parser."""
    import matplotlib.pyplot as plt  # noqa: PLC0415 - only the plot needs it

    sections = re.split(r"^## (.+)$", text, flags=re.MULTILINE)[1:]
    panels = list(zip(sections[::2], sections[1::2], strict=False))
    if not panels:
        return []
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4.5))
    axes_list = list(axes) if len(panels) > 1 else [axes]
    for ax, (title, body) in zip(axes_list, panels, strict=True):
        series: dict[str, list[tuple[float, float]]] = {}
        for label, nums in aligned_rows(body):
            if len(nums) >= 2 and "median ratio" not in label:
                series.setdefault(label, []).append((nums[0], nums[1]))
        for label, points in series.items():
            ax.plot(*zip(*points, strict=True), marker="o", markersize=3, label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("input size, characters")
        ax.set_ylabel("median parse time, ms")
        ax.set_title(title.strip())
        ax.legend(fontsize=6)
    fig.suptitle("Parse time doubles when the input doubles: linear, not worse")
    return _save(fig, out / "scaling.png")


TEXT_PLOTTERS: dict[str, Callable[[str, Path], list[Path]]] = {
    "text": plot_text,
    "times": plot_times,
    "corpus": plot_corpus,
    "scaling": plot_scaling,
}
PLOTTERS: dict[str, Callable[[list[Table], Path], list[Path]]] = {
    "html": plot_html,
}


def main(argv: list[str] | None = None) -> int:
    """Draw a figure for every saved result; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "names",
        nargs="*",
        help="result names (file stems) to draw; all saved results if none",
    )
    args = parser.parse_args(argv)
    try:
        import matplotlib as mpl  # noqa: PLC0415 - optional: the benchmarks extra

        mpl.use("Agg")
    except ImportError:
        print("matplotlib is missing: pip install -e '.[benchmarks]'", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    files = sorted(args.results.glob("*.txt"))
    if args.names:
        files = [args.results / f"{n}.txt" for n in args.names]
    for file in files:
        if not file.exists():
            print(f"{file}: no saved output, skipped (run the benchmark first)")
            continue
        text = file.read_text(encoding="utf-8")
        found = tables(text)
        plotter = PLOTTERS.get(file.stem)
        text_plotter = TEXT_PLOTTERS.get(file.stem)
        paths = plotter(found, args.out) if plotter else []
        if not paths and text_plotter:
            paths = text_plotter(text, args.out)
        if not paths:
            paths = plot_generic(file.stem, found, args.out)
        for path in paths:
            print(f"{file.name} -> {path}")
        if not paths:
            print(f"{file.name}: no table to draw")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
