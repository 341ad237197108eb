"""Unit tests of two small page hooks on fixtures, and what they leave in
the built pages: copy_link_buttons.py and footnote_backlinks.py."""

from __future__ import annotations

import markdown

from copy_link_buttons import add_buttons
from footnote_backlinks import name_backlinks


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=["toc", "attr_list", "footnotes"], extension_configs={
        "toc": {"permalink": True, "permalink_title": "Link to this section"},
        "footnotes": {"BACKLINK_TITLE": "Back to text"}})


def test_each_section_and_subsection_gets_one_button_named_by_its_heading():
    page = add_buttons(_render('# Title {#t}\n\n## Risks & "side" *effects* {#risks}\n\n### Sub {#sub data-search-exclude}\n\n#### Deep {#deep}\n'))
    assert page.count('class="copy-link"') == 2, page
    assert ('<button type="button" class="copy-link" aria-label="Copy link to section: Risks &amp; &quot;side&quot; '
            'effects" data-search-exclude>Copy link</button></h2>') in page
    assert 'aria-label="Copy link to section: Sub"' in page
    assert "Deep" in page and page.count("<button") == 2   # not on h1 or h4


def test_back_links_are_named_by_aria_label_not_title():
    page = name_backlinks(_render("Text.[^a] More.[^b]\n\n[^a]: One.\n[^b]: Two.\n"))
    assert page.count('class="footnote-backref"') == 2
    assert page.count('aria-label="Back to text"') == 2 and "title=" not in page


def test_built_pages_have_a_button_per_section_and_no_titled_back_links(pages):
    for url, soup in pages.items():
        article = soup.select_one("article.md-content__inner")
        for heading in article.select("h2[id], h3[id]"):
            buttons = heading.select("button.copy-link")
            assert len(buttons) == 1 and buttons[0]["aria-label"].startswith("Copy link to section: "), (url, heading["id"])
        assert not article.select("a.footnote-backref[title]"), url
