"""The clinic's article, labelled for what it is wherever it shows.

The article is the clinic's own promotional copy. A reader must never take
it for an independent source, so every passage of it (an admonition of
class `clinic-article`) says at its top whose promotion it is and that the
clinic provides the treatment and is paid for it, and says at its end that
the clinic's article ends there. The end line shows where a passage is
long; in a short one a screen reader still hears it. Search labels an
excerpt from inside a passage too: the passage carries its short label
(`data-clinic-label`), which the post-build step search_labels marks in the
search index for search.js.

A Key points box whose points all sum up the clinic's article (marked
`!!! abstract key-points article-summary "Key points"`) says so at its end:
its points are the clinic's, not independent evidence (the post-build step
kbsite.postbuild.key_points fails on a box of the article's points that
is not marked).

The words are options, so each edition's build gives them in its language
(kbsite.editions.edition_overrides translates extensions' text options
from includes/<code>/interface.yml); {clinic} is the clinic's name
(extra.clinic.name):

    markdown.markdown('!!! quote clinic-article ""\\n\\n    Ketamine...',
                      extensions=["admonition", "kbsite.markdown.clinic_article"],
                      extension_configs={"kbsite.markdown.clinic_article": {"clinic": "Avid Sports Medicine"}})

Whatever title a passage is written with is replaced: the label is the
same on every page, in the edition's words.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "clinic-article"


def _words(element: etree.Element) -> int:
    return len("".join(element.itertext()).split())


class _Label(Treeprocessor):
    def __init__(self, md, config: dict):
        super().__init__(md)
        self.config = config

    def _text(self, key: str) -> str:
        return self.config[key].replace("{clinic}", self.config["clinic"])

    def run(self, root: etree.Element) -> None:
        for block in root.iter("div"):
            classes = (block.get("class") or "").split()
            if "key-points" in classes and "article-summary" in classes:
                note = etree.SubElement(block, "p", {"class": "key-points__note"})
                note.text = self._text("summary")
            if CLASS not in classes:
                continue
            # What search puts before an excerpt from this passage (the
            # post-build step search_labels reads it from the page; not a
            # data-search-* name, which Material's search plugin removes).
            block.set("data-clinic-label", self._text("short"))
            for title in [child for child in block if child.tag == "p" and "admonition-title" in (child.get("class") or "")]:
                block.remove(title)
            title = etree.Element("p", {"class": "admonition-title"})
            title.text = self._text("label")
            block.insert(0, title)
            long = _words(block) - _words(title) >= self.config["long_words"] or len(block) - 1 >= 3
            end = etree.SubElement(block, "p", {"class": "clinic-article__end" + ("" if long else " visually-hidden")})
            end.text = self._text("end")


class ClinicArticleExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "clinic": ["the clinic", "The clinic's name (extra.clinic.name)"],
            "label": ["From {clinic}’s promotional article. {clinic} provides this treatment and is paid for it.",
                      "The label at the top of every passage"],
            "end": ["End of {clinic}’s promotional article.", "The line at the end of every passage"],
            "short": ["{clinic}’s promotional article:", "What search puts before an excerpt from a passage"],
            "summary": ["These points sum up {clinic}’s article on this page. They are not independent evidence.",
                        "The note under Key points that sum up the clinic's article"],
            "long_words": [120, "From this many words a passage's end line shows on screen"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After the admonition's block processor has made the passage (and
        # before the inline patterns, which the label needs none of).
        md.treeprocessors.register(_Label(md, self.getConfigs()), "kb_clinic_article", 25)


def makeExtension(**kwargs) -> ClinicArticleExtension:
    return ClinicArticleExtension(**kwargs)
