"""
Tests for the exception hierarchy in newsdump._exceptions.
"""

from __future__ import annotations

import re

import pytest

import newsdump
from newsdump import _exceptions

ERRORS = [
    newsdump.NewsdumpError,
    newsdump.ParseError,
    newsdump.DecodeError,
    newsdump.RelativeTimeError,
    newsdump.LimitError,
    newsdump.FilterError,
]


def docstring_tree() -> dict[str, tuple[str, ...]]:
    """The classes drawn in the module docstring, each with its bases."""
    tree: dict[str, tuple[str, ...]] = {}
    parents: list[str] = []
    for line in (_exceptions.__doc__ or "").splitlines():
        found = re.match(r"^\s*([│ ]*)(?:[├└]── )?(\w+Error)(?:\(([^)]*)\))?", line)
        if found is None:
            continue
        depth = len(found[1]) // 4 + (1 if "──" in line else 0)
        name = found[2]
        del parents[depth:]
        if found[3]:
            bases = tuple(b.strip() for b in found[3].split(","))
        else:
            bases = (parents[-1],)
        tree[name] = bases
        parents.append(name)
    return tree


class TestHierarchy:
    @pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
    def test_everything_is_a_newsdump_error(self, error):
        """One except clause catches every deliberate error."""
        assert issubclass(error, newsdump.NewsdumpError)

    @pytest.mark.parametrize(
        "error",
        [
            newsdump.ParseError,
            newsdump.DecodeError,
            newsdump.RelativeTimeError,
            newsdump.LimitError,
        ],
        ids=lambda e: e.__name__,
    )
    def test_parse_errors_are_value_errors(self, error):
        """Callers who only know ValueError still catch input errors."""
        assert issubclass(error, ValueError)

    def test_filter_error_is_not_a_value_error(self):
        """A broken filter is not bad input."""
        assert not issubclass(newsdump.FilterError, ValueError)

    def test_docstring_tree_matches_the_classes(self):
        """The tree drawn in the module docstring is the real hierarchy."""
        real = {
            error.__name__: tuple(
                base.__name__ for base in error.__bases__ if base is not Exception
            )
            or ("Exception",)
            for error in ERRORS
        }

        assert real == docstring_tree()

    def test_all_are_exported(self):
        """Every error is public and listed in newsdump.__all__."""
        assert {e.__name__ for e in ERRORS} <= set(newsdump.__all__)


class TestMessages:
    def test_locator_prefixes_the_message(self):
        """A ParseError with a locator says where, then what."""
        error = newsdump.ParseError("bad byte", locator="byte 7")

        assert ("byte 7: bad byte", "byte 7") == (str(error), error.locator)

    def test_no_locator(self):
        """Without a locator the message stands alone."""
        error = newsdump.LimitError("too big")

        assert ("too big", None) == (str(error), error.locator)

    def test_filter_error_names_the_filter(self):
        """FilterError carries the filter's name."""
        error = newsdump.FilterError("boom", filter_name="promo")

        assert ("boom", "promo") == (str(error), error.filter_name)

    def test_decode_error_says_where(self):
        """Undecodable bytes give the offset of the first bad byte."""
        with pytest.raises(newsdump.DecodeError) as info:
            newsdump.parse_text(b"Title\nok \xff here\n")

        assert "byte 9" == info.value.locator

    def test_limit_error_says_which_limit(self):
        """A LimitError names the limit and how to change it."""
        with pytest.raises(newsdump.LimitError) as info:
            newsdump.parse_html("<p>" * 10, limits=newsdump.Limits(max_size=5))

        assert "Limits.max_size" in str(info.value)
        assert "offset 5" == info.value.locator

    def test_filter_exceptions_are_wrapped(self):
        """A filter that raises becomes a FilterError with the cause kept."""

        def broken(block):
            raise KeyError(block.text)

        with pytest.raises(newsdump.FilterError) as info:
            newsdump.parse_text("Title\nBody line.\n", filters=(broken,))

        assert "broken" == info.value.filter_name
        assert isinstance(info.value.__cause__, KeyError)
