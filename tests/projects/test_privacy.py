"""Private by default: no request leaves the site, no cookies, and a strict
Content Security Policy that nothing the site does violates.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/browser/test_privacy.py,
tests/site/test_privacy.py."""

from __future__ import annotations

import pytest
from sitebuild import build, build_with_page_text, copy_project


def test_an_external_asset_fails_the_strict_build(tmp_path):
    result = build_with_page_text(tmp_path, "glossary.md", '\n<img src="https://tracker.example.com/pixel.gif" alt="">\n')
    assert result.returncode != 0
    assert "External file: https://tracker.example.com/pixel.gif" in result.stderr


@pytest.mark.parametrize("snippet,message", [
    ("<script>window.__ran = 1</script>", "docs/glossary.md: an inline <script> in the page"),
    ('<p><a href="#" onclick="window.__ran = 1">Click</a></p>', "docs/glossary.md: inline event handler <a onclick=...>"),
    ('<p><img src="x.png" alt="" onerror="window.__ran = 1"></p>', "docs/glossary.md: inline event handler <img onerror=...>"),
    ("[Click](javascript:alert(1))", "docs/glossary.md: javascript: URL"),
    ('<p><a href=" JaVaScript:alert(1)">Click</a></p>', "docs/glossary.md: javascript: URL"),
])
def test_a_script_in_a_page_fails_the_build_naming_the_page(tmp_path, snippet, message):
    result = build_with_page_text(tmp_path, "glossary.md", "\n" + snippet + "\n")
    assert result.returncode != 0
    assert message in result.stderr, result.stderr


def test_a_handler_in_a_template_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    partial = project / "overrides" / "partials" / "booking-cta.html"
    partial.write_text(partial.read_text().replace("<", '<span onmouseover="x()"></span><', 1))
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "inline event handler <span onmouseover=...>" in result.stderr and "index.html" in result.stderr, result.stderr


def test_a_second_build_over_the_first_leaves_one_policy_per_page(tmp_path):
    """`mkdocs build --dirty` keeps unchanged pages, policy and all (in a
    copy with English and Spanish: each edition's build is the same code)."""
    project = copy_project(tmp_path / "project")
    first = build(tmp_path / "site", project / "mkdocs.yml")
    assert first.returncode == 0, first.stderr
    again = build(tmp_path / "site", project / "mkdocs.yml", extra_args=("--dirty",))
    assert again.returncode == 0, again.stderr
    for path in (tmp_path / "site").rglob("*.html"):
        assert path.read_text(encoding="utf-8").count('http-equiv="Content-Security-Policy"') == 1, path
