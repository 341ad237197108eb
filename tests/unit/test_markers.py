"""One way to place generated content (kbsite/markers.py): each marker where it
belongs, and a build that lacks a required one fails naming the file.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_markers.py."""

from __future__ import annotations

import pytest

from kbsite import markers
from sitebuild import load_config


# The booking page's marker learns its page from mkdocs.yml, as in a build.
MARKERS = markers.markers_for(load_config())


def check_markers(text: str, page: str, shown: str | None = None) -> list[str]:
    return markers.check_markers(text, page, shown, MARKERS)


def test_each_marker_on_its_page_passes():
    for name, marker in MARKERS.items():
        for page in marker.pages or ("any.md",):
            text = "\n".join(f"<!-- kb:{n} -->" for n, m in MARKERS.items()
                             if m.required and page in m.pages) + f"\n<!-- kb:{name} -->"
            assert check_markers(text, page) == [], (name, page)


def test_unknown_marker_names_the_file_and_the_known_ones():
    [error] = check_markers("Text <!-- kb:clinic-contacts -->", "booking.md")[:1]
    assert "docs/booking.md: unknown marker <!-- kb:clinic-contacts -->" in error
    assert "clinic-contact" in error


def test_marker_on_the_wrong_page_names_where_it_belongs():
    errors = check_markers("<!-- kb:clinic-contact -->", "safety.md")
    assert errors == ["docs/safety.md: <!-- kb:clinic-contact --> belongs on docs/booking.md, not on this page. "
                      "If that page has moved here, change the marker's page in MARKERS in "
                      "kbsite/markers.py."]


@pytest.mark.parametrize("name,page", [(n, p) for n, m in MARKERS.items() if m.required for p in m.pages])
def test_missing_required_marker_fails(name, page):
    errors = check_markers("No marker here.", page)
    assert f"docs/{page}: the marker <!-- kb:{name} --> is missing" in "\n".join(errors)


