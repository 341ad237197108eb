"""Generated content in pages: one marker syntax, one dispatcher.

A page asks for something the build makes with an HTML comment,

    <!-- kb:clinic-contact -->

on a line of its own or inside a sentence. Every marker is listed once in
MARKERS below: the page(s) it belongs on, whether those pages must have it,
and what it becomes. The build fails, naming the file, on an unknown
marker, a marker on a page it does not belong on, and a required marker
that is missing, so nothing silently renders as empty.

The glossary page's list, the clinic's name, contact block and prices, and
the way to report a mistake need only configuration: the Python-Markdown
extension kbsite.markdown.markers fills them as the Markdown is read, in
any generator, so search indexes them. The one marker that needs the
finished pages (the clinicians' table of every section) is filled in
(`fill`) when the page's template context is made, by the MkDocs adapter
(hooks/knowledge_base.py): MkDocs has rendered every page's Markdown by then.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kbsite import editions
from kbsite.errors import SiteError
from kbsite import section_links
from kbsite.markdown.markers import MARKER as _MARKER


@dataclass(frozen=True)
class Context:
    page: Page
    config: MkDocsConfig
    nav: Navigation | None


@dataclass(frozen=True)
class Marker:
    pages: tuple[str, ...]             # docs/ files it may appear on; () means any page
    required: bool                     # each of those pages must have it
    markdown: bool                     # filled by the Markdown extension kbsite.markdown.markers
    render: Callable[[Context], str] | None   # None: the Markdown extension fills it


MARKERS: dict[str, Marker] = {
    "glossary": Marker(("glossary.md",), True, True, None),
    "section-links": Marker(("clinicians.md",), True, False,
                            lambda ctx: section_links.section_table(
                                ctx.nav.pages, lambda text: editions.translate(ctx.config, text))),
    # Its page is extra.booking_page (mkdocs.yml), set by on_config.
    "clinic-contact": Marker((), True, True, None),
    "clinic-pricing": Marker(("what-to-expect.md",), True, True, None),
    "clinic-name": Marker((), False, True, None),
    "report-issue": Marker(("about.md",), True, True, None),
}


def markers_for(config: MkDocsConfig) -> dict[str, Marker]:
    """MARKERS, with the contact block's page from mkdocs.yml (extra.booking_page)."""
    booking = config.extra.get("booking_page")
    if not (isinstance(booking, str) and booking.endswith(".md")
            and (Path(config.docs_dir) / booking).is_file()):
        raise SiteError(f"mkdocs.yml: extra.booking_page is {booking!r}; it should name the booking page's "
                          "file in docs/, e.g. booking_page: booking.md.")
    return {**MARKERS, "clinic-contact": dataclasses.replace(MARKERS["clinic-contact"], pages=(booking,))}


def check_markers(markdown: str, src_uri: str, shown: str | None = None,
                  markers: dict[str, Marker] = MARKERS) -> list[str]:
    """One message per unknown, misplaced or missing marker on a page.
    `src_uri` is the page within its edition ("about.md"); `shown`, the file
    an editor opens ("docs/es/about.md"), which the messages name;
    `markers`, MARKERS as configured (markers_for)."""
    shown = shown or f"docs/{src_uri}"
    errors, found = [], set(_MARKER.findall(markdown))
    for name in sorted(found):
        marker = markers.get(name)
        if marker is None:
            errors.append(f"{shown}: unknown marker <!-- kb:{name} -->. "
                          f"Known markers: {', '.join(sorted(markers))}.")
        elif marker.pages and src_uri not in marker.pages:
            errors.append(f"{shown}: <!-- kb:{name} --> belongs on "
                          f"{' or '.join('docs/' + p for p in marker.pages)}, not on this page. If that page has moved "
                          f"here, change the marker's page in MARKERS in kbsite/markers.py.")
    for name, marker in sorted(markers.items()):
        if marker.required and src_uri in marker.pages and name not in found:
            errors.append(f"{shown}: the marker <!-- kb:{name} --> is missing, so what it makes has "
                          "nowhere to go. Put it back on a line of its own.")
    return errors


def fill(text: str, ctx: Context) -> str:
    """The markers the build fills from the finished pages and templates."""
    def replace(match: re.Match) -> str:
        marker = MARKERS[match["name"]]   # what a marker makes does not depend on its page
        return marker.render(ctx) if marker.render else match[0]
    return _MARKER.sub(replace, text)
