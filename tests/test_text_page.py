"""
Text dumps of whole web pages: blank-line spacing, menus, cookie notices,
footer columns and teaser rails.

Every dump here is written for these tests (no benchmark page is copied).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newsdump import Article, parse_text, to_dict
from tests import strategies

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = (FIXTURES / "aggregator-page.txt").read_text(encoding="utf-8")
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)


def spaced(text: str, *, every_line: bool) -> tuple[str, list[int]]:
    """
    *text* with a blank line after each line (*every_line*: after blank
    lines too, else only after non-blank ones), and where each input
    offset went.
    """
    out: list[str] = []
    where: list[int] = []
    at = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        where.extend(range(at, at + len(line)))
        out.append(line if line != body else line + "\n")
        at += len(out[-1])
        if every_line or body.strip():
            out.append("\n")
            at += 1
    where.append(at)
    return "".join(out), where


def without_offsets(article: Article) -> dict[str, Any]:
    data = to_dict(article)
    for removal in data["removed"]:
        del removal["start"], removal["end"]
    return data


def assert_same_parse(text: str, *, every_line: bool) -> None:
    """The spaced dump parses like *text*; its removals sit at the mapped offsets."""
    doubled, where = spaced(text, every_line=every_line)
    plain = parse_text(text, now=NOW)
    spread = parse_text(doubled, now=NOW)

    assert without_offsets(plain) == without_offsets(spread)
    for a, b in zip(plain.removed, spread.removed, strict=True):
        assert (where[a.start], where[a.end - 1] + 1) == (b.start, b.end)
        assert doubled[b.start : b.end] == b.text


class TestBlankLines:
    def test_sample_with_a_blank_line_after_every_line(self):
        """Every line, blank or not, followed by a blank line: same article."""
        assert_same_parse(SAMPLE, every_line=True)

    def test_sample_with_a_blank_line_after_every_text_line(self):
        """Only text lines followed by a blank line: same article."""
        assert_same_parse(SAMPLE, every_line=False)

    def test_related_items_stay_whole(self):
        """The spaced sample keeps its three related items, each with its source."""
        doubled, _ = spaced(SAMPLE, every_line=True)
        related = parse_text(doubled, now=NOW).related

        assert [item.source.name if item.source else None for item in related] == [
            "Int'l Business Times",
            "DW",
            "Int'l Business Times",
        ]

    def test_one_blank_line_between_groups_still_separates(self):
        """Without the spacing, a single blank line still ends a related item."""
        dump = (
            "Harbour Opens New Ferry Pier For The Summer\n"
            "The new pier opened on Saturday after eight months of building work "
            "by the harbour trust.\n"
            "Related Articles\n"
            "Ferry Timetables Change This Week\n"
            "Volunteers Clean The South Beach\n"
            "\n"
            "Market Traders Ask For More Berths\n"
        )
        titles = [item.title for item in parse_text(dump).related]

        assert titles == [
            "Ferry Timetables Change This Week",
            "Volunteers Clean The South Beach",
            "Market Traders Ask For More Berths",
        ]

    @given(strategies.text_dumps(), st.booleans())
    def test_any_dump(self, text, every_line):
        """Generated dumps parse the same once spaced out."""
        assert_same_parse(text, every_line=every_line)
