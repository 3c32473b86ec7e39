"""
Italian time words.
"""

from __future__ import annotations

from newsdump._lang._table import Language

__all__ = ["TABLE"]

TABLE = Language(
    code="it",
    units={
        "secondo": "second",
        "secondi": "second",
        "sec": "second",
        "minuto": "minute",
        "minuti": "minute",
        "min": "minute",
        "ora": "hour",
        "ore": "hour",
        "giorno": "day",
        "giorni": "day",
        "gg": "day",
        "settimana": "week",
        "settimane": "week",
        "mese": "month",
        "mesi": "month",
        "anno": "year",
        "anni": "year",
    },
    one=("un", "una", "uno", "un'", "un’"),
    ago_after=("fa",),
    just_now=(
        "adesso",
        "proprio ora",
        "ora",
        "poco fa",
        "pochi secondi fa",
        "qualche secondo fa",
        "in questo momento",
        "un attimo fa",
    ),
    today=("oggi",),
    earlier_today=("oggi più presto", "stamattina"),
    yesterday=("ieri",),
    day_before_yesterday=("l'altro ieri", "l'altroieri", "altroieri", "ieri l'altro"),
    weekdays=(
        ("lunedì", "lunedi", "lun"),
        ("martedì", "martedi", "mar."),
        ("mercoledì", "mercoledi", "mer"),
        ("giovedì", "giovedi", "gio"),
        ("venerdì", "venerdi", "ven"),
        ("sabato", "sab"),
        ("domenica", "dom"),
    ),
    months=(
        ("gennaio", "gen"),
        ("febbraio", "feb"),
        ("marzo", "mar"),
        ("aprile", "apr"),
        ("maggio", "mag"),
        ("giugno", "giu"),
        ("luglio", "lug"),
        ("agosto", "ago"),
        ("settembre", "set"),
        ("ottobre", "ott"),
        ("novembre", "nov"),
        ("dicembre", "dic"),
    ),
    last_after=("scorso", "scorsa"),
    at=("alle", "alle ore", "all'", "ore"),
    on=("il",),
    lead=("aggiornato", "aggiornato il", "pubblicato", "pubblicato il", "modificato"),
    over=("oltre", "più di"),
    almost=("quasi",),
    about=("circa",),
    under=("meno di",),
    joiners=("e",),
)
