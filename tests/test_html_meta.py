from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsdump import Source, parse_html
from newsdump._decode import decode_html
from newsdump._html_meta import (
    PRECEDENCE,
    PageMeta,
    parse_time_value,
    read_meta,
    read_page,
    strip_site_suffix,
)

UTC = dt.timezone.utc
FIXTURES = Path(__file__).parent / "fixtures" / "html"
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)


def meta(
    head: str,
    body: str = "",
    *,
    url: str | None = None,
    lang: str = "",
    now: dt.datetime | None = None,
) -> PageMeta:
    attr = f' lang="{lang}"' if lang else ""
    html = f"<html{attr}><head>{head}</head><body>{body}</body></html>"
    return read_meta(LexborHTMLParser(html), url=url, now=now)


def fixture(name: str, *, url: str | None = None) -> PageMeta:
    tree = LexborHTMLParser(decode_html((FIXTURES / name).read_bytes()))
    return read_meta(tree, url=url, now=NOW)


def ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


def tag(key: str, value: str) -> str:
    attribute = "property" if key.startswith(("og:", "article:")) else "name"
    return f'<meta {attribute}="{key}" content="{value}">'


class TestPrecedence:
    def test_every_field_has_a_precedence(self):
        """Every PageMeta field is listed in PRECEDENCE, and nothing else."""
        assert {f.name for f in attrs.fields(PageMeta)} == set(PRECEDENCE)

    @pytest.mark.parametrize("field", sorted(PRECEDENCE))
    def test_sources_are_known_kinds(self, field):
        """Each source in the table names a kind read_meta knows."""
        kinds = {source.partition(":")[0] for source in PRECEDENCE[field]}

        assert kinds <= {"json-ld", "meta", "html", "arg", "url"}

    def test_title_order(self):
        """Title: JSON-LD headline, then og:title, then twitter:title, then <title>, then <h1>."""
        sources = [
            ("json", ld('{"@type": "NewsArticle", "headline": "From JSON-LD"}')),
            ("og", tag("og:title", "From OpenGraph")),
            ("twitter", tag("twitter:title", "From Twitter")),
            ("title", "<title>From title</title>"),
        ]
        expected = [
            "From JSON-LD",
            "From OpenGraph",
            "From Twitter",
            "From title",
            "From h1",
        ]
        for index, want in enumerate(expected):
            head = "".join(html for _, html in sources[index:])

            assert want == meta(head, "<h1>From h1</h1>").title

    def test_published_order(self):
        """Published: JSON-LD, then article:published_time, then <time> in the article."""
        json_ld = ld('{"@type": "Article", "datePublished": "2024-01-01T10:00:00Z"}')
        og = tag("article:published_time", "2024-02-02T10:00:00Z")
        body = '<article><time datetime="2024-03-03T10:00:00Z">March 3</time></article>'

        assert 1 == meta(json_ld + og, body).published.value.month
        assert 2 == meta(og, body).published.value.month
        assert 3 == meta("", body).published.value.month

    def test_authors_order(self):
        """Authors: JSON-LD beats <meta name=author> beats a byline element."""
        json_ld = ld(
            '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ann Lee"}}'
        )
        author = tag("author", "Bob Stone")
        body = '<p class="byline">By Cara Diaz</p>'

        assert ("Ann Lee",) == meta(json_ld + author, body).authors
        assert ("Bob Stone",) == meta(author, body).authors
        assert ("Cara Diaz",) == meta("", body).authors

    def test_unusable_source_falls_through(self):
        """A source whose value cannot be used (a URL as author) gives way to the next."""
        head = tag("article:author", "https://facebook.com/someone") + tag(
            "dc.creator", "Dana Fox"
        )

        assert ("Dana Fox",) == meta(head).authors

    def test_subtitle_order(self):
        """Subtitle: og:description beats twitter:description beats description."""
        head = (
            tag("description", "Plain description.")
            + tag("twitter:description", "Twitter description.")
            + tag("og:description", "OpenGraph description.")
        )

        assert "OpenGraph description." == meta(head).subtitle

    def test_image_order(self):
        """Image: JSON-LD image (object or list) beats og:image beats twitter:image."""
        og = tag("og:image", "https://x.example/og.jpg")
        tw = tag("twitter:image", "https://x.example/tw.jpg")
        json_ld = ld(
            '{"@type": "NewsArticle", "image": [{"url": "https://x.example/ld.jpg"}]}'
        )

        assert "https://x.example/ld.jpg" == meta(json_ld + og + tw).image
        assert "https://x.example/og.jpg" == meta(og + tw).image
        assert "https://x.example/tw.jpg" == meta(tw).image

    def test_url_order(self):
        """Url: canonical link beats og:url beats the caller's url."""
        canonical = '<link rel="canonical" href="https://x.example/canonical">'
        og = tag("og:url", "https://x.example/og")

        assert (
            "https://x.example/canonical"
            == meta(canonical + og, url="https://x.example/a").url
        )
        assert "https://x.example/og" == meta(og, url="https://x.example/a").url
        assert "https://x.example/a" == meta("", url="https://x.example/a").url

    def test_tags_order(self):
        """Tags: article:tag (each tag) beats keywords (comma list)."""
        head = (
            tag("keywords", "a, b")
            + tag("article:tag", "Elections")
            + tag("article:tag", "Europe")
        )

        assert ("Elections", "Europe") == meta(head).tags
        assert ("a", "b") == meta(tag("keywords", "a, b, A")).tags

    def test_language_order(self):
        """Language: JSON-LD inLanguage, then <html lang>, then og:locale."""
        json_ld = ld('{"@type": "NewsArticle", "inLanguage": "pt-br"}')
        locale = tag("og:locale", "es_ES")

        assert "pt-BR" == meta(json_ld + locale, lang="en").language
        assert "en" == meta(locale, lang="en").language
        assert "es-ES" == meta(locale).language

    def test_source_from_publisher_then_site_name_then_domain(self):
        """Source: JSON-LD publisher, then og:site_name, then the url's domain."""
        json_ld = ld('{"@type": "NewsArticle", "publisher": {"name": "Daily Planet"}}')
        site = tag("og:site_name", "The Planet")
        url = "https://www.planet.example/story"

        assert (
            Source(name="Daily Planet", domain="planet.example")
            == meta(json_ld + site, url=url).source
        )
        assert (
            Source(name="The Planet", domain="planet.example")
            == meta(site, url=url).source
        )
        assert (
            Source(name="planet.example", domain="planet.example")
            == meta("", url=url).source
        )


class TestNoInvention:
    def test_empty_page(self):
        """A page that states nothing gives an empty PageMeta."""
        assert PageMeta() == meta("", "<p>Just some text.</p>")

    def test_times_outside_the_story_are_ignored(self):
        """A <time> outside article/main/header (a sidebar, a comment) is not the publication time."""
        body = '<aside><time datetime="2024-01-01T00:00:00Z">Jan 1</time></aside>'

        assert None is meta("", body).published

    def test_placeholder_dates_are_ignored(self):
        """A year-1 placeholder date is not a publication time."""
        head = tag("article:published_time", "0001-01-01T00:00:00+00:00")

        assert None is meta(head).published

    def test_several_h1_give_no_title(self):
        """With several <h1> and no other source, no title is guessed."""
        assert None is meta("", "<h1>Site</h1><h1>Story</h1>").title


class TestTitle:
    @pytest.mark.parametrize(
        ("title", "names", "expected"),
        [
            ("Rates rise | Reuters", ["Reuters"], "Rates rise"),
            ("Rates rise - BBC News", ["bbc.co.uk", "bbc"], "Rates rise"),
            ("Rates rise — Site Name", ["Site Name"], "Rates rise"),
            ("Reuters | Rates rise", ["Reuters"], "Rates rise"),
            ("Rates rise | World | Reuters", ["Reuters"], "Rates rise | World"),
            ("Rates rise - and fall", ["Reuters"], "Rates rise - and fall"),
            ("Rates rise | Reuters", [], "Rates rise | Reuters"),
            ("Reuters", ["Reuters"], "Reuters"),
            (
                "Inside Reuters - a look at the newsroom",
                ["Reuters"],
                "Inside Reuters - a look at the newsroom",
            ),
        ],
    )
    def test_strip_site_suffix(self, title, names, expected):
        """The site's name is removed from either end, only when it matches."""
        assert expected == strip_site_suffix(title, names)

    def test_suffix_after_the_h1_is_dropped(self):
        """A short part after a title that equals the single <h1> is dropped."""
        assert "Rates rise" == strip_site_suffix(
            "Rates rise | Money | Daily", [], "Rates rise"
        )

    def test_suffix_matching_domain(self):
        """Without a site name, the domain identifies the suffix."""
        page = meta(
            "<title>Storm hits coast - Coastal Times</title>",
            url="https://coastaltimes.example/a",
        )

        assert "Storm hits coast" == page.title

    def test_title_that_is_the_site_name_is_skipped(self):
        """An og:title that only names the site gives way to the next source."""
        head = (
            tag("og:site_name", "Reuters")
            + tag("og:title", "Reuters")
            + "<title>Rates rise | Reuters</title>"
        )

        assert "Rates rise" == meta(head).title

    def test_entities_in_meta_are_unescaped(self):
        """Doubly escaped entities in og:title are decoded."""
        page = meta(tag("og:title", "Dogs &amp;#8216;love&amp;#8217; walks"))

        assert "Dogs ‘love’ walks" == page.title


class TestSubtitle:
    def test_description_repeating_the_lead_is_dropped(self):
        """A description that is the start of the body is not a subtitle."""
        head = tag("description", "The council voted on Thursday…")
        body = "<article><p>The council voted on Thursday to build cycle lanes.</p></article>"

        assert None is meta(head, body).subtitle

    def test_description_different_from_the_lead_is_kept(self):
        """A description that says something else is the subtitle."""
        head = tag("description", "Three avenues get protected lanes.")
        body = "<article><p>The council voted on Thursday to build cycle lanes.</p></article>"

        assert "Three avenues get protected lanes." == meta(head, body).subtitle

    def test_standfirst_element(self):
        """Without a description, a standfirst element is the subtitle."""
        body = '<h1>Lanes</h1><p class="article-standfirst">Three avenues get lanes.</p><p>Body.</p>'

        assert "Three avenues get lanes." == meta("", body).subtitle

    def test_markup_in_description_removed(self):
        """Tags left inside a description are removed."""
        assert (
            "We have evidence!"
            == meta(
                tag("og:description", "&lt;p&gt;We have evidence!&lt;/p&gt;")
            ).subtitle
        )


class TestReadPage:
    def test_same_metadata_and_the_json_ld_texts(self):
        """read_page gives read_meta's answer and each JSON-LD script's text,
        in page order."""
        first = '{"@type": "NewsArticle", "headline": "One"}'
        second = '{"@type": "WebPage"}'
        html = f"<head>{ld(first)}<title>T</title></head><body>{ld(second)}</body>"

        found, texts = read_page(LexborHTMLParser(html), url=None, now=NOW)

        assert read_meta(LexborHTMLParser(html), url=None, now=NOW) == found
        assert (first, second) == texts


class TestJsonLd:
    def test_graph_with_references(self):
        """Authors and publisher given as @id references in an @graph are followed."""
        page = fixture("meta-jsonld-dates.html")

        assert ("Ana Ruiz",) == page.authors
        assert (
            Source(
                name="The Coastal Courier",
                domain="courier.example",
                url="https://courier.example/",
            )
            == page.source
        )

    def test_article_beats_webpage(self):
        """The NewsArticle object is read, not the WebPage next to it."""
        page = fixture("meta-jsonld-dates.html")

        assert (
            dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
            == page.published.value
        )

    def test_top_level_list(self):
        """A JSON-LD document that is a list is searched."""
        page = meta(
            ld(
                '[{"@type": "BreadcrumbList"}, {"@type": "ReportageNewsArticle", "headline": "Listed"}]'
            )
        )

        assert "Listed" == page.title

    def test_type_list(self):
        """An @type given as a list is understood."""
        assert (
            "Typed"
            == meta(
                ld('{"@type": ["Thing", "BlogPosting"], "headline": "Typed"}')
            ).title
        )

    def test_malformed_json_tolerated(self):
        """Broken JSON-LD is skipped; trailing commas and comment wrappers are repaired."""
        head = ld('{"@type": "NewsArticle", "headline": "Broken"') + ld(
            '<!-- {"@type": "NewsArticle", "headline": "Repaired",} -->'
        )

        assert "Repaired" == meta(head).title

    def test_organization_author_is_not_a_person(self):
        """An author that is an Organization gives no name."""
        json_ld = ld(
            '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Acme Corp"}}'
        )

        assert () == meta(json_ld).authors

    def test_author_list_of_strings(self):
        """Authors given as plain strings are cleaned and split."""
        json_ld = ld('{"@type": "NewsArticle", "author": ["By Ann Lee and Bob Stone"]}')

        assert ("Ann Lee", "Bob Stone") == meta(json_ld).authors

    def test_keywords_deduplicated(self):
        """Keywords repeated in another case appear once."""
        assert ("Transport", "Harbour") == fixture("meta-jsonld-dates.html").tags


class TestTimes:
    def test_naive_time_takes_page_offset(self):
        """A time without offset takes the offset of the page's other times."""
        page = fixture("meta-jsonld-dates.html")

        assert dt.timedelta(hours=1) == page.modified.value.utcoffset()
        assert "minute" == page.modified.granularity

    def test_naive_time_alone_is_utc(self):
        """A time without offset, on a page without any offset, is taken as UTC."""
        page = meta(tag("article:published_time", "2024-05-01T10:30:00"))

        assert dt.datetime(2024, 5, 1, 10, 30, tzinfo=UTC) == page.published.value

    @pytest.mark.parametrize(
        ("text", "granularity", "earliest", "latest"),
        [
            (
                "2024-05-01T10:30:15Z",
                "second",
                "2024-05-01T10:30:15+00:00",
                "2024-05-01T10:30:15.999999+00:00",
            ),
            (
                "2024-05-01T10:30Z",
                "minute",
                "2024-05-01T10:30:00+00:00",
                "2024-05-01T10:30:59.999999+00:00",
            ),
            (
                "2024-05-01",
                "day",
                "2024-05-01T00:00:00+00:00",
                "2024-05-01T23:59:59.999999+00:00",
            ),
            (
                "2024-05",
                "month",
                "2024-05-01T00:00:00+00:00",
                "2024-05-31T23:59:59.999999+00:00",
            ),
            (
                "Wed, 01 May 2024 10:00:00 GMT",
                "second",
                "2024-05-01T10:00:00+00:00",
                "2024-05-01T10:00:00.999999+00:00",
            ),
        ],
    )
    def test_absolute_intervals(self, text, granularity, earliest, latest):
        """An absolute time spans the unit it was written in."""
        stamp = parse_time_value(text)

        assert (granularity, earliest, latest) == (
            stamp.granularity,
            stamp.earliest.isoformat(),
            stamp.latest.isoformat(),
        )

    def test_relative_needs_now(self):
        """An age resolves only against a given reference time."""
        assert None is parse_time_value("3 hours ago")
        assert (
            dt.datetime(2025, 7, 13, 15, 0, tzinfo=UTC)
            == parse_time_value("3 hours ago", now=NOW).value
        )

    def test_full_date_without_now(self):
        """A written-out date with a year needs no reference time."""
        assert dt.date(2025, 7, 13) == parse_time_value("July 13, 2025").value.date()


class TestFixtures:
    def test_jsonld_only_dates(self):
        """Dates stated only in JSON-LD are read, with every other field."""
        page = fixture("meta-jsonld-dates.html")

        assert (
            "Harbour bridge reopens after repairs",
            "Engineers finished two months early, the council said.",
            "https://courier.example/local/bridge",
            "en-GB",
            "https://courier.example/img/bridge.jpg",
        ) == (page.title, page.subtitle, page.url, page.language, page.image)

    def test_odd_bylines(self):
        """A credit line at the end of the story gives the reporters, not the editor, the desk or commenters."""
        page = fixture("meta-bylines.html")

        assert ("María José Núñez", "Tom O'Neill") == page.authors
        assert "Orchard growers count frost damage" == page.title

    def test_plain_by_line_after_the_headline(self):
        """A classless "By ..." line just after the headline gives the author, without its time."""
        page = fixture("meta-byline-plain.html")

        assert ("Maya Lindqvist",) == page.authors

    def test_by_line_split_over_elements_after_the_headline(self):
        """A "By ..." line after the headline is found when "By" and the name
        sit in separate elements; a word that merely starts with "By" is not one."""
        split = meta(
            "",
            "<h1>Rates rise</h1><div><p><span>By</span>\n"
            " <a href='/a'>Maya Lindqvist</a></p></div>",
        )
        byron = meta("", "<h1>Rates rise</h1><div><b>Byron</b> Bay floods</div>")

        assert (("Maya Lindqvist",), ()) == (split.authors, byron.authors)

    def test_by_line_starting_with_blank_text(self):
        """A "By ..." element whose first text node is only white space is
        still a byline, with every name in it."""
        page = meta(
            "",
            "<h1>Rates rise</h1><div>\n <span> By </span>\n"
            " <a href='/a'>Maya Lindqvist</a> and <a href='/b'>Tom Jones</a></div>",
        )

        assert ("Maya Lindqvist", "Tom Jones") == page.authors

    def test_live_blog(self):
        """A LiveBlogPosting gives its own headline, authors and coverage start, not its updates'."""
        page = fixture("meta-liveblog.html")
        plus1 = dt.timezone(dt.timedelta(hours=1))

        assert "Tempête Lina : les dernières informations" == page.title
        assert ("Claire Dubois", "Hugo Martin") == page.authors
        assert dt.datetime(2024, 11, 2, 6, 0, tzinfo=plus1) == page.published.value
        assert dt.datetime(2024, 11, 2, 14, 32, 10, tzinfo=plus1) == page.modified.value
        assert "fr" == page.language
        assert Source(name="Le Quotidien", domain="quotidien.example") == page.source

    def test_amp_page(self):
        """An AMP page gives its canonical url, its standfirst and a cleaned German byline."""
        page = fixture(
            "meta-amp.html",
            url="https://amp.rheinblatt.example/lokales/stadtbahn-100.amp.html",
        )

        assert "https://www.rheinblatt.example/lokales/stadtbahn-100.html" == page.url
        assert ("Jonas Becker",) == page.authors
        assert (
            "Die Linie 7 verbindet künftig den Hauptbahnhof mit dem Messegelände."
            == page.subtitle
        )
        assert "https://www.rheinblatt.example/img/bahn-16x9.jpg" == page.image
        assert "de-DE" == page.language
        assert dt.datetime(2024, 6, 14, 17, 45, tzinfo=UTC) == page.published.value

    def test_comments_ignored(self):
        """Commenters and comment times are not the story's authors and dates."""
        page = fixture("meta-comments.html")

        assert ("Priya Raman",) == page.authors
        assert "2022-09-30" == page.published.text
        assert "day" == page.published.granularity
        assert ("libraries", "budget", "Northside") == page.tags
        assert "Why the library should stay open late" == page.title


HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<title>",
        "</title>",
        "<meta ",
        'property="og:title" ',
        'name="author" ',
        'content="',
        '"',
        ">",
        '<script type="application/ld+json">',
        "</script>",
        '{"@type": "NewsArticle", ',
        '"author": ',
        '"headline": ',
        '"@graph": [',
        '{"@id": "#a"}',
        "]",
        "}",
        "[",
        ",",
        '<time datetime="',
        "2024-01-01T00:00:00Z",
        "<h1>",
        "</h1>",
        "<article>",
        "<p>",
        "</p>",
        '<link rel=canonical href="',
        '<a href="/x">',
        "</a>",
        "By Ann Lee",
        " | ",
        "&amp;",
        "\x00",
        "é",
    ]
)


class TestNeverRaises:
    @given(st.text(max_size=400))
    def test_arbitrary_text(self, text):
        """read_meta returns a PageMeta for any text."""
        assert isinstance(
            read_meta(LexborHTMLParser(text), url=None, now=NOW), PageMeta
        )

    @given(
        st.lists(st.one_of(HTML_PIECES, st.text(max_size=10)), max_size=60),
        st.sampled_from([None, "https://x.example/a", "not a url", "http://[::1"]),
    )
    def test_html_like(self, pieces, url):
        """read_meta returns a PageMeta for HTML-like soup, with any url."""
        tree = LexborHTMLParser("".join(pieces))

        assert isinstance(read_meta(tree, url=url, now=NOW), PageMeta)


def test_json_ld_text_escaped_as_html_is_unescaped() -> None:
    # Some CMSs write JSON-LD strings escaped as HTML text.
    page = (
        "<html><head><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Salt &amp; pepper",'
        ' "author": {"@type": "Person", "name": "Maria &amp; Katerina"}}'
        "</script></head><body><h1>Salt &amp; pepper</h1>"
        "<article><p>" + "A sentence of the article body. " * 12 + "</p></article>"
        "</body></html>"
    )
    article = parse_html(page)
    assert article.authors == ("Maria", "Katerina")
    assert article.title == "Salt & pepper"
