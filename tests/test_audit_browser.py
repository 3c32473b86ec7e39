"""
The audit report in a real browser: headless Chromium (Debian's
``chromium`` package, which ``.ci/run`` installs) loads the report of the
example dump and of an HTML page, and the DOM it renders shows the removals.

Skipped only when no Chromium binary is installed.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

import newsdump

FIXTURES = Path(__file__).parent / "fixtures"
NOW = dt.datetime(2025, 6, 21, 12, tzinfo=dt.timezone.utc)
CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome", "chrome")
        if (found := shutil.which(name))
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason=(
        "no Chromium browser installed: `apt-get install chromium` "
        "(.ci/run installs it when apt works)"
    ),
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def rendered_dom(page: str, tmp_path: Path) -> str:
    """The DOM Chromium builds for *page*, serialised after load."""
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert 0 == done.returncode, done.stderr[-2000:]
    return done.stdout


class Dom(HTMLParser):
    """The marks of a rendered report, and every element's tag."""

    def __init__(self, dom: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.marks: list[tuple[str, str, str]] = []
        self.title = ""
        self._mark: list[str] | None = None
        self._label = False
        self._in_title = False
        self.feed(dom)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "mark":
            self._mark = [
                attributes["data-filter"] or "",
                attributes["data-reason"] or "",
                "",
            ]
        elif tag == "span" and attributes.get("class") == "label":
            self._label = True
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark[0], self._mark[1], self._mark[2]))
            self._mark = None
        elif tag == "span":
            self._label = False
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._mark is not None and not self._label:
            self._mark[2] += data
        if self._in_title:
            self.title += data


def expected_marks(article: newsdump.Article) -> list[tuple[str, str, str]]:
    return [
        (r.filter, r.reason, r.text)
        for r in sorted(article.removed, key=lambda r: r.start)
    ]


class TestBrowser:
    def test_example_dump_report(self, tmp_path):
        """Chromium shows every removal of the example dump, with its filter."""
        source = (
            resources.files("newsdump")
            .joinpath("_data", "example.txt")
            .read_text(encoding="utf-8")
        )
        article = newsdump.parse_text(source, now=NOW)
        dom = Dom(rendered_dom(newsdump.audit_html(article, source), tmp_path))

        assert expected_marks(article) == dom.marks
        assert len(dom.marks) >= 10

    def test_html_page_report(self, tmp_path):
        """Chromium shows the removals of an HTML page in its visible text."""
        page = (FIXTURES / "html" / "content-comments.html").read_text(encoding="utf-8")
        article = newsdump.parse_html(page)
        report = newsdump.audit_html(article, newsdump.visible_text(page))
        dom = Dom(rendered_dom(report, tmp_path))

        assert article.removed
        assert expected_marks(article) == dom.marks

    def test_hostile_page_runs_nothing(self, tmp_path):
        """Text holding <script> and onerror= stays text in the rendered page."""
        page = (
            "<html><head><title>x</title></head><body><article><h1>Headline "
            "&lt;script&gt;document.title='PWNED'&lt;/script&gt;</h1>"
            "<p>Body &lt;img src=x onerror=\"document.title='PWNED'\"&gt; with "
            "enough words to be kept as the article's only paragraph here.</p>"
            "</article><div class='share'>Share on &lt;script&gt;x()&lt;/script&gt;"
            "</div></body></html>"
        )
        article = newsdump.parse_html(page)
        report = newsdump.audit_html(article, newsdump.visible_text(page), name="<b>x")
        dom = Dom(rendered_dom(report, tmp_path))

        assert "newsdump audit: <b>x" == dom.title
        assert "script" not in dom.tags
        assert "img" not in dom.tags
        assert "PWNED" not in dom.title


class TestScreenshotScript:
    def test_makes_a_png(self, tmp_path):
        """scripts/screenshot_report.py renders the example's report to a PNG."""
        script = (
            Path(__file__).resolve().parent.parent / "scripts" / "screenshot_report.py"
        )
        png = tmp_path / "report.png"
        done = subprocess.run(
            [sys.executable, str(script), "--chromium", str(CHROMIUM), "-o", str(png)],
            capture_output=True,
            text=True,
            check=False,
            timeout=180,
        )

        assert 0 == done.returncode, done.stderr[-2000:]
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert (1280, 1100) == (
            int.from_bytes(data[16:20], "big"),
            int.from_bytes(data[20:24], "big"),
        )
