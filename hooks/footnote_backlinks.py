"""Footnote back-links are named with aria-label, not title.

Python-Markdown's footnotes give every back-link (↩) a title ("Back to
text"). With content.tooltips, Material turns every titled element into a
tooltip it sets up on page load; the safety page has one back-link per
citation (48), and setting up their tooltips cost about 100 ms of main
thread on a throttled phone (`make bench`: Total Blocking Time), for a
tooltip no one needs. aria-label keeps the link's accessible name.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_BACKLINK = re.compile(r'<a(?P<before>[^>]*\bclass="footnote-backref"[^>]*?)\stitle="(?P<title>[^"]*)"')


def name_backlinks(html: str) -> str:
    return _BACKLINK.sub(lambda m: f'<a{m["before"]} aria-label="{m["title"]}"', html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return name_backlinks(html)
