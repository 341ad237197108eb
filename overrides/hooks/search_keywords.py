"""Let editors give a page search keywords and synonyms in front matter.

    keywords: [addictive, addiction, dependence]

Material's search indexes a page's front-matter `tags` as their own, highly
weighted field, but only the tags plugin would show them on the page; we do
not use that plugin, so keywords are searchable and never clutter the page
(extra.css hides them in search results too). Editors write `keywords`, a
name that says what it is for; this hook hands them to search as tags. It
runs before Material indexes the page (page context) and after the
front-matter check (front_matter.py) has validated the list.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    keywords = page.meta.get("keywords")
    if keywords:
        page.meta["tags"] = [keyword.strip() for keyword in keywords]
    return markdown
