"""
The filter framework: blocks, decisions and the runner that applies a chain
of filters to blocks and records every outcome.

A filter is any callable ``(block) -> Decision | Trim | None``:

- ``None``: no opinion, ask the next filter.
- `Decision`: keep or drop the whole block; the chain ends for the block.
- `Trim`: take parts of the block out (or move them to captions) and go on
  with the rest of the chain on what is left.

A block that no filter decided on is kept, with the reason
``no-filter-matched``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeAlias, TypeVar

import attrs

from newsdump._exceptions import FilterError
from newsdump._models import Caption, Removal

__all__ = [
    "Block",
    "BlockFilter",
    "Decision",
    "Filter",
    "FilterResult",
    "Outcome",
    "Trim",
    "filter_name",
    "only",
    "run_chain",
    "run_filters",
]


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(value)


def _captions(value: Iterable[Caption]) -> tuple[Caption, ...]:
    return tuple(value)


def _triples(value: Iterable[tuple[int, int, int]]) -> tuple[tuple[int, int, int], ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Block:
    """
    A unit of text that filters judge: a line of a text dump, or a
    paragraph-like element of an HTML page.

    Filters see blocks, never parser nodes, so one filter works on both
    kinds of input.

    Args:
        text: The block's text, whitespace squashed.
        role: What the parser thinks the block is: ``"title"``,
            ``"subtitle"``, ``"paragraph"``, ``"heading"``, ``"caption"``,
            ``"furniture"``, ``"related-heading"``, ``"related-source"``,
            ``"related-age"``, ``"related-title"``, ``"related-body"`` or
            ``"unknown"``.
        index: Position among the blocks of the document, from 0.
        count: How many blocks the document has.
        start: Offset of the block's first character in the input.
        end: Offset one past its last character in the input.
        tag: The HTML tag name, for HTML input.
        classes: The HTML ``class`` and ``id`` tokens of the element and its
            ancestors, lower-cased, for HTML input.
        link_density: Share of the text inside links (0 to 1).
        depth: Nesting depth of the element, for HTML input.
        pieces: How the text maps to the input: ``(text_offset,
            input_offset, length)`` triples. Empty means the text is the
            input from *start* on, character for character.
    """

    text: str
    role: str = "unknown"
    index: int = 0
    count: int = 1
    start: int = 0
    end: int = 0
    tag: str | None = None
    classes: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    link_density: float = 0.0
    depth: int = 0
    pieces: tuple[tuple[int, int, int], ...] = attrs.field(
        default=(), converter=_triples, repr=False
    )

    @property
    def position(self) -> float:
        """Relative position in the document, 0 (first) to 1 (last)."""
        if self.count <= 1:
            return 0.0
        return self.index / (self.count - 1)

    def to_input(self, start: int, end: int) -> list[tuple[int, int]]:
        """
        Map a span of `text` to the input spans it came from.

        Args:
            start: Offset in `text`.
            end: Offset in `text`, exclusive.

        Returns:
            Input ``(start, end)`` pairs covering the span, in order.
        """
        if not self.pieces:
            return [(self.start + start, self.start + end)]
        spans = []
        for text_at, input_at, length in self.pieces:
            lo = max(start, text_at)
            hi = min(end, text_at + length)
            if lo < hi:
                spans.append((input_at + lo - text_at, input_at + hi - text_at))
        return spans


@attrs.frozen(kw_only=True)
class Decision:
    """
    A filter's verdict on a whole block; it ends the chain for that block.

    Args:
        keep: Whether the block stays.
        reason: A stable kebab-case code such as ``"video-notice"``.
        detail: A human explanation such as ``"0.82 > 0.50"``.
    """

    keep: bool
    reason: str
    detail: str = ""


@attrs.frozen(kw_only=True)
class Trim:
    """
    Take parts of a block out and let the chain go on with the rest.

    Args:
        spans: ``(start, end)`` offsets into the block's text, sorted and
            not overlapping.
        reason: A stable kebab-case code such as ``"duplicated-span"``.
        detail: A human explanation.
        captions: If given, the spans are captions, not boilerplate: they
            move to the article's captions (one caption per span) instead
            of to its removals.
    """

    spans: tuple[tuple[int, int], ...] = attrs.field(converter=_pairs)
    reason: str
    detail: str = ""
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_captions)


FilterResult: TypeAlias = "Decision | Trim | None"
"""What a filter returns."""

Filter: TypeAlias = Callable[[Block], "Decision | Trim | None"]
"""A filter as chains hold it: a callable from `Block` to a result."""


class BlockFilter(Protocol):
    """
    **Protocol:** a boilerplate filter.

    Any callable that takes a `Block` and returns a `Decision`, a `Trim` or
    ``None``.
    A plain function is a filter; so is an instance of a class with a
    ``__call__`` method, which is how configurable filters are written.
    Its name in removal records is its ``name`` attribute if it has one,
    else its ``__name__``, else its class name.

    Two optional attributes tell the runner which blocks a filter judges,
    so it is not even called for the others (mark plain functions with
    `newsdump.filters.only`):

    - ``roles``: a collection of block roles, such as ``{"title"}``;
    - ``inputs``: ``{"text"}`` or ``{"html"}``; a block is HTML if it has a
      tag.

    The runner reads them when it first meets a chain; for a chain given
    as a tuple it remembers what it read, so set them before the first
    parse.
    """

    def __call__(self, block: Block, /) -> Decision | Trim | None:
        """Judge *block*."""


F = TypeVar("F", bound=Callable[..., object])


def only(
    *, roles: Iterable[str] | None = None, inputs: Iterable[str] | None = None
) -> Callable[[F], F]:
    """
    Mark a filter as judging only some blocks; the runner skips the rest.

    The chain then does not even call the filter for other blocks, which
    keeps long chains fast::

        @only(roles={"title", "related-title"})
        def shouting(block: Block) -> Decision | None:
            ...

    Args:
        roles: The block roles the filter judges (see `Block.role`).
        inputs: ``{"text"}`` for text dumps, ``{"html"}`` for HTML pages.

    Returns:
        A decorator that sets the ``roles`` and ``inputs`` attributes of a
        function or class and returns it unchanged.

    Raises:
        ValueError: If *inputs* names something other than "text" and
            "html".
    """
    role_set = None if roles is None else frozenset(roles)
    input_set = None if inputs is None else frozenset(inputs)
    if input_set is not None and not input_set <= {"text", "html"}:
        msg = f"inputs must be 'text' and/or 'html', got {sorted(input_set)}"
        raise ValueError(msg)

    def mark(flt: F) -> F:
        if role_set is not None:
            setattr(flt, "roles", role_set)  # noqa: B010 - functions have no slots
        if input_set is not None:
            setattr(flt, "inputs", input_set)  # noqa: B010
        return flt

    return mark


def filter_name(flt: Callable[..., object]) -> str:
    """
    The name a filter is recorded under.

    Args:
        flt: A filter.

    Returns:
        Its ``name`` attribute, ``__name__`` or class name.
    """
    name = getattr(flt, "name", None)
    if isinstance(name, str) and name:
        return name
    name = getattr(flt, "__name__", None)
    if isinstance(name, str) and name:
        return name
    return type(flt).__name__


@attrs.frozen(kw_only=True)
class Outcome:
    """
    What the chain made of one block.

    Args:
        block: The block as the chain left it (trimmed text).
        kept: Whether the block stays in the article.
        filter: The name of the filter that decided, or ``""`` if none did.
        reason: The decision's reason (``"no-filter-matched"`` if none).
        removals: The pieces taken out of the block, including the whole
            block if it was dropped.
        captions: Captions split out of the block.
    """

    block: Block
    kept: bool
    filter: str
    reason: str
    removals: tuple[Removal, ...] = ()
    captions: tuple[Caption, ...] = ()


def _pieces(block: Block) -> tuple[tuple[int, int, int], ...]:
    return block.pieces or ((0, block.start, len(block.text)),)


def _merge(spans: Iterable[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Sort, clamp to ``[0, limit]`` and merge overlapping spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start), min(end, limit)
        if lo >= hi:
            continue
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _removals(
    block: Block, spans: Iterable[tuple[int, int]], name: str, reason: str, detail: str
) -> list[Removal]:
    """Removal records for *spans* of *block*'s text, at their input offsets."""
    return [
        Removal(
            filter=name,
            reason=reason,
            text=_text_of(block, in_start, in_end),
            start=in_start,
            end=in_end,
            detail=detail,
        )
        for start, end in spans
        for in_start, in_end in block.to_input(start, end)
    ]


def _apply_trim(block: Block, trim: Trim, name: str) -> tuple[Block, list[Removal]]:
    """Cut *trim*'s spans out of *block*; return the rest and the removals."""
    cut = _merge(trim.spans, len(block.text))
    removals: list[Removal] = []
    if not trim.captions:
        removals = _removals(block, cut, name, trim.reason, trim.detail)
    kept: list[tuple[int, int]] = []
    at = 0
    for start, end in cut:
        kept.append((at, start))
        at = end
    kept.append((at, len(block.text)))
    return _keep_only(block, kept), removals


def _keep_only(block: Block, kept: list[tuple[int, int]]) -> Block:
    """Rebuild *block* from the *kept* spans of its text, one space between."""
    text = block.text
    old_pieces = _pieces(block)
    pieces: list[tuple[int, int, int]] = []
    parts: list[str] = []
    out = 0
    for start, end in kept:
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        if parts:
            parts.append(" ")
            out += 1
        for text_at, input_at, length in old_pieces:
            lo, hi = max(a, text_at), min(b, text_at + length)
            if lo < hi:
                pieces.append((out + lo - a, input_at + lo - text_at, hi - lo))
        parts.append(text[a:b])
        out += b - a
    return attrs.evolve(
        block,
        text="".join(parts),
        pieces=pieces,
        start=pieces[0][1] if pieces else block.start,
        end=pieces[-1][1] + pieces[-1][2] if pieces else block.start,
    )


def _text_of(block: Block, in_start: int, in_end: int) -> str:
    """The block text behind the input span ``[in_start, in_end)``."""
    for text_at, input_at, length in _pieces(block):
        if input_at <= in_start and in_end <= input_at + length:
            offset = text_at + in_start - input_at
            return block.text[offset : offset + in_end - in_start]
    return ""  # pragma: no cover - to_input only yields spans inside pieces


def run_filters(
    blocks: Iterable[Block],
    filters: Sequence[Callable[[Block], Decision | Trim | None]],
) -> list[Outcome]:
    """
    Run a chain of filters over blocks.

    Args:
        blocks: The blocks, in document order.
        filters: The chain, applied in order to each block.

    Returns:
        One `Outcome` per block, in order.

    Raises:
        FilterError: If a filter raises or returns something that is not a
            `Decision`, a `Trim` or ``None``.
    """
    blocks = list(blocks)
    return [
        _untouched(block) if outcome is None else outcome
        for block, outcome in zip(blocks, run_chain(blocks, filters), strict=True)
    ]


def _untouched(block: Block) -> Outcome:
    return Outcome(block=block, kept=True, filter="", reason="no-filter-matched")


_Plan: TypeAlias = tuple[tuple[Filter, ...], tuple[tuple[Filter, str], ...]]
"""The filters that judge one kind of block, bare and with their names."""

_PLANS: dict[
    int, tuple[object, list[tuple[Filter, str]], dict[tuple[str, bool], _Plan]]
] = {}
"""Plans of recently used chains (tuples only), by ``id``."""

_MAX_PLANS = 32


def _plans_of(
    filters: Sequence[Filter],
) -> tuple[list[tuple[Filter, str]], dict[tuple[str, bool], _Plan]]:
    """The named filters of a chain and its per-(role, input) plans."""
    cached = _PLANS.get(id(filters))
    if cached is not None and cached[0] is filters:
        return cached[1], cached[2]
    named = [(f, filter_name(f)) for f in filters]
    plans: dict[tuple[str, bool], _Plan] = {}
    if type(filters) is tuple:
        # A tuple cannot change, so its plans can be kept; the entry holds
        # the tuple, so its id is not reused while cached.
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        _PLANS[id(filters)] = (filters, named, plans)
    return named, plans


def run_chain(
    blocks: Sequence[Block], filters: Sequence[Filter]
) -> list[Outcome | None]:
    """
    Run a chain of filters over blocks, cheaply.

    Like `run_filters`, but a block that no filter had an opinion on gives
    ``None`` instead of an `Outcome` (it is kept as it is, with reason
    ``no-filter-matched``): most blocks of a page are such blocks.

    Args:
        blocks: The blocks, in document order.
        filters: The chain.

    Returns:
        One `Outcome` or ``None`` per block, in order.

    Raises:
        FilterError: As `run_filters`.
    """
    named, plans = _plans_of(filters)
    outcomes: list[Outcome | None] = []
    append = outcomes.append
    for block in blocks:
        key = (block.role, block.tag is not None)
        plan = plans.get(key)
        if plan is None:
            chosen = tuple((f, n) for f, n in named if _applies(f, *key))
            plan = plans[key] = (tuple(f for f, _ in chosen), chosen)
        funcs, steps = plan
        if not block.text:
            append(_run_one(block, steps))
            continue
        flt = None
        try:
            for flt in funcs:
                result = flt(block)
                if result is not None:
                    break
            else:
                append(None)
                continue
        except Exception as exc:
            name = filter_name(flt) if flt is not None else ""
            raise _filter_error(name, exc) from exc
        at = next(k for k, f in enumerate(funcs) if f is flt)
        if type(result) is Decision and not result.keep:
            # The common verdict, a whole block dropped, in short.
            append(_dropped(block, steps[at][1], result))
            continue
        # Any other opinion: go on from there the careful way.
        append(_run_one(block, steps, at, result))
    return outcomes


def _dropped(
    block: Block,
    name: str,
    decision: Decision,
    removals: Sequence[Removal] = (),
    captions: Sequence[Caption] = (),
) -> Outcome:
    """
    The outcome of *block* dropped by the filter *name*, after the
    *removals* and *captions* that earlier filters took out of it.
    """
    whole = _removals(
        block, [(0, len(block.text))], name, decision.reason, decision.detail
    )
    return Outcome(
        block=block,
        kept=False,
        filter=name,
        reason=decision.reason,
        removals=(*removals, *whole),
        captions=tuple(captions),
    )


def _applies(flt: Filter, role: str, html: bool) -> bool:
    """Whether *flt* judges blocks of *role* from HTML (or text) input."""
    roles = getattr(flt, "roles", None)
    if roles is not None and role not in roles:
        return False
    inputs = getattr(flt, "inputs", None)
    return inputs is None or ("html" if html else "text") in inputs


def _filter_error(name: str, exc: Exception) -> FilterError:
    msg = f"filter {name!r} raised {type(exc).__name__}: {exc}"
    return FilterError(msg, filter_name=name)


def _call(flt: Filter, name: str, block: Block) -> object:
    try:
        return flt(block)
    except Exception as exc:
        raise _filter_error(name, exc) from exc


def _run_one(
    block: Block,
    plan: Sequence[tuple[Filter, str]],
    first: int = 0,
    result: object = None,
) -> Outcome:
    """
    Run *plan* on *block*; if *first* is not 0, the filter at *first* has
    already given *result* and the ones before it gave ``None``.
    """
    removals: list[Removal] = []
    captions: list[Caption] = []
    current = block
    given = result
    for at in range(first, len(plan)):
        flt, name = plan[at]
        if not current.text:
            break
        if at == first and given is not None:
            result = given
        else:
            result = _call(flt, name, current)
        if result is None:
            continue
        if isinstance(result, Decision):
            if result.keep:
                return Outcome(
                    block=current,
                    kept=True,
                    filter=name,
                    reason=result.reason,
                    removals=tuple(removals),
                    captions=tuple(captions),
                )
            return _dropped(current, name, result, removals, captions)
        if isinstance(result, Trim):
            if not result.spans:
                continue
            captions.extend(result.captions)
            current, cut = _apply_trim(current, result, name)
            removals.extend(cut)
            continue
        msg = (
            f"filter {name!r} returned {type(result).__name__}; "
            "expected Decision, Trim or None"
        )
        raise FilterError(msg, filter_name=name)
    return Outcome(
        block=current,
        kept=bool(current.text),
        filter="",
        reason="no-filter-matched" if current.text else "emptied",
        removals=tuple(removals),
        captions=tuple(captions),
    )


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return " ".join(text.split())
