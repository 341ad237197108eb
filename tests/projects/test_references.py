"""Sources are complete, dated and consistent (kbsite/references.py): the
references, the audit and claims reports, and an undated reference stopping
the editor's build.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/unit/test_references.py."""

from __future__ import annotations

from sitebuild import build, copy_project


def test_build_fails_on_an_undated_web_reference(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "safety.md"
    text = page.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith("[^fda-2023]:"))
    page.write_text(text.replace(line, line.replace(" Accessed November 25, 2026.", "")), encoding="utf-8")
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "docs/safety.md: reference [^fda-2023] does not say when it was read" in result.stderr
