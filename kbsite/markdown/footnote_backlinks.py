"""Footnote back-links: one per note, named by aria-label, not title.

Python-Markdown gives a note one back-link (↩) per citation: the safety
page's label of the FDA had 16 in a row, each a target too small to tap
(the usability review, #35). A note keeps one, to its first citation;
site.js takes a reader who came from a later citation back to that one.

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


# A note's later back-links, right after its first (href="#fnref2:a", ...).
_LATER_BACKLINKS = re.compile(r'(<a class="footnote-backref" href="#fnref:(?P<id>[^"]+)"[^>]*>[^<]*</a>)'
                              r'(?:<a class="footnote-backref" href="#fnref\d+:(?P=id)"[^>]*>[^<]*</a>)+')


def name_backlinks(html: str) -> str:
    return _BACKLINK.sub(lambda m: f'<a{m["before"]} aria-label="{m["title"]}"', html)


def one_backlink_per_note(html: str) -> str:
    return _LATER_BACKLINKS.sub(lambda m: m[1], html)


class _OneNamedBacklink(Postprocessor):
    def run(self, text: str) -> str:
        return one_backlink_per_note(name_backlinks(text))


class FootnoteBacklinksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After the footnotes extension has written its back-links (its own
        # postprocessor restores them at priority 25).
        md.postprocessors.register(_OneNamedBacklink(md), "kb_footnote_backlinks", 5)


def makeExtension(**kwargs) -> FootnoteBacklinksExtension:
    return FootnoteBacklinksExtension(**kwargs)
