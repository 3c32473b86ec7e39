"""
Shared pytest configuration: Hypothesis profiles.

Select one with ``pytest --hypothesis-profile=long`` (Hypothesis's own
option) or ``HYPOTHESIS_PROFILE=long pytest``; "ci" is the default.
"""

from __future__ import annotations

import os

from hypothesis import settings

# "ci" is derandomized: a run on the same code explores the same examples,
# so CI is reproducible; "long" explores afresh each time.
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
