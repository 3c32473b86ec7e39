"""
The HTML parser: selectolax (Lexbor) DOM to blocks, main-content selection,
the filter chain, and the `Article`.

It turns the page into `Block`s (one per paragraph-like piece of text),
finds the element that holds the article by scoring every block-level
element on the text it contains, marks the blocks outside it, and leaves
every keep/drop decision to the same filter chain as the text parser.

For speed the DOM is not walked node by node in Python: block elements,
links and line breaks get marker characters inserted around them, lexbor
renders the body's text once, and the markers are read back to cut the
text into blocks and to rebuild the element tree around them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Sequence
from html import unescape
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from newsdump import times
from newsdump._chain import Block, Filter, Outcome, run_chain
from newsdump._check import check_page
from newsdump._exceptions import ParseError
from newsdump._html_filters import (
    ARTICLE_HINTS,
    BOILERPLATE_WORDS,
    PROSE_FURNITURE,
    REPEAT_MARK,
    is_state,
    token_words,
)
from newsdump._limits import (
    DEFAULT_LIMITS,
    FORMATTING_BUDGET,
    OPTIMISTIC_TAGS,
    Limits,
    check_size,
    deeper_than,
    formatting_tags,
    limit_depth,
)
from newsdump._models import Article, Caption, Removal, Source, Timestamp

__all__ = ["build_blocks", "parse_html", "visible_text"]


SKIP_TAGS = frozenset(
    {
        "area",
        "audio",
        "base",
        "button",
        "canvas",
        "datalist",
        "dialog",
        "embed",
        "head",
        "iframe",
        "img",
        "input",
        "link",
        "map",
        "math",
        "meta",
        "noscript",
        "object",
        "option",
        "picture",
        "script",
        "select",
        "source",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
        "track",
        "video",
    }
)
"""Elements whose content is not page text (scripts, media, form controls)."""

INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
    }
)
"""Elements that continue the text of their block."""

ATOMIC_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "pre", "caption"}
)
"""Block elements whose whole content is one block."""

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

SECTION_HEADINGS = HEADING_TAGS - {"h1"}

LEAF_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "figcaption"}
)
"""Paragraph-level elements: they hold text, never an article."""

FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form", "menu"})
"""Elements that hold page furniture, whatever their class."""

HIDDEN_SELECTOR = (
    '[hidden]:not([id^="S:"]), [style*="display:none"], [style*="display: none"], '
    '[style*="visibility:hidden"], [style*="visibility: hidden"]'
)
"""Elements the browser does not show; they are not part of the page text.

A ``hidden`` element whose id is ``S:`` and a number is an exception: React's
streaming server rendering sends the content of a delayed part of the page
in such an element, and the page's script moves it into place (its
``<template id="B:...">`` placeholder) at once, so the browser shows it.
"""

LAYOUT_TABLE_SELECTOR = ", ".join(
    f"{cell} {inner}"
    for cell in ("td", "th")
    for inner in (
        *("p", "div", "table", "ul", "ol", "blockquote", "pre", "section"),
        *("article", "h1", "h2", "h3", "h4", "h5", "h6"),
    )
)
"""A table holding any of these lays out a page; its cells are blocks."""

SHORT_BLOCK = 60
"""Blocks shorter than this (characters) count little when scoring."""

LINK_LIST_DENSITY = 0.5
"""Blocks with more link text than this count against their container."""

ARTICLE_BODY_MIN = 300
"""A JSON-LD ``articleBody`` shorter than this is not used as a hint."""

ARTICLE_BONUS = 1.2
"""Score multiplier for elements that say they are the article."""

NARROW_SHARE = 0.8
"""A child holding this share of the container's score replaces it."""

SIBLING_SHARE = 0.2
"""Siblings of the container scoring above this share of its score join it."""

LIST_WEIGHT = 0.3
"""List items (teaser lists, link lists) count this much of their text."""

FURNITURE_AGAINST = 0.5
"""Text under furniture counts this much of its value against the elements
above the furniture."""

FURNITURE_MALUS = 0.3
"""Score multiplier for elements whose class or tag says furniture."""

PROSE_MIN = 80
"""A block shorter than this (characters) is not prose."""

PROSE_FULL = 400
"""A prose block this long counts fully; a shorter one counts the less the
shorter it is (a slogan or a teaser line is not a paragraph)."""

PROSE_LINK_DENSITY = 0.3
"""A block with more link text than this is not prose."""

LAYOUT_SHARE = 0.5
"""A furniture class token on elements that hold this share of the page's
prose is a layout class (a page builder's "widget"), not furniture."""

PROSE_ELSEWHERE = 0.5
"""An article container holding less than this share of the page's prose is
checked again."""

PROSE_REGION = 2.0
"""The element holding the page's prose replaces a container that holds
less than half of it if it holds this many times the container's prose."""

PROSE_REGION_MIN = 1000
"""A page with less prose than this (characters) has no prose region."""

ARTICLE_MARK = "newsdump-article"
"""Class token added to the classes of blocks in the article container.

Filters read class tokens only from a block out to the container, so a
furniture-like class on the container or around it does not drop the
article.
"""

REPEAT_MIN = 300
"""A block of the article this long (characters) or longer that repeats an
earlier one word for word is marked `REPEAT_MARK` (shorter texts, such as a
list item or a question put to each interviewee, may repeat for real)."""

_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
_SENTENCE_STOP = re.compile(r"[.!?…][\"”’)]?(?:\s|$)")
_WORD = re.compile(r"\w+")


@attrs.define
class _Box:
    """A block-level element met during the walk."""

    tag: str
    parent: int
    depth: int
    tokens: tuple[str, ...]
    flags: int
    score: float = 0.0
    chain: tuple[str, ...] | None = None


# flags of a box, inherited by the boxes below it
_F_QUOTE = 1
_F_FIGURE = 2
_F_RELATED = 4
_F_NEGATIVE = 8  # this element itself has a furniture class or tag
_F_POSITIVE = 16  # this element itself says it is the article
_F_CAPTION = 32
_F_LIST = 64
_F_UNDER_FURNITURE = 128  # an ancestor has a furniture class or tag
_INHERITED = _F_QUOTE | _F_FIGURE | _F_CAPTION | _F_LIST | _F_UNDER_FURNITURE


@attrs.define
class _Raw:
    """A block before offsets and roles are known."""

    text: str
    box: int
    link_chars: int
    chars: int


def _squash(text: str) -> str:
    return " ".join(text.split())


@functools.lru_cache(maxsize=8192)
def _token_flags(token: str) -> int:
    """What one class token says about its element (cached: tokens repeat)."""
    words = token_words(token)
    if is_state(token, words):
        return 0
    if token in ARTICLE_HINTS:
        return _F_POSITIVE
    flags = _F_CAPTION if "caption" in words else 0
    if not BOILERPLATE_WORDS.keys().isdisjoint(words):
        flags |= _F_NEGATIVE
    return flags


_TAG_FLAGS = {
    "blockquote": _F_QUOTE,
    "figure": _F_FIGURE,
    "figcaption": _F_CAPTION,
    "ul": _F_LIST,
    "ol": _F_LIST,
    "li": _F_LIST,
    "dl": _F_LIST,
    "article": _F_POSITIVE,
    **dict.fromkeys(FURNITURE_TAGS, _F_NEGATIVE),
}
"""What an element's tag alone says about it."""


@functools.lru_cache(maxsize=16384)
def _element_info(
    tag: str, cls: str | None, ident: str | None, itemprop: str | None
) -> tuple[tuple[str, ...], int]:
    """
    Class/id tokens and flags of an element (cached: pages repeat them);
    a heading's id is left out.

    An element that says it is the article (its tag, ``itemprop`` or a
    class token) is not furniture.
    """
    tokens = tuple(cls.lower().split()) if cls else ()
    if ident and tag not in HEADING_TAGS:
        # a heading's id is an anchor made of its words ("why-social-
        # shopping"), not a name for what the element is
        tokens += (ident.lower().strip(),)
    flags = _TAG_FLAGS.get(tag, 0)
    if itemprop == "articleBody":
        flags |= _F_POSITIVE
    for token in tokens:
        flags |= _token_flags(token)
    if flags & _F_POSITIVE:
        flags &= ~_F_NEGATIVE
    return tokens, flags


# Markers put into the DOM as text so that lexbor, in C, renders the whole
# page in one call; the markers then tell where blocks and links start and
# end. They are Unicode noncharacters, which pages do not use for text; a
# stray one in a page is read as text or ignored, never trusted blindly.
_OPEN = "\ufdd0"  # _OPEN + element number + _OPEN_END starts a block element
_OPEN_END = "\ufdd5"
_CLOSE = "\ufdd1"
_LINK_OPEN = "\ufdd2"
_LINK_CLOSE = "\ufdd3"
_BREAK = "\ufdd4"
# The marks as UTF-8, which selectolax inserts without encoding them again.
_OPEN_FORMAT = (_OPEN + "%d" + _OPEN_END).encode()
_CLOSE_BYTES = _CLOSE.encode()
_LINK_OPEN_BYTES = _LINK_OPEN.encode()
_LINK_CLOSE_BYTES = _LINK_CLOSE.encode()
_BREAK_BYTES = _BREAK.encode()
# Any mark character, and the element number when it is a well-formed
# _OPEN (a leading character class lets the regex engine skip to the next
# mark in C; a stray _OPEN or _OPEN_END has no number and is ignored).
_MARKS = re.compile("([\ufdd0-\ufdd5])(?:(?<=\ufdd0)([0-9]{1,9})\ufdd5)?")

BLOCK_SELECTOR = (
    "address, article, aside, blockquote, caption, center, dd, details, "
    "dialog, div, dl, dt, fieldset, figcaption, figure, footer, form, "
    "h1, h2, h3, h4, h5, h6, header, hgroup, li, main, menu, nav, ol, p, "
    "pre, section, summary, table, td, th, tr, ul"
)
"""Elements that start a new block (the rest continue their block's text)."""

STRIP_TAGS = sorted(SKIP_TAGS - {"head"})

_STRIP = frozenset(STRIP_TAGS)
_BLOCK_TAGS = frozenset(BLOCK_SELECTOR.split(", "))
_BREAK_TAGS = frozenset({"br", "hr", "img"})


def _emit(
    parts: list[str], raws: list[_Raw], box: int, link_chars: int, solid: bool = True
) -> None:
    """
    Turn the text gathered in *parts* into a block of *box*, if it has any
    (*solid* is false when *parts* is known to hold only white space), and
    empty *parts*.
    """
    if solid:
        raw = "".join(parts)
        text = _squash(raw)
        if text:
            visible = len(raw) - raw.count(" ") - raw.count("\n")
            raws.append(_Raw(text, box, link_chars, visible))
    parts.clear()


class _Walker:
    """Cut a page's text into blocks and remember the elements around them."""

    def __init__(self, related: set[int]) -> None:
        self.related = related
        self.boxes: list[_Box] = [_Box("body", -1, 0, (), 0)]
        self.raws: list[_Raw] = []
        self.parts: list[str] = []
        self.link_chars = 0

    def flush(self, box: int) -> None:
        if self.parts:
            _emit(self.parts, self.raws, box, self.link_chars)
        self.link_chars = 0

    def walk(self, tree: LexborHTMLParser, root: LexborNode) -> None:
        """Mark block elements, links and breaks, render once, cut."""
        elements = self._mark(tree, root)
        pieces = _MARKS.split(root.text(deep=True))
        self._cut(pieces, elements)

    def _mark(
        self, tree: LexborHTMLParser, root: LexborNode
    ) -> list[tuple[str, tuple[str, ...], int, bool]]:
        """
        Drop non-text elements; put markers around block elements and links
        and before breaks.

        One pass over all elements: matching ``*`` and testing the tag in
        Python costs less than matching the long block selector in C (or
        one query per tag to strip).
        An element to strip is only unlinked, as ``strip_tags`` does, so
        the elements below it, met next, stay valid: the markers they get
        are never rendered.
        Tables are told apart (data or layout) once the pass has stripped
        their contents.
        """
        related = self.related
        elements = []
        tables: list[LexborNode] = []
        rows: list[tuple[int, int]] = []
        number = 0
        for node in root.css("*"):
            tag = node.tag
            if tag in _STRIP:
                node.decompose(recursive=False)
            elif tag in _BLOCK_TAGS:
                attributes = node.attributes
                tokens, flags = _element_info(
                    tag,
                    attributes.get("class"),
                    attributes.get("id"),
                    attributes.get("itemprop"),
                )
                if related and node.mem_id in related:
                    # not scored: only dropped if it does not hold the
                    # article (a related-items guess can be too wide)
                    flags |= _F_RELATED
                if tag == "table":
                    tables.append(node)
                elif tag == "tr":
                    rows.append((number, node.mem_id))
                elements.append((tag, tokens, flags, tag in ATOMIC_TAGS))
                node.insert_before(_OPEN_FORMAT % number)
                node.insert_after(_CLOSE_BYTES)
                number += 1
            elif tag == "a":
                node.insert_before(_LINK_OPEN_BYTES)
                node.insert_after(_LINK_CLOSE_BYTES)
            elif tag in _BREAK_TAGS:
                node.insert_before(_BREAK_BYTES)
        if rows:
            _atomic_data_rows(elements, tables, rows)
        del tree
        return elements

    def _cut(  # noqa: C901, PLR0912, PLR0915 - one dispatch loop over the marks
        self,
        pieces: list[str | None],
        elements: list[tuple[str, tuple[str, ...], int, bool]],
    ) -> None:
        """
        Read the rendered text and its marks into boxes and raw blocks.

        A block's visible characters (neither space nor newline) are
        counted once on its joined text; only text inside links is counted
        piece by piece.
        """
        stack = [0]
        atomic = 0  # nesting depth inside an atomic element, 0 if outside
        links = 0
        boxes = self.boxes
        parts = self.parts
        raws = self.raws
        link_chars = self.link_chars
        count = len(elements)
        # split() gives text, mark, element number, text, ... text
        it = iter(pieces)
        # whether *parts* holds more than white space (most text between
        # marks is the page source's indentation, which makes no block)
        solid = False
        for text, mark, number in zip(it, it, it, strict=False):
            if text:
                parts.append(text)
                if not solid:
                    solid = not text.isspace()
                if links:
                    link_chars += len(text) - text.count(" ") - text.count("\n")
            if number is not None:
                index = int(number)
                if index >= count:
                    continue
                if atomic:
                    atomic += 1
                    parts.append(" ")
                    continue
                if parts:
                    _emit(parts, raws, stack[-1], link_chars, solid)
                    solid = False
                    link_chars = 0
                tag, tokens, flags, is_atomic = elements[index]
                parent = boxes[stack[-1]]
                flags |= parent.flags & _INHERITED
                if parent.flags & _F_NEGATIVE and not flags & _F_POSITIVE:
                    flags |= _F_UNDER_FURNITURE
                stack.append(len(boxes))
                boxes.append(_Box(tag, stack[-2], parent.depth + 1, tokens, flags))
                atomic = 1 if is_atomic else 0
            elif mark == _CLOSE:
                if atomic > 1:
                    atomic -= 1
                    parts.append(" ")
                elif len(stack) > 1:
                    if parts:
                        _emit(parts, raws, stack[-1], link_chars, solid)
                        solid = False
                        link_chars = 0
                    stack.pop()
                    atomic = 0
            elif mark == _LINK_OPEN:
                links += 1
            elif mark == _LINK_CLOSE:
                links = max(0, links - 1)
            elif mark == _BREAK:
                if atomic:
                    parts.append(" ")
                elif parts:
                    _emit(parts, raws, stack[-1], link_chars, solid)
                    solid = False
                    link_chars = 0
        last = pieces[-1] if len(pieces) % 3 == 1 else None
        if last:
            parts.append(last)
            if links:
                link_chars += len(last) - last.count(" ") - last.count("\n")
        self.link_chars = link_chars
        self.flush(stack[-1])

    def chain(self, index: int, roots: set[int]) -> tuple[str, ...]:
        """
        Class tokens of box *index* and its ancestors, nearest first, with
        `ARTICLE_MARK` before the own tokens of the article's *roots*.
        """
        boxes = self.boxes
        box = boxes[index]
        if box.chain is not None:
            return box.chain
        if index == 0:
            own = (ARTICLE_MARK, *box.tokens) if index in roots else box.tokens
            box.chain = tuple(dict.fromkeys(own))
            return box.chain
        # up to the nearest box that knows its chain (the body's own tokens
        # are not inherited), then down again
        path = []
        while index > 0 and boxes[index].chain is None:
            path.append(index)
            index = boxes[index].parent
        outer = (boxes[index].chain or ()) if index > 0 else ()
        for index in reversed(path):
            box = boxes[index]
            own = (ARTICLE_MARK, *box.tokens) if index in roots else box.tokens
            # a chain has no repeats, so only new tokens need the check
            outer = box.chain = tuple(dict.fromkeys(own + outer)) if own else outer
        return outer


def _prose(raw: _Raw, tag: str) -> int:
    """
    The characters of *raw* that read as prose: 0 unless it has few links
    and is either a row of a data table or long and ends a sentence
    somewhere.
    """
    n = len(raw.text)
    if raw.link_chars > PROSE_LINK_DENSITY * raw.chars:
        return 0
    if tag == "tr":
        return n
    if n < PROSE_MIN or not _SENTENCE_STOP.search(raw.text):
        return 0
    # a paragraph counts more than its length's worth of one-liners
    return n if n >= PROSE_FULL else n * n // PROSE_FULL


@functools.lru_cache(maxsize=4096)
def _layout_candidate(token: str) -> bool:
    """Whether *token* names furniture that is not written in sentences."""
    if not _token_flags(token) & _F_NEGATIVE:
        return False
    reasons = {BOILERPLATE_WORDS.get(word) for word in token_words(token)}
    return PROSE_FURNITURE.isdisjoint(reasons)


def _page_prose(walker: _Walker) -> list[int]:
    """The prose characters of each block; a text met before counts 0 (a
    carousel or a repeated banner says one thing many times)."""
    seen: set[str] = set()
    prose = []
    boxes = walker.boxes
    for raw in walker.raws:
        chars = _prose(raw, boxes[raw.box].tag)
        if chars:
            if raw.text in seen:
                chars = 0
            else:
                seen.add(raw.text)
        prose.append(chars)
    return prose


def _prose_elsewhere(
    walker: _Walker, prose: list[int], container: int, outer: int
) -> bool:
    """Whether less than half of the page's prose is in the article found."""
    roots = _article_roots(walker, container, outer)
    inside = total = 0
    for raw, chars in zip(walker.raws, prose, strict=True):
        if chars:
            total += chars
            if _inside(walker, raw.box, roots):
                inside += chars
    return inside < PROSE_ELSEWHERE * total


def _checked_container(
    walker: _Walker, roles: list[str], hint: str | None
) -> tuple[int, int]:
    """
    `_choose_container`, checked against the page's prose: if the container
    holds less than half of it, layout classes are unflagged and the choice
    made again, then the element holding the prose may replace it.
    """
    prose = _page_prose(walker)
    outer, container = _choose_container(walker, roles, hint)
    if not _prose_elsewhere(walker, prose, container, outer):
        return outer, container
    if _unflag_layout(walker, prose):
        for box in walker.boxes:
            box.score = 0.0
        outer, container = _choose_container(walker, roles, hint)
        if not _prose_elsewhere(walker, prose, container, outer):
            return outer, container
    region = _prose_region(walker, prose, container, outer)
    if region is not None:
        return region, region
    return outer, container


def _prose_region(
    walker: _Walker, prose: list[int], container: int, outer: int
) -> int | None:
    """
    The element that holds the page's prose, if it holds `PROSE_REGION`
    times the prose of the container found: from the body down, the child
    holding at least half of the page's prose, as deep as there is one.
    Prose under furniture does not count.
    """
    boxes = walker.boxes
    held = [0] * len(boxes)
    for raw, chars in zip(walker.raws, prose, strict=True):
        if chars and not boxes[raw.box].flags & (_F_NEGATIVE | _F_UNDER_FURNITURE):
            held[raw.box] += chars
    for index in range(len(boxes) - 1, 0, -1):
        held[boxes[index].parent] += held[index]
    total = held[0]
    if total < PROSE_REGION_MIN:
        return None
    children: dict[int, list[int]] = {}
    for index in range(1, len(boxes)):
        children.setdefault(boxes[index].parent, []).append(index)
    region = 0
    while True:
        best = max(children.get(region, ()), key=held.__getitem__, default=None)
        if best is None or 2 * held[best] < total or boxes[best].tag in LEAF_TAGS:
            break
        region = best
    roots = _article_roots(walker, container, outer)
    found = sum(held[root] for root in roots)
    if region in roots or held[region] < PROSE_REGION * found:
        return None
    return region


def _unflag_layout(walker: _Walker, prose: list[int]) -> bool:
    """
    Stop believing furniture class tokens that wrap most of the page's prose.

    A page builder may give every part of the page, the article's
    paragraphs included, a class such as ``widget``: a token whose elements
    hold at least `LAYOUT_SHARE` of the prose (*prose*, per block) says how
    the page is laid out, not that its text is furniture. Such tokens are
    taken out of the boxes, and the furniture flags recomputed; tells
    whether there were any.
    """
    layout = _layout_tokens(walker, prose)
    if not layout:
        return False
    boxes = walker.boxes
    for index, box in enumerate(boxes):
        if not layout.isdisjoint(box.tokens):
            box.tokens = tuple(t for t in box.tokens if t not in layout)
            flags = box.flags & ~_F_NEGATIVE
            if box.tag in FURNITURE_TAGS or any(
                _token_flags(t) & _F_NEGATIVE for t in box.tokens
            ):
                flags |= _F_NEGATIVE
            if flags & _F_POSITIVE:
                flags &= ~_F_NEGATIVE
            box.flags = flags
        if index:
            parent = boxes[box.parent]
            flags = box.flags & ~_F_UNDER_FURNITURE
            flags |= parent.flags & _F_UNDER_FURNITURE
            if parent.flags & _F_NEGATIVE and not flags & _F_POSITIVE:
                flags |= _F_UNDER_FURNITURE
            box.flags = flags
    return True


def _layout_tokens(walker: _Walker, prose: list[int]) -> set[str]:
    """The furniture class tokens above `LAYOUT_SHARE` of the page's prose
    (never those of `PROSE_FURNITURE`)."""
    boxes = walker.boxes
    empty: frozenset[str] = frozenset()
    above: list[frozenset[str]] = []  # furniture tokens on a box and above it
    for box in boxes:
        outer = above[box.parent] if box.parent >= 0 else empty
        if box.flags & _F_NEGATIVE:
            own = {t for t in box.tokens if _layout_candidate(t)}
            outer = outer | own if own else outer
        above.append(outer)
    coverage: dict[str, int] = {}
    total = 0
    for raw, chars in zip(walker.raws, prose, strict=True):
        if chars:
            total += chars
            for token in above[raw.box]:
                coverage[token] = coverage.get(token, 0) + chars
    return {t for t, chars in coverage.items() if chars >= LAYOUT_SHARE * total}


def _atomic_data_rows(
    elements: list[tuple[str, tuple[str, ...], int, bool]],
    tables: list[LexborNode],
    rows: list[tuple[int, int]],
) -> None:
    """Make the rows of data tables atomic: one block per row."""
    data_rows: set[int] = set()
    for table in tables:
        if table.css_first(LAYOUT_TABLE_SELECTOR, default=None) is None:
            data_rows.update(row.mem_id for row in table.css("tr"))
    for index, row in rows:
        if row in data_rows:
            tag, tokens, flags, _ = elements[index]
            elements[index] = (tag, tokens, flags, True)


def _role(box: _Box) -> str:
    if box.tag in HEADING_TAGS:
        return "heading"
    if box.flags & (_F_CAPTION | _F_FIGURE):
        return "caption"
    if box.flags & _F_QUOTE:
        return "quote"
    if box.tag == "li" or box.flags & _F_LIST:
        return "list-item"
    return "paragraph"


def _value(raw: _Raw, role: str, hint: str | None) -> float:
    """What a block says about the element holding it being the article."""
    n = len(raw.text)
    density = raw.link_chars / raw.chars if raw.chars else 0.0
    if role in {"heading", "caption", "related"}:
        return 0.0
    if hint is not None and n >= SHORT_BLOCK // 2 and _words_of(raw.text) in hint:
        return 2.0 * n
    if density > LINK_LIST_DENSITY or n < SHORT_BLOCK:
        # from +n/2 (no links) down to -n (all links); short text
        # without a sentence end counts against
        value = n * (0.5 - 1.5 * density)
        if n < SHORT_BLOCK and not _SENTENCE_END.search(raw.text):
            value = min(value, -0.2 * n)
    else:
        value = n * (1.0 - 2.0 * density)
    if role == "list-item" and value > 0:
        value *= LIST_WEIGHT
    return value


def _choose_container(
    walker: _Walker, roles: list[str], hint: str | None
) -> tuple[int, int]:
    """
    The box whose subtree best matches the article (0 is the body), and the
    child it narrows to.
    """
    _score_boxes(walker, roles, hint)
    best, best_score = 0, float("-inf")
    for index, box in enumerate(walker.boxes):
        if box.tag in LEAF_TAGS:
            continue
        score = box.score
        if score > 0:
            if box.flags & (_F_NEGATIVE | _F_UNDER_FURNITURE):
                score *= FURNITURE_MALUS
            elif box.flags & _F_POSITIVE:
                score *= ARTICLE_BONUS
        if score > best_score:
            best, best_score = index, score
    return best, _narrow(walker, best)


def _score_boxes(walker: _Walker, roles: list[str], hint: str | None) -> None:
    """Add each block's value to the elements above it."""
    boxes = walker.boxes
    for raw, role in zip(walker.raws, roles, strict=True):
        value = _value(raw, role, hint)
        if not value:
            continue
        index = raw.box
        while index >= 0 and value > 0:
            box = boxes[index]
            box.score += value
            if box.flags & _F_NEGATIVE and not box.flags & _F_POSITIVE:
                # furniture text counts against everything above the
                # furniture, less than it counts for it: a long comment
                # thread under an article does not outweigh the article
                value = -FURNITURE_AGAINST * value
            index = box.parent
        while index >= 0:
            box = boxes[index]
            box.score += value
            index = box.parent


def _mark_related(walker: _Walker, roles: list[str], container: int) -> None:
    """Give role ``"related"`` to blocks under related-items elements."""
    boxes = walker.boxes
    above: set[int] = set()
    index = container
    while index >= 0:
        above.add(index)
        index = boxes[index].parent
    verdict: dict[int, bool] = {}
    for at, raw in enumerate(walker.raws):
        path = []
        index = raw.box
        found = False
        while index >= 0 and index not in verdict:
            path.append(index)
            if boxes[index].flags & _F_RELATED and index not in above:
                found = True
                break
            index = boxes[index].parent
        if not found and index >= 0 and index in verdict:
            found = verdict[index]
        for seen in path:
            verdict[seen] = found
        if found:
            roles[at] = "related"


def _inside(walker: _Walker, index: int, roots: set[int]) -> bool:
    boxes = walker.boxes
    while index >= 0:
        if index in roots:
            return True
        index = boxes[index].parent
    return False


def _article_roots(
    walker: _Walker, container: int, outer: int | None = None
) -> set[int]:
    """
    The container and those of its siblings that continue it: same tag and
    classes, or paragraphs, scoring at least `SIBLING_SHARE` of it (pages
    often split the body around an ad or a photo).
    If the container was narrowed down from *outer*, each element between
    them is checked the same way, and the highest one with siblings that
    continue it is taken with them instead (a body split into sections,
    of which the best one was chosen).
    """
    boxes = walker.boxes
    roots = {container}
    _add_siblings(walker, container, roots)
    if outer is not None and outer != container:
        index = boxes[container].parent
        while index >= 0:
            found = {index}
            _add_siblings(walker, index, found)
            if len(found) > 1:
                roots = found
            if index == outer:
                break
            index = boxes[index].parent
    return _with_headings(walker, roots)


def _with_headings(walker: _Walker, roots: set[int]) -> set[int]:
    """*roots* and the section headings (``h2`` to ``h6``) just before them,
    among their siblings: a heading outside the box of its section."""
    boxes = walker.boxes
    found = set(roots)
    for root in roots:
        parent = boxes[root].parent
        if parent < 0:
            continue
        index = root - 1
        # the previous sibling: the nearest earlier box with the same parent
        while index > parent and boxes[index].parent != parent:
            index -= 1
        if index > parent and boxes[index].tag in SECTION_HEADINGS:
            found.add(index)
    return found


def _add_siblings(walker: _Walker, chosen_index: int, roots: set[int]) -> None:
    boxes = walker.boxes
    chosen = boxes[chosen_index]
    if chosen.parent < 0:
        return
    floor = SIBLING_SHARE * chosen.score
    for index in range(chosen_index + 1, len(boxes)):
        box = boxes[index]
        if box.depth < chosen.depth:
            break
        if _continues(box, chosen, floor):
            roots.add(index)
    for index in range(chosen_index - 1, -1, -1):
        box = boxes[index]
        if box.depth < chosen.depth:
            break
        if _continues(box, chosen, floor):
            roots.add(index)


def _continues(box: _Box, chosen: _Box, floor: float) -> bool:
    if box.parent != chosen.parent:
        return False
    # a paragraph of prose next to the container is the article's, however
    # small beside it (the intro before a long body)
    if box.score <= floor and not (box.tag == "p" and box.score >= PROSE_MIN):
        return False
    if box.flags & (_F_NEGATIVE | _F_UNDER_FURNITURE):
        return False
    return box.tag == "p" or (
        box.tag == chosen.tag and _alike(box.tokens, chosen.tokens)
    )


def _alike(tokens: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Whether two elements' class tokens say they are the same kind of
    element: the same tokens, or the same first token and most of the rest
    (a page builder adds an id of its own to each block)."""
    if tokens == others:
        return True
    if not tokens or not others or tokens[0] != others[0]:
        return False
    shared = len(set(tokens) & set(others))
    return 2 * shared >= max(len(tokens), len(others))


def _narrow(walker: _Walker, best: int) -> int:
    """
    Go down from *best* to a child that holds nearly all of its score, so
    that a teaser block next to the article does not come with it.
    """
    boxes = walker.boxes
    children: dict[int, list[int]] = {}
    for index in range(best + 1, len(boxes)):
        box = boxes[index]
        if box.depth <= boxes[best].depth:
            break
        children.setdefault(box.parent, []).append(index)
    current = best
    while True:
        score = boxes[current].score
        if score <= 0:
            return current
        child = max(
            (
                c
                for c in children.get(current, ())
                if boxes[c].tag not in LEAF_TAGS
                and not boxes[c].flags & (_F_NEGATIVE | _F_UNDER_FURNITURE)
            ),
            key=lambda c: boxes[c].score,
            default=None,
        )
        if child is None or boxes[child].score < NARROW_SHARE * score:
            return current
        current = child


def _article_body_hint(
    tree: LexborHTMLParser, ld_json: Sequence[str] | None = None
) -> str | None:
    """The JSON-LD ``articleBody`` of the page, whitespace squashed."""
    if ld_json is None:
        scripts = tree.css('script[type="application/ld+json"]')
        ld_json = [script.text(deep=True) for script in scripts]
    for raw in ld_json:
        if "articleBody" not in raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        found = _find_key(data, "articleBody", 0)
        if found and len(found) >= ARTICLE_BODY_MIN:
            if "<" in found:
                found = LexborHTMLParser(found).text(separator=" ")
            return _words_of(unescape(found))
    return None


def _words_of(text: str) -> str:
    """*text* as its words only, for comparing texts whatever their markup."""
    return " ".join(_WORD.findall(text))


def _find_key(data: Any, key: str, depth: int) -> str | None:
    if depth > 8:
        return None
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str):
            return value
        items = list(data.values())
    elif isinstance(data, list):
        items = data
    else:
        return None
    for item in items:
        found = _find_key(item, key, depth + 1)
        if found:
            return found
    return None


def _prepare(tree: LexborHTMLParser) -> LexborNode | None:
    """Drop what the browser would not show; return the root to walk."""
    for node in tree.css(HIDDEN_SELECTOR):
        node.decompose()
    return tree.body or tree.root


def build_blocks(
    tree: LexborHTMLParser,
    *,
    related: Sequence[LexborNode] = (),
    title: str | None = None,
    subtitle: str | None = None,
    ld_json: Sequence[str] | None = None,
) -> list[Block]:
    """
    Cut a parsed page into blocks and mark the ones outside the article.

    The page's visible text is the blocks' texts joined with newlines;
    each block's ``start``/``end`` are offsets into it.
    Blocks outside the article container get role ``"furniture"``, blocks
    inside *related* containers role ``"related"``, and the headline
    (the ``h1`` matching *title*, else the first ``h1`` of the article)
    role ``"title"``.

    Args:
        tree: The parsed page; hidden elements are removed from it.
        related: Elements that hold related stories.
        title: The page's title from its metadata, if known.
        subtitle: The page's standfirst from its metadata, if known; the
            block that repeats it gets role ``"subtitle"``.
        ld_json: The texts of the page's JSON-LD scripts, if already read;
            read from *tree* if ``None``.

    Returns:
        The blocks, in document order.
    """
    hint = _article_body_hint(tree, ld_json)
    root = _prepare(tree)
    walker = _Walker({node.mem_id for node in related})
    if root is not None:
        walker.walk(tree, root)
    roles = [_role(walker.boxes[raw.box]) for raw in walker.raws]
    outer, container = _checked_container(walker, roles, hint)
    _mark_related(walker, roles, container)
    roots = _article_roots(walker, container, outer)
    _mark_title(walker, roles, roots, title)
    if subtitle:
        _mark_subtitle(walker, roles, subtitle)
    blocks: list[Block] = []
    offset = 0
    count = len(walker.raws)
    boxes = walker.boxes
    # which boxes are in the article: parents come before their children
    inside = [False] * len(boxes)
    seen: set[str] = set()  # the article's long texts so far
    for index, box in enumerate(boxes):
        inside[index] = index in roots or (box.parent >= 0 and inside[box.parent])
    for index, (raw, found) in enumerate(zip(walker.raws, roles, strict=True)):
        box = boxes[raw.box]
        role = found
        # captions of the article's photos may sit next to its body
        if (
            role not in {"title", "related"}
            and not inside[raw.box]
            and (role != "caption" or not _inside(walker, raw.box, {outer}))
        ):
            role = "furniture"
        classes = walker.chain(raw.box, roots)
        if role != "furniture" and len(raw.text) >= REPEAT_MIN:
            # a long paragraph printed again word for word is a copy (a
            # carousel's cloned slides, a part a responsive page prints twice)
            if raw.text in seen:
                classes = (REPEAT_MARK, *classes)
            else:
                seen.add(raw.text)
        blocks.append(
            Block(
                text=raw.text,
                role=role,
                index=index,
                count=count,
                start=offset,
                end=offset + len(raw.text),
                tag=box.tag,
                classes=classes,
                link_density=round(raw.link_chars / raw.chars, 4) if raw.chars else 0.0,
                depth=box.depth,
            )
        )
        offset += len(raw.text) + 1
    return blocks


def _mark_subtitle(walker: _Walker, roles: list[str], subtitle: str) -> None:
    """Give role ``"subtitle"`` to the first block that repeats *subtitle*."""
    wanted = _words_of(subtitle)
    if len(wanted) < SHORT_BLOCK:
        return
    # a text with the same words holds the first and the last of them
    first, _, last = wanted.partition(" ")
    last = last.rpartition(" ")[2] or first
    boxes = walker.boxes
    for index, raw in enumerate(walker.raws):
        if (
            roles[index] == "paragraph"
            and first in raw.text
            and last in raw.text
            and _words_of(raw.text) == wanted
        ):
            # a standfirst stands apart; the same text in the run of body
            # paragraphs is the lead paragraph, which stays
            parent = boxes[raw.box].parent
            following = next(
                (
                    other
                    for at, other in enumerate(walker.raws[index + 1 :], index + 1)
                    if roles[at] == "paragraph"
                ),
                None,
            )
            if following is None or boxes[following.box].parent != parent:
                roles[index] = "subtitle"
            return


def _mark_title(
    walker: _Walker, roles: list[str], roots: set[int], title: str | None
) -> None:
    """Give the headline block role ``"title"``."""
    wanted = _squash(title).casefold() if title else None
    first_inside: int | None = None
    for index, raw in enumerate(walker.raws):
        if walker.boxes[raw.box].tag != "h1":
            continue
        if wanted is not None and raw.text.casefold() == wanted:
            roles[index] = "title"
            return
        if first_inside is None and _inside(walker, raw.box, roots):
            first_inside = index
    if first_inside is not None and wanted is None:
        roles[first_inside] = "title"
    elif wanted is not None:
        for index, raw in enumerate(walker.raws):
            if walker.boxes[raw.box].tag == "h1" and (
                raw.text.casefold() in wanted or wanted in raw.text.casefold()
            ):
                roles[index] = "title"
                return


def visible_text(
    html: str | bytes, *, encoding: str | None = None, limits: Limits | None = None
) -> str:
    """
    The page's visible text as newsdump sees it: one line per block.

    HTML removals carry offsets into this string.

    Args:
        html: The page, as text or bytes.
        encoding: The encoding of *html* if it is bytes and the page does
            not say.
        limits: Size and depth limits, as for `parse_html`.

    Returns:
        The texts of all blocks, before any filtering, joined with newlines.

    Raises:
        ParseError: If the page cannot be decoded or parsed.
        LimitError: If the page exceeds *limits*.
    """
    check_page(html, "newsdump.visible_text")
    tree = _parse_tree(_to_str(check_size(html, limits), encoding), limits)
    return "\n".join(block.text for block in build_blocks(tree))


def _to_str(html: str | bytes, encoding: str | None) -> str:
    if isinstance(html, str):
        return html
    try:
        from newsdump._decode import decode_html  # noqa: PLC0415 - see below
    except ImportError:  # pragma: no cover - until the charset module lands
        from newsdump._decode import decode_text  # noqa: PLC0415

        return decode_text(html, encoding=encoding)
    text: str = decode_html(html, encoding=encoding)
    return text


def _parse_tree(html: str, limits: Limits | None = None) -> LexborHTMLParser:
    """
    Parse *html* within `Limits.max_depth`.

    A page with few enough tags (`OPTIMISTIC_TAGS`), and few enough
    formatting tags that re-opening them cannot multiply its elements much
    (`FORMATTING_BUDGET`), is parsed first; if
    its tree nests no deeper than the limit, that tree is the result, as
    the depth pre-pass would have left such a page unchanged (unless its
    estimate ran deeper than the real tree, in which case no tag is lost
    now).
    Otherwise, and for larger pages, `limit_depth` guards the string (or
    raises) and the guarded string is parsed.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    max_depth = limits.max_depth
    if max_depth is None:
        return _lexbor(html)
    tags = html.count("<")
    if tags <= OPTIMISTIC_TAGS and tags * formatting_tags(html) <= FORMATTING_BUDGET:
        tree = _lexbor(html)
        if tree.css_first(deeper_than(max_depth)) is None:
            return tree
    return _lexbor(limit_depth(html, limits))


def _lexbor(html: str) -> LexborHTMLParser:
    try:
        return LexborHTMLParser(html)
    except (SelectolaxError, ValueError, TypeError, MemoryError, RuntimeError) as exc:
        msg = f"selectolax could not parse the page: {exc}"
        raise ParseError(msg) from exc


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    now: dt.datetime | None = None,
    filters: Sequence[Filter] | None = None,
    habit: times.Habit = "either",
    encoding: str | None = None,
    limits: Limits | None = None,
) -> Article:
    """
    Parse an HTML news page into an `Article`.

    Args:
        html: The page, as text or bytes (bytes are decoded by their BOM,
            their meta charset, then UTF-8).
        url: The page's address, used to make links absolute and as the
            article's url if the page has no canonical link.
        now: The reference time for ages such as "3 hours ago"; must be
            timezone-aware.
        filters: The filter chain; `DEFAULT_FILTERS` if ``None``.
        habit: How the site rounds ages: ``"floor"``, ``"round"`` or
            ``"either"``.
        encoding: The encoding to use for bytes that do not declare one.
        limits: Size and nesting-depth limits; `Limits()` if ``None``.
            Tags nested deeper than `Limits.max_depth` are dropped before
            parsing (their text is kept), unless the limits say to raise.

    Returns:
        The article, with everything the filters removed.

    Raises:
        ParseError: If the page cannot be decoded or parsed.
        LimitError: If the page exceeds *limits* (see `Limits`).
        FilterError: If a filter raises or returns something invalid.
    """
    check_page(html, "newsdump.parse_html")
    text = _to_str(check_size(html, limits), encoding)
    tree = _parse_tree(text, limits)
    try:
        return _parse_tree_to_article(
            tree, url=url, now=now, filters=filters, habit=habit
        )
    except (SelectolaxError, RecursionError, MemoryError) as exc:
        msg = f"could not read the page: {type(exc).__name__}: {exc}"
        raise ParseError(msg) from exc


def _parse_tree_to_article(
    tree: LexborHTMLParser,
    *,
    url: str | None,
    now: dt.datetime | None,
    filters: Sequence[Filter] | None,
    habit: times.Habit,
) -> Article:
    if filters is None:
        from newsdump.filters import DEFAULT_FILTERS  # noqa: PLC0415 - import cycle

        filters = DEFAULT_FILTERS
    meta, ld_json = _read_meta(tree, url=url, now=now)
    related, related_nodes = _find_related(tree, url=url, now=now, habit=habit)
    blocks = build_blocks(
        tree,
        related=related_nodes,
        title=getattr(meta, "title", None),
        subtitle=getattr(meta, "subtitle", None),
        ld_json=ld_json,
    )
    outcomes = run_chain(blocks, filters)
    return _assemble(blocks, outcomes, meta=meta, related=related, url=url, now=now)


def _read_meta(
    tree: LexborHTMLParser, *, url: str | None, now: dt.datetime | None
) -> tuple[Any, tuple[str, ...] | None]:
    """The page's metadata and the texts of its JSON-LD scripts."""
    try:
        from newsdump._html_meta import read_page  # noqa: PLC0415 - optional for now
    except ImportError:  # pragma: no cover - until the metadata module lands
        return None, None
    return read_page(tree, url=url, now=now)


def _find_related(
    tree: LexborHTMLParser,
    *,
    url: str | None,
    now: dt.datetime | None,
    habit: times.Habit,
) -> tuple[tuple[Any, ...], list[LexborNode]]:
    try:
        from newsdump._html_related import find_related  # noqa: PLC0415
    except ImportError:  # pragma: no cover - until the related module lands
        return (), []
    items, nodes = find_related(tree, base_url=url, now=now, habit=habit)
    return tuple(items), list(nodes)


def _assemble(
    blocks: list[Block],
    outcomes: list[Outcome | None],
    *,
    meta: Any,
    related: tuple[Any, ...],
    url: str | None,
    now: dt.datetime | None,
) -> Article:
    paragraphs: list[str] = []
    headings: list[int] = []
    captions: list[Caption] = []
    removed: list[Removal] = []
    h1_title: str | None = None
    standfirst: str | None = None
    for block, outcome in zip(blocks, outcomes, strict=True):
        kept = block
        if outcome is not None:  # a filter had an opinion
            removed.extend(outcome.removals)
            captions.extend(outcome.captions)
            if not outcome.kept:
                continue
            kept = outcome.block
        if kept.role == "title":
            if h1_title is None:
                h1_title = kept.text
            continue
        if kept.role == "subtitle":
            if standfirst is None:
                standfirst = kept.text
            continue
        if kept.role == "heading":
            headings.append(len(paragraphs))
        paragraphs.append(kept.text)
    removed.sort(key=lambda r: (r.start, r.end))
    title = getattr(meta, "title", None) or h1_title
    reference = None
    if now is not None:
        reference = Timestamp(text=now.isoformat(), value=now, earliest=now, latest=now)
    source: Source | None = getattr(meta, "source", None)
    return Article(
        title=title,
        subtitle=getattr(meta, "subtitle", None) or standfirst,
        paragraphs=paragraphs,
        headings=headings,
        captions=captions,
        authors=getattr(meta, "authors", ()),
        source=source,
        published=getattr(meta, "published", None),
        modified=getattr(meta, "modified", None),
        url=getattr(meta, "url", None) or url,
        language=getattr(meta, "language", None),
        image=getattr(meta, "image", None),
        tags=getattr(meta, "tags", ()),
        related=related,
        removed=removed,
        reference=reference,
        reference_how="given" if now is not None else "none",
    )
