from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump._authors import clean_authors


class TestCleanAuthors:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("By Jane Doe", ("Jane Doe",)),
            ("by jane doe", ()),
            ("BY JANE DOE", ("JANE DOE",)),
            ("Written by Jane Doe", ("Jane Doe",)),
            ("Author: Jane Doe", ("Jane Doe",)),
            ("Analysis by Chris Cillizza, CNN Editor-at-large", ("Chris Cillizza",)),
            ("Текст: Лида Буслаева", ("Лида Буслаева",)),
            ("By Jeff Foust Monday", ("Jeff Foust",)),
            ("Reuters November 19, 2019", ()),
            ("Finian Cunningham. Sputnik International", ("Finian Cunningham",)),
            ("The Water Coolest", ()),
            ("NJ Advance Media", ()),
            ("HNN Intern", ()),
            ("By June Carter, May 5, 2024", ("June Carter",)),
            ("Reporting by Ann Lee; editing by Bob Stone", ("Ann Lee",)),
            ("Photos by Ann Lee", ()),
            ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
            ("Jane Doe, John Roe & Ann Lee", ("Jane Doe", "John Roe", "Ann Lee")),
            ("Jane Doe | John Roe", ("Jane Doe", "John Roe")),
            ("By Jane Doe, Reuters", ("Jane Doe",)),
            ("Jane Doe - BBC News", ("Jane Doe",)),
            ("Jane Doe, Political Correspondent", ("Jane Doe",)),
            ("Jane Doe Staff Writer", ()),
            ("Staff Writer", ()),
            ("Reuters Staff", ()),
            ("Associated Press", ()),
            ("The Newsroom Team", ()),
            ("5 Minute Read", ()),
            ("Minute Read", ()),
            ("By Jane Doe · 5 min read", ("Jane Doe",)),
            ("By Jane Doe | Updated June 5, 2024 10:31 AM", ("Jane Doe",)),
            ("Jane Doe 3 hours ago", ("Jane Doe",)),
            ("Jane Doe (Reuters)", ("Jane Doe",)),
            ("Jane Doe in Kyiv", ("Jane Doe",)),
            ("Jane Doe for The Guardian", ("Jane Doe",)),
            ("jane.doe@example.com", ()),
            ("Jane Doe jane.doe@example.com", ()),
            ("https://example.com/authors/jane-doe", ()),
            ("www.example.com/jane", ()),
            ("@janedoe", ()),
            ("Ludwig van Beethoven", ("Ludwig van Beethoven",)),
            ("Jean-Luc Picard", ("Jean-Luc Picard",)),
            ("Mary O'Brien", ("Mary O'Brien",)),
            ("J. K. Rowling", ("J. K. Rowling",)),
            ("Ahmed bin Salman", ("Ahmed bin Salman",)),
            ("By Al Root Updated Nov. 19, 2019 8:21 am ET", ("Al Root",)),
            ("Van Morrison", ("Van Morrison",)),
            ("van Morrison", ()),
            ("王小明", ("王小明",)),
            ("Madonna", ()),
            ("Anderson Cooper", ("Anderson Cooper",)),
            ("Von Anna Schmidt und Max Müller", ("Anna Schmidt", "Max Müller")),
            ("  By\n  Jane   Doe  ", ("Jane Doe",)),
            ("", ()),
            # Labels of author boxes and page links are not names.
            ("Full Bio", ()),
            ("Written By", ()),
            ("Learn More", ()),
            ("About Jane", ()),
            ("Privacy Policy", ()),
            ("Jane Doe, Home Security Expert", ("Jane Doe",)),
            ("Jane Doe | Trial Attorney", ("Jane Doe",)),
        ],
    )
    def test_bylines(self, raw, expected):
        """Odd bylines clean to the people they name, and nothing else."""
        assert expected == clean_authors([raw])

    def test_dedupes_case_insensitively(self):
        """A name seen twice (in any case) is returned once, first form kept."""
        assert ("Jane Doe", "John Roe") == clean_authors(
            ["By Jane Doe", "JANE DOE", "Jane Doe and John Roe"]
        )

    def test_outlet_glued_to_a_name(self):
        """An upper-case outlet after a name is cut ("Kevin McCoy USA TODAY")."""
        assert ("Kevin McCoy",) == clean_authors(["Kevin McCoy USA TODAY"])

    def test_longer_form_of_a_name_dropped(self):
        """A name that only adds words after another returned name gives way to it."""
        assert ("Elliot Brownstein", "Ann Lee") == clean_authors(
            ["Elliot Brownstein Florida Today", "Ann Lee", "Elliot Brownstein"]
        )

    def test_order_is_first_seen(self):
        """Names keep the order in which the bylines give them."""
        assert ("John Roe", "Jane Doe") == clean_authors(["John Roe", "Jane Doe"])

    @given(st.lists(st.text(max_size=60), max_size=5))
    def test_idempotent(self, raw):
        """Cleaning a cleaned result returns it unchanged."""
        once = clean_authors(raw)

        assert once == clean_authors(once)

    @given(
        st.lists(
            st.from_regex(
                r"(By )?[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}( and [A-Z][a-z]{1,8} [A-Z][a-z]{2,10})?",
                fullmatch=True,
            ),
            max_size=4,
        )
    )
    def test_idempotent_on_names(self, raw):
        """Idempotence holds on realistic bylines too, and no "By" survives."""
        once = clean_authors(raw)

        assert once == clean_authors(once)
        assert not any(name.startswith("By ") for name in once)


class TestSignedNames:
    def test_single_word_from_name_field(self):
        """A field that holds a name may hold one word or a handle."""
        assert ("Susan",) == clean_authors(["Susan"], signed=True)
        assert ("jsteinhardt",) == clean_authors(["jsteinhardt"], signed=True)
        assert ("kirstin boatto",) == clean_authors(["kirstin boatto"], signed=True)

    def test_single_word_from_byline_is_not_a_name(self):
        """A byline's single word stays out: it may be anything."""
        assert () == clean_authors(["Susan"])

    @pytest.mark.parametrize("raw", ["Staff", "Anonymous", "MD", "Ph.D", "admin", "x1"])
    def test_roles_and_credentials_are_not_signatures(self, raw):
        """Roles, credentials and words with digits are not names."""
        assert () == clean_authors([raw], signed=True)
