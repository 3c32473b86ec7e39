"""
Text dumps of whole web pages: blank-line spacing, menus, cookie notices,
footer columns and teaser rails.

Every dump here is written for these tests (no benchmark page is copied).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdump
from newsdump import Article, parse_text, to_dict
from newsdump.filters import Block, cookie_notice
from tests import strategies
from tests.test_robustness import rendered_text

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = (FIXTURES / "aggregator-page.txt").read_text(encoding="utf-8")
EXAMPLE = (Path(newsdump.__file__).parent / "_data" / "example.txt").read_text(
    encoding="utf-8"
)
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)


def spaced(text: str, *, every_line: bool) -> tuple[str, list[int]]:
    """
    *text* with a blank line after each line (*every_line*: after blank
    lines too, else only after non-blank ones), and where each input
    offset went.
    """
    out: list[str] = []
    where: list[int] = []
    at = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        where.extend(range(at, at + len(line)))
        out.append(line if line != body else line + "\n")
        at += len(out[-1])
        if every_line or body.strip():
            out.append("\n")
            at += 1
    where.append(at)
    return "".join(out), where


def without_offsets(article: Article) -> dict[str, Any]:
    data = to_dict(article)
    for removal in data["removed"]:
        del removal["start"], removal["end"]
    return data


def assert_same_parse(text: str, *, every_line: bool) -> None:
    """The spaced dump parses like *text*; its removals sit at the mapped offsets."""
    doubled, where = spaced(text, every_line=every_line)
    plain = parse_text(text, now=NOW)
    spread = parse_text(doubled, now=NOW)

    assert without_offsets(plain) == without_offsets(spread)
    for a, b in zip(plain.removed, spread.removed, strict=True):
        assert (where[a.start], where[a.end - 1] + 1) == (b.start, b.end)
        assert doubled[b.start : b.end] == b.text


class TestBlankLines:
    def test_sample_with_a_blank_line_after_every_line(self):
        """Every line, blank or not, followed by a blank line: same article."""
        assert_same_parse(SAMPLE, every_line=True)

    def test_sample_with_a_blank_line_after_every_text_line(self):
        """Only text lines followed by a blank line: same article."""
        assert_same_parse(SAMPLE, every_line=False)

    @pytest.mark.parametrize("every_line", [True, False])
    def test_bundled_example(self, every_line):
        """The example that `newsdump parse --example` prints, spaced out,
        parses like the example."""
        assert_same_parse(EXAMPLE, every_line=every_line)

    def test_related_items_stay_whole(self):
        """The spaced sample keeps its three related items, each with its source."""
        doubled, _ = spaced(SAMPLE, every_line=True)
        related = parse_text(doubled, now=NOW).related

        assert [item.source.name if item.source else None for item in related] == [
            "Int'l Business Times",
            "DW",
            "Int'l Business Times",
        ]

    def test_one_blank_line_between_groups_still_separates(self):
        """Without the spacing, a single blank line still ends a related item."""
        dump = (
            "Harbour Opens New Ferry Pier For The Summer\n"
            "The new pier opened on Saturday after eight months of building work "
            "by the harbour trust.\n"
            "Related Articles\n"
            "Ferry Timetables Change This Week\n"
            "Volunteers Clean The South Beach\n"
            "\n"
            "Market Traders Ask For More Berths\n"
        )
        titles = [item.title for item in parse_text(dump).related]

        assert titles == [
            "Ferry Timetables Change This Week",
            "Volunteers Clean The South Beach",
            "Market Traders Ask For More Berths",
        ]

    @given(strategies.text_dumps(), st.booleans())
    def test_any_dump(self, text, every_line):
        """Generated dumps parse the same once spaced out."""
        assert_same_parse(text, every_line=every_line)


PARAS = [
    (
        "The council approved a plan on Tuesday to rebuild the old harbour wall"
        " before the winter storms."
    ),
    (
        "Engineers will start with the northern section, where the stones moved"
        " most during the last flood."
    ),
    (
        "The work should take about eighteen months and will be paid for by a"
        " national fund for coastal defences."
    ),
    (
        "Fishermen who moor along the wall will use temporary berths in the new"
        " marina while the work goes on."
    ),
]
MORE = [
    (
        "The river bridge will close for two weeks in March while its deck is"
        " lifted and repaired."
    ),
    (
        "Buses will take a longer route through the market square during the"
        " closure, the operator said."
    ),
    (
        "Shops on the bridge street expect fewer customers and have asked the"
        " council for help with rents."
    ),
    (
        "The mayor said the town would hold a street party when the bridge opens"
        " again in the spring."
    ),
]
HEADLINE = "Harbour Wall Repairs Start Next Spring"


def removed_by(article: Article, reason: str) -> list[str]:
    return [r.text for r in article.removed if r.reason == reason]


class TestMenuLines:
    def test_menu_blurbs_before_the_headline(self):
        """One-sentence descriptions between menu entries are not the body's
        first line: the headline above the article is found and the menu,
        blurbs included, is navigation."""
        menu = (
            "Services\n"
            "Boat repairs\n"
            "We repair hulls, engines and sails for every kind of boat in the bay.\n"
            "Moorings\n"
            "Winter storage\n"
            "Slipway\n"
            "Rent a mooring by the week, the month or the whole season at fair prices.\n"
            "Contact\n"
            "About\n"
            "Jobs\n"
        )
        dump = menu + HEADLINE + "\n" + "\n".join(PARAS) + "\n"
        article = parse_text(dump)

        assert article.title == HEADLINE
        assert article.paragraphs[0] == PARAS[1]  # the first is the standfirst
        navigation = removed_by(article, "navigation")
        assert "Boat repairs" in navigation
        assert any(line.startswith("Rent a mooring") for line in navigation)

    def test_blurbs_three_lines_apart(self):
        """Menu blurbs with two menu entries between them (an entry and its
        blurb, then the next entry) are blurbs too: only prose within the
        next two lines makes a prose line the body's first."""
        menu = (
            "Boat repairs\n"
            "We repair hulls, engines and sails for every kind of boat in the bay.\n"
            "Moorings\n"
            "Winter storage\n"
            "Rent a mooring by the week, the month or the whole season at fair prices.\n"
            "Slipway\n"
            "Sailing school\n"
            "Learn to sail in small boats with patient teachers every weekend of summer.\n"
            "Contact\n"
        )
        dump = menu + HEADLINE + "\n" + "\n".join(PARAS) + "\n"
        article = parse_text(dump)

        assert article.title == HEADLINE
        navigation = removed_by(article, "navigation")
        assert any(line.startswith("We repair hulls") for line in navigation)

    def test_banner_before_a_long_gap(self):
        """A few prose lines (a site banner) that a long gap without prose
        separates from an article with many times their prose are
        navigation: the article and its headline come after the gap."""
        banner = (
            "Official websites use a secure address to keep your visit safe.\n"
            "The lock icon means you have safely connected to this website today.\n"
        )
        menu = "".join(f"Section number {k}\n" for k in range(12))
        report = [
            f"Section {k} of the report says the works need {k + 3} more weeks"
            " of careful planning."
            for k in range(20)
        ]
        body = PARAS + MORE + report
        dump = banner + menu + HEADLINE + "\n" + "\n".join(body) + "\n"
        article = parse_text(dump)

        assert article.title == HEADLINE
        assert list(article.paragraphs) == body[1:]
        assert banner.splitlines()[0] in removed_by(article, "navigation")

    def test_dates_and_bylines_between_headline_and_body(self):
        """The headline is found across the date and reading-time lines
        that stand between it and the first paragraph."""
        dump = (
            "Home\nNews\nSport\n"
            f"{HEADLINE}\n"
            "Published 3 June 2025\n"
            "By Nadia Okafor\n"
            "Listen\n"
            "Share\n" + "\n".join(PARAS) + "\n"
        )
        assert parse_text(dump).title == HEADLINE


class TestCookieNotice:
    @pytest.mark.parametrize(
        "notice",
        [
            (
                "We use cookies to improve your experience. By clicking Accept you"
                " agree to their use."
            ),
            (
                "Wir verwenden Cookies, um unsere Website zu verbessern. Mit Klick auf"
                " Akzeptieren stimmen Sie zu."
            ),
            (
                "Nous utilisons des cookies pour mesurer l'audience. Vous pouvez"
                " accepter ou refuser."
            ),
            "Accept all cookies",
        ],
    )
    def test_notice_is_removed(self, notice):
        """A consent notice above the article is removed as cookie-notice and
        is not taken for the body's first line."""
        dump = notice + "\n" + HEADLINE + "\n" + "\n".join(PARAS) + "\n"
        article = parse_text(dump)

        assert article.title == HEADLINE
        assert notice not in article.paragraphs
        assert notice in removed_by(article, "cookie-notice") + removed_by(
            article, "navigation"
        )

    def test_filter_on_its_own(self):
        """The filter drops notices and keeps sentences that only mention
        cookies."""
        notice = "This website uses cookies. Manage your preferences."
        recipe = "The cookies need ten minutes in a hot oven and an hour to cool."

        dropped = cookie_notice(Block(text=notice, role="paragraph"))
        assert dropped is not None
        assert dropped.reason == "cookie-notice"
        assert cookie_notice(Block(text=recipe, role="paragraph")) is None

    def test_html_blocks_are_left_alone(self):
        """Blocks of HTML pages (with a tag) are left to the HTML filters."""
        block = Block(text="We use cookies. Accept?", role="paragraph", tag="p")
        assert cookie_notice(block) is None


class TestFooterColumns:
    def test_footer_links_after_the_article(self):
        """Five or more link-like lines after the article, some longer than a
        menu item, are removed as link-list."""
        footer = (
            "Harbour Herald\n"
            "Terms and conditions of use\n"
            "How we handle your personal data\n"
            "Advertise with the Harbour Herald\n"
            "Work for us in the newsroom\n"
            "Contact the editor\n"
        )
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + footer
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert "Work for us in the newsroom" in removed_by(article, "link-list")

    def test_list_inside_the_article_stays(self):
        """A list that a sentence introduces belongs to the article."""
        items = (
            "New stone foundations along the wall\n"
            "A wider footpath along the top\n"
            "Lights for the long winter evenings\n"
            "Railings on the seaward side of the path\n"
            "Benches at both ends of the wall\n"
        )
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS[:3])
            + "\nThe plan includes:\n"
            + items
            + PARAS[3]
            + "\n"
        )
        article = parse_text(dump)

        assert "A wider footpath along the top" in article.paragraphs
        assert article.paragraphs[-1] == PARAS[3]


class TestTeaserRail:
    @pytest.mark.parametrize(
        "marker",
        [
            "Related posts",
            "Leave a Reply",
            "12 Comments",
            "Über den Autor",
            # A comment form's heading with its link on the same line, and
            # post navigation with the next post's title (renderers that
            # keep inline elements together print them so).
            "Leave a comment Cancel reply",
            "Previous Post: « The harbour wall reopens after the winter",
            "Laisser un commentaire Annuler la réponse",
        ],
    )
    def test_closing_line_ends_the_article(self, marker):
        """A line that opens a rail, a comment section or an author box ends
        the article, whatever prose follows it."""
        after = (
            "Ferry timetables change as the summer season begins on the islands.\n"
            "Volunteers cleared the south beach on Sunday and found a lot of nets.\n"
        )
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + marker + "\n" + after
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert marker in {r.text for r in article.removed}
        assert after.splitlines()[0] in removed_by(article, "after-article")

    def test_short_lines_before_the_closing_line_go(self):
        """Very short lines between the article's last paragraph and a line
        that closes it (tags, the author's name) go with the closing line;
        a longer line there (a list item) stays."""
        item = "A wider footpath along the top of the wall, with new railings"
        after = "Volunteers cleared the south beach on Sunday and found nets.\n"
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS)
            + "\n"
            + item
            + "\nHarbour news\nJane Roe\nLeave a Reply\n"
            + after
        )
        article = parse_text(dump)

        assert list(article.paragraphs) == [*PARAS[1:], item]
        assert removed_by(article, "after-article")[:2] == ["Harbour news", "Jane Roe"]

    def test_dated_teasers_do_not_resume_the_article(self):
        """A long gap, then a rail of headline, date and excerpt: the article
        ends before the gap."""
        gap = "".join(f"Section {k}\n" for k in range(12))
        rail = "".join(
            f"Teaser story number {k} about the town\n"
            f"{k + 1} June 2025\n"
            f"The excerpt of teaser story number {k} goes on for a good dozen"
            " words or so.\n"
            for k in range(6)
        )
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + gap + rail
        article = parse_text(dump)

        assert article.paragraphs[-1] == PARAS[-1]

    def test_list_heavy_article_resumes(self):
        """A long gap followed by as much prose again, without date lines,
        is the rest of a list-heavy article."""
        gap = "".join(f"Item {k} on the list\n" for k in range(12))
        more = MORE
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS)
            + "\n"
            + gap
            + "\nA short list heading\n".join(more)
            + "\n"
        )
        article = parse_text(dump)

        assert article.paragraphs[-1] == more[-1]

    def test_related_heading_inside_the_article(self):
        """A related heading followed by a run of prose is a link box inside
        the article: it is removed and the body goes on."""
        more = MORE
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS)
            + "\nRead more\n"
            + "\n".join(more)
            + "\nRelated stories\nFerry Timetables Change\n"
        )
        article = parse_text(dump)

        assert article.paragraphs[-1] == more[-1]
        assert "Read more" in removed_by(article, "related-heading")
        assert [item.title for item in article.related] == ["Ferry Timetables Change"]


class TestAnnouncedShortList:
    def test_short_items_after_a_colon_stay(self):
        """Very short lines that a line ending in a colon announces are the
        article's list, not a menu."""
        items = ["Stone blocks", "Steel piles", "Fresh mortar", "Timber boards"]
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS[:3])
            + "\nThe builders will bring these materials:\n"
            + "\n".join(items)
            + "\n"
            + "\n".join(MORE)
            + "\n"
        )
        article = parse_text(dump)

        assert [p for p in article.paragraphs if p in items] == items

    def test_short_lines_without_a_colon_are_a_menu(self):
        """The same lines after a sentence that announces nothing are a menu."""
        items = ["Stone blocks", "Steel piles", "Fresh mortar", "Timber boards"]
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS[:3])
            + "\n"
            + "\n".join(items)
            + "\n"
            + "\n".join(MORE)
            + "\n"
        )
        article = parse_text(dump)

        assert removed_by(article, "menu") == items


class TestDateLines:
    @pytest.mark.parametrize(
        "date", ["April 18, 2025", "Last updated on November 24, 2025", "3 hours ago"]
    )
    def test_date_alone_in_the_body_goes(self, date):
        """A line that is only a date or an age, between the article's
        paragraphs, is removed as `date`."""
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS)
            + "\n"
            + date
            + "\n"
            + "\n".join(MORE)
            + "\n"
        )
        article = parse_text(dump)

        assert date not in article.paragraphs
        assert removed_by(article, "date") == [date]
        assert list(article.paragraphs) == [*PARAS[1:], *MORE]


class TestStandfirst:
    LEAD = (
        "The council approved a plan on Tuesday to rebuild the old harbour wall"
        " before the winter storms, after engineers found that the stones of"
        " its northern section had moved by more than a metre during the last"
        " flood and could give way in a strong gale."
    )

    def test_long_first_paragraph_is_body(self):
        """A prose line of 200 characters or more under the headline that
        prose follows is the body's first paragraph, not a standfirst."""
        dump = "Home\nNews\n" + HEADLINE + "\n" + self.LEAD + "\n" + "\n".join(MORE)
        article = parse_text(dump)

        assert article.subtitle is None
        assert list(article.paragraphs) == [self.LEAD, *MORE]

    def test_short_standfirst_stays(self):
        """One short sentence under the headline stays the standfirst."""
        short = "Engineers found that the stones of the northern section moved."
        dump = HEADLINE + "\n" + short + "\n" + "\n".join(MORE)
        article = parse_text(dump)

        assert article.subtitle == short
        assert list(article.paragraphs) == MORE


class TestNameLists:
    COUNTRIES = (
        "Country Select a Country Albania Algeria Andorra Argentina Armenia"
        " Australia Austria Bahamas Bangladesh Barbados Belarus Belgium Belize"
        " Benin Bhutan Bolivia Botswana Brazil Bulgaria Burundi Cambodia"
        " Cameroon Canada Chile China Colombia Comoros Croatia Cuba Cyprus"
    )
    LANGUAGES = (
        "Select Language English Afrikaans Albanian Amharic Arabic Armenian"
        " Azerbaijani Basque Belarusian Bengali Bosnian Bulgarian Catalan"
        " Cebuano Chichewa Corsican Croatian Czech Danish Dutch Esperanto"
        " Estonian Filipino Finnish French Frisian Galician Georgian German"
    )

    ARCHIVES = "Archives Select Month " + " ".join(
        f"{month} {year}"
        for year in range(2025, 2018, -1)
        for month in ("December", "November", "October", "July", "April", "March")
    )

    def test_archive_months_are_not_the_body(self):
        """A list of months with their years, longer than twice a headline,
        is no prose either: after the comments, it does not become the
        body's longest run (which would keep the comments)."""
        comments = "".join(
            f"Reader {k} says\nJuly {k + 1}, 2024 at 8:{10 + k} am\n"
            f"Thanks for the story about the harbour, number {k} of many.\n"
            for k in range(6)
        )
        dump = (
            HEADLINE + "\n" + "\n".join(PARAS) + "\n" + comments + self.ARCHIVES + "\n"
        )
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert self.ARCHIVES in removed_by(article, "after-article")

    def test_drop_down_options_do_not_resume_the_article(self):
        """A long line of capitalised names without a stop, a comma or a
        number (a drop-down menu's options run together) is not prose: after
        the footer's links, such lines do not make the article resume."""
        footer = "".join(f"Footer link {k}\n" for k in range(12))
        options = "\n".join([self.COUNTRIES, self.LANGUAGES] * 2)
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + footer + options + "\n"
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert self.COUNTRIES in removed_by(article, "after-article")

    def test_long_table_row_and_sentence_stay_prose(self):
        """A long line with a number or a comma (a table row, a sentence
        without a final stop) stays prose, and in the article."""
        row = " ".join(
            f"Week {k} Rest Easy Run Long Run Cross Training" for k in range(8)
        )
        clause = (
            "The harbour wall was last rebuilt after the great storm of the"
            " winter when the sea came over the quay, and the town paid for it"
            " with a special tax on every house that stood within sight of the"
            " water and on the boats that used the harbour in those years"
        )
        dump = HEADLINE + "\n" + "\n".join([*PARAS, row, clause, *MORE]) + "\n"
        article = parse_text(dump)

        assert row in article.paragraphs
        assert clause in article.paragraphs


class TestRepeatedLines:
    def test_table_of_contents_and_pull_quote(self):
        """A table of contents repeats the section headings: its copies go
        as repeated, the headings above their paragraphs stay; a pull quote
        keeps its first copy only."""
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS[:3])
            + "\nIn this article\nWhat the plan includes\nWho pays for the work\n"
            + "What the plan includes\n"
            + MORE[0]
            + "\n"
            + PARAS[1]
            + "\nWho pays for the work\n"
            + MORE[1]
            + "\n"
        )
        article = parse_text(dump)

        assert article.paragraphs.count("What the plan includes") == 1
        assert article.paragraphs.count("Who pays for the work") == 1
        assert article.paragraphs.count(PARAS[1]) == 1
        assert removed_by(article, "repeated") == [
            "What the plan includes",
            "Who pays for the work",
            PARAS[1],
        ]

    def test_article_copied_on_one_line(self):
        """A long line that repeats the article's text (a hidden copy of the
        whole article on one line) is removed as `repeated`; a long line of
        new text stays."""
        report = [
            f"Section {k} of the report says the works need {k + 3} more weeks"
            " of careful planning."
            for k in range(20)
        ]
        body = PARAS + MORE + report
        copy = "# " + HEADLINE + " " + " ".join(body)
        fresh = " ".join(
            f"Witness {k} told the inquiry that the storm of {1950 + k} broke"
            f" the old quay in {k + 2} places."
            for k in range(30)
        )
        dump = HEADLINE + "\n" + "\n".join([*body, fresh, copy]) + "\n"
        article = parse_text(dump)

        assert len(copy) >= 2000
        assert copy in removed_by(article, "repeated")
        assert fresh in article.paragraphs

    def test_menu_printed_twice(self):
        """A menu printed for small and for large screens goes, both copies."""
        menu = "Top stories from the harbour\nWeather and tides this week\n"
        dump = menu + HEADLINE + "\n" + "\n".join(PARAS) + "\n" + menu
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]

    def test_reparsing_keeps_identical_paragraphs(self):
        """Two lines that only become the same paragraph once a caption is
        split off are kept both, so the rendered article parses the same
        (the example Hypothesis found)."""
        dump = (
            "Rubio Rubio Rubio\nThe the the the.\n"
            "The the the the. The the the minister AFP\n"
        )
        first = parse_text(dump)
        second = parse_text(rendered_text(first))

        assert first.paragraphs == second.paragraphs


class TestCommentStamps:
    COMMENTS = (
        "Jane Roe\n"
        "April 27, 2009 at 8:59 AM\n"
        "I walked the new footpath last weekend and the views were lovely.\n"
        "Sam Poe\n"
        "July 15, 2009 at 11:18 PM\n"
        "The council should have fixed the car park first, in my opinion.\n"
    )

    def test_two_stamps_open_a_comment_section(self):
        """Lines that hold a date and a clock time ("... at 8:59 AM"), twice
        after the body, head comments: they go, with the name before them."""
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + self.COMMENTS
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert removed_by(article, "after-article")[:2] == [
            "Jane Roe",
            "April 27, 2009 at 8:59 AM",
        ]

    def test_long_comment_is_not_the_article(self):
        """A comment longer than the article (the page's longest run of
        prose) does not keep the comment section: two stamps after a tenth
        of the prose end the article there."""
        long_comment = "\n".join(
            f"Point {k} of my long reply: the council has ignored the harbour"
            f" for {k + 2} years and the fishermen paid for it every winter."
            for k in range(8)
        )
        comments = self.COMMENTS + "Ann Loe\nMay 2, 2010 at 6:46 AM\n" + long_comment
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + comments + "\n"
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert removed_by(article, "after-article")[0] == "Jane Roe"

    def test_comment_count_before_a_long_comment(self):
        """A number of comments ("3 Comments") ends the article when a tenth
        of the prose comes before it, even if the comments hold more prose
        than the article."""
        comments = "\n".join(
            f"Reader {k} wrote at length that the council has ignored the"
            f" harbour for {k + 2} years and the fishermen paid every winter."
            for k in range(12)
        )
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n3 Comments\n" + comments + "\n"
        article = parse_text(dump)

        assert list(article.paragraphs) == PARAS[1:]
        assert "3 Comments" in {r.text for r in article.removed}

    def test_one_stamp_is_not_a_comment_section(self):
        """A single date-and-time line after the body stays (an update
        note), as does the prose after it."""
        note = "Updated April 27, 2009 at 8:59 AM\n"
        tail = "The footpath reopens to walkers on Monday after the works end.\n"
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + note + tail
        article = parse_text(dump)

        assert tail.strip() in article.paragraphs


class TestAnnouncedList:
    def test_long_list_after_a_colon_stays(self):
        """A list that a prose line ending in a colon announces is part of
        the article even when it is longer than `Layout.article_gap` (up to
        twice as long)."""
        intro = (
            "The coastal path reopens on Sunday. Before you set off, here is"
            " what every walker should pack for the day:"
        )
        items = [
            f"Item {n}: a {thing} for the walk"
            for n, thing in enumerate(
                (
                    "waterproof jacket",
                    "warm fleece",
                    "pair of boots",
                    "map in a case",
                    "full water bottle",
                    "small first-aid kit",
                    "packed lunch",
                    "charged phone",
                    "head torch",
                    "sun hat",
                    "tide table",
                    "whistle",
                ),
                start=1,
            )
        ]
        close = "Walkers who forget the tide table often end up stranded on the rocks."
        dump = (
            HEADLINE
            + "\n"
            + "\n".join(PARAS)
            + "\n"
            + intro
            + "\n"
            + "\n".join(items)
            + "\n"
            + close
            + "\n"
        )
        article = parse_text(dump)

        assert items[-1] in article.paragraphs
        assert article.paragraphs[-1] == close


class TestAuthorBox:
    MORE = (
        (
            "The harbour master said the boats would be moved to the outer basin"
            " before the first stones are lifted out of the water."
        ),
        (
            "Residents asked the council at a meeting last week whether the"
            " promenade would stay open, and were told it would for most of the"
            " summer."
        ),
        (
            "A second phase, to raise the wall by half a metre against winter"
            " storms, is planned for the year after if the money can be found."
        ),
    )
    BIO = (
        "Jane Roe\n"
        "Jane Roe is a reporter who has covered the harbour and its boats for ten"
        " years.\n"
        "She lives by the sea with two dogs and far too many fishing rods.\n"
    )

    def test_name_then_bio_ends_the_article(self):
        """A name line, then a prose line that starts with the name and a
        verb ("Jane Roe is ..."), near the end: an author box."""
        body = [*PARAS, *self.MORE]
        dump = HEADLINE + "\n" + "\n".join(body) + "\n" + self.BIO
        article = parse_text(dump)

        assert list(article.paragraphs) == body[1:]
        assert removed_by(article, "after-article")[0] == "Jane Roe"

    def test_section_named_like_its_first_words_stays(self):
        """A section heading that the next sentence repeats without a verb
        after it ("Harbour Wall" then "Harbour wall repairs ...") stays."""
        section = (
            "Harbour Wall\n"
            "Harbour Wall repairs will close the car park for two weeks in May.\n"
        )
        dump = HEADLINE + "\n" + "\n".join(PARAS) + "\n" + section
        article = parse_text(dump)

        assert article.paragraphs[-1] == section.splitlines()[1]
