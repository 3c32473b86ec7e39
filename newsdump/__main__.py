"""Run the command line as ``python -m newsdump``."""

from __future__ import annotations

import sys

from newsdump.cli import main

if __name__ == "__main__":
    sys.exit(main())
