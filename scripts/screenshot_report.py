"""
Make docs/img/audit-report.png: the audit report of the bundled example dump,
as headless Chromium shows it.

    python scripts/screenshot_report.py [--chromium PATH]

Needs Debian's ``chromium`` package (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

import newsdump

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "img" / "audit-report.png"
NOW = dt.datetime(2025, 6, 21, 12, tzinfo=dt.timezone.utc)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def find_chromium() -> str | None:
    """The path of a Chromium or Chrome binary, if one is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def example_report() -> str:
    """The audit report of the bundled example dump."""
    data = (
        resources.files("newsdump")
        .joinpath("_data", "example.txt")
        .read_text(encoding="utf-8")
    )
    article = newsdump.parse_text(data, now=NOW)
    return newsdump.audit_html(article, data, name="example.txt")


def screenshot(chromium: str, page: Path, png: Path, size: str) -> None:
    """Have headless Chromium render *page* into *png*."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={size}",
                f"--screenshot={png}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    """Write the report to a temporary file and screenshot it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default=None, help="the browser binary")
    parser.add_argument("--size", default="1280,1100", help="window WIDTH,HEIGHT")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    chromium = args.chromium or find_chromium()
    if chromium is None:
        print("no Chromium found: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(example_report(), encoding="utf-8")
        screenshot(chromium, page, args.output.resolve(), args.size)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
