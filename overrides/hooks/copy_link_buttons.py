"""A "Copy link" button beside every section heading's permalink (¶), written
into the page at build time.

Clinicians paste section links into emails and notes; the button copies the
section's published address (site.js handles the click, for every button,
with one listener). Written here rather than by JavaScript on load, the
buttons cost the browser no extra work after the page arrives (inserting
them on load was one of the long tasks in `make bench`'s Total Blocking
Time), and their markup is tested with the page's. Without JavaScript they
are hidden (extra.css: .no-js).
"""

from __future__ import annotations

import html as html_text
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Sections and subsections, as the toc extension writes them (permalink on).
_HEADING = re.compile(r'(?P<open><h(?P<level>[23])\b[^>]*\sid="(?P<id>[^"]+)"[^>]*>)(?P<title>.*?)'
                      r'(?P<permalink><a class="headerlink" [^>]*>.*?</a>)(?P<close></h(?P=level)>)', re.S)


def add_buttons(content: str) -> str:
    def button(m: re.Match) -> str:
        title = html_text.unescape(re.sub(r"<[^>]+>", "", m["title"])).strip()
        label = html_text.escape(f"Copy link to section: {title}")
        return (f'{m["open"]}{m["title"]}{m["permalink"]}<button type="button" class="copy-link" '
                f'aria-label="{label}" data-search-exclude>Copy link</button>{m["close"]}')
    return _HEADING.sub(button, content)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return add_buttons(html)
