"""
Related stories listed around an article: "Related", "More from",
"Read more", "Most popular" blocks and rails.

A block is found by its class or id words (``related-articles``,
``more-from``, ``most-popular``) or by a heading ("Related stories",
"You may also like") followed by a list of links.
Each item gives a `RelatedItem`: title, absolute url, and the source, time
and teaser when the block shows them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Final
from urllib.parse import urljoin

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsdump import times
from newsdump._html_meta import http_url, parse_time_value
from newsdump._lang.headings import is_listed_heading
from newsdump._models import RelatedItem, Source, Timestamp

__all__ = [
    "CONTAINER_SELECTOR",
    "CONTAINER_WORDS",
    "MIN_LINK_DENSITY",
    "NOT_STORY_WORDS",
    "RELATED_HEADINGS",
    "find_related",
]

_CLASS_PARTS: Final[tuple[str, ...]] = (
    "related",
    "recommend",
    "recirc",
    "popular",
    "trending",
    "more",
    "read",
)
_ID_PARTS: Final[tuple[str, ...]] = ("related", "popular")

CONTAINER_SELECTOR: Final[str] = ", ".join(
    [
        *(f"[class*={part} i]" for part in _CLASS_PARTS),
        *(f"[id*={part} i]" for part in _ID_PARTS),
    ]
)
"""A cheap first cut at elements that may hold related stories;
`CONTAINER_WORDS` decides."""

_QUERY = (
    "[class*=re i], [class*=popular i], [id*=related i], [id*=popular i], "
    "h1, h2, h3, h4, h5, h6, base[href]"
)
"""The one query `find_related` runs over the whole page.

Each substring selector costs time on every element, so the query asks
for class substrings that `CONTAINER_SELECTOR`'s hold ("re" is in all but
"popular"), and `_selected` keeps exactly the elements
`CONTAINER_SELECTOR` matches."""

# CSS's ``i`` flag folds ASCII letters only, as bytes.lower() does; a plain
# alternation finds its words faster than an IGNORECASE one.
_CLASS_PART = re.compile("|".join(_CLASS_PARTS).encode())
_ID_PART = re.compile("|".join(_ID_PARTS).encode())


def _folded(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass").lower()


def _selected(attributes: dict[str, str | None]) -> bool:
    """Tell whether an element with *attributes* matches `CONTAINER_SELECTOR`."""
    value = attributes.get("class")
    if value and _CLASS_PART.search(_folded(value)):
        return True
    value = attributes.get("id")
    return bool(value and _ID_PART.search(_folded(value)))


CONTAINER_WORDS: Final[tuple[frozenset[str], ...]] = (
    frozenset({"related"}),
    frozenset({"recommended"}),
    frozenset({"recommendations"}),
    frozenset({"recommendation"}),
    frozenset({"recirc"}),
    frozenset({"recirculation"}),
    frozenset({"trending"}),
    frozenset({"popular"}),
    frozenset({"more", "from"}),
    frozenset({"more", "stories"}),
    frozenset({"more", "news"}),
    frozenset({"more", "articles"}),
    frozenset({"more", "on"}),
    frozenset({"read", "more"}),
    frozenset({"readmore"}),
    frozenset({"read", "next"}),
    frozenset({"readnext"}),
    frozenset({"most", "read"}),
    frozenset({"mostread"}),
    frozenset({"mostpopular"}),
    frozenset({"further", "reading"}),
    frozenset({"also", "read"}),
)
"""Sets of words, any of which, all present among an element's class, id,
``data-component`` or ``aria-label`` words, mark a related block.

Only elements that `CONTAINER_SELECTOR` finds are checked, so every set
holds one of its substrings."""

MIN_LINK_DENSITY: Final = 0.12
"""The least share of a related block's text that is link text."""

NOT_STORY_WORDS: Final[frozenset[str]] = frozenset(
    {"tag", "tags", "topic", "topics", "keyword", "keywords", "categories", "searches"}
)
"""Class or id words of blocks that list topics, not stories
("related-tags", "popular-topics")."""

RELATED_HEADINGS: Final[re.Pattern[str]] = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|news|content|coverage|links|topics|reading))?"
    r"|(?:read|see)\s+(?:more|next|also)|more\s+(?:from|on|in|about|stories|news|"
    r"articles|like\s+this|to\s+read)\b.{0,40}|most\s+(?:popular|read|viewed|shared)"
    r"|(?:you\s+)?(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|trending(?:\s+now)?"
    r"|further\s+reading|also\s+read|what\s+to\s+read\s+next|top\s+stories"
    r"|popular(?:\s+now|\s+stories)?)\W*$",
    re.IGNORECASE,
)
"""Headings that announce a list of related stories (English; the headings
of the other languages are looked up in `newsdump._lang.headings`)."""


def _is_related_heading(label: str) -> bool:
    """Whether *label* announces related stories, in any known language."""
    return RELATED_HEADINGS.match(label) is not None or is_listed_heading(label)


_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_MAX_HEADING_CHARS = 60
_MIN_TITLE_CHARS = 12
_MIN_TITLE_WORDS = 3
_MAX_TITLE_CHARS = 300
_MIN_TEASER_CHARS = 40
_MAX_SOURCE_CHARS = 60
_MAX_TIME_CHARS = 40
_MAX_AGE_WORDS = 4
_MAX_SIBLINGS = 3
_MAX_ITEMS_PER_BLOCK = 60
_MAX_SOURCE_WORDS = 4
_NOT_CONTAINERS = frozenset(
    {"html", "body", "main", "a", "meta", "link", "script", "head"}
)
_WORD_SPLIT = re.compile(r"[^a-z]+")
_MENU_CLASS = re.compile(
    r"(?<![a-z])(?:menu|nav|navbar|navigation|breadcrumbs?)(?![a-z])"
)

_MAX_ANCESTORS = 25
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SOURCE_CLASS = re.compile(
    r"(?<![a-z])(?:source|publisher|provider|outlet|brand|site)(?![a-z])"
)
_TEASER_CLASS = re.compile(
    r"(?<![a-z])(?:teaser|summary|excerpt|dek|description|desc|standfirst|intro)(?![a-z])"
)
_NAV_TEXT = re.compile(
    r"^(?:read\s+more|more|see\s+(?:all|more)|view\s+(?:all|more)|show\s+more"
    r"|next|previous|continue\s+reading)\W*$",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s+[|\-–—·•]\s+(?P<tail>[^|\-–—·•]{1,60})$")
_TRAILING_SEPARATOR = re.compile(r"\s*[|\-–—·•]\s*$")


def _is_container(attributes: dict[str, str | None]) -> bool:
    """Tell whether an element's class, id and label words name a related block."""
    return _container_words(
        attributes.get("class") or "",
        attributes.get("id") or "",
        attributes.get("data-component") or "",
        attributes.get("aria-label") or "",
    )


@functools.lru_cache(maxsize=4096)
def _container_words(*values: str) -> bool:
    """`_is_container` on the attribute values (cached: pages repeat them)."""
    raw = " ".join(values)
    words = set(_WORD_SPLIT.split(_CAMEL.sub(" ", raw).lower())) - {""}
    return not words & NOT_STORY_WORDS and any(
        group <= words for group in CONTAINER_WORDS
    )


def _in_navigation(node: LexborNode) -> bool:
    """Tell whether *node* is, or sits in, a menu or a ``nav`` element."""
    current: LexborNode | None = node
    for _ in range(_MAX_ANCESTORS):
        if current is None:
            return False
        if current.tag == "nav":
            return True
        attributes = current.attributes
        if _menu_class(attributes.get("class") or "", attributes.get("id") or ""):
            return True
        current = current.parent
    return False


@functools.lru_cache(maxsize=4096)
def _menu_class(cls: str, ident: str) -> bool:
    """Tell whether a class and id name a menu (cached: pages repeat them)."""
    return bool(_MENU_CLASS.search(_split_lower(cls, ident)))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(node: LexborNode) -> str:
    return _squash(node.text(deep=True, separator=" "))


def _is_title(text: str) -> bool:
    return (
        _MIN_TITLE_CHARS <= len(text) <= _MAX_TITLE_CHARS
        and len(text.split()) >= _MIN_TITLE_WORDS
        and not _NAV_TEXT.match(text)
    )


def _absolute(href: str, base: str | None) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    return http_url(href, base)


class _LinkCache:
    """Headline links by block and titles by link (by ``mem_id``), kept for
    one `find_related` call: blocks and their links are looked at more than
    once."""

    __slots__ = ("links", "titles")

    def __init__(self) -> None:
        self.links: dict[int, list[LexborNode]] = {}
        self.titles: dict[int, str] = {}

    def title(self, link: LexborNode) -> str:
        """`_link_title` of *link*."""
        key = link.mem_id
        title = self.titles.get(key)
        if title is None:
            title = self.titles[key] = _link_title(link)
        return title


def _title_links(node: LexborNode, cache: _LinkCache) -> list[LexborNode]:
    """The links in *node* whose text reads like a headline."""
    links = cache.links.get(node.mem_id)
    if links is None:
        links = [link for link in node.css("a[href]") if _is_title(cache.title(link))]
        cache.links[node.mem_id] = links
    return links


def _link_title(link: LexborNode) -> str:
    if next(link.iter(include_text=False), None) is None:
        return _text(link)
    heading = link.css_first(
        "h1, h2, h3, h4, h5, h6, [class*=title], [class*=headline]"
    )
    if heading is not None:
        text = _text(heading)
        if text:
            return text
    return _text(link)


def _ancestor_ids(node: LexborNode) -> Iterator[int]:
    """The ``mem_id`` of each ancestor of *node*, nearest first.

    Nodes are compared by ``mem_id``: ``==`` on selectolax nodes compares
    their HTML, which costs a serialisation per comparison.
    """
    current = node.parent
    while current is not None:
        yield current.mem_id
        current = current.parent


def _class_container(
    node: LexborNode,
    tag: str | None,
    attributes: dict[str, str | None],
    h1_path: set[int],
    cache: _LinkCache,
) -> bool:
    """Tell whether an element found by `CONTAINER_SELECTOR` is a related block."""
    return (
        tag not in _NOT_CONTAINERS
        and node.mem_id not in h1_path
        and _is_container(attributes)
        and bool(_title_links(node, cache))
        and _mostly_links(node)
        and not _in_navigation(node)
    )


def _mostly_links(node: LexborNode) -> bool:
    """Tell whether enough of *node*'s text is link text for a list of stories.

    An article body whose class happens to say "read-more" is prose with a
    few links; a related block, even with teasers, is far denser in links.
    """
    text = len(node.text(deep=True, separator=" ", strip=True))
    links = sum(
        len(a.text(deep=True, separator=" ", strip=True)) for a in node.css("a")
    )
    return links >= MIN_LINK_DENSITY * text


def _next_link_list(heading: LexborNode, cache: _LinkCache) -> LexborNode | None:
    """The first of the next few elements after *heading* that holds headline links."""
    sibling = heading.next
    steps = 0
    while sibling is not None and steps < _MAX_SIBLINGS:
        if sibling.is_element_node:
            steps += 1
            if _title_links(sibling, cache):
                return sibling
        sibling = sibling.next
    return None


def _heading_container(
    heading: LexborNode, h1_path: set[int], cache: _LinkCache
) -> list[LexborNode]:
    """A related heading with the list of links after it, as one or two
    nodes; nothing if *heading* announces no such list."""
    label = _text(heading)
    if len(label) > _MAX_HEADING_CHARS or not _is_related_heading(label):
        return []
    listing = _next_link_list(heading, cache)
    if listing is None or _in_navigation(heading):
        return []
    parent = heading.parent
    if (
        parent is not None
        and parent.tag not in _NOT_CONTAINERS
        and parent.tag != "article"
        and parent.mem_id not in h1_path
        and len(_title_links(parent, cache)) == len(_title_links(listing, cache))
        and _mostly_links(parent)
    ):
        return [parent]
    return [heading, listing]


def _item_roots(
    links: list[LexborNode], container: LexborNode
) -> dict[int, LexborNode]:
    """For each link (by ``mem_id``), the largest element around it, inside
    *container*, that holds no other headline link."""
    owners: dict[int, set[str]] = {}
    paths: list[list[LexborNode]] = []
    stop = container.mem_id
    for link in links:
        key = _link_key(link)
        path = [link]
        current = link.parent
        while current is not None and current.mem_id != stop:
            path.append(current)
            current = current.parent
        for node in path:
            owners.setdefault(node.mem_id, set()).add(key)
        paths.append(path)
    roots: dict[int, LexborNode] = {}
    for link, path in zip(links, paths, strict=True):
        root = link
        for node in path[1:]:
            if len(owners[node.mem_id]) > 1:
                break
            root = node
        roots[link.mem_id] = root
    return roots


def _link_key(link: LexborNode) -> str:
    return (link.attributes.get("href") or "").strip()


def _descendants(node: LexborNode) -> Iterator[LexborNode]:
    own = node.mem_id
    for child in node.traverse(include_text=False):
        if child.mem_id != own:
            yield child


@functools.lru_cache(maxsize=4096)
def _split_lower(cls: str, ident: str) -> str:
    """An element's class and id joined, camelCase split into words, lower
    case (cached: pages repeat them)."""
    raw = f"{cls} {ident}"
    return _CAMEL.sub(" ", raw).lower() if raw != " " else ""


def _may_be_time(text: str, title: str, now: dt.datetime | None) -> bool:
    """A cheap filter before the time resolver: short text, not the title;
    with a digit (every date has one), or of few words when ages ("an hour
    ago", "yesterday") can be resolved against *now*."""
    if not text or len(text) > _MAX_TIME_CHARS or text in title:
        return False
    if any(ch.isdigit() for ch in text):
        return True
    return now is not None and len(text.split()) <= _MAX_AGE_WORDS


@attrs.define
class _Details:
    """What an item shows besides its headline link."""

    source: Source | None = None
    teaser: str = ""
    published: Timestamp | None = None


@functools.lru_cache(maxsize=4096)
def _detail_classes(cls: str, ident: str) -> tuple[bool, bool]:
    """Whether a class and id name an item's source, and its teaser (cached:
    pages repeat them)."""
    classes = _split_lower(cls, ident)
    return (
        bool(_SOURCE_CLASS.search(classes)),
        bool(_TEASER_CLASS.search(classes)),
    )


def _details(
    root: LexborNode, title: str, now: dt.datetime | None, habit: times.Habit
) -> _Details:
    """Read an item's source, teaser and time in one pass over its elements."""
    found = _Details()
    times_seen = False
    for node in _descendants(root):
        tag = node.tag
        if tag == "time" and found.published is None:
            times_seen = True
            value = node.attributes.get("datetime") or ""
            found.published = parse_time_value(
                value, now=now, habit=habit
            ) or parse_time_value(_text(node), now=now, habit=habit)
            continue
        attributes = node.attributes
        source_class, teaser_class = _detail_classes(
            attributes.get("class") or "", attributes.get("id") or ""
        )
        if found.source is None and source_class:
            text = _text(node).lstrip("-–—•· ").strip()
            if text and len(text) <= _MAX_SOURCE_CHARS:
                found.source = Source(name=text)
                continue
        if not found.teaser and (tag == "p" or teaser_class):
            text = _text(node)
            if len(text) >= _MIN_TEASER_CHARS and title not in text:
                found.teaser = text
                continue
        if (
            found.published is None
            and not times_seen
            and tag != "a"
            and next(node.iter(include_text=False), None) is None
        ):
            text = _text(node)
            if _may_be_time(text, title, now):
                found.published = parse_time_value(text, now=now, habit=habit)
    return found


def _split_title(
    title: str, source: Source | None
) -> tuple[str, Source | None, Timestamp | None]:
    """Take a trailing date and publisher off a related item's title.

    "Ukraine updates – DW – 07/13/2025" gives the title "Ukraine updates",
    the date, and "DW" as the source if the item names no other: a short
    part left just before a date suffix is the publisher.
    """
    dated = times.title_date(title)
    if dated is not None and title.endswith(dated.text):
        title = _TRAILING_SEPARATOR.sub("", title[: -len(dated.text)])
    else:
        dated = None
    match = _SUFFIX.search(title)
    if match is not None:
        tail = match["tail"].strip()
        same = source is not None and tail.casefold() == source.name.casefold()
        if same or (
            dated is not None
            and source is None
            and len(tail.split()) <= _MAX_SOURCE_WORDS
        ):
            source = source or Source(name=tail)
            title = title[: match.start()].strip()
    return title, source, dated


def _items(
    container: LexborNode,
    *,
    base_url: str | None,
    now: dt.datetime | None,
    habit: times.Habit,
    seen: set[str],
    cache: _LinkCache,
) -> list[RelatedItem]:
    items: list[RelatedItem] = []
    links = _title_links(container, cache)[:_MAX_ITEMS_PER_BLOCK]
    roots = _item_roots(links, container)
    for link in links:
        url = _absolute(link.attributes.get("href") or "", base_url)
        key = url or _link_key(link)
        if key in seen:
            continue
        seen.add(key)
        root = roots[link.mem_id]
        raw_title = cache.title(link)
        details = _details(root, raw_title, now, habit)
        title, source, dated = _split_title(raw_title, details.source)
        items.append(
            RelatedItem(
                title=title,
                url=url,
                source=source,
                published=details.published or dated,
                body=details.teaser,
            )
        )
    return items


def _base(node: LexborNode, base_url: str | None) -> str | None:
    """The address a ``<base href>`` element sets, against *base_url*."""
    href = node.attributes.get("href") or ""
    try:
        return urljoin(base_url, href) if base_url else href or None
    except ValueError:
        return base_url


def _headline_path(candidates: list[LexborNode], tags: list[str | None]) -> set[int]:
    """The page's one ``h1`` and its ancestors (by ``mem_id``); empty unless
    the page has exactly one ``h1``."""
    # The query lists an element once for each selector it matches.
    heads = {
        n.mem_id: n for n, tag in zip(candidates, tags, strict=True) if tag == "h1"
    }
    if len(heads) != 1:
        return set()
    (head,) = heads.values()
    return {*_ancestor_ids(head), head.mem_id}


def find_related(
    tree: LexborHTMLParser,
    *,
    base_url: str | None,
    now: dt.datetime | None,
    habit: times.Habit = "either",
) -> tuple[tuple[RelatedItem, ...], list[LexborNode]]:
    """
    Find the related-stories blocks of a page and read their items.

    Args:
        tree: The parsed page.
        base_url: The page's address, to make links absolute (a
            ``<base href>`` in the page is honoured); without one, relative
            links give items without a url.
        now: The reference time for ages ("3 hours ago"); without it only
            absolute times are read.
        habit: How the site rounds ages (see `newsdump.times.resolve`).

    Returns:
        The items, in page order, each url once; and the block elements,
        so the caller can leave them out of the article body.
    """
    candidates = tree.css(_QUERY)
    tags = [node.tag for node in candidates]
    h1_path = _headline_path(candidates, tags)
    base = base_url
    containers: list[LexborNode] = []
    cache = _LinkCache()
    for node, tag in zip(candidates, tags, strict=True):
        if tag == "h1":
            continue
        if tag in _HEADINGS:
            containers += _heading_container(node, h1_path, cache)
            continue
        attributes = node.attributes
        if tag == "base":
            if "href" in attributes or _selected(attributes):
                base = _base(node, base_url) if base == base_url else base
        elif _selected(attributes) and _class_container(
            node, tag, attributes, h1_path, cache
        ):
            containers.append(node)
    # Keep the outermost blocks, in page order, each once.
    taken = {node.mem_id for node in containers}
    outermost: list[LexborNode] = []
    kept: set[int] = set()
    for node in containers:
        if node.mem_id not in kept and not any(i in taken for i in _ancestor_ids(node)):
            outermost.append(node)
            kept.add(node.mem_id)
    items: list[RelatedItem] = []
    seen: set[str] = set()
    for container in outermost:
        items.extend(
            _items(
                container, base_url=base, now=now, habit=habit, seen=seen, cache=cache
            )
        )
    return tuple(items), outermost
