"""
Built-in filters that only judge blocks of HTML pages.

Each filter returns ``None`` for blocks whose ``tag`` is ``None`` (lines of
text dumps), so adding them to a chain never changes how text dumps parse.
Their heuristics are data: the word lists, patterns and thresholds below.
"""

from __future__ import annotations

import functools
import re
from typing import ClassVar

import attrs

from newsdump._chain import Block, Decision, Trim, only
from newsdump._lang.headings import is_listed_heading
from newsdump._models import Caption

__all__ = [
    "ARTICLE_HINTS",
    "ARTICLE_WORDS",
    "BOILERPLATE_WORDS",
    "CREDIT_PATTERNS",
    "DATE_PATTERN",
    "EMBED_WORDS",
    "FURNITURE_PHRASES",
    "HTML_FILTERS",
    "LINKED_HEADINGS",
    "META_WORDS",
    "PHOTO_WORDS",
    "PROMPT_STARTS",
    "PROSE_FURNITURE",
    "REPEAT_MARK",
    "STANDFIRST_WORDS",
    "BoilerplateClass",
    "MaxLinkDensity",
    "article_meta",
    "date_line",
    "figure_captions",
    "furniture_text",
    "is_state",
    "outside_article",
    "prompts",
    "related_items",
    "repeated_blocks",
    "split_credit",
    "token_words",
]

BOILERPLATE_WORDS: dict[str, str] = {
    # word in a class or id -> the reason a block under it is dropped
    "share": "share-buttons",
    "sharing": "share-buttons",
    "social": "share-buttons",
    "sharebar": "share-buttons",
    "newsletter": "newsletter",
    "subscribe": "newsletter",
    "subscription": "newsletter",
    "signup": "newsletter",
    "comment": "comments",
    "comments": "comments",
    "disqus": "comments",
    "cookie": "cookie-notice",
    "cookies": "cookie-notice",
    "consent": "cookie-notice",
    "gdpr": "cookie-notice",
    "related": "related-links",
    "recommended": "related-links",
    "recirculation": "related-links",
    "outbrain": "related-links",
    "taboola": "related-links",
    "promo": "promotion",
    "sponsored": "promotion",
    "ad": "advertising",
    "ads": "advertising",
    "advert": "advertising",
    "advertisement": "advertising",
    "adslot": "advertising",
    "dfp": "advertising",
    "video": "video",
    "player": "video",
    "breadcrumb": "navigation",
    "breadcrumbs": "navigation",
    "nav": "navigation",
    "navbar": "navigation",
    "menu": "navigation",
    "pagination": "navigation",
    "sidebar": "sidebar",
    "rail": "sidebar",
    "widget": "sidebar",
    "footer": "page-footer",
    "masthead": "page-header",
    "toolbar": "toolbar",
    "tags": "tag-list",
    "tag": "tag-list",
    "latest": "related-links",
    "trending": "related-links",
    "popular": "related-links",
    "teaser": "teaser",
    "teasers": "teaser",
    "bio": "author-bio",
    "newsletters": "newsletter",
    "donate": "promotion",
    "donation": "promotion",
    "popup": "popup",
    "modal": "popup",
    "paywall": "paywall",
    "print": "toolbar",
}
"""Words of class and id tokens that mark page furniture, and why."""

PROSE_FURNITURE: frozenset[str] = frozenset({"comments", "cookie-notice", "popup"})
"""Reasons of `BOILERPLATE_WORDS` for furniture written in sentences
(comments, cookie and consent notices, pop-ups): its prose does not show it
is the article, so the parser never takes such a class for a layout class."""

ARTICLE_HINTS: frozenset[str] = frozenset(
    {
        "newsdump-article",
        "article",
        "articlebody",
        "article-body",
        "article-content",
        "article-text",
        "articletext",
        "story",
        "story-body",
        "storybody",
        "story-content",
        "post-content",
        "post-body",
        "entry-content",
        "body-text",
        "main-content",
        "content-body",
        "text",
        "body",
        "content",
        "entry",
    }
)
"""Class and id tokens that mark the article container itself."""

META_WORDS: frozenset[str] = frozenset(
    {
        "byline",
        "bylines",
        "author",
        "authors",
        "dateline",
        "timestamp",
        "date",
        "published",
        "updated",
        "posted",
        "meta",
        "credits",
        "contributor",
        "dates",
        "publish",
        "byline-wrapper",
        "time",
        "readtime",
        "kicker",
        "eyebrow",
    }
)
"""Words of class and id tokens that mark bylines, dates and labels."""

STANDFIRST_WORDS: frozenset[str] = frozenset(
    {
        "standfirst",
        "subtitle",
        "subheadline",
        "subhead",
        "subline",
        "dek",
        "deck",
        "strapline",
        "summary",
        "abstract",
        "excerpt",
    }
)
"""Words of class and id tokens that mark the standfirst under the headline;
the benchmark's and most readers' article body does not repeat it."""

PHOTO_WORDS: frozenset[str] = frozenset(
    {"photo", "image", "img", "picture", "media", "gallery", "credit"}
)
"""Words of class tokens around photos: text there with a credit is a
caption even outside ``<figure>``."""

STATE_PREFIXES: tuple[str, ...] = ("has-", "no-", "with-", "is-", "js-", "show-")
"""Class tokens starting with these describe a state, not the element."""

STATE_SUFFIXES: tuple[str, ...] = (
    "-enabled",
    "-disabled",
    "-active",
    "-open",
    "-visible",
    "-loaded",
    "-hidden",
)
"""Class tokens ending with these describe a state, not the element."""


STATE_WORDS: frozenset[str] = frozenset({"has", "with", "no", "is", "without"})
"""Class tokens with one of these words describe a layout or a state."""

EMBED_WORDS: frozenset[str] = frozenset({"embed", "embedded", "tweet", "oembed"})
"""Class tokens with one of these words wrap a quoted post (a tweet, an
Instagram post) that the article shows as content, not share buttons."""

ARTICLE_WORDS: frozenset[str] = frozenset(
    {"article", "story", "post", "entry", "content", "body", "main"}
)
"""A class token with one of these words is about the article, not furniture
under it: filters read no further out than such a token."""


_STATE_OR_EMBED = STATE_WORDS | EMBED_WORDS


@functools.lru_cache(maxsize=8192)
def is_state(token: str, words: tuple[str, ...] | None = None) -> bool:
    """
    Tell whether a class token describes a state (``has-comments``), a
    layout (``content-with-sidebar``) or an embedded post (``tweet-embed``):
    such tokens say nothing about furniture.

    *words* are the token's `token_words`, if the caller has them already.
    """
    if token.startswith(STATE_PREFIXES) or token.endswith(STATE_SUFFIXES):
        return True
    return not _STATE_OR_EMBED.isdisjoint(_words(token) if words is None else words)


LINKED_HEADINGS: frozenset[str] = frozenset({"h2", "h3"})
"""Section headings that may be links: listicles and guides link the
heading of each item; link density does not judge them."""

MAX_LINK_DENSITY = 0.5
"""Blocks with more of their text inside links than this are link lists."""

SENTENCE_LINK_DENSITY = 0.85
"""The link-density limit for blocks that read as a sentence (enough words,
a final stop): body text with links in it."""

SENTENCE_MIN_WORDS = 6
"""How many words a block needs to read as a sentence."""

_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?$")

META_MAX_CHARS = 200
"""Blocks under a byline or date class longer than this are kept anyway."""

FURNITURE_MAX_CHARS = 120
"""Furniture phrases only drop blocks up to this length."""

RELATED_HEADING_MAX_CHARS = 60
"""Blocks up to this length that are a related-stories heading ("Lesen Sie
auch", "You may also like") are furniture, wherever they stand."""

PROMPT_MAX_CHARS = 250
"""Prompts (follow us, subscribe) only drop blocks up to this length."""

PROMPT_STARTS: tuple[str, ...] = (
    "follow us",
    "follow him",
    "follow her",
    "follow me",
    "follow them",
    "subscribe to",
    "sign up for",
    "sign up to",
    "get the latest",
    "get our",
    "have a tip",
    "got a tip",
    "email us",
    "contact us",
    "join our",
    "like us on",
    "like this story",
    "download our app",
    "download the app",
    "this site is protected by recaptcha",
    "let our news meet your inbox",
    "image 1 of",
    "photo 1 of",
    "click to share",
    "share this:",
    "to read the full",
    "already a subscriber",
    "this article was originally published",
    # German, French, Spanish, Italian, Dutch, Portuguese
    "folgen sie uns",
    "folge uns",
    "jetzt abonnieren",
    "abonnieren sie",
    "melden sie sich für",
    "suivez-nous",
    "abonnez-vous",
    "inscrivez-vous à",
    "síguenos",
    "suscríbete",
    "suscríbase",
    "seguici su",
    "iscriviti alla",
    "volg ons",
    "abonneer je",
    "meld je aan voor",
    "siga-nos",
    "inscreva-se",
    "assine a newsletter",
    "receba as notícias",
)
"""Beginnings of prompts and notices that close or interrupt articles."""

DATE_LINE_MAX_CHARS = 120
"""Date lines only drop blocks up to this length."""

DATE_LINE_RESIDUE = 12
"""A date line may hold this many characters besides dates, times and the
words of `DATE_LINE_WORDS`."""

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
DATE_PATTERN = re.compile(
    rf"\b(?:\d{{1,4}}([./-])\d{{1,2}}\1\d{{1,4}}|(?:{_MONTHS})\.?\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})"
    rf"\.?,?(?:\s+\d{{4}})?)\b",
    re.IGNORECASE,
)
"""A calendar date in the common English and numeric forms."""

_TIME_ONLY = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE
)
_DATE_LINE_NOISE = re.compile(
    rf"\b(?:\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|\d{{4}}|\d{{1,2}}"
    rf"|(?:{_MONTHS})|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|published|updated|posted|last|modified"
    r"|on|at|by|et|est|edt|pt|pst|pdt|gmt|bst|utc|cet|ist|min|mins|minute|minutes"
    r"|read|hours?|ago|date|time|and)\b|[\W_]+",
    re.IGNORECASE,
)

FURNITURE_PHRASES: tuple[str, ...] = (
    "advertisement",
    "advertising",
    "story continues below advertisement",
    "continue reading below",
    "continue reading the main story",
    "read more",
    "read more:",
    "see more",
    "show more",
    "load more",
    "click here",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "follow us",
    "sign up",
    "sign up for our newsletter",
    "subscribe",
    "subscribe now",
    "skip to content",
    "skip to main content",
    "back to top",
    "watch:",
    "related:",
    "recommended",
    "most popular",
    "most read",
    "related articles",
    "related stories",
    "more from",
    "you may also like",
    "we use cookies",
    "accept cookies",
    "this video is unavailable",
    "please enable javascript",
    # German, French, Spanish, Italian, Dutch, Portuguese
    "anzeige",
    "werbung",
    "weiterlesen",
    "artikel teilen",
    "wir verwenden cookies",
    "publicité",
    "lire la suite",
    "partager cet article",
    "nous utilisons des cookies",
    "publicidad",
    "leer más",
    "utilizamos cookies",
    "pubblicità",
    "continua a leggere",
    "utilizziamo i cookie",
    "advertentie",
    "lees verder",
    "wij gebruiken cookies",
    "publicidade",
    "continue lendo",
    "usamos cookies",
)
"""Phrases that, starting a short block, mark it as furniture."""

CREDIT_PATTERNS: tuple[re.Pattern[str], ...] = (
    # a credit in brackets at the very end, with or without a label
    re.compile(
        r"[\(\[]\s*(?:(?:photo|photograph|image|picture|video|credit|source)"
        r"s?\s*(?:by|:)?\s*)?(?P<credit>[^()\[\]]{2,80})[\)\]]\s*$",
        re.IGNORECASE,
    ),
    # a label (photo, image, credit, source, the copyright sign) and a name
    re.compile(
        r"(?:^|(?<=[\s.|,;–—-]))\s*(?:(?:photo(?:graph)?|image|picture|credit|source)"
        r"s?\s*(?:by|:)|©|\(c\))\s*(?P<credit>[^:]{2,80})$",
        re.IGNORECASE,
    ),
    # a capitalised name and an agency around a slash, or an agency alone
    re.compile(
        r"(?:^|(?<=[\s.|,;–—-]))\s*(?P<credit>(?:[A-Z][\w.'’-]* ){0,3}[A-Z][\w.'’-]*"
        r"\s?/\s?[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,2}"
        r"|(?i:getty images|afp|reuters|ap|epa|shutterstock|alamy|anadolu|xinhua"
        r"|pa|ap photo))\s*$"
    ),
)
"""Patterns for the credit at the end of a caption, in order of trust."""

_PROMPT_START = re.compile("|".join(re.escape(p) for p in PROMPT_STARTS))
_FURNITURE_START = re.compile(
    "|".join(
        re.escape(p.rstrip(":"))
        for p in sorted(FURNITURE_PHRASES, key=len, reverse=True)
    )
)
_PAREN_CREDIT_HINT = re.compile(
    r"photo|image|credit|getty|afp|reuters|\bap\b|epa|press|/", re.IGNORECASE
)


@functools.lru_cache(maxsize=8192)
def token_words(token: str) -> tuple[str, ...]:
    """The words of a class token: ``"story-body__text"`` gives three."""
    # the separators -, _, : and . made one, then split (faster than a regex)
    dashed = token.replace("_", "-").replace(":", "-").replace(".", "-")
    return tuple(filter(None, dashed.split("-")))


_words = token_words


def _inner_tokens(block: Block) -> tuple[str, ...]:
    """Class tokens from the block's element out to the article container."""
    return _inner(block.classes)


@functools.lru_cache(maxsize=4096)
def _inner(classes: tuple[str, ...]) -> tuple[str, ...]:
    tokens: list[str] = []
    for token in classes:
        words = _words(token)
        if is_state(token, words):
            continue
        if token in ARTICLE_HINTS or (
            not ARTICLE_WORDS.isdisjoint(words)
            # "comment-content" is the comment's content, not the article's
            and PROSE_FURNITURE.isdisjoint(map(BOILERPLATE_WORDS.get, words))
        ):
            break
        tokens.append(token)
    return tuple(tokens)


REPEAT_MARK = "newsdump-repeat"
"""Class token the HTML parser puts first in the classes of a long block of
the article that repeats an earlier block of it word for word."""

_REPEATED = Decision(keep=False, reason="repeated-block")


@only(inputs={"html"})
def repeated_blocks(block: Block) -> Decision | None:
    """Drop long HTML blocks of the article that repeat an earlier one (the
    parser marks them with `REPEAT_MARK`)."""
    if block.tag is None or not block.classes or block.classes[0] != REPEAT_MARK:
        return None
    return _REPEATED


# Decisions are frozen: the two filters that judge most blocks share theirs.
_OUTSIDE_ARTICLE = Decision(keep=False, reason="outside-article")
_RELATED_HEADING = Decision(
    keep=False, reason="furniture-text", detail="related-stories heading"
)
_RELATED_ITEMS = Decision(keep=False, reason="related-items")


@only(roles={"furniture"}, inputs={"html"})
def outside_article(block: Block) -> Decision | None:
    """Drop HTML blocks the parser found outside the article container."""
    if block.tag is None or block.role != "furniture":
        return None
    return _OUTSIDE_ARTICLE


@only(roles={"related"}, inputs={"html"})
def related_items(block: Block) -> Decision | None:
    """Drop HTML blocks inside the page's related-stories containers."""
    if block.tag is None or block.role != "related":
        return None
    return _RELATED_ITEMS


@attrs.frozen(kw_only=True)
class BoilerplateClass:
    """
    Drop HTML blocks under an element whose class or id names furniture.

    Only the tokens between the block and the article container count, so
    page-wide classes such as ``comments-open`` on a wrapper do not matter.

    Args:
        words: Furniture words and the reason each one gives.
    """

    words: dict[str, str] = attrs.field(factory=lambda: dict(BOILERPLATE_WORDS))
    name: str = "boilerplate_class"

    inputs: ClassVar[frozenset[str]] = frozenset({"html"})

    def __call__(self, block: Block, /) -> Decision | None:
        """Judge *block*."""
        if block.tag is None or block.role in {"title", "caption"}:
            return None
        for token in _inner_tokens(block):
            for word in _words(token):
                reason = self.words.get(word)
                if reason is not None:
                    return Decision(keep=False, reason=reason, detail=token)
        return None


@attrs.frozen(kw_only=True)
class MaxLinkDensity:
    """
    Drop HTML blocks that are mostly link text (menus, link lists); the
    headings of `LINKED_HEADINGS` are not judged.

    Args:
        threshold: The largest share of link text a kept block may have.
        sentence_threshold: The same for blocks that read as a sentence.
    """

    threshold: float = MAX_LINK_DENSITY
    sentence_threshold: float = SENTENCE_LINK_DENSITY
    name: str = "max_link_density"

    inputs: ClassVar[frozenset[str]] = frozenset({"html"})

    def __call__(self, block: Block, /) -> Decision | None:
        """Judge *block*."""
        if block.tag is None or block.role == "title" or block.tag in LINKED_HEADINGS:
            return None
        if block.link_density <= self.threshold:
            return None
        limit = self.threshold
        if block.role == "quote" or (
            _SENTENCE_END.search(block.text)
            and block.text.count(" ") + 1 >= SENTENCE_MIN_WORDS
        ):
            limit = self.sentence_threshold
        if block.link_density > limit:
            return Decision(
                keep=False,
                reason="link-density",
                detail=f"{block.link_density:.2f} > {limit:.2f}",
            )
        return None


@only(inputs={"html"})
def furniture_text(block: Block) -> Decision | None:
    """Drop short HTML blocks that are furniture by their words, or that
    are a related-stories heading in one of newsdump's languages."""
    if block.tag is None or len(block.text) > FURNITURE_MAX_CHARS:
        return None
    lowered = block.text.lower().strip(" .!:»›>|-–—")
    match = _FURNITURE_START.match(lowered)
    if match is not None and len(lowered) < 2 * len(match.group(0)) + 20:
        return Decision(keep=False, reason="furniture-text", detail=match.group(0))
    if len(block.text) <= RELATED_HEADING_MAX_CHARS and is_listed_heading(block.text):
        return _RELATED_HEADING
    return None


@only(inputs={"html"})
def prompts(block: Block) -> Decision | None:
    """Drop HTML blocks that start like a follow, subscribe or tip prompt."""
    if block.tag is None or len(block.text) > PROMPT_MAX_CHARS:
        return None
    match = _PROMPT_START.match(block.text.lower())
    if match is None:
        return None
    return Decision(keep=False, reason="prompt", detail=match.group(0))


@only(roles={"paragraph", "list-item", "unknown"}, inputs={"html"})
def date_line(block: Block) -> Decision | None:
    """Drop short HTML blocks that only give a date, a time or a byline."""
    if block.tag in {None, "tr"} or len(block.text) > DATE_LINE_MAX_CHARS:
        return None
    if block.role not in {"paragraph", "list-item", "unknown"}:
        return None
    if _TIME_ONLY.match(block.text):
        return Decision(keep=False, reason="date-line", detail=block.text)
    if DATE_PATTERN.search(block.text) is None:
        return None
    residue = _DATE_LINE_NOISE.sub("", block.text)
    if len(residue) > DATE_LINE_RESIDUE:
        return None
    return Decision(keep=False, reason="date-line", detail=block.text)


@only(roles={"paragraph", "list-item", "heading"}, inputs={"html"})
def article_meta(block: Block) -> Decision | None:
    """Drop short HTML blocks under byline, date, label or standfirst classes."""
    if block.tag is None or block.role not in {"paragraph", "list-item", "heading"}:
        return None
    if len(block.text) > META_MAX_CHARS:
        return None
    for token in _inner_tokens(block):
        for word in _words(token):
            if word in STANDFIRST_WORDS and block.role != "heading":
                return Decision(keep=False, reason="standfirst", detail=token)
            if word in META_WORDS and block.role != "heading":
                return Decision(keep=False, reason="article-meta", detail=token)
    return None


def split_credit(text: str) -> Caption:
    """
    Split a caption into its text and the credit printed at its end.

    Args:
        text: The caption as printed ("Smoke rises. Photo: Jane Doe/AFP").

    Returns:
        The `Caption`; ``credit`` is ``None`` if no credit was found.
    """
    text = " ".join(text.split())
    for pattern in CREDIT_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        credit = match["credit"].strip(" .,;:|–—-")
        if not credit:
            continue
        if pattern is CREDIT_PATTERNS[0] and not _PAREN_CREDIT_HINT.search(
            match.group(0)
        ):
            continue
        rest = text[: match.start()].rstrip(" ,;:|–—-")
        return Caption(text=rest, credit=credit)
    return Caption(text=text)


@only(inputs={"html"})
def figure_captions(block: Block) -> Trim | None:
    """
    Move HTML caption blocks to the article's captions: figure captions, and
    short text with a credit under a photo class.
    """
    if block.tag is None:
        return None
    if block.role == "caption":
        caption = split_credit(block.text)
    elif len(block.text) <= META_MAX_CHARS and any(
        word in PHOTO_WORDS for token in _inner_tokens(block) for word in _words(token)
    ):
        caption = split_credit(block.text)
        if caption.credit is None:
            return None
    else:
        return None
    return Trim(spans=((0, len(block.text)),), reason="caption", captions=(caption,))


HTML_FILTERS = (
    related_items,
    outside_article,
    repeated_blocks,
    BoilerplateClass(),
    figure_captions,
    MaxLinkDensity(),
    furniture_text,
    prompts,
    date_line,
    article_meta,
)
"""The HTML filters of `DEFAULT_FILTERS`, in chain order."""
