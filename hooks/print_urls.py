"""Give every link in a page's content its absolute address for print.

A printed handout cannot be clicked, so print CSS writes the address of
each link to another page or site after its text (not of a link to a section
of the same page, a footnote or a back-link). CSS can only print an attribute as written, and
our own links are relative ("../booking/"), so this hook resolves them
against the page's published URL at build time (a[data-print-url]); links
to other sites print their href as it is.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# href itself, not data-href or xlink:href
_LINK = re.compile(r'<a\s(?P<attrs>[^>]*?)(?<![\w:-])href="(?P<href>[^"]*)"')


def absolute_print_urls(html: str, page_url: str) -> str:
    def add(match: re.Match) -> str:
        attrs, href = match["attrs"], match["href"]
        # A link to a section of the same page prints no address: on paper it
        # says where to look. Material's JavaScript makes every href absolute,
        # so print CSS cannot tell these from links to other sites; they are
        # marked here (footnote links by their own classes).
        if href.startswith("#") and "footnote-" not in attrs and "headerlink" not in attrs:
            return f"{match[0]} data-same-page"
        # Permalinks (¶), and phone, text and email links (their text already
        # is the number or address) print as they are. An absolute address
        # needs no copy: print CSS shows its href.
        if href.startswith(("#", "tel:", "sms:", "mailto:", "https:", "http:")) or "headerlink" in attrs:
            return match[0]
        return f'{match[0]} data-print-url="{urljoin(page_url, href)}"'
    return _LINK.sub(add, html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return absolute_print_urls(html, page.canonical_url or page.abs_url)
