"""
Run every Python example in README.md and docs/, and check the API reference.

How examples are run:

- Every fenced block whose info string starts with ``python`` is executed.
- The blocks of one page share a namespace, in page order, so a later block
  can use what an earlier one defined; every page starts from a fresh one.
- A ``text`` block with ``title="Output"`` right after a ``python`` block
  holds what that block prints; the test compares it to the real output.
- A block that must not run is preceded by the line ``<!-- skip-test -->``
  (blank lines may sit between them). Keep these rare: `TestSkips` caps them.
- Examples run in an empty temporary directory.
- An example that needs an optional extra which is not installed (a
  `ModuleNotFoundError` for one of `OPTIONAL_MODULES`) skips the rest of
  its page; CI installs the extras, so there every example runs.

Docstrings are tested too: ``>>>`` examples run as doctests, and fenced
``python`` blocks in docstrings run like the blocks of a page.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import itertools
import pkgutil
import re
import textwrap
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

import newsdump

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SKIP_MARKER = "<!-- skip-test -->"
MAX_SKIPS = 5
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)(?P<info>[^`]*)$")
NOT_API = {"newsdump.cli", "newsdump.__main__"}  # documented as a command
PUBLIC_MODULES = (
    "newsdump",
    *sorted(
        m.name
        for m in pkgutil.iter_modules(newsdump.__path__, prefix="newsdump.")
        if not m.name.rpartition(".")[2].startswith("_") and m.name not in NOT_API
    ),
)


@dataclass(frozen=True)
class CodeBlock:
    """A fenced code block of a Markdown page."""

    path: Path
    line: int
    info: str
    code: str
    skipped: bool

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0] if self.info.strip() else ""

    @property
    def is_output(self) -> bool:
        return self.language == "text" and 'title="Output"' in self.info

    @property
    def where(self) -> str:
        shown = (
            self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        )
        return f"{shown}:{self.line}"


def markdown_pages() -> list[Path]:
    """README.md and every Markdown page under docs/."""
    pages = sorted(p for p in DOCS.rglob("*.md") if "_ext" not in p.parts)
    return [ROOT / "README.md", *pages]


def code_blocks(path: Path) -> list[CodeBlock]:
    """The fenced code blocks of the page at *path*, in order."""
    return blocks_in_text(path.read_text(encoding="utf-8"), path)


def blocks_in_text(text: str, path: Path, first_line: int = 1) -> list[CodeBlock]:
    """The fenced code blocks of Markdown *text*, in order."""
    lines = text.splitlines()
    blocks: list[CodeBlock] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        indent, fence = match["indent"], match["fence"]
        start = i
        body: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i])
            i += 1
        code = textwrap.dedent("\n".join(body)) if indent else "\n".join(body)
        previous = [line.strip() for line in lines[:start] if line.strip()]
        block = CodeBlock(
            path=path,
            line=first_line + start,
            info=match["info"].strip(),
            code=code + "\n",
            skipped=bool(previous) and previous[-1] == SKIP_MARKER,
        )
        blocks.append(block)
        i += 1
    return blocks


def run_block(block: CodeBlock, namespace: dict[str, object]) -> str:
    """Execute *block* in *namespace*; return what it printed."""
    out = io.StringIO()
    compiled = compile(block.code, block.where, "exec")
    try:
        with contextlib.redirect_stdout(out):
            exec(compiled, namespace)  # noqa: S102 - running our own docs is the point
    except ModuleNotFoundError as exc:
        extra = missing_extra(exc)
        if extra is None:
            pytest.fail(f"example at {block.where} failed:\n{traceback.format_exc()}")
        pytest.skip(f"{block.where} and the rest of its page need {extra}")
    except Exception:  # noqa: BLE001 - re-raised as a failure naming the block
        pytest.fail(f"example at {block.where} failed:\n{traceback.format_exc()}")
    return out.getvalue()


def missing_extra(exc: ModuleNotFoundError) -> str | None:
    """The optional package whose absence raised *exc*, if it is one.

    Examples that use an optional extra (Dask, zstandard, ...) are skipped,
    not failed, when the extra is not installed, so the README's test
    command (which installs only ``.[tests]``) passes; CI installs the
    extras and runs them.
    """
    top = (exc.name or "").partition(".")[0]
    if top in OPTIONAL_MODULES:
        return top
    hint = re.search(r'pip install "newsdump\[(\w+)\]"', str(exc))
    return f"the {hint.group(1)} extra" if hint else None


# Top-level modules of the optional extras (never runtime dependencies).
OPTIONAL_MODULES = {
    "dask",
    "dateparser",
    "distributed",
    "fastwarc",
    "matplotlib",
    "resiliparse",
    "tqdm",
    "trafilatura",
    "warcio",
    "zstandard",
}
PAGES = markdown_pages()


class TestExamples:
    @pytest.mark.parametrize(
        "page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES]
    )
    def test_page_examples_run(
        self, page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every python block of the page runs, and prints its Output block."""
        monkeypatch.chdir(tmp_path)
        namespace: dict[str, object] = {"__name__": "__docs__"}
        blocks = code_blocks(page)
        for i, block in enumerate(blocks):
            if block.language != "python" or block.skipped:
                continue
            printed = run_block(block, namespace)
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if following is not None and following.is_output:
                assert following.code == printed, (
                    f"{following.where} does not show what {block.where} prints"
                )

    def test_home_page_shows_its_output(self) -> None:
        """The Home page has an example followed by the output it prints."""
        blocks = code_blocks(DOCS / "index.md")
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(blocks)
            if a.language == "python" and not a.skipped and b.is_output
        ]

        assert len(pairs) >= 1

    def test_readme_has_a_python_example(self) -> None:
        """The README's Python quickstart is a python block, so it is run."""
        blocks = code_blocks(ROOT / "README.md")

        assert any(b.language == "python" and not b.skipped for b in blocks)


class TestSkips:
    def test_few_examples_are_skipped(self) -> None:
        """At most a handful of blocks in the whole docs opt out of running."""
        skipped = [b.where for page in PAGES for b in code_blocks(page) if b.skipped]

        assert len(skipped) <= MAX_SKIPS, skipped

    def test_no_python_hides_under_another_name(self) -> None:
        """Python is fenced as ``python`` only, so no example escapes the run."""
        aliases = {"py", "python3", "py3", "pycon", "pyi"}
        hidden = [
            b.where
            for page in PAGES
            for b in code_blocks(page)
            if b.language.lower() in aliases
        ]

        assert [] == hidden

    def test_skip_marker_precedes_a_block(self) -> None:
        """Every skip marker is followed by a code block it applies to."""
        for page in PAGES:
            lines = page.read_text(encoding="utf-8").splitlines()
            markers = sum(1 for line in lines if line.strip() == SKIP_MARKER)
            applied = sum(1 for b in code_blocks(page) if b.skipped)

            assert markers == applied, f"{page}: a skip marker skips nothing"


class TestOptionalExtras:
    def test_missing_extra_is_recognised(self) -> None:
        """A missing optional module, or newsdump's own hint, names the extra."""
        direct = ModuleNotFoundError("No module named 'dask'", name="dask")
        hinted = ModuleNotFoundError(
            'newsdump.dask needs Dask: pip install "newsdump[dask]"'
        )

        assert "dask" == missing_extra(direct)
        assert "the dask extra" == missing_extra(hinted)

    def test_other_missing_modules_fail(self) -> None:
        """A missing module that is not optional is a real failure."""
        typo = ModuleNotFoundError("No module named 'newsdumb'", name="newsdumb")

        assert missing_extra(typo) is None


class TestBlockParser:
    def test_blocks_share_a_page_namespace(self, tmp_path: Path) -> None:
        """A later block sees names defined by an earlier block of the page."""
        page = tmp_path / "page.md"
        page.write_text(
            "```python\nx = 2\n```\n\ntext\n\n```python\nprint(x * 3)\n```\n"
            '```text title="Output"\n6\n```\n',
            encoding="utf-8",
        )
        blocks = code_blocks(page)
        namespace: dict[str, object] = {}
        run_block(blocks[0], namespace)
        printed = run_block(blocks[1], namespace)

        assert ["python", "python", "text"] == [b.language for b in blocks]
        assert blocks[2].is_output
        assert blocks[2].code == printed

    def test_skip_marker_and_indented_blocks(self, tmp_path: Path) -> None:
        """The marker skips the next block only; indented blocks are dedented."""
        page = tmp_path / "page.md"
        page.write_text(
            "<!-- skip-test -->\n\n```python\nboom()\n```\n\n"
            "- item\n\n    ```python\n    y = 1\n    ```\n",
            encoding="utf-8",
        )
        blocks = code_blocks(page)

        assert [True, False] == [b.skipped for b in blocks]
        assert "y = 1\n" == blocks[1].code


def package_modules() -> list[str]:
    """Every module of the package, private ones included."""
    found = pkgutil.walk_packages(newsdump.__path__, prefix="newsdump.")
    return ["newsdump", *sorted(m.name for m in found)]


def docstring_blocks(module_name: str) -> list[CodeBlock]:
    """Fenced blocks in the docstrings of *module_name* and its members."""
    module = importlib.import_module(module_name)
    blocks: list[CodeBlock] = []
    finder = doctest.DocTestFinder(exclude_empty=False)
    for test in finder.find(module, module_name):
        if test.docstring is None or "```" not in test.docstring:
            continue
        path = Path(test.filename or module_name)
        text = textwrap.dedent(test.docstring)
        blocks += blocks_in_text(text, path, first_line=(test.lineno or 0) + 1)
    return blocks


MODULES = package_modules()


class TestDocstrings:
    @pytest.mark.parametrize("module_name", MODULES)
    def test_doctests_pass(self, module_name: str) -> None:
        """Every ``>>>`` example in the module's docstrings prints what it shows."""
        module = importlib.import_module(module_name)
        finder = doctest.DocTestFinder(exclude_empty=True)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        out = io.StringIO()
        for test in finder.find(module, module_name):
            runner.run(test, out=out.write)

        assert 0 == runner.failures, out.getvalue()

    @pytest.mark.parametrize("module_name", MODULES)
    def test_fenced_docstring_examples_run(
        self, module_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Fenced python examples in docstrings run without error."""
        monkeypatch.chdir(tmp_path)
        for block in docstring_blocks(module_name):
            if block.language == "python":
                run_block(block, {"__name__": "__docs__"})


def _reference_text() -> str:
    pages = [DOCS / "api.md", DOCS / "exceptions.md", *sorted(DOCS.glob("api/*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in pages if p.exists())


class TestApiReference:
    def test_every_top_level_name_is_in_the_reference(self) -> None:
        """Each name in `newsdump.__all__` has a `::: newsdump.NAME` directive."""
        text = _reference_text()
        directives = set(re.findall(r"^::: (newsdump[\w.]*)\s*$", text, re.MULTILINE))
        missing = [
            name for name in newsdump.__all__ if f"newsdump.{name}" not in directives
        ]

        assert [] == missing, "add these to docs/api.md (or docs/api/*.md)"

    def test_every_public_module_is_in_the_reference(self) -> None:
        """Each public submodule has a `::: newsdump.MODULE` page."""
        text = _reference_text()
        directives = set(re.findall(r"^::: (newsdump[\w.]*)\s*$", text, re.MULTILINE))
        missing = [m for m in PUBLIC_MODULES[1:] if m not in directives]

        assert [] == missing, "add a page to docs/api/ and to the nav in mkdocs.yml"

    @pytest.mark.parametrize("module_name", PUBLIC_MODULES)
    def test_every_public_name_has_a_docstring(self, module_name: str) -> None:
        """Every public name has a docstring, so the reference describes it."""
        griffe = pytest.importorskip("griffe")
        package = griffe.load("newsdump", search_paths=[str(ROOT)])
        undocumented = []
        module = package if module_name == "newsdump" else package[module_name[9:]]
        if not module.docstring:
            undocumented.append(module_name)
        names = importlib.import_module(module_name).__all__
        for name in names:
            obj = module[name]
            if obj.is_module:
                continue
            if obj.docstring is None or not obj.docstring.value.strip():
                undocumented.append(f"{module_name}.{name}")

        assert [] == undocumented
