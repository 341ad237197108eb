"""Published links never break (kbsite/permalinks.py): the registry of section
ids, redirects for what was renamed or moved, and the built site's links.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_permalinks.py, tests/site/test_permalinks.py."""

from __future__ import annotations

import re

import pytest

from kbsite.errors import SiteError
from kbsite.permalinks import check, headings_without_ids, load_registry, page_url, redirects_for_page
from sitebuild import PAGES, ROOT

REGISTRY = {"pages": {"/a/": ["one", "two"], "/b/": ["three"]}, "anchor_redirects": {}, "private": ["fn:*"]}
SOURCES = {"/a/": "docs/a.md", "/b/": "docs/b.md"}


@pytest.mark.parametrize("src,url", [("index.md", "/"), ("a/index.md", "/a/"), ("reindex.md", "/reindex/"),
                                     ("a/reindex.md", "/a/reindex/"), ("glossary.md", "/glossary/")])
def test_page_url_of_a_markdown_file(src, url):
    assert page_url(src) == url


def test_intact_site_passes():
    assert check(REGISTRY, {"/a/": {"one", "two"}, "/b/": {"three", "fn:1"}}, set(), SOURCES) == []


def test_removed_anchor_names_the_link_and_the_redirect_to_add():
    [error] = check(REGISTRY, {"/a/": {"one"}, "/b/": {"three"}}, set(), SOURCES)
    assert "Published link /a/#two is broken: docs/a.md has no section with id 'two'" in error
    assert '"/a/#two": "/a/#<new-id>"' in error


def test_anchor_redirect_keeps_a_renamed_section_working():
    registry = {**REGISTRY, "anchor_redirects": {"/a/#two": "/b/#three"}}
    assert check(registry, {"/a/": {"one"}, "/b/": {"three"}}, set(), SOURCES) == []
    assert redirects_for_page(registry, "/a/") == {"two": "../b/#three"}
    assert redirects_for_page(registry, "/b/") == {}


def test_anchor_redirect_to_nowhere_fails():
    registry = {**REGISTRY, "anchor_redirects": {"/a/#two": "/b/#gone"}}
    [error] = check(registry, {"/a/": {"one"}, "/b/": {"three"}}, set(), SOURCES)
    assert "/a/#two -> /b/#gone" in error and "leads nowhere" in error


def test_unlisted_id_must_be_registered_or_private():
    [error] = check(REGISTRY, {"/a/": {"one", "two", "new-section"}, "/b/": {"three"}}, set(), SOURCES)
    assert "docs/a.md publishes #new-section, which is not in permalinks.yml" in error


def test_removed_page_needs_a_page_redirect():
    [error] = check(REGISTRY, {"/a/": {"one", "two"}}, set(), SOURCES)
    assert "Published page /b/ no longer exists" in error and "redirect_maps" in error
    assert check(REGISTRY, {"/a/": {"one", "two"}}, {"/b/"}, SOURCES) == []


@pytest.mark.parametrize("text,message", [
    ("pages: {pain-overlap/: [a]}", "is not a page URL"),
    ("pages: {/a/: a}", "expected a list of section ids"),
    ("anchor_redirects: {/a/#x: /b/}", "is not a section link"),
    ("privat: [x]", "unknown key(s) ['privat']"),
])
def test_malformed_registry_fails_loudly(tmp_path, text, message):
    path = tmp_path / "permalinks.yml"
    path.write_text(text)
    with pytest.raises(SiteError, match=re.escape(message)):
        load_registry(path)


def test_headings_need_explicit_ids():
    """Python-Markdown's own parser finds the headings (permalinks.py's toc
    slugify): fences of any length and character, setext headings."""
    markdown = "\n".join([
        "# Title {#title}", "## Ok {#ok}", "## Closed {#closed} ##", "### With attrs { #attrs .wide }",
        "## Reworded heading", "#### Deep", "```", "## not a heading (code)", "```",
        "", "~~~~", "## not a heading (tilde fence)", "```", "still fenced", "~~~~",
        "", "````", "## not a heading (long fence)", "```", "````",
        "", "Setext heading", "==============", "", "Setext ok {#setext-ok}", "--------------",
        "", "---", "- a list item", "---",
    ])
    # "- a list item" over "---" is a setext heading to Python-Markdown, so it renders as <h2>.
    assert headings_without_ids(markdown) == ["Reworded heading", "Deep", "Setext heading", "- a list item"]


def test_the_committed_registry_lists_every_page():
    registry = load_registry(ROOT / "permalinks.yml")
    assert set(registry["pages"]) >= {"/" + url for url, _, _ in PAGES}
