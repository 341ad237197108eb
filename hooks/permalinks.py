"""Published section links never change by accident (permalinks.yml).

The registry itself, and the check of a built site against it, are the
site's layers (kbsite.permalinks, kbsite.postbuild.anchors, run by
hooks/postbuild.py). What stays here is MkDocs' part, while each page is
built:
  - every heading must carry an explicit {#id} (the Markdown extension
    kbsite.markdown.explicit_ids finds those without; given a report
    function here, so the page fails the build naming its file);
  - a page with anchor redirects gets a small JSON map that
    docs/assets/javascripts/site.js follows in the browser.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kbsite.errors import SiteError
from kbsite.markdown.explicit_ids import missing_message
from kbsite.permalinks import REGISTRY, load_registry, redirects_for_page


class PermalinkHook:
    """State of one build: the registry as read at its start, and the
    headings without an id of the page being built."""

    def __init__(self):
        self.registry: dict = {"pages": {}, "anchor_redirects": {}, "private": []}
        self.missing: list[str] = []

    def on_config(self, config: MkDocsConfig) -> None:
        try:
            self.registry = load_registry(Path(config.config_file_path).parent / REGISTRY)
        except SiteError as error:
            raise PluginError(str(error)) from None
        if "kbsite.markdown.explicit_ids" not in config.markdown_extensions:
            raise PluginError("mkdocs.yml: markdown_extensions should list kbsite.markdown.explicit_ids, which fails "
                              "the build on a heading without an explicit {#id}.")
        config.mdx_configs.setdefault("kbsite.markdown.explicit_ids", {})["report"] = self.missing.extend

    def on_page_content(self, html_content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        missing = list(self.missing)
        self.missing.clear()
        if missing:
            source = Path(page.file.abs_src_path).relative_to(Path(config.config_file_path).parent).as_posix()
            raise PluginError(f"{source}: {missing_message(missing)}")
        redirects = redirects_for_page(self.registry, "/" + page.url)
        if redirects:
            # Data in an attribute, not a <script>: Material's instant navigation
            # re-creates script elements, which would run JSON as code (and the
            # CSP would block it). html.escape makes the JSON a safe attribute.
            data = html.escape(json.dumps(redirects, sort_keys=True))
            html_content += f'\n<div hidden data-anchor-redirects="{data}"></div>'
        return html_content


_hook = PermalinkHook()
on_config = _hook.on_config
on_page_content = _hook.on_page_content
