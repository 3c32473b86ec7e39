"""
Cleaning bylines into real names.

Bylines arrive as "By Jane Doe and John Roe, Reuters · 5 min read",
"Staff Writer", "https://example.com/authors/jane" or "jane@example.com".
`clean_authors` keeps the people: no "By", no roles, no dates, no reading
times, no agencies, no addresses, each name once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["AUTHOR_SEPARATORS", "NAME_PARTICLES", "NOT_NAME_WORDS", "clean_authors"]

AUTHOR_SEPARATORS = re.compile(
    r"\s*(?:[,;|/&•·+\n]|\s(?:and|und|et|y|e|with)\s|\s[-–—]\s"
    r"|(?<=[^\W\d_]{3})\.\s)\s*",
    re.IGNORECASE,
)
"""Where one byline holds several names, or a name and something else (a
full stop after a word of three or more letters ends a name; one after an
initial does not)."""

_LEAD = re.compile(
    r"^(?:[^\W\d_]+\s+){0,2}by\s*:?\s+|^(?:von|par|por|door|di|de)\s*:?\s+"
    r"|^[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:\s*",
    re.IGNORECASE,
)
"""A lead-in before a name: "By", "Written by", "Analysis by" (up to two
words before "by"), "Von", "Par", or one or two words and a colon
("Author:", "Text:", "Текст:")."""

_SENTENCES = re.compile(r";\s*|(?<=[^\W\d_]{3})\.\s+")
"""Where a credit line starts a new sentence ("...; edited by ...")."""

_NOT_AUTHORS = re.compile(
    r"^(?:(?:additional\s+)?(?:editing|edited|photos?|photographs?|pictures?"
    r"|images?|graphics?|illustrations?|video|produced|production|design|designed"
    r"|translated|translation|fact-checked|research)\s+by|editor|editors|photo"
    r"|photos|graphics|illustration)\b",
    re.IGNORECASE,
)
"""A credit for work other than writing ("Edited by", "Photos by"): the
whole sentence is dropped."""

_CUT = re.compile(
    r"\s*(?:\d|\b(?:updated|published|posted|last|minutes?|mins?|read|ago|on"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)\b"
    r"|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"\.?\s+\d|[(\[]).*$",
    re.IGNORECASE | re.DOTALL,
)
"""Where a name ends and a date, a time, a reading time or a note begins."""

_PLACE = re.compile(r"\s+(?:in|at|for|from)\s+\S.*$", re.DOTALL)
"""A dateline or outlet after the name ("Jane Doe in Kyiv", "... for CNN")."""

NOT_NAME_WORDS = frozenset(
    {
        "about",
        "admin",
        "administrator",
        "analyst",
        "attorney",
        "bio",
        "biography",
        "certified",
        "conditions",
        "consultant",
        "dietitian",
        "director",
        "expert",
        "experts",
        "founder",
        "journalism",
        "learn",
        "licensed",
        "manager",
        "nutritionist",
        "policy",
        "president",
        "privacy",
        "specialist",
        "written",
        "agencies",
        "anonymous",
        "agency",
        "anchor",
        "associated",
        "author",
        "authors",
        "bureau",
        "business",
        "chief",
        "columnist",
        "comment",
        "comments",
        "contributor",
        "contributors",
        "correspondent",
        "desk",
        "digital",
        "editor",
        "editorial",
        "editors",
        "email",
        "follow",
        "guest",
        "insider",
        "intern",
        "international",
        "large",
        "magazine",
        "media",
        "network",
        "news",
        "newsroom",
        "online",
        "press",
        "produced",
        "producer",
        "profile",
        "redaccion",
        "redacción",
        "redactie",
        "redaktion",
        "redazione",
        "rédaction",
        "reporter",
        "reporters",
        "senior",
        "service",
        "services",
        "sport",
        "sports",
        "the",
        "share",
        "staff",
        "team",
        "twitter",
        "view",
        "web",
        "wire",
        "wires",
        "writer",
        "writers",
    }
)
"""Words that show a byline part is a role, a desk, an agency or a page's
label, not a person ("Staff Writer", "Reuters Staff", "Associated Press",
"Full Bio", "Written By", "Privacy Policy")."""

NAME_PARTICLES = frozenset(
    {
        "al",
        "bin",
        "bint",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "st.",
        "ten",
        "ter",
        "van",
        "von",
        "y",
    }
)
"""Lower-case words that belong inside names ("Ludwig van Beethoven")."""

_MAX_NAME_WORDS = 5
_MAX_NAME_CHARS = 60
_NAME_EDGE_PUNCTUATION = ".,:;'\"()[]"
_WORD_PARTS = re.compile(r"[\s.,:;'\"()\[\]-]+")


def _is_name_word(word: str) -> bool:
    """Tell whether *word* can be part of a person's name."""
    if word.lower() in NAME_PARTICLES:
        return True
    core = word.strip(_NAME_EDGE_PUNCTUATION)
    if not core or any(not (ch.isalpha() or ch in ".-'’") for ch in core):
        return False
    first = core[0]
    # Upper-case initial, or a script without case (Chinese, Arabic, ...).
    return first.isupper() or (first.isalpha() and not first.islower())


def _is_acronym(word: str) -> bool:
    """An all-capital word of three or more letters in a mixed-case name
    ("CNN Business", "HNN Intern") names an organisation."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _caseless(word: str) -> bool:
    return all(ch.isalpha() and not ch.isupper() and not ch.islower() for ch in word)


_HANDLE = re.compile(r"^[^\W\d_][\w.'’-]*[^\W_]$")
"""One word a person signs with: letters, inner dots or hyphens ("Susan",
"jsteinhardt", "sara.r.peter"); no digits at the ends, no underscores."""


def _is_credential(word: str) -> bool:
    """A degree or title after a name ("MD", "Ph.D", "CFP"), not a name."""
    letters = word.replace(".", "")
    return letters.isupper() or ("." in word and len(letters) <= 4)


def _is_signature(candidate: str) -> bool:
    """Tell whether a candidate from a field that holds a person's name
    (JSON-LD Person, meta author) can be one: also a single word or a name
    in lower case ("Susan", "kirstin boatto")."""
    words = candidate.split(" ")
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and len(candidate) <= _MAX_NAME_CHARS
        and all(_HANDLE.match(word) or word.lower() in NAME_PARTICLES for word in words)
        and not any(_is_credential(word) for word in words)
        and not any(
            part in NOT_NAME_WORDS for part in _WORD_PARTS.split(candidate.lower())
        )
        and not any(ch.isdigit() for ch in candidate)
    )


def _is_name(candidate: str) -> bool:
    """Tell whether a cleaned candidate looks like one person's name."""
    words = candidate.split(" ")
    if (
        not candidate
        or len(candidate) > _MAX_NAME_CHARS
        or len(words) > _MAX_NAME_WORDS
        or any(part in NOT_NAME_WORDS for part in _WORD_PARTS.split(candidate.lower()))
        or (not candidate.isupper() and any(_is_acronym(word) for word in words))
        or not all(_is_name_word(word) for word in words)
        or (words[0].lower() in NAME_PARTICLES and not words[0][0].isupper())
    ):
        return False
    # A capitalised first word is a name even if it could be a particle
    # ("Al Root", "Van Morrison").
    significant = words[:1] + [w for w in words[1:] if w.lower() not in NAME_PARTICLES]
    if len(significant) >= 2:
        return True
    # A single word is a name only in scripts without spaces between names.
    return len(significant) == 1 and _caseless(significant[0])


def _candidates(raw: str) -> list[str]:
    """Split one byline into cleaned name candidates (not yet validated)."""
    text = unicodedata.normalize("NFC", raw)
    if "://" in text or "www." in text.lower():
        return []
    found = []
    for sentence in _SENTENCES.split(" ".join(text.split())):
        if not _NOT_AUTHORS.match(sentence):
            found += _sentence_candidates(sentence)
    return found


def _sentence_candidates(sentence: str) -> list[str]:
    found = []
    for part in AUTHOR_SEPARATORS.split(sentence):
        piece = part.strip(" \t-–—:")
        piece = _LEAD.sub("", piece)
        piece = _CUT.sub("", piece)
        piece = _PLACE.sub("", piece)
        piece = _drop_caps_tail(piece.strip(" \t-–—:.,"))
        if "@" in piece:
            continue
        found.append(" ".join(piece.split()))
    return found


def _drop_caps_tail(piece: str) -> str:
    """Drop an upper-case outlet after a mixed-case name ("Kevin McCoy USA
    TODAY" gives "Kevin McCoy")."""
    words = piece.split()
    if piece.isupper() or len(words) < 3:
        return piece
    keep = len(words)
    while keep > 0 and words[keep - 1].isupper() and len(words[keep - 1]) > 1:
        keep -= 1
    return " ".join(words[:keep]) if keep >= 2 else piece


def _clean_one(raw: str, *, signed: bool = False) -> list[str]:
    return [c for c in _candidates(raw) if _is_name(c) or (signed and _is_signature(c))]


def clean_authors(raw: Iterable[str], *, signed: bool = False) -> tuple[str, ...]:
    """
    Turn bylines into people's names.

    Each string may hold several names ("A and B", "A, B", "A | B").
    Lead-ins ("By", "Written by"), reading times ("5 Minute Read"), dates,
    datelines ("in Kyiv"), roles ("Staff Writer"), agencies and desks
    ("Reuters Staff", "Associated Press"), e-mail addresses, handles and URLs
    are dropped.
    A name needs two capitalised words (particles such as "van" or "de"
    aside), or one word in a script without letter case.
    Names are returned once each, in first-seen order, compared without
    regard to case.
    The result is stable: cleaning it again returns it unchanged.

    With *signed*, the strings come from a field that names a person
    (a JSON-LD ``Person``, a ``<meta name="author">``), so one word or a
    name in lower case ("Susan", "kirstin boatto", "jsteinhardt") counts.

    Args:
        raw: Bylines as printed.
        signed: Whether *raw* comes from a field that holds names.

    Returns:
        The names, in order of appearance.
    """
    names: list[str] = []
    seen: set[str] = set()
    for text in raw:
        for name in _clean_one(text, signed=signed):
            if _clean_one(name, signed=signed) != [name]:
                continue
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                names.append(name)
    # "Elliot Brownstein Florida Today" next to "Elliot Brownstein" is the
    # same person with an outlet glued on: keep the shorter form.
    # It takes the place of the longer form.
    folded = {name.casefold(): name for name in names}
    result: list[str] = []
    for name in names:
        key = name.casefold()
        shorter = [other for other in folded if key.startswith(other + " ")]
        kept = folded[min(shorter, key=len)] if shorter else name
        if kept not in result:
            result.append(kept)
    return tuple(result)
