"""The source checks (kbsite.checks, which `make check` runs too) as a
generator reads the site page by page, so a build fails on the same
problems with the same messages, naming the file an editor opens; and the
checks of a page's HTML. A generator's adapter makes one PageChecks per
build (hooks/knowledge_base.py for MkDocs) and calls it as each page is
read and converted.

State of one build: the reading of its pages (the markers as configured, the
references read so far, which must agree across pages) and the permalink
registry.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from kbsite import checks, editions
from kbsite.permalinks import REGISTRY, load_registry, redirects_for_page
from kbsite.postbuild import csp


class PageChecks:
    def __init__(self, config):
        """The registry's checks of an edition's configuration
        (kbsite.checks.EDITION_CHECKS): the first that fails stops the build."""
        root = Path(config.config_file_path).parent
        checks.run_site_checks(config, root, checks.EDITION_CHECKS)
        self.translation = editions.is_translation(config)
        self.reading = checks.reading(config)
        self.registry = load_registry(root / REGISTRY)

    def markdown(self, markdown: str, meta: dict, src_uri: str, source: str) -> None:
        """A page's Markdown as read: `src_uri` is the page in its edition
        ("safety.md"), `source` the file an editor opens ("docs/es/safety.md"):
        the registry's page checks, in order."""
        page = checks.Page(markdown, meta, src_uri, source, self.translation)
        for title, check in checks.PAGE_CHECKS.items():
            errors = check(page, self.reading)
            if errors:
                raise checks.failed(title, errors)

    def html(self, content: str, url: str, source: str) -> str:
        """A page's HTML as converted (`url`: "/safety/"), with the anchor
        redirects the registry gives it."""
        # Code the Content Security Policy would have to allow (an inline
        # <script>, onclick=, a javascript: URL).
        errors = csp.content_errors(content, source)
        if errors:
            raise checks.failed("Content Security Policy", errors)
        redirects = redirects_for_page(self.registry, url)
        if redirects:
            # Data in an attribute, not a <script>: Material's instant navigation
            # re-creates script elements, which would run JSON as code (and the
            # CSP would block it). html.escape makes the JSON a safe attribute.
            content += f'\n<div hidden data-anchor-redirects="{html.escape(json.dumps(redirects, sort_keys=True))}"></div>'
        return content
