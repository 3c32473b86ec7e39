"""
A page's publication and update dates, from every place pages put them.

Each source is one small function that turns what the page holds into
`DateCandidate` values; the signals they look for are the tables below.
`choose` then picks the page's dates by rank (see `docs/guide/dates.md`):

1. structured data: JSON-LD (the article object first), named ``<meta>``
   tags, microdata;
2. the URL's day (``/2020/10/18/``);
3. ``<time>``, ``<abbr title>`` and date-classed elements, and dates in the
   text, just after the headline (the byline area);
4. the URL's month (``/2020/10/``);
5. as a last resort, ``<time>`` and date-classed elements elsewhere, outside
   comments, footers and teaser lists.

``published`` is the best-ranked candidate that says "published" or says
nothing about its role; ``modified`` the best that says "updated".
A page that only prints "Updated ..." gets a ``modified`` and no
``published``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final, Literal, Protocol

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsdump import times
from newsdump._dates import (
    TextDate,
    find_text_dates,
    label_role,
    make_stamp,
    month_first,
    plausible,
    url_dates,
)
from newsdump._models import Timestamp

__all__ = [
    "DATE_CLASS",
    "IMAGE_META",
    "LD_DATE_KEYS",
    "META_DATE_KEYS",
    "OUTSIDE_WORDS",
    "RDFA_DATE_KEYS",
    "DateCandidate",
    "Role",
    "choose",
    "gather",
    "headline_area",
    "is_leafish",
    "next_element",
    "node_value",
    "outside",
]

Role = Literal["published", "modified", "unknown"]
"""What a date says it is: the first publication, an update, or not said
(the words that decide it are `newsdump._dates.ROLE_WORDS`)."""

LD_DATE_KEYS: Final[Mapping[str, tuple[Role, int]]] = {
    "datePublished": ("published", 0),
    "dateCreated": ("published", 2),
    "uploadDate": ("published", 1),
    "coverageStartTime": ("published", 1),
    "dateModified": ("modified", 0),
}
"""JSON-LD and microdata properties that hold a page's dates, with their role
and rank (lower is better)."""

META_DATE_KEYS: Final[Mapping[str, tuple[Role, int]]] = {
    "article:published_time": ("published", 0),
    "og:article:published_time": ("published", 0),
    "article:published": ("published", 1),
    "datepublished": ("published", 1),
    "pubdate": ("published", 1),
    "publishdate": ("published", 1),
    "publish-date": ("published", 1),
    "publish_date": ("published", 1),
    "published_time": ("published", 1),
    "parsely-pub-date": ("published", 1),
    "sailthru.date": ("published", 2),
    "dc.date.issued": ("published", 2),
    "dcterms.issued": ("published", 2),
    "dcterms.created": ("published", 2),
    "dc.date.created": ("published", 2),
    "citation_publication_date": ("published", 2),
    "citation_online_date": ("published", 2),
    "citation_date": ("unknown", 3),
    "dc.date": ("unknown", 3),
    "dcterms.date": ("unknown", 3),
    "date": ("unknown", 3),
    "article:modified_time": ("modified", 0),
    "og:updated_time": ("modified", 0),
    "datemodified": ("modified", 1),
    "dcterms.modified": ("modified", 1),
    "dc.date.modified": ("modified", 1),
    "article:modified": ("modified", 1),
    "last-modified": ("modified", 4),
}
"""Meta names (``name``, ``property``, ``itemprop`` or ``http-equiv``, in lower
case) that hold a page's dates, with their role and rank.
Other names are read by pattern (`_META_PATTERNS`) at a worse rank."""

_META_PATTERNS: Final[tuple[tuple[re.Pattern[str], Role], ...]] = (
    (
        re.compile(r"expir|embargo|copyright|birth|event|start|end|valid|review"),
        "unknown",
    ),
    (re.compile(r"modif|updat|revis"), "modified"),
    (re.compile(r"publi|pub[-_.]?date|creat|issued|release|posted"), "published"),
    (re.compile(r"(?<![a-z])date(?![a-z])|date$"), "unknown"),
)
"""Meta names matched by pattern, first match wins; the first row lists
dates that are not the page's (the role is then ignored)."""

DATE_CLASS: Final[re.Pattern[str]] = re.compile(
    r"date|time|publish|posted|updated|modified|dateline|byline|meta|info",
    re.IGNORECASE,
)
"""Class or id words of elements that print a page's date (or its byline,
where the date often sits)."""

_DATE_CLASS_QUERY: Final = (
    "time, abbr[title], [class*=date i], [id*=date i], [class*=publi i], "
    "[class*=posted i], [class*=updated i], [class*=time i]"
)
OUTSIDE_WORDS: Final = frozenset(
    {
        "archive",
        "breadcrumb",
        "breadcrumbs",
        "calendar",
        "comment",
        "comments",
        "feed",
        "listing",
        "menu",
        "nav",
        "navigation",
        "newsletter",
        "popular",
        "promo",
        "recommended",
        "related",
        "reply",
        "share",
        "teaser",
        "teasers",
        "trending",
    }
)
"""Words of a class or id (split at "-" and "_") that mark a region whose
dates are other items' dates: comments, teaser lists, menus."""

_CLASS_PARTS: Final = re.compile(r"[\s_-]+")
_OUTSIDE_TAGS: Final = frozenset({"footer", "aside", "nav", "form", "select"})
"""Tags of regions outside the article unless they sit in an ``<article>``."""
_NEAR_STEPS: Final = 150
_NEAR_TEXT_CHARS: Final = 200
_BODY_PARAGRAPH_CHARS: Final = 300
_MAX_ANCESTORS: Final = 12
_MAX_CANDIDATE_CHARS: Final = 120
_LAST_RESORT_NODES: Final = 80
_LABEL_CHARS: Final = 30
_HEADER_CHARS: Final = 1000
_MAX_AROUND_DATE: Final = 80
_OVERRIDE_GAP: Final = dt.timedelta(days=1)

# Tier bases: lower is better (see the module docstring).
_TIER_STRUCTURED: Final = 0
_TIER_URL_DAY: Final = 30
_TIER_NEAR: Final = 40
_TIER_IMAGE_URL: Final = 56
_TIER_URL_MONTH: Final = 60
_TIER_ELSEWHERE: Final = 70
_TIER_LABELLED_TEXT: Final = 90


@attrs.frozen(kw_only=True)
class DateCandidate:
    """
    One date a page states, where it states it, and how it ranks.

    Args:
        timestamp: The date, its interval and its ``source``.
        role: Whether it says it is the first publication, an update, or
            does not say.
        key: The signal it was read from: a JSON-LD property
            ("datePublished"), a meta name ("article:published_time"), an
            element ("time[datetime]", "span.post-date"), "url" or "text".
        rank: Lower ranks are preferred; see `newsdump.find_dates`.
        text: The string the date was read from.
        start: Offset of the date in *text*.
        end: Offset one past its end in *text*.
        zoned: Whether the text states its offset or zone.
    """

    timestamp: Timestamp
    role: Role
    key: str
    rank: int
    text: str
    start: int
    end: int
    zoned: bool = False

    @property
    def source(self) -> str:
        """The kind of place it was read from ("json-ld", "meta", ...)."""
        return self.timestamp.source or ""


class DatePage(Protocol):
    """**Protocol:** what `gather` reads of a page, gathered beforehand."""

    tree: LexborHTMLParser
    meta: dict[str, list[str]]
    itemprops: dict[str, list[LexborNode]]
    h1s: list[LexborNode]
    scopes: list[LexborNode]
    ld: dict[str, Any]
    ld_objects: list[tuple[int, dict[str, Any]]]
    arg_url: str | None


@attrs.frozen(kw_only=True)
class _Context:
    now: dt.datetime | None
    first_month: bool
    tz: dt.tzinfo | None
    language: str | None = None


@functools.lru_cache(maxsize=2048)
def _first_date(text: str, first_month: bool, language: str | None) -> TextDate | None:
    """The first date of a structured value (cached: pages repeat them in
    JSON-LD, meta and microdata, and sites repeat them across pages)."""
    dates = find_text_dates(text, first_month=first_month, limit=1, language=language)
    return dates[0] if dates else None


def _candidate(
    raw: str,
    ctx: _Context,
    *,
    source: str,
    key: str,
    role: Role | None,
    rank: int,
    structured: bool = False,
    found: TextDate | None = None,
) -> DateCandidate | None:
    """The candidate *raw* (its first date, or *found*) gives, if plausible
    and the page's own (*role* ``None`` marks another kind of date)."""
    if role is None:
        return None
    if found is None:
        text = " ".join(raw.split())[:_MAX_CANDIDATE_CHARS]
        found = _first_date(text, ctx.first_month, ctx.language)
        if found is None:
            return None
    else:
        text = raw
    stamp = make_stamp(text, found, ctx.tz, source)
    if stamp is None or not plausible(stamp, now=ctx.now, structured=structured):
        return None
    return DateCandidate(
        timestamp=stamp,
        role=role,
        key=key,
        rank=rank,
        text=text,
        start=found.start,
        end=found.end,
        zoned=found.zone is not None,
    )


# --- structured data --------------------------------------------------------


def _kinds(obj: Mapping[str, Any]) -> list[str]:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return [name for name in names if isinstance(name, str)]


def _is_story(obj: Mapping[str, Any]) -> bool:
    """An article or posting (not a web page) in JSON-LD."""
    return any(
        word in name
        for name in _kinds(obj)
        for word in ("Article", "Posting", "Report")
    )


def _ld_rank(obj: Mapping[str, Any], main: Mapping[str, Any], depth: int) -> int | None:
    """The rank of a JSON-LD object's dates: the main object first; then
    the story a page object holds (``mainEntity``); then other top-level
    objects. Parts of a story (live updates, reviews) are not ranked."""
    if obj is main:
        return 0
    if depth > 0:
        # A story nested in a page object (WebPage.mainEntity) is the page's
        # story; a story nested in a story is one of its parts.
        return 1 if _is_story(obj) and not _is_story(main) else None
    if _is_story(obj) or any("Page" in name for name in _kinds(obj)):
        return 5
    return 8


def _from_json_ld(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    for depth, obj in page.ld_objects:
        base = _ld_rank(obj, page.ld, depth)
        if base is None:
            continue
        for key, (role, rank) in LD_DATE_KEYS.items():
            value = obj.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            if not isinstance(value, str):
                continue
            found = _candidate(
                value,
                ctx,
                source="json-ld",
                key=key,
                role=role,
                rank=_TIER_STRUCTURED + base + rank,
                structured=True,
            )
            if found is not None:
                yield found


def _meta_role(name: str) -> tuple[Role, int] | None:
    if name in META_DATE_KEYS:
        return META_DATE_KEYS[name]
    if "date" not in name and "time" not in name and "pub" not in name:
        return None
    for index, (pattern, role) in enumerate(_META_PATTERNS):
        if pattern.search(name):
            if index == 0:
                return None
            return role, 10
    return None


def _from_meta(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    for name, values in page.meta.items():
        found_role = _meta_role(name)
        if found_role is None:
            continue
        role, rank = found_role
        for value in values[:3]:
            found = _candidate(
                value,
                ctx,
                source="meta",
                key=name,
                role=role,
                rank=_TIER_STRUCTURED + 2 + rank,
                structured=True,
            )
            if found is not None:
                yield found
                break


def node_value(node: LexborNode, limit: int | None = None) -> str:
    """An element's ``content`` or ``datetime`` attribute, else its text (the
    first *limit* characters of it)."""
    attributes = node.attributes
    for key in ("content", "datetime"):
        value = attributes.get(key)
        if value:
            return value
    return node.text(deep=True, separator=" ", strip=True)[:limit]


def _from_microdata(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    for key, (role, rank) in LD_DATE_KEYS.items():
        for node in page.itemprops.get(key.lower(), [])[:3]:
            if node.tag == "meta" or outside(node):
                continue
            found = _candidate(
                node_value(node, _MAX_CANDIDATE_CHARS),
                ctx,
                source="microdata",
                key=key,
                role=role,
                rank=_TIER_STRUCTURED + 3 + rank,
                structured=True,
            )
            if found is not None:
                yield found
                break


RDFA_DATE_KEYS: Final[Mapping[str, tuple[Role, int]]] = {
    "datepublished": ("published", 0),
    "issued": ("published", 1),
    "created": ("published", 2),
    "datecreated": ("published", 2),
    "date": ("unknown", 3),
    "datemodified": ("modified", 0),
    "modified": ("modified", 1),
}
"""RDFa properties (after their prefix: ``schema:datePublished``,
``dc:date``, ``dcterms:modified``) on elements other than ``<meta>``."""

_RDFA_QUERY: Final = (
    "[property*=date i]:not(meta), [property*=issued i]:not(meta), "
    "[property*=created i]:not(meta), [property*=modified i]:not(meta)"
)


def _from_rdfa(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    for node in page.tree.css(_RDFA_QUERY)[:10]:
        prop = (node.attributes.get("property") or "").lower()
        for name in prop.split():
            found = RDFA_DATE_KEYS.get(name.rsplit(":", 1)[-1].rsplit("/", 1)[-1])
            if found is None or outside(node):
                continue
            candidate = _candidate(
                node_value(node, _MAX_CANDIDATE_CHARS),
                ctx,
                source="rdfa",
                key=name,
                role=found[0],
                rank=_TIER_STRUCTURED + 3 + found[1],
                structured=True,
            )
            if candidate is not None:
                yield candidate
                break


# --- the URL ----------------------------------------------------------------


def _from_url(url: str | None, ctx: _Context) -> Iterator[DateCandidate]:
    if not url:
        return
    for found in url_dates(url)[:1]:
        day = found.granularity == "day"
        candidate = _candidate(
            url,
            ctx,
            source="url",
            key="url",
            role="unknown",
            rank=_TIER_URL_DAY if day else _TIER_URL_MONTH,
            found=found,
        )
        if candidate is not None:
            yield candidate


IMAGE_META: Final = ("og:image", "og:image:url", "twitter:image", "thumbnailurl")
"""Meta names of the lead image, whose address often holds the upload day."""


def _from_image_url(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    for name in IMAGE_META:
        for url in page.meta.get(name, [])[:1]:
            for found in url_dates(url)[:1]:
                if found.granularity != "day":
                    continue
                candidate = _candidate(
                    url,
                    ctx,
                    source="url",
                    key=f"meta:{name}",
                    role="unknown",
                    rank=_TIER_IMAGE_URL,
                    found=found,
                )
                if candidate is not None:
                    yield candidate
                    return


_LABELLED: Final = re.compile(
    r"(?:published|posted|updated|last\s+updated|last\s+modified|date)\s*(?:on|:)?\s*",
    re.IGNORECASE,
)
_TEXT_SCAN_CHARS: Final = 200_000


def _from_labelled_text(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    """Dates right after "Published", "Updated" and the like anywhere in the
    page's text: the last resort."""
    body = page.tree.body
    if body is None:
        return
    text = body.text(deep=True, separator="\n")[:_TEXT_SCAN_CHARS]
    for label in _LABELLED.finditer(text):
        head = text[label.end() : label.end() + _MAX_CANDIDATE_CHARS]
        dates = find_text_dates(
            head, first_month=ctx.first_month, limit=1, language=ctx.language
        )
        if not dates or dates[0].start > 0:
            continue
        line = text[label.start() : label.end() + dates[0].end]
        shift = label.end() - label.start()
        found = attrs.evolve(dates[0], start=shift, end=shift + dates[0].end)
        candidate = _candidate(
            line,
            ctx,
            source="text",
            key="text",
            role=_role_of(label.group(), ""),
            rank=_TIER_LABELLED_TEXT,
            found=found,
        )
        if candidate is not None:
            yield candidate


# --- elements and text ------------------------------------------------------


def _class_of(node: LexborNode) -> str:
    attributes = node.attributes
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}"


def outside(node: LexborNode, *, aside: bool = True) -> bool:
    """Tell whether *node* sits in comments, teasers, a menu or the page's
    footer (an article's own footer, which holds its byline, is inside);
    with *aside*, an ``<aside>`` counts as outside too."""
    current: LexborNode | None = node
    footer = False
    for _ in range(_MAX_ANCESTORS):
        if current is None:
            break
        tag = current.tag
        if tag in {"article", "body"}:
            # Page-wide classes on <body> describe the page, not a region.
            return footer and tag == "body"
        if tag in _OUTSIDE_TAGS and (aside or tag != "aside"):
            footer = True
        names = _class_of(current).lower()
        if names.strip() and not OUTSIDE_WORDS.isdisjoint(_CLASS_PARTS.split(names)):
            return True
        current = current.parent
    return footer


def _role_of(label: str, names: str) -> Role | None:
    return label_role(label, names)


def _element_key(node: LexborNode) -> str:
    first_class = (node.attributes.get("class") or "").split()
    tag = node.tag or ""
    return f"{tag}.{first_class[0]}" if first_class else tag


def _from_attribute(node: LexborNode, ctx: _Context, rank: int) -> DateCandidate | None:
    """The date a ``<time datetime>`` or ``<abbr title>`` states."""
    attributes = node.attributes
    if node.tag == "time" and attributes.get("datetime"):
        raw, source, key = attributes.get("datetime") or "", "time-element", "time"
        label = _label_before(node)
    elif node.tag == "abbr" and attributes.get("title"):
        raw, source, key, label = attributes.get("title") or "", "abbr", "abbr", ""
    else:
        return None
    return _candidate(
        raw,
        ctx,
        source=source,
        key=f"{key}[{'datetime' if key == 'time' else 'title'}]",
        role=_role_of(label, _class_of(node)),
        rank=rank,
    )


def _from_element(
    node: LexborNode, ctx: _Context, rank: int
) -> Iterator[DateCandidate]:
    """Dates an element states: its datetime/title attribute, else its text."""
    candidate = _from_attribute(node, ctx, rank)
    if candidate is not None:
        yield candidate
        return
    text = " ".join(node.text(deep=True, separator=" ").split())
    if not text or len(text) > _NEAR_TEXT_CHARS:
        return
    names = _class_of(node)
    dated = node.tag == "time" or DATE_CLASS.search(names) is not None
    source = ("time-element" if node.tag == "time" else "element") if dated else "text"
    dates = find_text_dates(
        text, first_month=ctx.first_month, limit=3, language=ctx.language
    )
    if not dates:
        relative = _relative(node, text, names, ctx, rank)
        if relative is not None:
            yield relative
        return
    for found in dates:
        if len(text) - (found.end - found.start) > _MAX_AROUND_DATE:
            continue  # a date inside prose, not a dateline
        label = text[max(0, found.start - _LABEL_CHARS) : found.start]
        candidate = _candidate(
            text,
            ctx,
            source=source,
            key=_element_key(node),
            role=_role_of(label or _label_before(node), names if not label else ""),
            rank=rank,
            found=found,
        )
        if candidate is not None:
            yield candidate


_MAX_AGE_CHARS: Final = 40


def _relative(
    node: LexborNode, text: str, names: str, ctx: _Context, rank: int
) -> DateCandidate | None:
    """An age ("Updated 3 hours ago", "vor 2 Stunden") in a short dated
    element, resolved against the reference time (none without one)."""
    if ctx.now is None or len(text) > _MAX_AGE_CHARS:
        return None
    role = label_role(text, names)
    if role is None or (
        role == "unknown" and node.tag != "time" and not DATE_CLASS.search(names)
    ):
        return None
    try:
        stamp = times.resolve(text, ctx.now, tz=ctx.tz)
    except (ValueError, OverflowError):
        return None
    if stamp is None or not plausible(stamp, now=ctx.now):
        return None
    return DateCandidate(
        timestamp=attrs.evolve(stamp, source="text"),
        role=role,
        key=_element_key(node),
        rank=rank,
        text=text,
        start=0,
        end=len(text),
        zoned=False,
    )


def _label_before(node: LexborNode) -> str:
    """The short text just before *node* in its parent ("Updated:")."""
    previous = node.prev
    while previous is not None and not previous.text(deep=True).strip():
        previous = previous.prev
    if previous is None:
        parent = node.parent
        return _class_of(parent) if parent is not None else ""
    return previous.text(deep=True)[-_LABEL_CHARS:]


_OPAQUE: Final = frozenset({"svg", "script", "style", "noscript", "template", "iframe"})


def _next_in_order(node: LexborNode) -> LexborNode | None:
    """The next element in document order (descending into children, but
    not into ``svg``, ``script`` and the like)."""
    child = node.child if node.tag not in _OPAQUE else None
    while child is not None and not child.is_element_node:
        child = child.next
    if child is not None:
        return child
    return next_element(node)


def next_element(node: LexborNode) -> LexborNode | None:
    """The element after *node* in document order, skipping its subtree."""
    current: LexborNode | None = node
    while current is not None:
        sibling = current.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        if sibling is not None:
            return sibling
        current = current.parent
    return None


def _near_start(page: DatePage) -> LexborNode | None:
    if page.h1s:
        return page.h1s[0]
    for scope in page.scopes:
        return scope
    return None


def headline_area(page: DatePage) -> Iterator[LexborNode]:
    """The elements from the headline to the start of the body text."""
    node = _near_start(page)
    if node is None:
        return
    # The headline's own header may print the date before the headline.
    parent = node.parent
    if (
        parent is not None
        and parent.tag not in {"body", "html", "main", "article"}
        and len(parent.text(deep=True)) < _HEADER_CHARS
    ):
        node = parent
    seen = 0
    current: LexborNode | None = node
    while current is not None and seen < _NEAR_STEPS:
        seen += 1
        if current.tag == "p":
            text = current.text(deep=True)
            if len(text) > _BODY_PARAGRAPH_CHARS:
                return
        yield current
        current = _next_in_order(current)


_BLOCKS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "div", "dl", "figure",
        "footer", "form", "header", "main", "nav", "ol", "section", "table", "ul",
    }
)  # fmt: skip


def is_leafish(node: LexborNode) -> bool:
    """An element whose own text is short: a line, not a section (an element
    holding blocks is not read; its blocks are)."""
    if node.tag in _OPAQUE or node.tag in {"h1", "head"}:
        return False
    child = node.child
    while child is not None:
        if child.tag in _BLOCKS:
            return False
        child = child.next
    text = node.text(deep=True)
    return 0 < len(text) <= _NEAR_TEXT_CHARS * 2


def _from_headline_area(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    for index, node in enumerate(headline_area(page)):
        readable = node.tag in {"time", "abbr"}
        if not readable and not is_leafish(node):
            continue
        # Ten elements to a step; a machine-readable <time datetime> or
        # <abbr title> beats the text of the same step.
        rank = _TIER_NEAR + 2 * min(index // 10, 7) + (0 if readable else 1)
        found = list(_from_element(node, ctx, rank))
        if found and not outside(node):
            yield from found


def _from_elsewhere(page: DatePage, ctx: _Context) -> Iterator[DateCandidate]:
    body = page.tree.body
    if body is None:
        return
    nodes = body.css(_DATE_CLASS_QUERY)
    for index, node in enumerate(itertools.islice(nodes, _LAST_RESORT_NODES)):
        if outside(node):
            continue
        yield from _from_element(node, ctx, _TIER_ELSEWHERE + min(index, 9))


# --- choosing ---------------------------------------------------------------

Source = Callable[[DatePage, _Context], Iterator[DateCandidate]]

_STRUCTURED: Final[tuple[Source, ...]] = (_from_json_ld, _from_meta, _from_microdata)


def _stated_zone(found: Sequence[DateCandidate]) -> dt.tzinfo | None:
    """The offset the best-ranked date that states one is written in."""
    for candidate in sorted(found, key=lambda c: c.rank):
        if candidate.zoned:
            return candidate.timestamp.value.tzinfo
    return None


def gather(
    page: DatePage,
    *,
    now: dt.datetime | None,
    language: str | None,
    host: str | None,
    complete: bool = True,
) -> list[DateCandidate]:
    """
    The dates a page states, best-ranked first.

    Args:
        page: The page's gathered parts.
        now: The reference time; later dates are implausible.
        language: The page's language tag, for numeric dates.
        host: The page's host, for numeric dates.
        complete: Look everywhere; when ``False``, stop once structured data
            gave both dates (what `choose` needs).

    Returns:
        Every plausible candidate, sorted by rank, then page order.
    """
    ctx = _Context(
        now=now, first_month=month_first(language, host), tz=None, language=language
    )
    found = [c for source in _STRUCTURED for c in source(page, ctx)]
    if complete or not found:
        found.extend(_from_rdfa(page, ctx))
    tz = _stated_zone(found)
    if tz is not None:
        # Dates written without an offset take the page's own.
        ctx = attrs.evolve(ctx, tz=tz)
        found = [c if c.zoned else _restamp(c, ctx) for c in found]
    found.extend(_from_url(page.arg_url, ctx))
    if complete or not _settled(found) or _bare_day(found):
        # A bare structured day may be a republication (see `choose`).
        found.extend(_from_headline_area(page, ctx))
    if complete or not _settled(found):
        found.extend(_from_image_url(page, ctx))
        found.extend(_from_elsewhere(page, ctx))
    if complete or not any(c.role != "modified" for c in found):
        found.extend(_from_labelled_text(page, ctx))
    return sorted(found, key=lambda c: c.rank)


def _restamp(candidate: DateCandidate, ctx: _Context) -> DateCandidate:
    """*candidate* read again in the page's offset (``ctx.tz``)."""
    text = candidate.text[candidate.start : candidate.end]
    dates = find_text_dates(
        text, first_month=ctx.first_month, limit=1, language=ctx.language
    )
    if not dates:  # pragma: no cover - the span holds the date it was read from
        return candidate
    stamp = make_stamp(candidate.text, dates[0], ctx.tz, candidate.timestamp.source)
    if stamp is None:  # pragma: no cover - as above
        return candidate
    return attrs.evolve(candidate, timestamp=stamp)


def _bare_day(found: Sequence[DateCandidate]) -> bool:
    """Tell whether the best structured publication date is a bare day."""
    best = min(
        (c for c in found if c.role != "modified"), key=lambda c: c.rank, default=None
    )
    return best is not None and best.timestamp.granularity in {"day", "month", "year"}


def _settled(found: Sequence[DateCandidate]) -> bool:
    return any(c.role != "modified" and c.rank < _TIER_URL_DAY for c in found)


def choose(
    candidates: Sequence[DateCandidate],
) -> tuple[Timestamp | None, Timestamp | None]:
    """
    The page's publication and update dates from its ranked candidates.

    Args:
        candidates: As `gather` returns them.

    Returns:
        ``(published, modified)``: the best-ranked candidate that is not an
        update, and the best-ranked update; either may be ``None``.
        An update earlier than the publication is dropped.
    """
    ranked = sorted(candidates, key=lambda c: c.rank)
    published = next((c.timestamp for c in ranked if c.role != "modified"), None)
    shown = next(
        (
            c.timestamp
            for c in ranked
            if c.role != "modified" and _TIER_NEAR <= c.rank < _TIER_IMAGE_URL
        ),
        None,
    )
    if (
        published is not None
        and shown is not None
        and published.granularity in {"day", "month", "year"}
        and shown.granularity not in {"month", "year"}
        and shown.latest + _OVERRIDE_GAP < published.earliest
    ):
        # Structured data states a bare day, not a machine timestamp, and
        # the page shows an earlier date at its headline: the first
        # publication cannot be later than the date it shows (the
        # structured day is a republication).
        published = shown
    modified = next((c.timestamp for c in ranked if c.role == "modified"), None)
    if (
        published is not None
        and modified is not None
        and modified.latest < published.earliest
    ):
        modified = None
    return published, modified
