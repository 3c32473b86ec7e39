"""
The fast paths of the expression grammars (`newsdump._lang._expr`)
against the general readers they stand for.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdump import times
from newsdump._lang import _expr


def _outcome(call: Callable[[], object]) -> object:
    """What *call* returns, or the type of what it raises."""
    try:
        return call()
    except (ValueError, OverflowError) as error:
        return type(error)


_AMOUNT_CHARS = "0123456789.,-/: ½٣߃ab"


@pytest.mark.parametrize("code", times.ALL_LANGUAGE_CODES)
def test_word_amounts_are_the_general_amounts(code: str) -> None:
    """Every number and vague word of a grammar is looked up as the
    general reader reads it, with any spacing."""
    grammar = _expr.grammar_for(code)
    for word in (*grammar.numbers, *grammar.vague):
        for raw in (word, f" {word}", word.replace(" ", "  ")):
            assert grammar._amount(raw) == grammar._general_amount(raw), (code, raw)


@given(
    st.sampled_from(["en", "fr", "de", "ar", "ru"]),
    st.one_of(
        st.text(alphabet=_AMOUNT_CHARS, min_size=1, max_size=12),
        st.builds(
            "{}{}{}".format,
            st.integers(0, 10**13).map(str),
            st.sampled_from([".", ",", "..", ".,"]),
            st.integers(0, 10**7).map(str),
        ),
    ),
)
@example("en", "2.5")
@example("en", "0,75")
@example("en", "1.2.3")
@example("en", "٣.٥")
def test_amount_is_the_general_amount(code: str, raw: str) -> None:
    """Decimals read directly, and anything else, give what the general
    reader gives, or fail as it fails."""
    grammar = _expr.grammar_for(code)
    fast = _outcome(lambda: grammar._amount(raw))
    assert fast == _outcome(lambda: grammar._general_amount(raw))


@pytest.mark.parametrize("code", times.ALL_LANGUAGE_CODES)
def test_glued_and_decimal_durations_are_read_as_part_reads_them(code: str) -> None:
    """`ExprGrammar._age` reads digits glued to a unit word ("11h") and a
    plain decimal, a space and a unit word ("1.5 hours") without running
    `part` over them: `part` must find exactly one part in each, the
    amount all of group "n" and the unit word all of "u"."""
    grammar = _expr.grammar_for(code)
    units = [w for w in grammar.unit_of if " " not in w]
    for amount, space in (("7", ""), ("12", ""), ("2.5", " "), ("0,75", " ")):
        for word in units:
            dur = f"{amount}{space}{word}"
            if space == "" and word.lstrip("0123456789") != word:
                continue  # not split so: read by `part`
            found = list(grammar.part.finditer(dur))
            assert len(found) == 1, (code, dur)
            groups = {k: v for k, v in found[0].groupdict().items() if v is not None}
            assert {"n": amount, "u": word} == groups, (code, dur)
            assert found[0].span() == (0, len(dur)), (code, dur)


@pytest.mark.parametrize(
    ("text", "parts", "step", "compact", "direction"),
    [
        ("3hrs", ((3.0, "hour"),), 1.0, True, 0),
        ("Reuters · 11h", ((11.0, "hour"),), 1.0, True, 0),
        ("-2d", ((2.0, "day"),), 1.0, True, -1),
        ("4mo", ((4.0, "month"),), 1.0, True, 0),
        ("1.5 hours ago", ((1.5, "hour"),), 0.1, False, -1),
        ("0,75 days ago", ((0.75, "day"),), 0.01, False, -1),
        ("in 2.25 weeks", ((2.25, "week"),), 0.01, False, 1),
    ],
)
def test_glued_and_decimal_durations_keep_their_amounts(
    text: str,
    parts: tuple[tuple[float, str], ...],
    step: float,
    compact: bool,
    direction: int,
) -> None:
    """A glued or decimal duration read without `part` keeps its amount,
    unit, precision and compactness."""
    (expr,) = _expr.grammar_for("en").scan(_expr.normalize(text))
    assert (parts, step, compact, direction) == (
        expr.parts,
        expr.step,
        expr.compact,
        expr.direction,
    )


@pytest.mark.parametrize("text", ["1000h", "2000s", "5000m"])
def test_glued_large_numbers_are_no_ages(text: str) -> None:
    """A glued number of a thousand or more is no age, as `part` reads it."""
    assert list(_expr.grammar_for("en").scan(text)) == []
