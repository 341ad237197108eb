"""Private by default: no request leaves the site, no cookies, and a strict
Content Security Policy that nothing the site does violates."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from sitebuild import EDITION_URLS, PAGES, TRANSLATIONS, build, build_with_page_text, copy_project, site_prefix, switch_language
from kbsite.editions import folder

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
"""


@pytest.fixture
def watched(browser, server):
    """A tab that records every request and every CSP violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    yield tab, requests
    context.close()


def _foreign(requests, server):
    origin = urlsplit(server.origin)
    return [u for u in requests if urlsplit(u).scheme not in ("data", "blob")
            and (urlsplit(u).scheme, urlsplit(u).netloc) != (origin.scheme, origin.netloc)]


def test_no_request_leaves_the_site_and_no_policy_is_violated(watched, server):
    tab, requests = watched
    violations = []  # the recorder starts afresh on each page load, so collect as we go
    for url, _, _ in PAGES:
        tab.goto(server.root + url)
        tab.wait_for_load_state("networkidle")
        violations += tab.evaluate("window.__cspViolations")
    # Search (loads the index and the worker), then open a result (instant navigation)
    tab.goto(server.root)
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("ptsd")
    tab.locator("li.md-search-result__item > a").first.click()
    expect(tab).to_have_url(re.compile("mental-health"))
    # The device turns dark, then light again (the scheme follows it)
    tab.emulate_media(color_scheme="dark")
    tab.emulate_media(color_scheme="light")
    # Copy a section link
    tab.locator("h2#neuroplasticity").hover()
    tab.locator("h2#neuroplasticity button.copy-link").click()
    expect(tab.locator('#copy-link-status[role="status"]')).to_contain_text("Link copied")
    # Glossary tooltip
    tab.locator("article abbr").first.hover()
    tab.wait_for_load_state("networkidle")
    assert _foreign(requests, server) == [], "requests to other sites"
    assert any("search_index.json" in u for u in requests), "the search really ran"
    violations += tab.evaluate("window.__cspViolations")
    assert violations == []
    assert tab.context.cookies() == [] and tab.evaluate("document.cookie") == ""


def test_violations_are_really_recorded(watched, server):
    # The recorder can fail: an inline script without a hash is blocked and reported.
    tab, _ = watched
    tab.goto(server.root)
    tab.evaluate("""() => { const s = document.createElement('script');
                           s.textContent = 'window.__ran = true'; document.body.append(s); }""")
    tab.wait_for_function("window.__cspViolations.length > 0")
    assert tab.evaluate("window.__ran") is None
    assert "script-src" in tab.evaluate("window.__cspViolations")[0]


@pytest.mark.parametrize("path", [url + "index.html" for url in EDITION_URLS] + ["404.html"])
def test_every_page_carries_the_policy_before_any_script(site, config, path):
    # Each edition is its own site: /es/ pages allow scripts from /es/ only.
    edition = next((folder(code) + "/" for code in TRANSLATIONS if path.startswith(folder(code) + "/")), "")
    site_url, prefix = config["site_url"] + edition, site_prefix(config) + edition
    html = (site / path).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    policy = dict(d.strip().split(" ", 1) for d in meta["content"].split(";"))
    assert policy["default-src"] == policy["base-uri"] == policy["form-action"] == "'self'"
    # Scripts, workers and connections: the site's own address (its path
    # included), never 'self', which on GitHub Pages is every site of the owner.
    assert policy["worker-src"] == policy["connect-src"] == site_url
    sources = policy["script-src"].split()
    assert sources[0] == site_url and "'self'" not in sources and urlsplit(sources[0]).path != "/"
    assert policy["img-src"] == "'self' data:" and policy["object-src"] == "'none'"
    assert "unsafe-inline" not in meta["content"] and "unsafe-eval" not in meta["content"]
    assert html.count("Content-Security-Policy") == 1
    allowed = set(sources[1:])
    # Hash every inline script that runs, independently of the hook's own code.
    inline = [s.string or "" for s in soup.select("script:not([src])")
              if s.get("type") not in ("application/json", "application/ld+json")]
    assert inline, "Material writes inline scripts on every page"
    assert {"'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
            for code in inline} == allowed
    assert html.index("Content-Security-Policy") < html.index("<script")
    # Material's scope is fixed from site_url, so every page has the same inline scripts.
    assert f'__md_scope=new URL("{prefix}",location)' in html


def test_no_analytics_or_external_assets_in_the_html(site):
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in soup.select("script[src], link[href], img[src], iframe, source[src]"):
            ref = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not urlsplit(ref).netloc, f"{path}: {tag.name} loads {ref}"


def test_an_external_asset_fails_the_strict_build(tmp_path):
    result = build_with_page_text(tmp_path, "glossary.md", '\n<img src="https://tracker.example.com/pixel.gif" alt="">\n')
    assert result.returncode != 0
    assert "External file: https://tracker.example.com/pixel.gif" in result.stderr


def test_pages_work_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    for url, label, h1 in PAGES:
        tab.goto(server.root + url)
        expect(tab.locator("article.md-content__inner h1")).to_contain_text(h1)
        # The page's text (a key point, the clinic's words or ours) shows.
        expect(tab.locator("article p:not(.print-only, .admonition-title, nav p)").first).to_be_visible()
        # Copying a link needs JavaScript: without it the buttons are hidden.
        if tab.locator("button.copy-link").count():
            expect(tab.locator("button.copy-link").first).to_be_hidden()
        nav = tab.locator("nav.md-nav--primary").get_by_role("link", name=label, exact=True)
        expect(nav).to_be_visible()
    # Every translated page too, and its language switch is a plain link.
    for url in EDITION_URLS[len(PAGES):]:
        tab.goto(server.root + url)
        expect(tab.locator("article.md-content__inner h1")).to_be_visible()
        # The page's text (a key point, the clinic's words or ours) shows.
        expect(tab.locator("article p:not(.print-only, .admonition-title, nav p)").first).to_be_visible()
    tab.goto(server.root + "safety/")
    switch_language(tab, "es")
    expect(tab).to_have_url(server.root + "es/safety/")
    expect(tab.locator("html")).to_have_attribute("lang", "es")
    switch_language(tab, "en")
    expect(tab).to_have_url(server.root + "safety/")
    # Nav links work as plain links
    tab.goto(server.root)
    tab.locator("nav.md-nav--primary").get_by_role("link", name="Safety", exact=True).click()
    expect(tab).to_have_url(server.root + "safety/")
    context.close()


def test_phone_menu_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server.root)
    tab.locator('label.md-header__button[for="__drawer"]').click()  # a CSS-only drawer
    tab.locator("nav.md-nav--primary").get_by_role("link", name="Book a consultation", exact=True).click()
    expect(tab).to_have_url(server.root + "booking/")
    expect(tab.locator("article.md-content__inner h1")).to_contain_text("Book a consultation")
    context.close()


# ---- Only the site's own inline scripts (kbsite/postbuild/csp.py) ------------

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
