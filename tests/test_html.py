"""
Tests for the HTML parser's main-content extraction: blocks, the article
container, HTML filters, captions, and text/HTML agreement.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdump
from newsdump import filters
from newsdump._html_filters import (
    BoilerplateClass,
    MaxLinkDensity,
    date_line,
    figure_captions,
    furniture_text,
    prompts,
    split_credit,
    token_words,
)

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def chars(*texts: str) -> Counter[str]:
    """The characters of *texts* other than white space, as a multiset."""
    return Counter(c for text in texts for c in text if not c.isspace())


class TestLayouts:
    def test_live_blog_keeps_entries_and_their_headings(self):
        """A live blog keeps every entry's heading and text, in page order."""
        article = newsdump.parse_html(load("content-liveblog.html"))

        headings = [article.paragraphs[i] for i in article.headings]

        assert [
            "Bridge on the old road closed",
            "Trains suspended between the two towns",
            "Flood warnings upgraded",
        ] == headings
        assert 7 == len(article.paragraphs)
        assert not any(
            "Most read" in p or "Valley Herald" in p for p in article.paragraphs
        )

    def test_live_blog_drops_entry_times_and_navigation(self):
        """Entry times, the menu and the sidebar are removed, with reasons."""
        article = newsdump.parse_html(load("content-liveblog.html"))

        reasons = {r.text: r.reason for r in article.removed}

        assert "date-line" == reasons["16:40"]
        assert "outside-article" == reasons["Weather"]
        assert "16:40" not in article.paragraphs

    def test_amp_page(self):
        """An AMP page gives its paragraphs without ads, share bars or menus."""
        article = newsdump.parse_html(load("content-amp.html"))

        assert "Harbour seals return to the estuary" == article.title
        assert 3 == len(article.paragraphs)
        assert article.paragraphs[0].startswith("A colony of harbour seals")
        assert {"Advertisement", "Share this article", "Home"} <= {
            r.text for r in article.removed
        }

    def test_comments_are_not_the_article(self):
        """Reader comments, even longer than the article, are removed."""
        article = newsdump.parse_html(load("content-comments.html"))

        assert 3 == len(article.paragraphs)
        assert all(
            "library" in p or "Sunday" in p or "towns" in p for p in article.paragraphs
        )
        removed = " ".join(r.text for r in article.removed)
        assert "Volunteers could help run the desk" in removed

    def test_structure_inside_the_article(self):
        """Headings, list items, table rows and quotes inside the article stay."""
        article = newsdump.parse_html(load("content-structure.html"))

        assert ["Income tax", "Fuel duty"] == [
            article.paragraphs[i] for i in article.headings
        ]
        assert "The basic rate stays at twenty per cent." in article.paragraphs
        assert "Basic 20%" in article.paragraphs
        assert any(
            p.startswith("This is a budget for working") for p in article.paragraphs
        )
        assert "What the new budget means for you" == article.title
        assert "What the new budget means for you" not in article.paragraphs

    def test_furniture_is_removed_with_its_reason(self):
        """Cookie banner, byline, ad, video notice, newsletter and share bar go."""
        article = newsdump.parse_html(load("content-furniture.html"))

        reasons = {r.text[:20]: r.reason for r in article.removed}

        assert 3 == len(article.paragraphs)
        assert "outside-article" == reasons["We use cookies to im"]
        assert "advertising" == reasons["Advertisement"]
        assert "video" == reasons["To view this video p"]
        assert "newsletter" == reasons["Sign up for our free"]
        assert "share-buttons" == reasons["Facebook"]
        assert "date-line" == reasons["Published 12 March 2"]


class TestCaptions:
    def test_figure_captions_with_credits(self):
        """Figure captions move to captions, split from their credit."""
        article = newsdump.parse_html(load("content-captions.html"))

        assert (
            newsdump.Caption(
                text="Ash rises above the crater on Monday morning.",
                credit="Jane Doe/AFP",
            ),
            newsdump.Caption(
                text="Scientists leave the island by boat", credit="Reuters"
            ),
            newsdump.Caption(
                text="A satellite image of the ash plume.", credit="Getty Images"
            ),
        ) == article.captions
        assert 4 == len(article.paragraphs)

    @pytest.mark.parametrize(
        ("text", "caption", "credit"),
        [
            ("A cat. Photo: J Doe/AFP", "A cat.", "J Doe/AFP"),
            ("Smoke over Kyiv (Reuters)", "Smoke over Kyiv", "Reuters"),
            (
                "The minister speaks. Getty Images",
                "The minister speaks.",
                "Getty Images",
            ),
            (
                "Crowds gather. AP Photo/John Smith",
                "Crowds gather.",
                "AP Photo/John Smith",
            ),
            ("Cars in a row (Photo by Jane Roe)", "Cars in a row", "Jane Roe"),
            (
                "Pickers near the river Lena Hart/Reuters",
                "Pickers near the river",
                "Lena Hart/Reuters",
            ),
            ("A man (left) talks", "A man (left) talks", None),
            ("Choose either/or here", "Choose either/or here", None),
        ],
    )
    def test_split_credit(self, text, caption, credit):
        """Credits at the end of a caption are split off; other text stays."""
        assert newsdump.Caption(text=caption, credit=credit) == split_credit(text)

    def test_caption_filter_ignores_text_dump_blocks(self):
        """A block without a tag (a dump line) is never taken for a caption."""
        block = filters.Block(text="Smoke rises (Reuters)", role="caption")

        assert None is figure_captions(block)


class TestTextAgreement:
    @pytest.mark.parametrize("field", ["title", "subtitle", "paragraphs", "captions"])
    def test_same_page_as_html_and_as_text(self, field):
        """The HTML page and its text dump give the same article fields."""
        html = newsdump.parse_html(load("content-agreement.html"))
        text = newsdump.parse_text(load("content-agreement.txt"))

        assert getattr(text, field) == getattr(html, field)

    def test_user_filter_works_on_both_inputs(self):
        """One user filter removes the same paragraph from HTML and text."""

        def no_prices(block: filters.Block) -> filters.Decision | None:
            if block.text.startswith("Prices at the farm gate"):
                return filters.Decision(keep=False, reason="prices")
            return None

        chain = (*filters.DEFAULT_FILTERS, no_prices)
        html = newsdump.parse_html(load("content-agreement.html"), filters=chain)
        text = newsdump.parse_text(load("content-agreement.txt"), filters=chain)

        assert text.paragraphs == html.paragraphs
        assert 3 == len(html.paragraphs)
        assert ["no_prices"] == [r.filter for r in html.removed if r.reason == "prices"]


class TestBlocks:
    PAGE = (
        '<html><body><div id="main" class="Story-Body">'
        "<h1>Headline of the page</h1>"
        '<p class="lead">First paragraph with <a href="/x">a link</a> in it.</p>'
        "<ul><li>One item of a list</li></ul>"
        "<figure><figcaption>A caption. Photo: A B/AFP</figcaption></figure>"
        "</div></body></html>"
    )

    def blocks(self, html: str) -> list[filters.Block]:
        seen: list[filters.Block] = []

        def spy(block: filters.Block) -> None:
            seen.append(block)

        newsdump.parse_html(html, filters=(spy,))
        return seen

    def test_block_fields(self):
        """Blocks carry tag, lower-cased class/id tokens, link density, role."""
        blocks = self.blocks(self.PAGE)

        by_text = {b.text: b for b in blocks}
        lead = by_text["First paragraph with a link in it."]
        assert "p" == lead.tag
        assert "paragraph" == lead.role
        assert ("lead", "newsdump-article", "story-body", "main") == lead.classes
        # link density counts characters other than white space: 5 of 28
        assert lead.link_density == pytest.approx(5 / 28, abs=0.001)
        assert "list-item" == by_text["One item of a list"].role
        assert "caption" == by_text["A caption. Photo: A B/AFP"].role
        assert "title" == by_text["Headline of the page"].role
        assert [0, 1, 2, 3] == [b.index for b in blocks]
        assert {4} == {b.count for b in blocks}
        assert lead.depth > 0

    def test_offsets_are_into_the_visible_text(self):
        """Block and removal offsets point into `visible_text`."""
        page = (FIXTURES / "content-furniture.html").read_text(encoding="utf-8")
        visible = newsdump.visible_text(page)
        article = newsdump.parse_html(page)

        assert article.removed
        for removal in article.removed:
            assert removal.text == visible[removal.start : removal.end]

    def test_html_filters_never_judge_text_dump_blocks(self):
        """Every HTML filter returns None for a block without a tag."""
        block = filters.Block(
            text="Share this article",
            role="furniture",
            classes=("share",),
            link_density=1.0,
        )

        for flt in newsdump.filters.DEFAULT_FILTERS[:9]:
            assert None is flt(block)

    def test_every_removal_names_its_filter_and_reason(self):
        """Each removed piece has a filter name and a kebab-case reason."""
        article = newsdump.parse_html(load("content-liveblog.html"))

        assert article.removed
        for removal in article.removed:
            assert removal.filter
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", removal.reason)

    def test_data_table_rows_are_blocks(self):
        """A table of data gives one block per row, cells in order."""
        assert "Band Rate\nBasic 20%" == newsdump.visible_text(
            "<table><tr><th>Band</th><th>Rate</th></tr>"
            "<tr><td>Basic</td><td>20%</td></tr></table>"
        )

    def test_stripped_blocks_do_not_make_a_layout_table(self):
        """A paragraph inside a stripped element (a button) in a cell does
        not turn a data table into a layout table."""
        assert "Band Rate\nBasic 20%\nafter" == newsdump.visible_text(
            "<table><tr><th>Band</th><th>Rate</th></tr>"
            "<tr><td>Basic<button><p>Sort</p></button></td><td>20%</td></tr>"
            "</table><p>after</p>"
        )

    def test_stripped_elements_leave_no_marks(self):
        """Blocks, links and breaks inside stripped elements leave no trace
        in the text, and the blocks around them keep their order."""
        assert "one\ntwo\nthree" == newsdump.visible_text(
            "<p>one</p><dialog><p>x</p><a href=/>y</a><br></dialog>"
            "<p>two</p><svg><foreignObject><div>z</div></foreignObject></svg>"
            "<p>three</p>"
        )

    def test_stray_mark_characters_in_the_page(self):
        """Noncharacters the parser uses as marks, written in a page, do not
        leak into the text nor lose any of it."""
        text = newsdump.visible_text(
            "<p>a\ufdd0b</p><p>c\ufdd01\ufdd5d</p><p>e\ufdd5f</p>"
            "<div>g<p>h</p>\ufdd099999\ufdd5i\ufdd1</div><p>j</p>"
        )

        assert "abcdefghij" == re.sub(r"\s", "", text)

    def test_hidden_elements_are_not_text(self):
        """Elements hidden by attribute or style are not part of the page."""
        assert "shown" == newsdump.visible_text(
            '<p>shown</p><p hidden>gone</p><div style="display: none">gone</div>'
        )


BODY = (
    "<p>The regional council approved the new flood defences on Thursday after a "
    "debate that lasted most of the afternoon and evening.</p>"
    "<p>Work on the first section of the wall along the river will begin in the "
    "spring and should be finished before the next winter storms.</p>"
    "<p>Residents who live closest to the river said they were relieved, although "
    "some worried about the noise from the building work.</p>"
)


class TestContainer:
    def test_teasers_next_to_the_article_are_left_out(self):
        """A list of teasers beside the body, in the same column, is dropped."""
        teasers = "".join(
            f'<li><a href="/{i}">Headline number {i} about something</a> '
            "A short teaser that describes the other story in a sentence.</li>"
            for i in range(6)
        )
        page = (
            '<div class="column"><div class="breaking"><ul>'
            f"{teasers}</ul></div>"
            f'<div class="story-text">{BODY}</div></div>'
        )

        article = newsdump.parse_html(page)

        assert 3 == len(article.paragraphs)
        assert all("teaser" not in p for p in article.paragraphs)

    def test_too_wide_related_container_keeps_the_article(self):
        """A related-items element that holds the article does not remove it."""
        from selectolax.lexbor import LexborHTMLParser

        from newsdump._html import build_blocks

        tree = LexborHTMLParser(
            f'<div class="wrap"><div class="body">{BODY}</div></div>'
        )
        wide = tree.css_first("div.wrap")

        blocks = build_blocks(tree, related=[wide])

        assert ["paragraph"] * 3 == [b.role for b in blocks]

    def test_given_json_ld_texts_give_the_same_blocks(self):
        """build_blocks reads the articleBody hint from ld_json when given,
        with the same blocks as when it finds the scripts itself."""
        from selectolax.lexbor import LexborHTMLParser

        from newsdump._html import _article_body_hint, build_blocks

        body = BODY.replace("<p>", " ").replace("</p>", " ")
        script = json.dumps({"@type": "NewsArticle", "articleBody": body})
        page = (
            f'<script type="application/ld+json">{script}</script>'
            f'<div class="teaser"><p>{"Short teaser text here. " * 4}</p></div>'
            f"<div>{BODY}</div>"
        )

        expected = build_blocks(LexborHTMLParser(page))
        actual = build_blocks(LexborHTMLParser(page), ld_json=[script])
        # the texts are read, not the (here empty) tree
        hint = _article_body_hint(LexborHTMLParser(""), [script])

        assert expected == actual
        assert " ".join(re.findall(r"\w+", body)) == hint

    def test_embedded_post_is_content(self):
        """A quoted tweet inside the article stays, whatever wraps it."""
        page = (
            f'<article>{BODY}<div class="social-embed"><blockquote class="twitter-tweet">'
            "<p>The wall is finally happening, and about time too.</p>"
            '<a href="https://x.example/status/1">June 1, 2024</a></blockquote></div>'
            "</article>"
        )

        article = newsdump.parse_html(page)

        assert (
            "The wall is finally happening, and about time too." in article.paragraphs
        )

    def test_standfirst_goes_but_subheads_stay(self):
        """A standfirst paragraph is removed; a subheadline heading is kept."""
        page = (
            "<article><h1>Council backs flood wall</h1>"
            '<p class="standfirst">The vote ends a two-year argument.</p>'
            f'{BODY}<h2 class="subheadline">What happens next?</h2>{BODY}</article>'
        )

        article = newsdump.parse_html(page)

        assert ["What happens next?"] == [
            article.paragraphs[i] for i in article.headings
        ]
        assert "The vote ends a two-year argument." not in article.paragraphs
        assert ["standfirst"] == [
            r.reason for r in article.removed if r.text.startswith("The vote")
        ]


class TestFilters:
    def test_token_words_split_on_runs_of_separators(self):
        """A class token splits on runs of -, _, : and ., with no empty words."""
        assert [
            ("story", "body", "text"),
            ("a", "b", "c", "d"),
            ("x",),
            (),
            ("nav",),
        ] == [
            token_words(token)
            for token in ("story-body__text", "a.b:c_-d", "--x__", "-_:.", "nav")
        ]

    def test_boilerplate_class_reads_only_inside_the_article(self):
        """Furniture words outside the article container do not drop text."""
        flt = BoilerplateClass()
        inside = filters.Block(
            text="x", tag="p", classes=("share-bar", "newsdump-article")
        )
        outside = filters.Block(
            text="x", tag="p", classes=("newsdump-article", "comments-open-wrap")
        )

        assert "share-buttons" == flt(inside).reason
        assert None is flt(outside)

    def test_link_density_allows_links_in_sentences(self):
        """A sentence may carry more links than a menu entry."""
        flt = MaxLinkDensity()
        sentence = filters.Block(
            text="The mayor said the plan was approved last night.",
            tag="p",
            link_density=0.7,
        )
        menu = filters.Block(text="World news", tag="li", link_density=0.7)

        assert None is flt(sentence)
        assert "link-density" == flt(menu).reason

    @pytest.mark.parametrize(
        "text",
        [
            "Nov 19, 2019 8:41 AM UTC / By Phil Helsel",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05",
            "20 Nov 2019 08:00 GMT",
            "16:40",
        ],
    )
    def test_date_lines(self, text):
        """Lines that only give a date, a time or a byline are dropped."""
        assert (
            "date-line"
            == date_line(filters.Block(text=text, tag="p", role="paragraph")).reason
        )

    def test_sentence_with_a_date_stays(self):
        """A sentence that mentions a date is text, not a date line."""
        block = filters.Block(
            text="On May 5, the council voted to close the school.",
            tag="p",
            role="paragraph",
        )

        assert None is date_line(block)

    def test_prompts(self):
        """Follow and subscribe prompts are dropped; text about them is not."""
        prompt = filters.Block(text="Follow us on Twitter and Facebook", tag="p")
        text = filters.Block(text="Critics follow the minister closely.", tag="p")

        assert "prompt" == prompts(prompt).reason
        assert None is prompts(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Folgen Sie uns auf X",
            "Abonnez-vous à notre newsletter",
            "Síguenos en Instagram",
        ],
    )
    def test_prompts_in_other_languages(self, text):
        """Follow and subscribe prompts in the languages newsdump knows are dropped."""
        assert "prompt" == prompts(filters.Block(text=text, tag="p")).reason

    @pytest.mark.parametrize("text", ["Lesen Sie auch", "Leia também:", "Leggi anche"])
    def test_related_heading_is_furniture(self, text):
        """A lone related-stories heading is furniture, wherever it stands."""
        decision = furniture_text(filters.Block(text=text, tag="h2", role="heading"))

        assert ("furniture-text", "related-stories heading") == (
            decision.reason,
            decision.detail,
        )

    def test_sentence_starting_like_a_related_heading_stays(self):
        """Only the heading itself goes, not a sentence that begins like one."""
        block = filters.Block(
            text="Leggi anche il rapporto completo del comune sul ponte nuovo.", tag="p"
        )

        assert None is furniture_text(block)

    @pytest.mark.parametrize(
        ("text", "phrase"),
        [
            ("Anzeige", "anzeige"),
            ("Lire la suite »", "lire la suite"),
            ("Leer más", "leer más"),
        ],
    )
    def test_furniture_text_in_other_languages(self, text, phrase):
        """Ad labels and "read more" links in other languages are furniture."""
        decision = furniture_text(filters.Block(text=text, tag="p"))

        assert ("furniture-text", phrase) == (decision.reason, decision.detail)


WORDS = ["river", "bridge", "council", "storm", "water", "town", "road", "school"]
CLASSES = [
    "",
    "article-body",
    "comments",
    "share",
    "sidebar",
    "content",
    "caption",
    "nav",
]
TAGS = ["div", "p", "span", "a", "section", "li", "h2", "figure", "figcaption", "td"]


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    cls = draw(st.sampled_from(CLASSES))
    attr = f' class="{cls}"' if cls else ""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.booleans()):
            parts.append(
                " ".join(
                    draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
                )
            )
        else:
            parts.append(draw(html_trees(depth + 1)))
    return f"<{tag}{attr}>{' '.join(parts)}</{tag}>"


class TestProperties:
    @given(st.text(max_size=2000))
    def test_never_raises_on_strings(self, text):
        """Any string gives an Article or a NewsdumpError, nothing else."""
        try:
            article = newsdump.parse_html(text)
        except newsdump.NewsdumpError:
            return
        assert isinstance(article, newsdump.Article)

    @given(st.binary(max_size=2000))
    def test_never_raises_on_bytes(self, data):
        """Any bytes give an Article or a NewsdumpError, nothing else."""
        try:
            article = newsdump.parse_html(data)
        except newsdump.NewsdumpError:
            return
        assert isinstance(article, newsdump.Article)

    @given(st.lists(html_trees(), min_size=1, max_size=4))
    def test_conservation_of_visible_text(self, trees):
        """Kept + captions + removed text is the visible text, white space aside."""
        page = "<html><body>" + "".join(trees) + "</body></html>"
        article = newsdump.parse_html(page)

        visible = newsdump.visible_text(page)
        accounted = chars(
            article.title or "",
            *article.paragraphs,
            *(c.text for c in article.captions),
            *(c.credit or "" for c in article.captions),
            *(r.text for r in article.removed),
        )
        assert chars(visible) == accounted
        for removal in article.removed:
            assert removal.text == visible[removal.start : removal.end]
