"""
`__all__` lists exactly the public names of each public module.

For the package itself (re-exports only, like httpx's check) `__all__` must
equal every public name ``__init__`` binds.
For a public submodule, every public ``def``, ``class`` or assignment must be
in `__all__`, and `__all__` may add only names re-exported from newsdump's
own modules; other imports (``Callable``, ``entry_points``) never count.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import newsdump

# The command line is documented as a command, not as an API.
NOT_API = {"newsdump.cli", "newsdump.__main__"}
SUBMODULES = sorted(
    m.name
    for m in pkgutil.iter_modules(newsdump.__path__, prefix="newsdump.")
    if not m.name.rpartition(".")[2].startswith("_") and m.name not in NOT_API
)
PUBLIC_MODULES = ("newsdump", *SUBMODULES)


def _names(module_name: str) -> tuple[set[str], set[str]]:
    """The public names the module defines, and those it imports from newsdump."""
    module = importlib.import_module(module_name)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    defined: set[str] = set()
    imported: set[str] = set()
    for node in _top_level(tree.body):
        if isinstance(node, ast.ImportFrom):
            imported.update(_bound_names(node))
        else:
            defined.update(_bound_names(node))
    return (
        {n for n in defined if not n.startswith("_")},
        {n for n in imported if not n.startswith("_")},
    )


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
    def test_package_all_lists_its_names(self) -> None:
        """`newsdump.__all__` equals the public names ``__init__`` binds."""
        defined, imported = _names("newsdump")

        assert sorted(defined | imported) == sorted(newsdump.__all__)

    @pytest.mark.parametrize(
        "module_name",
        SUBMODULES,
    )
    def test_submodule_exports_what_it_defines(self, module_name: str) -> None:
        """Every public name a submodule defines is in its `__all__`."""
        defined, _ = _names(module_name)
        exported = set(importlib.import_module(module_name).__all__)

        assert [] == sorted(defined - exported)

    @pytest.mark.parametrize("module_name", SUBMODULES)
    def test_submodule_exports_only_its_own(self, module_name: str) -> None:
        """A submodule's `__all__` holds only its names and newsdump re-exports."""
        defined, imported = _names(module_name)
        exported = set(importlib.import_module(module_name).__all__)

        assert [] == sorted(exported - defined - imported)

    def test_public_submodules_found(self) -> None:
        """The public submodules include the filter catalogue and the resolver."""
        assert {"newsdump.filters", "newsdump.times"} <= set(SUBMODULES)

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
