"""
`newsdump parse --format markdown|text` (one page, and one file per record
with ``-o DIR``) and `newsdump audit`, run as a program.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import newsdump
from newsdump.cli import FAILURES_FILE, safe_name

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
EXAMPLE = (
    resources.files("newsdump")
    .joinpath("_data", "example.txt")
    .read_text(encoding="utf-8")
)
NOW = "2025-06-21T12:00:00+00:00"
TEXT = "Mayor Opens New Bridge\nThe crossing links the two halves of the old town.\n"


def newsdump_cmd(
    *args: str, cwd: Path | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "newsdump", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
        cwd=cwd,
        env=ENV,
    )
    assert "Traceback" not in done.stderr
    return done


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


class TestOnePage:
    @pytest.mark.parametrize(
        ("fmt", "render"),
        [("markdown", newsdump.to_markdown), ("text", newsdump.to_text)],
    )
    def test_example(self, fmt, render):
        """--format markdown|text prints what to_markdown|to_text return."""
        done = newsdump_cmd("parse", "--example", "--now", NOW, "--format", fmt)
        article = newsdump.parse_text(EXAMPLE, now=dt.datetime.fromisoformat(NOW))

        assert (0, "") == (done.returncode, done.stderr)
        assert render(article) == done.stdout

    def test_output_file(self, tmp_path):
        """-o writes the Markdown of one page to a file."""
        (tmp_path / "page.txt").write_text(TEXT)
        done = newsdump_cmd(
            "parse", "page.txt", "--format", "markdown", "-o", "a.md", cwd=tmp_path
        )

        assert 0 == done.returncode
        assert (
            (tmp_path / "a.md")
            .read_text()
            .startswith(
                '---\ntitle: "Mayor Opens New Bridge"\n---\n\n# Mayor Opens New Bridge\n'
            )
        )


class TestFolderOutput:
    HOSTILE = (
        "../x",
        "/abs/x",
        "a/../../x",
        "x",
        "X",
        "x",
        "",
        "..",
        ".",
        "CON",
        "a\\..\\y",
    )

    def run_corpus(self, tmp_path: Path, fmt: str, ids: tuple[str, ...] | list[str]):
        rows: list[dict[str, object]] = [{"doc": i, "text": TEXT} for i in ids]
        rows.append({"doc": "no-text", "other": 1})
        (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
        return newsdump_cmd(
            "parse", "in.jsonl", "--id-field", "doc", "--format", fmt, "-o", "out/",
            cwd=tmp_path,
        )  # fmt: skip

    def test_hostile_ids_stay_inside(self, tmp_path):
        """Ids such as ../x, /abs/x or a/../../x never write outside DIR."""
        (tmp_path / "abs").mkdir()
        done = self.run_corpus(tmp_path, "markdown", self.HOSTILE)
        written = sorted(p.name for p in (tmp_path / "out").iterdir())

        assert 0 == done.returncode, done.stderr
        assert {"in.jsonl", "out", "abs"} | {
            f"out/{n}" for n in written
        } == files_under(tmp_path)
        assert not (tmp_path.parent / "x.md").exists()
        assert [] == [n for n in written if n.startswith(".")]
        assert len(self.HOSTILE) + 1 == len(written)  # + failures.jsonl
        assert FAILURES_FILE in written
        assert "no-text" in (tmp_path / "out" / FAILURES_FILE).read_text()
        assert (
            f"{len(self.HOSTILE) + 1} records, 1 errors, {len(self.HOSTILE)} files written to out"
            in done.stderr
        )
        assert 1 == len(done.stderr.splitlines())

    def test_clashes_get_suffixes(self, tmp_path):
        """The same id twice, or ids differing only in case, get -2, -3."""
        done = self.run_corpus(tmp_path, "text", ["x", "x", "X", "x-2"])

        assert 0 == done.returncode, done.stderr
        assert {"x.txt", "x-2.txt", "X-3.txt", "x-2-2.txt", FAILURES_FILE} == {
            p.name for p in (tmp_path / "out").iterdir()
        }
        for name in ("x.txt", "X-3.txt"):
            assert (tmp_path / "out" / name).read_text() == newsdump.to_text(
                newsdump.parse_text(TEXT)
            )

    def test_planted_symlink_is_not_followed(self, tmp_path):
        """A symbolic link already in DIR is not written through."""
        victim = tmp_path / "victim.txt"
        victim.write_text("keep me")
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "x.txt").symlink_to(victim)
        done = self.run_corpus(tmp_path, "text", ["x"])

        assert 1 == done.returncode
        assert "keep me" == victim.read_text()
        assert "newsdump: error:" in done.stderr

    def test_needs_a_folder(self, tmp_path):
        """A corpus in Markdown without -o DIR is one clear error line."""
        (tmp_path / "a.txt").write_text(TEXT)
        (tmp_path / "b.txt").write_text(TEXT)
        done = newsdump_cmd(
            "parse", "a.txt", "b.txt", "--format", "markdown", cwd=tmp_path
        )

        assert 1 == done.returncode
        message = (
            "newsdump: error: --format markdown for several records writes one file "
            "per record: give a folder with -o DIR"
        )

        assert [message] == done.stderr.splitlines()

    def test_output_is_a_file(self, tmp_path):
        """-o naming an existing file is refused for one file per record."""
        (tmp_path / "a.txt").write_text(TEXT)
        (tmp_path / "b.txt").write_text(TEXT)
        (tmp_path / "out").write_text("")
        done = newsdump_cmd(
            "parse", "a.txt", "b.txt", "--format", "text", "-o", "out", cwd=tmp_path
        )

        assert 1 == done.returncode
        assert "out: not a folder" in done.stderr
        assert 1 == len(done.stderr.splitlines())

    @pytest.mark.parametrize(
        ("record_id", "name"),
        [
            ("../x", "x.md"),
            ("/abs/x", "abs_x.md"),
            ("a/../../x", "a_.._.._x.md"),
            ("crawl/a.txt", "crawl_a.txt.md"),
            ("export.jsonl:7", "export.jsonl_7.md"),
            ("<urn:uuid:1>", "urn_uuid_1.md"),
            ("", "record.md"),
            ("..", "record.md"),
            ("nul", "_nul.md"),
            ("x" * 500, "x" * 120 + ".md"),
        ],
    )
    def test_safe_name(self, record_id, name):
        """Names keep only safe characters and never hold a separator."""
        assert name == safe_name(record_id, ".md", set())


class TestAudit:
    def test_example_report(self, tmp_path):
        """`newsdump audit --example -o FILE` writes the report and says so."""
        done = newsdump_cmd(
            "audit", "--example", "--now", NOW, "-o", "r.html", cwd=tmp_path
        )
        article = newsdump.parse_text(EXAMPLE, now=dt.datetime.fromisoformat(NOW))
        report = (tmp_path / "r.html").read_text()
        filters = {r.filter for r in article.removed}

        assert 0 == done.returncode
        assert [
            f"newsdump: r.html: {len(article.removed)} removals by {len(filters)} filters"
        ] == done.stderr.splitlines()
        assert newsdump.audit_html(article, EXAMPLE, name="example") == report

    def test_stdin_html_to_stdout(self):
        """`newsdump audit -` reads a page from standard input, writes to stdout."""
        page = (
            ROOT / "tests" / "fixtures" / "html" / "content-comments.html"
        ).read_text()
        done = newsdump_cmd("audit", "-", stdin=page)
        article = newsdump.parse_html(page)

        assert (0, "") == (done.returncode, done.stderr)
        assert (
            newsdump.audit_html(article, newsdump.visible_text(page), name="-")
            == done.stdout
        )

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["audit", "https://e.com/a"], "newsdump does not fetch pages"),
            (["audit", "missing.html"], "missing.html: no such file"),
            (["audit"], "give a FILE, - for standard input, or --example"),
            (["audit", "--example", "--now", "2025-01-01"], "has no timezone offset"),
        ],
    )
    def test_errors(self, tmp_path, args, message):
        """Bad audit input is one error line, no traceback."""
        done = newsdump_cmd(*args, cwd=tmp_path)

        assert 0 != done.returncode
        assert 1 == len(done.stderr.splitlines())
        assert message in done.stderr
