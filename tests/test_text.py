from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdump
from newsdump import DEFAULT_LAYOUTS, Article, DecodeError, Layout, parse_text
from tests import strategies

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = (FIXTURES / "aggregator-page.txt").read_text(encoding="utf-8")
NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)
UTC = dt.timezone.utc

FURNITURE = (
    "Hashtags",
    "Try Our AI Features",
    "Explore what Daily8 AI can do for you:",
    "Comments",
    "No comments yet...",
    "Related Articles",
)
VIDEO = "To view this video please enable JavaScript"


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2025, 7, 13, hour, minute, second, tzinfo=UTC)


def non_space(texts: list[str | None]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        if text:
            counts.update(c for c in text if not c.isspace())
    return counts


def accounted(article: Article) -> Counter[str]:
    """
    The non-whitespace characters an article accounts for: its kept text
    (title, subtitle, paragraphs, caption texts and credits, related titles,
    source names, age texts, bodies and captions) plus its removals.

    A related item's published text counts when it is the age as printed;
    a date read only from a headline suffix is already in that suffix's
    removal.
    """
    suffixes = [r.text for r in article.removed if r.reason == "title-suffix"]
    texts: list[str | None] = [article.title, article.subtitle, *article.paragraphs]
    for caption in article.captions:
        texts += [caption.text, caption.credit]
    for item in article.related:
        texts += [item.title, item.body]
        if item.source is not None:
            texts.append(item.source.name)
        published = item.published
        if published is not None and not any(
            s.endswith(published.text) for s in suffixes
        ):
            texts.append(published.text)
        for caption in item.captions:
            texts += [caption.text, caption.credit]
    texts += [r.text for r in article.removed]
    return non_space(texts)


@pytest.fixture(scope="module")
def sample() -> Article:
    return parse_text(SAMPLE, now=NOW)


class TestSample:
    def test_title(self, sample):
        """The headline is the first line."""
        assert "Rubio Meets Russia's Lavrov At ASEAN Talks" == sample.title

    def test_subtitle(self, sample):
        """The standfirst under the headline is the subtitle."""
        assert sample.subtitle is not None
        assert sample.subtitle.startswith("Rubio's first visit to Asia")
        assert sample.subtitle.endswith(
            "threatening more than 20 countries with punitive tariffs."
        )

    def test_twenty_one_paragraphs(self, sample):
        """The body has 21 paragraphs; the last ends before its caption."""
        assert 21 == len(sample.paragraphs)
        assert sample.paragraphs[0].startswith("The top US diplomat met Sergei Lavrov")
        assert sample.paragraphs[-1].endswith("international order.")

    def test_caption(self, sample):
        """The caption glued to the last paragraph is split off with its credit."""
        assert 1 == len(sample.captions)
        caption = sample.captions[0]

        assert "AFP" == caption.credit
        assert caption.text.startswith("US Secretary of State Marco Rubio (left)")
        assert caption.text.endswith("Kuala Lumpur Convention Centre")

    def test_related_sources(self, sample):
        """Three related items with their sources as printed."""
        names = [item.source.name if item.source else None for item in sample.related]

        assert ["Int'l Business Times", "DW", "Int'l Business Times"] == names

    def test_related_published(self, sample):
        """Ages resolve against --now, with the interval either habit allows."""
        got = [
            (p.value, p.earliest, p.latest)
            for p in (item.published for item in sample.related)
            if p is not None
        ]

        assert [
            (at(17, 21), at(17, 20), at(17, 21, 30)),
            (at(15, 0), at(14, 0), at(15, 30)),
            (at(15, 0), at(14, 0), at(15, 30)),
        ] == got
        assert ["39 minutes ago", "3 hours ago", "3 hours ago"] == [
            item.published.text for item in sample.related if item.published
        ]

    def test_dw_title_suffix(self, sample):
        """The DW headline loses its publisher and date suffix, recorded as a removal."""
        assert (
            "Ukraine updates: Russia seizes more territory in Donetsk"
            == sample.related[1].title
        )
        assert any(
            r.reason == "title-suffix" and r.text.strip() == "– DW – 07/13/2025"
            for r in sample.removed
        )

    def test_first_item_caption(self, sample):
        """The first related body's trailing caption is split off, credit AFP."""
        first = sample.related[0]

        assert 1 == len(first.captions)
        assert "AFP" == first.captions[0].credit
        assert first.captions[0].text.startswith(
            "Then-US Republican candidate Donald Trump"
        )
        assert first.body.endswith('People were screaming."')

    def test_no_video_notice(self, sample):
        """No related body keeps a video-player notice; both are in removed."""
        assert all(VIDEO not in item.body for item in sample.related)
        assert 2 == sum(r.reason == "video-notice" for r in sample.removed)

    def test_no_doubled_span(self, sample):
        """The doubled span is cut: the DW body reads '... officer in Kyiv.'."""
        body = sample.related[1].body
        span = (
            'has "eliminated" a man and a woman said to be responsible for the '
            "killing of an SBU secret service officer in "
        )

        assert 1 == body.count(span)
        assert "secret service officer in Kyiv." in body
        assert [span] == [
            r.text for r in sample.removed if r.reason == "duplicated-span"
        ]

    def test_removed_pieces(self, sample):
        """Every removed piece is recorded, with offsets into the input."""
        reasons = Counter(r.reason for r in sample.removed)

        assert {
            "furniture": 1,
            "promo": 2,
            "comments": 2,
            "related-heading": 1,
            "source-echo": 3,
            "title-suffix": 1,
            "duplicated-span": 1,
            "video-notice": 2,
        } == reasons
        for removal in sample.removed:
            assert SAMPLE[removal.start : removal.end] == removal.text

    def test_no_furniture_kept(self, sample):
        """No page furniture survives in title, subtitle, paragraphs or bodies."""
        kept = [sample.title, sample.subtitle, *sample.paragraphs]
        kept += [item.body for item in sample.related]
        kept += [item.title for item in sample.related]

        for text in kept:
            assert text is not None
            for line in FURNITURE:
                assert line not in text

    def test_reference_given(self, sample):
        """A given now is recorded as the reference, with how it was obtained."""
        assert "given" == sample.reference_how
        assert sample.reference is not None
        assert NOW == sample.reference.value

    def test_conservation(self, sample):
        """Kept text plus removals account for every non-space input character."""
        assert non_space([SAMPLE]) == accounted(sample)


class TestInputs:
    def test_crlf_and_cr(self):
        """CRLF and CR line endings give the same article as LF."""
        lf = parse_text(SAMPLE, now=NOW)

        for newline in ("\r\n", "\r"):
            other = parse_text(SAMPLE.replace("\n", newline), now=NOW)
            assert (lf.title, lf.paragraphs, lf.related) == (
                other.title,
                other.paragraphs,
                other.related,
            )

    def test_bom_in_str_is_a_removal(self):
        """A leading U+FEFF in a str is recorded as a byte-order-mark removal."""
        article = parse_text("\ufeff" + SAMPLE, now=NOW)

        assert article.removed[0].reason == "byte-order-mark"
        assert (0, 1, "\ufeff") == (
            article.removed[0].start,
            article.removed[0].end,
            article.removed[0].text,
        )
        assert parse_text(SAMPLE, now=NOW).title == article.title

    def test_bytes_are_decoded(self):
        """UTF-8 bytes, with or without a BOM, give the same article as the str."""
        expected = parse_text(SAMPLE, now=NOW)

        assert expected == parse_text(SAMPLE.encode(), now=NOW)
        assert expected == parse_text(b"\xef\xbb\xbf" + SAMPLE.encode(), now=NOW)

    def test_undecodable_bytes(self):
        """Bytes that are not UTF-8 raise DecodeError, never mojibake."""
        with pytest.raises(DecodeError):
            parse_text(b"Title \xff\xfe here\nBody text.")

    def test_legacy_encoding(self):
        """An explicit encoding decodes legacy bytes."""
        article = parse_text(
            "Caf\u00e9 Owners Meet The Mayor\n".encode("cp1252"), encoding="cp1252"
        )

        assert "Caf\u00e9 Owners Meet The Mayor" == article.title

    def test_trailing_spaces_and_tabs(self):
        """Trailing spaces and inner runs of blanks are squashed, offsets still exact."""
        dump = "Mayor   Opens\tNew Bridge   \nThe crossing links the two halves of the town.  \n"
        article = parse_text(dump)

        assert "Mayor Opens New Bridge" == article.title
        assert ["The crossing links the two halves of the town."] == list(
            article.paragraphs
        )

    def test_no_related_section(self):
        """A dump without a related section has no related items."""
        dump = SAMPLE.split("Related Articles")[0]
        article = parse_text(dump, now=NOW)

        assert () == article.related
        assert 21 == len(article.paragraphs)

    def test_navigation_before_title(self):
        """Menu lines before the headline are removed as navigation."""
        dump = "Menu\nSearch\nHome | World | Sport\n" + SAMPLE
        article = parse_text(dump, now=NOW)

        assert "Rubio Meets Russia's Lavrov At ASEAN Talks" == article.title
        assert ["Menu", "Search", "Home | World | Sport"] == [
            r.text for r in article.removed if r.reason == "navigation"
        ]

    def test_caption_does_not_depend_on_what_follows(self):
        """A glued caption is split whether furniture follows its paragraph or not."""
        body = "Rubio Meets Lavrov\nTalks went on. Rubio at the meeting AFP\n"
        alone = parse_text(body)
        followed = parse_text(body + "Hashtags\n")

        assert ("Talks went on.",) == alone.paragraphs
        assert (alone.paragraphs, alone.captions) == (
            followed.paragraphs,
            followed.captions,
        )

    def test_menu_run_in_body(self):
        """A run of three or more short lines in the body is a menu; a lone one is a heading."""
        dump = (
            "Bridge Opens After Two Years Of Works\n"
            "The new crossing opened on Saturday with a parade and a brass band from the harbour.\n"
            "World\nBusiness\nSport\n"
            "The mayor cut the ribbon while hundreds of residents watched from the quay.\n"
            "What happens next\n"
            "Traffic is expected to ease on the old bridge, which closes for repairs in spring.\n"
        )
        article = parse_text(dump)

        assert ["World", "Business", "Sport"] == [
            r.text for r in article.removed if r.reason == "menu"
        ]
        assert "What happens next" == article.paragraphs[article.headings[0]]

    def test_empty_and_blank(self):
        """Empty or blank input gives an empty article."""
        assert Article() == parse_text("")
        assert Article() == parse_text(" \n\t\r\n ")

    @pytest.mark.parametrize(
        "heading",
        [
            "Related",
            "Read more",
            "You may also like",
            "Recommended",
            "Most popular",
            "More from DW",
            "Das könnte Sie auch interessieren",
            "À lire aussi",
            "Noticias relacionadas",
            "Leggi anche",
            "Lees ook",
            "Leia também:",
            "Mehr aus Berlin",
        ],
    )
    def test_other_headings(self, heading):
        """Other related headings open the related section too."""
        dump = SAMPLE.replace("Related Articles", heading)
        article = parse_text(dump, now=NOW)

        assert 3 == len(article.related)
        assert heading == next(
            r.text for r in article.removed if r.reason == "related-heading"
        )

    @pytest.mark.parametrize(
        "line",
        [
            "More online shops closed their doors this year than last.",
            "Plus de 100 morts après le séisme de la nuit dernière.",
            "Mais sobretudo, a cidade precisa de mais casas.",
        ],
    )
    def test_sentence_that_starts_like_a_heading(self, line):
        """A body line that only starts like a related heading stays in the body."""
        dump = (
            "Council approves the new riverside cycle lanes\n"
            "The council voted on Tuesday to build four kilometres of cycle lanes.\n"
            f"{line}\n"
            "Work starts in the spring and should take about a year to finish.\n"
        )
        article = parse_text(dump, now=NOW)

        assert line in article.paragraphs
        assert () == article.related
        assert [] == [r for r in article.removed if r.reason == "related-heading"]

    def test_source_and_age_on_one_line(self):
        """'Source · age' lines split into source and age; headlines come first."""
        dump = (FIXTURES / "text" / "you-may-also-like.txt").read_text(encoding="utf-8")
        article = parse_text(dump, now=NOW)

        assert [
            ("Riverside Park Reopens After Flood Works", "Valley Times", "2 days ago"),
            ("Boat Parade Needs More Volunteers", "Valley Times", "5 hours ago"),
        ] == [
            (i.title, i.source.name, i.published.text)
            for i in article.related
            if i.source and i.published
        ]
        assert ["·", "·"] == [
            r.text for r in article.removed if r.reason == "separator"
        ]

    def test_whole_page_dump(self):
        """The generic fallback reads a whole page: nav, headline, body, links, footer."""
        dump = (FIXTURES / "text" / "page-dump.txt").read_text(encoding="utf-8")
        article = parse_text(dump, now=NOW)

        assert "Council Approves Night Buses For The Old Quarter" == article.title
        assert article.subtitle is not None
        assert article.subtitle.startswith("A six-month trial")
        assert 6 == len(article.paragraphs)
        assert "What happens next" == article.paragraphs[article.headings[0]]
        assert [
            "Station Car Park To Close For Repairs",
            "Hospital Opens New Night Clinic",
            "Students Vote On Campus Transport Survey",
        ] == [item.title for item in article.related]
        removed = {r.text for r in article.removed}
        for line in (
            "Skip to main content",
            "The Northfield Gazette",
            "Advertisement",
            "Privacy Policy",
        ):
            assert line in removed

    def test_rails_before_the_article(self):
        """Related headings before the article ("Trending", "Latest news")
        do not end it before it begins; the related section is the one
        after it."""
        dump = (FIXTURES / "text" / "page-dump-rails.txt").read_text(encoding="utf-8")
        article = parse_text(dump, now=NOW)

        assert (
            "Harbour Wall Repairs Start Next Spring After Years Of Delays"
            == article.title
        )
        assert 5 == len(article.paragraphs)
        assert article.paragraphs[0].startswith("The council has approved")
        assert ("Nadia Okafor",) == article.authors
        assert ["By Nadia Okafor"] == [
            r.text for r in article.removed if r.reason == "byline"
        ]
        assert [
            "Marina Expansion Plans Put On Hold",
            "Coastal Path Closed After Landslip",
        ] == [item.title for item in article.related]
        assert ["Trending", "Latest news", "Related stories"] == [
            r.text for r in article.removed if r.reason == "related-heading"
        ]
        removed = " ".join(r.text for r in article.removed)
        assert "Ferry Strike Called Off After Late Talks" in removed
        assert "We use cookies" in removed

    def test_later_body_share_is_a_layout_setting(self):
        """A layout that asks for much more prose keeps the first stretch
        with prose (here a blurb about the paper) as the body."""
        dump = (FIXTURES / "text" / "page-dump-rails.txt").read_text(encoding="utf-8")
        dump = dump.replace(
            "Accept\n",
            "Our reporters cover the harbour, the coast and the islands every day"
            " of the week.\nWe have told the stories of this town and its people"
            " for more than a century.\n",
        )
        strict = attrs.evolve(DEFAULT_LAYOUTS[-1], name="strict", later_body_share=10.0)

        article = parse_text(dump, now=NOW, layouts=(strict,))

        assert not any(
            p.startswith("The council has approved") for p in article.paragraphs
        )

    def test_teaser_list_after_the_article(self):
        """A long list of teaser headlines after the article, under no
        related heading, is not body: it is removed as "after-article"; a
        short list inside the article stays."""
        body = (
            "The council has approved a repair plan for the old harbour wall after the storms.\n"
            "Engineers will first rebuild the northern section, where the stones have shifted.\n"
            "The wall will get:\n"
            "New foundations along its length\n"
            "A wider footpath on the top\n"
            "Lights for the winter months\n"
            "The work is expected to cost about four million and will take most of next year.\n"
        )
        teasers = "".join(
            f"Teaser headline number {k} about something else in town\n"
            for k in range(12)
        )
        dump = (
            "Harbour Wall Repairs Start Next Spring\n"
            + body
            + teasers
            + "Privacy Policy\n"
        )
        article = parse_text(dump, now=NOW)

        assert "A wider footpath on the top" in article.paragraphs
        assert article.paragraphs[-1].startswith("The work is expected")
        removed = [r.text for r in article.removed if r.reason == "after-article"]
        assert 12 == len(removed)
        assert removed[0].startswith("Teaser headline number 0")
        assert "Privacy Policy" in {r.text for r in article.removed}

    def test_long_list_inside_the_article(self):
        """A list longer than `Layout.article_gap` inside the article does
        not end it when a run of paragraphs follows."""
        paragraphs = [
            f"Paragraph {k} of the story says what the council decided and why it matters."
            for k in range(8)
        ]
        items = "".join(f"Item {k} of the list\n" for k in range(12))
        dump = (
            "Harbour Wall Repairs Start Next Spring\n"
            + "\n".join(paragraphs[:5])
            + "\n"
            + items
            + "\n".join(paragraphs[5:])
            + "\n"
        )
        article = parse_text(dump, now=NOW)

        assert "Item 11 of the list" in article.paragraphs
        assert article.paragraphs[-1] == paragraphs[-1]
        assert not any(r.reason == "after-article" for r in article.removed)

    def test_article_gap_zero_keeps_the_body_going(self):
        """With `Layout.article_gap` 0 (and `Layout.link_run` 0, which would
        take the teaser list out as links) the body runs to the related
        section."""
        teasers = "".join(
            f"Teaser headline number {k} about something else in town\n"
            for k in range(12)
        )
        dump = (
            "Harbour Wall Repairs Start Next Spring\n"
            "The council has approved a repair plan for the old harbour wall after the storms.\n"
            + teasers
        )
        layout = attrs.evolve(DEFAULT_LAYOUTS[-1], article_gap=0, link_run=0)

        article = parse_text(dump, now=NOW, layouts=(layout,))

        assert article.subtitle is not None
        assert 12 == sum(p.startswith("Teaser") for p in article.paragraphs)

    @pytest.mark.parametrize(
        ("line", "authors"),
        [
            ("By Nadia Okafor and Tom Reyes", ("Nadia Okafor", "Tom Reyes")),
            ("By the numbers", ()),
            ("by staff", ()),
        ],
    )
    def test_byline_after_the_headline(self, line, authors):
        """A "By ..." line right after the headline gives the authors and is
        set aside; a "By" line that names nobody stays in the body."""
        dump = (
            "Harbour Wall Repairs Start Next Spring After Years Of Delays\n"
            f"{line}\n"
            "The council has approved a repair plan for the old harbour wall after the storms.\n"
            "Engineers will first rebuild the northern section, where the stones have shifted.\n"
        )
        article = parse_text(dump, now=NOW)

        assert authors == article.authors
        assert (line in article.paragraphs) == (not authors)
        assert bool(authors) == any(r.reason == "byline" for r in article.removed)

    def test_text_without_spaces(self):
        """A Japanese page dump: sentences without spaces between words are
        prose, and the line above them is the headline."""
        dump = (FIXTURES / "text" / "page-dump-ja.txt").read_text(encoding="utf-8")
        article = parse_text(dump, now=NOW)

        assert "港の防波堤、来春から修復工事へ" == article.title
        assert article.subtitle is not None
        assert article.subtitle.startswith("市議会は火曜日")
        assert article.paragraphs[0].startswith("工事はまず")
        assert 3 == sum(p.endswith("。") for p in article.paragraphs)
        assert ["メニュー", "ホーム", "ニュース", "地域"] == [
            r.text for r in article.removed if r.reason == "navigation"
        ]

    def test_short_article_before_long_related_items(self):
        """A short article stays the body even when the related items after
        it hold more text: each item's text is one line between its source
        and age lines, which is no run of prose."""
        teaser = "The report says the project ran over budget and behind plan. " * 8
        dump = (
            "Harbour Wall Repairs Start Next Spring After Years Of Delays\n"
            "The council has approved a repair plan for the old harbour wall after the storms.\n"
            "Related Articles\n"
            + "".join(
                f"Harbour Herald\n{k} hours ago\n- Harbour Herald\n"
                f"Marina Expansion Plans Put On Hold Number {k}\n{teaser}\n"
                for k in (1, 2, 3)
            )
        )
        article = parse_text(dump, now=NOW)

        assert [
            "The council has approved a repair plan for the old harbour wall after the storms."
        ] == list(article.paragraphs)
        assert 3 == len(article.related)


class TestLayouts:
    def test_custom_layout(self):
        """A user layout adds a heading and site furniture."""
        layout = Layout(
            name="city-post",
            related_headings=("Elsewhere on City Post",),
            furniture=("Listen to the City Post podcast",),
        )
        dump = (
            "Bridge Opens After Two Years Of Works\n"
            "The new crossing opened on Saturday with a parade and a brass band from the harbour.\n"
            "Listen to the City Post podcast\n"
            "Traffic is expected to ease on the old bridge, which will close for repairs in spring.\n"
            "Elsewhere on City Post\n"
            "Harbour Fair Draws Record Crowds\n"
        )
        article = parse_text(dump, layouts=(layout, *DEFAULT_LAYOUTS))

        assert ["Harbour Fair Draws Record Crowds"] == [
            i.title for i in article.related
        ]
        assert {"Listen to the City Post podcast", "Elsewhere on City Post"} <= {
            r.text for r in article.removed if r.filter == "layout"
        }

    def test_no_layouts(self):
        """An empty layout list is a usage error."""
        with pytest.raises(ValueError, match="layouts"):
            parse_text("x", layouts=())

    def test_default_layouts_are_data(self):
        """The default layouts are frozen data with a generic fallback last."""
        assert "generic" == DEFAULT_LAYOUTS[-1].name
        assert DEFAULT_LAYOUTS[-1].is_related_heading("more from dw")
        assert not DEFAULT_LAYOUTS[-1].is_related_heading("rubio meets lavrov")


class TestReference:
    def test_inferred(self):
        """Without now, the capture time is inferred from ages and dated headlines."""
        article = parse_text(SAMPLE)

        assert "inferred" == article.reference_how
        assert article.reference is not None
        assert NOW in article.reference
        assert all(item.published is not None for item in article.related)

    def test_none(self):
        """Without now or a date to anchor it, ages stay unresolved and are removals."""
        dump = SAMPLE.replace(" – DW – 07/13/2025", "")
        article = parse_text(dump)

        assert "none" == article.reference_how
        assert article.reference is None
        assert [None, None, None] == [item.published for item in article.related]
        assert ["39 minutes ago", "3 hours ago", "3 hours ago"] == [
            r.text for r in article.removed if r.reason == "unresolved-age"
        ]
        assert non_space([dump]) == accounted(article)

    def test_naive_now(self):
        """A naive now is a usage error."""
        with pytest.raises(ValueError, match="aware"):
            parse_text(SAMPLE, now=dt.datetime(2025, 7, 13, 18))  # noqa: DTZ001 - on purpose


class TestProperties:
    @given(st.text())
    def test_never_raises_on_text(self, text):
        """parse_text returns an Article for any string."""
        assert isinstance(parse_text(text, now=NOW), Article)

    @given(strategies.hostile_texts())
    def test_never_raises_on_hostile_text(self, text):
        """parse_text returns an Article for hostile strings too."""
        assert isinstance(parse_text(text), Article)

    @given(st.one_of(strategies.text_dumps(), strategies.hostile_texts(), st.text()))
    def test_conservation(self, text):
        """Kept text plus removals account for every non-space input character."""
        article = parse_text(text, now=NOW)

        assert non_space([text]) == accounted(article)

    @given(st.one_of(strategies.text_dumps(), strategies.hostile_texts()))
    def test_removals_point_into_the_input(self, text):
        """Every removal's text is exactly the input between its offsets."""
        for removal in parse_text(text, now=NOW).removed:
            assert text[removal.start : removal.end] == removal.text

    @given(st.one_of(strategies.text_dumps(), st.text()))
    def test_deterministic(self, text):
        """The same input gives the same article."""
        assert parse_text(text, now=NOW) == parse_text(text, now=NOW)

    @given(strategies.text_dumps())
    def test_related_items_found(self, text):
        """Every related item of a generated dump has a title."""
        for item in parse_text(text, now=NOW).related:
            assert item.title


def test_exported():
    """parse_text, Layout and DEFAULT_LAYOUTS are public."""
    assert {"parse_text", "Layout", "DEFAULT_LAYOUTS"} <= set(newsdump.__all__)
