"""
`to_markdown` and `to_text`: an article as a document to read.

Markdown layout (one block per line, blocks separated by a blank line)::

    ---
    title: "..."            (YAML front matter, with metadata=True)
    ---

    # Title

    *Subtitle*

    A paragraph.

    ## A section heading

    *A caption* — Credit

    ## Related

    - [Title](<url>) — Source, 2025-07-13T15:00:00+00:00

Everything taken from the article is escaped, so that no text in it becomes
Markdown structure (a list, a heading, emphasis, a link, HTML, an entity) in
a CommonMark reader; runs of white space, line breaks included, become one
space.
"""

from __future__ import annotations

import re

from newsdump._models import Article, RelatedItem, Timestamp

__all__ = ["to_markdown", "to_text"]

# Characters that are Markdown syntax anywhere in a line: backslash, code,
# emphasis, links, HTML and autolinks, entities, headings' closing hashes,
# GFM strikethrough and table pipes.
_INLINE = re.compile(r"([\\`*_\[\]<>&#~|])")
# Block starts that _INLINE leaves alone: list bullets, thematic breaks,
# setext underlines, block quotes; and ordered-list markers ("1.", "1)").
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_BLOCK_START = frozenset("-+=>")
# Characters a YAML double-quoted scalar may hold as they are (PyYAML's
# printable set, less the line separators U+2028 and U+2029 and the BOM).
_YAML_PLAIN = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _squash(text: str) -> str:
    """Collapse white space (line breaks too) to single spaces; NUL to U+FFFD."""
    return " ".join(text.replace("\x00", "\ufffd").split())


def _escape(text: str) -> str:
    """Escape article text so it reads as itself in any CommonMark reader."""
    text = _INLINE.sub(r"\\\1", _squash(text))
    text = _ORDERED.sub(r"\1\\\2", text)
    if text[:1] in _BLOCK_START:
        text = "\\" + text
    return text


def _yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that PyYAML and YAML 1.2 read back as *value*."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif _YAML_PLAIN.match(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:  # pragma: no cover - astral characters are printable
            out.append(f"\\U{ord(char):08x}")
    out.append('"')
    return "".join(out)


def _front_matter(article: Article) -> str:
    fields: list[tuple[str, str | tuple[str, ...] | None]] = [
        ("title", article.title),
        ("subtitle", article.subtitle),
        ("authors", article.authors),
        ("published", _iso(article.published)),
        ("modified", _iso(article.modified)),
        ("source", article.source.name if article.source else None),
        ("url", article.url),
        ("language", article.language),
        ("tags", article.tags),
    ]
    lines = ["---"]
    for key, value in fields:
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            lines.append(f"{key}:")
            lines.extend(f"  - {_yaml_string(item)}" for item in value)
        else:
            lines.append(f"{key}: {_yaml_string(value)}")
    if len(lines) == 1:
        return ""
    lines.append("---")
    return "\n".join(lines)


def _iso(stamp: Timestamp | None) -> str | None:
    return None if stamp is None else stamp.value.isoformat()


def _link_destination(url: str) -> str:
    escaped = re.sub(r"([\\<>])", r"\\\1", url)
    return "<" + re.sub(r"\s", lambda m: f"%{ord(m.group()):02X}", escaped) + ">"


def _when(stamp: Timestamp | None) -> str | None:
    """A related item's time: the resolved instant, else the text as printed."""
    if stamp is None:
        return None
    return stamp.value.isoformat()


def _related_line(item: RelatedItem) -> str:
    title = _escape(item.title) or "\\(untitled\\)"
    if item.url:
        title = f"[{title}]({_link_destination(item.url)})"
    facts = [_escape(item.source.name)] if item.source and item.source.name else []
    when = _when(item.published)
    if when is not None:
        facts.append(_escape(when))
    tail = f" — {', '.join(facts)}" if facts else ""
    return f"- {title}{tail}"


def to_markdown(article: Article, *, metadata: bool = True) -> str:
    """
    Render an article as Markdown, with YAML front matter.

    The layout: front matter (title, subtitle, authors, published and
    modified as ISO 8601, source, url, language, tags; absent values are
    left out), the title as a ``#`` heading, the subtitle in emphasis, the
    paragraphs, section headings as ``##`` headings, each caption in
    emphasis followed by its credit, and the related items as a final
    ``## Related`` list: the title (a link when its address is known), the
    source and the resolved time.

    Text from the article is escaped so that it never becomes Markdown
    structure: a paragraph starting with ``1.``, ``#`` or ``- ``, or holding
    ``*``, ``_``, ``[...](...)``, ``&amp;`` or ``<b>``, reads as that literal
    text in any CommonMark reader. White space runs, line breaks included,
    become one space, and NUL characters U+FFFD, as CommonMark requires.

    Args:
        article: The article.
        metadata: Start with the YAML front matter (left out when the
            article has none of its fields).

    Returns:
        The Markdown document, ending with a newline.
    """
    blocks: list[str] = []
    if metadata and (front := _front_matter(article)):
        blocks.append(front)
    if article.title and _squash(article.title):
        blocks.append(f"# {_escape(article.title)}")
    if article.subtitle and _squash(article.subtitle):
        blocks.append(f"*{_escape(article.subtitle)}*")
    headings = set(article.headings)
    for index, paragraph in enumerate(article.paragraphs):
        if not _squash(paragraph):
            continue
        text = _escape(paragraph)
        blocks.append(f"## {text}" if index in headings else text)
    for caption in article.captions:
        line = f"*{_escape(caption.text)}*" if _squash(caption.text) else ""
        if caption.credit and _squash(caption.credit):
            line = (
                f"{line} — {_escape(caption.credit)}"
                if line
                else _escape(caption.credit)
            )
        if line:
            blocks.append(line)
    if article.related:
        blocks.append("## Related")
        blocks.append("\n".join(_related_line(item) for item in article.related))
    return "\n\n".join(blocks) + "\n"


def to_text(article: Article) -> str:
    """
    Render an article as plain text.

    The layout: the title, the subtitle, then the paragraphs (section
    headings among them, as paragraphs), each block separated by a blank
    line; then one line per caption, ``Caption: TEXT (CREDIT)``; then a
    ``Related:`` line and one line per related item,
    ``- TITLE (SOURCE, TIME)``, followed by an indented line with its
    address when known. White space runs inside a block become one space.

    Args:
        article: The article.

    Returns:
        The text, ending with a newline.
    """
    blocks = [
        _squash(text)
        for text in (article.title or "", article.subtitle or "", *article.paragraphs)
    ]
    blocks = [block for block in blocks if block]
    captions = []
    for caption in article.captions:
        credit = _squash(caption.credit or "")
        text = _squash(caption.text)
        captions.append(f"Caption: {text} ({credit})" if credit else f"Caption: {text}")
    if captions:
        blocks.append("\n".join(captions))
    if article.related:
        lines = ["Related:"]
        for item in article.related:
            facts = [_squash(item.source.name)] if item.source else []
            when = _when(item.published)
            if when is not None:
                facts.append(when)
            facts = [fact for fact in facts if fact]
            tail = f" ({', '.join(facts)})" if facts else ""
            lines.append(f"- {_squash(item.title)}{tail}")
            if item.url:
                lines.append(f"  {_squash(item.url)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
