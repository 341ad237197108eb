"""The MkDocs adapter: wires the site's layers (kbsite/) into a MkDocs build,
and holds no feature of its own. Each event hands MkDocs' objects to a layer:
  on_config          the page checks (kbsite.page_checks); the Chinese
                     segmenter learns the glossary (kbsite.search_vocabulary)
  on_files           an edition's files (kbsite.editions)
  on_page_markdown   the source checks
  on_page_content    the checks of the page's HTML
Each edition is its own build, of its generated configuration (review dates
and translation notes included), one after another, followed by its
post-build steps: kbsite.mkdocs_build (make build, make serve). State lives
on one instance, made anew when a build's config loads.
"""

from __future__ import annotations

import functools
import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kbsite import editions, search_vocabulary
from kbsite.editions import is_translation, source_path
from kbsite.errors import SiteError
from kbsite.page_checks import PageChecks


def _as_plugin_error(handler):
    """The layers' own error, as the error MkDocs shows as a message and a
    failed build rather than a traceback."""
    @functools.wraps(handler)
    def wrapped(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except SiteError as error:
            raise PluginError(str(error)) from None
    return wrapped


class KnowledgeBaseHooks:
    def __init__(self):
        self.checks: PageChecks | None = None

    @_as_plugin_error
    def on_config(self, config: MkDocsConfig) -> None:
        self.checks = PageChecks(config)
        # jieba tells stderr how it loaded its dictionary: noise for editors.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        search_vocabulary.teach_segmenter(search_vocabulary.vocabulary_file(config).with_name("glossary.md"))

    @_as_plugin_error
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if is_translation(config):
            source = str(editions.source_docs_dir(config))
            for uri in editions.shared_files(config, {file.src_uri for file in files}):
                files.append(File(uri, source, config.site_dir, config.use_directory_urls))
            return files
        others = editions.files_of_other_editions(
            config, [file.src_uri for file in files.documentation_pages()], [file.src_uri for file in files])
        for uri in others:
            files.remove(files.get_file_from_path(uri))
        return files

    @_as_plugin_error
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.checks.markdown(markdown, page.meta, page.file.src_uri, source_path(config, page))
        return markdown

    @_as_plugin_error
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.checks.html(html, "/" + page.url, source_path(config, page))


_hooks = KnowledgeBaseHooks()
on_config = _hooks.on_config
on_files = _hooks.on_files
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
