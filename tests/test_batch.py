from __future__ import annotations

import datetime as dt
import importlib
import itertools
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump import (
    Failure,
    Limits,
    Parsed,
    Record,
    parse_html,
    parse_many,
    parse_record,
    parse_text,
)
from newsdump._batch import _chunks

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 10, 18, 0, tzinfo=UTC)
TEXT = "Rubio Meets Lavrov At ASEAN Talks\nThe top US diplomat met Sergei Lavrov.\n"
HTML = "<html><body><h1>Rubio Meets Lavrov</h1><p>The top US diplomat met him.</p></body></html>"

# Filters that misbehave on purpose. They live in a module written at test
# time and put on sys.path, so spawned worker processes can import them.
HELPERS = """
import os
import time


def sleepy(block):
    if "SLOW" in block.text:
        time.sleep(60)
    return None


def crashy(block):
    if "CRASH" in block.text:
        os._exit(3)
    return None


def both(block):
    return sleepy(block) or crashy(block)
"""


@pytest.fixture
def helpers(tmp_path, monkeypatch):
    name = "newsdump_test_batch_helpers"
    (tmp_path / f"{name}.py").write_text(HELPERS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module(name)
    yield module
    sys.modules.pop(name, None)


def records(n: int) -> list[Record]:
    """n records, text and HTML alternating, one undecodable."""
    out = []
    for i in range(n):
        if i == 3:
            out.append(Record(id="bad", content=b"caf\xe9 au lait", kind="text"))
        elif i % 2:
            out.append(
                Record(id=f"h{i}", content=HTML, kind="html", url=f"https://e.com/{i}")
            )
        else:
            out.append(Record(id=f"t{i}", content=f"Story {i}\n{TEXT}", kind="text"))
    return out


class TestParseRecord:
    def test_text_record(self):
        """A text record parses like parse_text, with its id and url kept."""
        record = Record(id="a", content=TEXT, kind="text", url="https://e.com/a")

        assert Parsed(
            id="a", url="https://e.com/a", article=parse_text(TEXT, now=NOW)
        ) == parse_record(record, now=NOW)

    def test_html_record_gets_its_url(self):
        """An HTML record goes to parse_html with the record's url."""
        record = Record(id="a", content=HTML, kind="html", url="https://e.com/a")

        assert parse_html(HTML, url="https://e.com/a") == parse_record(record).article

    def test_auto_kind_detects_html(self):
        """A record of kind auto is sorted by content."""
        record = Record(id="a", content=HTML)

        assert parse_html(HTML) == parse_record(record).article

    def test_crawl_time_is_the_reference_time(self):
        """A record's crawl time wins over now as the reference for ages."""
        crawled = dt.datetime(2025, 7, 1, 9, tzinfo=UTC)
        record = Record(id="a", content=TEXT, kind="text", crawled_at=crawled)

        assert parse_text(TEXT, now=crawled) == parse_record(record, now=NOW).article

    def test_undecodable_record_is_a_failure(self):
        """A parser error becomes a Failure naming the record and the error."""
        record = Record(id="x", content=b"caf\xe9", kind="text", url="https://e.com/")

        result = parse_record(record)

        assert isinstance(result, Failure)
        assert ("x", "DecodeError", "https://e.com/") == (
            result.id,
            result.error,
            result.url,
        )
        assert "utf-8" in result.message

    def test_failure_passes_through(self):
        """A reader's failure is returned unchanged."""
        failure = Failure(id="x", error="not-json", message="nope")

        assert failure is parse_record(failure)

    def test_options_go_only_to_parsers_that_take_them(self):
        """A text-only option does not break HTML records, and the reverse."""
        text = Record(id="t", content=TEXT, kind="text")
        html = Record(id="h", content=HTML, kind="html")

        results = [parse_record(r, layouts=None, limits=None) for r in (text, html)]

        assert [Parsed, Parsed] == [type(r) for r in results]


class TestParseMany:
    def test_in_process_results_in_input_order(self):
        """jobs=1 yields exactly parse_record's result for each record, in order."""
        items = records(8)

        assert [parse_record(r, now=NOW) for r in items] == list(
            parse_many(items, now=NOW)
        )

    def test_paths_and_records_mix(self, tmp_path):
        """Paths are read with read_records, records are used as they are."""
        path = tmp_path / "a.txt"
        path.write_text(TEXT, encoding="utf-8")
        record = Record(id="r", content=TEXT, kind="text")

        assert [str(path), "r", str(path)] == [
            r.id for r in parse_many([path, record, str(path)])
        ]

    def test_reader_options_are_passed_on(self, tmp_path):
        """reader_options reach read_records (custom JSON fields)."""
        path = tmp_path / "a.jsonl"
        path.write_text('{"body": "Title\\nText"}\n', encoding="utf-8")

        (result,) = parse_many([path], reader_options={"text_field": "body"})

        assert isinstance(result, Parsed)

    @pytest.mark.parametrize(
        "kwargs", [{"jobs": 0}, {"chunksize": 0}, {"timeout": 0}, {"timeout": -1.0}]
    )
    def test_bad_settings_raise_at_once(self, kwargs):
        """Nonsense settings raise ValueError before any work starts."""
        with pytest.raises(ValueError, match=next(iter(kwargs))):
            parse_many([], **kwargs)

    def test_limits_reach_both_parsers(self):
        """limits= goes to the text and the HTML parser alike."""
        items = [
            Record(id="text", content=TEXT, kind="text"),
            Record(id="html", content="<p>" + "word " * 40, kind="html"),
        ]

        results = list(parse_many(items, limits=Limits(max_size=50)))

        assert [("text", "LimitError"), ("html", "LimitError")] == [
            (r.id, r.error if isinstance(r, Failure) else "ok") for r in results
        ]

    def test_in_process_time_limit(self, helpers):
        """A record over the time limit becomes a LimitError failure; the run goes on."""
        items = [
            Record(id="a", content=TEXT, kind="text"),
            Record(id="slow", content="Title\nSLOW body text here\n", kind="text"),
            Record(id="c", content=TEXT, kind="text"),
        ]

        # generous: only the 60 s record may reach it, even on a busy machine
        results = list(parse_many(items, timeout=1.0, filters=(helpers.sleepy,)))

        assert ["Parsed", "LimitError", "Parsed"] == [
            r.error if isinstance(r, Failure) else type(r).__name__ for r in results
        ]
        assert "slow" == results[1].id

    def test_streams_without_reading_everything(self):
        """Results come before the input ends: an endless input works."""
        pulled = itertools.count()

        def endless() -> Iterator[Record]:
            for i in itertools.count():
                next(pulled)
                yield Record(id=str(i), content=TEXT, kind="text")

        first = list(itertools.islice(parse_many(endless()), 5))

        assert ["0", "1", "2", "3", "4"] == [r.id for r in first]
        assert next(pulled) <= 6


class TestWorkers:
    def test_workers_match_in_process_results(self):
        """jobs=2 gives the same results in the same order as jobs=1."""
        items = records(40)
        expected = list(parse_many(items, now=NOW))

        ordered = list(parse_many(items, jobs=2, chunksize=3, now=NOW))
        unordered = list(parse_many(items, jobs=2, chunksize=3, now=NOW, ordered=False))

        assert expected == ordered
        assert sorted(map(repr, expected)) == sorted(map(repr, unordered))

    def test_bounded_in_flight(self):
        """Workers take at most 4 * jobs chunks ahead of what was consumed."""
        pulled = itertools.count()

        def endless() -> Iterator[Record]:
            for i in itertools.count():
                next(pulled)
                yield Record(id=str(i), content=TEXT, kind="text")

        results = parse_many(endless(), jobs=2, chunksize=4)
        first = list(itertools.islice(results, 3))
        results.close()  # type: ignore[attr-defined]

        assert ["0", "1", "2"] == [r.id for r in first]
        assert next(pulled) <= 3 + (4 * 2 + 1) * 4

    def test_slow_and_crashing_records_in_workers(self, helpers):
        """In workers, a slow record times out and a crashing one is isolated."""
        items = [
            Record(id="a", content=TEXT, kind="text"),
            Record(id="slow", content="Title\nSLOW body text here\n", kind="text"),
            Record(id="b", content=TEXT, kind="text"),
            Record(id="crash", content="Title\nCRASH body text here\n", kind="text"),
            Record(id="c", content=TEXT, kind="text"),
        ]

        results = list(
            # generous: a fresh worker on a busy machine must not time out on
            # an ordinary record (seen once with 0.5 s); the slow one sleeps 60 s
            parse_many(items, jobs=2, chunksize=2, timeout=3.0, filters=(helpers.both,))
        )

        assert [
            ("a", "ok"),
            ("slow", "LimitError"),
            ("b", "ok"),
            ("crash", "WorkerCrashed"),
            ("c", "ok"),
        ] == [(r.id, r.error if isinstance(r, Failure) else "ok") for r in results]


class TestProperties:
    @given(
        st.lists(st.binary(max_size=300), max_size=40),
        st.integers(min_value=1, max_value=10),
    )
    def test_one_result_per_record_in_order(self, contents, chunksize):
        """Any bytes, any chunk size: one result per record, ids in input order."""
        items = [Record(id=str(i), content=c) for i, c in enumerate(contents)]

        results = list(parse_many(items, chunksize=chunksize))

        assert [r.id for r in items] == [r.id for r in results]
        assert all(isinstance(r, Parsed | Failure) for r in results)

    @given(
        st.lists(st.integers(min_value=0, max_value=600_000), max_size=30),
        st.integers(min_value=1, max_value=8),
    )
    def test_chunks_keep_order_and_bounds(self, sizes, size):
        """Chunks concatenate to the input and hold at most *size* records."""
        items = [Record(id=str(i), content=b"x" * n) for i, n in enumerate(sizes)]

        chunks = list(_chunks(items, size))

        assert items == [item for chunk in chunks for item in chunk]
        assert all(0 < len(chunk) <= size for chunk in chunks)
