"""A "Copy link" button beside every section heading's permalink (¶),
written into the page when its Markdown is rendered.

Clinicians paste section links into emails and notes; the button copies the
section's published address (site.js handles the click, for every button,
with one listener). Written here rather than by JavaScript on load, the
buttons cost the browser no extra work after the page arrives (inserting
them on load was one of the long tasks in `make bench`'s Total Blocking
Time). Without JavaScript they are hidden (extra.css: .no-js).

Its words are options, so each edition's build gives them in its language
(kbsite.editions.edition_overrides translates extensions' text options from
includes/<code>/interface.yml):

    markdown.markdown(text, extensions=["toc", "kbsite.markdown.copy_link_buttons"],
                      extension_configs={"toc": {"permalink": True}})
"""

from __future__ import annotations

import html as html_text
import json
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# Sections and subsections, as the toc extension writes them (permalink on).
_HEADING = re.compile(r'(?P<open><h(?P<level>[23])\b[^>]*\sid="(?P<id>[^"]+)"[^>]*>)(?P<title>.*?)'
                      r'(?P<permalink><a class="headerlink" [^>]*>.*?</a>)(?P<close></h(?P=level)>)', re.S)


def add_buttons(content: str, words: dict[str, str]) -> str:
    """`words`: the button's text and label, and what site.js says after a
    click (see CopyLinkButtonsExtension's options)."""
    text = html_text.escape(words["copy"])

    def button(m: re.Match) -> str:
        title = html_text.unescape(re.sub(r"<[^>]+>", "", m["title"])).strip()
        label = html_text.escape(words["label"].replace("{title}", title))
        return (f'{m["open"]}{m["title"]}{m["permalink"]}<button type="button" class="copy-link" '
                f'aria-label="{label}" data-search-exclude>{text}</button>{m["close"]}')
    content, count = _HEADING.subn(button, content)
    if count:
        said = {key: words[key] for key in ("copy", "copied", "done", "failed", "field")}
        content += f'\n<div hidden data-copy-link-words="{html_text.escape(json.dumps(said, ensure_ascii=False))}"></div>'
    return content


class _AddButtons(Postprocessor):
    def __init__(self, md, words: dict[str, str]):
        super().__init__(md)
        self.words = words

    def run(self, text: str) -> str:
        return add_buttons(text, self.words)


class CopyLinkButtonsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "copy": ["Copy link", "The button's text"],
            "label": ["Copy link to section: {title}", "The button's accessible name; {title} is the section's"],
            "copied": ["Copied", "What the button says after a copy"],
            "done": ["Link copied:", "What the page says after a copy, before the link"],
            "failed": ["Could not copy. The link is selected:", "What it says when the browser will not copy"],
            "field": ["Link to this section", "The name of the field that shows the link"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        md.postprocessors.register(_AddButtons(md, self.getConfigs()), "kb_copy_link_buttons", 5)


def makeExtension(**kwargs) -> CopyLinkButtonsExtension:
    return CopyLinkButtonsExtension(**kwargs)
