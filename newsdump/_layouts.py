"""
Layouts: how a kind of text dump is laid out, described as data.

A `Layout` names the headings that open a related-stories section, the
lines a site prints around its articles (furniture), and the order of the
lines that make up one related item.
`parse_text` picks the first layout whose related heading occurs in the
dump, or the last layout (the generic fallback) if none does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from newsdump._lang.headings import all_headings, all_prefixes
from newsdump._lang.page_ends import (
    all_count_words,
    all_end_lines,
    all_end_prefixes,
)

__all__ = [
    "AGGREGATOR_LAYOUT",
    "DEFAULT_LAYOUTS",
    "GENERIC_LAYOUT",
    "ItemField",
    "Layout",
]

ItemField = Literal["source", "age", "source-echo", "title", "source-age", "body"]
"""One line of a related item: the publisher, its age ("3 hours ago"), the
publisher repeated after a dash ("- DW"), the headline, the publisher and
the age on one line ("DW · 3 hours ago"), or the text."""


def _casefolded(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.casefold().strip() for v in values)


def _folded_lines(values: Iterable[str]) -> frozenset[str]:
    """Whole lines as the parser folds them: case-folded, without final
    dots, ellipses, colons and spaces, and with straight apostrophes."""
    return frozenset(
        v.casefold().replace("’", "'").strip().rstrip(".…: ") for v in values
    )


def _folded_prefixes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.casefold().replace("’", "'").strip() for v in values)


def _fields(values: Iterable[ItemField]) -> tuple[ItemField, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Layout:
    """
    How one kind of dump is laid out.

    Every field is data: to teach newsdump a new site, build a `Layout` and
    pass ``layouts=(my_layout, *DEFAULT_LAYOUTS)``.

    Args:
        name: A short name for the layout, used in removal details.
        related_headings: Whole lines (compared case-insensitively) that
            open a related-stories section, such as ``"Related Articles"``.
        related_prefixes: Line beginnings that open such a section, such as
            ``"More from "`` (for "More from DW").
        furniture: Whole lines (case-insensitive) that this site prints
            around its articles and that are never content.
        navigation: Whole lines (case-insensitive) that are site menus; they
            are never taken for the title.
        item_fields: The order of the lines of one related item.
            Every field is optional; the parser matches a line to a field
            only if it has the field's shape.
        title_min_words: A headline has at least this many words; shorter
            lines before it are navigation.
        title_max_chars: A headline has at most this many characters.
        subtitle_max_chars: The line after the headline is the standfirst if
            it is at most this long; 0 means the layout has no standfirst.
        menu_max_words: Lines of at most this many words, without final
            punctuation, that come in runs of *menu_run* or more are menus.
        menu_run: How many such short lines in a row make a menu.
        link_run: How many lines in a row that read like links (not prose,
            at most 120 characters, no sentence end), some longer than a
            menu item, make a list of teasers or footer links when no line
            ending in a colon introduces them and no prose follows; 0 never.
        later_body_share: Related headings cut a dump into stretches; the
            body is the first stretch with prose, unless a later one has a
            run of *later_body_lines* prose lines in a row with more than
            this many times the characters of the first one's longest run
            (rails and cookie notices above an article).
        later_body_lines: The shortest such run, in lines.
        article_ends: Whole lines (case-insensitive) that close an article
            on a whole page: a comment section, an author box, a newsletter
            prompt or a "related posts" rail begins.
        article_end_prefixes: Line beginnings that do the same ("About the
            author ...").
        comment_counts: Words that, after a number, head a comment section
            ("12 comments").
        article_gap: After the body's longest run of prose lines, this many
            lines in a row without prose (twice as many after a prose line
            ending in a colon, which announces a list) end the article
            (teaser lists and footers of a whole page), unless a run of
            *later_body_lines* prose lines follows; the lines after its
            last prose line, up to the related section, are removed as
            ``after-article``.
            0 keeps the body going to the related section.
        resume_share: After such a gap, the article also goes on if the
            rest holds at least four prose lines with at least this share
            of the prose characters before the gap, and fewer date lines
            than half of them (a list-heavy article, not a teaser rail).
    """

    name: str
    related_headings: tuple[str, ...] = attrs.field(default=(), converter=_casefolded)
    related_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_casefolded)
    furniture: tuple[str, ...] = attrs.field(default=(), converter=_casefolded)
    navigation: tuple[str, ...] = attrs.field(default=(), converter=_casefolded)
    item_fields: tuple[ItemField, ...] = attrs.field(
        default=("source", "age", "source-echo", "title", "source-age", "body"),
        converter=_fields,
    )
    article_ends: frozenset[str] = attrs.field(
        default=frozenset(), converter=_folded_lines
    )
    article_end_prefixes: tuple[str, ...] = attrs.field(
        default=(), converter=_folded_prefixes
    )
    comment_counts: tuple[str, ...] = attrs.field(
        default=(), converter=_folded_prefixes
    )
    title_min_words: int = 3
    title_max_chars: int = 250
    subtitle_max_chars: int = 400
    menu_max_words: int = 4
    menu_run: int = 3
    link_run: int = 5
    later_body_share: float = 2.0
    later_body_lines: int = 3
    article_gap: int = 10
    resume_share: float = 0.5

    def is_related_heading(self, folded: str) -> bool:
        """
        Tell whether a line opens a related-stories section.

        Args:
            folded: The line, stripped and case-folded.

        Returns:
            Whether it is one of *related_headings* or starts with one of
            *related_prefixes* followed by the end of a word.
        """
        if folded in self.related_headings:
            return True
        return any(_starts_with_words(folded, p) for p in self.related_prefixes)

    def is_article_end(self, folded: str) -> bool:
        """
        Tell whether a line closes an article (see *article_ends*).

        Args:
            folded: The line, stripped and case-folded, without final dots,
                ellipses, colons and spaces.

        Returns:
            Whether it is one of *article_ends*, starts with one of
            *article_end_prefixes* followed by the end of a word, or is a
            number followed by one of *comment_counts*.
        """
        if "’" in folded:
            folded = folded.replace("’", "'")
        if folded in self.article_ends:
            return True
        if folded[:1].isdigit():
            count, _, rest = folded.partition(" ")
            if count.isdigit() and any(
                _starts_with_words(rest, w) for w in self.comment_counts
            ):
                return True
        return any(_starts_with_words(folded, p) for p in self.article_end_prefixes)


def _starts_with_words(text: str, prefix: str) -> bool:
    """Whether *text* starts with *prefix* and a word ends there ("more on"
    opens "more on dw", not "more online")."""
    if not text.startswith(prefix):
        return False
    return len(text) == len(prefix) or not text[len(prefix)].isalnum()


_RELATED_HEADINGS = all_headings()
_RELATED_PREFIXES = all_prefixes()

_NAVIGATION = (
    "Skip to content",
    "Skip to main content",
    "Skip to navigation",
    "Menu",
    "Main menu",
    "Search",
    "Home",
    "Sign in",
    "Sign up",
    "Log in",
    "Login",
    "Register",
    "Subscribe",
    "Account",
    "My account",
    "Newsletters",
    "Close",
    "Open menu",
    "Toggle navigation",
)

AGGREGATOR_LAYOUT = Layout(
    name="aggregator",
    related_headings=("Related Articles",),
    navigation=_NAVIGATION,
    item_fields=("source", "age", "source-echo", "title", "source-age", "body"),
    article_ends=all_end_lines(),
    article_end_prefixes=all_end_prefixes(),
    comment_counts=all_count_words(),
)
"""News aggregator pages: headline, standfirst, paragraphs, then "Related
Articles" with items printed as source, age, "- source", headline, text."""

GENERIC_LAYOUT = Layout(
    name="generic",
    related_headings=_RELATED_HEADINGS,
    related_prefixes=_RELATED_PREFIXES,
    navigation=_NAVIGATION,
    item_fields=("source", "age", "source-echo", "title", "source-age", "body"),
    article_ends=all_end_lines(),
    article_end_prefixes=all_end_prefixes(),
    comment_counts=all_count_words(),
    subtitle_max_chars=300,
)
"""Any other dump, such as the text of a whole web page: navigation lines,
headline, paragraphs, related lists under common headings (in English,
German, French, Spanish, Italian, Dutch and Portuguese), footer."""

DEFAULT_LAYOUTS: tuple[Layout, ...] = (AGGREGATOR_LAYOUT, GENERIC_LAYOUT)
"""The layouts `parse_text` tries, in order; the last one is the fallback."""
