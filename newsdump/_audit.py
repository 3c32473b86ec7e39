"""
`audit_html`: one self-contained HTML page that shows what the filters
removed from an input and why, next to the article as kept.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable

from newsdump._models import Article, Removal, Timestamp

__all__ = ["audit_html"]

_PALETTE = (
    "#ffd6a5",
    "#caffbf",
    "#9bf6ff",
    "#ffc6ff",
    "#fdffb6",
    "#bdb2ff",
    "#ffadad",
    "#a0c4ff",
    "#d0f4de",
    "#f1c0e8",
)
"""Background colours of the filters' highlights, in the legend's order."""

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section{padding:0 24px}
header{background:#26305a;color:#fff;padding:12px 24px}
header h1{margin:0;font-size:20px}
header p{margin:4px 0 0}
h2{font-size:17px;margin:18px 0 8px}
table{border-collapse:collapse;background:#fff}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
td.n{text-align:right}
td:first-child{white-space:nowrap}
.swatch{display:inline-block;width:12px;height:12px;border:1px solid #888;
margin-right:6px;vertical-align:-1px}
.columns{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}
.source{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;
border:1px solid #ccc;padding:12px;font:13px/1.55 ui-monospace,monospace}
mark{color:inherit;border-radius:3px;padding:0 1px}
mark .label{display:inline-block;font:bold 11px/15px system-ui,sans-serif;
background:#26305a;color:#fff;
border-radius:3px;padding:0 4px;margin-right:4px;white-space:nowrap;
vertical-align:1px}
mark.mismatch{outline:2px dashed #c00}
.article{background:#fff;border:1px solid #ccc;padding:4px 16px 12px}
.subtitle{font-style:italic}
.caption{font-size:13px;color:#444;border-left:3px solid #999;padding-left:8px}
.meta,.when{color:#555;font-size:13px}
@media (max-width:900px){.columns{grid-template-columns:1fr}}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _colour_classes(filters: Iterable[str]) -> str:
    return "".join(
        f".f{i}{{background:{_PALETTE[i % len(_PALETTE)]}}}"
        for i, _ in enumerate(filters)
    )


def _marked_source(source: str, removals: list[Removal], index: dict[str, int]) -> str:
    """The source text, escaped, with each removal in a labelled <mark>."""
    parts: list[str] = []
    pos = 0
    for removal in sorted(removals, key=lambda r: (r.start, r.end)):
        start = min(max(removal.start, pos), len(source))
        end = min(removal.end, len(source))
        if end <= start:
            continue  # inside an earlier removal, or past the end
        parts.append(_e(source[pos:start]))
        exact = source[removal.start : removal.end] == removal.text
        label = f"{removal.filter} · {removal.reason}"
        hover = label + (f" — {removal.detail}" if removal.detail else "")
        classes = f"f{index[removal.filter]}" + ("" if exact else " mismatch")
        parts.append(
            f'<mark class="{classes}" data-filter="{_e(removal.filter)}" '
            f'data-reason="{_e(removal.reason)}" title="{_e(hover)}">'
            f'<span class="label">{_e(label)}</span>{_e(source[start:end])}</mark>'
        )
        pos = end
    parts.append(_e(source[pos:]))
    return "".join(parts)


def _legend(removals: list[Removal], index: dict[str, int]) -> str:
    counts = Counter(r.filter for r in removals)
    chars = Counter[str]()
    reasons: dict[str, Counter[str]] = {}
    for removal in removals:
        chars[removal.filter] += len(removal.text)
        reasons.setdefault(removal.filter, Counter())[removal.reason] += 1
    rows = [
        "<tr><th>filter</th><th>removals</th><th>characters</th><th>reasons</th></tr>"
    ]
    for name, number in index.items():
        why = ", ".join(
            f"{_e(reason)} ({n})" for reason, n in sorted(reasons[name].items())
        )
        rows.append(
            f'<tr data-filter="{_e(name)}"><td><span class="swatch f{number}">'
            f"</span>{_e(name)}</td><td class=n>{counts[name]}</td>"
            f"<td class=n>{chars[name]}</td><td>{why}</td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


def _when(stamp: Timestamp | None) -> str:
    if stamp is None:
        return ""
    return (
        f'<span class="when">{_e(stamp.text)} → {_e(stamp.value.isoformat())} '
        f"(between {_e(stamp.earliest.isoformat())} and "
        f"{_e(stamp.latest.isoformat())}, {_e(stamp.granularity)})</span>"
    )


def _link(url: str | None, text: str) -> str:
    if url and url.lower().startswith(("https://", "http://")):
        return f'<a href="{_e(url)}">{_e(text)}</a>'
    return _e(text)


def _meta(article: Article) -> str:
    meta = []
    if article.authors:
        meta.append("by " + _e(", ".join(article.authors)))
    if article.source:
        meta.append(_e(article.source.name))
    if article.published:
        meta.append("published " + _when(article.published))
    if article.modified:
        meta.append("modified " + _when(article.modified))
    if article.reference:
        stamp = article.reference
        span = (
            ""
            if stamp.earliest == stamp.latest
            else f" (between {_e(stamp.earliest.isoformat())} and "
            f"{_e(stamp.latest.isoformat())})"
        )
        meta.append(
            f"reference time, {_e(article.reference_how)}: "
            f'<span class="when">{_e(stamp.value.isoformat())}{span}</span>'
        )
    if article.url:
        meta.append(_link(article.url, article.url))
    return '<p class="meta">' + "<br>".join(meta) + "</p>" if meta else ""


def _kept(article: Article) -> str:
    out = [f"<h3>{_e(article.title or '(no title)')}</h3>"]
    if article.subtitle:
        out.append(f'<p class="subtitle">{_e(article.subtitle)}</p>')
    out.append(_meta(article))
    headings = set(article.headings)
    for i, paragraph in enumerate(article.paragraphs):
        tag = "h4" if i in headings else "p"
        out.append(f"<{tag}>{_e(paragraph)}</{tag}>")
    for caption in article.captions:
        credit = f" — {_e(caption.credit)}" if caption.credit else ""
        out.append(f'<p class="caption">{_e(caption.text)}{credit}</p>')
    if article.related:
        out.append("<h4>Related</h4><ul>")
        for item in article.related:
            facts = [_e(item.source.name)] if item.source else []
            if item.published:
                facts.append(_when(item.published))
            tail = f"<br>{'; '.join(facts)}" if facts else ""
            out.append(f"<li>{_link(item.url, item.title)}{tail}</li>")
        out.append("</ul>")
    return "".join(out)


def audit_html(article: Article, source: str, *, name: str | None = None) -> str:
    """
    Build an HTML report of what the filters removed from an input, and why.

    The report is one self-contained page (inline CSS, no script, no
    external assets; a Content-Security-Policy forbids scripts and loads):
    a legend with the number of removals and characters per filter and
    their reasons, the input text with every removed span highlighted in its
    filter's colour and labelled with the filter and reason (the detail on
    hover), and the article as kept: title, subtitle, metadata, paragraphs,
    captions and related items with their resolved times and intervals.
    Everything taken from the input is HTML-escaped. Building it is linear
    in the size of *source* (plus sorting the removals).

    Args:
        article: The parsed article.
        source: The text the removal offsets point into: the decoded input
            of `newsdump.parse_text`, or `newsdump.visible_text` of an HTML
            page.
        name: What to call the input in the report's title (a file name).

    Returns:
        The HTML page.
    """
    removals = list(article.removed)
    filters = sorted({r.filter for r in removals})
    index = {name: i for i, name in enumerate(filters)}
    removed_chars = sum(len(r.text) for r in removals)
    mismatched = sum(source[r.start : r.end] != r.text for r in removals)
    title = f"newsdump audit: {name}" if name else "newsdump audit"
    warning = (
        f" {mismatched} removals do not match the input at their offsets (dashed)."
        if mismatched
        else ""
    )
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title>"
        f"<style>{_CSS}{_colour_classes(filters)}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p>{len(removals)} removals by "
        f"{len(filters)} filters: {removed_chars} of {len(source)} characters "
        f"of input removed.{_e(warning)}</p></header>"
        f'<section id="legend"><h2>Removals by filter</h2>'
        f"{_legend(removals, index)}</section>"
        '<section class="columns"><div><h2>Input, with what was removed</h2>'
        f'<div class="source" id="input">{_marked_source(source, removals, index)}'
        '</div></div><div><h2>Article as kept</h2><div class="article" id="kept">'
        f"{_kept(article)}</div></div></section></body></html>\n"
    )
