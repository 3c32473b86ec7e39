from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsdump import DecodeError
from newsdump._decode import FALLBACK_ENCODING, declared_charset, decode_html

CAFE = "café – “naïve”"


class TestBom:
    def test_utf8_bom_wins_over_declaration(self):
        """A UTF-8 BOM decides, even against a declared legacy charset."""
        data = codecs.BOM_UTF8 + f"<meta charset=iso-8859-1>{CAFE}".encode()

        assert f"<meta charset=iso-8859-1>{CAFE}" == decode_html(data)

    def test_utf16_bom(self):
        """A UTF-16 BOM selects UTF-16 and is not part of the text."""
        data = codecs.BOM_UTF16_LE + f"<p>{CAFE}</p>".encode("utf-16-le")

        assert f"<p>{CAFE}</p>" == decode_html(data)

    def test_bom_beats_caller_encoding(self):
        """A BOM wins even over the caller's encoding."""
        data = codecs.BOM_UTF8 + CAFE.encode()

        assert CAFE == decode_html(data, encoding="cp1252")

    def test_bom_contradicted_raises(self):
        """Bytes that break the encoding their BOM names raise DecodeError."""
        data = codecs.BOM_UTF8 + b"caf\xe9 au lait"

        with pytest.raises(DecodeError):
            decode_html(data)


class TestCallerEncoding:
    def test_caller_encoding_beats_declaration(self):
        """The caller's encoding wins over what the page declares."""
        data = f"<meta charset=utf-8><p>{CAFE}</p>".encode("cp1252")

        assert f"<meta charset=utf-8><p>{CAFE}</p>" == decode_html(
            data, encoding="cp1252"
        )

    def test_unknown_caller_encoding_raises(self):
        """An encoding name Python does not know raises DecodeError."""
        with pytest.raises(DecodeError):
            decode_html(b"<p>hi</p>", encoding="no-such-codec")

    def test_caller_encoding_contradicted_raises(self):
        """Bytes invalid in the caller's encoding raise DecodeError."""
        with pytest.raises(DecodeError):
            decode_html(b"caf\xe9", encoding="utf-8")


class TestDeclared:
    @pytest.mark.parametrize(
        "head",
        [
            b"<meta charset=windows-1251>",
            b'<meta charset="windows-1251" />',
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
            b"<?xml version='1.0' encoding='windows-1251'?>",
        ],
    )
    def test_declaration_forms(self, head):
        """Each way of declaring a charset selects it."""
        body = "Привет, мир".encode("cp1251")

        assert "Привет, мир" == decode_html(head + body)[-len("Привет, мир") :]

    def test_latin1_label_means_windows_1252(self):
        """``iso-8859-1`` is read as windows-1252, as browsers do (curly quotes)."""
        data = b"<meta charset=iso-8859-1><p>\x93quoted\x94 \x80 5</p>"

        assert "<meta charset=iso-8859-1><p>“quoted” € 5</p>" == decode_html(data)

    def test_shift_jis(self):
        """A declared multi-byte charset is honoured."""
        data = b"<meta charset=Shift_JIS>" + "日本語".encode("shift_jis")

        assert "<meta charset=Shift_JIS>日本語" == decode_html(data)

    def test_utf8_mislabelled_as_latin1(self):
        """Valid UTF-8 with non-ASCII text wins over a declared Latin charset."""
        data = f"<meta charset=iso-8859-1><p>{CAFE}</p>".encode()

        assert f"<meta charset=iso-8859-1><p>{CAFE}</p>" == decode_html(data)

    def test_unknown_label_ignored(self):
        """An unknown label falls through to UTF-8."""
        data = f"<meta charset=klingon-8><p>{CAFE}</p>".encode()

        assert f"<meta charset=klingon-8><p>{CAFE}</p>" == decode_html(data)

    def test_dangerous_codec_ignored(self):
        """A page cannot select a non-web codec such as unicode_escape."""
        data = b"<meta charset=unicode_escape><p>\\u0041</p>"

        assert None is declared_charset(data)
        assert "<meta charset=unicode_escape><p>\\u0041</p>" == decode_html(data)

    def test_declaration_after_4kb_ignored(self):
        """Only the first 4 KB are searched for a declaration."""
        data = b"<!--" + b"x" * 5000 + b"--><meta charset=shift_jis>\x82\xa0"

        assert None is declared_charset(data)

    def test_declared_utf16_read_as_utf8(self):
        """A meta-declared UTF-16 cannot be true and is read as UTF-8."""
        data = f"<meta charset=utf-16><p>{CAFE}</p>".encode()

        assert f"<meta charset=utf-16><p>{CAFE}</p>" == decode_html(data)

    def test_false_declaration_falls_back(self):
        """A declared UTF-8 that the bytes break falls back to windows-1252."""
        data = b"<meta charset=utf-8><p>caf\xe9 cr\xe8me</p>"

        assert "<meta charset=utf-8><p>café crème</p>" == decode_html(data)


class TestHttpCharset:
    def test_used_when_the_page_declares_nothing(self):
        """The HTTP charset decodes a page without a declaration."""
        data = "<p>Привет, мир</p>".encode("cp1251")

        assert "<p>Привет, мир</p>" == decode_html(data, http_charset="windows-1251")

    def test_wins_over_the_page_declaration(self):
        """As in browsers, the HTTP header comes before the page's meta tag."""
        data = b"<meta charset=windows-1252><p>" + "Привет".encode("cp1251")

        assert decode_html(data, http_charset="windows-1251").endswith("Привет")

    def test_latin_label_on_utf8_bytes_is_read_as_utf8(self):
        """A server's default ISO-8859-1 on a UTF-8 page is the usual mislabel."""
        data = f"<p>{CAFE}</p>".encode()

        assert f"<p>{CAFE}</p>" == decode_html(data, http_charset="ISO-8859-1")

    def test_unknown_label_is_ignored(self):
        """A label that names no web encoding falls through to the next rule."""
        data = f"<p>{CAFE}</p>".encode()

        assert f"<p>{CAFE}</p>" == decode_html(data, http_charset="utf-7")

    def test_caller_encoding_comes_first(self):
        """The caller's *encoding* is a statement; the header only a hint."""
        data = "<p>Привет</p>".encode("koi8_r")

        assert "<p>Привет</p>" == decode_html(
            data, encoding="koi8_r", http_charset="windows-1251"
        )


class TestUndeclared:
    def test_plain_utf8(self):
        """Undeclared UTF-8 decodes as UTF-8."""
        assert f"<p>{CAFE}</p>" == decode_html(f"<p>{CAFE}</p>".encode())

    def test_truncated_last_character_dropped(self):
        """A UTF-8 page cut inside its last character loses only that character."""
        data = "<p>café 日本".encode()[:-1]

        assert "<p>café 日" == decode_html(data)

    def test_legacy_bytes_use_fallback(self):
        """Undeclared non-UTF-8 bytes decode as windows-1252."""
        assert "windows-1252" == FALLBACK_ENCODING
        assert "<p>café €</p>" == decode_html(b"<p>caf\xe9 \x80</p>")

    def test_undefined_windows_1252_bytes_map_to_c1(self):
        """The five bytes cp1252 leaves undefined decode as C1 controls, as in browsers."""
        assert "a\x81b\x9dc" == decode_html(b"a\x81b\x9dc")

    def test_mostly_utf8_keeps_utf8_with_replacement(self):
        """A UTF-8 page with one broken byte keeps its UTF-8 and marks the damage."""
        data = f"<p>{CAFE} {CAFE}</p>".encode() + b"\xff<p>end</p>"

        assert f"<p>{CAFE} {CAFE}</p>\ufffd<p>end</p>" == decode_html(data)

    @given(st.binary(max_size=300))
    def test_never_raises_without_bom(self, data):
        """Without a BOM or a caller encoding, any bytes decode to text."""
        boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        assume(not data.startswith(boms))

        assert isinstance(decode_html(data), str)

    @given(st.text(max_size=200))
    def test_utf8_round_trip(self, text):
        """Any text encoded as UTF-8 decodes back to itself."""
        assume(not text.startswith("\ufeff"))

        assert text == decode_html(text.encode())
