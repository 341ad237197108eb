"""The front-matter schema (kbsite/front_matter.py): each problem named with
its file, field and fix, and the error reaching the editor in a real build,
naming the file in each edition.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/unit/test_front_matter.py."""

from __future__ import annotations

import re
import pytest
from sitebuild import build, copy_project


@pytest.mark.parametrize("page", ["safety.md", "es/safety.md"])
def test_a_bad_page_fails_the_real_build_naming_its_file(tmp_path, page):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / page
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r"(?m)^next_review: .*$", "next_review: 2020-01-01", text, count=1), encoding="utf-8")
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert f"docs/{page}: front matter field 'next_review' (2020-01-01) is not after last_reviewed" in result.stderr
