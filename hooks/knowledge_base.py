"""The MkDocs adapter: the one hook module that wires the site's layers into
a MkDocs build, and does what only MkDocs and Material can.

The layers themselves are in kbsite/ and need no MkDocs build:
  1. source checks (`make check`, kbsite.source_checks): front matter,
     extra.clinic and extra.languages, references, markers, crisis words,
     the search vocabulary, headings' explicit ids;
  2. Python-Markdown extensions (kbsite.markdown, under markdown_extensions:
     in mkdocs.yml): glossary, markers, tooltips, back-links, copy buttons,
     explicit ids;
  3. the post-build steps over site/ (`make postbuild`, kbsite.postbuild).

What this module adds, part by part (a class each, in the order they run):
  SourceChecks    layer 1, page by page, naming the file an editor opens
  PageContext     review dates, a translation's age, generated content
                  that needs the finished pages (kbsite.markers.fill)
  SearchIndex     Material's search index: page keywords, stop words and
                  the patients' vocabulary
  PostBuild       layer 3 at the end of each edition's build
  Editions        one strict build per language in extra.languages

State lives on one instance of KnowledgeBaseHooks, reset when a build's
config loads. MkDocs loads a hook module once and reuses it for the other
editions' builds (started from this one's last step), so each part keeps
only what the current build needs. Order between events of other plugins
comes from event_priority. Nothing is written back into the user's config:
the interface words reach templates as a template global (`interface`).
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbsite import (clinic, editions, front_matter, markers, project, references, review_dates,
                    search_vocabulary, simplified_forms, translation_status)
from kbsite.editions import folder, is_translation, source_path
from kbsite.glossary import read_glossary
from kbsite.errors import SiteError
from kbsite.markdown.explicit_ids import missing_message
from kbsite.permalinks import REGISTRY, headings_without_ids, load_registry, page_url, redirects_for_page
from kbsite.postbuild import Site, csp, run as run_postbuild

log = logging.getLogger("mkdocs.hooks.knowledge_base")

# Python-Markdown extensions the build cannot do without (kbsite/markdown/).
REQUIRED_EXTENSIONS = {
    "kbsite.markdown.explicit_ids": "fails the build on a heading without an explicit {#id}",
    "kbsite.markdown.markers": "fills the <!-- kb:... --> markers (kbsite/markers.py)",
}


def _failed(title: str, errors: list[str]) -> PluginError:
    return PluginError(f"{title}:\n  " + "\n  ".join(errors))


# ---- Layer 1, page by page ------------------------------------------------------

class SourceChecks:
    """The source checks `make check` runs, as MkDocs reads each page, so the
    build fails on the same problems with the same messages. State of one
    build: the markers as configured, the references read so far (they must
    agree across pages) and the permalink registry."""

    def __init__(self):
        self.markers: dict[str, markers.Marker] = dict(markers.MARKERS)
        self.references: list[references.Reference] = []
        self.registry: dict = {"pages": {}, "anchor_redirects": {}, "private": []}

    def on_config(self, config: MkDocsConfig) -> None:
        editions.languages(config)
        errors = clinic.validate(config.extra.get("clinic"))
        if errors:
            raise _failed("Invalid clinic details", errors)
        missing = [f"mkdocs.yml: markdown_extensions should list {name}, which {why}."
                   for name, why in REQUIRED_EXTENSIONS.items() if name not in config.markdown_extensions]
        if missing:
            raise _failed("Markdown extensions", missing)
        self.markers = markers.markers_for(config)
        # What the Markdown extension fills markers with: this build's clinic
        # and repository (mkdocs.yml names them by alias, which a file that
        # INHERITs it and changes extra.clinic would not follow).
        config.mdx_configs.setdefault("kbsite.markdown.markers", {}).update(
            clinic=config.extra["clinic"], repo_url=config.repo_url or "")
        self.references = []
        self.registry = load_registry(Path(config.config_file_path).parent / REGISTRY)
        # The templates fall back to English for a missing word: the first
        # language's build fails instead, naming the file to add it to.
        root = Path(config.config_file_path).parent
        if config.theme.custom_dir and not is_translation(config):
            errors = editions.missing_template_words(
                root, Path(config.theme.custom_dir).relative_to(root).as_posix(),
                [entry["code"] for entry in config.extra["languages"][1:]])
            if errors:
                raise _failed("Interface words", errors)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = source_path(config, page)   # docs/es/safety.md in the Spanish build
        errors = front_matter.validate(page.meta, source.removeprefix("docs/"), translation=is_translation(config))
        if errors:
            raise _failed("Invalid front matter", errors)
        # The same reading as `make check` (kbsite.permalinks), so the message
        # names the file; kbsite.markdown.explicit_ids, in the page's own
        # conversion, is the net for headings a snippet brings in.
        missing = headings_without_ids(markdown)
        if missing:
            raise PluginError(f"{source}: {missing_message(missing)}")
        errors = markers.check_markers(markdown, page.file.src_uri, source, self.markers)
        if errors:
            raise _failed("Generated content markers", errors)
        self.references.extend(references.read_references(markdown, source))
        errors = references.check_consistent(self.references)
        if errors:
            raise _failed("Inconsistent references", errors)
        return markdown

    def on_page_content(self, html_content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Code in a page that the Content Security Policy would have to allow
        # (an inline <script>, onclick=, a javascript: URL).
        errors = csp.content_errors(html_content, source_path(config, page))
        if errors:
            raise _failed("Content Security Policy", errors)
        redirects = redirects_for_page(self.registry, "/" + page.url)
        if redirects:
            # Data in an attribute, not a <script>: Material's instant navigation
            # re-creates script elements, which would run JSON as code (and the
            # CSP would block it). html.escape makes the JSON a safe attribute.
            data = html.escape(json.dumps(redirects, sort_keys=True))
            html_content += f'\n<div hidden data-anchor-redirects="{data}"></div>'
        return html_content


# ---- What templates show ----------------------------------------------------------

class PageContext:
    """What the page template shows beyond the page's HTML. No state."""

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Interface words by language, for partials/words.html: every edition
        # has every language's words, since the 404 page and crisis help speak
        # each language. A template global, not a value in the user's config.
        root = Path(config.config_file_path).parent
        env.globals["interface"] = {
            entry["code"]: editions.load_interface(root / "includes" / folder(entry["code"]) / editions.INTERFACE)
            for entry in config.extra["languages"][1:]}
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material's search indexes front-matter `tags` as their own, highly
        # weighted field; editors write `keywords` (kbsite/front_matter.py),
        # and no tags plugin shows them on the page.
        keywords = page.meta.get("keywords")
        if keywords:
            page.meta["tags"] = [keyword.strip() for keyword in keywords]
        return markdown

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        context["review"] = review_dates.review(page.meta, review_dates.today(), config.theme["language"])
        page.content = markers.fill(page.content, markers.Context(page, config, nav))
        if is_translation(config):
            english = editions.source_docs_dir(config) / page.file.src_uri
            # The first language's version of this page, for the notes' link.
            context["translation"] = {**translation_status.status(page.meta, english),
                                      "english": editions.alternates(config, page)[0]}
            if context["translation"]["behind"]:
                log.info(f"{source_path(config, page)}: translation out of date: "
                         + "; ".join(context["translation"]["reasons"]))
        return context


# ---- Material's search index --------------------------------------------------------

_STOP_WORDS = re.compile(r'generateStopWordFilter\("(?P<words>[^"]*)"\.split\(" "\)\)')


def stop_words(language_file: Path) -> list[str]:
    """The stop words of a lunr language file Material ships (lunr.<code>.min.js)."""
    match = _STOP_WORDS.search(language_file.read_text(encoding="utf-8"))
    if not match:
        raise PluginError(f"{language_file.name}: no stop word list found (lunr.generateStopWordFilter(\"...\"."
                          "split(\" \"))). If this language has none, search.js needs another way to keep "
                          "short words from matching as prefixes.")
    return [word for word in match["words"].split(" ") if word]


class SearchIndex:
    """Material writes search/search_index.json at the end of the build; this
    adds to its `config` what search.js needs, and trims it. The index loads
    when the reader opens search, so none of it weighs on a page's first view.

      stop_words  the page language's lunr stop words, so search.js drops from
                  a query exactly the words the index left out ("de*" would
                  match "depresión");
      vocabulary  the patients' words (kbsite.search_vocabulary), after a
                  check that every page word an entry points at is indexed;
      simplified  in an index with Chinese text, the Simplified form of each
                  of its characters (kbsite.simplified_forms).

    Material copies a page's tags onto each of its sections. A page's
    keywords say what the page is for, so only the page's own entry keeps
    them: the copies cost 4.7 KB of the English index (a tenth of it) and
    ranked no query better (the query and check sets, Material's worker in
    Node, 2026-12-01).

    Crisis help has a file of its own (search/crisis.json, the post-build
    step kbsite.postbuild.crisis_data), not a part of this index.

    State of one build: the vocabulary as read at its start, and whether it
    is --dirty."""

    def __init__(self):
        self.dirty = False
        self.vocabulary_path: Path | None = None
        self.vocabulary: list[dict] = []

    def on_config(self, config: MkDocsConfig) -> None:
        # jieba (Material's Chinese segmenter) tells stderr how it loaded its
        # dictionary, in every build of a Chinese edition: noise for editors.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self.vocabulary_path = search_vocabulary.vocabulary_file(config)
        self.vocabulary = search_vocabulary.load(self.vocabulary_path)
        # jieba cuts Chinese text into the words of its dictionary, which has
        # few medical ones: 神經可塑性 came out as 神經 + 可塑性, so a search
        # for it ranked the page with most 神經 first. The glossary's terms
        # are this edition's words (jieba's own user-word call; no effect on
        # text without Chinese).
        # Only Chinese terms, and jieba only then: it loads its dictionary
        # (a second) on the first word added.
        glossary_file = self.vocabulary_path.with_name("glossary.md")
        chinese = [term for term, _ in read_glossary(glossary_file)
                   if re.search(r"[\u3400-\u9fff]", term)] if glossary_file.exists() else []
        if chinese:
            try:
                import jieba
            except ImportError:
                jieba = None
            for term in chinese if jieba else ():
                jieba.add_word(term)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        index_path = site / "search" / "search_index.json"
        if not index_path.exists():
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        for doc in index["docs"]:
            if "#" in doc["location"]:
                doc.pop("tags", None)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        languages = [lang for lang in (search.config.lang if search else None) or [] if lang != "en"]
        if languages:
            words: list[str] = []
            for lang in languages:
                words += stop_words(site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js")
            index["config"]["stop_words"] = sorted(set(words))
        # A language lunr has no stop words for lists its own (Filipino:
        # includes/fil/search-stop-words.txt); the index keeps them, and
        # search.js drops them from a query as well as the index language's.
        own = search_vocabulary.load_stop_words(self.vocabulary_path.with_name(search_vocabulary.STOP_WORDS_FILE))
        if own:
            index["config"]["edition_stop_words"] = own
        # A dirty build's index holds only the pages it rebuilt; the full build
        # checks every entry.
        errors = [] if self.dirty else search_vocabulary.dead_words(self.vocabulary, index, self.vocabulary_path)
        if errors:
            raise _failed("Search vocabulary", errors)
        # [page words, "said|said|..."]: compact, in every edition's index.
        index["config"]["vocabulary"] = [[e["find"], "|".join(e["said"])] for e in self.vocabulary]
        simplified = simplified_forms.simplified_forms(index)
        if simplified:
            index["config"]["simplified"] = simplified
        index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# ---- Layer 3 ----------------------------------------------------------------------

def _theme_stylesheets(config: MkDocsConfig) -> Path | None:
    """Material's own stylesheets folder: a second build into the same
    folder (`mkdocs build --dirty`) finds our trimmed files in the site."""
    for theme_dir in config.theme.dirs:
        if list(Path(theme_dir).glob("assets/stylesheets/main.*.min.css")):
            return Path(theme_dir) / "assets" / "stylesheets"
    return None


class PostBuild:
    """The post-build layer (kbsite.postbuild): the steps `python -m
    kbsite.postbuild site/` runs on any built site, run at the end of each
    edition's build over that edition's folder only. State of one build:
    whether it is `mkdocs serve`, and each page's source file (for messages
    that name the file an editor opens)."""

    def __init__(self):
        self.serving = False
        self.sources: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> None:
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url is not set. The Content Security Policy (kbsite/postbuild/csp.py) "
                              "allows scripts only from the site's own address; set site_url to it.")
        self.sources = {}

    def on_page_content(self, html_content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.sources["/" + page.url] = source_path(config, page)
        return html_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if os.environ.get("KBSITE_POSTBUILD") == "off":
            # A build to run the post-build command on afterwards, as another
            # generator's build would be (tests/test_postbuild.py).
            log.info("Post-build steps skipped (KBSITE_POSTBUILD=off): run python -m kbsite.postbuild on the site.")
            return
        entries = config.extra["languages"]
        first = not is_translation(config)
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir).relative_to(root).as_posix() + "/"
        site = Site(Path(config.site_dir), config.site_url, docs=docs, sources=self.sources,
                    label=f"site/{'' if first else folder(config.theme['language']) + '/'}",
                    exclude=tuple(folder(e["code"]) for e in entries[1:]) if first else (),
                    project=root, code=config.theme["language"])
        redirects = config.plugins.get("redirects")
        redirected = {page_url(old) for old in (redirects.config.get("redirect_maps") or {})} if redirects else set()
        # `mkdocs serve` injects its own inline live-reload script into every
        # page it serves; a policy would block it and stop the preview from
        # reloading. The policy is for the published site (`mkdocs build`).
        recorded = run_postbuild(site, registry=root / REGISTRY, redirected_pages=redirected,
                                 policy=not self.serving, theme_stylesheets=_theme_stylesheets(config),
                                 # `make permalinks`: the first language's build records new ids.
                                 record_new_ids=bool(os.environ.get("PERMALINKS_RECORD")) and first)
        for url, ids in recorded.items():
            log.info(f"{REGISTRY}: recorded {', '.join('#' + i for i in ids)} under {url}")


# ---- Editions -----------------------------------------------------------------------

class Editions:
    """The site in several languages: one strict build per language.

    mkdocs.yml lists the languages under `extra.languages`; the first is the
    site's own (English, at the site's root). After the English build, each
    other language is built from the same mkdocs.yml into <site>/<folder>/,
    changing only what a language must (kbsite.editions.edition_overrides):
    docs_dir docs/<folder>/ (the same file names, so the same URLs),
    site_url, theme.language, the search language, the snippets folder
    includes/<folder>/, the nav's titles and edit_uri. Every part of this
    module runs in every build, so every check covers every language.

    Why not mkdocs-static-i18n: under --strict its warning about
    navigation.instant fails the build, its one search index mixes the
    languages, and its [material] extra pins an older Material.

    State of one build: the command it runs under (`mkdocs serve` or
    `build`), which each other edition's build is started with."""

    def __init__(self):
        self.command = "build"

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The first language's build leaves the other languages' folders to
        their own builds, and checks that every page has its counterpart; a
        translation's build takes the first language's images, scripts and
        stylesheets, so they are kept once, in docs/assets/."""
        folders = [folder(entry["code"]) for entry in config.extra["languages"][1:]]
        if is_translation(config):
            source = editions.source_docs_dir(config)
            for path in sorted(source.rglob("*")):
                relative = path.relative_to(source)
                if (path.is_dir() or path.suffix == ".md" or relative.parts[0] in folders
                        or any(part.startswith(".") for part in relative.parts)
                        or files.get_file_from_path(relative.as_posix())):
                    continue
                files.append(File(relative.as_posix(), str(source), config.site_dir, config.use_directory_urls))
            return files
        prefixes = tuple(name + "/" for name in folders)
        errors = editions.unpaired_pages([f.src_uri for f in files.documentation_pages()], list(prefixes))
        if errors:
            raise _failed("Languages", errors)
        for file in [f for f in files if f.src_uri.startswith(prefixes)]:
            files.remove(file)
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if is_translation(config):
            return
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        for entry in config.extra["languages"][1:]:
            log.info(f"Building the {entry['name']} edition into {editions.edition_path(config, entry)}")
            overrides = editions.edition_overrides(
                project.load(Path(config.config_file_path)), Path(config.config_file_path).parent, entry,
                docs_dir=Path(config.docs_dir) / folder(entry["code"]),
                site_dir=Path(config.site_dir) / folder(entry["code"]), url=editions.edition_url(config, entry))
            edition = load_config(config_file=config.config_file_path, **overrides)
            edition.plugins.on_startup(command=self.command, dirty=False)
            try:
                build(edition)
            finally:
                edition.plugins.on_shutdown()


# ---- The wiring -----------------------------------------------------------------------

class KnowledgeBaseHooks:
    """Every part, each event in a fixed order. A layer's error (SiteError)
    is a PluginError, which MkDocs shows as a message, not a traceback."""

    def __init__(self):
        self.checks = SourceChecks()
        self.context = PageContext()
        self.search = SearchIndex()
        self.postbuild = PostBuild()
        self.editions = Editions()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.postbuild.serving = command == "serve"
        self.search.dirty = dirty
        self.editions.command = command

    def on_config(self, config: MkDocsConfig) -> None:
        self.checks.on_config(config)
        self.search.on_config(config)
        self.postbuild.on_config(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self.editions.on_files(files, config=config)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return self.context.on_env(env, config=config, files=files)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = self.checks.on_page_markdown(markdown, page=page, config=config, files=files)
        return self.context.on_page_markdown(markdown, page=page, config=config, files=files)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = self.checks.on_page_content(html, page=page, config=config, files=files)
        return self.postbuild.on_page_content(html, page=page, config=config, files=files)

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        return self.context.on_page_context(context, page=page, config=config, nav=nav)

    def write_search_index(self, *, config: MkDocsConfig) -> None:
        self.search.on_post_build(config=config)

    # After other plugins' post-build work (minify writes our scripts and
    # styles then), before the next edition's build.
    @event_priority(-50)
    def run_post_build_layer(self, *, config: MkDocsConfig) -> None:
        self.postbuild.on_post_build(config=config)

    # Last of all: the other editions are built once this one is finished.
    @event_priority(-100)
    def build_other_editions(self, *, config: MkDocsConfig) -> None:
        self.editions.on_post_build(config=config)

    on_post_build = CombinedEvent(write_search_index, run_post_build_layer, build_other_editions)


_hooks = KnowledgeBaseHooks()
on_startup = _hooks.on_startup
on_config = _hooks.on_config
on_files = _hooks.on_files
on_env = _hooks.on_env
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
on_page_context = _hooks.on_page_context
on_post_build = _hooks.on_post_build
