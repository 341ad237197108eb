"""`<!-- kb:name -->` markers that the Markdown itself fills, so that what
they make is in the page's HTML when search indexes it, in any generator
that runs Python-Markdown: the glossary page's list, the clinic's name,
its contact block and prices, and the way to report a mistake.

A page asks for generated content with an HTML comment (kbsite/markers.py
lists every marker, the pages it belongs on, and fails the build, naming
the file, on an unknown, misplaced or missing one):

  <!-- kb:glossary -->        a definition list of every term in the glossary file
  <!-- kb:clinic-name -->     the clinic's name (extra.clinic.name), escaped
  <!-- kb:clinic-contact -->  how to book and reach the clinic (partials/clinic-contact.html)
  <!-- kb:clinic-pricing -->  a link to the clinic's prices, when it publishes them
  <!-- kb:report-issue -->    where readers report a mistake (repo_url, and the
                              clinic's email or form when it has one)

Any other marker is left as it is, for the build to fill from the finished
pages (the clinicians' table of sections).

    markdown.markdown(text, extensions=["def_list", "kbsite.markdown.markers"],
                      extension_configs={"kbsite.markdown.markers": {
                          "base_path": ["includes"], "glossary": "glossary.md",
                          "values": {"clinic-name": "Avid Sports Medicine"},
                          "clinic": {...extra.clinic...}, "repo_url": "https://github.com/...",
                          "templates": ["overrides"]}})

`base_path` works as pymdownx.snippets' does; each edition's build looks in
its own folder (includes/<folder>/, kbsite.editions.edition_overrides),
where its interface words are (interface.yml; the first language has none
and shows the English words). The contact block and prices are the
theme's own partials, rendered with Jinja from `templates`, so the page
and any template that includes them show the same thing.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from kbsite.clinic import hours_text
from kbsite.editions import INTERFACE, load_interface, yaml_key
from kbsite.errors import SiteError
from kbsite.glossary import glossary_markdown, read_glossary

# <!-- kb:name -->, as kbsite.markers reads it too.
MARKER = re.compile(r"<!--\s*kb:(?P<name>[\w-]+)\s*-->")


def glossary_file(base_path: list[str], name: str) -> Path:
    for base in base_path:
        if (Path(base) / name).is_file():
            return Path(base) / name
    raise SiteError(f"mkdocs.yml: markdown_extensions > kbsite.markdown.markers: the glossary {name!r} is not in "
                    f"any base_path {base_path!r}.")


class Words:
    """`words(text)`: the English `text` in the edition's language, from its
    includes/<folder>/interface.yml (kbsite.editions.load_interface); the
    first language has no such file and shows the English. A translation
    that lacks a word fails, naming the file and the line to add."""

    def __init__(self, base_path: list[str]):
        self.path = next((Path(base) / INTERFACE for base in base_path if (Path(base) / INTERFACE).is_file()), None)
        self.strings = load_interface(self.path) if self.path else None

    def __call__(self, text: str) -> str:
        if self.strings is None:
            return text
        if text not in self.strings:
            raise SiteError(f"{self.path}: no translation for {text!r}, which a generated block shows. Add a line:\n"
                            f"  {yaml_key(text)}: <the translation>")
        return self.strings[text]


def report_issue(repo_url: str, clinic: dict, words) -> str:
    """Where readers report a mistake: the site's GitHub issues, and the
    ways that need no account when the clinic has published them."""
    if not repo_url:
        raise SiteError("mkdocs.yml: repo_url is not set, so docs/about.md cannot link to the place where "
                        "readers report mistakes. Set repo_url to the site's GitHub repository.")
    url = html.escape(repo_url.rstrip("/") + "/issues")
    ways = [f'<a href="{url}">{html.escape(words("open an issue on GitHub"))}</a> '
            f'{html.escape(words("(you need a free GitHub account)"))}']
    if clinic.get("email"):
        email = html.escape(clinic["email"])
        ways.append(f'{html.escape(words("or email"))} <a href="mailto:{email}">{email}</a>')
    if clinic.get("feedback_url"):
        form = html.escape(words("or use the clinic's form"))
        ways.append(f'<a href="{html.escape(clinic["feedback_url"])}">{form}</a>')
    return ", ".join(ways) + "."


def render_partial(templates: list[str], name: str, clinic: dict, words: Words) -> str:
    """partials/<name>.html, as the theme would render it, for this edition.
    words.html reads `interface` by `config.theme.language`: the edition's
    words under a language of their own."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=False,
                             undefined=jinja2.ChainableUndefined)
    return env.get_template(f"partials/{name}.html").render(
        clinic=clinic, config={"theme": {"language": "edition"}, "extra": {}},
        interface={"edition": words.strings or {}},
        opening_hours=[hours_text(spec, words) for spec in clinic.get("hours") or []]).strip()


class _FillMarkers(Preprocessor):
    def __init__(self, md, base_path: list[str], glossary: str, values: dict[str, str],
                 clinic: dict, repo_url: str, templates: list[str]):
        super().__init__(md)
        self.base_path, self.glossary, self.values = base_path, glossary, values
        self.clinic, self.repo_url, self.templates = clinic, repo_url, templates

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
            if name == "report-issue":
                return report_issue(self.repo_url, self.clinic, Words(self.base_path))
            if name in ("clinic-contact", "clinic-pricing") and self.templates:
                # A block of raw HTML on lines of its own: Python-Markdown
                # keeps it as it is, and search indexes its text.
                return "\n\n" + render_partial(self.templates, name, self.clinic, Words(self.base_path)) + "\n\n"
            return match[0]

        return MARKER.sub(fill, text).split("\n")


class MarkersExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "base_path": [["."], "Folders to look for the glossary file in, in order"],
            "glossary": ["glossary.md", "The glossary file: `*[Term]: Definition.` lines"],
            "values": [{}, "Markers replaced by text: {marker name: text}"],
            "clinic": [{}, "The clinic's details (extra.clinic): contact block, prices, ways to report a mistake"],
            "repo_url": ["", "The site's repository, where readers report mistakes (its /issues)"],
            "templates": [[], "Theme folders with partials/clinic-contact.html and partials/clinic-pricing.html"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        base_path = self.getConfig("base_path")
        # Before Python-Markdown stashes HTML blocks, comments included (20).
        md.preprocessors.register(
            _FillMarkers(md, [base_path] if isinstance(base_path, str) else list(base_path),
                         self.getConfig("glossary"), dict(self.getConfig("values")),
                         dict(self.getConfig("clinic") or {}), self.getConfig("repo_url") or "",
                         [templates] if isinstance(templates := self.getConfig("templates"), str) else list(templates)),
            "kb_markers", 35)


def makeExtension(**kwargs) -> MarkersExtension:
    return MarkersExtension(**kwargs)
