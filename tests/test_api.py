"""
Tests for `newsdump.parse`: telling HTML from text dumps.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import newsdump
from newsdump._api import looks_like_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


class TestLooksLikeHtml:
    @pytest.mark.parametrize(
        "data",
        [
            "<!DOCTYPE html><html><body><p>x</p></body></html>",
            "  \n<html lang='en'>",
            "<!-- saved page --><div class='story'>x</div>",
            "<p>A paragraph</p>",
            b"<html><body>x</body></html>",
            codecs.BOM_UTF8 + b"<!doctype html><p>x</p>",
            "<!doctype html><p>x</p>".encode("utf-16"),
        ],
    )
    def test_html(self, data):
        """Pages that start with a doctype or a structural tag are HTML."""
        assert looks_like_html(data)

    @pytest.mark.parametrize(
        "data",
        [
            "Rubio Meets Russia's Lavrov At ASEAN Talks\nThe top US diplomat met...",
            "3 < 4 is true, and <b> is a tag name",
            "",
            b"Plain bytes of a dump\n",
        ],
    )
    def test_text(self, data):
        """Anything else is a text dump."""
        assert not looks_like_html(data)


class TestParse:
    def test_html_goes_to_parse_html(self):
        """An HTML page gives what parse_html gives."""
        page = (FIXTURES / "content-agreement.html").read_bytes()

        assert newsdump.parse_html(page) == newsdump.parse(page)

    def test_text_goes_to_parse_text(self):
        """A text dump gives what parse_text gives."""
        dump = (FIXTURES / "content-agreement.txt").read_text(encoding="utf-8")

        assert newsdump.parse_text(dump) == newsdump.parse(dump)

    def test_same_article_from_either_input(self):
        """The page and its dump give the same title and paragraphs via parse."""
        html = newsdump.parse((FIXTURES / "content-agreement.html").read_bytes())
        text = newsdump.parse((FIXTURES / "content-agreement.txt").read_bytes())

        assert (text.title, text.paragraphs) == (html.title, html.paragraphs)
