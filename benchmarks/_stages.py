"""
`newsdump.parse_html` cut into its stages, for the benchmark scripts that
time them (`bench_html.py --stages`) or count their instructions
(`bench_instructions.py`).

The stages are private functions of newsdump; this module is the one place
the benchmarks call them.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsdump import _html
from newsdump._chain import run_chain
from newsdump.filters import DEFAULT_FILTERS

__all__ = ["STAGES", "run_stages"]

STAGES = (
    "lexbor parse + depth guard",
    "metadata (read_meta)",
    "related (find_related)",
    "blocks + container",
    "filter chain",
    "assemble",
)
"""The stages' names, in the order `run_stages` runs them."""


def run_stages(html: str) -> Iterator[str]:
    """Parse *html* as `newsdump.parse_html` does, yielding each stage's
    name from `STAGES` once it is done (stop iterating to stop there)."""
    tree = _html._parse_tree(html)  # noqa: SLF001
    yield STAGES[0]
    meta, ld_json = _html._read_meta(tree, url=None, now=None)  # noqa: SLF001
    yield STAGES[1]
    related, nodes = _html._find_related(  # noqa: SLF001
        tree, url=None, now=None, habit="either"
    )
    yield STAGES[2]
    blocks = _html.build_blocks(
        tree,
        related=nodes,
        title=meta.title,
        subtitle=meta.subtitle,
        ld_json=ld_json,
    )
    yield STAGES[3]
    outcomes = run_chain(blocks, DEFAULT_FILTERS)
    yield STAGES[4]
    _html._assemble(  # noqa: SLF001
        blocks, outcomes, meta=meta, related=related, url=None, now=None
    )
    yield STAGES[5]
