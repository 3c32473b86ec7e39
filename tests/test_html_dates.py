from __future__ import annotations

import datetime as dt
import html as html_lib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdump
from newsdump._lang import CLDR_CODES, LANGUAGES
from newsdump._lang import month_names as cldr_month_names

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 7, 20, 12, 0, tzinfo=UTC)


def page(head: str = "", body: str = "", *, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head>{head}</head><body><article>'
        "<h1>Harbour bridge reopens after repairs</h1>"
        f"{body}<p>{'The bridge reopened to traffic on Tuesday morning. ' * 8}</p>"
        "</article></body></html>"
    )


def parsed(html: str, url: str | None = None) -> newsdump.Article:
    return newsdump.parse_html(html, url=url, now=NOW)


def day(stamp: newsdump.Timestamp | None) -> dt.date | None:
    return stamp.value.date() if stamp is not None else None


LD = '<script type="application/ld+json">{}</script>'


class TestSources:
    def test_json_ld_graph(self):
        """JSON-LD dates inside @graph are read, the article object first."""
        head = LD.format(
            '{"@graph": [{"@type": "WebPage", "datePublished": "2020-01-01"},'
            '{"@type": "NewsArticle", "datePublished": "2024-03-05T08:15:00+01:00",'
            '"dateModified": "2024-03-06T09:00:00+01:00"}]}'
        )
        article = parsed(page(head))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert dt.date(2024, 3, 6) == day(article.modified)
        assert "json-ld" == article.published.source

    def test_json_ld_nested_main_entity(self):
        """A NewsArticle nested as a WebPage's mainEntity gives the date."""
        head = LD.format(
            '{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle",'
            '"datePublished": "2024-03-05T08:15:00Z"}}'
        )

        assert dt.date(2024, 3, 5) == day(parsed(page(head)).published)

    def test_json_ld_live_updates_are_parts(self):
        """A live blog's updates are not its publication date."""
        head = LD.format(
            '{"@type": "LiveBlogPosting", "coverageStartTime": "2024-03-05T06:00Z",'
            '"liveBlogUpdate": [{"@type": "BlogPosting",'
            '"datePublished": "2024-03-04T09:00Z"}]}'
        )

        assert dt.date(2024, 3, 5) == day(parsed(page(head)).published)

    def test_json_ld_array_of_blocks_and_broken_json(self):
        """Arrays, several blocks and trailing commas are tolerated."""
        head = LD.format('[{"@type": "BreadcrumbList",},]') + LD.format(
            '[{"@type": "Article", "datePublished": ["2024-03-05"],},]'
        )

        assert dt.date(2024, 3, 5) == day(parsed(page(head)).published)

    def test_json_ld_escaped_as_text(self):
        """A JSON-LD script whose quotes are HTML entities is still read."""
        text = '{"@type": "Article", "datePublished": "2024-03-05"}'
        head = LD.format(html_lib.escape(text))

        assert dt.date(2024, 3, 5) == day(parsed(page(head)).published)

    @pytest.mark.parametrize(
        "attribute",
        [
            'property="article:published_time"',
            'name="pubdate"',
            'name="DC.date.issued"',
            'NAME="Parsely-Pub-Date"',
            'itemprop="datePublished"',
            'name="sailthru.date"',
            'name="citation_publication_date"',
        ],
    )
    def test_meta(self, attribute):
        """Meta names are matched case-insensitively on any attribute."""
        head = f'<meta {attribute} content="2024-03-05T08:15:00Z">'
        article = parsed(page(head))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "meta" == article.published.source

    def test_unknown_meta_name_by_pattern(self):
        """An unlisted meta name that says "published" is read too."""
        head = '<meta name="w-published-date" content="2024-03-05">'

        assert dt.date(2024, 3, 5) == day(parsed(page(head)).published)

    def test_microdata(self):
        """itemprop="datePublished" on an element gives the date."""
        body = '<span itemprop="datePublished" content="2024-03-05">5 March</span>'
        article = parsed(page(body=body))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "microdata" == article.published.source

    @pytest.mark.parametrize(
        "prop", ["schema:datePublished", "dc:date", "dcterms:issued", "datePublished"]
    )
    def test_rdfa(self, prop):
        """RDFa date properties on elements give the date."""
        body = f'<span property="{prop}" content="2024-03-05">5 March</span>'
        article = parsed(page(body=body))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "rdfa" == article.published.source

    def test_time_element(self):
        """A <time datetime> under the headline gives the date."""
        body = '<time datetime="2024-03-05T08:15:00+01:00">5 March</time>'
        article = parsed(page(body=body))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "time-element" == article.published.source

    def test_abbr_title(self):
        """An <abbr title> holding a date gives the date."""
        body = '<abbr class="published" title="2024-03-05">5 March</abbr>'
        article = parsed(page(body=body))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "abbr" == article.published.source

    def test_date_class_element(self):
        """An element whose class says date gives the date it prints."""
        body = '<div class="post-date">March 5, 2024</div>'
        article = parsed(page(body=body))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "element" == article.published.source

    def test_text_near_headline(self):
        """A dateline under the headline, in German, gives the date."""
        body = "<p>Von Max Muster, 05.03.2024, 14:32 Uhr</p>"

        article = parsed(page(body=body, lang="de"))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert 14 == article.published.value.hour

    def test_relative_update_near_headline(self):
        """ "Updated 3 hours ago" is resolved against the reference time."""
        body = "<p class='meta'>Updated 3 hours ago</p>"
        article = parsed(page(body=body))

        assert None is article.published
        assert NOW - dt.timedelta(hours=3) in article.modified
        assert "text" == article.modified.source

    def test_url(self):
        """A dated URL gives the date when the page states none."""
        article = parsed(page(), url="https://x.org/2024/03/05/bridge")

        assert dt.date(2024, 3, 5) == day(article.published)
        assert "url" == article.published.source

    def test_url_month(self):
        """A URL with only a month gives a month interval."""
        article = parsed(page(), url="https://x.org/2024/03/bridge")

        assert "month" == article.published.granularity
        start = article.published.earliest + dt.timedelta(hours=14)
        assert dt.date(2024, 3, 1) == start.date()

    def test_last_resort_elsewhere(self):
        """A date-classed element outside the headline area is a last resort."""
        html = (
            "<html><body><div class='hero'>x</div><article><p>"
            + "Words of the story. " * 40
            + "</p></article><div class='entry-date'>March 5, 2024</div></body></html>"
        )

        assert dt.date(2024, 3, 5) == day(parsed(html).published)

    def test_teasers_and_comments_are_not_the_page(self):
        """Dates in related-story lists and comments are not the page's."""
        html = page(
            body=(
                "<ul class='related-posts'><li><time datetime='2024-01-01'>x</time></li>"
                "</ul><div class='comments'><time datetime='2024-02-02'>y</time></div>"
            )
        )

        assert None is parsed(html).published


class TestPrecedence:
    def test_structured_beats_url_and_text(self):
        """JSON-LD beats the URL, which beats the text."""
        head = LD.format('{"@type": "NewsArticle", "datePublished": "2024-03-05"}')
        body = "<p class='date'>1 April 2024</p>"
        article = parsed(page(head, body), url="https://x.org/2024/03/04/story")

        assert dt.date(2024, 3, 5) == day(article.published)
        assert dt.date(2024, 3, 4) == day(
            parsed(page("", body), url="https://x.org/2024/03/04/story").published
        )

    def test_earlier_shown_date_beats_bare_structured_day(self):
        """A structured bare day later than the date the page shows at its
        headline is a republication: the shown date is the first one."""
        head = LD.format('{"@type": "Article", "datePublished": "Jun 24, 2025"}')
        body = "<div class='text-date'>August 25, 2024</div>"

        assert dt.date(2024, 8, 25) == day(parsed(page(head, body)).published)

    def test_machine_timestamp_is_trusted(self):
        """A full structured timestamp is not overridden by a shown date."""
        head = LD.format(
            '{"@type": "Article", "datePublished": "2025-06-24T10:00:00Z"}'
        )
        body = "<div class='text-date'>August 25, 2024</div>"

        assert dt.date(2025, 6, 24) == day(parsed(page(head, body)).published)


class TestOriginalAndUpdated:
    def test_updated_only(self):
        """A page that shows only "Updated ..." gets modified, not published."""
        body = "<p class='meta'>Updated: 5 March 2024</p>"
        article = parsed(page(body=body))

        assert None is article.published
        assert dt.date(2024, 3, 5) == day(article.modified)

    def test_both_shown(self):
        """Published and updated lines give both dates."""
        body = (
            "<p class='meta'>Published 1 March 2024</p>"
            "<p class='meta'>Updated 5 March 2024</p>"
        )
        article = parsed(page(body=body))

        assert dt.date(2024, 3, 1) == day(article.published)
        assert dt.date(2024, 3, 5) == day(article.modified)

    def test_update_before_publication_is_dropped(self):
        """An update earlier than the publication is not kept."""
        head = (
            '<meta property="article:published_time" content="2024-03-05T10:00Z">'
            '<meta property="article:modified_time" content="2024-03-01T10:00Z">'
        )
        article = parsed(page(head))

        assert None is article.modified


class TestPlausibility:
    def test_future_dates_are_rejected(self):
        """A date after the reference time is not a publication date."""
        head = '<meta property="article:published_time" content="2026-01-01">'

        assert None is parsed(page(head)).published

    def test_template_dates_are_rejected(self):
        """1970-01-01 is nobody's publication date."""
        head = '<meta property="article:published_time" content="1970-01-01">'

        assert None is parsed(page(head)).published

    def test_page_offset_kept(self):
        """A late-evening time keeps its offset and its day."""
        head = (
            '<meta property="article:published_time" content="2024-03-05T23:30-05:00">'
        )
        article = parsed(page(head))

        assert dt.date(2024, 3, 5) == day(article.published)
        assert dt.timedelta(hours=-5) == article.published.value.utcoffset()

    def test_naive_text_takes_page_offset(self):
        """A dateline without a zone takes the offset the page states."""
        head = (
            '<meta property="article:published_time" content="2024-03-05T08:15+02:00">'
        )
        body = "<p class='meta'>Updated 6 March 2024 10:00</p>"

        found = newsdump.find_dates(page(head, body), now=NOW)
        update = next(c for c in found if c.role == "modified")

        assert dt.timedelta(hours=2) == update.timestamp.value.utcoffset()
        assert 10 == update.timestamp.value.hour

    def test_structured_time_settles_parse_html(self):
        """With a structured timestamp, parse_html does not read the text
        (find_dates does)."""
        head = (
            '<meta property="article:published_time" content="2024-03-05T08:15+02:00">'
        )
        body = "<p class='meta'>Updated 6 March 2024 10:00</p>"

        assert None is parsed(page(head, body)).modified


class TestFindDates:
    def test_every_candidate_with_provenance(self):
        """find_dates lists each source's date, ranked, with its span."""
        head = '<meta property="article:published_time" content="2024-03-05T08:15Z">'
        body = "<p class='byline'>By Ana Ruiz, 5 March 2024</p>"
        found = newsdump.find_dates(
            page(head, body), url="https://x.org/2024/03/05/a", now=NOW
        )

        assert ["meta", "url", "element"] == [c.source for c in found]
        assert [c.rank for c in found] == sorted(c.rank for c in found)
        byline = found[2]
        assert "5 March 2024" == byline.text[byline.start : byline.end]
        assert "p.byline" == byline.key

    def test_naive_now_is_rejected(self):
        """The reference time must be aware."""
        with pytest.raises(ValueError, match="aware"):
            newsdump.find_dates("", now=dt.datetime(2025, 1, 1))  # noqa: DTZ001

    @given(st.text(max_size=300) | st.binary(max_size=300))
    def test_never_raises(self, data):
        """Any string or bytes gives a tuple of candidates."""
        assert isinstance(newsdump.find_dates(data), tuple)


HAND = {lang.code: lang for lang in LANGUAGES}
SPACED = tuple(
    code
    for code in CLDR_CODES
    if code in HAND
    or all(name.isalpha() for name in cldr_month_names(code))  # not "7月"
)


def _names(code: str) -> tuple[tuple[str, ...], ...]:
    """Each month's names in language *code*, January first."""
    if code in HAND:
        return HAND[code].months
    by_month: dict[int, list[str]] = {}
    for name, month in cldr_month_names(code).items():
        by_month.setdefault(month, []).append(name)
    return tuple(tuple(by_month[m]) for m in range(1, 13))


@st.composite
def rendered_dates(draw: st.DrawFn) -> tuple[dt.date, str, str, str | None]:
    """A date rendered in a supported language and format, placed in a page."""
    date = draw(st.dates(min_value=dt.date(1996, 1, 1), max_value=dt.date(2025, 7, 1)))
    code = draw(st.sampled_from(SPACED))
    months = _names(code)
    name = draw(st.sampled_from(months[date.month - 1]))
    if draw(st.booleans()):
        name = name.capitalize()
    name = name.rstrip(".")
    forms = [
        f"{date.day} {name} {date.year}",
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        date.isoformat(),
    ]
    if code == "en":
        forms.append(f"{name} {date.day}, {date.year}")
        forms.append(f"{date.month}/{date.day}/{date.year}")
    text = draw(st.sampled_from(forms))
    place = draw(st.sampled_from(["meta", "time", "url", "byline"]))
    url = None
    head = body = ""
    if place == "meta":
        head = f'<meta name="date" content="{text}">'
    elif place == "time":
        body = f"<time>{text}</time>"
    elif place == "url":
        url = f"https://news.example/{date.year}/{date.month:02d}/{date.day:02d}/x"
    else:
        body = f"<p>Ana Ruiz · {text}</p>"
    return date, page(head, body, lang=code), code, url


class TestProperties:
    @settings(max_examples=80)
    @given(rendered_dates())
    def test_rendered_date_is_found(self, case):
        """A date in any supported language and format, in a meta tag, a
        <time>, the URL or the byline, is found with the right day."""
        date, html, _code, url = case
        article = parsed(html, url=url)

        assert date == day(article.published)

    @settings(max_examples=40)
    @given(st.text(alphabet="abcdefghij klmnop,.", min_size=1, max_size=200))
    def test_no_date_no_date(self, words):
        """A page without any date gets none."""
        html = page(body=f"<p class='meta'>{html_lib.escape(words)}</p>")
        article = parsed(html, url="https://news.example/story")

        assert (None, None) == (article.published, article.modified)
