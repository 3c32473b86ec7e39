from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from newsdump import Failure, Record, parse_many, to_dict

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 10, 18, 0, tzinfo=UTC)
TEXT = "Rubio Meets Lavrov At ASEAN Talks\nThe top US diplomat met Sergei Lavrov.\n"
HTML = "<html><body><h1>Rubio Meets Lavrov</h1><p>The top US diplomat met him.</p></body></html>"


def corpus(root):
    (root / "pages" / "sub").mkdir(parents=True)
    (root / "pages" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "pages" / "sub" / "b.html").write_text(HTML, encoding="utf-8")
    rows = [
        {"url": f"https://e.com/{i}", "text": f"Story {i}\n{TEXT}"} for i in range(20)
    ]
    lines = "".join(json.dumps(row) + "\n" for row in rows) + "{}\n"
    (root / "export.jsonl").write_text(lines, encoding="utf-8")
    return [root / "pages", root / "export.jsonl"]


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip(
        "dask.distributed",
        reason='Dask is not installed: pip install "newsdump[dask]"',
    )
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


class TestWithoutDask:
    def test_clear_error_without_dask(self, monkeypatch):
        """Without Dask, the helpers raise ModuleNotFoundError naming the extra."""
        from newsdump.dask import records_to_bag

        monkeypatch.setitem(sys.modules, "dask.bag", None)

        with pytest.raises(ModuleNotFoundError, match=r"newsdump\[dask\]"):
            records_to_bag([])


class TestReadBag:
    def test_small_files_share_a_partition(self, tmp_path):
        """Files are grouped into partitions by size, in walk order."""
        pytest.importorskip(
            "dask.bag", reason='Dask is not installed: pip install "newsdump[dask]"'
        )
        from newsdump.dask import read_bag

        paths = corpus(tmp_path)

        one = read_bag(paths)
        per_file = read_bag(paths, partition_bytes=1)

        assert (1, 3) == (one.npartitions, per_file.npartitions)
        assert one.compute(scheduler="sync") == per_file.compute(scheduler="sync")


class TestDask:
    def test_bag_of_paths_matches_parse_many(self, tmp_path, client):
        """read_bag + parse_bag on a 2-process cluster equal parse_many, in order."""
        from newsdump.dask import parse_bag, read_bag

        paths = corpus(tmp_path)

        got = client.compute(parse_bag(read_bag(paths), now=NOW)).result()

        assert list(parse_many(paths, now=NOW)) == got
        assert isinstance(got[-1], Failure)

    def test_bag_of_records_to_dicts(self, client):
        """records_to_bag + parse_bag + to_dicts give parse_many's dicts."""
        from newsdump.dask import parse_bag, records_to_bag, to_dicts

        records = [
            Record(id=str(i), content=HTML if i % 2 else TEXT, url=f"https://e.com/{i}")
            for i in range(10)
        ]

        got = client.compute(
            to_dicts(parse_bag(records_to_bag(records, npartitions=3)))
        ).result()

        assert [to_dict(r) for r in parse_many(records)] == got
