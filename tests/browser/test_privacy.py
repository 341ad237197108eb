"""Private by default: no request leaves the site, no cookies, and a strict
Content Security Policy that nothing the site does violates.

Here: the built site in Chromium (tests/browser/). The same feature's other
layers: tests/projects/test_privacy.py, tests/site/test_privacy.py."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from sitebuild import EDITION_URLS, PAGES, switch_language

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
