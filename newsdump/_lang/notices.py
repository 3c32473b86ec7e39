"""
The words of cookie and consent notices, per language.

Data only: the `cookie_notice` text filter reads these tables. A notice
names cookies ("cookie" is the word in all seven languages) and asks for
consent, with one of its language's cue words.
"""

from __future__ import annotations

from typing import Final

__all__ = ["COOKIE_CUES", "COOKIE_WORD", "all_cookie_cues"]

COOKIE_WORD: Final = "cookie"
"""The word every notice names, case-folded; it also matches "cookies"."""

COOKIE_CUES: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "we use",
        "this site uses",
        "this website uses",
        "uses cookies",
        "accept",
        "consent",
        "agree",
        "allow",
        "reject",
        "decline",
        "privacy",
        "browsing",
        "preferences",
        "settings",
        "manage",
    ),
    "de": (
        "wir verwenden",
        "wir nutzen",
        "verwendet cookies",
        "akzeptieren",
        "zustimmen",
        "einwilligung",
        "ablehnen",
        "datenschutz",
        "einstellungen",
    ),
    "fr": (
        "nous utilisons",
        "utilise des cookies",
        "accepter",
        "j'accepte",
        "consentement",
        "refuser",
        "confidentialité",
        "paramètres",
        "navigation",
    ),
    "es": (
        "utilizamos",
        "usamos",
        "utiliza cookies",
        "aceptar",
        "acepto",
        "consentimiento",
        "rechazar",
        "privacidad",
        "configuración",
        "navegación",
    ),
    "it": (
        "utilizziamo",
        "usiamo",
        "utilizza cookie",
        "accetta",
        "accetto",
        "consenso",
        "rifiuta",
        "privacy",
        "impostazioni",
        "navigazione",
    ),
    "nl": (
        "wij gebruiken",
        "we gebruiken",
        "gebruikt cookies",
        "accepteren",
        "akkoord",
        "toestemming",
        "weigeren",
        "privacy",
        "instellingen",
    ),
    "pt": (
        "utilizamos",
        "usamos",
        "utiliza cookies",
        "aceitar",
        "aceito",
        "consentimento",
        "rejeitar",
        "privacidade",
        "configurações",
        "navegação",
    ),
}
"""Words that, with "cookie", make a line a consent notice, by language
(case-folded; matched anywhere in the line)."""


def all_cookie_cues() -> tuple[str, ...]:
    """Every language's cue words, English first, without repeats."""
    return tuple(dict.fromkeys(c.casefold() for cs in COOKIE_CUES.values() for c in cs))
