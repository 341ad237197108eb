"""The post-build layer: what the site does to a built site/, for any
generator that wrote it.

    python -m kbsite.postbuild site/          (every edition in mkdocs.yml)

Steps, in order, over each edition's folder (the site's own at the root,
each other language in <code>/):
  inline_js     the theme's inline scripts minified (they are written readable)
  print_urls    links in a page's content get their absolute address for print
  print_qr      a QR code of each page's address, for printed handouts
  palette_css   Material's palette stylesheet without the colours the site never sets
  unused_css    Material's stylesheet trimmed to what the site uses, joined with ours
  anchors       published section ids against permalinks.yml
  key_points    every key point leads to a source, or its box says it sums up the clinic's article
  crisis_data   search/crisis.json: the crisis words and help for search (crisis.js)
  search_additions  the search index: page keywords, stop words, the patients' vocabulary, Simplified forms
  search_labels the clinic's article marked in the search index, so its excerpts are labelled
  csp           a Content Security Policy with the hashes of the final inline scripts
MkDocs runs the same code at the end of each edition's build
(hooks/knowledge_base.py, run_edition); the canary runs it on Zensical's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kbsite.postbuild import (anchors, crisis_data, csp, inline_js, key_points, palette_css, print_qr, print_urls,
                              search_additions, search_labels, unused_css)

STEPS = ("inline_js", "print_urls", "print_qr", "palette_css", "unused_css", "anchors", "key_points", "crisis_data",
         "search_additions", "search_labels", "csp")


@dataclass
class Site:
    """One edition's built folder and its published address. Pages are read
    once, changed in memory by each step, and written back by save()."""
    root: Path
    url: str                                  # ends in "/"
    docs: str = "docs/"                       # the edition's source folder, for messages
    label: str = "site/"                      # the folder as messages name it
    exclude: tuple[str, ...] = ()             # subfolders that are other editions
    sources: dict[str, str] = field(default_factory=dict)  # "/safety/" -> "docs/es/safety.md", where known
    project: Path | None = None               # the project's folder (mkdocs.yml), for steps that read its files
    code: str = ""                            # the edition's language
    partial: bool = False                     # a --dirty build: only the pages it rebuilt
    pages: dict[Path, str] = field(init=False)

    def __post_init__(self):
        self.root = Path(self.root)
        self.url = self.url if self.url.endswith("/") else self.url + "/"
        self.pages = {path: path.read_text(encoding="utf-8") for path in self.files("**/*.html")}
        self._written = dict(self.pages)

    def files(self, pattern: str) -> list[Path]:
        """Files of this edition only, sorted."""
        return sorted(path for path in self.root.glob(pattern) if path.is_file()
                      and not path.relative_to(self.root).as_posix().startswith(tuple(f"{e}/" for e in self.exclude)))

    def name(self, path: Path) -> str:
        return self.label + path.relative_to(self.root).as_posix()

    def page_key(self, path: Path) -> str:
        """"/safety/" for safety/index.html, "/" for index.html."""
        folder = path.parent.relative_to(self.root).as_posix()
        return "/" if folder == "." else f"/{folder}/"

    def page_url(self, path: Path) -> str:
        relative = path.relative_to(self.root).as_posix()
        return self.url + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)

    def source(self, key: str) -> str:
        """The Markdown file an editor opens for the page at `key`."""
        return self.sources.get(key) or self.docs + ("index.md" if key == "/" else key.strip("/") + ".md")

    def save(self) -> None:
        for path, text in self.pages.items():
            if text != self._written.get(path):
                path.write_text(text, encoding="utf-8")
        self._written = dict(self.pages)


def run(site: Site, *, registry: Path | None, redirected_pages: set[str] = frozenset(), policy: bool = True,
        theme_stylesheets: Path | None = None, record_new_ids: bool = False) -> dict[str, list[str]]:
    """Every step over one edition; returns the ids `anchors` recorded.
    `theme_stylesheets`: Material's own assets/stylesheets folder, where the
    generator knows it (a --dirty build finds our output in the site);
    `policy`: False under a preview server that injects its own script."""
    inline_js.apply(site)
    print_urls.apply(site)
    print_qr.apply(site)
    palette_css.apply(site, _one(theme_stylesheets, "palette.*.min.css"))
    unused_css.apply(site, _one(theme_stylesheets, "main.*.min.css"))
    # A lost published id is named before a key point that led to it.
    recorded = anchors.apply(site, registry, redirected_pages, record_new=record_new_ids) if registry else {}
    key_points.apply(site)
    crisis_data.apply(site)
    search_additions.apply(site)
    search_labels.apply(site)
    if policy:
        csp.apply(site)
    site.save()
    return recorded


def run_edition(config_file: Path, code: str, site_root: Path, *, label: str | None = None,
                sources: dict[str, str] | None = None, partial: bool = False, **options) -> tuple[Site, dict]:
    """Every step over the edition of language `code`, built into
    `site_root`, as the configuration `config_file` describes it (its
    address, source folder, the other editions' folders, the permalink
    registry, the redirected pages). `options`: run()'s. Returns the site
    and the ids recorded."""
    from kbsite import project

    config = project.load(config_file)
    editions = project.editions(config, config_file)
    [edition] = [e for e in editions if e.code == code]
    site = Site(site_root, edition.url, docs=edition.docs, label=label or f"site/{edition.path}",
                exclude=() if edition.path else tuple(e.path.rstrip("/") for e in editions if e.path),
                sources=sources or {}, project=config_file.parent.resolve(), code=code, partial=partial)
    registry = config_file.parent / "permalinks.yml"
    recorded = run(site, registry=registry if registry.is_file() else None,
                   redirected_pages=project.redirected_pages(config), **options)
    return site, recorded


def _one(folder: Path | None, pattern: str) -> Path | None:
    if folder is None:
        return None
    found = sorted(folder.glob(pattern))
    return found[0] if len(found) == 1 else None
