"""One way to place generated content: unit tests of kbsite/markers.py
and real builds of changed copies of the site."""

from __future__ import annotations

import pytest

from kbsite import markers
from sitebuild import build, copy_project, load_config


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


@pytest.mark.parametrize("page,marker", [("booking.md", "clinic-contact"), ("clinicians.md", "section-links"),
                                         ("glossary.md", "glossary")])
def test_a_build_without_a_required_marker_fails_naming_the_file(tmp_path, page, marker):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").replace(f"<!-- kb:{marker} -->", ""), encoding="utf-8")
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert f"docs/{page}: the marker <!-- kb:{marker} --> is missing" in result.stderr


def test_the_booking_page_is_named_in_mkdocs_yml(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("booking_page: booking.md", "booking_page: book.md"))
    result = build(tmp_path / "site", config)
    assert result.returncode != 0
    assert "extra.booking_page is 'book.md'; it should name the booking page's file in docs/" in result.stderr
