"""Build the /glossary/ page from the one glossary file.

includes/glossary.md defines each term once, as an abbreviation
(`*[Term]: Definition.`). pymdownx.snippets appends it to every page, so
terms show as tooltips; this hook turns the same lines into the glossary
page's list, at the page's <!-- kb:glossary --> marker (markers.py).

A term is explained where it first appears on a page, as CONTRIBUTING asks
of the writing itself; later uses on that page are plain text. A tooltip
on every use repeated one definition up to 15 times on the safety page.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

def glossary_source(config: MkDocsConfig) -> Path:
    """The glossary file: the one file pymdownx.snippets appends to every page
    (mkdocs.yml: markdown_extensions > pymdownx.snippets > auto_append),
    found in its base_path."""
    snippets = config.mdx_configs.get("pymdownx.snippets") or {}
    appended = snippets.get("auto_append") or []
    if len(appended) != 1:
        raise PluginError("mkdocs.yml: markdown_extensions > pymdownx.snippets > auto_append should name the "
                          f"glossary file, and only it (found {appended!r}), e.g. auto_append: [glossary.md].")
    root = Path(config.config_file_path).parent
    for base in snippets.get("base_path") or ["."]:
        if (root / base / appended[0]).is_file():
            return root / base / appended[0]
    raise PluginError(f"mkdocs.yml: the glossary {appended[0]!r} (pymdownx.snippets > auto_append) is not in "
                      f"any base_path {snippets.get('base_path')!r}.")
_ENTRY = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.*)$")
_ABBR = re.compile(r'<abbr title="[^"]*">(?P<term>[^<]*)</abbr>')


def read_glossary(path: Path) -> list[tuple[str, str]]:
    """(term, definition) pairs, alphabetical; errors name the line."""
    entries, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        match = _ENTRY.match(line)
        where = f"{path.parent.name}/{path.name}, line {number}"
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



def first_use_only(html: str) -> str:
    """Keep each term's tooltip (<abbr title>) on its first use on the page."""
    seen: set[str] = set()

    def once(match: re.Match) -> str:
        if match["term"] in seen:
            return match["term"]
        seen.add(match["term"])
        return match[0]
    return _ABBR.sub(once, html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return first_use_only(html)
