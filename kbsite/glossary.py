"""Build the /glossary/ page from the one glossary file.

includes/glossary.md defines each term once, as an abbreviation
(`*[Term]: Definition.`). pymdownx.snippets appends it to every page, so
terms show as tooltips; this module turns the same lines into the glossary
page's list, at the page's <!-- kb:glossary --> marker (the Markdown
extension kbsite.markdown.markers).

A tooltip shows on a term's first use on a page only: that is the
Python-Markdown extension kbsite.markdown.first_use_tooltips.
"""

from __future__ import annotations

import re
from pathlib import Path

from kbsite.errors import SiteError

_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.*)$")


def read_glossary(path: Path) -> list[tuple[str, str]]:
    """(term, definition) pairs, alphabetical; errors name the line."""
    entries, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = _ENTRY.match(line)
        where = f"{path.parent.name}/{path.name}, line {number}"
        if not match:
            raise SiteError(f"{where}: {line!r} is not a glossary entry. "
                              "Expected `*[Term]: Plain definition.`")
        term, definition = match["term"].strip(), match["definition"].strip()
        if not definition:
            raise SiteError(f"{where}: the term {term!r} has no definition.")
        if term.lower() in seen:
            raise SiteError(f"{where}: the term {term!r} is defined twice; define each term once.")
        seen.add(term.lower())
        entries.append((term, definition))
    return sorted(entries, key=lambda entry: entry[0].lower())


def glossary_markdown(entries: list[tuple[str, str]]) -> str:
    """A Markdown definition list (def_list extension)."""
    return "\n\n".join(f"{term[0].upper()}{term[1:]}\n:   {definition}" for term, definition in entries)


