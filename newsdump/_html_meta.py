"""
Page metadata from HTML: title, subtitle, authors, dates, source, url,
language, tags and lead image.

Every field is read from the first source in `PRECEDENCE` that gives a
usable value: JSON-LD, then OpenGraph, then Twitter cards, then other
``<meta>`` tags, then elements of the page.
Nothing is invented: a field the page does not state stays ``None`` or
empty.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import html
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal
from urllib.parse import urljoin, urlsplit

import attrs
from dateutil.parser import isoparse
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsdump import times
from newsdump._authors import clean_authors
from newsdump._dates import plausible
from newsdump._html_dates import (
    choose,
    gather,
    headline_area,
    is_leafish,
    next_element,
    node_value,
    outside,
)
from newsdump._models import Granularity, Source, Timestamp

__all__ = [
    "ARTICLE_TYPES",
    "BYLINE_SELECTORS",
    "PRECEDENCE",
    "STANDFIRST_SELECTORS",
    "PageMeta",
    "http_url",
    "parse_time_value",
    "read_meta",
    "read_page",
    "strip_site_suffix",
]

Field = Literal[
    "title",
    "subtitle",
    "authors",
    "published",
    "modified",
    "source",
    "url",
    "language",
    "tags",
    "image",
]
"""The fields of `PageMeta` that `PRECEDENCE` orders sources for."""

PRECEDENCE: Final[Mapping[Field, tuple[str, ...]]] = {
    "title": (
        "json-ld:headline",
        "meta:og:title",
        "meta:twitter:title",
        "meta:title",
        "meta:dc.title",
        "json-ld:name",
        "html:title",
        "html:h1",
    ),
    "subtitle": (
        "json-ld:alternativeHeadline",
        "json-ld:description",
        "meta:og:description",
        "meta:twitter:description",
        "meta:description",
        "html:standfirst",
    ),
    "authors": (
        "json-ld:author",
        "json-ld:creator",
        "meta:author",
        "meta:article:author",
        "meta:byl",
        "meta:dc.creator",
        "meta:parsely-author",
        "meta:sailthru.author",
        "meta:citation_author",
        "meta:citation_authors",
        "html:itemprop-author",
        "html:rel-author",
        "html:headline-byline",
        "html:author-link",
        "html:byline",
        "html:by-after-h1",
    ),
    "published": (
        "json-ld:datePublished",
        "json-ld:dateCreated",
        "json-ld:coverageStartTime",
        "meta:article:published_time",
        "meta:og:article:published_time",
        "meta:datepublished",
        "meta:pubdate",
        "meta:publishdate",
        "meta:dc.date",
        "meta:dcterms.created",
        "meta:date",
        "html:itemprop-datePublished",
        "html:time",
    ),
    "modified": (
        "json-ld:dateModified",
        "meta:article:modified_time",
        "meta:og:updated_time",
        "meta:datemodified",
        "meta:dcterms.modified",
        "meta:last-modified",
        "html:itemprop-dateModified",
    ),
    "source": (
        "json-ld:publisher",
        "meta:og:site_name",
        "meta:application-name",
        "url:domain",
    ),
    "url": (
        "html:canonical",
        "meta:og:url",
        "json-ld:url",
        "json-ld:mainEntityOfPage",
        "arg:url",
    ),
    "language": (
        "json-ld:inLanguage",
        "html:lang",
        "meta:og:locale",
        "meta:content-language",
        "meta:language",
        "meta:dc.language",
    ),
    "tags": (
        "json-ld:keywords",
        "meta:article:tag",
        "meta:news_keywords",
        "meta:keywords",
    ),
    "image": (
        "json-ld:image",
        "meta:og:image",
        "meta:og:image:url",
        "meta:twitter:image",
        "meta:twitter:image:src",
        "html:image_src",
    ),
}
"""For each field, the sources it is read from, best first.

``json-ld:P`` is property *P* of the page's main JSON-LD object (the first,
least nested object whose ``@type`` is in `ARTICLE_TYPES`);
``meta:K`` is the ``content`` of a ``<meta>`` whose ``property``, ``name``,
``itemprop`` or ``http-equiv`` is *K* (compared in lower case);
``html:...`` are elements of the page; ``arg:url`` is the *url* passed by the
caller and ``url:domain`` the host of the page's address.
"""

ARTICLE_TYPES: Final[tuple[str, ...]] = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "Report",
    "TechArticle",
    "WebPage",
    "ItemPage",
)
"""JSON-LD types that describe the page's story, most specific first.

``WebPage`` comes last: it is used only when no article object exists.
"""

BYLINE_SELECTORS: Final[str] = (
    "[class*=byline i], [class*=author i], [class~=contributor]"
)
"""Elements that print a byline, read when no metadata names the authors."""

STANDFIRST_SELECTORS: Final[str] = (
    "[class*=standfirst], [class*=subheadline], [class*=sub-headline], "
    "[class*=subtitle], [class~=dek], [class~=deck], [class*=strapline], "
    "[itemprop=alternativeHeadline]"
)
"""Elements that print a standfirst (deck, dek, strapline) under the title."""

_COMMENT_CLASS = re.compile(r"(?<![a-z])(?:comments?|reply|replies|disqus)(?![a-z])")
_MAX_ANCESTORS = 20
_MAX_JSON_DEPTH = 8
_MAX_BYLINE_CHARS = 200
_BYLINE_STEPS = 6
_BYLINE_DESCENDANTS = 30
_BY_LEAD = re.compile(r"(?:by|von|par|por)\s+\S", re.IGNORECASE)
_BY_WORD = re.compile(r"by|von|par|por", re.IGNORECASE)
_BODY_PREFIX_PARAGRAPHS = 3
_NON_ALNUM = re.compile(r"[\W_]+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_TAG = re.compile(r"<[^<>]{0,300}>")
_MAX_BODY_PREFIX_CHARS = 3000
_MAX_SCOPES = 6
_BODY_SCAN_NODES = 400
_MIN_YEAR = 1900
_TRAILING_COMMAS = re.compile(r",\s*([}\]])")
_ISO_START = re.compile(r"^\s*\d{4}(?:-\d{2}(?:-\d{2})?|\d{4})?(?:[T ]|\s*$)")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»/~]{1,2}\s+|\s*\|\s*")
_MAX_SUFFIX_WORDS = 6


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class PageMeta:
    """
    What a page states about itself.

    Args:
        title: The headline, without the site's name.
        subtitle: The description or standfirst, unless it merely repeats
            the start of the body.
        authors: Real names only.
        published: When the story was first published.
        modified: When it was last updated.
        source: The publisher: its name and the page's domain.
        url: The page's canonical address.
        language: The page's language tag ("en", "en-GB").
        tags: Keywords and topics, in page order.
        image: The lead image's absolute address.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    published: Timestamp | None = None
    modified: Timestamp | None = None
    source: Source | None = None
    url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    image: str | None = None


# --- times -------------------------------------------------------------------


def _iso_granularity(text: str) -> Granularity:
    """The unit of an ISO 8601 date or date-time as written."""
    date_part, _, time_part = text.strip().replace(" ", "T", 1).partition("T")
    if not time_part:
        digits = sum(ch.isdigit() for ch in date_part)
        if digits <= 4:
            return "year"
        return "month" if digits <= 6 else "day"
    clock = re.split(r"[+\-Z]", time_part, maxsplit=1)[0]
    colons = clock.count(":")
    if colons >= 2 or (colons == 0 and len(clock) >= 6):
        return "second"
    if colons == 1 or len(clock) >= 4:
        return "minute"
    return "hour"


_SPANS: dict[Granularity, dt.timedelta] = {
    "second": dt.timedelta(seconds=1),
    "minute": dt.timedelta(minutes=1),
    "hour": dt.timedelta(hours=1),
    "day": dt.timedelta(days=1),
}


def _span_end(start: dt.datetime, granularity: Granularity) -> dt.datetime:
    """The last instant of the unit that starts at *start*."""
    tick = dt.timedelta(microseconds=1)
    if granularity in _SPANS:
        if granularity == "second" and start.microsecond:
            return start
        return start + _SPANS[granularity] - tick
    if granularity == "month":
        year, month = (
            (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        )
        return start.replace(year=year, month=month) - tick
    return start.replace(year=start.year + 1) - tick


def _iso(text: str) -> dt.datetime | None:
    """Parse ISO 8601: the fast standard parser first, dateutil for the rest."""
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return isoparse(text)
    except (ValueError, OverflowError):
        return None


def _absolute(text: str, tz: dt.tzinfo) -> Timestamp | None:
    """Read an ISO 8601 or RFC 2822 time; naive ones are put in *tz*."""
    stamp: dt.datetime | None = None
    granularity: Granularity = "second"
    if _ISO_START.match(text):
        stamp = _iso(text.strip())
        if stamp is None:
            return None
        granularity = _iso_granularity(text)
    elif "," in text or ":" in text:
        try:
            stamp = email.utils.parsedate_to_datetime(text.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if stamp is None or stamp.year < _MIN_YEAR:
        return None
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        stamp = stamp.replace(tzinfo=tz)
    try:
        latest = _span_end(stamp, granularity)
    except (ValueError, OverflowError):
        return None
    value = stamp
    if granularity in {"day", "month", "year"}:
        # As `newsdump.times` does: a date's best estimate is its middle.
        value = stamp + (latest - stamp + dt.timedelta(microseconds=1)) / 2
    return Timestamp(
        text=text, value=value, earliest=stamp, latest=latest, granularity=granularity
    )


def parse_time_value(
    text: str,
    *,
    now: dt.datetime | None = None,
    tz: dt.tzinfo | None = None,
    habit: times.Habit = "either",
) -> Timestamp | None:
    """
    Read a time as pages state it in metadata or in a listing.

    ISO 8601 (``2024-05-01``, ``2024-05-01T10:30:00+02:00``) and RFC 2822
    times need no reference time; a time without an offset is put in *tz*
    (UTC if ``None``).
    Anything else goes to `newsdump.times`: `newsdump.times.resolve` when
    *now* is given, else only a full date ("July 13, 2025"), through
    `newsdump.times.title_date`.
    The interval covers the unit the text was written in: a bare date spans
    the whole day (its best estimate is noon, as in `newsdump.times`), a
    time without seconds the whole minute.
    Times before 1900 are placeholders (``0001-01-01``) and give ``None``.

    Args:
        text: The time as written.
        now: The reference time for relative expressions ("3 hours ago").
        tz: The page's time zone, for times written without an offset.
        habit: How the site rounds ages (see `newsdump.times.resolve`).

    Returns:
        The time, or ``None`` if *text* holds none that can be read.
    """
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > 100:
        return None
    stamp = _absolute(cleaned, tz or dt.timezone.utc)
    if stamp is not None or _ISO_START.match(cleaned):
        return stamp
    try:
        if now is not None:
            stamp = times.resolve(cleaned, now, habit=habit, tz=tz)
        else:
            # Without a reference time only a full date (with its year) can
            # be read: `times.title_date` reads exactly that from a title.
            stamp = times.title_date(f"date - {cleaned}", tz=tz)
    except (ValueError, OverflowError):
        return None
    if stamp is None or stamp.earliest.year < _MIN_YEAR:
        return None
    return stamp


# --- gathering ---------------------------------------------------------------


def _squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _load_json(text: str) -> Any:
    """Parse a JSON-LD script, repairing the usual damage; None if hopeless."""
    body = text.strip()
    for junk in ("<!--", "//<![CDATA[", "<![CDATA["):
        body = body.removeprefix(junk)
    for junk in ("-->", "//]]>", "]]>"):
        body = body.removesuffix(junk)
    body = body.strip().rstrip(";")
    value = _try_json(body)
    if value is None and "," in body:
        value = _try_json(_TRAILING_COMMAS.sub(r"\1", body))
    if value is None and "&quot;" in body:
        # Scripts escaped as attribute text ("{&quot;@type&quot;: ...}").
        value = _try_json(html.unescape(body))
    return value


def _try_json(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def _types(obj: Mapping[str, Any]) -> list[str]:
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return [name.rsplit("/", 1)[-1] for name in names if isinstance(name, str)]


def _walk(value: Any, depth: int = 0) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every JSON object in *value* with its nesting depth (bounded)."""
    if depth > _MAX_JSON_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth)
    elif isinstance(value, dict):
        yield depth, value
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                # @graph members are top-level objects, not nested ones.
                yield from _walk(item, depth if key == "@graph" else depth + 1)


_GATHER: Final[str] = (
    'meta, script[type="application/ld+json"], link[rel~=canonical], '
    "link[rel~=image_src], title, h1, time, [itemprop], a[rel~=author], "
    "article, main"
)
"""The one query over the whole page that collects what the sources read."""


def _clean_value(text: str | None) -> str:
    """Squash whitespace; undo HTML escaping left in attribute values."""
    value = _squash(text)
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    return value


class _Page:
    """Everything `read_meta` reads, gathered in one pass over the page."""

    def __init__(self, tree: LexborHTMLParser, url: str | None) -> None:
        self.tree = tree
        self.arg_url = url
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.itemprops: dict[str, list[LexborNode]] = {}
        self.title: str | None = None
        self.h1s: list[LexborNode] = []
        self.times: list[LexborNode] = []
        self.rel_authors: list[LexborNode] = []
        self.scopes: list[LexborNode] = []
        self.scripts: list[LexborNode] = []
        for node in tree.css(_GATHER):
            self._add(node)
        self.ids: dict[str, dict[str, Any]] = {}
        self.ld_objects: list[tuple[int, dict[str, Any]]] = []
        self.ld_texts = tuple(script.text(deep=True) for script in self.scripts)
        self.ld: dict[str, Any] = self._main_object(self.ld_texts)
        self.h1 = _squash(self.h1s[0].text(deep=True)) if len(self.h1s) == 1 else ""

    def _add(self, node: LexborNode) -> None:  # noqa: C901 - one branch per tag
        """File one node of the gathering query under what it provides."""
        tag = node.tag
        attributes = node.attributes
        if tag == "meta":
            self._add_meta(attributes)
            return
        prop = attributes.get("itemprop")
        if prop:
            for name in prop.lower().split():
                self.itemprops.setdefault(name, []).append(node)
        if tag == "script":
            self.scripts.append(node)
        elif tag == "link":
            href = attributes.get("href") or ""
            for rel in (attributes.get("rel") or "").lower().split():
                self.links.setdefault(rel, []).append(href)
        elif tag == "title" and self.title is None:
            self.title = node.text(deep=True)
        elif tag == "h1":
            self.h1s.append(node)
        elif tag == "time":
            self.times.append(node)
        elif tag == "a" and "author" in (attributes.get("rel") or "").lower():
            self.rel_authors.append(node)
        elif tag in {"article", "main"}:
            self.scopes.append(node)

    def _add_meta(self, attributes: Mapping[str, str | None]) -> None:
        content = _clean_value(attributes.get("content"))
        if not content:
            return
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attributes.get(key)
            if name:
                self.meta.setdefault(name.strip().lower(), []).append(content)

    def _main_object(self, texts: tuple[str, ...]) -> dict[str, Any]:
        """The page's main JSON-LD object; fills the ``@id`` index."""
        ranked: list[tuple[int, int, int, dict[str, Any]]] = []
        for text in texts:
            for depth, obj in _walk(_load_json(text)):
                self.ld_objects.append((depth, obj))
                ident = obj.get("@id")
                if isinstance(ident, str) and len(obj) > 1:
                    self.ids.setdefault(ident, obj)
                ranks = [
                    ARTICLE_TYPES.index(t) for t in _types(obj) if t in ARTICLE_TYPES
                ]
                if ranks:
                    ranked.append((depth, min(ranks), len(ranked), obj))
        ranked.sort(key=lambda item: item[:3])
        return ranked[0][3] if ranked else {}

    def resolve(self, value: Any) -> Any:
        """Follow a JSON-LD ``{"@id": ...}`` reference, if it points anywhere."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            ident = value.get("@id")
            if isinstance(ident, str):
                return self.ids.get(ident, value)
        return value


def _strings(value: Any, page: _Page, key: str = "name") -> list[str]:
    """Flatten a JSON-LD value to strings: text, ``{key: ...}`` or lists."""
    value = page.resolve(value)
    if isinstance(value, str):
        # CMSs escape JSON-LD text as HTML ("Maria &amp; Katerina").
        return [_clean_value(value) if "&" in value else value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, dict):
        return _strings(value.get(key), page, key) if key in value else []
    if isinstance(value, list):
        return [text for item in value[:50] for text in _strings(item, page, key)]
    return []


def _ld_people(value: Any, page: _Page) -> list[str]:
    """Names of the Person (not Organization) objects in a JSON-LD value."""
    value = page.resolve(value)
    if isinstance(value, list):
        return [name for item in value[:50] for name in _ld_people(item, page)]
    if isinstance(value, dict):
        if any("Organization" in t or t == "WebSite" for t in _types(value)):
            return []
        return _strings(value.get("name"), page)
    return _strings(value, page)


def _in_comments(node: LexborNode) -> bool:
    """Tell whether *node* sits inside a comments section."""
    current: LexborNode | None = node
    for _ in range(_MAX_ANCESTORS):
        if current is None:
            return False
        attributes = current.attributes
        cls = attributes.get("class") or ""
        ident = attributes.get("id") or ""
        if (cls or ident) and _comment_class(cls, ident):
            return True
        current = current.parent
    return False


@functools.lru_cache(maxsize=4096)
def _comment_class(cls: str, ident: str) -> bool:
    """Tell whether a class and id name a comments section (cached: pages
    repeat them)."""
    return bool(_COMMENT_CLASS.search(f"{cls} {ident}".lower()))


def _html_title(page: _Page) -> list[str]:
    return [page.title] if page.title else []


def _html_h1(page: _Page) -> list[str]:
    return [page.h1] if page.h1 else []


def _html_canonical(page: _Page) -> list[str]:
    return page.links.get("canonical", [])


def _html_image_src(page: _Page) -> list[str]:
    return page.links.get("image_src", [])


def _html_lang(page: _Page) -> list[str]:
    root = page.tree.root
    return [root.attributes.get("lang") or ""] if root is not None else []


def _html_standfirst(page: _Page) -> list[str]:
    nodes = page.tree.css(STANDFIRST_SELECTORS)
    return [n.text(deep=True, separator=" ") for n in nodes if not _in_comments(n)][:3]


def _html_itemprop_author(page: _Page) -> list[str]:
    names = []
    for node in page.itemprops.get("author", []):
        if node.tag == "meta" or _in_comments(node) or outside(node, aside=False):
            continue
        inner = node.css_first("[itemprop=name]")
        names.append(node_value(inner if inner is not None else node))
    return names


def _html_itemprop(prop: str) -> Callable[[_Page], list[str]]:
    def read(page: _Page) -> list[str]:
        nodes = page.itemprops.get(prop.lower(), [])
        return [node_value(n) for n in nodes if n.tag != "meta" and not _in_comments(n)]

    return read


def _html_rel_author(page: _Page) -> list[str]:
    return [
        n.text(deep=True, separator=" ")
        for n in page.rel_authors
        if not _in_comments(n) and not outside(n, aside=False)
    ]


def _html_byline(page: _Page) -> list[str]:
    texts = []
    for node in page.tree.css(BYLINE_SELECTORS):
        text = node.text(deep=True, separator=" ", strip=True)
        if len(text) <= _MAX_BYLINE_CHARS and not _in_comments(node):
            texts.append(text)
    return texts


BYLINE_LEAD: Final = re.compile(
    r"^(?:(?:written|words|story|text|reporting)\s+by|by|von|par|por|door|di"
    r"|auth?or(?:in|s)?|auteur|autore)\s*:?(?:\s+|$)",
    re.IGNORECASE,
)
"""How a byline starts ("By", "Written by", "Author:", "Von", "Par")."""


AUTHOR_PATH: Final = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|autore|autori|writers?|contributors?"
    r"|journalists?|redakteur(?:e|in)?)/[^/?#]+",
    re.IGNORECASE,
)
"""Link paths of author pages ("/author/jane-doe/", "/autoren/max")."""


def _html_author_link(page: _Page) -> list[str]:
    """The texts of links to author pages, outside teasers and comments."""
    texts = []
    for node in page.tree.css("a[href*=auth i], a[href*=writer i], a[href*=contrib i]"):
        if not AUTHOR_PATH.search(node.attributes.get("href") or ""):
            continue
        text = node.text(deep=True, separator=" ", strip=True)
        if text and len(text) <= _MAX_BYLINE_CHARS and not outside(node, aside=False):
            texts.append(text)
    return texts


def _html_headline_byline(page: _Page) -> list[str]:
    """A byline between the headline and the body: "By Jane Doe", or a
    "Written by" label followed by the name in the next element."""
    label = False
    for node in headline_area(page):
        if not is_leafish(node):
            continue
        text = " ".join(node.text(deep=True, separator=" ").split())
        if label and text:
            return [text] if len(text) <= _MAX_BYLINE_CHARS else []
        match = BYLINE_LEAD.match(text)
        if match is None or _in_comments(node):
            continue
        if match.end() == len(text):
            label = True  # the name is in the next element
        elif len(text) <= _MAX_BYLINE_CHARS:
            return [text]
    return []


def _html_by_after_h1(page: _Page) -> list[str]:
    """A "By ..." line among the few elements right after the headline."""
    if len(page.h1s) != 1:
        return []
    node: LexborNode | None = page.h1s[0]
    for _ in range(_BYLINE_STEPS):
        node = next_element(node) if node is not None else None
        if node is None:
            return []
        for inner in itertools.islice(
            node.traverse(include_text=False), _BYLINE_DESCENDANTS
        ):
            # The stripped text starts as the first non-blank text node does,
            # so the plain text (cheaper) rules most elements out first.
            if not _BY_WORD.match(inner.text(deep=True).lstrip()):
                continue
            # blank text nodes give empty parts, so squash the joined text
            text = " ".join(inner.text(deep=True, separator=" ").split())
            if len(text) <= _MAX_BYLINE_CHARS and _BY_LEAD.match(text):
                return [text]
    return []


def _in_story(node: LexborNode) -> bool:
    """Tell whether *node* sits in an ``article``, ``main`` or ``header``."""
    current = node.parent
    for _ in range(_MAX_ANCESTORS):
        if current is None:
            return False
        if current.tag in {"article", "main", "header"}:
            return True
        current = current.parent
    return False


def _html_time(page: _Page) -> list[str]:
    nodes = [n for n in page.times if _in_story(n) and not _in_comments(n)]
    return [node_value(n) for n in nodes[:1]]


_HTML_SOURCES: dict[str, Callable[[_Page], list[str]]] = {
    "title": _html_title,
    "h1": _html_h1,
    "canonical": _html_canonical,
    "image_src": _html_image_src,
    "lang": _html_lang,
    "standfirst": _html_standfirst,
    "itemprop-author": _html_itemprop_author,
    "itemprop-datePublished": _html_itemprop("datePublished"),
    "itemprop-dateModified": _html_itemprop("dateModified"),
    "rel-author": _html_rel_author,
    "byline": _html_byline,
    "headline-byline": _html_headline_byline,
    "author-link": _html_author_link,
    "by-after-h1": _html_by_after_h1,
    "time": _html_time,
}
"""The ``html:`` sources of `PRECEDENCE`."""

_LD_KEYS = {"mainEntityOfPage": "@id", "image": "url", "url": "@id"}
"""The key holding the value when a JSON-LD property is an object."""


def _raw(source: str, page: _Page) -> list[str]:
    """The raw values *source* gives on *page*, best first."""
    kind, _, name = source.partition(":")
    values: list[str] = []
    if kind == "meta":
        values = page.meta.get(name, [])
    elif kind == "json-ld" and name in {"author", "creator"}:
        values = _ld_people(page.ld.get(name), page)
    elif kind == "json-ld":
        values = _strings(page.ld.get(name), page, _LD_KEYS.get(name, "name"))
    elif kind == "html" and name in _HTML_SOURCES:
        values = _HTML_SOURCES[name](page)
    elif kind == "arg" and page.arg_url:
        values = [page.arg_url]
    return values


def _first(
    page: _Page, field: Field, accept: Callable[[str, str], Any | None]
) -> Any | None:
    """Return the first accepted value of *field*, walking `PRECEDENCE`."""
    for source in PRECEDENCE[field]:
        for raw in _raw(source, page):
            text = _clean_value(raw)
            if text:
                value = accept(text, source)
                if value is not None:
                    return value
    return None


# --- fields ------------------------------------------------------------------


def _simplify(text: str) -> str:
    """Lower case, letters and digits only: for comparing texts loosely."""
    return _NON_ALNUM.sub("", text.casefold())


def _domain_label(host: str) -> str:
    """The distinctive label of a host: "bbc" for "www.bbc.co.uk"."""
    labels = [x for x in host.lower().split(".") if x not in {"www", "m", "amp"}]
    generic = {"com", "co", "org", "net", "gov", "ac", "news", "edu"}
    while len(labels) > 1 and (len(labels[-1]) <= 3 or labels[-1] in generic):
        labels.pop()
    return labels[0] if labels else ""


def _names_match(segment: str, names: Iterable[str], *, exact: bool = False) -> bool:
    """Tell whether a title segment is the site's name.

    A suffix may hold the name with more ("BBC News" for "bbc"); a prefix
    must be the name itself, since titles often start with the site's name
    as their subject ("Inside Reuters - a look at the newsroom").
    """
    simple = _simplify(segment)
    if not simple:
        return False
    for name in names:
        other = _simplify(name)
        if exact and simple == other:
            return True
        if (
            not exact
            and len(other) >= 2
            and (other in simple or (len(simple) >= 3 and simple in other))
        ):
            return True
    return False


def strip_site_suffix(title: str, names: Iterable[str], headline: str = "") -> str:
    """
    Remove the site's name from either end of a page title.

    ``"Rates rise | Reuters"`` becomes ``"Rates rise"`` when ``"Reuters"``
    (or ``"reuters.com"``) is among *names*; so do ``" - BBC News"`` and
    ``"— Site Name"``.
    A trailing part is also removed when what precedes it is exactly
    *headline* (the page's single ``<h1>``).

    Args:
        title: The title as printed.
        names: The site's names: its ``og:site_name``, its publisher, its
            domain.
        headline: The page's ``<h1>`` text, if it has exactly one.

    Returns:
        The title without the site's name; unchanged if none matches.
    """
    names = [n for n in names if n]
    result = title
    for _ in range(2):
        parts = _TITLE_SEPARATOR.split(result)
        if len(parts) < 2:
            break
        matches = list(_TITLE_SEPARATOR.finditer(result))
        last, first = parts[-1], parts[0]
        if len(last.split()) <= _MAX_SUFFIX_WORDS and _names_match(last, names):
            result = result[: matches[-1].start()].strip()
        elif _names_match(first, names, exact=True):
            result = result[matches[0].end() :].strip()
        else:
            break
    if (
        headline
        and result != headline
        and _simplify(result).startswith(_simplify(headline))
    ):
        head = result[: len(headline)]
        rest = result[len(headline) :]
        if _simplify(head) == _simplify(headline) and _TITLE_SEPARATOR.match(rest):
            tail = _TITLE_SEPARATOR.split(rest, maxsplit=1)[-1]
            if len(tail.split()) <= _MAX_SUFFIX_WORDS:
                result = head.strip()
    return result or title


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def http_url(text: str, base: str | None) -> str | None:
    """*text* made absolute against *base*, if that gives an http(s) URL."""
    try:
        absolute = urljoin(base, text) if base else text
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme in {"http", "https"} and parts.netloc:
        return absolute
    return None


def _page_url(page: _Page) -> str | None:
    def accept(text: str, source: str) -> str | None:
        return http_url(text, page.arg_url if source != "arg:url" else None)

    found = _first(page, "url", accept)
    return found if isinstance(found, str) else None


def _site_name(page: _Page) -> tuple[str | None, str | None]:
    """The publisher's name and home page, from JSON-LD or the meta tags."""
    publisher = page.resolve(page.ld.get("publisher"))
    if isinstance(publisher, list) and publisher:
        publisher = page.resolve(publisher[0])
    if isinstance(publisher, dict):
        names = _strings(publisher.get("name"), page)
        if names and _squash(names[0]) and "://" not in names[0]:
            homes = _strings(publisher.get("url"), page)
            return _squash(names[0]), (homes[0] if homes else None)
    elif isinstance(publisher, str) and _squash(publisher) and "://" not in publisher:
        return _squash(publisher), None
    for key in ("og:site_name", "application-name"):
        for value in page.meta.get(key, []):
            if "://" not in value:
                return value, None
    return None, None


def _language(page: _Page) -> str | None:
    def accept(text: str, _source: str) -> str | None:
        tag = text.split(",", maxsplit=1)[0].strip()
        if not _LANGUAGE_TAG.match(tag):
            return None
        head, *rest = re.split(r"[-_]", tag)
        parts = [head.lower()]
        parts += [
            p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest
        ]
        return "-".join(parts)

    found = _first(page, "language", accept)
    return found if isinstance(found, str) else None


def _tags(page: _Page) -> tuple[str, ...]:
    for source in PRECEDENCE["tags"]:
        raw = _raw(source, page)
        tags: list[str] = []
        seen: set[str] = set()
        for value in raw:
            for piece in value.split(",") if "," in value else [value]:
                tag = _squash(piece)
                if tag and len(tag) <= 80 and tag.casefold() not in seen:
                    seen.add(tag.casefold())
                    tags.append(tag)
        if tags:
            return tuple(tags)
    return ()


_FIRST_BYLINE_ONLY: Final = frozenset({"html:byline", "html:author-link"})
"""Sources whose elements are spread over the page (author boxes of teasers
too): only the first one that names someone is read."""


def _one_byline(text: str) -> tuple[str, ...]:
    return clean_authors([text])


def _same_person(name: str, other: str) -> bool:
    """Tell whether *name* is *other*, or *other* with something glued on."""
    a, b = name.casefold(), other.casefold()
    return a == b or b.startswith(a + " ")


SIGNED_SOURCES: Final = frozenset(
    {
        "json-ld:author",
        "json-ld:creator",
        "meta:author",
        "meta:article:author",
        "meta:parsely-author",
        "meta:sailthru.author",
        "meta:dc.creator",
        "meta:citation_author",
        "meta:citation_authors",
    }
)
"""Author sources that hold names, not bylines: one-word names count there
(see `newsdump._authors.clean_authors`), unless they are the site's name."""


def _authors(page: _Page, site_names: Iterable[str] = ()) -> tuple[str, ...]:
    """The first source's names; a name field that holds only a signature
    ("Susan", "jsteinhardt") is used only when no source names a person in
    full."""
    weak: tuple[str, ...] = ()
    for source in PRECEDENCE["authors"]:
        raw = _raw(source, page)
        if source in _FIRST_BYLINE_ONLY:
            first = next((n for n in map(_one_byline, raw) if n), ())
            # The page-wide cleaning drops what the other bylines show is
            # not part of a name ("Jane Doe Research" beside "Jane Doe").
            names = tuple(
                name
                for name in clean_authors(raw)
                if any(_same_person(name, other) for other in first)
            )
        else:
            names = clean_authors(raw)
        if names:
            return _fuller(page, source, names)
        if source in SIGNED_SOURCES and not weak:
            weak = tuple(
                name
                for name in clean_authors(raw, signed=True)
                if not _names_match(name, site_names)
            )
    return weak


def _fuller(page: _Page, chosen: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """*names*, or the names of a later field that holds names when it
    lists every one of them and more (a first author in ``DC.creator``,
    all of them in ``citation_author``)."""
    if chosen not in SIGNED_SOURCES:
        return names
    wanted = {name.casefold() for name in names}
    order = PRECEDENCE["authors"]
    for source in order[order.index(chosen) + 1 :]:
        if source not in SIGNED_SOURCES:
            continue
        more = clean_authors(_raw(source, page))
        if len(more) > len(names) and wanted <= {name.casefold() for name in more}:
            return more
    return names


def _page_tz(page: _Page) -> dt.tzinfo:
    """The offset the page writes its times in, UTC if none is written."""
    for field in ("published", "modified"):
        for source in PRECEDENCE[field]:
            if source.startswith("html:"):
                continue
            for raw in _raw(source, page):
                stamp = _absolute(_squash(raw), dt.timezone.utc)
                if stamp is not None and re.search(r"(?:Z|[+-]\d{2}:?\d{2})\s*$", raw):
                    tz = stamp.value.tzinfo
                    if tz is not None:
                        return tz
    return dt.timezone.utc


_PROVENANCE: Final[Mapping[str, str]] = {
    "json-ld": "json-ld",
    "meta": "meta",
    "html:itemprop": "microdata",
    "html:time": "time-element",
}
"""The `Timestamp.source` of each kind of `PRECEDENCE` source."""


def _dates(
    page: _Page,
    *,
    now: dt.datetime | None,
    language: str | None,
    host: str | None,
) -> tuple[Timestamp | None, Timestamp | None]:
    """The page's publication and update dates (see `newsdump.find_dates`);
    relative times in metadata ("3 hours ago", read against *now*) fill a
    date the candidates leave empty."""
    candidates = gather(page, now=now, language=language, host=host, complete=False)
    published, modified = choose(candidates)
    if now is not None and (published is None or modified is None):
        tz = _page_tz(page)
        published = published or _relative_time(page, "published", now, tz)
        later = _relative_time(page, "modified", now, tz)
        if (
            modified is None
            and later is not None
            and (published is None or published.earliest <= later.latest)
        ):
            modified = later
    return published, modified


def _relative_time(
    page: _Page, field: Field, now: dt.datetime, tz: dt.tzinfo
) -> Timestamp | None:
    """A relative time ("3 hours ago") that metadata gives for *field*."""

    def accept(text: str, source: str) -> Timestamp | None:
        if source.startswith("html:") or _ISO_START.match(text):
            return None
        stamp = parse_time_value(text, now=now, tz=tz)
        if stamp is None or not plausible(stamp, now=now, structured=True):
            return None
        kind = next((v for k, v in _PROVENANCE.items() if source.startswith(k)), None)
        return attrs.evolve(stamp, source=kind)

    found = _first(page, field, accept)
    return found if isinstance(found, Timestamp) else None


def _first_paragraphs(scope: LexborNode) -> list[LexborNode]:
    """The first few non-empty paragraphs in *scope*, looking at a bounded
    number of elements."""
    found: list[LexborNode] = []
    for node in itertools.islice(scope.traverse(include_text=False), _BODY_SCAN_NODES):
        if node.tag == "p" and node.text(deep=True, strip=True):
            found.append(node)
            if len(found) == _BODY_PREFIX_PARAGRAPHS:
                break
    return found


def _body_start(page: _Page) -> str:
    """The simplified text of the first paragraphs of the story."""
    scopes = [*page.itemprops.get("articlebody", []), *page.scopes]
    if page.tree.body is not None:
        scopes.append(page.tree.body)
    paragraphs: list[LexborNode] = []
    for scope in scopes[:_MAX_SCOPES]:
        paragraphs = _first_paragraphs(scope)
        if paragraphs:
            break
    text = " ".join(p.text(deep=True, separator=" ") for p in paragraphs)
    return _simplify(text[:_MAX_BODY_PREFIX_CHARS])


def _subtitle(page: _Page, title: str | None) -> str | None:
    body: list[str] = []

    def accept(text: str, source: str) -> str | None:
        if "<" in text:
            text = _squash(_TAG.sub(" ", text))
        simple = _simplify(text.rstrip(".…"))
        if not simple or (title and simple == _simplify(title)):
            return None
        if source == "html:standfirst":
            return text
        if not body:
            body.append(_body_start(page))
        if body[0] and body[0].startswith(simple):
            return None
        return text

    found = _first(page, "subtitle", accept)
    return found if isinstance(found, str) else None


def _image(page: _Page, base: str | None) -> str | None:
    def accept(text: str, _source: str) -> str | None:
        if text.startswith("data:"):
            return None
        return http_url(text, base)

    found = _first(page, "image", accept)
    return found if isinstance(found, str) else None


def read_meta(
    tree: LexborHTMLParser,
    *,
    url: str | None = None,
    now: dt.datetime | None = None,
) -> PageMeta:
    """
    Read what a page states about itself, following `PRECEDENCE`.

    Args:
        tree: The parsed page.
        url: The address the page was fetched from, if known; used to make
            links absolute and as the url when the page names none.
        now: The reference time for relative times printed in the page
            ("3 hours ago"); ISO and RFC 2822 times do not need it.

    Returns:
        The page's metadata; fields the page does not state are ``None`` or
        empty.
    """
    return read_page(tree, url=url, now=now)[0]


def read_page(
    tree: LexborHTMLParser,
    *,
    url: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[PageMeta, tuple[str, ...]]:
    """
    Read a page's metadata, as `read_meta` does, and keep its JSON-LD.

    Args:
        tree: The parsed page.
        url: As for `read_meta`.
        now: As for `read_meta`.

    Returns:
        The metadata, and the text of each JSON-LD script of the page in
        page order, so that the caller need not look for them again.
    """
    page = _Page(tree, url)
    page_url = _page_url(page)
    site_name, site_home = _site_name(page)
    host = _host(page_url) or _host(url)
    names = [name for name in (site_name, host, _domain_label(host or "")) if name]
    names += [value.lstrip("@") for value in page.meta.get("twitter:site", [])]

    def accept_title(text: str, _source: str) -> str | None:
        title = strip_site_suffix(text, names, page.h1)
        # A title that is only the site's name ("Reuters") titles nothing.
        simple = _simplify(title)
        if not simple or any(simple == _simplify(name) for name in names):
            return None
        return title

    title = _first(page, "title", accept_title)
    language = _language(page)
    published, modified = _dates(page, now=now, language=language, host=host)
    source = None
    if site_name or host:
        source = Source(name=site_name or host or "", domain=host, url=site_home)
    meta = PageMeta(
        title=title,
        subtitle=_subtitle(page, title),
        authors=_authors(page, names),
        published=published,
        modified=modified,
        source=source,
        url=page_url,
        language=language,
        tags=_tags(page),
        image=_image(page, page_url or url),
    )
    return meta, page.ld_texts
