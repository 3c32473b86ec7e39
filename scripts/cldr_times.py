"""
Regenerate the CLDR time tables in ``newsdump/_lang/cldr/`` from the Unicode
CLDR data that Babel ships.

    python scripts/cldr_times.py

Babel is a development dependency (``pip install -e '.[tests]'``); newsdump
never imports it at run time.
For each language in `LANGUAGES` it writes one data module holding:

- ``UNITS``: unit names (every width and plural form) mapped to their unit;
- ``PAST`` and ``FUTURE``: the relative-time patterns of every width and
  plural form, split around the number into (before, after) and mapped to
  their unit, such as ``("", "hours ago"): "hour"``;
- ``FIXED``: patterns that spell their number out ("قبل ساعتين", two hours
  ago), mapped to a signed count and unit;
- ``COUNTED``: unit names that carry their count ("ساعتان", two hours),
  mapped to the count and unit;
- ``RELATIVE``: named days and periods ("yesterday", "last week", "next
  Monday") mapped to (unit, offset);
- ``WEEKDAYS`` and ``MONTHS``: full and abbreviated names, format and
  stand-alone forms, to their index (Monday 0, January 1);
- ``DIGITS``: the digits of each numbering system the language uses.

Every string is lower-cased and its white space squashed to single spaces,
as the resolver normalises the text it reads.
A combined ``_index.py`` maps each language to its script and each keyword
(a word of a pattern or a named day) to the languages that use it, so the
resolver can choose languages without loading their tables.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

try:
    import babel
    from babel import Locale
except ImportError:  # pragma: no cover - a development script
    sys.exit("Babel is missing: pip install -e '.[tests]'")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "newsdump" / "_lang" / "cldr"
sys.path.insert(0, str(ROOT))  # the checkout's newsdump, whatever is installed

from newsdump.times import _SCRIPT_RANGES  # noqa: E402

LANGUAGES = (
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "ar",
    "zh",
    "ja",
    "ko",
    "ru",
    "pl",
    "tr",
    "hi",
    "id",
    "he",
    "fa",
    "vi",
    "th",
    "uk",
    "cs",
    "sk",
    "hu",
    "ro",
    "bg",
    "el",
    "sv",
    "da",
    "nb",
    "fi",
    "et",
    "lv",
    "lt",
    "hr",
    "sr",
    "sl",
    "ca",
    "ms",
    "bn",
    "ur",
    "ta",
    "fil",
    "sw",
    "af",
    "gl",
    "eu",
    "mr",
    "te",
    "kk",
    "az",
)

# CLDR field names of the units an age is counted in.
UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
EXTRA_DURATIONS = ("decade", "century")
WEEKDAY_FIELDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PERIOD_FIELDS = (*UNITS, "quarter", *WEEKDAY_FIELDS)
WIDTHS = ("", "-short", "-narrow")
# The zero of each decimal numbering system CLDR names as a default or
# native system; the other nine digits follow it in Unicode.
ZEROS = {
    "latn": "0",
    "arab": "\u0660",
    "arabext": "\u06f0",
    "deva": "\u0966",
    "beng": "\u09e6",
    "tamldec": "\u0be6",
    "telu": "\u0c66",
    "thai": "\u0e50",
    "mymr": "\u1040",
    "khmr": "\u17e0",
    "laoo": "\u0ed0",
    "gujr": "\u0ae6",
    "guru": "\u0a66",
    "knda": "\u0ce6",
    "mlym": "\u0d66",
    "orya": "\u0b66",
    "fullwide": "\uff10",
}
# Scripts by code point ranges, the table the run-time language choice uses;
# the first letter of a language's month names tells its script.
SCRIPTS = _SCRIPT_RANGES


def norm(text: str) -> str:
    """Lower-case, squash white space and unify apostrophes and minus signs,
    as `newsdump._lang.cldr` does at run time."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2212", "-")
    return " ".join(text.split())


def script_of(text: str) -> str:
    for char in text:
        if not char.isalpha():
            continue
        point = ord(char)
        for name, lo, hi in SCRIPTS:
            if lo <= point <= hi:
                return name
        return "Latn"
    return "Latn"


def plain(value: Any) -> Any:
    """Babel's lazy data dicts as plain dicts."""
    try:
        return {key: plain(value[key]) for key in value}
    except (TypeError, KeyError, IndexError):
        return value


def split_pattern(pattern: str) -> tuple[str, str] | None:
    if "{0}" not in pattern:
        return None
    before, after = pattern.split("{0}", 1)
    return norm(before), norm(after)


def add(table: dict[Any, Any], key: Any, value: Any) -> None:
    """Keep the first meaning of a key: CLDR's own ambiguities (a word for
    two units) are settled by the order units are listed in."""
    if key and key not in table:
        table[key] = value


def language(code: str) -> dict[str, Any]:
    locale = Locale.parse(code)
    data = locale._data  # noqa: SLF001 - Babel exposes these tables only here
    fields = data["date_fields"]
    unit_patterns = data["unit_patterns"]
    units: dict[str, str] = {}
    fixed: dict[str, tuple[int, str]] = {}
    counted: dict[str, tuple[int, str]] = {}
    counts = {"zero": 0, "one": 1, "two": 2}
    for unit in (*UNITS, *EXTRA_DURATIONS):
        for width in ("long", "short", "narrow"):
            forms = plain(unit_patterns.get(f"duration-{unit}", {}).get(width) or {})
            for form, pattern in forms.items():
                if form == "per":
                    continue
                parts = split_pattern(pattern)
                if parts is not None:
                    add(units, parts[0] or parts[1], unit)
                elif form in counts:
                    add(counted, norm(pattern), (counts[form], unit))
    past: dict[tuple[str, str], str] = {}
    future: dict[tuple[str, str], str] = {}
    relative: dict[str, tuple[str, int]] = {}
    for unit in PERIOD_FIELDS:
        for width in WIDTHS:
            if unit in WEEKDAY_FIELDS and width == "-narrow":
                continue  # one-letter weekdays ("last M") name nothing
            field = plain(fields.get(unit + width) or {})
            for direction, table, sign in (("past", past, -1), ("future", future, 1)):
                for form, pattern in (field.get(direction) or {}).items():
                    parts = split_pattern(pattern)
                    if parts is not None:
                        if unit in UNITS:
                            add(table, parts, unit)
                    elif form in counts and unit in UNITS:
                        add(fixed, norm(pattern), (sign * counts[form], unit))
            for offset, phrase in sorted((field.get("relative") or {}).items()):
                add(relative, norm(phrase), (unit, int(offset)))
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated", "short"):
            for index, name in plain(locale.days[context].get(width) or {}).items():
                add(weekdays, norm(name).rstrip("."), int(index))
        for width in ("wide", "abbreviated"):
            for index, name in plain(locale.months[context].get(width) or {}).items():
                add(months, norm(name).rstrip("."), int(index))
    systems = [locale.default_numbering_system]
    systems += [name for name in plain(locale.other_numbering_systems).values() if name]
    digits = []
    for system in systems:
        zero = ZEROS.get(system)
        if zero is not None:
            run = "".join(chr(ord(zero) + i) for i in range(10))
            if run not in digits:
                digits.append(run)
    return {
        "CODE": code,
        "SCRIPT": script_of("".join(months)),
        "DIGITS": tuple(digits),
        "UNITS": units,
        "PAST": past,
        "FUTURE": future,
        "FIXED": fixed,
        "COUNTED": counted,
        "RELATIVE": relative,
        "WEEKDAYS": weekdays,
        "MONTHS": months,
    }


TYPES = {
    "CODE": "str",
    "SCRIPT": "str",
    "DIGITS": "tuple[str, ...]",
    "UNITS": "dict[str, str]",
    "PAST": "dict[tuple[str, str], str]",
    "FUTURE": "dict[tuple[str, str], str]",
    "FIXED": "dict[str, tuple[int, str]]",
    "COUNTED": "dict[str, tuple[int, str]]",
    "RELATIVE": "dict[str, tuple[str, int]]",
    "WEEKDAYS": "dict[str, int]",
    "MONTHS": "dict[str, int]",
}


def literal(value: Any) -> str:
    """A Python literal, one item per line with a trailing comma, as the
    formatter keeps it."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = "".join(f"    {k!r}: {v!r},\n" for k, v in value.items())
        return "{\n" + items + "}"
    if isinstance(value, tuple):
        if not value:
            return "()"
        return "(\n" + "".join(f"    {v!r},\n" for v in value) + ")"
    return repr(value)


def header(what: str) -> str:
    return (
        f'"""\n{what}\n\nGenerated by scripts/cldr_times.py from the CLDR data of '
        f'Babel {babel.__version__}; do not edit.\n"""\n\n'
    )


def write(code: str, table: dict[str, Any]) -> None:
    body = [header(f"CLDR time words for {code!r}.")]
    for name, value in table.items():
        body.append(f"{name}: {TYPES[name]} = {literal(value)}\n")
    path = OUT / f"{code.replace('-', '_')}.py"
    path.write_text("\n".join(body), encoding="utf-8")


def keywords(table: dict[str, Any]) -> set[str]:
    """Words that tell a language: the runs of letters around the number in
    its patterns and in its named days."""
    texts = [*table["RELATIVE"], *table["FIXED"]]
    for before, after in (*table["PAST"], *table["FUTURE"]):
        texts += [before, after]
    words = set()
    for text in texts:
        # Runs of letters, as the resolver splits the text it reads.
        words.update(re.findall(r"[^\W\d_]+", text))
    return words


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    scripts: dict[str, str] = {}
    index: dict[str, list[str]] = {}
    for code in LANGUAGES:
        table = language(code)
        write(code, table)
        scripts[code] = table["SCRIPT"]
        for word in sorted(keywords(table)):
            index.setdefault(word, []).append(code)
    body = [header("Which CLDR table to load: each language's script and keywords.")]
    body.append(f"CODES: tuple[str, ...] = {literal(tuple(LANGUAGES))}\n")
    body.append(f"SCRIPTS: dict[str, str] = {literal(scripts)}\n")
    frozen = {word: tuple(codes) for word, codes in sorted(index.items())}
    body.append(f"KEYWORDS: dict[str, tuple[str, ...]] = {literal(frozen)}\n")
    (OUT / "_index.py").write_text("\n".join(body), encoding="utf-8")
    (OUT / "__init__.py").write_text(
        header("Time tables generated from Unicode CLDR, one module per language."),
        encoding="utf-8",
    )
    # The formatter's quotes and wrapping, so a regenerated table diffs cleanly.
    command = [sys.executable, "-m", "ruff", "format", "-q", str(OUT)]
    subprocess.run(command, check=False)
    print(f"wrote {len(LANGUAGES)} languages to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
