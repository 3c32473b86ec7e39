from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from newsdump import Source
from newsdump._html_meta import PRECEDENCE, PageMeta, read_meta

UTC = dt.timezone.utc


def meta(
    head: str, body: str = "", *, url: str | None = None, lang: str = ""
) -> PageMeta:
    attr = f' lang="{lang}"' if lang else ""
    html = f"<html{attr}><head>{head}</head><body>{body}</body></html>"
    return read_meta(LexborHTMLParser(html), url=url)


def ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


class TestPrecedence:
    def test_json_ld_beats_opengraph_beats_title(self):
        """The title comes from JSON-LD before og:title before <title>."""
        head = (
            "<title>From title</title>"
            '<meta property="og:title" content="From OpenGraph">'
            + ld('{"@type": "NewsArticle", "headline": "From JSON-LD"}')
        )

        assert "From JSON-LD" == meta(head).title

    def test_opengraph_beats_twitter_and_title(self):
        """Without JSON-LD, og:title wins over twitter:title and <title>."""
        head = (
            "<title>From title</title>"
            '<meta name="twitter:title" content="From Twitter">'
            '<meta property="og:title" content="From OpenGraph">'
        )

        assert "From OpenGraph" == meta(head).title

    def test_every_field_has_a_precedence(self):
        """Every PageMeta field is listed in PRECEDENCE."""
        import attrs

        assert {f.name for f in attrs.fields(PageMeta)} == set(PRECEDENCE)

    def test_nothing_invented(self):
        """A page that states nothing gives an empty PageMeta."""
        assert PageMeta() == meta("", "<p>Just some text.</p>")

    def test_full_page(self):
        """A page with every source fills every field from the best one."""
        head = (
            "<title>Rates rise again | Reuters</title>"
            '<meta property="og:site_name" content="Reuters">'
            '<meta property="og:description" content="The bank acted again.">'
            '<meta property="article:published_time" content="2024-05-01T10:30:00+02:00">'
            '<meta property="article:modified_time" content="2024-05-01T12:00">'
            '<meta property="og:image" content="/img/lead.jpg">'
            '<link rel="canonical" href="/world/rates">'
            + ld(
                '{"@context": "https://schema.org", "@graph": ['
                '{"@type": "NewsArticle", "author": [{"@id": "#p1"},'
                ' {"@type": "Organization", "name": "Reuters"}],'
                ' "keywords": "rates, banks", "publisher": {"@id": "#org"}},'
                '{"@type": "Person", "@id": "#p1", "name": "By Jane Doe"},'
                '{"@type": "Organization", "@id": "#org", "name": "Reuters",'
                ' "url": "https://www.reuters.com"}]}'
            )
        )
        plus2 = dt.timezone(dt.timedelta(hours=2))
        page = meta(
            head,
            "<h1>Rates rise again</h1><article><p>The central bank raised rates.</p></article>",
            url="https://www.reuters.com/world/rates?utm=x",
            lang="en-gb",
        )

        assert "Rates rise again" == page.title
        assert "The bank acted again." == page.subtitle
        assert ("Jane Doe",) == page.authors
        assert dt.datetime(2024, 5, 1, 10, 30, tzinfo=plus2) == page.published.value
        assert dt.datetime(2024, 5, 1, 12, 0, tzinfo=plus2) == page.modified.value
        assert "minute" == page.modified.granularity
        assert (
            Source(name="Reuters", domain="reuters.com", url="https://www.reuters.com")
            == page.source
        )
        assert "https://www.reuters.com/world/rates" == page.url
        assert "en-GB" == page.language
        assert ("rates", "banks") == page.tags
        assert "https://www.reuters.com/img/lead.jpg" == page.image
