"""`<!-- kb:name -->` markers that the Markdown itself can fill: the
glossary page's list and the clinic's name.

A page asks for generated content with an HTML comment (kbsite/markers.py
lists every marker, the pages it belongs on, and fails the build, naming
the file, on an unknown, misplaced or missing one). Two of them need nothing
but configuration and the glossary file, so this extension fills them as
the Markdown is read, in any generator that runs Python-Markdown:

  <!-- kb:glossary -->     a definition list of every term in the glossary file
  <!-- kb:clinic-name -->  the clinic's name (extra.clinic.name), escaped

Any other marker is left as it is, for the build to fill from the finished
pages (the clinicians' table of sections) or from templates (the clinic's
contact block).

    markdown.markdown(text, extensions=["def_list", "kbsite.markdown.markers"],
                      extension_configs={"kbsite.markdown.markers": {
                          "base_path": ["includes"], "glossary": "glossary.md",
                          "values": {"clinic-name": "Avid Sports Medicine"}}})

`base_path` works as pymdownx.snippets' does; each edition's build looks in
its own folder (includes/<folder>/, kbsite.editions.edition_overrides).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from kbsite.errors import SiteError
from kbsite.glossary import glossary_markdown, read_glossary

_MARKER = re.compile(r"<!--\s*kb:(?P<name>[\w-]+)\s*-->")


def glossary_file(base_path: list[str], name: str) -> Path:
    for base in base_path:
        if (Path(base) / name).is_file():
            return Path(base) / name
    raise SiteError(f"mkdocs.yml: markdown_extensions > kbsite.markdown.markers: the glossary {name!r} is not in "
                    f"any base_path {base_path!r}.")


class _FillMarkers(Preprocessor):
    def __init__(self, md, base_path: list[str], glossary: str, values: dict[str, str]):
        super().__init__(md)
        self.base_path, self.glossary, self.values = base_path, glossary, values

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "kb:" not in text:
            return lines

        def fill(match: re.Match) -> str:
            name = match["name"]
            if name == "glossary":
                return glossary_markdown(read_glossary(glossary_file(self.base_path, self.glossary)))
            if name in self.values:
                return html.escape(str(self.values[name]))
            return match[0]

        return _MARKER.sub(fill, text).split("\n")


class MarkersExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "base_path": [["."], "Folders to look for the glossary file in, in order"],
            "glossary": ["glossary.md", "The glossary file: `*[Term]: Definition.` lines"],
            "values": [{}, "Markers replaced by text: {marker name: text}"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        base_path = self.getConfig("base_path")
        # Before Python-Markdown stashes HTML blocks, comments included (20).
        md.preprocessors.register(
            _FillMarkers(md, [base_path] if isinstance(base_path, str) else list(base_path),
                         self.getConfig("glossary"), dict(self.getConfig("values"))),
            "kb_markers", 35)


def makeExtension(**kwargs) -> MarkersExtension:
    return MarkersExtension(**kwargs)
