"""
Hypothesis strategies for newsdump's models and for the inputs it parses.

- One strategy per model: `sources`, `timestamps`, `captions`, `removals`,
  `related_items`, `articles`, `blocks`.
- Realistic inputs: `text_dumps` (title, standfirst, paragraphs, a caption
  with its credit glued to a paragraph, page furniture, a related section
  with sources and ages) and `html_pages` (the same parts as a page).
- Hostile inputs: `hostile_texts` and `hostile_html` (control characters,
  NUL, very long lines, any unicode, unbalanced and deeply nested tags,
  raw bytes).

Also `accounted_characters`, the conservation check shared by the
property tests.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from hypothesis import strategies as st

from newsdump import (
    Article,
    Caption,
    RelatedItem,
    Removal,
    Source,
    Timestamp,
)
from newsdump.filters import Block

__all__ = [
    "NOW",
    "accounted_characters",
    "articles",
    "aware_datetimes",
    "blocks",
    "captions",
    "hostile_html",
    "hostile_texts",
    "html_pages",
    "input_characters",
    "related_items",
    "removals",
    "sources",
    "text_dumps",
    "timestamps",
]

NOW = dt.datetime(2025, 7, 13, 18, 0, tzinfo=dt.timezone.utc)
"""The reference time the property tests parse with."""

# ---------------------------------------------------------------------------
# Models.

_words = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12
)
_short = st.lists(_words, min_size=1, max_size=6).map(" ".join)
_offsets = st.integers(min_value=0, max_value=10_000)

aware_datetimes = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),  # noqa: DTZ001 - hypothesis wants naive bounds
    max_value=dt.datetime(2040, 1, 1),  # noqa: DTZ001
    timezones=st.sampled_from(
        [
            dt.timezone.utc,
            dt.timezone(dt.timedelta(hours=2)),
            dt.timezone(dt.timedelta(hours=-5, minutes=-30)),
        ]
    ),
)
"""Timezone-aware datetimes with a few fixed offsets."""

sources = st.builds(
    Source,
    name=_short,
    domain=st.none() | st.sampled_from(["dw.com", "ibtimes.com", "example.org"]),
    url=st.none() | st.just("https://example.org/"),
)


@st.composite
def timestamps(draw: st.DrawFn) -> Timestamp:
    """A `Timestamp` whose bounds hold (earliest <= value <= latest)."""
    value = draw(aware_datetimes)
    before = draw(
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=2))
    )
    after = draw(
        st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=2))
    )
    return Timestamp(
        text=draw(st.sampled_from(["3 hours ago", "yesterday", "07/13/2025", "now"])),
        value=value,
        earliest=value - before,
        latest=value + after,
        granularity=draw(
            st.sampled_from(
                ["second", "minute", "hour", "day", "week", "month", "year"]
            )
        ),
        source=draw(st.none() | st.sampled_from(["json-ld", "meta", "url", "text"])),
    )


captions = st.builds(
    Caption,
    text=_short,
    credit=st.none() | st.sampled_from(["AFP", "Reuters", "AP", "Getty Images"]),
)


@st.composite
def removals(draw: st.DrawFn) -> Removal:
    """A `Removal` with start <= end."""
    start = draw(_offsets)
    return Removal(
        filter=draw(st.sampled_from(["layout", "video-notice", "furniture"])),
        reason=draw(st.sampled_from(["video-notice", "comments", "promo"])),
        text=draw(_short),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=500)),
        detail=draw(st.sampled_from(["", "0.82 > 0.50"])),
    )


related_items = st.builds(
    RelatedItem,
    title=_short,
    url=st.none() | st.just("https://example.org/story"),
    source=st.none() | sources,
    published=st.none() | timestamps(),
    body=st.just("") | _short,
    captions=st.lists(captions, max_size=2),
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """An `Article` with every field drawn, headings pointing at paragraphs."""
    paragraphs = draw(st.lists(_short, max_size=6))
    headings = sorted(
        draw(st.sets(st.integers(0, len(paragraphs) - 1))) if paragraphs else set()
    )
    return Article(
        title=draw(st.none() | _short),
        subtitle=draw(st.none() | _short),
        paragraphs=paragraphs,
        headings=headings,
        captions=draw(st.lists(captions, max_size=3)),
        authors=draw(st.lists(_short, max_size=2)),
        source=draw(st.none() | sources),
        published=draw(st.none() | timestamps()),
        modified=draw(st.none() | timestamps()),
        url=draw(st.none() | st.just("https://example.org/a")),
        language=draw(st.none() | st.sampled_from(["en", "de", "fr"])),
        image=draw(st.none() | st.just("https://example.org/a.jpg")),
        tags=draw(st.lists(_words, max_size=3)),
        related=draw(st.lists(related_items, max_size=3)),
        removed=draw(st.lists(removals(), max_size=3)),
        reference=draw(st.none() | timestamps()),
        reference_how=draw(st.sampled_from(["given", "inferred", "none"])),
    )


@st.composite
def blocks(draw: st.DrawFn) -> Block:
    """A filter `Block` as either parser could build it."""
    text = draw(_short)
    start = draw(_offsets)
    count = draw(st.integers(min_value=1, max_value=50))
    return Block(
        text=text,
        role=draw(
            st.sampled_from(
                ["title", "subtitle", "paragraph", "heading", "furniture", "unknown"]
            )
        ),
        index=draw(st.integers(min_value=0, max_value=count - 1)),
        count=count,
        start=start,
        end=start + len(text),
        tag=draw(st.none() | st.sampled_from(["p", "div", "li", "h2"])),
        classes=draw(
            st.lists(st.sampled_from(["promo", "article", "share"]), max_size=3)
        ),
        link_density=draw(st.floats(min_value=0.0, max_value=1.0)),
        depth=draw(st.integers(min_value=0, max_value=40)),
    )


# ---------------------------------------------------------------------------
# Realistic dumps.


def _split(words: str) -> list[str]:
    return words.split()


_sentence = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(
        st.sampled_from(
            _split(
                "the minister said talks would resume in june after a week of "
                "protests over tariffs on steel and copper imports from asia"
            )
        ),
        min_size=4,
        max_size=18,
    ),
    st.sampled_from([".", ".", "?", "!", '."']),
)
_paragraph = st.lists(_sentence, min_size=1, max_size=5).map(" ".join)
_title = st.lists(
    st.sampled_from(
        _split(
            "Rubio Meets Lavrov At Talks Rates Rise Again Bridge Opens In "
            "Storm Hits Coast Markets Fall"
        )
    ),
    min_size=3,
    max_size=9,
).map(" ".join)
_credit = st.sampled_from(["AFP", "Reuters", "AP", "Getty Images", "EPA"])
_furniture = st.sampled_from(
    [
        "Hashtags",
        "Comments",
        "No comments yet...",
        "Share this article",
        "Sign up for our newsletter",
        "Try Our AI Features",
        "Advertisement",
        (
            "To view this video please enable JavaScript, and consider upgrading "
            "to a web browser that supports HTML5 video"
        ),
    ]
)
_source_name = st.sampled_from(["Int'l Business Times", "DW", "City Post", "AFP"])
_age = st.sampled_from(
    [
        "39 minutes ago",
        "3 hours ago",
        "an hour ago",
        "2 days ago",
        "yesterday",
        "just now",
    ]
)
_related_heading = st.sampled_from(
    [
        "Related Articles",
        "Related",
        "Read more",
        "You may also like",
        "More from City Post",
    ]
)


@st.composite
def text_dumps(draw: st.DrawFn, *, glued_captions: bool = True) -> str:
    """
    A text dump laid out like the aggregator sample, with variations.

    With *glued_captions*, the last paragraph may end with a photo caption
    and its credit, as in the sample.
    """
    lines = [draw(_title)]
    if draw(st.booleans()):
        lines.append(draw(_paragraph))
    paragraphs = draw(st.lists(_paragraph, min_size=1, max_size=8))
    if glued_captions and draw(st.booleans()):
        caption = draw(_sentence).rstrip('.!?"')
        paragraphs[-1] += f" {caption} {draw(_credit)}"
    lines += paragraphs
    lines += draw(st.lists(_furniture, max_size=4))
    items = draw(
        st.lists(st.tuples(_source_name, _age, _title, _paragraph), max_size=3)
    )
    if items:
        lines.append(draw(_related_heading))
        for source, age, title, body in items:
            lines += ["", "", source, age, f"- {source}", title, body]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = "\ufeff" if draw(st.booleans()) else ""
    return bom + newline.join(lines) + newline


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A news page in HTML built from the same parts as `text_dumps`."""
    title = draw(_title)
    body = "".join(
        f"<p>{p}</p>" for p in draw(st.lists(_paragraph, min_size=1, max_size=6))
    )
    figure = ""
    if draw(st.booleans()):
        figure = (
            f"<figure><img src='a.jpg'><figcaption>{draw(_sentence)} "
            f"{draw(_credit)}</figcaption></figure>"
        )
    furniture = "".join(
        f"<div class='share'>{f}</div>" for f in draw(st.lists(_furniture, max_size=3))
    )
    related = "".join(
        f"<li><a href='/story/{i}'>{t}</a> <span>{s}</span> <time>{a}</time></li>"
        for i, (s, a, t) in enumerate(
            draw(st.lists(st.tuples(_source_name, _age, _title), max_size=3))
        )
    )
    aside = f"<aside class='related'><h3>Related</h3><ul>{related}</ul></aside>"
    return (
        f"<!doctype html><html lang='en'><head><title>{title} | City Post</title>"
        f"<meta property='og:title' content=\"{title}\"></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{figure}{body}"
        f"</article>{furniture}{aside if related else ''}</body></html>"
    )


# ---------------------------------------------------------------------------
# Hostile inputs.

_any_text = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=300
)
_controls = st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200)


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """Text a crawler might produce at its worst, as one string."""
    parts = draw(
        st.lists(
            st.one_of(
                _any_text,
                _controls,
                text_dumps(),
                st.just("\x00" * 50),
                st.integers(1, 5000).map(lambda n: "a" * n),
                st.integers(1, 300).map(lambda n: "\n" * n),
                st.integers(1, 100).map(lambda n: "Related Articles\n" * n),
                st.integers(1, 100).map(lambda n: "5 minutes ago\n" * n),
                st.just("\ufeff\u202e\u200b\u2028\u2029\x85\x0b\x0c\r"),
            ),
            max_size=6,
        )
    )
    return "".join(parts)


_TAGS = [
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<svg>",
    "</svg>",
    "<math>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<a href='",
    "'>",
    "<h1>",
    "</h1>",
    "<figure>",
    "<figcaption>",
    "<li>",
    "<ul>",
    "<template>",
    "<select>",
    "<option>",
    "<textarea>",
    "<title>",
    "<br/>",
    "<![CDATA[",
    "]]>",
    "<?xml ?>",
    "<!doctype html>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "<meta charset='utf-16'>",
    "<time datetime='",
    "<article>",
    '<script type=\'application/ld+json\'>{"@type":"NewsArticle",',
]


@st.composite
def hostile_html(draw: st.DrawFn) -> str:
    """Broken, unbalanced, deeply nested or binary-looking HTML."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_TAGS),
                _any_text,
                _controls,
                html_pages(),
                st.integers(1, 3000).map(lambda n: "<div>" * n),
                st.integers(1, 300).map(lambda n: "<b><i>" * n),
                st.just("<img src='data:image/png;base64," + "QUJD" * 2000 + "'>"),
            ),
            max_size=12,
        )
    )
    return "".join(parts)


binary = st.binary(max_size=2000)
"""Arbitrary bytes, as a file with the wrong extension gives."""


# ---------------------------------------------------------------------------
# Conservation.


def _non_space(texts: Iterable[str | None]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        if text:
            counts.update(c for c in text if not c.isspace())
    return counts


def input_characters(text: str) -> Counter[str]:
    """The multiset of non-whitespace characters of an input string."""
    return _non_space([text])


def accounted_characters(article: Article) -> Counter[str]:
    """
    The multiset of non-whitespace characters an article accounts for.

    "Accounted for" means: in the article's title, subtitle, paragraphs,
    caption texts and credits, authors, source name, published text, or in
    a related item's title, source name, published text, body, caption
    texts and credits, or in the text of a `Removal`.
    For a text dump this multiset equals the input's (`input_characters`):
    nothing is lost and nothing is invented.
    """
    texts: list[str | None] = [article.title, article.subtitle, *article.paragraphs]
    texts += list(article.authors)
    for caption in article.captions:
        texts += [caption.text, caption.credit]
    if article.source is not None:
        texts.append(article.source.name)
    if article.published is not None:
        texts.append(article.published.text)
    for item in article.related:
        texts += [item.title, item.body]
        if item.source is not None:
            texts.append(item.source.name)
        if item.published is not None:
            texts.append(item.published.text)
        for caption in item.captions:
            texts += [caption.text, caption.credit]
    texts += [removal.text for removal in article.removed]
    return _non_space(texts)
