"""
Lines that close an article in the text of a whole web page, per language.

Data only: the text parser reads these tables. After an article's body,
a page goes on with a comment section, an author box, a newsletter prompt,
"related posts" rails or a tag list; one of these lines, printed on its own
after the body, marks where the article has ended. A line is matched whole
(ignoring case and final ".", "…", ":" and "!"); a prefix matches the start
of a line followed by the end of a word ("About the author Jane Doe").
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BIO_VERBS",
    "COUNT_WORDS",
    "END_LINES",
    "END_PREFIXES",
    "STAMP_WORDS",
    "all_bio_verbs",
    "all_count_words",
    "all_end_lines",
    "all_end_prefixes",
    "all_stamp_words",
]

END_LINES: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        # comments
        "Leave a reply",
        "Leave a comment",
        "Post a comment",
        "Add a comment",
        "Write a comment",
        "Comments",
        "Join the conversation",
        "Join the discussion",
        "Cancel reply",
        "Reply",
        # author box
        "About the author",
        "About the authors",
        "Author",
        "Written by",
        # rails
        "Related posts",
        "Related reading",
        "Recent posts",
        "Latest posts",
        "Popular posts",
        "Similar posts",
        "More posts",
        "More articles",
        "More from the blog",
        "Keep reading",
        "Continue reading",
        "Further reading",
        "We recommend",
        "You may also be interested in",
        "You might also enjoy",
        "You may also enjoy",
        "More articles you might enjoy",
        "Read this next",
        "Up next",
        "You may also like these posts",
        "Explore more",
        "Explore more articles",
        "Related products",
        "Related resources",
        "More videos",
        "Post navigation",
        "Previous post",
        "Next post",
        "Older post",
        "Newer post",
        "Article sources",
        "How we reviewed this article",
        "Did you like this article?",
        "Did you enjoy this article?",
        "Did you find the article helpful?",
        "Help us improve",
        "Connect with us",
        # prompts and page furniture
        "Was this article helpful?",
        "Was this page helpful?",
        "Did you find this article helpful?",
        "Search for",
        "Tags",
        "Filed under",
        "Subscribe to our newsletter",
        "Sign up for our newsletter",
        "Join our newsletter",
        "Enter your email",
        "Enter your email address",
    ),
    "de": (
        "Kommentar schreiben",
        "Kommentare",
        "Antworten",
        "Schreibe einen Kommentar",
        "Über den Autor",
        "Über die Autorin",
        "Beitragsnavigation",
        "Vorheriger Beitrag",
        "Nächster Beitrag",
        "Ähnliche Beiträge",
        "Neueste Beiträge",
        "Weitere Beiträge",
        "War dieser Artikel hilfreich?",
        "Schlagwörter",
        "Newsletter abonnieren",
    ),
    "fr": (
        "Laisser un commentaire",
        "Laisser une réponse",
        "Commentaires",
        "Répondre",
        "À propos de l'auteur",
        "À propos de l’auteur",
        "Navigation de l'article",
        "Article précédent",
        "Article suivant",
        "Articles récents",
        "Articles similaires",
        "Cet article vous a-t-il été utile ?",
        "Inscrivez-vous à notre newsletter",
        "Abonnez-vous à notre newsletter",
    ),
    "es": (
        "Deja un comentario",
        "Deja una respuesta",
        "Comentarios",
        "Responder",
        "Sobre el autor",
        "Acerca del autor",
        "Navegación de entradas",
        "Entrada anterior",
        "Entrada siguiente",
        "Entradas relacionadas",
        "Entradas recientes",
        "Artículos recientes",
        "¿Te ha resultado útil este artículo?",
        "Suscríbete a nuestra newsletter",
        "Suscríbete a nuestro boletín",
    ),
    "it": (
        "Lascia un commento",
        "Lascia una risposta",
        "Commenti",
        "Rispondi",
        "L'autore",
        "Sull'autore",
        "Navigazione articoli",
        "Articolo precedente",
        "Articolo successivo",
        "Articoli recenti",
        "Articoli simili",
        "Iscriviti alla newsletter",
    ),
    "nl": (
        "Laat een reactie achter",
        "Plaats een reactie",
        "Reacties",
        "Beantwoorden",
        "Over de auteur",
        "Berichtnavigatie",
        "Vorig bericht",
        "Volgend bericht",
        "Recente berichten",
        "Gerelateerde berichten",
        "Schrijf je in voor onze nieuwsbrief",
    ),
    "pt": (
        "Deixe um comentário",
        "Deixe uma resposta",
        "Comentários",
        "Responder",
        "Sobre o autor",
        "Navegação de posts",
        "Post anterior",
        "Próximo post",
        "Posts relacionados",
        "Artigos relacionados",
        "Posts recentes",
        "Assine nossa newsletter",
    ),
}
"""Whole lines that close an article, by language."""

END_PREFIXES: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "About the author",
        "Written by",
        "Related posts",
        "Leave a reply",
        "Leave a comment",
        "Post a comment",
        "Add a comment",
        "Previous post",
        "Next post",
        "Older post",
        "Newer post",
        "Subscribe to our newsletter",
        "Sign up for our newsletter",
        "Get the latest",
        "Posted by",
        "Labels:",
        "Thanks for reading",
        "Thank you for reading",
    ),
    "de": (
        "Über den Autor",
        "Über die Autorin",
        "Melden Sie sich für unseren",
        "Schreibe einen Kommentar",
        "Kommentar schreiben",
        "Vorheriger Beitrag",
        "Nächster Beitrag",
    ),
    "fr": (
        "À propos de l'auteur",
        "À propos de l’auteur",
        "Inscrivez-vous à notre",
        "Laisser un commentaire",
        "Laisser une réponse",
        "Article précédent",
        "Article suivant",
    ),
    "es": (
        "Sobre el autor",
        "Suscríbete a nuestro",
        "Suscríbete a nuestra",
        "Deja un comentario",
        "Deja una respuesta",
        "Entrada anterior",
        "Entrada siguiente",
    ),
    "it": (
        "Iscriviti alla nostra",
        "Iscriviti alla newsletter",
        "Lascia un commento",
        "Lascia una risposta",
        "Articolo precedente",
        "Articolo successivo",
    ),
    "nl": (
        "Over de auteur",
        "Schrijf je in voor onze",
        "Laat een reactie achter",
        "Plaats een reactie",
        "Vorig bericht",
        "Volgend bericht",
    ),
    "pt": (
        "Sobre o autor",
        "Assine nossa",
        "Inscreva-se na nossa",
        "Deixe um comentário",
        "Deixe uma resposta",
        "Post anterior",
        "Próximo post",
    ),
}
"""Beginnings of lines that close an article, by language."""


COUNT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("comment", "comments", "response", "responses", "replies", "thoughts on"),
    "de": ("Kommentar", "Kommentare", "Antworten"),
    "fr": ("commentaire", "commentaires", "réponses"),
    "es": ("comentario", "comentarios", "respuestas"),
    "it": ("commento", "commenti", "risposte"),
    "nl": ("reactie", "reacties"),
    "pt": ("comentário", "comentários", "respostas"),
}
"""Words after a number that head a comment section ("12 Comments",
"2 responses to ..."), by language."""


STAMP_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("at",),
    "de": ("um",),
    "fr": ("à",),
    "es": ("a las", "a la"),
    "it": ("alle", "all'"),
    "nl": ("om",),
    "pt": ("às", "as"),
}
"""Words between the date and the clock time of a comment's stamp
("April 27, 2009 at 8:59 AM"), by language."""


BIO_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "is",
        "was",
        "has",
        "joined",
        "leads",
        "lives",
        "writes",
        "covers",
        "holds",
        "brings",
        "serves",
        "specializes",
        "specialises",
        "loves",
    ),
    "de": ("ist", "war", "hat", "lebt", "schreibt", "leitet", "arbeitet"),
    "fr": ("est", "a", "vit", "écrit", "dirige", "travaille"),
    "es": ("es", "fue", "ha", "vive", "escribe", "dirige", "trabaja"),
    "it": ("è", "ha", "vive", "scrive", "dirige", "lavora"),
    "nl": ("is", "was", "heeft", "woont", "schrijft", "leidt", "werkt"),
    "pt": ("é", "foi", "tem", "vive", "escreve", "dirige", "trabalha"),
}
"""Verbs that follow a person's name at the start of an author box
("Jane Doe is a ...", "Jane joined ..."), by language."""


def all_bio_verbs() -> tuple[str, ...]:
    """Every language's author-box verbs, English first."""
    return tuple(dict.fromkeys(w for ws in BIO_VERBS.values() for w in ws))


def all_stamp_words() -> tuple[str, ...]:
    """Every language's stamp words, English first."""
    return tuple(dict.fromkeys(w for ws in STAMP_WORDS.values() for w in ws))


def all_count_words() -> tuple[str, ...]:
    """Every language's comment-count words, English first."""
    return tuple(dict.fromkeys(w for ws in COUNT_WORDS.values() for w in ws))


def all_end_lines() -> tuple[str, ...]:
    """Every language's closing lines, English first, without repeats."""
    return tuple(dict.fromkeys(h for hs in END_LINES.values() for h in hs))


def all_end_prefixes() -> tuple[str, ...]:
    """Every language's closing-line beginnings, English first."""
    return tuple(dict.fromkeys(p for ps in END_PREFIXES.values() for p in ps))
