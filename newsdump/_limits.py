"""
Limits that keep hostile input from costing unbounded time or memory.

Two guards run before any parsing:

- `check_size` rejects (or, on request, truncates) input longer than
  `Limits.max_size`.
- `limit_depth` is a linear-time pre-pass over an HTML string that
  estimates how deeply elements nest and drops the opening tags (and their
  closing tags) that would nest deeper than `Limits.max_depth`.
  The text inside the dropped elements is kept; it just hangs one level
  higher.
  Lexbor's tree builder takes time that grows with the square of the
  nesting depth, so this has to happen before the string reaches it.
  `parse_html` skips the pre-pass for pages with at most
  `OPTIMISTIC_TAGS` ``<`` characters: those it parses directly (their
  worst case is bounded, see there), checks the real depth of the parsed
  tree at C level, and only when that exceeds `Limits.max_depth` runs
  `limit_depth` and parses again.

The depth estimate is a simplified HTML tree builder: it knows void
elements, raw-text elements, comments, quoted attributes, the end tags that
close their ancestors and the start tags that close a ``<p>``, ``<li>``,
``<td>`` or ``<option>``.
Where it cannot tell what the real tree builder does, it assumes the
deeper tree, so the real depth of the guarded page stays within a small
factor of `Limits.max_depth`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any, Literal, TypeVar

import attrs

from newsdump._exceptions import LimitError

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATTING_BUDGET",
    "MAX_FORMATTING",
    "OPTIMISTIC_TAGS",
    "DepthReport",
    "Limits",
    "check_size",
    "deeper_than",
    "formatting_tags",
    "limit_depth",
    "scan_depth",
]

DEFAULT_MAX_SIZE = 32 * 1024 * 1024
"""Default `Limits.max_size`: 32 Mi characters (or bytes)."""

DEFAULT_MAX_DEPTH = 512
"""Default `Limits.max_depth`, the limit Chromium's HTML parser uses."""

OPTIMISTIC_TAGS = 8_000
"""
The most ``<`` characters a page may hold to be parsed before its depth is
checked.

Lexbor's time on deep nesting at that size, measured on a shared two-core
machine, is about 70 ms (8,000 nested ``<div>``s), against about 10 ms for
the `limit_depth` pre-pass on the same string: that is the most a deep
small page costs before it is found too deep and guarded.
Open formatting elements can multiply a small page's elements without
nesting it deeply; `FORMATTING_BUDGET` keeps such pages on the guarded path.
The benchmark's real news pages have 140 to 3,300 and take about 0.6 ms.
Pages with more ``<`` characters go through `limit_depth` first.
"""

MAX_FORMATTING = 8
"""
The most formatting elements (``<b>``, ``<i>``, ``<font>``, ...) the depth
guard lets stay open at once; it drops the start tags of any more (and
their end tags), which only ever carry formatting, never text.

An HTML parser re-opens every open formatting element inside each new
paragraph (the spec's "reconstruct the active formatting elements"), so
*n* unclosed ``<b id=...>`` followed by *m* paragraphs make *n* times *m*
elements: 4,000 of each, 40 kB of markup, made Lexbor build 16 million
elements in 16 s and 7 GB before this bound.
"""

FORMATTING_BUDGET = 250_000
"""
The most ``<`` characters times formatting start tags a page may have to be
parsed before it is guarded (see `OPTIMISTIC_TAGS`): the product bounds the
elements re-opened formatting tags can add.
On the benchmark's real news pages it is 10,000 at the median and
230,000 at the 99th percentile; the largest, 350,000, is guarded first.
"""

_FORMATTING_TAG = re.compile(
    # a trie spelled out case by case: faster than a flat re.IGNORECASE list
    r"<(?:[bB](?:[iI][gG])?|[iI]|[uU]|[eE][mM]|[tT][tT]|[fF][oO][nN][tT]"
    r"|[cC][oO][dD][eE]|[sS](?:[mM][aA][lL][lL]|[tT][rR](?:[iI][kK][eE]|[oO][nN][gG]))?)"
    r"[\t\n\f\r />]"
)


def formatting_tags(html: str) -> int:
    """
    Count the start tags of formatting elements in *html*, over-counting
    (in scripts, comments and attributes too) rather than under.

    ``<a>`` and ``<nobr>`` are not counted: at most one of each is re-opened
    at a time.

    Args:
        html: An HTML string.

    Returns:
        The count.
    """
    return len(_FORMATTING_TAG.findall(html))


OnOversize = Literal["raise", "truncate"]
"""What to do with input over `Limits.max_size`."""

OnTooDeep = Literal["flatten", "raise"]
"""What to do with HTML nested deeper than `Limits.max_depth`."""


def _positive_or_none(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"'{attribute.name}' must be an int or None, not {type(value).__name__}"
        raise TypeError(msg)
    if value < 1:
        msg = f"'{attribute.name}' must be at least 1 or None, got {value}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Limits:
    """
    Bounds on what one parse call accepts.

    Pass an instance as ``limits=`` to `newsdump.parse_text`,
    `newsdump.parse_html` or `newsdump.parse`; the default is `Limits()`.
    ``None`` switches a limit off.

    Args:
        max_size: The longest input accepted: characters for `str` input,
            bytes for `bytes` input (checked before decoding).
        on_oversize: ``"raise"`` (default) raises `newsdump.LimitError`
            for longer input; ``"truncate"`` parses the first *max_size*
            characters (or bytes, cut back to a character boundary for
            UTF-8, UTF-16 and UTF-32) and drops the rest silently.
        max_depth: The deepest element nesting the HTML parser's result
            may have.
            Small pages (`OPTIMISTIC_TAGS`) are parsed first and guarded
            only if their parsed tree nests deeper than this; larger
            pages are guarded by `limit_depth` before parsing.
            The guard also keeps at most `MAX_FORMATTING` formatting
            elements (``<b>``, ``<i>``, ``<font>``, ...) open at once,
            since a parser re-opens them in every paragraph; ``None``
            switches both off.
        on_too_deep: ``"flatten"`` (default) drops the opening and closing
            tags of elements that would nest deeper than *max_depth*, so
            their text is kept one level higher: a partial result, whose
            structure (not text) below that depth is lost.
            ``"raise"`` raises `newsdump.LimitError` instead.
    """

    max_size: int | None = attrs.field(
        default=DEFAULT_MAX_SIZE, validator=_positive_or_none
    )
    on_oversize: OnOversize = attrs.field(
        default="raise", validator=attrs.validators.in_(("raise", "truncate"))
    )
    max_depth: int | None = attrs.field(
        default=DEFAULT_MAX_DEPTH, validator=_positive_or_none
    )
    on_too_deep: OnTooDeep = attrs.field(
        default="flatten", validator=attrs.validators.in_(("flatten", "raise"))
    )


DEFAULT_LIMITS = Limits()
"""The limits used when a parse function gets ``limits=None``."""

_S = TypeVar("_S", str, bytes, "str | bytes")

_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def check_size(data: _S, limits: Limits | None = None) -> _S:
    """
    Apply `Limits.max_size` to a parse function's input.

    Args:
        data: The input, text or bytes.
        limits: The limits; `DEFAULT_LIMITS` if ``None``.

    Returns:
        *data* itself, or its first `Limits.max_size` characters (bytes)
        if it is longer and truncation was asked for.

    Raises:
        LimitError: If *data* is longer than the limit and
            `Limits.on_oversize` is ``"raise"``.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    limit = limits.max_size
    if limit is None or len(data) <= limit:
        return data
    if limits.on_oversize == "raise":
        unit = "bytes" if isinstance(data, bytes) else "characters"
        msg = (
            f"input is {len(data):,} {unit}, over the limit of {limit:,} "
            "(Limits.max_size); pass limits=Limits(max_size=...) to raise it "
            "or Limits(on_oversize='truncate') to parse the start only"
        )
        raise LimitError(msg, locator=f"offset {limit}")
    if isinstance(data, bytes):
        return _truncate_bytes(data, limit)
    return data[:limit]


def _truncate_bytes(data: bytes, limit: int) -> bytes:
    """Cut *data* to at most *limit* bytes without splitting a character."""
    if data.startswith(_UTF16_32_BOMS):
        unit = 4 if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else 2
        return data[: limit - limit % unit]
    cut = limit
    # Back off over UTF-8 continuation bytes so the last character is whole.
    while cut > 0 and limit - cut < 3 and 0x80 <= data[cut] <= 0xBF:
        cut -= 1
    return data[:cut]


# ---------------------------------------------------------------------------
# The depth pre-pass.


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VOID = _names(
    "area base basefont bgsound br col embed frame hr image img input keygen "
    "link meta param source track wbr"
)
_IGNORED = frozenset({"html", "head", "body"})
_RAW = _names("script style textarea title xmp iframe noembed noframes")
_HEADINGS = _names("h1 h2 h3 h4 h5 h6")
_CLOSES_P = _names(
    "address article aside blockquote center details dialog dir div dl "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup "
    "hr listing main menu nav ol p plaintext pre search section summary table "
    "ul xmp"
)
_SPECIAL = _names(
    "address applet area article aside base basefont bgsound blockquote body "
    "br button caption center col colgroup dd details dir div dl dt embed "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 "
    "head header hgroup hr html iframe img input keygen li link listing main "
    "marquee menu meta nav noembed noframes noscript object ol p param "
    "plaintext pre script search section select source style summary table "
    "tbody td template textarea tfoot th thead title tr track ul wbr xmp "
    "mi mo mn ms mtext annotation-xml foreignobject desc svg math"
)
# The spec's default scope, widened with button/list/select scope and the
# foreign roots: more boundaries mean fewer pops, so a deeper estimate.
_SCOPE = _names(
    "applet caption html table td th marquee object template button ol ul "
    "select mi mo mn ms mtext annotation-xml foreignobject desc title svg "
    "math"
)
_TABLE_SCOPE = frozenset({"html", "table", "template"})
_TABLE_PARTS = _names("table tbody thead tfoot tr td th caption")
_SCOPED_END = _names(
    "address article aside blockquote button center details dialog dir div "
    "dl fieldset figcaption figure footer header hgroup listing main menu nav "
    "ol pre search section summary ul p li dd dt h1 h2 h3 h4 h5 h6 applet "
    "marquee object"
)
_BREAKOUT = _names(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 "
    "h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span "
    "strong strike sub sup table tt u ul var"
)
_FORMATTING = _names("b big code em font i s small strike strong tt u")
"""Formatting elements that a parser re-opens in every new paragraph
(``<a>`` and ``<nobr>`` too, but only one of each at a time)."""
_HTML_POINTS = frozenset({"foreignobject", "desc", "title"})
_TEXT_POINTS = frozenset({"mi", "mo", "mn", "ms", "mtext"})
_LIST_STOP_OK = frozenset({"address", "div", "p"})
_LIST_LOOKBACK = 8

_WS = "\t\n\f\r "
_NAME = re.compile(r"[^\t\n\f\r />]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />=]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_SPACES = re.compile(r"[\t\n\f\r ]*")
_COMMENT_END = re.compile(r"--!?>")
# The rest of a well-formed tag after its name, in one match: attributes
# separated by whitespace or "/", values quoted or not.
# Each character has one way to match (names must be followed by a
# separator, values start with a quote or not), so failing is linear too.
# Tags it does not match (a "<", "=" or quote where the grammar does not
# expect one) go through the exact state machine in `_end_of_tag`.
_TAG_REST = re.compile(
    r"""(?:[\t\n\f\r /]*[^\t\n\f\r />="'<][^\t\n\f\r />="'<]*"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'"""
    r"""|[^\t\n\f\r >"'<=`][^\t\n\f\r >"'<=`]*(?=[\t\n\f\r >]))"""
    r"""|(?=[\t\n\f\r />])))*[\t\n\f\r /]*>"""
)

Namespace = Literal["html", "foreign", "both"]


@attrs.frozen(kw_only=True)
class DepthReport:
    """
    What the depth pre-pass found.

    Args:
        depth: The deepest nesting estimated, capped at the limit plus one
            when tags were dropped.
        dropped: How many tags (opening and closing) were dropped.
        first_drop: Offset of the first dropped tag, or ``None``.
    """

    depth: int
    dropped: int
    first_drop: int | None


class _Stack:
    """
    The open elements, with O(1) scope checks and O(1) amortized pops.

    *special*, *scope* and *table* run parallel to *names*: entry ``i`` is
    the index of the topmost marked element at or below ``i`` (``-1`` if
    none), so popping is a slice deletion.
    *where* maps a name to the positions it was pushed at, in push order;
    entries of popped elements are dropped lazily by `last`.
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.spaces: list[Namespace] = []
        self.where: dict[str, list[int]] = {}
        self.special: list[int] = []
        self.scope: list[int] = []
        self.table: list[int] = []

    def __len__(self) -> int:
        return len(self.names)

    def top(self) -> str | None:
        return self.names[-1] if self.names else None

    def space(self) -> Namespace:
        return self.spaces[-1] if self.spaces else "html"

    def last(self, name: str) -> int:
        """The index of the topmost open *name*, or ``-1``."""
        found = self.where.get(name)
        names = self.names
        while found:
            index = found[-1]
            if index < len(names) and names[index] == name:
                return index
            found.pop()
        return -1

    def push(self, name: str, space: Namespace) -> None:
        index = len(self.names)
        below = index - 1
        self.names.append(name)
        self.spaces.append(space)
        self.where.setdefault(name, []).append(index)
        self.special.append(
            index if name in _SPECIAL else (self.special[below] if index else -1)
        )
        self.scope.append(
            index if name in _SCOPE else (self.scope[below] if index else -1)
        )
        self.table.append(
            index if name in _TABLE_SCOPE else (self.table[below] if index else -1)
        )

    def pop_to(self, index: int) -> None:
        """Pop the element at *index* and everything above it."""
        del self.names[index:]
        del self.spaces[index:]
        del self.special[index:]
        del self.scope[index:]
        del self.table[index:]

    @staticmethod
    def clear_of(marks: list[int], index: int) -> bool:
        """Tell whether no mark lies above *index*."""
        return not marks or marks[-1] <= index

    def pop_in_scope(self, index: int, marks: list[int]) -> None:
        if index >= 0 and self.clear_of(marks, index):
            self.pop_to(index)

    def pop_nearby(self, names: frozenset[str]) -> None:
        """Close the nearest of *names* the way ``<li>`` closes an ``<li>``."""
        for index in range(len(self.names) - 1, -1, -1):
            if len(self.names) - index > _LIST_LOOKBACK:
                return
            name = self.names[index]
            if name in names:
                self.pop_to(index)
                return
            if name in _SPECIAL and name not in _LIST_STOP_OK:
                return


def _child_space(  # noqa: PLR0911 - one return per rule of the spec
    parent: Namespace, parent_name: str | None, name: str
) -> Namespace:
    """Guess the namespace of a new element; "both" when it is unclear."""
    if name in {"svg", "math"}:
        return "foreign"
    if parent == "html" or parent_name is None:
        return "html"
    if parent_name in _HTML_POINTS:
        return "html"
    if parent_name in _TEXT_POINTS:
        return "foreign" if name in {"mglyph", "malignmark"} else "html"
    if parent_name == "annotation-xml" or name == "font":
        return "both"
    if name in _BREAKOUT:
        return "html"
    return parent


def _tag_end(html: str, pos: int) -> int:
    """Offset just after the tag whose attributes start at *pos*, or -1."""
    found = _TAG_REST.match(html, pos)
    if found is not None:
        return found.end()
    return _end_of_tag(html, pos)[0]


def _end_of_tag(html: str, pos: int) -> tuple[int, bool]:  # noqa: C901 - a state machine
    """
    Scan the attributes of a tag from *pos* (just after its name).

    Returns:
        The offset just after the closing ``>`` (or ``-1`` if the input ends
        inside the tag) and whether the tag ended with ``/>``.
    """
    n = len(html)
    while True:
        pos = _SPACES.match(html, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            return -1, False
        char = html[pos]
        if char == ">":
            return pos + 1, False
        if char == "/":
            if html.startswith(">", pos + 1):
                return pos + 2, True
            pos += 1
            continue
        # An attribute name; a leading "=" belongs to the name.
        pos = _ATTR_NAME.match(html, pos + 1).end()  # type: ignore[union-attr]
        pos = _SPACES.match(html, pos).end()  # type: ignore[union-attr]
        if pos >= n or html[pos] != "=":
            continue
        pos = _SPACES.match(html, pos + 1).end()  # type: ignore[union-attr]
        if pos >= n:
            return -1, False
        quote = html[pos]
        if quote in "\"'":
            close = html.find(quote, pos + 1)
            if close < 0:
                return -1, False
            pos = close + 1
        elif quote != ">":
            pos = _UNQUOTED.match(html, pos).end()  # type: ignore[union-attr]


def _raw_end(html: str, name: str, pos: int) -> int:
    """Offset of the ``</name`` that ends a raw-text element, or ``-1``."""
    size = len(name)
    while True:
        pos = html.find("</", pos)
        if pos < 0:
            return -1
        after = pos + 2 + size
        if html[pos + 2 : after].lower() == name and (
            after >= len(html) or html[after] in _WS + "/>"
        ):
            return pos
        pos += 2


def _skip_markup_declaration(html: str, pos: int) -> int:
    """Skip a comment or ``<!...>`` starting at *pos*; return the end."""
    if html.startswith("<!--", pos):
        body = pos + 4
        if html.startswith(">", body):
            return body + 1
        if html.startswith("->", body):
            return body + 2
        found = _COMMENT_END.search(html, body)
        return len(html) if found is None else found.end()
    close = html.find(">", pos + 2)
    return len(html) if close < 0 else close + 1


_TOKEN = re.compile(
    r"<(?:(/?)([A-Za-z][^\t\n\f\r />]*)(" + _TAG_REST.pattern + ")?|!|\\?)"
)
_IMPLIED = (
    _CLOSES_P
    | _HEADINGS
    | _names("li dd dt td th tr tbody thead tfoot option optgroup a nobr")
)
_NOT_PUSHED = _VOID | _RAW | _IGNORED | {"plaintext", "svg", "math"}
# Under an HTML-namespace parent, start tags of these names only push
# (no implied pops, not void, not raw text, not a foreign root): unknown
# names are checked as "not in _SPECIAL_START".
_SPECIAL_START = _NOT_PUSHED | _IMPLIED
_IMPLIED_PUSH = _IMPLIED - _NOT_PUSHED
"""Start tags that close what they imply, then push."""
_VOID_ONLY = _VOID - _IMPLIED
"""Start tags that neither pop nor push."""


class _Scanner:
    """One pass of the depth estimate over an HTML string."""

    def __init__(self, html: str, max_depth: int | None, raise_on_drop: bool) -> None:
        self.html = html
        self.max_depth = max_depth
        self.raise_on_drop = raise_on_drop
        self.stack = _Stack()
        self.dropped: Counter[str] = Counter()
        self.cuts: list[tuple[int, int]] = []
        self.depth = 0
        # Open formatting elements by name, never below zero: at least as
        # many as the parser's list of active formatting elements holds.
        self.formatting: Counter[str] = Counter()
        self.open_formatting = 0

    def run(self) -> None:  # noqa: C901, PLR0912, PLR0915 - the hot loop
        """
        Scan the whole string.

        The common tags (an HTML-namespace start tag that only pushes, a
        void tag, an end tag that pops or is ignored) are handled inline,
        the same way `start_tag` and `close` handle them; the rest go
        through those methods.
        """
        html = self.html
        n = len(html)
        search = _TOKEN.search
        stack = self.stack
        names = stack.names
        spaces = stack.spaces
        where = stack.where
        special = stack.special
        scope = stack.scope
        table = stack.table
        dropped = self.dropped
        limit = n + 1 if self.max_depth is None else self.max_depth
        pos = 0
        while True:
            token = search(html, pos)
            if token is None:
                return
            slash, name, rest = token.groups()
            # offsets are read from the match only where they are needed
            if name is None:
                lt = token.start()
                if html.startswith("<!", lt):
                    pos = _skip_markup_declaration(html, lt)
                else:
                    close = html.find(">", lt)
                    pos = n if close < 0 else close + 1
                continue
            end = token.end() if rest is not None else _tag_end(html, token.end(2))
            if end < 0:
                return
            name = name.lower()
            pos = end
            if slash:
                if dropped or name in _HEADINGS:
                    self.close(name, token.start(), end)
                    continue
                if name in _FORMATTING:
                    self.closed_formatting(name)
                found = where.get(name)
                index = -1
                while found:
                    index = found[-1]
                    if index < len(names) and names[index] == name:
                        break
                    found.pop()
                    index = -1
                if index < 0:
                    continue
                if name in _TABLE_PARTS:
                    marks = table
                elif name in _SCOPED_END:
                    marks = scope
                else:
                    marks = special
                if not marks or marks[-1] <= index:
                    del names[index:]
                    del spaces[index:]
                    del special[index:]
                    del scope[index:]
                    del table[index:]
                continue
            if spaces and spaces[-1] != "html":
                pos = self.start_tag(name, token.start(), token.end(2), end)
                continue
            if name not in _SPECIAL_START:
                pass
            elif name in _IMPLIED_PUSH:
                self.implied_pops(name)
            elif name in _VOID_ONLY:
                continue
            else:
                pos = self.start_tag(name, token.start(), token.end(2), end)
                continue
            if name in _FORMATTING and not self.opened_formatting(
                name, token.start(), end
            ):
                continue
            index = len(names)
            if index >= limit:
                self.too_deep(name, token.start(), end)
                continue
            if index >= self.depth:
                self.depth = index + 1
            names.append(name)
            spaces.append("html")
            found = where.get(name)
            if found is None:
                where[name] = [index]
            else:
                found.append(index)
            if index:
                special.append(index if name in _SPECIAL else special[-1])
                scope.append(index if name in _SCOPE else scope[-1])
                table.append(index if name in _TABLE_SCOPE else table[-1])
            else:
                special.append(0 if name in _SPECIAL else -1)
                scope.append(0 if name in _SCOPE else -1)
                table.append(0 if name in _TABLE_SCOPE else -1)

    def close(self, name: str, lt: int, end: int) -> None:
        if self.dropped and self.dropped[name] > 0:
            self.dropped[name] -= 1
            self.cuts.append((lt, end))
            return
        if name in _FORMATTING:
            self.closed_formatting(name)
        stack = self.stack
        if name in _HEADINGS:
            index = max(stack.last(h) for h in _HEADINGS)
        else:
            index = stack.last(name)
        if index < 0:
            return
        if name in _TABLE_PARTS:
            stack.pop_in_scope(index, stack.table)
        elif name in _SCOPED_END:
            stack.pop_in_scope(index, stack.scope)
        else:
            stack.pop_in_scope(index, stack.special)

    def start_tag(self, name: str, lt: int, name_end: int, end: int) -> int:
        """Handle the start tag *name* at *lt*; return where to go on."""
        if name in _IGNORED:
            return end
        html = self.html
        stack = self.stack
        parent = stack.spaces[-1] if stack.spaces else "html"
        if parent == "html" and name not in {"svg", "math"}:
            space: Namespace = "html"
        else:
            space = _child_space(parent, stack.top(), name)
        if space == "html":
            if name in _IMPLIED:
                self.implied_pops(name)
            if name in _VOID:
                return end
            if name in _RAW or name == "plaintext":
                self.depth = max(self.depth, len(stack) + 1)
                close = -1 if name == "plaintext" else _raw_end(html, name, end)
                return len(html) if close < 0 else close
        # a self-closed foreign element, or a formatting tag over the bound
        if (space == "foreign" and _end_of_tag(html, name_end)[1]) or (
            space != "foreign"
            and name in _FORMATTING
            and not self.opened_formatting(name, lt, end)
        ):
            return end
        depth = len(stack) + 1
        if self.max_depth is not None and depth > self.max_depth:
            self.too_deep(name, lt, end)
            return end
        self.depth = max(self.depth, depth)
        stack.push(name, space)
        return end

    def opened_formatting(self, name: str, lt: int, end: int) -> bool:
        """
        Count the formatting start tag *name* at *lt*, or drop it if
        `MAX_FORMATTING` are open; tell whether it stays.
        """
        if self.max_depth is None:
            return True
        if self.open_formatting >= MAX_FORMATTING:
            # Not a depth error: the tag holds no text, so it goes quietly
            # even when the limits say to raise.
            self.dropped[name] += 1
            self.cuts.append((lt, end))
            return False
        self.formatting[name] += 1
        self.open_formatting += 1
        return True

    def closed_formatting(self, name: str) -> None:
        """Count an end tag of the formatting element *name*."""
        if self.formatting[name] > 0:
            self.formatting[name] -= 1
            self.open_formatting -= 1

    def too_deep(self, name: str, lt: int, end: int) -> None:
        """Drop the start tag *name* at *lt*, or raise if asked to."""
        if self.raise_on_drop:
            msg = (
                f"HTML nests deeper than {self.max_depth} elements "
                f"(Limits.max_depth) at <{name}>; pass "
                "limits=Limits(on_too_deep='flatten') to drop the excess "
                "tags instead"
            )
            raise LimitError(msg, locator=f"offset {lt}")
        self.dropped[name] += 1
        self.cuts.append((lt, end))

    def implied_pops(self, name: str) -> None:  # noqa: C901 - one rule per tag
        """Pop what the start tag *name* closes implicitly."""
        stack = self.stack
        if name in _CLOSES_P:
            stack.pop_in_scope(stack.last("p"), stack.scope)
        if name in _HEADINGS and stack.top() in _HEADINGS:
            stack.pop_to(len(stack) - 1)
        if name == "li":
            stack.pop_nearby(frozenset({"li"}))
        elif name in {"dd", "dt"}:
            stack.pop_nearby(frozenset({"dd", "dt"}))
        elif name in {"td", "th", "tr", "tbody", "thead", "tfoot"}:
            cell = max(stack.last("td"), stack.last("th"))
            stack.pop_in_scope(cell, stack.table)
            if name not in {"td", "th"}:
                stack.pop_in_scope(stack.last("tr"), stack.table)
            if name in {"tbody", "thead", "tfoot"}:
                section = max(stack.last(s) for s in ("tbody", "thead", "tfoot"))
                stack.pop_in_scope(section, stack.table)
        elif name in {"option", "optgroup"}:
            if stack.top() == "option":
                stack.pop_to(len(stack) - 1)
            if name == "optgroup" and stack.top() == "optgroup":
                stack.pop_to(len(stack) - 1)
        elif name in {"a", "nobr"} and stack.top() == name:
            stack.pop_to(len(stack) - 1)


def scan_depth(html: str, limits: Limits | None = None) -> DepthReport:
    """
    Estimate how deeply *html* nests, without changing it.

    Args:
        html: An HTML document or fragment.
        limits: The limits whose `Limits.max_depth` counts drops;
            `DEFAULT_LIMITS` if ``None``.

    Returns:
        The estimated depth and the tags the guard would drop.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    scanner = _Scanner(html, limits.max_depth, raise_on_drop=False)
    scanner.run()
    return DepthReport(
        depth=scanner.depth,
        dropped=len(scanner.cuts),
        first_drop=scanner.cuts[0][0] if scanner.cuts else None,
    )


def limit_depth(html: str, limits: Limits | None = None) -> str:
    """
    Apply `Limits.max_depth` to an HTML string before it is parsed.

    Runs in time linear in ``len(html)``.

    Args:
        html: The decoded HTML.
        limits: The limits; `DEFAULT_LIMITS` if ``None``.

    Returns:
        *html* itself if it nests no deeper than the limit, else *html*
        without the tags that nest deeper (their text stays).

    Raises:
        LimitError: If *html* nests too deep and `Limits.on_too_deep` is
            ``"raise"``.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    if limits.max_depth is None or "<" not in html:
        return html
    scanner = _Scanner(html, limits.max_depth, limits.on_too_deep == "raise")
    scanner.run()
    if not scanner.cuts:
        return html
    parts: list[str] = []
    at = 0
    for start, end in sorted(scanner.cuts):
        parts.append(html[at:start])
        at = end
    parts.append(html[at:])
    return "".join(parts)


@functools.lru_cache(maxsize=8)
def deeper_than(max_depth: int) -> str:
    """
    A CSS selector that matches an element nested deeper than *max_depth*.

    Depth counts as in `scan_depth`: ``<html>`` and its ``<head>`` and
    ``<body>`` do not count, so a ``<div>`` directly in the body is at
    depth 1.
    Lexbor matches it from the right, walking up from each element at most
    *max_depth* + 1 parents, all in C.

    Args:
        max_depth: The deepest nesting allowed, at least 1.

    Returns:
        The selector, such as ``":root > * > * > *"`` for 2.
    """
    return ":root > *" + " > *" * (max_depth + 1)
