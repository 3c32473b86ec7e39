"""
`__all__` lists exactly the public names of each public module.

A name is public if it does not start with an underscore and the module
defines it: a ``def``, a ``class``, an assignment, or an import from one of
newsdump's own private modules. Imports of other libraries (``Callable``,
``entry_points``) are not public names of newsdump. A submodule may use a
name that the package already exports (``Timestamp`` in ``newsdump.times``)
without exporting it again.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import newsdump

PUBLIC_MODULES = ("newsdump", "newsdump.filters", "newsdump.times")

# Known gap, tracked for the filters owner: the alias ``Filter`` appears in
# public signatures but is not exported. Once it is exported (or renamed
# ``_Filter``) the condition is false and the check runs normally.
_FILTER_ALIAS_GAP = pytest.mark.xfail(
    hasattr(newsdump.filters, "Filter") and "Filter" not in newsdump.filters.__all__,
    reason="newsdump.filters.Filter is public but missing from __all__",
    strict=True,
)


def defined_public_names(module_name: str) -> list[str]:
    """The public names the module's source binds at top level, sorted.

    For a submodule, names that ``newsdump`` itself exports and the
    submodule merely imports are left out.
    """
    module = importlib.import_module(module_name)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in _top_level(tree.body):
        bound = _bound_names(node)
        if module_name != "newsdump" and isinstance(node, ast.ImportFrom):
            bound = [n for n in bound if n not in newsdump.__all__]
        names.update(bound)
    return sorted(n for n in names if not n.startswith("_"))


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    """Top-level statements, looking inside ``try``/``if`` blocks."""
    found: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.Try):
            found += _top_level(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                found += _top_level(handler.body)
        elif isinstance(node, ast.If):
            found += _top_level(node.body + node.orelse)
        else:
            found.append(node)
    return found


def _bound_names(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign | ast.AugAssign) and isinstance(
        node.target, ast.Name
    ):
        return [node.target.id]
    if isinstance(node, ast.ImportFrom) and node.module is not None:
        ours = node.level > 0 or node.module.split(".")[0] == "newsdump"
        if ours:
            return [a.asname or a.name for a in node.names]
    if type(node).__name__ == "TypeAlias":  # ``type X = ...`` on Python 3.12+
        return [getattr(node, "name").id]  # noqa: B009 - absent from 3.10's ast
    return []


class TestExportedMembers:
    @pytest.mark.parametrize(
        "module_name",
        [
            "newsdump",
            pytest.param("newsdump.filters", marks=_FILTER_ALIAS_GAP),
            "newsdump.times",
        ],
    )
    def test_all_lists_the_public_names(self, module_name: str) -> None:
        """`__all__` equals the public names the module defines or re-exports."""
        module = importlib.import_module(module_name)

        assert defined_public_names(module_name) == sorted(module.__all__)

    @pytest.mark.parametrize("module_name", PUBLIC_MODULES)
    def test_all_has_no_duplicates_and_resolves(self, module_name: str) -> None:
        """`__all__` has no duplicates, and every name in it exists.

        Its order is ruff's (RUF022), which ``ruff check`` enforces.
        """
        module = importlib.import_module(module_name)
        exported = list(module.__all__)

        assert len(set(exported)) == len(exported)
        assert [] == [n for n in exported if not hasattr(module, n)]

    def test_runtime_namespace_matches(self) -> None:
        """The package's public attributes at run time are `__all__`.

        Like httpx's check: nothing leaks in from the imports of
        ``__init__`` (submodules that other code imported are ignored).
        """
        leaked = [
            name
            for name, value in vars(newsdump).items()
            if not name.startswith("_")
            and name not in newsdump.__all__
            and name != "annotations"
            and not getattr(value, "__name__", "").startswith("newsdump.")
        ]

        assert [] == leaked
