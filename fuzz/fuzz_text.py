"""
Coverage-guided fuzz target for `newsdump.parse_text` (atheris).

Run for ten minutes on the seed corpus::

    python fuzz/fuzz_text.py -max_total_time=600 -timeout=10 fuzz/corpus/text

Any exception other than `newsdump.NewsdumpError` is a finding: libFuzzer
stops and writes the input to ``crash-*`` in the working directory.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    from _common import NOW, as_text

    import newsdump


def test_one_input(data: bytes) -> None:
    """Parse *data* as bytes and as text; only NewsdumpError may escape."""
    for page in (data, as_text(data)):
        with contextlib.suppress(newsdump.NewsdumpError):
            newsdump.parse_text(page, now=NOW)


def main() -> None:
    """Hand the target to libFuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
