"""
What a newcomer types first: the command line as a program, and the API's
argument checks.

The command-line tests run ``python -m newsdump`` as a subprocess and check
the exit status, that standard error is one clear line, and that no
traceback is printed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import re
import shlex
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import newsdump
from newsdump import times
from newsdump.cli import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = resources.files("newsdump").joinpath("_data", "example.txt").read_bytes()
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def newsdump_cmd(
    *args: str, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "newsdump", *args],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=cwd,
        env=ENV,
    )
    assert "Traceback" not in done.stderr
    return done


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.splitlines()

    assert 1 == len(lines), done.stderr
    assert lines[0].startswith("newsdump: error: ")
    return lines[0]


class TestVersion:
    def test_version_line(self):
        """--version prints newsdump's, selectolax's, Lexbor's and Python's versions."""
        done = newsdump_cmd("--version")

        assert (0, "") == (done.returncode, done.stderr)
        assert 1 == len(done.stdout.splitlines())
        line = done.stdout.strip()
        assert line.startswith(f"newsdump {newsdump.__version__} (")
        assert re.search(r"selectolax \d+\.\d+", line)
        assert re.search(r"Lexbor \d+\.\d+", line)
        assert f"Python {platform.python_version()}" in line


class TestDidYouMean:
    @pytest.mark.parametrize("kind", ["file", "folder", "stdin"])
    def test_existing_path_without_command(self, tmp_path, kind):
        """A file, a folder or - without a command suggests `newsdump parse`."""
        (tmp_path / "page.html").write_bytes(b"<p>Hello</p>")
        (tmp_path / "pages").mkdir()
        first = {"file": "page.html", "folder": "pages", "stdin": "-"}[kind]
        done = newsdump_cmd(first, "--now", "now", cwd=tmp_path)

        assert 2 == done.returncode
        assert "" == done.stdout
        assert f"did you mean: newsdump parse {first} --now now" in one_error_line(done)

    def test_unknown_word_is_a_plain_usage_error(self, tmp_path):
        """A first word that is no file gets argparse's message, on one line."""
        done = newsdump_cmd("pasre", "x.html", cwd=tmp_path)

        assert 2 == done.returncode
        line = one_error_line(done)
        assert "invalid choice: 'pasre'" in line
        assert "did you mean" not in line


class TestUrl:
    @pytest.mark.parametrize(
        "args",
        [
            ["https://example.com/story"],
            ["http://example.com/a", "--now", "now"],
            ["page.txt", "https://example.com/b"],
        ],
    )
    def test_url_is_not_fetched(self, tmp_path, args):
        """A URL says newsdump does not fetch, and how to give it the page."""
        (tmp_path / "page.txt").write_bytes(EXAMPLE)
        done = newsdump_cmd("parse", *args, cwd=tmp_path)

        assert 1 == done.returncode
        assert "" == done.stdout
        line = one_error_line(done)
        assert "newsdump does not fetch pages" in line
        assert "download the page first" in line
        assert "| newsdump parse -" in line

    def test_url_without_command(self, tmp_path):
        """A URL as the first argument also says newsdump does not fetch."""
        done = newsdump_cmd("https://example.com/story", cwd=tmp_path)

        assert 2 == done.returncode
        assert "newsdump does not fetch pages" in one_error_line(done)


class TestNow:
    def test_offset(self):
        """An offset datetime is the reference for the example's ages."""
        done = newsdump_cmd("parse", "--example", "--now", "2025-06-21T12:00:00+02:00")

        assert 0 == done.returncode
        assert (
            "2025-06-21T12:00:00+02:00" == json.loads(done.stdout)["reference"]["value"]
        )

    def test_z_suffix(self):
        """A Z-suffixed time is UTC."""
        done = newsdump_cmd("parse", "--example", "--now", "2025-06-21T12:00Z")

        assert 0 == done.returncode
        assert (
            "2025-06-21T12:00:00+00:00" == json.loads(done.stdout)["reference"]["value"]
        )

    def test_now_word(self):
        """`now` is the current time, in UTC."""
        before = dt.datetime.now(dt.timezone.utc)
        done = newsdump_cmd("parse", "--example", "--now", "now")
        after = dt.datetime.now(dt.timezone.utc)
        value = dt.datetime.fromisoformat(json.loads(done.stdout)["reference"]["value"])

        assert 0 == done.returncode
        assert before <= value <= after

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("2025-07-13", "2025-07-13T00:00:00+00:00"),
            ("2025-07-13T18:00", "2025-07-13T18:00:00+00:00"),
        ],
    )
    def test_naive_is_refused_with_the_accepted_form(self, value, shown):
        """A date or time without offset is refused, showing the form to write."""
        done = newsdump_cmd("parse", "--example", "--now", value)

        assert 2 == done.returncode
        line = one_error_line(done)
        assert "has no timezone offset" in line
        assert f"such as {shown}" in line
        assert "Z or now" in line

    def test_garbage(self):
        """Text that is no date says what is accepted."""
        done = newsdump_cmd("parse", "--example", "--now", "yesterday")

        assert 2 == done.returncode
        assert "not an ISO 8601 date and time: 'yesterday'" in one_error_line(done)


class TestHelpExamples:
    @staticmethod
    def readme_examples() -> list[str]:
        text = (ROOT / "README.md").read_text(encoding="utf-8")
        section = text.split("## Command-line quickstart", 1)[1]
        block = section.split("```console\n", 1)[1].split("```", 1)[0]
        return block.splitlines()

    def test_readme_and_help_agree(self):
        """The README's quickstart is the list of examples both --help texts end with."""
        expected = "examples:\n" + "".join(f"  {line}\n" for line in EXAMPLES)

        assert list(EXAMPLES) == self.readme_examples()
        for args in (["--help"], ["parse", "--help"]):
            done = newsdump_cmd(*args)
            assert 0 == done.returncode
            assert done.stdout.endswith(expected)

    @pytest.mark.parametrize("example", EXAMPLES)
    def test_example_runs_on_the_example_dump(self, tmp_path, example):
        """Each example runs, on the bundled example dump, and writes articles."""
        (tmp_path / "page.txt").write_bytes(EXAMPLE)
        (tmp_path / "pages").mkdir()
        (tmp_path / "pages" / "one.txt").write_bytes(EXAMPLE)
        (tmp_path / "pages" / "two.txt.gz").write_bytes(gzip.compress(EXAMPLE))
        record = {
            "body": EXAMPLE.decode("utf-8"),
            "fetched_at": "2025-06-21T12:00:00+00:00",
        }
        (tmp_path / "export.jsonl").write_text(json.dumps(record) + "\n")
        command = example.replace(
            "newsdump ", f"{shlex.quote(sys.executable)} -m newsdump ", 1
        )
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env=ENV,
        )

        assert 0 == done.returncode, done.stderr
        assert "Traceback" not in done.stderr
        title = "Harbour Town Opens Floating Library For Summer Readers"
        output = tmp_path / "articles.jsonl"
        if "-o articles.jsonl" in example:
            lines = [json.loads(line) for line in output.read_text().splitlines()]
            assert {title} == {line["article"]["title"] for line in lines}
        elif "--format markdown" in example:
            assert done.stdout.startswith(f'---\ntitle: "{title}"\n')
        elif "-o report.html" in example:
            report = (tmp_path / "report.html").read_text()
            assert f"<h3>{title}</h3>" in report
            assert report.count("<mark ") >= 10
        else:
            assert title == json.loads(done.stdout)["title"]


class TestApiTypeChecks:
    ENTRY_POINTS = (
        ("newsdump.parse", newsdump.parse),
        ("newsdump.parse_text", newsdump.parse_text),
        ("newsdump.parse_html", newsdump.parse_html),
        ("newsdump.visible_text", newsdump.visible_text),
    )

    @pytest.mark.parametrize(("name", "function"), ENTRY_POINTS)
    @pytest.mark.parametrize(
        ("value", "got"),
        [(None, "got None"), (123, "got int 123"), (["a"], "got list ['a']")],
    )
    def test_wrong_type(self, name, function, value, got):
        """None, an int or a list raise a TypeError naming what was given."""
        with pytest.raises(TypeError) as exc:
            function(value)

        message = str(exc.value)
        assert message.startswith(f"{name}() takes the page as str")
        assert got in message
        if isinstance(value, list):
            assert "call it once per page or use newsdump.parse_many()" in message

    @pytest.mark.parametrize(("name", "function"), ENTRY_POINTS[1:])
    def test_path_says_how_to_read_it(self, name, function, tmp_path):
        """The parsers that take no path say how to read a file."""
        path = tmp_path / "page.html"
        path.write_bytes(b"<p>Hi</p>")
        with pytest.raises(TypeError) as exc:
            function(path)

        assert (
            f"{name}() takes the page as str or bytes, got {type(path).__name__} "
            in str(exc.value)
        )
        assert (
            f"pass the path to newsdump.parse() or read it first: {name}(path.read_bytes())"
            in str(exc.value)
        )

    def test_parse_reads_a_path_as_the_cli_does(self, tmp_path):
        """`parse(Path)` gives what `newsdump parse FILE` prints, gzip too."""
        now = "2025-06-21T12:00:00+00:00"
        plain = tmp_path / "page.txt"
        plain.write_bytes(EXAMPLE)
        packed = tmp_path / "page.txt.gz"
        packed.write_bytes(gzip.compress(EXAMPLE))
        done = newsdump_cmd("parse", str(packed), "--now", now)
        when = dt.datetime.fromisoformat(now)

        assert 0 == done.returncode
        assert newsdump.from_json(done.stdout) == newsdump.parse(packed, now=when)
        assert newsdump.parse(EXAMPLE, now=when) == newsdump.parse(plain, now=when)

    def test_parse_path_limits_apply(self, tmp_path):
        """A path over `Limits.max_size` raises LimitError, as bytes would."""
        path = tmp_path / "page.txt"
        path.write_bytes(EXAMPLE)

        with pytest.raises(newsdump.LimitError):
            newsdump.parse(path, limits=newsdump.Limits(max_size=100))

    def test_parse_missing_path(self, tmp_path):
        """A path that does not exist raises FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            newsdump.parse(tmp_path / "missing.html")

    @pytest.mark.parametrize(
        ("value", "got"),
        [
            (None, "got None"),
            (5, "got int 5"),
            (Path("x"), f"got {type(Path('x')).__name__}"),
            (["3 hours ago"], "got list"),
            (b"3 hours ago", "got bytes b'3 hours ago'; decode it first"),
        ],
    )
    def test_resolve(self, value, got):
        """`times.resolve` names what it got and that it takes a str."""
        now = dt.datetime(2025, 7, 13, 18, tzinfo=dt.timezone.utc)
        with pytest.raises(TypeError) as exc:
            times.resolve(value, now)

        assert str(exc.value).startswith(
            "newsdump.times.resolve() takes the time text as str, "
        )
        assert got in str(exc.value)
