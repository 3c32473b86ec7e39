from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdump import Caption, filters, parse_text
from newsdump.filters import (
    Block,
    CaptionCredits,
    Decision,
    DuplicatedSpans,
    TitleSuffix,
    Trim,
)
from tests import strategies

NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)
NOTICE = (
    "To view this video please enable JavaScript, and consider upgrading to a "
    "web browser that supports HTML5 video"
)
DOUBLED = (
    'Elsewhere, Ukraine has "eliminated" a man and a woman said to be responsible for '
    'the killing of an SBU secret service officer in has "eliminated" a man and a '
    "woman said to be responsible for the killing of an SBU secret service officer in "
    "Kyiv. The two suspects were working on behalf of Russia."
)


def block(text: str, role: str = "paragraph") -> Block:
    return Block(text=text, role=role, start=0, end=len(text))


def cut(text: str, result: Trim | Decision | None) -> str:
    """What is left of *text* after a Trim."""
    assert isinstance(result, Trim)
    out, at = [], 0
    for start, end in result.spans:
        out.append(text[at:start])
        at = end
    out.append(text[at:])
    return " ".join(" ".join(out).split())


class TestVideoNotice:
    def test_cuts_notices(self):
        """Video-player fallback notices are cut wherever they are."""
        text = f"First part. {NOTICE} Second part. {NOTICE}"
        result = filters.video_notice(block(text))

        assert "First part. Second part." == cut(text, result)
        assert isinstance(result, Trim)
        assert "video-notice" == result.reason

    def test_lower_case_first_letter(self):
        """A notice that starts in lower case is cut too."""
        text = "Intro. your browser does not support the video tag. Outro."

        assert "Intro. Outro." == cut(text, filters.video_notice(block(text)))

    def test_leaves_prose(self):
        """Text that only mentions a video is left alone."""
        assert filters.video_notice(block("He posted a video on Telegram.")) is None


class TestWidgets:
    @pytest.mark.parametrize(
        ("flt", "text", "reason"),
        [
            (filters.promo, "Try Our AI Features", "promo"),
            (filters.promo, "Explore what Daily8 AI can do for you:", "promo"),
            (filters.promo, "Advertisement", "promo"),
            (filters.comment_widget, "Comments", "comments"),
            (filters.comment_widget, "No comments yet...", "comments"),
            (filters.comment_widget, "12 comments", "comments"),
            (filters.furniture, "Hashtags", "furniture"),
            (
                filters.furniture,
                "© 2025 Example Media. All rights reserved.",
                "furniture",
            ),
            (filters.share_prompt, "Share this article", "share-prompt"),
            (filters.share_prompt, "Sign up for our newsletter", "share-prompt"),
            (filters.share_prompt, "Follow us on Instagram", "share-prompt"),
            # the same widgets in the other languages newsdump knows
            (filters.comment_widget, "Kommentare", "comments"),
            (filters.comment_widget, "Laisser un commentaire", "comments"),
            (filters.comment_widget, "Deixe um comentário", "comments"),
            (filters.furniture, "Datenschutzerklärung", "furniture"),
            (filters.furniture, "Política de privacidad", "furniture"),
            (filters.furniture, "Naar boven", "furniture"),
            (filters.share_prompt, "Partager cet article", "share-prompt"),
            (filters.share_prompt, "Condividi", "share-prompt"),
            (filters.share_prompt, "Síguenos en Twitter", "share-prompt"),
        ],
    )
    def test_drops(self, flt, text, reason):
        """Short widget lines are dropped with their reason."""
        assert Decision(keep=False, reason=reason) == flt(block(text))

    @pytest.mark.parametrize(
        "flt",
        [
            filters.promo,
            filters.comment_widget,
            filters.furniture,
            filters.share_prompt,
        ],
    )
    def test_keeps_prose(self, flt):
        """A sentence that merely mentions comments or sharing is not a widget."""
        text = "Comments from the minister about sharing the costs drew criticism in parliament."

        assert flt(block(text)) is None


class TestDuplicatedSpans:
    def test_cuts_second_copy(self):
        """A span printed twice in a row loses its second copy."""
        result = DuplicatedSpans()(block(DOUBLED))

        assert (
            'Elsewhere, Ukraine has "eliminated" a man and a woman said to be responsible '
            "for the killing of an SBU secret service officer in Kyiv. The two suspects "
            "were working on behalf of Russia."
        ) == cut(DOUBLED, result)
        assert isinstance(result, Trim)
        assert "duplicated-span" == result.reason

    def test_short_repeat_kept(self):
        """Repeats shorter than min_chars stay ("said a man, said a man")."""
        text = "The talks went on, he said, he said, and ended late in the night."

        assert DuplicatedSpans()(block(text)) is None

    def test_repeat_far_apart_kept(self):
        """The same sentence twice, far apart, is not a scraper doubling."""
        sentence = "The talks will resume in the capital after the summer break. "
        filler = "Other news followed at length. Markets fell in the morning. Rain came later. "
        text = sentence + filler + sentence

        assert DuplicatedSpans()(block(text)) is None

    def test_runs_of_punctuation_kept(self):
        """Runs of one character are not doubled prose."""
        text = "-" * 200 + " and " + "ta " * 100

        assert DuplicatedSpans()(block(text)) is None

    def test_triple_copy(self):
        """A span printed three times keeps one copy."""
        unit = "the minister said talks would resume in june after protests "
        text = "Before " + unit * 3 + "after."

        assert "Before " + unit + "after." == cut(text, DuplicatedSpans()(block(text)))

    @given(
        st.lists(
            st.sampled_from(["north", "river", "bank", "said", "it"]), max_size=30
        ),
        st.lists(
            st.sampled_from(
                [
                    "council",
                    "vote",
                    "tax",
                    "on",
                    "the",
                    "late",
                    "plan",
                    "budget",
                    "mayor",
                    "city",
                    "rail",
                    "bridge",
                    "delay",
                    "cost",
                    "review",
                ]
            ),
            min_size=5,
            max_size=15,
            unique=True,  # prose-like: no run inside the unit repeats
        ).filter(lambda unit: len(" ".join(unit)) >= 40),
        st.lists(st.sampled_from(["south", "hill", "road", "told", "us"]), max_size=30),
        st.integers(min_value=2, max_value=4),
    )
    def test_any_doubled_run_keeps_one_copy(self, before, unit, after, copies):
        """A run of different words printed 2 to 4 times in a row keeps one copy."""
        text = " ".join([*before, *unit * copies, *after])
        expected = " ".join([*before, *unit, *after])

        assert expected == cut(text, DuplicatedSpans()(block(text)))

    def test_near_linear(self):
        """A 2 MB line is checked in well under a second per megabyte."""
        text = ("the minister said talks would resume soon " * 60 + "x. ") * 800
        start = time.process_time()
        DuplicatedSpans()(block(text))

        assert time.process_time() - start < 5


class TestCaptionCredits:
    @pytest.mark.parametrize(
        ("credit"),
        [
            "AFP",
            "Reuters",
            "AP",
            "Getty Images",
            "EPA",
            "Bloomberg",
            "Mandel Ngan/AFP",
            "Anna Moneymaker via Getty Images",
            "Jim Watson/AFP via Getty Images",
        ],
    )
    def test_splits_caption(self, credit):
        """A trailing caption with an agency credit moves to captions."""
        text = (
            f"The talks ended late. Ministers pose for a photo in Kuala Lumpur {credit}"
        )
        result = CaptionCredits()(block(text))

        assert isinstance(result, Trim)
        assert (
            Caption(text="Ministers pose for a photo in Kuala Lumpur", credit=credit),
        ) == (result.captions)
        assert "The talks ended late." == cut(text, result)

    @pytest.mark.parametrize(
        "text",
        [
            "The figures were first reported by AFP",
            "The minister told Reuters",
            "He said the talks ended late.",
            "Ministers met. Then AFP",
        ],
    )
    def test_prose_kept(self, text):
        """Prose that ends with an agency name after a verb or preposition stays."""
        assert CaptionCredits()(block(text)) is None

    def test_roles(self):
        """Headlines are not searched for captions."""
        assert (
            CaptionCredits()(block("Ministers pose in Kuala Lumpur AFP", role="title"))
            is None
        )

    def test_configurable(self):
        """Agencies are a setting."""
        flt = CaptionCredits(agencies=("City Post Photo",))
        result = flt(block("Crowds gather at the harbour City Post Photo"))

        assert isinstance(result, Trim)
        assert "City Post Photo" == result.captions[0].credit


class TestTitleSuffix:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Ukraine updates: Russia seizes more territory in Donetsk – DW – 07/13/2025",
                "Ukraine updates: Russia seizes more territory in Donetsk",
            ),
            ("Markets fall as rates rise | Reuters", "Markets fall as rates rise"),
            ("Storm hits the coast - BBC News", "Storm hits the coast"),
            ("Bridge opens — 2025-07-13", "Bridge opens"),
        ],
    )
    def test_cuts_suffix(self, text, expected):
        """Publisher and date suffixes are cut off headlines."""
        assert expected == cut(text, TitleSuffix()(block(text, role="title")))

    @pytest.mark.parametrize(
        "text",
        [
            "Rubio meets Lavrov - again",
            "Covid-19 - what we know so far about the new variant",
        ],
    )
    def test_keeps_dash_in_headline(self, text):
        """A dash that is part of the headline stays."""
        assert TitleSuffix()(block(text, role="title")) is None

    def test_only_headlines(self):
        """Paragraphs are left alone."""
        assert (
            TitleSuffix()(block("It was reported | Reuters", role="paragraph")) is None
        )


class TestChain:
    def test_default_filters(self):
        """DEFAULT_FILTERS holds the text filters, in order, after the HTML ones."""
        names = [filters.filter_name(f) for f in filters.DEFAULT_FILTERS]

        assert [filters.filter_name(f) for f in filters.TEXT_FILTERS] == names[
            -len(filters.TEXT_FILTERS) :
        ]
        assert [
            "video_notice",
            "duplicated_spans",
            "promo",
            "comment_widget",
            "cookie_notice",
            "furniture",
            "share_prompt",
            "captions",
            "title_suffix",
        ] == [filters.filter_name(f) for f in filters.TEXT_FILTERS]

    def test_without_changes_result(self):
        """Removing a built-in filter per call keeps what it would have removed."""
        dump = "Bridge Opens After Two Years\nThe crossing links both halves of the old town.\nComments\n"
        article = parse_text(
            dump, filters=filters.without(filters.DEFAULT_FILTERS, "comment_widget")
        )

        assert "Comments" in article.paragraphs

    def test_load_builtin(self):
        """A built-in filter can be loaded by name."""
        assert filters.load("captions") is filters.TEXT_FILTERS[7]

    def test_user_filter(self):
        """A user filter plugged in per call changes the result and shows in removed."""

        def no_weather(block: filters.Block) -> filters.Decision | None:
            if block.text.startswith("Weather:"):
                return filters.Decision(keep=False, reason="weather-box")
            return None

        dump = (
            "Bridge Opens After Two Years\n"
            "The crossing links both halves of the old town, the mayor said on Sunday.\n"
            "Weather: sunny, 24 degrees\n"
            "Traffic on the old bridge is expected to ease from Monday morning.\n"
        )
        plain = parse_text(dump)
        custom = parse_text(dump, filters=(*filters.DEFAULT_FILTERS, no_weather))

        assert "Weather: sunny, 24 degrees" in plain.paragraphs
        assert "Weather: sunny, 24 degrees" not in custom.paragraphs
        assert [("no_weather", "weather-box", "Weather: sunny, 24 degrees")] == [
            (r.filter, r.reason, r.text) for r in custom.removed
        ]

    @given(strategies.blocks())
    def test_filters_are_pure(self, blk):
        """Every built-in filter gives the same answer twice for the same block."""
        for flt in filters.TEXT_FILTERS:
            assert flt(blk) == flt(blk)
