"""Glossary tooltips on a term's first use on a page only.

The glossary (includes/glossary.md) defines each term once, as an
abbreviation (`*[Term]: Definition.`), appended to every page by
pymdownx.snippets, so Python-Markdown's abbr extension makes every use a
tooltip. A term is explained where it first appears on a page, as
EDITING.md asks of the writing itself; later uses are plain text. A
tooltip on every use repeated one definition up to 15 times on the safety
page.

    markdown.markdown(text, extensions=["abbr", "kbsite.markdown.first_use_tooltips"])
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.postprocessors import Postprocessor

_ABBR = re.compile(r'<abbr title="[^"]*">(?P<term>[^<]*)</abbr>')


def first_use_only(html: str) -> str:
    """Keep each term's tooltip (<abbr title>) on its first use."""
    seen: set[str] = set()

    def once(match: re.Match) -> str:
        if match["term"] in seen:
            return match["term"]
        seen.add(match["term"])
        return match[0]
    return _ABBR.sub(once, html)


class _FirstUseOnly(Postprocessor):
    def run(self, text: str) -> str:
        return first_use_only(text)


# Scripts written without spaces between words (Chinese, Japanese): Han,
# kana, and CJK punctuation and full-width forms.
_UNSPACED = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def term_pattern(term: str) -> str:
    """A term as a whole word. Python-Markdown's abbr wants a word boundary
    (\\b) on each side, which never comes inside a run of Chinese: there,
    氯胺酮是 has no boundary after 氯胺酮, so no Chinese term would ever be
    explained. A side that is Chinese needs none."""
    left = "" if _UNSPACED.match(term[0]) else r"\b"
    right = "" if _UNSPACED.match(term[-1]) else r"\b"
    return f"{left}{re.escape(term)}{right}"


class _AbbrInEveryScript(AbbrTreeprocessor):
    """Python-Markdown's abbr, with term_pattern's boundaries."""

    def run(self, root):
        if not self.abbrs:
            return
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(term_pattern(term) for term in terms))
        self.iter_element(root)


class FirstUseTooltipsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        if "abbr" in md.treeprocessors:   # listed after abbr: take over its tree step, with its terms
            abbr = md.treeprocessors["abbr"]
            md.treeprocessors.register(_AbbrInEveryScript(md, abbr.abbrs), "abbr", 7)
        md.postprocessors.register(_FirstUseOnly(md), "kb_first_use_tooltips", 5)


def makeExtension(**kwargs) -> FirstUseTooltipsExtension:
    return FirstUseTooltipsExtension(**kwargs)
