"""What the copy-link and footnote extensions leave in the built pages (their
Markdown-in, HTML-out tests are tests/unit/test_markdown_extensions.py)."""

from __future__ import annotations


def test_built_pages_have_a_button_per_section_and_no_titled_back_links(pages):
    for url, soup in pages.items():
        article = soup.select_one("article.md-content__inner")
        for heading in article.select("h2[id], h3[id]"):
            buttons = heading.select("button.copy-link")
            assert len(buttons) == 1 and buttons[0]["aria-label"].startswith("Copy link to section: "), (url, heading["id"])
        assert not article.select("a.footnote-backref[title]"), url
