"""
The plain-text dump parser.

A dump is read in three steps:

1. Every non-blank line becomes a `Block` with a role (title, subtitle,
   paragraph, related-source, ...) chosen by the `Layout`, and its exact
   offsets in the input.
2. The filter chain runs over every block.
3. Kept blocks are assembled into an `Article`; everything else becomes a
   `Removal`, so the input is fully accounted for.

Lines the layout itself sets aside (navigation before the headline, the
"Related Articles" heading, the "- DW" line that repeats a source) go
through the chain too and, if no filter drops them first, are removed
under the filter name ``"layout"``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from newsdump import times
from newsdump._authors import clean_authors
from newsdump._builtin_filters import is_cookie_notice
from newsdump._chain import Block, Filter, Outcome, run_chain
from newsdump._check import check_page
from newsdump._decode import decode_text
from newsdump._lang.page_ends import all_bio_verbs, all_stamp_words
from newsdump._layouts import DEFAULT_LAYOUTS, ItemField, Layout, _starts_with_words
from newsdump._limits import Limits, check_size
from newsdump._models import (
    Article,
    Caption,
    ReferenceHow,
    RelatedItem,
    Removal,
    Source,
    Timestamp,
)
from newsdump._text_dates import is_date_line, line_dates

__all__ = ["LAYOUT_FILTER", "parse_text", "reference_time"]

LAYOUT_FILTER = "layout"
"""The filter name of removals the parser makes itself."""


_SHORT_LINE = 80
_BLURB_WINDOW = 2
_TITLE_REACH = 10
_RESUME_MIN_PROSE = 4
_LIST_GAP = 2
_BIO_SHARE = 5
_COPY_MIN_CHARS = 2000
_COPY_SHARE = 0.5
_COPY_WORDS = 4
_COMMENTS_BEFORE = 10
_LEAD_SHARE = 15
_STANDFIRST_CHARS = 200
"""A prose line this long that prose follows is the body's first paragraph,
not a standfirst (one or two short sentences)."""
_BIO_VERBS = frozenset(all_bio_verbs())
_LATER_BODY_TOTAL = 0.5
_REPEAT_ROLES = frozenset(("paragraph", "heading"))
_LINK_MAX_CHARS = 120
_CLAUSE_ENDS = frozenset(".!?:;\"”’'。！？")
_TRUNCATED = ("...", "…", "[…]", "[...]")
"""How teasers end their cut excerpts: such a line is never prose."""
_BLURB_MAX_CHARS = 250
_BYLINE_STARTS = ("By ", "by ", "BY ")
_MAX_AGE_CHARS = 40
_MAX_SOURCE_CHARS = 60
_MAX_SOURCE_WORDS = 8
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")
_ECHO = re.compile(r"[-–—•·]\s*")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_AGE = re.compile(
    r"\bago$|^just now$|^yesterday\b|^today\b|^\d{1,2}/\d{1,2}/\d{2,4}$"
    r"|^\d{4}-\d{2}-\d{2}\b"
    rf"|^{_MONTH} \d{{1,2}},? \d{{4}}\b|^\d{{1,2}} {_MONTH} \d{{4}}\b",
    re.IGNORECASE,
)
_SENTENCE_ENDS = frozenset(".!?\"”’'…)。！？」』")
_PROSE_MIN_WORDS = 10
_LONG_STOP = re.compile(r"[.!?;,。！？，、]")
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Kana and Han characters: Japanese and Chinese put no spaces between words."""
_UNSPACED_CHARS_PER_WORD = 2
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?] [A-Z]")
"""A sentence that ends inside a line; two lower-case letters before the
stop keep abbreviations such as "U.S. Senate" out."""
_SOURCE_AGE = re.compile(r"(?P<name>[^·•|]{1,60}?)\s*[·•|]\s*(?P<age>[^·•|]{1,40})")
_DIGIT = re.compile(r"(?<![^\W\d_])\d")
"""A digit with no letter just before it ("13 July", "07/13"; not "Daily8")."""
_STAMP = re.compile(
    r"\b(?:19|20)\d{2},?\s+(?:(?:"
    + "|".join(re.escape(w) for w in all_stamp_words())
    + r")\s+)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?|\s*uhr|\s*h)?$",
    re.IGNORECASE,
)
_MENU_SEPARATORS = (" | ", " · ", " • ")
_PROBE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


class _Line(NamedTuple):
    start: int
    end: int
    raw: str
    blank_before: bool
    folded: str  # case-folded without final dots, or "" for long lines
    age: bool  # looks like an age or a date
    split: tuple[int, int] | None  # "DW · 3 hours ago": end of name, start of age


@attrs.define
class _Plan:
    """The roles the layout gives the lines, before any filter runs."""

    roles: list[str]
    prose: list[bool] = attrs.Factory(list)
    reasons: dict[int, str] = attrs.Factory(dict)
    items: list[list[tuple[int, ItemField]]] = attrs.Factory(list)


def parse_text(
    text: str | bytes,
    *,
    now: dt.datetime | None = None,
    filters: Sequence[Filter] | None = None,
    layouts: Sequence[Layout] | None = None,
    habit: times.Habit = "either",
    encoding: str | None = None,
    limits: Limits | None = None,
) -> Article:
    """
    Parse a plain-text dump into an `Article` with its related items.

    Args:
        text: The dump. Bytes are decoded: a byte-order mark wins, then
            *encoding*, then strict UTF-8.
        now: When the dump was captured, to resolve ages ("3 hours ago").
            If ``None``, the time is inferred from the dump if it prints
            enough (`newsdump.times.infer_reference`), else ages stay
            unresolved.
        filters: The filter chain; ``None`` means
            `newsdump.filters.DEFAULT_FILTERS`.
        layouts: The layouts to try; ``None`` means `DEFAULT_LAYOUTS`.
        habit: How the site turned ages into numbers; see
            `newsdump.times.resolve`.
        encoding: The encoding of *text* if it is bytes without a
            byte-order mark.
        limits: The input size limit; `Limits()` if ``None``.

    Returns:
        The article. Every non-whitespace character of the (decoded) input
        is in a field of the article or in one of its `removed` records.

    Raises:
        DecodeError: If *text* is bytes that do not decode.
        LimitError: If *text* is longer than `Limits.max_size`.
        FilterError: If a filter raises or returns something unexpected.
        ValueError: If *now* is naive or *layouts* is empty.
    """
    check_page(text, "newsdump.parse_text")
    text = check_size(text, limits)
    if isinstance(text, bytes | bytearray):
        text = decode_text(bytes(text), encoding=encoding)
    if now is not None and (now.tzinfo is None or now.utcoffset() is None):
        msg = "'now' must be timezone-aware"
        raise ValueError(msg)
    if filters is None:
        from newsdump.filters import DEFAULT_FILTERS  # noqa: PLC0415 - import cycle

        filters = DEFAULT_FILTERS
    chosen = DEFAULT_LAYOUTS if layouts is None else tuple(layouts)
    if not chosen:
        msg = "'layouts' must hold at least one Layout"
        raise ValueError(msg)
    removals: list[Removal] = []
    skip = 0
    if text.startswith("\ufeff"):
        removals.append(_layout_removal("byte-order-mark", text, 0, 1))
        skip = 1
    lines = _split(text, skip)
    layout = _choose(lines, chosen)
    plan = _plan(lines, layout)
    blocks, line_of = _blocks(lines, plan.roles, removals, text)
    outcomes = run_chain(blocks, tuple(filters))
    return _assemble(
        text,
        blocks,
        line_of,
        outcomes,
        plan,
        removals,
        now=now,
        habit=habit,
        layout=layout,
    )


def _layout_removal(reason: str, text: str, start: int, end: int) -> Removal:
    return Removal(
        filter=LAYOUT_FILTER,
        reason=reason,
        text=text[start:end],
        start=start,
        end=end,
    )


def _split(text: str, skip: int) -> list[_Line]:
    """
    The non-blank lines with the offsets of their stripped text.

    A line's ``blank_before`` tells whether more blank lines come before it
    than the fewest between any two lines of the dump: in a dump where every
    line is followed by a blank line (as copy/paste and scrapers often
    print), one blank line separates nothing, and two do what one does
    elsewhere.
    """
    lines: list[_Line] = []
    append = lines.append
    new = tuple.__new__  # _Line(...) without the keyword-capable wrapper
    at = skip
    blank = 0
    gaps: list[int] = []
    for raw in text[skip:].splitlines(keepends=True):
        size = len(raw)
        content = raw.strip()
        if not content:
            blank += 1
            at += size
            continue
        start = at if raw[0] == content[0] else at + size - len(raw.lstrip())
        end = start + len(content)
        if len(content) <= _SHORT_LINE:
            split = _source_age(content)
            folded = content.casefold().rstrip(".…: ")
            age = split is None and _is_age(content)
            line = (start, end, content, blank > 0, folded, age, split)
        else:
            line = (start, end, content, blank > 0, "", False, None)
        append(new(_Line, line))
        gaps.append(blank)
        blank = 0
        at += size
    fewest = min(gaps[1:], default=0)
    if fewest:
        # Every line is followed by blank lines: only more than that counts.
        lines = [
            line._replace(blank_before=gap > fewest)
            for line, gap in zip(lines, gaps, strict=True)
        ]
    return lines


def _source_age(raw: str) -> tuple[int, int] | None:
    """Where "DW · 3 hours ago" splits into a source and an age, if it does."""
    if "·" not in raw and "•" not in raw and "|" not in raw:
        return None
    match = _SOURCE_AGE.fullmatch(raw)
    if match is None or not _is_age(match["age"]):
        return None
    return match.end("name"), match.start("age")


def _choose(lines: list[_Line], layouts: tuple[Layout, ...]) -> Layout:
    """The first layout whose related heading occurs, else the last one."""
    if len(layouts) == 1:
        return layouts[0]
    folded = {line.folded for line in lines}
    for layout in layouts[:-1]:
        if any(layout.is_related_heading(f) for f in folded if f):
            return layout
    return layouts[-1]


def _plan(lines: list[_Line], layout: Layout) -> _Plan:
    """Give every line a role, following *layout*."""
    plan = _Plan(
        roles=["paragraph"] * len(lines),
        prose=[
            _is_prose(line.raw, layout) and not is_cookie_notice(line.raw)
            for line in lines
        ],
    )
    body_start, body_end, first_end = _body_span(lines, layout, plan.prose)
    lead = _lead_start(lines, layout, plan.prose, body_start, first_end)
    body_from = _plan_head(lines, layout, plan, lead, first_end)
    stop = _article_end(lines, layout, plan.prose, body_from, body_end, first_end)
    for i in range(stop, body_end):
        plan.roles[i] = "furniture"
        plan.reasons[i] = "after-article"
    _plan_body(lines, layout, plan, body_from, stop)
    _plan_repeats(lines, plan, body_from, stop)
    for i in range(body_start, stop):
        folded = lines[i].folded
        if folded and layout.is_related_heading(folded):
            # a related heading inside the article: a link box, not its end
            plan.roles[i] = "furniture"
            plan.reasons[i] = "related-heading"
    _plan_related(lines, layout, plan, body_end)
    return plan


def _body_span(
    lines: list[_Line], layout: Layout, prose: list[bool]
) -> tuple[int, int, int]:
    """
    Where the body may start, where the related section starts, and where
    the stretch the body starts in ends.

    Related headings cut the dump into stretches. The body is the first
    stretch with prose in it, unless a later one holds a run of at least
    `Layout.later_body_lines` prose lines in a row with more than
    `Layout.later_body_share` times the characters of the first one's
    longest run: in the text of a whole page, "Trending" or "Latest news"
    rails and a cookie notice often come before the article, and a rail's
    heading must not end the article before it begins. Related items, one
    prose line each between their source and age lines, never make such a
    run. A later stretch must also hold more than `_LATER_BODY_TOTAL` of
    the prose characters of the stretch it replaces: a short conclusion
    after a "Read more" rail in the middle of a long list-heavy article is
    not the body. A related heading followed by a run of
    `Layout.later_body_lines` prose lines is a link box inside the
    article, not its end: the body goes on across it, and the related
    section starts at the first related heading after the body that no
    such run follows.
    """
    cuts = [
        i
        for i, line in enumerate(lines)
        if line.folded and layout.is_related_heading(line.folded)
    ]
    if not cuts:
        return 0, len(lines), len(lines)
    bounds = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(lines)], strict=True))
    runs = [_longest_prose_run(lines, prose, a, b) for a, b in bounds]
    first = next((k for k, (chars, _) in enumerate(runs) if chars), None)
    if first is None:
        return 0, cuts[0], cuts[0]
    chosen = first
    totals = [
        sum(len(lines[i].raw) for i in range(a, b) if prose[i]) for a, b in bounds
    ]
    for k in range(first + 1, len(bounds)):
        chars, count = runs[k]
        if (
            count >= layout.later_body_lines
            and chars > layout.later_body_share * runs[first][0]
            and chars > runs[chosen][0]
            and totals[k] > _LATER_BODY_TOTAL * totals[chosen]
        ):
            chosen = k
    last = chosen
    while last + 1 < len(bounds) and runs[last + 1][1] >= layout.later_body_lines:
        last += 1
    return bounds[chosen][0], bounds[last][1], bounds[chosen][1]


def _lead_start(
    lines: list[_Line], layout: Layout, prose: list[bool], start: int, end: int
) -> int:
    """
    Where the body may start, from *start*: after the earliest gap of
    `Layout.article_gap` lines without prose before the body's longest run
    of prose lines that less than 1/`_LEAD_SHARE` of the prose from that run
    on comes before.

    On a whole page, a mega menu's blurbs, a government banner or a
    newsletter box above the article hold a few prose lines that the
    article's lines do not follow closely: the long gap between them and
    the article sets them apart, as the same gap ends the article after it.
    """
    if not layout.article_gap:
        return start
    last = _longest_run_end(lines, prose, start, end)
    if last is None:
        return start
    first = last
    while first > start and prose[first - 1]:
        first -= 1
    after = sum(len(lines[i].raw) for i in range(first, end) if prose[i])
    before = sum(len(lines[i].raw) for i in range(start, first) if prose[i])
    gap = 0
    cut = start
    for i in range(first - 1, start - 1, -1):
        if prose[i]:
            if gap >= layout.article_gap and _LEAD_SHARE * before < after:
                cut = i + 1
            before -= len(lines[i].raw)
            gap = 0
            continue
        gap += 1
    return cut


def _longest_prose_run(
    lines: list[_Line], prose: list[bool], start: int, end: int
) -> tuple[int, int]:
    """Characters and lines of the longest run of prose lines in a row."""
    return max(
        ((chars, count) for chars, count, _ in _prose_runs(lines, prose, start, end)),
        default=(0, 0),
    )


def _prose_runs(
    lines: list[_Line], prose: list[bool], start: int, end: int
) -> Iterator[tuple[int, int, int]]:
    """Each run of prose lines in a row: its characters, lines and last line."""
    chars = count = 0
    for i in range(start, end):
        if prose[i]:
            chars += len(lines[i].raw)
            count += 1
        elif count:
            yield chars, count, i - 1
            chars = count = 0
    if count:
        yield chars, count, end - 1


def _article_end(  # noqa: PLR0917 - internal, positional like its peers
    lines: list[_Line],
    layout: Layout,
    prose: list[bool],
    start: int,
    end: int,
    core_end: int,
) -> int:
    """
    Where the article stops before *end*.

    From the body's longest run of prose lines on, the article goes on
    across gaps without prose (lists, tables, pull quotes) as long as they
    are shorter than `Layout.article_gap` lines (`_LIST_GAP` times as many
    after a prose line ending in a colon, which announces a list) or more
    prose follows them:
    a run of `Layout.later_body_lines` prose lines, or at least
    `_RESUME_MIN_PROSE` prose lines holding `Layout.resume_share` of the
    prose characters before the gap (a list-heavy article), unless half as
    many date lines come with them (a teaser rail: headline, date,
    excerpt). It also stops at the name line of an author box
    (`_is_bio_head`) that less than 1/`_BIO_SHARE` of the prose follows, or
    at the first very short line (`_is_short`) between the last prose line
    and such a line.
    Two comment stamps (`_comments_start`) end it after the longest run,
    or before it as `_early_end` says.
    It stops after the last prose line before a longer gap that
    only teasers and footers follow, or at a line that closes an article
    (`Layout.is_article_end`): after the longest run, or before it if at
    least as much prose comes before that line as after it (promotions
    after an article can hold the page's longest run).
    """
    if not layout.article_gap:
        return end
    last = _longest_run_end(lines, prose, start, max(start, core_end))
    if last is None:
        return end
    origin = last + 1
    resumes = _run_ahead(prose, origin, end, layout.later_body_lines)
    ahead = _prose_ahead(lines, prose, start, end)
    total = ahead[0][0]
    early = _early_end(lines, layout, prose, start, origin, ahead)
    if early is not None:
        return early
    end = _comments_start(lines, prose, origin, end)
    gap = 0
    for i in range(origin, end):
        if prose[i]:
            last, gap = i, 0
            continue
        folded = lines[i].folded
        if folded and (
            layout.is_article_end(folded)
            or (
                _is_bio_head(lines, prose, i, end)
                and _BIO_SHARE * ahead[i - start][0] < total
            )
        ):
            # short lines between the last prose and the end line (tags,
            # the author's name) go with it; longer ones (a list) stay
            k = last + 1
            while k < i and not _is_short(lines[k].raw, layout):
                k += 1
            return k
        gap += 1
        if (
            gap >= layout.article_gap * (_LIST_GAP if lines[last].raw[-1] == ":" else 1)
            and not resumes[i - origin]
        ):
            chars, count, ages = ahead[i - start]
            if (
                count >= _RESUME_MIN_PROSE
                and chars >= layout.resume_share * (total - chars)
                and 2 * ages < count
            ):
                continue
            return last + 1
    return end


def _comments_start(lines: list[_Line], prose: list[bool], start: int, end: int) -> int:
    """
    Where a comment section starts between *start* and *end*, else *end*.

    Comments print their date and clock time on a line of their own
    ("April 27, 2009 at 8:59 AM", after the commenter's name or on its
    line). Two such lines after the body's longest run head a comment
    section; it starts at the first one, or at the short line before it
    (the commenter's name).
    """
    first = -1
    for i in range(start, end):
        line = lines[i]
        if line.folded and not prose[i] and _STAMP.search(line.raw):
            if first >= 0:
                if first > start and lines[first - 1].folded and not prose[first - 1]:
                    return first - 1
                return first
            first = i
    return end


def _is_bio_head(lines: list[_Line], prose: list[bool], i: int, end: int) -> bool:
    """
    Whether line *i* heads an author box: a name of two to four capitalised
    words without digits, and the next prose line within two lines starts
    with its first word(s) and a verb of `BIO_VERBS` ("Jane Roe" then "Jane
    Roe is a reporter ..." or "Jane joined ...").
    """
    words = lines[i].raw.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if any(c.isdigit() for c in lines[i].raw):
        return False
    for k in range(i + 1, min(i + 3, end)):
        if prose[k]:
            said = lines[k].raw.split(None, len(words) + 1)
            n = 0
            while n < len(words) and n < len(said) - 1 and said[n] == words[n]:
                n += 1
            return n > 0 and said[n] in _BIO_VERBS
    return False


def _longest_run_end(
    lines: list[_Line], prose: list[bool], start: int, end: int
) -> int | None:
    """The last line of the first longest run of prose lines, if any."""
    best_chars = 0
    last: int | None = None
    for chars, _, run_last in _prose_runs(lines, prose, start, end):
        if chars > best_chars:
            best_chars, last = chars, run_last
    return last


def _early_end(  # noqa: PLR0917 - internal, positional like its peers
    lines: list[_Line],
    layout: Layout,
    prose: list[bool],
    start: int,
    stop: int,
    ahead: list[tuple[int, int, int]],
) -> int | None:
    """
    The first article-end line before *stop* that has at least as much
    prose before it (from *start*) as after it, or, for a number of comments
    ("12 comments"), at least 1/`_COMMENTS_BEFORE` of the prose before it,
    else where two comment stamps before *stop* open a comment section
    with at least 1/`_COMMENTS_BEFORE` of the prose before it (a long
    comment can be the page's longest run), if any.
    """
    total = ahead[0][0]
    for i in range(start, stop):
        folded = lines[i].folded
        if (
            folded
            and not prose[i]
            and layout.is_article_end(folded)
            and (
                total >= 2 * ahead[i - start][0]
                or (
                    _is_comment_count(folded, layout)
                    and _COMMENTS_BEFORE * (total - ahead[i - start][0]) >= total
                )
            )
        ):
            return i
    comments = _comments_start(lines, prose, start, stop)
    if (
        comments < stop
        and _COMMENTS_BEFORE * (total - ahead[comments - start][0]) >= total
    ):
        return comments
    return None


def _is_comment_count(folded: str, layout: Layout) -> bool:
    """Whether a line is a number of comments ("12 comments")."""
    count, _, rest = folded.partition(" ")
    return count.isdigit() and any(
        _starts_with_words(rest, w) for w in layout.comment_counts
    )


def _prose_ahead(
    lines: list[_Line], prose: list[bool], start: int, end: int
) -> list[tuple[int, int, int]]:
    """For each line from *start* to *end*: the prose characters, prose
    lines and date lines from it to *end* (one pass from the end)."""
    ahead = [(0, 0, 0)] * (end - start + 1)
    chars = count = ages = 0
    for i in range(end - 1, start - 1, -1):
        line = lines[i]
        if prose[i]:
            chars += len(line.raw)
            count += 1
        ages += line.age
        ahead[i - start] = (chars, count, ages)
    return ahead


def _run_ahead(prose: list[bool], start: int, end: int, size: int) -> list[bool]:
    """For each line from *start* to *end*: whether a run of *size* prose
    lines in a row starts at it or after it (one pass from the end)."""
    ahead = [False] * (end - start)
    found = False
    run = 0
    for i in range(end - 1, start - 1, -1):
        run = run + 1 if prose[i] else 0
        found = found or run >= size
        ahead[i - start] = found
    return ahead


def _is_navigation(raw: str, folded: str, layout: Layout) -> bool:
    if folded in layout.navigation or folded in layout.furniture:
        return True
    return sum(raw.count(sep) for sep in _MENU_SEPARATORS) >= 2


def _is_headline(line: _Line, layout: Layout) -> bool:
    raw = line.raw
    return (
        len(raw) <= layout.title_max_chars
        and raw[-1] not in ".:"
        and _has_words(raw, layout.title_min_words)
        and not line.age
        and not raw.startswith(_BYLINE_STARTS)
        and not _is_navigation(raw, line.folded, layout)
    )


def _has_words(raw: str, count: int) -> bool:
    """
    Whether *raw* has at least *count* words: space-separated words, plus
    one per two kana or Han characters (an estimate for Japanese and
    Chinese, which put no spaces between words).
    """
    if count <= 0:
        return True
    # splitting stops after *count* words: long lines cost no more
    if len(raw.split(None, count - 1)) >= count:
        return True
    if raw.isascii():
        return False
    unspaced = len(_UNSPACED.findall(raw)) // _UNSPACED_CHARS_PER_WORD
    return len(raw.split()) + unspaced >= count


def _is_prose(raw: str, layout: Layout) -> bool:
    if len(raw) > layout.title_max_chars:
        return not _is_name_list(raw, layout)
    # A sentence end, or a sentence end inside followed by more text (a
    # paragraph with a caption glued to it ends "... Centre AFP"); checked
    # before the words, which cost more to count.
    if raw[-1] not in _SENTENCE_ENDS and _SENTENCE_INSIDE.search(raw) is None:
        return False
    if raw.endswith(_TRUNCATED):
        return False
    return _has_words(raw, _PROSE_MIN_WORDS)


def _is_name_list(raw: str, layout: Layout) -> bool:
    """
    Whether a long line is a list of names run together (the options of a
    drop-down menu, a tag cloud, a footer column): no sentence stop or
    comma and mostly capitalised words, and no number unless it is over
    twice a headline's length (an archive's months; a table's header or
    row with numbers is shorter).
    """
    if _LONG_STOP.search(raw) is not None:
        return False
    if len(raw) <= 2 * layout.title_max_chars and _DIGIT.search(raw) is not None:
        return False
    words = raw.split()
    return 2 * sum(w[:1].isupper() for w in words) >= len(words)


def _find_title(
    lines: list[_Line],
    layout: Layout,
    prose: list[bool],
    body_start: int,
    body_end: int,
) -> int | None:
    """
    The headline: the closest plausible headline in the `_TITLE_REACH`
    lines above the body's first prose line (dates, bylines and reading
    times often stand between them), else above the first prose line,
    else the first plausible headline.

    On a whole page, menus often describe their links in one sentence
    ("Build secure apps that engage and convert your mobile users."): a
    prose line shorter than `_BLURB_MAX_CHARS` with no other prose line in
    the `_BLURB_WINDOW` lines after it is such a blurb, not the body's
    first line.
    """
    starts = _body_starts(lines, prose, body_start, body_end)
    for at in dict.fromkeys(starts):
        for j in range(at - 1, at - 1 - _TITLE_REACH, -1):
            if j >= body_start and _is_headline(lines[j], layout):
                return j
    stop = starts[-1] if starts else body_end
    for k in range(body_start, stop):
        if _is_headline(lines[k], layout):
            return k
    return None


def _body_starts(
    lines: list[_Line], prose: list[bool], start: int, end: int
) -> list[int]:
    """The first prose line that is not a blurb, then the first prose line
    (empty without prose; the same line twice when the first is no blurb)."""
    first = None
    for i in range(start, end):
        if not prose[i]:
            continue
        if first is None:
            first = i
        if len(lines[i].raw) >= _BLURB_MAX_CHARS or any(
            prose[i + 1 : min(end, i + 1 + _BLURB_WINDOW)]
        ):
            return [i, first]
    return [] if first is None else [first]


def _plan_head(
    lines: list[_Line], layout: Layout, plan: _Plan, body_start: int, body_end: int
) -> int:
    """
    Find the title and subtitle; return where the body starts.

    Lines before the title, or before *body_start* if there is no title,
    are navigation; related headings among them keep that reason.
    """
    title_at = _find_title(lines, layout, plan.prose, body_start, body_end)
    for i in range(body_start if title_at is None else title_at):
        plan.roles[i] = "furniture"
        folded = lines[i].folded
        related = bool(folded) and layout.is_related_heading(folded)
        plan.reasons[i] = "related-heading" if related else "navigation"
    if title_at is None:
        return body_start
    plan.roles[title_at] = "title"
    sub = title_at + 1
    if (
        sub + 1 < body_end
        and layout.subtitle_max_chars
        and len(lines[sub].raw) <= layout.subtitle_max_chars
        and _has_words(lines[sub].raw, 4)
        and not lines[sub].age
        and not lines[sub].raw.startswith(_BYLINE_STARTS)
        and not (
            len(lines[sub].raw) >= _STANDFIRST_CHARS
            and plan.prose[sub]
            and plan.prose[sub + 1]
        )
    ):
        plan.roles[sub] = "subtitle"
        return _plan_byline(lines, plan, sub + 1, body_end)
    return _plan_byline(lines, plan, title_at + 1, body_end)


def _plan_byline(lines: list[_Line], plan: _Plan, start: int, body_end: int) -> int:
    """
    Set aside the lines after the headline (and standfirst) that are a
    "By ..." line naming people or a date line ("Published: 13 July 2025"),
    one of each in either order; return where the body starts.
    """
    found: set[str] = set()
    while start < body_end:
        raw = lines[start].raw
        if (
            "byline" not in found
            and len(raw) <= _SHORT_LINE
            and raw.startswith(_BYLINE_STARTS)
            and clean_authors([raw])
        ):
            reason = "byline"
        elif "dateline" not in found and is_date_line(raw):
            reason = "dateline"
        else:
            break
        found.add(reason)
        plan.roles[start] = "furniture"
        plan.reasons[start] = reason
        start += 1
    return start


def _is_short(raw: str, layout: Layout) -> bool:
    return (
        len(raw) <= _SHORT_LINE
        and raw[-1] not in ".!?\"”’'。！？"
        and not _has_words(raw, layout.menu_max_words + 1)
    )


def _plan_body(
    lines: list[_Line], layout: Layout, plan: _Plan, start: int, end: int
) -> None:
    """Mark menus, headings and layout furniture between title and related."""
    i = start
    while i < end:
        raw = lines[i].raw
        folded = lines[i].folded
        if folded and _is_navigation(raw, folded, layout):
            plan.roles[i] = "furniture"
            plan.reasons[i] = (
                "furniture" if folded in layout.furniture else "navigation"
            )
            i += 1
            continue
        if folded and (lines[i].age or is_date_line(raw)):
            plan.roles[i] = "furniture"
            plan.reasons[i] = "date"
            i += 1
            continue
        run = _link_run(lines, layout, plan.prose, i, end)
        if run > i:
            for k in range(i, run):
                plan.roles[k] = "furniture"
                plan.reasons[k] = "link-list"
            i = run
            continue
        if not _is_short(raw, layout):
            i += 1
            continue
        run = i
        while run < end and _is_short(lines[run].raw, layout):
            run += 1
        # Short lines that a line ending in a colon announces are the
        # article's list ("The plan includes:"), not a menu.
        menu = run - i >= layout.menu_run and not (
            i > start and lines[i - 1].raw[-1] == ":"
        )
        for k in range(i, run):
            plan.roles[k] = "furniture" if menu else "heading"
            if menu:
                plan.reasons[k] = "menu"
        i = run


def _is_link_text(line: _Line, prose: bool) -> bool:
    """A line that reads like a link: not prose, short, no sentence end."""
    raw = line.raw
    return not prose and len(raw) <= _LINK_MAX_CHARS and raw[-1] not in _CLAUSE_ENDS


def _link_run(
    lines: list[_Line], layout: Layout, prose: list[bool], start: int, end: int
) -> int:
    """
    Where a list of links that starts at *start* ends, or *start* if none.

    A list of links is a run of at least `Layout.link_run` lines that read
    like links, some longer than a menu item, that no line ending in a
    colon introduces and no prose line follows: teaser headlines and footer
    columns, where a list inside an article is announced ("The plan
    includes:") or goes on with the article's sentences.
    """
    if not layout.link_run or not _is_link_text(lines[start], prose[start]):
        return start
    if start and lines[start - 1].raw[-1] == ":":
        return start
    run = start + 1
    while run < end and _is_link_text(lines[run], prose[run]):
        run += 1
    if (
        run - start < layout.link_run
        or (run < end and prose[run])
        or all(_is_short(lines[k].raw, layout) for k in range(start, run))
    ):
        return start
    return run


def _plan_repeats(lines: list[_Line], plan: _Plan, start: int, end: int) -> None:
    """
    Set aside link-like lines that the page prints more than once, as
    ``repeated``.

    A page's text often holds its menus and teasers twice (for small and
    large screens) and a table of contents that repeats the section
    headings. A line that reads like a link and occurs more than once in
    the dump keeps only the copies that a prose line follows (the section
    heading itself); repeated paragraphs are handled when the article is
    assembled.
    """
    counts = Counter(line.raw for line in lines)
    if len(counts) == len(lines):
        return
    for i in range(start, end):
        line = lines[i]
        if (
            counts[line.raw] < 2
            or i in plan.reasons
            or plan.roles[i] not in _REPEAT_ROLES
            or not _is_link_text(line, plan.prose[i])
        ):
            continue
        if i + 1 >= end or not plan.prose[i + 1]:
            plan.roles[i] = "furniture"
            plan.reasons[i] = "repeated"


def _plan_related(lines: list[_Line], layout: Layout, plan: _Plan, start: int) -> None:
    """Split the related section(s) into items and give each line its field."""
    group: list[int] = []
    for i in range(start, len(lines)):
        folded = lines[i].folded
        if folded and layout.is_related_heading(folded):
            _plan_group(lines, layout, plan, group)
            group = []
            plan.roles[i] = "related-heading"
            plan.reasons[i] = "related-heading"
            continue
        if lines[i].blank_before and group:
            _plan_group(lines, layout, plan, group)
            group = []
        group.append(i)
    _plan_group(lines, layout, plan, group)


def _is_age(raw: str) -> bool:
    """Whether a line looks like an age or a date ("3 hours ago")."""
    if len(raw) > _MAX_AGE_CHARS:
        return False
    if _AGE.search(raw):
        return True
    if _DIGIT.search(raw) is None:
        return False
    try:
        # A time as a whole, not one among other words: a headline such as
        # "3 years later: the town rebuilds" is no date line.
        return times._resolve_line(raw, _PROBE) is not None  # noqa: SLF001
    except (ValueError, OverflowError):
        return False


def _plan_group(
    lines: list[_Line], layout: Layout, plan: _Plan, group: list[int]
) -> None:
    """Plan one blank-separated group of related lines: one or more items."""
    if not group:
        return
    fields = layout.item_fields
    ages = [k for k, i in enumerate(group) if lines[i].age or lines[i].split]
    if len(ages) >= 2 and ("age" in fields or "source-age" in fields):
        cuts = sorted({max(0, k - _lead(fields, lines[group[k]])) for k in ages} | {0})
        for a, b in zip(cuts, [*cuts[1:], len(group)], strict=True):
            _plan_item(lines, layout, plan, group[a:b])
        return
    headlines = [lines[i].raw for i in group]
    if (
        len(group) >= 2
        and not ages
        and all(len(h) <= layout.title_max_chars for h in headlines)
        and not any(h.endswith(".") or _echo_of(h) is not None for h in headlines)
    ):
        for i in group:
            _plan_item(lines, layout, plan, [i])
        return
    _plan_item(lines, layout, plan, group)


def _lead(fields: tuple[ItemField, ...], line: _Line) -> int:
    """How many lines of an item come before its age line."""
    field: ItemField = "source-age" if line.split else "age"
    before = fields[: fields.index(field)] if field in fields else ()
    return int(("source" if field == "age" else "title") in before)


def _echo_of(raw: str) -> str | None:
    """The name after a leading dash ("- DW" gives "DW"), if short."""
    match = _ECHO.match(raw)
    if match is None or match.end() == len(raw):
        return None
    name = raw[match.end() :]
    if len(name) > _MAX_SOURCE_CHARS:
        return None
    return name


def _fits(field: ItemField, line: _Line, source: str | None) -> bool:
    raw = line.raw
    if field == "source":
        return (
            len(raw) <= _MAX_SOURCE_CHARS
            and len(raw.split()) <= _MAX_SOURCE_WORDS
            and raw[-1] not in ".!?"
            and not line.age
            and line.split is None
            and _echo_of(raw) is None
        )
    if field == "age":
        return line.age
    if field == "source-age":
        return line.split is not None
    if field == "title":
        return line.split is None
    if field == "source-echo":
        echo = _echo_of(raw)
        return echo is not None and (
            source is None or echo.casefold() == source.casefold()
        )
    return True  # body: anything else


def _assign(
    lines: list[_Line], fields: tuple[ItemField, ...], group: list[int]
) -> list[tuple[int, ItemField]]:
    """Match the group's lines to the fields, in order, each optional."""
    out: list[tuple[int, ItemField]] = []
    source: str | None = None
    at = 0
    for field in fields:
        if at >= len(group):
            break
        if field == "body":
            out.extend((i, "body") for i in group[at:])
            at = len(group)
            break
        line = lines[group[at]]
        if _fits(field, line, source):
            out.append((group[at], field))
            if field == "source":
                source = line.raw
            at += 1
    out.extend((i, "body") for i in group[at:])
    return out


def _plan_item(
    lines: list[_Line], layout: Layout, plan: _Plan, group: list[int]
) -> None:
    if not group:
        return
    fields = layout.item_fields
    assigned = _assign(lines, fields, group)
    got = {f for _, f in assigned}
    if "source" in got and not got & {"age", "source-echo"}:
        # A lone short line before the title is the title, not a source.
        assigned = _assign(lines, tuple(f for f in fields if f != "source"), group)
        got = {f for _, f in assigned}
    if "title" not in got and "body" in got and "title" in fields:
        # Promote the first body line to title.
        first = next(k for k, (_, f) in enumerate(assigned) if f == "body")
        assigned[first] = (assigned[first][0], "title")
    for i, field in assigned:
        if field == "source-echo":
            plan.roles[i] = "furniture"
            plan.reasons[i] = "source-echo"
        else:
            plan.roles[i] = f"related-{field}"
    plan.items.append(assigned)


def _blocks(
    lines: list[_Line], roles: list[str], removals: list[Removal], text: str
) -> tuple[list[Block], list[int]]:
    """One block per line (two for "source · age" lines), and their lines."""
    found: list[tuple[str, str, int]] = []
    line_of: list[int] = []
    for number, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if role == "related-source-age" and line.split is not None:
            name_end, age_start = line.split
            start = line.start
            removals.extend(
                _layout_removal("separator", text, a, b)
                for a, b in _stripped_spans(text, start + name_end, start + age_start)
            )
            parts: tuple[tuple[str, str, int], ...] = (
                (line.raw[:name_end], "related-source", start),
                (line.raw[age_start:], "related-age", start + age_start),
            )
        else:
            parts = ((line.raw, role, line.start),)
        found.extend(parts)
        line_of.extend(number for _ in parts)
    count = len(found)
    blocks = [
        _block(raw, role, start, index, count)
        for index, (raw, role, start) in enumerate(found)
    ]
    return blocks, line_of


def _stripped_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank span of ``text[start:end]``, if any."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    at = start + len(piece) - len(piece.lstrip())
    return [(at, at + len(stripped))]


def _block(raw: str, role: str, start: int, index: int, count: int) -> Block:
    """A block for *raw*, found at *start* in the input, spaces squashed."""
    if raw.isprintable() and "  " not in raw:
        return Block(
            text=raw,
            role=role,
            index=index,
            count=count,
            start=start,
            end=start + len(raw),
        )
    pieces: list[tuple[int, int, int]] = []
    parts: list[str] = []
    out = 0
    at = 0
    for match in _ODD_SPACE.finditer(raw):
        if match.start() > at:
            pieces.append((out, start + at, match.start() - at))
            parts.append(raw[at : match.start()])
            out += match.start() - at + 1
        at = match.end()
    if at < len(raw):
        pieces.append((out, start + at, len(raw) - at))
        parts.append(raw[at:])
    return Block(
        text=" ".join(parts),
        role=role,
        index=index,
        count=count,
        start=start,
        end=start + len(raw),
        pieces=pieces,
    )


def reference_time(
    now: dt.datetime | None, observations: list[tuple[str, ...]]
) -> tuple[dt.datetime | Timestamp | None, Timestamp | None, ReferenceHow]:
    """
    Decide the time that ages are resolved against.

    Args:
        now: The time the caller gave, if any.
        observations: For each related item, the strings it prints that
            bear on time: its age text and its headline as printed.

    Returns:
        What to resolve ages against (the given instant, the inferred
        `Timestamp` whose bounds then widen every age, or ``None``), the
        `Timestamp` to record as `Article.reference`, and how it was
        obtained.
    """
    if now is not None:
        given = Timestamp(text="given", value=now, earliest=now, latest=now)
        return now, given, "given"
    try:
        inferred = times.infer_reference(observations)
    except (ValueError, OverflowError):
        inferred = None
    if inferred is not None:
        return inferred, inferred, "inferred"
    return None, None, "none"


@attrs.define
class _Item:
    title: str | None = None
    raw_title: str = ""
    source: str | None = None
    age: str | None = None
    age_block: int = -1
    body: list[str] = attrs.Factory(list)
    captions: list[Caption] = attrs.Factory(list)
    blocks: list[int] = attrs.Factory(list)


def _assemble(  # noqa: C901, PLR0912, PLR0915, PLR0917 - one branch per role
    text: str,
    blocks: list[Block],
    line_of: list[int],
    outcomes: list[Outcome | None],
    plan: _Plan,
    removals: list[Removal],
    *,
    now: dt.datetime | None,
    habit: times.Habit,
    layout: Layout,
) -> Article:
    title: str | None = None
    said: set[str] = set()  # the paragraphs kept so far
    subtitle: str | None = None
    paragraphs: list[str] = []
    headings: list[int] = []
    captions: list[Caption] = []
    owner: dict[int, int] = {}
    for number, assigned in enumerate(plan.items):
        for i, _ in assigned:
            owner[i] = number
    items = [_Item() for _ in plan.items]
    bylines: list[str] = []
    datelines: list[tuple[str, bool]] = []
    copies = _Copies()

    def drop(reason: str, block: Block) -> None:
        for start, end in block.to_input(0, len(block.text)):
            removals.append(_layout_removal(reason, text, start, end))

    for b, (block, outcome) in enumerate(zip(blocks, outcomes, strict=True)):
        i = line_of[b]
        role = block.role
        item = items[owner[i]] if i in owner else None
        if item is not None and role == "related-title":
            item.raw_title = block.text
        if outcome is None:  # no filter had an opinion
            kept = block
        else:
            removals.extend(outcome.removals)
            if item is not None:
                item.captions.extend(outcome.captions)
            else:
                captions.extend(outcome.captions)
            if not outcome.kept:
                continue
            kept = outcome.block
        if i in plan.reasons:
            drop(plan.reasons[i], kept)
            if plan.reasons[i] == "byline":
                bylines.append(kept.text)
            if plan.reasons[i] in {"byline", "dateline"}:
                datelines.append((kept.text, plan.reasons[i] == "byline"))
        elif role == "title" and title is None:
            title = kept.text
        elif role == "subtitle" and subtitle is None:
            subtitle = kept.text
        elif item is not None:
            item.blocks.append(b)
            if role == "related-title" and item.title is None:
                item.title = kept.text
            elif role == "related-source" and item.source is None:
                item.source = kept.text
            elif role == "related-age" and item.age is None:
                item.age, item.age_block = kept.text, b
            else:
                item.body.append(kept.text)
        elif role == "paragraph" and kept.text in said and _is_prose(kept.text, layout):
            # a pull quote or a block the page prints twice
            drop("repeated", kept)
        elif (
            role == "paragraph"
            and len(kept.text) >= _COPY_MIN_CHARS
            and copies.repeats(kept.text, paragraphs)
        ):
            # a hidden copy of the article, as one line
            drop("repeated", kept)
        else:
            if role == "heading":
                headings.append(len(paragraphs))
            paragraphs.append(kept.text)
            said.add(kept.text)
    observations = [
        tuple(s for s in (item.age, item.raw_title) if s)
        for item in items
        if item.age or item.raw_title
    ]
    ref_now, reference, how = reference_time(now, observations)
    related = []
    for item in items:
        if item.title is None and item.body:
            item.title = item.body.pop(0)
        if item.title is None:
            for i in item.blocks:
                drop("related-item-without-title", _kept_block(blocks, outcomes, i))
            captions.extend(item.captions)
            continue
        published = None
        if item.age is not None:
            published = _resolve(item.age, ref_now, habit)
            if published is None:
                drop("unresolved-age", _kept_block(blocks, outcomes, item.age_block))
        # A date the title ends in ("– DW – 07/13/2025") narrows the age.
        dated = times.title_date(item.raw_title) if item.raw_title else None
        if dated is not None:
            both = None if published is None else times.intersect(published, dated)
            if both is not None and item.age is not None:
                # Keep the age as printed: the date stays in the removed suffix.
                both = attrs.evolve(both, text=item.age)
            published = both or published or dated
        related.append(
            RelatedItem(
                title=item.title,
                source=Source(name=item.source) if item.source else None,
                published=published,
                body="\n\n".join(item.body),
                captions=item.captions,
            )
        )
    if subtitle is not None and not paragraphs:
        # A standfirst needs a body under it; alone, it is the body.
        paragraphs, subtitle = [subtitle], None
    removals.sort(key=lambda r: (r.start, r.end))
    published, modified = line_dates(datelines)
    return Article(
        title=title,
        subtitle=subtitle,
        paragraphs=paragraphs,
        headings=headings,
        captions=captions,
        authors=clean_authors(bylines),
        published=published,
        modified=modified,
        related=related,
        removed=removals,
        reference=reference,
        reference_how=how,
    )


@attrs.define
class _Copies:
    """
    Tells whether a long line repeats the article so far: at least
    `_COPY_SHARE` of its runs of `_COPY_WORDS` words occur in the kept
    paragraphs (a hidden copy of the article printed as one line). The
    paragraphs' word runs are collected once, as they come.
    """

    seen: set[tuple[str, ...]] = attrs.Factory(set)
    upto: int = 0

    def repeats(self, text: str, paragraphs: list[str]) -> bool:
        for paragraph in paragraphs[self.upto :]:
            said = paragraph.split()
            self.seen.update(_runs(said))
        self.upto = len(paragraphs)
        grams = set(_runs(text.split()))
        return len(grams & self.seen) >= _COPY_SHARE * len(grams)


def _runs(words: list[str]) -> Iterator[tuple[str, ...]]:
    return (tuple(words[k : k + _COPY_WORDS]) for k in range(len(words)))


def _kept_block(
    blocks: list[Block], outcomes: list[Outcome | None], index: int
) -> Block:
    outcome = outcomes[index]
    return blocks[index] if outcome is None else outcome.block


def _resolve(
    age: str, now: dt.datetime | Timestamp | None, habit: times.Habit
) -> Timestamp | None:
    if now is None:
        return None
    try:
        return times.resolve(age, now, habit=habit)
    except (ValueError, OverflowError):
        return None
