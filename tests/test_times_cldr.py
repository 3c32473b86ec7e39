"""
Tests for the time tables generated from Unicode CLDR (newsdump/_lang/cldr):
they match what Babel says today, and the private accessors other modules
use return them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsdump._lang import CLDR_CODES, cldr_table, month_names, weekday_names

babel = pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parent.parent
# The languages the time tables must cover by name; more follow below.
NAMED = ("ar", "zh", "ja", "ko", "ru", "pl", "tr", "hi", "id", "he", "fa", "vi", "th")
REQUIRED = [
    *NAMED,
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
]


def test_at_least_forty_languages_with_the_required_ones() -> None:
    assert len(CLDR_CODES) >= 40
    assert set(REQUIRED) <= set(CLDR_CODES)


def _key(name: str) -> str:
    return " ".join(name.lower().replace("\u2019", "'").split()).rstrip(".")


@pytest.mark.parametrize("code", CLDR_CODES)
def test_month_and_weekday_names_match_babel(code: str) -> None:
    locale = babel.Locale.parse(code)
    spellings: dict[str, set[int]] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                spellings.setdefault(_key(name), set()).add(number)
    months = month_names(code)
    for key, numbers in spellings.items():
        # A spelling that names two months keeps the first.
        assert months[key] in numbers
    days = weekday_names(code)
    for index, name in locale.days["format"]["wide"].items():
        assert days[_key(name)] == index


def test_month_names_of_hand_written_tables_keep_their_extras() -> None:
    assert month_names("fr")["fevrier"] == 2
    assert month_names("fr")["février"] == 2
    assert month_names("ru")["июля"] == 7
    assert month_names("ru")["июль"] == 7
    assert weekday_names("de")["montag"] == 0


def test_accessors_return_copies_and_reject_unknown_codes() -> None:
    month_names("en").clear()
    assert month_names("en")["july"] == 7
    with pytest.raises(ValueError, match="no CLDR time table"):
        month_names("xx")


def test_digits_of_native_numbering_systems() -> None:
    assert "٠١٢٣٤٥٦٧٨٩" in cldr_table("ar").DIGITS
    assert "۰۱۲۳۴۵۶۷۸۹" in cldr_table("fa").DIGITS
    assert "०१२३४५६७८९" in cldr_table("hi").DIGITS
    assert "০১২৩৪৫৬৭৮৯" in cldr_table("bn").DIGITS
    assert "๐๑๒๓๔๕๖๗๘๙" in cldr_table("th").DIGITS


def test_generated_tables_are_what_the_generator_writes(tmp_path: Path) -> None:
    """Regenerate into a scratch copy and compare with the committed files."""
    pytest.importorskip("ruff")  # the generator formats its output with ruff
    spec = importlib.util.spec_from_file_location(
        "cldr_times", ROOT / "scripts" / "cldr_times.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path
    module.main()
    for path in sorted((ROOT / "newsdump" / "_lang" / "cldr").glob("*.py")):
        assert (tmp_path / path.name).read_text(encoding="utf-8") == path.read_text(
            encoding="utf-8"
        ), path.name
