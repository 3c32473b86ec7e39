"""
Boilerplate filters: the catalogue, the protocol and tools to compose chains.

A filter is a callable that takes a `Block` and returns a `Decision` (keep
or drop the whole block), a `Trim` (take parts out, go on) or ``None`` (no
opinion).
Chains are tuples; compose them with ordinary tuple syntax::

    from newsdump import filters, parse_text

    def no_weather(block: filters.Block) -> filters.Decision | None:
        if block.text.startswith("Weather:"):
            return filters.Decision(keep=False, reason="weather-box")
        return None

    article = parse_text(dump, filters=(*filters.DEFAULT_FILTERS, no_weather))

Third-party packages can register filters under the ``newsdump.filters``
entry point group; `load` finds them by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points

from newsdump._builtin_filters import (
    AGENCIES,
    COMMENT_LINES,
    COOKIE_CUES,
    FURNITURE_LINES,
    MAX_NOTICE_CHARS,
    MAX_WIDGET_CHARS,
    PROMO_PREFIXES,
    PUBLISHERS,
    SHARE_LINES,
    VIDEO_NOTICES,
    CaptionCredits,
    DuplicatedSpans,
    TitleSuffix,
    comment_widget,
    cookie_notice,
    furniture,
    promo,
    share_prompt,
    video_notice,
)
from newsdump._chain import (
    Block,
    BlockFilter,
    Decision,
    Filter,
    FilterResult,
    Outcome,
    Trim,
    filter_name,
    only,
    run_filters,
)
from newsdump._html_filters import HTML_FILTERS

__all__ = [
    "AGENCIES",
    "COMMENT_LINES",
    "COOKIE_CUES",
    "DEFAULT_FILTERS",
    "ENTRY_POINT_GROUP",
    "FURNITURE_LINES",
    "MAX_NOTICE_CHARS",
    "MAX_WIDGET_CHARS",
    "PROMO_PREFIXES",
    "PUBLISHERS",
    "SHARE_LINES",
    "TEXT_FILTERS",
    "VIDEO_NOTICES",
    "Block",
    "BlockFilter",
    "CaptionCredits",
    "Decision",
    "DuplicatedSpans",
    "Filter",
    "FilterResult",
    "Outcome",
    "TitleSuffix",
    "Trim",
    "comment_widget",
    "cookie_notice",
    "filter_name",
    "furniture",
    "load",
    "only",
    "promo",
    "replacing",
    "run_filters",
    "share_prompt",
    "video_notice",
    "without",
]

ENTRY_POINT_GROUP = "newsdump.filters"
"""The entry point group that third-party filters register under."""


TEXT_FILTERS: tuple[Filter, ...] = (
    video_notice,
    DuplicatedSpans(),
    promo,
    comment_widget,
    cookie_notice,
    furniture,
    share_prompt,
    CaptionCredits(),
    TitleSuffix(),
)
"""The filters that judge a block by its text alone, for dumps and pages.

They cut video notices and doubled spans, drop promotions, comment widgets,
furniture and share prompts, then split captions off paragraphs and
publisher suffixes off headlines.
"""

DEFAULT_FILTERS: tuple[Filter, ...] = (*HTML_FILTERS, *TEXT_FILTERS)
"""The chain used when a parse function is called without *filters*.

The HTML filters come first; they only judge blocks that carry a tag.
"""


def without(chain: Iterable[Filter], *names: str) -> tuple[Filter, ...]:
    """
    Return *chain* without the filters called *names*.

    Args:
        chain: A chain of filters, such as `DEFAULT_FILTERS`.
        names: Filter names as given by `filter_name`.

    Returns:
        The remaining filters, in order.

    Raises:
        KeyError: If a name is not in the chain (a typo would otherwise
            silently keep the filter).
    """
    chain = tuple(chain)
    present = {filter_name(f) for f in chain}
    missing = [n for n in names if n not in present]
    if missing:
        msg = f"no filter named {', '.join(map(repr, missing))} in the chain"
        raise KeyError(msg)
    return tuple(f for f in chain if filter_name(f) not in names)


def replacing(chain: Iterable[Filter], name: str, new: Filter) -> tuple[Filter, ...]:
    """
    Return *chain* with the filter called *name* replaced by *new*, in place.

    Raises:
        KeyError: If no filter is called *name*.
    """
    chain = tuple(chain)
    names = [filter_name(f) for f in chain]
    if name not in names:
        msg = f"no filter named {name!r} in the chain"
        raise KeyError(msg)
    return tuple(new if n == name else f for f, n in zip(chain, names, strict=True))


def load(name: str) -> Filter:
    """
    Find a filter by name: a built-in one, or one registered by another
    package under the ``newsdump.filters`` entry point group.

    Args:
        name: The filter's name.

    Returns:
        The filter.

    Raises:
        KeyError: If no filter has that name.
    """
    for flt in DEFAULT_FILTERS:
        if filter_name(flt) == name:
            return flt
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            loaded: Filter = ep.load()
            return loaded
    msg = f"no filter named {name!r}"
    raise KeyError(msg)
