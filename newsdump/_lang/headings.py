"""
Headings that open a list of related stories, per language.

Data only: the text parser's generic layout and the HTML parser's related
block finder both read these tables. A heading is matched whole (ignoring
case and a final colon); a prefix matches the start of a heading such as
"More from DW".
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "RELATED_HEADINGS",
    "RELATED_PREFIXES",
    "all_headings",
    "all_prefixes",
    "is_listed_heading",
]

RELATED_HEADINGS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "Related",
        "Related articles",
        "Related stories",
        "Related content",
        "Related news",
        "Related coverage",
        "Read more",
        "Read next",
        "More stories",
        "More news",
        "More on this story",
        "You may also like",
        "You might also like",
        "Recommended",
        "Recommended for you",
        "Recommended stories",
        "Most popular",
        "Most read",
        "Most viewed",
        "Popular now",
        "Trending",
        "Trending now",
        "Top stories",
        "Latest news",
        "See also",
        "Also read",
        "What to read next",
    ),
    "de": (
        "Mehr zum Thema",
        "Das könnte Sie auch interessieren",
        "Das könnte dich auch interessieren",
        "Auch interessant",
        "Lesen Sie auch",
        "Lies auch",
        "Weitere Artikel",
        "Weitere Nachrichten",
        "Ähnliche Artikel",
        "Verwandte Artikel",
        "Meistgelesen",
        "Meistgelesene Artikel",
        "Am meisten gelesen",
        "Empfohlene Artikel",
    ),
    "fr": (
        "À lire aussi",
        "A lire aussi",
        "Lire aussi",
        "À lire également",
        "A lire également",
        "Sur le même sujet",
        "Articles similaires",
        "Articles liés",
        "Les plus lus",
        "Les plus populaires",
        "Vous aimerez aussi",
        "Vous aimerez peut-être aussi",
        "Vous pourriez aussi aimer",
        "Nos recommandations",
        "Voir aussi",
        "Dans la même rubrique",
    ),
    "es": (
        "Te puede interesar",
        "También te puede interesar",
        "Le puede interesar",
        "Noticias relacionadas",
        "Artículos relacionados",
        "Contenido relacionado",
        "Lo más leído",
        "Lo más visto",
        "Más leídas",
        "Lee también",
        "Lea también",
        "Te recomendamos",
        "Recomendados",
        "Más noticias",
        "Ver también",
    ),
    "it": (
        "Leggi anche",
        "Potrebbe interessarti",
        "Ti potrebbe interessare",
        "Potrebbe piacerti anche",
        "Articoli correlati",
        "Notizie correlate",
        "I più letti",
        "Più letti",
        "I più visti",
        "Vedi anche",
        "Altre notizie",
        "Consigliati",
    ),
    "nl": (
        "Lees ook",
        "Lees meer",
        "Meer nieuws",
        "Gerelateerd",
        "Gerelateerde artikelen",
        "Meest gelezen",
        "Aanbevolen",
        "Ook interessant",
        "Bekijk ook",
        "Dit vind je misschien ook interessant",
    ),
    "pt": (
        "Leia também",
        "Leia mais",
        "Veja também",
        "Você pode gostar",
        "Você também pode gostar",
        "Pode também gostar",
        "Notícias relacionadas",
        "Artigos relacionados",
        "Conteúdo relacionado",
        "Relacionadas",
        "Mais lidas",
        "Mais lidos",
        "As mais lidas",
        "Recomendados para você",
    ),
}
"""Whole headings of related-stories lists, by language code."""

RELATED_PREFIXES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("More from ", "More on ", "More stories from ", "Latest from "),
    "de": ("Mehr aus ", "Mehr zum Thema ", "Weitere Artikel zu "),
    "fr": ("Toute l'actualité ", "Toute l’actualité ", "Plus d'articles "),
    "es": ("Más noticias de ", "Más sobre "),
    "it": ("Altre notizie da ", "Altri articoli di "),
    "nl": ("Meer over ", "Meer nieuws over "),
    "pt": ("Mais notícias de ", "Mais sobre "),
}
"""Beginnings of related-stories headings ("More from DW"), by language.

Only beginnings that do not start ordinary sentences: "Plus de" or "Más de"
also start "Plus de 100 morts ...", so they are not here."""


def all_headings() -> tuple[str, ...]:
    """Every language's related headings, English first, without repeats."""
    return tuple(dict.fromkeys(h for hs in RELATED_HEADINGS.values() for h in hs))


def all_prefixes() -> tuple[str, ...]:
    """Every language's related-heading prefixes, English first."""
    return tuple(dict.fromkeys(p for ps in RELATED_PREFIXES.values() for p in ps))


_LISTED = frozenset(h.casefold() for h in all_headings())
_LISTED_PREFIXES = tuple(p.casefold().rstrip() for p in all_prefixes())


def is_listed_heading(label: str) -> bool:
    """
    Whether *label* is one of the tables' headings, or starts with one of
    their prefixes and a new word, ignoring case, runs of white space,
    curly apostrophes and final punctuation (``"Leia também:"``).
    """
    folded = " ".join(label.casefold().replace("’", "'").split()).rstrip(".…:!» ")
    if folded in _LISTED:
        return True
    return any(
        folded.startswith(prefix)
        and (len(folded) == len(prefix) or not folded[len(prefix)].isalnum())
        for prefix in _LISTED_PREFIXES
    )
