"""
Dutch time words.
"""

from __future__ import annotations

from newsdump._lang._table import Language

__all__ = ["TABLE"]

TABLE = Language(
    code="nl",
    units={
        "seconde": "second",
        "seconden": "second",
        "sec": "second",
        "minuut": "minute",
        "minuten": "minute",
        "min": "minute",
        "uur": "hour",
        "uren": "hour",
        "u": "hour",
        "dag": "day",
        "dagen": "day",
        "week": "week",
        "weken": "week",
        "maand": "month",
        "maanden": "month",
        "jaar": "year",
        "jaren": "year",
    },
    one=("een", "één"),
    vague={"een paar": (2, 5), "enkele": (2, 5), "een aantal": (3, 9)},
    fractions={"half": 0.5, "een half": 0.5},
    ago_after=("geleden",),
    just_now=(
        "zojuist",
        "net",
        "nu",
        "enkele seconden geleden",
        "een paar seconden geleden",
        "zonet",
        "zo net",
        "op dit moment",
    ),
    today=("vandaag",),
    earlier_today=("eerder vandaag",),
    yesterday=("gisteren",),
    day_before_yesterday=("eergisteren",),
    weekdays=(
        ("maandag", "ma."),
        ("dinsdag", "di."),
        ("woensdag", "wo."),
        ("donderdag", "do."),
        ("vrijdag", "vr."),
        ("zaterdag", "za."),
        ("zondag", "zo."),
    ),
    months=(
        ("januari", "jan"),
        ("februari", "feb"),
        ("maart", "mrt"),
        ("april", "apr"),
        ("mei",),
        ("juni", "jun"),
        ("juli", "jul"),
        ("augustus", "aug"),
        ("september", "sep", "sept"),
        ("oktober", "okt"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    last_before=("afgelopen", "vorige", "vorig"),
    at=("om",),
    on=("op",),
    lead=(
        "bijgewerkt",
        "bijgewerkt op",
        "gepubliceerd",
        "gepubliceerd op",
        "gewijzigd",
    ),
    over=("meer dan", "ruim"),
    almost=("bijna",),
    about=("ongeveer", "circa", "zo'n"),
    under=("minder dan",),
    joiners=("en",),
)
