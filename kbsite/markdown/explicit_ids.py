"""Every heading carries an explicit id: `## Side effects {#side-effects}`.

Clinicians paste links to sections (…/safety/#side-effects) into emails and
patient instructions. An id made from the heading's words changes whenever
someone rewords the heading, and the published link breaks; so a heading
without its own id is an error here, before the `toc` extension would make
one up. It looks at the headings as Python-Markdown parsed them (ATX and
setext, snippets included, not headings inside code), after attr_list has
set the explicit ids.

    markdown.markdown(text, extensions=["attr_list", "toc", "kbsite.markdown.explicit_ids"])

raises SiteError naming the headings. A build that wants to name the file
too passes `report`, a function given the list of headings of each page
that has any (kbsite.permalinks.headings_without_ids does, for the source checks,
which the MkDocs adapter runs on each page so its error names docs/es/…).
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from kbsite.errors import SiteError

_HEADING = re.compile(r"h[1-6]")
# Python-Markdown's placeholder for stashed inline HTML.
_STASHED = re.compile("\x02wzxhzdk:\\d+\x03")


def missing_message(headings: list[str]) -> str:
    return ("these headings have no explicit id, so their links would change whenever the wording does. "
            "Add one in the form `## Heading {#short-stable-id}`:\n  " + "\n  ".join(headings))


class _RequireIds(Treeprocessor):
    def __init__(self, md, report):
        super().__init__(md)
        self.report = report

    def run(self, root) -> None:
        missing = [" ".join(_STASHED.sub("", "".join(element.itertext())).split())
                   for element in root.iter() if _HEADING.fullmatch(str(element.tag)) and "id" not in element.attrib]
        if not missing:
            return
        if not callable(self.report):
            raise SiteError(missing_message(missing))
        self.report(missing)


class ExplicitIdsExtension(Extension):
    def __init__(self, **kwargs):
        # Not None: Python-Markdown would read a None default as a yes/no option.
        self.config = {"report": ["raise", "A function given each page's headings without an id (default: raise)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After attr_list (8) has set the explicit ids, before toc (5) makes up the rest.
        md.treeprocessors.register(_RequireIds(md, self.getConfig("report")), "kb_explicit_ids", 6)


def makeExtension(**kwargs) -> ExplicitIdsExtension:
    return ExplicitIdsExtension(**kwargs)
