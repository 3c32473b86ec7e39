"""
Typical user code that must type-check under ``mypy --strict``.

It is never run: `.ci/run` type-checks it with the package, so a change that
breaks how people annotate their own code shows up in CI.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import attrs

import newsdump
from newsdump import filters, times

NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)


def no_weather(block: filters.Block) -> filters.Decision | None:
    """A stateless filter is a plain function."""
    if block.text.startswith("Weather:"):
        return filters.Decision(keep=False, reason="weather-box")
    return None


@attrs.frozen
class MinWords:
    """A configurable filter is a frozen attrs class with ``__call__``."""

    words: int = 3

    def __call__(self, block: filters.Block, /) -> filters.Decision | None:
        if len(block.text.split()) < self.words:
            return filters.Decision(keep=False, reason="too-short", detail="< words")
        return None


def cut_first_word(block: filters.Block) -> filters.Trim | None:
    """A filter may trim parts of a block instead of deciding on it."""
    first, _, _ = block.text.partition(" ")
    return filters.Trim(spans=((0, len(first)),), reason="first-word")


def as_protocol(flt: filters.BlockFilter) -> str:
    """Both kinds of filter satisfy the protocol."""
    return filters.filter_name(flt)


def parse(dump: str | bytes) -> newsdump.Article:
    chain: tuple[filters.BlockFilter, ...] = (
        *filters.DEFAULT_FILTERS,
        no_weather,
        MinWords(words=2),
        cut_first_word,
    )
    return newsdump.parse_text(dump, now=NOW, filters=chain)


def summary(article: newsdump.Article) -> dict[str, object]:
    published: dt.datetime | None = (
        article.published.value if article.published is not None else None
    )
    sources: list[str] = [
        item.source.name for item in article.related if item.source is not None
    ]
    removed: list[tuple[str, str, int, int]] = [
        (r.filter, r.reason, r.start, r.end) for r in article.removed
    ]
    captions: list[str | None] = [c.credit for c in article.captions]
    return {
        "title": article.title,
        "text": article.text,
        "published": published,
        "sources": sources,
        "removed": removed,
        "captions": captions,
        "how": article.reference_how,
    }


def round_trip(article: newsdump.Article) -> newsdump.Article:
    data: dict[str, object] = newsdump.to_dict(article)
    again: newsdump.Article = newsdump.from_dict(newsdump.Article, data)
    text: str = newsdump.to_json(again, indent=2)
    return newsdump.from_json(text)


def retitle(article: newsdump.Article, title: str) -> newsdump.Article:
    return attrs.evolve(article, title=title)


def age(text: str) -> tuple[dt.datetime, dt.datetime] | None:
    stamp: newsdump.Timestamp | None = times.resolve(text, NOW, habit="floor")
    if stamp is None:
        return None
    granularity: newsdump.Granularity = stamp.granularity
    del granularity
    return stamp.earliest, stamp.latest


def safe_parse(dump: bytes) -> newsdump.Article | None:
    try:
        return newsdump.parse_text(dump, encoding="utf-8")
    except newsdump.DecodeError as exc:
        where: str | None = exc.locator
        del where
        return None
    except newsdump.ParseError:
        return None
    except newsdump.FilterError as exc:
        name: str = exc.filter_name
        del name
        raise


def make_records() -> newsdump.RelatedItem:
    source = newsdump.Source(name="AFP", domain="afp.com")
    stamp = newsdump.Timestamp(
        text="3 hours ago",
        value=NOW - dt.timedelta(hours=3),
        earliest=NOW - dt.timedelta(hours=4),
        latest=NOW - dt.timedelta(hours=3),
        granularity="hour",
    )
    caption = newsdump.Caption(text="The bridge at dusk", credit="AFP")
    return newsdump.RelatedItem(
        title="Bridge opens", source=source, published=stamp, captions=[caption]
    )


def compose() -> tuple[filters.BlockFilter, ...]:
    chain = filters.without((*filters.DEFAULT_FILTERS, no_weather), "no_weather")
    return filters.replacing((*chain, MinWords()), "MinWords", MinWords(words=5))


def render(article: newsdump.Article, source: str) -> tuple[str, str, str]:
    """The output formats: Markdown with or without front matter, text, audit."""
    markdown: str = newsdump.to_markdown(article, metadata=False)
    text: str = newsdump.to_text(article)
    report: str = newsdump.audit_html(article, source, name="page.txt")
    return markdown, text, report


def from_path(path: pathlib.Path) -> newsdump.Article:
    """`parse` reads a path the way the command line does."""
    return newsdump.parse(path, now=NOW)


def page_dates(html: str) -> list[tuple[str, str | None, dt.date]]:
    found: tuple[newsdump.DateCandidate, ...] = newsdump.find_dates(
        html, url="https://example.org/2025/07/13/story", now=NOW
    )
    return [(c.role, c.timestamp.source, c.timestamp.value.date()) for c in found]
