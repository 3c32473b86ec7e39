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

import itertools
import operator
import re
from typing import ClassVar

import attrs

from newsdump._chain import Block, Decision, Trim
from newsdump._lang.notices import COOKIE_WORD, all_cookie_cues
from newsdump._models import Caption

__all__ = [
    "AGENCIES",
    "COMMENT_LINES",
    "COOKIE_CUES",
    "FURNITURE_LINES",
    "MAX_NOTICE_CHARS",
    "MAX_WIDGET_CHARS",
    "PROMO_PREFIXES",
    "PUBLISHERS",
    "SHARE_LINES",
    "VIDEO_NOTICES",
    "CaptionCredits",
    "DuplicatedSpans",
    "TitleSuffix",
    "comment_widget",
    "cookie_notice",
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
    # German, French, Spanish, Italian, Dutch, Portuguese
    "kommentare",
    "kommentar schreiben",
    "noch keine kommentare",
    "commentaires",
    "laisser un commentaire",
    "aucun commentaire",
    "comentarios",
    "deja un comentario",
    "sin comentarios",
    "commenti",
    "lascia un commento",
    "nessun commento",
    "reacties",
    "plaats een reactie",
    "geen reacties",
    "comentários",
    "deixe um comentário",
    "nenhum comentário",
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
    # German, French, Spanish, Italian, Dutch, Portuguese
    "anzeige",
    "werbung",
    "schlagworte",
    "themen",
    "drucken",
    "datenschutz",
    "datenschutzerklärung",
    "impressum",
    "nach oben",
    "publicité",
    "mots-clés",
    "imprimer",
    "mentions légales",
    "politique de confidentialité",
    "haut de page",
    "publicidad",
    "etiquetas",
    "temas",
    "aviso legal",
    "política de privacidad",
    "volver arriba",
    "pubblicità",
    "argomenti",
    "note legali",
    "torna su",
    "advertentie",
    "onderwerpen",
    "privacybeleid",
    "naar boven",
    "publicidade",
    "tópicos",
    "política de privacidade",
    "voltar ao topo",
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
    # German, French, Spanish, Italian, Dutch, Portuguese
    "teilen",
    "artikel teilen",
    "newsletter abonnieren",
    "partager",
    "partager cet article",
    "compartir",
    "compartir en facebook",
    "condividi",
    "condividi su facebook",
    "delen",
    "deel dit artikel",
    "compartilhe",
    "compartilhar",
    "partilhar",
)
"""Share buttons and newsletter prompts, as whole lines (case-folded)."""

_SHARE_PREFIXES = (
    "follow us on ",
    "sign up for our ",
    "sign up to our ",
    "subscribe to our ",
    "click here to subscribe",
    "get the latest news delivered",
    "folgen sie uns auf ",
    "suivez-nous sur ",
    "síguenos en ",
    "seguici su ",
    "volg ons op ",
    "siga-nos no ",
    "siga-nos nas ",
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
    (notice[1:], notice.index("ideo"), len(notice), notice[0] + notice[0].lower())
    for notice in sorted(VIDEO_NOTICES, key=len, reverse=True)
)
"""Each notice: its text after the first letter, where "ideo" is in it,
its length and its first letter in both cases."""


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
        for rest, offset, size, initials in _NOTICE_AT:
            start = at - offset
            end = start + size
            if (
                start >= 0
                and text[start] in initials
                and text.startswith(rest, start + 1)
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


COOKIE_CUES = all_cookie_cues()
"""Words that, with "cookie", make a block a consent notice (every
language's, case-folded; see `newsdump._lang.notices`)."""

MAX_NOTICE_CHARS = 600
"""Consent notices are short: longer blocks are never one."""


def is_cookie_notice(text: str) -> bool:
    """Whether *text* is a cookie or consent notice (see `cookie_notice`)."""
    if len(text) > MAX_NOTICE_CHARS or ("ookie" not in text and "OOKIE" not in text):
        return False
    folded = text.casefold()
    return COOKIE_WORD in folded and any(cue in folded for cue in COOKIE_CUES)


def cookie_notice(block: Block) -> Decision | None:
    """
    Drop cookie and consent notices from text dumps ("We use cookies to
    improve your experience. By continuing you accept ...", "Accept all
    cookies").

    A notice is at most `MAX_NOTICE_CHARS` long, names cookies and has one
    of `COOKIE_CUES` ("we use", "accept", "consent", "akzeptieren", "nous
    utilisons", ...). Blocks of HTML pages (with a tag) are left to the
    HTML filters.

    Args:
        block: Any block.

    Returns:
        A drop `Decision` (reason ``cookie-notice``), or ``None``.
    """
    if block.tag is not None or block.role == "title":
        return None
    if is_cookie_notice(block.text):
        return Decision(keep=False, reason="cookie-notice")
    return None


_WORD = re.compile(r"\S+")
"""A word: a run of non-whitespace characters."""


@attrs.frozen(kw_only=True)
class DuplicatedSpans:
    """
    Cut spans that a scraper printed twice in a row ("... officer in has
    "eliminated" a man ... officer in has "eliminated" a man ... officer in
    Kyiv.").

    The block is read as words.
    A doubled span is a run of words followed by the same run again, so
    its first *min_words* words come back one period later.
    If no run of *min_words* words occurs twice in the block, which a set
    of word tuples tells in C, the block is left alone at once; this is
    the common case.
    Otherwise each repeated run is checked: if the words between its two
    places are followed by the same words again, the later copies are cut.
    The comparisons are bounded by a budget proportional to the block's
    length, so the filter is linear on any input.
    It does not depend on the language, only on words being separated by
    whitespace, and differences in whitespace between the copies do not
    matter.

    Args:
        min_chars: The shortest repeat worth cutting, in characters.
        max_chars: The longest repeat looked for, in characters.
        min_words: The repeated text must have this many words, at least
            three of them different, so runs of dashes or digits are left
            alone.
    """

    name: ClassVar[str] = "duplicated_spans"

    min_chars: int = 40
    max_chars: int = 5000
    min_words: int = 5

    def __call__(self, block: Block) -> Trim | None:
        """Find doubled spans in *block*; return a `Trim` of the copies."""
        text = block.text
        if len(text) < 2 * self.min_chars:
            return None
        words = text.split()
        size = max(self.min_words, 1)
        if len(words) < 2 * size:
            return None
        if size == 5:  # the default, spelled out: this runs on every block
            grams = zip(words, words[1:], words[2:], words[3:], words[4:], strict=False)
        else:
            grams = zip(*(words[i:] for i in range(size)), strict=False)
        if len(set(grams)) == len(words) - size + 1:
            return None
        copies = self._copies(words, size)
        if not copies:
            return None
        lengths = list(itertools.accumulate(map(len, words), initial=0))
        if lengths[-1] + len(words) - 1 == len(text):
            # words joined by single spaces: word k starts at lengths[k] + k
            starts = list(map(operator.add, lengths, range(len(lengths))))
            starts[-1] = len(text)
        else:
            starts = [m.start() for m in _WORD.finditer(text)]
            starts.append(len(text))
        spans = []
        for first, second, end in copies:
            period = starts[second] - starts[first]
            if self.min_chars <= period <= self.max_chars:
                spans.append((starts[second], starts[end]))
        if not spans:
            return None
        return Trim(spans=spans, reason="duplicated-span")

    def _copies(self, words: list[str], size: int) -> list[tuple[int, int, int]]:
        """
        ``(first, second, end)`` word indices of each doubled run: the
        first copy starts at *first*, the copies to cut span
        ``[second, end)``; a gram is *size* words.
        """
        budget = 4 * len(words)
        count = len(words) - size + 1
        grams = zip(*(words[i:] for i in range(size)), strict=False)
        # The first index of each gram, then the indices that repeat an
        # earlier gram: all in C, and the loop below only visits those.
        first: dict[tuple[str, ...], int] = {}
        firsts = map(first.setdefault, grams, range(count))
        again = list(
            itertools.compress(range(count), map(operator.ne, firsts, range(count)))
        )
        last = first.copy()
        found: list[tuple[int, int, int]] = []
        skip_to = 0
        for j in again:
            if j < skip_to:
                continue
            gram = tuple(words[j : j + size])
            i = last[gram]
            last[gram] = j
            period = j - i
            if period < self.min_words or budget <= 0:
                continue
            budget -= period
            unit = words[i:j]
            end = j
            while budget > 0 and words[end : end + period] == unit:
                budget -= period
                end += period
            if end > j and len(set(unit)) >= 3:
                found.append((i, j, end))
                skip_to = end
        return found


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
