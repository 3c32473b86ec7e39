"""Tests for the filter chain runner and the chain-composition helpers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump import Caption, FilterError, filters
from newsdump.filters import Block, Decision, Trim, run_filters


def _block(text: str, offset: int = 0) -> Block:
    return Block(text=text, start=offset, end=offset + len(text))


def drop_ads(block: Block) -> Decision | None:
    if block.text.startswith("AD"):
        return Decision(keep=False, reason="advert", detail="starts with AD")
    return None


def cut_xx(block: Block) -> Trim | None:
    spans = []
    at = block.text.find("XX")
    while at >= 0:
        spans.append((at, at + 2))
        at = block.text.find("XX", at + 2)
    return Trim(spans=spans, reason="xx") if spans else None


class TestRunFilters:
    def test_unmatched_block_is_kept_with_reason(self) -> None:
        """A block no filter decides on is kept as 'no-filter-matched'."""
        (outcome,) = run_filters([_block("hello")], [drop_ads])

        assert (True, "", "no-filter-matched") == (
            outcome.kept,
            outcome.filter,
            outcome.reason,
        )

    def test_drop_records_whole_block(self) -> None:
        """A dropping Decision removes the block and records it with offsets."""
        source = "....AD buy now"
        (outcome,) = run_filters([_block(source[4:], 4)], [drop_ads])

        (removal,) = outcome.removals
        assert not outcome.kept
        assert ("drop_ads", "advert", "AD buy now", 4, 14) == (
            removal.filter,
            removal.reason,
            removal.text,
            removal.start,
            removal.end,
        )
        assert source[removal.start : removal.end] == removal.text

    def test_keep_decision_ends_chain(self) -> None:
        """A keeping Decision protects the block from later filters."""

        def protect(block: Block) -> Decision:
            return Decision(keep=True, reason="protected")

        (outcome,) = run_filters([_block("AD but protected")], [protect, drop_ads])

        assert (True, "protect", "protected") == (
            outcome.kept,
            outcome.filter,
            outcome.reason,
        )

    def test_trim_cuts_spans_and_chain_goes_on(self) -> None:
        """A Trim removes spans, squashes the joints and later filters run."""
        source = "0123hello XX world XX end"
        (outcome,) = run_filters([_block(source[4:], 4)], [cut_xx, drop_ads])

        assert "hello world end" == outcome.block.text
        assert [source[r.start : r.end] for r in outcome.removals] == [
            r.text for r in outcome.removals
        ]
        assert ["XX", "XX"] == [r.text for r in outcome.removals]

    def test_trim_then_drop_maps_to_input(self) -> None:
        """After a trim, a drop records the remaining pieces at input offsets."""
        source = "ADXX rest"

        def drop_all(block: Block) -> Decision:
            return Decision(keep=False, reason="all")

        (outcome,) = run_filters([_block(source)], [cut_xx, drop_all])

        texts = sorted((r.start, r.text) for r in outcome.removals)
        assert [(0, "AD"), (2, "XX"), (5, "rest")] == texts

    def test_trim_with_captions_moves_text(self) -> None:
        """Spans of a caption Trim become captions, not removals."""
        caption = Trim(
            spans=((6, 14),),
            reason="caption",
            captions=(Caption(text="A photo", credit="AFP"),),
        )
        (outcome,) = run_filters([_block("Story. Photo X")], [lambda _b: caption])

        assert "Story." == outcome.block.text
        assert () == outcome.removals
        assert "AFP" == outcome.captions[0].credit

    def test_emptied_block_is_not_kept(self) -> None:
        """A block trimmed to nothing is not kept."""
        (outcome,) = run_filters([_block("XX XX")], [cut_xx])

        assert (False, "emptied") == (outcome.kept, outcome.reason)

    def test_raising_filter_becomes_filter_error(self) -> None:
        """An exception inside a filter is wrapped in FilterError with its name."""

        def broken(block: Block) -> None:
            raise RuntimeError("boom")

        with pytest.raises(FilterError, match="broken") as info:
            run_filters([_block("x")], [broken])

        assert "broken" == info.value.filter_name

    def test_wrong_return_type_is_filter_error(self) -> None:
        """A filter returning something other than a decision is an error."""

        def sloppy(block: Block) -> object:
            return True

        with pytest.raises(FilterError, match="expected Decision, Trim or None"):
            run_filters([_block("x")], [sloppy])  # type: ignore[list-item]

    def test_each_filter_called_once_per_block(self) -> None:
        """The runner asks every filter at most once per block, even after a trim."""
        calls: list[tuple[str, str]] = []

        def spy(name: str):  # type: ignore[no-untyped-def]
            def flt(block: Block) -> None:
                calls.append((name, block.text))

            flt.__name__ = name
            return flt

        run_filters(
            [_block("aXXb"), _block("plain")], [spy("first"), cut_xx, spy("last")]
        )

        assert [
            ("first", "aXXb"),
            ("last", "a b"),
            ("first", "plain"),
            ("last", "plain"),
        ] == calls

    def test_raising_filter_after_others_is_named(self) -> None:
        """The FilterError names the filter that raised, not the one before it."""

        def late(block: Block) -> None:
            raise ValueError("late failure")

        with pytest.raises(FilterError) as info:
            run_filters([_block("ADX")], [cut_xx, late])

        assert "late" == info.value.filter_name

    def test_list_chain_changed_between_calls(self) -> None:
        """A list used as a chain is read afresh on every call."""
        chain: list[filters.Filter] = []
        block = _block("AD here")
        before = run_filters([block], chain)
        chain.append(drop_ads)
        after = run_filters([block], chain)

        assert (True, False) == (before[0].kept, after[0].kept)

    @given(
        st.text(alphabet="abX ", max_size=60),
        st.integers(min_value=0, max_value=20),
    )
    def test_trim_removals_point_into_input(self, text: str, offset: int) -> None:
        """Every removal's text is the input at its offsets, after any trims."""
        source = "#" * offset + text
        outcomes = run_filters([_block(text, offset)], [cut_xx, cut_xx])

        for removal in outcomes[0].removals:
            assert source[removal.start : removal.end] == removal.text


class TestFilterName:
    def test_function_name(self) -> None:
        """A function is named by __name__."""
        assert "drop_ads" == filters.filter_name(drop_ads)

    def test_name_attribute_wins(self) -> None:
        """A 'name' attribute overrides the class name."""

        class Custom:
            name = "custom-one"

            def __call__(self, block: Block) -> None:
                return None

        assert "custom-one" == filters.filter_name(Custom())

    def test_class_name_fallback(self) -> None:
        """An instance without name or __name__ is named by its class."""

        class Plain:
            def __call__(self, block: Block) -> None:
                return None

        assert "Plain" == filters.filter_name(Plain())


class TestComposition:
    def test_without_removes_by_name(self) -> None:
        """without() drops the named filters and keeps the order of the rest."""
        assert (cut_xx,) == filters.without((drop_ads, cut_xx), "drop_ads")

    def test_without_unknown_name_raises(self) -> None:
        """A typo in without() is an error, not a silent no-op."""
        with pytest.raises(KeyError, match="nope"):
            filters.without((drop_ads,), "nope")

    def test_replacing_keeps_position(self) -> None:
        """replacing() swaps a filter in place."""

        def other(block: Block) -> None:
            return None

        assert (other, cut_xx) == filters.replacing(
            (drop_ads, cut_xx), "drop_ads", other
        )

    def test_replacing_unknown_name_raises(self) -> None:
        """replacing() an absent filter is an error."""
        with pytest.raises(KeyError):
            filters.replacing((drop_ads,), "nope", cut_xx)

    def test_load_unknown_raises(self) -> None:
        """load() of a name nobody registered raises KeyError."""
        with pytest.raises(KeyError, match="no filter named"):
            filters.load("surely-not-a-filter")

    def test_load_builtin(self) -> None:
        """load() finds built-in filters by name."""
        for flt in filters.DEFAULT_FILTERS:
            assert flt is filters.load(filters.filter_name(flt))


class TestBlock:
    def test_position(self) -> None:
        """position runs from 0 for the first block to 1 for the last."""
        assert (0.0, 0.5, 1.0) == tuple(
            Block(text="x", index=i, count=3).position for i in range(3)
        )

    def test_single_block_position(self) -> None:
        """A lone block sits at position 0."""
        assert 0.0 == Block(text="x").position
