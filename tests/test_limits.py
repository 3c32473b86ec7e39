"""
Tests for newsdump._limits: the size limit and the HTML depth pre-pass.
"""

from __future__ import annotations

import time

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import newsdump
from newsdump._html import _parse_tree
from newsdump._limits import (
    _TAG_REST,
    DEFAULT_LIMITS,
    FORMATTING_BUDGET,
    MAX_FORMATTING,
    OPTIMISTIC_TAGS,
    Limits,
    _end_of_tag,
    _tag_end,
    check_size,
    deeper_than,
    formatting_tags,
    limit_depth,
    scan_depth,
)


def tree_depth(html: str | LexborHTMLParser) -> int:
    """The depth of the tree Lexbor builds, counting <html> as 1."""
    tree = LexborHTMLParser(html) if isinstance(html, str) else html
    root = tree.root
    best = 0
    stack = [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        best = max(best, depth)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return best


N = 1500
# Inputs whose real tree grows with N, each built to defeat a naive counter
# of opening and closing tags.
HOSTILE = {
    "nested divs": "<div>" * N,
    "self-closing divs": "<div/>" * N,
    "self-closing after svg breakout": "<svg><div>" + "<div/>" * N,
    "end tags ignored across tables": "<div><table><td></div></table></td>" * N,
    "end tags ignored past specials": "<span><div></span></div>" * N,
    "misnested formatting": "<b><div></b>" * N,
    "abrupt comments": "<!--><div>" * N,
    "leading = in attribute name": '<a ="' + "<div>" * N + '">',
    "slash in unquoted value": '<a b=c/d="' + "<div>" * N + '">',
    "svg font is not raw": "<svg><font><style>" + "<div>" * N,
    "annotation-xml": "<math><annotation-xml><style>" + "<div>" * N,
    "reconstructed formatting": "<b><i><u><s>" * 200 + "<p>x</p>" * N,
    "nested tables": "<table><tr><td><table>" * N,
    "select": "<select><option><div>" * N,
    "formatting clones": "<a><b><i>" * N,
    "svg title": "<svg><title>" + "<div>" * N,
    "noscript": "<noscript>" + "<div>" * N,
    "cdata outside foreign content": "<svg><![CDATA[>" + "<div>" * N,
}

# Sloppy but ordinary markup: implied end tags keep the estimate shallow.
SHALLOW = {
    "unclosed paragraphs": "<p>x" * N,
    "unclosed list items": "<ul>" + "<li><p>x" * N,
    "unclosed cells": "<table>" + "<tr><td>x<td>y" * N,
    "unclosed headings": "<h1>a<h2>b<h3>c" * N,
    "unclosed definitions": "<dl>" + "<dt>a<dd>b" * N,
    "unclosed options": "<select>" + "<option>a" * N,
    "repeated links": '<a href="x">a' * N,
}


class TestLimits:
    def test_defaults(self):
        """The defaults are 32 Mi characters, depth 512, raise, flatten."""
        assert (32 * 1024 * 1024, "raise", 512, "flatten") == attrs.astuple(Limits())

    def test_exported(self):
        """Limits is public as newsdump.Limits."""
        assert newsdump.Limits is Limits

    @pytest.mark.parametrize("field", ["max_size", "max_depth"])
    def test_rejects_zero(self, field):
        """A limit below 1 is a programming error (ValueError)."""
        with pytest.raises(ValueError, match=field):
            Limits(**{field: 0})

    def test_rejects_bool(self):
        """True is not a size."""
        with pytest.raises(TypeError, match="max_size"):
            Limits(max_size=True)

    def test_rejects_unknown_policy(self):
        """on_oversize takes only "raise" or "truncate"."""
        with pytest.raises(ValueError, match="on_oversize"):
            Limits(on_oversize="ignore")  # type: ignore[arg-type]

    def test_none_switches_off(self):
        """None disables both limits."""
        limits = Limits(max_size=None, max_depth=None)
        html = "<div>" * 1000

        assert html == limit_depth(check_size(html, limits), limits)


class TestCheckSize:
    def test_under_limit_is_unchanged(self):
        """Input within the limit is returned as is."""
        data = "x" * 10

        assert data is check_size(data, Limits(max_size=10))

    def test_over_limit_raises(self):
        """Longer input raises LimitError, a ParseError and ValueError."""
        with pytest.raises(LimitError) as info:
            check_size("x" * 11, Limits(max_size=10))

        assert isinstance(info.value, newsdump.ParseError)
        assert isinstance(info.value, ValueError)
        assert "offset 10" == info.value.locator
        assert "11 characters, over the limit of 10" in str(info.value)

    def test_bytes_are_counted_in_bytes(self):
        """For bytes the message says bytes."""
        with pytest.raises(LimitError, match="11 bytes"):
            check_size(b"x" * 11, Limits(max_size=10))

    def test_truncates_text(self):
        """With on_oversize='truncate', text is cut to max_size."""
        limits = Limits(max_size=4, on_oversize="truncate")

        assert "abcd" == check_size("abcdef", limits)

    def test_truncates_utf8_at_a_character_boundary(self):
        """Truncated UTF-8 bytes still decode: no half character."""
        data = "aé€😀z".encode()
        for limit in range(1, len(data)):
            cut = check_size(data, Limits(max_size=limit, on_oversize="truncate"))

            assert cut.decode() == data.decode()[: len(cut.decode())]
            assert len(cut) <= limit

    def test_truncates_utf16_to_whole_units(self):
        """UTF-16 with a BOM is cut to an even length."""
        data = "\ufeffabc".encode("utf-16-le")
        cut = check_size(data, Limits(max_size=5, on_oversize="truncate"))

        assert b"\xff\xfea\x00" == cut

    def test_parse_functions_apply_it(self):
        """parse_html, parse_text and parse raise LimitError over the
        limit."""
        limits = Limits(max_size=100)
        with pytest.raises(LimitError):
            newsdump.parse_html("<p>" + "x" * 200, limits=limits)
        with pytest.raises(LimitError):
            newsdump.parse_text(b"x" * 200, limits=limits)
        with pytest.raises(LimitError):
            newsdump.parse("<p>" + "x" * 200, limits=limits)


LimitError = newsdump.LimitError


class TestLimitDepth:
    def test_shallow_html_is_unchanged(self):
        """A page within the limit is returned as the same object."""
        html = "<html><body><div><p>Hi <b>there</b></p></div></body></html>"

        assert html is limit_depth(html)

    def test_drops_excess_tags_and_keeps_text(self):
        """Tags past max_depth go; the text inside them stays."""
        html = "<div>" * 5 + "deep" + "</div>" * 5 + "after"
        out = limit_depth(html, Limits(max_depth=3))

        assert "<div><div><div>deep</div></div></div>after" == out

    def test_raise_mode(self):
        """on_too_deep='raise' raises LimitError at the first excess tag."""
        limits = Limits(max_depth=3, on_too_deep="raise")
        with pytest.raises(LimitError) as info:
            limit_depth("<div>" * 5, limits)

        assert "offset 15" == info.value.locator
        assert "deeper than 3" in str(info.value)

    def test_parse_html_flattens_deep_pages(self):
        """parse_html returns the text of a page nested 20,000 deep."""
        article = newsdump.parse_html("<div>" * 20_000 + "<p>Deep text here.</p>")

        assert "Deep text here." in article.text

    def test_tags_in_comments_scripts_and_attributes_do_not_count(self):
        """Markup that is not markup does not add depth."""
        html = (
            "<!--" + "<div>" * 50 + "-->"
            "<script>" + "'<div>'" * 50 + "</script>"
            '<a title="' + "<div>" * 50 + '">x</a>'
            "<textarea>" + "<div>" * 50 + "</textarea>"
        )

        assert 1 == scan_depth(html).depth

    @pytest.mark.parametrize("name", sorted(HOSTILE))
    def test_hostile_nesting_is_bounded(self, name):
        """After the guard, Lexbor's tree is at most a few levels deeper
        than max_depth, whatever trick the input uses."""
        html = HOSTILE[name]
        guarded = limit_depth(html, Limits(max_depth=100))

        assert tree_depth(guarded) <= 100 + 8

    @pytest.mark.parametrize("name", sorted(SHALLOW))
    def test_implied_end_tags_keep_ordinary_markup_intact(self, name):
        """Unclosed <p>, <li>, <td>... are not mistaken for deep nesting."""
        html = SHALLOW[name]

        assert html is limit_depth(html, Limits(max_depth=20))

    @given(
        st.lists(
            st.sampled_from(
                [
                    "<div>",
                    "</div>",
                    "<span>",
                    "</span>",
                    "<b>",
                    "</b>",
                    "<p>",
                    "</p>",
                    "<table>",
                    "<td>",
                    "</td>",
                    "</table>",
                    "<svg>",
                    "</svg>",
                    "<li>",
                    "<div/>",
                    "<a>",
                    "</a>",
                    "<!--",
                    "-->",
                    "<script>",
                    "</script>",
                    "<template>",
                    "</template>",
                    "<math>",
                    "<mi>",
                    "<select>",
                    "<option>",
                    "<font>",
                    "<style>",
                    "</style>",
                    "<title>",
                    "<br>",
                    "x",
                    " ",
                    '"',
                    "'",
                    "=",
                    "<a =",
                    "<foreignObject>",
                    "<h1>",
                    "<tr>",
                ]
            ),
            max_size=400,
        )
    )
    def test_random_tag_soup_is_bounded(self, parts):
        """For any soup of tags, the guarded tree is at most max_depth + 8
        deep."""
        guarded = limit_depth("".join(parts), Limits(max_depth=10))

        assert tree_depth(guarded) <= 10 + 8

    @given(st.text(alphabet=" \t\n/=\"'<>ab`", max_size=40))
    def test_fast_tag_scan_agrees_with_the_state_machine(self, rest):
        """The one-regex tag scan ends each tag where the exact tokenizer
        does."""
        fast = _TAG_REST.match(rest)
        exact, _ = _end_of_tag(rest, 0)
        if fast is not None:
            assert exact == fast.end()
        assert exact == _tag_end(rest, 0)

    def test_default_limits_object(self):
        """None means DEFAULT_LIMITS."""
        html = "<div>" * (DEFAULT_LIMITS.max_depth or 0) + "<div>x"

        assert limit_depth(html, None) == limit_depth(html, DEFAULT_LIMITS)


UNLIMITED = Limits(max_depth=None)


class TestParseGuard:
    """parse_html parses small pages first and guards them only if deep."""

    @pytest.mark.parametrize("name", sorted(HOSTILE))
    def test_small_and_large_pages_flatten_like_the_pre_pass(self, name):
        """Whichever path a hostile page takes, the article is the one the
        pre-pass alone gives."""
        html = HOSTILE[name]
        limits = Limits(max_depth=100)

        expected = newsdump.parse_html(limit_depth(html, limits), limits=UNLIMITED)
        actual = newsdump.parse_html(html, limits=limits)

        assert expected == actual

    @pytest.mark.parametrize("name", sorted(HOSTILE))
    def test_parsed_tree_is_bounded(self, name):
        """The tree parse_html works on is at most max_depth + 8 deep."""
        tree = _parse_tree(HOSTILE[name], Limits(max_depth=100))

        assert tree_depth(tree) <= 100 + 8

    def test_both_paths_are_taken(self):
        """The hostile inputs include pages under and over OPTIMISTIC_TAGS."""
        counts = [html.count("<") for html in HOSTILE.values()]

        assert min(counts) <= OPTIMISTIC_TAGS < max(counts)

    @pytest.mark.parametrize("extra", [-1, 0, 1, 2])
    def test_at_and_just_over_the_limit(self, extra):
        """A page nested max_depth - 1 .. max_depth + 2 deep gives the
        article of its pre-passed string."""
        html = "<div>" * (DEFAULT_LIMITS.max_depth or 0) + "<div>" * extra
        html += "<p>Deep text here.</p>"

        expected = newsdump.parse_html(limit_depth(html), limits=UNLIMITED)
        actual = newsdump.parse_html(html)

        assert expected == actual
        assert "Deep text here." in actual.text

    def test_tree_within_the_limit_is_kept(self):
        """A page exactly max_depth deep is not flattened."""
        tree = _parse_tree("<div>" * 511 + "<p>x</p>")

        assert ("p", "x") == (tree.css_first("div p").tag, tree.body.text())

    def test_tree_over_the_limit_is_flattened(self):
        """A page one level too deep loses the tag too deep, not its
        text."""
        tree = _parse_tree("<div>" * 512 + "<p>x</p>")

        assert (None, "x") == (tree.css_first("p"), tree.body.text())

    @pytest.mark.parametrize("count", [600, OPTIMISTIC_TAGS + 1])
    def test_raise_mode_on_small_and_large_pages(self, count):
        """on_too_deep='raise' raises at the first tag too deep, on either
        path."""
        limits = Limits(on_too_deep="raise")
        html = "<div>" * count
        with pytest.raises(LimitError) as expected:
            limit_depth(html, limits)
        with pytest.raises(LimitError) as actual:
            newsdump.parse_html(html, limits=limits)

        assert "offset 2560" == expected.value.locator
        assert expected.value.locator == actual.value.locator

    def test_small_page_deeper_only_by_estimate_is_kept(self):
        """The real tree decides for small pages: markup the estimate
        counts as deep but Lexbor does not nest is neither cut nor refused."""
        html = "<p>Before.</p><svg><![CDATA[>" + "<div>" * 600 + "</svg>"
        limits = Limits(on_too_deep="raise")
        with pytest.raises(LimitError):
            limit_depth(html, limits)

        expected = newsdump.parse_html(html, limits=UNLIMITED)
        actual = newsdump.parse_html(html, limits=limits)

        assert expected == actual
        assert "Before." in actual.text


class TestDeeperThan:
    @pytest.mark.parametrize("max_depth", [1, 3, 512])
    def test_matches_only_past_max_depth(self, max_depth):
        """The selector finds an element at max_depth + 1, not at
        max_depth."""
        selector = deeper_than(max_depth)
        within = LexborHTMLParser("<div>" * max_depth)
        over = LexborHTMLParser("<div>" * (max_depth + 1))

        assert (None, "div") == (
            within.css_first(selector),
            getattr(over.css_first(selector), "tag", None),
        )


def reopened(count: int, paragraphs: int) -> str:
    """*count* distinct unclosed <b> tags, then *paragraphs* paragraphs."""
    return "<p>" + "".join(f"<b id={i}>" for i in range(count)) + "<p>x" * paragraphs


class TestFormattingGuard:
    def test_counts_formatting_start_tags(self) -> None:
        """Start tags of formatting elements are counted, <a> and end tags not."""
        html = "<B class=x>a</b><i>b</i><a href=y><strong>c</strong><span>d</span>"

        assert 3 == formatting_tags(html)

    @pytest.mark.parametrize(
        "name",
        [
            "b",
            "BIG",
            "Code",
            "em",
            "font",
            "I",
            "s",
            "small",
            "sTrike",
            "strong",
            "tt",
            "U",
        ],
    )
    def test_counts_every_formatting_name(self, name: str) -> None:
        """Each formatting element is counted, in any case, with any separator."""
        html = f"<{name}>a</{name}><{name} class=x><{name}/><{name}\n>"

        assert 4 == formatting_tags(html)

    @pytest.mark.parametrize(
        "name",
        [
            "br",
            "body",
            "button",
            "bdi",
            "span",
            "section",
            "script",
            "sub",
            "sup",
            "img",
            "iframe",
            "ul",
            "em2",
            "embed",
            "track",
            "tbody",
            "codex",
            "fonts",
        ],
    )
    def test_other_names_not_counted(self, name: str) -> None:
        """Tags whose names merely start like a formatting element are not counted."""
        assert 0 == formatting_tags(f"<{name}>x</{name}><{name} id=y>")

    def test_excess_open_formatting_tags_dropped(self) -> None:
        """Only MAX_FORMATTING formatting elements may stay open; text stays."""
        html = reopened(20, 5)
        guarded = limit_depth(html)

        assert (MAX_FORMATTING, "xxxxx") == (
            guarded.count("<b "),
            LexborHTMLParser(guarded).body.text(),  # type: ignore[union-attr]
        )

    def test_closed_formatting_tags_kept(self) -> None:
        """Formatting elements that are closed again never count against the bound."""
        html = "<p>" + "<b>bold</b> <i>it</i> " * 200 + "</p>"

        assert html is limit_depth(html)

    def test_raise_mode_still_drops_formatting(self) -> None:
        """Excess formatting tags hold no text, so raise mode drops them quietly."""
        guarded = limit_depth(reopened(20, 2), Limits(on_too_deep="raise"))

        assert MAX_FORMATTING == guarded.count("<b ")

    def test_small_page_with_many_formatting_tags_is_guarded(self) -> None:
        """A page under OPTIMISTIC_TAGS but over FORMATTING_BUDGET is guarded first."""
        html = reopened(100, 3000)
        assert html.count("<") <= OPTIMISTIC_TAGS
        assert html.count("<") * formatting_tags(html) > FORMATTING_BUDGET

        last = _parse_tree(html).css("p")[-1]

        assert MAX_FORMATTING == len(last.css("b"))

    def test_reopening_attack_is_cheap(self) -> None:
        """4,000 open <b> and 4,000 paragraphs (16 s and 7 GB unguarded) parse fast."""
        html = reopened(4000, 3999)
        assert html.count("<") <= OPTIMISTIC_TAGS
        start = time.process_time()
        article = newsdump.parse_html(html)

        assert 3999 == len(article.paragraphs)
        assert time.process_time() - start < 5
