"""
The records newsdump returns: `Article`, `Source`, `RelatedItem` and their
parts.

All models are frozen, slotted attrs classes with keyword-only arguments.
Collections are tuples; datetimes are timezone-aware.
Change a model with `attrs.evolve`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = [
    "Article",
    "Caption",
    "Granularity",
    "ReferenceHow",
    "RelatedItem",
    "Removal",
    "Source",
    "Timestamp",
]

Granularity = Literal["second", "minute", "hour", "day", "week", "month", "year"]
"""How precise a `Timestamp` is: the unit of the text it was read from."""

ReferenceHow = Literal["given", "inferred", "none"]
"""How the reference time ("now") of a parse was obtained."""


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject naive datetimes."""
    if not isinstance(value, dt.datetime):
        msg = f"'{attribute.name}' must be a datetime, not {type(value).__name__}"
        raise TypeError(msg)
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"'{attribute.name}' must be timezone-aware, got naive {value!r}"
        raise ValueError(msg)


def _optional_aware(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _aware(instance, attribute, value)


# One typed converter per element type: mypy's attrs plugin cannot infer
# the element type through a bare ``converter=tuple``.
def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _int_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _caption_tuple(value: Iterable[Caption]) -> tuple[Caption, ...]:
    return tuple(value)


def _related_tuple(value: Iterable[RelatedItem]) -> tuple[RelatedItem, ...]:
    return tuple(value)


def _removal_tuple(value: Iterable[Removal]) -> tuple[Removal, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Source:
    """
    Who published a story.

    Args:
        name: The publisher's name as printed ("Int'l Business Times").
        domain: Its web domain, if known ("ibtimes.com").
        url: Its home page or the story's address, if known.
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    domain: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True, weakref_slot=False)
class Timestamp:
    """
    A time read from text, with the interval the text really denotes.

    "3 hours ago" read at 18:00 is not 15:00:00 exactly:
    depending on whether the site floored or rounded the age, the story
    was published between 14:00 and 15:30.
    `value` is the best single estimate, `earliest` and `latest` bound it.

    Args:
        text: The text the time was read from, as printed.
        value: The best estimate.
        earliest: The earliest instant the text allows.
        latest: The latest instant the text allows.
        granularity: The unit of the text (an age in hours is "hour").
        source: Where a page's date was read, if it was read from a page:
            "json-ld", "microdata", "rdfa", "meta", "time-element", "abbr",
            "element" (an element whose class or id says date), "url" or
            "text"; ``None`` for times read otherwise (ages in listings,
            times given by the caller).
    """

    text: str
    value: dt.datetime = attrs.field(validator=_aware)
    earliest: dt.datetime = attrs.field(validator=_aware)
    latest: dt.datetime = attrs.field(validator=_aware)
    granularity: Granularity = "second"
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.earliest <= self.value <= self.latest:
            msg = (
                "Timestamp needs earliest <= value <= latest, got "
                f"{self.earliest.isoformat()} / {self.value.isoformat()} / "
                f"{self.latest.isoformat()}"
            )
            raise ValueError(msg)

    def __contains__(self, instant: object) -> bool:
        """Tell whether *instant* (an aware datetime) lies in the interval."""
        if not isinstance(instant, dt.datetime):
            return False
        return self.earliest <= instant <= self.latest


@attrs.frozen(kw_only=True)
class Caption:
    """
    A photo or video caption, split from the text it was glued to.

    Args:
        text: The caption without its credit.
        credit: The agency or photographer credited ("AFP",
            "Getty Images"), if printed.
    """

    text: str
    credit: str | None = None


@attrs.frozen(kw_only=True)
class Removal:
    """
    A piece of the input that a filter took out, and why.

    ``input[start:end] == text`` holds for text dumps (offsets are into the
    decoded input string).
    For HTML pages the offsets are into the page's visible text: the texts
    of all its blocks, before filtering, joined with newlines, as
    `newsdump.visible_text` returns it.

    Args:
        filter: The name of the filter that removed it.
        reason: A stable kebab-case code ("video-notice").
        text: The removed text, exactly as in the input.
        start: Offset of its first character.
        end: Offset one past its last character.
        detail: A human explanation, if the filter gave one.
    """

    filter: str
    reason: str
    text: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=attrs.validators.ge(0))
    detail: str = ""


@attrs.frozen(kw_only=True)
class RelatedItem:
    """
    A linked story listed next to an article.

    Args:
        title: Its headline, without publisher or date suffixes.
        url: Its absolute address, if the input has one.
        source: Who published it, if shown.
        published: When, resolved from an age or a date, if shown.
        body: The story's text or teaser, if shown.
        captions: Captions split out of *body*.
    """

    title: str
    url: str | None = None
    source: Source | None = None
    published: Timestamp | None = None
    body: str = ""
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_caption_tuple)


@attrs.frozen(kw_only=True)
class Article:
    """
    A news article read from a dump, and what was removed around it.

    Args:
        title: The headline, without site suffixes.
        subtitle: The standfirst or deck under the headline.
        paragraphs: The body text, one string per paragraph.
        headings: Indices into *paragraphs* of the section headings
            inside the article.
        captions: Photo and video captions with their credit.
        authors: Real names only, no "By" and no roles.
        source: Who published it.
        published: When it was first published.
        modified: When it was last updated.
        url: The page's canonical address.
        language: The language code of the page ("en"), if known.
        image: The lead image's address, if known.
        tags: Topics and keywords.
        related: Linked stories shown with it.
        removed: Everything filters took out, in input order.
        reference: The time that ages ("3 hours ago") were resolved
            against, if any.
        reference_how: Whether *reference* was given by the caller,
            inferred from the dump, or absent.
    """

    title: str | None = None
    subtitle: str | None = None
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    headings: tuple[int, ...] = attrs.field(default=(), converter=_int_tuple)
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_caption_tuple)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    source: Source | None = None
    published: Timestamp | None = None
    modified: Timestamp | None = None
    url: str | None = None
    language: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    related: tuple[RelatedItem, ...] = attrs.field(default=(), converter=_related_tuple)
    removed: tuple[Removal, ...] = attrs.field(default=(), converter=_removal_tuple)
    reference: Timestamp | None = None
    reference_how: ReferenceHow = "none"

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)
