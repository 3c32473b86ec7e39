"""
Tests for the language tables of `newsdump.times`: in every shipped
language, ages, "yesterday", weekdays, "just now" and dates.

The reference time is Sunday 2025-07-13 18:00 UTC.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsdump import times
from newsdump._lang import LANGUAGES, Language

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=UTC)
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
D = dt.timedelta(days=1)
US = dt.timedelta(microseconds=1)
THREE_HOURS = (NOW - 4 * H, NOW - 2.5 * H)
ONE_HOUR = (NOW - 2 * H, NOW - 0.5 * H)
TWO_DAYS = (NOW - 3 * D, NOW - 1.5 * D)
YESTERDAY = (
    dt.datetime(2025, 7, 12, tzinfo=UTC),
    dt.datetime(2025, 7, 13, tzinfo=UTC) - US,
)
FRIDAY = (
    dt.datetime(2025, 7, 11, tzinfo=UTC),
    dt.datetime(2025, 7, 12, tzinfo=UTC) - US,
)
LAST_SUNDAY = (
    dt.datetime(2025, 7, 6, tzinfo=UTC),
    dt.datetime(2025, 7, 7, tzinfo=UTC) - US,
)
JUST_NOW = (NOW - M, NOW)
JULY_13 = (
    dt.datetime(2025, 7, 13, tzinfo=UTC),
    dt.datetime(2025, 7, 14, tzinfo=UTC) - US,
)

# (language, text, expected interval)
CASES = [
    ("de", "vor 3 Stunden", THREE_HOURS),
    ("de", "vor einer Stunde", ONE_HOUR),
    ("de", "vor 2 Tagen", TWO_DAYS),
    ("de", "gestern", YESTERDAY),
    ("de", "Freitag", FRIDAY),
    ("de", "letzten Sonntag", LAST_SUNDAY),
    ("de", "gerade eben", JUST_NOW),
    ("de", "13. Juli 2025", JULY_13),
    ("de", "Aktualisiert vor 3 Stunden", THREE_HOURS),
    ("fr", "il y a 3 heures", THREE_HOURS),
    ("fr", "il y a une heure", ONE_HOUR),
    ("fr", "il y a 2 jours", TWO_DAYS),
    ("fr", "hier", YESTERDAY),
    ("fr", "vendredi", FRIDAY),
    ("fr", "dimanche dernier", LAST_SUNDAY),
    ("fr", "à l'instant", JUST_NOW),
    ("fr", "13 juillet 2025", JULY_13),
    ("fr", "Mis à jour il y a 3 heures", THREE_HOURS),
    ("es", "hace 3 horas", THREE_HOURS),
    ("es", "hace una hora", ONE_HOUR),
    ("es", "hace 2 días", TWO_DAYS),
    ("es", "ayer", YESTERDAY),
    ("es", "viernes", FRIDAY),
    ("es", "el domingo pasado", LAST_SUNDAY),
    ("es", "ahora mismo", JUST_NOW),
    ("es", "13 de julio de 2025", JULY_13),
    ("it", "3 ore fa", THREE_HOURS),
    ("it", "un'ora fa", ONE_HOUR),
    ("it", "2 giorni fa", TWO_DAYS),
    ("it", "ieri", YESTERDAY),
    ("it", "venerdì", FRIDAY),
    ("it", "domenica scorsa", LAST_SUNDAY),
    ("it", "proprio ora", JUST_NOW),
    ("it", "13 luglio 2025", JULY_13),
    ("pt", "há 3 horas", THREE_HOURS),
    ("pt", "3 horas atrás", THREE_HOURS),
    ("pt", "há uma hora", ONE_HOUR),
    ("pt", "há 2 dias", TWO_DAYS),
    ("pt", "ontem", YESTERDAY),
    ("pt", "sexta-feira", FRIDAY),
    ("pt", "domingo passado", LAST_SUNDAY),
    ("pt", "agora mesmo", JUST_NOW),
    ("pt", "13 de julho de 2025", JULY_13),
    ("nl", "3 uur geleden", THREE_HOURS),
    ("nl", "een uur geleden", ONE_HOUR),
    ("nl", "2 dagen geleden", TWO_DAYS),
    ("nl", "gisteren", YESTERDAY),
    ("nl", "vrijdag", FRIDAY),
    ("nl", "afgelopen zondag", LAST_SUNDAY),
    ("nl", "zojuist", JUST_NOW),
    ("nl", "13 juli 2025", JULY_13),
    ("en", "3 hours ago", THREE_HOURS),
    ("en", "an hour ago", ONE_HOUR),
    ("en", "2 days ago", TWO_DAYS),
    ("en", "yesterday", YESTERDAY),
    ("en", "Friday", FRIDAY),
    ("en", "last Sunday", LAST_SUNDAY),
    ("en", "just now", JUST_NOW),
    ("en", "13 July 2025", JULY_13),
]


class TestEveryLanguage:
    @pytest.mark.parametrize(("code", "text", "expected"), CASES)
    def test_form_in_its_language(
        self, code: str, text: str, expected: tuple[dt.datetime, dt.datetime]
    ) -> None:
        """Each language's age, yesterday, weekday and date forms resolve."""
        stamp = times.resolve(text, NOW, languages=[code])

        assert stamp is not None
        assert expected == (stamp.earliest, stamp.latest)

    @pytest.mark.parametrize(("code", "text", "expected"), CASES)
    def test_form_with_all_languages(
        self, code: str, text: str, expected: tuple[dt.datetime, dt.datetime]
    ) -> None:
        """The default (all tables at once) reads every form the same way."""
        del code
        stamp = times.resolve(text, NOW)

        assert stamp is not None
        assert expected == (stamp.earliest, stamp.latest)

    def test_every_shipped_language_is_covered(self) -> None:
        """The cases above cover each shipped table."""
        assert set(times.LANGUAGE_CODES) == {code for code, _, _ in CASES}


class TestTables:
    @pytest.mark.parametrize("table", LANGUAGES, ids=lambda t: t.code)
    def test_every_unit_word_resolves(self, table: Language) -> None:
        """Each unit word of a table reads as an age in that language."""
        for word, unit in table.units.items():
            if table.ago_before:
                text = f"{table.ago_before[0]} 2 {word}"
            else:
                text = f"2 {word} {table.ago_after[0]}"
            stamp = times.resolve(text, NOW, languages=[table.code])

            assert stamp is not None, text
            assert unit == stamp.granularity, text

    @pytest.mark.parametrize("table", LANGUAGES, ids=lambda t: t.code)
    def test_every_weekday_name_resolves(self, table: Language) -> None:
        """Each weekday name gives a day of that weekday."""
        for index, names in enumerate(table.weekdays):
            for name in names:
                stamp = times.resolve(name, NOW, languages=[table.code])

                assert stamp is not None, name
                assert index == stamp.value.weekday(), name

    @pytest.mark.parametrize("table", LANGUAGES, ids=lambda t: t.code)
    def test_every_month_name_resolves(self, table: Language) -> None:
        """Each month name, with a day and a year, gives that month."""
        for index, names in enumerate(table.months):
            for name in names:
                text = f"5 {name} 2024"
                stamp = times.resolve(text, NOW, languages=[table.code])

                assert stamp is not None, text
                assert (2024, index + 1, 5) == (
                    stamp.value.year,
                    stamp.value.month,
                    stamp.value.day,
                ), text

    def test_a_table_needs_seven_days_and_twelve_months(self) -> None:
        """A table with missing weekday or month groups is rejected."""
        en = LANGUAGES[0]
        with pytest.raises(ValueError, match="7 weekday"):
            Language(
                code="xx",
                units=en.units,
                one=en.one,
                just_now=en.just_now,
                today=en.today,
                yesterday=en.yesterday,
                weekdays=en.weekdays[:6],
                months=en.months,
            )
