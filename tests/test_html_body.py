"""
Tests for choosing the article body of HTML pages: one synthetic page per
failure class (a banner, an author bio or a single block taken for the
article; a body split across sections; list-heavy and table-heavy
articles), and the rules behind them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import newsdump

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def parse(name: str) -> newsdump.Article:
    return newsdump.parse_html((FIXTURES / name).read_bytes())


def reasons(article: newsdump.Article, text: str) -> list[str]:
    """The filter/reason of each removal whose text contains *text*."""
    return [f"{r.filter}/{r.reason}" for r in article.removed if text in r.text]


def chars(*texts: str) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace())


class TestWholeArticle:
    def test_banner_is_not_the_article(self):
        """
        A page builder wraps every paragraph in a "widget" block: the class
        holds all the prose, so it is a layout class; the promotion banner
        above, the only text outside the widgets, is left out.
        """
        article = parse("body-banner.html")

        assert len(article.paragraphs) == 4
        assert article.paragraphs[0].startswith("The community garden")
        assert article.paragraphs[-1].startswith("Plots will be allocated")
        assert not any("Winter sale" in p for p in article.paragraphs)
        assert reasons(article, "Winter sale") == ["outside_article/outside-article"]

    def test_bio_is_not_the_article(self):
        """
        Long link lists sink the article's score below a two-sentence author
        bio; the element that holds the page's prose is the article instead.
        """
        article = parse("body-bio.html")

        assert article.paragraphs[0].startswith("Learning to program")
        assert article.paragraphs[-1].startswith("Whichever path you choose")
        assert "University courses" in article.paragraphs
        assert not any("Sam Okafor" in p for p in article.paragraphs)
        assert reasons(article, "Sam Okafor") == ["outside_article/outside-article"]

    def test_body_split_across_sections(self):
        """The best section is not the whole article: its siblings join."""
        article = parse("body-sections.html")
        text = "\n".join(article.paragraphs)

        assert "What is the project?" in article.paragraphs
        assert "The project is a new back end" in text
        assert "This month's work" in article.paragraphs
        assert "Build times went down by a fifth" in text
        for index in article.headings:
            assert article.paragraphs[index] in {
                "What is the project?",
                "This month's work",
                "How to help",
            }

    def test_list_heavy_article(self):
        """
        Short list items (pros and cons) and linked section headings stay,
        the headings on lines of their own; the newsletter prompt goes.
        """
        article = parse("body-lists.html")
        headings = [article.paragraphs[i] for i in article.headings]

        assert headings == ["Ridge Runner 6", "Mud Lark Pro", "How we tested"]
        assert article.paragraphs.count("Pros") == 2
        assert article.paragraphs.count("Cons") == 2
        assert "Grippy on wet rock" in article.paragraphs
        assert "Firm ride on roads" in article.paragraphs
        assert reasons(article, "gear reviews every Friday") == [
            "boilerplate_class/newsletter"
        ]

    def test_table_heavy_article(self):
        """Every row of the scores table stays; "8.2/10" is not a date."""
        article = parse("body-table.html")

        assert "Desk Stability Speed Noise Score" in article.paragraphs
        rows = [p for p in article.paragraphs if p.endswith("/10")]
        assert len(rows) == 6
        assert "Lift One 9.0 8.5 7.0 8.2/10" in rows
        assert not any("Our team has reviewed" in p for p in article.paragraphs)

    @pytest.mark.parametrize(
        "name",
        [
            "body-banner.html",
            "body-bio.html",
            "body-sections.html",
            "body-lists.html",
            "body-table.html",
        ],
    )
    def test_conservation(self, name):
        """Kept, captioned and removed text is the page's visible text."""
        page = (FIXTURES / name).read_bytes()
        article = newsdump.parse_html(page)
        visible = newsdump.visible_text(page)

        accounted = chars(
            *article.paragraphs,
            *(c.text for c in article.captions),
            *(c.credit or "" for c in article.captions),
            *(r.text for r in article.removed),
        )
        title = [b for b in visible.split("\n") if b == article.title]
        assert chars(visible) == accounted + chars(*title[:1])
        for removal in article.removed:
            assert removal.text == visible[removal.start : removal.end]


PARAGRAPH = (
    "<p>The harbour authority said on Monday that the new ferry terminal would "
    "open in June, two months later than planned, because the steel for its "
    "roof arrived late from the mill.</p>"
)


class TestRules:
    def test_react_streaming_segment_is_shown(self):
        """
        React sends delayed parts of the page in a hidden element with id
        ``S:`` and a number, and its script shows them; other hidden
        elements stay hidden.
        """
        page = (
            '<html><body><template id="B:0"></template>'
            f'<div hidden id="S:0"><article>{PARAGRAPH}</article></div>'
            '<div hidden id="menu"><p>Secret menu</p></div></body></html>'
        )
        article = newsdump.parse_html(page)

        assert article.paragraphs[0].startswith("The harbour authority")
        assert "Secret menu" not in newsdump.visible_text(page)

    def test_comment_content_class_is_a_comment(self):
        """A comment's ``comment-content`` box is furniture, though it says
        ``content``, when comments share the article's container."""
        comment = (
            '<li class="comment"><div class="comment-content"><p>I took this '
            "ferry last week and the old terminal really is falling apart, so the "
            "delay is a shame.</p></div></li>"
        )
        page = (
            "<html><body><div class='post'>"
            f"{PARAGRAPH * 3}<ol class='comment-list'>{comment}</ol>"
            "</div></body></html>"
        )
        article = newsdump.parse_html(page)

        assert len(article.paragraphs) == 3
        assert reasons(article, "I took this ferry") == ["boilerplate_class/comments"]

    def test_furniture_word_on_a_small_part_stays_furniture(self):
        """A widget class on a box beside the article, holding little of the
        page's prose, still marks furniture."""
        page = (
            "<html><body><div class='main'>"
            f"{PARAGRAPH * 4}</div><div class='widget'><p>Our newsroom has "
            "covered the coast since 1921 and is owned by its readers.</p></div>"
            "</body></html>"
        )
        article = newsdump.parse_html(page)

        assert len(article.paragraphs) == 4
        assert not any("newsroom" in p for p in article.paragraphs)

    def test_heading_id_is_an_anchor(self):
        """A heading's id made of its words names no furniture."""
        page = (
            "<html><body><article>"
            f"{PARAGRAPH}<h2 id='why-use-social-shopping'>Why use social "
            f"shopping?</h2>{PARAGRAPH}<div id='social'><p>Share this</p></div>"
            "</article></body></html>"
        )
        article = newsdump.parse_html(page)

        assert [article.paragraphs[i] for i in article.headings] == [
            "Why use social shopping?"
        ]
        assert reasons(article, "Share this") == ["boilerplate_class/share-buttons"]

    def test_long_paragraph_printed_twice_is_a_copy(self):
        """A carousel clones its slides: a long paragraph repeated word for
        word goes the second time; a short repeated line stays."""
        quote = (
            "<p>The staff could not have been kinder to us when our daughter "
            "was ill last winter. The nurse called back within the hour, the "
            "doctor explained every step of the treatment twice without ever "
            "making us feel rushed, and the receptionist found us an "
            "appointment on a Saturday morning. We have recommended the "
            "practice to every family we know.</p>"
        )
        slide = f"<div class='slide'>{quote}<p>Dana K.</p></div>"
        page = (
            f"<html><body><article>{PARAGRAPH}{slide}{slide}{slide}"
            "</article></body></html>"
        )
        article = newsdump.parse_html(page)

        assert sum(p.startswith("The staff could not") for p in article.paragraphs) == 1
        assert article.paragraphs.count("Dana K.") == 3
        assert reasons(article, "The staff could not") == [
            "repeated_blocks/repeated-block",
            "repeated_blocks/repeated-block",
        ]

    def test_numeric_date_keeps_one_separator(self):
        """A date line still goes; a score with mixed separators is no date."""
        page = (
            "<html><body><article>"
            f"{PARAGRAPH}<p>12/05/2024</p><ul><li>Battery 7.4/10</li></ul>"
            "</article></body></html>"
        )
        article = newsdump.parse_html(page)

        assert reasons(article, "12/05/2024") == ["date_line/date-line"]
        assert "Battery 7.4/10" in article.paragraphs
