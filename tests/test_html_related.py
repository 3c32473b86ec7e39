from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from newsdump._html_related import find_related

NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)
BASE = "https://news.example.com/world/story"


def related(body: str, *, base_url: str | None = BASE):
    tree = LexborHTMLParser(f"<html><body><h1>The story</h1>{body}</body></html>")
    return find_related(tree, base_url=base_url, now=NOW)


class TestContainers:
    def test_class_named_rail(self):
        """A block whose class says "related" yields its links, made absolute."""
        items, nodes = related(
            '<aside class="related-stories"><ul>'
            '<li><a href="/a">Bank of Japan holds rates steady</a></li>'
            '<li><a href="https://other.example/b">Markets fall after the decision</a></li>'
            "</ul></aside>"
        )

        assert [
            ("Bank of Japan holds rates steady", "https://news.example.com/a"),
            ("Markets fall after the decision", "https://other.example/b"),
        ] == [(i.title, i.url) for i in items]
        assert ["aside"] == [n.tag for n in nodes]

    def test_heading_then_list(self):
        """A "Most read" heading followed by a list of links is a related block."""
        items, nodes = related(
            "<div><p>Body text of the story goes here.</p></div>"
            "<h3>Most read</h3><ol><li><a href='/c'>Another story with a headline</a></li></ol>"
        )

        assert ["Another story with a headline"] == [i.title for i in items]
        assert ["h3", "ol"] == [n.tag for n in nodes]

    def test_no_related_block(self):
        """A page without related blocks gives nothing."""
        assert ((), []) == related(
            "<p>Just the article <a href='/x'>with a link in it</a>.</p>"
        )
