"""Every source check, registered once. `make check` (kbsite.source_checks)
runs them all over the sources without a build; a build runs the same
ones: the shared files' once (kbsite.mkdocs_build), an edition's
configuration's when it loads and the page checks as each page is read
(kbsite.page_checks). A check
returns one message per problem, naming the file, the field and the fix.

  SITE_CHECKS   over the configuration (EDITION_CHECKS, each edition's
                build) and the files every edition shares (SHARED_CHECKS,
                once a build)
  PAGE_CHECKS   over one page's Markdown and front matter, in order; a
                Reading carries what a check needs across an edition's pages
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kbsite import clinic, crisis_words, editions, front_matter, markers, permalinks, references, search_vocabulary
from kbsite.errors import SiteError
from kbsite.markdown.explicit_ids import missing_message


def _caught(check: Callable[[], object]) -> list[str]:
    """A check that raises on its first problem, as a list of its message."""
    try:
        check()
    except SiteError as error:
        return [str(error)]
    return []


# ---- The site: its configuration and shared files -----------------------------------
#
# `config` has MkDocs' configuration fields (extra, theme, docs_dir,
# config_file_path, markdown_extensions); `root` is the project's folder.

# Python-Markdown extensions the build cannot do without (kbsite/markdown/).
REQUIRED_EXTENSIONS = {
    "kbsite.markdown.explicit_ids": "fails the build on a heading without an explicit {#id}",
    "kbsite.markdown.markers": "fills the <!-- kb:... --> markers (kbsite/markers.py)",
}


def _codes(config) -> list[str]:
    return [entry["code"] for entry in config.extra["languages"]]


def _extensions(config, root: Path) -> list[str]:
    return [f"mkdocs.yml: markdown_extensions should list {name}, which {why}."
            for name, why in REQUIRED_EXTENSIONS.items() if name not in config.markdown_extensions]


def _interface_words(config, root: Path) -> list[str]:
    # The templates fall back to English for a missing word: the check
    # fails instead, naming the file to add it to.
    if not config.theme.custom_dir:
        return []
    return editions.missing_template_words(root, Path(config.theme.custom_dir).relative_to(root).as_posix(),
                                           _codes(config)[1:])


def _crisis_words(config, root: Path) -> list[str]:
    try:
        return crisis_words.missing_languages(crisis_words.load(root / crisis_words.DATA_FILE), _codes(config))
    except SiteError as error:
        return [str(error)]


def _translations(config, root: Path) -> list[str]:
    docs = editions.source_docs_dir(config)
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    return editions.unpaired_pages(pages, [editions.folder(code) + "/" for code in _codes(config)[1:]])


def _vocabularies(config, root: Path) -> list[str]:
    errors = []
    for index, code in enumerate(_codes(config)):
        folder = root / "includes" / ("" if not index else editions.folder(code))
        errors += _caught(lambda: search_vocabulary.load(folder / search_vocabulary.DATA_FILE))
        errors += _caught(lambda: search_vocabulary.load_stop_words(folder / search_vocabulary.STOP_WORDS_FILE))
    return errors


def _share_images(config, root: Path) -> list[str]:
    # A link preview shows the edition's own image; without it, a broken one.
    from kbsite.share_image import image_path

    docs = editions.source_docs_dir(config)
    paths = {code: image_path(docs / (editions.folder(code) if index else "")) for index, code in enumerate(_codes(config))}
    return [f"{path.relative_to(root).as_posix()}: no link-preview image for {code!r}. "
            "Run `make share-images`, which draws one for every language."
            for code, path in paths.items() if not path.is_file()]


# What one edition's configuration holds: each edition's build checks its
# own. In order: the languages first, since the others read them.
EDITION_CHECKS: dict[str, Callable[[object, Path], list[str]]] = {
    "Languages": lambda config, root: _caught(lambda: editions.languages(config)),
    "Invalid clinic details": lambda config, root: clinic.validate(config.extra.get("clinic")),
    "Markdown extensions": _extensions,
    "Generated content markers": lambda config, root: _caught(lambda: markers.markers_for(config)),
}
# The files every edition shares: checked once a build (kbsite.mkdocs_build,
# before the first edition; kbsite.zensical through make check's run).
SHARED_CHECKS: dict[str, Callable[[object, Path], list[str]]] = {
    "Interface words": _interface_words,
    "Crisis words": _crisis_words,
    "Permalink registry": lambda config, root: _caught(lambda: permalinks.load_registry(root / permalinks.REGISTRY)),
    "Translations": _translations,
    "Search vocabulary": _vocabularies,
    "Link-preview images": _share_images,
    "Sources to reread": lambda config, root: _caught(
        lambda: references.read_reread(root / references.REREAD_FILE, editions.source_docs_dir(config))),
}
SITE_CHECKS = {**EDITION_CHECKS, **SHARED_CHECKS}


def failed(title: str, errors: list[str]) -> SiteError:
    return SiteError(f"{title}:\n  " + "\n  ".join(errors))


def run_site_checks(config, root: Path, which: dict) -> None:
    """The checks of `which` (EDITION_CHECKS, SHARED_CHECKS) in order: the
    first that finds a problem raises it, with every message it has."""
    for title, check in which.items():
        errors = check(config, root)
        if errors:
            raise failed(title, errors)


# ---- A page -----------------------------------------------------------------------------

@dataclass
class Page:
    markdown: str          # after its front matter
    meta: dict             # its front matter
    src_uri: str           # the page in its edition: "safety.md"
    source: str            # the file an editor opens: "docs/es/safety.md"
    translation: bool      # in docs/<folder>/


@dataclass
class Reading:
    """What the page checks carry across one edition's pages."""
    markers: dict
    booking_page: str = ""                         # extra.booking_page: where kb:book leads
    references: list = field(default_factory=list)
    reported: set = field(default_factory=set)   # a disagreement is named once


def _front_matter(page: Page, reading: Reading) -> list[str]:
    return front_matter.validate(page.meta, page.source.removeprefix("docs/"), translation=page.translation)


def _heading_ids(page: Page, reading: Reading) -> list[str]:
    # The extension kbsite.markdown.explicit_ids, in the page's own
    # conversion, is the net for headings a snippet brings in.
    missing = permalinks.headings_without_ids(page.markdown)
    return [f"{page.source}: {missing_message(missing)}"] if missing else []


def _markers(page: Page, reading: Reading) -> list[str]:
    return (markers.check_markers(page.markdown, page.src_uri, page.source, reading.markers)
            + markers.check_booking_link(page.markdown, page.meta, page.src_uri, page.source, reading.booking_page))


def _references(page: Page, reading: Reading) -> list[str]:
    try:
        reading.references.extend(references.read_references(page.markdown, page.source))
    except SiteError as error:
        return [str(error)]
    new = [error for error in references.check_consistent(reading.references) if error not in reading.reported]
    reading.reported.update(new)
    return new


PAGE_CHECKS: dict[str, Callable[[Page, Reading], list[str]]] = {
    "Invalid front matter": _front_matter,
    "Headings without ids": _heading_ids,
    "Generated content markers": _markers,
    "Inconsistent references": _references,
}


def reading(config) -> Reading:
    """A new reading of one edition's pages."""
    try:
        configured = markers.markers_for(config)
    except SiteError:
        configured = markers.MARKERS   # the site check "Generated content markers" names the problem
    return Reading(configured, booking_page=str(config.extra.get("booking_page") or ""))
