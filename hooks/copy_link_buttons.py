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
import json
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import languages

# What docs/assets/javascripts/site.js says and shows after a click.
WORDS = {"copy": "Copy link", "copied": "Copied", "done": "Link copied:",
         "failed": "Could not copy. The link is selected:", "field": "Link to this section"}

# Sections and subsections, as the toc extension writes them (permalink on).
_HEADING = re.compile(r'(?P<open><h(?P<level>[23])\b[^>]*\sid="(?P<id>[^"]+)"[^>]*>)(?P<title>.*?)'
                      r'(?P<permalink><a class="headerlink" [^>]*>.*?</a>)(?P<close></h(?P=level)>)', re.S)


def add_buttons(content: str, translate=lambda text: text) -> str:
    """`translate`: the words in the build's language (languages.py)."""
    text, label_text = html_text.escape(translate("Copy link")), translate("Copy link to section: {title}")

    def button(m: re.Match) -> str:
        title = html_text.unescape(re.sub(r"<[^>]+>", "", m["title"])).strip()
        label = html_text.escape(label_text.replace("{title}", title))
        return (f'{m["open"]}{m["title"]}{m["permalink"]}<button type="button" class="copy-link" '
                f'aria-label="{label}" data-search-exclude>{text}</button>{m["close"]}')
    content, count = _HEADING.subn(button, content)
    if count:
        # What site.js says after a click, in the page's language.
        words = {key: translate(text) for key, text in WORDS.items()}
        content += f'\n<div hidden data-copy-link-words="{html_text.escape(json.dumps(words, ensure_ascii=False))}"></div>'
    return content


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return add_buttons(html, lambda text: languages.translate(config, text))
