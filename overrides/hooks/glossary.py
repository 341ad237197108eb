"""Build the /glossary/ page from the one glossary file.

includes/glossary.md defines each term once, as an abbreviation
(`*[Term]: Definition.`). pymdownx.snippets appends it to every page, so
terms show as tooltips; this hook turns the same lines into the glossary
page's list, at the page's <!-- glossary --> marker.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

SOURCE = "includes/glossary.md"
MARKER = "<!-- glossary -->"
_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.*)$")


def read_glossary(path: Path) -> list[tuple[str, str]]:
    """(term, definition) pairs, alphabetical; errors name the line."""
    entries, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = _ENTRY.match(line)
        where = f"{SOURCE}, line {number}"
        if not match:
            raise PluginError(f"{where}: {line!r} is not a glossary entry. "
                              "Expected `*[Term]: Plain definition.`")
        term, definition = match["term"].strip(), match["definition"].strip()
        if not definition:
            raise PluginError(f"{where}: the term {term!r} has no definition.")
        if term.lower() in seen:
            raise PluginError(f"{where}: the term {term!r} is defined twice; define each term once.")
        seen.add(term.lower())
        entries.append((term, definition))
    return sorted(entries, key=lambda entry: entry[0].lower())


def glossary_markdown(entries: list[tuple[str, str]]) -> str:
    """A Markdown definition list (def_list extension)."""
    return "\n\n".join(f"{term[0].upper()}{term[1:]}\n:   {definition}" for term, definition in entries)


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        if page.file.src_uri == "glossary.md":
            raise PluginError(f"docs/glossary.md: the marker {MARKER} is missing, so the glossary "
                              "has nowhere to go. Put it back on a line of its own.")
        return markdown
    entries = read_glossary(Path(config.config_file_path).parent / SOURCE)
    return markdown.replace(MARKER, glossary_markdown(entries))
