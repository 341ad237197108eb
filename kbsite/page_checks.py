"""The source checks (`make check`, kbsite.source_checks) as a generator
reads the site page by page, so a build fails on the same problems with the
same messages, naming the file an editor opens. A generator's adapter makes
one PageChecks per build (hooks/knowledge_base.py for MkDocs) and calls it
as each page is read and converted.

State of one build: the markers as configured, the references read so far
(they must agree across pages) and the permalink registry.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from kbsite import clinic, editions, front_matter, markers, references
from kbsite.errors import SiteError
from kbsite.markdown.explicit_ids import missing_message
from kbsite.permalinks import REGISTRY, headings_without_ids, load_registry, redirects_for_page
from kbsite.postbuild import csp

# Python-Markdown extensions the build cannot do without (kbsite/markdown/).
REQUIRED_EXTENSIONS = {
    "kbsite.markdown.explicit_ids": "fails the build on a heading without an explicit {#id}",
    "kbsite.markdown.markers": "fills the <!-- kb:... --> markers (kbsite/markers.py)",
}


def failed(title: str, errors: list[str]) -> SiteError:
    return SiteError(f"{title}:\n  " + "\n  ".join(errors))


class PageChecks:
    def __init__(self, config):
        """Checks the build's configuration (extra.languages, extra.clinic,
        the Markdown extensions, the interface words the templates ask for)."""
        editions.languages(config)
        errors = clinic.validate(config.extra.get("clinic"))
        if errors:
            raise failed("Invalid clinic details", errors)
        missing = [f"mkdocs.yml: markdown_extensions should list {name}, which {why}."
                   for name, why in REQUIRED_EXTENSIONS.items() if name not in config.markdown_extensions]
        if missing:
            raise failed("Markdown extensions", missing)
        root = Path(config.config_file_path).parent
        # The templates fall back to English for a missing word: the first
        # language's build fails instead, naming the file to add it to.
        if config.theme.custom_dir and not editions.is_translation(config):
            errors = editions.missing_template_words(
                root, Path(config.theme.custom_dir).relative_to(root).as_posix(),
                [entry["code"] for entry in config.extra["languages"][1:]])
            if errors:
                raise failed("Interface words", errors)
        self.translation = editions.is_translation(config)
        self.markers = markers.markers_for(config)
        self.references: list[references.Reference] = []
        self.registry = load_registry(root / REGISTRY)

    def markdown(self, markdown: str, meta: dict, src_uri: str, source: str) -> None:
        """A page's Markdown as read: `src_uri` is the page in its edition
        ("safety.md"), `source` the file an editor opens ("docs/es/safety.md")."""
        errors = front_matter.validate(meta, source.removeprefix("docs/"), translation=self.translation)
        if errors:
            raise failed("Invalid front matter", errors)
        # The same reading as `make check` (kbsite.permalinks); the extension
        # kbsite.markdown.explicit_ids, in the page's own conversion, is the
        # net for headings a snippet brings in.
        missing = headings_without_ids(markdown)
        if missing:
            raise SiteError(f"{source}: {missing_message(missing)}")
        errors = markers.check_markers(markdown, src_uri, source, self.markers)
        if errors:
            raise failed("Generated content markers", errors)
        self.references.extend(references.read_references(markdown, source))
        errors = references.check_consistent(self.references)
        if errors:
            raise failed("Inconsistent references", errors)

    def html(self, content: str, url: str, source: str) -> str:
        """A page's HTML as converted (`url`: "/safety/"), with the anchor
        redirects the registry gives it."""
        # Code the Content Security Policy would have to allow (an inline
        # <script>, onclick=, a javascript: URL).
        errors = csp.content_errors(content, source)
        if errors:
            raise failed("Content Security Policy", errors)
        redirects = redirects_for_page(self.registry, url)
        if redirects:
            # Data in an attribute, not a <script>: Material's instant navigation
            # re-creates script elements, which would run JSON as code (and the
            # CSP would block it). html.escape makes the JSON a safe attribute.
            content += f'\n<div hidden data-anchor-redirects="{html.escape(json.dumps(redirects, sort_keys=True))}"></div>'
        return content
