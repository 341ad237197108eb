"""Glossary tooltips on a term's first use on a page only.

The glossary (includes/glossary.md) defines each term once, as an
abbreviation (`*[Term]: Definition.`), appended to every page by
pymdownx.snippets, so Python-Markdown's abbr extension makes every use a
tooltip. A term is explained where it first appears on a page, as
CONTRIBUTING asks of the writing itself; later uses are plain text. A
tooltip on every use repeated one definition up to 15 times on the safety
page.

    markdown.markdown(text, extensions=["abbr", "kbsite.markdown.first_use_tooltips"])
"""

from __future__ import annotations

import re

from markdown import Extension
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


class FirstUseTooltipsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.postprocessors.register(_FirstUseOnly(md), "kb_first_use_tooltips", 5)


def makeExtension(**kwargs) -> FirstUseTooltipsExtension:
    return FirstUseTooltipsExtension(**kwargs)
