"""
`newsdump.audit_html`: the report of what the filters removed, and why.

The report is read back with the standard library's HTML parser; the
browser test (test_audit_browser.py) checks what Chromium renders.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

import newsdump
from newsdump import Article, Removal

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = (
    resources.files("newsdump")
    .joinpath("_data", "example.txt")
    .read_text(encoding="utf-8")
)
NOW = dt.datetime(2025, 6, 21, 12, tzinfo=dt.timezone.utc)
OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
    "h4", "p", "section", "table", "tr", "th", "td", "span", "div", "mark", "br",
    "ul", "li", "a",
}  # fmt: skip


class Report(HTMLParser):
    """The marks (filter, reason, text without label), legend rows and tags."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[dict[str, str]] = []
        self.legend: dict[str, int] = {}
        self._mark: dict[str, str] | None = None
        self._in_label = False
        self._row: str | None = None
        self._cells: list[str] = []
        self.input_text = ""
        self._input_depth = 0
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "div" and (self._input_depth or attributes.get("id") == "input"):
            self._input_depth += 1
        if tag == "mark":
            self._mark = {
                "filter": attributes["data-filter"] or "",
                "reason": attributes["data-reason"] or "",
                "text": "",
                "label": "",
            }
        elif tag == "span" and attributes.get("class") == "label":
            self._in_label = True
        elif tag == "tr" and "data-filter" in attributes:
            self._row = attributes["data-filter"]
            self._cells = []
        elif tag == "td" and self._row is not None:
            self._cells.append("")

    def handle_endtag(self, tag):
        if tag == "div" and self._input_depth:
            self._input_depth -= 1
        if tag == "mark" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark = None
        elif tag == "span":
            self._in_label = False
        elif tag == "tr" and self._row is not None:
            self.legend[self._row] = int(self._cells[1])
            self._row = None

    def handle_data(self, data):
        if self._input_depth and not self._in_label:
            self.input_text += data
        if self._mark is not None:
            self._mark["label" if self._in_label else "text"] += data
        if self._row is not None and self._cells:
            self._cells[-1] += data


def example_report() -> tuple[Article, str]:
    article = newsdump.parse_text(EXAMPLE, now=NOW)
    return article, newsdump.audit_html(article, EXAMPLE, name="example.txt")


class TestContent:
    def test_every_removal_is_marked(self):
        """Each removal is one mark with its filter, reason and exact text."""
        article, page = example_report()
        report = Report(page)

        assert [
            {
                "filter": r.filter,
                "reason": r.reason,
                "text": r.text,
                "label": f"{r.filter} · {r.reason}",
            }
            for r in sorted(article.removed, key=lambda r: r.start)
        ] == report.marks
        assert len(article.removed) >= 10

    def test_legend_counts_per_filter(self):
        """The legend has one row per filter with its number of removals."""
        article, page = example_report()

        assert dict(Counter(r.filter for r in article.removed)) == Report(page).legend

    def test_kept_article(self):
        """The kept article's paragraphs, caption and related times are shown."""
        article, page = example_report()

        for paragraph in article.paragraphs:
            assert newsdump_escape(paragraph) in page
        assert "Lena Marsh/AFP" in page
        for item in article.related:
            assert item.published is not None
            assert item.published.value.isoformat() in page
            assert item.published.earliest.isoformat() in page
            assert item.published.latest.isoformat() in page

    def test_html_page_offsets(self):
        """For HTML the marks are spans of the visible text, at their offsets."""
        page = (FIXTURES / "html" / "content-comments.html").read_text()
        article = newsdump.parse_html(page)
        source = newsdump.visible_text(page)
        report = Report(newsdump.audit_html(article, source))

        assert article.removed
        assert [r.text for r in sorted(article.removed, key=lambda r: r.start)] == [
            m["text"] for m in report.marks
        ]
        assert all(source[r.start : r.end] == r.text for r in article.removed)

    def test_overlap_and_bad_offsets(self):
        """Overlapping removals are shown once; offsets past the end are clipped."""
        source = "aaaa bbbb cccc"
        removed = [
            Removal(filter="f", reason="r", text="aaaa bbbb", start=0, end=9),
            Removal(filter="g", reason="s", text="bbbb", start=5, end=9),
            Removal(filter="g", reason="s", text="cccc", start=10, end=14),
            Removal(filter="h", reason="t", text="zz", start=40, end=42),
        ]
        page = newsdump.audit_html(Article(removed=removed), source)
        report = Report(page)

        assert ["aaaa bbbb", "cccc"] == [m["text"] for m in report.marks]
        assert {"f": 1, "g": 2, "h": 1} == report.legend
        assert "1 removals do not match the input at their offsets" in page


def newsdump_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


class TestEscaping:
    HOSTILE = (
        'Title <script>alert(1)</script>\n<img src=x onerror="alert(2)">\n'
        "Body with </mark></div><iframe src=javascript:alert(3)> & &amp;\n"
    )

    def test_hostile_text_dump(self):
        """A dump holding <script> and onerror= gives a report where nothing runs."""
        article = newsdump.parse_text(self.HOSTILE)
        start = self.HOSTILE.index("<img src=x")
        removed = Removal(
            filter="<b>f</b>",
            reason='"><script>',
            text="<img src=x",
            start=start,
            end=start + 10,
        )
        article = Article(
            title=article.title,
            paragraphs=article.paragraphs,
            related=[
                newsdump.RelatedItem(title="x", url="javascript:alert(4)"),
            ],
            removed=[removed],
        )
        page = newsdump.audit_html(article, self.HOSTILE, name="<script>")
        report = Report(page)

        assert set() == {tag for tag, _ in report.tags} - OUR_TAGS
        assert [] == [
            (tag, name)
            for tag, attrs in report.tags
            for name in attrs
            if name.startswith("on")
        ]
        assert [] == [a for t, a in report.tags if t == "a"]  # no javascript: link
        assert [removed.text] == [m["text"] for m in report.marks]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "default-src 'none'" in page

    def test_self_contained(self):
        """No external stylesheet, script, image or font is loaded."""
        _, page = example_report()
        report = Report(page)

        assert [] == [
            (tag, attrs)
            for tag, attrs in report.tags
            if tag in {"link", "script", "img", "iframe"} or "src" in attrs
        ]


class TestSize:
    @staticmethod
    def build(copies: int) -> tuple[Article, str]:
        """A source of *copies* example dumps with a removal every 250 characters."""
        source = EXAMPLE * copies
        removed = [
            Removal(
                filter=f"f{i % 7}",
                reason="r",
                text=source[i : i + 40],
                start=i,
                end=i + 40,
            )
            for i in range(0, len(source) - 40, 250)
        ]
        return Article(title="T", paragraphs=["p"], removed=removed), source

    def seconds(self, copies: int) -> float:
        article, source = self.build(copies)
        start = time.process_time()
        newsdump.audit_html(article, source)
        return time.process_time() - start

    def test_five_megabytes_in_seconds_and_linear(self):
        """A 5 MB input with 20,000 removals takes seconds, about 5x a 1 MB one."""
        copies = 5_000_000 // len(EXAMPLE) + 1
        small = min(self.seconds(copies // 5) for _ in range(2))
        large = min(self.seconds(copies) for _ in range(2))

        assert large < 5.0
        assert large < 10 * small + 0.2

    @pytest.mark.parametrize("copies", [1, 50])
    def test_input_text_is_the_source(self, copies):
        """The input panel, without labels, reads exactly as the source text."""
        article, source = self.build(copies)
        report = Report(newsdump.audit_html(article, source))

        assert source == report.input_text
        assert len(article.removed) == len(report.marks)
