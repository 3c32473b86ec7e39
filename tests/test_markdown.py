"""
`to_markdown` and `to_text`, read back with a CommonMark parser
(markdown-it-py) and a YAML parser (PyYAML), both test dependencies.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdump import (
    Article,
    Caption,
    RelatedItem,
    Source,
    Timestamp,
    parse_text,
    to_dict,
    to_markdown,
    to_text,
)
from tests.strategies import articles

markdown_it = pytest.importorskip("markdown_it")
yaml = pytest.importorskip("yaml")

EXAMPLE = (
    resources.files("newsdump")
    .joinpath("_data", "example.txt")
    .read_text(encoding="utf-8")
)
NOW = dt.datetime(2025, 6, 21, 12, tzinfo=dt.timezone.utc)

# Markdown syntax that article text must never turn into.
_SYNTAX = st.sampled_from(
    [
        "1.", "1) ", "#", "## ", "- ", "+ ", "* ", "*", "**", "_", "__", "`", "```",
        "~~~", "~~", "[a](b)", "[a]: /u", "![i](x.png)", "<b>", "</b>", "<!-- c -->",
        "<http://e.com>", "&amp;", "&#42;", "&copy", "\\", "\\*", "---", "***",
        "===", "> ", "|a|b|", "    ", "\t", "\n", "\r\n", "\n\n", "\x00", "\u2028",
        "\xa0", "\u0085", "www.e.com", "https://e.com", " ", "x", "word",
    ]
)  # fmt: skip
hostile = st.lists(_SYNTAX | st.text(max_size=4), max_size=12).map("".join)


def squash(text: str) -> str:
    return " ".join(text.replace("\x00", "\ufffd").split())


def inline_text(token) -> str:
    """The text a reader sees in an inline token: its text children."""
    return "".join(child.content for child in token.children if child.type == "text")


def blocks_of(markdown: str) -> list[tuple[str, str, list[str]]]:
    """(block type, its text, the inline token types) for each inline block."""
    md = markdown_it.MarkdownIt("commonmark")
    tokens = md.parse(markdown)
    found = []
    for i, token in enumerate(tokens):
        if token.type == "inline":
            opener = tokens[i - 1]
            kind = opener.tag if opener.type == "heading_open" else opener.type
            inner = [c.type for c in token.children if c.type != "text"]
            found.append((kind, inline_text(token), inner))
    return found


def block_types(markdown: str) -> set[str]:
    return {t.type for t in markdown_it.MarkdownIt("commonmark").parse(markdown)}


def split_front_matter(markdown: str) -> tuple[dict[str, object], str]:
    if not markdown.startswith("---\n"):
        return {}, markdown
    head, body = markdown[4:].split("\n---\n", 1)
    return yaml.safe_load(head) or {}, body


class TestEscaping:
    @settings(max_examples=150)
    @given(
        title=hostile,
        subtitle=hostile,
        paragraphs=st.lists(hostile, min_size=1, max_size=5),
        caption=hostile,
        credit=hostile,
        data=st.data(),
    )
    def test_article_text_stays_text(  # noqa: PLR0917 - hypothesis fills them
        self, title, subtitle, paragraphs, caption, credit, data
    ):
        """No article text becomes a list, heading, emphasis, link, code or HTML.

        Each block reads back, as CommonMark, as exactly the article's
        text (white space squashed), in order.
        """
        headings = data.draw(st.sets(st.integers(0, len(paragraphs) - 1), max_size=2))
        article = Article(
            title=title,
            subtitle=subtitle,
            paragraphs=paragraphs,
            headings=sorted(headings),
            captions=[Caption(text=caption, credit=credit or None)],
        )
        expected: list[tuple[str, str, list[str]]] = []
        if squash(title):
            expected.append(("h1", squash(title), []))
        if squash(subtitle):
            expected.append(
                ("paragraph_open", squash(subtitle), ["em_open", "em_close"])
            )
        for i, paragraph in enumerate(paragraphs):
            if squash(paragraph):
                kind = "h2" if i in headings else "paragraph_open"
                expected.append((kind, squash(paragraph), []))
        if squash(caption) and squash(credit):
            expected.append(
                (
                    "paragraph_open",
                    f"{squash(caption)} — {squash(credit)}",
                    ["em_open", "em_close"],
                )
            )
        elif squash(caption):
            expected.append(
                ("paragraph_open", squash(caption), ["em_open", "em_close"])
            )
        elif squash(credit):
            expected.append(("paragraph_open", squash(credit), []))
        markdown = to_markdown(article, metadata=False)

        assert expected == blocks_of(markdown)
        assert {"paragraph_open", "paragraph_close", "inline"} | (
            {"heading_open", "heading_close"}
            if any(k.startswith("h") for k, _, _ in expected)
            else set()
        ) >= block_types(markdown)

    @pytest.mark.parametrize(
        "paragraph",
        [
            "1. Not a list",
            "# Not a heading",
            "- not a bullet",
            "a *b* _c_ **d**",
            "see [this](https://e.com)",
            "<b>bold</b> & <script>x</script>",
            "&amp; stays &amp;",
            "---",
        ],
    )
    def test_examples_from_the_issue(self, paragraph):
        """The issue's examples render as their literal text in a paragraph."""
        html = markdown_it.MarkdownIt("commonmark").render(
            to_markdown(Article(paragraphs=[paragraph]), metadata=False)
        )
        import html as html_module

        assert f"<p>{html_module.escape(paragraph, quote=False)}</p>\n" == html


class TestLayout:
    def test_example_dump(self):
        """The example dump: title, subtitle, paragraphs, caption and related list."""
        article = parse_text(EXAMPLE, now=NOW)
        markdown = to_markdown(article, metadata=False)
        blocks = blocks_of(markdown)

        assert ("h1", article.title, []) == blocks[0]
        assert ("paragraph_open", article.subtitle, ["em_open", "em_close"]) == blocks[
            1
        ]
        assert [b[1] for b in blocks[2 : 2 + len(article.paragraphs)]] == list(
            article.paragraphs
        )
        assert (
            "*Visitors queue to board the Paper Tide on its opening morning at the "
            "old fish market* — Lena Marsh/AFP"
        ) in markdown.splitlines()
        assert markdown.endswith(
            "## Related\n\n"
            "- Ferry Timetables Change As Summer Season Begins — Coastal Courier, "
            "2025-06-21T11:35:00+00:00\n"
            "- Market Traders Ask For Shared Berths — The Bay Herald, "
            "2025-06-21T10:00:00+00:00\n"
            "- Volunteers Wanted For Beach Clean-Up — Coastal Courier, "
            "2025-06-21T07:00:00+00:00\n"
        )

    def test_related_link(self):
        """A related item with a URL is a link; its title stays escaped."""
        item = RelatedItem(
            title="A [b] *c*",
            url="https://e.com/a b>c",
            source=Source(name="<Src>"),
        )
        tokens = markdown_it.MarkdownIt("commonmark").parse(
            to_markdown(Article(title="T", related=[item]), metadata=False)
        )
        inline = [t for t in tokens if t.type == "inline"][-1]
        links = [c for c in inline.children if c.type == "link_open"]

        assert 1 == len(links)
        assert "https://e.com/a%20b%3Ec" == links[0].attrs["href"]
        assert "A [b] *c* — <Src>" == inline_text(inline)


class TestFrontMatter:
    @settings(max_examples=60)
    @given(article=articles())
    def test_same_values_as_json(self, article):
        """The front matter parses as YAML and holds the JSON output's values."""
        front, _ = split_front_matter(to_markdown(article))
        data = json.loads(json.dumps(to_dict(article)))

        assert data["title"] == front.get("title")
        assert data["subtitle"] == front.get("subtitle")
        assert data["authors"] == front.get("authors", [])
        assert (data["published"] or {}).get("value") == front.get("published")
        assert (data["modified"] or {}).get("value") == front.get("modified")
        assert (data["source"] or {}).get("name") == front.get("source")
        assert data["url"] == front.get("url")
        assert data["language"] == front.get("language")
        assert data["tags"] == front.get("tags", [])

    @settings(max_examples=100)
    @given(
        title=st.text(min_size=1),
        authors=st.lists(st.text(min_size=1), max_size=3),
        tags=st.lists(st.text(), max_size=3),
    )
    def test_any_string_round_trips(self, title, authors, tags):
        """Any title, author or tag, quotes and control characters included."""
        front, body = split_front_matter(
            to_markdown(Article(title=title, authors=authors, tags=tags))
        )

        assert title == front["title"]
        assert authors == front.get("authors", [])
        assert tags == front.get("tags", [])
        assert body.startswith("\n")

    def test_metadata_off(self):
        """metadata=False leaves the front matter out."""
        article = Article(title="T", url="https://e.com/")

        assert "# T\n" == to_markdown(article, metadata=False)


class TestText:
    @settings(max_examples=100)
    @given(
        title=hostile,
        subtitle=hostile,
        paragraphs=st.lists(hostile, max_size=5),
    )
    def test_words_round_trip(self, title, subtitle, paragraphs):
        """The text holds the article's words in order, one block per blank line."""
        article = Article(title=title, subtitle=subtitle, paragraphs=paragraphs)
        expected = [squash(t) for t in (title, subtitle, *paragraphs) if squash(t)]
        text = to_text(article)

        assert " ".join(expected).split() == text.split()
        assert expected == [b for b in text.rstrip("\n").split("\n\n") if b]

    def test_layout(self):
        """Captions and related items follow the body in the documented lines."""
        stamp = Timestamp(
            text="3 hours ago",
            value=NOW,
            earliest=NOW - dt.timedelta(hours=1),
            latest=NOW,
            granularity="hour",
        )
        article = Article(
            title="Title",
            paragraphs=["One.", "Two."],
            captions=[Caption(text="A photo", credit="AFP"), Caption(text="Bare")],
            related=[
                RelatedItem(
                    title="Other",
                    url="https://e.com/o",
                    source=Source(name="DW"),
                    published=stamp,
                ),
                RelatedItem(title="Plain"),
            ],
        )

        assert (
            "Title\n\nOne.\n\nTwo.\n\n"
            "Caption: A photo (AFP)\nCaption: Bare\n\n"
            "Related:\n- Other (DW, 2025-06-21T12:00:00+00:00)\n  https://e.com/o\n"
            "- Plain\n"
        ) == to_text(article)
