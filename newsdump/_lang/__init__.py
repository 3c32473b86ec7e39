"""
Language tables for time resolution: one module per language, data only.

To add a language, write a module with a `Language` named ``TABLE`` and
add it to `LANGUAGES`.
"""

from __future__ import annotations

from newsdump._lang import de, en, es, fr, it, nl, pt
from newsdump._lang._table import Language, Unit

__all__ = ["LANGUAGES", "Language", "Unit"]

LANGUAGES: tuple[Language, ...] = (
    en.TABLE,
    de.TABLE,
    fr.TABLE,
    es.TABLE,
    it.TABLE,
    pt.TABLE,
    nl.TABLE,
)
"""Every shipped table, English first (earlier tables win on conflicts)."""
