"""
The built-in boilerplate filters for text blocks.

Each filter is small and named; word lists and thresholds are the constants
at the top of this module.
Filters that only make sense on a whole short line (widgets, prompts,
headings) ignore blocks longer than `MAX_WIDGET_CHARS`.
All regular expressions here are linear: no nested quantifiers, and the
ones that look at the end of a block only see its last `TAIL_CHARS`
characters.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from typing import TYPE_CHECKING, ClassVar

import attrs

from newsdump._chain import Block, Decision, Trim
from newsdump._models import Caption

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "AGENCIES",
    "COMMENT_LINES",
    "FURNITURE_LINES",
    "MAX_WIDGET_CHARS",
    "PROMO_PREFIXES",
    "PUBLISHERS",
    "SHARE_LINES",
    "VIDEO_NOTICES",
    "CaptionCredits",
    "DuplicatedSpans",
    "TitleSuffix",
    "comment_widget",
    "furniture",
    "promo",
    "share_prompt",
    "video_notice",
]

MAX_WIDGET_CHARS = 100
"""Widgets, prompts and headings are short: longer blocks are never one."""

TAIL_CHARS = 200
"""How much of the end of a block the caption and title filters look at."""

VIDEO_NOTICES = (
    (
        "To view this video please enable JavaScript, and consider upgrading "
        "to a web browser that supports HTML5 video"
    ),
    "Your browser does not support the video tag",
    "Your browser does not support HTML5 video",
    "Your browser does not support video",
    "Please enable JavaScript to view this video",
    "This video is not available",
    "This video can not be played",
    "Sorry, this video is not available",
    "Video unavailable",
)
"""The fallback texts video players print when they cannot play, as printed
(the first letter may also be lower case)."""

PROMO_PREFIXES = (
    "try our ai features",
    "try our ai",
    "try it free",
    "try it now",
    "explore what ",
    "download our app",
    "download the app",
    "get the app",
    "get our app",
    "start your free trial",
    "start free trial",
    "get unlimited access",
    "unlock unlimited access",
    "upgrade to premium",
    "go premium",
    "advertisement",
    "sponsored content",
    "sponsored",
    "promoted content",
    "paid content",
    "continue reading below",
    "story continues below",
    "article continues below",
)
"""Promotion and advertising lines, by their (case-folded) beginning."""

COMMENT_LINES = (
    "comments",
    "comment",
    "no comments yet",
    "no comments",
    "be the first to comment",
    "leave a comment",
    "add a comment",
    "post a comment",
    "write a comment",
    "show comments",
    "view comments",
    "hide comments",
    "load comments",
    "join the conversation",
    "join the discussion",
    "log in to comment",
    "sign in to comment",
    "comments are closed",
)
"""Comment widgets, as whole lines (case-folded, final dots ignored)."""

_COMMENT_COUNT = re.compile(r"\d{1,6} comments?", re.IGNORECASE)

FURNITURE_LINES = (
    "hashtags",
    "tags",
    "topics",
    "related topics",
    "keywords",
    "categories",
    "advertisement",
    "advert",
    "ad",
    "loading",
    "loading...",
    "back to top",
    "print",
    "print this article",
    "listen to this article",
    "listen",
    "save",
    "save article",
    "bookmark",
    "report an error",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "cookie policy",
    "cookie settings",
    "manage cookies",
    "contact us",
    "about us",
    "advertise",
    "advertise with us",
    "sitemap",
    "accessibility",
    "all rights reserved",
)
"""Section headings and page furniture, as whole lines (case-folded)."""

_FOOTER = re.compile(
    r"(?:©|\(c\)|copyright\b)[^\n]{0,80}$|all rights reserved\.?$", re.IGNORECASE
)

SHARE_LINES = (
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share on whatsapp",
    "share via email",
    "tweet",
    "email",
    "copy link",
    "link copied",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "get our newsletter",
    "sign up to our newsletter",
    "newsletter",
    "newsletter sign-up",
    "follow us",
)
"""Share buttons and newsletter prompts, as whole lines (case-folded)."""

_SHARE_PREFIXES = (
    "follow us on ",
    "sign up for our ",
    "sign up to our ",
    "subscribe to our ",
    "click here to subscribe",
    "get the latest news delivered",
)

AGENCIES = (
    "AFP",
    "AP",
    "AAP",
    "ANSA",
    "Alamy",
    "Anadolu",
    "Anadolu Agency",
    "Bloomberg",
    "dpa",
    "EPA",
    "EPA-EFE",
    "Getty",
    "Getty Images",
    "IANS",
    "Imago",
    "Kyodo",
    "NurPhoto",
    "PA",
    "PA Media",
    "PA Wire",
    "Reuters",
    "REUTERS",
    "Shutterstock",
    "Sipa",
    "SOPA Images",
    "Sputnik",
    "TASS",
    "UPI",
    "Xinhua",
    "Yonhap",
)
"""Photo agencies whose names end a caption ("... Convention Centre AFP")."""

CREDIT_STOPWORDS = frozenset(
    {
        *("a", "according", "an", "and", "as", "at", "by", "cited", "for"),
        *("from", "in", "of", "on", "or", "per", "quoted", "reported", "said"),
        *("says", "than", "the", "to", "told", "via", "with"),
    }
)
"""A credit never follows these words ("... told AFP" is prose)."""

MAX_CAPTION_CHARS = 400
"""A caption glued to a paragraph is at most this long."""

PUBLISHERS = (
    "ABC News",
    "AFP",
    "AP",
    "AP News",
    "Al Jazeera",
    "Axios",
    "BBC",
    "BBC News",
    "Bloomberg",
    "CBS News",
    "CNBC",
    "CNN",
    "Deutsche Welle",
    "DW",
    "Euronews",
    "Financial Times",
    "Fox News",
    "France 24",
    "Int'l Business Times",
    "International Business Times",
    "NBC News",
    "NPR",
    "Politico",
    "Reuters",
    "Sky News",
    "The Guardian",
    "The Hill",
    "The Independent",
    "The New York Times",
    "The Washington Post",
    "The Wall Street Journal",
)
"""Publishers whose names end headlines ("... - BBC News")."""

_NOTICE_AT = tuple(
    (notice, notice.index("ideo"))
    for notice in sorted(VIDEO_NOTICES, key=len, reverse=True)
)


def _fold(text: str) -> str:
    """Case-fold a short line and drop final dots and ellipses."""
    return text.casefold().rstrip(".…:! ")


def video_notice(block: Block) -> Trim | None:
    """
    Cut video-player fallback notices ("To view this video please enable
    JavaScript, ...") out of a block.

    Args:
        block: Any block.

    Returns:
        A `Trim` of every notice (reason ``video-notice``), or ``None``.
    """
    text = block.text
    at = text.find("ideo")  # every notice says "video"
    spans: list[tuple[int, int]] = []
    while at != -1:
        for notice, offset in _NOTICE_AT:
            start = at - offset
            end = start + len(notice)
            if (
                start >= 0
                and text[start] in (notice[0], notice[0].lower())
                and text[start + 1 : end] == notice[1:]
            ):
                if text.startswith(".", end):
                    end += 1
                spans.append((start, end))
                at = end - 4
                break
        at = text.find("ideo", at + 4)
    if not spans:
        return None
    return Trim(spans=spans, reason="video-notice")


def promo(block: Block) -> Decision | None:
    """
    Drop promotion lines ("Try Our AI Features", "Advertisement").

    Args:
        block: Any block.

    Returns:
        A drop `Decision` (reason ``promo``), or ``None``.
    """
    if len(block.text) > MAX_WIDGET_CHARS or block.role == "title":
        return None
    folded = block.text.casefold()
    if folded.startswith(PROMO_PREFIXES):
        return Decision(keep=False, reason="promo")
    return None


_COMMENT_SET = frozenset(COMMENT_LINES)


def comment_widget(block: Block) -> Decision | None:
    """
    Drop comment widgets ("Comments", "No comments yet...", "12 comments").

    Args:
        block: Any block.

    Returns:
        A drop `Decision` (reason ``comments``), or ``None``.
    """
    if len(block.text) > MAX_WIDGET_CHARS:
        return None
    folded = _fold(block.text)
    if folded in _COMMENT_SET or _COMMENT_COUNT.fullmatch(folded):
        return Decision(keep=False, reason="comments")
    return None


_FURNITURE_SET = frozenset(FURNITURE_LINES)


def furniture(block: Block) -> Decision | None:
    """
    Drop section headings and page furniture ("Hashtags", "Advertisement",
    "Privacy Policy", "© 2025 Example Media").

    Args:
        block: Any block.

    Returns:
        A drop `Decision` (reason ``furniture``), or ``None``.
    """
    text = block.text
    if len(text) > MAX_WIDGET_CHARS:
        return None
    if _fold(text) in _FURNITURE_SET or _FOOTER.match(text):
        return Decision(keep=False, reason="furniture")
    return None


_SHARE_SET = frozenset(SHARE_LINES)


def share_prompt(block: Block) -> Decision | None:
    """
    Drop share buttons and newsletter prompts ("Share this article",
    "Sign up for our newsletter").

    Args:
        block: Any block.

    Returns:
        A drop `Decision` (reason ``share-prompt``), or ``None``.
    """
    if len(block.text) > MAX_WIDGET_CHARS:
        return None
    folded = _fold(block.text)
    if folded in _SHARE_SET or folded.startswith(_SHARE_PREFIXES):
        return Decision(keep=False, reason="share-prompt")
    return None


_MAX_GRAM = 5
"""The longest run of words `DuplicatedSpans` checks for a repeat first."""

_KEY_PATTERNS: dict[int, re.Pattern[str]] = {}


def _full_keys(anchor: int) -> re.Pattern[str]:
    """
    A pattern that matches the space before each word start that has
    *anchor* characters from it on, capturing those characters.
    """
    pattern = _KEY_PATTERNS.get(anchor)
    if pattern is None:
        # "\s" then the word, rather than a look-behind at every character
        pattern = re.compile(rf"\s(?=(\S.{{{anchor - 1}}}))", re.DOTALL)
        _KEY_PATTERNS[anchor] = pattern
    return pattern


def _head_key(text: str, anchor: int) -> list[tuple[int, str]]:
    """The key of a word at the very start of *text*, which no space precedes."""
    if len(text) >= anchor and not text[0].isspace():
        return [(0, text[:anchor])]
    return []


_FIND_KEYS = 64
"""Up to this many repeated keys are looked up with `str.find`."""


def _repeated_starts(
    text: str, anchor: int, repeated: set[str]
) -> Iterable[tuple[int, str]]:
    """The word starts whose key is in *repeated*, in order, with the key."""
    if len(repeated) > _FIND_KEYS:
        return (pair for pair in _keyed_starts(text, anchor) if pair[1] in repeated)
    # a few keys: C searches, at most _FIND_KEYS passes over the text
    places = []
    for key in repeated:
        at = text.find(key)
        while at >= 0:
            if at == 0 or text[at - 1].isspace():
                places.append((at, key))
            at = text.find(key, at + 1)
    places.sort()
    return places


def _keyed_starts(text: str, anchor: int) -> Iterator[tuple[int, str]]:
    """Every word start with *anchor* characters from it on, and its key."""
    yield from _head_key(text, anchor)
    for match in _full_keys(anchor).finditer(text):
        yield match.start() + 1, match.group(1)


def _copies_end(text: str, p: int, q: int, budget: int) -> tuple[int, int]:
    """
    Where the copies of ``text[p:q]`` that follow it end (``q`` if none),
    and the comparison budget left.
    """
    period = q - p
    end = q
    while budget > 0 and text[p:q] == text[end : end + period]:
        budget -= period
        end += period
    return end, budget - period


@attrs.frozen(kw_only=True)
class DuplicatedSpans:
    """
    Cut spans that a scraper printed twice in a row ("... officer in has
    "eliminated" a man ... officer in has "eliminated" a man ... officer in
    Kyiv.").

    Every word start is keyed by the *anchor* characters that follow it.
    When a key comes back between *min_chars* and *max_chars* characters
    after its last place, the text between the two places is compared with
    the text that follows: equal means a doubled span, and the later copies
    are cut.
    Only keys of the last *max_chars* characters are kept, and the
    comparisons are bounded by a budget proportional to the block's length,
    so the filter is linear in time and bounded in memory on any input.
    It does not depend on the language, only on words being separated by
    whitespace.

    Args:
        min_chars: The shortest repeat worth cutting.
        max_chars: The longest repeat looked for.
        min_words: The repeated text must have this many words, at least
            three of them different, so runs of dashes or digits are left
            alone.
        anchor: Length of the keys.
    """

    name: ClassVar[str] = "duplicated_spans"

    min_chars: int = 40
    max_chars: int = 5000
    min_words: int = 5
    anchor: int = 20

    def __call__(self, block: Block) -> Trim | None:
        """Find doubled spans in *block*; return a `Trim` of the copies."""
        text = block.text
        repeated = self._repeated_keys(text)
        if not repeated:
            return None
        budget = 4 * len(text)
        last: dict[str, int] = {}
        recent: deque[tuple[int, str]] = deque()
        spans: list[tuple[int, int]] = []
        for q, key in _repeated_starts(text, self.anchor, repeated):
            while recent and recent[0][0] < q - self.max_chars:
                old, old_key = recent.popleft()
                if last.get(old_key) == old:
                    del last[old_key]
            if spans and q < spans[-1][1]:
                continue
            p = last.get(key)
            last[key] = q
            recent.append((q, key))
            if p is None or q - p < self.min_chars or budget <= 0:
                continue
            end, budget = _copies_end(text, p, q, budget)
            unit = text[p:q].split()
            if end > q and len(unit) >= self.min_words and len(set(unit)) >= 3:
                spans.append((q, end))
        if not spans:
            return None
        return Trim(spans=spans, reason="duplicated-span")

    def _repeated_keys(self, text: str) -> set[str]:
        """The keys that occur twice or more in *text*, worked out in C."""
        if len(text) < 2 * self.min_chars or self.anchor < 1:
            return set()
        # A doubled span of k words means a run of k words that comes
        # back, so with every run of min(k, 5) words unique there is none.
        size = min(self.min_words, _MAX_GRAM)
        if size >= 1:
            words = text.split()
            grams = list(zip(*(words[i:] for i in range(size)), strict=False))
            if len(set(grams)) == len(grams):
                return set()
        # A doubled span also needs a key that comes back, so only the word
        # starts whose key occurs twice can matter; the others neither
        # find a copy nor hide one.  Keys shorter than *anchor* (the
        # block's last characters) differ in length from each other and
        # from the full keys, so they never match: they are left out.
        counts = Counter(_full_keys(self.anchor).findall(text))
        counts.update(key for _, key in _head_key(text, self.anchor))
        return {key for key, count in counts.items() if count > 1}


def _alternation(names: tuple[str, ...]) -> str:
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", " ") for n in ordered)


_NAME = r"[A-Z][\w'’.-]{0,30}(?: [A-Z][\w'’.-]{0,30})?"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]{0,3}\s+(?=[\"“‘'(\[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jr|Sr|No|vs|"
    r"U\.S|U\.K|U\.N|E\.U))[.]$"
)


_CREDIT_SUFFIXES = frozenset(("File", "Pool", "Handout"))
_CREDIT_TAIL = 80


@attrs.frozen(kw_only=True)
class CaptionCredits:
    """
    Split photo captions that end with an agency credit off the text they
    are glued to ("... in Kuala Lumpur. US Secretary of State ... Convention
    Centre AFP").

    The credit is an agency ("AFP", "Getty Images"), a photographer and an
    agency ("Mandel Ngan/AFP"), or a photographer via an agency ("Anna
    Moneymaker via Getty Images"), at the very end of the block, after a
    word that is not one of `CREDIT_STOPWORDS`.
    The caption runs from the last sentence end before the credit (or from
    the start of the block).

    Args:
        agencies: The agency names recognised.
        max_caption_chars: The longest caption split off.
        min_caption_words: The shortest caption split off.
        roles: The block roles the filter looks at.
    """

    name: ClassVar[str] = "captions"

    agencies: tuple[str, ...] = attrs.field(default=AGENCIES, converter=tuple)
    max_caption_chars: int = MAX_CAPTION_CHARS
    min_caption_words: int = 2
    roles: frozenset[str] = attrs.field(
        default=frozenset(
            ("paragraph", "subtitle", "related-body", "caption", "unknown")
        ),
        converter=frozenset,
    )
    _credit: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    _finals: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        finals = {a.split()[-1] for a in self.agencies if a.strip()}
        object.__setattr__(self, "_finals", frozenset(finals | _CREDIT_SUFFIXES))
        agency = _alternation(self.agencies)
        pattern = (
            rf"(?:(?:{_NAME}) ?/ ?)?(?:{agency})"
            rf"(?: ?/ ?(?:{agency}|File|Pool|Handout))?"
            rf"(?: via (?:{agency}))?"
            rf"|(?:{_NAME}) via (?:{agency})"
        )
        credit = re.compile(rf"(?<!\S)(?:{pattern})$")
        object.__setattr__(self, "_credit", credit)

    def __call__(self, block: Block) -> Trim | None:  # noqa: PLR0911 - early outs
        """Split a trailing caption with its credit off *block*."""
        if block.role not in self.roles:
            return None
        text = block.text
        final = text[text.rfind(" ") + 1 :].rsplit("/", 1)[-1]
        if final not in self._finals:
            return None
        offset = max(0, len(text) - _CREDIT_TAIL)
        match = self._credit.search(text, offset)
        if match is None:
            return None
        credit_at = match.start()
        before = text[max(0, credit_at - 40) : credit_at].split()
        if not before or before[-1].casefold() in CREDIT_STOPWORDS:
            return None
        start = self._caption_start(text, credit_at)
        if start is None:
            return None
        caption = text[start:credit_at].strip()
        if len(caption.split()) < self.min_caption_words or caption[-1] in ".!?:;,":
            return None
        return Trim(
            spans=[(start, len(text))],
            reason="caption",
            captions=[Caption(text=caption, credit=match.group())],
        )

    def _caption_start(self, text: str, credit_at: int) -> int | None:
        """Where the caption before *credit_at* starts, if it is short enough."""
        window = max(0, credit_at - self.max_caption_chars)
        start = None
        for match in _SENTENCE_END.finditer(text, window, credit_at):
            if _ABBREVIATION.search(text, max(0, match.start() - 5), match.start() + 1):
                continue
            start = match.end()
        if start is None:
            return 0 if window == 0 else None
        return start


_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}"
_SEPARATOR = r"\s+[|–—-]\s+"
_SEPARATORS = (" | ", " – ", " — ", " - ", "\t")


@attrs.frozen(kw_only=True)
class TitleSuffix:
    """
    Cut publisher names and dates that sites append to headlines
    (" – DW – 07/13/2025", " | Reuters", " - BBC News").

    A suffix is cut if it ends with a date (the publisher before the date
    goes too, if it is short), names one of *publishers*, or follows a
    ``" | "`` and has at most *max_words* words.

    Args:
        publishers: Publisher names recognised after a dash.
        max_words: The longest publisher name after ``" | "`` or before a
            date.
        roles: The block roles the filter looks at.
    """

    name: ClassVar[str] = "title_suffix"

    publishers: tuple[str, ...] = attrs.field(default=PUBLISHERS, converter=tuple)
    max_words: int = 4
    roles: frozenset[str] = attrs.field(
        default=frozenset(("title", "related-title")), converter=frozenset
    )
    _patterns: tuple[re.Pattern[str], ...] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        words = max(0, self.max_words - 1)
        short = rf"[^\s|–—]{{1,40}}(?: [^\s|–—]{{1,40}}){{0,{words}}}"
        publisher = _alternation(self.publishers) or "(?!)"
        patterns = (
            re.compile(rf"(?:{_SEPARATOR}(?:{short}))?{_SEPARATOR}(?:{_DATE})$"),
            re.compile(rf"{_SEPARATOR}(?:{publisher})$", re.IGNORECASE),
            re.compile(rf"\s+\|\s+(?:{short})$"),
        )
        object.__setattr__(self, "_patterns", patterns)

    def __call__(self, block: Block) -> Trim | None:
        """Cut a publisher or date suffix off a headline *block*."""
        if block.role not in self.roles:
            return None
        text = block.text
        offset = max(0, len(text) - TAIL_CHARS)
        if not any(sep in text[offset:] for sep in _SEPARATORS):
            return None
        for pattern in self._patterns:
            match = pattern.search(text, offset)
            if match is not None and match.start() > 0:
                return Trim(spans=[match.span()], reason="title-suffix")
        return None
