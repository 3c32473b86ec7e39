"""
Portuguese time words.
"""

from __future__ import annotations

from newsdump._lang._table import Language

__all__ = ["TABLE"]

TABLE = Language(
    code="pt",
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
        "dia": "day",
        "dias": "day",
        "semana": "week",
        "semanas": "week",
        "mês": "month",
        "mes": "month",
        "meses": "month",
        "ano": "year",
        "anos": "year",
    },
    one=("um", "uma"),
    ago_before=("há", "ha", "faz"),
    ago_after=("atrás", "atras"),
    just_now=(
        "agora",
        "agora mesmo",
        "há poucos segundos",
        "há instantes",
        "há alguns segundos",
        "neste momento",
    ),
    today=("hoje",),
    earlier_today=("hoje mais cedo", "mais cedo hoje"),
    yesterday=("ontem",),
    day_before_yesterday=("anteontem",),
    weekdays=(
        ("segunda-feira", "segunda", "seg."),
        ("terça-feira", "terça", "ter"),
        ("quarta-feira", "quarta", "qua"),
        ("quinta-feira", "quinta", "qui"),
        ("sexta-feira", "sexta", "sex"),
        ("sábado", "sabado", "sáb"),
        ("domingo", "dom"),
    ),
    months=(
        ("janeiro", "jan"),
        ("fevereiro", "fev"),
        ("março", "marco", "mar"),
        ("abril", "abr"),
        ("maio", "mai"),
        ("junho", "jun"),
        ("julho", "jul"),
        ("agosto", "ago"),
        ("setembro", "set"),
        ("outubro", "out."),
        ("novembro", "nov"),
        ("dezembro", "dez"),
    ),
    last_before=("último", "ultimo", "última", "ultima"),
    last_after=("passado", "passada"),
    at=("às", "as", "à"),
    on=("no", "na", "em"),
    lead=("atualizado", "atualizado em", "publicado", "publicado em", "modificado"),
    over=("mais de",),
    almost=("quase",),
    about=("cerca de", "aproximadamente"),
    under=("menos de",),
    joiners=("e",),
)
