"""An "On this page" list of a page's sections, right after its Key points
(and the button to book that follows them, kb:book).

On a phone Material keeps a page's table of contents in its menu drawer,
so a reader of a long page sees neither how much is there nor where the
answer to their question is. The list is in the page itself, written when
its Markdown is rendered: every generator that runs Python-Markdown has it,
and it costs the browser nothing after the page arrives. A wide screen
shows Material's table of contents beside the text, so the stylesheet
hides this list there, and on paper (extra.css: .page-contents). It is not
searched (data-search-exclude): its words are the headings', which search
has already.

Pages with a Key points box (an admonition of class `key-points`) and at
least MIN_SECTIONS sections (h2 with an id, as kbsite.markdown.explicit_ids
requires) get it. Its title is an option, so each edition's build gives it
in its language (kbsite.editions.edition_overrides translates extensions'
text options from includes/<code>/interface.yml):

    markdown.markdown(text, extensions=["admonition", "attr_list", "kbsite.markdown.page_contents"],
                      extension_configs={"kbsite.markdown.page_contents": {"title": "En esta página"}})
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

MIN_SECTIONS = 3


class _PageContents(Treeprocessor):
    def __init__(self, md, title: str):
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        children = list(root)
        box = next((i for i, el in enumerate(children) if el.tag == "div"
                    and "key-points" in (el.get("class") or "").split()), None)
        sections = [(h.get("id"), "".join(h.itertext()).strip()) for h in children if h.tag == "h2" and h.get("id")]
        if box is None or len(sections) < MIN_SECTIONS:
            return
        at = box + 1
        if at < len(children) and "booking-link" in (children[at].get("class") or "").split():
            at += 1
        nav = etree.Element("nav", {"class": "page-contents", "aria-label": self.title, "data-search-exclude": ""})
        nav.tail = "\n"
        title = etree.SubElement(nav, "p", {"class": "page-contents__title", "aria-hidden": "true"})
        title.text = self.title
        items = etree.SubElement(nav, "ul")
        for anchor, text in sections:
            link = etree.SubElement(etree.SubElement(items, "li"), "a", {"href": f"#{anchor}"})
            link.text = text
        root.insert(at, nav)


class PageContentsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"title": ["On this page", "The list's title (an interface word)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After attr_list (8) gives headings their {#id} and abbr (7) marks
        # glossary terms (so a term's first use, with its tooltip, stays in
        # the text: kbsite.markdown.first_use_tooltips), before toc (5) adds
        # the permalink signs, which are not part of a section's title.
        md.treeprocessors.register(_PageContents(md, self.getConfig("title")), "kb_page_contents", 6.5)


def makeExtension(**kwargs) -> PageContentsExtension:
    return PageContentsExtension(**kwargs)
