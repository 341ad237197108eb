"""Let editors give a page search keywords and synonyms in front matter.

    keywords: [addictive, addiction, dependence]

Material's search indexes a page's front-matter `tags` as their own, highly
weighted field, but only the tags plugin would show them on the page; we do
not use that plugin, so keywords are searchable and never clutter the page
(extra.css hides them in search results too). Editors write `keywords`, a
name that says what it is for; this hook hands them to search as tags. It
runs before Material indexes the page (page context) and after the
front-matter check (kbsite/front_matter.py) has validated the list.

Material copies a page's tags onto each of its sections in the index. A
page's keywords say what the page is for, so after the build only the
page's own entry keeps them: the copies cost 4.7 KB of the English index
(a tenth of it) and ranked no query better (tests/search_queries*.yml and
the check sets, Material's worker in Node, 2026-12-01).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    keywords = page.meta.get("keywords")
    if keywords:
        page.meta["tags"] = [keyword.strip() for keyword in keywords]
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if "#" in doc["location"]:
            doc.pop("tags", None)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
