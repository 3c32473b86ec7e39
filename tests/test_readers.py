from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import lzma
import sys
from pathlib import Path

import attrs
import pytest

import newsdump
from newsdump import Failure, Record, read_records
from newsdump._readers import input_kind

UTC = dt.timezone.utc
TEXT = b"Rubio Meets Lavrov\nThe top US diplomat met Sergei Lavrov.\n"
HTML = b"<html><head><title>Hi</title></head><body><p>Body.</p></body></html>"


def jsonl(*rows: object) -> bytes:
    return b"".join(json.dumps(row).encode() + b"\n" for row in rows)


def warc_record(
    kind: str, url: str, body: bytes, *, content_type: str = "text/html", n: int = 1
) -> bytes:
    """One WARC record, written by hand (tests only need a few fields)."""
    if kind in {"response", "request"}:
        http = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        block_type = "application/http; msgtype=response"
    else:
        http, block_type = body, "application/warc-fields"
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
        f"WARC-Date: 2025-07-10T12:00:0{n}Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: {block_type}\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


class TestRecord:
    def test_naive_crawl_time_is_rejected(self):
        """A record's crawl time must be timezone-aware."""
        with pytest.raises(ValueError, match="crawled_at"):
            Record(id="x", content="t", crawled_at=dt.datetime(2025, 1, 1))  # noqa: DTZ001

    def test_unknown_kind_is_rejected(self):
        """Only text, html and auto are record kinds."""
        with pytest.raises(ValueError, match="kind"):
            Record(id="x", content="t", kind="pdf")  # type: ignore[arg-type]

    def test_records_are_frozen(self):
        """Records cannot be changed in place."""
        record = Record(id="x", content="t")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            record.id = "y"  # type: ignore[misc]


class TestDocuments:
    def test_text_file(self, tmp_path):
        """A plain file is one text record whose id is its path."""
        path = write(tmp_path / "a.txt", TEXT)

        assert [Record(id=str(path), content=TEXT, kind="text")] == list(
            read_records(path)
        )

    def test_html_detected_by_content_not_suffix(self, tmp_path):
        """A file without an .html suffix that holds markup is HTML."""
        path = write(tmp_path / "page.dat", HTML)

        assert ["html"] == [r.kind for r in read_records(path)]

    def test_html_suffix_holding_text_is_text(self, tmp_path):
        """A .html file that holds a text dump is read as text."""
        path = write(tmp_path / "page.html", TEXT)

        assert ["text"] == [r.kind for r in read_records(path)]

    def test_folder_walk_is_sorted_and_skips_hidden(self, tmp_path):
        """A folder is walked recursively in sorted order, hidden names skipped."""
        for name in ["b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".git/x.txt"]:
            write(tmp_path / name, TEXT)
        expected = [tmp_path / "a/b/c.txt", tmp_path / "a/z.txt", tmp_path / "b.txt"]

        assert [str(p) for p in expected] == [r.id for r in read_records(tmp_path)]

    def test_several_paths_in_order(self, tmp_path):
        """Paths are read in the order given."""
        first = write(tmp_path / "2.txt", TEXT)
        second = write(tmp_path / "1.txt", TEXT)

        assert [str(first), str(second)] == [
            r.id for r in read_records([first, second])
        ]

    @pytest.mark.parametrize(
        ("suffix", "compress"),
        [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
    )
    def test_compressed_documents(self, tmp_path, suffix, compress):
        """gzip, bzip2 and xz files are decompressed on the fly."""
        path = write(tmp_path / f"a.html{suffix}", compress(HTML))

        assert [(HTML, "html")] == [(r.content, r.kind) for r in read_records(path)]

    def test_compression_found_by_magic_number(self, tmp_path):
        """A gzip file without a .gz suffix is still decompressed."""
        path = write(tmp_path / "dump", gzip.compress(TEXT))

        assert [TEXT] == [r.content for r in read_records(path)]

    def test_zstd_document(self, tmp_path):
        """.zst files are read when the zstd extra is installed."""
        zstandard = pytest.importorskip("zstandard", reason="needs the zstd extra")
        path = write(tmp_path / "a.txt.zst", zstandard.ZstdCompressor().compress(TEXT))

        assert [TEXT] == [r.content for r in read_records(path)]

    def test_zstd_without_the_extra_is_a_failure(self, tmp_path, monkeypatch):
        """Without zstandard, a .zst file gives a failure naming the extra."""
        monkeypatch.setitem(sys.modules, "zstandard", None)
        path = write(tmp_path / "a.txt.zst", b"\x28\xb5\x2f\xfd" + b"\x00" * 20)

        (failure,) = read_records(path)

        assert isinstance(failure, Failure)
        assert (str(path), "missing-extra") == (failure.id, failure.error)
        assert 'pip install "newsdump[zstd]"' in failure.message

    def test_truncated_gzip_is_a_failure(self, tmp_path):
        """A cut-off .gz file gives a failure with its path, not an exception."""
        data = gzip.compress(TEXT * 100)
        path = write(tmp_path / "a.txt.gz", data[: len(data) // 2])

        (failure,) = read_records(path)

        assert isinstance(failure, Failure)
        assert (str(path), "EOFError") == (failure.id, failure.error)

    def test_missing_file_is_a_failure(self, tmp_path):
        """A path that does not exist gives a failure and reading goes on."""
        real = write(tmp_path / "real.txt", TEXT)
        results = list(read_records([tmp_path / "nope.txt", real]))

        assert ["FileNotFoundError", None] == [
            getattr(r, "error", None) for r in results
        ]
        assert str(real) == results[1].id

    def test_binary_file_is_a_failure(self, tmp_path):
        """A file holding NUL bytes is not a page."""
        path = write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00")

        assert ["not-text"] == [
            r.error for r in read_records(path) if isinstance(r, Failure)
        ]

    def test_document_larger_than_limit_is_a_failure(self, tmp_path):
        """A page over max_bytes is a LimitError failure, not read whole."""
        path = write(tmp_path / "big.txt", b"x" * 100)

        (failure,) = read_records(path, max_bytes=99)

        assert isinstance(failure, Failure)
        assert "LimitError" == failure.error


class TestJsonLines:
    def test_fields_become_a_record(self, tmp_path):
        """html, url and crawled_at fields fill the record; the id is path:line."""
        row = {
            "url": "https://e.com/a",
            "html": "<p>x</p>",
            "crawled_at": "2025-07-10T12:00:00Z",
        }
        path = write(tmp_path / "a.jsonl", jsonl(row))

        expected = Record(
            id=f"{path}:1",
            content="<p>x</p>",
            kind="html",
            url="https://e.com/a",
            crawled_at=dt.datetime(2025, 7, 10, 12, tzinfo=UTC),
        )

        assert [expected] == list(read_records(path))

    def test_custom_field_names(self, tmp_path):
        """Field names are configurable, including the id."""
        row = {"body": "Title\nText", "link": "https://e.com/", "ts": 0, "key": "k1"}
        path = write(tmp_path / "a.jsonl", jsonl(row))

        (record,) = read_records(
            path, text_field="body", url_field="link", time_field="ts", id_field="key"
        )

        assert (
            Record(
                id="k1",
                content="Title\nText",
                kind="text",
                url="https://e.com/",
                crawled_at=dt.datetime(1970, 1, 1, tzinfo=UTC),
            )
            == record
        )

    def test_html_field_wins_over_text_field(self, tmp_path):
        """A row with both fields is read as HTML."""
        path = write(tmp_path / "a.jsonl", jsonl({"html": "<p>h</p>", "text": "t"}))

        assert ["html"] == [r.kind for r in read_records(path)]

    def test_time_with_offset_and_naive_time(self, tmp_path):
        """Offsets are kept; a time without one is taken as UTC."""
        rows = [
            {"text": "a", "crawled_at": "2025-07-10T14:00:00+02:00"},
            {"text": "b", "crawled_at": "2025-07-10T12:00:00"},
        ]
        path = write(tmp_path / "a.jsonl", jsonl(*rows))
        instant = dt.datetime(2025, 7, 10, 12, tzinfo=UTC)

        assert [instant, instant] == [r.crawled_at for r in read_records(path)]

    def test_no_time_field(self, tmp_path):
        """time_field=None ignores crawl times."""
        path = write(tmp_path / "a.jsonl", jsonl({"text": "a", "crawled_at": "x"}))

        assert [None] == [r.crawled_at for r in read_records(path, time_field=None)]

    def test_bad_lines_are_failures_and_reading_goes_on(self, tmp_path):
        """Not JSON, not an object, no field, bad time: one failure each."""
        data = (
            b'{"text": "first"}\n'
            b"this is not json\n"
            b"[1, 2]\n"
            b"\n"
            b'{"url": "https://e.com/x", "title": "no page"}\n'
            b'{"text": "t", "crawled_at": "yesterday-ish"}\n'
            b'{"text": "last"}\n'
        )
        path = write(tmp_path / "a.jsonl", data)

        got = [(r.id, getattr(r, "error", "ok")) for r in read_records(path)]

        assert [
            (f"{path}:1", "ok"),
            (f"{path}:2", "not-json"),
            (f"{path}:3", "not-json"),
            (f"{path}:5", "missing-field"),
            (f"{path}:6", "bad-time"),
            (f"{path}:7", "ok"),
        ] == got

    def test_missing_field_failure_keeps_the_url(self, tmp_path):
        """A row without the page still reports its address."""
        path = write(tmp_path / "a.jsonl", jsonl({"url": "https://e.com/x"}))

        (failure,) = read_records(path)

        assert isinstance(failure, Failure)
        assert "https://e.com/x" == failure.url
        assert "'html'" in failure.message
        assert "'text'" in failure.message

    def test_gzipped_jsonl(self, tmp_path):
        """JSON Lines inside gzip are streamed line by line."""
        path = write(
            tmp_path / "a.jsonl.gz",
            gzip.compress(jsonl(*({"text": str(i)} for i in range(5)))),
        )

        assert ["0", "1", "2", "3", "4"] == [r.content for r in read_records(path)]

    def test_truncated_gzipped_jsonl_keeps_the_lines_before(self, tmp_path):
        """A cut-off .jsonl.gz gives its complete lines, then one failure."""
        data = gzip.compress(jsonl(*({"text": "x" * 50 + str(i)} for i in range(2000))))
        path = write(tmp_path / "a.jsonl.gz", data[: len(data) // 2])

        results = list(read_records(path))

        assert all(isinstance(r, Record) for r in results[:-1])
        assert isinstance(results[-1], Failure)
        assert "EOFError" == results[-1].error
        assert f"{path}:{len(results)}" == results[-1].id
        assert 0 < len(results) < 2000

    def test_jsonl_detected_by_content(self, tmp_path):
        """A file of JSON objects without a .jsonl suffix is JSON Lines."""
        path = write(tmp_path / "export.txt", jsonl({"text": "a"}, {"text": "b"}))

        assert "jsonl" == input_kind(path)
        assert ["a", "b"] == [r.content for r in read_records(path)]

    def test_overlong_line_is_a_failure_and_reading_goes_on(self, tmp_path):
        """A line over max_bytes is skipped with a LimitError failure."""
        data = jsonl({"text": "short"}, {"text": "y" * 500}, {"text": "after"})
        path = write(tmp_path / "a.jsonl", data)

        got = [
            r.error if isinstance(r, Failure) else r.content
            for r in read_records(path, max_bytes=100)
        ]

        assert ["short", "LimitError", "after"] == got


class TestWarc:
    def archive(self) -> bytes:
        return b"".join(
            [
                warc_record("warcinfo", "", b"software: test\r\n", n=1),
                warc_record("request", "https://e.com/a", b"", n=2),
                warc_record("response", "https://e.com/a", HTML, n=3),
                warc_record(
                    "response",
                    "https://e.com/b.pdf",
                    b"%PDF-1.4",
                    content_type="application/pdf",
                    n=4,
                ),
            ]
        )

    def test_html_responses_become_records(self, tmp_path):
        """Responses are read; requests and warcinfo are skipped; PDFs fail."""
        pytest.importorskip("fastwarc", reason="needs the warc extra")
        path = write(tmp_path / "crawl.warc", self.archive())

        html, pdf = read_records(path)

        assert (
            Record(
                id="<urn:uuid:00000000-0000-0000-0000-000000000003>",
                content=HTML,
                kind="html",
                url="https://e.com/a",
                crawled_at=dt.datetime(2025, 7, 10, 12, 0, 3, tzinfo=UTC),
            )
            == html
        )
        assert isinstance(pdf, Failure)
        assert ("not-html", "https://e.com/b.pdf") == (pdf.error, pdf.url)

    def test_http_charset_reaches_the_parser(self, tmp_path):
        """A response's HTTP charset is kept on the record, and a page that
        does not declare its charset is decoded with it."""
        pytest.importorskip("fastwarc", reason="needs the warc extra")
        title = "Мэрия открыла новый мост через реку"
        page = (
            f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            "<p>" + "Мост соединяет две части старого города. " * 8 + "</p>"
            "</body></html>"
        ).encode("windows-1251")
        archive = warc_record(
            "response",
            "https://e.ru/most",
            page,
            content_type="text/html; charset=windows-1251",
            n=5,
        )
        path = write(tmp_path / "crawl.warc", archive)

        (record,) = read_records(path)
        parsed = newsdump.parse_record(record)

        assert "windows-1251" == record.charset.lower()
        assert title == parsed.article.title

    def test_gzipped_warc(self, tmp_path):
        """A .warc.gz of gzipped records reads like the plain archive."""
        pytest.importorskip("fastwarc", reason="needs the warc extra")
        members = [
            gzip.compress(warc_record("response", f"https://e.com/{i}", HTML, n=i))
            for i in range(1, 4)
        ]
        path = write(tmp_path / "crawl.warc.gz", b"".join(members))

        assert [f"https://e.com/{i}" for i in range(1, 4)] == [
            r.url for r in read_records(path)
        ]

    def test_warc_detected_by_content(self, tmp_path):
        """A WARC file without a .warc suffix is recognised by its header."""
        path = write(tmp_path / "crawl.bin", self.archive())

        assert "warc" == input_kind(path)

    def test_warc_without_the_extra_is_a_failure(self, tmp_path, monkeypatch):
        """Without fastwarc, a WARC file gives a failure naming the extra."""
        monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
        path = write(tmp_path / "crawl.warc", self.archive())

        (failure,) = read_records(path)

        assert isinstance(failure, Failure)
        assert "missing-extra" == failure.error
        assert 'pip install "newsdump[warc]"' in failure.message
