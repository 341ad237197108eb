"""Medically responsible content in the built site: key points, review
dates, the safety page and its sources, crisis help, the disclaimer, the
glossary, the diagram and structured data.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_content.py, tests/site/test_content.py."""

from __future__ import annotations

import re
import subprocess
import sys
import pytest
import textstat
from kbsite.glossary import read_glossary
from sitebuild import FIXED_TODAY, LANGUAGES, PAGES, ROOT, on_day
from writing_helpers import MAX_GRADE


def test_reading_grade_check_can_fail():
    # The clinic's own opening sentence reads far above grade 8.
    source = (ROOT / "tests/fixtures/source-article.txt").read_text(encoding="utf-8").splitlines()[0]
    assert textstat.flesch_kincaid_grade(source) > MAX_GRADE


# Every page of every edition (docs/ and docs/<code>/) has review dates.
@pytest.mark.parametrize("today,overdue", [(FIXED_TODAY, 0), ("2030-01-01", len(PAGES) * len(LANGUAGES))])
def test_audit_lists_overdue_pages(today, overdue):
    result = subprocess.run([sys.executable, "-m", "kbsite.review_dates", "docs"], cwd=ROOT,
                            capture_output=True, text=True, env={**on_day(today), "PATH": ""}, check=True)
    assert result.stdout.strip().endswith(f"{overdue} page(s) overdue for review on {today}.")
    assert result.stdout.count("review was due") == overdue


@pytest.mark.parametrize("line,message", [
    ("NMDA: a receptor", "is not a glossary entry"),
    ("*[NMDA]:", "has no definition"),
    ("*[NMDA]: one\n*[nmda]: two", "is defined twice"),
])
def test_bad_glossary_line_names_file_and_line(tmp_path, line, message):
    from kbsite.errors import SiteError

    path = tmp_path / "includes" / "glossary.md"
    path.parent.mkdir()
    path.write_text(line + "\n")
    with pytest.raises(SiteError, match=r"includes/glossary.md, line \d: .*" + re.escape(message)):
        read_glossary(path)
