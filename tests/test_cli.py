from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdump.cli import main

SAMPLE = Path(__file__).parent / "fixtures" / "aggregator-page.txt"
NOW = "2025-07-13T18:00:00+00:00"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


class TestParse:
    def test_sample(self, capsys):
        """`newsdump parse FILE --now` prints the article as indented JSON."""
        status, out, err = run(["parse", str(SAMPLE), "--now", NOW], capsys)
        data = json.loads(out)

        assert (0, "") == (status, err)
        assert "Rubio Meets Russia's Lavrov At ASEAN Talks" == data["title"]
        assert 21 == len(data["paragraphs"])
        assert [
            "2025-07-13T17:21:00+00:00",
            "2025-07-13T15:00:00+00:00",
            "2025-07-13T15:00:00+00:00",
        ] == [item["published"]["value"] for item in data["related"]]
        assert out.startswith("{\n  ")

    def test_jsonl(self, capsys):
        """--format jsonl prints one line."""
        status, out, _ = run(
            ["parse", str(SAMPLE), "--now", NOW, "--format", "jsonl"], capsys
        )

        assert 0 == status
        assert 1 == len(out.splitlines())
        assert "DW" == json.loads(out)["related"][1]["source"]["name"]

    def test_example(self, capsys):
        """--example parses the dump bundled in the package."""
        status, out, _ = run(
            ["parse", "--example", "--now", "2025-06-21T12:00:00+00:00"], capsys
        )
        data = json.loads(out)

        assert 0 == status
        assert "Harbour Town Opens Floating Library For Summer Readers" == data["title"]
        assert [
            {
                "text": "Visitors queue to board the Paper Tide on its opening morning at the old fish market",
                "credit": "Lena Marsh/AFP",
            }
        ] == data["captions"]
        assert ["Coastal Courier", "The Bay Herald", "Coastal Courier"] == [
            i["source"]["name"] for i in data["related"]
        ]
        assert "Market Traders Ask For Shared Berths" == data["related"][1]["title"]
        reasons = {r["reason"] for r in data["removed"]}
        assert {
            "video-notice",
            "duplicated-span",
            "title-suffix",
            "promo",
            "comments",
        } <= reasons

    def test_example_is_not_the_sample(self):
        """The bundled example is our own text, not the sample's."""
        from importlib import resources

        example = (
            resources.files("newsdump")
            .joinpath("_data", "example.txt")
            .read_text(encoding="utf-8")
        )

        assert "Rubio" not in example
        assert "Lavrov" not in example

    def test_stdin(self, capsys, monkeypatch):
        """- reads the dump from standard input."""
        monkeypatch.setattr(sys, "stdin", _Stdin(SAMPLE.read_bytes()))
        status, out, _ = run(["parse", "-", "--now", NOW], capsys)

        assert 0 == status
        assert 3 == len(json.loads(out)["related"])

    def test_module_entry_point(self):
        """`python -m newsdump parse FILE` works as a program."""
        done = subprocess.run(
            [sys.executable, "-m", "newsdump", "parse", str(SAMPLE), "--now", NOW],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

        assert (0, "") == (done.returncode, done.stderr)
        assert "DW" == json.loads(done.stdout)["related"][1]["source"]["name"]


class _Stdin:
    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


class TestErrors:
    def check(
        self, args: list[str], capsys: pytest.CaptureFixture[str], expected: str
    ) -> None:
        status, out, err = run(args, capsys)

        assert 0 != status
        assert "" == out
        assert 1 == len(err.splitlines())
        assert expected in err
        assert "Traceback" not in err

    def test_missing_file(self, capsys, tmp_path):
        """A missing file is one line on stderr and a non-zero exit."""
        self.check(["parse", str(tmp_path / "nope.txt")], capsys, "no such file")

    def test_undecodable(self, capsys, tmp_path):
        """Bytes that are not UTF-8 are one clear error line."""
        path = tmp_path / "bad.txt"
        path.write_bytes(b"Title\n\xff\xfe\xfa broken bytes\n")

        self.check(["parse", str(path)], capsys, "not valid utf-8")

    def test_empty(self, capsys, tmp_path):
        """An empty file is an error line."""
        path = tmp_path / "empty.txt"
        path.write_bytes(b"  \n")

        self.check(["parse", str(path)], capsys, "empty")

    def test_subprocess_error_has_no_traceback(self, tmp_path):
        """The program itself exits non-zero with one line and no traceback."""
        done = subprocess.run(
            [sys.executable, "-m", "newsdump", "parse", str(tmp_path / "missing.txt")],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

        assert 0 != done.returncode
        assert 1 == len(done.stderr.splitlines())
        assert "Traceback" not in done.stderr
