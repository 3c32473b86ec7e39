from __future__ import annotations

import datetime as dt

import pytest

import newsdump

BODY = (
    "The central bank raised rates on Thursday for the third time this year, "
    "citing stubborn inflation.\n"
    "Economists had expected the move after a run of strong data, and markets "
    "barely reacted.\n"
)


def dump(*head: str) -> str:
    return "\n".join(["Rates rise again as inflation bites hard", *head, BODY])


class TestDateLines:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Published: 13 July 2025 14:05 BST", dt.date(2025, 7, 13)),
            ("July 13, 2025 · 5 min read", dt.date(2025, 7, 13)),
            ("13.07.2025 um 14:05 Uhr", dt.date(2025, 7, 13)),
        ],
    )
    def test_date_line_is_published_and_removed(self, line, expected):
        """A date line under the headline gives `published` and is removed."""
        article = newsdump.parse_text(dump("By Jane Doe", line))

        assert expected == article.published.value.date()
        assert "text" == article.published.source
        assert ("Jane Doe",) == article.authors
        assert [line] == [r.text for r in article.removed if r.reason == "dateline"]
        assert all(line not in p for p in article.paragraphs)

    def test_date_line_before_byline(self):
        """The date line may come first, the byline second."""
        article = newsdump.parse_text(dump("13 July 2025", "By Jane Doe"))

        assert dt.date(2025, 7, 13) == article.published.value.date()
        assert ("Jane Doe",) == article.authors

    def test_updated_line_is_modified(self):
        """An "Updated" line gives `modified`, not `published`."""
        article = newsdump.parse_text(dump("Updated: 14 July 2025"))

        assert None is article.published
        assert dt.date(2025, 7, 14) == article.modified.value.date()

    def test_byline_with_date(self):
        """A byline that ends in a date gives both."""
        article = newsdump.parse_text(dump("By Jane Doe, July 13, 2025"))

        assert ("Jane Doe",) == article.authors
        assert dt.date(2025, 7, 13) == article.published.value.date()

    def test_sentence_with_date_is_body(self):
        """A sentence mentioning a date is not a date line."""
        line = "The meeting on 3 March 2025 was long and the vote was close."
        article = newsdump.parse_text(dump(line))

        assert None is article.published
        assert line in (article.subtitle, *article.paragraphs)

    def test_text_and_html_agree(self):
        """The same page as a dump and as HTML gives the same day."""
        html = (
            "<html><body><article><h1>Rates rise again as inflation bites hard</h1>"
            "<p>Published: 13 July 2025 14:05 BST</p>"
            f"<p>{BODY}</p></article></body></html>"
        )
        text = newsdump.parse_text(dump("Published: 13 July 2025 14:05 BST"))

        assert newsdump.parse_html(html).published.value == text.published.value
