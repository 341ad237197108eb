"""Generated content in pages: one marker syntax, one dispatcher.

A page asks for something the build makes with an HTML comment,

    <!-- kb:clinic-contact -->

on a line of its own or inside a sentence. Every marker is listed once in
MARKERS below: the page(s) it belongs on, whether those pages must have it,
and what it becomes. The build fails, naming the file, on an unknown
marker, a marker on a page it does not belong on, and a required marker
that is missing, so nothing silently renders as empty.

The Python-Markdown extension kbsite.markdown.markers fills every one as
the Markdown is read, in any generator, so search indexes what they make:
the glossary page's list, the clinic's name, contact block and prices, the
way to report a mistake, and the clinicians' table of every section.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from kbsite.errors import SiteError
from kbsite.markdown.markers import MARKER as _MARKER


@dataclass(frozen=True)
class Marker:
    pages: tuple[str, ...]             # docs/ files it may appear on; () means any page
    required: bool                     # each of those pages must have it


MARKERS: dict[str, Marker] = {
    "glossary": Marker(("glossary.md",), True),
    "section-links": Marker(("clinicians.md",), True),
    # Its page is extra.booking_page (mkdocs.yml): markers_for.
    "clinic-contact": Marker((), True),
    "clinic-pricing": Marker(("what-to-expect.md",), True),
    "clinic-name": Marker((), False),
    "report-issue": Marker(("about.md", "accessibility.md"), True),
    # Where it goes: check_booking_link.
    "book": Marker((), False),
}


def markers_for(config) -> dict[str, Marker]:
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


# A Key points box: its "!!!" line and the indented or blank lines under it.
_KEY_POINTS = re.compile(r"^!!! [\w-]+ key-points\b.*\n(?:(?:[ \t]+.*)?\n)*", re.M)
BOOK = "<!-- kb:book -->"


def check_booking_link(markdown: str, meta: dict, src_uri: str, shown: str, booking_page: str) -> list[str]:
    """A page with a Key points box leads to booking right after it (the
    marker <!-- kb:book -->), so booking is a tap away from the top of the
    page: every page but the booking page itself and one whose front matter
    says `booking_cta: false` (Safety)."""
    box = _KEY_POINTS.search(markdown)
    leads = bool(box) and src_uri != booking_page and meta.get("booking_cta", True) is not False
    placed = bool(box) and markdown[box.end():].lstrip().startswith(BOOK)
    if leads and not placed:
        return [f"{shown}: put {BOOK} on a line of its own right after the Key points box, so a reader can book "
                "from the top of the page (or, if this page must not lead to booking, set booking_cta: false in "
                "its front matter, as docs/safety.md does)."]
    if BOOK in markdown and not leads:
        why = ("it is the booking page" if src_uri == booking_page else "it has no Key points box" if not box
               else "its front matter says booking_cta: false")
        return [f"{shown}: {BOOK} does not belong on this page ({why}); remove it."]
    return []
