from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from newsdump import Article, Caption, RelatedItem, Removal, Source, Timestamp
from tests import strategies

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)


class TestTimestamp:
    def test_interval(self):
        """A timestamp holds the instants between its bounds."""
        ts = Timestamp(
            text="3 hours ago",
            value=NOW - dt.timedelta(hours=3),
            earliest=NOW - dt.timedelta(hours=4),
            latest=NOW - dt.timedelta(hours=2, minutes=30),
            granularity="hour",
        )

        assert NOW - dt.timedelta(hours=3, minutes=30) in ts
        assert NOW not in ts
        assert "not a datetime" not in ts

    def test_naive_rejected(self):
        """Naive datetimes are rejected."""
        naive = dt.datetime(2025, 7, 13, 18)  # noqa: DTZ001 - on purpose

        with pytest.raises(ValueError, match="timezone-aware"):
            Timestamp(text="x", value=naive, earliest=naive, latest=naive)

    def test_order_checked(self):
        """earliest <= value <= latest is enforced."""
        with pytest.raises(ValueError, match="earliest <= value <= latest"):
            Timestamp(text="x", value=NOW, earliest=NOW, latest=NOW - dt.timedelta(1))

    def test_wrong_type(self):
        """A value that is not a datetime is a TypeError naming the field."""
        with pytest.raises(TypeError, match="'value'"):
            Timestamp(text="x", value="2025-07-13", earliest=NOW, latest=NOW)  # type: ignore[arg-type]


class TestRemoval:
    def test_negative_offsets_rejected(self):
        """Offsets are never negative."""
        with pytest.raises(ValueError, match="start"):
            Removal(filter="f", reason="r", text="x", start=-1, end=0)


class TestArticle:
    def test_collections_become_tuples(self):
        """Lists given to an article are stored as tuples."""
        article = Article(
            paragraphs=["a", "b"], captions=[Caption(text="c", credit="AFP")]
        )

        assert ("a", "b") == article.paragraphs
        assert (Caption(text="c", credit="AFP"),) == article.captions

    def test_text(self):
        """Article.text joins paragraphs with blank lines."""
        assert "a\n\nb" == Article(paragraphs=("a", "b")).text

    def test_frozen(self):
        """Models cannot be changed in place; evolve makes a changed copy."""
        article = Article(title="Old")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            article.title = "New"  # type: ignore[misc]
        assert "New" == attrs.evolve(article, title="New").title

    def test_related_item(self):
        """A related item keeps its source, body and captions."""
        item = RelatedItem(
            title="T", source=Source(name="DW"), body="B", captions=[Caption(text="c")]
        )

        assert ("DW", "B", (Caption(text="c"),)) == (
            item.source.name,
            item.body,
            item.captions,
        )

    @given(strategies.articles())
    def test_evolve_round_trip(self, article):
        """evolve with every field gives an equal article."""
        assert article == attrs.evolve(article, **attrs.asdict(article, recurse=False))
