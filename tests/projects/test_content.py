"""Medically responsible content in the built site: key points, review
dates, the safety page and its sources, crisis help, the disclaimer, the
glossary, the diagram and structured data.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/site/test_content.py,
tests/unit/test_content.py."""

from __future__ import annotations

import json
import re
import pytest
from bs4 import BeautifulSoup
from sitebuild import build, copy_project, on_day


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory):
    """The site built on a day after its pages' next review, with a reviewer set on one page."""
    tmp = tmp_path_factory.mktemp("overdue")
    project = copy_project(tmp / "project")
    page = project / "docs" / "safety.md"
    text = page.read_text()
    page.write_text(re.sub(r"^(next_review: .*)$", r"\1\nreviewed_by: Dr Test Reviewer, MD", text, count=1, flags=re.M))
    result = build(tmp / "site", project / "mkdocs.yml", env=on_day("2028-01-01"))
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_overdue_page_shows_a_visible_notice(overdue_site):
    soup = BeautifulSoup((overdue_site / "pain-overlap/index.html").read_text(), "lxml")
    notice = soup.select_one("aside.review-dates .review-dates__overdue")
    assert "This page is due for review" in notice.get_text()


def test_reviewer_is_shown_and_in_structured_data_when_set(overdue_site):
    soup = BeautifulSoup((overdue_site / "safety/index.html").read_text(), "lxml")
    assert "by Dr Test Reviewer, MD" in soup.select_one("aside.review-dates").get_text()
    # A page a clinician has reviewed no longer says it has not been (#32).
    assert not soup.select("aside.review-dates .review-dates__unreviewed")
    other = BeautifulSoup((overdue_site / "pain-overlap/index.html").read_text(), "lxml")
    assert other.select("aside.review-dates .review-dates__unreviewed")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Test Reviewer, MD"}


def test_a_bad_build_date_is_a_clear_error(tmp_path):
    result = build(tmp_path / "site", env={"SOURCE_DATE_EPOCH": "01/12/2026"})
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH is '01/12/2026'. Expected the build's time in seconds since 1970" in result.stderr
    assert "Traceback" not in result.stderr
