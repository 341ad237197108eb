"""MkDocs' end of the post-build layer (kbsite.postbuild): the same steps
`python -m kbsite.postbuild site/` runs on any built site, run here at the
end of each edition's build, over that edition's folder only.

While pages are built, it also rejects code in a page's content that the
Content Security Policy would have to allow (an inline <script>, onclick=,
a javascript: URL), naming the page's source file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kbsite.editions import folder
from kbsite.errors import SiteError
from kbsite.permalinks import REGISTRY, page_url
from kbsite.postbuild import Site, csp, run

log = logging.getLogger("mkdocs.hooks.postbuild")


class PostBuildHook:
    """State of one build: whether it is `mkdocs serve`, and each page's
    source file (for messages that name the file an editor opens)."""

    def __init__(self):
        self.serving = False
        self.sources: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` injects its own inline live-reload script into every
        # page it serves; a policy would block it and stop the preview from
        # reloading. The policy is for the published site (`mkdocs build`).
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> None:
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url is not set. The Content Security Policy (kbsite/postbuild/csp.py) "
                              "allows scripts only from the site's own address; set site_url to it.")
        self.sources = {}

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = _source(config, page)
        self.sources["/" + page.url] = source
        errors = csp.content_errors(html, source)
        if errors:
            raise PluginError("Content Security Policy:\n  " + "\n  ".join(errors))
        return html

    # After other plugins' post-build work (minify writes our scripts and
    # styles then), before the next edition's build (hooks/languages.py, -100).
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        entries = config.extra.get("languages") or []
        first = not entries or config.theme["language"] == entries[0]["code"]
        docs = Path(config.docs_dir).relative_to(Path(config.config_file_path).parent).as_posix() + "/"
        site = Site(Path(config.site_dir), config.site_url, docs=docs, sources=self.sources,
                    label=f"site/{'' if first else folder(config.theme['language']) + '/'}",
                    exclude=tuple(folder(e["code"]) for e in entries[1:]) if first else ())
        redirects = config.plugins.get("redirects")
        redirected = {page_url(old) for old in (redirects.config.get("redirect_maps") or {})} if redirects else set()
        try:
            recorded = run(site, registry=Path(config.config_file_path).parent / REGISTRY, redirected_pages=redirected,
                           policy=not self.serving, theme_stylesheets=_theme_stylesheets(config),
                           # `make permalinks`: the first language's build records new ids.
                           record_new_ids=bool(os.environ.get("PERMALINKS_RECORD")) and first)
        except SiteError as error:
            raise PluginError(str(error)) from None
        for url, ids in recorded.items():
            log.info(f"{REGISTRY}: recorded {', '.join('#' + i for i in ids)} under {url}")


def _source(config: MkDocsConfig, page: Page) -> str:
    """A page's file as an editor finds it, e.g. docs/es/safety.md."""
    return Path(page.file.abs_src_path).relative_to(Path(config.config_file_path).parent).as_posix()


def _theme_stylesheets(config: MkDocsConfig) -> Path | None:
    """Material's own stylesheets folder: a second build into the same
    folder (`mkdocs build --dirty`) finds our trimmed files in the site."""
    for folder in config.theme.dirs:
        if list(Path(folder).glob("assets/stylesheets/main.*.min.css")):
            return Path(folder) / "assets" / "stylesheets"
    return None


_hook = PostBuildHook()
on_startup = _hook.on_startup
on_config = _hook.on_config
on_page_content = _hook.on_page_content
on_post_build = _hook.on_post_build
