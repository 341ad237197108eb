"""One way to place generated content (kbsite/markers.py): each marker where it
belongs, and a build that lacks a required one fails naming the file.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/unit/test_markers.py."""

from __future__ import annotations

import pytest
from sitebuild import build, copy_project


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
