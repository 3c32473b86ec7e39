from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsdump._html_meta import read_meta

LD = '<script type="application/ld+json">{}</script>'
PROSE = "<p>" + "The bridge reopened to traffic on Tuesday morning. " * 8 + "</p>"


def authors(head: str = "", body: str = "", url: str | None = None) -> tuple[str, ...]:
    html = (
        f"<html><head>{head}</head><body><article><h1>Bridge reopens</h1>"
        f"{body}{PROSE}</article></body></html>"
    )
    return read_meta(LexborHTMLParser(html), url=url).authors


class TestAuthorSources:
    def test_json_ld_nested_people(self):
        """JSON-LD authors in arrays and @graph references; organisations out."""
        head = LD.format(
            '{"@graph": [{"@type": "NewsArticle", "author": [{"@id": "#a"},'
            '{"@type": "Organization", "name": "Courier"},'
            '{"@type": "Person", "name": "Bo Lind"}]},'
            '{"@type": "Person", "@id": "#a", "name": "Ana Ruiz"}]}'
        )

        assert ("Ana Ruiz", "Bo Lind") == authors(head)

    def test_written_by_label_then_name(self):
        """A "Written by" label followed by the name in the next element."""
        body = "<div><p>Written by</p><p>Edzel Tabing</p></div>"

        assert ("Edzel Tabing",) == authors(body=body)

    def test_by_line_near_headline(self):
        """A "By ..." line between headline and body, cleaned of its date."""
        body = "<p>By <a href='/p/1'>Sofia Gonzalez</a> · March 5, 2024</p>"

        assert ("Sofia Gonzalez",) == authors(body=body)

    def test_author_page_link(self):
        """A link to an author page names the author."""
        body = "<div><a href='/blog/author/kimber-streams/'>Kimber Streams</a></div>"

        assert ("Kimber Streams",) == authors(body=body)

    def test_author_links_in_teasers_are_not_authors(self):
        """Author links in a related-stories list are other stories' authors."""
        body = (
            "<ul class='related-posts'><li><a href='/author/jo-bloggs/'>Jo Bloggs</a>"
            "</li></ul>"
        )

        assert () == authors(body=body)

    def test_single_word_name_field_is_a_last_resort(self):
        """A one-word meta author counts only when no source names a person."""
        head = '<meta name="author" content="Susan">'

        assert ("Susan",) == authors(head)
        assert ("Ana Ruiz",) == authors(head, "<p class='byline'>By Ana Ruiz</p>")

    def test_site_name_is_not_an_author(self):
        """A one-word author that is the site's name is the site."""
        head = '<meta name="author" content="Swoogo">'

        assert () == authors(head, url="https://swoogo.com/blog/x")

    def test_citation_authors(self):
        """Scholarly pages list each author in citation_author."""
        head = (
            '<meta name="citation_author" content="Aditya Mahindru">'
            '<meta name="citation_author" content="Pradeep Patil">'
        )

        assert ("Aditya Mahindru", "Pradeep Patil") == authors(head)

    def test_a_fuller_list_of_names_wins(self):
        """A first author in DC.creator, all of them in citation_authors."""
        head = (
            '<meta name="DC.creator" content="Aditya Mahindru">'
            '<meta name="citation_authors" content="Aditya Mahindru">'
            '<meta name="citation_authors" content="Pradeep Patil">'
        )

        assert ("Aditya Mahindru", "Pradeep Patil") == authors(head)

    def test_a_longer_list_of_other_names_does_not_win(self):
        head = (
            '<meta name="author" content="Ana Ruiz">'
            '<meta name="citation_author" content="Bo Lind">'
            '<meta name="citation_author" content="Cy Moe">'
        )

        assert ("Ana Ruiz",) == authors(head)
