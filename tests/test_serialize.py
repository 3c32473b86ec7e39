from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump import (
    Article,
    ParseError,
    Source,
    from_dict,
    from_json,
    parse_text,
    to_dict,
    to_json,
)
from tests import strategies

SAMPLE = (Path(__file__).parent / "fixtures" / "aggregator-page.txt").read_text(
    encoding="utf-8"
)
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)


class TestJsonShape:
    def test_keys(self):
        """The JSON of a parsed dump has the documented keys at every level."""
        data = json.loads(to_json(parse_text(SAMPLE, now=NOW)))

        assert {
            "title",
            "subtitle",
            "paragraphs",
            "captions",
            "authors",
            "source",
            "published",
            "tags",
            "related",
            "removed",
        } <= set(data)
        assert {"text", "credit"} == set(data["captions"][0])
        item = data["related"][0]
        assert {"title", "source", "published", "body", "captions"} <= set(item)
        assert {"name"} <= set(item["source"])
        assert {"text", "value", "earliest", "latest"} <= set(item["published"])
        assert {"filter", "reason", "text", "start", "end"} <= set(data["removed"][0])

    def test_datetimes_are_iso_with_offset(self):
        """Datetimes become ISO 8601 strings with their offset."""
        data = to_dict(parse_text(SAMPLE, now=NOW))

        assert "2025-07-13T17:21:00+00:00" == data["related"][0]["published"]["value"]
        assert (
            "2025-07-13T17:20:00+00:00" == data["related"][0]["published"]["earliest"]
        )
        assert "2025-07-13T17:21:30+00:00" == data["related"][0]["published"]["latest"]


class TestRoundTrip:
    def test_sample(self):
        """The parsed sample survives to_json/from_json unchanged."""
        article = parse_text(SAMPLE, now=NOW)

        assert article == from_json(to_json(article))

    @given(strategies.articles())
    def test_generated_models(self, article):
        """Any article survives to_json/from_json and to_dict/from_dict."""
        assert article == from_json(to_json(article))
        assert article == from_dict(Article, to_dict(article))

    @given(st.one_of(strategies.text_dumps(), st.text()))
    def test_parsed_dumps(self, text):
        """Any parsed dump survives the JSON round trip."""
        article = parse_text(text, now=NOW)

        assert article == from_json(to_json(article, indent=2))

    def test_other_models(self):
        """from_dict builds any model, not just articles."""
        assert Source(name="DW") == from_dict(Source, to_dict(Source(name="DW")))


class TestErrors:
    @pytest.mark.parametrize(
        "text", ["not json", "[1, 2]", '{"title": 3}', '{"related": [{}]}']
    )
    def test_bad_input(self, text):
        """Text that is not an article's JSON raises ParseError."""
        with pytest.raises(ParseError):
            from_json(text)
