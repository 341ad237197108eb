"""Footnote back-links named by aria-label, not title.

Python-Markdown's footnotes give every back-link (↩) a title ("Back to
text"). With content.tooltips, Material turns every titled element into a
tooltip it sets up on page load; the safety page has one back-link per
citation (48), and setting up their tooltips cost about 100 ms of main
thread on a throttled phone (`make bench`: Total Blocking Time), for a
tooltip no one needs. aria-label keeps the link's accessible name.

    markdown.markdown(text, extensions=["footnotes", "kbsite.markdown.footnote_backlinks"])
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_BACKLINK = re.compile(r'<a(?P<before>[^>]*\bclass="footnote-backref"[^>]*?)\stitle="(?P<title>[^"]*)"')


def name_backlinks(html: str) -> str:
    return _BACKLINK.sub(lambda m: f'<a{m["before"]} aria-label="{m["title"]}"', html)


class _NameBacklinks(Postprocessor):
    def run(self, text: str) -> str:
        return name_backlinks(text)


class FootnoteBacklinksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After the footnotes extension has written its back-links (its own
        # postprocessor restores them at priority 25).
        md.postprocessors.register(_NameBacklinks(md), "kb_footnote_backlinks", 5)


def makeExtension(**kwargs) -> FootnoteBacklinksExtension:
    return FootnoteBacklinksExtension(**kwargs)
