"""
newsdump turns scraped news pages (text dumps or HTML) into clean, typed
records: `Article`, `Source`, `RelatedItem`.
"""

from __future__ import annotations

from importlib import metadata as _metadata

from newsdump import filters, times
from newsdump._api import parse
from newsdump._audit import audit_html
from newsdump._batch import Parsed, parse_many, parse_record
from newsdump._exceptions import (
    DecodeError,
    FilterError,
    LimitError,
    NewsdumpError,
    ParseError,
    RelativeTimeError,
)
from newsdump._find_dates import find_dates
from newsdump._html import parse_html, visible_text
from newsdump._html_dates import DateCandidate
from newsdump._layouts import DEFAULT_LAYOUTS, Layout
from newsdump._limits import Limits
from newsdump._markdown import to_markdown, to_text
from newsdump._models import (
    Article,
    Caption,
    Granularity,
    ReferenceHow,
    RelatedItem,
    Removal,
    Source,
    Timestamp,
)
from newsdump._readers import Failure, Record, read_records
from newsdump._serialize import from_dict, from_json, to_dict, to_json
from newsdump._text import parse_text

try:
    __version__ = _metadata.version("newsdump")
except _metadata.PackageNotFoundError:  # pragma: no cover - bare checkout
    __version__ = "0.0.0+unknown"

__all__ = [
    "DEFAULT_LAYOUTS",
    "Article",
    "Caption",
    "DateCandidate",
    "DecodeError",
    "Failure",
    "FilterError",
    "Granularity",
    "Layout",
    "LimitError",
    "Limits",
    "NewsdumpError",
    "ParseError",
    "Parsed",
    "Record",
    "ReferenceHow",
    "RelatedItem",
    "RelativeTimeError",
    "Removal",
    "Source",
    "Timestamp",
    "audit_html",
    "filters",
    "find_dates",
    "from_dict",
    "from_json",
    "parse",
    "parse_html",
    "parse_many",
    "parse_record",
    "parse_text",
    "read_records",
    "times",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_text",
    "visible_text",
]
