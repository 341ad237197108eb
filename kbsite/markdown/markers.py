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
  <!-- kb:section-links -->   every page's sections, with the address to link
                              to each (`pages`, `docs_dir`, `site_url`)
  <!-- kb:book -->            a "Book a consultation" button to the booking page
                              (`booking_page`), after a page's Key points

Any other marker is left as it is.

    markdown.markdown(text, extensions=["def_list", "kbsite.markdown.markers"],
                      extension_configs={"kbsite.markdown.markers": {
                          "base_path": ["includes"], "glossary": "glossary.md",
                          "values": {"clinic-name": "Avid Sports Medicine"},
                          "clinic": {...extra.clinic...}, "repo_url": "https://github.com/...",
                          "templates": ["overrides"],
                          "pages": [["index.md", "Home"], ["safety.md", None]],
                          "docs_dir": "docs", "site_url": "https://example.org/"}})

`base_path` works as pymdownx.snippets' does; each edition's build looks in
its own folder (includes/<folder>/, kbsite.editions.edition_overrides),
where its interface words are (interface.yml; the first language has none
and shows the English words). The contact block and prices are the
theme's own partials, rendered with Jinja from `templates`, so the page
and any template that includes them show the same thing. The clinicians'
table reads each page's title and headings from its Markdown, where every
heading has its {#id} (kbsite.markdown.explicit_ids), in the nav's order
(`pages`: [file, nav title or None]); kbsite.editions.write_configs gives
each edition's build its own.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from kbsite.meta import split as split_front_matter
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
        raise SiteError("mkdocs.yml: repo_url is not set, so the pages with <!-- kb:report-issue --> (docs/about.md, "
                        "docs/accessibility.md) cannot link to the place where readers report mistakes. "
                        "Set repo_url to the site's GitHub repository.")
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


def render_partial(templates: list[str], name: str, clinic: dict, words: Words,
                   language: str = "edition", languages: list | None = None) -> str:
    """partials/<name>.html, as the theme would render it, for this edition.
    words.html reads config.extra.interface by config.theme.language: the
    edition's words under its language (`language`), with the site's
    languages (`languages`, extra.languages) for their names."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=False,
                             undefined=jinja2.ChainableUndefined)
    return env.get_template(f"partials/{name}.html").render(
        clinic=clinic, config={"theme": {"language": language},
                               "extra": {"interface": {language: words.strings or {}}, "languages": languages or []}},
        opening_hours=[hours_text(spec, words) for spec in clinic.get("hours") or []]).strip()


_HEADING = re.compile(r"^(?P<level>#{1,3})\s+(?P<title>.*?)\s*\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
MAX_LEVEL = 3   # page titles (h1), sections (h2) and subsections (h3)


def page_sections(path: Path) -> tuple[str | None, list[tuple[int, str, str]]]:
    """A page's front-matter title, and its headings down to MAX_LEVEL as
    (level, title, id), in the order the Markdown has them, code blocks and
    front matter aside."""
    text, meta = split_front_matter(path.read_text(encoding="utf-8"))
    title = meta.get("title")
    headings, fence = [], None
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if opened and (fence is None or opened["fence"].startswith(fence)):
            fence = None if fence else opened["fence"]
        elif fence is None and (match := _HEADING.match(line)):
            headings.append((len(match["level"]), match["title"], match["id"]))
    return title, headings


def section_table(pages: list, docs_dir: str, site_url: str, words: Words) -> str:
    """The clinicians' table: every section of every page, with its address."""
    if not pages or not site_url:
        raise SiteError("<!-- kb:section-links -->: the markers extension was given no pages or site_url. Build "
                        "with `make build` (python -m kbsite.mkdocs_build build), whose editions' configurations "
                        "give it each edition's own.")
    rows = []
    for file, nav_title in pages:
        front_title, headings = page_sections(Path(docs_dir) / file)
        url = site_url + ("" if file == "index.md" else file.removesuffix("index.md").removesuffix(".md") + "/")
        page_title = nav_title or front_title or (headings[0][1] if headings else file)
        for level, title, anchor in headings:
            link = f"{url}#{anchor}" if level > 1 else url
            indent = " section-links__sub" if level > 2 else ""
            # A line break between cells (the minified page shows none).
            rows.append(
                f'<tr>\n<td>{html.escape(page_title)}</td>\n'
                f'<td class="section-links__title{indent}">{html.escape(title, quote=False)}</td>\n'
                # data-print-plain: the text is the address, so print does not add it again.
                f'<td><a href="{html.escape(link)}" data-print-plain><code>{html.escape(link)}</code></a></td>\n</tr>')
    # Not in search (data-search-exclude, which Material's index honours):
    # the table repeats every page's headings beside raw addresses, and a
    # patient's search for "cost" showed it fourth, addresses and all (#35).
    # The sections themselves are found on their own pages. On the table
    # itself: Material's parser ends an exclusion at the first closing tag
    # of the same name, which for a <div> would be the inner one.
    return ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            '<table class="section-links" data-search-exclude><thead><tr>\n'
            + "\n".join(f"<th>{html.escape(words(name))}</th>" for name in ("Page", "Section", "Link"))
            + '\n</tr></thead>\n'
            f'<tbody>\n{chr(10).join(rows)}\n</tbody></table></div></div>')


class _FillMarkers(Preprocessor):
    def __init__(self, md, base_path: list[str], glossary: str, values: dict[str, str],
                 clinic: dict, repo_url: str, templates: list[str], sections: tuple[list, str, str],
                 site_languages: tuple[str, list], booking_page: str = "booking.md"):
        super().__init__(md)
        self.booking_page = booking_page
        self.base_path, self.glossary, self.values = base_path, glossary, values
        self.clinic, self.repo_url, self.templates = clinic, repo_url, templates
        self.sections, self.site_languages = sections, site_languages

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
            if name == "book":
                # A paragraph of its own: the button, out of the search index.
                return (f"\n\n[{Words(self.base_path)('Book a consultation')}]({self.booking_page})"
                        "{ .md-button .md-button--primary }\n{ .booking-link data-search-exclude }\n\n")
            if name == "section-links":
                return "\n\n" + section_table(*self.sections, Words(self.base_path)) + "\n\n"
            if name in ("clinic-contact", "clinic-pricing") and self.templates:
                # A block of raw HTML on lines of its own: Python-Markdown
                # keeps it as it is, and search indexes its text.
                return "\n\n" + render_partial(self.templates, name, self.clinic, Words(self.base_path),
                                                 *self.site_languages) + "\n\n"
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
            "pages": [[], "The clinicians' table: the pages in the nav's order, as [file, nav title or None]"],
            "docs_dir": ["docs", "The clinicians' table: the folder the pages are in"],
            "site_url": ["", "The clinicians' table: the edition's address, which each link starts with"],
            "language": ["edition", "The edition's language code (theme.language), for the theme's partials"],
            "languages": [[], "The site's languages (extra.languages), for the theme's partials"],
            "booking_page": ["booking.md", "The booking page's file (extra.booking_page), which kb:book links to"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        base_path = self.getConfig("base_path")
        # Before Python-Markdown stashes HTML blocks, comments included (20).
        md.preprocessors.register(
            _FillMarkers(md, [base_path] if isinstance(base_path, str) else list(base_path),
                         self.getConfig("glossary"), dict(self.getConfig("values")),
                         dict(self.getConfig("clinic") or {}), self.getConfig("repo_url") or "",
                         [templates] if isinstance(templates := self.getConfig("templates"), str) else list(templates),
                         (list(self.getConfig("pages")), self.getConfig("docs_dir"), self.getConfig("site_url")),
                         (self.getConfig("language"), list(self.getConfig("languages"))),
                         self.getConfig("booking_page")),
            "kb_markers", 35)


def makeExtension(**kwargs) -> MarkersExtension:
    return MarkersExtension(**kwargs)
