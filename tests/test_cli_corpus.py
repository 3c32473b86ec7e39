from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdump import from_dict, parse_text
from newsdump._models import Article
from newsdump.cli import _Meter, main

TEXT = "Rubio Meets Lavrov At ASEAN Talks\nThe top US diplomat met Sergei Lavrov.\n"
HTML = "<html><body><h1>Rubio Meets Lavrov</h1><p>The top US diplomat met him.</p></body></html>"


def corpus(root: Path) -> Path:
    """A folder with a text file, an HTML file, a JSON Lines file and a bad line."""
    (root / "pages").mkdir(parents=True)
    (root / "pages" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "pages" / "b").write_text(HTML, encoding="utf-8")
    rows = [
        {"url": "https://e.com/1", "text": TEXT, "crawled_at": "2025-07-10T12:00:00Z"},
        {"url": "https://e.com/2", "html": HTML},
    ]
    lines = "".join(json.dumps(row) + "\n" for row in rows) + "not json\n"
    (root / "pages" / "c.jsonl").write_text(lines, encoding="utf-8")
    return root / "pages"


def lines_of(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


class TestCorpusRun:
    def test_folder_to_jsonl_on_stdout(self, tmp_path, capsys):
        """A folder gives one JSON line per record, in order, and a summary."""
        folder = corpus(tmp_path)

        status = main(["parse", str(folder)])
        out, err = capsys.readouterr()
        rows = lines_of(out)

        assert 0 == status
        assert [
            f"{folder}/a.txt",
            f"{folder}/b",
            f"{folder}/c.jsonl:1",
            f"{folder}/c.jsonl:2",
            f"{folder}/c.jsonl:3",
        ] == [row["id"] for row in rows]
        assert "not-json" == rows[-1]["error"]
        assert parse_text(TEXT) == from_dict(Article, rows[0]["article"])
        assert "https://e.com/1" == rows[2]["url"]
        assert err.startswith("newsdump: 5 records, 1 errors, ")
        assert 1 == len(err.splitlines())

    def test_output_file(self, tmp_path, capsys):
        """-o writes the lines to a file and nothing to standard output."""
        folder = corpus(tmp_path)
        out_path = tmp_path / "out.jsonl"

        status = main(["parse", str(folder), "-o", str(out_path)])
        out, _ = capsys.readouterr()

        assert (0, "") == (status, out)
        assert 5 == len(lines_of(out_path.read_text(encoding="utf-8")))

    def test_json_format_is_one_array(self, tmp_path, capsys):
        """--format json on a corpus writes one JSON array."""
        folder = corpus(tmp_path)

        main(["parse", str(folder), "--format", "json"])
        out, _ = capsys.readouterr()

        assert 5 == len(json.loads(out))

    def test_several_files_are_a_corpus(self, tmp_path, capsys):
        """Two single-page files give two lines, in the order given."""
        first, second = tmp_path / "1.txt", tmp_path / "2.txt"
        first.write_text(TEXT, encoding="utf-8")
        second.write_text(TEXT, encoding="utf-8")

        main(["parse", str(second), str(first)])
        out, _ = capsys.readouterr()

        assert [str(second), str(first)] == [row["id"] for row in lines_of(out)]

    def test_field_options(self, tmp_path, capsys):
        """--text-field, --url-field, --time-field and --id-field pick the JSON fields."""
        path = tmp_path / "export.jsonl.gz"
        row = {
            "key": "k1",
            "body": TEXT,
            "link": "https://e.com/",
            "ts": "2025-07-10T12:00:00Z",
        }
        path.write_bytes(gzip.compress((json.dumps(row) + "\n").encode()))

        main(
            [
                "parse",
                str(path),
                "--text-field=body",
                "--url-field=link",
                "--time-field=ts",
                "--id-field=key",
            ]
        )
        (result,) = lines_of(capsys.readouterr().out)

        assert ("k1", "https://e.com/") == (result["id"], result["url"])
        assert "2025-07-10T12:00:00+00:00" == result["article"]["reference"]["value"]

    def test_html_field_option(self, tmp_path, capsys):
        """--html-field names the field that holds HTML."""
        path = tmp_path / "export.jsonl"
        path.write_text(json.dumps({"page": HTML}) + "\n", encoding="utf-8")

        main(["parse", str(path), "--html-field=page"])
        (result,) = lines_of(capsys.readouterr().out)

        assert "Rubio Meets Lavrov" == result["article"]["title"]

    def test_jobs_give_the_same_output(self, tmp_path, capsys):
        """--jobs 2 writes exactly what --jobs 1 writes."""
        folder = corpus(tmp_path)
        main(["parse", str(folder)])
        one = capsys.readouterr().out

        main(["parse", str(folder), "--jobs", "2", "--timeout", "30"])
        two = capsys.readouterr().out

        assert one == two

    def test_missing_path_is_one_line_error(self, tmp_path, capsys):
        """A path that does not exist stops the run with one line, status 1."""
        folder = corpus(tmp_path)

        status = main(["parse", str(folder), str(tmp_path / "nope")])
        out, err = capsys.readouterr()

        assert (1, "") == (status, out)
        assert [f"newsdump: error: {tmp_path / 'nope'}: no such file or directory"] == (
            err.splitlines()
        )

    def test_empty_folder_gives_an_empty_array(self, tmp_path, capsys):
        """A corpus without records still writes valid JSON."""
        (tmp_path / "empty").mkdir()

        status = main(["parse", str(tmp_path / "empty"), "--format", "json"])
        out, err = capsys.readouterr()

        assert (0, []) == (status, json.loads(out))
        assert err.startswith("newsdump: 0 records, 0 errors, ")

    def test_unwritable_output_is_one_line_error(self, tmp_path, capsys):
        """An output file that cannot be created stops the run with one line."""
        folder = corpus(tmp_path)
        target = tmp_path / "no" / "such" / "dir.jsonl"

        status = main(["parse", str(folder), "-o", str(target)])
        err = capsys.readouterr().err

        assert 1 == status
        assert [
            f"newsdump: error: {target}: No such file or directory"
        ] == err.splitlines()

    @pytest.mark.parametrize(
        "args",
        [
            ["--jobs", "-1"],
            ["--timeout", "0"],
            ["--timeout", "x"],
            ["--chunksize", "0"],
        ],
    )
    def test_bad_option_values_are_usage_errors(self, tmp_path, capsys, args):
        """Bad numbers are rejected by the argument parser with status 2."""
        with pytest.raises(SystemExit) as exc:
            main(["parse", str(tmp_path), *args])

        assert 2 == exc.value.code
        assert "Traceback" not in capsys.readouterr().err


class TestStandardInput:
    def run(self, data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        return subprocess.run(
            [sys.executable, "-m", "newsdump", "parse", "-", *args],
            input=data,
            capture_output=True,
            env=env,
            check=False,
            timeout=60,
        )

    def test_json_lines_on_stdin_are_a_corpus(self):
        """JSON Lines piped in are read as a stream of records, ids -:line."""
        rows = [{"text": TEXT}, {"html": HTML, "url": "https://e.com/"}]
        data = "".join(json.dumps(row) + "\n" for row in rows).encode() + b"oops\n"

        done = self.run(data, "--jobs", "2")

        assert 0 == done.returncode
        assert [("-:1", "ok"), ("-:2", "ok"), ("-:3", "not-json")] == [
            (row["id"], row.get("error", "ok"))
            for row in lines_of(done.stdout.decode())
        ]

    def test_one_page_on_stdin(self):
        """A page piped in still prints one bare article."""
        done = self.run(TEXT.encode())

        assert parse_text(TEXT) == from_dict(Article, json.loads(done.stdout))


class TestSinglePage:
    def test_one_page_prints_the_article(self, tmp_path, capsys):
        """One page still prints the bare article as indented JSON."""
        path = tmp_path / "a.txt"
        path.write_text(TEXT, encoding="utf-8")

        status = main(["parse", str(path)])
        out, err = capsys.readouterr()

        assert (0, "") == (status, err)
        assert parse_text(TEXT) == from_dict(Article, json.loads(out))
        assert out.startswith("{\n  ")

    def test_one_compressed_page(self, tmp_path, capsys):
        """A single gzipped page is decompressed and parsed as one article."""
        path = tmp_path / "a.txt.gz"
        path.write_bytes(gzip.compress(TEXT.encode()))

        main(["parse", str(path), "--format", "jsonl"])
        out, _ = capsys.readouterr()

        assert parse_text(TEXT) == from_dict(Article, json.loads(out))

    def test_one_page_to_a_file(self, tmp_path, capsys):
        """-o works for one page too."""
        path, out_path = tmp_path / "a.txt", tmp_path / "a.json"
        path.write_text(TEXT, encoding="utf-8")

        main(["parse", str(path), "-o", str(out_path)])

        assert "" == capsys.readouterr().out
        assert parse_text(TEXT) == from_dict(
            Article, json.loads(out_path.read_text(encoding="utf-8"))
        )


class TestProgress:
    def test_meter_shows_counts_and_rate(self):
        """The built-in meter writes records, errors and a rate on one line."""
        stream = io.StringIO()
        meter = _Meter(stream)

        meter.update(10, 2, force=True)
        meter.close()

        assert stream.getvalue().startswith("\r10 records, 2 errors, ")
        assert stream.getvalue().endswith(" records/s\n")

    def test_no_bar_when_not_a_terminal(self, tmp_path, capsys):
        """Without a terminal, standard error holds only the summary."""
        main(["parse", str(corpus(tmp_path))])

        assert 1 == len(capsys.readouterr().err.splitlines())

    def test_forced_bar(self, tmp_path, capsys):
        """--progress shows a bar even without a terminal."""
        main(["parse", str(corpus(tmp_path)), "--progress"])

        err = capsys.readouterr().err

        assert "\r" in err
        assert "newsdump: 5 records" in err


class TestInterrupt:
    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_ctrl_c_leaves_valid_jsonl(self, tmp_path, jobs):
        """SIGINT stops the run with status 130 and whole lines only."""
        total = 200_000
        source = tmp_path / "big.jsonl"
        line = json.dumps({"text": TEXT}) + "\n"
        source.write_text(line * total, encoding="utf-8")
        out_path = tmp_path / "out.jsonl"
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        command = [sys.executable, "-m", "newsdump", "parse", str(source)]
        process = subprocess.Popen(
            [*command, "-o", str(out_path), "--jobs", jobs],
            stderr=subprocess.PIPE,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (
            not out_path.exists() or out_path.stat().st_size < 10_000
        ):
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)

        rows = lines_of(out_path.read_text(encoding="utf-8"))

        assert 130 == process.returncode
        assert 0 < len(rows) < total
        assert [f"{source}:{i}" for i in range(1, len(rows) + 1)] == [
            row["id"] for row in rows
        ]
        assert "Traceback" not in err.decode()
        assert err.decode().startswith(f"newsdump: interrupted: {len(rows)} records")
