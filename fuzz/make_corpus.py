"""
Write the seed corpus for the fuzz targets into ``fuzz/corpus/``.

Seeds are the HTML and text fixtures under ``tests/fixtures/`` (cut to
16 KiB, the fuzzers' ``-max_len``) plus small hand-written dumps and
pages below.
Run from the repository root: ``python fuzz/make_corpus.py``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent
FIXTURES = ROOT.parent / "tests" / "fixtures"
MAX_LEN = 16 * 1024

TEXT_SEEDS = [
    (
        "Mayor Opens New Bridge\nThe crossing links the two halves of the old town.\n"
        "Work began in 2021. The mayor cut the ribbon. Crowds cheered AFP\n"
        "Comments\nNo comments yet...\nRelated Articles\n\n\nCity Post\n"
        "39 minutes ago\n- City Post\nRates Rise Again – City Post – 07/13/2025\n"
        "The bank raised rates. To view this video please enable JavaScript, and "
        "consider upgrading to a web browser that supports HTML5 video\n"
    ),
    (
        "\ufeffHeadline\r\nStandfirst line.\r\nBody one.\r\n\r\nRead more\r\n"
        "Daily Times\r\n3 hours ago\r\n- Daily Times\r\nAnother story\r\nIts body.\r\n"
    ),
    (
        "Menu\nHome\nWorld\nTitle After Navigation\nA paragraph.\nYou may also like\n"
        "Source A\nyesterday\n- Source A\nStory\nBody text Reuters\n"
    ),
    "x\n" * 50,
    "a" * 3000,
    "2 days ago\n" * 40,
    "\x00\x01\x02 NUL and controls \x7f\n\u202e bidi \u200b zero width\n",
]

HTML_SEEDS = [
    (
        "<!doctype html><html lang=en><head><title>Bridge | City Post</title>"
        '<meta property="og:title" content="Mayor Opens New Bridge">'
        '<meta name="author" content="By Ann Lee">'
        '<meta property="article:published_time" content="2025-07-13T09:00:00Z">'
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"headline":"Mayor Opens New Bridge","datePublished":"2025-07-13"}</script>'
        "</head><body><nav><a href=/>Home</a></nav><article><h1>Mayor Opens New "
        "Bridge</h1><p class=standfirst>The crossing links the town.</p>"
        "<figure><img src=a.jpg><figcaption>The bridge at dawn. Photo: AFP"
        "</figcaption></figure><p>Work began in 2021.</p><h2>Cost</h2><p>It cost "
        "a lot.</p></article><aside class=related><h3>Related</h3><ul><li>"
        '<a href="/b">Rates rise</a> <time>3 hours ago</time></li></ul></aside>'
        "<div class=comments>No comments yet</div></body></html>"
    ),
    "<p>unclosed<p>paragraphs<li>and items<table><tr><td>cell<td>cell</table>",
    '<div class="a"><span>x</div></span><b><i>mis</b>nested</i>',
    (
        "<svg><title>t</title><foreignObject><div>inside</div></foreignObject></svg>"
        "<math><mi>x</mi></math>"
    ),
    (
        "<!-- comment --><!--><!---><script>if (a < b) { '</div>' }</script>"
        "<style>p { color: red }</style><textarea><b>raw</b></textarea>"
    ),
    '<img src="data:image/png;base64,' + "QUJD" * 500 + '"><p>after blob</p>',
    "<div>" * 600 + "deep" + "</div>" * 600,
    '<meta charset="windows-1252"><p>caf\xe9</p>',
    (
        "<html><body><h1>Live</h1><ul><li><time datetime=2025-07-13T10:00Z>10:00"
        "</time> Update one</li><li>2 hours ago Update two</li></ul></body></html>"
    ),
]


def _write(folder: Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16]
    (folder / name).write_bytes(data[:MAX_LEN])


def main() -> None:
    """Write every seed."""
    for seed in TEXT_SEEDS:
        _write(ROOT / "corpus" / "text", seed.encode("utf-8"))
    for seed in HTML_SEEDS:
        encoding = "cp1252" if "windows-1252" in seed else "utf-8"
        _write(ROOT / "corpus" / "html", seed.encode(encoding))
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in {".html", ".htm"}:
            _write(ROOT / "corpus" / "html", path.read_bytes())
        elif path.suffix == ".txt":
            _write(ROOT / "corpus" / "text", path.read_bytes())


if __name__ == "__main__":
    main()
