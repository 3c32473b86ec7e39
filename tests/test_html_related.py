from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsdump import RelatedItem, Source
from newsdump._decode import decode_html
from newsdump._html_related import (
    _QUERY,
    CONTAINER_SELECTOR,
    _selected,
    find_related,
)

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)
BASE = "https://news.example.com/world/story"
FIXTURES = Path(__file__).parent / "fixtures" / "html"


def related(body: str, *, base_url: str | None = BASE, now: dt.datetime | None = NOW):
    tree = LexborHTMLParser(f"<html><body><h1>The story</h1>{body}</body></html>")
    return find_related(tree, base_url=base_url, now=now)


def rail():
    tree = LexborHTMLParser(decode_html((FIXTURES / "related-rail.html").read_bytes()))
    return find_related(
        tree, base_url="https://metro.example/news/cycle-lanes", now=NOW
    )


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

    def test_camel_case_and_id(self):
        """Class words are found in camelCase and in ids too."""
        items, _ = related(
            '<div id="mostPopular"><a href="/p">A popular story about the weather</a></div>'
            '<div class="recommendedContent"><a href="/q">A recommended story about rain</a></div>'
        )

        assert [
            "A popular story about the weather",
            "A recommended story about rain",
        ] == [i.title for i in items]

    def test_unrelated_class_is_not_a_container(self):
        """Class words must match whole: "unrelated" or "more-button" are not related blocks."""
        items, nodes = related(
            '<div class="unrelated"><a href="/a">Some link with a long enough title</a></div>'
            '<div class="more-button"><a href="/b">Another link with a long title</a></div>'
        )

        assert ((), []) == (items, nodes)

    def test_heading_then_list(self):
        """A "Most read" heading followed by a list of links is a related block."""
        items, nodes = related(
            "<div><p>Body text of the story goes here.</p></div>"
            "<h3>Most read</h3><ol><li><a href='/c'>Another story with a headline</a></li></ol>"
        )

        assert ["Another story with a headline"] == [i.title for i in items]
        assert ["h3", "ol"] == [n.tag for n in nodes]

    @pytest.mark.parametrize(
        "heading",
        [
            "Das könnte Sie auch interessieren",
            "À lire aussi :",
            "Noticias relacionadas",
            "Leggi anche",
            "Lees ook",
            "Leia também:",
            "Mais notícias de Lisboa",
            "More from our reporters",
        ],
    )
    def test_headings_in_other_languages(self, heading):
        """Related headings in the languages newsdump knows open a block too."""
        items, nodes = related(
            f"<div><p>Body text of the story goes here.</p></div><h3>{heading}</h3>"
            "<ul><li><a href='/c'>Another story with a headline</a></li></ul>"
        )

        assert ["Another story with a headline"] == [i.title for i in items]
        assert ["h3", "ul"] == [n.tag for n in nodes]

    @pytest.mark.parametrize(
        "heading", ["More online", "Mais sobretudo", "Plus de 100 morts", "Lees"]
    )
    def test_heading_must_match_whole_words(self, heading):
        """A heading that only starts like a related one is not one."""
        assert ((), []) == related(
            f"<h3>{heading}</h3>"
            "<ul><li><a href='/c'>Another story with a headline</a></li></ul>"
        )

    def test_heading_with_its_list_in_a_wrapper(self):
        """A wrapper holding just the heading and its list is returned as one node."""
        _, nodes = related(
            "<section><h2>You may also like</h2><ul><li><a href='/c'>Another story with a headline</a></li></ul></section>"
        )

        assert ["section"] == [n.tag for n in nodes]

    def test_prose_block_with_a_related_class_is_not_a_block(self):
        """A body whose class says "read-more" but which is mostly prose is not a related block."""
        prose = (
            "<p>"
            + "The council met for six hours and heard from residents about the plan. "
            * 6
            + "</p>"
        )
        items, nodes = related(
            f'<div class="entry-content entry-content-read-more">{prose}'
            "<p>See <a href='/a'>the full text of the plan here</a>.</p>"
            f"{prose}</div>"
        )

        assert ((), []) == (items, nodes)

    def test_topic_lists_are_not_related_stories(self):
        """A "related tags" or "popular topics" block lists topics, not stories."""
        assert ((), []) == related(
            '<div class="related-tags"><a href="/t/a">Federal Reserve interest rates</a></div>'
            '<div class="popular-topics"><a href="/t/b">Climate change and the economy</a></div>'
        )

    def test_menus_are_not_related_blocks(self):
        """A "More from us" heading inside a menu or a nav is navigation."""
        assert ((), []) == related(
            "<nav><h3>More from us</h3><ul><li><a href='/about'>About the whole company</a></li></ul></nav>"
            '<div class="menu-section"><h3>More from us</h3><ul><li><a href="/jobs">Jobs at the whole company</a></li></ul></div>'
        )

    def test_heading_without_links_is_ignored(self):
        """A related-sounding heading followed by prose is not a block."""
        assert ((), []) == related(
            "<h2>Related</h2><p>Nothing to see here, just text.</p>"
        )

    def test_article_body_link_is_not_related(self):
        """A link inside the article text is not a related item."""
        assert ((), []) == related(
            "<p>Just the article <a href='/x'>with a link in it</a>.</p>"
        )

    def test_container_holding_the_headline_is_rejected(self):
        """A "related" class on a wrapper around the whole story is not a block."""
        tree = LexborHTMLParser(
            '<html><body><div class="has-related"><h1>The story</h1>'
            "<p>Text <a href='/x'>a link with a long enough title</a></p></div></body></html>"
        )

        assert ((), []) == find_related(tree, base_url=BASE, now=NOW)

    def test_headline_class_with_a_query_substring(self):
        """A headline whose class holds a substring the page query looks for
        ("re" in "feature") still guards the wrapper around the story."""
        tree = LexborHTMLParser(
            '<html><body><div class="has-related"><h1 class="feature">The story</h1>'
            "<p>Text <a href='/x'>a link with a long enough title</a></p></div></body></html>"
        )

        assert ((), []) == find_related(tree, base_url=BASE, now=NOW)

    def test_headline_with_a_related_class_word(self):
        """A headline whose own class holds a related word ("thread" holds
        "read") still guards the wrapper around the story."""
        tree = LexborHTMLParser(
            '<html><body><div class="has-related"><h1 class="thread-title">The story</h1>'
            "<p>Text <a href='/x'>a link with a long enough title</a></p></div></body></html>"
        )

        assert ((), []) == find_related(tree, base_url=BASE, now=NOW)


class TestItems:
    def test_card_fields(self):
        """A card gives title (from its heading), source, age resolved against now, and teaser."""
        items, _ = rail()

        assert (
            RelatedItem(
                title="Bus lanes cut journey times by a fifth, study finds",
                url="https://metro.example/news/bus-lanes",
                source=Source(name="Transit Weekly"),
                published=items[0].published,
                body="Researchers tracked 40,000 journeys before and after the lanes opened last year.",
            )
            == items[0]
        )
        assert dt.datetime(2025, 7, 13, 15, 0, tzinfo=UTC) == items[0].published.value
        assert "hour" == items[0].published.granularity

    def test_time_element_datetime(self):
        """A <time datetime> in a card gives the exact time."""
        items, _ = rail()

        assert dt.datetime(2025, 7, 12, 9, 30, tzinfo=UTC) == items[1].published.value

    def test_title_suffix_gives_source_and_date(self):
        """ "Title – Publisher – date" gives the bare title, the publisher and the date."""
        items, _ = rail()

        assert (
            "E-scooter trial extended for another year",
            Source(name="Metro Daily"),
            dt.date(2025, 7, 10),
        ) == (
            items[2].title,
            items[2].source,
            items[2].published.value.date(),
        )

    def test_base_href_and_dedupe(self):
        """Relative links follow <base href>; a url listed twice gives one item."""
        items, _ = rail()

        assert [
            "https://metro.example/news/bus-lanes",
            "https://other.example/2025/parking-fees",
            "https://metro.example/news/e-scooters",
            "https://metro.example/news/heatwave",
            "https://metro.example/news/stadium",
        ] == [i.url for i in items]

    def test_containers_returned_for_exclusion(self):
        """The rail and the "Most read" block are returned; the article and nav are not."""
        _, nodes = rail()

        assert [("section", "c-related-articles"), ("div", "footer-links")] == [
            (n.tag, n.attributes.get("class")) for n in nodes
        ]

    def test_ages_need_now(self):
        """Without now, ages stay unresolved; absolute times are still read."""
        items, _ = related(
            '<ul class="related"><li><a href="/a">Bank of Japan holds rates steady</a> <span>3 hours ago</span></li>'
            '<li><a href="/b">Markets fall after the decision</a> <time datetime="2025-07-01">July 1</time></li></ul>',
            now=None,
        )

        assert [None, dt.date(2025, 7, 1)] == [
            i.published and i.published.value.date() for i in items
        ]

    def test_relative_link_without_base(self):
        """A relative link with no base url gives an item without url."""
        items, _ = related(
            '<ul class="related"><li><a href="/a">Bank of Japan holds rates steady</a></li></ul>',
            base_url=None,
        )

        assert [("Bank of Japan holds rates steady", None)] == [
            (i.title, i.url) for i in items
        ]

    def test_navigation_links_skipped(self):
        """ "Read more" and "See all" links are not items."""
        items, _ = related(
            '<div class="related"><a href="/a">Bank of Japan holds rates steady</a>'
            '<a href="/all">See all</a><a href="/more">Read more »</a></div>'
        )

        assert ["Bank of Japan holds rates steady"] == [i.title for i in items]


HTML_PIECES = st.sampled_from(
    [
        "<div class='related'>",
        "</div>",
        "<ul>",
        "<li>",
        "</li>",
        "</ul>",
        "<h2>",
        "</h2>",
        "Related stories",
        "Most read",
        "<a href='",
        "/x",
        "https://a.example/y",
        "'>",
        "</a>",
        "A headline with enough words",
        "<time datetime='",
        "2024-01-01",
        "3 hours ago",
        "<h1>",
        "</h1>",
        "<base href='",
        "http://[::1",
        "<p>",
        "</p>",
        " – DW – 07/13/2025",
        "<span class='source'>",
        "</span>",
    ]
)


CLASS_VALUES = st.lists(
    st.sampled_from(
        [
            "related",
            "RELATED",
            "reLated",
            "recirc",
            "rec\u0130rc",
            "popular",
            "POPULAR",
            "more",
            "MoRe",
            "read",
            "re",
            "trending",
            "teaser",
            "\u212aore",
            "-",
            " ",
            "x",
        ]
    ),
    max_size=4,
).map("".join)


class TestQuery:
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["div", "section", "ul", "base", "h2", "a"]),
                st.one_of(st.none(), CLASS_VALUES),
                st.one_of(st.none(), CLASS_VALUES),
            ),
            max_size=8,
        )
    )
    def test_selection_is_the_container_selector(self, elements):
        """The cheaper page query, checked in Python, keeps exactly the
        elements that CONTAINER_SELECTOR matches (ASCII case folding only)."""
        html = "".join(
            f"<{tag}"
            + (f' class="{cls}"' if cls is not None else "")
            + (f' id="{ident}"' if ident is not None else "")
            + f">x</{tag}>"
            for tag, cls, ident in elements
        )
        tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
        # a query lists an element once per selector of the list it matches
        expected = list(
            dict.fromkeys(node.mem_id for node in tree.css(CONTAINER_SELECTOR))
        )

        actual = list(
            dict.fromkeys(
                node.mem_id for node in tree.css(_QUERY) if _selected(node.attributes)
            )
        )

        assert expected == actual


class TestNeverRaises:
    @given(st.text(max_size=400))
    def test_arbitrary_text(self, text):
        """find_related returns a tuple of items and a list of nodes for any text."""
        items, nodes = find_related(LexborHTMLParser(text), base_url=None, now=NOW)

        assert (tuple, list) == (type(items), type(nodes))

    @given(
        st.lists(st.one_of(HTML_PIECES, st.text(max_size=8)), max_size=80),
        st.sampled_from([None, BASE, "not a url", "http://[::1"]),
        st.sampled_from([None, NOW]),
    )
    def test_html_like(self, pieces, base_url, now):
        """find_related never raises on HTML-like soup, whatever the base url and now."""
        items, _ = find_related(
            LexborHTMLParser("".join(pieces)), base_url=base_url, now=now
        )

        assert all(isinstance(item, RelatedItem) for item in items)
