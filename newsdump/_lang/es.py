"""
Spanish time words.
"""

from __future__ import annotations

from newsdump._lang._table import Language

__all__ = ["TABLE"]

TABLE = Language(
    code="es",
    units={
        "segundo": "second",
        "segundos": "second",
        "seg": "second",
        "minuto": "minute",
        "minutos": "minute",
        "min": "minute",
        "hora": "hour",
        "horas": "hour",
        "h": "hour",
        "día": "day",
        "días": "day",
        "dia": "day",
        "dias": "day",
        "semana": "week",
        "semanas": "week",
        "mes": "month",
        "meses": "month",
        "año": "year",
        "años": "year",
    },
    one=("un", "una", "uno"),
    ago_before=("hace",),
    just_now=(
        "ahora",
        "ahora mismo",
        "justo ahora",
        "hace unos segundos",
        "hace un momento",
        "hace unos instantes",
        "hace instantes",
    ),
    today=("hoy",),
    earlier_today=("hoy más temprano", "más temprano hoy"),
    yesterday=("ayer",),
    day_before_yesterday=("anteayer", "antier", "antes de ayer"),
    weekdays=(
        ("lunes", "lun", "lun."),
        ("martes", "mar."),
        ("miércoles", "miercoles", "mié", "mie"),
        ("jueves", "jue", "jue."),
        ("viernes", "vie", "vie."),
        ("sábado", "sabado", "sáb", "sab"),
        ("domingo", "dom", "dom."),
    ),
    months=(
        ("enero", "ene"),
        ("febrero", "feb"),
        ("marzo", "mar"),
        ("abril", "abr"),
        ("mayo", "may"),
        ("junio", "jun"),
        ("julio", "jul"),
        ("agosto", "ago"),
        ("septiembre", "setiembre", "sep", "sept"),
        ("octubre", "oct"),
        ("noviembre", "nov"),
        ("diciembre", "dic"),
    ),
    last_before=("el pasado", "pasado"),
    last_after=("pasado",),
    at=("a las", "a la"),
    on=("el",),
    future_before=("en", "dentro de"),
    lead=("actualizado", "actualizado el", "publicado", "publicado el", "modificado"),
    over=("más de",),
    almost=("casi",),
    about=("aproximadamente", "alrededor de", "cerca de", "unos", "unas"),
    under=("menos de",),
    joiners=("y",),
)
