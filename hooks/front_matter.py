"""Every page's front matter against the site's schema (kbsite/front_matter.py,
MkDocs config_options), as each page is read; `make check` runs the same
check. Errors name the file, the field and the expected form."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kbsite import editions
from kbsite.front_matter import validate


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    errors = validate(page.meta, editions.source_path(config, page).removeprefix("docs/"),
                      translation=editions.is_translation(config))
    if errors:
        raise PluginError("Invalid front matter:\n  " + "\n  ".join(errors))
    return markdown
